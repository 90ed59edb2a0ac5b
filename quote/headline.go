package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// Headline attributions: a title-case line whose speech verb the tagger
// cannot read ("Lindsey Graham Says Trump Could Address Clean Energy",
// "Clinton Hid Past Health Problems, Former White House Doctor Says.").
// Title case hides the verb from the tagger and the parser, so the line is
// read by word order: the speaker is the words before the verb, and the
// content is the words after it, or the words before the comma when the
// verb closes the line.

// headlineVerbs maps the capitalised speech verbs of headlines (present
// third person and past) to their lemma.
var headlineVerbs = map[string]string{
	"says": "say", "said": "say", "tells": "tell", "told": "tell", "warns": "warn", "warned": "warn",
	"claims": "claim", "claimed": "claim", "admits": "admit", "insists": "insist", "argues": "argue",
	"suggests": "suggest", "reveals": "reveal", "slams": "slam", "urges": "urge", "announces": "announce",
	"praises": "praise", "denies": "deny", "denied": "deny", "vows": "vow", "predicts": "predict",
	"explains": "explain", "writes": "write", "tweets": "tweet", "accuses": "accuse", "blasts": "blast",
	"asks": "ask", "thinks": "think", "believes": "believe", "confirms": "confirm", "declares": "declare",
	"demands": "demand", "blames": "blame", "criticizes": "criticize", "questions": "question",
	"responds": "respond", "replies": "reply", "reports": "report", "calls": "call", "rips": "rip",
	"mocks": "mock", "jokes": "joke", "pledges": "pledge", "promises": "promise", "threatens": "threaten",
	"concedes": "concede", "acknowledges": "acknowledge", "touts": "tout", "defends": "defend",
	"endorses": "endorse", "rejects": "reject", "dismisses": "dismiss", "doubts": "doubt", "fears": "fear",
	"hints": "hint", "indicates": "indicate", "predicted": "predict", "testifies": "testify",
}

// titleLower are the longer function words some headlines leave in lower
// case ("Meetings with Foundation Donors").
var titleLower = map[string]bool{
	"with": true, "from": true, "into": true, "over": true, "than": true, "that": true, "this": true,
	"upon": true, "onto": true, "about": true, "after": true, "amid": true, "against": true,
	"before": true, "under": true, "without": true, "within": true, "while": true, "when": true,
}

// titleCase reports whether the words of text read like a headline: at
// least four words, and every word of four letters or more capitalised.
func titleCase(text string) bool {
	n := 0
	for rest := text; rest != ""; {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		w := strings.TrimLeft(rest[:end], "\"'“‘(")
		rest = rest[end:]
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters == 0 {
			continue
		}
		n++
		if r, _ := utf8.DecodeRuneInString(w); letters >= 4 && !unicode.IsUpper(r) && !unicode.IsDigit(r) && !titleLower[w] {
			return false
		}
	}
	return n >= 4
}

// headlineSpeaker reports whether tokens [a, b] can name a headline's
// speaker: one to six capitalised words without punctuation, ending in a
// noun or name, that name a person, organisation, group or place by the
// entity and actor layers, are all names (the recogniser misses names in
// title case: "Pence"), or end in a person, source or reporting noun
// ("Former White House Doctor", "Poll").
func (v *view) headlineSpeaker(a, b int) bool {
	if a > b || b-a >= 6 {
		return false
	}
	named, names := false, true
	for j := a; j <= b; j++ {
		f := v.form(j)
		if r, _ := utf8.DecodeRuneInString(f); v.isPunct(j) || f == "" || !unicode.IsUpper(r) {
			return false
		}
		switch v.toks[j].UPOS {
		case doc.PROPN:
		case doc.NOUN, doc.ADJ, doc.NUM:
			names = false
		case doc.DET:
			names = names && j == a
		default:
			return false
		}
		switch v.kindOf(j) {
		case "PER", "ORG", "GRP", "LOC":
			named = true
		}
	}
	if u := v.toks[b].UPOS; u != doc.PROPN && u != doc.NOUN {
		return false
	}
	h := strings.ToLower(v.form(b))
	return named || names && b-a < 4 || personNouns[strings.TrimSuffix(h, "s")] || anonymousHeads[h] || labelNouns[h] || h == "doctor" || h == "document"
}

// headlineLines returns the attributions of title-case lines outside
// quotation marks and speaker labels, as reported statements whose cue is
// the headline's speech verb, and gives the quoted words inside them the
// same attribution.
func (v *view) headlineLines(cs []cand) []cand {
	var out []cand
	for i := 0; i < len(v.text); {
		p := skipSpace(v.text, i)
		end := paraEnd(v.text, p)
		i = end + 1
		if p >= end || end-p > 200 || !titleCase(v.text[p:end]) {
			continue
		}
		if _, _, ok := labelAt(v.text, p); ok {
			continue
		}
		a := v.firstTokenAt(p)
		b := a
		for b+1 < len(v.toks) && int(v.toks[b+1].End) <= end {
			b++
		}
		if a >= len(v.toks) || int(v.toks[a].Start) < p {
			continue
		}
		last := b
		for last > a && v.isPunct(last) && !v.isQuoteMark(last) {
			last--
		}
		c, ok := v.headlineAttribution(a, last)
		if !ok {
			continue
		}
		for j := range cs {
			d := &cs[j]
			if d.start >= c.start && d.end <= c.end+3 && !d.attributed() {
				d.cue, d.cueTok, d.inherit = c.cue, c.cueTok, -1
				d.spkA, d.spkB, d.spkHead = c.spkA, c.spkB, c.spkHead
				c.mixed = true
			}
		}
		out = append(out, c)
	}
	return out
}

// headlineAttribution reads title-case tokens [a, last] as "Speaker Verb
// Content" or "Content, Speaker Verb".
func (v *view) headlineAttribution(a, last int) (cand, bool) {
	for k := a + 1; k <= last; k++ {
		lemma, ok := headlineVerbs[strings.ToLower(v.form(k))]
		if !ok || v.quoted(k, k) || v.form(k) == strings.ToLower(v.form(k)) {
			continue
		}
		cs, ce, sa := -1, -1, a
		if k == last {
			// "Content, Speaker Says."
			comma := k - 1
			for comma > a && v.form(comma) != "," {
				comma--
			}
			if comma <= a {
				continue
			}
			cs, ce, sa = a, comma-1, comma+1
		} else if k+1 <= last {
			// "Clinton Says Russians Hacked DNC, Calls Trump’s Remarks
			// ‘Troubling.’": the statement ends before the next verb.
			cs, ce = k+1, last
			for j := k + 2; j < last; j++ {
				if _, ok := headlineVerbs[strings.ToLower(v.form(j+1))]; ok && v.form(j) == "," {
					ce = j - 1
					break
				}
			}
		}
		if cs < 0 || !v.headlineSpeaker(sa, k-1) {
			continue
		}
		s, e := trimContent(v.text, int(v.toks[cs].Start), int(v.toks[ce].End))
		if words(v.text[s:e]) < 2 {
			continue
		}
		c := newCand(s, e, -1)
		v.setCue(&c, k, k, lemma, sa, k-1, k-1, true)
		return c, true
	}
	return cand{}, false
}
