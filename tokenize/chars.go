package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Character classes of ASCII bytes.
const (
	cOther uint8 = iota // anything not below: a symbol token of its own
	cSpace              // whitespace and control characters: separates tokens
	cLower              // a-z
	cUpper              // A-Z
	cDigit              // 0-9
	cPunct              // ASCII punctuation
)

var asciiClass = func() (t [128]uint8) {
	for i := range t {
		switch {
		case i <= ' ' || i == 0x7f:
			t[i] = cSpace
		case 'a' <= i && i <= 'z':
			t[i] = cLower
		case 'A' <= i && i <= 'Z':
			t[i] = cUpper
		case '0' <= i && i <= '9':
			t[i] = cDigit
		default:
			t[i] = cPunct
		}
	}
	return t
}()

// decode returns the rune at text[i] and its width. Invalid UTF-8 decodes as
// utf8.RuneError with width 1, so offsets always advance.
func decode(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// isSpaceRune reports whether r separates tokens: Unicode white space,
// control and format characters (zero-width spaces, BOM, bidi marks).
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == cSpace
	}
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF,
		0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060:
		return true
	}
	if 0x2000 <= r && r <= 0x200A {
		return true
	}
	if 0x80 <= r && r < 0xA0 { // C1 controls
		return true
	}
	if 0x202A <= r && r <= 0x202E || 0x2066 <= r && r <= 0x2069 { // bidi controls
		return true
	}
	return false
}

// isWordRune reports whether r can be part of a word: letters, digits,
// combining marks, and (so that garbage stays together) invalid bytes.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := asciiClass[r]
		return c == cLower || c == cUpper || c == cDigit
	}
	if r == utf8.RuneError {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordAt reports whether a word rune starts at text[i] (i may be out of range).
func wordAt(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return false
	}
	r, _ := decode(text, i)
	return isWordRune(r)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isAlpha(c byte) bool { return isLower(c) || isUpper(c) }

// digitAt reports whether text[i] is an ASCII digit (i may be out of range).
func digitAt(text string, i int) bool { return i >= 0 && i < len(text) && isDigit(text[i]) }

// alphaAt reports whether text[i] is an ASCII letter (i may be out of range).
func alphaAt(text string, i int) bool { return i >= 0 && i < len(text) && isAlpha(text[i]) }

// upperStart reports whether s begins with an upper-case letter.
func upperStart(s string) bool {
	if s == "" {
		return false
	}
	r, _ := decode(s, 0)
	if r < utf8.RuneSelf {
		return isUpper(byte(r))
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// lowerStart reports whether s begins with a lower-case letter.
func lowerStart(s string) bool {
	if s == "" {
		return false
	}
	r, _ := decode(s, 0)
	if r < utf8.RuneSelf {
		return isLower(byte(r))
	}
	return unicode.IsLower(r)
}

// isApos reports whether text[i:] starts with an apostrophe (' or ’ or ‘ or `),
// returning its width.
func isApos(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	switch text[i] {
	case '\'', '`':
		return 1
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x99 || text[i+2] == 0x98) {
			return 3
		}
	}
	return 0
}
