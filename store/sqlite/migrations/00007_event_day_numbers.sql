-- Chronicle corpus schema, version 7: event dates (date_lo, date_hi of
-- events and event_actors) become day numbers, 1 for 0001-01-01 and 0 for
-- undated (sqlstore/days.go): 3 bytes in a record or index key where the
-- YYYY-MM-DD text took 10, and every events index and the event_actors key
-- hold dates. events keeps its rows (other tables refer to it): new columns
-- replace the old ones. Keep in step with the other dialect.

-- +goose Up
DROP INDEX events_merge;
DROP INDEX events_date;
DROP INDEX events_type;
DROP INDEX events_cameo;
DROP INDEX events_status;
DROP INDEX events_place;
DROP INDEX events_country;
ALTER TABLE events ADD COLUMN day_lo INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN day_hi INTEGER NOT NULL DEFAULT 0;
UPDATE events SET
    day_lo = coalesce(CAST(julianday(nullif(date_lo, '')) - 1721424.5 AS INTEGER), 0),
    day_hi = coalesce(CAST(julianday(nullif(date_hi, '')) - 1721424.5 AS INTEGER), 0);
ALTER TABLE events DROP COLUMN date_lo;
ALTER TABLE events DROP COLUMN date_hi;
ALTER TABLE events RENAME COLUMN day_lo TO date_lo;
ALTER TABLE events RENAME COLUMN day_hi TO date_hi;
CREATE INDEX events_merge ON events(merge_key, date_lo);
CREATE INDEX events_date ON events(date_lo, date_hi);
CREATE INDEX events_type ON events(type, date_lo, date_hi);
CREATE INDEX events_cameo ON events(cameo, date_lo);
CREATE INDEX events_status ON events(status, date_lo);
CREATE INDEX events_place ON events(place_key, date_lo) WHERE place_key <> '';
CREATE INDEX events_country ON events(country, date_lo) WHERE country <> '';

CREATE TABLE event_actors_v7 (
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    event_id INTEGER NOT NULL REFERENCES events(id),
    role     INTEGER NOT NULL, -- 0 source, 1 target
    pos      INTEGER NOT NULL, -- order within the role
    type     TEXT    NOT NULL DEFAULT '',
    status   TEXT    NOT NULL DEFAULT '',
    date_lo  INTEGER NOT NULL DEFAULT 0, -- day numbers, 0 when undated
    date_hi  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (actor_id, date_lo, event_id, role)
) WITHOUT ROWID;
INSERT INTO event_actors_v7 (actor_id, event_id, role, pos, type, status, date_lo, date_hi)
    SELECT actor_id, event_id, role, pos, type, status,
        coalesce(CAST(julianday(nullif(date_lo, '')) - 1721424.5 AS INTEGER), 0),
        coalesce(CAST(julianday(nullif(date_hi, '')) - 1721424.5 AS INTEGER), 0)
    FROM event_actors;
DROP TABLE event_actors;
ALTER TABLE event_actors_v7 RENAME TO event_actors;
CREATE INDEX event_actors_event ON event_actors(event_id);

-- +goose Down
DROP INDEX events_merge;
DROP INDEX events_date;
DROP INDEX events_type;
DROP INDEX events_cameo;
DROP INDEX events_status;
DROP INDEX events_place;
DROP INDEX events_country;
ALTER TABLE events ADD COLUMN day_lo TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN day_hi TEXT NOT NULL DEFAULT '';
UPDATE events SET
    day_lo = CASE WHEN date_lo > 0 THEN date(date_lo + 1721424.5) ELSE '' END,
    day_hi = CASE WHEN date_hi > 0 THEN date(date_hi + 1721424.5) ELSE '' END;
ALTER TABLE events DROP COLUMN date_lo;
ALTER TABLE events DROP COLUMN date_hi;
ALTER TABLE events RENAME COLUMN day_lo TO date_lo;
ALTER TABLE events RENAME COLUMN day_hi TO date_hi;
CREATE INDEX events_merge ON events(merge_key, date_lo);
CREATE INDEX events_date ON events(date_lo, date_hi);
CREATE INDEX events_type ON events(type, date_lo, date_hi);
CREATE INDEX events_cameo ON events(cameo, date_lo);
CREATE INDEX events_status ON events(status, date_lo);
CREATE INDEX events_place ON events(place_key, date_lo) WHERE place_key <> '';
CREATE INDEX events_country ON events(country, date_lo) WHERE country <> '';

CREATE TABLE event_actors_v4 (
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    event_id INTEGER NOT NULL REFERENCES events(id),
    role     INTEGER NOT NULL,
    pos      INTEGER NOT NULL,
    type     TEXT    NOT NULL DEFAULT '',
    status   TEXT    NOT NULL DEFAULT '',
    date_lo  TEXT    NOT NULL DEFAULT '',
    date_hi  TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (actor_id, date_lo, event_id, role)
) WITHOUT ROWID;
INSERT INTO event_actors_v4 (actor_id, event_id, role, pos, type, status, date_lo, date_hi)
    SELECT actor_id, event_id, role, pos, type, status,
        CASE WHEN date_lo > 0 THEN date(date_lo + 1721424.5) ELSE '' END,
        CASE WHEN date_hi > 0 THEN date(date_hi + 1721424.5) ELSE '' END
    FROM event_actors;
DROP TABLE event_actors;
ALTER TABLE event_actors_v4 RENAME TO event_actors;
CREATE INDEX event_actors_event ON event_actors(event_id);
