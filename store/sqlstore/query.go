package sqlstore

import (
	"cmp"
	"context"
	"runtime"
	"slices"

	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"golang.org/x/sync/errgroup"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/store"
)

// resolveActors finds the actors a query names: by exact name or code,
// else by code prefix (three letters or more), else by whole words of the
// name ("Putin" finds "Vladimir Putin").
func (s *DB) resolveActors(ctx context.Context, name string) ([]int64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	key := ActorKey(name)
	code := strings.ToUpper(name)
	codeLike := len(code) >= 3 && !strings.ContainsAny(code, " %_")
	type try struct {
		query string
		args  []any
	}
	var tries []try
	if codeLike {
		// A code matches itself and the codes it is a prefix of (RUS: RUSGOV).
		// code <> '' (always true here) lets the partial index serve.
		tries = append(tries, try{`SELECT id FROM actors WHERE ` + s.keyCol + ` = ? OR (code >= ? AND code < ? AND code <> '')`, []any{key, code, prefixEnd(code)}})
	} else {
		tries = append(tries, try{`SELECT id FROM actors WHERE ` + s.keyCol + ` = ? OR (code = ? AND code <> '')`, []any{key, code}})
	}
	if !strings.ContainsAny(key, "%_") {
		k := s.keyCol
		tries = append(tries, try{`SELECT id FROM actors WHERE ` + k + ` LIKE ? OR ` + k + ` LIKE ? OR ` + k + ` LIKE ?`, []any{key + " %", "% " + key, "% " + key + " %"}})
	}
	for _, t := range tries {
		rows, err := s.r.QueryContext(ctx, s.q(t.query), t.args...)
		if err != nil {
			return nil, fmt.Errorf("store: resolve actor %q: %w", name, err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if len(ids) > 0 {
			return ids, nil
		}
	}
	return nil, nil
}

// prefixEnd is the smallest string greater than every string with prefix p
// (p must be non-empty ASCII).
func prefixEnd(p string) string {
	b := []byte(p)
	b[len(b)-1]++
	return string(b)
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// eventSQL is the FROM and WHERE of an events query.
type eventSQL struct {
	from  string // tables, with events as e
	where string // " WHERE …" or ""
	args  []any
	order string // ORDER BY columns, ascending
	id    string // the event id column
	// multi is true when a row per event is not guaranteed (actor queries:
	// an actor may be source and target, several actors may match).
	multi bool
}

// maxSpan returns the widest event date range in days, or -1 if unknown.
func (s *DB) maxSpan(ctx context.Context) (int, error) {
	var v int
	err := s.r.QueryRowContext(ctx, `SELECT value FROM chronicle_meta WHERE key = 'max_span'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return -1, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: reading max_span: %w", err)
	}
	return v, nil
}

// eventQuery builds the FROM and WHERE of q. ok is false when the query
// cannot match anything (an unknown actor). Actor queries read the actor's
// events in date order from event_actors, which copies type, status and
// dates; others read events through its (column, date) indexes.
func (s *DB) eventQuery(ctx context.Context, q *store.EventQuery) (*eventSQL, bool, error) {
	var conds []string
	var args []any
	es := &eventSQL{from: "events e", order: "e.date_lo, e.id", id: "e.id"}
	p := "e."
	if q.Actor != "" {
		ids, err := s.resolveActors(ctx, q.Actor)
		if err != nil {
			return nil, false, err
		}
		if len(ids) == 0 {
			return nil, false, nil
		}
		es.from = "event_actors ea JOIN events e ON e.id = ea.event_id"
		es.order, es.id, es.multi = "ea.date_lo, ea.event_id", "ea.event_id", true
		p = "ea."
		if len(ids) == 1 {
			conds = append(conds, "ea.actor_id = ?")
		} else {
			conds = append(conds, "ea.actor_id IN ("+placeholders(len(ids))+")")
		}
		for _, id := range ids {
			args = append(args, id)
		}
	}
	if q.Type != "" {
		conds = append(conds, p+"type = ?")
		args = append(args, s.enum(strings.ToUpper(strings.TrimSpace(q.Type))))
	}
	if q.Status != "" {
		conds = append(conds, p+"status = ?")
		args = append(args, s.enum(strings.ToLower(strings.TrimSpace(q.Status))))
	}
	if c := strings.TrimSpace(q.CAMEO); c != "" {
		if !isDigits(c) {
			return nil, false, fmt.Errorf("store: CAMEO code %q: want digits", q.CAMEO)
		}
		if len(c) >= 3 {
			conds = append(conds, "e.cameo = ?")
			args = append(args, c)
		} else {
			conds = append(conds, "e.cameo >= ? AND e.cameo < ?")
			args = append(args, c, prefixEnd(c))
		}
	}
	if q.From != "" {
		from, ok := store.BoundFrom(strings.TrimSpace(q.From))
		if !ok {
			return nil, false, fmt.Errorf("store: --from %q: want a date such as 2025-02-18, 2025-02 or 2025", q.From)
		}
		conds = append(conds, p+"date_hi >= ?")
		args = append(args, s.day(from))
		// No event starts earlier than from minus the widest span: bound
		// the scan of the date index.
		span, err := s.maxSpan(ctx)
		if err != nil {
			return nil, false, err
		}
		if span >= 0 {
			if t, err := time.Parse("2006-01-02", from); err == nil {
				conds = append(conds, p+"date_lo >= ?")
				args = append(args, s.day(t.AddDate(0, 0, -span).Format("2006-01-02")))
			}
		}
	}
	if q.To != "" {
		to, ok := store.BoundTo(strings.TrimSpace(q.To))
		if !ok {
			return nil, false, fmt.Errorf("store: --to %q: want a date such as 2025-02-18, 2025-02 or 2025", q.To)
		}
		conds = append(conds, s.dated(p+"date_lo")+" AND "+p+"date_lo <= ?")
		args = append(args, s.day(to))
	}
	if pl := strings.TrimSpace(q.Place); pl != "" {
		// A place name if one is known, else a country code.
		var one int
		err := s.r.QueryRowContext(ctx, s.q(`SELECT 1 FROM events WHERE place_key = ? LIMIT 1`), strings.ToLower(pl)).Scan(&one)
		switch {
		case err == nil:
			conds = append(conds, "e.place_key = ? AND e.place_key <> ''")
			args = append(args, strings.ToLower(pl))
		case errors.Is(err, sql.ErrNoRows):
			conds = append(conds, "e.country = ? AND e.country <> ''")
			args = append(args, strings.ToUpper(pl))
		default:
			return nil, false, fmt.Errorf("store: place %q: %w", pl, err)
		}
	}
	if len(conds) > 0 {
		es.where = " WHERE " + strings.Join(conds, " AND ")
	}
	es.args = args
	return es, true, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func limitClause(limit, offset int, args []any) (string, []any) {
	if limit <= 0 && offset <= 0 {
		return "", args
	}
	if limit <= 0 {
		limit = 1 << 62
	}
	return " LIMIT ? OFFSET ?", append(args, limit, max(offset, 0))
}

// Events implements store.Store.
func (s *DB) Events(ctx context.Context, q store.EventQuery) ([]store.Event, error) {
	es, ok, err := s.eventQuery(ctx, &q)
	if err != nil || !ok {
		return nil, err
	}
	order := es.order
	if q.Desc {
		order = strings.ReplaceAll(order, ",", " DESC,") + " DESC"
	}
	query := `SELECT e.id, e.type, e.mode, e.cameo, e.quad, e.goldstein, e.status, e.date_value, e.date_lo, e.date_hi, e.granularity,
		e.place, e.country, e.lat, e.lon, e.place_kind, ` + s.partiesCol() + `, e.num_mentions, e.num_articles, e.num_sources FROM ` + es.from + es.where + " ORDER BY " + order
	limit, offset := q.Limit, max(q.Offset, 0)
	var events []store.Event
	var index map[int64]int
	// Actor queries may list an event twice (an actor on both sides, or
	// several actors matching a code prefix): fetch a little more, drop
	// repeats, and fetch again with a doubled limit in the rare case that
	// too many were repeats. Each extra row costs a join into events, so
	// the slack stays small.
	fetch := limit
	if es.multi && limit > 0 {
		fetch = limit + offset + (limit+offset)/16 + 16
	}
	for {
		events, index = events[:0], map[int64]int{}
		args := es.args
		lim := ""
		switch {
		case es.multi && fetch > 0:
			lim, args = limitClause(fetch, 0, args)
		case !es.multi:
			lim, args = limitClause(limit, offset, args)
		}
		rows, err := s.r.QueryContext(ctx, s.q(query+lim), args...)
		if err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		n := 0
		for rows.Next() {
			n++
			var e store.Event
			var p store.Place
			var parties any
			var lo, hi, typ, mode, status, gran any
			if err := rows.Scan(&e.ID, &typ, &mode, &e.CAMEO, &e.Quad, &e.Goldstein, &status, &e.Date, &lo, &hi, &gran,
				&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Kind, &parties, &e.NumMentions, &e.NumArticles, &e.NumSources); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: events: %w", err)
			}
			e.DateStart, e.DateEnd = dayOf(lo), dayOf(hi)
			e.Type, e.Mode, e.Status, e.Granularity = enumText(typ), enumText(mode), enumText(status), enumText(gran)
			if _, dup := index[e.ID]; dup {
				continue
			}
			if p.Name != "" || p.Country != "" {
				e.Place = &p
			}
			e.Source, e.Target = []store.Party{}, []store.Party{}
			if s.partyIDs {
				// The actor IDs only: loadPartyNames fills in the rest.
				b, _ := parties.([]byte)
				src, tgt := PartyIDs(b)
				for _, id := range src {
					e.Source = append(e.Source, store.Party{ActorID: id})
				}
				for _, id := range tgt {
					e.Target = append(e.Target, store.Party{ActorID: id})
				}
			} else {
				t, _ := parties.(string)
				if b, ok := parties.([]byte); ok {
					t = string(b)
				}
				parseParties(t, &e)
			}
			index[e.ID] = len(events)
			events = append(events, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		if !es.multi || fetch <= 0 || n < fetch || len(events) >= limit+offset {
			break
		}
		fetch *= 2
	}
	if es.multi {
		if offset >= len(events) {
			events = events[:0]
		} else {
			events = events[offset:]
		}
		if limit > 0 && len(events) > limit {
			events = events[:limit]
		}
		index = make(map[int64]int, len(events))
		for i, e := range events {
			index[e.ID] = i
		}
	}
	if len(events) == 0 {
		return events, nil
	}
	if s.partyIDs {
		if err := s.loadPartyNames(ctx, events); err != nil {
			return nil, err
		}
	}
	if s.slimTables && !s.partyIDs || !q.NoEvidence {
		if err := s.loadMentions(ctx, events, index, !q.NoEvidence); err != nil {
			return nil, err
		}
	}
	return events, nil
}

// partiesCol is the events column of the parties: their actor IDs (schema
// v13), or an empty text when they are read through event_actors (v11,
// v12), or the parties with their names (before).
func (s *DB) partiesCol() string {
	switch {
	case s.partyIDs:
		return "e.party_ids"
	case s.slimTables:
		return "''"
	}
	return "e.parties"
}

// loadPartyNames fills in the names and codes of the parties of events,
// whose actor IDs are set, reading each actor once.
func (s *DB) loadPartyNames(ctx context.Context, events []store.Event) error {
	actors := map[int64]store.Party{}
	for _, e := range events {
		for _, p := range e.Source {
			actors[p.ActorID] = p
		}
		for _, p := range e.Target {
			actors[p.ActorID] = p
		}
	}
	if err := s.readParties(ctx, actors); err != nil {
		return err
	}
	for i := range events {
		e := &events[i]
		for j, p := range e.Source {
			e.Source[j] = actors[p.ActorID]
		}
		for j, p := range e.Target {
			e.Target[j] = actors[p.ActorID]
		}
	}
	return nil
}

// chunks splits ids for IN lists of bounded size.
func chunks(ids []int64, n int) [][]int64 {
	var out [][]int64
	for len(ids) > n {
		out = append(out, ids[:n])
		ids = ids[n:]
	}
	return append(out, ids)
}

func eventIDs(events []store.Event) []int64 {
	ids := make([]int64, len(events))
	for i, e := range events {
		ids[i] = e.ID
	}
	return ids
}

// readParties fills in the name and code of every actor whose ID is a key
// of actors, reading 500 actors a query.
func (s *DB) readParties(ctx context.Context, actors map[int64]store.Party) error {
	if len(actors) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(actors))
	for id := range actors {
		ids = append(ids, id)
	}
	for _, part := range chunks(ids, 500) {
		in, args := s.inIDs(part)
		rows, err := s.r.QueryContext(ctx, s.q(`SELECT id, name, code FROM actors WHERE id`+in), args...)
		if err != nil {
			return fmt.Errorf("store: event parties: %w", err)
		}
		for rows.Next() {
			var p store.Party
			if err := rows.Scan(&p.ActorID, &p.Name, &p.Code); err != nil {
				rows.Close()
				return fmt.Errorf("store: event parties: %w", err)
			}
			actors[p.ActorID] = p
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: event parties: %w", err)
		}
	}
	return nil
}

// loadMentions reads the parties (schema v11) and, when mentions is true,
// the mentions and evidence of events, in parts run concurrently on the
// reader pool (each part fills only its own events).
func (s *DB) loadMentions(ctx context.Context, events []store.Event, index map[int64]int, mentions bool) error {
	ids := eventIDs(events)
	load := func(ctx context.Context, part []int64) error {
		if s.slimTables && !s.partyIDs {
			if err := s.loadParties(ctx, events, index, part); err != nil {
				return err
			}
		}
		if !mentions {
			return nil
		}
		return s.loadMentionsPart(ctx, events, index, part)
	}
	if len(ids) <= 200 {
		return load(ctx, ids)
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(runtime.GOMAXPROCS(0), 2))
	for _, part := range chunks(ids, max(200, len(ids)/(2*runtime.GOMAXPROCS(0))+1)) {
		g.Go(func() error { return load(gctx, part) })
	}
	return g.Wait()
}

// loadParties reads the parties of events from event_actors (its event
// index covers the query) and the actors' names and codes, once per actor
// (schema v11; before, events.parties copied them). Sources and targets
// come in the order of their actor IDs, the order they were linked in.
func (s *DB) loadParties(ctx context.Context, events []store.Event, index map[int64]int, eventIDs []int64) error {
	type link struct {
		event, actor int64
		role         int
	}
	var links []link
	actors := map[int64]store.Party{}
	for _, ids := range chunks(eventIDs, 500) {
		in, args := s.inIDs(ids)
		rows, err := s.r.QueryContext(ctx, s.q(`SELECT event_id, role, actor_id FROM event_actors WHERE event_id`+in), args...)
		if err != nil {
			return fmt.Errorf("store: event parties: %w", err)
		}
		for rows.Next() {
			var l link
			if err := rows.Scan(&l.event, &l.role, &l.actor); err != nil {
				rows.Close()
				return fmt.Errorf("store: event parties: %w", err)
			}
			links = append(links, l)
			actors[l.actor] = store.Party{}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: event parties: %w", err)
		}
	}
	if err := s.readParties(ctx, actors); err != nil {
		return err
	}
	slices.SortFunc(links, func(a, b link) int { return cmp.Compare(a.actor, b.actor) })
	for _, l := range links {
		e := &events[index[l.event]]
		if l.role == 0 {
			e.Source = append(e.Source, actors[l.actor])
		} else {
			e.Target = append(e.Target, actors[l.actor])
		}
	}
	return nil
}

func (s *DB) loadMentionsPart(ctx context.Context, events []store.Event, index map[int64]int, eventIDs []int64) error {
	type ref struct {
		event   int64
		mention int
		more    string
	}
	var refs []ref
	var articles []int64
	for _, ids := range chunks(eventIDs, 500) {
		in, args := s.inIDs(ids)
		query := `SELECT m.event_id, m.article_id, m.published, m.local_id, m.status, m.date_value,
			m.sent_start, m.sent_end, m.trigger, m.more
			FROM mentions m WHERE m.event_id` + in + ` ORDER BY m.event_id, m.published, m.id`
		if s.slimMentions {
			// The publication time is the article's.
			query = `SELECT m.event_id, m.article_id, a.published, m.local_id, m.status, m.date_value,
			m.sent_start, m.sent_end, m.trigger, m.more
			FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id` + in + ` ORDER BY m.event_id, a.published, m.id`
		}
		rows, err := s.r.QueryContext(ctx, s.q(query), args...)
		if err != nil {
			return fmt.Errorf("store: mentions: %w", err)
		}
		for rows.Next() {
			var eid int64
			var m store.Mention
			var more string
			var published, status any
			var ev store.Evidence
			if err := rows.Scan(&eid, &m.ArticleID, &published, &m.EventID, &status, &m.Date,
				&ev.Start, &ev.End, &ev.Trigger, &more); err != nil {
				rows.Close()
				return fmt.Errorf("store: mentions: %w", err)
			}
			m.Published, m.Status = parseTime(pubOf(published)), enumText(status)
			m.Evidence = []store.Evidence{ev}
			e := &events[index[eid]]
			refs = append(refs, ref{eid, len(e.Mentions), more})
			articles = append(articles, m.ArticleID)
			e.Mentions = append(e.Mentions, m)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: mentions: %w", err)
		}
	}
	// Evidence sentences are spans of the article texts.
	texts, err := s.articleTexts(ctx, articles)
	if err != nil {
		return err
	}
	for _, r := range refs {
		m := &events[index[r.event]].Mentions[r.mention]
		a := texts[m.ArticleID]
		m.URL, m.Title, m.Outlet = a.url, a.title, a.outlet
		text := a.text
		m.Evidence[0].Text = span(text, m.Evidence[0].Start, m.Evidence[0].End)
		if r.more == "" {
			continue
		}
		var pieces [][3]any
		if err := json.Unmarshal([]byte(r.more), &pieces); err != nil {
			return fmt.Errorf("store: evidence of event %d: %w", r.event, err)
		}
		for _, p := range pieces {
			start, _ := p[0].(float64)
			end, _ := p[1].(float64)
			trig, _ := p[2].(string)
			ev := store.Evidence{Start: int(start), End: int(end), Trigger: trig}
			ev.Text = span(text, ev.Start, ev.End)
			m.Evidence = append(m.Evidence, ev)
		}
	}
	return nil
}

// Quotes implements store.Store.
func (s *DB) Quotes(ctx context.Context, q store.QuoteQuery) ([]store.QuoteHit, error) {
	var conds []string
	var args []any
	if sp := strings.TrimSpace(q.Speaker); sp != "" {
		ids, err := s.resolveActors(ctx, sp)
		if err != nil {
			return nil, err
		}
		c := "lower(q.speaker) LIKE ?"
		args = append(args, "%"+escapeLike(strings.ToLower(sp))+"%")
		if s.d.Name == "sqlite" {
			c += ` ESCAPE '\'`
		}
		if len(ids) > 0 {
			c += " OR q.speaker_actor IN (" + placeholders(len(ids)) + ")"
			for _, id := range ids {
				args = append(args, id)
			}
		}
		conds = append(conds, "("+c+")")
	}
	var check *Matcher
	from := ` FROM quotes q JOIN articles a ON a.id = q.article_id`
	if t := strings.TrimSpace(q.Text); t != "" {
		fq, err := s.d.FTSQuery(t)
		if err != nil {
			return nil, err
		}
		if s.quotesByArticle {
			// The articles that hold the words (an excluded word may be
			// in the article outside the quote), their quotes, and every
			// quote checked: its article has the words, it may not.
			if fq, err = fts5LooseQuery(t, false); err != nil {
				return nil, err
			}
			from = ` FROM articles a JOIN quotes q ON q.id BETWEEN a.quote_lo AND a.quote_hi AND q.article_id = a.id`
			conds = append(conds, s.d.ArticleMatch)
			check = NewMatcher(t)
		} else {
			conds = append(conds, s.d.QuoteMatch)
			if m := NewMatcher(t); s.d.LooseFTS && m.NeedsCheck() {
				check = m
			}
		}
		args = append(args, fq)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	lim := ""
	if check == nil {
		lim, args = limitClause(q.Limit, q.Offset, args)
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT q.id, q.article_id, coalesce(a.url, ''), a.title, a.published, q.text, q.start_off, q.end_off, q.speaker,
		coalesce(ac.name, ''), coalesce(ac.code, ''), q.cue, q.direct, q.anonymous, `+s.packCols("a.")+from+
		` LEFT JOIN actors ac ON ac.id = q.speaker_actor`+where+` ORDER BY a.published DESC, q.id`+lim), args...)
	if err != nil {
		return nil, fmt.Errorf("store: quotes: %w", err)
	}
	defer rows.Close()
	// Hits are read a part at a time: the quote texts that are spans of
	// their article are cut from the texts of the part's articles, then
	// checked; a checked query stops once its page is full.
	var out, part []store.QuoteHit
	type offsets struct{ start, end int }
	var spans []offsets
	want := -1
	if check != nil && q.Limit > 0 {
		want = max(q.Offset, 0) + q.Limit
	}
	var packs []packRef // the pack columns of each hit's article
	flush := func() error {
		// Texts of packed articles straight from the packs, each once;
		// others through articleTexts.
		var inRow []int64
		at := map[int64]int{}
		var packed []int64
		var pspans []packSpan
		for i, h := range part {
			if h.Text != "" {
				continue
			}
			sp, ok := packs[i].span()
			if !ok {
				inRow = append(inRow, h.ArticleID)
				continue
			}
			if _, seen := at[h.ArticleID]; !seen {
				at[h.ArticleID] = len(packed)
				packed, pspans = append(packed, h.ArticleID), append(pspans, sp)
			}
		}
		texts := map[int64]string{}
		if len(packed) > 0 {
			raws, err := readPacks(ctx, s.r, s.packSize, pspans, false)
			if err != nil {
				return err
			}
			for i, id := range packed {
				if texts[id], err = s.readText(raws[i]); err != nil {
					return fmt.Errorf("store: article %d: %w", id, err)
				}
			}
		}
		if len(inRow) > 0 {
			more, err := s.articleTexts(ctx, inRow)
			if err != nil {
				return err
			}
			for id, a := range more {
				texts[id] = a.text
			}
		}
		for i := range part {
			if part[i].Text == "" {
				part[i].Text = span(texts[part[i].ArticleID], spans[i].start, spans[i].end)
			}
		}
		for _, h := range part {
			if check == nil || check.Match(h.Text) {
				out = append(out, h)
			}
		}
		part, spans, packs = part[:0], spans[:0], packs[:0]
		return nil
	}
	for rows.Next() {
		var h store.QuoteHit
		var published any
		var direct, anon int
		var o offsets
		var pk packRef
		var cue any
		if err := rows.Scan(&h.ID, &h.ArticleID, &h.URL, &h.Title, &published, &h.Text, &o.start, &o.end, &h.Speaker, &h.Actor, &h.Code, &cue, &direct, &anon,
			&pk.off, &pk.text, &pk.layers); err != nil {
			return nil, fmt.Errorf("store: quotes: %w", err)
		}
		packs = append(packs, pk)
		h.Published, h.Direct, h.Anonymous, h.Cue = parseTime(pubOf(published)), direct != 0, anon != 0, enumText(cue)
		part, spans = append(part, h), append(spans, o)
		// Parts of 256, or what the page still needs (at least 64).
		if check != nil && (len(part) == 256 || want > 0 && len(part) >= max(64, want-len(out))) {
			if err := flush(); err != nil {
				return nil, err
			}
			if want >= 0 && len(out) >= want {
				break
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: quotes: %w", err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if check != nil {
		out = page(out, q.Limit, q.Offset)
	}
	return out, nil
}

// page returns the part of v that limit and offset select (limit 0: all).
func page[T any](v []T, limit, offset int) []T {
	if offset > 0 {
		if offset >= len(v) {
			return nil
		}
		v = v[offset:]
	}
	if limit > 0 && len(v) > limit {
		v = v[:limit]
	}
	return v
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// Search implements store.Store.
func (s *DB) Search(ctx context.Context, q store.SearchQuery) ([]store.SearchHit, error) {
	fq, err := s.d.FTSQuery(q.Text)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 1 << 62
	}
	if s.d.SearchIDs != "" {
		return s.searchByIDs(ctx, q, fq, limit)
	}
	rows, err := s.r.QueryContext(ctx, s.q(s.d.SearchArticles), fq, limit, max(q.Offset, 0))
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q.Text, err)
	}
	defer rows.Close()
	var out []store.SearchHit
	for rows.Next() {
		var h store.SearchHit
		var published any
		if err := rows.Scan(&h.ArticleID, &h.Title, &h.URL, &h.Outlet, &published, &h.Snippet, &h.Copies); err != nil {
			return nil, fmt.Errorf("store: search: %w", err)
		}
		h.Published = parseTime(pubOf(published))
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q.Text, err)
	}
	return out, nil
}

// Actors implements store.Store.
func (s *DB) Actors(ctx context.Context, q store.ActorQuery) ([]store.ActorCount, error) {
	var where string
	var args []any
	if n := strings.TrimSpace(q.Name); n != "" {
		code := strings.ToUpper(n)
		where = " WHERE " + s.keyCol + " LIKE ? OR (code >= ? AND code < ? AND code <> '')"
		args = append(args, "%"+escapeLike(ActorKey(n))+"%", code, prefixEnd(code))
		if s.d.Name == "sqlite" {
			where = ` WHERE ` + s.keyCol + ` LIKE ? ESCAPE '\' OR (code >= ? AND code < ? AND code <> '')`
		}
	}
	lim, args := limitClause(q.Limit, q.Offset, args)
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT id, name, kind, code, mentions, articles, events FROM actors`+where+
		` ORDER BY mentions DESC, events DESC, name`+lim), args...)
	if err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	defer rows.Close()
	var out []store.ActorCount
	for rows.Next() {
		var a store.ActorCount
		var kind any
		if err := rows.Scan(&a.ID, &a.Name, &kind, &a.Code, &a.Mentions, &a.Articles, &a.Events); err != nil {
			return nil, fmt.Errorf("store: actors: %w", err)
		}
		a.Kind = enumText(kind)
		out = append(out, a)
	}
	return out, rows.Err()
}

// Documents implements store.Store.
func (s *DB) Documents(ctx context.Context, q store.DocQuery, fn func(*doc.Document) error) error {
	var conds []string
	var args []any
	if !q.Copies {
		conds = append(conds, "a.dup_of IS NULL")
	}
	if q.Events != nil {
		es, ok, err := s.eventQuery(ctx, q.Events)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		conds = append(conds, "a.id IN (SELECT m.article_id FROM mentions m WHERE m.event_id IN (SELECT "+es.id+" FROM "+es.from+es.where+"))")
		args = append(args, es.args...)
	}
	var check *Matcher
	if t := strings.TrimSpace(q.Search); t != "" {
		fq, err := s.d.FTSQuery(t)
		if err != nil {
			return err
		}
		conds = append(conds, s.d.ArticleMatch)
		args = append(args, fq)
		if m := NewMatcher(t); s.d.LooseFTS && m.NeedsCheck() {
			check = m
		}
	}
	if len(q.IDs) > 0 {
		conds = append(conds, "a.id IN ("+placeholders(len(q.IDs))+")")
		for _, id := range q.IDs {
			args = append(args, id)
		}
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	lim := ""
	if check == nil {
		lim, args = limitClause(q.Limit, 0, args)
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT a.id, a.doc_id, a.title, coalesce(a.url, ''), a.author, a.outlet, a.published, `+s.sourceCol()+`, a.text, a.layers, `+s.packCols("a.")+`
		FROM articles a`+where+` ORDER BY a.id`+lim), args...)
	if err != nil {
		return fmt.Errorf("store: documents: %w", err)
	}
	defer rows.Close()
	// Rows are handled a page at a time: the texts and layers of a page's
	// packed articles are read together.
	type pending struct {
		id           int64
		d            doc.Document
		published    any
		text, layers []byte
		pk           packRef
	}
	n := 0
	var batch []pending
	flush := func() (bool, error) {
		defer func() { batch = nil }() // fn may keep the documents
		var spans []packSpan
		var at []int
		for i := range batch {
			if sp, ok := batch[i].pk.span(); ok {
				spans, at = append(spans, sp), append(at, i)
			}
		}
		if len(spans) > 0 {
			raws, err := readPacks(ctx, s.r, s.packSize, spans, true)
			if err != nil {
				return false, err
			}
			for k, i := range at {
				batch[i].text, batch[i].layers = raws[k][:spans[k].text], raws[k][spans[k].text:]
			}
		}
		for i := range batch {
			if check != nil && q.Limit > 0 && n >= q.Limit {
				return false, nil
			}
			p := &batch[i]
			d := &p.d
			var err error
			if d.Text, err = s.readText(p.text); err != nil {
				return false, fmt.Errorf("store: article %d: %w", p.id, err)
			}
			if check != nil && !check.Match(d.Title, d.Text) {
				continue
			}
			n++
			d.Published = parseTime(pubOf(p.published))
			if d.ID == "" {
				d.ID = fmt.Sprintf("article-%d", p.id)
			}
			if err := s.codec.Decode(p.layers, d); err != nil {
				return false, fmt.Errorf("store: article %d: %w", p.id, err)
			}
			if err := fn(d); err != nil {
				return false, err
			}
		}
		return true, nil
	}
	for rows.Next() {
		var p pending
		if err := rows.Scan(&p.id, &p.d.ID, &p.d.Title, &p.d.URL, &p.d.Author, &p.d.Outlet, &p.published, &p.d.Source, &p.text, &p.layers,
			&p.pk.off, &p.pk.text, &p.pk.layers); err != nil {
			return fmt.Errorf("store: documents: %w", err)
		}
		batch = append(batch, p)
		if len(batch) == 32 {
			more, err := flush()
			if err != nil || !more {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: documents: %w", err)
	}
	_, err = flush()
	return err
}

var _ store.Store = (*DB)(nil)

// searchByIDs runs a search whose index returns only article IDs, then
// reads the articles and makes the snippets from their texts.
//
// When the index keeps no positions and the query has a phrase, every
// candidate is checked against its text before the page is cut.
func (s *DB) searchByIDs(ctx context.Context, q store.SearchQuery, fq string, limit int) ([]store.SearchHit, error) {
	var check *Matcher
	if m := NewMatcher(q.Text); s.d.LooseFTS && m.NeedsCheck() {
		check = m
	}
	sqlLimit, sqlOffset := limit, max(q.Offset, 0)
	if check != nil {
		sqlLimit, sqlOffset = -1, 0
	}
	rows, err := s.r.QueryContext(ctx, s.q(s.d.SearchIDs), fq, sqlLimit, sqlOffset)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q.Text, err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: search: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q.Text, err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	terms := snippetTerms(q.Text)
	if check == nil {
		return s.searchHits(ctx, ids, terms, nil)
	}
	var out []store.SearchHit
	skip := max(q.Offset, 0)
	for _, part := range chunks(ids, 256) {
		hits, err := s.searchHits(ctx, part, terms, check)
		if err != nil {
			return nil, err
		}
		for _, h := range hits {
			if skip > 0 {
				skip--
				continue
			}
			out = append(out, h)
			if len(out) >= limit {
				return out, nil
			}
		}
	}
	return out, nil
}

// searchHits reads the articles with these IDs and returns them as search
// hits in the order of ids, leaving out those check (when not nil) rejects.
func (s *DB) searchHits(ctx context.Context, ids []int64, terms []string, check *Matcher) ([]store.SearchHit, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT a.id, a.title, coalesce(a.url, ''), a.outlet, a.published, a.text,
		(SELECT count(*) FROM articles c WHERE c.dup_of = a.id), `+s.packCols("a.")+` FROM articles a WHERE a.id IN (`+placeholders(len(ids))+`)`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	type read struct {
		h         store.SearchHit
		published any
		raw       []byte
	}
	var got []read
	var spans []packSpan
	var at []int
	for rows.Next() {
		var r read
		var pk packRef
		if err := rows.Scan(&r.h.ArticleID, &r.h.Title, &r.h.URL, &r.h.Outlet, &r.published, &r.raw, &r.h.Copies, &pk.off, &pk.text, &pk.layers); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: search: %w", err)
		}
		if sp, ok := pk.span(); ok {
			spans, at = append(spans, sp), append(at, len(got))
		}
		got = append(got, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	if len(spans) > 0 {
		raws, err := readPacks(ctx, s.r, s.packSize, spans, false)
		if err != nil {
			return nil, err
		}
		for k, i := range at {
			got[i].raw = raws[k]
		}
	}
	byID := make(map[int64]store.SearchHit, len(ids))
	for _, r := range got {
		h := r.h
		text, err := s.readText(r.raw)
		if err != nil {
			return nil, err
		}
		if check != nil && !check.Match(h.Title, text) {
			continue
		}
		h.Published = parseTime(pubOf(r.published))
		h.Snippet = Snippet(text, terms, 24)
		byID[h.ArticleID] = h
	}
	out := make([]store.SearchHit, 0, len(ids))
	for _, id := range ids {
		if h, ok := byID[id]; ok {
			out = append(out, h)
		}
	}
	return out, nil
}
