package read

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// jsonRecord is one JSON Lines article. Unknown fields are ignored.
type jsonRecord struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Date      string          `json:"date"`
	Published string          `json:"published"`
	Title     string          `json:"title"`
	URL       string          `json:"url"`
	Author    string          `json:"author"`
	Outlet    string          `json:"outlet"`
}

// jsonLines yields one article per non-blank line. A bad line yields an
// *Error with its line number and the sequence goes on.
func jsonLines(name string, br *bufio.Reader, opts Options) iter.Seq2[doc.Article, error] {
	return func(yield func(doc.Article, error) bool) {
		max := opts.maxBytes()
		var buf []byte
		for line := 1; ; line++ {
			buf = buf[:0]
			tooLong := false
			var err error
			for {
				var chunk []byte
				chunk, err = br.ReadSlice('\n')
				if !tooLong {
					if len(buf)+len(chunk) > max+1 {
						tooLong = true
						buf = buf[:0]
					} else {
						buf = append(buf, chunk...)
					}
				}
				if err != bufio.ErrBufferFull {
					break
				}
			}
			if err != nil && err != io.EOF {
				yield(doc.Article{}, &Error{Name: name, Line: line, Err: err})
				return
			}
			eof := err == io.EOF
			switch {
			case tooLong:
				if !yield(doc.Article{}, &Error{Name: name, Line: line, Err: fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, max)}) {
					return
				}
			case len(bytes.TrimSpace(buf)) > 0:
				a, perr := parseJSONLine(name, line, buf, opts)
				if perr != nil {
					perr = &Error{Name: name, Line: line, Err: perr}
				}
				if !yield(a, perr) {
					return
				}
			}
			if eof {
				return
			}
		}
	}
}

func parseJSONLine(name string, line int, b []byte, opts Options) (doc.Article, error) {
	if line == 1 {
		b = bytes.TrimPrefix(b, utf8BOM)
	}
	if !utf8.Valid(b) {
		return doc.Article{}, fmt.Errorf("invalid UTF-8 at byte %d of the line", invalidUTF8At(b))
	}
	var r jsonRecord
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&r); err != nil {
		return doc.Article{}, fmt.Errorf("not a JSON object: %s", describeJSONError(err))
	}
	if dec.More() {
		return doc.Article{}, errors.New("not a JSON object: extra data after the object")
	}
	if r.Text == nil {
		return doc.Article{}, ErrNoText
	}
	text, _, err := decodeText([]byte(*r.Text))
	if err != nil {
		return doc.Article{}, fmt.Errorf(`"text": %w`, err)
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return doc.Article{}, fmt.Errorf(`"text": %w`, ErrEmpty)
	}
	a := doc.Article{
		ID: jsonID(r.ID), Text: text, Title: strings.TrimSpace(r.Title), URL: r.URL,
		Author: r.Author, Outlet: r.Outlet, Published: opts.Date,
		Source: fmt.Sprintf("%s:%d", name, line),
	}
	if a.ID == "" {
		a.ID = fmt.Sprintf("line-%d", line)
	}
	for _, d := range []string{r.Published, r.Date} {
		if d == "" {
			continue
		}
		t, ok := ParseDate(d)
		if !ok {
			return doc.Article{}, fmt.Errorf("unreadable date %q (want YYYY-MM-DD or RFC 3339)", d)
		}
		a.Published = t
		break
	}
	return a, nil
}

// jsonID accepts string and numeric IDs.
func jsonID(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

func describeJSONError(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v at byte %d", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q has a %s, want a %s", te.Field, te.Value, te.Type)
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of line"
	}
	return err.Error()
}
