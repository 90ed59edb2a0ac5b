// Package sqlite is Chronicle's embedded corpus store: one SQLite file
// (pure-Go driver modernc.org/sqlite) in WAL mode, so that queries run while
// an ingest writes, with an FTS5 full-text index over the articles (quote
// searches go through it since schema v6) and article texts and layers in
// page-sized packs (schema v5). The schema is versioned with goose
// migrations embedded in the binary.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/chronicle-news/chronicle/store/sqlstore"
	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the embedded schema migrations.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded directory always exists
	}
	return sub
}

// Dialect is SQLite's flavour of the corpus schema.
var Dialect = sqlstore.Dialect{
	Name:       "sqlite",
	Goose:      goose.DialectSQLite3,
	ArticleFTS: `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`,
	QuoteFTS:   `INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)`,
	// The index keeps no positions, hence no relevance rank: newest first.
	SearchIDs: `SELECT a.id FROM articles a WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)
		ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?`,
	CompressText: true,
	ArticleMatch: `a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`,
	QuoteMatch:   `q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)`,
	FTSQuery:     sqlstore.FTS5LooseQuery,
	LooseFTS:     true,
	Packs:        true,
	// Schema v6 drops quotes_fts.
	QuotesByArticle: 6,
	// Schema v7 stores event dates as day numbers.
	DayNumbers: 7,
	// Schema v8 stores content hashes as 16 bytes.
	HashBytes: 8,
	// Schema v9 stores copied publication times as Unix seconds.
	TimeNumbers: 9,
	// Schema v10 drops the quote columns no query reads.
	SlimQuotes: 10,
	// Schema v11 drops events.parties, the type from merge keys, the
	// articles' sketches, and keeps article times as seconds.
	SlimTables: 11,
	// Schema v11 stores an actor's key only when it is not lower(name).
	DerivedActorKeys: 11,
	// Schema v12 stores event types, statuses, modes and granularities
	// as codes.
	EnumCodes: 12,
	// Schema v13 keeps the actor IDs of each event's parties.
	PartyIDs: 13,
	// Schema v14 drops the actors' country and sector and stores actor
	// kinds and quote cues as codes.
	SlimActors: 14,
	MoreCodes:  14,
	// Schema v15 drops event_actors' index by event.
	NoEventActorIndex: 15,
	// Schema v16 keeps 24 bits of each MinHash band hash.
	ShortBands: 16,
	// Schema v17 stores the prefixes of the articles' sources once.
	SourcePrefixes: 17,
	// Schema v18 reads a mention's publication time and outlet through
	// its article.
	SlimMentions: 18,
	JSONIDs:      true,
	// After a large batch the full-text index is merged into one segment
	// (FTS5 'optimize': the segments that each transaction added repeat
	// their terms) and the file rebuilt with packed B-trees: 0.11 of the
	// text on 600 wire stories.
	Compact: []string{`INSERT INTO articles_fts (articles_fts) VALUES ('optimize')`, `VACUUM`},
	Size:    `SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()`,
}

// Options configure Open.
type Options struct {
	// Readers is the size of the read connection pool (default: the number
	// of CPUs, at least 4).
	Readers int
	// Logger receives migration logs; nil means slog.Default().
	Logger *slog.Logger
	// Migrations replaces the embedded migrations (for tests).
	Migrations fs.FS
	// PageSize is the page size of a new database (a power of two from 512
	// to 65536; 0: SQLite's 4096). 2048 makes a store of news articles about
	// 1 % smaller (5–8 % before texts went into packs, schema v5) but deepens
	// the B-trees: event queries took up to 1.5× as long on 100,000 events
	// (docs/benchmarks.md). An existing database keeps its page size.
	PageSize int
}

func dsn(path string, write bool) string {
	v := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(NORMAL)", "busy_timeout(15000)", "foreign_keys(ON)", "cache_size(-32000)", "temp_store(MEMORY)"} {
		v.Add("_pragma", p)
	}
	if write {
		v.Set("_txlock", "immediate")
	} else {
		v.Add("_pragma", "query_only(1)")
	}
	return "file:" + path + "?" + v.Encode()
}

// create makes an empty database file with the page size set (the driver
// sets its pragmas in alphabetical order, journal_mode before page_size).
func create(ctx context.Context, path string, pageSize int) error {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return fmt.Errorf("sqlite: create %s: %w", path, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d", pageSize)); err != nil {
		return fmt.Errorf("sqlite: create %s: %w", path, err)
	}
	if _, err := db.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil {
		return fmt.Errorf("sqlite: create %s: %w", path, err)
	}
	return nil
}

// Open opens (creating it if needed) the SQLite corpus at path and migrates
// its schema. A database written by a newer Chronicle gives an error that
// wraps store.ErrNewerSchema.
func Open(ctx context.Context, path string, opts Options) (*sqlstore.DB, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: empty database path")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite: database path %q may not contain '?' or '#'", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("sqlite: database directory: %w", err)
		}
	}
	if ps := opts.PageSize; ps != 0 && (ps < 512 || ps > 65536 || ps&(ps-1) != 0) {
		return nil, fmt.Errorf("sqlite: page size %d: want a power of two from 512 to 65536", ps)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && opts.PageSize > 0 {
		if err := create(ctx, path, opts.PageSize); err != nil {
			return nil, err
		}
	}
	w, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	fsys := opts.Migrations
	if fsys == nil {
		fsys = Migrations()
	}
	var from int64 // the schema version before migrating (0: new or unknown)
	_ = w.QueryRowContext(ctx, `SELECT coalesce(max(version_id), 0) FROM chronicle_schema WHERE is_applied`).Scan(&from)
	if from > 0 {
		// Migrations of a filled store sort and copy whole tables: in
		// temporary files, not in memory (the writer has one connection).
		if _, err := w.ExecContext(ctx, `PRAGMA temp_store = FILE`); err != nil {
			w.Close()
			return nil, fmt.Errorf("sqlite: %s: %w", path, err)
		}
		defer w.ExecContext(ctx, `PRAGMA temp_store = MEMORY`)
		// Schemas v11 and v12 rebuild actors and events, which other
		// tables refer to:
		// without enforcement while migrating (the rebuilt table keeps
		// every ID).
		if _, err := w.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
			w.Close()
			return nil, fmt.Errorf("sqlite: %s: %w", path, err)
		}
	}
	version, err := sqlstore.Migrate(ctx, w, Dialect, fsys, goose.WithSlog(log), goose.WithVerbose(false), goose.WithGoMigrations(goMigrations()...))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	if from > 0 {
		if _, err := w.ExecContext(ctx, `PRAGMA foreign_keys = ON`); err != nil {
			w.Close()
			return nil, fmt.Errorf("sqlite: %s: %w", path, err)
		}
	}
	if from > 0 && (from < packsVersion && version >= packsVersion || from < slimMentionsVersion && version >= slimVersion) {
		// Moving the texts into packs (v5) or rewriting tables (v11–v14) left
		// the rows spread thin over their old pages and those pages'
		// space free: rebuild the file once (a 1.4 GB store of 200,000
		// articles shrank by a third at v5 and its timelines read a third
		// fewer pages). A failure (another process holding the database)
		// leaves the store as it is.
		log.Info("sqlite: compacting the database after a schema change", "path", path)
		if _, err := w.ExecContext(ctx, `VACUUM`); err != nil {
			log.Warn("sqlite: compacting the database failed; run VACUUM later", "path", path, "err", err)
		}
	}
	r, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s for reading: %w", path, err)
	}
	n := opts.Readers
	if n <= 0 {
		n = max(runtime.NumCPU(), 4)
	}
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	return sqlstore.New(w, r, Dialect, version, log)
}
