package ingest_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/store"
)

// TestFullPipelineRoundTrip stores documents made by the real pipeline and
// checks that the store gives back every layer exactly: the contract that
// lets the store encode layers compactly (offsets instead of texts, binary
// records, columnar tokens).
func TestFullPipelineRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	example := shared.TestPath(t, "examples", "epochtimes-2025-02-22-putin-trump-meeting.txt")
	raw, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	arts := []doc.Article{{ID: "example", Text: string(raw), Title: "Example", Published: time.Date(2025, 2, 22, 0, 0, 0, 0, time.UTC)}}
	silver, _ := filepath.Glob(filepath.Join(filepath.Dir(filepath.Dir(example)), "data", "unlabeled-news", "te3-silver", "*.tml"))
	if len(silver) > 12 {
		silver = silver[:12]
	}
	for _, name := range silver {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m := tmlText.FindStringSubmatch(string(raw))
		if m == nil {
			continue
		}
		arts = append(arts, doc.Article{ID: filepath.Base(name), Text: tmlTag.ReplaceAllString(m[1], "")})
	}
	ctx := context.Background()
	s := openStore(t, filepath.Join(t.TempDir(), "rt.db"))
	defer s.Close()
	var want []*doc.Document
	for _, a := range arts {
		d, err := p.Extract(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Put(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Status == store.PutStored {
			want = append(want, d)
		}
	}
	var got []*doc.Document
	if err := s.Documents(ctx, store.DocQuery{}, func(d *doc.Document) error {
		got = append(got, d)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(want) < 2 {
		t.Fatalf("%d documents back, %d stored", len(got), len(want))
	}
	for i := range want {
		w, g := *want[i], *got[i]
		if !g.Published.Equal(w.Published) {
			t.Errorf("%s: published %v, want %v", w.ID, g.Published, w.Published)
		}
		w.Published, g.Published = time.Time{}, time.Time{}
		w.Encoding = "" // not stored
		layers := map[string][2]any{
			"sentences": {w.Sentences, g.Sentences}, "tokens": {w.Tokens, g.Tokens}, "entities": {w.Entities, g.Entities},
			"actors": {w.Actors, g.Actors}, "timexes": {w.Timexes, g.Timexes}, "quotes": {w.Quotes, g.Quotes},
			"events": {w.Events, g.Events}, "done": {w.Done, g.Done},
		}
		for name, v := range layers {
			if !reflect.DeepEqual(v[0], v[1]) {
				wj, _ := json.Marshal(v[0])
				gj, _ := json.Marshal(v[1])
				t.Errorf("%s: %s differ after the round trip:\n got %.600s\nwant %.600s", w.ID, name, gj, wj)
			}
		}
		if !reflect.DeepEqual(w, g) {
			t.Errorf("%s: document differs after the round trip", w.ID)
		}
	}
}
