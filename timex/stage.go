// Package timex finds temporal expressions and normalizes them to TimeML TIMEX3 values against the publication date.
//
// Recognition is a hand-written scanner over its own fine-grained tokens
// (so it works before, and independently of, the tokenizer stage) with a
// lexicon of calendar words; every pattern is a bounded look-ahead, so the
// cost is linear in the text. Normalization resolves relative expressions
// against the document creation time (DCT) and, for anaphoric ones ("the
// following day", "a year earlier", "that week"), against the last fully
// specified date of the text; the tense of the clause decides the direction
// of bare weekdays and months ("Friday", "in May").
package timex

import (
	"context"
	"fmt"
	"strconv"

	"github.com/chronicle-news/chronicle/doc"
)

// Tagger is the pipeline stage. It is safe for concurrent use.
type Tagger struct{}

// New returns the stage with its embedded defaults.
func New() (*Tagger, error) { return &Tagger{}, nil }

// Name implements doc.Stage.
func (*Tagger) Name() string { return "timex" }

// Requires implements doc.Stage. The tagger reads tags and dependencies
// when they are present but works from the text alone.
func (*Tagger) Requires() doc.Layer { return doc.Tokens }

// Provides implements doc.Stage.
func (*Tagger) Provides() doc.Layer { return doc.Timexes }

// Process implements doc.Stage: it fills d.Timexes with IDs t1, t2, … in
// text order.
func (t *Tagger) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := t.Tag(ctx, d)
	if err != nil {
		return fmt.Errorf("timex: %w", err)
	}
	d.Timexes = tx
	return nil
}

// Tag recognizes and normalizes the temporal expressions of d without
// modifying it. The DCT is d.Published; when it is zero, relative
// expressions get underspecified values (XXXX-…, PAST_REF, …).
func (t *Tagger) Tag(ctx context.Context, d *doc.Document) ([]doc.Timex, error) {
	toks := lexTokens(d.Text, nil)
	s := &scanner{text: d.Text, t: toks}
	if !d.Published.IsZero() {
		y, m, dd := d.Published.Date()
		s.dct, s.hasDCT = day(y, int(m), dd), true
	}
	te := newTenser(d, s)
	s.tense = te.tense
	var out []doc.Timex
	var err error
	count := 0
	s.run(func(c *cand) {
		count++
		if count%1024 == 0 && err == nil {
			err = ctx.Err()
		}
		out = append(out, s.toTimex(c, len(out)+1))
	})
	if err != nil {
		return nil, err
	}
	linkRanges(d.Text, out)
	return out, nil
}

// toTimex converts a candidate.
func (s *scanner) toTimex(c *cand, n int) doc.Timex {
	start, end := int(s.t[c.i].s), int(s.t[c.j-1].e)
	x := doc.Timex{
		ID:    "t" + strconv.Itoa(n),
		Type:  c.typ,
		Value: c.value(),
		Text:  s.text[start:end],
		Start: start,
		End:   end,
		Mod:   c.mod,
		Quant: c.quant,
		Freq:  c.freq,
	}
	if c.val == "" && (c.typ == typDate || c.typ == typTime) {
		x.Granularity = c.p.g.String()
	}
	if c.anchored && s.hasDCT {
		if c.usesRef {
			x.Anchor = s.ref.value()
		} else {
			x.Anchor = dayValue(s.dct)
		}
	}
	if c.ivStart != "" {
		x.Interval = &doc.Interval{Start: c.ivStart, End: c.ivEnd}
	}
	return x
}

// signals adds intervals implied by the word before an expression: "since
// June 2021" runs to the DCT, "until May" from it.
func (s *scanner) signals(c *cand) {
	if c.typ != typDate || c.val != "" || c.ivStart != "" || !s.hasDCT {
		return
	}
	switch s.w(c.i - 1) {
	case wSince:
		c.ivStart, c.ivEnd = c.p.value(), dayValue(s.dct)
	case wUntil:
		c.ivStart, c.ivEnd = dayValue(s.dct), c.p.value()
	}
}

// linkRanges gives both ends of "from X to Y" and "between X and Y" the
// interval X..Y.
func linkRanges(text string, tx []doc.Timex) {
	for k := 0; k+1 < len(tx); k++ {
		a, b := &tx[k], &tx[k+1]
		if a.Type != typDate || b.Type != typDate || isRef(a.Value) || isRef(b.Value) {
			continue
		}
		mid := trimSpace(text[a.End:b.Start])
		before := lastWord(text[:a.Start])
		ok := false
		switch {
		case (mid == "to" || mid == "until" || mid == "till" || mid == "through" || mid == "-" || mid == "–" || mid == "and") && eqFold(before, "from") && mid != "and":
			ok = true
		case mid == "and" && eqFold(before, "between"):
			ok = true
		case mid == "-" || mid == "–" || mid == "to" || mid == "through":
			ok = mid != "to" || eqFold(before, "from")
		}
		if ok {
			if b.Anchor != "" && len(a.Value) == len(b.Value) && len(a.Value) >= 7 && b.Value < a.Value && a.Value[4] == '-' {
				// "from November to March": the end follows the start.
				y, _ := strconv.Atoi(a.Value[:4])
				if a.Value[4:] > b.Value[4:] {
					y++
				}
				b.Value = strconv.Itoa(y) + b.Value[4:]
			}
			iv := &doc.Interval{Start: a.Value, End: b.Value}
			a.Interval, b.Interval = iv, &doc.Interval{Start: a.Value, End: b.Value}
		}
	}
}

func isRef(v string) bool { return len(v) > 4 && v[len(v)-4:] == "_REF" }

func trimSpace(s string) string {
	i, j := 0, len(s)
	for i < j && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\n' || s[j-1] == '\t' || s[j-1] == '\r') {
		j--
	}
	return s[i:j]
}

func lastWord(s string) string {
	j := len(s)
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\n' || s[j-1] == '\t') {
		j--
	}
	i := j
	for i > 0 && isASCIILetter(s[i-1]) {
		i--
	}
	return s[i:j]
}

func eqFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i]|0x20 != b[i]|0x20 {
			return false
		}
	}
	return true
}
