package sqlstore

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/store"
)

// writeTx is one Put transaction with its prepared statements.
type writeTx struct {
	s       *DB
	tx      *sql.Tx
	ctx     context.Context
	stmts   map[string]*sql.Stmt
	maxSpan int         // widest date span recorded so far in this transaction
	packs   *packWriter // nil when texts and layers go into the rows
	// sketches are the MinHash sketches of the originals stored in this
	// transaction, by article ID (schemas without stored sketches).
	sketches map[int64][]byte
	// sources are the source prefix IDs used in this transaction.
	sources map[string]int64
}

func (w *writeTx) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, w.s.q(query))
	if err != nil {
		return nil, fmt.Errorf("prepare %.40q: %w", query, err)
	}
	w.stmts[query] = st
	return st, nil
}

func (w *writeTx) exec(query string, args ...any) error {
	st, err := w.stmt(query)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(w.ctx, args...)
	return err
}

func (w *writeTx) row(query string, args ...any) *sql.Row {
	st, err := w.stmt(query)
	if err != nil {
		// Surface the error through a query that cannot succeed.
		return w.tx.QueryRowContext(w.ctx, "SELECT invalid prepared statement")
	}
	return st.QueryRowContext(w.ctx, args...)
}

func (w *writeTx) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// Put implements store.Store.
func (s *DB) Put(ctx context.Context, docs ...*doc.Document) ([]store.PutResult, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	w := &writeTx{s: s, tx: tx, ctx: ctx, stmts: map[string]*sql.Stmt{}, sketches: map[int64][]byte{}, sources: map[string]int64{}}
	if s.packSize > 0 {
		w.packs = &packWriter{size: s.packSize}
	}
	defer w.close()
	if s.d.WriteLock != "" {
		if _, err := tx.ExecContext(ctx, s.d.WriteLock); err != nil {
			tx.Rollback()
			return nil, fmt.Errorf("store: write lock: %w", err)
		}
	}
	res := make([]store.PutResult, len(docs))
	now := timeText(time.Now())
	for i, d := range docs {
		if d == nil {
			tx.Rollback()
			return nil, fmt.Errorf("store: put: document %d is nil", i)
		}
		r, err := w.put(d, now)
		if err != nil {
			tx.Rollback()
			name := d.Source
			if name == "" {
				name = d.ID
			}
			return nil, fmt.Errorf("store: put %s: %w", name, err)
		}
		res[i] = r
	}
	if w.packs != nil {
		if err := w.packs.flush(ctx, tx); err != nil {
			tx.Rollback()
			return nil, fmt.Errorf("store: put: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: commit: %w", err)
	}
	return res, nil
}

// SourceKey is the outlet an article counts under for NumSources: its
// outlet name, else its web host without "www.", else "".
func SourceKey(outlet, rawURL string) string {
	if o := strings.ToLower(strings.TrimSpace(outlet)); o != "" {
		return o
	}
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}

func (w *writeTx) put(d *doc.Document, now string) (store.PutResult, error) {
	hash := store.ContentHash(d.Text)
	u := strings.TrimSpace(d.URL)
	var existing int64
	var err error
	if u != "" {
		err = w.row(`SELECT id FROM articles WHERE url = ?`, u).Scan(&existing)
		if err == nil {
			return store.PutResult{Status: store.PutDuplicate, ArticleID: existing}, nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return store.PutResult{}, err
		}
	}
	err = w.row(`SELECT id FROM articles WHERE content_hash = ?`, w.s.hashArg(hash)).Scan(&existing)
	if err == nil {
		return store.PutResult{Status: store.PutDuplicate, ArticleID: existing}, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return store.PutResult{}, err
	}

	sig, words := store.Signature(d.Text)
	var bands [store.MinHashBands]int64
	var dupOf int64
	var sigArg any
	if words >= store.MinShingleWords {
		bands = sig.Bands()
		sigArg = sig.Sketch()
		if dupOf, err = w.nearDuplicate(sig.Sketch(), &bands); err != nil {
			return store.PutResult{}, err
		}
	}
	blob, err := w.s.codec.Encode(d)
	if err != nil {
		return store.PutResult{}, err
	}
	var urlArg, dupArg any
	if u != "" {
		urlArg = u
	}
	if dupOf != 0 {
		dupArg = dupOf
	}
	published := timeText(d.Published)
	sourceKey := SourceKey(d.Outlet, u)
	var id int64
	// The row's columns and values: since schema v11 the times are
	// seconds and the sketch is not stored (nearDuplicate recomputes it).
	cols := []string{"doc_id", "url", "content_hash", "title", "author", "outlet", "source_key", "published", "source", "text_bytes", "dup_of", "ingested_at"}
	vals := []any{d.ID, urlArg, w.s.hashArg(hash), d.Title, d.Author, d.Outlet, sourceKey, w.s.articleTime(published), d.Source, len(d.Text), dupArg, w.s.articleTime(now)}
	if w.s.sourcePrefixes {
		// The prefix, which many articles share, once in sources.
		prefix, rest := SplitSource(d.Source)
		if prefix != "" {
			sid, err := w.sourceID(prefix)
			if err != nil {
				return store.PutResult{}, err
			}
			vals[8] = rest
			cols, vals = append(cols, "source_id"), append(vals, sid)
		}
	}
	if !w.s.slimTables {
		cols, vals = append(cols, "minhash"), append(vals, sigArg)
	}
	if w.packs != nil {
		// Text and layers go into the pack stream, the row keeps where.
		var sp packSpan
		if sp, err = w.packs.add(w.ctx, w.tx, w.s.codec.CompressText(d.Text), blob); err != nil {
			return store.PutResult{}, err
		}
		cols = append(cols, "pack_off", "text_len", "layers_len", "text")
		vals = append(vals, sp.off, sp.text, sp.layers)
		err = w.row(`INSERT INTO articles (`+strings.Join(cols, ", ")+`) VALUES (`+placeholders(len(vals))+`, x'') RETURNING id`, vals...).Scan(&id)
	} else {
		cols = append(cols, "text", "layers")
		vals = append(vals, w.s.textArg(d.Text), blob)
		err = w.row(`INSERT INTO articles (`+strings.Join(cols, ", ")+`) VALUES (`+placeholders(len(vals))+`) RETURNING id`, vals...).Scan(&id)
	}
	if err != nil {
		return store.PutResult{}, fmt.Errorf("insert article: %w", err)
	}
	if sigArg != nil && dupOf == 0 {
		// Only originals are indexed: copies link to their original.
		if w.s.slimTables {
			w.sketches[id] = sig.Sketch()
		}
		for _, b := range bands {
			if err := w.exec(`INSERT INTO article_bands (band, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, w.s.band(b), id); err != nil {
				return store.PutResult{}, fmt.Errorf("index article bands: %w", err)
			}
		}
	}
	res := store.PutResult{Status: store.PutStored, ArticleID: id}
	if dupOf != 0 {
		res.Status, res.DupOf = store.PutSyndicated, dupOf
		return res, nil
	}
	if w.s.d.ArticleFTS != "" {
		text := d.Text
		if w.s.quotesByArticle {
			text += QuoteExtraText(d.Text, d.Quotes)
		}
		if err := w.exec(w.s.d.ArticleFTS, id, d.Title, text); err != nil {
			return res, fmt.Errorf("index article: %w", err)
		}
	}
	actors, err := w.putActors(d)
	if err != nil {
		return res, err
	}
	if err := w.putQuotes(id, d, actors); err != nil {
		return res, err
	}
	if err := w.putEvents(id, d, actors, published, sourceKey, &res); err != nil {
		return res, err
	}
	return res, nil
}

// nearDuplicate returns the stored original whose text is most similar to
// sig, when the similarity reaches store.NearDupSimilarity, or 0.
func (w *writeTx) nearDuplicate(sketch []byte, bands *[store.MinHashBands]int64) (int64, error) {
	args := make([]any, len(bands))
	for i, b := range bands {
		args[i] = w.s.band(b)
	}
	if w.s.slimTables {
		return w.nearDuplicateByText(sketch, args)
	}
	st, err := w.stmt(`SELECT a.id, a.minhash FROM articles a WHERE a.id IN (SELECT DISTINCT article_id FROM article_bands WHERE band IN (` + placeholders(len(bands)) + `))`)
	if err != nil {
		return 0, err
	}
	rows, err := st.QueryContext(w.ctx, args...)
	if err != nil {
		return 0, fmt.Errorf("near-duplicate lookup: %w", err)
	}
	defer rows.Close()
	var best int64
	bestSim := 0.0
	for rows.Next() {
		var id int64
		var b []byte
		if err := rows.Scan(&id, &b); err != nil {
			return 0, err
		}
		if sim := store.SketchSimilarity(sketch, b); sim >= store.NearDupSimilarity && sim > bestSim {
			best, bestSim = id, sim
		}
	}
	return best, rows.Err()
}

// sourceID returns the ID of a source prefix in sources, adding it when
// new.
func (w *writeTx) sourceID(prefix string) (int64, error) {
	if id, ok := w.sources[prefix]; ok {
		return id, nil
	}
	var id int64
	err := w.row(`INSERT INTO sources (prefix) VALUES (?) ON CONFLICT (prefix) DO UPDATE SET prefix = excluded.prefix RETURNING id`, prefix).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("source prefix %q: %w", prefix, err)
	}
	w.sources[prefix] = id
	return id, nil
}

// nearDuplicateByText is nearDuplicate for schemas that keep no sketches
// (v11): the sketch of each article that shares a band is computed again
// from its text (a band hit is rare outside real copies), or taken from
// the articles this transaction stored, whose texts may not be readable
// yet (the open pack is written at the end).
func (w *writeTx) nearDuplicateByText(sketch []byte, bands []any) (int64, error) {
	st, err := w.stmt(`SELECT DISTINCT article_id FROM article_bands WHERE band IN (` + placeholders(len(bands)) + `)`)
	if err != nil {
		return 0, err
	}
	rows, err := st.QueryContext(w.ctx, bands...)
	if err != nil {
		return 0, fmt.Errorf("near-duplicate lookup: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("near-duplicate lookup: %w", err)
	}
	var best int64
	bestSim := 0.0
	for _, id := range ids {
		b, ok := w.sketches[id]
		if !ok {
			text, err := w.storedText(id)
			if err != nil {
				return 0, fmt.Errorf("near-duplicate lookup: article %d: %w", id, err)
			}
			sig, _ := store.Signature(text)
			b = sig.Sketch()
		}
		if sim := store.SketchSimilarity(sketch, b); sim >= store.NearDupSimilarity && (sim > bestSim || sim == bestSim && id < best) {
			best, bestSim = id, sim
		}
	}
	return best, nil
}

// storedText reads the text of a stored article inside the transaction.
func (w *writeTx) storedText(id int64) (string, error) {
	var raw []byte
	var err error
	if w.s.packSize > 0 {
		raw, err = ArticleTextTx(w.ctx, w.tx, w.s.packSize, id)
	} else {
		err = w.row(`SELECT text FROM articles WHERE id = ?`, id).Scan(&raw)
	}
	if err != nil {
		return "", err
	}
	return w.s.readText(raw)
}

// ActorKey is the identity of an actor across articles: its canonical name,
// lower-cased with white space folded.
func ActorKey(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), " ")
}

// actorRef is the store actor behind an article's actor ID.
type actorRef struct {
	id   int64
	name string
	code string
}

func (w *writeTx) upsertActor(name, kind, code, country, sector string, mentions, articles int) (int64, error) {
	key := ActorKey(name)
	if key == "" {
		return 0, nil
	}
	var id int64
	name = strings.TrimSpace(name)
	var keyArg any = key
	if w.s.keyCol != "key" {
		keyArg = StoredActorKey(key, name)
	}
	var err error
	switch {
	case w.s.slimActors:
		// Country and sector are in the layer blob only (schema v14):
		// no query reads them.
		emptyKind := `actors.kind = ''`
		if w.s.moreCodes {
			emptyKind = `actors.kind IN (0, '')`
		}
		err = w.row(`INSERT INTO actors (key, name, kind, code, mentions, articles) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (`+w.s.keyCol+`) DO UPDATE SET mentions = actors.mentions + excluded.mentions, articles = actors.articles + excluded.articles,
			code = CASE WHEN actors.code = '' THEN excluded.code ELSE actors.code END,
			kind = CASE WHEN `+emptyKind+` THEN excluded.kind ELSE actors.kind END
		RETURNING id`, keyArg, name, w.s.code(kind), code, mentions, articles).Scan(&id)
	default:
		err = w.row(`INSERT INTO actors (key, name, kind, code, country, sector, mentions, articles) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (`+w.s.keyCol+`) DO UPDATE SET mentions = actors.mentions + excluded.mentions, articles = actors.articles + excluded.articles,
			code = CASE WHEN actors.code = '' THEN excluded.code ELSE actors.code END,
			kind = CASE WHEN actors.kind = '' THEN excluded.kind ELSE actors.kind END,
			country = CASE WHEN actors.country = '' THEN excluded.country ELSE actors.country END,
			sector = CASE WHEN actors.sector = '' THEN excluded.sector ELSE actors.sector END
		RETURNING id`, keyArg, name, kind, code, country, sector, mentions, articles).Scan(&id)
	}
	if err != nil {
		return 0, fmt.Errorf("upsert actor %q: %w", name, err)
	}
	return id, nil
}

func (w *writeTx) putActors(d *doc.Document) (map[string]actorRef, error) {
	refs := make(map[string]actorRef, len(d.Actors))
	for _, a := range d.Actors {
		name := a.Name
		if name == "" && len(a.Mentions) > 0 {
			name = a.Mentions[0].Text
		}
		n := len(a.Mentions)
		if n == 0 {
			n = 1
		}
		id, err := w.upsertActor(name, a.Kind, a.Code, a.Country, a.Sector, n, 1)
		if err != nil {
			return nil, err
		}
		if id == 0 || a.ID == "" {
			continue
		}
		if _, dup := refs[a.ID]; dup {
			continue
		}
		refs[a.ID] = actorRef{id: id, name: strings.TrimSpace(name), code: a.Code}
	}
	return refs, nil
}

// QuoteExtraText is what a quote search through the articles' full-text
// index must find beside the article text: the texts of quotes that are not
// the article text at their span, each on a line of its own ("" when none).
func QuoteExtraText(text string, quotes []doc.Quote) string {
	var b strings.Builder
	for _, q := range quotes {
		if q.Text != span(text, q.Start, q.End) {
			b.WriteByte('\n')
			b.WriteString(q.Text)
		}
	}
	return b.String()
}

func (w *writeTx) putQuotes(articleID int64, d *doc.Document, actors map[string]actorRef) error {
	var first, last int64
	for _, q := range d.Quotes {
		var speaker string
		var speakerActor any
		var anonymous bool
		if q.Speaker != nil {
			speaker, anonymous = q.Speaker.Text, q.Speaker.Anonymous
			if a, ok := actors[q.Speaker.Actor]; ok {
				speakerActor = a.id
			}
		}
		var cue, lemma string
		if q.Cue != nil {
			cue, lemma = q.Cue.Text, q.Cue.Lemma
		}
		text := q.Text
		if w.s.d.CompressText && text == span(d.Text, q.Start, q.End) {
			text = "" // read back from the article text
		}
		var id int64
		var err error
		if w.s.slimQuotes {
			// The quote's ID, mixed flag and cue lemma are in the layer
			// blob only: no query reads them.
			err = w.row(`INSERT INTO quotes (article_id, text, start_off, end_off, direct, cue, speaker, speaker_actor, anonymous)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				articleID, text, q.Start, q.End, boolInt(q.Direct), w.s.code(cue), speaker, speakerActor, boolInt(anonymous)).Scan(&id)
		} else {
			err = w.row(`INSERT INTO quotes (article_id, local_id, text, start_off, end_off, direct, mixed, cue, cue_lemma, speaker, speaker_actor, anonymous)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				articleID, q.ID, text, q.Start, q.End, boolInt(q.Direct), boolInt(q.Mixed), cue, lemma, speaker, speakerActor, boolInt(anonymous)).Scan(&id)
		}
		if err != nil {
			return fmt.Errorf("quote %s: %w", q.ID, err)
		}
		if first == 0 {
			first = id
		}
		last = id
		if w.s.d.QuoteFTS != "" && !w.s.quotesByArticle {
			if err := w.exec(w.s.d.QuoteFTS, id, q.Text); err != nil {
				return fmt.Errorf("index quote %s: %w", q.ID, err)
			}
		}
	}
	if first != 0 && w.s.quotesByArticle {
		// The article's quotes have consecutive IDs (one writer).
		if err := w.exec(`UPDATE articles SET quote_lo = ?, quote_hi = ? WHERE id = ?`, first, last, articleID); err != nil {
			return fmt.Errorf("quote range: %w", err)
		}
	}
	return nil
}

// participants resolves an event side to store actor IDs (sorted, unique),
// creating actors for participants the article did not link.
func (w *writeTx) participants(ps []doc.Participant, actors map[string]actorRef) ([]int64, error) {
	var ids []int64
	for _, p := range ps {
		if a, ok := actors[p.Actor]; ok {
			ids = append(ids, a.id)
			continue
		}
		text := p.Text
		if text == "" {
			text = p.Code
		}
		id, err := w.upsertActor(text, "", p.Code, "", "", 0, 0)
		if err != nil {
			return nil, err
		}
		if id != 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// MergeKey is what two event reports must share to be one event: the event
// type (the PLOVER type, else the CAMEO root) and the source and target
// actors (one unordered set when the event is reciprocal).
func MergeKey(e *doc.Event, src, tgt []int64) string {
	var b strings.Builder
	t := e.Type
	if t == "" {
		t = e.CAMEO
		if len(t) > 2 {
			t = t[:2]
		}
		t = "cameo:" + t
	}
	b.WriteString(t)
	ids := func(v []int64) {
		for i, id := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatInt(id, 10))
		}
	}
	if e.Reciprocal {
		all := slices.Concat(src, tgt)
		slices.Sort(all)
		b.WriteString("|<>")
		ids(slices.Compact(all))
		return b.String()
	}
	b.WriteByte('|')
	ids(src)
	b.WriteByte('>')
	ids(tgt)
	return b.String()
}

// StoredMergeKey is the merge key stored since schema v11 (SlimTables):
// MergeKey without the event type, which events.type holds; an untyped
// event's key (its CAMEO root first) stays whole.
func StoredMergeKey(key, typ string) string {
	if typ == "" {
		return key
	}
	return strings.TrimPrefix(key, typ+"|")
}

type candidate struct {
	id             int64
	lo, hi, status string
	statusPub      string
}

func (w *writeTx) putEvents(articleID int64, d *doc.Document, actors map[string]actorRef, published, sourceKey string, res *store.PutResult) error {
	for i := range d.Events {
		e := &d.Events[i]
		src, err := w.participants(e.Source, actors)
		if err != nil {
			return err
		}
		tgt, err := w.participants(e.Target, actors)
		if err != nil {
			return err
		}
		key := MergeKey(e, src, tgt)
		lookup := `SELECT id, date_lo, date_hi, status, status_published FROM events WHERE merge_key = ?`
		args := []any{key}
		if w.s.slimTables {
			// The type is a column: the key holds the parties only
			// (untyped events keep their CAMEO root in it).
			key = StoredMergeKey(key, e.Type)
			lookup += ` AND type = ?`
			args = append(args, w.s.enum(e.Type))
		}
		value, lo, hi, gran := store.EventDays(e.Date, d.Published)
		nEvidence := max(len(e.Mentions), 1)

		// Find the merged event this report belongs to: same key,
		// compatible dates, the most precise and nearest first.
		st, err := w.stmt(lookup)
		if err != nil {
			return err
		}
		args[0] = key
		rows, err := st.QueryContext(w.ctx, args...)
		if err != nil {
			return fmt.Errorf("event lookup: %w", err)
		}
		var best *candidate
		for rows.Next() {
			var c candidate
			var clo, chi, cpub, cstatus any
			if err := rows.Scan(&c.id, &clo, &chi, &cstatus, &cpub); err != nil {
				rows.Close()
				return err
			}
			c.lo, c.hi, c.statusPub, c.status = dayOf(clo), dayOf(chi), pubOf(cpub), enumText(cstatus)
			if !store.DaysCompatible(lo, hi, c.lo, c.hi) {
				continue
			}
			if best == nil || betterCandidate(c, *best, lo) {
				cc := c
				best = &cc
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}

		var eventID int64
		if best == nil {
			var place, placeKey, country, placeKind string
			var lat, lon float64
			if l := e.Location; l != nil {
				place = l.Name
				if place == "" {
					place = l.Text
				}
				placeKey, country, lat, lon, placeKind = strings.ToLower(place), l.Country, l.Lat, l.Lon, l.Kind
			}
			switch {
			case w.s.partyIDs:
				// The parties' actor IDs and roles; names and codes are
				// read from actors.
				err = w.row(`INSERT INTO events (merge_key, type, mode, cameo, quad, goldstein, status, status_published, date_value, date_lo, date_hi, granularity,
				place, place_key, country, lat, lon, place_kind, party_ids, num_mentions, num_articles, num_sources, first_article)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?) RETURNING id`,
					key, w.s.enum(e.Type), w.s.enum(e.Mode), e.CAMEO, e.Quad, e.Goldstein, w.s.enum(e.Status), w.s.pub(published), value, w.s.day(lo), w.s.day(hi), w.s.enum(gran),
					place, placeKey, country, lat, lon, placeKind, AppendPartyIDs(nil, src, tgt), nEvidence, articleID).Scan(&eventID)
			case w.s.slimTables:
				// The parties are read through event_actors.
				err = w.row(`INSERT INTO events (merge_key, type, mode, cameo, quad, goldstein, status, status_published, date_value, date_lo, date_hi, granularity,
				place, place_key, country, lat, lon, place_kind, num_mentions, num_articles, num_sources, first_article)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?) RETURNING id`,
					key, w.s.enum(e.Type), w.s.enum(e.Mode), e.CAMEO, e.Quad, e.Goldstein, w.s.enum(e.Status), w.s.pub(published), value, w.s.day(lo), w.s.day(hi), w.s.enum(gran),
					place, placeKey, country, lat, lon, placeKind, nEvidence, articleID).Scan(&eventID)
			default:
				parties, perr := w.parties(src, tgt)
				if perr != nil {
					return perr
				}
				err = w.row(`INSERT INTO events (merge_key, type, mode, cameo, quad, goldstein, status, status_published, date_value, date_lo, date_hi, granularity,
				place, place_key, country, lat, lon, place_kind, parties, num_mentions, num_articles, num_sources, first_article)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?) RETURNING id`,
					key, w.s.enum(e.Type), w.s.enum(e.Mode), e.CAMEO, e.Quad, e.Goldstein, w.s.enum(e.Status), w.s.pub(published), value, w.s.day(lo), w.s.day(hi), w.s.enum(gran),
					place, placeKey, country, lat, lon, placeKind, parties, nEvidence, articleID).Scan(&eventID)
			}
			if err != nil {
				return fmt.Errorf("insert event %s: %w", e.ID, err)
			}
			if err := w.linkActors(eventID, src, tgt, e.Type, e.Status, lo, hi); err != nil {
				return err
			}
			if err := w.noteSpan(lo, hi); err != nil {
				return err
			}
			res.NewEvents++
		} else {
			eventID = best.id
			var sameArticle, sameSource int
			if err := w.row(`SELECT count(*) FROM mentions WHERE event_id = ? AND article_id = ?`, eventID, articleID).Scan(&sameArticle); err != nil {
				return fmt.Errorf("event %d mentions: %w", eventID, err)
			}
			sameSourceQuery := `SELECT count(*) FROM mentions WHERE event_id = ? AND source_key = ?`
			if w.s.slimMentions {
				sameSourceQuery = `SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? AND a.source_key = ?`
			}
			if err := w.row(sameSourceQuery, eventID, sourceKey).Scan(&sameSource); err != nil {
				return fmt.Errorf("event %d sources: %w", eventID, err)
			}
			err := w.exec(`UPDATE events SET num_mentions = num_mentions + ?, num_articles = num_articles + ?, num_sources = num_sources + ? WHERE id = ?`,
				nEvidence, boolInt(sameArticle == 0), boolInt(sameSource == 0), eventID)
			if err != nil {
				return fmt.Errorf("update event %d: %w", eventID, err)
			}
			if lo != "" && (best.lo == "" || store.RangeWidth(lo, hi) < store.RangeWidth(best.lo, best.hi)) {
				if err := w.exec(`UPDATE events SET date_value = ?, date_lo = ?, date_hi = ?, granularity = ? WHERE id = ?`, value, w.s.day(lo), w.s.day(hi), w.s.enum(gran), eventID); err != nil {
					return fmt.Errorf("update event %d date: %w", eventID, err)
				}
				if err := w.updateEventActors(eventID, best.lo, "date_lo = ?, date_hi = ?", w.s.day(lo), w.s.day(hi)); err != nil {
					return fmt.Errorf("update event %d date: %w", eventID, err)
				}
				best.lo = lo // the rows' key from now on
				if err := w.noteSpan(lo, hi); err != nil {
					return err
				}
			}
			if e.Status != "" && published >= best.statusPub {
				if err := w.exec(`UPDATE events SET status = ?, status_published = ? WHERE id = ?`, w.s.enum(e.Status), w.s.pub(published), eventID); err != nil {
					return fmt.Errorf("update event %d status: %w", eventID, err)
				}
				if e.Status != best.status {
					if err := w.updateEventActors(eventID, best.lo, "status = ?", w.s.enum(e.Status)); err != nil {
						return fmt.Errorf("update event %d status: %w", eventID, err)
					}
				}
			}
			if e.Location != nil {
				l := e.Location
				place := l.Name
				if place == "" {
					place = l.Text
				}
				if err := w.exec(`UPDATE events SET place = ?, place_key = ?, country = ?, lat = ?, lon = ?, place_kind = ? WHERE id = ? AND place = ''`,
					place, strings.ToLower(place), l.Country, l.Lat, l.Lon, l.Kind, eventID); err != nil {
					return fmt.Errorf("update event %d place: %w", eventID, err)
				}
			}
			res.MergedEvents++
		}

		main := e.Evidence
		if len(e.Mentions) > 0 {
			main = e.Mentions[0]
		}
		var more string
		if len(e.Mentions) > 1 {
			extra := make([][3]any, 0, len(e.Mentions)-1)
			for _, m := range e.Mentions[1:] {
				extra = append(extra, [3]any{m.Start, m.End, m.Trigger.Text})
			}
			b, err := json.Marshal(extra)
			if err != nil {
				return err
			}
			more = string(b)
		}
		if w.s.slimMentions {
			// The publication time and outlet are the article's.
			err = w.exec(`INSERT INTO mentions (event_id, article_id, local_id, status, date_value, n_evidence, sent_start, sent_end, trigger, more)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				eventID, articleID, e.ID, w.s.enum(e.Status), value, nEvidence, main.Start, main.End, main.Trigger.Text, more)
		} else {
			err = w.exec(`INSERT INTO mentions (event_id, article_id, local_id, status, date_value, published, source_key, n_evidence, sent_start, sent_end, trigger, more)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				eventID, articleID, e.ID, w.s.enum(e.Status), value, w.s.pub(published), sourceKey, nEvidence, main.Start, main.End, main.Trigger.Text, more)
		}
		if err != nil {
			return fmt.Errorf("insert mention of %s: %w", e.ID, err)
		}
	}
	return nil
}

// updateEventActors sets columns (set, with the values vals) in the
// event_actors rows of an event whose date starts on lo. Since schema v15
// the table has no index by event: the rows are found by their key, from
// the event's party IDs.
func (w *writeTx) updateEventActors(eventID int64, lo, set string, vals ...any) error {
	if !w.s.noEventActorIndex {
		return w.exec(`UPDATE event_actors SET `+set+` WHERE event_id = ?`, append(vals, eventID)...)
	}
	var b []byte
	if err := w.row(`SELECT party_ids FROM events WHERE id = ?`, eventID).Scan(&b); err != nil {
		return err
	}
	src, tgt := PartyIDs(b)
	for role, ids := range [2][]int64{src, tgt} {
		for _, id := range ids {
			args := append(slices.Clone(vals), id, w.s.day(lo), eventID, role)
			if err := w.exec(`UPDATE event_actors SET `+set+` WHERE actor_id = ? AND date_lo = ? AND event_id = ? AND role = ?`, args...); err != nil {
				return err
			}
		}
	}
	return nil
}

// betterCandidate prefers the merged event with the narrower date range,
// then the one whose start is nearer lo.
func betterCandidate(c, best candidate, lo string) bool {
	wc, wb := store.RangeWidth(c.lo, c.hi), store.RangeWidth(best.lo, best.hi)
	if wc != wb {
		return wc < wb
	}
	return store.DayDistance(c.lo, lo) < store.DayDistance(best.lo, lo)
}

// noteSpan records the widest event date range (in days) in chronicle_meta:
// date filters scan from the filter's start minus that span.
func (w *writeTx) noteSpan(lo, hi string) error {
	if lo == "" {
		return nil
	}
	span := store.RangeWidth(lo, hi)
	if span <= w.maxSpan {
		return nil
	}
	err := w.exec(`INSERT INTO chronicle_meta (key, value) VALUES ('max_span', ?)
		ON CONFLICT (key) DO UPDATE SET value = CASE WHEN excluded.value > chronicle_meta.value THEN excluded.value ELSE chronicle_meta.value END`, span)
	if err != nil {
		return fmt.Errorf("record date span: %w", err)
	}
	w.maxSpan = span
	return nil
}

// parties encodes an event's parties for events.parties: one line per
// party, "role<TAB>actor id<TAB>name<TAB>code" (role 0 source, 1 target),
// so that listing events needs no join.
func (w *writeTx) parties(src, tgt []int64) (string, error) {
	var b strings.Builder
	for role, ids := range [2][]int64{src, tgt} {
		for _, id := range ids {
			var name, code string
			if err := w.row(`SELECT name, code FROM actors WHERE id = ?`, id).Scan(&name, &code); err != nil {
				return "", fmt.Errorf("actor %d: %w", id, err)
			}
			fmt.Fprintf(&b, "%d\t%d\t%s\t%s\n", role, id, oneLine(name), oneLine(code))
		}
	}
	return b.String(), nil
}

func oneLine(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

// AppendPartyIDs appends the events.party_ids value of an event (schema
// v13) to b: a uvarint per party, its actor ID shifted left by one with
// the role (0 source, 1 target) in the low bit, sources first, each side
// in the order of the actor IDs as given.
func AppendPartyIDs(b []byte, src, tgt []int64) []byte {
	if b == nil {
		b = []byte{} // an empty value, not NULL
	}
	for role, ids := range [2][]int64{src, tgt} {
		for _, id := range ids {
			b = binary.AppendUvarint(b, uint64(id)<<1|uint64(role))
		}
	}
	return b
}

// PartyIDs decodes events.party_ids into the actor IDs of the sources and
// targets; a malformed value ends the lists where it breaks.
func PartyIDs(b []byte) (src, tgt []int64) {
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			break
		}
		b = b[n:]
		if v&1 == 0 {
			src = append(src, int64(v>>1))
		} else {
			tgt = append(tgt, int64(v>>1))
		}
	}
	return src, tgt
}

// parseParties decodes events.parties.
func parseParties(s string, e *store.Event) {
	for s != "" {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		var f [4]string
		n := 0
		for n < 3 {
			var ok bool
			f[n], line, ok = strings.Cut(line, "\t")
			if !ok {
				break
			}
			n++
		}
		if n != 3 || strings.IndexByte(line, '\t') >= 0 {
			continue
		}
		f[3] = line
		id, _ := strconv.ParseInt(f[1], 10, 64)
		p := store.Party{ActorID: id, Name: f[2], Code: f[3]}
		if f[0] == "0" {
			e.Source = append(e.Source, p)
		} else {
			e.Target = append(e.Target, p)
		}
	}
}

func (w *writeTx) linkActors(eventID int64, src, tgt []int64, typ, status, lo, hi string) error {
	for role, ids := range [2][]int64{src, tgt} {
		for pos, id := range ids {
			if err := w.exec(`INSERT INTO event_actors (actor_id, event_id, role, pos, type, status, date_lo, date_hi) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
				id, eventID, role, pos, w.s.enum(typ), w.s.enum(status), w.s.day(lo), w.s.day(hi)); err != nil {
				return fmt.Errorf("event %d actor %d: %w", eventID, id, err)
			}
		}
	}
	all := slices.Concat(src, tgt)
	slices.Sort(all)
	for _, id := range slices.Compact(all) {
		if err := w.exec(`UPDATE actors SET events = events + 1 WHERE id = ?`, id); err != nil {
			return fmt.Errorf("actor %d event count: %w", id, err)
		}
	}
	return nil
}
