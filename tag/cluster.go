package tag

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/corpus"
	"github.com/chronicle-news/chronicle/tag/percep"
	"github.com/chronicle-news/chronicle/tokenize"
)

// Clusters maps words to distributional word classes learnt from
// unlabelled text with the exchange algorithm (a class-bigram language
// model, as in Brown clustering), at a coarse and a fine granularity. Keys
// are lowercase forms with digits replaced by 0. It is immutable.
type Clusters struct {
	m map[string][2]uint16 // classes are 1-based; 0 = unknown word
}

// ClusterKey appends the lookup key of form to buf.
func ClusterKey(buf []byte, form string) []byte {
	buf = lowerInto(buf, form)
	for i, c := range buf {
		if c >= '0' && c <= '9' {
			buf[i] = '0'
		}
	}
	return buf
}

// Lookup returns the coarse and fine class of a key made by ClusterKey
// (0, 0 for unknown words).
func (c *Clusters) Lookup(key []byte) (coarse, fine uint16) {
	if c == nil {
		return 0, 0
	}
	v := c.m[string(key)]
	return v[0], v[1]
}

// Len returns the number of words with classes.
func (c *Clusters) Len() int {
	if c == nil {
		return 0
	}
	return len(c.m)
}

func (c *Clusters) encode(e *encoder) {
	keys := make([]string, 0, c.Len())
	if c != nil {
		for k := range c.m {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	e.uv(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		v := c.m[k]
		e.uv(uint64(v[0]))
		e.uv(uint64(v[1]))
	}
}

// EncodeClusters appends the binary form of c to buf (for other models
// that embed the same clusters).
func EncodeClusters(buf []byte, c *Clusters) []byte {
	var e encoder
	c.encode(&e)
	return append(buf, e.buf.Bytes()...)
}

// DecodeClusters reads clusters written by EncodeClusters from the start
// of data and returns them with the number of bytes used.
func DecodeClusters(data []byte) (*Clusters, int, error) {
	d := &decoder{data: data}
	c := decodeClusters(d)
	if d.err != nil {
		return nil, 0, fmt.Errorf("clusters: %w", d.err)
	}
	return c, d.p, nil
}

func decodeClusters(d *decoder) *Clusters {
	n := d.count()
	c := &Clusters{m: make(map[string][2]uint16, n)}
	for i := 0; i < n && d.err == nil; i++ {
		k := d.str()
		a, b := d.uv(), d.uv()
		if a > math.MaxUint16 || b > math.MaxUint16 {
			d.err = errors.New("cluster id out of range")
		}
		c.m[k] = [2]uint16{uint16(a), uint16(b)}
	}
	return c
}

// ClusterOptions control cluster learning.
type ClusterOptions struct {
	Coarse, Fine int    // numbers of classes (default 32 and 256)
	MinCount     int    // words seen fewer times get no class (default 3)
	MaxVocab     int    // most frequent words clustered (default 40000)
	Iters        int    // exchange passes (default 8)
	Seed         uint64 // unused by the deterministic algorithm; kept for the CLI
	Log          *slog.Logger
}

// UnlabelledSentences reads TimeML (.tml) files under dir, strips their
// markup and tokenizes each line with the tokenize package.
func UnlabelledSentences(ctx context.Context, dir string) ([][]string, error) {
	tk, err := tokenize.New()
	if err != nil {
		return nil, err
	}
	var paths []string
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out [][]string
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(corpus.TimeMLText(string(b)), "\n") {
			toks := tk.Tokenize(line, nil)
			if len(toks) == 0 {
				continue
			}
			ws := make([]string, len(toks))
			for i, t := range toks {
				ws[i] = line[t.Start:t.End]
			}
			out = append(out, ws)
		}
	}
	return out, nil
}

// LearnClusters learns coarse and fine word classes from sentences with
// the exchange algorithm. The result depends only on the input.
func LearnClusters(ctx context.Context, sents [][]string, o ClusterOptions) (*Clusters, error) {
	if o.Coarse <= 0 {
		o.Coarse = 32
	}
	if o.Fine <= 0 {
		o.Fine = 256
	}
	if o.MinCount <= 0 {
		o.MinCount = 3
	}
	if o.MaxVocab <= 0 {
		o.MaxVocab = 40000
	}
	if o.Iters <= 0 {
		o.Iters = 8
	}
	log := o.Log
	if log == nil {
		log = slog.Default()
	}
	freq := map[string]int{}
	var buf []byte
	for _, s := range sents {
		for _, w := range s {
			buf = ClusterKey(buf[:0], w)
			freq[string(buf)]++
		}
	}
	words := make([]string, 0, len(freq))
	for w, n := range freq {
		if n >= o.MinCount {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if freq[words[i]] != freq[words[j]] {
			return freq[words[i]] > freq[words[j]]
		}
		return words[i] < words[j]
	})
	if len(words) > o.MaxVocab {
		words = words[:o.MaxVocab]
	}
	if len(words) == 0 {
		return nil, errors.New("clusters: no words")
	}
	id := make(map[string]int32, len(words))
	for i, w := range words {
		id[w] = int32(i + 2) // 0 = boundary, 1 = other
	}
	V := len(words) + 2
	// bigram counts between word ids
	type pair struct{ a, b int32 }
	big := map[pair]int32{}
	for _, s := range sents {
		prev := int32(0)
		for _, w := range s {
			buf = ClusterKey(buf[:0], w)
			cur, ok := id[string(buf)]
			if !ok {
				cur = 1
			}
			big[pair{prev, cur}]++
			prev = cur
		}
		big[pair{prev, 0}]++
	}
	type nb struct {
		w int32
		n int32
	}
	succ := make([][]nb, V)
	pred := make([][]nb, V)
	keys := make([]pair, 0, len(big))
	for p := range big {
		keys = append(keys, p)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].a != keys[j].a {
			return keys[i].a < keys[j].a
		}
		return keys[i].b < keys[j].b
	})
	fL := make([]float64, V) // times the word is a left member of a bigram
	fR := make([]float64, V)
	for _, p := range keys {
		n := big[p]
		if p.a == p.b {
			continue // self-bigrams are ignored (approximation)
		}
		succ[p.a] = append(succ[p.a], nb{p.b, n})
		pred[p.b] = append(pred[p.b], nb{p.a, n})
		fL[p.a] += float64(n)
		fR[p.b] += float64(n)
	}
	run := func(K int) ([]int32, error) {
		// classes 0..K-1 for words; K = boundary, K+1 = other words (fixed)
		C := K + 2
		cls := make([]int32, V)
		cls[0], cls[1] = int32(K), int32(K+1)
		for w := 2; w < V; w++ {
			cls[w] = int32((w - 2) % K)
		}
		N := make([]float64, C*C)
		NL := make([]float64, C)
		NR := make([]float64, C)
		for a := 0; a < V; a++ {
			for _, e := range succ[a] {
				N[int(cls[a])*C+int(cls[e.w])] += float64(e.n)
			}
			NL[cls[a]] += fL[a]
			NR[cls[a]] += fR[a]
		}
		g := func(x float64) float64 {
			if x <= 0 {
				return 0
			}
			return x * math.Log(x)
		}
		sc := make([]float64, C) // successor counts by class for the current word
		pc := make([]float64, C)
		var sl, pl []int32
		gain := make([]float64, K)
		for it := 0; it < o.Iters; it++ {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			moved := 0
			for w := 2; w < V; w++ {
				// aggregate neighbours by class
				sl, pl = sl[:0], pl[:0]
				for _, e := range succ[w] {
					c := cls[e.w]
					if sc[c] == 0 {
						sl = append(sl, c)
					}
					sc[c] += float64(e.n)
				}
				for _, e := range pred[w] {
					c := cls[e.w]
					if pc[c] == 0 {
						pl = append(pl, c)
					}
					pc[c] += float64(e.n)
				}
				old := int(cls[w])
				// remove w from its class
				for _, c := range sl {
					N[old*C+int(c)] -= sc[c]
				}
				for _, c := range pl {
					N[int(c)*C+old] -= pc[c]
				}
				NL[old] -= fL[w]
				NR[old] -= fR[w]
				best, bestGain := old, math.Inf(-1)
				for k := 0; k < K; k++ {
					d := 0.0
					row := N[k*C : (k+1)*C]
					for _, c := range sl {
						x := row[c]
						d += g(x+sc[c]) - g(x)
					}
					for _, c := range pl {
						x := N[int(c)*C+k]
						d += g(x+pc[c]) - g(x)
					}
					d -= g(NL[k]+fL[w]) - g(NL[k])
					d -= g(NR[k]+fR[w]) - g(NR[k])
					gain[k] = d
					if d > bestGain+1e-9 || (k == old && d >= bestGain-1e-9) {
						best, bestGain = k, d
					}
				}
				if best != old {
					moved++
				}
				cls[w] = int32(best)
				for _, c := range sl {
					N[best*C+int(c)] += sc[c]
					sc[c] = 0
				}
				for _, c := range pl {
					N[int(c)*C+best] += pc[c]
					pc[c] = 0
				}
				NL[best] += fL[w]
				NR[best] += fR[w]
			}
			log.Info("clusters", "classes", K, "iteration", it+1, "moved", moved)
			if moved == 0 {
				break
			}
		}
		return cls, nil
	}
	coarse, err := run(o.Coarse)
	if err != nil {
		return nil, err
	}
	fine, err := run(o.Fine)
	if err != nil {
		return nil, err
	}
	c := &Clusters{m: make(map[string][2]uint16, len(words))}
	for i, w := range words {
		c.m[w] = [2]uint16{uint16(coarse[i+2] + 1), uint16(fine[i+2] + 1)}
	}
	return c, nil
}

// hashed cluster features for a token
func clusterHashes(c *Clusters, buf []byte, form string) (uint64, uint64, []byte) {
	buf = ClusterKey(buf[:0], form)
	a, b := c.Lookup(buf)
	return percep.Mix(uint64(a), 0xc1), percep.Mix(uint64(b), 0xc2), buf
}

// ColumnSentences reads a CoNLL-2003 style column file (token first,
// blank lines between sentences, -DOCSTART- lines skipped) as unlabelled
// sentences.
func ColumnSentences(path string) ([][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out [][]string
	var cur []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] == "-DOCSTART-" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, f[0])
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// LearnDefaultClusters learns clusters from the train split of the UD
// treebank in udDir, the TimeML files under unlabelledDir and the tokens of
// the column file columns (either may be "" to skip it).
func LearnDefaultClusters(ctx context.Context, udDir, unlabelledDir, columns string, log *slog.Logger) (*Clusters, error) {
	var sents [][]string
	if unlabelledDir != "" {
		s, err := UnlabelledSentences(ctx, unlabelledDir)
		if err != nil {
			return nil, fmt.Errorf("clusters: %w", err)
		}
		sents = append(sents, s...)
	}
	if udDir != "" {
		train, err := conllu.LoadSplit(udDir, "train")
		if err != nil {
			return nil, fmt.Errorf("clusters: %w", err)
		}
		for _, s := range train {
			sents = append(sents, forms(s))
		}
	}
	if columns != "" {
		s, err := ColumnSentences(columns)
		if err != nil {
			return nil, fmt.Errorf("clusters: %w", err)
		}
		sents = append(sents, s...)
	}
	return LearnClusters(ctx, sents, ClusterOptions{MinCount: 2, Log: log})
}
