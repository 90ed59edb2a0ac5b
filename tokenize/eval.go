package tokenize

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/chronicle-news/chronicle/doc"
)

// Gold is a raw text rebuilt from a CoNLL-U treebank with its gold word and
// sentence spans. Each document's sentences are joined with a space and its
// paragraphs (and documents) with a blank line, using the "# text",
// "# newdoc" and "# newpar" comments.
type Gold struct {
	Text      string
	Words     []doc.Span // syntactic words (the parts of multiword tokens), in order
	Sentences []doc.Span // from the first word's start to the last word's end
}

// ReadGold reads a CoNLL-U file and rebuilds its raw text and gold spans.
// Sentences without a "# text" comment are rebuilt from their forms and
// SpaceAfter=No.
func ReadGold(r io.Reader) (*Gold, error) {
	g := &Gold{}
	var b strings.Builder
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	var (
		sentText  string
		hasText   bool
		newBlock  bool // a newdoc or newpar comment precedes this sentence
		inSent    bool
		rows      [][]string
		lineNo    int
		sentStart int
	)
	flush := func() error {
		if !inSent {
			return nil
		}
		inSent = false
		if !hasText {
			var tb strings.Builder
			skipTo := 0
			for _, c := range rows {
				id := c[0]
				if _, hi, ok := rangeID(id); ok {
					skipTo = hi
				} else if n := atoi(id); n <= skipTo {
					continue
				}
				tb.WriteString(c[1])
				if !strings.Contains(c[9], "SpaceAfter=No") {
					tb.WriteByte(' ')
				}
			}
			sentText = strings.TrimRight(tb.String(), " ")
		}
		if b.Len() > 0 {
			if newBlock {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		base := b.Len()
		b.WriteString(sentText)
		text := sentText
		p := 0
		first := len(g.Words)
		for k := 0; k < len(rows); k++ {
			c := rows[k]
			form := c[1]
			for p < len(text) {
				r, w := decode(text, p)
				if !isSpaceRune(r) {
					break
				}
				p += w
			}
			if !strings.HasPrefix(text[p:], form) {
				return fmt.Errorf("line %d: form %q not found in the sentence text at offset %d", sentStart, form, p)
			}
			if lo, hi, ok := rangeID(c[0]); ok {
				q := p
				for n := lo; n <= hi; n++ {
					k++
					if k >= len(rows) {
						return fmt.Errorf("line %d: multiword token %s lacks its words", sentStart, c[0])
					}
					wf := rows[k][1]
					end := q + len(wf)
					if n == hi || end > p+len(form) || text[q:end] != wf {
						end = p + len(form) // words that do not spell the token: the rest goes to this one
					}
					if end > q {
						g.Words = append(g.Words, doc.Span{Start: base + q, End: base + end})
					}
					q = end
				}
			} else {
				g.Words = append(g.Words, doc.Span{Start: base + p, End: base + p + len(form)})
			}
			p += len(form)
		}
		if len(g.Words) > first {
			g.Sentences = append(g.Sentences, doc.Span{Start: g.Words[first].Start, End: g.Words[len(g.Words)-1].End})
		}
		rows = rows[:0]
		hasText, newBlock = false, false
		return nil
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		switch {
		case line == "":
			if err := flush(); err != nil {
				return nil, err
			}
		case strings.HasPrefix(line, "#"):
			if inSent && len(rows) > 0 {
				continue
			}
			inSent = true
			sentStart = lineNo
			kv := strings.TrimSpace(line[1:])
			switch {
			case strings.HasPrefix(kv, "newdoc"), strings.HasPrefix(kv, "newpar"):
				newBlock = true
			case strings.HasPrefix(kv, "text ="), strings.HasPrefix(kv, "text="):
				sentText = strings.TrimSpace(kv[strings.IndexByte(kv, '=')+1:])
				hasText = true
			}
		default:
			if !inSent {
				inSent = true
				sentStart = lineNo
			}
			c := strings.Split(line, "\t")
			if len(c) != 10 {
				return nil, fmt.Errorf("line %d: %d columns, want 10", lineNo, len(c))
			}
			if strings.Contains(c[0], ".") { // empty node
				continue
			}
			rows = append(rows, c)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading CoNLL-U: %w", err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	g.Text = b.String()
	return g, nil
}

func rangeID(id string) (lo, hi int, ok bool) {
	k := strings.IndexByte(id, '-')
	if k <= 0 {
		return 0, 0, false
	}
	return atoi(id[:k]), atoi(id[k+1:]), true
}

func atoi(s string) int {
	n := 0
	for k := 0; k < len(s); k++ {
		if !isDigit(s[k]) {
			return -1
		}
		n = n*10 + int(s[k]-'0')
	}
	return n
}

// PRF counts matches between predicted and gold spans.
type PRF struct {
	Gold, Pred, Correct int
}

// Precision returns Correct/Pred in percent.
func (p PRF) Precision() float64 { return pct(p.Correct, p.Pred) }

// Recall returns Correct/Gold in percent.
func (p PRF) Recall() float64 { return pct(p.Correct, p.Gold) }

// F1 returns the harmonic mean of precision and recall in percent.
func (p PRF) F1() float64 {
	if p.Gold+p.Pred == 0 {
		return 0
	}
	return 200 * float64(p.Correct) / float64(p.Gold+p.Pred)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// String formats the scores as "P 99.10 R 99.20 F1 99.15".
func (p PRF) String() string {
	return fmt.Sprintf("P %6.2f  R %6.2f  F1 %6.2f  (gold %d, predicted %d, correct %d)",
		p.Precision(), p.Recall(), p.F1(), p.Gold, p.Pred, p.Correct)
}

// Scores are the results of Evaluate.
type Scores struct {
	Tokens    PRF // syntactic words, matched by exact character span
	Sentences PRF // sentences, matched by the span from first to last word
}

// Evaluate tokenizes and splits the raw text of g and scores the result
// against the gold spans. When errs is non-nil, it writes up to maxErrs
// token and sentence mistakes there, with context, for error analysis.
func (t *Tokenizer) Evaluate(ctx context.Context, g *Gold, errs io.Writer, maxErrs int) (Scores, error) {
	if err := ctx.Err(); err != nil {
		return Scores{}, err
	}
	toks, sents := t.Segment(g.Text, nil, nil)
	if err := ctx.Err(); err != nil {
		return Scores{}, err
	}
	pt := make([]doc.Span, len(toks))
	for k, tk := range toks {
		pt[k] = tk.Span()
	}
	ps := make([]doc.Span, len(sents))
	for k, s := range sents {
		ps[k] = s.Span()
	}
	var sc Scores
	var missT, extraT, missS, extraS []doc.Span
	sc.Tokens, missT, extraT = match(g.Words, pt)
	sc.Sentences, missS, extraS = match(g.Sentences, ps)
	if errs != nil {
		if err := report(errs, g.Text, "token", missT, extraT, maxErrs); err != nil {
			return sc, err
		}
		if err := report(errs, g.Text, "sentence", missS, extraS, maxErrs); err != nil {
			return sc, err
		}
	}
	return sc, nil
}

// match counts exact span matches between two span lists sorted by start.
func match(gold, pred []doc.Span) (PRF, []doc.Span, []doc.Span) {
	r := PRF{Gold: len(gold), Pred: len(pred)}
	var miss, extra []doc.Span
	i, j := 0, 0
	for i < len(gold) && j < len(pred) {
		switch g, p := gold[i], pred[j]; {
		case g == p:
			r.Correct++
			i++
			j++
		case g.Start < p.Start || g.Start == p.Start && g.End < p.End:
			miss = append(miss, g)
			i++
		default:
			extra = append(extra, p)
			j++
		}
	}
	miss = append(miss, gold[i:]...)
	extra = append(extra, pred[j:]...)
	return r, miss, extra
}

func report(w io.Writer, text, what string, miss, extra []doc.Span, max int) error {
	show := func(kind string, spans []doc.Span) error {
		for k, s := range spans {
			if k >= max {
				break
			}
			a, b := s.Start-30, s.End+30
			if what == "sentence" {
				a, b = s.Start-10, min(s.End+10, s.Start+200)
			}
			a, b = max0(a), min(b, len(text))
			ctxt := strings.ReplaceAll(text[a:s.Start]+"[["+text[s.Start:min(s.End, b)]+"]]"+text[min(s.End, b):b], "\n", "¶")
			if _, err := fmt.Fprintf(w, "%s %s: %s\n", kind, what, ctxt); err != nil {
				return err
			}
		}
		return nil
	}
	if err := show("missed", miss); err != nil {
		return err
	}
	return show("spurious", extra)
}

func max0(a int) int {
	if a < 0 {
		return 0
	}
	return a
}
