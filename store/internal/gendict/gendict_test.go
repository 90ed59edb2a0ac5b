package gendict_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/corpus"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/store"
	"github.com/klauspost/compress/dict"
)

// meantimeTexts returns the 120 MEANTIME (Wikinews, CC BY 4.0) articles as
// plain text, their tokens joined with the usual spacing.
func meantimeTexts(t *testing.T) []string {
	dir := shared.TestPath(t, "data", "meantime-en", "intra-doc_annotation")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	if err != nil || len(files) == 0 {
		t.Skip("no MEANTIME documents")
	}
	var out []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, corpus.MEANTIMEText(string(raw)))
	}
	return out
}

// TestGenerateDicts rebuilds the codec's zstd dictionaries from MEANTIME:
// one from the article texts, one from the binary layer records the
// pipeline makes of them. CHRONICLE_GEN_DICTS=1 writes them; a change of
// either needs a new dictionary ID (old frames name the one they used).
func TestGenerateDicts(t *testing.T) {
	if os.Getenv("CHRONICLE_GEN_DICTS") == "" {
		t.Skip("CHRONICLE_GEN_DICTS not set")
	}
	texts := meantimeTexts(t)
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	codec, err := store.NewCodec()
	if err != nil {
		t.Fatal(err)
	}
	var textIn, layerIn [][]byte
	for i, text := range texts {
		d, err := p.Extract(context.Background(), doc.Article{ID: strings.Repeat("x", i%3), Text: text})
		if err != nil {
			t.Fatal(err)
		}
		textIn = append(textIn, []byte(text))
		layerIn = append(layerIn, codec.LayerRecord(d))
	}
	td, err := dict.BuildZstdDict(textIn, dict.Options{MaxDictSize: 16 << 10, HashBytes: 6, ZstdDictID: store.TextDictID})
	if err != nil {
		t.Fatal(err)
	}
	ld, err := dict.BuildZstdDict(layerIn, dict.Options{MaxDictSize: 8 << 10, HashBytes: 4, ZstdDictID: store.LayerDictID})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("../../textdict.zstd", td, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("../../layerdict.zstd", ld, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("text dictionary %d bytes, layer dictionary %d bytes", len(td), len(ld))
}
