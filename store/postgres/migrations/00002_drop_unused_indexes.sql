-- Chronicle corpus schema, version 2: drop two indexes that no query uses.
-- Mentions and quotes are only ever read by event (mentions_event) or by
-- their own id (the FTS rowid), never by article, and articles are never
-- deleted or renumbered, so the foreign keys need no child index either.
-- Keep in step with the other dialect.

-- +goose Up
DROP INDEX IF EXISTS mentions_article;
DROP INDEX IF EXISTS quotes_article;

-- +goose Down
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX quotes_article ON quotes(article_id);
