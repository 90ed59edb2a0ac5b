package timex

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/doc"
)

// GoldDoc is one evaluation document: its text, DCT and gold TIMEX3s.
type GoldDoc struct {
	Name string
	Doc  *doc.Document
	Gold []doc.Timex
	// Ignore holds spans (such as a MEANTIME creation-time line) where system
	// expressions are neither rewarded nor penalized.
	Ignore []doc.Span
}

// Score accumulates TempEval-3 counts.
type Score struct {
	Gold, Sys    int // expressions in the gold standard and in the system output
	Strict       int // exact span matches
	Relaxed      int // overlapping matches (one-to-one)
	TypeCorrect  int // relaxed matches with the right type
	ValueCorrect int // relaxed matches with the right value
}

// Add adds o's counts.
func (s *Score) Add(o Score) {
	s.Gold += o.Gold
	s.Sys += o.Sys
	s.Strict += o.Strict
	s.Relaxed += o.Relaxed
	s.TypeCorrect += o.TypeCorrect
	s.ValueCorrect += o.ValueCorrect
}

func prf(m, sys, gold int) (p, r, f float64) {
	if sys > 0 {
		p = float64(m) / float64(sys)
	}
	if gold > 0 {
		r = float64(m) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return 100 * p, 100 * r, 100 * f
}

// StrictPRF returns strict span precision, recall and F1 (percent).
func (s Score) StrictPRF() (float64, float64, float64) { return prf(s.Strict, s.Sys, s.Gold) }

// RelaxedPRF returns relaxed span precision, recall and F1 (percent).
func (s Score) RelaxedPRF() (float64, float64, float64) { return prf(s.Relaxed, s.Sys, s.Gold) }

// ValuePRF returns the TempEval-3 value scores: relaxed matches with the
// correct value over system and gold counts (percent).
func (s Score) ValuePRF() (float64, float64, float64) { return prf(s.ValueCorrect, s.Sys, s.Gold) }

// TypePRF returns the TempEval-3 type scores (percent).
func (s Score) TypePRF() (float64, float64, float64) { return prf(s.TypeCorrect, s.Sys, s.Gold) }

// TypeAccuracy is the share of relaxed matches with the correct type (percent).
func (s Score) TypeAccuracy() float64 {
	if s.Relaxed == 0 {
		return 0
	}
	return 100 * float64(s.TypeCorrect) / float64(s.Relaxed)
}

// Compare scores system expressions against gold ones for one document.
// Each gold expression matches at most one system expression (the first
// overlapping one, preferring an exact match).
func Compare(gold, sys []doc.Timex, ignore []doc.Span) Score {
	var sc Score
	keep := sys[:0:0]
	for _, x := range sys {
		drop := false
		for _, ig := range ignore {
			if ig.Overlaps(x.Span()) {
				drop = true
			}
		}
		if !drop {
			keep = append(keep, x)
		}
	}
	sc.Gold, sc.Sys = len(gold), len(keep)
	used := make([]bool, len(keep))
	for _, g := range gold {
		best := -1
		for k, x := range keep {
			if used[k] || !x.Span().Overlaps(g.Span()) {
				continue
			}
			if best < 0 || (x.Start == g.Start && x.End == g.End) {
				best = k
			}
		}
		if best < 0 {
			continue
		}
		used[best] = true
		x := keep[best]
		sc.Relaxed++
		if x.Start == g.Start && x.End == g.End {
			sc.Strict++
		}
		if x.Type == g.Type {
			sc.TypeCorrect++
		}
		if x.Value == g.Value {
			sc.ValueCorrect++
		}
	}
	return sc
}

// LoadGold reads every TimeML (.tml) and MEANTIME (.xml) document under
// the given files or directories, in lexical order.
func LoadGold(paths ...string) ([]GoldDoc, error) {
	var out []GoldDoc
	for _, p := range paths {
		var files []string
		err := filepath.WalkDir(p, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() && (strings.HasSuffix(path, ".tml") || strings.HasSuffix(path, ".xml")) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("load gold %s: %w", p, err)
		}
		sort.Strings(files)
		for _, f := range files {
			g, err := loadGoldFile(f)
			if err != nil {
				return nil, err
			}
			if g != nil {
				out = append(out, *g)
			}
		}
	}
	return out, nil
}

func loadGoldFile(path string) (*GoldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load gold: %w", err)
	}
	defer f.Close()
	if strings.HasSuffix(path, ".tml") {
		td, err := ReadTimeML(f, path)
		if err != nil {
			return nil, err
		}
		return &GoldDoc{Name: path, Doc: td.Doc, Gold: td.Gold}, nil
	}
	return ReadMEANTIME(f, path)
}

// ReadMEANTIME reads a MEANTIME (NewsReader NAF-like XML) document: tokens
// joined by spaces, one sentence per line, the CREATION_TIME TIMEX3 as DCT
// and the other token-anchored TIMEX3 markables as gold. It returns nil
// without error for XML that is not a MEANTIME document.
func ReadMEANTIME(r io.Reader, name string) (*GoldDoc, error) {
	type anchor struct {
		TID string `xml:"t_id,attr"`
	}
	type timex struct {
		MID      string   `xml:"m_id,attr"`
		Type     string   `xml:"type,attr"`
		Value    string   `xml:"value,attr"`
		Function string   `xml:"functionInDocument,attr"`
		Anchors  []anchor `xml:"token_anchor"`
	}
	type token struct {
		TID  string `xml:"t_id,attr"`
		Sent int    `xml:"sentence,attr"`
		Text string `xml:",chardata"`
	}
	var x struct {
		XMLName xml.Name
		DocID   string  `xml:"doc_id,attr"`
		Tokens  []token `xml:"token"`
		Timexes []timex `xml:"Markables>TIMEX3"`
		Events  []struct {
			Anchors []anchor `xml:"token_anchor"`
		} `xml:"Markables>EVENT_MENTION"`
	}
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if x.XMLName.Local != "Document" || len(x.Tokens) == 0 {
		return nil, nil
	}
	var b strings.Builder
	span := make(map[string]doc.Span, len(x.Tokens))
	prevSent := x.Tokens[0].Sent
	for k, t := range x.Tokens {
		if k > 0 {
			if t.Sent != prevSent {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		prevSent = t.Sent
		st := b.Len()
		b.WriteString(t.Text)
		span[t.TID] = doc.Span{Start: st, End: b.Len()}
	}
	text := b.String()
	// MEANTIME annotates only the first sentences of each article: system
	// expressions after the last annotated sentence are not scored.
	lastSent := -1
	sentOf := make(map[string]int, len(x.Tokens))
	for _, t := range x.Tokens {
		sentOf[t.TID] = t.Sent
	}
	for _, e := range x.Events {
		for _, a := range e.Anchors {
			lastSent = max(lastSent, sentOf[a.TID])
		}
	}
	for _, t := range x.Timexes {
		for _, a := range t.Anchors {
			lastSent = max(lastSent, sentOf[a.TID])
		}
	}
	g := &GoldDoc{Name: name, Doc: &doc.Document{ID: name, Source: name, Text: text}}
	for _, t := range x.Timexes {
		if len(t.Anchors) == 0 {
			continue
		}
		s, ok := span[t.Anchors[0].TID]
		if !ok {
			continue
		}
		e := s
		for _, a := range t.Anchors {
			if sp, ok := span[a.TID]; ok {
				s.Start = min(s.Start, sp.Start)
				e.End = max(e.End, sp.End)
			}
		}
		sp := doc.Span{Start: s.Start, End: e.End}
		if t.Function == "CREATION_TIME" {
			if tm, ok := meantimeDCT(t.Value, text[sp.Start:sp.End]); ok {
				g.Doc.Published = tm
			}
			g.Ignore = append(g.Ignore, sp)
			continue
		}
		g.Gold = append(g.Gold, doc.Timex{ID: t.MID, Type: t.Type, Value: t.Value, Start: sp.Start, End: sp.End, Text: text[sp.Start:sp.End]})
	}
	if g.Doc.Published.IsZero() {
		// Two files mark the date line under the title as an ordinary
		// TIMEX3: a full date that is the whole of the second sentence is
		// the DCT (it stays gold, as annotated).
		line := doc.Span{Start: -1}
		for _, t := range x.Tokens {
			if t.Sent == x.Tokens[0].Sent+1 {
				if line.Start < 0 {
					line.Start = span[t.TID].Start
				}
				line.End = span[t.TID].End
			}
		}
		for _, gx := range g.Gold {
			if tm, ok := parseDCT(gx.Value); ok && len(gx.Value) == len("2006-01-02") && gx.Start == line.Start && gx.End == line.End {
				g.Doc.Published = tm
				break
			}
		}
	}
	for _, t := range x.Tokens {
		if t.Sent > lastSent {
			g.Ignore = append(g.Ignore, doc.Span{Start: span[t.TID].Start, End: len(text)})
			break
		}
	}
	sortTimexes(g.Gold)
	return g, nil
}

// meantimeDCT reads a MEANTIME creation time. One file writes it
// "03-02-2009" over the date line "February 03, 2009": a value that is not
// ISO is read day first or month first, whichever agrees with the month
// named in the text.
func meantimeDCT(v, text string) (time.Time, bool) {
	tm, ok := parseDCT(v)
	if !ok || len(v) < 10 || v[2] != '-' && v[2] != '/' {
		return tm, ok
	}
	if alt, err := time.Parse("02-01-2006", strings.ReplaceAll(v[:10], "/", "-")); err == nil {
		if strings.Contains(text, alt.Month().String()) && !strings.Contains(text, tm.Month().String()) {
			return alt, true
		}
	}
	return tm, ok
}

// EvalResult is the outcome of evaluating the tagger on a set of documents.
type EvalResult struct {
	Docs  int
	Score Score
	// Errors lists mismatches (for error analysis), when requested.
	Errors []string
}

// EvalOptions configure Evaluate.
type EvalOptions struct {
	// Pre are stages run over each document before the tagger, normally the
	// linguistic core (tokenize, tag, parse), so that the tense of the
	// governing verb comes from the parse as it does in the pipeline. With
	// none, the tagger works from the text alone.
	Pre []doc.Stage
	// Details lists missed, spurious and wrongly valued expressions in
	// EvalResult.Errors.
	Details bool
}

// Evaluate tags every document and scores it against its gold timexes.
func (t *Tagger) Evaluate(ctx context.Context, docs []GoldDoc, opts EvalOptions) (EvalResult, error) {
	var res EvalResult
	for _, g := range docs {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		d := *g.Doc
		for _, st := range opts.Pre {
			if err := st.Process(ctx, &d); err != nil {
				return res, fmt.Errorf("%s: stage %s: %w", g.Name, st.Name(), err)
			}
			d.Done |= st.Provides()
		}
		sys, err := t.Tag(ctx, &d)
		if err != nil {
			return res, fmt.Errorf("%s: %w", g.Name, err)
		}
		sc := Compare(g.Gold, sys, g.Ignore)
		res.Score.Add(sc)
		res.Docs++
		if opts.Details {
			res.Errors = append(res.Errors, diff(g, sys)...)
		}
	}
	return res, nil
}

func diff(g GoldDoc, sys []doc.Timex) []string {
	var out []string
	dct := ""
	if !g.Doc.Published.IsZero() {
		dct = g.Doc.Published.Format(time.DateOnly)
	}
	base := filepath.Base(g.Name)
	ctx := func(s doc.Span) string {
		a := max(0, s.Start-30)
		b := min(len(g.Doc.Text), s.End+15)
		return strings.ReplaceAll(g.Doc.Text[a:s.Start]+"[["+g.Doc.Text[s.Start:s.End]+"]]"+g.Doc.Text[s.End:b], "\n", " ")
	}
	matched := make([]bool, len(sys))
	for _, gx := range g.Gold {
		found := false
		for k, x := range sys {
			if matched[k] || !x.Span().Overlaps(gx.Span()) {
				continue
			}
			matched[k], found = true, true
			if x.Start != gx.Start || x.End != gx.End || x.Value != gx.Value || x.Type != gx.Type {
				out = append(out, fmt.Sprintf("DIFF\t%s\t%s\tgold %s %q %s\tsys %s %q %s\t%s", base, dct, gx.Type, gx.Text, gx.Value, x.Type, x.Text, x.Value, ctx(gx.Span())))
			}
			break
		}
		if !found {
			out = append(out, fmt.Sprintf("MISS\t%s\t%s\t%s %q %s\t%s", base, dct, gx.Type, gx.Text, gx.Value, ctx(gx.Span())))
		}
	}
	for k, x := range sys {
		if matched[k] {
			continue
		}
		ign := false
		for _, s := range g.Ignore {
			if s.Overlaps(x.Span()) {
				ign = true
			}
		}
		if !ign {
			out = append(out, fmt.Sprintf("SPUR\t%s\t%s\t%s %q %s\t%s", base, dct, x.Type, x.Text, x.Value, ctx(x.Span())))
		}
	}
	return out
}

// ErrNoGold is returned when a gold directory holds no documents.
var ErrNoGold = errors.New("no TimeML (.tml) or MEANTIME (.xml) documents found")
