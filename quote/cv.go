package quote

import (
	"context"
	"fmt"
	"strings"

	"github.com/chronicle-news/chronicle/doc"
)

// CVResult is the cross-validated score of one setting of the attribution
// model: its L2 strength and extraction threshold.
type CVResult struct {
	L2, Threshold float64
	Scores        Scores
}

// CrossValidate scores settings of the attribution model by k-fold
// cross-validation over training documents (docs[i] pairs with gold[i]; the
// documents processed up to, not including, the quote stage, as TrainModel
// wants them): for each L2 strength, k models are trained, each on all
// folds but one (document i is in fold i mod k), and the held-out fold is
// attributed with the cue table lx and each threshold. The scores are
// summed over the folds. So the model's settings are chosen on data it was
// not trained on, without touching the dev split. The result lists every
// (L2, threshold) pair, L2 major; best is the index of the highest content
// F1 (the first one on ties).
func CrossValidate(ctx context.Context, docs []*doc.Document, gold [][]GoldAttribution, lx *Lexicon, o ModelOptions, k int, l2s, thresholds []float64) (res []CVResult, best int, err error) {
	if len(docs) != len(gold) {
		return nil, 0, fmt.Errorf("cross-validate: %d documents but %d gold lists", len(docs), len(gold))
	}
	if k < 2 || k > len(docs) {
		return nil, 0, fmt.Errorf("cross-validate: %d folds for %d documents", k, len(docs))
	}
	if len(l2s) == 0 || len(thresholds) == 0 {
		return nil, 0, fmt.Errorf("cross-validate: no L2 strength or no threshold to try")
	}
	res = make([]CVResult, 0, len(l2s)*len(thresholds))
	for _, l2 := range l2s {
		for _, th := range thresholds {
			res = append(res, CVResult{L2: l2, Threshold: th})
		}
	}
	for li, l2 := range l2s {
		o := o
		o.L2 = l2
		for fold := 0; fold < k; fold++ {
			var trDocs []*doc.Document
			var trGold [][]GoldAttribution
			for i := range docs {
				if i%k != fold {
					trDocs = append(trDocs, docs[i])
					trGold = append(trGold, gold[i])
				}
			}
			src, _, err := TrainModel(ctx, trDocs, trGold, o)
			if err != nil {
				return nil, 0, fmt.Errorf("cross-validate fold %d: %w", fold, err)
			}
			m, err := parseModel(src)
			if err != nil {
				return nil, 0, fmt.Errorf("cross-validate fold %d: %w", fold, err)
			}
			for ti, th := range thresholds {
				mt := &Model{w: m.w, th: float32(th)}
				at := NewWithModel(lx, mt)
				for i := fold; i < len(docs); i += k {
					d := *docs[i]
					d.Quotes = nil
					if err := at.Process(ctx, &d); err != nil {
						return nil, 0, fmt.Errorf("cross-validate fold %d: %w", fold, err)
					}
					res[li*len(thresholds)+ti].Scores.Add(Score(&d, gold[i]))
				}
			}
		}
	}
	for i := range res {
		if res[i].Scores.F1() > res[best].Scores.F1() {
			best = i
		}
	}
	return res, best, nil
}

// CVReport formats CrossValidate's results, one line each, marking the best.
func CVReport(res []CVResult, best, k int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d-fold cross-validation on train (content F1 of the held-out folds):\n", k)
	for i, r := range res {
		mark := " "
		if i == best {
			mark = "*"
		}
		fmt.Fprintf(&b, "%s l2 %-6g threshold %-6g  P %.1f R %.1f F1 %.2f  source %.1f\n", mark, r.L2, r.Threshold,
			r.Scores.Precision(), r.Scores.Recall(), r.Scores.F1(), r.Scores.SourceAccuracy())
	}
	return b.String()
}
