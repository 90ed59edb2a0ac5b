-- Chronicle corpus schema, version 15: actors_code leaves out the actors
-- without a code (about half). SQLite also drops event_actors' index by
-- event; PostgreSQL reads the parties through it and keeps it. Keep in step
-- with the other dialect.

-- +goose Up
DROP INDEX actors_code;
CREATE INDEX actors_code ON actors(code) WHERE code <> '';

-- +goose Down
DROP INDEX actors_code;
CREATE INDEX actors_code ON actors(code);
