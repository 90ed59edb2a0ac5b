package quote

import (
	"context"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// indirect adds reported speech (see proposals): a cue with a clausal
// complement ("Ryabkov indicated that …"), a noun-phrase content ("denied
// reports that …"), "according to X", or a trailing attribution ("The
// talks failed, he said."). Direct quotes already attributed to the same cue are not
// repeated; reported speech that contains a quoted fragment is marked mixed
// and lends its attribution to the fragment.
func (a *Attributor) indirect(ctx context.Context, v *view, ms []marked, cs []cand) ([]cand, error) {
	ndirect := len(cs)
	props, err := a.proposals(ctx, v, cs[:ndirect])
	if err != nil {
		return nil, err
	}
	for _, p := range props {
		i, last, lemma := p.c, p.last, p.lemma
		cstart, cend := trimContent(v.text, p.start, p.end)
		if cend-cstart < 2 {
			continue
		}
		// A direct quote with this cue that covers most of the content
		// already is this statement.
		dup := false
		ks, ke := coreSpan(v.text, cstart, cend)
		for k := 0; k < ndirect; k++ {
			d := &cs[k]
			ov := min(d.end, ke) - max(d.start, ks)
			if ov > 0 && (d.cueTok == i || d.cueTok < 0) && ov*10 >= (ke-ks)*6 {
				dup = true
				// The parse found the cue of an unattributed quote
				// ("…," Senate Minority Leader Harry Reid said).
				if !d.attributed() && d.inherit < 0 {
					sa, sb, head, sok := v.speakerFor(i, last, v.sentStart(i), min(len(v.toks), last+10), d.start, d.end)
					v.setCue(d, i, last, lemma, sa, sb, head, sok)
				}
				break
			}
			if ov > 0 && d.start <= ks && ke <= d.end {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		c := newCand(cstart, cend, -1)
		sa, sb, head, sok := v.speakerFor(i, last, v.sentStart(i), min(len(v.toks), last+10), cstart, cend)
		if sok && int(v.toks[sa].Start) == cstart {
			continue // the content opens with its own speaker ("said Jeffrey Trimble, a senior official")
		}
		v.setCue(&c, i, last, lemma, sa, sb, head, sok)
		// Quoted fragments inside the content: mixed speech.
		for k := 0; k < ndirect; k++ {
			d := &cs[k]
			if d.start >= cstart && d.end <= cend+3 && !d.title {
				c.mixed = true
				inner := d.cueTok >= 0 && int(v.toks[d.cueTok].Start) >= cstart && int(v.toks[d.cueTok].End) <= cend
				if !d.attributed() || d.cueTok == i || d.inherit >= 0 || inner {
					d.cue, d.cueTok, d.inherit = c.cue, c.cueTok, -1
					d.spkA, d.spkB, d.spkHead = c.spkA, c.spkB, c.spkHead
				}
			}
		}
		cs = append(cs, c)
	}
	return cs, nil
}

// proposal is reported speech found by the model or the cue table: cue
// tokens [c, last] and the content's byte span.
type proposal struct {
	c, last    int
	lemma      string
	start, end int
}

// proposals finds reported speech: with a parse and a model, the model's
// accepted candidates; otherwise cue verbs from the cue table with their
// content from the parse or from word order.
func (a *Attributor) proposals(ctx context.Context, v *view, direct []cand) ([]proposal, error) {
	var out []proposal
	if v.deps && a.model != nil {
		for _, k := range v.modelCandidates(a.model) {
			// Speech reported inside a direct quote belongs to the quote.
			if insideDirect(direct, int(v.toks[k.c].Start)) {
				continue
			}
			lemma := v.lemma(k.c)
			if k.last > k.c {
				lemma = "according to"
			}
			out = append(out, proposal{c: k.c, last: k.last, lemma: lemma, start: int(v.toks[k.lo].Start), end: int(v.toks[k.hi].End)})
		}
		return out, ctx.Err()
	}
	for i := 0; i < len(v.toks); i++ {
		if i&255 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		lemma, last, ok := v.cueAt(i, 0)
		if !ok {
			continue
		}
		e, _ := v.lx.lookup(lemma)
		if lemma != "according to" && e.prec < v.lx.minPrec {
			continue
		}
		if insideDirect(direct, int(v.toks[i].Start)) {
			continue
		}
		cstart, cend, ok := 0, 0, false
		if v.deps {
			cstart, cend, ok = v.content(i, last, lemma, e.flags)
		}
		if !ok && e.flags&(cueClause|cueDirect) != 0 && lemma != "according to" {
			cstart, cend, ok = v.surfaceContent(i, last, lemma)
		}
		if ok {
			out = append(out, proposal{c: i, last: last, lemma: lemma, start: cstart, end: cend})
		}
	}
	return out, nil
}

// insideDirect reports whether offset off lies inside a direct quote.
func insideDirect(cs []cand, off int) bool {
	for k := range cs {
		if cs[k].direct && cs[k].start <= off && off < cs[k].end {
			return true
		}
	}
	return false
}

// overlapsTok reports whether tokens [a, b] overlap the byte range [s, e).
func overlapsTok(v *view, a, b, s, e int) bool {
	return int(v.toks[a].Start) < e && s < int(v.toks[b].End)
}

// content returns the byte span of what cue token c (ending at token last)
// reports.
func (v *view) content(c, last int, lemma string, flags uint8) (int, int, bool) {
	t := v.toks[c]
	sent := v.sents[t.Sent]
	if lemma == "according to" {
		// The clause the "according to" phrase hangs off, minus the phrase.
		src := int(t.Head)
		if src < 0 {
			return 0, 0, false
		}
		h := int(v.toks[src].Head)
		if h < 0 {
			return 0, 0, false
		}
		return v.minusSubtree(h, c, src)
	}
	if x := v.complement(c); x >= 0 {
		lo, hi := int(v.lo[x]), int(v.hi[x])
		// Keep the complementizer but not the cue's own words.
		if lo <= c && c <= hi {
			return 0, 0, false
		}
		// Words after the complement that the parser hung on the cue
		// ("said cooperation would be contingent | on a settlement") belong
		// to the complement, unless they are another statement.
		if lo > c {
			for j := hi + 1; j < sent.EndToken; j++ {
				if int(v.toks[j].Head) != c {
					continue
				}
				d := v.toks[j].Dep
				if _, _, isCue := v.cueAt(j, 0); isCue || relIs(d, "conj") || relIs(d, "punct") || relIs(d, "parataxis") || relIs(d, "cc") {
					break
				}
				hi = max(hi, int(v.hi[j]))
			}
		}
		// "says the actions are ripe": a parser that took the subject of
		// the complement for the cue's object. Verbs whose object is the
		// addressee ("told reporters that …") keep their object out.
		if o := v.child(c, "obj"); o > c && int(v.hi[o]) < lo && !addressee[lemma] {
			lo = int(v.lo[o])
		}
		return int(v.toks[lo].Start), int(v.toks[hi].End), true
	}
	if flags&cueObject != 0 {
		if o := v.child(c, "obj"); o >= 0 && o > c {
			lo, hi := int(v.lo[o]), int(v.hi[o])
			// Extend over what follows the object: "accused Trump of …".
			for j := sent.FirstToken; j < sent.EndToken; j++ {
				if int(v.toks[j].Head) != c || j <= hi {
					continue
				}
				switch d := v.toks[j].Dep; {
				case relIs(d, "obl"), relIs(d, "advcl"), relIs(d, "xcomp"), relIs(d, "ccomp"):
					if int(v.hi[j]) > hi {
						hi = int(v.hi[j])
					}
				}
			}
			if hi == lo && (v.toks[lo].UPOS == doc.PRON || v.toks[lo].UPOS == doc.NoPOS) {
				return 0, 0, false // "called him": no content
			}
			return int(v.toks[lo].Start), int(v.toks[hi].End), true
		}
	}
	// "The talks failed, he said.": the cue hangs off the clause it reports.
	if dep := t.Dep; (dep == "parataxis" || relIs(dep, "parataxis")) && t.Head >= 0 && flags&cueDirect != 0 {
		return v.minusSubtree(int(t.Head), c, c)
	}
	return 0, 0, false
}

// complement returns the clausal complement of cue c: its ccomp, or the
// xcomp of a "say"-type verb, or -1.
func (v *view) complement(c int) int {
	if x := v.child(c, "ccomp"); x >= 0 {
		return x
	}
	return -1
}

// minusSubtree returns the span of head h's subtree without the subtree of
// token cut (whose first token may be c), keeping the larger side when the
// cut lies in the middle.
func (v *view) minusSubtree(h, c, cut int) (int, int, bool) {
	lo, hi := int(v.lo[h]), int(v.hi[h])
	clo, chi := min(int(v.lo[cut]), c), int(v.hi[cut])
	if clo < lo || chi > hi {
		return 0, 0, false
	}
	switch {
	case clo <= lo && chi >= hi:
		return 0, 0, false
	case clo <= lo:
		lo = chi + 1
	case chi >= hi:
		hi = clo - 1
	default:
		if clo-lo >= hi-chi {
			hi = clo - 1
		} else {
			lo = chi + 1
		}
	}
	for lo <= hi && v.isPunct(lo) {
		lo++
	}
	for hi >= lo && v.isPunct(hi) {
		hi--
	}
	if lo > hi {
		return 0, 0, false
	}
	return int(v.toks[lo].Start), int(v.toks[hi].End), true
}

// coreSpan strips punctuation, quotation marks and space from both ends of
// a span.
func coreSpan(s string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:b])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			break
		}
		b -= n
	}
	return a, b
}

// addressee lists cue verbs whose object is the person addressed, not part
// of what is said.
var addressee = map[string]bool{
	"tell": true, "ask": true, "inform": true, "assure": true, "remind": true, "warn": true,
	"urge": true, "notify": true, "convince": true, "persuade": true, "promise": true, "advise": true,
	"caution": true, "instruct": true, "order": true, "email": true, "text": true, "call": true,
	"brief": true, "teach": true, "show": true, "write": true,
}

// surfaceContent finds the content of a reporting verb from word order
// alone, for when the parse gives none: what follows the cue up to the end
// of the sentence ("Rubio also said the two delegations agreed …", "told
// reporters that …"), or, when the cue closes its sentence, what precedes
// the comma before its subject ("Moscow is working …, Ryabkov announced on
// Feb. 22."; "…, said Rubio.").
func (v *view) surfaceContent(c, last int, lemma string) (int, int, bool) {
	s := v.sents[v.toks[c].Sent]
	first, end := s.FirstToken, s.EndToken-1
	for end > last && v.isPunct(end) {
		end--
	}
	// Forward: content after the cue.
	j := last + 1
	for j <= end && (v.toks[j].UPOS == doc.ADV || speakerAdverbs[v.form(j)]) {
		j++
	}
	if addressee[lemma] {
		k := j
		for k <= end && k < j+6 && !v.isPunct(k) && v.form(k) != "that" {
			k++
		}
		if k > end || v.form(k) != "that" {
			j = end + 1
		} else {
			j = k
		}
	}
	if j <= end && j > last {
		switch u := v.toks[j].UPOS; {
		case v.form(j) == "that" || u == doc.DET || u == doc.PROPN || u == doc.PRON || u == doc.NOUN || u == doc.NUM || u == doc.ADJ:
			for k := j + 1; k <= end; k++ {
				if u := v.toks[k].UPOS; u == doc.VERB || u == doc.AUX {
					return int(v.toks[j].Start), int(v.toks[end].End), true
				}
			}
		}
	}
	// Backward: the cue ends its sentence (nothing but an adjunct after it).
	for k := last + 1; k <= end; k++ {
		if u := v.toks[k].UPOS; u == doc.VERB || u == doc.AUX || v.form(k) == "that" {
			return 0, 0, false
		}
	}
	k := c - 1
	if k > first && v.form(k) != "," {
		a, _, ok := v.phraseBefore(c, first)
		if !ok {
			return 0, 0, false
		}
		k = a - 1
	}
	if k <= first || v.form(k) != "," {
		return 0, 0, false
	}
	k--
	for k >= first && v.isPunct(k) {
		k--
	}
	if k < first {
		return 0, 0, false
	}
	return int(v.toks[first].Start), int(v.toks[k].End), true
}
