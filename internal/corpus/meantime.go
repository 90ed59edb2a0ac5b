package corpus

import (
	"regexp"
	"strings"
)

var meantimeToken = regexp.MustCompile(`<token number="\d+" sentence="\d+"[^>]*>([^<]*)</token>`)

// MEANTIMEText returns the plain text of a MEANTIME (NAF/XML) document: its
// tokens joined by spaces, none before closing punctuation and none after
// "(" and "$".
func MEANTIMEText(xml string) string {
	var b strings.Builder
	for _, m := range meantimeToken.FindAllStringSubmatch(xml, -1) {
		w := entities.Replace(m[1])
		if w == "" {
			continue
		}
		if b.Len() > 0 && !strings.ContainsAny(w[:1], ".,;:!?)'%") && !strings.HasSuffix(b.String(), "(") && !strings.HasSuffix(b.String(), "$") {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
