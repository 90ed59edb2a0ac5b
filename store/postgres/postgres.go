// Package postgres is Chronicle's corpus store on PostgreSQL (driver pgx),
// for corpora shared by several analysts or too large for one file. It has
// the schema of store/sqlite in PostgreSQL's dialect, with full-text search
// through GIN expression indexes, and the same goose-versioned migrations.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"runtime"

	"github.com/chronicle-news/chronicle/store/sqlstore"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
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

// tsv is the indexed document vector of an article (see the migrations).
const tsv = `to_tsvector('english', a.title || ' ' || a.text)`

// Dialect is PostgreSQL's flavour of the corpus schema.
var Dialect = sqlstore.Dialect{
	Name:     "postgres",
	Goose:    goose.DialectPostgres,
	Numbered: true,
	SearchArticles: `SELECT a.id, a.title, coalesce(a.url, ''), a.outlet, a.published,
		ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "'),
		(SELECT count(*) FROM articles c WHERE c.dup_of = a.id)
		FROM articles a, websearch_to_tsquery('english', ?) q
		WHERE a.dup_of IS NULL AND ` + tsv + ` @@ q
		ORDER BY ts_rank(` + tsv + `, q) DESC, a.id LIMIT ? OFFSET ?`,
	ArticleMatch: `(a.dup_of IS NULL AND ` + tsv + ` @@ websearch_to_tsquery('english', ?))`,
	QuoteMatch:   `to_tsvector('english', q.text) @@ websearch_to_tsquery('english', ?)`,
	FTSQuery:     sqlstore.WebSearchQuery,
	// Cross-article merging reads then writes events: one writer at a time.
	WriteLock: `SELECT pg_advisory_xact_lock(7385421)`,
	Size:      `SELECT pg_database_size(current_database())`,
	// Schema v7 stores event dates as day numbers.
	DayNumbers: 7,
	// Schema v9 stores copied publication times as Unix seconds.
	TimeNumbers: 9,
	// Schema v10 drops the quote columns no query reads.
	SlimQuotes: 10,
	// Schema v11 drops events.parties, the type from merge keys, the
	// articles' sketches, and keeps article times as seconds (actors keep
	// their keys).
	SlimTables: 11,
	// Schema v14 drops the actors' country and sector.
	SlimActors: 14,
	// Schema v18 reads a mention's publication time and outlet through
	// its article.
	SlimMentions: 18,
}

// Options configure Open.
type Options struct {
	// MaxConns is the size of the connection pool (default: twice the
	// number of CPUs, at least 4).
	MaxConns int
	// Logger receives migration logs; nil means slog.Default().
	Logger *slog.Logger
	// Migrations replaces the embedded migrations (for tests).
	Migrations fs.FS
}

// Open connects to the PostgreSQL database at dsn ("postgres://…") and
// migrates its schema. A database written by a newer Chronicle gives an
// error that wraps store.ErrNewerSchema.
func Open(ctx context.Context, dsn string, opts Options) (*sqlstore.DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	n := opts.MaxConns
	if n <= 0 {
		n = max(2*runtime.NumCPU(), 4)
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connecting: %w", err)
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	fsys := opts.Migrations
	if fsys == nil {
		fsys = Migrations()
	}
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: migration lock: %w", err)
	}
	version, err := sqlstore.Migrate(ctx, db, Dialect, fsys, goose.WithSlog(log), goose.WithSessionLocker(locker))
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return sqlstore.New(db, db, Dialect, version, log)
}

// OpenRaw opens a plain connection pool to the database at dsn, without
// migrating: for administration and tests.
func OpenRaw(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connecting: %w", err)
	}
	return db, nil
}
