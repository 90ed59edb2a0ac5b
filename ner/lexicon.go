package ner

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/internal/corpus"
)

// nLevels is the number of cluster granularities (coarse to fine).
const nLevels = 3

// branching is the number of k-means children per level.
var branching = [nLevels]int{32, 16, 8}

// lexEntry is what the lexicon knows about a lowercase word.
type lexEntry struct {
	clus     [nLevels]uint16 // cluster ids per level; 0 = unknown word
	capRatio uint8           // 0 unknown, 1..5 from never to always capitalised mid-sentence
}

// lexicon maps lowercase words (digits as 0) to clusters learnt from
// unlabelled text and to their capitalisation habits.
type lexicon struct {
	m map[string]lexEntry
}

func (l *lexicon) lookup(low []byte) lexEntry { return l.m[string(low)] }

// LexiconOptions configure cluster learning.
type LexiconOptions struct {
	MinCount int    // words seen fewer times get no cluster (default 3)
	MaxVocab int    // most frequent words clustered (default 60000)
	Contexts int    // most frequent words used as context features (default 1000)
	Dim      int    // dimension of the random projection (default 160)
	Iters    int    // k-means iterations per split (default 12)
	Seed     uint64 // random seed
}

func (o *LexiconOptions) defaults() {
	if o.MinCount <= 0 {
		o.MinCount = 3
	}
	if o.MaxVocab <= 0 {
		o.MaxVocab = 60000
	}
	if o.Contexts <= 0 {
		o.Contexts = 1000
	}
	if o.Dim <= 0 {
		o.Dim = 160
	}
	if o.Iters <= 0 {
		o.Iters = 12
	}
}

// lowerKey returns the lexicon key of a token: normalised, lower case,
// digits as 0.
func lowerKey(tok string) string {
	x := newExtractor(nil)
	x.load([]string{tok}, []int32{0, 1})
	return string(x.str(x.toks[0].low))
}

// readTimeMLText returns the tokens of a TimeML/XML file's text (tags
// stripped), one slice per line, split on white space with punctuation
// peeled off.
func readTimeMLText(path string) ([][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var lines [][]string
	sc := bufio.NewScanner(strings.NewReader(corpus.TimeMLText(string(b))))
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		var toks []string
		for _, w := range strings.Fields(sc.Text()) {
			toks = appendSplit(toks, w)
		}
		if len(toks) > 0 {
			lines = append(lines, toks)
		}
	}
	return lines, sc.Err()
}

// appendSplit splits leading and trailing punctuation and clitics off w.
func appendSplit(dst []string, w string) []string {
	var tail []string
	for w != "" {
		r, n := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		dst = append(dst, w[:n])
		w = w[n:]
	}
	for w != "" {
		r, n := utf8.DecodeLastRuneInString(w)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		if r == '.' && len(w) > 1 && strings.Count(w, ".") > 1 { // U.S.
			break
		}
		tail = append(tail, w[len(w)-n:])
		w = w[:len(w)-n]
	}
	lw := strings.ToLower(w)
	for _, cl := range []string{"'s", "’s", "n't", "'re", "'ll", "'ve", "'d", "'m"} {
		if len(w) > len(cl) && strings.HasSuffix(lw, cl) {
			dst = append(dst, w[:len(w)-len(cl)], w[len(w)-len(cl):])
			w = ""
			break
		}
	}
	if w != "" {
		dst = append(dst, w)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		dst = append(dst, tail[i])
	}
	return dst
}

// unlabelledText gathers token lines for cluster learning: the TimeML
// files under dirs and the sentences of the training documents.
func unlabelledText(ctx context.Context, dirs []string, docs []Doc) ([][]string, error) {
	var lines [][]string
	for _, dir := range dirs {
		var paths []string
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(p, ".tml") || strings.HasSuffix(p, ".txt")) {
				paths = append(paths, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("unlabelled text: %w", err)
		}
		sort.Strings(paths)
		for _, p := range paths {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			ls, err := readTimeMLText(p)
			if err != nil {
				return nil, fmt.Errorf("unlabelled text: %s: %w", p, err)
			}
			lines = append(lines, ls...)
		}
	}
	for _, d := range docs {
		for _, s := range d.Sents {
			lines = append(lines, s.Tokens)
		}
	}
	return lines, nil
}

// buildLexicon learns word clusters and capitalisation ratios from token
// lines: PPMI context vectors (two words left and right), a random
// projection, then hierarchical spherical k-means.
func buildLexicon(ctx context.Context, lines [][]string, o LexiconOptions) (*lexicon, error) {
	o.defaults()
	rng := rand.New(rand.NewPCG(o.Seed, 0x6e6572))
	// keys and counts
	ids := map[string]int32{}
	var words []string
	var freq []int
	var capN, capTotal []int
	enc := make([][]int32, len(lines))
	x := newExtractor(nil)
	for li, toks := range lines {
		x.load(toks, []int32{0, int32(len(toks))})
		e := make([]int32, len(toks))
		allCaps := true
		for i := range x.toks {
			if x.toks[i].flags&tfLetter != 0 && x.toks[i].flags&tfAllCaps == 0 {
				allCaps = false
			}
		}
		for i := range x.toks {
			k := string(x.str(x.toks[i].low))
			id, ok := ids[k]
			if !ok {
				id = int32(len(words))
				ids[k] = id
				words = append(words, k)
				freq = append(freq, 0)
				capN = append(capN, 0)
				capTotal = append(capTotal, 0)
			}
			freq[id]++
			e[i] = id
			f := x.toks[i].flags
			if f&tfLetter != 0 && !allCaps && i > 0 && !sentenceEnd(toks[i-1]) && f&tfInit == 0 {
				capTotal[id]++
				if f&tfCap != 0 {
					capN[id]++
				}
			}
		}
		enc[li] = e
	}
	order := make([]int32, len(words))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(a, b int) bool {
		fa, fb := freq[order[a]], freq[order[b]]
		if fa != fb {
			return fa > fb
		}
		return words[order[a]] < words[order[b]]
	})
	ctxID := make([]int32, len(words))
	vocID := make([]int32, len(words))
	for i := range ctxID {
		ctxID[i], vocID[i] = -1, -1
	}
	nv := 0
	for rank, w := range order {
		if rank < o.Contexts {
			ctxID[w] = int32(rank)
		}
		if rank < o.MaxVocab && freq[w] >= o.MinCount {
			vocID[w] = int32(nv)
			nv++
		}
	}
	// co-occurrence counts: per vocab word a map from context feature to count
	const window = 2
	nCtx := 2 * window * o.Contexts
	cooc := make([]map[int32]float32, nv)
	ctxTotal := make([]float64, nCtx)
	total := 0.0
	for li, e := range enc {
		if li%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		for i, w := range e {
			v := vocID[w]
			if v < 0 {
				continue
			}
			if cooc[v] == nil {
				cooc[v] = map[int32]float32{}
			}
			for d := -window; d <= window; d++ {
				j := i + d
				if d == 0 || j < 0 || j >= len(e) {
					continue
				}
				c := ctxID[e[j]]
				if c < 0 {
					continue
				}
				slot := d + window
				if d > 0 {
					slot--
				}
				f := int32(slot)*int32(o.Contexts) + c
				cooc[v][f]++
				ctxTotal[f]++
				total++
			}
		}
	}
	// smoothed context distribution
	var ctxNorm float64
	for i := range ctxTotal {
		ctxTotal[i] = math.Pow(ctxTotal[i], 0.75)
		ctxNorm += ctxTotal[i]
	}
	// random projection matrix, deterministic
	proj := make([]float32, nCtx*o.Dim)
	for i := range proj {
		proj[i] = float32(rng.NormFloat64())
	}
	vecs := make([]float32, nv*o.Dim)
	for v := 0; v < nv; v++ {
		row := vecs[v*o.Dim : (v+1)*o.Dim]
		var wt float64
		for _, n := range cooc[v] {
			wt += float64(n)
		}
		keys := make([]int32, 0, len(cooc[v]))
		for f := range cooc[v] {
			keys = append(keys, f)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		for _, f := range keys {
			n := cooc[v][f]
			pmi := math.Log(float64(n) * ctxNorm / (wt * ctxTotal[f]))
			if pmi <= 0 {
				continue
			}
			p := proj[int(f)*o.Dim : (int(f)+1)*o.Dim]
			for d := range row {
				row[d] += float32(pmi) * p[d]
			}
		}
		normalize(row)
	}
	// hierarchical k-means
	assign := make([][nLevels]uint16, nv)
	groups := [][]int32{make([]int32, nv)}
	for i := range groups[0] {
		groups[0][i] = int32(i)
	}
	next := 1
	for lv := 0; lv < nLevels; lv++ {
		var sub [][]int32
		next = 1
		for _, g := range groups {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			parts := kmeans(vecs, o.Dim, g, branching[lv], o.Iters, rng)
			for _, p := range parts {
				if len(p) == 0 {
					continue
				}
				for _, v := range p {
					assign[v][lv] = uint16(next)
				}
				next++
				sub = append(sub, p)
			}
		}
		groups = sub
	}
	lex := &lexicon{m: make(map[string]lexEntry, len(words))}
	for w, k := range words {
		var e lexEntry
		if v := vocID[w]; v >= 0 {
			e.clus = assign[v]
		}
		if capTotal[w] >= 2 {
			r := float64(capN[w]) / float64(capTotal[w])
			switch {
			case r < 0.05:
				e.capRatio = 1
			case r < 0.3:
				e.capRatio = 2
			case r < 0.7:
				e.capRatio = 3
			case r < 0.95:
				e.capRatio = 4
			default:
				e.capRatio = 5
			}
		}
		if e != (lexEntry{}) {
			lex.m[k] = e
		}
	}
	return lex, nil
}

func sentenceEnd(tok string) bool {
	switch tok {
	case ".", "!", "?", ":", ";", "\"", "''", "``", "“", "”", "-", "--", "(", ")":
		return true
	}
	return false
}

func normalize(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// kmeans splits the points idx into at most k groups by spherical k-means.
func kmeans(vecs []float32, dim int, idx []int32, k, iters int, rng *rand.Rand) [][]int32 {
	if len(idx) <= k {
		out := make([][]int32, len(idx))
		for i, v := range idx {
			out[i] = []int32{v}
		}
		return out
	}
	cent := make([]float32, k*dim)
	perm := rng.Perm(len(idx))
	for c := 0; c < k; c++ {
		v := idx[perm[c]]
		copy(cent[c*dim:(c+1)*dim], vecs[int(v)*dim:(int(v)+1)*dim])
	}
	lab := make([]int, len(idx))
	for it := 0; it < iters; it++ {
		for i, v := range idx {
			p := vecs[int(v)*dim : (int(v)+1)*dim]
			best, bs := 0, float32(-2)
			for c := 0; c < k; c++ {
				if s := dot(p, cent[c*dim:(c+1)*dim]); s > bs {
					best, bs = c, s
				}
			}
			lab[i] = best
		}
		clear(cent)
		for i, v := range idx {
			p := vecs[int(v)*dim : (int(v)+1)*dim]
			c := cent[lab[i]*dim : (lab[i]+1)*dim]
			for d := range c {
				c[d] += p[d]
			}
		}
		for c := 0; c < k; c++ {
			normalize(cent[c*dim : (c+1)*dim])
		}
	}
	out := make([][]int32, k)
	for i, v := range idx {
		out[lab[i]] = append(out[lab[i]], v)
	}
	return out
}
