package quote

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// cand is a quote being built.
type cand struct {
	start, end int // content span
	m          int // index of the marked stretch for direct quotes, -1 for indirect
	direct     bool
	mixed      bool
	cue        *doc.Cue
	cueTok     int // first cue token, -1 if none
	// Speaker tokens [spkA, spkB] and head, when found (spkA < 0 if none).
	spkA, spkB, spkHead int
	spk                 *doc.Speaker
	// inherit is the index (in the candidate list) of the quote whose
	// attribution this one continues, or -1.
	inherit int
	// title marks quoted words that read as a name ("on NBC’s “Meet the
	// Press”"): no cue, and no fragment of reported speech.
	title bool
}

func newCand(start, end, m int) cand {
	return cand{start: start, end: end, m: m, cueTok: -1, spkA: -1, spkHead: -1, inherit: -1}
}

// attributed reports whether the candidate has a cue or a speaker.
func (c *cand) attributed() bool { return c.cue != nil || c.spkA >= 0 }

// extract finds every quote in the view.
func (a *Attributor) extract(ctx context.Context, v *view) ([]doc.Quote, error) {
	ms := scanMarks(v.text, nil)
	v.marks = ms
	cs := make([]cand, 0, len(ms)+8)
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
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	v.continuations(ms, cs)
	cs = append(cs, v.labelLines(ms, cs)...)
	cs = append(cs, v.headlineLines(cs)...)
	v.setDirectCues(cs)
	var err error
	ndirect := len(cs)
	if cs, err = a.indirect(ctx, v, ms, cs); err != nil {
		return nil, err
	}
	// Quotes attributed through the parse lend their attribution too.
	v.continuations(ms, cs[:ndirect])
	cs = v.leadIns(ms, cs, ndirect)
	// Keep unattributed direct quotes only when they read like statements
	// rather than titles or scare quotes.
	keep := cs[:0]
	for _, c := range cs {
		if c.direct && !c.attributed() && c.inherit < 0 && (words(v.text[c.start:c.end]) < 6 || c.title) {
			continue
		}
		keep = append(keep, c)
	}
	cs = keep
	return v.finish(cs), nil
}

// leadIns adds the reported statement of a quote that does not open its
// sentence and is attributed after it: "Not paying taxes “makes me smart,”
// Trump said" states the whole sentence, the quoted words being part of it.
// The statement runs from the sentence start to the quote's end, with the
// quote's cue and speaker (mixed speech). The words before the quote must
// hold no cue of their own, nor another quotation.
func (v *view) leadIns(ms []marked, cs []cand, ndirect int) []cand {
	for i := 0; i < ndirect; i++ {
		c := &cs[i]
		if !c.direct || c.m < 0 || c.cueTok < 0 || int(v.toks[c.cueTok].Start) < c.end {
			continue
		}
		m := ms[c.m]
		jOpen := v.firstTokenAt(m.open)
		if jOpen >= len(v.toks) {
			continue
		}
		first := v.sentStart(jOpen)
		if v.toks[c.cueTok].Sent != v.toks[jOpen].Sent {
			continue
		}
		if c.m > 0 && ms[c.m-1].close > int(v.toks[first].Start) {
			continue // another quotation earlier in the sentence
		}
		nw, cue := 0, false
		for j := first; j < jOpen; j++ {
			if v.isPunct(j) {
				continue
			}
			nw++
			if _, _, ok := v.cueAt(j, cueClause); ok {
				cue = true
			}
		}
		if nw < 2 || cue || v.hasNewline(int(v.toks[first].Start), m.open) {
			continue
		}
		x := *c
		x.start, x.m, x.direct, x.mixed, x.inherit = int(v.toks[first].Start), -1, false, true, -1
		if m.closed {
			x.end = m.close // the closing mark too, so that the marks pair up
		}
		cs = append(cs, x)
	}
	return cs
}

// continuations gives a direct quote with no attribution of its own the
// attribution of the quote it continues: the next part in the same
// paragraph, or the next paragraph opening with a quote.
func (v *view) continuations(ms []marked, cs []cand) {
	for i := range cs {
		c := &cs[i]
		if c.attributed() || i == 0 || c.m < 0 || c.title && ms[c.m].paraStart {
			continue
		}
		k := i - 1
		for k > 0 && cs[k].title && cs[k].m >= 0 && ms[cs[k].m].para == ms[c.m].para {
			k-- // a show's title between the parts (“…” on CNN’s “State of the Union.” “…”)
		}
		p := &cs[k]
		if p.m < 0 || !p.attributed() && p.inherit < 0 {
			continue
		}
		if v.adjacent(ms[p.m], ms[c.m]) && v.opensStatement(ms[c.m]) {
			c.inherit = k
			if p.inherit >= 0 {
				c.inherit = p.inherit
			}
			j := c.inherit
			c.cue, c.cueTok = cs[j].cue, cs[j].cueTok
			c.spkA, c.spkB, c.spkHead = cs[j].spkA, cs[j].spkB, cs[j].spkHead
		}
	}
}

// relativePronoun lists the words that open a relative clause.
var relativePronoun = map[string]bool{"who": true, "whom": true, "whose": true, "which": true}

// opensStatement reports whether quote m can continue a statement: it
// opens its paragraph or follows punctuation ("…," he said, "until …"),
// unlike a title after a word ("who hosts “Market Talk.”").
func (v *view) opensStatement(m marked) bool {
	if m.paraStart {
		return true
	}
	r := runeBefore(v.text, m.open)
	for i := m.open; r >= 0 && unicode.IsSpace(r); {
		i -= utf8.RuneLen(r)
		r = runeBefore(v.text, i)
	}
	return r < 0 || unicode.IsPunct(r)
}

// finish orders the candidates, resolves speakers in text order and builds
// the quote records.
func (v *view) finish(cs []cand) []doc.Quote {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].start < cs[j].start })
	out := make([]doc.Quote, 0, len(cs))
	spk := map[[3]int]*doc.Speaker{}
	for i := range cs {
		c := &cs[i]
		if c.spkA >= 0 {
			key := [3]int{c.spkA, c.spkB, c.spkHead}
			if s, ok := spk[key]; ok {
				c.spk = s
			} else {
				c.spk = v.makeSpeaker(c.spkA, c.spkB, c.spkHead, cs[:i])
				spk[key] = c.spk
			}
		}
		q := doc.Quote{
			ID: "q" + itoa(len(out)+1), Text: v.text[c.start:c.end], Start: c.start, End: c.end,
			Direct: c.direct, Mixed: c.mixed, Cue: c.cue,
		}
		if c.spk != nil {
			s := *c.spk
			q.Speaker = &s
		}
		out = append(out, q)
	}
	return out
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// words counts the words of s.
func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// trimContent trims space, and a trailing comma, from a quote's content.
func trimContent(s string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) && r != ',' {
			break
		}
		b -= n
	}
	return a, b
}

// adjacent reports whether quote q directly continues quote p: in the same
// paragraph, or opening the paragraph right after p's.
func (v *view) adjacent(p, q marked) bool {
	if q.open < p.close {
		return false
	}
	nl := strings.IndexByte(v.text[p.close:q.open], '\n')
	if nl < 0 {
		return true
	}
	if !q.paraStart {
		return false
	}
	return strings.TrimSpace(v.text[p.close+nl:q.open]) == ""
}

// setCue records cue tokens [c, last] and the speaker on a candidate.
func (v *view) setCue(x *cand, c, last int, lemma string, a, b, head int, ok bool) {
	sp := v.span(c, last)
	x.cue = &doc.Cue{Text: v.text[sp.Start:sp.End], Start: sp.Start, End: sp.End, Lemma: lemma}
	x.cueTok = c
	if ok {
		x.spkA, x.spkB, x.spkHead = a, b, head
	}
}

// isFinal reports whether token j ends a sentence.
func (v *view) isFinal(j int) bool {
	f := v.form(j)
	return f == "." || f == "!" || f == "?" || f == ";"
}

// attributeDirect finds the cue and speaker of direct quote k: after the
// closing mark ("…," Rubio said), before the opening mark (Rubio said: "…"
// or a fragment inside reported speech), at the end of the previous
// paragraph when it ends with a colon ("Rubio responded:"), or a bare
// "Name:" label (headlines, transcripts).
func (v *view) attributeDirect(ms []marked, k int, x *cand) {
	m := ms[k]
	n := len(v.toks)
	if v.subhead(m, x) {
		x.title = true
		return // a section heading set in quotation marks
	}
	if v.titleLike(m, x) {
		// After a possessive or "on", "in", "the", it names a show or a
		// paper even inside reported speech.
		if j := v.firstTokenAt(m.open) - 1; j >= 0 {
			x.title = v.toks[j].XPOS == "POS" || titleBefore[strings.ToLower(v.form(j))]
		}
		return // "on NBC’s “Meet the Press,” Carson said": a name, not speech
	}
	// After the closing mark, unless the quote ended its sentence and a new
	// one starts ("… herself." He also said …).
	if m.closed && !v.sentenceAfter(m) {
		limit := len(v.text)
		if k+1 < len(ms) {
			limit = ms[k+1].open
		}
		j0 := v.firstTokenAt(m.close)
		if v.dashSignature(j0, limit, x) {
			return
		}
		for j := j0; j < n && j < j0+16; j++ {
			t := v.toks[j]
			if int(t.Start) >= limit || v.hasNewline(m.close, int(t.Start)) || v.isFinal(j) {
				break
			}
			if lemma, last, ok := v.cueAt(j, cueDirect); ok {
				floor := j0
				a, b, head, sok := v.speakerFor(j, last, floor, min(n, j+10), m.open, m.close)
				if sok && (a < j0 || int(v.toks[b].End) > limit) {
					// The parse's subject runs into the quote or the next
					// one: "…," said Cuban, who hosts "Shark Tank."
					a, b, sok = v.phraseAfter(last, min(n, j+10))
					head = b
					sok = sok && a >= j0 && int(v.toks[b].End) <= limit
				}
				v.setCue(x, j, last, lemma, a, b, head, sok)
				return
			}
			if v.deps && t.UPOS == doc.VERB {
				break
			}
		}
	}
	// Before the opening mark.
	floor := 0
	if k > 0 {
		floor = v.firstTokenAt(ms[k-1].close)
	}
	jOpen := v.firstTokenAt(m.open)
	for j := jOpen - 1; j >= floor && j > jOpen-30; j-- {
		if v.hasNewline(int(v.toks[j].End), m.open) || (j < jOpen-1 && v.isFinal(j)) {
			break
		}
		if relativePronoun[strings.ToLower(v.form(j))] {
			break // "…, who hosts “Market Talk.”": the quote is the relative clause's
		}
		lemma, last, ok := v.cueAt(j, cueDirect)
		if !ok {
			lemma, last, ok = v.cueAt(j, cueClause)
		}
		if ok {
			sf := max(floor, v.sentStart(j))
			a, b, head, sok := v.speakerFor(j, last, sf, jOpen, m.open, m.close)
			v.setCue(x, j, last, lemma, a, b, head, sok)
			return
		}
	}
	if m.paraStart {
		// "Rubio responded:" closing the previous paragraph.
		e := m.open
		for e > 0 {
			r, sz := utf8.DecodeLastRuneInString(v.text[:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= sz
		}
		if e > 0 && v.text[e-1] == ':' && (k == 0 || ms[k-1].close <= e) {
			jc := v.firstTokenAt(e) - 1 // the colon
			for j := jc - 1; j >= 0 && j > jc-30; j-- {
				if v.hasNewline(int(v.toks[j].End), e) || v.isFinal(j) {
					break
				}
				if lemma, last, ok := v.cueAt(j, cueDirect); ok {
					a, b, head, sok := v.speakerFor(j, last, v.sentStart(j), jc, m.open, m.close)
					v.setCue(x, j, last, lemma, a, b, head, sok)
					return
				}
			}
		}
	}
	// "Name: “…”" labels.
	if jOpen > 0 && jOpen-1 < n && v.form(jOpen-1) == ":" {
		a := jOpen - 2
		for a >= floor && a > jOpen-7 && !v.isPunct(a) && !v.hasNewline(int(v.toks[a].End), m.open) {
			a--
		}
		a++
		if a <= jOpen-2 && (a == 0 || v.hasNewline(int(v.toks[a-1].End), int(v.toks[a].Start)) || v.isFinal(a-1)) && v.properName(a, jOpen-2) {
			sp := v.span(jOpen-1, jOpen-1)
			x.cue = &doc.Cue{Text: v.text[sp.Start:sp.End], Start: sp.Start, End: sp.End}
			x.cueTok = jOpen - 1
			x.spkA, x.spkB, x.spkHead = a, jOpen-2, jOpen-2
		}
	}
}

// titleBefore are words after which capitalised quoted words are a title.
var titleBefore = map[string]bool{"on": true, "in": true, "the": true, "of": true}

// titleLike reports whether quote m (content x) reads like the title of a
// show, book or article inside a sentence: at most six words, every word of
// four or more letters capitalised, after a word rather than at the
// paragraph start or after punctuation.
func (v *view) titleLike(m marked, x *cand) bool {
	if m.paraStart || v.opensStatement(m) {
		return false
	}
	t := strings.TrimRight(v.text[x.start:x.end], ".,")
	if strings.ContainsAny(t, "?!") {
		return false
	}
	ws := strings.Fields(t)
	if len(ws) == 0 || len(ws) > 6 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) >= 4 && !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(ws[0])
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// subhead reports whether quote m (content x) is a section heading set in
// quotation marks, as some archives render them: the whole paragraph, two
// to eight words in title case ("'Legend in the Coal Fields.'"), no
// sentence punctuation inside.
func (v *view) subhead(m marked, x *cand) bool {
	if !m.paraStart || !m.closed {
		return false
	}
	if rest := strings.TrimSpace(v.text[m.close:paraEnd(v.text, m.close)]); rest != "" {
		return false
	}
	t := strings.TrimRight(v.text[x.start:x.end], ".")
	if strings.ContainsAny(t, ".,;:?!\"“”") {
		return false
	}
	return len(strings.Fields(t)) <= 8 && titleWords(t)
}

// titleWords reports whether t is two or more words in title case: the
// first and every word of four letters or more capitalised, save a few
// function words ("Secret Lives of the Super Rich").
func titleWords(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < 2 {
		return false
	}
	for i, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if (i == 0 || utf8.RuneCountInString(w) >= 4 && !titleLower[w]) && !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// dashes introduce a signature after a quote ("“…” ― Pamela Padilla").
var dashes = map[string]bool{"—": true, "―": true, "–": true, "-": true, "--": true, "―-": true}

// dashSignature attributes quote x to a name that follows its closing mark
// after a dash and ends the paragraph ("“…” ― Sonya Herridge"): the dash is
// the cue. Tokens from j0 on, before offset limit, are considered.
func (v *view) dashSignature(j0, limit int, x *cand) bool {
	n := len(v.toks)
	if j0 >= n || !dashes[v.form(j0)] || int(v.toks[j0].Start) >= limit {
		return false
	}
	a := j0 + 1
	b := a
	for b < n && b < a+6 && !v.hasNewline(int(v.toks[j0].End), int(v.toks[b].Start)) && !v.isPunct(b) {
		b++
	}
	b--
	if b < a || !v.properName(a, b) || int(v.toks[b].End) > limit {
		return false
	}
	// The name must end the paragraph (a final period aside).
	e := int(v.toks[b].End)
	if b+1 < n && v.form(b+1) == "." {
		e = int(v.toks[b+1].End)
	}
	if strings.TrimSpace(v.text[e:paraEnd(v.text, e)]) != "" {
		return false
	}
	sp := v.span(j0, j0)
	x.cue = &doc.Cue{Text: v.text[sp.Start:sp.End], Start: sp.Start, End: sp.End}
	x.cueTok = j0
	x.spkA, x.spkB, x.spkHead = a, b, b
	return true
}

// sentenceAfter reports whether quote m ends with a period inside its
// marks and a capitalised word follows it.
func (v *view) sentenceAfter(m marked) bool {
	e := m.ce
	for e > m.cs {
		r, n := utf8.DecodeLastRuneInString(v.text[:e])
		if !unicode.IsSpace(r) && r != '\'' && r != '’' {
			break
		}
		e -= n
	}
	if e <= m.cs || v.text[e-1] != '.' {
		return false
	}
	r, _ := runeAt(v.text, skipSpace(v.text, m.close))
	return unicode.IsUpper(r)
}

// skipSpace returns the offset of the first non-space character at or
// after i.
func skipSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// properName reports whether tokens [a, b] are all capitalised words.
func (v *view) properName(a, b int) bool {
	for j := a; j <= b; j++ {
		r, _ := utf8.DecodeRuneInString(v.form(j))
		if !unicode.IsUpper(r) && v.toks[j].UPOS != doc.PROPN {
			return false
		}
	}
	return true
}

// sentStart returns the first token of token j's sentence.
func (v *view) sentStart(j int) int {
	s := int(v.toks[j].Sent)
	if s >= 0 && s < len(v.sents) {
		return v.sents[s].FirstToken
	}
	return 0
}
