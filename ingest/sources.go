package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"mime"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/read"
	"github.com/mmcdole/gofeed"
	"github.com/nlnwa/gowarc"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Kind is the format of an input file.
type Kind string

// The input kinds that ingest reads. Text, HTML and JSON Lines go through
// the read package; feeds and WARC files are read here.
const (
	KindArticles Kind = "articles" // text, HTML or JSON Lines (detected by the read package)
	KindFeed     Kind = "feed"     // RSS or Atom
	KindWARC     Kind = "warc"     // WARC or WARC.gz
)

// Input is one file to ingest.
type Input struct {
	Path string
	Kind Kind
	Size int64 // bytes on disk (0 for standard input)
}

// RecordError is a bad record: where it is and what is wrong. Its message
// is one line, "location: what".
type RecordError struct {
	Location string // "file", "file:line", "file@offset" (WARC) or "file#item" (feed)
	Err      error
}

// Error implements error.
func (e *RecordError) Error() string { return e.Location + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *RecordError) Unwrap() error { return e.Err }

// ingestExts are the file name endings a directory walk picks up.
var ingestExts = []string{".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json", ".rss", ".atom", ".xml", ".warc", ".warc.gz", ".jsonl.gz", ".ndjson.gz", ".arc.gz"}

func wanted(name string) bool {
	lower := strings.ToLower(name)
	for _, e := range ingestExts {
		if strings.HasSuffix(lower, e) {
			return true
		}
	}
	return false
}

// KindOf tells the kind of a file from its name and first bytes.
func KindOf(name string, head []byte) Kind {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz") {
		return KindWARC
	}
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return KindWARC
	}
	h := bytes.ToLower(head[:min(len(head), 2048)])
	if bytes.Contains(h, []byte("<rss")) || bytes.Contains(h, []byte("<rdf:rdf")) ||
		(bytes.Contains(h, []byte("<feed")) && bytes.Contains(h, []byte("http://www.w3.org/2005/atom"))) {
		return KindFeed
	}
	return KindArticles
}

// Expand turns command-line sources (files, directories, globs, "-" for
// standard input) into inputs. Directories are walked for files with known
// endings; hidden files and directories are skipped. Sources that match
// nothing are returned as errors, and the rest still expand.
func Expand(sources []string) ([]Input, []error) {
	var out []Input
	var errs []error
	seen := map[string]bool{}
	add := func(path string, size int64) {
		if seen[path] {
			return
		}
		seen[path] = true
		out = append(out, Input{Path: path, Size: size})
	}
	for _, src := range sources {
		if src == "-" {
			add("-", 0)
			continue
		}
		fi, err := os.Stat(src)
		if err != nil {
			if strings.ContainsAny(src, "*?[") {
				matches, gerr := filepath.Glob(src)
				if gerr != nil {
					errs = append(errs, &RecordError{Location: src, Err: fmt.Errorf("bad pattern: %w", gerr)})
					continue
				}
				if len(matches) == 0 {
					errs = append(errs, &RecordError{Location: src, Err: errors.New("no file matches the pattern")})
				}
				sort.Strings(matches)
				for _, m := range matches {
					if mi, err := os.Stat(m); err == nil && mi.Mode().IsRegular() {
						add(m, mi.Size())
					}
				}
				continue
			}
			errs = append(errs, &RecordError{Location: src, Err: unwrapPath(err)})
			continue
		}
		if !fi.IsDir() {
			add(src, fi.Size())
			continue
		}
		err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &RecordError{Location: p, Err: unwrapPath(err)})
				return nil
			}
			name := d.Name()
			if p != src && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() || !wanted(name) {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				errs = append(errs, &RecordError{Location: p, Err: unwrapPath(err)})
				return nil
			}
			add(p, info.Size())
			return nil
		})
		if err != nil {
			errs = append(errs, &RecordError{Location: src, Err: err})
		}
	}
	return out, errs
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// countingReader counts the bytes read into a shared counter.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

// Read implements io.Reader.
func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// readInput yields the articles of one input and its bad records as
// *RecordError (or *read.Error) values; the sequence goes on after a bad
// record. done counts the input's bytes as they are read.
func readInput(in Input, stdin io.Reader, opts read.Options, done *atomic.Int64) iter.Seq2[doc.Article, error] {
	return func(yield func(doc.Article, error) bool) {
		var r io.Reader
		name := in.Path
		if in.Path == "-" {
			if stdin == nil {
				stdin = os.Stdin
			}
			r = stdin
		} else {
			f, err := os.Open(in.Path)
			if err != nil {
				yield(doc.Article{}, &RecordError{Location: name, Err: unwrapPath(err)})
				return
			}
			defer f.Close()
			r = f
		}
		br := bufio.NewReaderSize(countingReader{r, done}, 64<<10)
		head, _ := br.Peek(4096)
		kind := KindOf(name, head)
		if kind == KindWARC {
			for a, err := range readWARC(name, br, opts) {
				if !yield(a, err) {
					return
				}
			}
			return
		}
		var src io.Reader = br
		readName := name
		if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
			gz, err := gzip.NewReader(br)
			if err != nil {
				yield(doc.Article{}, &RecordError{Location: name, Err: fmt.Errorf("gzip: %w", err)})
				return
			}
			defer gz.Close()
			readName = strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".GZ")
			gbr := bufio.NewReaderSize(gz, 64<<10)
			head, _ = gbr.Peek(4096)
			kind = KindOf(readName, head)
			src = gbr
		}
		if kind == KindFeed {
			for a, err := range readFeed(readName, src, opts) {
				if !yield(a, err) {
					return
				}
			}
			return
		}
		for a, err := range read.Reader(readName, src, opts) {
			if !yield(a, err) {
				return
			}
		}
	}
}

// readFeed yields the items of an RSS or Atom feed as articles: the item's
// content (or description) as HTML, its link, title, date and author, and
// the feed's title as the outlet.
func readFeed(name string, r io.Reader, opts read.Options) iter.Seq2[doc.Article, error] {
	return func(yield func(doc.Article, error) bool) {
		feed, err := gofeed.NewParser().Parse(r)
		if err != nil {
			yield(doc.Article{}, &RecordError{Location: name, Err: fmt.Errorf("broken feed: %w", err)})
			return
		}
		for i, it := range feed.Items {
			loc := fmt.Sprintf("%s#%d", name, i+1)
			body := it.Content
			if len(strings.Fields(htmlText(body))) < len(strings.Fields(htmlText(it.Description))) {
				body = it.Description
			}
			text := htmlText(body)
			if len(strings.Fields(text)) < 5 {
				if !yield(doc.Article{}, &RecordError{Location: loc, Err: fmt.Errorf("feed item %q has no text", it.Title)}) {
					return
				}
				continue
			}
			a := doc.Article{Text: text, Title: strings.TrimSpace(it.Title), URL: strings.TrimSpace(it.Link),
				Outlet: strings.TrimSpace(feed.Title), Source: loc, ID: it.GUID, Published: opts.Date}
			if it.PublishedParsed != nil {
				a.Published = it.PublishedParsed.UTC()
			} else if it.UpdatedParsed != nil {
				a.Published = it.UpdatedParsed.UTC()
			}
			if len(it.Authors) > 0 && it.Authors[0] != nil {
				a.Author = it.Authors[0].Name
			}
			if !yield(a, nil) {
				return
			}
		}
	}
}

// htmlText returns the text of an HTML fragment, one line per block.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return collapseSpace(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tn, _ := z.TagName()
			switch string(tn) {
			case "script", "style":
				skip++
			case "p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr":
				b.WriteString("\n\n")
			}
		case html.EndTagToken:
			tn, _ := z.TagName()
			switch string(tn) {
			case "script", "style":
				if skip > 0 {
					skip--
				}
			case "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote":
				b.WriteString("\n\n")
			}
		}
	}
}

// collapseSpace folds runs of spaces within lines and keeps paragraphs
// apart by one blank line.
func collapseSpace(s string) string {
	var paras []string
	for _, p := range strings.Split(s, "\n\n") {
		if f := strings.Fields(p); len(f) > 0 {
			paras = append(paras, strings.Join(f, " "))
		}
	}
	return strings.Join(paras, "\n\n")
}

// maxWARCErrors is how many bad records in a row make a WARC file unreadable.
const maxWARCErrors = 20

// readWARC yields the HTML pages of a WARC or WARC.gz file: "response"
// records with a 2xx HTTP status and an HTML payload, decoded to UTF-8 from
// the charset the HTTP header or the page declares (or that its bytes
// suggest). Other records are skipped silently; malformed ones are reported
// with their offset.
func readWARC(name string, r io.Reader, opts read.Options) iter.Seq2[doc.Article, error] {
	return func(yield func(doc.Article, error) bool) {
		wr, err := gowarc.NewWarcFileReaderFromStream(r, 0,
			gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn), gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
			gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore), gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
			gowarc.WithBufferTmpDir(os.TempDir()))
		if err != nil {
			yield(doc.Article{}, &RecordError{Location: name, Err: fmt.Errorf("WARC: %w", err)})
			return
		}
		defer wr.Close()
		failures := 0
		lastOffset := int64(-1)
		for {
			rec, offset, validation, err := nextRecord(wr)
			if errors.Is(err, io.EOF) {
				return
			}
			loc := fmt.Sprintf("%s@%d", name, offset)
			if err != nil {
				failures++
				stuck := offset == lastOffset
				lastOffset = offset
				if !yield(doc.Article{}, &RecordError{Location: loc, Err: fmt.Errorf("malformed WARC record: %w", err)}) {
					return
				}
				if failures >= maxWARCErrors || stuck || errors.Is(err, io.ErrUnexpectedEOF) {
					yield(doc.Article{}, &RecordError{Location: name, Err: errors.New("giving up on the rest of the WARC file")})
					return
				}
				continue
			}
			failures = 0
			lastOffset = offset
			a, ok, err := warcArticle(loc, rec, opts)
			if err == nil && !ok && validation != nil && !validation.Valid() && rec.Type() == gowarc.Response {
				msgs := make([]string, 0, len(*validation))
				for _, e := range *validation {
					msgs = append(msgs, strings.TrimPrefix(e.Error(), "gowarc: "))
				}
				err = fmt.Errorf("malformed WARC record: %s", strings.Join(msgs, "; "))
			}
			if err != nil {
				if !yield(doc.Article{}, &RecordError{Location: loc, Err: err}) {
					return
				}
				continue
			}
			if ok && !yield(a, nil) {
				return
			}
		}
	}
}

// nextRecord reads the next WARC record, turning a panic in the WARC
// library (it has some on malformed input) into an error.
func nextRecord(wr *gowarc.WarcFileReader) (rec gowarc.WarcRecord, offset int64, v *gowarc.Validation, err error) {
	defer func() {
		if r := recover(); r != nil {
			rec, v, err = nil, nil, fmt.Errorf("%w: WARC reader failed: %v", io.ErrUnexpectedEOF, r)
		}
	}()
	return wr.Next()
}

// warcArticle turns one WARC record into an article; ok is false for records
// that hold no HTML page (requests, metadata, redirects, images).
func warcArticle(loc string, rec gowarc.WarcRecord, opts read.Options) (a doc.Article, ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, ok, err = doc.Article{}, false, fmt.Errorf("malformed WARC record: %v", r)
		}
	}()
	if rec.Type() != gowarc.Response {
		return doc.Article{}, false, nil
	}
	block, isHTTP := rec.Block().(gowarc.HttpResponseBlock)
	if !isHTTP {
		return doc.Article{}, false, nil
	}
	if c := block.HttpStatusCode(); c < 200 || c > 299 {
		return doc.Article{}, false, nil
	}
	ctype := ""
	if h := block.HttpHeader(); h != nil {
		ctype = h.Get("Content-Type")
	}
	if ctype != "" {
		mt, _, err := mime.ParseMediaType(ctype)
		if err == nil && mt != "text/html" && mt != "application/xhtml+xml" {
			return doc.Article{}, false, nil
		}
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return doc.Article{}, false, fmt.Errorf("WARC payload: %w", err)
	}
	raw, err := io.ReadAll(io.LimitReader(payload, int64(maxBytes(opts))+1))
	if err != nil {
		return doc.Article{}, false, fmt.Errorf("WARC payload: %w", err)
	}
	if len(raw) > maxBytes(opts) {
		return doc.Article{}, false, fmt.Errorf("page larger than %d bytes", maxBytes(opts))
	}
	if ctype == "" && !looksHTML(raw) {
		return doc.Article{}, false, nil
	}
	data, enc, err := toUTF8(raw, ctype)
	if err != nil {
		return doc.Article{}, false, fmt.Errorf("undecodable HTML: %w", err)
	}
	uri := strings.Trim(rec.WarcHeader().Get(gowarc.WarcTargetURI), "<>")
	a, err = read.HTMLBytes(loc, data, uri, opts, enc)
	if err != nil {
		return doc.Article{}, false, err
	}
	a.Source = loc
	if a.URL == "" {
		a.URL = uri
	}
	if a.Published.IsZero() {
		if t, err := rec.Date(); err == nil && !t.IsZero() && opts.Date.IsZero() {
			// The crawl date bounds the publication date; keep it as a
			// day so that undated events still get a date.
			a.Published = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	return a, true, nil
}

func maxBytes(o read.Options) int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return read.DefaultMaxBytes
}

func looksHTML(b []byte) bool {
	h := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 1024)]))
	return bytes.HasPrefix(h, []byte("<!doctype html")) || bytes.Contains(h, []byte("<html")) || bytes.Contains(h, []byte("<head"))
}

// toUTF8 decodes an HTML page from the charset its HTTP Content-Type or its
// <meta> declares, or that its bytes suggest. enc is "" for UTF-8.
func toUTF8(raw []byte, contentType string) (data []byte, enc string, err error) {
	e, name, _ := charset.DetermineEncoding(raw, contentType)
	if name == "utf-8" || e == nil {
		if !utf8.Valid(raw) {
			// Declared UTF-8 but not: repair rather than refuse.
			return bytes.ToValidUTF8(raw, []byte("\uFFFD")), "", nil
		}
		return raw, "", nil
	}
	out, err := e.NewDecoder().Bytes(raw)
	if err != nil {
		return nil, "", fmt.Errorf("decoding %s: %w", name, err)
	}
	return out, name, nil
}
