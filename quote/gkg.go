package quote

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// WriteGKG writes a document's direct quotations as one line in the style of
// the GDELT GKG 2.1 Quotations field, with the speaker added:
//
//	<document ID> TAB offset|length|verb|quote|speaker#offset|length|verb|quote|speaker…
//
// Offset and length count characters (runes), as GDELT does, where the
// quote's content starts in the document text. Verb is the cue text
// ("said", ":" for a "Name:" label), speaker the linked actor's name, else
// the speaker's text, else empty. Reported (indirect) speech is left out, as
// in GDELT. Characters that would break the format ('|', '#', tab, line
// breaks) are replaced by spaces. A document without direct quotes still
// gets its line, with an empty field.
func WriteGKG(w io.Writer, d *doc.Document) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(clean(d.ID))
	bw.WriteByte('\t')
	n, runes, at := 0, 0, 0
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if !q.Direct || q.Start < at || q.End > len(d.Text) || q.Start > q.End {
			continue
		}
		runes += utf8.RuneCountInString(d.Text[at:q.Start])
		at = q.Start
		if n > 0 {
			bw.WriteByte('#')
		}
		n++
		bw.WriteString(strconv.Itoa(runes))
		bw.WriteByte('|')
		bw.WriteString(strconv.Itoa(utf8.RuneCountInString(q.Text)))
		bw.WriteByte('|')
		if q.Cue != nil {
			bw.WriteString(clean(q.Cue.Text))
		}
		bw.WriteByte('|')
		bw.WriteString(clean(q.Text))
		bw.WriteByte('|')
		if q.Speaker != nil {
			name := q.Speaker.Text
			if a := d.Actor(q.Speaker.Actor); a != nil && a.Name != "" {
				name = a.Name
			}
			bw.WriteString(clean(name))
		}
	}
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("quote: writing GKG quotations of %q: %w", d.ID, err)
	}
	return nil
}

var gkgCleaner = strings.NewReplacer("|", " ", "#", " ", "\t", " ", "\n", " ", "\r", " ")

// clean replaces the GKG delimiters in s.
func clean(s string) string {
	if !strings.ContainsAny(s, "|#\t\n\r") {
		return s
	}
	return gkgCleaner.Replace(s)
}
