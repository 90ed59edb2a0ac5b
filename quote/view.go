package quote

import (
	"strings"

	"github.com/chronicle-news/chronicle/doc"
)

// view is the read-only material one Process call works on: the document's
// tokens (or fallback tokens), and subtree extents when there is a parse.
type view struct {
	d     *doc.Document
	text  string
	lx    *Lexicon
	toks  []doc.Token
	sents []doc.Sentence
	deps  bool
	// lo and hi are the first and last token of each token's subtree
	// (document indices), valid when deps.
	lo, hi []int32
	// kinds is the actor or entity kind of each token, filled on first use.
	kinds []string
	// dq marks the cue tokens of direct quotes (model feature).
	dq map[int]bool
	// marks are the quoted stretches of the text.
	marks []marked
}

// setDirectCues records the cue tokens of the direct quotes cs.
func (v *view) setDirectCues(cs []cand) {
	for i := range cs {
		if cs[i].direct && cs[i].cueTok >= 0 {
			if v.dq == nil {
				v.dq = map[int]bool{}
			}
			v.dq[cs[i].cueTok] = true
		}
	}
}

// directCands returns the direct quotes of the text with their word-order
// attribution (as extract finds them before reported speech).
func (v *view) directCands() []cand {
	ms := scanMarks(v.text, nil)
	v.marks = ms
	cs := make([]cand, 0, len(ms))
	for k := range ms {
		s, e := trimContent(v.text, ms[k].cs, ms[k].ce)
		if e <= s {
			continue
		}
		c := newCand(s, e, k)
		c.direct = true
		if !v.labelled(ms[k], &c) {
			v.attributeDirect(ms, k, &c)
		}
		cs = append(cs, c)
	}
	return cs
}

func newView(d *doc.Document, lx *Lexicon) *view {
	v := &view{d: d, text: d.Text, lx: lx, toks: d.Tokens, sents: d.Sentences}
	if len(v.toks) == 0 || len(v.sents) == 0 || !validTokens(d) {
		v.toks, v.sents = fallbackTokens(d.Text, lx)
		return v
	}
	for i := range v.toks {
		if v.toks[i].Dep != "" {
			v.deps = true
			break
		}
	}
	if v.deps {
		v.subtrees()
	}
	return v
}

// validTokens checks that token offsets are within the text and ordered, and
// heads point inside the document, so that bad upstream output cannot make
// this stage panic.
func validTokens(d *doc.Document) bool {
	prev := int32(0)
	n := int32(len(d.Tokens))
	for _, t := range d.Tokens {
		if t.Start < prev || t.End < t.Start || int(t.End) > len(d.Text) || t.Head >= n || t.Head < -1 {
			return false
		}
		if t.Sent < 0 || int(t.Sent) >= len(d.Sentences) {
			return false
		}
		prev = t.Start
	}
	for _, s := range d.Sentences {
		if s.FirstToken < 0 || s.EndToken > len(d.Tokens) || s.FirstToken > s.EndToken {
			return false
		}
	}
	return true
}

// subtrees computes the extent of every token's subtree by walking up from
// each token to its root (heads are assumed acyclic; a cycle stops the walk).
func (v *view) subtrees() {
	n := len(v.toks)
	v.lo = make([]int32, n)
	v.hi = make([]int32, n)
	for i := range v.toks {
		v.lo[i], v.hi[i] = int32(i), int32(i)
	}
	for i := range v.toks {
		h := v.toks[i].Head
		for steps := 0; h >= 0 && steps < n; steps++ {
			if int32(i) < v.lo[h] {
				v.lo[h] = int32(i)
			}
			if int32(i) > v.hi[h] {
				v.hi[h] = int32(i)
			}
			h = v.toks[h].Head
		}
	}
}

// form returns token i's text.
func (v *view) form(i int) string {
	t := v.toks[i]
	return v.text[t.Start:t.End]
}

// lemma returns token i's lemma, or its cue lemma in untagged text.
func (v *view) lemma(i int) string {
	if l := v.toks[i].Lemma; l != "" {
		return l
	}
	return v.lx.lemmaOf(v.form(i))
}

// isVerb reports whether token i can be a cue verb.
func (v *view) isVerb(i int) bool {
	u := v.toks[i].UPOS
	return u == doc.VERB || u == doc.NoPOS
}

// cueAt reports whether token i is a cue with all of the given flags, and
// returns its lemma and the index of the cue's last token ("according to").
func (v *view) cueAt(i int, want uint8) (lemma string, last int, ok bool) {
	if f := v.form(i); (f == "according" || f == "According") && i+1 < len(v.toks) && v.form(i+1) == "to" {
		return "according to", i + 1, want&^(cueDirect|cueClause) == 0
	}
	if !v.isVerb(i) {
		return "", i, false
	}
	l := v.lemma(i)
	e, ok := v.lx.lookup(l)
	if !ok || e.flags&want != want {
		return "", i, false
	}
	return l, i, true
}

// child returns the first dependent of head with relation rel (subtypes
// included when rel has no colon), or -1.
func (v *view) child(head int, rel string) int {
	if !v.deps {
		return -1
	}
	s := v.sents[v.toks[head].Sent]
	for j := s.FirstToken; j < s.EndToken; j++ {
		if int(v.toks[j].Head) == head && relIs(v.toks[j].Dep, rel) {
			return j
		}
	}
	return -1
}

// nextChild returns the first dependent of head after token after with
// relation rel (or a subtype), or -1.
func (v *view) nextChild(head, after int, rel string) int {
	if !v.deps {
		return -1
	}
	s := v.sents[v.toks[head].Sent]
	for j := after + 1; j < s.EndToken; j++ {
		if int(v.toks[j].Head) == head && relIs(v.toks[j].Dep, rel) {
			return j
		}
	}
	return -1
}

// relIs reports whether dep is rel or a subtype of it.
func relIs(dep, rel string) bool {
	if dep == rel {
		return true
	}
	return strings.HasPrefix(dep, rel) && len(dep) > len(rel) && dep[len(rel)] == ':' && !strings.Contains(rel, ":")
}

// isPunct reports whether token i is punctuation.
func (v *view) isPunct(i int) bool {
	if v.toks[i].UPOS == doc.PUNCT {
		return true
	}
	f := v.form(i)
	return len(f) > 0 && strings.IndexAny(f[:1], ".,;:!?\"'()-") == 0 || f == "“" || f == "”" || f == "’" || f == "‘" || f == "—" || f == "–"
}

// hasNewline reports whether the text between a and b crosses a line break.
func (v *view) hasNewline(a, b int) bool {
	if a < 0 {
		a = 0
	}
	if b > len(v.text) {
		b = len(v.text)
	}
	return a < b && strings.IndexByte(v.text[a:b], '\n') >= 0
}

// firstTokenAt returns the index of the first token starting at or after off.
func (v *view) firstTokenAt(off int) int {
	lo, hi := 0, len(v.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if int(v.toks[m].Start) < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// span returns the byte span of tokens [a, b].
func (v *view) span(a, b int) doc.Span {
	return doc.Span{Start: int(v.toks[a].Start), End: int(v.toks[b].End)}
}
