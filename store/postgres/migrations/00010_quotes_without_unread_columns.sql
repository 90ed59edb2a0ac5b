-- Chronicle corpus schema, version 10: the quotes table loses the columns no
-- query reads (local_id, mixed, cue_lemma); the quotes layer in each
-- article's layer blob keeps them. Keep in step with the other dialect.

-- +goose Up
ALTER TABLE quotes DROP COLUMN local_id, DROP COLUMN mixed, DROP COLUMN cue_lemma;

-- +goose Down
-- The dropped values are in the layer blobs; the columns come back empty.
ALTER TABLE quotes
    ADD COLUMN local_id TEXT NOT NULL DEFAULT '',
    ADD COLUMN mixed INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN cue_lemma TEXT NOT NULL DEFAULT '';
