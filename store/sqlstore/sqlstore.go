// Package sqlstore implements store.Store over database/sql for the one
// relational schema that store/sqlite and store/postgres create in their
// dialects. A Dialect carries the few differences: placeholders, full-text
// search, byte substrings and locking.
package sqlstore

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/store"
	"github.com/pressly/goose/v3"
)

// Dialect is what differs between the SQL databases.
type Dialect struct {
	// Name is "sqlite" or "postgres".
	Name string
	// Goose is the migration tool's dialect.
	Goose goose.Dialect
	// Numbered placeholders ($1, $2…) instead of "?".
	Numbered bool
	// ArticleFTS and QuoteFTS insert a row into the full-text index, with
	// parameters (id, title, text) and (id, text); "" when the index is
	// maintained by the database.
	ArticleFTS, QuoteFTS string
	// SearchArticles is a query with parameters (query, limit, offset)
	// returning id, title, url, outlet, published, snippet, copies; or, when
	// SearchIDs is set, unused.
	SearchArticles string
	// SearchIDs is a query with parameters (query, limit, offset) returning
	// the ids of matching articles, best first; snippets are then made from
	// the texts.
	SearchIDs string
	// CompressText stores article texts compressed, and quote texts as
	// offsets only (the full-text indexes are then contentless).
	CompressText bool
	// ArticleMatch is a condition on articles a with one parameter (query).
	ArticleMatch string
	// QuoteMatch is a condition on quotes q with one parameter (query).
	QuoteMatch string
	// FTSQuery turns a user query (words, "phrases", -not, OR) into the
	// dialect's query syntax.
	FTSQuery func(string) (string, error)
	// LooseFTS says that the full-text indexes keep no word positions:
	// FTSQuery then only approximates phrases (FTS5LooseQuery), and the
	// hits of a query with a phrase are checked against their texts with
	// a Matcher.
	LooseFTS bool
	// WriteLock, when not "", runs first in every write transaction.
	WriteLock string
	// Size returns the database size in bytes.
	Size string
	// Optimize, when not "", runs on the writer before Close (gathers the
	// planner's statistics).
	Optimize string
	// Packs keeps article texts and layers in the packs table (pack.go)
	// once the schema has it (chronicle_meta's pack_bytes is set).
	Packs bool
	// QuotesByArticle is the schema version from which quotes have no
	// full-text index of their own (0: never): a quote search asks
	// ArticleMatch for the articles that hold the words, reads their quotes
	// through the articles' quote ranges (quote_lo, quote_hi) and checks
	// each quote's text with a Matcher. QuoteFTS and QuoteMatch serve older
	// schemas.
	QuotesByArticle int64
	// DayNumbers is the schema version from which event dates are day
	// numbers (days.go; 0: never).
	DayNumbers int64
	// HashBytes is the schema version from which articles.content_hash holds
	// the first 16 bytes of the SHA-256 as a blob, not 64 hex digits (0:
	// never).
	HashBytes int64
	// TimeNumbers is the schema version from which mentions.published and
	// events.status_published are Unix seconds (days.go; 0: never).
	TimeNumbers int64
	// SlimQuotes is the schema version from which the quotes table has no
	// local_id, mixed and cue_lemma columns (0: never).
	SlimQuotes int64
	// SlimTables is the schema version from which events have no parties
	// column (an event's parties are read through event_actors and actors),
	// merge keys leave out the event type (a column of its own), and
	// articles keep published and ingested_at as Unix seconds and no
	// MinHash sketch (recomputed from the text of a candidate copy) (0:
	// never).
	SlimTables int64
	// DerivedActorKeys is the schema version from which actors.key is NULL
	// when the key is the name in ASCII lower case (SQL's lower(), the
	// usual case), and the unique index is on ActorKeyExpr (0: never).
	DerivedActorKeys int64
	// EnumCodes is the schema version from which event types, statuses,
	// modes and granularities are stored as codes (enums.go; 0: never).
	EnumCodes int64
	// PartyIDs is the schema version from which events.party_ids holds the
	// actor IDs and roles of an event's parties (PartyIDs, AppendPartyIDs),
	// so that an events page reads only the actors' names and codes, not
	// event_actors by event (0: never; after SlimTables, parties are then
	// read through event_actors).
	PartyIDs int64
	// SlimActors is the schema version from which actors have no country
	// and sector columns, which no query reads (the actors layer in the
	// layer blob keeps them; 0: never).
	SlimActors int64
	// MoreCodes is the schema version from which actor kinds and quote
	// cues are stored as codes too (enums.go; 0: never).
	MoreCodes int64
	// NoEventActorIndex is the schema version from which event_actors has
	// no index by event (0: never): a merge finds an event's rows by their
	// key, from the event's party IDs (PartyIDs must be in force).
	NoEventActorIndex int64
	// ShortBands is the schema version from which article_bands keeps the
	// low 24 bits of each band hash (ShortBand; 0: never).
	ShortBands int64
	// SourcePrefixes is the schema version from which articles.source keeps
	// what follows the source's prefix (SplitSource) and source_id refers
	// to the prefix in the sources table (0: never).
	SourcePrefixes int64
	// SlimMentions is the schema version from which mentions keep no copy
	// of their article's publication time and outlet (source_key): they are
	// read through the article (0: never; SlimTables must be in force).
	SlimMentions int64
	// Compact are the statements, run in order on the writer, that compact
	// the store after a large batch (DB.Compact; none: no compaction).
	Compact []string
	// JSONIDs passes long ID lists as one JSON array parameter read with
	// json_each instead of one placeholder per ID: the statement stays
	// short to prepare.
	JSONIDs bool
}

// ActorKeyExpr is an actor's key (ActorKey of its name) in a schema with
// derived actor keys: the stored key, else the name in lower case. Queries
// must spell it exactly so, to use its unique index.
const ActorKeyExpr = "coalesce(key, lower(name))"

// DB is a store.Store over a writer and a reader connection pool (they may
// be the same pool).
type DB struct {
	w, r    *sql.DB
	d       Dialect
	codec   *store.Codec
	version int64
	log     *slog.Logger
	// packSize is the size of a pack (0: texts and layers in the rows).
	packSize int64
	// quotesByArticle: see Dialect.QuotesByArticle.
	quotesByArticle bool
	// dayNumbers: see Dialect.DayNumbers.
	dayNumbers bool
	// hashBytes: see Dialect.HashBytes.
	hashBytes bool
	// timeNumbers: see Dialect.TimeNumbers.
	timeNumbers bool
	// slimQuotes: see Dialect.SlimQuotes.
	slimQuotes bool
	// slimTables: see Dialect.SlimTables.
	slimTables bool
	// keyCol is the actors' key column or expression (ActorKeyExpr when
	// keys are derived; see Dialect.DerivedActorKeys).
	keyCol string
	// enumCodes: see Dialect.EnumCodes.
	enumCodes bool
	// partyIDs: see Dialect.PartyIDs.
	partyIDs bool
	// slimActors: see Dialect.SlimActors.
	slimActors bool
	// moreCodes: see Dialect.MoreCodes.
	moreCodes bool
	// noEventActorIndex: see Dialect.NoEventActorIndex.
	noEventActorIndex bool
	// shortBands: see Dialect.ShortBands.
	shortBands bool
	// sourcePrefixes: see Dialect.SourcePrefixes.
	sourcePrefixes bool
	// slimMentions: see Dialect.SlimMentions.
	slimMentions bool
	closers      []func() error
}

// Migrate brings the schema in db up to the newest migration in fsys and
// returns its version. A database whose version is newer than every
// migration in fsys gives an error that wraps store.ErrNewerSchema.
func Migrate(ctx context.Context, db *sql.DB, d Dialect, fsys fs.FS, opts ...goose.ProviderOption) (int64, error) {
	opts = append([]goose.ProviderOption{goose.WithDisableGlobalRegistry(true), goose.WithTableName("chronicle_schema")}, opts...)
	p, err := goose.NewProvider(d.Goose, db, fsys, opts...)
	if err != nil {
		return 0, fmt.Errorf("store: migrations: %w", err)
	}
	current, target, err := p.GetVersions(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: reading schema version: %w", err)
	}
	if current > target {
		return current, fmt.Errorf("%w: the database has schema version %d, this chronicle knows versions up to %d; use a newer chronicle", store.ErrNewerSchema, current, target)
	}
	if current < target {
		if _, err := p.Up(ctx); err != nil {
			return current, fmt.Errorf("store: migrating schema from version %d to %d: %w", current, target, err)
		}
	}
	return target, nil
}

// New makes a store over migrated databases: w for writes, r for reads.
// closers run on Close, after the pools are closed.
func New(w, r *sql.DB, d Dialect, version int64, log *slog.Logger, closers ...func() error) (*DB, error) {
	c, err := store.NewCodec()
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	var size int64
	if d.Packs {
		if size, err = PackSize(context.Background(), w); err != nil {
			return nil, err
		}
	}
	return &DB{w: w, r: r, d: d, codec: c, version: version, log: log, closers: closers, packSize: size,
		quotesByArticle:   d.QuotesByArticle > 0 && version >= d.QuotesByArticle,
		dayNumbers:        d.DayNumbers > 0 && version >= d.DayNumbers,
		hashBytes:         d.HashBytes > 0 && version >= d.HashBytes,
		timeNumbers:       d.TimeNumbers > 0 && version >= d.TimeNumbers,
		slimQuotes:        d.SlimQuotes > 0 && version >= d.SlimQuotes,
		slimTables:        d.SlimTables > 0 && version >= d.SlimTables,
		enumCodes:         d.EnumCodes > 0 && version >= d.EnumCodes,
		partyIDs:          d.PartyIDs > 0 && version >= d.PartyIDs,
		slimActors:        d.SlimActors > 0 && version >= d.SlimActors,
		moreCodes:         d.MoreCodes > 0 && version >= d.MoreCodes,
		noEventActorIndex: d.NoEventActorIndex > 0 && version >= d.NoEventActorIndex,
		shortBands:        d.ShortBands > 0 && version >= d.ShortBands,
		sourcePrefixes:    d.SourcePrefixes > 0 && version >= d.SourcePrefixes,
		slimMentions:      d.SlimMentions > 0 && version >= d.SlimMentions,
		keyCol:            keyColumn(d, version)}, nil
}

// inIDs returns " IN (…)" for a list of IDs and its arguments: one JSON
// array through json_each when the dialect has it, else a placeholder per
// ID.
func (s *DB) inIDs(ids []int64) (string, []any) {
	if s.d.JSONIDs {
		b := make([]byte, 0, 8*len(ids)+2)
		b = append(b, '[')
		for i, id := range ids {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, id, 10)
		}
		b = append(b, ']')
		return " IN (SELECT value FROM json_each(?))", []any{string(b)}
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return " IN (" + placeholders(len(ids)) + ")", args
}

// keyColumn is the actors' key column or expression in the schema at hand.
func keyColumn(d Dialect, version int64) string {
	if d.DerivedActorKeys > 0 && version >= d.DerivedActorKeys {
		return ActorKeyExpr
	}
	return "key"
}

// StoredActorKey is the value of actors.key for an actor named name (its
// name as stored, trimmed) in a schema with derived actor keys: nil when
// the key is the name in ASCII lower case, as SQLite's lower() makes it,
// else the key.
func StoredActorKey(key, name string) any {
	if key == asciiLower(name) {
		return nil
	}
	return key
}

// asciiLower lower-cases the ASCII letters of s only, as SQLite's lower()
// does without the ICU extension.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Close closes the connection pools.
func (s *DB) Close() error {
	var errs []error
	if s.d.Optimize != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		if _, err := s.w.ExecContext(ctx, s.d.Optimize); err != nil {
			errs = append(errs, fmt.Errorf("store: optimize: %w", err))
		}
		cancel()
	}
	errs = append(errs, s.w.Close())
	if s.r != s.w {
		errs = append(errs, s.r.Close())
	}
	for _, c := range s.closers {
		errs = append(errs, c())
	}
	return errors.Join(errs...)
}

// SplitSource splits where an article was read from ("dir/feed.jsonl:12",
// "dir/a.txt", "crawl.warc.gz@4096") after the last '/', '\\', ':', '#' or
// '@': the prefix, which many articles share, and the rest ("" when none).
// prefix + rest is source.
func SplitSource(source string) (prefix, rest string) {
	i := strings.LastIndexAny(source, "/\\:#@")
	if i < 0 {
		return "", source
	}
	return source[:i+1], source[i+1:]
}

// sourceCol is the expression of an article's source (articles a) in the
// schema at hand.
func (s *DB) sourceCol() string {
	if s.sourcePrefixes {
		return "coalesce((SELECT prefix FROM sources WHERE id = a.source_id), '') || a.source"
	}
	return "a.source"
}

// ShortBand is the stored form of a MinHash band hash since schema v16
// (SQLite): its low 24 bits, a 3-byte integer in the band index where the
// 32-bit hash took 4 or 6 bytes. Candidates are verified against their
// texts; a random band match of two articles now has a chance of 2^-24,
// about one candidate to verify per article added to a store of a million.
func ShortBand(b int64) int64 { return b & 0xffffff }

// band is the value stored for a band hash in the schema at hand.
func (s *DB) band(b int64) int64 {
	if s.shortBands {
		return ShortBand(b)
	}
	return b
}

// Compact implements store.Compacter: when added is at least a quarter of
// the articles stored, it runs the dialect's compaction statements.
func (s *DB) Compact(ctx context.Context, added int64) (bool, error) {
	if len(s.d.Compact) == 0 || added <= 0 {
		return false, nil
	}
	var total int64
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&total); err != nil {
		return false, fmt.Errorf("store: compact: %w", err)
	}
	if added*4 < total {
		return false, nil
	}
	for _, q := range s.d.Compact {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			return false, fmt.Errorf("store: compact: %w", err)
		}
	}
	return true, nil
}

var _ store.Compacter = (*DB)(nil)

// Writer returns the write pool, for tests and tools.
func (s *DB) Writer() *sql.DB { return s.w }

// q rewrites "?" placeholders for the dialect.
func (s *DB) q(query string) string {
	if !s.d.Numbered || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// Seen implements store.Store.
func (s *DB) Seen(ctx context.Context, url, hash string) (bool, error) {
	var id int64
	var err error
	if url != "" {
		err = s.r.QueryRowContext(ctx, s.q(`SELECT id FROM articles WHERE url = ?`), url).Scan(&id)
		if err == nil {
			return true, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return false, fmt.Errorf("store: seen: %w", err)
		}
	}
	err = s.r.QueryRowContext(ctx, s.q(`SELECT id FROM articles WHERE content_hash = ?`), s.hashArg(hash)).Scan(&id)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	}
	return false, fmt.Errorf("store: seen: %w", err)
}

// Stats implements store.Store.
func (s *DB) Stats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{SchemaVersion: s.version}
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles WHERE dup_of IS NULL),
		(SELECT count(*) FROM articles WHERE dup_of IS NOT NULL),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM mentions),
		(SELECT count(*) FROM actors),
		(SELECT count(*) FROM quotes),
		(SELECT coalesce(sum(text_bytes), 0) FROM articles)`).Scan(
		&st.Articles, &st.Syndicated, &st.Events, &st.Mentions, &st.Actors, &st.Quotes, &st.TextBytes)
	if err != nil {
		return st, fmt.Errorf("store: stats: %w", err)
	}
	if s.d.Size != "" {
		if err := s.r.QueryRowContext(ctx, s.d.Size).Scan(&st.SizeBytes); err != nil {
			return st, fmt.Errorf("store: size: %w", err)
		}
	}
	return st, nil
}

// HashKey is the stored form of a content hash (store.ContentHash, hex)
// since schema v8 in SQLite: its first 16 bytes. 128 bits keep accidental
// collisions out of reach (about 2^-64 at 2^32 articles) in a third of the
// bytes of the hex text, in the row and in the unique index.
func HashKey(hash string) []byte {
	b, err := hex.DecodeString(hash[:min(len(hash), 32)])
	if err != nil {
		return []byte(hash) // not hex: kept as it is
	}
	return b
}

// hashArg is the value stored for a content hash in the schema at hand.
func (s *DB) hashArg(hash string) any {
	if s.hashBytes {
		return HashKey(hash)
	}
	return hash
}

// timeText formats a time for the published columns (” when zero).
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// textArg is the value stored in articles.text.
func (s *DB) textArg(text string) any {
	if s.d.CompressText {
		return s.codec.CompressText(text)
	}
	return text
}

// readText decodes a value read from articles.text.
func (s *DB) readText(raw []byte) (string, error) {
	if s.d.CompressText {
		return s.codec.DecompressText(raw)
	}
	return string(raw), nil
}

// articleText is an article's text with the metadata shown beside it.
type articleText struct {
	url, title, outlet, text string
}

// articleTexts returns the texts of the given articles.
func (s *DB) articleTexts(ctx context.Context, ids []int64) (map[int64]articleText, error) {
	out := make(map[int64]articleText, len(ids))
	seen := make(map[int64]bool, len(ids))
	var uniq []int64
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			uniq = append(uniq, id)
		}
	}
	for _, part := range chunks(uniq, 500) {
		if len(part) == 0 {
			continue
		}
		in, args := s.inIDs(part)
		rows, err := s.r.QueryContext(ctx, s.q(`SELECT a.id, coalesce(a.url, ''), a.title, a.outlet, a.text, `+s.packCols("a.")+`, `+s.packedText()+
			` WHERE a.id`+in), args...)
		if err != nil {
			return nil, fmt.Errorf("store: article texts: %w", err)
		}
		var packed []int64
		var spans []packSpan
		for rows.Next() {
			var id int64
			var raw, p1, p2 []byte
			var a articleText
			var pk packRef
			if err := rows.Scan(&id, &a.url, &a.title, &a.outlet, &raw, &pk.off, &pk.text, &pk.layers, &p1, &p2); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: article texts: %w", err)
			}
			if sp, ok := pk.span(); ok {
				if len(p1)+len(p2) == sp.text {
					raw = append(p1, p2...) // the text lies in one or two packs
				} else {
					packed, spans = append(packed, id), append(spans, sp)
					out[id] = a
					continue
				}
			}
			text, err := s.readText(raw)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: article %d: %w", id, err)
			}
			a.text = text
			out[id] = a
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: article texts: %w", err)
		}
		if len(packed) == 0 {
			continue
		}
		raws, err := readPacks(ctx, s.r, s.packSize, spans, false)
		if err != nil {
			return nil, err
		}
		for i, id := range packed {
			a := out[id]
			if a.text, err = s.readText(raws[i]); err != nil {
				return nil, fmt.Errorf("store: article %d: %w", id, err)
			}
			out[id] = a
		}
	}
	return out, nil
}

// packedText is the end of a query on articles a that also returns the
// compressed text's bytes from the first two packs it lies in (NULLs when
// the schema has no packs), and the FROM clause: most texts lie in one or
// two packs, and the join reads just their bytes, without another query.
func (s *DB) packedText() string {
	if s.packSize == 0 {
		return "NULL, NULL FROM articles a"
	}
	n := strconv.FormatInt(s.packSize, 10)
	return `(SELECT substr(data, a.pack_off % ` + n + ` + 1, a.text_len) FROM packs WHERE id = a.pack_off / ` + n + `),
		CASE WHEN a.pack_off % ` + n + ` + a.text_len > ` + n + ` THEN
			(SELECT substr(data, 1, a.text_len - (` + n + ` - a.pack_off % ` + n + `)) FROM packs WHERE id = a.pack_off / ` + n + ` + 1) END
		FROM articles a`
}

// packCols are the pack columns of articles (with the table alias a, or
// none) for packRef.scan, or NULLs when the schema has no packs.
func (s *DB) packCols(alias string) string {
	if s.packSize == 0 {
		return "NULL, NULL, NULL"
	}
	return alias + "pack_off, " + alias + "text_len, " + alias + "layers_len"
}

// packRef is an article's pack columns as read.
type packRef struct {
	off, text, layers sql.NullInt64
}

// span returns where the article's bytes lie, false when they are in its
// row.
func (p packRef) span() (packSpan, bool) {
	if !p.off.Valid {
		return packSpan{}, false
	}
	return packSpan{off: p.off.Int64, text: int(p.text.Int64), layers: int(p.layers.Int64)}, true
}

// span returns text[start:end], or "" when out of range.
func span(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	return text[start:end]
}
