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
