package timex

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// TimeMLDoc is a TempEval-3 style TimeML document: the text of its <TEXT>
// element with every tag stripped, its creation time, and the TIMEX3
// annotations found inside <TEXT> (the gold standard when the file has them).
type TimeMLDoc struct {
	Name string
	// Doc holds the stripped text and the DCT as Published.
	Doc *doc.Document
	// DCT is the value of the <DCT> TIMEX3 ("1998-08-07", "1989-10-26T12:00").
	DCT string
	// Gold holds the TIMEX3 elements inside <TEXT>, with offsets into Doc.Text.
	Gold []doc.Timex

	raw                string // the whole file
	textStart, textEnd int    // byte range of the <TEXT> content in raw
}

// ErrNoText is returned for TimeML input without a <TEXT> element.
var ErrNoText = errors.New("no <TEXT> element")

// ReadTimeML parses a TimeML document. name is used in errors and as the
// document ID.
func ReadTimeML(r io.Reader, name string) (*TimeMLDoc, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%s: not valid UTF-8", name)
	}
	raw := string(b)
	open := strings.Index(raw, "<TEXT>")
	if open < 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrNoText)
	}
	cstart := open + len("<TEXT>")
	close := strings.LastIndex(raw, "</TEXT>")
	if close < cstart {
		return nil, fmt.Errorf("%s: unterminated <TEXT>", name)
	}
	td := &TimeMLDoc{Name: name, raw: raw, textStart: cstart, textEnd: close}
	if i := strings.Index(raw, "<DCT>"); i >= 0 && i < open {
		j := strings.Index(raw[i:], "</DCT>")
		if j > 0 {
			td.DCT = attr(raw[i:i+j], "value")
		}
	}
	text, gold, err := stripTags(raw[cstart:close])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	td.Gold = gold
	d := &doc.Document{ID: name, Source: name, Text: text}
	if t, ok := parseDCT(td.DCT); ok {
		d.Published = t
	}
	td.Doc = d
	return td, nil
}

// parseDCT reads the date part of a TimeML value.
func parseDCT(v string) (time.Time, bool) {
	if len(v) < 10 {
		return time.Time{}, false
	}
	for _, layout := range []string{"2006-01-02", "01-02-2006", "2006/01/02", "01/02/2006"} {
		if t, err := time.Parse(layout, v[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// attr returns the value of attribute name in the first tag of s.
func attr(s, name string) string {
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], name+"=")
		if k < 0 {
			return ""
		}
		k += i
		if k > 0 && s[k-1] != ' ' && s[k-1] != '\t' && s[k-1] != '\n' {
			i = k + len(name)
			continue
		}
		v := k + len(name) + 1
		if v >= len(s) {
			return ""
		}
		q := s[v]
		if q != '"' && q != '\'' {
			return ""
		}
		e := strings.IndexByte(s[v+1:], q)
		if e < 0 {
			return ""
		}
		return unescape(s[v+1 : v+1+e])
	}
	return ""
}

// stripTags removes markup from TimeML text content, decoding entities, and
// returns the TIMEX3 elements with offsets into the stripped text.
func stripTags(s string) (string, []doc.Timex, error) {
	var b strings.Builder
	b.Grow(len(s))
	var out []doc.Timex
	type open struct {
		x     doc.Timex
		start int
	}
	var stack []open
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '<':
			e := strings.IndexByte(s[i:], '>')
			if e < 0 {
				return "", nil, errors.New("unterminated tag in <TEXT>")
			}
			tag := s[i+1 : i+e]
			i += e + 1
			switch {
			case strings.HasPrefix(tag, "TIMEX3"):
				x := doc.Timex{ID: attr(tag, "tid"), Type: attr(tag, "type"), Value: attr(tag, "value"), Mod: attr(tag, "mod"),
					Quant: attr(tag, "quant"), Freq: attr(tag, "freq")}
				if strings.HasSuffix(tag, "/") {
					continue // empty (non-consuming) TIMEX3
				}
				stack = append(stack, open{x: x, start: b.Len()})
			case strings.HasPrefix(tag, "/TIMEX3"):
				if len(stack) == 0 {
					continue
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				o.x.Start, o.x.End = o.start, b.Len()
				out = append(out, o.x)
			}
		case '&':
			e := strings.IndexByte(s[i:], ';')
			if e > 0 && e < 10 {
				if r, ok := entity(s[i+1 : i+e]); ok {
					b.WriteString(r)
					i += e + 1
					continue
				}
			}
			b.WriteByte(c)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	text := b.String()
	for k := range out {
		out[k].Text = text[out[k].Start:out[k].End]
	}
	sortTimexes(out)
	return text, out, nil
}

func sortTimexes(x []doc.Timex) {
	for i := 1; i < len(x); i++ {
		for j := i; j > 0 && x[j].Start < x[j-1].Start; j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
}

func entity(name string) (string, bool) {
	switch name {
	case "amp":
		return "&", true
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "quot":
		return "\"", true
	case "apos":
		return "'", true
	}
	if strings.HasPrefix(name, "#") {
		base, digits := 10, name[1:]
		if strings.HasPrefix(digits, "x") || strings.HasPrefix(digits, "X") {
			base, digits = 16, digits[1:]
		}
		v, err := strconv.ParseInt(digits, base, 32)
		if err == nil && v > 0 && utf8.ValidRune(rune(v)) {
			return string(rune(v)), true
		}
	}
	return "", false
}

func unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '&' {
			if e := strings.IndexByte(s[i:], ';'); e > 0 && e < 10 {
				if r, ok := entity(s[i+1 : i+e]); ok {
					b.WriteString(r)
					i += e + 1
					continue
				}
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// escapeText escapes XML character data.
func escapeText(w *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(rep)
		last = i + 1
	}
	w.WriteString(s[last:])
}

func escapeAttr(s string) string {
	if !strings.ContainsAny(s, "&<>\"") {
		return s
	}
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// writeTagged writes text with a TIMEX3 element around each expression.
// Overlapping or out-of-range expressions are skipped.
func writeTagged(w *bytes.Buffer, text string, tx []doc.Timex) {
	pos := 0
	for _, x := range tx {
		if x.Start < pos || x.End > len(text) || x.Start >= x.End {
			continue
		}
		escapeText(w, text[pos:x.Start])
		w.WriteString(`<TIMEX3 tid="`)
		w.WriteString(escapeAttr(x.ID))
		w.WriteString(`" type="`)
		w.WriteString(escapeAttr(x.Type))
		w.WriteString(`" value="`)
		w.WriteString(escapeAttr(x.Value))
		w.WriteByte('"')
		for _, a := range [...][2]string{{"mod", x.Mod}, {"quant", x.Quant}, {"freq", x.Freq}} {
			if a[1] != "" {
				w.WriteString(" " + a[0] + `="` + escapeAttr(a[1]) + `"`)
			}
		}
		w.WriteByte('>')
		escapeText(w, text[x.Start:x.End])
		w.WriteString("</TIMEX3>")
		pos = x.End
	}
	escapeText(w, text[pos:])
}

// WriteTagged writes the original document with its <TEXT> content replaced
// by the text carrying a TIMEX3 element around each expression of tx (any
// tags the input had inside <TEXT> are dropped); everything outside <TEXT>
// is copied unchanged.
func (td *TimeMLDoc) WriteTagged(w io.Writer, tx []doc.Timex) error {
	var b bytes.Buffer
	b.Grow(len(td.raw) + 64*len(tx))
	b.WriteString(td.raw[:td.textStart])
	writeTagged(&b, td.Doc.Text, tx)
	b.WriteString(td.raw[td.textEnd:])
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write %s: %w", td.Name, err)
	}
	return nil
}

// WriteTimeML writes d as a TimeML document: its ID, the creation time from
// d.Published, and d.Text with d.Timexes as TIMEX3 elements.
func WriteTimeML(w io.Writer, d *doc.Document) error {
	var b bytes.Buffer
	b.WriteString("<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n")
	b.WriteString("<DOCID>")
	escapeText(&b, d.ID)
	b.WriteString("</DOCID>\n\n")
	if !d.Published.IsZero() {
		v := d.Published.UTC().Format("2006-01-02")
		b.WriteString(`<DCT><TIMEX3 tid="t0" type="DATE" value="` + v + `" temporalFunction="false" functionInDocument="CREATION_TIME">` + v + "</TIMEX3></DCT>\n\n")
	}
	if d.Title != "" {
		b.WriteString("<TITLE>")
		escapeText(&b, d.Title)
		b.WriteString("</TITLE>\n\n")
	}
	b.WriteString("<TEXT>")
	writeTagged(&b, d.Text, d.Timexes)
	b.WriteString("</TEXT>\n\n</TimeML>\n")
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write timeml %s: %w", d.ID, err)
	}
	return nil
}

// TagTimeML reads a TimeML document from r, tags the text of its <TEXT>
// element against its DCT, and writes the document back to w with TIMEX3
// elements around each expression.
func (t *Tagger) TagTimeML(ctx context.Context, r io.Reader, name string, w io.Writer) error {
	td, err := ReadTimeML(r, name)
	if err != nil {
		return err
	}
	tx, err := t.Tag(ctx, td.Doc)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return td.WriteTagged(w, tx)
}
