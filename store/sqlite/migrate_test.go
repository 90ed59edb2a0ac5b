package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/store"
	"github.com/chronicle-news/chronicle/store/sqlstore"
	"github.com/chronicle-news/chronicle/store/storetest"
	"github.com/pressly/goose/v3"
)

// openV2 makes a store at schema version 2 (the SQL migrations only), with
// the positional full-text indexes of that version.
func openV2(t *testing.T, path string) *sqlstore.DB {
	t.Helper()
	ctx := context.Background()
	w, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	w.SetMaxOpenConns(1)
	// The SQL migrations of versions 1 and 2 only.
	v2 := fstest.MapFS{}
	for _, name := range []string{"00001_corpus.sql", "00002_drop_unused_indexes.sql"} {
		b, err := fs.ReadFile(Migrations(), name)
		if err != nil {
			t.Fatal(err)
		}
		v2[name] = &fstest.MapFile{Data: b}
	}
	v, err := sqlstore.Migrate(ctx, w, Dialect, v2, goose.WithVerbose(false))
	if err != nil {
		t.Fatal(err)
	}
	if v != 2 {
		t.Fatalf("schema version %d, want 2", v)
	}
	d := Dialect
	d.FTSQuery, d.LooseFTS = sqlstore.FTS5Query, false
	s, err := sqlstore.New(w, w, d, v, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestMigrateV2 fills a schema-v2 store, opens it with this binary (which
// rebuilds the full-text indexes without positions) and checks that every
// article and quote is found as before.
func TestMigrateV2(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v2.db")
	old := openV2(t, path)
	g := storetest.NewGen(3, 40)
	var docs []*doc.Document
	for i := range 30 {
		docs = append(docs, g.Doc(i, 3))
	}
	// A quote whose text is not the article text at its span.
	docs = append(docs, &doc.Document{ID: "own-text", Title: "Own text", Text: "The envoy spoke at length on Monday.",
		Quotes: []doc.Quote{{ID: "q1", Text: "zebrafish diplomacy", Start: 0, End: 3}}})
	// An event that a report after the migration will repeat.
	day := time.Date(2025, 4, 2, 0, 0, 0, 0, time.UTC)
	docs = append(docs, g.DocWithEvent("repeated-1", "Outlet R", day, 1, 2, storetest.EventTypes[0], day, doc.StatusOccurred))
	if _, err := old.Put(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	queries := []string{"talks", `"accept pressure"`, `"pressure accept"`, "faith -anyone", `talks -"good faith"`, "faith OR anyone",
		"said", "talks -said", "zebrafish", `"zebrafish diplomacy"`, "envoy"}
	before := map[string][2]int{}
	for _, q := range queries {
		hits, err := old.Search(ctx, store.SearchQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		quotes, err := old.Quotes(ctx, store.QuoteQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		before[q] = [2]int{len(hits), len(quotes)}
	}
	actors, err := old.Actors(ctx, store.ActorQuery{Limit: 3})
	if err != nil || len(actors) == 0 {
		t.Fatalf("actors: %v, %v", actors, err)
	}
	eventsBefore := map[string][]int64{}
	for _, a := range actors {
		evs, err := old.Events(ctx, store.EventQuery{Actor: a.Name, NoEvidence: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			eventsBefore[a.Name] = append(eventsBefore[a.Name], e.ID)
		}
	}
	if before[`"accept pressure"`][1] == 0 {
		t.Fatal("the generated quotes lack the phrase")
	}
	docsBefore := documentsJSON(t, old)
	eventsAll := eventsJSON(t, old)
	actorsAll := actorsJSON(t, old)
	quotesBefore := quotesJSON(t, old)
	datesBefore := eventDates(t, old)
	old.Close()

	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil || st.SchemaVersion != 18 {
		t.Fatalf("Stats after migration: %+v, %v", st, err)
	}
	var def string
	if err := s.Writer().QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'`).Scan(&def); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(def, "detail=none") {
		t.Errorf("articles_fts after migration: %s", def)
	}
	for _, q := range queries {
		hits, err := s.Search(ctx, store.SearchQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		quotes, err := s.Quotes(ctx, store.QuoteQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		want := before[q]
		if q == "zebrafish" {
			// The quote's own text is indexed with its article since v6
			// (so that quote searches find it): its words, not a phrase, find the
			// article too.
			want[0]++
		}
		if got := [2]int{len(hits), len(quotes)}; got != want {
			t.Errorf("%s: %v articles and quotes after migration, %v expected", q, got, want)
		}
	}
	// The content hashes (16 bytes since v8) still find the stored texts.
	for _, d := range docs[:5] {
		c := *d
		c.URL = ""
		res, err := s.Put(ctx, &c)
		if err != nil || res[0].Status != store.PutDuplicate {
			t.Errorf("putting %s again without its URL after migration: %+v, %v", d.ID, res, err)
		}
		if seen, err := s.Seen(ctx, "", store.ContentHash(d.Text)); !seen || err != nil {
			t.Errorf("Seen(%s) after migration: %v, %v", d.ID, seen, err)
		}
	}
	if got := eventDates(t, s); !slices.Equal(got, datesBefore) || len(got) < 10 {
		t.Errorf("event dates after migration:\n%v\nbefore:\n%v", got, datesBefore)
	}
	if got := actorsJSON(t, s); !slices.Equal(got, actorsAll) || len(got) < 10 {
		t.Errorf("actors after migration:\n%v\nbefore:\n%v", got, actorsAll)
	}
	if got := eventsJSON(t, s); !slices.Equal(got, eventsAll) || len(got) < 10 {
		t.Errorf("events after migration (parties read through event_actors since v11):\n%v\nbefore:\n%v", got, eventsAll)
	}
	if got := documentsJSON(t, s); !slices.Equal(got, docsBefore) {
		t.Errorf("documents after migration differ: %d documents, %d before", len(got), len(docsBefore))
	}
	if got := quotesJSON(t, s); !slices.Equal(got, quotesBefore) || len(got) < 30 {
		t.Errorf("quotes after migration:\n%v\nbefore:\n%v", got, quotesBefore)
	}
	var free int
	if err := s.Writer().QueryRowContext(ctx, `SELECT freelist_count FROM pragma_freelist_count()`).Scan(&free); err != nil || free != 0 {
		t.Errorf("free pages after the migration (it compacts the file): %d, %v", free, err)
	}
	var inRow, packed int
	if err := s.Writer().QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE pack_off IS NULL), count(*) FILTER (WHERE pack_off IS NOT NULL) FROM articles`).Scan(&inRow, &packed); err != nil {
		t.Fatal(err)
	}
	if inRow != 0 || packed != len(docs) {
		t.Errorf("after migration %d articles in their rows, %d packed; want 0 and %d", inRow, packed, len(docs))
	}
	// Merge keys (without the type since v11) still join new reports to
	// stored events, and stored texts (sketches are not kept since v11)
	// still find their copies.
	again := g.DocWithEvent("repeated-2", "Outlet S", day.Add(time.Hour), 1, 2, storetest.EventTypes[0], day, doc.StatusOccurred)
	if res, err := s.Put(ctx, again); err != nil || res[0].MergedEvents != 1 || res[0].NewEvents != 0 {
		t.Errorf("a report of a stored event after migration: %+v, %v; want it merged", res, err)
	}
	c := *docs[0]
	c.URL, c.Text = "https://copy.example/1", docs[0].Text+" Distributed by the wire."
	if res, err := s.Put(ctx, &c); err != nil || res[0].Status != store.PutSyndicated {
		t.Errorf("a copy of a stored article after migration: %+v, %v; want a syndicated copy", res, err)
	}
	for name, want := range eventsBefore {
		evs, err := s.Events(ctx, store.EventQuery{Actor: name, NoEvidence: true})
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, e := range evs {
			got = append(got, e.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("events of %s after migration: %v, before %v", name, got, want)
		}
	}
}

// actorsJSON lists every actor with its counts as JSON.
func actorsJSON(t *testing.T, s *sqlstore.DB) []string {
	t.Helper()
	as, err := s.Actors(context.Background(), store.ActorQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range as {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// eventsJSON lists every event, with parties and evidence, as JSON.
func eventsJSON(t *testing.T, s *sqlstore.DB) []string {
	t.Helper()
	evs, err := s.Events(context.Background(), store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// documentsJSON returns every stored document (copies included) as JSON.
func documentsJSON(t *testing.T, s *sqlstore.DB) []string {
	t.Helper()
	var out []string
	err := s.Documents(context.Background(), store.DocQuery{Copies: true}, func(d *doc.Document) error {
		b, err := json.Marshal(d)
		out = append(out, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPacksDownAndUp migrates a packed store down to v4 (texts and layers
// back in the rows) and up again, and checks that every document survives.
func TestPacksDownAndUp(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "down.db")
	s, err := Open(ctx, path, Options{PageSize: 1024})
	if err != nil {
		t.Fatal(err)
	}
	g := storetest.NewGen(5, 30)
	var docs []*doc.Document
	for i := range 12 {
		docs = append(docs, g.Doc(i, 2), g.Doc(100+i, 1))
		if _, err := s.Put(ctx, docs[len(docs)-2:]...); err != nil {
			t.Fatal(err)
		}
	}
	want := documentsJSON(t, s)
	wantEvents := eventsJSON(t, s)
	wantActors, wantQuotes := actorsJSON(t, s), quotesJSON(t, s)
	s.Close()

	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, Migrations(), goose.WithDisableGlobalRegistry(true),
		goose.WithTableName("chronicle_schema"), goose.WithVerbose(false), goose.WithGoMigrations(goMigrations()...))
	if err != nil {
		t.Fatal(err)
	}
	// Schemas v11 and v12 rebuild tables that others refer to: without
	// enforcement, as Open does (one connection keeps the pragma).
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		t.Fatal(err)
	}
	// At v10 the events (parties in their row, typed merge keys, text
	// columns) read as before.
	if _, err := p.DownTo(ctx, 10); err != nil {
		t.Fatal(err)
	}
	// The full band hashes are back (v16 kept 24 bits).
	var top, bands int64
	if err := db.QueryRowContext(ctx, `SELECT max(band), count(*) FROM article_bands`).Scan(&top, &bands); err != nil || top <= 1<<24 || bands < 16 {
		t.Errorf("bands at v10: %d, the largest %d, %v; want 32-bit hashes", bands, top, err)
	}
	v10, err := sqlstore.New(db, db, Dialect, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := eventsJSON(t, v10); !slices.Equal(got, wantEvents) {
		t.Errorf("events at v10:\n%v\nwant:\n%v", got, wantEvents)
	}
	if got := actorsJSON(t, v10); !slices.Equal(got, wantActors) || len(got) < 10 {
		t.Errorf("actors at v10:\n%v\nwant:\n%v", got, wantActors)
	}
	if got := quotesJSON(t, v10); !slices.Equal(got, wantQuotes) || len(got) < 5 {
		t.Errorf("quotes at v10:\n%v\nwant:\n%v", got, wantQuotes)
	}
	if _, err := p.DownTo(ctx, 4); err != nil { // v10 to v5 down
		t.Fatal(err)
	}
	var inRow int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE length(text) > 0 AND layers IS NOT NULL`).Scan(&inRow); err != nil {
		t.Fatal(err)
	}
	if inRow != len(want) {
		t.Errorf("after the down migration %d articles in their rows, want %d", inRow, len(want))
	}
	db.Close()

	s, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := documentsJSON(t, s); !slices.Equal(got, want) {
		t.Errorf("documents after down and up migrations differ: %d, want %d", len(got), len(want))
	}
	if got := eventsJSON(t, s); !slices.Equal(got, wantEvents) || len(got) < 10 {
		t.Errorf("events after down and up migrations:\n%v\nwant:\n%v", got, wantEvents)
	}
	c := *docs[3]
	c.URL = ""
	if res, err := s.Put(ctx, &c); err != nil || res[0].Status != store.PutDuplicate {
		t.Errorf("putting a stored text again after down and up migrations: %+v, %v", res, err)
	}
}

// eventDates lists every event with its dates, status and mentions'
// publication times, then the events of a date range query.
func eventDates(t *testing.T, s *sqlstore.DB) []string {
	t.Helper()
	var out []string
	for _, q := range []store.EventQuery{{}, {From: "2025-03", To: "2025-08-15", NoEvidence: true}} {
		evs, err := s.Events(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			out = append(out, fmt.Sprintf("%s–%s:%d %s..%s %s", q.From, q.To, e.ID, e.DateStart, e.DateEnd, e.Status))
			for _, m := range e.Mentions {
				out = append(out, fmt.Sprintf("  mention of article %d published %s", m.ArticleID, m.Published.Format(time.RFC3339)))
			}
		}
	}
	return out
}

// quotesJSON lists every stored quote as JSON.
func quotesJSON(t *testing.T, s *sqlstore.DB) []string {
	t.Helper()
	qs, err := s.Quotes(context.Background(), store.QuoteQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range qs {
		b, err := json.Marshal(q)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}
