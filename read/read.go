// Package read turns input files into doc.Articles: plain text (with an
// optional header of metadata), JSON Lines (one article per line), HTML
// pages (boilerplate removed by go-trafilatura) and annotated news in XML
// (MEANTIME/CAT, NAF, TimeML, with their creation time and title). It
// detects the kind of input by extension and content, decodes UTF-16 and
// Latin-1 text, and reports bad input as one-line errors that name the file
// and the position, so that a batch can go on past them.
package read

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/doc"
)

// Kind is a kind of input.
type Kind string

// The input kinds.
const (
	Auto  Kind = ""
	Text  Kind = "text"
	JSONL Kind = "jsonl"
	HTML  Kind = "html"
	XML   Kind = "xml" // MEANTIME/CAT, NAF or TimeML; other XML is read as HTML
)

// ParseKind checks a --in value.
func ParseKind(s string) (Kind, error) {
	switch k := Kind(strings.ToLower(s)); k {
	case Auto, Text, JSONL, HTML, XML:
		return k, nil
	case "naf", "tml", "timeml", "meantime", "cat":
		return XML, nil
	case "txt":
		return Text, nil
	case "ndjson", "json":
		return JSONL, nil
	case "htm":
		return HTML, nil
	}
	return "", fmt.Errorf("unknown input kind %q (want text, jsonl, html or xml)", s)
}

// DefaultMaxBytes is the largest single article accepted (a text or HTML
// file, or one JSON line). A news article is a few kilobytes; anything this
// large is almost certainly not one, and would make the output unusable.
const DefaultMaxBytes = 8 << 20

// Options control reading.
type Options struct {
	Kind     Kind      // force a kind; Auto detects it
	Date     time.Time // publication date for articles that carry none
	MaxBytes int       // largest article in bytes; 0 means DefaultMaxBytes
}

func (o Options) maxBytes() int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Error is a problem with one input (a file, or one line of a file). Its
// message is one line: "name:line: what".
type Error struct {
	Name string // file name, or "-" for standard input
	Line int    // 1-based line for JSON Lines input, 0 otherwise
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Name, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Errors that callers may test for with errors.Is.
var (
	ErrEmpty    = errors.New("empty input: no text")
	ErrBinary   = errors.New("binary data, not text")
	ErrTooLarge = errors.New("input too large")
	ErrNoText   = errors.New(`missing "text"`)
)

// File reads the articles in one file ("-" reads stdin). Errors for the file
// as a whole, or for single records in it, are yielded as *Error values and
// the sequence goes on with the next record.
func File(path string, stdin io.Reader, opts Options) iter.Seq2[doc.Article, error] {
	return func(yield func(doc.Article, error) bool) {
		name := path
		var r io.Reader
		if path == "-" {
			if stdin == nil {
				stdin = os.Stdin
			}
			r = stdin
		} else {
			f, err := os.Open(path)
			if err != nil {
				yield(doc.Article{}, &Error{Name: name, Err: unwrapPathError(err)})
				return
			}
			defer f.Close()
			if fi, err := f.Stat(); err == nil && fi.IsDir() {
				yield(doc.Article{}, &Error{Name: name, Err: errors.New("is a directory")})
				return
			}
			r = f
		}
		for a, err := range Reader(name, r, opts) {
			if !yield(a, err) {
				return
			}
		}
	}
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Reader reads the articles from r, named name in errors and in
// doc.Article.Source.
func Reader(name string, r io.Reader, opts Options) iter.Seq2[doc.Article, error] {
	return func(yield func(doc.Article, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		head, _ := br.Peek(4096)
		kind := opts.Kind
		if kind == Auto {
			kind = Detect(name, head)
		}
		if kind == JSONL {
			for a, err := range jsonLines(name, br, opts) {
				if !yield(a, err) {
					return
				}
			}
			return
		}
		data, err := readLimited(br, opts.maxBytes())
		if err != nil {
			yield(doc.Article{}, &Error{Name: name, Err: err})
			return
		}
		var a doc.Article
		switch kind {
		case HTML:
			a, err = fromHTML(name, data, opts)
		case XML:
			a, err = fromXML(name, data, opts)
		default:
			a, err = fromText(name, data, opts)
		}
		if err != nil {
			yield(doc.Article{}, &Error{Name: name, Err: err})
			return
		}
		yield(a, nil)
	}
}

func readLimited(r io.Reader, max int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > max {
		return nil, fmt.Errorf("%w: more than %d bytes (an article is at most %d bytes; use --max-bytes to raise the limit)", ErrTooLarge, max, max)
	}
	return data, nil
}

// Detect guesses the kind of an input from its name and first bytes.
func Detect(name string, head []byte) Kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson", ".json":
		return JSONL
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".txt", ".text":
		return Text
	case ".xml", ".naf", ".tml":
		if xmlRoot(head) == "html" {
			return HTML
		}
		return XML
	}
	h := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if len(h) > 0 && h[0] == '{' {
		return JSONL
	}
	lower := bytes.ToLower(h[:min(len(h), 512)])
	if bytes.HasPrefix(lower, []byte("<?xml")) {
		if r := xmlRoot(h); r != "" && r != "html" {
			return XML
		}
		return HTML
	}
	for _, p := range [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<head")} {
		if bytes.HasPrefix(lower, p) {
			return HTML
		}
	}
	if bytes.HasPrefix(lower, []byte("<!--")) && bytes.Contains(lower, []byte("<html")) {
		return HTML
	}
	return Text
}
