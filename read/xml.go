package read

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/chronicle-news/chronicle/doc"
)

// maxXMLDepth bounds the nesting of an XML document; news formats nest a
// few levels, and a deeper document is almost certainly not an article.
const maxXMLDepth = 256

// xnode is an element of a parsed XML document, or a run of character data
// (name "").
type xnode struct {
	name string
	attr []xml.Attr
	kids []*xnode
	text string
}

func (n *xnode) attrVal(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// child returns the first child element named local, or nil.
func (n *xnode) child(local string) *xnode {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == local {
			return k
		}
	}
	return nil
}

// innerText is the character data under n, in document order.
func (n *xnode) innerText() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	stack := []*xnode{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.name == "" {
			b.WriteString(c.text)
			continue
		}
		for i := len(c.kids) - 1; i >= 0; i-- {
			stack = append(stack, c.kids[i])
		}
	}
	return b.String()
}

// parseXML reads a whole XML document into a tree. A syntax error is
// reported with its line and column.
func parseXML(data []byte) (*xnode, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var root *xnode
	var stack []*xnode
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, col := d.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, fmt.Errorf("bad XML at line %d, column %d: %s", line, col, oneLine(se.Msg))
			}
			return nil, fmt.Errorf("bad XML at line %d, column %d: %s", line, col, oneLine(err.Error()))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxXMLDepth {
				line, col := d.InputPos()
				return nil, fmt.Errorf("bad XML at line %d, column %d: nested more than %d elements deep", line, col, maxXMLDepth)
			}
			n := &xnode{name: t.Name.Local, attr: t.Attr}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, &xnode{text: string(t)})
			}
		}
	}
	if root == nil {
		return nil, errors.New("bad XML: no root element")
	}
	return root, nil
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// fromXML reads an article from an XML file. It knows three formats of
// annotated news, and keeps their document creation time, title and
// identifier:
//
//   - MEANTIME / CAT ("Document" of "token" elements with sentence numbers;
//     the TIMEX3 markable whose functionInDocument is CREATION_TIME gives
//     the date, else a line under the title that is nothing but a date, as
//     Wikinews prints it; the first sentence is the title);
//   - NAF (the "raw" text; nafHeader/fileDesc gives title, author and
//     creationtime, nafHeader/public the identifier and URI);
//   - TimeML (TEXT; DCT/TIMEX3 gives the date, TITLE the title, DOCID the
//     identifier).
//
// An XHTML page, or XML of any other kind, is read as HTML.
func fromXML(name string, data []byte, opts Options) (doc.Article, error) {
	if off := bytes.IndexByte(data, 0); off >= 0 {
		if _, ok := sniffUTF16(data); !ok && !bytes.HasPrefix(data, utf16LEBOM) && !bytes.HasPrefix(data, utf16BEBOM) {
			return doc.Article{}, fmt.Errorf("%w (NUL byte at %d)", ErrBinary, off)
		}
		text, _, err := decodeText(data)
		if err != nil {
			return doc.Article{}, err
		}
		data = []byte(text)
		// the declaration may still name UTF-16; the bytes are UTF-8 now
		data = dropEncodingDecl(data)
	}
	encoding := ""
	if !utf8.Valid(data) && !declaresEncoding(data) {
		// 8-bit text without a declaration, as for text files
		text, enc, err := decodeText(data)
		if err != nil {
			return doc.Article{}, err
		}
		data, encoding = []byte(text), enc
	}
	root, err := parseXML(data)
	if err != nil {
		return doc.Article{}, err
	}
	a := doc.Article{Source: name, Published: opts.Date, Encoding: encoding}
	if name != "-" && name != "" {
		base := filepath.Base(name)
		a.ID = strings.TrimSuffix(base, filepath.Ext(base))
	}
	switch root.name {
	case "Document":
		if root.child("token") == nil {
			return fromHTML(name, data, opts)
		}
		readMEANTIME(root, &a)
	case "NAF":
		readNAF(root, &a)
	case "TimeML":
		readTimeML(root, &a)
	default:
		return fromHTML(name, data, opts)
	}
	a.Text = strings.TrimFunc(strings.ToValidUTF8(a.Text, "\uFFFD"), unicode.IsSpace)
	if a.Text == "" {
		return doc.Article{}, ErrEmpty
	}
	if a.Published.IsZero() {
		if t, ok := dateParagraph(a.Text); ok {
			a.Published = t
		}
	}
	if a.Published.IsZero() && name != "-" && name != "" {
		if t, ok := FileNameDate(name); ok {
			a.Published = t
		}
	}
	return a, nil
}

// declaresEncoding reports whether data begins with an XML declaration
// that names an encoding.
func declaresEncoding(data []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	if !bytes.HasPrefix(t, []byte("<?xml")) {
		return false
	}
	end := bytes.Index(t, []byte("?>"))
	return end > 0 && bytes.Contains(t[:end], []byte("encoding"))
}

// dropEncodingDecl removes the encoding of an XML declaration, for bytes
// already decoded to UTF-8.
func dropEncodingDecl(data []byte) []byte {
	t := bytes.TrimLeft(data, " \t\r\n")
	if !bytes.HasPrefix(t, []byte("<?xml")) {
		return data
	}
	end := bytes.Index(t, []byte("?>"))
	if end < 0 {
		return data
	}
	return append([]byte("<?xml version=\"1.0\"?>"), t[end+2:]...)
}

// dctDate reads a TIMEX3 value used as a creation time ("2005-04-27",
// "1998-11-20T19:30", "2005-04-27T08:30Z").
func dctDate(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if t, ok := ParseDate(v); ok {
		return t, true
	}
	if len(v) >= 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// readMEANTIME fills a from a MEANTIME (CAT) document: sentences of
// tokens, one a line, the title (sentence 0) and a date line set off by
// blank lines.
func readMEANTIME(root *xnode, a *doc.Article) {
	if id := root.attrVal("doc_name"); id != "" {
		a.ID = id
	}
	a.URL = root.attrVal("url")
	var sents [][]string
	last := ""
	for _, k := range root.kids {
		if k.name != "token" {
			continue
		}
		s := k.attrVal("sentence")
		if len(sents) == 0 || s != last {
			sents = append(sents, nil)
			last = s
		}
		if w := strings.TrimSpace(k.innerText()); w != "" {
			sents[len(sents)-1] = append(sents[len(sents)-1], w)
		}
	}
	var b strings.Builder
	for i, s := range sents {
		line := detokenize(s)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			if i <= 2 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(line)
		if i == 0 {
			a.Title = line
		}
	}
	a.Text = b.String()
	if m := root.child("Markables"); m != nil {
		for _, t := range m.kids {
			if t.name == "TIMEX3" && t.attrVal("functionInDocument") == "CREATION_TIME" {
				if tm, ok := dctDate(t.attrVal("value")); ok {
					a.Published = tm
					break
				}
			}
		}
	}
}

// detokenize joins tokens with spaces, except before closing punctuation
// and clitics and after opening brackets, and turns PTB quotes (“ ”)
// into typographic ones.
func detokenize(toks []string) string {
	var b strings.Builder
	open := false   // the last token opens: no space after it
	single := false // a ‘ is open
	for i, t := range toks {
		switch t {
		case "``":
			t = "“"
		case "''":
			t = "”"
		case "`":
			t, single = "‘", true
		case "'":
			if single {
				t, single = "’", false
			}
		}
		attach := false
		switch t {
		case ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "’", "'", "...", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m":
			attach = true
		}
		if i > 0 && !attach && !open {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		switch t {
		case "(", "[", "{", "“", "‘":
			open = true
		default:
			open = false
		}
	}
	return b.String()
}

// readNAF fills a from a NAF document.
func readNAF(root *xnode, a *doc.Article) {
	a.Text = root.child("raw").innerText()
	h := root.child("nafHeader")
	if fd := h.child("fileDesc"); fd != nil {
		a.Title = strings.TrimSpace(fd.attrVal("title"))
		a.Author = strings.TrimSpace(fd.attrVal("author"))
		if t, ok := dctDate(fd.attrVal("creationtime")); ok {
			a.Published = t
		}
	}
	if p := h.child("public"); p != nil {
		if id := strings.TrimSpace(p.attrVal("publicId")); id != "" {
			a.ID = id
		}
		a.URL = strings.TrimSpace(p.attrVal("uri"))
	}
}

// readTimeML fills a from a TimeML document.
func readTimeML(root *xnode, a *doc.Article) {
	a.Text = collapseBlankLines(root.child("TEXT").innerText())
	a.Title = strings.Join(strings.Fields(root.child("TITLE").innerText()), " ")
	if id := strings.TrimSpace(root.child("DOCID").innerText()); id != "" {
		a.ID = id
	}
	if t := root.child("DCT").child("TIMEX3"); t != nil {
		if tm, ok := dctDate(t.attrVal("value")); ok {
			a.Published = tm
		}
	}
}

// xmlRoot returns the name of the root element of an XML document from its
// first bytes, skipping the declaration, comments, processing instructions
// and a DOCTYPE; "" when it cannot tell.
func xmlRoot(head []byte) string {
	h := bytes.TrimPrefix(head, utf8BOM)
	for {
		h = bytes.TrimLeft(h, " \t\r\n")
		switch {
		case bytes.HasPrefix(h, []byte("<?")):
			i := bytes.Index(h, []byte("?>"))
			if i < 0 {
				return ""
			}
			h = h[i+2:]
		case bytes.HasPrefix(h, []byte("<!--")):
			i := bytes.Index(h, []byte("-->"))
			if i < 0 {
				return ""
			}
			h = h[i+3:]
		case bytes.HasPrefix(h, []byte("<!")):
			i := bytes.IndexByte(h, '>')
			if i < 0 {
				return ""
			}
			if bytes.HasPrefix(bytes.ToLower(h), []byte("<!doctype html")) {
				return "html"
			}
			h = h[i+1:]
		case bytes.HasPrefix(h, []byte("<")):
			end := bytes.IndexAny(h[1:], " \t\r\n/>")
			if end < 0 {
				return ""
			}
			n := string(h[1 : 1+end])
			if i := strings.IndexByte(n, ':'); i >= 0 {
				n = n[i+1:]
			}
			return n
		default:
			return ""
		}
	}
}
