package read

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// decodeText turns raw bytes into valid UTF-8 text with LF line ends. It
// decodes UTF-16 (with a BOM, or without one when the NUL pattern is
// unmistakable) and Windows-1252/Latin-1 when the bytes are not UTF-8 but
// look like 8-bit text. It returns the name of the source encoding ("" for
// UTF-8). Binary data is rejected.
func decodeText(data []byte) (text string, encoding string, err error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		data = data[len(utf8BOM):]
	case bytes.HasPrefix(data, utf16LEBOM):
		return decodeUTF16(data, unicode.LittleEndian, "UTF-16LE")
	case bytes.HasPrefix(data, utf16BEBOM):
		return decodeUTF16(data, unicode.BigEndian, "UTF-16BE")
	default:
		if e, ok := sniffUTF16(data); ok {
			name := "UTF-16LE"
			if e == unicode.BigEndian {
				name = "UTF-16BE"
			}
			return decodeUTF16(data, e, name)
		}
	}
	if off := binaryAt(data); off >= 0 {
		return "", "", fmt.Errorf("%w (control byte 0x%02x at byte %d)", ErrBinary, data[off], off)
	}
	if utf8.Valid(data) {
		text := normalizeNewlines(string(data))
		if fixed, ok := fixMojibake(text); ok {
			return fixed, "UTF-8 with mojibake (text once read as Windows-1252), repaired", nil
		}
		return text, "", nil
	}
	off := invalidUTF8At(data)
	if !looksLike8bit(data) {
		return "", "", fmt.Errorf("invalid UTF-8 at byte %d, and not Latin-1 text either", off)
	}
	dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("invalid UTF-8 at byte %d: %w", off, err)
	}
	return normalizeNewlines(string(dec)), "Windows-1252", nil
}

func decodeUTF16(data []byte, order unicode.Endianness, name string) (string, string, error) {
	dec, err := unicode.UTF16(order, unicode.UseBOM).NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("bad %s text: %w", name, err)
	}
	if off := binaryAt(dec); off >= 0 {
		return "", "", fmt.Errorf("%w (in %s text, control byte 0x%02x at byte %d after decoding)", ErrBinary, name, dec[off], off)
	}
	return normalizeNewlines(string(bytes.ToValidUTF8(dec, []byte("\uFFFD")))), name, nil
}

// sniffUTF16 recognises BOM-less UTF-16 of mostly-ASCII text: NULs in every
// other byte.
func sniffUTF16(data []byte) (unicode.Endianness, bool) {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return unicode.LittleEndian, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd > half*9/10 && even < half/10:
		return unicode.LittleEndian, true
	case even > half*9/10 && odd < half/10:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// binaryAt returns the offset of the first byte that text never holds (NUL
// or C0 controls other than tab, LF, VT, FF, CR and ESC-free text), or -1. A
// few stray control bytes in a long text are tolerated and replaced later;
// a NUL, or many controls, mean binary data.
func binaryAt(data []byte) int {
	first, count := -1, 0
	for i, c := range data {
		if c == 0 {
			return i
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
			if first < 0 {
				first = i
			}
			count++
		}
	}
	if count > 0 && (count > 8 && count*100 > len(data)) {
		return first
	}
	return -1
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// looksLike8bit reports whether non-UTF-8 bytes look like Latin-1/1252 text:
// mostly ASCII, with high bytes standing alone between ASCII characters.
func looksLike8bit(data []byte) bool {
	high, runs := 0, 0
	for i := 0; i < len(data); i++ {
		if data[i] >= 0x80 {
			high++
			if i > 0 && data[i-1] >= 0x80 {
				runs++
			}
		}
	}
	return high*100 <= len(data)*30 && runs*2 <= high
}

// normalizeNewlines turns CRLF and lone CR into LF and drops stray C0 control
// characters, so that offsets and sentence splitting see clean text.
func normalizeNewlines(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' || (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\v') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b bytes.Buffer
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\v':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// cp1252High maps the characters Windows-1252 puts at bytes 0x80–0x9F back
// to those bytes.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
	'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
	'–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// continuationByte returns the byte 0x80–0xBF that r stands for when UTF-8
// was decoded as Windows-1252 or Latin-1.
func continuationByte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xBF {
		return byte(r), true
	}
	b, ok := cp1252High[r]
	return b, ok
}

// fixMojibake repairs UTF-8 text that was once decoded as Windows-1252 or
// Latin-1 and encoded again, as scraped news often is: "PeÃ±a" → "Peña",
// "Ã©" → "é", "itâ€™s" → "it’s", "Â " → a no-break space. Only a
// complete sequence is replaced — a character that stands for a UTF-8 lead
// byte (Â–ô) followed by as many characters standing for continuation bytes
// as the lead byte announces, which together decode to one character —
// so text that merely holds "Ã" or "â" stays as it is. Only the leads of
// the mojibake English news has are taken: Â, Ã and Å (Latin letters such
// as é, ñ, š) and â (’ “ ” – — … €); other leads are letters of French or
// Scandinavian words too often ("é»…" is French, and also a Chinese
// character read as Windows-1252). A lead character that was decomposed
// since ("A" and a combining tilde for "Ã") counts. It reports whether
// anything was replaced.
func fixMojibake(s string) (string, bool) {
	if !strings.ContainsAny(s, "ÂÃÅâ\u0302\u0303\u030a") {
		return s, false
	}
	var out strings.Builder
	changed := false
	var seq [4]byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < utf8.RuneSelf && i+size < len(s) {
			// "Ã" may have been decomposed since: "A" and a combining tilde
			if m, ms := utf8.DecodeRuneInString(s[i+size:]); m >= 0x300 && m <= 0x36F {
				if c := []rune(norm.NFC.String(string([]rune{r, m}))); len(c) == 1 && c[0] >= 0xC2 && c[0] <= 0xE2 {
					r, size = c[0], size+ms
				}
			}
		}
		n := 0
		switch r {
		case 'Â', 'Ã', 'Å': // U+0080–U+017F: Latin letters and signs
			n = 1
		case 'â': // U+2000–U+2FFF: quotes, dashes, the euro sign
			n = 2
		}
		if n > 0 {
			seq[0] = byte(r)
			j, k := i+size, 1
			for ; k <= n && j < len(s); k++ {
				c, cs := utf8.DecodeRuneInString(s[j:])
				b, ok := continuationByte(c)
				if !ok {
					break
				}
				seq[k] = b
				j += cs
			}
			if k == n+1 {
				if dr, ds := utf8.DecodeRune(seq[:n+1]); dr != utf8.RuneError && ds == n+1 {
					if !changed {
						out.Grow(len(s))
						out.WriteString(s[:i])
						changed = true
					}
					out.WriteRune(dr)
					i = j
					continue
				}
			}
		}
		if changed {
			out.WriteString(s[i : i+size])
		}
		i += size
	}
	if !changed {
		return s, false
	}
	return out.String(), true
}
