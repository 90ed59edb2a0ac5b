-- Chronicle corpus schema, version 15: event_actors loses its index by
-- event (0.06 of the text on wire stories): since v13 an events page reads
-- its parties from events.party_ids, and a merge that changes an event's date
-- or status finds the event's rows by their key (actor, date, event, role)
-- from the party IDs. actors_code leaves out the actors without a code (about
-- half): every code lookup asks for a non-empty code. Keep in step with the
-- other dialect.

-- +goose Up
DROP INDEX event_actors_event;
DROP INDEX actors_code;
CREATE INDEX actors_code ON actors(code) WHERE code <> '';

-- +goose Down
CREATE INDEX event_actors_event ON event_actors(event_id);
DROP INDEX actors_code;
CREATE INDEX actors_code ON actors(code);
