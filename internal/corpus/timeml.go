// Package corpus holds small helpers shared by the training commands for
// reading corpus files.
package corpus

import "strings"

var entities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&apos;", "'")

// TimeMLText returns the plain text of a TimeML/XML document: the content of
// its <TEXT> element (or the whole document when it has none) with tags
// removed and the five XML entities decoded. Lines are kept as they are.
func TimeMLText(s string) string {
	if i := strings.Index(s, "<TEXT>"); i >= 0 {
		s = s[i+len("<TEXT>"):]
	}
	if i := strings.Index(s, "</TEXT>"); i >= 0 {
		s = s[:i]
	}
	var sb strings.Builder
	sb.Grow(len(s))
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			sb.WriteRune(r)
		}
	}
	return entities.Replace(sb.String())
}
