-- Chronicle corpus schema, version 7: event dates (date_lo, date_hi of
-- events and event_actors) become day numbers, 1 for 0001-01-01 and 0 for
-- undated (sqlstore/days.go), as in SQLite, where they take 3 bytes in a
-- record or index key instead of 10. Keep in step with the other dialect.

-- +goose Up
ALTER TABLE events
    ALTER COLUMN date_lo DROP DEFAULT,
    ALTER COLUMN date_lo TYPE integer USING (CASE WHEN date_lo = '' THEN 0 ELSE (date_lo::date - DATE '0001-01-01') + 1 END),
    ALTER COLUMN date_lo SET DEFAULT 0,
    ALTER COLUMN date_hi DROP DEFAULT,
    ALTER COLUMN date_hi TYPE integer USING (CASE WHEN date_hi = '' THEN 0 ELSE (date_hi::date - DATE '0001-01-01') + 1 END),
    ALTER COLUMN date_hi SET DEFAULT 0;
ALTER TABLE event_actors
    ALTER COLUMN date_lo DROP DEFAULT,
    ALTER COLUMN date_lo TYPE integer USING (CASE WHEN date_lo = '' THEN 0 ELSE (date_lo::date - DATE '0001-01-01') + 1 END),
    ALTER COLUMN date_lo SET DEFAULT 0,
    ALTER COLUMN date_hi DROP DEFAULT,
    ALTER COLUMN date_hi TYPE integer USING (CASE WHEN date_hi = '' THEN 0 ELSE (date_hi::date - DATE '0001-01-01') + 1 END),
    ALTER COLUMN date_hi SET DEFAULT 0;

-- +goose Down
ALTER TABLE events
    ALTER COLUMN date_lo DROP DEFAULT,
    ALTER COLUMN date_lo TYPE text USING (CASE WHEN date_lo > 0 THEN to_char(DATE '0001-01-01' + (date_lo - 1), 'YYYY-MM-DD') ELSE '' END),
    ALTER COLUMN date_lo SET DEFAULT '',
    ALTER COLUMN date_hi DROP DEFAULT,
    ALTER COLUMN date_hi TYPE text USING (CASE WHEN date_hi > 0 THEN to_char(DATE '0001-01-01' + (date_hi - 1), 'YYYY-MM-DD') ELSE '' END),
    ALTER COLUMN date_hi SET DEFAULT '';
ALTER TABLE event_actors
    ALTER COLUMN date_lo DROP DEFAULT,
    ALTER COLUMN date_lo TYPE text USING (CASE WHEN date_lo > 0 THEN to_char(DATE '0001-01-01' + (date_lo - 1), 'YYYY-MM-DD') ELSE '' END),
    ALTER COLUMN date_lo SET DEFAULT '',
    ALTER COLUMN date_hi DROP DEFAULT,
    ALTER COLUMN date_hi TYPE text USING (CASE WHEN date_hi > 0 THEN to_char(DATE '0001-01-01' + (date_hi - 1), 'YYYY-MM-DD') ELSE '' END),
    ALTER COLUMN date_hi SET DEFAULT '';
