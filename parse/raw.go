package parse

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/tokenize"
)

// AnnotateText tokenizes, splits, tags and parses raw text into a Document
// with Sentences, Tokens, tags, lemmas and dependencies.
func (a *Annotator) AnnotateText(ctx context.Context, text string) (*doc.Document, error) {
	tk, err := tokenize.New()
	if err != nil {
		return nil, err
	}
	d := doc.New(doc.Article{Text: text})
	stages := []doc.Stage{tk, tag.NewWithModel(a.Tagger)}
	if a.Parser != nil {
		stages = append(stages, NewWithModel(a.Parser))
	}
	for _, s := range stages {
		if err := s.Process(ctx, d); err != nil {
			return nil, fmt.Errorf("%s: %w", s.Name(), err)
		}
		d.Done |= s.Provides()
	}
	return d, nil
}

// DocumentSentences converts a tagged and parsed Document into CoNLL-U
// sentences with "# sent_id", "# text" (and "# newpar" at paragraph
// starts) and SpaceAfter=No where a token touches the next one.
func DocumentSentences(d *doc.Document) []*conllu.Sentence {
	out := make([]*conllu.Sentence, 0, len(d.Sentences))
	for si := range d.Sentences {
		out = append(out, documentSentence(d, si))
	}
	return out
}

// WriteDocument writes a Document as CoNLL-U (see DocumentSentences), one
// sentence at a time.
func WriteDocument(w io.Writer, d *doc.Document) error {
	for si := range d.Sentences {
		if err := conllu.Write(w, documentSentence(d, si)); err != nil {
			return err
		}
	}
	return nil
}

func documentSentence(d *doc.Document, si int) *conllu.Sentence {
	{
		s := d.Sentences[si]
		cs := &conllu.Sentence{}
		if si == 0 || d.Sentences[si-1].Paragraph != s.Paragraph {
			cs.Comments = append(cs.Comments, "newpar")
		}
		text := strings.Join(strings.Fields(d.SpanText(s.Span())), " ")
		cs.Comments = append(cs.Comments, "sent_id = "+strconv.Itoa(si+1), "text = "+text)
		for i := s.FirstToken; i < s.EndToken; i++ {
			t := d.Tokens[i]
			w := conllu.Word{ID: i - s.FirstToken + 1, Form: d.Text[t.Start:t.End], Lemma: t.Lemma,
				UPOS: t.UPOS.String(), XPOS: t.XPOS, Feats: t.Feats, Deprel: t.Dep, Deps: "_", Misc: "_", Head: -1}
			if w.Lemma == "" {
				w.Lemma = "_"
			}
			if w.XPOS == "" {
				w.XPOS = "_"
			}
			if d.Done.Has(doc.Deps) {
				if t.Head < 0 {
					w.Head = 0
				} else {
					w.Head = int(t.Head) - s.FirstToken + 1
				}
			}
			if i+1 < s.EndToken && d.Tokens[i+1].Start == t.End {
				w.Misc = "SpaceAfter=No"
			}
			// forms with spaces or tabs are not valid CoNLL-U
			w.Form = strings.Map(func(r rune) rune {
				if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
					return '_'
				}
				return r
			}, w.Form)
			cs.Words = append(cs.Words, w)
		}
		return cs
	}
}

// RawScores are CoNLL 2018 shared-task F1 scores of a system that starts
// from raw text: words are aligned to gold words by identical character
// spans, and a head counts when it is aligned to the gold head.
type RawScores struct {
	GoldWords, SysWords                          int
	Tokens, Sentences                            float64 // F1 of word and sentence spans
	UPOS, XPOS, UFeats, AllTags, Lemma, UAS, LAS float64 // aligned F1
}

func f1(correct, gold, sys int) float64 {
	if gold+sys == 0 {
		return 0
	}
	return 200 * float64(correct) / float64(gold+sys)
}

// EvaluateRaw rebuilds the raw text of a CoNLL-U treebank (with
// tokenize.ReadGold: "# text", "# newdoc", "# newpar"), annotates it from
// scratch and scores the result against the gold annotation.
func (a *Annotator) EvaluateRaw(ctx context.Context, r io.ReadSeeker) (RawScores, error) {
	var sc RawScores
	g, err := tokenize.ReadGold(r)
	if err != nil {
		return sc, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return sc, err
	}
	gs, err := conllu.ReadAll(r)
	if err != nil {
		return sc, err
	}
	var gw []conllu.Word
	var gHead []int // global index of the gold head, -1 root
	for _, s := range gs {
		base := len(gw)
		for _, w := range s.Words {
			gw = append(gw, w)
			h := -1
			if w.Head > 0 {
				h = base + w.Head - 1
			}
			gHead = append(gHead, h)
		}
	}
	if len(gw) != len(g.Words) {
		return sc, fmt.Errorf("parse: %d gold words but %d gold spans", len(gw), len(g.Words))
	}
	d, err := a.AnnotateText(ctx, g.Text)
	if err != nil {
		return sc, err
	}
	// align by span
	goldAt := make(map[doc.Span]int, len(g.Words))
	for i, s := range g.Words {
		goldAt[s] = i
	}
	sysToGold := make([]int, len(d.Tokens))
	aligned := 0
	for i, t := range d.Tokens {
		sysToGold[i] = -1
		if k, ok := goldAt[t.Span()]; ok {
			sysToGold[i] = k
			aligned++
		}
	}
	sc.GoldWords, sc.SysWords = len(g.Words), len(d.Tokens)
	sc.Tokens = f1(aligned, len(g.Words), len(d.Tokens))
	gsent := make(map[doc.Span]bool, len(g.Sentences))
	for _, s := range g.Sentences {
		gsent[s] = true
	}
	sentOK := 0
	for _, s := range d.Sentences {
		if s.EndToken > s.FirstToken {
			span := doc.Span{Start: int(d.Tokens[s.FirstToken].Start), End: int(d.Tokens[s.EndToken-1].End)}
			if gsent[span] {
				sentOK++
			}
		}
	}
	sc.Sentences = f1(sentOK, len(g.Sentences), len(d.Sentences))
	var up, xp, uf, all, lem, ua, la int
	for i, t := range d.Tokens {
		k := sysToGold[i]
		if k < 0 {
			continue
		}
		w := gw[k]
		u, x, f := t.UPOS.String() == w.UPOS, t.XPOS == w.XPOS, normF(t.Feats) == normF(w.Feats)
		if u {
			up++
		}
		if x {
			xp++
		}
		if f {
			uf++
		}
		if u && x && f {
			all++
		}
		if t.Lemma == w.Lemma {
			lem++
		}
		sh := -1
		if t.Head >= 0 {
			sh = sysToGold[t.Head]
			if sh < 0 {
				continue
			}
		}
		if sh == gHead[k] {
			ua++
			if universal(t.Dep) == universal(w.Deprel) {
				la++
			}
		}
	}
	G, S := len(g.Words), len(d.Tokens)
	sc.UPOS, sc.XPOS, sc.UFeats, sc.AllTags, sc.Lemma = f1(up, G, S), f1(xp, G, S), f1(uf, G, S), f1(all, G, S), f1(lem, G, S)
	sc.UAS, sc.LAS = f1(ua, G, S), f1(la, G, S)
	return sc, nil
}
