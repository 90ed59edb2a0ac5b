// Package backend opens a corpus store from a data source name: a
// "postgres://" or "postgresql://" URL opens PostgreSQL, anything else
// (a path, optionally prefixed "sqlite:") opens an SQLite file.
package backend

import (
	"context"
	"log/slog"
	"strings"

	"github.com/chronicle-news/chronicle/store"
	"github.com/chronicle-news/chronicle/store/postgres"
	"github.com/chronicle-news/chronicle/store/sqlite"
)

// DefaultDSN is the store used when none is given: chronicle.db in the
// current directory.
const DefaultDSN = "chronicle.db"

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens (and migrates) the store named by dsn.
func Open(ctx context.Context, dsn string, log *slog.Logger) (store.Store, error) {
	if dsn == "" {
		dsn = DefaultDSN
	}
	if IsPostgres(dsn) {
		return postgres.Open(ctx, dsn, postgres.Options{Logger: log})
	}
	return sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite:"), sqlite.Options{Logger: log})
}
