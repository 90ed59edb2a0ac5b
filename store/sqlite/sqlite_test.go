package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/chronicle-news/chronicle/store"
	"github.com/chronicle-news/chronicle/store/sqlite"
	"github.com/chronicle-news/chronicle/store/storetest"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Writer().ExecContext(ctx, `INSERT INTO chronicle_schema (version_id, is_applied) VALUES (999, 1)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = sqlite.Open(ctx, path, sqlite.Options{})
	if !errors.Is(err, store.ErrNewerSchema) {
		t.Fatalf("opening a newer database: got %v, want ErrNewerSchema", err)
	}
	t.Log(err)
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "re.db")
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := storetest.NewGen(1, 20)
	if _, err := s.Put(ctx, g.Doc(1, 2)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil || st.Articles != 1 || st.Events != 2 {
		t.Fatalf("after reopening: %+v %v", st, err)
	}
}

func TestOpenErrors(t *testing.T) {
	for _, p := range []string{"", "/no/such/dir/x.db", "a?b.db"} {
		if s, err := sqlite.Open(context.Background(), p, sqlite.Options{}); err == nil {
			s.Close()
			t.Errorf("Open(%q): want an error", p)
		}
	}
}

// TestTwoHandlesReadWhileWriting opens the same file twice, as a query
// command does while "chronicle ingest" runs: the reader must never see
// "database is locked".
func TestTwoHandlesReadWhileWriting(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	w, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	r, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	g := storetest.NewGen(5, 50)
	done := make(chan error, 1)
	go func() {
		for i := 0; i < 80; i++ {
			if _, err := w.Put(ctx, g.Doc(i, 4), g.Doc(1000+i, 2)); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	queries := 0
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("writer: %v", err)
			}
			if queries == 0 {
				t.Fatal("no query ran during the writes")
			}
			st, err := r.Stats(ctx)
			if err != nil || st.Articles != 160 {
				t.Fatalf("reader sees %+v, %v; want 160 articles", st, err)
			}
			return
		default:
		}
		if _, err := r.Events(ctx, store.EventQuery{Actor: g.Actors[0].Name, Limit: 20}); err != nil {
			t.Fatalf("reader: %v", err)
		}
		if _, err := r.Search(ctx, store.SearchQuery{Text: "talks", Limit: 5}); err != nil {
			t.Fatalf("reader: %v", err)
		}
		queries++
	}
}

func TestPageSize(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name       string
		size, want int
		ok         bool
	}{
		{"default", 0, 4096, true},
		{"2 KB", 2048, 2048, true},
		{"not a power of two", 3000, 0, false},
		{"too small", 256, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "p.db")
			s, err := sqlite.Open(ctx, path, sqlite.Options{PageSize: c.size})
			if !c.ok {
				if err == nil {
					s.Close()
					t.Fatalf("page size %d: want an error", c.size)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			g := storetest.NewGen(1, 20)
			if _, err := s.Put(ctx, g.Doc(1, 2)); err != nil {
				t.Fatal(err)
			}
			s.Close()
			// Reopened with the default, the database keeps its page size.
			s, err = sqlite.Open(ctx, path, sqlite.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var got int
			if err := s.Writer().QueryRowContext(ctx, "PRAGMA page_size").Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("page size %d, want %d", got, c.want)
			}
			var mode string
			if err := s.Writer().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
				t.Errorf("journal mode %q, %v; want wal", mode, err)
			}
		})
	}
}

// TestCompact compacts a store only after a batch that is a large share of
// it, and the compacted store answers as before, with one full-text
// segment and no free pages.
func TestCompact(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g := storetest.NewGen(4, 30)
	for i := range 40 { // a transaction each: many full-text segments
		if _, err := s.Put(ctx, g.Doc(i, 2)); err != nil {
			t.Fatal(err)
		}
	}
	search := func() int {
		hits, err := s.Search(ctx, store.SearchQuery{Text: "talks"})
		if err != nil {
			t.Fatal(err)
		}
		return len(hits)
	}
	before := search()
	if before == 0 {
		t.Fatal("no search hits to compare")
	}
	for _, c := range []struct {
		added int64
		want  bool
	}{
		{0, false},
		{9, false}, // under a quarter of 40
		{10, true},
		{40, true},
	} {
		did, err := s.Compact(ctx, c.added)
		if err != nil || did != c.want {
			t.Errorf("Compact(%d) = %v, %v; want %v", c.added, did, err, c.want)
		}
	}
	var free int
	if err := s.Writer().QueryRowContext(ctx, `SELECT freelist_count FROM pragma_freelist_count()`).Scan(&free); err != nil || free != 0 {
		t.Errorf("free pages after compaction: %d, %v", free, err)
	}
	if got := search(); got != before {
		t.Errorf("search after compaction: %d hits, %d before", got, before)
	}
}
