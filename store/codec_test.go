package store

import (
	"encoding/binary"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
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
		{"binary (v4)", c.Encode},
		{"JSON (v3)", c.encodeV3},
		{"binary without built-in bundles (v4)", c.encodeV4},
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

// encodeV4 is the version-4 encoder (binary layers, explicit tag
// bundles), kept to test that version-4 blobs still decode.
func (c *Codec) encodeV4(d *doc.Document) ([]byte, error) {
	raw := appendBinLayers(nil, d)
	z := c.layerEnc.EncodeAll(raw, nil)
	out := []byte{codecBinary4}
	out = binary.AppendUvarint(out, uint64(len(z)))
	out = append(out, z...)
	return c.appendTokens(out, d, false), nil
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
