// Package ner finds named entities (PER, ORG, LOC, MISC) with an averaged
// structured perceptron over BILOU labels, trained in Go on CoNLL-2003,
// Universal NER (EWT) and MEANTIME (see Train and TrainDefault). Features
// include word forms, shapes, affixes, context, word clusters learnt from
// unlabelled news, capitalisation habits, gazetteers and document-level
// facts (how the same word is written elsewhere in the document).
package ner

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
	gz "github.com/chronicle-news/chronicle/gazetteer"
)

//go:embed model/ner.model
var embeddedModel []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// DefaultModel returns the embedded model, loading it once on first use.
func DefaultModel() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = ReadModel(bytes.NewReader(embeddedModel))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("ner: embedded model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// Recognizer is the pipeline stage. It is safe for concurrent use.
type Recognizer struct {
	model *Model // nil: the embedded model, loaded lazily
	pool  sync.Pool
}

// New returns the stage with its embedded model (loaded on first use).
func New() (*Recognizer, error) { return &Recognizer{}, nil }

// NewWithModel returns a stage that uses m.
func NewWithModel(m *Model) *Recognizer { return &Recognizer{model: m} }

// Name implements doc.Stage.
func (*Recognizer) Name() string { return "ner" }

// Requires implements doc.Stage. The recogniser needs tokens only: it does
// not depend on tags, so that it behaves the same whatever tagger runs.
func (*Recognizer) Requires() doc.Layer { return doc.Tokens }

// Provides implements doc.Stage.
func (*Recognizer) Provides() doc.Layer { return doc.Entities }

func (r *Recognizer) getModel() (*Model, error) {
	if r.model != nil {
		return r.model, nil
	}
	return DefaultModel()
}

// docScratch is the per-call reusable state.
type docScratch struct {
	tg    *tagger
	toks  []string // recogniser tokens (hyphenated words joined)
	first []int32  // first document token of each recogniser token, then len(d.Tokens)
	sents []int32
	spans []span
}

func (r *Recognizer) scratch(m *Model) *docScratch {
	if s, ok := r.pool.Get().(*docScratch); ok && s.tg.m == m {
		return s
	}
	tg := newTagger(m)
	tg.x.domain = DomainNews
	return &docScratch{tg: tg}
}

// Process implements doc.Stage: it replaces d.Entities with the entities
// found in d's tokens, sentence by sentence, using the whole document for
// document-level features.
func (r *Recognizer) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m, err := r.getModel()
	if err != nil {
		return err
	}
	s := r.scratch(m)
	defer r.pool.Put(s)
	s.toks, s.sents, s.first = s.toks[:0], s.sents[:0], s.first[:0]
	prevSent := int32(-1)
	for i := 0; i < len(d.Tokens); i++ {
		t := d.Tokens[i]
		if t.Start < 0 || t.End < t.Start || int(t.End) > len(d.Text) {
			return fmt.Errorf("ner: token %d has span [%d,%d) outside the text", i, t.Start, t.End)
		}
		if len(s.toks) == 0 || t.Sent != prevSent {
			s.sents = append(s.sents, int32(len(s.toks)))
			prevSent = t.Sent
		}
		j := hyphenRun(d, i)
		s.first = append(s.first, int32(i))
		s.toks = append(s.toks, d.Text[t.Start:d.Tokens[j-1].End])
		i = j - 1
	}
	s.sents = append(s.sents, int32(len(s.toks)))
	s.first = append(s.first, int32(len(d.Tokens)))
	if len(s.toks) == 0 {
		d.Entities = d.Entities[:0]
		return nil
	}
	s.tg.tagDoc(s.toks, s.sents)
	if err := ctx.Err(); err != nil {
		return err
	}
	s.spans = bilouToSpans(s.tg.out, s.spans[:0])
	ents := d.Entities[:0]
	for _, sp := range s.spans {
		// recogniser tokens → document tokens
		a, b := int(s.first[sp.Start]), int(s.first[sp.End])
		typ := types[sp.Type]
		// CoNLL leaves courtesy titles out of names, and a name after one
		// is a person's: "Mr. Ban" is PER "Ban".
		for a < b && honorific(d.TokenText(a)) {
			a++
			typ = "PER"
		}
		if a+1 < b && titleAbbrev(d.TokenText(a)) && wordStart(d.TokenText(a+1)) {
			// "Sen. Bernie Sanders of Vermont", read as an organisation
			// "X of Y": the titles stay out ("Lt. Gen. Michael Flynn"),
			// the name is a person's, and the place after "of" is no
			// part of it.
			for a+1 < b && titleAbbrev(d.TokenText(a)) {
				a++
			}
			typ = "PER"
			for k := a + 1; k < b; k++ {
				if w := d.TokenText(k); w == "of" || w == "from" || w == "," {
					b = k
					break
				}
			}
		}
		for b > a && titleAbbrev(d.TokenText(b-1)) {
			b-- // "Florida Sen." is the place alone
		}
		for a < b && trimmable(d.TokenText(a)) {
			a++
		}
		for b > a && trimmable(d.TokenText(b-1)) {
			b--
		}
		if a == b {
			continue
		}
		start, end := int(d.Tokens[a].Start), int(d.Tokens[b-1].End)
		if typ == "ORG" && partyState(d, a) {
			typ = "LOC" // "(I-Vt.)", "R-Tenn.": the state of a politician's party tag
		}
		if typ == "ORG" && b-a <= 3 && b < len(d.Tokens) && d.Tokens[b].Sent == d.Tokens[b-1].Sent && officeWord(d.TokenText(b)) {
			// "the Vermont senator", "Florida Sen. Marco Rubio": a
			// place that qualifies an office is a place
			if _, ok := gz.Default().Place(d.Text[start:end], ""); ok {
				typ = "LOC"
			}
		}
		ents = append(ents, doc.Entity{Type: typ, Text: d.Text[start:end], Start: start, End: end})
	}
	d.Entities = ents
	return nil
}

// honorific reports whether a token is a courtesy title that only comes
// before a person's name.
func honorific(tok string) bool {
	switch tok {
	case "Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Messrs.", "Mme.", "Mme", "Mlle.", "Dr.", "Dr", "MR.", "MRS.", "MS.", "DR.":
		return true
	}
	return false
}

// titleAbbrev reports whether a token is the abbreviation of an office or
// rank, which CoNLL also leaves out of names ("Sen.", "Gov.", "Gen.").
func titleAbbrev(tok string) bool {
	switch tok {
	case "Sen.", "Sens.", "Rep.", "Reps.", "Gov.", "Lt.", "Gen.", "Col.", "Maj.", "Capt.", "Cmdr.", "Adm.",
		"Sgt.", "Cpl.", "Pvt.", "Prof.", "Rev.", "Amb.", "Supt.", "Insp.", "Det.", "Atty.", "Sec.", "Pres.":
		return true
	}
	return false
}

// partyState reports whether token a follows a party letter and a hyphen
// written together ("R-Tenn.", "(I-Vt.)").
func partyState(d *doc.Document, a int) bool {
	if a < 2 || d.Tokens[a-1].End != d.Tokens[a].Start || d.Tokens[a-2].End != d.Tokens[a-1].Start || !isHyphen(d.TokenText(a-1)) {
		return false
	}
	switch d.TokenText(a - 2) {
	case "R", "D", "I", "Ind":
		return true
	}
	return false
}

// officeWord reports whether a token names an office, its holders or an
// election after a place that qualifies it ("Vermont senator", "Texas
// delegation", "Iowa caucuses").
func officeWord(tok string) bool {
	if titleAbbrev(tok) {
		return true
	}
	switch strings.ToLower(tok) {
	case "senator", "senators", "governor", "governors", "congressman", "congresswoman", "congressmen",
		"lawmaker", "lawmakers", "legislator", "legislators", "legislature", "delegation", "delegate", "delegates",
		"representative", "representatives", "mayor", "attorney", "official", "officials", "secretary",
		"voters", "primary", "caucus", "caucuses", "democrat", "democrats", "republican", "republicans":
		return true
	}
	return false
}

// maxHyphenPieces bounds how many hyphen-joined pieces make one word.
const maxHyphenPieces = 8

// isHyphen reports whether a token is a hyphen that can join two words.
func isHyphen(tok string) bool { return tok == "-" || tok == "\u2010" || tok == "\u2011" }

// hyphenRun returns the end of the hyphenated word starting at token i:
// the tokenizer splits "Wal-Mart" and "Ban Ki-moon" as UD does, but the
// recogniser was trained mostly on CoNLL-style tokens where such a word
// is one token, so pieces joined by attached hyphens (no spaces) are
// given to it as one word. Lower-case modifiers stay apart, so that
// "Saudi-led", "Kremlin-backed", "anti-Trump" and "R-Ohio" show the name
// alone. It returns i+1 when token i starts no such run.
func hyphenRun(d *doc.Document, i int) int {
	j := i + 1
	if modifierPrefix(d.TokenText(i)) {
		return j
	}
	for n := 1; n < maxHyphenPieces && j+1 < len(d.Tokens); n++ {
		h, w := d.Tokens[j], d.Tokens[j+1]
		prev := d.Tokens[j-1]
		if h.Sent != prev.Sent || w.Sent != prev.Sent || h.Start != prev.End || w.Start != h.End ||
			!isHyphen(d.TokenText(j)) || !wordStart(d.TokenText(j+1)) || !wordEnd(d.TokenText(j-1)) ||
			modifierSuffix(d.TokenText(j+1)) {
			break
		}
		j += 2
	}
	return j
}

func wordStart(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func wordEnd(tok string) bool {
	r, _ := utf8.DecodeLastRuneInString(tok)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// modifierSuffix reports whether a lower-case word after a hyphen makes
// the hyphenated word a modifier rather than a name.
func modifierSuffix(w string) bool {
	switch w {
	case "based", "born", "style", "era", "type", "made", "owned", "run", "bound", "wide", "like", "only",
		"free", "friendly", "speaking", "backed", "led", "linked", "allied", "controlled", "held",
		"occupied", "funded", "sponsored", "affiliated", "aligned", "inspired", "oriented", "centric",
		"dominated", "leaning", "minded", "area", "level", "class", "sized", "related":
		return true
	}
	return false
}

// modifierPrefix reports whether a lower-case word before a hyphen is a
// prefix on a name ("anti-Trump", "pro-Russian", "ex-Soviet", the party
// letter of "R-Ohio").
func modifierPrefix(w string) bool {
	switch w {
	case "anti", "pro", "ex", "non", "post", "pre", "mid", "neo", "pan", "then", "once", "all", "un", "de",
		"R", "D", "I": // party and state: "(R-Ohio)"
		return true
	}
	return false
}

// trimmable reports whether a token may not begin or end an entity:
// punctuation without letters or digits, or a possessive clitic.
func trimmable(tok string) bool {
	switch tok {
	case "'s", "’s", "'S", "’S", "s'":
		return true
	}
	for i := 0; i < len(tok); {
		r, w := utf8.DecodeRuneInString(tok[i:])
		i += w
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
