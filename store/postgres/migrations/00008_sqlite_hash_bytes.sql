-- Chronicle corpus schema, version 8: SQLite keeps the first 16 bytes of the
-- content hash instead of its 64 hex digits (a Go migration,
-- store/sqlite/migrate.go). PostgreSQL keeps the hex text; this no-op keeps
-- the versions of the dialects in step.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
