package quote_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/quote"
)

// TestDiagPolNeAR prints unmatched gold and predicted attributions of a
// PolNeAR split (QUOTE_DIAG=dev|train); it is skipped otherwise.
func TestDiagPolNeAR(t *testing.T) {
	split := os.Getenv("QUOTE_DIAG")
	if split == "" {
		t.Skip("set QUOTE_DIAG=dev to print the error analysis")
	}
	dir := shared.TestPath(t, "data", "polnear")
	arts, err := quote.ReadPolNeAR(dir, split)
	if err != nil {
		t.Fatal(err)
	}
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	short := func(s string) string {
		s = strings.ReplaceAll(s, "\n", " ¶ ")
		if len(s) > 200 {
			s = s[:90] + " … " + s[len(s)-90:]
		}
		return s
	}
	var tot quote.Scores
	for _, a := range arts {
		d, err := p.Extract(context.Background(), doc.Article{ID: a.Name, Text: a.Text, Source: a.Name})
		if err != nil {
			t.Fatal(err)
		}
		tot.Add(quote.Score(d, a.Attrs))
		pred := quote.Attributions(d)
		m := quote.Match(pred, a.Attrs)
		hit := make([]bool, len(a.Attrs))
		for _, g := range m {
			if g >= 0 {
				hit[g] = true
			}
		}
		fmt.Printf("=== %s\n", a.Name)
		for j, g := range a.Attrs {
			if hit[j] {
				continue
			}
			kind := "MISS"
			for _, pr := range pred {
				if pr.Content.Overlaps(g.Content) {
					kind = "MISS-BOUND pred=[" + pr.Lemma + "] " + short(a.Text[pr.Content.Start:pr.Content.End])
					break
				}
			}
			src := ""
			if g.HasSource {
				src = a.Text[g.Source.Start:g.Source.End]
			}
			fmt.Printf("G %s\n   cue=%q src=%q\n   %s\n", kind, a.Text[g.Cue.Start:g.Cue.End], short(src), short(a.Text[g.Content.Start:g.Content.End]))
		}
		for i, pr := range pred {
			if m[i] >= 0 {
				g := a.Attrs[m[i]]
				if g.HasSource && (pr.Speaker == nil || !(pr.Speaker.Start < g.Source.End && g.Source.Start < pr.Speaker.End)) {
					sp := "<nil>"
					if pr.Speaker != nil {
						sp = pr.Speaker.Text
					}
					fmt.Printf("SRC pred=%q gold=%q cue=[%s] %s\n", sp, a.Text[g.Source.Start:g.Source.End], pr.Lemma, short(a.Text[pr.Content.Start:pr.Content.End]))
				}
				continue
			}
			kind := "FP"
			for _, g := range a.Attrs {
				if pr.Content.Overlaps(g.Content) {
					kind = "FP-BOUND"
					break
				}
			}
			fmt.Printf("P %s direct=%v [%s] %s\n", kind, pr.Direct, pr.Lemma, short(a.Text[pr.Content.Start:pr.Content.End]))
		}
	}
	fmt.Println(tot)
}

// TestDiagBoundaries classifies boundary misses on a PolNeAR split
// (QUOTE_DIAG=dev|train): predicted contents too short, too long or shifted.
func TestDiagBoundaries(t *testing.T) {
	split := os.Getenv("QUOTE_DIAG")
	if split == "" {
		t.Skip("set QUOTE_DIAG=dev to print the error analysis")
	}
	dir := shared.TestPath(t, "data", "polnear")
	arts, err := quote.ReadPolNeAR(dir, split)
	if err != nil {
		t.Fatal(err)
	}
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cls := map[string]int{}
	for _, a := range arts {
		d, err := p.Extract(context.Background(), doc.Article{ID: a.Name, Text: a.Text, Source: a.Name})
		if err != nil {
			t.Fatal(err)
		}
		pred := quote.Attributions(d)
		m := quote.Match(pred, a.Attrs)
		hit := make([]bool, len(a.Attrs))
		used := make([]bool, len(pred))
		for i, g := range m {
			if g >= 0 {
				hit[g] = true
				used[i] = true
			}
		}
		for j, g := range a.Attrs {
			if hit[j] {
				continue
			}
			for i, pr := range pred {
				if used[i] || !pr.Content.Overlaps(g.Content) {
					continue
				}
				pc, gc := pr.Content, g.Content
				k := "shifted"
				switch {
				case pc.Start >= gc.Start && pc.End <= gc.End:
					k = "short"
					if pc.Start > gc.Start && pc.End < gc.End {
						k = "short-both"
					} else if pc.Start > gc.Start {
						k = "short-left"
					} else {
						k = "short-right"
					}
				case pc.Start <= gc.Start && pc.End >= gc.End:
					k = "long"
					if pc.Start < gc.Start && pc.End > gc.End {
						k = "long-both"
					} else if pc.Start < gc.Start {
						k = "long-left"
					} else {
						k = "long-right"
					}
				}
				if pr.Direct {
					k += "/direct"
				}
				cls[k]++
				if os.Getenv("QUOTE_DIAG_CLASS") == k {
					fmt.Printf("%s [%s]\n  G: %s\n  P: %s\n", k, pr.Lemma, strings.ReplaceAll(a.Text[gc.Start:gc.End], "\n", " ¶ "), strings.ReplaceAll(a.Text[pc.Start:pc.End], "\n", " ¶ "))
				}
				break
			}
		}
	}
	fmt.Println(cls)
}

func init() {
	if os.Getenv("QUOTE_DIAG") == "" {
		return
	}
	stages, err := chronicle.DefaultStages(chronicle.Options{})
	if err != nil {
		return
	}
	var pre []doc.Stage
	for _, s := range stages {
		if s.Name() == "quote" {
			break
		}
		pre = append(pre, s)
	}
	p, err := chronicle.NewPipeline(pre...)
	if err != nil {
		return
	}
	quote.SetPreQuote(p.Extract)
}
