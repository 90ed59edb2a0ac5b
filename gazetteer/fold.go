package gazetteer

import "unicode/utf8"

// Fold returns the lookup key of a name: lower case, Latin diacritics removed,
// dots and apostrophes dropped, hyphens and runs of spaces made one space.
// "Côte d'Ivoire" → "cote divoire", "U.S." → "us", "Zürich" → "zurich".
func Fold(s string) string {
	var buf [64]byte
	return string(foldInto(buf[:0], s))
}

// foldInto appends the key of s to dst; it does not allocate when dst has room.
func foldInto(dst []byte, s string) []byte {
	space := true // suppress leading spaces
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				dst = append(dst, c+'a'-'A')
				space = false
			case c == '.' || c == '\'' || c == ',':
			case c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '_':
				if !space {
					dst = append(dst, ' ')
					space = true
				}
			default:
				dst = append(dst, c)
				space = false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == '\u2019' || r == '\u2018' || r == '\u02bb' || r == '\u02bc' {
			continue
		}
		if f := foldRune(r); f != "" {
			dst = append(dst, f...)
		} else {
			dst = utf8.AppendRune(dst, r)
		}
		space = false
	}
	if n := len(dst); n > 0 && dst[n-1] == ' ' {
		dst = dst[:n-1]
	}
	return dst
}

// foldRune maps Latin letters with diacritics to ASCII, lower case.
func foldRune(r rune) string {
	if r >= 0xC0 && r <= 0xFF {
		return latin1[r-0xC0]
	}
	if r >= 0x100 && r <= 0x17F {
		return extA[r-0x100]
	}
	switch r {
	case 'ș', 'Ș':
		return "s"
	case 'ț', 'Ț':
		return "t"
	case 'ə', 'Ə':
		return "a"
	}
	return ""
}

var latin1 = [64]string{
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
}

var extA = [128]string{
	"a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
	"d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
	"g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
	"i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
	"l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
	"o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
	"u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
}
