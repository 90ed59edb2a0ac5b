package read

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// fromText reads a plain-text article. A metadata header, when present, is
// taken off the text:
//
//   - a first line "date 2025-02-22 Authored by NAME via OUTLET," (or "By NAME
//     for OUTLET", or just the date);
//   - or a block of "Key: value" lines (Title, Date, Published, Author, By,
//     Outlet, Source, Publisher, URL, Link, ID) ended by a blank line.
//
// A short first line without final punctuation followed by a blank line is
// taken as the title; it stays in the text.
func fromText(name string, data []byte, opts Options) (doc.Article, error) {
	text, enc, err := decodeText(data)
	if err != nil {
		return doc.Article{}, err
	}
	a := doc.Article{Source: name, Encoding: enc, Published: opts.Date}
	if name != "-" {
		base := filepath.Base(name)
		a.ID = strings.TrimSuffix(base, filepath.Ext(base))
	}
	text = parseHeader(text, &a)
	text = strings.TrimFunc(text, unicode.IsSpace)
	if text == "" {
		return doc.Article{}, ErrEmpty
	}
	a.Text = text
	if a.Published.IsZero() {
		if t, ok := dateParagraph(text); ok {
			a.Published = t
		}
	}
	if a.Published.IsZero() && name != "-" {
		if t, ok := FileNameDate(name); ok {
			a.Published = t
		}
	}
	if a.Title == "" {
		a.Title = guessTitle(text)
	}
	return a, nil
}

// fileDateRE finds a date in a file name: 2016-09-22, 2016_09_22,
// 2016.09.22 or 20160922, not inside a longer number.
var fileDateRE = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])([-_.]?)(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)`)

// FileNameDate returns the calendar date in the base name of path
// ("huff-post_2016-09-22_trump.txt", "20160922-reuters.html"), the way news
// archives and scrapers name their files, as UTC midnight. Both separators
// must be the same, the date must exist, and only the first date counts. It
// is the publication date of last resort: a date in the article or its
// metadata wins.
func FileNameDate(path string) (time.Time, bool) {
	base := filepath.Base(path)
	for _, m := range fileDateRE.FindAllStringSubmatch(base, -1) {
		if m[2] != m[4] {
			continue
		}
		y, _ := strconv.Atoi(m[1]) // digits, by the expression
		mo, _ := strconv.Atoi(m[3])
		d, _ := strconv.Atoi(m[5])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d { // 2016-02-30
			continue
		}
		return t, true
	}
	return time.Time{}, false
}

var (
	// "date 2025-02-22 Authored by Ryan Morgan via The Epoch Times,"
	dateLineRE = regexp.MustCompile(`^(?i:date|dated|published|pubdate)[:\s]+(\S+(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)\s*(.*)$`)
	// "Authored by NAME via OUTLET", "By NAME for OUTLET", "By NAME, OUTLET"
	bylineRE  = regexp.MustCompile(`^(?i:authored\s+by|written\s+by|reported\s+by|by)\s+(.+?)(?:\s*(?:\bvia\b|\bfor\b|\||,|—|–| - )\s*(.+?))?[\s,;.]*$`)
	keyLineRE = regexp.MustCompile(`^([A-Za-z][A-Za-z -]{0,20}):\s*(.*)$`)
)

// parseHeader removes a metadata header from text, filling a, and returns
// the rest.
func parseHeader(text string, a *doc.Article) string {
	first, rest, _ := strings.Cut(text, "\n")
	first = strings.TrimSpace(first)
	if m := dateLineRE.FindStringSubmatch(first); m != nil {
		if t, ok := ParseDate(m[1]); ok {
			a.Published = t
			if b := bylineRE.FindStringSubmatch(strings.TrimSpace(m[2])); b != nil {
				a.Author = cleanField(b[1])
				a.Outlet = cleanField(b[2])
			}
			return rest
		}
	}
	// A block of "Key: value" lines ended by a blank line.
	lines := strings.SplitAfter(text, "\n")
	var fields [][2]string
	i := 0
	for ; i < len(lines) && i < 12; i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" {
			break
		}
		m := keyLineRE.FindStringSubmatch(l)
		if m == nil {
			return text
		}
		fields = append(fields, [2]string{strings.ToLower(strings.TrimSpace(m[1])), strings.TrimSpace(m[2])})
	}
	if len(fields) == 0 || i == len(lines) {
		return text
	}
	// Every key must be known; otherwise some line is ordinary text that
	// happens to have a colon ("Pence: Flowers Won't Be at Debate").
	h := *a
	for _, f := range fields {
		switch f[0] {
		case "title", "headline":
			h.Title = f[1]
		case "date", "published", "pubdate", "publication date":
			if t, ok := ParseDate(f[1]); ok {
				h.Published = t
			}
		case "author", "by", "byline":
			h.Author = f[1]
		case "outlet", "source", "publisher", "site":
			h.Outlet = f[1]
		case "url", "link":
			h.URL = f[1]
		case "id":
			h.ID = f[1]
		default:
			return text
		}
	}
	*a = h
	return strings.Join(lines[i:], "")
}

func cleanField(s string) string {
	return strings.Trim(strings.TrimSpace(s), ",;.:|")
}

// dateParagraph finds the publication date of a text whose first six
// lines (the title, blank lines, a byline …) include one that is nothing but
// a full date, as news sites print it under the headline ("December 10,
// 2013", "Monday, January 2, 2006"). A date inside a sentence or a dateline
// without a year ("LOS ANGELES, Sept. 28") is not taken: it would be a guess.
func dateParagraph(text string) (time.Time, bool) {
	for i, p := range strings.SplitN(text, "\n", 8) {
		if i >= 6 {
			break
		}
		p = strings.TrimSpace(p)
		if p == "" || len(p) > 40 {
			continue
		}
		// a month name or an ISO date: "03/04/2013" is ambiguous, a bare
		// "20130304" may be any number
		if t, ok := ParseDate(p); ok && (strings.ContainsFunc(p, unicode.IsLetter) || strings.Count(p, "-") == 2) {
			return t, true
		}
	}
	return time.Time{}, false
}

// guessTitle returns the first line if it reads as a headline: short, no
// final sentence punctuation, followed by a blank line and more text.
func guessTitle(text string) string {
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || !strings.HasPrefix(rest, "\n") || strings.TrimSpace(rest) == "" {
		return ""
	}
	first = strings.TrimSpace(first)
	if n := utf8.RuneCountInString(first); n < 8 || n > 200 {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(first)
	if last == '.' && titleCased(first) {
		return strings.TrimSuffix(first, ".") // "Pence: Flowers Won't Be at Debate, Trump Says."
	}
	if strings.ContainsRune(".,;:”\"", last) {
		return ""
	}
	return first
}

// titleCased reports whether a line is written in headline style: at least
// three words of four letters or more, and nine in ten of them capitalised
// (a sentence has lower-case content words).
func titleCased(s string) bool {
	long, capped := 0, 0
	for _, w := range strings.Fields(s) {
		w = strings.TrimLeft(w, "‘’“”\"'(")
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capped++
		}
	}
	return long >= 3 && capped*10 >= long*9
}

var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006/01/02",
	"20060102",
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Mon, 02 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04:05 MST",
	time.RFC1123Z,
	time.RFC1123,
	"01/02/2006",
}

// ParseDate reads a publication date or timestamp in the common formats
// (ISO 8601 first). Dates without a time are UTC midnight.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ",;"))
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1000 || t.Year() > 9999 {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}
