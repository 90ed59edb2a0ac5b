package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// Speaker labels: a paragraph that opens with a name and a colon gives the
// name's words. Interview transcripts ("WALLACE: Let's start …", "Q: …",
// "A: …"), headline attributions ("Pence: Gennifer Flowers Won't Be at
// Debate") and quoted transcript paragraphs ("“PENCE: Well, look, …") use it;
// the colon is the cue and the label the speaker.

// labelStop lists paragraph labels that introduce no speech: section names,
// notes and headline kickers.
var labelStop = map[string]bool{
	"update": true, "updated": true, "note": true, "editor's note": true, "editor’s note": true,
	"editors note": true, "correction": true, "corrections": true, "related": true, "watch": true,
	"video": true, "photo": true, "photos": true, "read more": true, "see also": true, "source": true,
	"sources": true, "the latest": true, "latest": true, "breaking": true, "breaking news": true,
	"exclusive": true, "contributing": true, "byline": true, "dateline": true, "email": true,
	"twitter": true, "facebook": true, "follow": true, "name": true, "paid notice": true, "revealed": true,
	"wow": true, "boom": true, "busted": true, "bombshell": true, "look": true, "listen": true,
	"analysis": true, "opinion": true, "live": true, "transcript": true, "warning": true, "disclaimer": true,
	"caption": true, "credit": true, "credits": true, "editing": true, "reporting": true, "so": true,
	"just leaked": true, "fact check": true, "graphic": true, "chart": true, "map": true, "poll results": true,
}

// labelNouns are common nouns that speak in headline labels ("Poll: …").
var labelNouns = map[string]bool{
	"poll": true, "polls": true, "report": true, "survey": true, "study": true, "audit": true,
	"lawsuit": true, "memo": true, "documents": true, "filing": true, "indictment": true,
}

// labelAt reports whether a speaker label opens the text at offset i: one
// to four capitalised words ("WALLACE", "Jake Tapper", "Q"), a colon and a
// space. It returns the end of the label's words and the offset of the
// first character after the colon's following space.
func labelAt(s string, i int) (wordsEnd, next int, ok bool) {
	j, nw := i, 0
	for nw < 4 {
		r, _ := runeAt(s, j)
		if r < 0 || !unicode.IsUpper(r) {
			return 0, 0, false
		}
		k := j
		for k < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[k:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '.' || r2 == '\'' || r2 == '’' || r2 == '-' {
				k += n2
				continue
			}
			break
		}
		nw++
		j = k
		if j >= len(s) {
			return 0, 0, false
		}
		if s[j] == ':' {
			break
		}
		if s[j] != ' ' {
			return 0, 0, false
		}
		j++
	}
	if j >= len(s) || s[j] != ':' || j-i > 40 {
		return 0, 0, false
	}
	r, n := runeAt(s, j+1)
	if r < 0 || r == '\n' || !unicode.IsSpace(r) {
		return 0, 0, false // "10:30", "Partial transcript:" at the line end
	}
	if labelStop[strings.ToLower(s[i:j])] {
		return 0, 0, false
	}
	return j, skipSpace(s, j+1+n), true
}

// capsLabel reports whether label text is written in capitals ("WALLACE",
// "JAKE TAPPER") or is an interview's "Q" or "A".
func capsLabel(l string) bool {
	if l == "Q" || l == "A" {
		return true
	}
	letters := 0
	for _, r := range l {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// labelTokens returns the tokens [a, b] of a label at [start, end) and
// whether the label can name a speaker: written in capitals, or a person,
// organisation or group by the entity and actor layers, or a reporting noun
// ("Poll: …").
func (v *view) labelTokens(start, end int) (a, b int, ok bool) {
	a = v.firstTokenAt(start)
	b = a
	for b+1 < len(v.toks) && int(v.toks[b+1].End) <= end {
		b++
	}
	if a >= len(v.toks) || int(v.toks[a].Start) != start || int(v.toks[b].End) != end {
		return 0, 0, false
	}
	if capsLabel(v.text[start:end]) {
		return a, b, true
	}
	for j := a; j <= b; j++ {
		switch v.kindOf(j) {
		case "PER", "ORG", "GRP":
			return a, b, true
		}
	}
	if a == b && labelNouns[strings.ToLower(v.form(a))] {
		return a, b, true
	}
	return a, b, false
}

// setLabel records the colon after label tokens [a, b] as the cue of x and
// the label as its speaker.
func (v *view) setLabel(x *cand, a, b int) {
	colon := b + 1
	if colon >= len(v.toks) || v.form(colon) != ":" {
		return
	}
	sp := v.span(colon, colon)
	x.cue = &doc.Cue{Text: v.text[sp.Start:sp.End], Start: sp.Start, End: sp.End}
	x.cueTok = colon
	x.spkA, x.spkB, x.spkHead = a, b, b
}

// labelled handles a direct quote that opens its paragraph with a speaker
// label ("“PENCE: Well, look, …"): the content starts after the label, which
// is its speaker. It reports whether the quote had one.
func (v *view) labelled(m marked, x *cand) bool {
	if !m.paraStart {
		return false
	}
	we, next, ok := labelAt(v.text, x.start)
	if !ok || next >= x.end {
		return false
	}
	a, b, ok := v.labelTokens(x.start, we)
	if !ok {
		return false
	}
	x.start = next
	v.setLabel(x, a, b)
	return x.cue != nil
}

// labelLines returns the paragraphs outside quotation marks that open with
// a speaker label and hold at least three words after it, as attributed
// candidates (direct for transcript labels in capitals, reported for
// headline labels), and gives quoted words inside them the same attribution.
func (v *view) labelLines(ms []marked, cs []cand) []cand {
	var out []cand
	k := 0 // marks before the paragraph
	for i := 0; i < len(v.text); {
		p := skipSpace(v.text, i)
		end := paraEnd(v.text, p)
		i = end + 1
		if p >= end {
			continue
		}
		for k < len(ms) && ms[k].close <= p {
			k++
		}
		if k < len(ms) && ms[k].open <= p {
			continue // inside a quotation
		}
		we, next, ok := labelAt(v.text, p)
		if !ok || next >= end {
			continue
		}
		s, e := trimContent(v.text, next, end)
		if words(v.text[s:e]) < 3 {
			continue
		}
		a, b, ok := v.labelTokens(p, we)
		if !ok {
			continue
		}
		c := newCand(s, e, -1)
		c.direct = capsLabel(v.text[p:we])
		v.setLabel(&c, a, b)
		if c.cue == nil {
			continue
		}
		for j := range cs {
			d := &cs[j]
			if d.start >= s && d.end <= e && !d.attributed() {
				d.cue, d.cueTok, d.inherit = c.cue, c.cueTok, -1
				d.spkA, d.spkB, d.spkHead = c.spkA, c.spkB, c.spkHead
				if !c.direct {
					c.mixed = true
				}
			}
		}
		out = append(out, c)
	}
	return out
}
