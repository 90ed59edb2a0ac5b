package sqlstore

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// SQLite's full-text indexes keep no token positions (FTS5 detail=none: a
// third of the size of a positional index), so they cannot answer phrase
// queries. FTS5LooseQuery asks the index for the documents that hold every
// word of each phrase, and a Matcher then checks the phrases against the
// (decompressed) texts, with the tokenizer and stemmer of the index:
// unicode61 words, case and diacritics folded, Porter stems.

// ftsTokens splits s into index terms: runs of letters and numbers,
// lower-cased, without diacritics, Porter-stemmed.
func ftsTokens(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, porterStem(b.String()))
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r):
			r = unicode.ToLower(r)
			if r < 0x80 {
				b.WriteRune(r)
				continue
			}
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					b.WriteRune(d)
				}
			}
		case unicode.Is(unicode.Mn, r):
			// a combining diacritic: dropped, the word goes on
		default:
			flush()
		}
	}
	flush()
	return out
}

// FTS5LooseQuery is FTS5Query for an index without positions: a phrase
// becomes the AND of its words and an excluded phrase is left out; a
// Matcher then checks the texts the index returns (see NeedsCheck).
func FTS5LooseQuery(q string) (string, error) {
	return fts5LooseQuery(q, true)
}

// fts5LooseQuery is FTS5LooseQuery, without the excluded words when nots
// is false (a quote search asks for articles, and an article may hold an
// excluded word outside the quote).
func fts5LooseQuery(q string, nots bool) (string, error) {
	groups, excluded := parseUserQuery(q)
	if !nots {
		excluded = nil
	}
	if len(groups) == 0 {
		return "", ErrEmptyQuery
	}
	term := func(t ftsTerm) string {
		toks := ftsTokens(t.text)
		if len(toks) == 1 {
			return fts5String(toks[0])
		}
		// Stems of several words: each must occur.
		parts := make([]string, len(toks))
		for i, w := range toks {
			parts[i] = fts5String(w)
		}
		return "(" + strings.Join(parts, " AND ") + ")"
	}
	var b strings.Builder
	for i, g := range groups {
		if i > 0 {
			b.WriteString(" AND ")
		}
		if len(g) > 1 {
			b.WriteByte('(')
		}
		for j, t := range g {
			if j > 0 {
				b.WriteString(" OR ")
			}
			b.WriteString(term(t))
		}
		if len(g) > 1 {
			b.WriteByte(')')
		}
	}
	for _, t := range excluded {
		if len(ftsTokens(t.text)) == 1 {
			b.WriteString(" NOT ")
			b.WriteString(term(t))
		}
	}
	return b.String(), nil
}

// Matcher evaluates a user query (words ANDed, "phrases", -not, OR) on
// texts, as the full-text index would with positions.
type Matcher struct {
	groups [][][]string // alternatives of each group, as token sequences
	nots   [][]string
	phrase bool
}

// NewMatcher parses a user query.
func NewMatcher(q string) *Matcher {
	groups, nots := parseUserQuery(q)
	m := &Matcher{}
	for _, g := range groups {
		var alts [][]string
		for _, t := range g {
			toks := ftsTokens(t.text)
			m.phrase = m.phrase || len(toks) > 1
			alts = append(alts, toks)
		}
		m.groups = append(m.groups, alts)
	}
	for _, t := range nots {
		toks := ftsTokens(t.text)
		m.phrase = m.phrase || len(toks) > 1
		m.nots = append(m.nots, toks)
	}
	return m
}

// NeedsCheck reports whether the query has a phrase, which FTS5LooseQuery
// only approximates: its hits must then go through Match.
func (m *Matcher) NeedsCheck() bool { return m.phrase }

// Match reports whether the query matches a document made of these fields
// (title and text, say); a phrase must lie within one field.
func (m *Matcher) Match(fields ...string) bool {
	toks := make([][]string, len(fields))
	for i, f := range fields {
		toks[i] = ftsTokens(f)
	}
	has := func(seq []string) bool {
		for _, t := range toks {
			if containsSeq(t, seq) {
				return true
			}
		}
		return false
	}
	for _, g := range m.groups {
		ok := false
		for _, alt := range g {
			if has(alt) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	for _, n := range m.nots {
		if has(n) {
			return false
		}
	}
	return true
}

// containsSeq reports whether seq occurs in toks as a contiguous run.
func containsSeq(toks, seq []string) bool {
	if len(seq) == 0 {
		return false
	}
outer:
	for i := 0; i+len(seq) <= len(toks); i++ {
		for k, w := range seq {
			if toks[i+k] != w {
				continue outer
			}
		}
		return true
	}
	return false
}

// porterStem is the Porter (1980) stemmer that SQLite's porter tokenizer
// runs: words of 3 to 64 bytes are stemmed, others kept.
func porterStem(w string) string {
	if len(w) < 3 || len(w) > 64 {
		return w
	}
	b := []byte(w)
	b = porterStep1ab(b)
	b = porterStep1c(b)
	b = porterStep2(b)
	b = porterStep3(b)
	b = porterStep4(b)
	b = porterStep5(b)
	return string(b)
}

// pCons reports whether b[i] is a consonant (y is one at the start or after
// a vowel).
func pCons(b []byte, i int) bool {
	switch b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !pCons(b, i-1)
	}
	return true
}

// pMeasure is m, the number of vowel-consonant sequences in b.
func pMeasure(b []byte) int {
	n, i := 0, 0
	for i < len(b) && pCons(b, i) {
		i++
	}
	for i < len(b) {
		for i < len(b) && !pCons(b, i) {
			i++
		}
		if i >= len(b) {
			break
		}
		n++
		for i < len(b) && pCons(b, i) {
			i++
		}
	}
	return n
}

func pHasVowel(b []byte) bool {
	for i := range b {
		if !pCons(b, i) {
			return true
		}
	}
	return false
}

// pDoubleCons reports whether b ends in a double consonant.
func pDoubleCons(b []byte) bool {
	n := len(b)
	return n >= 2 && b[n-1] == b[n-2] && pCons(b, n-1)
}

// pCVC reports whether b ends consonant-vowel-consonant, the last not w, x
// or y.
func pCVC(b []byte) bool {
	n := len(b)
	if n < 3 || !pCons(b, n-1) || pCons(b, n-2) || !pCons(b, n-3) {
		return false
	}
	c := b[n-1]
	return c != 'w' && c != 'x' && c != 'y'
}

func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

// pReplace replaces suffix with repl when the measure of the stem before
// it exceeds minM; ok says whether the suffix was there.
func pReplace(b []byte, suffix, repl string, minM int) ([]byte, bool) {
	if !hasSuffix(b, suffix) {
		return b, false
	}
	stem := b[:len(b)-len(suffix)]
	if pMeasure(stem) > minM {
		return append(stem[:len(stem):len(stem)], repl...), true
	}
	return b, true
}

func porterStep1ab(b []byte) []byte {
	switch {
	case hasSuffix(b, "sses"), hasSuffix(b, "ies"):
		b = b[:len(b)-2]
	case hasSuffix(b, "ss"):
	case hasSuffix(b, "s"):
		b = b[:len(b)-1]
	}
	if hasSuffix(b, "eed") {
		if pMeasure(b[:len(b)-3]) > 0 {
			b = b[:len(b)-1]
		}
		return b
	}
	cut := 0
	if hasSuffix(b, "ed") && pHasVowel(b[:len(b)-2]) {
		cut = 2
	} else if hasSuffix(b, "ing") && pHasVowel(b[:len(b)-3]) {
		cut = 3
	}
	if cut == 0 {
		return b
	}
	b = b[:len(b)-cut]
	switch {
	case hasSuffix(b, "at"), hasSuffix(b, "bl"), hasSuffix(b, "iz"):
		b = append(b, 'e')
	case pDoubleCons(b) && !hasSuffix(b, "l") && !hasSuffix(b, "s") && !hasSuffix(b, "z"):
		b = b[:len(b)-1]
	case pMeasure(b) == 1 && pCVC(b):
		b = append(b, 'e')
	}
	return b
}

func porterStep1c(b []byte) []byte {
	if hasSuffix(b, "y") && pHasVowel(b[:len(b)-1]) {
		b[len(b)-1] = 'i'
	}
	return b
}

var porterStep2Rules = [][2]string{
	{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
	{"logi", "log"}, {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"},
	{"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
	{"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
}

func porterStep2(b []byte) []byte {
	for _, r := range porterStep2Rules {
		if out, ok := pReplace(b, r[0], r[1], 0); ok {
			return out
		}
	}
	return b
}

var porterStep3Rules = [][2]string{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""},
}

func porterStep3(b []byte) []byte {
	for _, r := range porterStep3Rules {
		if out, ok := pReplace(b, r[0], r[1], 0); ok {
			return out
		}
	}
	return b
}

var porterStep4Suffixes = []string{
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
	"ism", "ate", "iti", "ous", "ive", "ize",
}

func porterStep4(b []byte) []byte {
	// The longest matching suffix decides (ement before ment before ent).
	best := ""
	for _, s := range porterStep4Suffixes {
		if hasSuffix(b, s) && len(s) > len(best) {
			best = s
		}
	}
	if best == "" {
		return b
	}
	stem := b[:len(b)-len(best)]
	if best == "ion" && !(hasSuffix(stem, "s") || hasSuffix(stem, "t")) {
		return b
	}
	if pMeasure(stem) > 1 {
		return stem
	}
	return b
}

func porterStep5(b []byte) []byte {
	if hasSuffix(b, "e") {
		stem := b[:len(b)-1]
		if m := pMeasure(stem); m > 1 || (m == 1 && !pCVC(stem)) {
			b = stem
		}
	}
	if pMeasure(b) > 1 && pDoubleCons(b) && hasSuffix(b, "l") {
		b = b[:len(b)-1]
	}
	return b
}
