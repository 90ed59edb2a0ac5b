package store

import (
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// Contexts of the token models of format version 7 (tokrc.go). Every
// function here is part of the frozen format: changing one changes what
// a stored blob decodes to, and needs a new codec version and priors.

// nClass is the number of byte classes.
const nClass = 18

// byteClass is the class of text[p] for the token boundary models (0
// outside the text).
func byteClass(text string, p int) int {
	if uint(p) >= uint(len(text)) {
		return 0
	}
	return int(byteClasses[text[p]])
}

// byteClasses classes the byte values (see classOf).
var byteClasses = func() (t [256]uint8) {
	for c := range t {
		t[c] = classOf(byte(c))
	}
	return t
}()

// classOf is the class of a byte of text (1 to nClass-1).
func classOf(c byte) uint8 {
	switch {
	case c == ' ' || c == '\t':
		return 1
	case c == '\n' || c == '\r':
		return 2
	case c >= 'a' && c <= 'z':
		return 3
	case c >= 'A' && c <= 'Z':
		return 4
	case c >= '0' && c <= '9':
		return 5
	case c == '.':
		return 6
	case c == ',':
		return 7
	case c == '\'':
		return 8
	case c == '"':
		return 9
	case c == '-':
		return 10
	case c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}':
		return 11
	case c == '!' || c == '?' || c == ';' || c == ':':
		return 12
	case c < 0x20 || c == 0x7F:
		return 17
	case c < 0x80:
		return 13
	case c == 0xE2:
		return 14
	case c >= 0xC0:
		return 15
	default:
		return 16
	}
}

// Shape classes of a word that is not one of the frequent forms.
const (
	shapeLower = iota
	shapeCap
	shapeCapFirst // capitalised, first in its sentence
	shapeUpper
	shapeDigit
	shapePunct
	shapeOther
	nShape
)

// wordShape classifies a form.
func wordShape(form string, first bool) int {
	var lower, upper, digit, ascii, firstUpper bool
	for i := 0; i < len(form); i++ {
		c := form[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower, ascii = true, true
		case c >= 'A' && c <= 'Z':
			upper, ascii = true, true
			if i == 0 {
				firstUpper = true
			}
		case c >= '0' && c <= '9':
			digit = true
		}
	}
	switch {
	case digit:
		return shapeDigit
	case firstUpper && lower:
		if first {
			return shapeCapFirst
		}
		return shapeCap
	case upper && !lower:
		return shapeUpper
	case lower:
		return shapeLower
	case !ascii && form != "":
		if r, _ := utf8.DecodeRuneInString(form); r >= 0x80 && unicode.IsLetter(r) {
			return shapeOther
		}
		return shapePunct
	default:
		return shapePunct
	}
}

// wordSuffixes are the ending classes of a word, tried in order (class
// k+1 for wordSuffixes[k], 0 for none).
var wordSuffixes = [...]string{"'s", "’s", "ing", "ied", "ed", "ly", "ies", "ss", "es", "s", "tion", "sion",
	"ment", "ness", "ity", "ier", "er", "est", "al", "ive", "ous", "ful", "able", "ible", "ic", "ian", "an",
	"ist", "ism", "ize", "ise", "en", "ry", "y", "ese", "ish", "land", "ton", "e", "n't"}

// nSuffix is the number of ending classes.
const nSuffix = len(wordSuffixes) + 1

// suffixClass is the ending class of a lower-cased form.
func suffixClass(lower []byte) int {
	if len(lower) < 2 {
		return 0
	}
	for _, k := range suffixesByLast[lower[len(lower)-1]] {
		s := wordSuffixes[k]
		if len(lower) > len(s) && string(lower[len(lower)-len(s):]) == s {
			return int(k) + 1
		}
	}
	return 0
}

// suffixesByLast lists the wordSuffixes by their last byte, in order.
var suffixesByLast = func() (t [256][]uint8) {
	for k, s := range wordSuffixes {
		c := s[len(s)-1]
		t[c] = append(t[c], uint8(k))
	}
	return t
}()

// coarseUPOS groups the parts of speech for contexts: 1 nominal, 2
// verbal, 3 modifier of a noun, 4 function word, 5 the rest (0: none).
func coarseUPOS(u doc.UPOS) int {
	switch u {
	case doc.NOUN, doc.PROPN, doc.PRON, doc.NUM:
		return 1
	case doc.VERB, doc.AUX:
		return 2
	case doc.DET, doc.ADJ:
		return 3
	case doc.ADP, doc.SCONJ, doc.CCONJ, doc.PART:
		return 4
	default:
		return 5
	}
}

// upos19 clamps a part of speech for table indexes.
func upos19(u doc.UPOS) int {
	if u >= doc.NumUPOS {
		return int(doc.NumUPOS)
	}
	return int(u)
}

const nUPOS = int(doc.NumUPOS) + 1

// lowerASCII lower-cases the ASCII letters of s into buf.
func lowerASCII(buf []byte, s string) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}
