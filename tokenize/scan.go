package tokenize

import (
	"strings"

	"github.com/chronicle-news/chronicle/doc"
)

// Tokenize appends the tokens of text to dst and returns the extended slice.
// Tokens follow UD English EWT segmentation: punctuation is split off,
// contractions and possessives are split ("don't" → "do" "n't"), and
// abbreviations, numbers, URLs, e-mail addresses, @handles and #hashtags stay
// whole. Every token is a non-empty span of text on rune boundaries; text is
// never changed. Sent is 0 and Head is -1 in every new token; call Split to
// assign sentences. Tokenize runs in time linear in len(text) and does not
// allocate beyond growing dst.
func (t *Tokenizer) Tokenize(text string, dst []doc.Token) []doc.Token {
	s := scanner{lx: t.lx, text: text, dst: dst}
	i := 0
	for i < len(text) {
		r, w := decode(text, i)
		if isSpaceRune(r) {
			i += w
			continue
		}
		// A chunk is a maximal run of non-space runes.
		ce := i + w
		for ce < len(text) {
			r, w := decode(text, ce)
			if isSpaceRune(r) {
				break
			}
			ce += w
		}
		s.chunk(i, ce)
		i = ce
	}
	return s.dst
}

// scanner tokenizes one text. It lives on the stack of Tokenize.
type scanner struct {
	lx   *lexicon
	text string
	dst  []doc.Token

	// E-mail detection state for the current chunk: at is the position of
	// the next '@' at or after the scan position (or the chunk end), and
	// local the start of the run of address characters that ends at it.
	at, local int
}

func (s *scanner) emit(start, end int) {
	s.dst = append(s.dst, doc.Token{Start: int32(start), End: int32(end), Head: -1})
}

// chunk tokenizes the non-space run text[i:ce].
func (s *scanner) chunk(i, ce int) {
	s.at, s.local = -1, -1
	for i < ce {
		end := s.next(i, ce)
		if end <= i { // never happens; guarantees progress on any input
			_, w := decode(s.text, i)
			end = i + w
		}
		if end > ce {
			end = ce
		}
		i = end
	}
}

// next emits the token(s) that start at i and returns the position after
// them. Every rule consumes at least one rune.
func (s *scanner) next(i, ce int) int {
	text := s.text
	c := text[i]

	if e := urlEnd(text, i, ce); e > i {
		s.emit(i, e)
		return e
	}
	if e := s.emailEnd(i, ce); e > i {
		s.emit(i, e)
		return e
	}

	r, w := decode(text, i)
	if isWordRune(r) {
		if e := s.specialEnd(i, ce); e > i {
			s.emit(i, e)
			return e
		}
		// "n't" after a word ("do|n't").
		if (c == 'n' || c == 'N') && i+w < ce {
			if a := isApos(text, i+1); a > 0 && i+1+a < ce && (text[i+1+a] == 't' || text[i+1+a] == 'T') && !wordAt(text, i+2+a) {
				s.emit(i, i+2+a)
				return i + 2 + a
			}
		}
		return s.word(i, ce)
	}

	switch c {
	case '\'', '`':
		if e := cliticEnd(text, i, ce, 1); e > i {
			s.emit(i, e)
			return e
		}
		if i+1 < ce && text[i+1] == c { // '' and ``
			s.emit(i, i+2)
			return i + 2
		}
	case 0xE2:
		if a := isApos(text, i); a > 0 {
			if e := cliticEnd(text, i, ce, a); e > i {
				s.emit(i, e)
				return e
			}
			if b := isApos(text, i+a); b == 3 { // ‘’ and ’’ used as double quotes
				s.emit(i, i+a+b)
				return i + a + b
			}
		}
	case '#', '@':
		if i+1 < ce && wordAt(text, i+1) && (c == '@' || !digitAt(text, i+1)) {
			e := i + 1
			for e < ce {
				r, w := decode(text, e)
				if !isWordRune(r) && r != '_' && !(c == '@' && r == '.' && alphaAt(text, e+1)) {
					break
				}
				e += w
			}
			s.emit(i, e)
			return e
		}
	case '.':
		if digitAt(text, i+1) { // ".5"
			return s.word(i, ce)
		}
	}

	if e := emoticonEnd(text, i, ce); e > i {
		s.emit(i, e)
		return e
	}

	// Runs of terminal punctuation ("...", "?!", "…") are one token.
	if isTerminal(text, i) > 0 {
		e := i
		for e < ce {
			n := isTerminal(text, e)
			if n == 0 {
				break
			}
			e += n
		}
		s.emit(i, e)
		return e
	}
	// Runs of one repeated symbol ("--", ">>", "***", "====") are one token.
	if strings.IndexByte("-*=_~<>+^|#/\\$", c) >= 0 {
		e := i + 1
		for e < ce && text[e] == c {
			e++
		}
		s.emit(i, e)
		return e
	}
	s.emit(i, i+w)
	return i + w
}

// isTerminal returns the width of a terminal punctuation rune (. ! ? …) at
// text[i], or 0.
func isTerminal(text string, i int) int {
	switch text[i] {
	case '.', '!', '?':
		return 1
	case 0xE2: // … U+2026
		if i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0xA6 {
			return 3
		}
	}
	return 0
}

// cliticEnd returns the end of a clitic or elided word that starts with the
// apostrophe of width a at text[i] ("'s", "'ll", "'em", "'90s"), or i.
func cliticEnd(text string, i, ce, a int) int {
	j := i + a
	e := j
	for e < ce && isAlpha(text[e]) {
		e++
	}
	if e > j && e-j <= 5 && !wordAt(text, e) {
		var buf [5]byte
		switch lowerInto(buf[:], text[j:e]) {
		case "s", "re", "ve", "ll", "d", "m", "em", "til", "cause", "tis", "twas":
			return e
		}
		return i
	}
	// '90s, '08
	if digitAt(text, j) && digitAt(text, j+1) {
		e = j + 2
		if e < ce && text[e] == 's' {
			e++
		}
		if !wordAt(text, e) {
			return e
		}
	}
	return i
}

// lowerInto writes the ASCII lower-case form of s into buf and returns it as
// a string for map lookups (no allocation when used as a map key). It
// returns "" when s does not fit.
func lowerInto(buf []byte, s string) string {
	if len(s) > len(buf) {
		return ""
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return string(buf[:len(s)])
}

// word scans a word starting at i: letters, digits and marks joined by
// in-word punctuation (3.5, 1,000, 5:30, 11/28, U.S, AT&T, e-mail, O'Brien),
// optionally with an abbreviation's final period. It emits the word, split
// into UD words when it is a known contraction, and returns its end.
func (s *scanner) word(i, ce int) int {
	text := s.text
	seg := i          // start of the current segment (after the last joiner)
	allDigits := true // current segment is all digits
	plain := true     // no joiner seen
	dotted := false   // joined by periods only, with short segments (U.S, e.g)
	upper, lower := false, false
	numeric := true // every segment so far is digits (3.5, 7:30, 1,000)
	slashed := false
	phone := false
	j := i
	if text[j] == '.' { // ".5"
		j++
		seg = j
		plain = false
	}
	for j < ce {
		r, w := decode(text, j)
		if isWordRune(r) {
			if r > '9' || r < '0' {
				if numeric && allDigits && j > seg && r < 0x80 && s.unitAt(j, ce) {
					// "5pm", "65k", "$170m", "2p.m.": EWT splits number and unit.
					s.emit(i, j)
					return j
				}
				numeric = false
				allDigits = false
				if r < 0x80 {
					upper = upper || isUpper(byte(r))
					lower = lower || isLower(byte(r))
				}
			}
			j += w
			continue
		}
		if j == seg {
			break
		}
		c := text[j]
		join := false
		switch c {
		case '.':
			if wordAt(text, j+1) {
				next := segLen(text, j+1, ce)
				switch {
				case allDigits && digitAt(text, j+1):
					join = true
				case !allDigits && (plain || dotted) && j-seg <= 2 && next <= 2 && (j-seg == 1 || next == 1):
					join = true
					dotted = true
				case lower && !upper && lowerStart(text[j+1:]):
					join = true // domain or file name: enron.com, report.doc
				case isUpperRun(text, seg, j) && upperSegment(text, j+1, ce):
					join = true // ENRON.XLS, NU.COM
				case s.extAt(j+1, ce):
					join = true // Report2001.pdf, Newsfeed.Com
				}
			}
		case ',':
			join = allDigits && digitAt(text, j+1) && digitAt(text, j+2) && digitAt(text, j+3) && !digitAt(text, j+4)
		case ':':
			join = allDigits && digitAt(text, j+1)
		case '/':
			join = allDigits && digitAt(text, j+1) && (slashed || dateSlash(text, seg, j, ce))
			slashed = join
		case '&':
			join = j > i && isUpper(text[j-1]) && j+1 < ce && isUpper(text[j+1])
		case '_':
			join = wordAt(text, j+1)
		case '-':
			if allDigits && (phone || seg == i && (phoneAt(text, i, ce) || isoDateAt(text, i, ce))) {
				join = digitAt(text, j+1)
				phone = join
				break
			}
			join = !allDigits && s.hyphenJoins(seg, j)
		default:
			a := isApos(text, j)
			if a == 0 || !wordAt(text, j+a) {
				break
			}
			// "don't": the word ends before the n.
			if (text[j+a] == 't' || text[j+a] == 'T') && !wordAt(text, j+a+1) {
				if k := j - 1; k > i && (text[k] == 'n' || text[k] == 'N') {
					s.emit(i, k)
					return k
				}
			}
			// "Putin's", "we're": the word ends at the apostrophe.
			if cliticEnd(text, j, ce, a) > j {
				s.emit(i, j)
				return j
			}
			// O'Brien, Gov't, rock'n'roll.
			j += a
			seg = j
			allDigits = true
			plain, dotted = false, false
			continue
		}
		if !join {
			break
		}
		if c != '.' {
			dotted = false
		}
		if !allDigits {
			numeric = false
		}
		plain = false
		j++
		seg = j
		allDigits = true
	}
	// An abbreviation's final period, unless it also ends the sentence
	// (EWT writes "etc ." there). "D.C.." keeps one period.
	if j < ce && j > i && text[j] == '.' {
		if j+1 < ce && text[j+1] == '.' {
			if !(j+2 < ce && text[j+2] == '.') && s.takesPeriod(i, j, dotted) {
				j++
			}
		} else if s.takesPeriod(i, j, dotted) && !s.endsSentence(i, j) {
			j++
		}
	}
	if plain && j-i <= maxMWT {
		if offs := s.mwt(i, j); offs != nil {
			prev := i
			for _, o := range offs {
				s.emit(prev, i+int(o))
				prev = i + int(o)
			}
			s.emit(prev, j)
			return j
		}
	}
	s.emit(i, j)
	return j
}

// segLen returns the number of word runes at text[i:], counting at most 3.
func segLen(text string, i, ce int) int {
	n := 0
	for i < ce && n < 3 {
		r, w := decode(text, i)
		if !isWordRune(r) {
			break
		}
		n++
		i += w
	}
	return n
}

// specialEnd returns the end of a whole-token word with inner punctuation
// from the lexicon ("b/c", "w/o", "c/o") at i, or i.
func (s *scanner) specialEnd(i, ce int) int {
	text := s.text
	// All special words have a slash within their first three bytes.
	k := i + 1
	for k < ce && k < i+3 && text[k] != '/' {
		k++
	}
	if k >= ce || text[k] != '/' {
		return i
	}
	for _, w := range s.lx.special {
		if strings.HasPrefix(text[i:ce], w) && !wordAt(text, i+len(w)) {
			return i + len(w)
		}
	}
	return i
}

// mwt returns the split offsets of text[i:j] if it is a contraction written
// without an apostrophe ("cannot", "gonna"). All-capital words are left
// alone (they are more often acronyms: "IM", "CANT").
func (s *scanner) mwt(i, j int) []uint8 {
	var buf [maxMWT]byte
	text := s.text
	if isUpperRun(text, i, j) {
		return nil
	}
	w := text[i:j]
	switch w {
	case "its", "Its":
		// "its" is "it 's" when what follows cannot follow a possessive.
		if s.lx.afterIts[nextWord(text, j)] {
			return splitS
		}
		return nil
	case "Lets":
		return splitS
	}
	return s.lx.mwt[lowerInto(buf[:], w)]
}

// splitS splits a three-letter word before its s ("its" → "it" "s").
var splitS = []uint8{2}

// nextWord returns the ASCII letters of the word after the spaces that
// follow i (at most 16 bytes), or "".
func nextWord(text string, i int) string {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	e := i
	for e < len(text) && e-i < 16 && isAlpha(text[e]) {
		e++
	}
	return text[i:e]
}

// isUpperRun reports whether text[i:j] is at least two ASCII capitals (digits allowed).
func isUpperRun(text string, i, j int) bool {
	n := 0
	for k := i; k < j; k++ {
		c := text[k]
		if isLower(c) || c >= 0x80 {
			return false
		}
		if isUpper(c) {
			n++
		}
	}
	return n >= 2
}

// upperSegment reports whether text[i:] starts with 2-4 ASCII capitals that
// are not followed by a lower-case letter.
func upperSegment(text string, i, ce int) bool {
	e := i
	for e < ce && isUpper(text[e]) {
		e++
	}
	return e-i >= 2 && e-i <= 4 && !(e < ce && isLower(text[e]))
}

// hyphenJoins decides whether the hyphen at j, after the letter segment
// text[seg:j], stays inside the word. EWT splits hyphenated compounds
// ("long - term") but keeps words with bound prefixes ("non-stop", "e-mail").
func (s *scanner) hyphenJoins(seg, j int) bool {
	if !wordAt(s.text, j+1) {
		return false
	}
	var buf [8]byte
	p := lowerInto(buf[:], s.text[seg:j])
	return p != "" && s.lx.prefix[p]
}

// phoneAt reports whether a phone number written with hyphens starts at i:
// 345-9945, 713-853-3989, 1-800-991-9019 (EWT keeps them whole, but splits
// ranges such as 10-15 and 1969-1970).
func phoneAt(text string, i, ce int) bool {
	var g [5]int
	n := 0
	k := i
	for n < len(g) {
		e := k
		for e < ce && isDigit(text[e]) {
			e++
		}
		g[n] = e - k
		n++
		if e+1 < ce && text[e] == '-' && digitAt(text, e+1) {
			k = e + 1
			continue
		}
		if wordAt(text, e) {
			return false
		}
		break
	}
	switch n {
	case 2:
		return (g[0] == 3 || g[0] == 1) && g[1] == 4 // 345-9945, extension 3-5213
	case 3:
		return (g[0] == 3 || g[0] == 1) && g[1] == 3 && g[2] == 4
	case 4:
		return g[0] == 1 && g[1] == 3 && g[2] == 3 && g[3] == 4
	}
	return false
}

// isoDateAt reports whether an ISO 8601 date (2025-02-22) starts at i; it
// stays one token, unlike ranges such as 2001-02.
func isoDateAt(text string, i, ce int) bool {
	if i+10 > ce || (i+10 < ce && wordAt(text, i+10)) || text[i+4] != '-' || text[i+7] != '-' {
		return false
	}
	for _, k := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if !isDigit(text[i+k]) {
			return false
		}
	}
	m, d := atoi(text[i+5:i+7]), atoi(text[i+8:i+10])
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

// dateSlash decides whether the slash at j after the digits text[seg:j]
// joins a date: 11/28/2000, 9/11, 5/18 stay whole; fractions and ranges
// (1/2, 3/4, 19/20, 2001/02) are split.
func dateSlash(text string, seg, j, ce int) bool {
	e := j + 1
	for e < ce && isDigit(text[e]) {
		e++
	}
	a, b := j-seg, e-j-1
	if e+1 < ce && text[e] == '/' && digitAt(text, e+1) {
		return a <= 2 && b <= 2 // m/d/y
	}
	if a > 2 || b > 2 || a == 1 && b == 1 {
		return false
	}
	m, d := atoi(text[seg:j]), atoi(text[j+1:e])
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

// unitAt reports whether a unit that EWT splits from a preceding number
// starts at j ("pm" in "5pm", "k" in "65k", "p.m." in "2p.m.").
func (s *scanner) unitAt(j, ce int) bool {
	text := s.text
	e := j
	for e < ce && isAlpha(text[e]) {
		e++
	}
	if e-j == 1 && e+2 < ce && text[e] == '.' && isAlpha(text[e+1]) && (text[e+1]|0x20) == 'm' && (text[j]|0x20 == 'a' || text[j]|0x20 == 'p') {
		return true // a.m., p.m.
	}
	if wordAt(text, e) || e-j > 5 {
		return false
	}
	var buf [5]byte
	return s.lx.units[lowerInto(buf[:], text[j:e])]
}

// extAt reports whether a file extension or top-level domain from the
// lexicon, not followed by a letter or digit, starts at text[j:].
func (s *scanner) extAt(j, ce int) bool {
	e := j
	for e < ce && e-j <= 4 && (isAlpha(s.text[e]) || isDigit(s.text[e])) {
		e++
	}
	if e == j || e-j > 4 || wordAt(s.text, e) {
		return false
	}
	var buf [4]byte
	return s.lx.ext[lowerInto(buf[:], s.text[j:e])]
}

// endsSentence reports whether the abbreviation text[i:j+1] also ends its
// sentence: it is the last thing in the text or on its line, or a typical
// sentence starter follows it.
func (s *scanner) endsSentence(i, j int) bool {
	text := s.text
	if k, ok := s.lx.abbr[text[i:j+1]]; ok && k != abbrEnd {
		return false
	}
	// At the start of a line ("P.S. I …") it begins the sentence.
	b := i - 1
	for b >= 0 && (text[b] == ' ' || text[b] == '\t') {
		b--
	}
	if b < 0 || text[b] == '\n' || text[b] == '\r' {
		return false
	}
	k := j + 1
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	if k >= len(text) || text[k] == '\n' || text[k] == '\r' {
		return true
	}
	e := k
	for e < len(text) && (isAlpha(text[e]) || text[e] == '\'') && e-k < 16 {
		e++
	}
	return e > k && s.lx.starters[text[k:e]]
}

// takesPeriod decides whether the period at j belongs to the word text[i:j].
func (s *scanner) takesPeriod(i, j int, dotted bool) bool {
	text := s.text
	w := text[i : j+1]
	if k, ok := s.lx.abbr[w]; ok {
		if k == abbrNum {
			return nextIsDigit(text, j+1)
		}
		return true
	}
	if dotted { // U.S., e.g., Ph.D.
		return true
	}
	// A capital initial: "J." (but not "I.").
	if j == i+1 && isUpper(text[i]) && text[i] != 'I' {
		return true
	}
	return false
}

// nextIsDigit reports whether the next non-space character after i is a digit.
func nextIsDigit(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return digitAt(text, i) || (i < len(text) && text[i] == '#')
}

// urlEnd returns the end of a URL starting at i (http://…, https://…,
// ftp://…, www.…), without trailing punctuation, or i.
func urlEnd(text string, i, ce int) int {
	rest := text[i:ce]
	n := 0
	switch {
	case hasPrefixFold(rest, "http://"):
		n = 7
	case hasPrefixFold(rest, "https://"):
		n = 8
	case hasPrefixFold(rest, "ftp://"):
		n = 6
	case hasPrefixFold(rest, "www.") && len(rest) > 4 && wordAt(rest, 4):
		n = 4
	default:
		return i
	}
	if n >= len(rest) {
		return i
	}
	e := ce
	open := strings.Count(rest, "(") - strings.Count(rest, ")")
	for e > i+n {
		c := text[e-1]
		if strings.IndexByte(".,;:!?\"'>]}", c) >= 0 || (c == ')' && open < 0) {
			if c == ')' {
				open++
			}
			e--
			continue
		}
		if e-3 > i+n && text[e-3] == 0xE2 && text[e-2] == 0x80 { // ” ’ … after a URL
			e -= 3
			continue
		}
		break
	}
	return e
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isLocalChar reports whether c may appear in the local part of an e-mail address.
func isLocalChar(c byte) bool {
	return isAlpha(c) || isDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// emailEnd returns the end of an e-mail address starting at i, or i. It
// keeps a forward-only cursor so that a chunk is scanned in linear time.
func (s *scanner) emailEnd(i, ce int) int {
	text := s.text
	if s.at < i {
		k := strings.IndexByte(text[i:ce], '@')
		if k < 0 {
			s.at, s.local = ce, ce
			return i
		}
		s.at = i + k
		l := s.at
		for l > i && isLocalChar(text[l-1]) {
			l--
		}
		s.local = l
	}
	if s.at >= ce || i != s.local || i >= s.at || !isAlpha(text[i]) && !isDigit(text[i]) {
		return i
	}
	// Domain: labels of letters, digits and hyphens joined by dots, ending in a letter label.
	e := s.at + 1
	dots := 0
	lastDot := -1
	for e < ce {
		c := text[e]
		if isAlpha(c) || isDigit(c) || c == '-' {
			e++
			continue
		}
		if c == '.' && e+1 < ce && (isAlpha(text[e+1]) || isDigit(text[e+1])) && text[e-1] != '.' {
			dots++
			lastDot = e
			e++
			continue
		}
		break
	}
	if dots == 0 {
		// Internal addresses without a dot: Warner@ENRON.
		if e-s.at-1 >= 3 && isUpperRun(text, s.at+1, e) && !wordAt(text, e) {
			return e
		}
		return i
	}
	if !isAlpha(text[lastDot+1]) {
		return i
	}
	return e
}

// emoticons that are tokens of their own, longest first where they share a prefix.
var emoticons = []string{
	":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-|", ":-*", ":'(", ":')", ";-)", ">:(", ":))", ":((", "^_^", "^^", "<3",
	":)", ":(", ":D", ":P", ":p", ":/", ":|", ":*", ":]", ":[", ":O", ":o", ";)", ";D", ";P", "=)", "=(", "=D",
}

// emoticonEnd returns the end of an emoticon at i, or i.
func emoticonEnd(text string, i, ce int) int {
	rest := text[i:ce]
	for _, e := range emoticons {
		if strings.HasPrefix(rest, e) && !wordAt(text, i+len(e)) {
			// After a word, ":/", ":o" are more likely punctuation.
			if i > 0 && wordAt(text, i-1) && (e == ":/" || e == ":|" || e == ":o" || e == ":O") {
				continue
			}
			return i + len(e)
		}
	}
	return i
}
