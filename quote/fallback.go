package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// pronouns are the personal pronouns that can be speakers.
var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "i": true, "we": true, "you": true, "it": true,
	"He": true, "She": true, "They": true, "I": true, "We": true, "You": true, "It": true,
}

// auxiliaries are tagged AUX by the fallback tokenizer, so that clauses can
// be told from noun phrases without a tagger.
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "am": true,
	"has": true, "have": true, "had": true, "do": true, "does": true, "did": true, "will": true,
	"would": true, "can": true, "could": true, "may": true, "might": true, "must": true, "should": true,
	"shall": true, "won’t": true, "won't": true, "isn’t": true, "isn't": true, "can’t": true, "can't": true,
}

// fallbackTokens splits text into word and punctuation tokens and sentences
// when no tokenizer ran before this stage (the stage used on its own, or in
// tests). Cue forms get their lemma and the VERB tag, pronouns PRON,
// capitalised words PROPN and punctuation PUNCT; there are no dependencies.
func fallbackTokens(text string, lx *Lexicon) ([]doc.Token, []doc.Sentence) {
	var toks []doc.Token
	var sents []doc.Sentence
	para := 0
	sentStart, firstTok := -1, 0
	endSent := func(end int) {
		if sentStart >= 0 && len(toks) > firstTok {
			sents = append(sents, doc.Sentence{Start: sentStart, End: end, FirstToken: firstTok, EndToken: len(toks), Paragraph: para})
		}
		sentStart, firstTok = -1, len(toks)
	}
	add := func(s, e int, upos doc.UPOS, lemma string) {
		if sentStart < 0 {
			sentStart = s
		}
		toks = append(toks, doc.Token{Start: int32(s), End: int32(e), Sent: int32(len(sents)), Head: -1, UPOS: upos, Lemma: lemma})
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			endSent(i)
			// Blank lines do not count as paragraphs of their own.
			if len(sents) > 0 && sents[len(sents)-1].Paragraph == para {
				para++
			}
			i += n
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				// Keep inner apostrophes, periods (U.S.) and hyphens.
				if r2 == '\'' || r2 == '’' || r2 == '.' || r2 == '-' {
					r3, _ := runeAt(text, j+n2)
					if r3 >= 0 && (unicode.IsLetter(r3) || unicode.IsDigit(r3)) {
						j += n2
						continue
					}
					if r2 == '.' && abbrev(text[i:j]) {
						j += n2 // initials and abbreviations: "J.", "Dr.", "U.S."
						continue
					}
				}
				break
			}
			form := text[i:j]
			upos, lemma := doc.NOUN, ""
			switch {
			case pronouns[form]:
				upos = doc.PRON
			case auxiliaries[form]:
				upos = doc.AUX
			case lx.lemmaOf(form) != "":
				upos, lemma = doc.VERB, lx.lemmaOf(form)
			case unicode.IsUpper(r):
				upos = doc.PROPN
			}
			add(i, j, upos, lemma)
			i = j
		default:
			add(i, i+n, doc.PUNCT, "")
			if r == '.' || r == '!' || r == '?' {
				// A sentence ends at final punctuation (and any closing
				// quote marks after it) followed by a space.
				j := i + n
				for j < len(text) {
					r2, n2 := utf8.DecodeRuneInString(text[j:])
					if doubleMark(r2) == markNone && singleMark(r2) == markNone {
						break
					}
					add(j, j+n2, doc.PUNCT, "")
					j += n2
				}
				if r2, _ := runeAt(text, j); r2 < 0 || unicode.IsSpace(r2) {
					endSent(j)
				}
				i = j
				continue
			}
			i += n
		}
	}
	endSent(len(text))
	return toks, sents
}

// abbrev reports whether w, followed by a period, is an abbreviation: an
// initial, a short title, or dotted initials ("U.S").
func abbrev(w string) bool {
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Prof", "St", "Jr", "Sr", "Rev", "Amb", "Pres", "Sec", "Mt", "Ft", "No", "vs", "Inc", "Corp", "Co", "Ltd", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec":
		return true
	}
	if len(w) == 1 {
		return w[0] >= 'A' && w[0] <= 'Z'
	}
	// Dotted initials: letters alternating with periods.
	for i := 0; i < len(w); i++ {
		if i%2 == 1 && w[i] != '.' || i%2 == 0 && (w[i] < 'A' || w[i] > 'Z') {
			return false
		}
	}
	return len(w)%2 == 1
}
