package ner

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
)

func TestBILOURoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		spans []span
	}{
		{"empty", 3, nil},
		{"unit", 3, []span{{1, 2, 0}}},
		{"multi", 5, []span{{0, 3, 1}, {3, 4, 2}}},
		{"adjacent same type", 4, []span{{0, 2, 0}, {2, 4, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			labels := make([]uint8, tt.n)
			spansToBILOU(tt.spans, labels)
			got := bilouToSpans(labels, nil)
			if len(got) != len(tt.spans) || (len(got) > 0 && !reflect.DeepEqual(got, tt.spans)) {
				t.Fatalf("got %v, want %v", got, tt.spans)
			}
			prev := startState
			for _, l := range labels {
				if !validTrans[prev][l] {
					t.Fatalf("invalid transition %d→%d in %v", prev, l, labels)
				}
				prev = int(l)
			}
			if !validEnd[prev] {
				t.Fatalf("invalid end %d", prev)
			}
		})
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want []Chunk
	}{
		{"iob2", "B-PER I-PER O B-LOC", []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"iob1", "I-PER I-PER B-PER O I-ORG", []Chunk{{0, 2, "PER"}, {2, 3, "PER"}, {4, 5, "ORG"}}},
		{"type change", "I-ORG I-LOC", []Chunk{{0, 1, "ORG"}, {1, 2, "LOC"}}},
		{"all O", "O O", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Chunks(strings.Fields(tt.tags))
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCountsPRF(t *testing.T) {
	c := NewCounts()
	c.Add(strings.Fields("B-PER I-PER O B-LOC O"), strings.Fields("B-PER I-PER O B-ORG O"))
	c.Add(strings.Fields("B-MISC O"), strings.Fields("O O"), "MISC")
	p, r, f := c.PRF("")
	if p != 50 || r != 50 || f != 50 {
		t.Fatalf("P/R/F = %v/%v/%v, want 50/50/50", p, r, f)
	}
	if _, _, f := c.PRF("PER"); f != 100 {
		t.Fatalf("PER F1 = %v", f)
	}
}

func TestReadColumns(t *testing.T) {
	in := "-DOCSTART- -X- O O\n\nAnna NNP I-NP I-PER\nsmiled VBD I-VP O\n\nOslo NNP I-NP I-LOC\n\n-DOCSTART- -X- O O\n\nBob NNP I-NP I-PER\n"
	docs, err := ReadColumns(strings.NewReader(in), CoNLL2003)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sents) != 2 || len(docs[1].Sents) != 1 {
		t.Fatalf("got %d docs: %+v", len(docs), docs)
	}
	if got := docs[0].Sents[0].spans; len(got) != 1 || got[0] != (span{0, 1, 0}) {
		t.Fatalf("spans %v", got)
	}
	uner := "# newdoc id = a\n# text = Anna left\n1\tAnna\tB-PER\t-\tx\n2\tleft\tO\n"
	docs, err = ReadColumns(strings.NewReader(uner), UNER)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != "a" || docs[0].Sents[0].Tokens[0] != "Anna" {
		t.Fatalf("uner: %+v", docs)
	}
	if _, err := ReadColumns(strings.NewReader("1\n"), UNER); err == nil {
		t.Fatal("want error for missing token column")
	}
}

func TestTrimmable(t *testing.T) {
	for tok, want := range map[string]bool{"'s": true, "’s": true, ",": true, "\"": true, "U.S.": false, "Anna": false, "1996": false} {
		if got := trimmable(tok); got != want {
			t.Errorf("trimmable(%q) = %v", tok, got)
		}
	}
}

// tinyCorpus builds a small synthetic training corpus from our own
// sentence patterns.
func tinyCorpus() []Doc {
	pers := []string{"Anna Berg", "Tomas Lind", "Maria Holm", "Peter Vik", "Sara Dahl", "Jonas Ek"}
	locs := []string{"Oslo", "Bergen", "Malmo", "Turku", "Aarhus", "Tromso"}
	orgs := []string{"Nordbank", "Telia", "Statoil", "Volvo"}
	var docs []Doc
	for i := 0; i < 36; i++ {
		p, l, o := pers[i%len(pers)], locs[(i*5)%len(locs)], orgs[(i*7)%len(orgs)]
		line := p + " of " + o + " flew to " + l + " on Monday ."
		toks := strings.Fields(line)
		gold := make([]string, len(toks))
		for j := range gold {
			gold[j] = "O"
		}
		gold[0], gold[1] = "B-PER", "I-PER"
		gold[3] = "B-ORG"
		gold[6] = "B-LOC"
		s := Sent{Tokens: toks, Gold: gold}
		s.setSpans()
		docs = append(docs, Doc{Sents: []Sent{s}})
	}
	return docs
}

func trainTiny(t testing.TB) *Model {
	t.Helper()
	m, err := Train(context.Background(), TrainOptions{Train: tinyCorpus(), Epochs: 5, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTrainSmoke(t *testing.T) {
	m := trainTiny(t)
	// unseen names in the learnt pattern
	toks := strings.Fields("Karin Moe of Lego flew to Narvik on Monday .")
	tg := newTagger(m)
	tg.tagDoc(toks, []int32{0, int32(len(toks))})
	got := spansToIOB2(bilouToSpans(tg.out, nil), len(toks))
	want := strings.Fields("B-PER I-PER O B-ORG O O B-LOC O O O")
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	// serialisation round trip keeps predictions
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	tg2 := newTagger(m2)
	tg2.tagDoc(toks, []int32{0, int32(len(toks))})
	if !reflect.DeepEqual(tg.out, tg2.out) {
		t.Fatalf("after round trip %v, want %v", tg2.out, tg.out)
	}
	if _, err := ReadModel(strings.NewReader("garbage")); err == nil {
		t.Fatal("want error for garbage model")
	}
}

func TestTagColumns(t *testing.T) {
	m := trainTiny(t)
	in := "-DOCSTART- -X- O O\n\nKarin NNP\nMoe NNP\nflew VBD\n\nOslo NNP\n"
	var out bytes.Buffer
	if err := TagColumns(context.Background(), m, strings.NewReader(in), &out, CoNLL2003, DomainNews); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	inLines := strings.Split(strings.TrimSuffix(in, "\n"), "\n")
	if len(lines) != len(inLines) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(inLines), out.String())
	}
	for i, l := range lines {
		if inLines[i] == "" || strings.HasPrefix(inLines[i], "-DOCSTART-") {
			if l != inLines[i] {
				t.Errorf("line %d changed: %q", i, l)
			}
			continue
		}
		if !strings.HasPrefix(l, inLines[i]+" ") {
			t.Errorf("line %d: %q does not extend %q", i, l, inLines[i])
		}
	}
	if !strings.HasSuffix(lines[2], "B-PER") || !strings.HasSuffix(lines[3], "I-PER") {
		t.Errorf("unexpected labels:\n%s", out.String())
	}
}

// wsDoc builds a document whose tokens are the white-space-separated words
// of text, one sentence per line.
func wsDoc(text string) *doc.Document {
	d := doc.New(doc.Article{Text: text})
	sent := int32(0)
	i := 0
	for i < len(text) {
		switch text[i] {
		case '\n':
			sent++
			i++
			continue
		case ' ':
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\n' {
			j++
		}
		d.Tokens = append(d.Tokens, doc.Token{Start: int32(i), End: int32(j), Sent: sent, Head: -1})
		i = j
	}
	return d
}

func TestRecognizerEmbedded(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string // "TYPE:text"
	}{
		{"Chancellor Olaf Brenner flew to Brussels on Tuesday to meet officials of the European Commission .",
			[]string{"PER:Olaf Brenner", "LOC:Brussels", "ORG:European Commission"}},
		{"Shares of General Motors fell 3 percent in New York trading , the company said .",
			[]string{"ORG:General Motors", "LOC:New York"}},
		{"Helga Jansen 's visit to Japan was cancelled , according to the Dutch embassy .",
			[]string{"PER:Helga Jansen", "LOC:Japan", "MISC:Dutch"}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := wsDoc(tt.text)
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.Entities {
				if e.Text != d.Text[e.Start:e.End] {
					t.Fatalf("entity text %q does not match its span", e.Text)
				}
				got = append(got, e.Type+":"+e.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRecognizerBadInput(t *testing.T) {
	r := NewWithModel(trainTiny(t))
	d := doc.New(doc.Article{Text: "abc"})
	d.Tokens = []doc.Token{{Start: 0, End: 9}}
	if err := r.Process(context.Background(), d); err == nil {
		t.Fatal("want error for out-of-range token")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := r.Process(ctx, wsDoc("Anna Berg")); err == nil {
		t.Fatal("want error for cancelled context")
	}
}

func FuzzReadColumns(f *testing.F) {
	f.Add("-DOCSTART- -X- O O\n\nAnna NNP I-NP I-PER\n\n", 0)
	f.Add("# newdoc id = x\n1\tAnna\tB-PER\n2\t.\tO\n", 1)
	f.Add("\t\t\n \n#\n", 1)
	f.Fuzz(func(t *testing.T, in string, col int) {
		fm := CoNLL2003
		if col%2 != 0 {
			fm = UNER
		}
		docs, err := ReadColumns(strings.NewReader(in), fm)
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, s := range d.Sents {
				for _, sp := range s.spans {
					if sp.Start < 0 || sp.End > len(s.Tokens) || sp.Start >= sp.End {
						t.Fatalf("bad span %v for %d tokens", sp, len(s.Tokens))
					}
				}
			}
		}
	})
}

func FuzzTagColumns(f *testing.F) {
	m := trainTiny(f)
	f.Add("-DOCSTART- -X- O O\n\nAnna NNP\nBerg NNP\n\n")
	f.Add("Ünïcödé\n\xff\xfe\n“quoted”\n")
	f.Fuzz(func(t *testing.T, in string) {
		var out bytes.Buffer
		if err := TagColumns(context.Background(), m, strings.NewReader(in), &out, CoNLL2003, DomainNews); err != nil {
			return
		}
		if got, want := strings.Count(out.String(), "\n"), strings.Count(strings.ReplaceAll(in, "\r", ""), "\n"); got < want {
			t.Fatalf("lost lines: %d < %d", got, want)
		}
	})
}

func BenchmarkRecognizer(b *testing.B) {
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	line := "Foreign Minister Anna Berg told reporters in Geneva on Monday that the United Nations would send observers to the region , and that Russia 's envoy had agreed .\n"
	d := wsDoc(strings.Repeat(line, 40))
	ctx := context.Background()
	if err := r.Process(ctx, d); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := r.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func FuzzRecognizer(f *testing.F) {
	r := NewWithModel(trainTiny(f))
	f.Add("Anna Berg of Volvo flew to Oslo .\nShe met “Peter Vik” 's aide .")
	f.Add("\xff\xfe ’s ’s\n\n-- ''")
	f.Fuzz(func(t *testing.T, text string) {
		d := wsDoc(text)
		if err := r.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Entities {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text {
				t.Fatalf("bad entity %+v", e)
			}
			a, b := d.TokensIn(e.Span())
			if trimmable(d.TokenText(a)) || trimmable(d.TokenText(b-1)) {
				t.Fatalf("entity %q starts or ends on punctuation", e.Text)
			}
		}
	})
}
