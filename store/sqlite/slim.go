package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/chronicle-news/chronicle/store"
	"github.com/chronicle-news/chronicle/store/sqlstore"
)

// slimVersion is schema v11 (sqlstore.Dialect.SlimTables and
// DerivedActorKeys): it rebuilds the actors table, which other tables
// refer to, so Open turns foreign key enforcement off while it migrates
// across it (SQLite's procedure for changing a table: the pragma has no
// effect inside a transaction), and compacts the database afterwards.
const slimVersion = 11

// actorsV11 is the actors table of schema v11: key is NULL when it is the
// name in lower case (sqlstore.StoredActorKey), and the unique index is on
// sqlstore.ActorKeyExpr.
const actorsV11 = `CREATE TABLE actors_new (
    id       INTEGER PRIMARY KEY,
    key      TEXT,             -- normalised name, NULL when it is lower(name)
    name     TEXT    NOT NULL,
    kind     TEXT    NOT NULL DEFAULT '',
    code     TEXT    NOT NULL DEFAULT '',
    country  TEXT    NOT NULL DEFAULT '',
    sector   TEXT    NOT NULL DEFAULT '',
    mentions INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0,
    events   INTEGER NOT NULL DEFAULT 0
)`

// actorsV10 is the actors table before schema v11.
const actorsV10 = `CREATE TABLE actors_new (
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
)`

// slimTables is schema v11. Events lose their parties column (an event's
// parties are read through event_actors and actors, 42 bytes an event on
// wire stories) and the event type in their merge keys (the type is a
// column); actors keep their key only where it is not the name in lower
// case (nearly all are); articles keep their publication and ingest times
// as Unix seconds (0 when unknown) and no MinHash sketch (recomputed from
// the text of a candidate copy).
func slimTables(ctx context.Context, tx *sql.Tx) error {
	steps := []string{
		actorsV11,
		`INSERT INTO actors_new (id, key, name, kind, code, country, sector, mentions, articles, events)
			SELECT id, CASE WHEN key = lower(name) THEN NULL ELSE key END, name, kind, code, country, sector, mentions, articles, events FROM actors`,
		`DROP TABLE actors`,
		`ALTER TABLE actors_new RENAME TO actors`,
		`CREATE UNIQUE INDEX actors_key ON actors(coalesce(key, lower(name)))`,
		`CREATE INDEX actors_code ON actors(code)`,

		`ALTER TABLE events DROP COLUMN parties`,
		`DROP INDEX events_merge`,
		`UPDATE events SET merge_key = substr(merge_key, length(type) + 2)
			WHERE type <> '' AND substr(merge_key, 1, length(type) + 1) = type || '|'`,
		`CREATE INDEX events_merge ON events(merge_key, date_lo)`,
	}
	steps = append(steps, secondsColumn("published")...)
	steps = append(steps, secondsColumn("ingested_at")...)
	steps = append(steps, `ALTER TABLE articles DROP COLUMN minhash`)
	return run(ctx, tx, "slim tables", steps)
}

// secondsColumn turns an RFC 3339 text column of articles into Unix
// seconds, 0 when ”.
func secondsColumn(col string) []string {
	return []string{
		`ALTER TABLE articles ADD COLUMN new_time INTEGER NOT NULL DEFAULT 0`,
		`UPDATE articles SET new_time = coalesce(unixepoch(nullif(` + col + `, '')), 0)`,
		`ALTER TABLE articles DROP COLUMN ` + col,
		`ALTER TABLE articles RENAME COLUMN new_time TO ` + col,
	}
}

// textColumn undoes secondsColumn.
func textColumn(col string) []string {
	return []string{
		`ALTER TABLE articles ADD COLUMN new_time TEXT NOT NULL DEFAULT ''`,
		`UPDATE articles SET new_time = CASE WHEN ` + col + ` <> 0 THEN strftime('%Y-%m-%dT%H:%M:%SZ', ` + col + `, 'unixepoch') ELSE '' END`,
		`ALTER TABLE articles DROP COLUMN ` + col,
		`ALTER TABLE articles RENAME COLUMN new_time TO ` + col,
	}
}

// fatTables undoes slimTables. The MinHash sketches come back NULL: the
// articles stored before are then not found as originals of later copies.
func fatTables(ctx context.Context, tx *sql.Tx) error {
	oneLine := func(col string) string {
		return `replace(replace(replace(` + col + `, char(9), ' '), char(10), ' '), char(13), ' ')`
	}
	steps := []string{
		actorsV10,
		`INSERT INTO actors_new (id, key, name, kind, code, country, sector, mentions, articles, events)
			SELECT id, coalesce(key, lower(name)), name, kind, code, country, sector, mentions, articles, events FROM actors`,
		`DROP TABLE actors`,
		`ALTER TABLE actors_new RENAME TO actors`,
		`CREATE INDEX actors_code ON actors(code)`,

		`ALTER TABLE events ADD COLUMN parties TEXT NOT NULL DEFAULT ''`,
		`UPDATE events SET parties = coalesce((SELECT group_concat(ea.role || char(9) || ea.actor_id || char(9) || ` + oneLine("ac.name") + ` || char(9) || ` +
			oneLine("ac.code") + ` || char(10), '' ORDER BY ea.role, ea.actor_id)
			FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id WHERE ea.event_id = events.id), '')`,
		`DROP INDEX events_merge`,
		`UPDATE events SET merge_key = type || '|' || merge_key WHERE type <> ''`,
		`CREATE INDEX events_merge ON events(merge_key, date_lo)`,
	}
	steps = append(steps, textColumn("published")...)
	steps = append(steps, textColumn("ingested_at")...)
	steps = append(steps, `ALTER TABLE articles ADD COLUMN minhash BLOB`)
	return run(ctx, tx, "undo slim tables", steps)
}

func run(ctx context.Context, tx *sql.Tx, what string, steps []string) error {
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %.60s: %w", what, q, err)
		}
	}
	return nil
}

// enumVersion is schema v12 (sqlstore.Dialect.EnumCodes): events,
// event_actors and mentions are rebuilt with their types, statuses, modes
// and granularities as codes (sqlstore/enums.go), in columns without type
// affinity (values outside the list stay text). Open turns foreign key
// enforcement off while it migrates across it (events is referred to) and
// compacts the database afterwards.
const enumVersion = 12

// eventsTable is the events table of schema v12 with the given declared
// type of the coded columns ("" for none, TEXT before v12), as events_new.
func eventsTable(coded string) string {
	return `CREATE TABLE events_new (
    id               INTEGER PRIMARY KEY,
    merge_key        TEXT    NOT NULL, -- sources>targets (type|… when untyped: cameo:NN|…)
    type             ` + coded + ` NOT NULL DEFAULT 0, -- code (sqlstore.EnumNames) or text
    mode             ` + coded + ` NOT NULL DEFAULT 0,
    cameo            TEXT    NOT NULL DEFAULT '',
    quad             INTEGER NOT NULL DEFAULT 0,
    goldstein        REAL    NOT NULL DEFAULT 0,
    status           ` + coded + ` NOT NULL DEFAULT 0,
    status_published INTEGER NOT NULL DEFAULT 0, -- Unix seconds, 0 when unknown
    date_value       TEXT    NOT NULL DEFAULT '',
    date_lo          INTEGER NOT NULL DEFAULT 0, -- day numbers, 0 when undated
    date_hi          INTEGER NOT NULL DEFAULT 0,
    granularity      ` + coded + ` NOT NULL DEFAULT 0,
    place            TEXT    NOT NULL DEFAULT '',
    place_key        TEXT    NOT NULL DEFAULT '',
    country          TEXT    NOT NULL DEFAULT '',
    lat              REAL    NOT NULL DEFAULT 0,
    lon              REAL    NOT NULL DEFAULT 0,
    place_kind       TEXT    NOT NULL DEFAULT '',
    num_mentions     INTEGER NOT NULL DEFAULT 0,
    num_articles     INTEGER NOT NULL DEFAULT 0,
    num_sources      INTEGER NOT NULL DEFAULT 0,
    first_article    INTEGER NOT NULL REFERENCES articles(id)
)`
}

// eventActorsTable is event_actors with the given declared type of the
// coded columns, as event_actors_new.
func eventActorsTable(coded string) string {
	return `CREATE TABLE event_actors_new (
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    event_id INTEGER NOT NULL REFERENCES events(id),
    role     INTEGER NOT NULL, -- 0 source, 1 target
    pos      INTEGER NOT NULL, -- order within the role
    type     ` + coded + ` NOT NULL DEFAULT 0, -- code (sqlstore.EnumNames) or text
    status   ` + coded + ` NOT NULL DEFAULT 0,
    date_lo  INTEGER NOT NULL DEFAULT 0, -- day numbers, 0 when undated
    date_hi  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (actor_id, date_lo, event_id, role)
) WITHOUT ROWID`
}

// mentionsTable is mentions with the given declared type of the coded
// column, as mentions_new.
func mentionsTable(coded string) string {
	return `CREATE TABLE mentions_new (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    local_id    TEXT    NOT NULL,
    status      ` + coded + ` NOT NULL DEFAULT 0, -- code (sqlstore.EnumNames) or text
    date_value  TEXT    NOT NULL DEFAULT '',
    published   INTEGER NOT NULL DEFAULT 0, -- Unix seconds, 0 when unknown
    source_key  TEXT    NOT NULL DEFAULT '',
    n_evidence  INTEGER NOT NULL,
    sent_start  INTEGER NOT NULL,
    sent_end    INTEGER NOT NULL,
    trigger     TEXT    NOT NULL DEFAULT '',
    more        TEXT    NOT NULL DEFAULT '' -- JSON [[start,end,trigger],…] of further evidence
)`
}

// codedTables rebuilds events, event_actors and mentions with the coded
// columns turned by conv (sqlstore.EnumCase or EnumTextCase) and declared
// as coded.
func codedTables(ctx context.Context, tx *sql.Tx, what, coded string, conv func(string) string) error {
	steps := []string{
		eventsTable(coded),
		`INSERT INTO events_new (id, merge_key, type, mode, cameo, quad, goldstein, status, status_published, date_value, date_lo, date_hi, granularity,
			place, place_key, country, lat, lon, place_kind, num_mentions, num_articles, num_sources, first_article)
			SELECT id, merge_key, ` + conv("type") + `, ` + conv("mode") + `, cameo, quad, goldstein, ` + conv("status") + `, status_published, date_value, date_lo, date_hi, ` + conv("granularity") + `,
			place, place_key, country, lat, lon, place_kind, num_mentions, num_articles, num_sources, first_article FROM events ORDER BY id`,
		`DROP TABLE events`,
		`ALTER TABLE events_new RENAME TO events`,
		`CREATE INDEX events_merge ON events(merge_key, date_lo)`,
		`CREATE INDEX events_date ON events(date_lo, date_hi)`,
		`CREATE INDEX events_type ON events(type, date_lo, date_hi)`,
		`CREATE INDEX events_cameo ON events(cameo, date_lo)`,
		`CREATE INDEX events_status ON events(status, date_lo)`,
		`CREATE INDEX events_place ON events(place_key, date_lo) WHERE place_key <> ''`,
		`CREATE INDEX events_country ON events(country, date_lo) WHERE country <> ''`,

		eventActorsTable(coded),
		`INSERT INTO event_actors_new (actor_id, event_id, role, pos, type, status, date_lo, date_hi)
			SELECT actor_id, event_id, role, pos, ` + conv("type") + `, ` + conv("status") + `, date_lo, date_hi FROM event_actors`,
		`DROP TABLE event_actors`,
		`ALTER TABLE event_actors_new RENAME TO event_actors`,
		`CREATE INDEX event_actors_event ON event_actors(event_id)`,

		mentionsTable(coded),
		`INSERT INTO mentions_new (id, event_id, article_id, local_id, status, date_value, published, source_key, n_evidence, sent_start, sent_end, trigger, more)
			SELECT id, event_id, article_id, local_id, ` + conv("status") + `, date_value, published, source_key, n_evidence, sent_start, sent_end, trigger, more FROM mentions ORDER BY id`,
		`DROP TABLE mentions`,
		`ALTER TABLE mentions_new RENAME TO mentions`,
		`CREATE INDEX mentions_event ON mentions(event_id, article_id)`,
	}
	return run(ctx, tx, what, steps)
}

// enumTables is schema v12: types, statuses, modes and granularities
// become codes.
func enumTables(ctx context.Context, tx *sql.Tx) error {
	return codedTables(ctx, tx, "coded columns", "", sqlstore.EnumCase)
}

// textTables undoes enumTables.
func textTables(ctx context.Context, tx *sql.Tx) error {
	return codedTables(ctx, tx, "text columns", "TEXT", sqlstore.EnumTextCase)
}

// partyIDsVersion is schema v13 (sqlstore.Dialect.PartyIDs): events keep
// the actor IDs and roles of their parties (a few bytes) so that an
// events page reads the actors' names, not event_actors by event (the
// 1,256-event timeline on a million events spent a fifth of its time
// there).
const partyIDsVersion = 13

// partyIDs is schema v13: events.party_ids is filled from event_actors, a
// range of events at a time.
func partyIDs(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `ALTER TABLE events ADD COLUMN party_ids BLOB NOT NULL DEFAULT x''`); err != nil {
		return fmt.Errorf("party IDs: %w", err)
	}
	var top int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM events`).Scan(&top); err != nil {
		return fmt.Errorf("party IDs: %w", err)
	}
	update, err := tx.PrepareContext(ctx, `UPDATE events SET party_ids = ? WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("party IDs: %w", err)
	}
	defer update.Close()
	const step = 20000
	for lo := int64(0); lo < top; lo += step {
		type parties struct{ src, tgt []int64 }
		byEvent := map[int64]*parties{}
		var order []int64
		rows, err := tx.QueryContext(ctx, `SELECT event_id, role, actor_id FROM event_actors WHERE event_id > ? AND event_id <= ?`, lo, lo+step)
		if err != nil {
			return fmt.Errorf("party IDs: %w", err)
		}
		for rows.Next() {
			var event, actor int64
			var role int
			if err := rows.Scan(&event, &role, &actor); err != nil {
				rows.Close()
				return fmt.Errorf("party IDs: %w", err)
			}
			p := byEvent[event]
			if p == nil {
				p = &parties{}
				byEvent[event] = p
				order = append(order, event)
			}
			if role == 0 {
				p.src = append(p.src, actor)
			} else {
				p.tgt = append(p.tgt, actor)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("party IDs: %w", err)
		}
		slices.Sort(order)
		for _, event := range order {
			p := byEvent[event]
			slices.Sort(p.src)
			slices.Sort(p.tgt)
			if _, err := update.ExecContext(ctx, sqlstore.AppendPartyIDs(nil, p.src, p.tgt), event); err != nil {
				return fmt.Errorf("party IDs: event %d: %w", event, err)
			}
		}
	}
	return nil
}

// noPartyIDs undoes partyIDs.
func noPartyIDs(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `ALTER TABLE events DROP COLUMN party_ids`); err != nil {
		return fmt.Errorf("party IDs: %w", err)
	}
	return nil
}

// slimActorsVersion is schema v14 (sqlstore.Dialect.SlimActors and
// MoreCodes): actors lose country and sector, which no query reads (the
// layer blob keeps them), and actor kinds and quote cues become codes.
const slimActorsVersion = 14

// actorsTable is the actors table of schema v14 with the declared type of
// kind ("" for none) and, when places, the country and sector columns of
// the versions before, as actors_new.
func actorsTable(kind string, places bool) string {
	cols := ""
	if places {
		cols = `
    country  TEXT    NOT NULL DEFAULT '',
    sector   TEXT    NOT NULL DEFAULT '',`
	}
	return `CREATE TABLE actors_new (
    id       INTEGER PRIMARY KEY,
    key      TEXT,             -- normalised name, NULL when it is lower(name)
    name     TEXT    NOT NULL,
    kind     ` + kind + ` NOT NULL DEFAULT 0, -- code (sqlstore.EnumNames) or text
    code     TEXT    NOT NULL DEFAULT '',` + cols + `
    mentions INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0,
    events   INTEGER NOT NULL DEFAULT 0
)`
}

// quotesTable is the quotes table of schema v10 with the given declared
// type of cue, as quotes_new.
func quotesTable(cue string) string {
	return `CREATE TABLE quotes_new (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id),
    text          TEXT    NOT NULL, -- '' when it is the article text at [start_off, end_off)
    start_off     INTEGER NOT NULL,
    end_off       INTEGER NOT NULL,
    direct        INTEGER NOT NULL,
    cue           ` + cue + ` NOT NULL DEFAULT '', -- code (sqlstore.EnumNames) or text since v14
    speaker       TEXT    NOT NULL DEFAULT '',
    speaker_actor INTEGER REFERENCES actors(id),
    anonymous     INTEGER NOT NULL DEFAULT 0
)`
}

// slimActors is schema v14: actors and quotes are rebuilt with the same
// IDs.
func slimActors(ctx context.Context, tx *sql.Tx) error {
	return rebuildActorsQuotes(ctx, tx, "slim actors", "", false, sqlstore.EnumCase)
}

// fatActors undoes slimActors; country and sector come back empty (the
// layer blobs keep them).
func fatActors(ctx context.Context, tx *sql.Tx) error {
	return rebuildActorsQuotes(ctx, tx, "undo slim actors", "TEXT", true, sqlstore.EnumTextCase)
}

func rebuildActorsQuotes(ctx context.Context, tx *sql.Tx, what, coded string, places bool, conv func(string) string) error {
	cols, vals := "", ""
	if places {
		cols, vals = ", country, sector", ", '', ''"
	}
	return run(ctx, tx, what, []string{
		actorsTable(coded, places),
		`INSERT INTO actors_new (id, key, name, kind, code` + cols + `, mentions, articles, events)
			SELECT id, key, name, ` + conv("kind") + `, code` + vals + `, mentions, articles, events FROM actors ORDER BY id`,
		`DROP TABLE actors`,
		`ALTER TABLE actors_new RENAME TO actors`,
		`CREATE UNIQUE INDEX actors_key ON actors(coalesce(key, lower(name)))`,
		`CREATE INDEX actors_code ON actors(code)`,

		quotesTable(coded),
		`INSERT INTO quotes_new (id, article_id, text, start_off, end_off, direct, cue, speaker, speaker_actor, anonymous)
			SELECT id, article_id, text, start_off, end_off, direct, ` + conv("cue") + `, speaker, speaker_actor, anonymous FROM quotes ORDER BY id`,
		`DROP TABLE quotes`,
		`ALTER TABLE quotes_new RENAME TO quotes`,
		`CREATE INDEX quotes_actor ON quotes(speaker_actor) WHERE speaker_actor IS NOT NULL`,
	})
}

// shortBandsVersion is schema v16 (sqlstore.Dialect.ShortBands): the band
// index keeps the low 24 bits of each band hash.
const shortBandsVersion = 16

// bandsTable is article_bands as article_bands_new.
const bandsTable = `CREATE TABLE article_bands_new (
    band       INTEGER NOT NULL, -- low 24 bits of the band hash since v16
    article_id INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (band, article_id)
) WITHOUT ROWID`

// shortBands is schema v16: the band hashes are cut to 24 bits.
func shortBands(ctx context.Context, tx *sql.Tx) error {
	return run(ctx, tx, "short bands", []string{
		bandsTable,
		`INSERT INTO article_bands_new (band, article_id) SELECT DISTINCT band & 16777215, article_id FROM article_bands ORDER BY 1, 2`,
		`DROP TABLE article_bands`,
		`ALTER TABLE article_bands_new RENAME TO article_bands`,
	})
}

// longBands undoes shortBands: the full band hashes are computed again
// from the texts of the articles indexed.
func longBands(ctx context.Context, tx *sql.Tx) error {
	if err := run(ctx, tx, "long bands", []string{bandsTable}); err != nil {
		return err
	}
	texts, err := newTextReader(ctx, tx)
	if err != nil {
		return err
	}
	err = texts.each(ctx, "long bands", `SELECT DISTINCT article_id FROM article_bands WHERE article_id > ? ORDER BY article_id LIMIT 500`,
		func(id int64, text string) error {
			sig, _ := store.Signature(text)
			for _, b := range sig.Bands() {
				if _, err := tx.ExecContext(ctx, `INSERT INTO article_bands_new (band, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, b, id); err != nil {
					return err
				}
			}
			return nil
		})
	if err != nil {
		return err
	}
	return run(ctx, tx, "long bands", []string{
		`DROP TABLE article_bands`,
		`ALTER TABLE article_bands_new RENAME TO article_bands`,
	})
}

// slimMentionsVersion is schema v18 (an SQL migration): mentions are
// rebuilt without the copies of their article's publication time and
// outlet.
const slimMentionsVersion = 18

// sourcePrefixesVersion is schema v17 (sqlstore.Dialect.SourcePrefixes):
// the prefixes of the articles' sources (a file's path, a directory) are
// stored once, in sources.
const sourcePrefixesVersion = 17

// sourcePrefixes is schema v17.
func sourcePrefixes(ctx context.Context, tx *sql.Tx) error {
	if err := run(ctx, tx, "source prefixes", []string{
		`CREATE TABLE sources (
    id     INTEGER PRIMARY KEY,
    prefix TEXT    NOT NULL UNIQUE -- what articles' sources start with (sqlstore.SplitSource)
)`,
		`ALTER TABLE articles ADD COLUMN source_id INTEGER REFERENCES sources(id)`, // NULL: no prefix
	}); err != nil {
		return err
	}
	ids := map[string]int64{}
	var last int64
	for {
		type row struct {
			id     int64
			source string
		}
		var page []row
		rows, err := tx.QueryContext(ctx, `SELECT id, source FROM articles WHERE id > ? ORDER BY id LIMIT 1000`, last)
		if err != nil {
			return fmt.Errorf("source prefixes: %w", err)
		}
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.source); err != nil {
				rows.Close()
				return fmt.Errorf("source prefixes: %w", err)
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("source prefixes: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		for _, r := range page {
			prefix, rest := sqlstore.SplitSource(r.source)
			if prefix == "" {
				continue
			}
			sid, ok := ids[prefix]
			if !ok {
				if err := tx.QueryRowContext(ctx, `INSERT INTO sources (prefix) VALUES (?) RETURNING id`, prefix).Scan(&sid); err != nil {
					return fmt.Errorf("source prefixes: %w", err)
				}
				ids[prefix] = sid
			}
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET source = ?, source_id = ? WHERE id = ?`, rest, sid, r.id); err != nil {
				return fmt.Errorf("source prefixes: article %d: %w", r.id, err)
			}
		}
		last = page[len(page)-1].id
	}
}

// wholeSources undoes sourcePrefixes.
func wholeSources(ctx context.Context, tx *sql.Tx) error {
	return run(ctx, tx, "whole sources", []string{
		`UPDATE articles SET source = (SELECT prefix FROM sources WHERE id = articles.source_id) || source WHERE source_id IS NOT NULL`,
		`ALTER TABLE articles DROP COLUMN source_id`,
		`DROP TABLE sources`,
	})
}
