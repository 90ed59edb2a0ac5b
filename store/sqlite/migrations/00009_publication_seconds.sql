-- Chronicle corpus schema, version 9: the publication times copied into
-- mentions.published and events.status_published become Unix seconds, 0
-- when unknown (sqlstore/days.go), instead of RFC 3339 text: 5 bytes instead
-- of 20 in each row. mentions is rebuilt (nothing refers to it); events
-- keeps its rows (other tables refer to it): a new column replaces the old.
-- Keep in step with the other dialect.

-- +goose Up
CREATE TABLE mentions_v9 (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    local_id    TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT '',
    date_value  TEXT    NOT NULL DEFAULT '',
    published   INTEGER NOT NULL DEFAULT 0, -- Unix seconds, 0 when unknown
    source_key  TEXT    NOT NULL DEFAULT '',
    n_evidence  INTEGER NOT NULL,
    sent_start  INTEGER NOT NULL,
    sent_end    INTEGER NOT NULL,
    trigger     TEXT    NOT NULL DEFAULT '',
    more        TEXT    NOT NULL DEFAULT '' -- JSON [[start,end,trigger],…] of further evidence
);
INSERT INTO mentions_v9 (id, event_id, article_id, local_id, status, date_value, published, source_key, n_evidence, sent_start, sent_end, trigger, more)
    SELECT id, event_id, article_id, local_id, status, date_value, coalesce(unixepoch(nullif(published, '')), 0),
        source_key, n_evidence, sent_start, sent_end, trigger, more
    FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_v9 RENAME TO mentions;
CREATE INDEX mentions_event ON mentions(event_id, article_id);

ALTER TABLE events ADD COLUMN status_pub INTEGER NOT NULL DEFAULT 0;
UPDATE events SET status_pub = coalesce(unixepoch(nullif(status_published, '')), 0);
ALTER TABLE events DROP COLUMN status_published;
ALTER TABLE events RENAME COLUMN status_pub TO status_published;

-- +goose Down
CREATE TABLE mentions_v8 (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    local_id    TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT '',
    date_value  TEXT    NOT NULL DEFAULT '',
    published   TEXT    NOT NULL DEFAULT '',
    source_key  TEXT    NOT NULL DEFAULT '',
    n_evidence  INTEGER NOT NULL,
    sent_start  INTEGER NOT NULL,
    sent_end    INTEGER NOT NULL,
    trigger     TEXT    NOT NULL DEFAULT '',
    more        TEXT    NOT NULL DEFAULT ''
);
INSERT INTO mentions_v8 (id, event_id, article_id, local_id, status, date_value, published, source_key, n_evidence, sent_start, sent_end, trigger, more)
    SELECT id, event_id, article_id, local_id, status, date_value,
        CASE WHEN published <> 0 THEN strftime('%Y-%m-%dT%H:%M:%SZ', published, 'unixepoch') ELSE '' END,
        source_key, n_evidence, sent_start, sent_end, trigger, more
    FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_v8 RENAME TO mentions;
CREATE INDEX mentions_event ON mentions(event_id, article_id);

ALTER TABLE events ADD COLUMN status_pub TEXT NOT NULL DEFAULT '';
UPDATE events SET status_pub = CASE WHEN status_published <> 0 THEN strftime('%Y-%m-%dT%H:%M:%SZ', status_published, 'unixepoch') ELSE '' END;
ALTER TABLE events DROP COLUMN status_published;
ALTER TABLE events RENAME COLUMN status_pub TO status_published;
