package chronicle_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/read"
)

// stage is a test stage that records its calls.
type stage struct {
	name     string
	req, out doc.Layer
	err      error
	panics   bool
}

func (s stage) Name() string        { return s.name }
func (s stage) Requires() doc.Layer { return s.req }
func (s stage) Provides() doc.Layer { return s.out }
func (s stage) Process(ctx context.Context, d *doc.Document) error {
	if s.panics {
		panic("boom")
	}
	return s.err
}

func TestNewPipelineChecksOrder(t *testing.T) {
	tok := stage{name: "tok", out: doc.Tokens | doc.Sentences}
	tagger := stage{name: "tag", req: doc.Tokens, out: doc.Tags}
	ev := stage{name: "event", req: doc.Tags | doc.Actors, out: doc.Events}
	tests := []struct {
		name    string
		stages  []doc.Stage
		wantErr string
	}{
		{"ok", []doc.Stage{tok, tagger}, ""},
		{"wrong-order", []doc.Stage{tagger, tok}, `stage "tag" requires tokens`},
		{"missing", []doc.Stage{tok, tagger, ev}, `stage "event" requires actors`},
	}
	for _, tc := range tests {
		_, err := chronicle.NewPipeline(tc.stages...)
		if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.wantErr)
		}
	}
}

func TestDefaultPipelineIsValid(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range p.Stages() {
		names = append(names, s.Name())
	}
	if got := strings.Join(names, ","); got != "tokenize,tag,parse,ner,timex,actor,quote,event" {
		t.Errorf("stages = %s", got)
	}
}

func TestBatchOrderErrorsAndPanics(t *testing.T) {
	bad := errors.New("bad article")
	p, err := chronicle.NewPipeline(stage{name: "s", out: doc.Tokens})
	if err != nil {
		t.Fatal(err)
	}
	pp, _ := chronicle.NewPipeline(stage{name: "p", panics: true})
	for _, pl := range []*chronicle.Pipeline{p, pp} {
		in := func(yield func(doc.Article, error) bool) {
			for i := range 50 {
				var err error
				if i%7 == 3 {
					err = bad
				}
				if !yield(doc.Article{ID: string(rune('a' + i%26)), Text: "x"}, err) {
					return
				}
			}
		}
		next := 0
		err := pl.Batch(context.Background(), in, 4, func(r chronicle.Result) error {
			if r.Index != next {
				t.Fatalf("result %d out of order (want %d)", r.Index, next)
			}
			next++
			if r.Index%7 == 3 && !errors.Is(r.Err, bad) {
				t.Errorf("result %d: err = %v", r.Index, r.Err)
			}
			if pl == pp && r.Index%7 != 3 && (r.Err == nil || !strings.Contains(r.Err.Error(), "internal error")) {
				t.Errorf("panic not turned into an error: %v", r.Err)
			}
			return nil
		})
		if err != nil || next != 50 {
			t.Fatalf("Batch = %v after %d results", err, next)
		}
	}
	// emit's error stops the batch.
	stop := errors.New("stop")
	n := 0
	err = p.Batch(context.Background(), func(yield func(doc.Article, error) bool) {
		for {
			if !yield(doc.Article{Text: "x"}, nil) {
				return
			}
		}
	}, 2, func(chronicle.Result) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 10 {
		t.Fatalf("Batch = %v after %d", err, n)
	}
}

func exampleDoc(t testing.TB) *doc.Document {
	t.Helper()
	path := shared.TestPath(t, "examples", "epochtimes-2025-02-22-putin-trump-meeting.txt")
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for a, err := range read.File(path, nil, read.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		d, err := p.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	t.Fatal("no article")
	return nil
}

// corpus loads up to n articles from the PolNeAR texts for benchmarks (read
// at run time; never copied into the repository).
func corpus(b *testing.B, n int) []doc.Article {
	dir := shared.TestPath(b, "data", "polnear", "train", "text")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) > n {
		files = files[:n]
	}
	var as []doc.Article
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		as = append(as, doc.Article{ID: filepath.Base(f), Text: string(data), Published: time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC)})
	}
	return as
}

// BenchmarkPipeline measures the whole extract pipeline on one core, in
// tokens per second, over 50 political news articles.
func BenchmarkPipeline(b *testing.B) {
	as := corpus(b, 50)
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	// Warm up: load the models once.
	if _, err := p.Extract(ctx, as[0]); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	tokens := 0
	for i := 0; i < b.N; i++ {
		d, err := p.Extract(ctx, as[i%len(as)])
		if err != nil {
			b.Fatal(err)
		}
		tokens += len(d.Tokens)
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkBatch measures the pipeline in batch mode on every core.
func BenchmarkBatch(b *testing.B) {
	as := corpus(b, 50)
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if _, err := p.Extract(ctx, as[0]); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	tokens := 0
	for i := 0; i < b.N; i++ {
		err := p.Batch(ctx, func(yield func(doc.Article, error) bool) {
			for _, a := range as {
				if !yield(a, nil) {
					return
				}
			}
		}, 0, func(r chronicle.Result) error {
			if r.Err != nil {
				return r.Err
			}
			tokens += len(r.Doc.Tokens)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(b.N*len(as))/b.Elapsed().Seconds(), "articles/s")
}
