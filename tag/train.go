package tag

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
	"github.com/chronicle-news/chronicle/tag/percep"
)

// DefaultMinAbs is the default pruning threshold of tagger weights, a
// fraction of the largest weight.
const DefaultMinAbs = 0.002

// TrainOptions control training.
type TrainOptions struct {
	Seed   uint64 // shuffling seed
	Epochs int    // maximum number of passes (default 12)
	// Patience stops training after this many epochs without a better dev
	// score (default 3).
	Patience int
	// MinAbs drops averaged weights below this fraction of the largest one
	// (default DefaultMinAbs).
	MinAbs float64
	// Folds > 1 adds a second pass that also sees the first pass's tags
	// to the right, trained on first-pass tags jackknifed over that many
	// folds (default 0: one pass).
	Folds int
	// Clusters are the word clusters used as features (nil: none).
	Clusters *Clusters
	// NoSpacing leaves out the templates of the words' spacing (a model
	// in the format of the first version, CHTAG1).
	NoSpacing bool
	Log       *slog.Logger
}

// Scores are tagging accuracies in percent.
type Scores struct {
	Words                     int
	UPOS, XPOS, Lemma, Feats  float64
	AllTags                   float64 // UPOS, XPOS and FEATS all right
	upos, xpos, lemma, nfeats int
	all                       int
}

func (s *Scores) finish() {
	if s.Words == 0 {
		return
	}
	n := float64(s.Words)
	s.UPOS = 100 * float64(s.upos) / n
	s.XPOS = 100 * float64(s.xpos) / n
	s.Lemma = 100 * float64(s.lemma) / n
	s.Feats = 100 * float64(s.nfeats) / n
	s.AllTags = 100 * float64(s.all) / n
}

func (s Scores) String() string {
	return fmt.Sprintf("words=%d UPOS=%.2f XPOS=%.2f lemma=%.2f feats=%.2f", s.Words, s.UPOS, s.XPOS, s.Lemma, s.Feats)
}

// glued reports for each word of s whether it is followed by the next
// word without a space.
func glued(s *conllu.Sentence) []bool {
	g := make([]bool, len(s.Words))
	for i := range g {
		g[i] = !s.SpaceAfter(i)
	}
	return g
}

func forms(s *conllu.Sentence) []string {
	f := make([]string, len(s.Words))
	for i, w := range s.Words {
		f[i] = w.Form
	}
	return f
}

func classKey(w conllu.Word) string { return w.UPOS + "\t" + w.XPOS }

func normFeats(f string) string {
	if f == "_" {
		return ""
	}
	return f
}

// Evaluate tags the gold sentences and scores the model against them.
func (m *Model) Evaluate(sents []*conllu.Sentence) Scores {
	var sc Scores
	var out []Analysis
	for _, s := range sents {
		fs := forms(s)
		if cap(out) < len(fs) {
			out = make([]Analysis, len(fs))
		}
		out = out[:len(fs)]
		m.TagSpaced(fs, glued(s), out)
		for i, w := range s.Words {
			a := out[i]
			sc.Words++
			u := a.UPOS.String() == w.UPOS
			x := a.XPOS == w.XPOS
			f := a.Feats == normFeats(w.Feats)
			if u {
				sc.upos++
			}
			if x {
				sc.xpos++
			}
			if f {
				sc.nfeats++
			}
			if u && x && f {
				sc.all++
			}
			if a.Lemma == w.Lemma {
				sc.lemma++
			}
		}
	}
	sc.finish()
	return sc
}

// Train learns a tagger on train, choosing the number of epochs on dev
// (which may be nil: then all epochs run). Given the same data and options
// it produces the same model.
func Train(ctx context.Context, train, dev []*conllu.Sentence, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 12
	}
	if opt.Patience <= 0 {
		opt.Patience = 3
	}
	if opt.MinAbs == 0 {
		opt.MinAbs = DefaultMinAbs
	}
	log := opt.Log
	if log == nil {
		log = slog.Default()
	}
	if len(train) == 0 {
		return nil, errors.New("tag: no training sentences")
	}
	// classes
	classIdx := map[string]int{}
	var keys []string
	for _, s := range train {
		for _, w := range s.Words {
			k := classKey(w)
			if _, ok := classIdx[k]; !ok {
				classIdx[k] = 0
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	if len(keys) > 256 {
		return nil, fmt.Errorf("tag: %d tag classes, at most 256 supported", len(keys))
	}
	classes := make([]Class, len(keys))
	for i, k := range keys {
		classIdx[k] = i
		u, x, _ := strings.Cut(k, "\t")
		classes[i] = Class{UPOS: doc.ParseUPOS(u), XPOS: x}
	}
	gold := make([][]int, len(train))
	formCount := map[string]map[int]int{}
	lt := newLemmaTrainer()
	featCount := map[string]map[string]int{}
	featDefCount := make([]map[string]int, len(classes))
	for si, s := range train {
		gold[si] = make([]int, len(s.Words))
		for i, w := range s.Words {
			c := classIdx[classKey(w)]
			gold[si][i] = c
			m := formCount[w.Form]
			if m == nil {
				m = map[int]int{}
				formCount[w.Form] = m
			}
			m[c]++
			lt.add(w.Form, w.Lemma, c)
			fk := string(exactKey(nil, strings.ToLower(w.Form), c))
			if featCount[fk] == nil {
				featCount[fk] = map[string]int{}
			}
			featCount[fk][normFeats(w.Feats)]++
			if featDefCount[c] == nil {
				featDefCount[c] = map[string]int{}
			}
			featDefCount[c][normFeats(w.Feats)]++
		}
	}
	model := &Model{classes: classes, dict: map[string]uint8{}, lem: lt.build(len(classes)), clus: opt.Clusters, spacing: !opt.NoSpacing}
	// tag dictionary: frequent, nearly unambiguous forms
	for f, m := range formCount {
		n, bc, b := 0, 0, 0
		for c, k := range m {
			n += k
			if k > bc || (k == bc && c < b) {
				b, bc = c, k
			}
		}
		if n >= 20 && float64(bc)/float64(n) >= 0.995 {
			model.dict[f] = uint8(b)
		}
	}
	buildFeats(model, featCount, featDefCount)

	pm, bestEpoch, err := trainPass(ctx, train, gold, dev, model, opt, nil, log)
	if err != nil {
		return nil, err
	}
	model.pm = pm
	if opt.Folds < 2 {
		return model, nil
	}
	// second pass: first-pass tags of the training set come from taggers
	// trained on the other folds, so they are as noisy as at run time
	first := make([][]int, len(train))
	for f := 0; f < opt.Folds; f++ {
		var tr []*conllu.Sentence
		for i, s := range train {
			if i%opt.Folds != f {
				tr = append(tr, s)
			}
		}
		o := opt
		o.Folds, o.Epochs, o.Log = 0, bestEpoch, slog.New(slog.DiscardHandler)
		fm, err := Train(ctx, tr, nil, o)
		if err != nil {
			return nil, fmt.Errorf("tag: fold %d: %w", f, err)
		}
		ws := fm.workspace()
		for i, s := range train {
			if i%opt.Folds == f {
				fm.tagClasses(ws, forms(s), glued(s))
				first[i] = append([]int(nil), ws.tags...)
			}
		}
	}
	pm2, _, err := trainPass(ctx, train, gold, dev, model, opt, first, log)
	if err != nil {
		return nil, err
	}
	model.pm2 = pm2
	return model, nil
}

// trainPass trains the first pass (first == nil) or the second pass of
// model, which must have its other parts set, and returns the weights of
// the best epoch on dev (or the last epoch without dev) and that epoch.
func trainPass(ctx context.Context, train []*conllu.Sentence, gold [][]int, dev []*conllu.Sentence, model *Model, opt TrainOptions, first [][]int, log *slog.Logger) (*percep.Model, int, error) {
	classes := model.classes
	tr := percep.NewTrainer(len(classes))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7a6))
	ws := &workspace{scF: make([]float32, len(classes)), clus: opt.Clusters, spacing: model.spacing}
	var bestModel *percep.Model
	bestScore, bad, bestEpoch := -1.0, 0, 0
	for ep := 1; ep <= opt.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, n := 0, 0
		for _, si := range order {
			s := train[si]
			fs := forms(s)
			ws.analyse(fs, glued(s))
			if cap(ws.tags) < len(fs) {
				ws.tags = make([]int, len(fs))
			}
			ws.tags = ws.tags[:len(fs)]
			if first != nil {
				ws.first = first[si]
			}
			for i, f := range fs {
				g := gold[si][i]
				if c, ok := model.dict[f]; ok {
					ws.tags[i] = int(c)
					continue
				}
				feats := ws.features(i)
				if first != nil {
					feats = ws.features2(i)
				}
				tr.Score(feats, ws.scF)
				b := 0
				for c := 1; c < len(classes); c++ {
					if ws.scF[c] > ws.scF[b] {
						b = c
					}
				}
				if b != g {
					tr.Update(feats, g, 1)
					tr.Update(feats, b, -1)
					errs++
				}
				tr.Tick()
				n++
				ws.tags[i] = b
			}
		}
		pm := tr.Model(opt.MinAbs)
		if first == nil {
			model.pm = pm
		} else {
			model.pm2 = pm
		}
		score := 0.0
		pass := 1
		if first != nil {
			pass = 2
		}
		if dev != nil {
			sc := model.Evaluate(dev)
			score = sc.UPOS + sc.XPOS
			log.Info("tagger epoch", "pass", pass, "epoch", ep, "train_err", fmt.Sprintf("%.2f%%", 100*float64(errs)/float64(max(n, 1))),
				"features", tr.Features(), "dev", sc.String())
		} else {
			log.Info("tagger epoch", "pass", pass, "epoch", ep, "train_err", fmt.Sprintf("%.2f%%", 100*float64(errs)/float64(max(n, 1))))
		}
		if dev == nil || score > bestScore {
			bestScore, bestModel, bad, bestEpoch = score, pm, 0, ep
		} else if bad++; bad >= opt.Patience {
			break
		}
	}
	return bestModel, bestEpoch, nil
}

func buildFeats(m *Model, featCount map[string]map[string]int, featDefCount []map[string]int) {
	idx := map[string]uint32{"": 0}
	m.feats = []string{""}
	intern := func(s string) uint32 {
		if i, ok := idx[s]; ok {
			return i
		}
		i := uint32(len(m.feats))
		idx[s] = i
		m.feats = append(m.feats, s)
		return i
	}
	bestStr := func(c map[string]int) string {
		b, bc := "", -1
		for s, k := range c {
			if k > bc || (k == bc && s < b) {
				b, bc = s, k
			}
		}
		return b
	}
	m.featDef = make([]uint32, len(m.classes))
	for c, cnt := range featDefCount {
		if cnt != nil {
			m.featDef[c] = intern(bestStr(cnt))
		}
	}
	keys := make([]string, 0, len(featCount))
	for k := range featCount {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	m.featEx = map[string]uint32{}
	for _, k := range keys {
		c := int(k[len(k)-1])
		b := intern(bestStr(featCount[k]))
		if b != m.featDef[c] {
			m.featEx[k] = b
		}
	}
}
