package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/corpus"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/klauspost/compress/zstd"
)

// richDoc has every layer and every optional field, with texts that are and
// are not the document text at their spans.
func richDoc() *doc.Document {
	text := "Alpha met Beta in Paris on Monday. \"We will talk,\" Alpha said. Beta denied it."
	ev := doc.Evidence{Sentence: 0, Start: 0, End: 34, Text: text[0:34], Trigger: doc.Trigger{Text: "met", Start: 6, End: 9, Lemma: "meet"}}
	ev2 := doc.Evidence{Sentence: 2, Start: 63, End: 78, Text: text[63:78], Trigger: doc.Trigger{Text: "denied", Start: 68, End: 74}}
	return &doc.Document{ID: "d1", Text: text, Done: doc.Sentences | doc.Tokens | doc.Events,
		Sentences: []doc.Sentence{{Start: 0, End: 34, FirstToken: 0, EndToken: 2}, {Start: 35, End: 62, FirstToken: 2, EndToken: 2, Paragraph: 1}, {Start: 63, End: 78, FirstToken: 2, EndToken: 2, Paragraph: 1}},
		Tokens: []doc.Token{{Start: 0, End: 5, Head: 1, UPOS: doc.PROPN, XPOS: "NNP", Lemma: "Alpha", Dep: "nsubj"},
			{Start: 6, End: 9, Head: -1, UPOS: doc.VERB, XPOS: "VBD", Lemma: "meet", Dep: "root", Feats: "Tense=Past"}},
		Entities: []doc.Entity{{Type: "PER", Text: "Alpha", Start: 0, End: 5, Actor: "A1"}, {Type: "LOC", Text: "Paris", Start: 18, End: 23},
			{Type: "PER", Text: "not the span", Start: 10, End: 14}},
		Actors: []doc.Actor{{ID: "A1", Name: "Alpha", Kind: "PER", Code: "FRAGOV", Country: "FRA", Sector: "GOV", Role: "minister", CodeFrom: "dictionary",
			Mentions: []doc.Mention{{Text: "Alpha", Start: 0, End: 5, Kind: "name"}, {Text: "Alpha", Start: 51, End: 56, Kind: "name"}}, Wiki: "Q1"},
			{ID: "B", Name: "Beta", Mentions: []doc.Mention{}}, {ID: "A3", Name: "Gamma"}},
		Timexes: []doc.Timex{{ID: "t1", Type: "DATE", Value: "2025-02-17", Text: "Monday", Start: 27, End: 33, Mod: "APPROX", Anchor: "2025-02-22",
			Interval: &doc.Interval{Start: "2025-02-17", End: "2025-02-17"}, Granularity: "day"}, {ID: "t7", Type: "SET", Value: "P1W", Quant: "EVERY", Freq: "1W"}},
		Quotes: []doc.Quote{{ID: "q1", Text: "We will talk,", Start: 36, End: 49, Direct: true, Cue: &doc.Cue{Text: "said", Start: 57, End: 61, Lemma: "say"},
			Speaker: &doc.Speaker{Text: "Alpha", Start: 51, End: 56, Actor: "A1"}}, {ID: "q2", Text: "elsewhere", Start: 3, End: 1, Mixed: true,
			Speaker: &doc.Speaker{Text: "a source", Anonymous: true}}},
		Events: []doc.Event{{ID: "e1", Type: "CONSULT", Mode: "visit", Context: []string{"diplomatic"}, CAMEO: "040", Quad: 1, Goldstein: 1,
			Source: []doc.Participant{{Actor: "A1", Text: "Alpha", Code: "FRAGOV", Start: 0, End: 5}}, Target: []doc.Participant{{Text: "Beta", Start: 10, End: 14}},
			Date: &doc.EventDate{Value: "2025-02-17", Granularity: "day", Timex: "t1"}, Status: "occurred",
			Reported: &doc.Reported{By: "A1", Text: "Alpha", Quote: "q1"},
			Location: &doc.Location{Text: "Paris", Name: "Paris", Country: "FRA", Lat: 48.8566, Lon: 2.3522, Start: 18, End: 23, Kind: "city"},
			Evidence: ev, Mentions: []doc.Evidence{ev, ev2}, Reciprocal: true},
			{ID: "e2", Type: "REJECT", CAMEO: "12", Quad: 3, Goldstein: -4.5, Context: []string{}, Source: []doc.Participant{}, Evidence: ev2,
				Mentions: []doc.Evidence{ev2, ev}}},
	}
}

func TestCodecRoundTrip(t *testing.T) {
	c, err := NewCodec()
	if err != nil {
		t.Fatal(err)
	}
	want := richDoc()
	cases := []struct {
		name   string
		encode func(*doc.Document) ([]byte, error)
	}{
		{"range-coded tokens (v7)", c.Encode},
		{"v7 with version-6 tokens", c.encodeV7Legacy},
		{"binary, actors first (v6)", c.encodeV6},
		{"JSON (v3)", c.encodeV3},
		{"binary without built-in bundles (v4)", c.encodeV4},
		{"binary, entities first (v5)", c.encodeV5},
	}
	for _, tc := range cases {
		blob, err := tc.encode(want)
		if err != nil {
			t.Fatal(err)
		}
		got := &doc.Document{ID: want.ID, Text: want.Text}
		if err := c.Decode(blob, got); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if tc.name == "JSON (v3)" {
			// Version 3 made empty slices inside layers nil; compare
			// through JSON with that folded.
			wj, _ := json.Marshal(want)
			gj, _ := json.Marshal(got)
			if fold := strings.NewReplacer(":[]", ":null"); fold.Replace(string(wj)) != fold.Replace(string(gj)) {
				t.Errorf("%s: round trip differs:\n got %s\nwant %s", tc.name, gj, wj)
			}
			continue
		}
		if !reflect.DeepEqual(got, want) {
			wj, _ := json.Marshal(want)
			gj, _ := json.Marshal(got)
			t.Errorf("%s: round trip differs:\n got %s\nwant %s", tc.name, gj, wj)
		}
		// Every truncation is an error, never a panic.
		for n := 0; n < len(blob); n++ {
			if err := c.Decode(blob[:n], &doc.Document{Text: want.Text}); err == nil && n > 0 {
				t.Errorf("%s: blob cut at %d of %d decodes", tc.name, n, len(blob))
			}
		}
	}
}

// encodeV6 is the version-6 encoder (actors before entities, built-in
// bundles, Huffman-coded token columns).
func (c *Codec) encodeV6(d *doc.Document) ([]byte, error) {
	raw := appendBinLayers(nil, d)
	z := c.layerEnc.EncodeAll(raw, nil)
	out := []byte{6}
	out = binary.AppendUvarint(out, uint64(len(z)))
	out = append(out, z...)
	return c.appendTokens(out, d, true), nil
}

// encodeV7Legacy writes a version-7 blob whose token section is the
// version-6 one (what Encode does for tokens the models cannot code) and
// whose layer record is a zstd frame.
func (c *Codec) encodeV7Legacy(d *doc.Document) ([]byte, error) {
	raw := appendBinLayers7(nil, d, false, c.priors.vocabIndex)
	z := c.layerEnc.EncodeAll(raw, []byte{layerZstd})
	out := []byte{codecVersion}
	out = binary.AppendUvarint(out, uint64(len(z)))
	out = append(out, z...)
	out = append(out, tokLegacy)
	return c.appendTokens(out, d, true), nil
}

// encodeV4 is the version-4 encoder (binary layers, explicit tag
// bundles), kept to test that version-4 blobs still decode.
func (c *Codec) encodeV4(d *doc.Document) ([]byte, error) {
	raw := appendBinLayers5(nil, d)
	z := c.layerEnc.EncodeAll(raw, nil)
	out := []byte{codecBinary4}
	out = binary.AppendUvarint(out, uint64(len(z)))
	out = append(out, z...)
	return c.appendTokens(out, d, false), nil
}

// encodeV5 is the version-5 encoder (entities before actors, built-in
// bundles).
func (c *Codec) encodeV5(d *doc.Document) ([]byte, error) {
	raw := appendBinLayers5(nil, d)
	z := c.layerEnc.EncodeAll(raw, nil)
	out := []byte{codecBundles}
	out = binary.AppendUvarint(out, uint64(len(z)))
	out = append(out, z...)
	return c.appendTokens(out, d, true), nil
}

// encodeV3 is the version-3 encoder (JSON layers), kept to test that old
// blobs still decode.
func (c *Codec) encodeV3(d *doc.Document) ([]byte, error) {
	l := stripTexts(d)
	if len(d.Sentences) > 0 {
		l.Sentences = make([][5]int, len(d.Sentences))
		for i, s := range d.Sentences {
			l.Sentences[i] = [5]int{s.Start, s.End, s.FirstToken, s.EndToken, s.Paragraph}
		}
	}
	js, err := json.Marshal(&l)
	if err != nil {
		return nil, err
	}
	z := c.enc.EncodeAll(js, nil)
	out := []byte{codecJSON}
	out = binary.AppendUvarint(out, uint64(len(z)))
	out = append(out, z...)
	return c.appendTokens(out, d, false), nil
}

// TestTextsWithoutDictionary checks that texts compressed before the text
// dictionary (plain zstd frames) still decompress.
func TestTextsWithoutDictionary(t *testing.T) {
	c, err := NewCodec()
	if err != nil {
		t.Fatal(err)
	}
	plain, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"", "Short.", strings.Repeat("The minister met the envoy on Monday. ", 40)} {
		for _, frame := range [][]byte{plain.EncodeAll([]byte(text), nil), c.CompressText(text)} {
			got, err := c.DecompressText(frame)
			if err != nil || got != text {
				t.Errorf("DecompressText = %.40q, %v; want %.40q", got, err, text)
			}
		}
	}
	long := strings.Repeat("The minister met the envoy on Monday. ", 40)
	if a, b := len(c.CompressText(long)), len(plain.EncodeAll([]byte(long), nil)); a >= b {
		t.Errorf("the text dictionary does not help: %d bytes against %d", a, b)
	}
}

// appendBinLayers5 writes the layer record of versions 4 and 5 (entities
// first, names spelled out), kept to test that such blobs still decode.
func appendBinLayers5(b []byte, d *doc.Document) []byte {
	w := &binWriter{b: b, text: d.Text, table: map[string]uint64{"": 0}}
	w.u(uint64(d.Done))

	w.n(len(d.Sentences), d.Sentences == nil)
	prevEnd, prevTok, prevPara := 0, 0, 0
	for _, s := range d.Sentences {
		w.i(s.Start - prevEnd)
		w.i(s.End - s.Start)
		w.i(s.FirstToken - prevTok)
		w.i(s.EndToken - s.FirstToken)
		w.i(s.Paragraph - prevPara)
		prevEnd, prevTok, prevPara = s.End, s.EndToken, s.Paragraph
	}

	w.n(len(d.Entities), d.Entities == nil)
	p := 0
	for _, e := range d.Entities {
		w.str(e.Type)
		w.pos(e.Start, &p)
		w.i(e.End - e.Start)
		w.spanStr(e.Text, e.Start, e.End)
		w.str(e.Actor)
	}

	w.n(len(d.Actors), d.Actors == nil)
	p = 0
	for k, a := range d.Actors {
		w.id(a.ID, "A", k)
		w.str(a.Name)
		w.str(a.Kind)
		w.str(a.Code)
		w.str(a.Country)
		w.str(a.Sector)
		w.str(a.Role)
		w.str(a.CodeFrom)
		w.str(a.Wiki)
		w.n(len(a.Mentions), a.Mentions == nil)
		for _, m := range a.Mentions {
			w.pos(m.Start, &p)
			w.i(m.End - m.Start)
			w.spanStr(m.Text, m.Start, m.End)
			w.str(m.Kind)
		}
	}

	w.n(len(d.Timexes), d.Timexes == nil)
	p = 0
	for k, t := range d.Timexes {
		w.id(t.ID, "t", k)
		w.str(t.Type)
		w.str(t.Value)
		w.pos(t.Start, &p)
		w.i(t.End - t.Start)
		w.spanStr(t.Text, t.Start, t.End)
		w.str(t.Mod)
		w.str(t.Quant)
		w.str(t.Freq)
		w.str(t.Anchor)
		w.bool(t.Interval != nil)
		if t.Interval != nil {
			w.str(t.Interval.Start)
			w.str(t.Interval.End)
		}
		w.str(t.Granularity)
	}

	w.n(len(d.Quotes), d.Quotes == nil)
	p = 0
	for k, q := range d.Quotes {
		w.id(q.ID, "q", k)
		w.pos(q.Start, &p)
		w.i(q.End - q.Start)
		w.spanStr(q.Text, q.Start, q.End)
		w.u(uint64(boolBit(q.Direct) | boolBit(q.Mixed)<<1 | boolBit(q.Cue != nil)<<2 | boolBit(q.Speaker != nil)<<3))
		if c := q.Cue; c != nil {
			w.i(c.Start - q.Start)
			w.i(c.End - c.Start)
			w.spanStr(c.Text, c.Start, c.End)
			w.str(c.Lemma)
		}
		if s := q.Speaker; s != nil {
			w.i(s.Start - q.Start)
			w.i(s.End - s.Start)
			w.spanStr(s.Text, s.Start, s.End)
			w.str(s.Actor)
			w.bool(s.Anonymous)
		}
	}

	w.n(len(d.Events), d.Events == nil)
	p = 0
	for k := range d.Events {
		e := &d.Events[k]
		w.id(e.ID, "e", k)
		w.str(e.Type)
		w.str(e.Mode)
		w.n(len(e.Context), e.Context == nil)
		for _, c := range e.Context {
			w.str(c)
		}
		w.str(e.CAMEO)
		w.i(e.Quad)
		w.f(e.Goldstein)
		w.evidence(&e.Evidence, &p)
		ep := e.Evidence.Start
		for _, side := range [2][]doc.Participant{e.Source, e.Target} {
			w.n(len(side), side == nil)
			for _, pt := range side {
				w.str(pt.Actor)
				w.pos(pt.Start, &ep)
				w.i(pt.End - pt.Start)
				w.spanStr(pt.Text, pt.Start, pt.End)
				w.str(pt.Code)
			}
		}
		w.bool(e.Date != nil)
		if dt := e.Date; dt != nil {
			w.str(dt.Value)
			w.str(dt.Start)
			w.str(dt.End)
			w.str(dt.Granularity)
			w.str(dt.Timex)
		}
		w.str(e.Status)
		w.bool(e.Reported != nil)
		if r := e.Reported; r != nil {
			w.str(r.By)
			w.str(r.Text)
			w.str(r.Quote)
		}
		w.bool(e.Location != nil)
		if l := e.Location; l != nil {
			w.pos(l.Start, &ep)
			w.i(l.End - l.Start)
			w.spanStr(l.Text, l.Start, l.End)
			w.str(l.Name)
			w.str(l.Country)
			w.f(l.Lat)
			w.f(l.Lon)
			w.str(l.Kind)
		}
		// Mentions usually repeat the main evidence first.
		w.n(len(e.Mentions), e.Mentions == nil)
		mp := e.Evidence.Start
		for i := range e.Mentions {
			m := &e.Mentions[i]
			if i == 0 && *m == e.Evidence {
				w.u(0)
				continue
			}
			w.u(1)
			w.evidence(m, &mp)
		}
		w.bool(e.Reciprocal)
	}
	return w.b
}

// codecTestDocs runs the pipeline over three MEANTIME articles (Wikinews,
// CC BY 4.0, in ../shared/data) and returns their documents, or nil when
// the corpus is not there. They are built when the tests run because
// corpus text is not committed.
func codecTestDocs(tb testing.TB) []*doc.Document {
	tb.Helper()
	dir, err := shared.Path("data", "meantime-en", "intra-doc_annotation")
	if err == nil {
		_, err = os.Stat(dir)
	}
	if err != nil {
		tb.Logf("no MEANTIME documents: %v", err)
		return nil
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	if err != nil || len(files) < 3 {
		tb.Fatalf("MEANTIME: %d files, %v", len(files), err)
	}
	sort.Strings(files)
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	var docs []*doc.Document
	for _, f := range []string{files[0], files[len(files)/2], files[len(files)-1]} {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		text := corpus.MEANTIMEText(string(raw))
		d, err := p.Extract(context.Background(), doc.Article{ID: strings.TrimSuffix(filepath.Base(f), ".xml"), Text: text})
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// edgeTokensDoc has tokens that need every escape of the range-coded
// section: a bundle, relation and lemma suffix the priors do not know, a
// long strip, a head on the token itself and a distant head, non-ASCII
// text and a token that ends the text.
func edgeTokensDoc() *doc.Document {
	words := []string{"Ünïcödé", "internationalizations", "met", "the", "envoy"}
	for range 40 {
		words = append(words, "x")
	}
	words = append(words, "—", "end")
	text := strings.Join(words, " ")
	d := &doc.Document{ID: "edge", Text: text, Done: doc.Tokens | doc.Sentences}
	p := 0
	for i, w := range words {
		t := doc.Token{Start: int32(p), End: int32(p + len(w)), Head: int32(i - 1), UPOS: doc.NOUN, XPOS: "NN", Feats: "Number=Sing", Lemma: w, Dep: "dep"}
		p += len(w) + 1
		d.Tokens = append(d.Tokens, t)
	}
	d.Tokens[0].Head, d.Tokens[0].Dep = -1, "root"
	d.Tokens[1].Lemma, d.Tokens[1].UPOS, d.Tokens[1].XPOS, d.Tokens[1].Feats = "zq", doc.X, "ZZZ", "Odd=Yes"
	d.Tokens[2].Lemma, d.Tokens[2].Head, d.Tokens[2].Dep = "meet", 2, "weird:relation"
	d.Tokens[3].Head = int32(len(words) - 1)
	d.Tokens[len(words)-1].Head = 3
	d.Tokens[len(words)-1].Lemma = "ending-suffix-never-seen"
	d.Sentences = []doc.Sentence{{Start: 0, End: len(text), FirstToken: 0, EndToken: len(words)}}
	return d
}

func TestTokenSectionRC(t *testing.T) {
	c, err := NewCodec()
	if err != nil {
		t.Fatal(err)
	}
	overlap := edgeTokensDoc()
	overlap.Tokens[2].Start = overlap.Tokens[1].Start
	outOfStep := edgeTokensDoc()
	outOfStep.Tokens[4].Sent = 1
	cases := []struct {
		name string
		d    *doc.Document
		mode byte
	}{
		{"escapes", edgeTokensDoc(), tokRC},
		{"overlapping tokens", overlap, tokLegacy},
		{"sentence out of step", outOfStep, tokLegacy},
	}
	for _, d := range codecTestDocs(t) {
		cases = append(cases, struct {
			name string
			d    *doc.Document
			mode byte
		}{d.ID, d, tokRC})
	}
	for _, tc := range cases {
		blob, err := c.Encode(tc.d)
		if err != nil {
			t.Fatal(err)
		}
		sec := c.appendTokensRC(nil, tc.d, nil, true)
		if sec[0] != tc.mode {
			t.Errorf("%s: token section mode %d, want %d", tc.name, sec[0], tc.mode)
		}
		if tc.mode == tokRC && len(tc.d.Tokens) > 100 {
			// The priors know news text: at most a third of version 6.
			if old := len(c.appendTokens(nil, tc.d, true)); 3*len(sec) > old {
				t.Errorf("%s: %d tokens in %d bytes, version 6 %d", tc.name, len(tc.d.Tokens), len(sec), old)
			}
		}
		got := &doc.Document{ID: tc.d.ID, Text: tc.d.Text}
		if err := c.Decode(blob, got); err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !reflect.DeepEqual(got.Tokens, tc.d.Tokens) || !reflect.DeepEqual(got.Sentences, tc.d.Sentences) {
			t.Errorf("%s: tokens differ after the round trip", tc.name)
		}
		for n := len(blob) - 8; n < len(blob); n++ {
			if n > 0 && c.Decode(blob[:n], &doc.Document{Text: tc.d.Text}) == nil {
				t.Errorf("%s: blob cut at %d of %d decodes", tc.name, n, len(blob))
			}
		}
	}
}

// BenchmarkCodec encodes and decodes the layers of three MEANTIME
// articles in the current format and in version 6; ns/op is per document.
func BenchmarkCodec(b *testing.B) {
	c, err := NewCodec()
	if err != nil {
		b.Fatal(err)
	}
	docs := codecTestDocs(b)
	if len(docs) == 0 {
		b.Skip("no MEANTIME documents")
	}
	for _, v := range []struct {
		name   string
		encode func(*doc.Document) ([]byte, error)
	}{{"v7", c.Encode}, {"v6", c.encodeV6}} {
		blobs := make([][]byte, len(docs))
		for i, d := range docs {
			if blobs[i], err = v.encode(d); err != nil {
				b.Fatal(err)
			}
		}
		b.Run("Encode/"+v.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, err := v.encode(docs[i%len(docs)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
		b.Run("Decode/"+v.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				d := docs[i%len(docs)]
				if err := c.Decode(blobs[i%len(docs)], &doc.Document{Text: d.Text}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// TestTokenPriorsFrozen guards the priors of format version 7: blobs
// already stored decode only with the priors they were coded with, so new
// priors need a new codec version (and this hash updated with it).
func TestTokenPriorsFrozen(t *testing.T) {
	const want = "f13f7f05a0beb474bef1606eeaf6b8bcb1b7300ad0521423e52c46c90bfb7b17"
	if got := fmt.Sprintf("%x", sha256.Sum256(tokPriorBin)); got != want || codecVersion != 7 {
		t.Errorf("tokprior.bin has sha256 %s (codec version %d), want %s (version 7)", got, codecVersion, want)
	}
	pr, err := sharedTokPriors()
	if err != nil {
		t.Fatal(err)
	}
	if len(pr.forms) != nForms-1 || len(pr.rels) == 0 || len(pr.suffixes) != nSuffixSyms-1 {
		t.Errorf("priors: %d forms, %d relations, %d suffixes", len(pr.forms), len(pr.rels), len(pr.suffixes))
	}
}

// TestCodecSizes reports what the layer blobs of the documents in the gob
// file CHRONICLE_CODEC_DOCS take (TestDumpCodecDocs writes one), in
// version 6 and 7, part by part and model by model, and how long Encode
// and Decode take per document (the best of 7 passes). It checks that
// every document comes back whole.
func TestCodecSizes(t *testing.T) {
	path := os.Getenv("CHRONICLE_CODEC_DOCS")
	if path == "" {
		t.Skip("CHRONICLE_CODEC_DOCS not set")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*doc.Document
	err = gob.NewDecoder(f).Decode(&docs)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCodec()
	if err != nil {
		t.Fatal(err)
	}
	var text, ntok, blob6, blob7, tok6, tok7, lay6, lay7, lay7z, legacy int
	bits := make([]float64, nProbsPad)
	var b6, b7 [][]byte
	for _, d := range docs {
		text += len(d.Text)
		ntok += len(d.Tokens)
		x, _ := c.encodeV6(d)
		y, err := c.Encode(d)
		if err != nil {
			t.Fatal(err)
		}
		b6, b7 = append(b6, x), append(b7, y)
		blob6, blob7 = blob6+len(x), blob7+len(y)
		tok6 += len(c.appendTokens(nil, d, true))
		sentIn := len(d.Tokens) > 0 && rcUsable(d) && sentencesInTokens(d)
		sec := c.appendTokensRCBits(nil, d, nil, bits, sentIn)
		if sec[0] == tokLegacy {
			legacy++
		}
		tok7 += len(sec)
		lay6 += len(c.layerEnc.EncodeAll(appendBinLayers(nil, d), nil))
		raw7 := appendBinLayers7(nil, d, sentIn, c.priors.vocabIndex)
		lay7 += len(c.appendLayersRC(nil, raw7, nil))
		lay7z += len(c.layerEnc.EncodeAll(raw7, nil))
		got := &doc.Document{ID: d.ID, Text: d.Text}
		if err := c.Decode(y, got); err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		want := &doc.Document{ID: d.ID, Text: d.Text, Sentences: d.Sentences, Tokens: d.Tokens, Entities: d.Entities,
			Actors: d.Actors, Timexes: d.Timexes, Quotes: d.Quotes, Events: d.Events, Done: d.Done}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the document does not come back whole", d.ID)
		}
	}
	x := func(n int) string { return fmt.Sprintf("%d bytes (%.3f× the text)", n, float64(n)/float64(text)) }
	t.Logf("%d documents, %d text bytes, %d tokens (%d in version-6 form)", len(docs), text, ntok, legacy)
	t.Logf("blobs: v6 %s, v7 %s", x(blob6), x(blob7))
	t.Logf("token section: v6 %s, v7 %s", x(tok6), x(tok7))
	t.Logf("layer record: v6 zstd %s; v7 record zstd %s, range-coded %s", x(lay6), x(lay7z), x(lay7))
	models := []struct {
		name     string
		from, to int
	}{
		{"token starts", offStart, offEnd}, {"token ends", offEnd, offBundle}, {"sentence starts", offSent, offPara},
		{"paragraphs", offPara, offPara + 4}, {"tag bundles", offBundle, offStrip}, {"lemma strips", offStrip, offSuffix},
		{"lemma suffixes", offSuffix, offDir}, {"head directions", offDir, offHeadPOS}, {"head parts of speech", offHeadPOS, offHeadK},
		{"head counts", offHeadK, offRel}, {"relations", offRel, offGamma}, {"escapes", offGamma, offSent},
	}
	for _, m := range models {
		s := 0.0
		for i := m.from; i < m.to; i++ {
			s += bits[i]
		}
		t.Logf("  v7 tokens, %s: %s", m.name, x(int(s/8+0.5)))
	}
	best := func(f func()) time.Duration {
		b := time.Duration(math.MaxInt64)
		for range 7 {
			t0 := time.Now()
			f()
			b = min(b, time.Since(t0))
		}
		return b / time.Duration(len(docs))
	}
	decode := func(blobs [][]byte) func() {
		return func() {
			for i, b := range blobs {
				if err := c.Decode(b, &doc.Document{Text: docs[i].Text}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	enc6 := best(func() {
		for _, d := range docs {
			c.encodeV6(d)
		}
	})
	enc7 := best(func() {
		for _, d := range docs {
			c.Encode(d)
		}
	})
	t.Logf("per document: encode v6 %v, v7 %v; decode v6 %v, v7 %v", enc6, enc7, best(decode(b6)), best(decode(b7)))
}
