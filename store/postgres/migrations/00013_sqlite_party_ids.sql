-- Chronicle corpus schema, version 13: SQLite keeps the actor IDs and roles
-- of each event's parties in events.party_ids, so that an events page reads
-- no event_actors rows by event (a Go migration, store/sqlite/slim.go).
-- PostgreSQL reads the parties through event_actors (schema v11); this
-- no-op keeps the versions of the dialects in step.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
