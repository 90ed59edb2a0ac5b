package sqlstore

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrEmptyQuery is returned for a full-text query with no word to look for.
var ErrEmptyQuery = errors.New("store: full-text query has no word to search for")

// ftsTerm is one word or phrase of a user query.
type ftsTerm struct {
	text   string
	phrase bool
	not    bool
}

// parseUserQuery splits a web-search style query: words, "quoted phrases",
// -excluded terms and OR between alternatives. It returns the groups of
// alternatives (ANDed together) and the excluded terms.
func parseUserQuery(q string) (groups [][]ftsTerm, nots []ftsTerm) {
	var terms []ftsTerm
	orNext := false
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		}
		not := false
		if c == '-' && i+1 < len(q) && q[i+1] != ' ' {
			not = true
			i++
		}
		var t ftsTerm
		t.not = not
		if i < len(q) && q[i] == '"' {
			j := strings.IndexByte(q[i+1:], '"')
			if j < 0 {
				t.text = q[i+1:]
				i = len(q)
			} else {
				t.text = q[i+1 : i+1+j]
				i += j + 2
			}
			t.phrase = true
		} else {
			j := i
			for j < len(q) && q[j] != ' ' && q[j] != '\t' && q[j] != '\n' && q[j] != '\r' {
				j++
			}
			t.text = q[i:j]
			i = j
			if t.text == "OR" && !not {
				orNext = len(terms) > 0
				continue
			}
		}
		if !hasWord(t.text) {
			continue
		}
		if t.not {
			nots = append(nots, t)
			continue
		}
		if orNext && len(groups) > 0 {
			groups[len(groups)-1] = append(groups[len(groups)-1], t)
		} else {
			groups = append(groups, []ftsTerm{t})
		}
		terms = append(terms, t)
		orNext = false
	}
	return groups, nots
}

func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func fts5String(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// FTS5Query turns a web-search style query into SQLite FTS5 syntax, quoting
// every term so that no user text is read as an operator.
func FTS5Query(q string) (string, error) {
	groups, nots := parseUserQuery(q)
	if len(groups) == 0 {
		return "", ErrEmptyQuery
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
			b.WriteString(fts5String(t.text))
		}
		if len(g) > 1 {
			b.WriteByte(')')
		}
	}
	for _, t := range nots {
		b.WriteString(" NOT ")
		b.WriteString(fts5String(t.text))
	}
	return b.String(), nil
}

// WebSearchQuery checks a query for PostgreSQL's websearch_to_tsquery,
// which reads the same syntax itself.
func WebSearchQuery(q string) (string, error) {
	groups, _ := parseUserQuery(q)
	if len(groups) == 0 {
		return "", ErrEmptyQuery
	}
	return q, nil
}

// snippetTerms returns the lower-cased word prefixes that mark a match of
// a user query in a snippet: each word of its positive terms, cut to its
// first four or more letters so that inflected forms match ("striking"
// marks "strike").
func snippetTerms(q string) []string {
	groups, _ := parseUserQuery(q)
	var out []string
	for _, g := range groups {
		for _, t := range g {
			for _, w := range strings.FieldsFunc(strings.ToLower(t.text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				n := max(4, len(w)-3)
				if n > len(w) {
					n = len(w)
				}
				out = append(out, w[:n])
			}
		}
	}
	return out
}

// Snippet returns a window of about width words of text around the first
// word that starts with one of terms, with matching words in [brackets] and
// "…" where the text is cut.
func Snippet(text string, terms []string, width int) string {
	type word struct{ start, end int }
	var words []word
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		words = append(words, word{i, j})
		i = j
	}
	matches := func(w word) bool {
		lw := strings.ToLower(strings.TrimLeftFunc(text[w.start:w.end], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		for _, t := range terms {
			if t != "" && strings.HasPrefix(lw, t) {
				return true
			}
		}
		return false
	}
	first := -1
	for i, w := range words {
		if matches(w) {
			first = i
			break
		}
	}
	lo := 0
	if first > width/3 {
		lo = first - width/3
	}
	hi := min(len(words), lo+width)
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	for i := lo; i < hi; i++ {
		if i > lo {
			b.WriteByte(' ')
		}
		w := text[words[i].start:words[i].end]
		if matches(words[i]) {
			b.WriteString("[" + w + "]")
		} else {
			b.WriteString(w)
		}
	}
	if hi < len(words) {
		b.WriteString("…")
	}
	return b.String()
}
