package sqlite_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/store"
	"github.com/chronicle-news/chronicle/store/sqlite"
	"github.com/chronicle-news/chronicle/store/sqlstore"
	"github.com/chronicle-news/chronicle/store/storetest"
)

// TestPacks stores the same documents, in batches of several sizes, in
// stores whose packs are a few hundred bytes (512-byte pages: most articles
// span several packs) and a page long, and checks that every document,
// search snippet, quote text and evidence sentence comes back as stored.
func TestPacks(t *testing.T) {
	ctx := context.Background()
	g := storetest.NewGen(7, 30)
	var docs []*doc.Document
	for i := range 40 {
		docs = append(docs, g.Doc(i, 1+i%4))
	}
	// A text that compresses badly spans many packs.
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < 6000 {
		fmt.Fprintf(&b, "w%x ", rng.Uint64())
	}
	start := b.Len()
	b.WriteString("The minister met the envoy.")
	docs = append(docs, &doc.Document{ID: "big", Title: "Big", Text: b.String(), Events: []doc.Event{{ID: "e1", Type: "CONSULT",
		Source: []doc.Participant{{Text: "minister"}}, Target: []doc.Participant{{Text: "envoy"}},
		Evidence: doc.Evidence{Start: start, End: b.Len()}}}})
	want := make([]string, len(docs))
	for i, d := range docs {
		c := *d
		c.ID = ""
		b, err := json.Marshal(&c)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = string(b)
	}
	for _, pageSize := range []int{512, 4096} {
		for _, batch := range []int{1, 7, 40} {
			s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"), sqlite.Options{PageSize: pageSize})
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < len(docs); i += batch {
				if _, err := s.Put(ctx, docs[i:min(i+batch, len(docs))]...); err != nil {
					t.Fatal(err)
				}
			}
			var got []string
			err = s.Documents(ctx, store.DocQuery{}, func(d *doc.Document) error {
				d.ID = ""
				b, err := json.Marshal(d)
				got = append(got, string(b))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("page %d, batch %d: %d documents, want %d", pageSize, batch, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("page %d, batch %d: document %d differs after the round trip", pageSize, batch, i)
				}
			}
			var packed, size, overflow int64
			if err := s.Writer().QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE pack_off IS NOT NULL`).Scan(&packed); err != nil {
				t.Fatal(err)
			}
			if size, err = sqlstore.PackSize(ctx, s.Writer()); err != nil || size != int64(pageSize-sqlstore.PackOverhead) {
				t.Errorf("pack size %d, %v; want %d", size, err, pageSize-sqlstore.PackOverhead)
			}
			if err := s.Writer().QueryRowContext(ctx, `SELECT count(*) FROM packs WHERE length(data) > ?`, size).Scan(&overflow); err != nil {
				t.Fatal(err)
			}
			if packed != int64(len(docs)) || overflow != 0 {
				t.Errorf("page %d, batch %d: %d of %d articles packed, %d packs too long", pageSize, batch, packed, len(docs), overflow)
			}
			quotes, err := s.Quotes(ctx, store.QuoteQuery{})
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range quotes {
				d := docs[q.ArticleID-1]
				if !slices.ContainsFunc(d.Quotes, func(dq doc.Quote) bool { return dq.Text == q.Text }) {
					t.Errorf("page %d, batch %d: quote %d text %q is not a quote of its article", pageSize, batch, q.ID, q.Text)
				}
			}
			events, err := s.Events(ctx, store.EventQuery{})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(events, func(e store.Event) bool {
				return len(e.Mentions) > 0 && e.Mentions[0].Evidence[0].Text == "The minister met the envoy."
			}) {
				t.Errorf("page %d, batch %d: no evidence from the end of the long text", pageSize, batch)
			}
			for _, e := range events {
				for _, m := range e.Mentions {
					text := docs[m.ArticleID-1].Text
					for _, ev := range m.Evidence {
						if ev.Text != text[ev.Start:ev.End] {
							t.Errorf("page %d, batch %d: evidence %q, want %q", pageSize, batch, ev.Text, text[ev.Start:ev.End])
						}
					}
				}
			}
			s.Close()
		}
	}
}
