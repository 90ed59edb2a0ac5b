-- Chronicle corpus schema, version 9: the publication times copied into
-- mentions.published and events.status_published become Unix seconds, 0
-- when unknown (sqlstore/days.go), as in SQLite. Keep in step with the
-- other dialect.

-- +goose Up
ALTER TABLE mentions
    ALTER COLUMN published DROP DEFAULT,
    ALTER COLUMN published TYPE bigint USING (CASE WHEN published = '' THEN 0 ELSE extract(epoch FROM published::timestamptz)::bigint END),
    ALTER COLUMN published SET DEFAULT 0;
ALTER TABLE events
    ALTER COLUMN status_published DROP DEFAULT,
    ALTER COLUMN status_published TYPE bigint USING (CASE WHEN status_published = '' THEN 0 ELSE extract(epoch FROM status_published::timestamptz)::bigint END),
    ALTER COLUMN status_published SET DEFAULT 0;

-- +goose Down
ALTER TABLE mentions
    ALTER COLUMN published DROP DEFAULT,
    ALTER COLUMN published TYPE text USING (CASE WHEN published = 0 THEN '' ELSE to_char(to_timestamp(published) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END),
    ALTER COLUMN published SET DEFAULT '';
ALTER TABLE events
    ALTER COLUMN status_published DROP DEFAULT,
    ALTER COLUMN status_published TYPE text USING (CASE WHEN status_published = 0 THEN '' ELSE to_char(to_timestamp(status_published) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END),
    ALTER COLUMN status_published SET DEFAULT '';
