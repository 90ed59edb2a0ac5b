package quote

import (
	"context"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// indirect adds reported speech found through the dependency parse: a cue
// verb with a clausal complement ("Ryabkov indicated that …"), a noun-phrase
// content for verbs such as deny or accuse ("denied reports that …"),
// "according to X", and a trailing attribution ("The talks failed, he
// said."). Direct quotes already attributed to the same cue are not
// repeated; reported speech that contains a quoted fragment is marked mixed
// and lends its attribution to the fragment.
func (a *Attributor) indirect(ctx context.Context, v *view, ms []marked, cs []cand) ([]cand, error) {
	ndirect := len(cs)
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
		// Speech reported inside a direct quote belongs to the quote.
		if insideDirect(cs[:ndirect], int(v.toks[i].Start)) {
			continue
		}
		cstart, cend, ok := v.content(i, last, lemma, e.flags)
		if !ok {
			continue
		}
		cstart, cend = trimContent(v.text, cstart, cend)
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
		sa, sb, head, sok := v.speakerFor(i, last, v.sentStart(i), min(len(v.toks), last+10))
		if sok && overlapsTok(v, sa, sb, cstart, cend) {
			sok = false
		}
		v.setCue(&c, i, last, lemma, sa, sb, head, sok)
		// Quoted fragments inside the content: mixed speech.
		for k := 0; k < ndirect; k++ {
			d := &cs[k]
			if d.start >= cstart && d.end <= cend+3 {
				c.mixed = true
				if !d.attributed() || d.cueTok == i || d.inherit >= 0 {
					d.cue, d.cueTok, d.inherit = c.cue, c.cueTok, -1
					d.spkA, d.spkB, d.spkHead = c.spkA, c.spkB, c.spkHead
				}
			}
		}
		cs = append(cs, c)
	}
	return cs, nil
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
		return v.minusSubtree(h, c, src, sent)
	}
	if x := v.complement(c); x >= 0 {
		lo, hi := int(v.lo[x]), int(v.hi[x])
		// Keep the complementizer but not the cue's own words.
		if lo <= c && c <= hi {
			return 0, 0, false
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
			return int(v.toks[lo].Start), int(v.toks[hi].End), true
		}
	}
	// "The talks failed, he said.": the cue hangs off the clause it reports.
	if dep := t.Dep; (dep == "parataxis" || relIs(dep, "parataxis")) && t.Head >= 0 && flags&cueDirect != 0 {
		return v.minusSubtree(int(t.Head), c, c, sent)
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
func (v *view) minusSubtree(h, c, cut int, sent doc.Sentence) (int, int, bool) {
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
	_ = sent
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
