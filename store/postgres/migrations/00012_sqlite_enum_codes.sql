-- Chronicle corpus schema, version 12: SQLite stores event types, statuses,
-- modes and date granularities as small integer codes (a Go migration,
-- store/sqlite/slim.go; store/sqlstore/enums.go). PostgreSQL keeps the
-- text; this no-op keeps the versions of the dialects in step.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
