package timex

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/tokenize"
)

// TestCorpusScores guards the scores reported in docs/benchmarks.md; set
// TIMEX_DETAILS=1 to print every mismatch.
func TestCorpusScores(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus evaluation")
	}
	cases := []struct {
		dir            []string
		relaxed, value float64
	}{
		{[]string{"data", "timebank-aquaint"}, 92, 76},
		{[]string{"data", "meantime-en", "intra-doc_annotation"}, 85, 73},
	}
	tg, _ := New()
	pre := linguisticCore(t)
	for _, c := range cases {
		dir := shared.TestPath(t, c.dir...)
		docs, err := LoadGold(dir)
		if err != nil {
			t.Fatal(err)
		}
		res, err := tg.Evaluate(context.Background(), docs, EvalOptions{Pre: pre, Details: os.Getenv("TIMEX_DETAILS") != ""})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Errors {
			fmt.Println(e)
		}
		_, _, rf := res.Score.RelaxedPRF()
		_, _, sf := res.Score.StrictPRF()
		_, _, vf := res.Score.ValuePRF()
		t.Logf("%s: docs %d gold %d sys %d strict F1 %.2f relaxed F1 %.2f type acc %.2f value F1 %.2f", c.dir[1], res.Docs, res.Score.Gold, res.Score.Sys, sf, rf, res.Score.TypeAccuracy(), vf)
		if rf < c.relaxed || vf < c.value {
			t.Errorf("%s: relaxed F1 %.2f (want ≥ %.1f), value F1 %.2f (want ≥ %.1f)", c.dir[1], rf, c.relaxed, vf, c.value)
		}
	}
}

// linguisticCore returns the tokenize, tag and parse stages that run
// before the tagger in the pipeline.
func linguisticCore(t testing.TB) []doc.Stage {
	t.Helper()
	tk, err := tokenize.New()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := parse.New()
	if err != nil {
		t.Fatal(err)
	}
	return []doc.Stage{tk, tg, ps}
}
