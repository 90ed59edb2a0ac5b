-- Chronicle corpus schema, version 6: SQLite drops its quotes full-text
-- index and finds quotes through the articles' index (a Go migration,
-- store/sqlite/migrate.go). PostgreSQL keeps its GIN expression index on the
-- quote texts; this no-op keeps the versions of the dialects in step.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
