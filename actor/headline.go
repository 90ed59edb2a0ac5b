package actor

import (
	"strings"
	"unicode"

	"github.com/chronicle-news/chronicle/doc"
)

// headlineCased reports whether sentence tokens [a, b) are written in
// title case or capitals ("Pence Endorses Paul Ryan With Trump Watching"):
// at least two closed-class words (prepositions, conjunctions, pronouns,
// determiners, auxiliaries, particles), which running text writes in lower
// case, are capitalised after the first word, and they are at least half
// of the sentence's closed-class words; or it has three or more words and
// none with a lower-case letter ("ELEVEN POLICE KILLED IN CAR BOMB ATTACK"). In such sentences capitals say
// nothing about names, so runs of capitalised words that the recogniser
// did not call entities are not taken as names.
func (lk *linking) headlineCased(a, b int) bool {
	words, lower := 0, false
	for i := a; i < b && !lower; i++ {
		if !lk.isWord(i) {
			continue
		}
		words++
		lower = strings.IndexFunc(lk.text(i), unicode.IsLower) >= 0
	}
	if words >= 3 && !lower {
		return true
	}
	n, c := 0, 0
	for i := a + 1; i < b; i++ {
		switch lk.d.Tokens[i].UPOS {
		case doc.ADP, doc.CCONJ, doc.SCONJ, doc.PRON, doc.DET, doc.AUX, doc.PART:
		default:
			continue
		}
		if !lk.isWord(i) {
			continue
		}
		n++
		if lk.isCap(i) {
			c++
		}
	}
	return c >= 2 && 2*c >= n
}

// runInHeading returns the end of a run-in heading that opens sentence s at
// the start of a paragraph: three or more words, every one capitalised, up
// to a colon ("Veto Power Impedes Peace Efforts: Eliminating …"), that are
// no speaker's label ("Senate Majority Leader Mitch McConnell:"). It
// returns s.FirstToken when there is none.
func (lk *linking) runInHeading(s doc.Sentence) int {
	a := s.FirstToken
	if a >= s.EndToken {
		return a
	}
	// At a paragraph start: only white space, with a line break, since the
	// last visible character (a bounded look back, so that text without line
	// breaks stays linear).
	if st := int(lk.d.Tokens[a].Start); st > 0 {
		p := strings.LastIndexFunc(lk.d.Text[:st], func(r rune) bool { return !unicode.IsSpace(r) })
		if p >= 0 && !strings.Contains(lk.d.Text[p:st], "\n") {
			return a
		}
	}
	words := 0
	for i := a; i < s.EndToken && i < a+12; i++ {
		if lk.text(i) == ":" {
			if words >= 3 && !lk.speakerLabel(a, i) {
				return i
			}
			return a
		}
		if !lk.isWord(i) {
			continue
		}
		if !lk.isCap(i) {
			return a
		}
		words++
	}
	return a
}

// speakerLabel reports whether tokens [a, b) before a colon name a speaker
// ("Senate Majority Leader Mitch McConnell:"): they end with a person the
// recogniser found, or hold an agent noun such as a title.
func (lk *linking) speakerLabel(a, b int) bool {
	sp := doc.Span{Start: int(lk.d.Tokens[a].Start), End: int(lk.d.Tokens[b-1].End)}
	for _, e := range lk.d.Entities {
		if e.Type == "PER" && e.Span().Overlaps(sp) && e.End == sp.End {
			return true // the name ends the label
		}
	}
	for i := a; i < b; i++ {
		if _, ok := lk.agentAt(i, b); ok {
			return true
		}
	}
	return false
}
