package tokenize

import (
	"unicode"

	"github.com/chronicle-news/chronicle/doc"
)

// Split groups toks, the tokens of text in order (as Tokenize returns them),
// into sentences and paragraphs. It appends the sentences to dst, sets
// Sent of every token to the index of its sentence in the returned slice, and
// returns the extended slice. Paragraph numbers start at 0 for this call.
//
// A sentence ends at terminal punctuation (with any closing quotes and
// brackets that follow it) unless an abbreviation or the next word says
// otherwise, after a dateline ("WASHINGTON (Reuters) -"), and at every line
// break except inside wrapped text, so that headlines and bylines are
// sentences of their own. Blank lines and single line breaks start a new
// paragraph. Split runs in linear time.
func (t *Tokenizer) Split(text string, toks []doc.Token, dst []doc.Sentence) []doc.Sentence {
	if len(toks) == 0 {
		return dst
	}
	para := 0
	first := 0
	paraStart := true // the current sentence starts a paragraph
	closeSent := func(last int) {
		n := int32(len(dst))
		for k := first; k <= last; k++ {
			toks[k].Sent = n
		}
		dst = append(dst, doc.Sentence{
			Start: int(toks[first].Start), End: int(toks[last].End),
			FirstToken: first, EndToken: last + 1, Paragraph: para,
		})
		first = last + 1
	}
	for i := 0; i < len(toks); i++ {
		if i == len(toks)-1 {
			closeSent(i)
			break
		}
		if i == first && paraStart {
			if e := datelineEnd(text, toks, i); e >= 0 && lineBreaks(text, toks, e) == 0 {
				closeSent(e)
				i = e
				paraStart = false
				continue
			}
		}
		switch lineBreaks(text, toks, i) {
		case 2:
			closeSent(i)
			para++
			paraStart = true
			continue
		case 1:
			if !t.continues(text, toks, i) {
				closeSent(i)
				para++
				paraStart = true
				continue
			}
		}
		if last, ok := t.boundary(text, toks, i, first); ok {
			if last == len(toks)-1 {
				closeSent(last)
				break
			}
			brk := lineBreaks(text, toks, last)
			closeSent(last)
			i = last
			paraStart = false
			if brk == 2 || brk == 1 && !t.continues(text, toks, last) {
				para++
				paraStart = true
			}
		}
	}
	return dst
}

// lineBreaks classifies the space between tokens i and i+1: 0 no line
// break, 1 one line break, 2 a blank line (two or more breaks).
func lineBreaks(text string, toks []doc.Token, i int) int {
	if i+1 >= len(toks) {
		return 0
	}
	n := 0
	gap := text[toks[i].End:toks[i+1].Start]
	for k := 0; k < len(gap); k++ {
		switch gap[k] {
		case '\n':
			n++
		case '\r':
			if k+1 >= len(gap) || gap[k+1] != '\n' {
				n++
			}
		case 0xE2: // U+2028 line separator, U+2029 paragraph separator
			if k+2 < len(gap) && gap[k+1] == 0x80 {
				if gap[k+2] == 0xA8 {
					n++
				} else if gap[k+2] == 0xA9 {
					n += 2
				}
			}
		}
		if n >= 2 {
			return 2
		}
	}
	return n
}

// continues reports whether the line break after token i is inside a
// wrapped sentence: the line does not end in terminal punctuation and the
// next line starts with a lower-case word.
func (t *Tokenizer) continues(text string, toks []doc.Token, i int) bool {
	next := text[toks[i+1].Start:toks[i+1].End]
	if !lowerStart(next) {
		return false
	}
	return !isTerminalRun(text[toks[i].Start:toks[i].End])
}

// isTerminalRun reports whether w consists of terminal punctuation only.
func isTerminalRun(w string) bool {
	if w == "" {
		return false
	}
	for k := 0; k < len(w); {
		n := isTerminal(w, k)
		if n == 0 {
			return false
		}
		k += n
	}
	return true
}

// isCloser reports whether token k closes a quotation or bracket that a
// sentence-final punctuation mark at k-1 (or earlier) sits in.
func isCloser(text string, toks []doc.Token, k int) bool {
	w := text[toks[k].Start:toks[k].End]
	switch w {
	case ")", "]", "}", "»", "”", "’", "''", "›":
		return true
	case "\"", "'":
		// A straight quote closes when it is attached to what precedes it,
		// or when it is followed by a space.
		if toks[k-1].End == toks[k].Start {
			return true
		}
		return k+1 >= len(toks) || toks[k].End < toks[k+1].Start
	}
	return false
}

// boundary decides whether a sentence ends after token i (or after the
// closing quotes and brackets that follow it); first is the first token of
// the current sentence. It returns the index of the sentence's last token.
func (t *Tokenizer) boundary(text string, toks []doc.Token, i, first int) (int, bool) {
	w := text[toks[i].Start:toks[i].End]
	if isTerminalRun(w) {
		last := i
		for last+1 < len(toks) && lineBreaks(text, toks, last) == 0 && isCloser(text, toks, last+1) {
			last++
		}
		if last+1 >= len(toks) {
			return last, true
		}
		next := text[toks[last+1].Start:toks[last+1].End]
		switch next[0] {
		case ',', ';', ':', ')', ']', '}', '.', '!', '?', '%':
			return 0, false
		}
		if lowerStart(next) && (last > i || w[0] != '.' || len(w) > 1) && (last > i || w[0] != '!' && w[0] != '?') {
			// "... and then": an ellipsis inside a sentence; "Why?" he asked.
			return 0, false
		}
		return last, true
	}
	next := text[toks[i+1].Start:toks[i+1].End]
	// A header line "Jane Doe 08/16/2000 12:05 PM": the date and time start
	// a sentence.
	if i+2 < len(toks) && isDate(next) && isClock(text[toks[i+2].Start:toks[i+2].End]) && !isTerminalRun(w) {
		return i, true
	}
	// E-mail headers and sign-offs: "08/16/2000 12:05 PM I just wanted …",
	// "Thanks, Sean".
	if upperStart(next) && i > 0 {
		prev := text[toks[i-1].Start:toks[i-1].End]
		switch w {
		case "AM", "PM", "am", "pm":
			if isClock(prev) {
				return i, true
			}
		case ",":
			switch prev {
			case "Thanks", "Regards", "Sincerely", "Cheers", "Best", "Cordially":
				if i < 2 || lineBreaks(text, toks, i-2) > 0 || text[toks[i-2].End-1] == '.' || prev == "Regards" {
					return i, true
				}
			}
		}
	}
	// An abbreviation (or initial) whose period might also end the sentence.
	if len(w) > 1 && w[len(w)-1] == '.' && i > first {
		if k, ok := t.lx.abbr[w]; ok && k != abbrEnd {
			return 0, false
		}
		if t.lx.starters[next] {
			return i, true
		}
	}
	return 0, false
}

// datelineEnd returns the index of the dash that ends a news dateline
// starting at token i ("WASHINGTON (Reuters) -", "KYIV, Ukraine —",
// "LOS ANGELES, Calif., Feb. 22 (AP) --"), or -1.
func datelineEnd(text string, toks []doc.Token, i int) int {
	const maxLen = 16
	caps := 0
	for k := i; k < len(toks) && k < i+maxLen; k++ {
		w := text[toks[k].Start:toks[k].End]
		if k > i && lineBreaks(text, toks, k-1) > 0 {
			return -1
		}
		switch w {
		case "-", "--", "—", "–", "―":
			if caps > 0 && k > i {
				return k
			}
			return -1
		}
		if caps == k-i {
			// The place: one or more all-capital words.
			if isCapsWord(w) {
				caps++
				continue
			}
			if w != "," && w != "(" {
				return -1
			}
		}
		// After the place: a region or date and an agency in parentheses.
		if lowerStart(w) || isTerminalRun(w) || w == ":" || w == ";" {
			return -1
		}
	}
	return -1
}

// isCapsWord reports whether w is an all-capital word of two or more letters
// (dots allowed: "D.C.").
func isCapsWord(w string) bool {
	letters := 0
	for k := 0; k < len(w); {
		r, n := decode(w, k)
		k += n
		switch {
		case r == '.' || r == '\'' || r == '-':
		case r < 0x80 && isUpper(byte(r)), r >= 0x80 && unicode.IsUpper(r):
			letters++
		default:
			return false
		}
	}
	return letters >= 2
}

// isClock reports whether w is a clock time: 9:30, 12:05:59.
func isClock(w string) bool {
	colons, digits := 0, 0
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case isDigit(c):
			digits++
		case c == ':' && digits > 0:
			colons++
		default:
			return false
		}
	}
	return colons > 0 && digits >= 3
}

// isDate reports whether w is a numeric date with slashes: 08/16/2000, 1/2/01.
func isDate(w string) bool {
	slashes, digits := 0, 0
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case isDigit(c):
			digits++
		case c == '/' && digits > 0 && k+1 < len(w):
			slashes++
		default:
			return false
		}
	}
	return slashes == 2
}
