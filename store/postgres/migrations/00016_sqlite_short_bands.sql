-- Chronicle corpus schema, version 16: SQLite keeps the low 24 bits of each
-- MinHash band hash in article_bands (a 3-byte integer where the 32-bit hash
-- took 4 or 6 bytes; a Go migration, store/sqlite/slim.go). PostgreSQL's
-- bigint takes 8 bytes whatever the value; this no-op keeps the versions of
-- the dialects in step.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
