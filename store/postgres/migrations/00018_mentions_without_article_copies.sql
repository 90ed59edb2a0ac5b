-- Chronicle corpus schema, version 18: mentions keep no copy of their
-- article's publication time and outlet (published, source_key); queries
-- read them through the article. Keep in step with the other dialect.

-- +goose Up
ALTER TABLE mentions DROP COLUMN published, DROP COLUMN source_key;

-- +goose Down
ALTER TABLE mentions
    ADD COLUMN published BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
UPDATE mentions SET published = a.published, source_key = a.source_key FROM articles a WHERE a.id = mentions.article_id;
