package ner

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
)

// TagColumns reads a column file (CoNLL-2003 style: one token per line,
// blank lines between sentences, -DOCSTART- or "# newdoc" lines between
// documents, other "#" lines as comments when the token is not in the
// first column) and writes every line unchanged with the predicted IOB2
// label appended as a new last column. Blank, -DOCSTART- and comment lines
// are copied as they are. Documents are tagged as wholes, so that
// document-level features work. dom selects the domain-specific weights
// (DomainNews for news).
func TagColumns(ctx context.Context, m *Model, r io.Reader, w io.Writer, f ColumnFormat, dom Domain) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	bw := bufio.NewWriter(w)
	tg := newTagger(m)
	tg.x.domain = dom
	var lines []string // the current document's lines
	var tokLine []int  // line index of each token
	var toks []string
	var sents []int32
	var sp []span
	newSent := true
	flush := func() error {
		if err := ctx.Err(); err != nil {
			return err
		}
		labels := make([]string, len(lines))
		if len(toks) > 0 {
			sents = append(sents, int32(len(toks)))
			tg.tagDoc(toks, sents)
			for k := 0; k+1 < len(sents); k++ {
				a, b := sents[k], sents[k+1]
				sp = bilouToSpans(tg.out[a:b], sp[:0])
				for j, l := range spansToIOB2(sp, int(b-a)) {
					labels[tokLine[int(a)+j]] = l
				}
			}
		}
		for i, ln := range lines {
			bw.WriteString(ln)
			if labels[i] != "" {
				if strings.IndexByte(ln, '\t') >= 0 {
					bw.WriteByte('\t')
				} else {
					bw.WriteByte(' ')
				}
				bw.WriteString(labels[i])
			}
			bw.WriteByte('\n')
		}
		lines, tokLine, toks, sents = lines[:0], tokLine[:0], toks[:0], sents[:0]
		newSent = true
		return nil
	}
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case isDocStart(line):
			if err := flush(); err != nil {
				return err
			}
			lines = append(lines, line)
			continue
		case strings.TrimSpace(line) == "":
			newSent = true
			lines = append(lines, line)
			continue
		case strings.HasPrefix(line, "#") && f.TokenCol > 0:
			lines = append(lines, line)
			continue
		}
		fs := fields(line)
		if f.TokenCol >= len(fs) {
			return fmt.Errorf("line %d: no column %d", lineNo, f.TokenCol+1)
		}
		if newSent {
			sents = append(sents, int32(len(toks)))
			newSent = false
		}
		tokLine = append(tokLine, len(lines))
		lines = append(lines, line)
		toks = append(toks, fs[f.TokenCol])
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", lineNo, err)
	}
	if err := flush(); err != nil {
		return err
	}
	return bw.Flush()
}
