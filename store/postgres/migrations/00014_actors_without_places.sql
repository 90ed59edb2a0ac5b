-- Chronicle corpus schema, version 14: actors lose country and sector, which
-- no query reads (the actors layer in each article's layer blob keeps them).
-- SQLite also stores actor kinds and quote cues as small integer codes
-- (store/sqlite/slim.go); PostgreSQL keeps the text. Keep in step with the
-- other dialect.

-- +goose Up
ALTER TABLE actors DROP COLUMN country, DROP COLUMN sector;

-- +goose Down
-- The dropped values are in the layer blobs; the columns come back empty.
ALTER TABLE actors
    ADD COLUMN country TEXT NOT NULL DEFAULT '',
    ADD COLUMN sector TEXT NOT NULL DEFAULT '';
