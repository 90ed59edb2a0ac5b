package quote

import (
	"context"
	"strings"
	"testing"
)

func TestCrossValidate(t *testing.T) {
	docs, gold := trainingSet()
	lx, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	o := ModelOptions{Epochs: 5, Seed: 7, MinCount: 1, Logistic: true, Rate: 0.5}
	// A threshold no candidate reaches finds nothing; a usable one finds
	// every held-out "said that" and nothing in "ate the cake".
	res, best, err := CrossValidate(context.Background(), docs, gold, lx, o, 3, []float64{1e-4}, []float64{50, 0})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 {
		t.Fatalf("got %d results, want 2", len(res))
	}
	if s := res[0].Scores; s.Pred != 0 || s.Gold != 6 {
		t.Errorf("threshold 50: pred %d gold %d, want 0 and 6", s.Pred, s.Gold)
	}
	if s := res[1].Scores; s.Matched != 6 || s.Pred != 6 {
		t.Errorf("threshold 0: matched %d of %d predicted, want 6 of 6", s.Matched, s.Pred)
	}
	if best != 1 {
		t.Errorf("best = %d, want 1", best)
	}
	if rep := CVReport(res, best, 3); !strings.Contains(rep, "* l2 0.0001 threshold 0 ") {
		t.Errorf("report does not mark the best setting:\n%s", rep)
	}
	for _, bad := range []struct {
		k        int
		l2s, ths []float64
	}{{1, []float64{1}, []float64{0}}, {3, nil, []float64{0}}, {3, []float64{1}, nil}, {len(docs) + 1, []float64{1}, []float64{0}}} {
		if _, _, err := CrossValidate(context.Background(), docs, gold, lx, o, bad.k, bad.l2s, bad.ths); err == nil {
			t.Errorf("k=%d l2s=%v thresholds=%v: want an error", bad.k, bad.l2s, bad.ths)
		}
	}
}
