package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/store"
	"github.com/chronicle-news/chronicle/store/sqlite"
	"github.com/chronicle-news/chronicle/store/storetest"
)

// benchEvents is the number of synthetic events in the benchmark corpus
// (CHRONICLE_BENCH_EVENTS overrides it for quick runs).
func benchEvents() int {
	if v, err := strconv.Atoi(os.Getenv("CHRONICLE_BENCH_EVENTS")); err == nil && v > 0 {
		return v
	}
	return 1_000_000
}

// benchStore opens the benchmark corpus: nEvents synthetic events, five
// per article, over 5,000 actors whose popularity follows a Zipf law. It is
// built once (a few minutes for a million events) and kept in the temporary
// directory for later runs.
func benchStore(b *testing.B) (store.Store, *storetest.Gen) {
	b.Helper()
	const perDoc = 5
	n := benchEvents()
	g := storetest.NewGen(2024, 5000)
	g.Tokens = false
	g.Filler = 0
	path := filepath.Join(os.TempDir(), fmt.Sprintf("chronicle-bench-v3-%d.db", n))
	// CHRONICLE_BENCH_PAGE_SIZE builds the corpus with another page size.
	pageSize, _ := strconv.Atoi(os.Getenv("CHRONICLE_BENCH_PAGE_SIZE"))
	if pageSize > 0 {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("chronicle-bench-v3-%d-p%d.db", n, pageSize))
	}
	ctx := context.Background()
	if _, err := os.Stat(path + ".done"); err != nil {
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
		s, err := sqlite.Open(ctx, path, sqlite.Options{PageSize: pageSize})
		if err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		if err := storetest.Fill(ctx, s, g, 0, n/perDoc, perDoc, 500); err != nil {
			b.Fatal(err)
		}
		st, _ := s.Stats(ctx)
		b.Logf("built %s in %v: %+v", path, time.Since(t0), st)
		s.Close()
		os.WriteFile(path+".done", nil, 0o644)
	}
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, g
}

// BenchmarkEventsQuery runs filtered event queries (the first page of 100,
// with evidence) over the benchmark corpus.
func BenchmarkEventsQuery(b *testing.B) {
	s, g := benchStore(b)
	ctx := context.Background()
	mid := g.Actors[200].Name // a mid-frequency actor
	cases := []struct {
		name string
		q    store.EventQuery
	}{
		{"type+dates", store.EventQuery{Type: "ACCUSE", From: "2025-03-01", To: "2025-03-31", Limit: 100}},
		{"actor+type+dates", store.EventQuery{Actor: g.Actors[0].Name, Type: "CONSULT", From: "2025-01", To: "2025-06", Limit: 100}},
		{"midactor+status", store.EventQuery{Actor: mid, Status: "occurred", Limit: 100}},
		{"cameo+place", store.EventQuery{CAMEO: "19", Place: "Kyiv", Limit: 100}},
		{"codeprefix+from", store.EventQuery{Actor: "UKRMIL", From: "2025-06-01", Limit: 100}},
		{"status+late", store.EventQuery{Status: "denied", From: "2025-12-01", Limit: 100}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				ev, err := s.Events(ctx, c.q)
				if err != nil {
					b.Fatal(err)
				}
				n = len(ev)
			}
			b.ReportMetric(float64(n), "events")
		})
	}
}

// BenchmarkTimeline lists every event of one actor in date order, with
// evidence.
func BenchmarkTimeline(b *testing.B) {
	s, g := benchStore(b)
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		actor string
		limit int
	}{
		{"mid-actor", g.Actors[200].Name, 0},
		{"top-actor-first1000", g.Actors[0].Name, 1000},
	} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				ev, err := s.Events(ctx, store.EventQuery{Actor: c.actor, Limit: c.limit})
				if err != nil {
					b.Fatal(err)
				}
				n = len(ev)
			}
			b.ReportMetric(float64(n), "events")
		})
	}
}

// BenchmarkQuotes runs quote searches (the first page of 100, the CLI default) over the
// benchmark corpus, whose quotes all come from one sentence: every article
// holds every word, so each search checks quotes until its page is full, or
// all of them when few match.
func BenchmarkQuotes(b *testing.B) {
	s, g := benchStore(b)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		q    store.QuoteQuery
	}{
		{"word", store.QuoteQuery{Text: "pressure", Limit: 100}},
		{"phrase", store.QuoteQuery{Text: `"good faith"`, Limit: 100}},
		{"word-not", store.QuoteQuery{Text: "talks -faith", Limit: 100}},
		{"absent", store.QuoteQuery{Text: "said", Limit: 100}},
		{"speaker+word", store.QuoteQuery{Speaker: g.Actors[200].Name, Text: "continue", Limit: 100}},
	} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				qs, err := s.Quotes(ctx, c.q)
				if err != nil {
					b.Fatal(err)
				}
				n = len(qs)
			}
			b.ReportMetric(float64(n), "quotes")
		})
	}
}
