package event

import (
	"strings"

	"github.com/chronicle-news/chronicle/gazetteer"

	"github.com/chronicle-news/chronicle/doc"
)

// view is a per-document working view of the dependency trees: children
// lists, lowercase lemmas and the actor covering each token. It is built
// once per document from pooled buffers.
type view struct {
	d *doc.Document
	// exact matches rule words on word forms only (Literal: PETRARCH does
	// not lemmatize pattern words, "RESOLUTION" is not "resolutions")
	exact    bool
	first    []int32 // first child of token i, -1 if none
	next     []int32 // next sibling of token i, -1 if none
	lemma    []string
	lower    []string // lowercase form
	actor    []int32  // index into d.Actors covering token i, -1 if none
	mention  []int32  // index of the mention (within the actor) covering token i
	entity   []int32  // index into d.Entities covering token i, -1 if none
	quoteIn  []int32  // index into d.Quotes whose content covers token i, -1
	quoteCue []int32  // index into d.Quotes whose cue covers token i, -1
	timex    []int32  // index into d.Timexes covering token i, -1
	// cc is the country a token names when no actor covers it ("Russian",
	// "Saudi Arabia"): the coder's fallback when the actor stage left a
	// country mention unlinked.
	cc  []string
	hd  []int32 // repaired heads: -1 for roots and for tokens whose head was invalid
	buf []byte  // scratch for the lowercased text
	// surname maps the last word of a person's mention to (actor, mention)
	surname map[string][2]int32
	// agent tells whether a common noun names a kind of person or
	// organisation (Options.Agent); nil keeps every participant
	agent func(string) bool
}

func (v *view) reset(d *doc.Document) {
	n := len(d.Tokens)
	v.d = d
	v.first = grow32(v.first, n)
	v.next = grow32(v.next, n)
	v.actor = grow32(v.actor, n)
	v.mention = grow32(v.mention, n)
	v.entity = grow32(v.entity, n)
	v.quoteIn = grow32(v.quoteIn, n)
	v.quoteCue = grow32(v.quoteCue, n)
	v.timex = grow32(v.timex, n)
	if cap(v.lemma) < n {
		v.lemma = make([]string, n)
		v.lower = make([]string, n)
	}
	v.lemma = v.lemma[:n]
	v.lower = v.lower[:n]
	// one ASCII-lowercased copy of the text; token forms are views into it
	v.buf = append(v.buf[:0], d.Text...)
	for k, c := range v.buf {
		if c >= 'A' && c <= 'Z' {
			v.buf[k] = c + 'a' - 'A'
		}
	}
	low := string(v.buf)
	for i := range d.Tokens {
		t := &d.Tokens[i]
		v.lower[i] = low[t.Start:t.End]
		switch {
		case t.Lemma == "":
			v.lemma[i] = v.lower[i]
		case t.Lemma == d.Text[t.Start:t.End]:
			v.lemma[i] = v.lower[i]
		default:
			v.lemma[i] = lowerASCII(t.Lemma)
		}
	}
	// heads, repaired: a head outside the sentence, the token itself or a
	// cycle makes the token a root, so every walk up the tree ends
	v.hd = grow32(v.hd, n)
	for si := range d.Sentences {
		s := d.Sentences[si]
		for i := s.FirstToken; i < s.EndToken; i++ {
			if h := int(d.Tokens[i].Head); h >= s.FirstToken && h < s.EndToken && h != i {
				v.hd[i] = int32(h)
			}
		}
		m := s.EndToken - s.FirstToken
		for i := s.FirstToken; i < s.EndToken; i++ {
			j := i
			for k := 0; j >= 0 && k <= m; k++ {
				j = int(v.hd[j])
			}
			if j >= 0 {
				v.hd[i] = -1 // on a cycle: cut it here
			}
		}
	}
	// children lists in token order (iterate backwards, prepend)
	for i := n - 1; i >= 0; i-- {
		h := v.hd[i]
		if h < 0 {
			continue
		}
		v.next[i] = v.first[h]
		v.first[h] = int32(i)
	}
	for ai := range d.Actors {
		for mi, m := range d.Actors[ai].Mentions {
			v.mark(v.actor, m.Span(), int32(ai), v.mention, int32(mi))
		}
	}
	if cap(v.cc) < n {
		v.cc = make([]string, n)
	}
	v.cc = v.cc[:n]
	g := gazetteer.Default()
	for i := range d.Tokens {
		v.cc[i] = ""
		t := &d.Tokens[i]
		if v.actor[i] >= 0 || t.End <= t.Start {
			continue
		}
		if c := d.Text[t.Start]; c < 'A' || c > 'Z' {
			continue
		}
		if t.UPOS != doc.PROPN && t.UPOS != doc.ADJ && t.UPOS != doc.NOUN {
			continue
		}
		switch t.Dep {
		case "compound", "flat", "flat:name":
			if h := v.hd[i]; h >= 0 && d.Tokens[h].UPOS == doc.PROPN {
				continue // part of a longer name
			}
		}
		if c, ok := g.Country(d.SpanText(v.nameSpan(i))); ok && !isoLike(d.SpanText(v.nameSpan(i)), c) {
			v.cc[i] = c.ISO3
		} else if c, ok := g.Country(d.Text[t.Start:t.End]); ok && !isoLike(d.Text[t.Start:t.End], c) {
			v.cc[i] = c.ISO3
		} else if iso, ok := g.Demonym(d.Text[t.Start:t.End]); ok {
			v.cc[i] = iso // "Palestinians", "Ukrainians"
		}
	}
	// a capitalized name the actor stage left unlinked that repeats the
	// last word of a person's or organisation's mention ("Trump" after
	// "Donald Trump")
	if v.surname == nil {
		v.surname = map[string][2]int32{}
	}
	clear(v.surname)
	for ai := range d.Actors {
		a := &d.Actors[ai]
		if a.Kind != "PER" {
			continue
		}
		for mi, m := range a.Mentions {
			if m.Kind == doc.MentionPlural {
				continue
			}
			last := m.Text
			if k := strings.LastIndexByte(last, ' '); k >= 0 {
				last = last[k+1:]
			}
			if _, ok := v.surname[last]; !ok && len(last) >= 3 {
				v.surname[last] = [2]int32{int32(ai), int32(mi)}
			}
		}
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if len(v.surname) == 0 {
			break
		}
		if v.actor[i] >= 0 || v.cc[i] != "" || t.End-t.Start < 3 {
			continue
		}
		if c := d.Text[t.Start]; c < 'A' || c > 'Z' || (t.UPOS != doc.PROPN && t.UPOS != doc.NOUN) {
			continue
		}
		if am, ok := v.surname[d.Text[t.Start:t.End]]; ok {
			v.actor[i], v.mention[i] = am[0], am[1]
		}
	}
	for ei, e := range d.Entities {
		v.mark(v.entity, e.Span(), int32(ei), nil, 0)
	}
	for qi, q := range d.Quotes {
		v.mark(v.quoteIn, q.Span(), int32(qi), nil, 0)
		if q.Cue != nil {
			v.mark(v.quoteCue, doc.Span{Start: q.Cue.Start, End: q.Cue.End}, int32(qi), nil, 0)
		}
	}
	for ti, x := range d.Timexes {
		v.mark(v.timex, x.Span(), int32(ti), nil, 0)
	}
}

// isoLike reports whether s is country c's bare ISO code, which news more
// often writes for something else ("TV" is no Tuvalu, "ER" no Eritrea),
// except the abbreviations news uses for countries ("US", "UK", "UAE").
func isoLike(s string, c gazetteer.Country) bool {
	if s != c.ISO2 && s != c.ISO3 {
		return false
	}
	switch s {
	case "US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK":
		return false
	}
	return true
}

func (v *view) mark(dst []int32, s doc.Span, val int32, dst2 []int32, val2 int32) {
	a, b := v.d.TokensIn(s)
	if a == b { // span inside a token
		if i := v.d.TokenAt(s.Start); i >= 0 {
			a, b = i, i+1
		}
	}
	for i := a; i < b && i < len(dst); i++ {
		if dst[i] < 0 {
			dst[i] = val
			if dst2 != nil {
				dst2[i] = val2
			}
		}
	}
}

// sentHasTimex reports whether sentence s contains a time expression.
func (v *view) sentHasTimex(s int) bool {
	sn := v.d.Sentences[s]
	for j := sn.FirstToken; j < sn.EndToken; j++ {
		if v.timex[j] >= 0 {
			return true
		}
	}
	return false
}

func grow32(s []int32, n int) []int32 {
	if cap(s) < n {
		s = make([]int32, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = -1
	}
	return s
}

// lowerASCII lowercases ASCII letters, returning s itself when it has none
// in upper case (no allocation in the common case).
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func (v *view) head(i int) int { return int(v.hd[i]) }

// headOf is head for an index that may be -1.
func (v *view) headOf(i int) int {
	if i < 0 {
		return -1
	}
	return int(v.hd[i])
}

// dep returns the relation of token i, without subtype ("obl" for "obl:tmod").
func (v *view) dep(i int) string {
	r := v.d.Tokens[i].Dep
	if j := strings.IndexByte(r, ':'); j >= 0 {
		return r[:j]
	}
	return r
}

// children calls f for each child of i in order; f returns false to stop.
func (v *view) children(i int, f func(c int) bool) {
	for c := v.first[i]; c >= 0; c = v.next[c] {
		if !f(int(c)) {
			return
		}
	}
}

// child returns the first child of i whose full relation is one of rels, or -1.
func (v *view) child(i int, rels ...string) int {
	for c := v.first[i]; c >= 0; c = v.next[c] {
		r := v.d.Tokens[c].Dep
		for _, x := range rels {
			if r == x {
				return int(c)
			}
		}
	}
	return -1
}

// childBase returns the first child whose relation without subtype is rel.
func (v *view) childBase(i int, rel string) int {
	for c := v.first[i]; c >= 0; c = v.next[c] {
		if v.dep(int(c)) == rel {
			return int(c)
		}
	}
	return -1
}

// under reports whether token j lies in the subtree of token c.
func (v *view) under(j, c int) bool {
	for k := 0; k < 64 && j >= 0; k++ {
		if j == c {
			return true
		}
		j = v.head(j)
	}
	return false
}

// caseOf returns the lemma of the case/mark dependent of i ("in" for "in
// Riyadh"), or "".
func (v *view) caseOf(i int) string {
	for c := v.first[i]; c >= 0; c = v.next[c] {
		switch v.dep(int(c)) {
		case "case", "mark":
			return v.lemma[c]
		}
	}
	return ""
}

// span returns the byte span of the phrase headed by h: its subtree
// without clausal, coordinated, appositive and punctuation dependents.
func (v *view) span(h int) doc.Span {
	lo, hi := h, h
	v.spanWalk(h, h, &lo, &hi, 0)
	t := v.d.Tokens
	return doc.Span{Start: int(t[lo].Start), End: int(t[hi].End)}
}

func (v *view) spanWalk(root, i int, lo, hi *int, depth int) {
	if depth > 12 {
		return
	}
	for c := v.first[i]; c >= 0; c = v.next[c] {
		switch v.dep(int(c)) {
		case "conj", "cc", "appos", "punct", "acl", "parataxis", "advcl", "ccomp", "dep", "list", "case", "mark":
			if i == root {
				continue
			}
		}
		if i == root && v.d.Tokens[c].Dep == "acl:relcl" {
			continue
		}
		if int(c) < *lo {
			*lo = int(c)
		}
		if int(c) > *hi {
			*hi = int(c)
		}
		v.spanWalk(root, int(c), lo, hi, depth+1)
	}
}

func (v *view) isNominal(i int) bool {
	u := v.d.Tokens[i].UPOS
	return u == doc.NOUN || u == doc.PROPN
}

// passive reports whether verb i is in the passive voice.
func (v *view) passive(i int) bool {
	for c := v.first[i]; c >= 0; c = v.next[c] {
		switch v.d.Tokens[c].Dep {
		case "nsubj:pass", "aux:pass", "csubj:pass", "obl:agent":
			return true
		}
	}
	return false
}
