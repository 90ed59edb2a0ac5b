package sqlstore

import (
	"errors"
	"strings"
	"unicode"
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
