package parse

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/tag/percep"
)

// TrainOptions control training.
type TrainOptions struct {
	Seed     uint64  // shuffling and exploration seed
	Epochs   int     // maximum passes (default 15)
	Patience int     // stop after this many epochs without a better dev LAS (default 3)
	Explore  float64 // probability of following a wrong prediction (default 0.9)
	// ExploreFrom is the first epoch that explores (default 2).
	ExploreFrom int
	MinAbs      float64 // pruning threshold, fraction of the largest weight (default 0.012)
	// Clusters are word clusters used as features (nil: none); usually
	// the tagger's.
	Clusters *tag.Clusters
	// NonMonotonic trains the non-monotonic arc-eager system (Honnibal,
	// Goldberg & Johnson 2013): LEFT-ARC may replace an arc, REDUCE may
	// attach a headless word to the one below it.
	NonMonotonic bool
	Log          *slog.Logger
}

// Scores are attachment scores in percent over all words.
type Scores struct {
	Words int
	UAS   float64
	LAS   float64 // universal relation only (CoNLL 2018 LAS)
	// LASFull compares full relations with subtypes (obl:tmod).
	LASFull float64
}

func (s Scores) String() string {
	return fmt.Sprintf("words=%d UAS=%.2f LAS=%.2f LAS(full)=%.2f", s.Words, s.UAS, s.LAS, s.LASFull)
}

func universal(l string) string {
	u, _, _ := strings.Cut(l, ":")
	return u
}

// Evaluate parses the sentences (with the tags they carry) and scores the
// result against their gold heads and relations.
func (m *Model) Evaluate(sents []*conllu.Sentence) Scores {
	var sc Scores
	var ua, la, lf int
	for _, s := range sents {
		fs, xp, up := sentenceInput(s)
		heads := make([]int32, len(fs))
		deps := make([]string, len(fs))
		m.Parse(fs, xp, up, heads, deps)
		for i, w := range s.Words {
			sc.Words++
			if int(heads[i])+1 == w.Head {
				ua++
				if universal(deps[i]) == universal(w.Deprel) {
					la++
				}
				if deps[i] == w.Deprel {
					lf++
				}
			}
		}
	}
	if sc.Words > 0 {
		n := float64(sc.Words)
		sc.UAS, sc.LAS, sc.LASFull = 100*float64(ua)/n, 100*float64(la)/n, 100*float64(lf)/n
	}
	return sc
}

func sentenceInput(s *conllu.Sentence) ([]string, []string, []doc.UPOS) {
	fs := make([]string, len(s.Words))
	xp := make([]string, len(s.Words))
	up := make([]doc.UPOS, len(s.Words))
	for i, w := range s.Words {
		fs[i], xp[i], up[i] = w.Form, w.XPOS, doc.ParseUPOS(w.UPOS)
	}
	return fs, xp, up
}

// oracle holds the gold tree of the sentence being trained on.
type oracle struct {
	gh      []int32 // gold head, index 0 = ROOT
	gl      []int16 // gold label
	inStack []bool
}

// costs returns the number of gold arcs lost by SHIFT, REDUCE, LEFT-ARC
// and RIGHT-ARC (unlabelled) in st (Goldberg & Nivre 2012).
func (o *oracle) costs(st *state) (cs, cr, cl, ca int) {
	n := int32(st.n)
	s0, b := st.s0(), st.b
	for k := range o.inStack {
		o.inStack[k] = false
	}
	for _, k := range st.stack {
		o.inStack[k] = true
	}
	if b <= n {
		// SHIFT: b loses heads and headless dependents in the stack
		if o.inStack[o.gh[b]] {
			cs++
		}
		for _, k := range st.stack {
			if k != 0 && st.head[k] < 0 && o.gh[k] == b {
				cs++
			}
		}
		// RIGHT-ARC s0 → b
		if o.gh[b] != s0 && (o.inStack[o.gh[b]] || o.gh[b] > b) {
			ca++
		}
		for _, k := range st.stack {
			if k != 0 && k != s0 && st.head[k] < 0 && o.gh[k] == b {
				ca++
			}
		}
		if s0 != 0 && st.head[s0] < 0 && o.gh[s0] == b {
			ca++
		}
	}
	if s0 != 0 {
		deps := o.bufferDeps(s0, b, n)
		cr = deps
		// LEFT-ARC b → s0
		cl = deps
		if o.gh[s0] != b && o.gh[s0] > b {
			cl++
		}
	}
	return
}

// bufferDeps counts the gold dependents of s0 among the buffer words b..n:
// the arcs that reducing s0 or attaching it leftwards loses.
func (o *oracle) bufferDeps(s0, b, n int32) int {
	deps := 0
	for k := b; k <= n; k++ {
		if o.gh[k] == s0 {
			deps++
		}
	}
	return deps
}

// costsNM returns the costs of SHIFT, REDUCE (either kind), LEFT-ARC and
// RIGHT-ARC (unlabelled) in the non-monotonic system. A word on the stack
// can still get its gold head from the buffer (LEFT-ARC replaces any arc it
// has) or, if it is headless, from the word right below it (REDUCE); a
// word's head only stays fixed once it leaves the stack.
func (o *oracle) costsNM(st *state) (cs, cr, cl, ca int) {
	n := int32(st.n)
	s0, s1, b := st.s0(), st.s1(), st.b
	for k := range o.inStack {
		o.inStack[k] = false
	}
	for _, k := range st.stack {
		o.inStack[k] = true
	}
	if b <= n {
		// SHIFT and RIGHT-ARC put b above s0: stack words whose head is b
		// lose it. The repairs are not counted as free paths: SHIFT of a
		// word whose head is in the stack, or RIGHT-ARC of a word whose
		// head is elsewhere, still costs its arc, so that the parser learns
		// the monotonic moves and uses the others to repair mistakes.
		for _, k := range st.stack {
			if k != 0 && o.gh[k] == b {
				cs++
			}
		}
		ca = cs
		if o.inStack[o.gh[b]] {
			cs++
		}
		if o.gh[b] != s0 && (o.inStack[o.gh[b]] || o.gh[b] > b) {
			ca++
		}
	}
	if s0 != 0 {
		deps := o.bufferDeps(s0, b, n)
		cr = deps
		if o.gh[s0] >= b && b <= n {
			cr++
		}
		cl = deps
		if o.gh[s0] != b && (o.gh[s0] > b || o.gh[s0] == s1) {
			cl++
		}
	}
	return
}

// transitions marks in valid the transitions allowed in st and sets their
// costs (gold arcs lost, a wrong label counting as one).
func (o *oracle) transitions(st *state, L, root int, valid []bool, costs []int) {
	var cs, cr, cl, ca int
	if st.nonmono {
		cs, cr, cl, ca = o.costsNM(st)
	} else {
		cs, cr, cl, ca = o.costs(st)
	}
	for c := range valid {
		valid[c] = false
	}
	valid[shift] = st.canShift()
	costs[shift] = cs
	valid[reduce] = st.canReduce()
	costs[reduce] = cr
	s0, b := st.s0(), st.b
	if st.canReduceArc() {
		s1 := st.s1()
		for l := 0; l < L; l++ {
			c := 2 + 2*L + l
			valid[c] = l != root
			costs[c] = cr
			if o.gh[s0] == s1 && o.gl[s0] != int16(l) {
				costs[c]++
			}
		}
	}
	if st.canLeft() {
		for l := 0; l < L; l++ {
			c := 2 + l
			valid[c] = l != root
			costs[c] = cl
			if o.gh[s0] == b && o.gl[s0] != int16(l) {
				costs[c]++
			}
		}
	}
	if st.canRight() {
		for l := 0; l < L; l++ {
			c := 2 + L + l
			valid[c] = (s0 == 0) == (l == root)
			costs[c] = ca
			if o.gh[b] == s0 && o.gl[b] != int16(l) {
				costs[c]++
			}
		}
	}
}

// Train learns a parser from train (with the tags it should learn from:
// predicted, jackknifed tags give the best parser), choosing the epoch on
// dev (which may be nil).
func Train(ctx context.Context, train, dev []*conllu.Sentence, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 15
	}
	if opt.Patience <= 0 {
		opt.Patience = 3
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	if opt.ExploreFrom == 0 {
		opt.ExploreFrom = 2
	}
	if opt.MinAbs == 0 {
		opt.MinAbs = 0.012
	}
	log := opt.Log
	if log == nil {
		log = slog.Default()
	}
	labelSet := map[string]bool{"root": true}
	var sents []*conllu.Sentence
	for _, s := range train {
		ok := len(s.Words) > 0
		for _, w := range s.Words {
			if w.Head < 0 || w.Deprel == "" || w.Deprel == "_" {
				ok = false
			}
		}
		if !ok {
			continue
		}
		sents = append(sents, s)
		for _, w := range s.Words {
			labelSet[w.Deprel] = true
		}
	}
	if len(sents) == 0 {
		return nil, errors.New("parse: no usable training sentences")
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	if len(labels) > 127 {
		return nil, fmt.Errorf("parse: %d relations, at most 127 supported", len(labels))
	}
	lidx := map[string]int16{}
	for i, l := range labels {
		lidx[l] = int16(i)
	}
	model, err := newModel(labels, nil)
	if err != nil {
		return nil, err
	}
	model.clus = opt.Clusters
	model.amb = ambiguityClasses(sents)
	model.nonmono = opt.NonMonotonic
	L := len(labels)
	nClasses := 2 + 2*L
	if opt.NonMonotonic {
		nClasses = 2 + 3*L
	}
	if nClasses > 256 {
		return nil, fmt.Errorf("parse: %d relations, too many for the non-monotonic system", L)
	}
	tr := percep.NewTrainer(nClasses)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9a75e))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var st state
	var o oracle
	scores := make([]float32, nClasses)
	costs := make([]int, nClasses)
	valid := make([]bool, nClasses)
	var lower []byte
	var bestPM *percep.Model
	bestLAS, bad := -1.0, 0
	for ep := 1; ep <= opt.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		nDec, nErr := 0, 0
		for _, si := range order {
			s := sents[si]
			fs, xp, up := sentenceInput(s)
			lower = st.setWords(fs, xp, up, opt.Clusters, model.amb, lower)
			st.nonmono = opt.NonMonotonic
			st.init(len(fs))
			n := len(fs)
			o.gh = grow(o.gh, n+1)
			o.gl = grow(o.gl, n+1)
			o.inStack = grow(o.inStack, n+1)
			o.gh[0], o.gl[0] = -1, -1
			for i, w := range s.Words {
				o.gh[i+1] = int32(w.Head)
				o.gl[i+1] = lidx[w.Deprel]
			}
			for !st.terminal() {
				feats := st.features()
				tr.Score(feats, scores)
				o.transitions(&st, L, model.root, valid, costs)
				pred, gold := -1, -1
				minCost := 1 << 30
				for c, v := range valid {
					if v && costs[c] < minCost {
						minCost = costs[c]
					}
				}
				for c, v := range valid {
					if !v {
						continue
					}
					if pred < 0 || scores[c] > scores[pred] {
						pred = c
					}
					if costs[c] == minCost && (gold < 0 || scores[c] > scores[gold]) {
						gold = c
					}
				}
				if pred < 0 {
					break
				}
				nDec++
				next := gold
				if costs[pred] > minCost {
					nErr++
					tr.Update(feats, gold, 1)
					tr.Update(feats, pred, -1)
					if ep >= opt.ExploreFrom && rng.Float64() < opt.Explore {
						next = pred
					}
				} else {
					next = pred
				}
				tr.Tick()
				st.apply(next, L)
			}
		}
		pm := tr.Model(opt.MinAbs)
		model.pm = pm
		las := 0.0
		if dev != nil {
			sc := model.Evaluate(dev)
			las = sc.LAS + sc.UAS/10
			log.Info("parser epoch", "epoch", ep, "train_err", fmt.Sprintf("%.2f%%", 100*float64(nErr)/float64(max(nDec, 1))),
				"features", tr.Features(), "weights", pm.Weights(), "dev", sc.String())
		} else {
			log.Info("parser epoch", "epoch", ep, "train_err", fmt.Sprintf("%.2f%%", 100*float64(nErr)/float64(max(nDec, 1))))
		}
		if dev == nil || las > bestLAS {
			bestLAS, bestPM, bad = las, pm, 0
		} else if bad++; bad >= opt.Patience {
			break
		}
	}
	model.pm = bestPM
	return model, nil
}

// ambiguityClasses maps each lowercase form of the training sentences to
// an id of the set of XPOS tags it carries there.
func ambiguityClasses(sents []*conllu.Sentence) map[string]uint32 {
	tags := map[string]map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			k := string(lowerASCII(nil, w.Form)) // the key setWords uses
			if tags[k] == nil {
				tags[k] = map[string]bool{}
			}
			tags[k][w.XPOS] = true
		}
	}
	ids := map[string]uint32{}
	out := make(map[string]uint32, len(tags))
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var set []string
		for t := range tags[k] {
			set = append(set, t)
		}
		sort.Strings(set)
		name := strings.Join(set, "|")
		id, ok := ids[name]
		if !ok {
			id = uint32(len(ids) + 1)
			ids[name] = id
		}
		out[k] = id
	}
	return out
}
