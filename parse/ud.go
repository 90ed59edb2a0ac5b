package parse

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/tag"
)

// Annotator tags, lemmatises and parses CoNLL-U sentences, keeping their
// word segmentation.
type Annotator struct {
	Tagger *tag.Model
	Parser *Model
}

// DefaultAnnotator returns an Annotator with the embedded models.
func DefaultAnnotator() (*Annotator, error) {
	tm, err := tag.Default()
	if err != nil {
		return nil, err
	}
	pm, err := Default()
	if err != nil {
		return nil, err
	}
	return &Annotator{Tagger: tm, Parser: pm}, nil
}

// Annotate predicts UPOS, XPOS, FEATS, lemma, head and relation of every
// word of s in place (a nil Parser leaves heads alone). Enhanced
// dependencies are cleared, since they would no longer match.
func (a *Annotator) Annotate(s *conllu.Sentence) {
	n := len(s.Words)
	if n == 0 {
		return
	}
	fs := make([]string, n)
	for i, w := range s.Words {
		fs[i] = w.Form
	}
	glued := make([]bool, n)
	for i := range glued {
		glued[i] = !s.SpaceAfter(i)
	}
	an := make([]tag.Analysis, n)
	a.Tagger.TagSpaced(fs, glued, an)
	xp := make([]string, n)
	up := make([]doc.UPOS, n)
	for i := range an {
		w := &s.Words[i]
		w.UPOS, w.XPOS, w.Lemma, w.Feats = an[i].UPOS.String(), an[i].XPOS, an[i].Lemma, an[i].Feats
		if w.Feats == "" {
			w.Feats = "_"
		}
		xp[i], up[i] = an[i].XPOS, an[i].UPOS
	}
	if a.Parser == nil {
		return
	}
	heads := make([]int32, n)
	deps := make([]string, n)
	a.Parser.Parse(fs, xp, up, heads, deps)
	for i := range s.Words {
		w := &s.Words[i]
		w.Head, w.Deprel, w.Deps = int(heads[i])+1, deps[i], "_"
	}
}

// UDScores are the CoNLL 2018 shared-task scores of a system against gold
// with the same tokenization, in percent of gold words.
type UDScores struct {
	Words                                     int
	UPOS, XPOS, UFeats, AllTags, Lemma        float64
	UAS, LAS                                  float64 // LAS on universal relations (CoNLL 2018)
	LASFull                                   float64 // LAS on full relations with subtypes
	upos, xpos, feats, all, lemma, ua, la, lf int
}

func (s *UDScores) add(g, p conllu.Word) {
	s.Words++
	u, x, f := g.UPOS == p.UPOS, g.XPOS == p.XPOS, normF(g.Feats) == normF(p.Feats)
	if u {
		s.upos++
	}
	if x {
		s.xpos++
	}
	if f {
		s.feats++
	}
	if u && x && f {
		s.all++
	}
	if g.Lemma == p.Lemma {
		s.lemma++
	}
	if g.Head == p.Head {
		s.ua++
		if universal(g.Deprel) == universal(p.Deprel) {
			s.la++
		}
		if g.Deprel == p.Deprel {
			s.lf++
		}
	}
}

func normF(f string) string {
	if f == "" {
		return "_"
	}
	return f
}

func (s *UDScores) finish() {
	if s.Words == 0 {
		return
	}
	p := func(k int) float64 { return 100 * float64(k) / float64(s.Words) }
	s.UPOS, s.XPOS, s.UFeats, s.AllTags, s.Lemma = p(s.upos), p(s.xpos), p(s.feats), p(s.all), p(s.lemma)
	s.UAS, s.LAS, s.LASFull = p(s.ua), p(s.la), p(s.lf)
}

// EvaluateGold annotates copies of the gold sentences (gold tokenization)
// and scores them.
func (a *Annotator) EvaluateGold(ctx context.Context, gold []*conllu.Sentence) (UDScores, error) {
	var sc UDScores
	for i, g := range gold {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return sc, err
			}
		}
		p := copySentence(g)
		a.Annotate(p)
		for j := range g.Words {
			sc.add(g.Words[j], p.Words[j])
		}
	}
	sc.finish()
	return sc, nil
}

func copySentence(s *conllu.Sentence) *conllu.Sentence {
	c := *s
	c.Words = append([]conllu.Word(nil), s.Words...)
	return &c
}

// JackknifeTags returns copies of train whose UPOS and XPOS were predicted
// by taggers trained on the other folds, so that the parser learns from
// tags as noisy as it will see. With average > 1 each fold's tagger is the
// average of that many taggers (seeds opt.Seed, opt.Seed+1, …), like the
// tagger the parser will run after.
func JackknifeTags(ctx context.Context, train []*conllu.Sentence, folds, average int, opt tag.TrainOptions) ([]*conllu.Sentence, error) {
	if folds < 2 {
		folds = 2
	}
	average = max(average, 1)
	out := make([]*conllu.Sentence, len(train))
	log := opt.Log
	if log == nil {
		log = slog.Default()
	}
	for f := 0; f < folds; f++ {
		var tr, held []*conllu.Sentence
		var idx []int
		for i, s := range train {
			if i%folds == f {
				held = append(held, s)
				idx = append(idx, i)
			} else {
				tr = append(tr, s)
			}
		}
		o := opt
		o.Log = slog.New(slog.DiscardHandler)
		var ms []*tag.Model
		for k := 0; k < average; k++ {
			o.Seed = opt.Seed + uint64(k)
			m, err := tag.Train(ctx, tr, nil, o)
			if err != nil {
				return nil, fmt.Errorf("jackknife fold %d: %w", f, err)
			}
			ms = append(ms, m)
		}
		minAbs := o.MinAbs
		if minAbs == 0 {
			minAbs = tag.DefaultMinAbs
		}
		m, err := tag.Average(ms, minAbs)
		if err != nil {
			return nil, fmt.Errorf("jackknife fold %d: %w", f, err)
		}
		a := &Annotator{Tagger: m}
		right, n := 0, 0
		for k, s := range held {
			c := copySentence(s)
			a.Annotate(c)
			for j := range c.Words {
				c.Words[j].Head, c.Words[j].Deprel = s.Words[j].Head, s.Words[j].Deprel
				n++
				if c.Words[j].UPOS == s.Words[j].UPOS {
					right++
				}
			}
			out[idx[k]] = c
		}
		log.Info("jackknife fold", "fold", f, "UPOS", fmt.Sprintf("%.2f", 100*float64(right)/float64(max(n, 1))))
	}
	return out, nil
}
