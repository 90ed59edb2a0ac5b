package ner

import (
	"fmt"
	"io"
	"strings"
)

// Chunk is an entity chunk found by the conlleval rules.
type Chunk struct {
	Start, End int // token range [Start, End)
	Type       string
}

// splitTag splits "B-PER" into ("B", "PER"); "O" gives ("O", "").
func splitTag(tag string) (prefix, typ string) {
	if tag == "" || tag == "O" {
		return "O", ""
	}
	if i := strings.IndexByte(tag, '-'); i > 0 {
		return tag[:i], tag[i+1:]
	}
	return "I", tag
}

// chunkEnd and chunkStart follow conlleval.pl literally (IOB1, IOB2, IOE).
func chunkEnd(prevTag, prevType, tag, typ string) bool {
	switch {
	case prevTag == "B" && (tag == "B" || tag == "O"),
		prevTag == "I" && (tag == "B" || tag == "O"),
		prevTag == "E" && (tag == "E" || tag == "I" || tag == "O"):
		return true
	}
	return prevTag != "O" && prevTag != "." && prevType != typ
}

func chunkStart(prevTag, prevType, tag, typ string) bool {
	switch {
	case tag == "B" && (prevTag == "B" || prevTag == "I" || prevTag == "O"),
		prevTag == "O" && (tag == "I" || tag == "E"),
		prevTag == "E" && (tag == "E" || tag == "I"):
		return true
	}
	return tag != "O" && tag != "." && prevType != typ
}

// Chunks returns the chunks of a tag sequence (IOB1, IOB2 or IOE) by the
// conlleval rules.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	prevTag, prevType := "O", ""
	start := -1
	for i, t := range tags {
		tag, typ := splitTag(t)
		if start >= 0 && chunkEnd(prevTag, prevType, tag, typ) {
			out = append(out, Chunk{start, i, prevType})
			start = -1
		}
		if chunkStart(prevTag, prevType, tag, typ) {
			start = i
		}
		prevTag, prevType = tag, typ
	}
	if start >= 0 {
		out = append(out, Chunk{start, len(tags), prevType})
	}
	return out
}

// Counts accumulates chunk counts for precision, recall and F1, overall and
// per type, as conlleval does.
type Counts struct {
	Gold, Pred, Correct map[string]int // per type; "" is the total
	Tokens, TokensOK    int
}

// NewCounts returns empty counts.
func NewCounts() *Counts {
	return &Counts{Gold: map[string]int{}, Pred: map[string]int{}, Correct: map[string]int{}}
}

// Add scores one sentence. drop lists types to ignore in both gold and
// predictions (for corpora that do not annotate them).
func (c *Counts) Add(gold, pred []string, drop ...string) {
	keep := func(t string) bool {
		for _, d := range drop {
			if t == d {
				return false
			}
		}
		return true
	}
	g := map[Chunk]bool{}
	for _, ch := range Chunks(gold) {
		if keep(ch.Type) {
			g[ch] = true
			c.Gold[ch.Type]++
			c.Gold[""]++
		}
	}
	for _, ch := range Chunks(pred) {
		if !keep(ch.Type) {
			continue
		}
		c.Pred[ch.Type]++
		c.Pred[""]++
		if g[ch] {
			c.Correct[ch.Type]++
			c.Correct[""]++
		}
	}
	// token accuracy on IOB2-normalised tags, so IOB1 gold compares fairly
	norm := make([]string, len(gold))
	for i := range norm {
		norm[i] = "O"
	}
	for _, ch := range Chunks(gold) {
		for i := ch.Start; i < ch.End; i++ {
			norm[i] = "I-" + ch.Type
		}
		norm[ch.Start] = "B-" + ch.Type
	}
	for i := range gold {
		c.Tokens++
		if i < len(pred) && norm[i] == pred[i] {
			c.TokensOK++
		}
	}
}

// PRF returns precision, recall and F1 (percentages) for a type ("" for all).
func (c *Counts) PRF(typ string) (p, r, f float64) {
	if c.Pred[typ] > 0 {
		p = 100 * float64(c.Correct[typ]) / float64(c.Pred[typ])
	}
	if c.Gold[typ] > 0 {
		r = 100 * float64(c.Correct[typ]) / float64(c.Gold[typ])
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Report writes a conlleval-style summary.
func (c *Counts) Report(w io.Writer, name string) error {
	p, r, f := c.PRF("")
	acc := 0.0
	if c.Tokens > 0 {
		acc = 100 * float64(c.TokensOK) / float64(c.Tokens)
	}
	if _, err := fmt.Fprintf(w, "%s: %d tokens, %d gold chunks, %d predicted, %d correct\n  accuracy %6.2f%%; precision %6.2f%%; recall %6.2f%%; FB1 %6.2f\n",
		name, c.Tokens, c.Gold[""], c.Pred[""], c.Correct[""], acc, p, r, f); err != nil {
		return err
	}
	for _, t := range types {
		if c.Gold[t] == 0 && c.Pred[t] == 0 {
			continue
		}
		p, r, f := c.PRF(t)
		if _, err := fmt.Fprintf(w, "  %-5s precision %6.2f%%; recall %6.2f%%; FB1 %6.2f  %d\n", t, p, r, f, c.Pred[t]); err != nil {
			return err
		}
	}
	return nil
}
