package quote

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/chronicle-news/chronicle/doc"
)

// ModelOptions configure TrainModel.
type ModelOptions struct {
	Epochs   int    // passes over the training candidates (default 10)
	Seed     uint64 // shuffling seed
	MinCount int    // least number of candidates a feature must occur in (default 2)
	// MinWeight drops features whose final weight is smaller in magnitude
	// (keeps the model small; collinear features make large values harmful).
	MinWeight float64
	// Threshold is the score a candidate needs at extraction time (written
	// into the model; tuned by cross-validation on train, never on dev).
	Threshold float64
	// Logistic trains L2-regularised logistic regression instead of the
	// perceptron; L2 is its regularisation strength, Rate its learning rate.
	Logistic bool
	L2, Rate float64
	// Tight, when above 0.5, labels a candidate positive only when its
	// content overlaps the gold content by at least this share of the
	// longer span, and leaves candidates between the match criterion (half)
	// and Tight out of training, so that the best-bounded candidate of a cue
	// scores highest.
	Tight float64
	// Lexicon is the cue table the features consult (nil: the embedded one).
	Lexicon *Lexicon
}

// TrainModel trains the attribution model (a linear model over the
// candidate features, see model.go: logistic regression with AdaGrad steps
// when o.Logistic, else an averaged perceptron) on parsed documents and their gold
// attributions (docs[i] pairs with gold[i]; the documents must have been
// processed up to, not including, the quote stage). A candidate is positive
// when its cue token lies in a gold cue and its content matches that
// attribution's content (half of the longer span overlapping). It returns
// the model in the format ParseModel reads, and a report. The result is
// deterministic given the options.
func TrainModel(ctx context.Context, docs []*doc.Document, gold [][]GoldAttribution, o ModelOptions) (model, report string, err error) {
	if len(docs) != len(gold) {
		return "", "", fmt.Errorf("train model: %d documents but %d gold lists", len(docs), len(gold))
	}
	if o.Epochs <= 0 {
		o.Epochs = 10
	}
	if o.MinCount <= 0 {
		o.MinCount = 2
	}
	lx := o.Lexicon
	if lx == nil {
		var err error
		if lx, err = DefaultLexicon(); err != nil {
			return "", "", err
		}
	}
	ids := map[string]int32{}
	var names []string
	var counts []int
	var exs []example
	f := &featSink{collect: true}
	var cands []mcand
	pos, reach := 0, 0
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return "", "", err
		}
		v := newView(d, lx)
		if !v.deps {
			continue
		}
		v.setDirectCues(v.directCands())
		hit := make([]bool, len(gold[i]))
		for _, s := range v.sents {
			cands = v.candidates(s, cands[:0])
			for k := range cands {
				c := &cands[k]
				sp := doc.Span{Start: int(v.toks[c.lo].Start), End: int(v.toks[c.hi].End)}
				cue := doc.Span{Start: int(v.toks[c.c].Start), End: int(v.toks[c.last].End)}
				y, loose := false, false
				for g := range gold[i] {
					ga := &gold[i][g]
					if ga.Cue.Overlaps(cue) && halfOverlap(sp, ga.Content) {
						hit[g] = true
						if o.Tight <= 0.5 || overlapShare(sp, ga.Content) >= o.Tight {
							y = true
						} else {
							loose = true
						}
					}
				}
				if loose && !y {
					continue
				}
				f.names = f.names[:0]
				v.features(c, f)
				e := example{y: y, f: make([]int32, 0, len(f.names))}
				for _, n := range f.names {
					id, ok := ids[n]
					if !ok {
						id = int32(len(names))
						ids[n] = id
						names = append(names, n)
						counts = append(counts, 0)
					}
					counts[id]++
					e.f = append(e.f, id)
				}
				if y {
					pos++
				}
				exs = append(exs, e)
			}
		}
		for _, h := range hit {
			if h {
				reach++
			}
		}
	}
	ngold := 0
	for _, g := range gold {
		ngold += len(g)
	}
	if o.Logistic {
		return trainLogistic(exs, names, counts, o, len(docs), fmt.Sprintf("candidates %d (positive %d); gold attributions %d, reachable by a candidate %d (%.1f%%); features %d\n",
			len(exs), pos, ngold, reach, pct(reach, ngold), len(names)))
	}
	// Averaged perceptron (the lazy-update form: w - u/t).
	w := make([]float64, len(names))
	u := make([]float64, len(names))
	keep := func(id int32) bool { return counts[id] >= o.MinCount }
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	r := rand.New(rand.NewPCG(o.Seed, 0x9e3779b97f4a7c15))
	t := 1.0
	var report0 strings.Builder
	for ep := 0; ep < o.Epochs; ep++ {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, k := range order {
			e := &exs[k]
			s := 0.0
			for _, id := range e.f {
				if keep(id) {
					s += w[id]
				}
			}
			if (s > 0) != e.y {
				errs++
				d := -1.0
				if e.y {
					d = 1
				}
				for _, id := range e.f {
					if keep(id) {
						w[id] += d
						u[id] += d * t
					}
				}
			}
			t++
		}
		fmt.Fprintf(&report0, "epoch %d: %d mistakes of %d candidates\n", ep+1, errs, len(exs))
		if err := ctx.Err(); err != nil {
			return "", "", err
		}
	}
	type fw struct {
		n string
		w float64
	}
	var out []fw
	for id, n := range names {
		a := w[id] - u[id]/t
		if keep(int32(id)) && (a >= o.MinWeight || a <= -o.MinWeight) && a != 0 {
			out = append(out, fw{n, a})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].n < out[j].n })
	var b strings.Builder
	fmt.Fprintf(&b, "# Attribution candidate model (averaged perceptron): feature<TAB>weight.\n")
	fmt.Fprintf(&b, "# Generated by `chronicle train quotes` from PolNeAR train (%d documents), epochs %d, seed %d,\n", len(docs), o.Epochs, o.Seed)
	fmt.Fprintf(&b, "# min-count %d, min-weight %g. Features are lemmas, tags, relations and buckets only.\n", o.MinCount, o.MinWeight)
	fmt.Fprintf(&b, "#threshold %g\n", o.Threshold)
	for _, x := range out {
		fmt.Fprintf(&b, "%s\t%.4g\n", x.n, x.w)
	}
	var rep strings.Builder
	fmt.Fprintf(&rep, "candidates %d (positive %d); gold attributions %d, reachable by a candidate %d (%.1f%%); features %d, kept %d\n",
		len(exs), pos, ngold, reach, pct(reach, ngold), len(names), len(out))
	rep.WriteString(report0.String())
	return b.String(), rep.String(), nil
}

// halfOverlap reports whether spans a and b overlap by at least half of the
// longer one (the PolNeAR match criterion).
func halfOverlap(a, b doc.Span) bool {
	ov := min(a.End, b.End) - max(a.Start, b.Start)
	return ov > 0 && 2*ov >= max(a.Len(), b.Len())
}

// overlapShare returns the overlap of spans a and b as a share of the
// longer one.
func overlapShare(a, b doc.Span) float64 {
	ov := min(a.End, b.End) - max(a.Start, b.Start)
	if ov <= 0 {
		return 0
	}
	return float64(ov) / float64(max(a.Len(), b.Len()))
}

// example is one training candidate: its feature IDs and label.
type example struct {
	f []int32
	y bool
}

// trainLogistic fits logistic regression by stochastic gradient descent
// with AdaGrad step sizes and L2 regularisation applied to the active
// features of each example.
func trainLogistic(exs []example, names []string, counts []int, o ModelOptions, ndocs int, head string) (string, string, error) {
	if o.Rate <= 0 {
		o.Rate = 0.1
	}
	w := make([]float64, len(names))
	g2 := make([]float64, len(names))
	keep := func(id int32) bool { return counts[id] >= o.MinCount }
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	r := rand.New(rand.NewPCG(o.Seed, 0x9e3779b97f4a7c15))
	var rep strings.Builder
	rep.WriteString(head)
	for ep := 0; ep < o.Epochs; ep++ {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		loss := 0.0
		for _, k := range order {
			e := &exs[k]
			s := 0.0
			for _, id := range e.f {
				if keep(id) {
					s += w[id]
				}
			}
			p := 1 / (1 + math.Exp(-s))
			y := 0.0
			if e.y {
				y = 1
			}
			if e.y {
				loss -= math.Log(max(p, 1e-12))
			} else {
				loss -= math.Log(max(1-p, 1e-12))
			}
			gr := p - y
			for _, id := range e.f {
				if !keep(id) {
					continue
				}
				g := gr + o.L2*w[id]
				g2[id] += g * g
				w[id] -= o.Rate * g / math.Sqrt(g2[id]+1e-8)
			}
		}
		fmt.Fprintf(&rep, "epoch %d: mean log loss %.4f\n", ep+1, loss/float64(len(exs)))
	}
	type fw struct {
		n string
		w float64
	}
	var out []fw
	for id, n := range names {
		if keep(int32(id)) && math.Abs(w[id]) >= o.MinWeight && w[id] != 0 {
			out = append(out, fw{n, w[id]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].n < out[j].n })
	var b strings.Builder
	fmt.Fprintf(&b, "# Attribution candidate model (logistic regression): feature<TAB>weight.\n")
	fmt.Fprintf(&b, "# Generated by `chronicle train quotes` from PolNeAR train (%d documents), epochs %d, seed %d,\n", ndocs, o.Epochs, o.Seed)
	fmt.Fprintf(&b, "# min-count %d, min-weight %g, l2 %g, rate %g. Features are lemmas, tags, relations and buckets only.\n", o.MinCount, o.MinWeight, o.L2, o.Rate)
	fmt.Fprintf(&b, "#threshold %g\n", o.Threshold)
	for _, x := range out {
		fmt.Fprintf(&b, "%s\t%.4g\n", x.n, x.w)
	}
	fmt.Fprintf(&rep, "features kept %d\n", len(out))
	return b.String(), rep.String(), nil
}
