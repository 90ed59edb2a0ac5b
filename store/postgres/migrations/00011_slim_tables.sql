-- Chronicle corpus schema, version 11: events lose their parties column (an
-- event's parties are read through event_actors and actors) and the event
-- type in their merge keys (the type is a column of its own); articles keep
-- their publication and ingest times as Unix seconds (0 when unknown) and no
-- MinHash sketch (recomputed from the text of a candidate copy). SQLite also
-- stores an actor's key only where it is not the name in lower case; here
-- actors keep their key (lower() follows the database's locale). Keep in
-- step with the other dialect.

-- +goose Up
ALTER TABLE events DROP COLUMN parties;
UPDATE events SET merge_key = substr(merge_key, length(type) + 2)
    WHERE type <> '' AND substr(merge_key, 1, length(type) + 1) = type || '|';
ALTER TABLE articles
    ALTER COLUMN published DROP DEFAULT,
    ALTER COLUMN published TYPE bigint USING (CASE WHEN published = '' THEN 0 ELSE extract(epoch FROM published::timestamptz)::bigint END),
    ALTER COLUMN published SET DEFAULT 0,
    ALTER COLUMN ingested_at TYPE bigint USING (CASE WHEN ingested_at = '' THEN 0 ELSE extract(epoch FROM ingested_at::timestamptz)::bigint END),
    DROP COLUMN minhash;

-- +goose Down
-- The sketches come back NULL: the articles stored before are then not
-- found as originals of later copies.
ALTER TABLE events ADD COLUMN parties TEXT NOT NULL DEFAULT '';
UPDATE events SET parties = coalesce((SELECT string_agg(ea.role || E'\t' || ea.actor_id || E'\t' || translate(ac.name, E'\t\n\r', '   ')
        || E'\t' || translate(ac.code, E'\t\n\r', '   ') || E'\n', '' ORDER BY ea.role, ea.actor_id)
    FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id WHERE ea.event_id = events.id), '');
UPDATE events SET merge_key = type || '|' || merge_key WHERE type <> '';
ALTER TABLE articles
    ALTER COLUMN published DROP DEFAULT,
    ALTER COLUMN published TYPE text USING (CASE WHEN published = 0 THEN '' ELSE to_char(to_timestamp(published) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END),
    ALTER COLUMN published SET DEFAULT '',
    ALTER COLUMN ingested_at TYPE text USING (CASE WHEN ingested_at = 0 THEN '' ELSE to_char(to_timestamp(ingested_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END),
    ADD COLUMN minhash BYTEA;
