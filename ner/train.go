package ner

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"time"
)

// TrainOptions configure Train.
type TrainOptions struct {
	Corpora    []string   // named training corpora for TrainDefault (default: conll-train, uner-train, meantime)
	Train      []Doc      // labelled training documents
	Dev        []Doc      // model selection (early stopping); never trained on
	Unlabelled [][]string // token lines for word clusters (the training text is added)
	Gazetteer  *gazetteer // optional
	Epochs     int        // maximum epochs (default 25)
	Patience   int        // stop after this many epochs without dev improvement (default 6)
	MinCount   int        // features seen fewer times are dropped (default 1)
	Seed       uint64
	Lexicon    LexiconOptions
	Log        *slog.Logger
}

// trainSent is a training sentence in feature-index form.
type trainSent struct {
	doc     int      // index of the document
	keys    []uint64 // history key per token (0: none)
	init    []bool   // token is sentence-initial
	feats   []int32  // feature rows of all tokens
	offs    []int32  // token t's features are feats[offs[t]:offs[t+1]]
	gold    []uint8
	allowed []uint32 // nil when gold is complete
	hrows   []int32  // history feature rows, rebuilt each time
	hoffs   []int32
}

// Train learns a model with the averaged structured perceptron (Viterbi
// over BILOU labels with hard transition constraints). Sentences from
// corpora without MISC annotation are trained against the best-scoring
// labelling consistent with their gold spans in which O may also be MISC.
func Train(ctx context.Context, o TrainOptions) (*Model, error) {
	if o.Epochs <= 0 {
		o.Epochs = 25
	}
	if o.Patience <= 0 {
		o.Patience = 6
	}
	if o.MinCount <= 0 {
		o.MinCount = 1
	}
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if countTokens(o.Train) == 0 {
		return nil, fmt.Errorf("ner: train: %w", errNoTokens)
	}
	t0 := time.Now()
	o.Lexicon.Seed = o.Seed
	lines := o.Unlabelled
	for _, d := range o.Train {
		for _, s := range d.Sents {
			lines = append(lines, s.Tokens)
		}
	}
	lex, err := buildLexicon(ctx, lines, o.Lexicon)
	if err != nil {
		return nil, fmt.Errorf("ner: train: clusters: %w", err)
	}
	log.Info("lexicon built", "words", len(lex.m), "took", time.Since(t0).Round(time.Millisecond))
	m := &Model{lex: lex, gaz: o.Gazetteer, index: map[uint64]int32{}}

	// count features, then index those seen at least MinCount times
	x := newExtractor(m)
	counts := map[uint64]int32{}
	var toks []string
	var sents []int32
	loadDoc := func(d *Doc) {
		toks, sents = toks[:0], sents[:0]
		for _, s := range d.Sents {
			sents = append(sents, int32(len(toks)))
			toks = append(toks, s.Tokens...)
		}
		sents = append(sents, int32(len(toks)))
		x.load(toks, sents)
	}
	if o.MinCount > 1 {
		for i := range o.Train {
			x.domain = o.Train[i].Domain
			loadDoc(&o.Train[i])
			for k := range o.Train[i].Sents {
				x.sentence(k)
				for _, h := range x.feats {
					counts[h]++
				}
			}
		}
	}
	for _, h := range allHistFeats() {
		if _, ok := m.index[h]; !ok {
			m.index[h] = int32(len(m.index))
		}
	}
	var data []trainSent
	for i := range o.Train {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := &o.Train[i]
		x.domain = d.Domain
		loadDoc(d)
		for k := range d.Sents {
			s := &d.Sents[k]
			x.sentence(k)
			ts := trainSent{doc: i, gold: make([]uint8, len(s.Tokens))}
			for t := range s.Tokens {
				j := x.sents[k] + int32(t)
				ts.keys = append(ts.keys, histKey(x, j))
				ts.init = append(ts.init, x.toks[j].flags&tfInit != 0)
			}
			spansToBILOU(s.spans, ts.gold)
			for t := range s.Tokens {
				ts.offs = append(ts.offs, int32(len(ts.feats)))
				for _, h := range x.feats[x.offs[t]:x.offs[t+1]] {
					if o.MinCount > 1 && counts[h] < int32(o.MinCount) {
						continue
					}
					r, ok := m.index[h]
					if !ok {
						r = int32(len(m.index))
						m.index[h] = r
					}
					ts.feats = append(ts.feats, r)
				}
			}
			ts.offs = append(ts.offs, int32(len(ts.feats)))
			if s.partial == noMISC || len(s.unsure) > 0 {
				ts.allowed = make([]uint32, len(s.Tokens))
				misc := uint32(0)
				for p := 0; p < 4; p++ {
					misc |= 1 << label(3, p)
				}
				base := x.sents[k]
				for t, g := range ts.gold {
					// O may hide a MISC name, but only on capitalised or
					// numeric tokens: elsewhere MISC would go unpunished.
					if g == labelO && x.toks[base+int32(t)].flags&(tfCap|tfDigit) != 0 {
						ts.allowed[t] = 1<<labelO | misc
					} else if g == labelO {
						ts.allowed[t] = 1 << labelO
					} else {
						ts.allowed[t] = 1 << g
					}
				}
			}
			for _, u := range s.unsure {
				if ts.allowed == nil {
					break
				}
				for t := u.Start; t < u.End; t++ {
					ts.allowed[t] = 1<<nLabels - 1
				}
			}
			data = append(data, ts)
		}
	}
	counts = nil
	nf := len(m.index)
	log.Info("features indexed", "features", nf, "sentences", len(data), "took", time.Since(t0).Round(time.Millisecond))

	w := make([]float32, nf*nLabels)
	u := make([]float64, nf*nLabels)
	var tw [nLabels + 1][nLabels]float32
	var tu [nLabels + 1][nLabels]float64
	c := 1.0
	maxLen := 0
	for _, ts := range data {
		maxLen = max(maxLen, len(ts.gold))
	}
	em := make([]float32, maxLen*nLabels)
	score := make([]float32, maxLen*nLabels)
	back := make([]uint8, maxLen*nLabels)
	pred := make([]uint8, maxLen)
	gold := make([]uint8, maxLen)
	rng := rand.New(rand.NewPCG(o.Seed, 0x7261696e))
	// documents are shuffled, sentences keep their order within a document
	// so that the prediction history is built as at tagging time
	var docStarts []int
	for i := range data {
		if i == 0 || data[i].doc != data[i-1].doc {
			docStarts = append(docStarts, i)
		}
	}
	docStarts = append(docStarts, len(data))
	docOrder := make([]int, len(docStarts)-1)
	for i := range docOrder {
		docOrder[i] = i
	}
	order := make([]int, 0, len(data))
	hist := newHistory()
	var hf []uint64
	domOf := func(ts *trainSent) Domain { return o.Train[ts.doc].Domain }
	update := func(ts *trainSent, seq []uint8, d float32) {
		prev := startState
		for t, l := range seq {
			tw[prev][l] += d
			tu[prev][l] += c * float64(d)
			for _, f := range ts.feats[ts.offs[t]:ts.offs[t+1]] {
				k := int(f)*nLabels + int(l)
				w[k] += d
				u[k] += c * float64(d)
			}
			for _, f := range ts.hrows[ts.hoffs[t]:ts.hoffs[t+1]] {
				k := int(f)*nLabels + int(l)
				w[k] += d
				u[k] += c * float64(d)
			}
			prev = int(l)
		}
	}
	averaged := func() *Model {
		am := &Model{lex: m.lex, gaz: m.gaz, index: m.index, w: make([]float32, len(w))}
		for i := range w {
			am.w[i] = w[i] - float32(u[i]/c)
		}
		for p := range tw {
			for l := range tw[p] {
				am.trans[p][l] = tw[p][l] - float32(tu[p][l]/c)
			}
		}
		return am
	}
	var best *Model
	bestF, bestEpoch := -1.0, 0
	for ep := 1; ep <= o.Epochs; ep++ {
		rng.Shuffle(len(docOrder), func(i, j int) { docOrder[i], docOrder[j] = docOrder[j], docOrder[i] })
		order = order[:0]
		for _, d := range docOrder {
			for i := docStarts[d]; i < docStarts[d+1]; i++ {
				order = append(order, i)
			}
		}
		errs := 0
		for n, i := range order {
			if n%2048 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			ts := &data[i]
			if n == 0 || data[order[n-1]].doc != ts.doc {
				hist.reset()
			}
			// history features of this sentence, as feature rows
			ts.hrows = ts.hrows[:0]
			ts.hoffs = ts.hoffs[:0]
			for t := range ts.gold {
				ts.hoffs = append(ts.hoffs, int32(len(ts.hrows)))
				hf = hist.appendFeats(hf[:0], ts.keys[t], ts.init[t], domOf(ts))
				for _, h := range hf {
					ts.hrows = append(ts.hrows, m.index[h])
				}
			}
			ts.hoffs = append(ts.hoffs, int32(len(ts.hrows)))
			nt := len(ts.gold)
			for t := 0; t < nt; t++ {
				row := em[t*nLabels : (t+1)*nLabels]
				clear(row)
				for _, f := range ts.feats[ts.offs[t]:ts.offs[t+1]] {
					wr := w[int(f)*nLabels : int(f)*nLabels+nLabels]
					for l := range row {
						row[l] += wr[l]
					}
				}
				for _, f := range ts.hrows[ts.hoffs[t]:ts.hoffs[t+1]] {
					wr := w[int(f)*nLabels : int(f)*nLabels+nLabels]
					for l := range row {
						row[l] += wr[l]
					}
				}
			}
			viterbi(em, &tw, nt, nil, pred[:nt], back, score)
			g := ts.gold
			if ts.allowed != nil {
				viterbi(em, &tw, nt, ts.allowed, gold[:nt], back, score)
				g = gold[:nt]
			}
			same := true
			for t := 0; t < nt; t++ {
				if pred[t] != g[t] {
					same = false
					break
				}
			}
			hist.updateKeys(ts.keys, pred[:nt])
			if !same {
				errs++
				update(ts, g, 1)
				update(ts, pred[:nt], -1)
			}
			c++
		}
		am := averaged()
		f := -1.0
		if len(o.Dev) > 0 {
			cnt := Evaluate(am, o.Dev)
			_, _, f = cnt.PRF("")
		}
		log.Info("epoch", "epoch", ep, "wrong_sentences", errs, "dev_f1", fmt.Sprintf("%.2f", f), "took", time.Since(t0).Round(time.Millisecond))
		if f > bestF || len(o.Dev) == 0 {
			best, bestF, bestEpoch = am, f, ep
		} else if ep-bestEpoch >= o.Patience {
			break
		}
	}
	best.prune()
	best.freeze()
	best.meta = map[string]string{
		"seed":       strconv.FormatUint(o.Seed, 10),
		"epochs":     strconv.Itoa(bestEpoch),
		"dev_f1":     fmt.Sprintf("%.2f", bestF),
		"train_docs": strconv.Itoa(len(o.Train)),
		"features":   strconv.Itoa(len(best.index)),
	}
	return best, nil
}

// prune drops features whose weights are all (nearly) zero and compacts w.
func (m *Model) prune() {
	var maxW float32
	for _, v := range m.w {
		maxW = max(maxW, v, -v)
	}
	eps := maxW / quantLevels
	idx := make(map[uint64]int32, len(m.index)/2)
	var nw []float32
	for h, r := range m.index {
		row := m.w[int(r)*nLabels : int(r)*nLabels+nLabels]
		keep := false
		for _, v := range row {
			if v > eps || v < -eps {
				keep = true
				break
			}
		}
		if keep {
			idx[h] = int32(len(nw) / nLabels)
			nw = append(nw, row...)
		}
	}
	m.index, m.w = idx, nw
}

// Evaluate tags docs with m and scores them against their gold tags by the
// conlleval rules. Sentences from corpora without MISC are scored without
// MISC.
func Evaluate(m *Model, docs []Doc) *Counts {
	cnt := NewCounts()
	tg := newTagger(m)
	var toks []string
	var sents []int32
	var sp []span
	for i := range docs {
		d := &docs[i]
		toks, sents = toks[:0], sents[:0]
		for _, s := range d.Sents {
			sents = append(sents, int32(len(toks)))
			toks = append(toks, s.Tokens...)
		}
		sents = append(sents, int32(len(toks)))
		tg.x.domain = d.Domain
		tg.tagDoc(toks, sents)
		for k, s := range d.Sents {
			sp = bilouToSpans(tg.out[sents[k]:sents[k+1]], sp[:0])
			pred := spansToIOB2(sp, len(s.Tokens))
			if s.partial == noMISC {
				cnt.Add(s.Gold, pred, "MISC")
			} else {
				cnt.Add(s.Gold, pred)
			}
		}
	}
	return cnt
}
