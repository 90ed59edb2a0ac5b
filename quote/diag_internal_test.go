package quote

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/shared"
)

// preQuote is set by the external diagnostic test: it runs the pipeline
// up to the quote stage.
var preQuote func(context.Context, doc.Article) (*doc.Document, error)

// diagReach classifies the gold attributions of a split by what the model
// made of them: not reached by any candidate with the gold cue, reached but
// scored below the threshold, or above it.
func diagReach(t *testing.T, arts []GoldArticle) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	lx, _ := DefaultLexicon()
	cls := map[string]int{}
	for _, a := range arts {
		d, err := preQuote(context.Background(), doc.Article{ID: a.Name, Text: a.Text})
		if err != nil {
			t.Fatal(err)
		}
		v := newView(d, lx)
		v.setDirectCues(v.directCands())
		var all []mcand
		f := &featSink{m: m}
		for _, s := range v.sents {
			all = v.candidates(s, all)
		}
		for i := range all {
			f.score = 0
			v.features(&all[i], f)
			all[i].score = f.score
		}
		acc := v.modelCandidates(m)
		final := map[int]bool{}
		{
			d2 := *d
			d2.Quotes = nil
			at, _ := New()
			if err := at.Process(context.Background(), &d2); err != nil {
				t.Fatal(err)
			}
			for _, g := range Match(Attributions(&d2), a.Attrs) {
				if g >= 0 {
					final[g] = true
				}
			}
		}
		for gi, g := range a.Attrs {
			best, bestAny := float32(-99), float32(-99)
			cue := false
			for _, k := range all {
				cs := doc.Span{Start: int(v.toks[k.c].Start), End: int(v.toks[k.last].End)}
				if !cs.Overlaps(g.Cue) {
					continue
				}
				cue = true
				bestAny = max(bestAny, k.score)
				sp := doc.Span{Start: int(v.toks[k.lo].Start), End: int(v.toks[k.hi].End)}
				if halfOverlap(sp, g.Content) {
					best = max(best, k.score)
				}
			}
			direct := false
			for _, r := range a.Text[g.Content.Start:min(g.Content.Start+3, g.Content.End)] {
				direct = direct || r == '"' || r == '“' || r == '\''
				break
			}
			k := "nocue"
			switch {
			case best > m.th:
				k = "above-lost-rank"
				for _, x := range acc {
					cs := doc.Span{Start: int(v.toks[x.c].Start), End: int(v.toks[x.last].End)}
					sp := doc.Span{Start: int(v.toks[x.lo].Start), End: int(v.toks[x.hi].End)}
					if cs.Overlaps(g.Cue) {
						k = "above-lost-rank"
						if halfOverlap(sp, g.Content) {
							k = "above-accepted"
						}
						break
					}
					if halfOverlap(sp, g.Content) {
						k = "above-other-cue"
					}
				}
				if k == "above-lost-rank" && os.Getenv("QUOTE_DIAG_SHOW") != "" {
					fmt.Printf("RANK G: %s\n", a.Text[g.Content.Start:g.Content.End])
					for _, x := range all {
						cs := doc.Span{Start: int(v.toks[x.c].Start), End: int(v.toks[x.last].End)}
						if cs.Overlaps(g.Cue) {
							fmt.Printf("   %d %.2f %v %s\n", x.kind, x.score, x.cut, v.text[v.toks[x.lo].Start:v.toks[x.hi].End])
						}
					}
				}
			case best > -99:
				k = "below"
			case cue:
				k = "cue-no-content"
			}
			if k == "below" && !direct && os.Getenv("QUOTE_DIAG_SHOW") == "below" {
				fmt.Printf("BELOW %.2f cue=%q G: %s\n", best, a.Text[g.Cue.Start:g.Cue.End], a.Text[g.Content.Start:g.Content.End])
			}
			if k == "cue-no-content" && !direct && os.Getenv("QUOTE_DIAG_SHOW") == "cnc" {
				fmt.Printf("CNC cue=%q G: %s\n", a.Text[g.Cue.Start:g.Cue.End], a.Text[g.Content.Start:g.Content.End])
				for _, x := range all {
					cs := doc.Span{Start: int(v.toks[x.c].Start), End: int(v.toks[x.last].End)}
					if cs.Overlaps(g.Cue) {
						fmt.Printf("   %d %.2f %v %s\n", x.kind, x.score, x.cut, v.text[v.toks[x.lo].Start:v.toks[x.hi].End])
					}
				}
			}
			if k == "above-accepted" && !final[gi] {
				k = "above-accepted-lost"
				if os.Getenv("QUOTE_DIAG_SHOW") == "lost" {
					fmt.Printf("LOST G: %s\n", a.Text[g.Content.Start:g.Content.End])
					d2 := *d
					d2.Quotes = nil
					at, _ := New()
					_ = at.Process(context.Background(), &d2)
					for _, p := range Attributions(&d2) {
						if p.Content.Overlaps(g.Content) {
							fmt.Printf("   P[%s]: %s\n", p.Lemma, a.Text[p.Content.Start:p.Content.End])
						}
					}
				}
			}
			if direct {
				k += "/direct"
			}
			cls[k]++
			_ = bestAny
		}
	}
	fmt.Println(cls)
}

func TestDiagReach(t *testing.T) {
	split := os.Getenv("QUOTE_DIAG")
	if split == "" || preQuote == nil {
		t.Skip("set QUOTE_DIAG and run with the external diagnostic")
	}
	arts, err := ReadPolNeAR(shared.TestPath(t, "data", "polnear"), split)
	if err != nil {
		t.Fatal(err)
	}
	diagReach(t, arts)
}

// TestDiagSentence prints the parse and the scored candidates of the
// sentences of QUOTE_DIAG_FILE that contain QUOTE_DIAG_SENT.
func TestDiagSentence(t *testing.T) {
	file, sub := os.Getenv("QUOTE_DIAG_FILE"), os.Getenv("QUOTE_DIAG_SENT")
	if file == "" || preQuote == nil {
		t.Skip("set QUOTE_DIAG, QUOTE_DIAG_FILE and QUOTE_DIAG_SENT")
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d, err := preQuote(context.Background(), doc.Article{ID: "x", Text: string(b)})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := DefaultModel()
	lx, _ := DefaultLexicon()
	v := newView(d, lx)
	v.setDirectCues(v.directCands())
	f := &featSink{m: m}
	for _, s := range v.sents {
		if !strings.Contains(v.text[s.Start:s.End], sub) {
			continue
		}
		for j := s.FirstToken; j < s.EndToken; j++ {
			fmt.Printf("%d %s %s %d %s\n", j, v.form(j), v.toks[j].UPOS, v.toks[j].Head, v.toks[j].Dep)
		}
		for _, k := range v.candidates(s, nil) {
			f.score = 0
			v.features(&k, f)
			fmt.Printf("  %s kind=%d cut=%v %.2f  %s\n", v.form(k.c), k.kind, k.cut, f.score, v.text[v.toks[k.lo].Start:v.toks[k.hi].End])
		}
	}
}
