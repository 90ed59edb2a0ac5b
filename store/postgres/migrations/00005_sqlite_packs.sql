-- Chronicle corpus schema, version 5: SQLite moves article texts and layers
-- into page-sized packs (a Go migration, store/sqlite/migrate.go).
-- PostgreSQL keeps them in the rows, where TOAST already stores large values
-- out of line; this no-op keeps the versions of the dialects in step.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
