package read

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/chronicle-news/chronicle/doc"
)

// fromHTML extracts the article of an HTML page with go-trafilatura:
// boilerplate removed, title, date, author, site name and canonical URL
// taken from the page's metadata (meta tags, OpenGraph, JSON-LD).
func fromHTML(name string, data []byte, opts Options) (doc.Article, error) {
	if off := bytes.IndexByte(data, 0); off >= 0 {
		return doc.Article{}, fmt.Errorf("%w (NUL byte at %d)", ErrBinary, off)
	}
	enc, encName, _ := charset.DetermineEncoding(data, "text/html")
	if encName != "utf-8" && enc != nil {
		dec, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return doc.Article{}, fmt.Errorf("undecodable HTML in %s: %w", encName, err)
		}
		data = dec
	} else {
		encName = ""
	}
	return HTMLBytes(name, data, "", opts, encName)
}

// HTMLBytes extracts an article from UTF-8 HTML. pageURL, when known (from a
// WARC record or a feed), is the page's address. encoding names the source
// encoding the caller decoded from, if not UTF-8.
func HTMLBytes(name string, data []byte, pageURL string, opts Options, encoding string) (doc.Article, error) {
	topts := trafilatura.Options{
		ExcludeComments: true,
		ExcludeTables:   true,
		EnableFallback:  true,
		HtmlDateMode:    trafilatura.Fast,
	}
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil {
			topts.OriginalURL = u
		}
	}
	res, err := trafilatura.Extract(bytes.NewReader(data), topts)
	if err != nil {
		return doc.Article{}, fmt.Errorf("HTML extraction: %w", err)
	}
	text := blockText(res.ContentNode)
	if text == "" {
		text = res.ContentText
	}
	text = collapseBlankLines(normalizeNewlines(strings.ToValidUTF8(text, "\uFFFD")))
	if len(strings.Fields(text)) < minArticleWords {
		return doc.Article{}, errors.New("no article text found in the HTML page")
	}
	m := res.Metadata
	a := doc.Article{
		Text: text, Title: strings.TrimSpace(m.Title), URL: m.URL, Author: strings.TrimSpace(m.Author),
		Outlet: strings.TrimSpace(m.Sitename), Published: opts.Date, Source: name, Encoding: encoding,
	}
	if a.URL == "" {
		a.URL = pageURL
	}
	if !m.Date.IsZero() {
		a.Published = m.Date.UTC()
		if h, mi, s := a.Published.Clock(); h == 0 && mi == 0 && s == 0 {
			a.Published = time.Date(a.Published.Year(), a.Published.Month(), a.Published.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	if a.Published.IsZero() && name != "-" && name != "" {
		if t, ok := FileNameDate(name); ok {
			a.Published = t
		}
	}
	if name != "-" && name != "" {
		base := filepath.Base(name)
		a.ID = strings.TrimSuffix(base, filepath.Ext(base))
	}
	return a, nil
}

// minArticleWords is the fewest words an extracted page must have to count
// as an article rather than a menu or an error page.
const minArticleWords = 5

// blockElements end a paragraph in the extracted text.
var blockElements = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "tr": true, "dd": true, "dt": true, "section": true,
	"article": true, "figcaption": true, "br": true, "hr": true, "table": true, "ul": true, "ol": true,
}

// blockText renders extracted HTML as plain text with one blank line
// between block elements, so that paragraphs survive for the sentence
// splitter and the quote stage.
func blockText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			words := strings.Fields(n.Data)
			if len(words) == 0 {
				if n.Data != "" {
					b.WriteByte(' ')
				}
				return
			}
			if startsWithSpace(n.Data) {
				b.WriteByte(' ')
			}
			b.WriteString(strings.Join(words, " "))
			if endsWithSpace(n.Data) {
				b.WriteByte(' ')
			}
			return
		case html.ElementNode:
			if n.Data == "script" || n.Data == "style" {
				return
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			b.WriteString("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteString("\n\n")
		}
	}
	walk(n)
	return b.String()
}

// collapseBlankLines makes paragraphs separated by exactly one blank line,
// the layout the sentence splitter treats as paragraph breaks.
func collapseBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	b.Grow(len(s) + len(lines))
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(l)
	}
	return b.String()
}

func startsWithSpace(s string) bool { return strings.TrimLeft(s, " \t\n\r\f") != s }
func endsWithSpace(s string) bool   { return strings.TrimRight(s, " \t\n\r\f") != s }
