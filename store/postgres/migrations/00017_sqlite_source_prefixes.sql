-- Chronicle corpus schema, version 17: SQLite stores the prefixes of the
-- articles' sources (a file's path, a directory) once, in a table of their
-- own (a Go migration, store/sqlite/slim.go). PostgreSQL keeps each source
-- whole; this no-op keeps the versions of the dialects in step.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
