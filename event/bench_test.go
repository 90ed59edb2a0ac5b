package event

import (
	"context"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
)

const benchTable = `
Putin Putin PROPN 2 nsubj
met meet VERB 0 root VBD
with with ADP 4 case
Biden Biden PROPN 2 obl
in in ADP 6 case
Geneva Geneva PROPN 2 obl
on on ADP 9 case
June June PROPN 9 compound
2021 2021 NUM 2 obl
. . PUNCT 2 punct

China China PROPN 2 nsubj
threatened threaten VERB 0 root VBD
to to PART 4 mark
impose impose VERB 2 xcomp VB
sanctions sanction NOUN 4 obj
on on ADP 7 case
Japan Japan PROPN 4 obl
. . PUNCT 2 punct

Officials official NOUN 2 nsubj
said say VERB 0 root VBD
the the DET 4 det
economy economy NOUN 6 nsubj
had have AUX 6 aux
grown grow VERB 2 ccomp VBN
by by ADP 9 case
three three NUM 9 nummod
percent percent NOUN 6 obl
in in ADP 11 case
March March PROPN 6 obl
. . PUNCT 2 punct`

func benchDoc(b testing.TB, reps int) *doc.Document {
	table := strings.TrimSpace(benchTable)
	parts := make([]string, reps)
	for i := range parts {
		parts[i] = table
	}
	return build(b, "2025-02-22", strings.Join(parts, "\n\n"), []actorSpec{putin, biden, china, japan},
		[]timexSpec{{"June 2021", "DATE", "2021-06", nil}})
}

// BenchmarkCoder measures the event stage alone on parsed text; the goal
// for the whole pipeline is ≥ 20,000 tokens/s on one core, so this stage
// must stay well above it.
func BenchmarkCoder(b *testing.B) {
	d := benchDoc(b, 60)
	c, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := c.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestProcessBadInput(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// empty document
	if err := c.Process(ctx, &doc.Document{}); err != nil {
		t.Fatal(err)
	}
	// heads out of range, a cycle, sentences that do not match tokens
	d := benchDoc(t, 1)
	d.Tokens[0].Head = 999
	if err := c.Process(ctx, d); err != nil {
		t.Fatalf("bad head: %v", err)
	}
	d = benchDoc(t, 1)
	d.Tokens[0].Head, d.Tokens[1].Head = 1, 0
	if err := c.Process(ctx, d); err != nil {
		t.Fatal(err)
	}
	d = benchDoc(t, 1)
	d.Sentences[0].EndToken = 500
	if err := c.Process(ctx, d); err != nil || len(d.Events) != 0 {
		t.Fatalf("bad sentence: err %v", err)
	}
	// cancelled context
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := c.Process(cctx, benchDoc(t, 1)); err == nil {
		t.Fatal("want context error")
	}
}

func FuzzProcessTree(f *testing.F) {
	f.Add([]byte{1, 0, 3, 2, 7})
	f.Add([]byte{255, 255, 0, 0})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1})   // heads pointing to themselves
	f.Add([]byte{3, 1, 2, 39, 38, 37, 120, 121, 81, 200}) // cycles and out-of-sentence heads
	f.Fuzz(func(t *testing.T, heads []byte) {
		d := benchDoc(t, 1)
		deps := []string{"conj", "xcomp", "acl:relcl", "obl", "nsubj", "obj", "advcl", "compound", "amod", "nmod", "ccomp", "aux", "mark", "case", "nsubj:pass", "obl:agent"}
		for i := range d.Tokens {
			if i < len(heads) {
				d.Tokens[i].Head = int32(heads[i]%40) - 1
				d.Tokens[i].Dep = deps[int(heads[i]/40+heads[i])%len(deps)]
				if heads[i]%7 == 0 {
					d.Tokens[i].UPOS = doc.VERB
				}
			}
		}
		// an agent lexicon, so that the dropping of things runs too
		c, err := New(Options{Agent: func(w string) bool { return len(w)%2 == 0 }})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Process(context.Background(), d); err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatal(err)
		}
	})
}
