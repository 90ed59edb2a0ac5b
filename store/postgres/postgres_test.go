package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/store"
	"github.com/chronicle-news/chronicle/store/postgres"
	"github.com/chronicle-news/chronicle/store/sqlstore"
	"github.com/chronicle-news/chronicle/store/storetest"
	"github.com/pressly/goose/v3"
)

// testDSN returns the test server's DSN (see .ci/postgres.sh); the tests
// skip only when CHRONICLE_TEST_POSTGRES is unset.
func testDSN(t *testing.T) string {
	dsn := os.Getenv("CHRONICLE_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("CHRONICLE_TEST_POSTGRES is not set (source .ci/postgres.sh start to run a server)")
	}
	return dsn
}

var schemaSeq atomic.Int64

// freshSchema makes a new, empty schema for one test and returns a DSN
// whose search_path points at it.
func freshSchema(t *testing.T, dsn string) string {
	t.Helper()
	name := fmt.Sprintf("t%d_%d", os.Getpid(), schemaSeq.Add(1))
	admin, err := postgres.OpenRaw(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`DROP SCHEMA IF EXISTS ` + name + ` CASCADE; CREATE SCHEMA ` + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin, err := postgres.OpenRaw(context.Background(), dsn)
		if err == nil {
			admin.Exec(`DROP SCHEMA IF EXISTS ` + name + ` CASCADE`)
			admin.Close()
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

func open(t *testing.T) *sqlstore.DB {
	s, err := postgres.Open(context.Background(), freshSchema(t, testDSN(t)), postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContract(t *testing.T) {
	testDSN(t)
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	dsn := freshSchema(t, testDSN(t))
	s, err := postgres.Open(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Writer().ExecContext(ctx, `INSERT INTO chronicle_schema (version_id, is_applied) VALUES (999, true)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = postgres.Open(ctx, dsn, postgres.Options{})
	if !errors.Is(err, store.ErrNewerSchema) {
		t.Fatalf("opening a newer database: got %v, want ErrNewerSchema", err)
	}
}

func TestBadDSN(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2", postgres.Options{})
	if err == nil || !strings.Contains(err.Error(), "postgres") {
		t.Fatalf("got %v, want a connection error", err)
	}
}

// TestMigrateV2 fills a store at schema version 2, opens it with every
// migration and checks that actor event lists, searches and quotes are
// unchanged.
func TestMigrateV2(t *testing.T) {
	ctx := context.Background()
	dsn := freshSchema(t, testDSN(t))
	v2 := fstest.MapFS{}
	for _, name := range []string{"00001_corpus.sql", "00002_drop_unused_indexes.sql"} {
		b, err := fs.ReadFile(postgres.Migrations(), name)
		if err != nil {
			t.Fatal(err)
		}
		v2[name] = &fstest.MapFile{Data: b}
	}
	old, err := postgres.Open(ctx, dsn, postgres.Options{Migrations: v2})
	if err != nil {
		t.Fatal(err)
	}
	g := storetest.NewGen(3, 40)
	var docs []*doc.Document
	for i := range 30 {
		docs = append(docs, g.Doc(i, 3))
	}
	// An event that a report after the migration will repeat.
	day := time.Date(2025, 4, 2, 0, 0, 0, 0, time.UTC)
	docs = append(docs, g.DocWithEvent("repeated-1", "Outlet R", day, 1, 2, storetest.EventTypes[0], day, doc.StatusOccurred))
	if _, err := old.Put(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	snapshot := func(s store.Store) []string {
		var out []string
		actors, err := s.Actors(ctx, store.ActorQuery{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range actors {
			evs, err := s.Events(ctx, store.EventQuery{Actor: a.Name, NoEvidence: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range evs {
				out = append(out, fmt.Sprintf("%s:%d", a.Name, e.ID))
			}
		}
		// Every event with its dates, and a date range query (schema v7
		// stores dates as day numbers).
		for _, q := range []store.EventQuery{{}, {From: "2025-03", To: "2025-08-15", NoEvidence: true}} {
			evs, err := s.Events(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range evs {
				out = append(out, fmt.Sprintf("%s–%s:%d %s..%s %s %v>%v", q.From, q.To, e.ID, e.DateStart, e.DateEnd, e.Status, e.Source, e.Target))
				for _, m := range e.Mentions {
					out = append(out, fmt.Sprintf("  mention of article %d published %s", m.ArticleID, m.Published.Format(time.RFC3339)))
				}
			}
		}
		hits, err := s.Search(ctx, store.SearchQuery{Text: `"accept pressure"`})
		if err != nil {
			t.Fatal(err)
		}
		quotes, err := s.Quotes(ctx, store.QuoteQuery{Text: "talks"})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			out = append(out, fmt.Sprintf("search hit %d published %s", h.ArticleID, h.Published.Format(time.RFC3339)))
		}
		return append(out, fmt.Sprintf("search %d quotes %d", len(hits), len(quotes)))
	}
	before := snapshot(old)
	old.Close()
	s, err := postgres.Open(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, err := s.Stats(ctx); err != nil || st.SchemaVersion != 18 {
		t.Fatalf("after migration: %+v, %v", st, err)
	}
	if after := snapshot(s); !slices.Equal(after, before) {
		t.Errorf("after migration:\n%v\nbefore:\n%v", after, before)
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
}

// TestDownAndUp fills a store, takes its schema down to version 10 (before
// this round's tables) and reads it there with the code of that version,
// then up again, and checks that events, actors and documents read the
// same at each step.
func TestDownAndUp(t *testing.T) {
	ctx := context.Background()
	dsn := freshSchema(t, testDSN(t))
	s, err := postgres.Open(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := storetest.NewGen(6, 30)
	var docs []*doc.Document
	for i := range 20 {
		docs = append(docs, g.Doc(i, 3))
	}
	if _, err := s.Put(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	snapshot := func(s store.Store) []string {
		var out []string
		evs, err := s.Events(ctx, store.EventQuery{})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			out = append(out, fmt.Sprintf("%d %s %s %s %v>%v %d", e.ID, e.Type, e.Status, e.DateStart, e.Source, e.Target, len(e.Mentions)))
			for _, m := range e.Mentions {
				out = append(out, fmt.Sprintf("  mention of article %d published %s", m.ArticleID, m.Published.Format(time.RFC3339)))
			}
		}
		as, err := s.Actors(ctx, store.ActorQuery{})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			out = append(out, fmt.Sprintf("%+v", a))
		}
		err = s.Documents(ctx, store.DocQuery{}, func(d *doc.Document) error {
			out = append(out, fmt.Sprintf("%s %s %s %d", d.ID, d.Source, d.Published.Format(time.RFC3339), len(d.Text)))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	want := snapshot(s)
	s.Close()

	db, err := postgres.OpenRaw(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := goose.NewProvider(goose.DialectPostgres, db, postgres.Migrations(), goose.WithDisableGlobalRegistry(true),
		goose.WithTableName("chronicle_schema"), goose.WithVerbose(false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 10); err != nil {
		t.Fatal(err)
	}
	v10, err := sqlstore.New(db, db, postgres.Dialect, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := snapshot(v10); !slices.Equal(got, want) {
		t.Errorf("at v10:\n%v\nwant:\n%v", got, want)
	}
	s, err = postgres.Open(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := snapshot(s); !slices.Equal(got, want) {
		t.Errorf("down and up again:\n%v\nwant:\n%v", got, want)
	}
}
