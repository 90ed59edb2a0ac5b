package tokenize

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// abbrKind says how an abbreviation that ends in a period behaves at a
// possible sentence boundary.
type abbrKind uint8

const (
	// abbrEnd abbreviations can end a sentence ("Inc.", "etc.", "Jan.");
	// a sentence boundary follows them only before a typical sentence starter.
	abbrEnd abbrKind = iota + 1
	// abbrTitle abbreviations precede a name ("Dr.", "Gen."); no boundary
	// follows them.
	abbrTitle
	// abbrNum abbreviations precede a number ("No. 5", "p. 12"); they are
	// abbreviations only when a digit follows.
	abbrNum
)

// lexicon holds the word lists the tokenizer and splitter use. It is built
// once from the embedded lexicon.txt and never changed.
type lexicon struct {
	abbr     map[string]abbrKind // abbreviation including its final period, case-sensitive
	prefix   map[string]bool     // lower-case prefixes that keep their hyphen ("non" in "non-stop")
	mwt      map[string][]uint8  // lower-case word → split offsets ("cannot" → [3])
	starters map[string]bool     // words that typically begin a sentence ("The", "He")
	units    map[string]bool     // lower-case units split from a preceding number ("pm" in "5pm")
	ext      map[string]bool     // lower-case file extensions and top-level domains ("pdf", "com")
	afterIts map[string]bool     // words after which "its" is "it 's" ("its a", "its not")
	special  []string            // whole tokens with inner punctuation ("b/c", "w/o")
}

//go:embed lexicon.txt
var lexiconText string

// parseLexicon reads the lexicon format: "[section]" headers followed by one
// entry per line; "#" starts a comment line.
//
//	[abbr-end]    Inc.
//	[abbr-title]  Dr.
//	[abbr-num]    No.
//	[prefix]      non
//	[mwt]         can|not
//	[starter]     The
//	[unit]        pm
//	[ext]         pdf
//	[after-its]   not
//	[special]     b/c
func parseLexicon(src string) (*lexicon, error) {
	lx := &lexicon{
		abbr:     map[string]abbrKind{},
		prefix:   map[string]bool{},
		mwt:      map[string][]uint8{},
		starters: map[string]bool{},
		units:    map[string]bool{},
		ext:      map[string]bool{},
		afterIts: map[string]bool{},
	}
	sc := bufio.NewScanner(strings.NewReader(src))
	section := ""
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' && line[len(line)-1] == ']' {
			section = line[1 : len(line)-1]
			continue
		}
		for _, e := range strings.Fields(line) {
			switch section {
			case "abbr-end":
				lx.abbr[e] = abbrEnd
			case "abbr-title":
				lx.abbr[e] = abbrTitle
			case "abbr-num":
				lx.abbr[e] = abbrNum
			case "prefix":
				lx.prefix[strings.ToLower(e)] = true
			case "starter":
				lx.starters[e] = true
			case "ext":
				if len(e) > 4 {
					return nil, fmt.Errorf("lexicon line %d: extension %q longer than 4 bytes", n, e)
				}
				lx.ext[strings.ToLower(e)] = true
			case "after-its":
				lx.afterIts[e] = true
			case "special":
				lx.special = append(lx.special, e)
			case "unit":
				if len(e) > 5 {
					return nil, fmt.Errorf("lexicon line %d: unit %q longer than 5 bytes", n, e)
				}
				lx.units[strings.ToLower(e)] = true
			case "mwt":
				parts := strings.Split(strings.ToLower(e), "|")
				if len(parts) < 2 || len(e) > maxMWT {
					return nil, fmt.Errorf("lexicon line %d: bad multiword token %q", n, e)
				}
				var offs []uint8
				off := 0
				for _, p := range parts[:len(parts)-1] {
					off += len(p)
					offs = append(offs, uint8(off))
				}
				lx.mwt[strings.Join(parts, "")] = offs
			default:
				return nil, fmt.Errorf("lexicon line %d: entry %q outside a known section (%s)", n, e, strconv.Quote(section))
			}
		}
	}
	return lx, sc.Err()
}

// maxMWT is the longest multiword token form in bytes.
const maxMWT = 12
