-- Chronicle corpus schema, version 4: event_actors is keyed by (actor, date,
-- event, role), so that the primary key lists an actor's events in date
-- order and the separate (actor_id, date_lo) index goes. Keep in step with
-- the other dialect.

-- +goose Up
DROP INDEX IF EXISTS event_actors_date;
ALTER TABLE event_actors DROP CONSTRAINT event_actors_pkey;
ALTER TABLE event_actors ADD PRIMARY KEY (actor_id, date_lo, event_id, role);

-- +goose Down
ALTER TABLE event_actors DROP CONSTRAINT event_actors_pkey;
ALTER TABLE event_actors ADD PRIMARY KEY (actor_id, event_id, role);
CREATE INDEX event_actors_date ON event_actors(actor_id, date_lo);
