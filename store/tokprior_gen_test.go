//go:build tokgen

package store

import (
	"context"
	"encoding/gob"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/klauspost/compress/zstd"
)

var (
	genTMLText  = regexp.MustCompile(`(?s)<TEXT>(.*?)</TEXT>`)
	genTMLTitle = regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
	genTMLDCT   = regexp.MustCompile(`<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>`)
	genTMLValue = regexp.MustCompile(`value="(\d{4}-\d{2}-\d{2})`)
	genTMLTag   = regexp.MustCompile(`<[^>]+>`)
)

// priorDocs runs the pipeline over the TempEval-3 silver documents after
// the first 600 (sorted by name; the store benchmarks read those 600), or
// reads them from CHRONICLE_TOKPRIOR_GOB when that file exists (and writes
// it when it does not).
func priorDocs(t *testing.T) []*doc.Document {
	cache := os.Getenv("CHRONICLE_TOKPRIOR_GOB")
	if cache != "" {
		if f, err := os.Open(cache); err == nil {
			defer f.Close()
			var docs []*doc.Document
			if err := gob.NewDecoder(f).Decode(&docs); err != nil {
				t.Fatal(err)
			}
			return docs
		}
	}
	dir := shared.TestPath(t, "data", "unlabeled-news", "te3-silver")
	names, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil || len(names) < 1600 {
		t.Fatalf("te3-silver: %d documents, %v", len(names), err)
	}
	sort.Strings(names)
	names = names[600:]
	var arts []doc.Article
	for _, name := range names {
		if a, ok := silverArticle(t, name); ok {
			arts = append(arts, a)
		}
	}
	out := extractAll(t, arts)
	if cache != "" {
		f, err := os.Create(cache)
		if err != nil {
			t.Fatal(err)
		}
		if err := gob.NewEncoder(f).Encode(out); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	return out
}

// silverArticle reads a TempEval-3 silver document as the ingest
// benchmark does (text and title without tags, creation date).
func silverArticle(t *testing.T, name string) (doc.Article, bool) {
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	m := genTMLText.FindStringSubmatch(s)
	if m == nil {
		return doc.Article{}, false
	}
	a := doc.Article{ID: strings.TrimSuffix(filepath.Base(name), ".tml"),
		Text: strings.TrimSpace(html.UnescapeString(genTMLTag.ReplaceAllString(m[1], "")))}
	if tm := genTMLTitle.FindStringSubmatch(s); tm != nil {
		a.Title = strings.TrimSpace(html.UnescapeString(genTMLTag.ReplaceAllString(tm[1], "")))
	}
	if d := genTMLDCT.FindString(s); d != "" {
		if v := genTMLValue.FindStringSubmatch(d); v != nil {
			a.Published, _ = time.Parse("2006-01-02", v[1])
		}
	}
	return a, true
}

// extractAll runs the pipeline over articles, two at a time, in order.
func extractAll(t *testing.T, arts []doc.Article) []*doc.Document {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]*doc.Document, len(arts))
	sem := make(chan struct{}, 2)
	errs := make(chan error, len(arts))
	for i, a := range arts {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			d, err := p.Extract(context.Background(), a)
			if err != nil {
				errs <- err
				return
			}
			docs[i] = d
		}()
	}
	for range cap(sem) {
		sem <- struct{}{}
	}
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	return docs
}

// TestGenerateTokenPrior rebuilds tokprior.bin, the priors of the token
// models of format version 7, from the pipeline's output on the TempEval-3
// silver documents after the first 600: go test -tags tokgen -run
// TestGenerateTokenPrior ./store/ with CHRONICLE_GEN_TOKPRIOR=1. A change
// needs a new codec version.
func TestGenerateTokenPrior(t *testing.T) {
	if os.Getenv("CHRONICLE_GEN_TOKPRIOR") == "" {
		t.Skip("CHRONICLE_GEN_TOKPRIOR not set")
	}
	docs := priorDocs(t)
	t.Logf("%d documents", len(docs))
	pr := countTokPriors(t, docs)
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
	if err != nil {
		t.Fatal(err)
	}
	out := enc.EncodeAll(pr.marshal(), nil)
	if err := os.WriteFile("tokprior.bin", out, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("tokprior.bin: %d bytes (%d forms, %d relations, %d suffixes, %d strings)", len(out), len(pr.forms), len(pr.rels), len(pr.suffixes), len(pr.vocab))
}

// countTokPriors builds priors from documents: the frequent forms,
// relations and suffixes, then each probability from how often its bit
// was 0 and 1 when the documents are coded with flat models.
func countTokPriors(t *testing.T, docs []*doc.Document) *tokPriors {
	forms, rels, sufs := map[string]int{}, map[string]int{}, map[string]int{}
	for _, d := range docs {
		for _, tk := range d.Tokens {
			if tk.Start < 0 || tk.End < tk.Start || int(tk.End) > len(d.Text) {
				continue
			}
			form := d.Text[tk.Start:tk.End]
			forms[string(lowerASCII(nil, form))]++
			rels[tk.Dep]++
			if strip, suf := lemmaParts(form, tk.Lemma); strip > 0 {
				sufs[suf]++
			}
		}
	}
	top := func(m map[string]int, n int) []string {
		var all []string
		for k := range m {
			all = append(all, k)
		}
		sort.Slice(all, func(i, j int) bool {
			if m[all[i]] != m[all[j]] {
				return m[all[i]] > m[all[j]]
			}
			return all[i] < all[j]
		})
		if len(all) > n {
			all = all[:n]
		}
		return all
	}
	// The layer record's vocabulary: the strings it spells out most often.
	spelled := map[string]int{}
	for _, d := range docs {
		sentIn := len(d.Tokens) > 0 && rcUsable(d) && sentencesInTokens(d)
		appendBinLayers7Hook(nil, d, sentIn, nil, func(s string) { spelled[s]++ })
	}
	for s, n := range spelled {
		if n < 3 {
			delete(spelled, s)
		}
	}
	vocab1 := top(spelled, nVocab)
	forms1, rels1, sufs1 := top(forms, nForms-1), top(rels, nRelSyms-1), top(sufs, nSuffixSyms-1)
	// Pass 1 counts every symbol through its tree, which gives the tops;
	// pass 2 counts what the coder codes with those tops.
	count := func(tops []uint8, noHits bool) *tokPriors {
		flat := flatTokPriors(forms1, rels1, sufs1, vocab1, tops)
		c, err := newCodecWith(flat)
		if err != nil {
			t.Fatal(err)
		}
		c.noHits = noHits
		counts := make([]uint32, 2*nProbsPad)
		for _, d := range docs {
			sentIn := len(d.Tokens) > 0 && rcUsable(d) && sentencesInTokens(d)
			c.appendTokensRC(nil, d, counts, sentIn)
			c.appendLayersRC(nil, appendBinLayers7(nil, d, sentIn, flat.vocabIndex), counts)
		}
		pr := &tokPriors{forms: forms1, rels: rels1, suffixes: sufs1, vocab: vocab1, tops: tops, probs: make([]uint16, nProbsPad)}
		const a = 0.4
		for i := range pr.probs {
			c0, c1 := float64(counts[2*i]), float64(counts[2*i+1])
			p := (c0 + a) / (c0 + c1 + 2*a) * rcProbOne
			pr.probs[i] = uint16(max(rcProbMin, min(rcProbMax, int(p+0.5))))
		}
		return pr
	}
	pr := count(make([]uint8, nTops), true)
	pr.computeTops()
	pr = count(pr.tops, false)
	pr.index()
	return pr
}

// TestDumpCodecDocs runs the pipeline over articles and writes the
// documents (gob) to CHRONICLE_DUMP_DOCS, for TestCodecSizes: the first
// 600 TempEval-3 silver documents, or the {"id", "text"} lines of
// CHRONICLE_DUMP_JSONL.
func TestDumpCodecDocs(t *testing.T) {
	out := os.Getenv("CHRONICLE_DUMP_DOCS")
	if out == "" {
		t.Skip("CHRONICLE_DUMP_DOCS not set")
	}
	var arts []doc.Article
	if in := os.Getenv("CHRONICLE_DUMP_JSONL"); in != "" {
		raw, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(raw)) {
			var rec struct{ ID, Text string }
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatal(err)
			}
			arts = append(arts, doc.Article{ID: rec.ID, Text: rec.Text})
		}
	} else {
		dir := shared.TestPath(t, "data", "unlabeled-news", "te3-silver")
		names, err := filepath.Glob(filepath.Join(dir, "*.tml"))
		if err != nil || len(names) < 600 {
			t.Fatalf("te3-silver: %d documents, %v", len(names), err)
		}
		sort.Strings(names)
		for _, name := range names[:600] {
			if a, ok := silverArticle(t, name); ok {
				arts = append(arts, a)
			}
		}
	}
	docs := extractAll(t, arts)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := gob.NewEncoder(f).Encode(docs); err != nil {
		t.Fatal(err)
	}
}
