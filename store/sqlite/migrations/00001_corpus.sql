-- Chronicle corpus schema, version 1 (SQLite). Keep in step with
-- store/postgres/migrations: one schema, two dialects.

-- +goose Up
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    doc_id       TEXT    NOT NULL DEFAULT '',
    url          TEXT,                      -- NULL when unknown
    content_hash TEXT    NOT NULL,
    title        TEXT    NOT NULL DEFAULT '',
    author       TEXT    NOT NULL DEFAULT '',
    outlet       TEXT    NOT NULL DEFAULT '',
    source_key   TEXT    NOT NULL DEFAULT '', -- outlet or web host, for NumSources
    published    TEXT    NOT NULL DEFAULT '', -- RFC 3339 UTC, '' when unknown
    source       TEXT    NOT NULL DEFAULT '', -- where it was read from
    text         BLOB    NOT NULL,   -- zstd-compressed (store.Codec.CompressText)
    text_bytes   INTEGER NOT NULL,   -- length of the text in bytes
    layers       BLOB,                      -- store.Codec blob
    minhash      BLOB,                      -- store.MinHash.Sketch, NULL for short texts
    dup_of       INTEGER REFERENCES articles(id),
    ingested_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX articles_hash ON articles(content_hash);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;

-- MinHash LSH bands for near-duplicate (syndicated copy) lookup.
CREATE TABLE article_bands (
    band       INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
CREATE INDEX articles_dup ON articles(dup_of) WHERE dup_of IS NOT NULL;

-- Contentless full-text indexes: the texts live (compressed) in their tables.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE actors (
    id       INTEGER PRIMARY KEY,
    key      TEXT    NOT NULL UNIQUE, -- normalised name
    name     TEXT    NOT NULL,
    kind     TEXT    NOT NULL DEFAULT '',
    code     TEXT    NOT NULL DEFAULT '',
    country  TEXT    NOT NULL DEFAULT '',
    sector   TEXT    NOT NULL DEFAULT '',
    mentions INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0,
    events   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_code ON actors(code);

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    merge_key        TEXT    NOT NULL, -- type|sources>targets
    type             TEXT    NOT NULL DEFAULT '',
    mode             TEXT    NOT NULL DEFAULT '',
    cameo            TEXT    NOT NULL DEFAULT '',
    quad             INTEGER NOT NULL DEFAULT 0,
    goldstein        REAL    NOT NULL DEFAULT 0,
    status           TEXT    NOT NULL DEFAULT '',
    status_published TEXT    NOT NULL DEFAULT '', -- publication time of the mention that set status
    date_value       TEXT    NOT NULL DEFAULT '',
    date_lo          TEXT    NOT NULL DEFAULT '', -- YYYY-MM-DD, '' when undated
    date_hi          TEXT    NOT NULL DEFAULT '',
    granularity      TEXT    NOT NULL DEFAULT '',
    place            TEXT    NOT NULL DEFAULT '',
    place_key        TEXT    NOT NULL DEFAULT '',
    country          TEXT    NOT NULL DEFAULT '',
    lat              REAL    NOT NULL DEFAULT 0,
    lon              REAL    NOT NULL DEFAULT 0,
    place_kind       TEXT    NOT NULL DEFAULT '',
    parties          TEXT    NOT NULL DEFAULT '', -- role, actor id, name, code of each party (see sqlstore)
    num_mentions     INTEGER NOT NULL DEFAULT 0,
    num_articles     INTEGER NOT NULL DEFAULT 0,
    num_sources      INTEGER NOT NULL DEFAULT 0,
    first_article    INTEGER NOT NULL REFERENCES articles(id)
);
CREATE INDEX events_merge ON events(merge_key, date_lo);
CREATE INDEX events_date ON events(date_lo, date_hi);
CREATE INDEX events_type ON events(type, date_lo, date_hi);
CREATE INDEX events_cameo ON events(cameo, date_lo);
CREATE INDEX events_status ON events(status, date_lo);
CREATE INDEX events_place ON events(place_key, date_lo) WHERE place_key <> '';
CREATE INDEX events_country ON events(country, date_lo) WHERE country <> '';

-- An event's actors, with copies of the event's type, status and dates so
-- that an actor's events are read in date order from one index.
CREATE TABLE event_actors (
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    event_id INTEGER NOT NULL REFERENCES events(id),
    role     INTEGER NOT NULL, -- 0 source, 1 target
    pos      INTEGER NOT NULL, -- order within the role
    type     TEXT    NOT NULL DEFAULT '',
    status   TEXT    NOT NULL DEFAULT '',
    date_lo  TEXT    NOT NULL DEFAULT '',
    date_hi  TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (actor_id, event_id, role)
) WITHOUT ROWID;
CREATE INDEX event_actors_date ON event_actors(actor_id, date_lo);
CREATE INDEX event_actors_event ON event_actors(event_id);

CREATE TABLE mentions (
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
    more        TEXT    NOT NULL DEFAULT '' -- JSON [[start,end,trigger],…] of further evidence
);
CREATE INDEX mentions_event ON mentions(event_id, article_id);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id),
    local_id      TEXT    NOT NULL,
    text          TEXT    NOT NULL, -- '' when it is the article text at [start_off, end_off)
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
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_actor ON quotes(speaker_actor) WHERE speaker_actor IS NOT NULL;

CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='', tokenize='porter unicode61 remove_diacritics 2');

-- Small facts about the corpus (max_span: the widest event date range in
-- days, which bounds date-range scans).
CREATE TABLE chronicle_meta (
    key   TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
);

-- +goose Down
DROP TABLE chronicle_meta;
DROP TABLE quotes_fts;
DROP TABLE quotes;
DROP TABLE mentions;
DROP TABLE event_actors;
DROP TABLE events;
DROP TABLE actors;
DROP TABLE articles_fts;
DROP TABLE article_bands;
DROP TABLE articles;
