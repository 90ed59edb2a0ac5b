-- Chronicle corpus schema, version 18: mentions keep no copy of their
-- article's publication time and outlet (published, source_key); queries
-- read them through the article. The table is rebuilt (nothing refers to
-- it), its status column without type affinity (codes, schema v12). Keep in
-- step with the other dialect.

-- +goose Up
CREATE TABLE mentions_new (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    local_id    TEXT    NOT NULL,
    status      NOT NULL DEFAULT 0, -- code (sqlstore.EnumNames) or text
    date_value  TEXT    NOT NULL DEFAULT '',
    n_evidence  INTEGER NOT NULL,
    sent_start  INTEGER NOT NULL,
    sent_end    INTEGER NOT NULL,
    trigger     TEXT    NOT NULL DEFAULT '',
    more        TEXT    NOT NULL DEFAULT '' -- JSON [[start,end,trigger],…] of further evidence
);
INSERT INTO mentions_new (id, event_id, article_id, local_id, status, date_value, n_evidence, sent_start, sent_end, trigger, more)
    SELECT id, event_id, article_id, local_id, status, date_value, n_evidence, sent_start, sent_end, trigger, more FROM mentions ORDER BY id;
DROP TABLE mentions;
ALTER TABLE mentions_new RENAME TO mentions;
CREATE INDEX mentions_event ON mentions(event_id, article_id);

-- +goose Down
CREATE TABLE mentions_new (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    local_id    TEXT    NOT NULL,
    status      NOT NULL DEFAULT 0, -- code (sqlstore.EnumNames) or text
    date_value  TEXT    NOT NULL DEFAULT '',
    published   INTEGER NOT NULL DEFAULT 0, -- Unix seconds, 0 when unknown
    source_key  TEXT    NOT NULL DEFAULT '',
    n_evidence  INTEGER NOT NULL,
    sent_start  INTEGER NOT NULL,
    sent_end    INTEGER NOT NULL,
    trigger     TEXT    NOT NULL DEFAULT '',
    more        TEXT    NOT NULL DEFAULT ''
);
INSERT INTO mentions_new (id, event_id, article_id, local_id, status, date_value, published, source_key, n_evidence, sent_start, sent_end, trigger, more)
    SELECT m.id, m.event_id, m.article_id, m.local_id, m.status, m.date_value, a.published, a.source_key, m.n_evidence, m.sent_start, m.sent_end, m.trigger, m.more
    FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY m.id;
DROP TABLE mentions;
ALTER TABLE mentions_new RENAME TO mentions;
CREATE INDEX mentions_event ON mentions(event_id, article_id);
