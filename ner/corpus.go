package ner

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Partial-annotation kinds of a training sentence.
const (
	fullLabels = iota // every label is gold
	noMISC            // the corpus does not annotate MISC: gold O may be MISC
)

// Sent is one sentence of a corpus: its tokens and, when labelled, its gold
// entity spans and the original gold tags.
type Sent struct {
	Tokens  []string
	Gold    []string // gold tags as in the file (IOB1 or IOB2), nil if unlabelled
	spans   []span
	unsure  []span // token ranges whose labels are unknown (any labelling is accepted)
	partial int
}

// Doc is one document of a corpus.
type Doc struct {
	ID     string
	Sents  []Sent
	Domain Domain // the kind of text, for domain-specific feature weights
}

// Domain is a kind of text. The model learns weights shared by all domains
// plus weights specific to each (feature augmentation), so that corpora
// with different annotation habits can be trained together; tagging uses
// the shared weights plus those of the chosen domain.
type Domain uint8

// Domains.
const (
	DomainNone Domain = iota // shared weights only
	DomainNews               // newswire (CoNLL-2003): the default for articles
	DomainWeb                // web text (Universal NER EWT)
	DomainWiki               // Wikinews (MEANTIME)
)

// ParseDomain returns the domain named s ("news", "web", "wiki", "none").
func ParseDomain(s string) (Domain, error) {
	switch s {
	case "news", "":
		return DomainNews, nil
	case "web":
		return DomainWeb, nil
	case "wiki":
		return DomainWiki, nil
	case "none":
		return DomainNone, nil
	}
	return 0, fmt.Errorf("unknown domain %q (news, web, wiki, none)", s)
}

// Tokens returns the number of tokens in docs.
func countTokens(docs []Doc) int {
	n := 0
	for _, d := range docs {
		for _, s := range d.Sents {
			n += len(s.Tokens)
		}
	}
	return n
}

// ColumnFormat says how to read a column file.
type ColumnFormat struct {
	// TokenCol is the 0-based column of the token (0 for CoNLL-2003, 1 for
	// the IOB2 files of Universal NER, which start with an index).
	TokenCol int
	// LabelCol is the column of the gold label; -1 means the last column,
	// -2 means there is none.
	LabelCol int
}

// CoNLL2003 reads CoNLL-2003 files: token first, gold label last.
var CoNLL2003 = ColumnFormat{TokenCol: 0, LabelCol: -1}

// UNER reads Universal NER IOB2 files: index, token, label, ….
var UNER = ColumnFormat{TokenCol: 1, LabelCol: 2}

// fields splits a column line on tabs when it has any, else on white space.
func fields(line string) []string {
	if strings.IndexByte(line, '\t') >= 0 {
		return strings.Split(line, "\t")
	}
	return strings.Fields(line)
}

// isDocStart reports whether a line begins a new document.
func isDocStart(line string) bool {
	return strings.HasPrefix(line, "-DOCSTART-") || strings.HasPrefix(line, "# newdoc")
}

// ReadColumns reads a labelled column corpus into documents. Documents are
// delimited by -DOCSTART- lines or "# newdoc" comments, sentences by blank
// lines; other "#" lines are comments.
func ReadColumns(r io.Reader, f ColumnFormat) ([]Doc, error) {
	var docs []Doc
	var cur Sent
	doc := Doc{}
	flushSent := func() {
		if len(cur.Tokens) > 0 {
			doc.Sents = append(doc.Sents, cur)
		}
		cur = Sent{}
	}
	flushDoc := func() {
		flushSent()
		if len(doc.Sents) > 0 {
			docs = append(docs, doc)
		}
		doc = Doc{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(line) == "":
			flushSent()
			continue
		case isDocStart(line):
			flushDoc()
			if strings.HasPrefix(line, "# newdoc") {
				if _, id, ok := strings.Cut(line, "="); ok {
					doc.ID = strings.TrimSpace(id)
				}
			}
			continue
		case strings.HasPrefix(line, "#") && f.TokenCol > 0:
			continue
		}
		fs := fields(line)
		if f.TokenCol >= len(fs) {
			return nil, fmt.Errorf("line %d: no column %d in %q", lineNo, f.TokenCol+1, line)
		}
		cur.Tokens = append(cur.Tokens, fs[f.TokenCol])
		if f.LabelCol != -2 {
			lc := f.LabelCol
			if lc == -1 {
				lc = len(fs) - 1
			}
			if lc >= len(fs) || lc == f.TokenCol {
				return nil, fmt.Errorf("line %d: no label column in %q", lineNo, line)
			}
			cur.Gold = append(cur.Gold, fs[lc])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", lineNo, err)
	}
	flushDoc()
	for i := range docs {
		for j := range docs[i].Sents {
			docs[i].Sents[j].setSpans()
		}
	}
	return docs, nil
}

// setSpans derives gold spans from the gold tags; unknown types are dropped.
func (s *Sent) setSpans() {
	if s.Gold == nil {
		return
	}
	s.spans = s.spans[:0]
	for _, c := range Chunks(s.Gold) {
		if t := typeIndex(c.Type); t >= 0 {
			s.spans = append(s.spans, span{c.Start, c.End, t})
		}
	}
}

// ReadColumnFile reads a column corpus from a file.
func ReadColumnFile(path string, f ColumnFormat) ([]Doc, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	docs, err := ReadColumns(fh, f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// SetDomain sets the domain of every document.
func SetDomain(docs []Doc, d Domain) {
	for i := range docs {
		docs[i].Domain = d
	}
}

// markNoMISC marks every sentence as lacking MISC annotation.
func markNoMISC(docs []Doc) {
	for i := range docs {
		for j := range docs[i].Sents {
			docs[i].Sents[j].partial = noMISC
		}
	}
}

var errNoTokens = errors.New("no tokens")
