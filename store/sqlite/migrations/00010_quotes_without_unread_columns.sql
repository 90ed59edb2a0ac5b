-- Chronicle corpus schema, version 10: the quotes table loses the columns no
-- query reads (local_id, mixed, cue_lemma: about 10 bytes a quote); the
-- quotes layer in each article's layer blob keeps them. The table is rebuilt
-- with the same IDs (articles' quote ranges refer to them; nothing else
-- does). Keep in step with the other dialect.

-- +goose Up
CREATE TABLE quotes_v10 (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id),
    text          TEXT    NOT NULL, -- '' when it is the article text at [start_off, end_off)
    start_off     INTEGER NOT NULL,
    end_off       INTEGER NOT NULL,
    direct        INTEGER NOT NULL,
    cue           TEXT    NOT NULL DEFAULT '',
    speaker       TEXT    NOT NULL DEFAULT '',
    speaker_actor INTEGER REFERENCES actors(id),
    anonymous     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO quotes_v10 (id, article_id, text, start_off, end_off, direct, cue, speaker, speaker_actor, anonymous)
    SELECT id, article_id, text, start_off, end_off, direct, cue, speaker, speaker_actor, anonymous FROM quotes;
DROP TABLE quotes;
ALTER TABLE quotes_v10 RENAME TO quotes;
CREATE INDEX quotes_actor ON quotes(speaker_actor) WHERE speaker_actor IS NOT NULL;

-- +goose Down
-- The dropped values are in the layer blobs; the columns come back empty.
CREATE TABLE quotes_v9 (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id),
    local_id      TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    start_off     INTEGER NOT NULL,
    end_off       INTEGER NOT NULL,
    direct        INTEGER NOT NULL,
    mixed         INTEGER NOT NULL,
    cue           TEXT    NOT NULL DEFAULT '',
    cue_lemma     TEXT    NOT NULL DEFAULT '',
    speaker       TEXT    NOT NULL DEFAULT '',
    speaker_actor INTEGER REFERENCES actors(id),
    anonymous     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO quotes_v9 (id, article_id, local_id, text, start_off, end_off, direct, mixed, cue, cue_lemma, speaker, speaker_actor, anonymous)
    SELECT id, article_id, '', text, start_off, end_off, direct, 0, cue, '', speaker, speaker_actor, anonymous FROM quotes;
DROP TABLE quotes;
ALTER TABLE quotes_v9 RENAME TO quotes;
CREATE INDEX quotes_actor ON quotes(speaker_actor) WHERE speaker_actor IS NOT NULL;
