package store

import (
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
)

// FuzzCodecDecode decodes arbitrary blobs: a corrupt layer blob must give
// an error, never a panic.
func FuzzCodecDecode(f *testing.F) {
	c, err := NewCodec()
	if err != nil {
		f.Fatal(err)
	}
	text := "Alpha met Beta in Paris. They talked."
	d := &doc.Document{Text: text, Done: doc.Tokens,
		Tokens:   []doc.Token{{Start: 0, End: 5, Head: 1, UPOS: doc.PROPN, XPOS: "NNP", Lemma: "Alpha", Dep: "nsubj"}, {Start: 6, End: 9, Head: -1, UPOS: doc.VERB, XPOS: "VBD", Lemma: "meet", Dep: "root"}},
		Entities: []doc.Entity{{Type: "PER", Text: "Alpha", Start: 0, End: 5}}}
	blob, err := c.Encode(d)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(blob, text)
	for _, d := range []*doc.Document{richDoc(), edgeTokensDoc()} {
		blob, err := c.Encode(d)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(blob, d.Text)
		legacy, err := c.encodeV6(d)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(legacy, d.Text)
	}
	f.Add([]byte{codecVersion, 0x28, 0xb5, 0x2f, 0xfd}, text)
	f.Add([]byte{}, "")
	f.Fuzz(func(t *testing.T, blob []byte, text string) {
		var out doc.Document
		out.Text = text
		_ = c.Decode(blob, &out)
	})
}

// FuzzDayRange checks date parsing on arbitrary values.
func FuzzDayRange(f *testing.F) {
	for _, s := range []string{"2025-02-18", "2025-W08", "199X", "2025-Q1", "2025-02-18T10:00", "XXXX-WXX-1", "2025-13"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		lo, hi, ok := DayRange(v)
		if ok && lo > hi {
			t.Errorf("DayRange(%q) = %s..%s", v, lo, hi)
		}
	})
}

// FuzzBinLayers reads arbitrary binary layer records (before zstd): an
// error or layers, never a panic.
func FuzzBinLayers(f *testing.F) {
	d := richDoc()
	f.Add(appendBinLayers(nil, d), d.Text, uint8(6))
	f.Add(appendBinLayers5(nil, d), d.Text, uint8(5))
	f.Add([]byte{0, 1, 0, 0, 0, 0}, "", uint8(6))
	f.Fuzz(func(t *testing.T, b []byte, text string, version uint8) {
		out := doc.Document{Text: text}
		_ = readBinLayers(b, &out, int(version))
	})
}

// FuzzBinLayers7 reads arbitrary version-7 layer records over the tokens
// of a whitespace split of the text: an error or layers, never a panic.
func FuzzBinLayers7(f *testing.F) {
	d := richDoc()
	f.Add(appendBinLayers7(nil, d, false, nil), d.Text)
	e := edgeTokensDoc()
	f.Add(appendBinLayers7(nil, e, true, nil), e.Text)
	f.Add([]byte{0, 1, 1, 0, 0, 0, 0}, "a b")
	f.Fuzz(func(t *testing.T, b []byte, text string) {
		out := doc.Document{Text: text}
		_ = readBinLayers7(b, &out, nil, func(sentIn bool) error {
			p := 0
			for _, w := range strings.Fields(text) {
				k := strings.Index(text[p:], w) + p
				out.Tokens = append(out.Tokens, doc.Token{Start: int32(k), End: int32(k + len(w))})
				p = k + len(w)
			}
			if sentIn {
				out.Sentences = []doc.Sentence{{Start: 0, End: len(text), EndToken: len(out.Tokens)}}
			}
			return nil
		})
	})
}
