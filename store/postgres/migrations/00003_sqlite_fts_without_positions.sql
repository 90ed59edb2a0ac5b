-- Chronicle corpus schema, version 3. SQLite rebuilds its full-text indexes
-- without word positions (a Go migration in store/sqlite); PostgreSQL's GIN
-- expression indexes stay as they are. This keeps the versions of the two
-- dialects in step.

-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
