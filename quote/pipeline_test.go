package quote_test

import (
	"context"
	"os"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/quote"
)

// exampleDoc runs the default pipeline over the example article.
func exampleDoc(tb testing.TB) (*chronicle.Pipeline, doc.Article, *doc.Document) {
	tb.Helper()
	path := shared.TestPath(tb, "examples", "epochtimes-2025-02-22-putin-trump-meeting.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	a := doc.Article{ID: "example", Text: string(b)}
	d, err := p.Extract(context.Background(), a)
	if err != nil {
		tb.Fatal(err)
	}
	return p, a, d
}

// TestExampleArticle checks the example article's direct quotes and
// speakers, and the reported statements of the three principals.
func TestExampleArticle(t *testing.T) {
	_, _, d := exampleDoc(t)
	name := func(q doc.Quote) string {
		if q.Speaker == nil {
			return ""
		}
		if a := d.Actor(q.Speaker.Actor); a != nil {
			return a.Name
		}
		return q.Speaker.Text
	}
	direct := map[string]string{
		"the most intensive preparatory work.": "Sergei Ryabkov",
		"within the next two weeks":            "Sergei Ryabkov",
		"There isn’t going to be a meeting until we know what the meeting is going to be about.":                                                                    "Marco Rubio",
		"I think that President Putin and President Zelenskyy are going to have to get together because, you know what, we want to stop killing millions of people": "Donald Trump",
	}
	reported := map[string]int{}
	for _, q := range d.Quotes {
		if want, ok := direct[q.Text]; ok {
			if got := name(q); got != want {
				t.Errorf("quote %q: speaker %q, want %q", q.Text, got, want)
			}
			delete(direct, q.Text)
		}
		if !q.Direct {
			reported[name(q)]++
		}
	}
	for text := range direct {
		t.Errorf("direct quote %q not found", text)
	}
	for _, who := range []string{"Sergei Ryabkov", "Marco Rubio", "Donald Trump"} {
		if reported[who] == 0 {
			t.Errorf("no reported statement of %s (have %v)", who, reported)
		}
	}
}

// BenchmarkPipeline is the whole default pipeline on the example article,
// the reference for BenchmarkQuoteStage.
func BenchmarkPipeline(b *testing.B) {
	p, a, _ := exampleDoc(b)
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		if _, err := p.Extract(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQuoteStage is the quote stage alone on the parsed example
// article; the goal is at most 10% of BenchmarkPipeline.
func BenchmarkQuoteStage(b *testing.B) {
	_, a, d := exampleDoc(b)
	s, err := quote.New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}
