package ner

import "bytes"

// Headline-cased sentences ("Paul Ryan Endorses Trump With Caveats",
// "CAR BOMB ATTACK KILLS 12") defeat the capitalisation cues the model leans
// on, so it labels capitalised common words as names. After decoding such a
// sentence, entity spans are cut at words that the unlabelled-text lexicon
// says are (almost) never capitalised mid-sentence, unless a gazetteer covers
// them; pieces made only of usually lower-case words are dropped.

// Lexicon capitalisation habits (lexEntry.capRatio, 0 for unknown words):
// 1 = never, 2 = rarely … 5 = always capitalised mid-sentence.
const (
	capNever  = 1
	capRarely = 2
	capMostly = 4 // 4 and 5: mostly or always capitalised
)

// headlineCased reports whether tokens [a, b) read like a title-case or
// all-caps headline: at least two words that are never capitalised
// mid-sentence in running text appear capitalised (not as the first word),
// and they are at least half of such words in the range.
func (x *extractor) headlineCased(a, b int) bool {
	n, c := 0, 0
	first := true
	for i := a; i < b; i++ {
		t := &x.toks[i]
		if t.flags&tfLetter == 0 {
			continue
		}
		if first {
			first = false
			continue
		}
		if t.lex.capRatio != capNever {
			continue
		}
		n++
		if t.flags&tfCap != 0 {
			c++
		}
	}
	return c >= 2 && 2*c >= n
}

// segments calls fn for each part of sentence [a, b) between colons: a
// title-case heading often runs into the text after a colon ("Veto Power
// Impedes Peace Efforts: Eliminating war is …").
func (x *extractor) segments(a, b int, fn func(a, b int)) {
	s := a
	for i := a; i < b; i++ {
		if r := x.toks[i].norm; r[1]-r[0] == 1 && x.arena[r[0]] == ':' {
			fn(s, i)
			s = i + 1
		}
	}
	fn(s, b)
}

// connector reports whether a lower-cased token may join the parts of a
// name ("Bank of America", "Lord of the Flies") inside a headline.
func connector(low []byte) bool {
	switch string(low) {
	case "of", "the", "for", "de", "del", "la", "le", "von", "van", "der", "al", "bin", "&":
		return true
	}
	return false
}

// functionWord reports whether a lower-cased token is a closed-class word
// (preposition, conjunction, pronoun, auxiliary, determiner) that cannot
// be part of a name in a headline, so an entity is split at it.
func functionWord(low []byte) bool {
	switch string(low) {
	case "a", "an", "and", "or", "but", "nor", "with", "without", "to", "in", "on", "at", "by", "from", "as",
		"into", "onto", "over", "under", "after", "before", "about", "against", "between", "among", "amid",
		"vs", "vs.", "versus", "than", "if", "because", "while", "when", "where", "who", "whom", "whose",
		"what", "which", "why", "how", "that", "this", "these", "those", "not", "no",
		"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
		"will", "would", "can", "could", "may", "might", "must", "shall", "should",
		"he", "she", "it", "they", "we", "you", "i", "me", "him", "her", "us", "them",
		"his", "its", "their", "our", "your", "my", "says", "said", "say", "just", "up", "out", "off", "down":
		return true
	}
	return false
}

// verbForm reports whether a lower-cased word ends like a participle
// ("Watching", "Endorsed"), which a person's name never does when the
// lexicon says the word is never capitalised in running text.
func verbForm(low []byte) bool {
	return bytes.HasSuffix(low, []byte("ing")) || bytes.HasSuffix(low, []byte("ed"))
}

// fixHeadline rewrites the BILOU labels of sentence [a, b) in tg.out when
// the sentence is headline-cased: entities are split at function words,
// lose edge words that are never capitalised in running text (person names
// only function words and participles, so "Walter Little" stays whole), and pieces made
// only of words that are never or rarely capitalised are dropped. Words a
// gazetteer covers are always kept.
func (tg *tagger) fixHeadline(a, b int) {
	tg.x.segments(a, b, tg.fixHeadlineSegment)
}

// fixHeadlineSegment applies fixHeadline to tokens [a, b).
func (tg *tagger) fixHeadlineSegment(a, b int) {
	x := tg.x
	if !x.headlineCased(a, b) {
		return
	}
	out := tg.out[a:b]
	tg.spans = bilouToSpans(out, tg.spans[:0])
	if len(tg.spans) == 0 {
		return
	}
	tg.kept = tg.kept[:0]
	// Given-name lists hold common words too ("Victory", "Many"), so they
	// do not vouch for a word in a headline.
	const givenBits = uint32(0xF) << (4 * gazGiven)
	inGaz := func(i int) bool { return len(x.gaz) > a+i && x.gaz[a+i]&^givenBits != 0 }
	low := func(i int) []byte { return x.str(x.toks[a+i].low) }
	never := func(i int) bool {
		t := &x.toks[a+i]
		return t.flags&tfLetter != 0 && t.lex.capRatio == capNever && !inGaz(i)
	}
	for _, sp := range tg.spans {
		person := types[sp.Type] == "PER"
		piece := func(start, end int) {
			for start < end && (never(start) && (types[sp.Type] != "PER" || functionWord(low(start))) && !(start == sp.Start && string(low(start)) == "the")) {
				start++
			}
			for end > start && (connector(low(end-1)) || never(end-1) && (types[sp.Type] != "PER" || functionWord(low(end-1)) || verbForm(low(end-1)))) {
				end--
			}
			for i := start; i < end; i++ {
				t := &x.toks[a+i]
				if t.flags&(tfLetter|tfDigit) == 0 {
					continue
				}
				if person {
					// a person needs a word that is a name: a place or a
					// known given name that is not a common word ("Many"),
					// or a word mostly capitalised (or unknown) in running
					// text ("Veto Power" is no one)
					if t.lex.capRatio == 0 || t.lex.capRatio >= capMostly || inGaz(i) || t.lex.capRatio != capNever && len(x.gaz) > a+i && x.gaz[a+i] != 0 {
						tg.kept = append(tg.kept, span{start, end, sp.Type})
						return
					}
					continue
				}
				if t.flags&tfDigit != 0 || (t.lex.capRatio != capNever && t.lex.capRatio != capRarely) || inGaz(i) {
					tg.kept = append(tg.kept, span{start, end, sp.Type})
					return
				}
			}
		}
		start := sp.Start
		for i := sp.Start; i < sp.End; i++ {
			if never(i) && functionWord(low(i)) {
				piece(start, i)
				start = i + 1
			}
		}
		piece(start, sp.End)
	}
	spansToBILOU(tg.kept, out)
}
