// Package doc holds Chronicle's domain model: one Document that owns the
// article text and every stand-off annotation layer built over it, and the
// Stage interface that every pipeline stage implements.
//
// All spans are half-open byte offsets [Start, End) into Document.Text. Text
// fields of layer records (Entity.Text, Quote.Text, …) are substrings of
// Document.Text, so they cost no copy. Records refer to each other by index
// (tokens, sentences) or by string ID (actors "A1", timexes "t1", quotes "q1",
// events "e1"), which are stable in the JSON output.
package doc

import (
	"time"
)

// SchemaVersion is the version of the JSON output schema (docs/schema.md,
// schema/chronicle.schema.json). Bump the minor version for additive changes
// and the major version for breaking ones.
const SchemaVersion = "1.0"

// Article is the input to the pipeline: text plus whatever metadata the reader
// found. Readers produce Articles; the pipeline turns them into Documents.
type Article struct {
	ID        string    // caller's identifier; kept in the output
	Text      string    // body text, valid UTF-8; all offsets refer to it
	Title     string    // headline, if known
	URL       string    // canonical URL, if known
	Author    string    // byline, if known
	Outlet    string    // publisher, if known
	Published time.Time // publication date (UTC midnight when only a day is known); zero if unknown
	Source    string    // where it was read from ("file.txt", "file.jsonl:12"), for error messages
	Encoding  string    // the source encoding when it was not UTF-8 ("UTF-16LE", "Windows-1252"), else ""
}

// Document is one article and all annotation layers built over it.
// A stage reads earlier layers and fills one or more layers of its own.
type Document struct {
	ID        string
	Title     string
	URL       string
	Author    string
	Outlet    string
	Published time.Time // zero if unknown
	Source    string
	Encoding  string // source encoding when it was not UTF-8
	Text      string

	Sentences []Sentence
	Tokens    []Token
	Entities  []Entity
	Actors    []Actor
	Timexes   []Timex
	Quotes    []Quote
	Events    []Event

	// Done records the layers that stages have filled so far.
	Done Layer
}

// New makes an empty Document for an article.
func New(a Article) *Document {
	return &Document{
		ID: a.ID, Title: a.Title, URL: a.URL, Author: a.Author, Outlet: a.Outlet,
		Published: a.Published, Source: a.Source, Encoding: a.Encoding, Text: a.Text,
	}
}

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// SpanText returns the text of a span, or "" if the span is out of range.
func (d *Document) SpanText(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// Sentence is one sentence: its byte span and its tokens
// Tokens[FirstToken:EndToken].
type Sentence struct {
	Start      int `json:"start"`
	End        int `json:"end"`
	FirstToken int `json:"-"`
	EndToken   int `json:"-"`
	Paragraph  int `json:"paragraph"` // 0-based paragraph index
}

// Span returns the sentence's byte span.
func (s Sentence) Span() Span { return Span{s.Start, s.End} }

// Token is one word in UD segmentation ("don't" is "do" + "n't"). Its form is
// Document.Text[Start:End]. Head is an index into Document.Tokens (-1 for the
// root of its sentence). XPOS, Lemma and Dep are filled by the tagger and
// parser; strings come from the models' interned tables and are not copied.
type Token struct {
	Start int32
	End   int32
	Sent  int32 // index of the sentence
	Head  int32 // index of the head token in Document.Tokens, -1 = root; valid when Done has Deps
	UPOS  UPOS
	XPOS  string
	Lemma string
	Feats string // UD morphological features, "" if none
	Dep   string // UD relation to the head ("nsubj", "obl:tmod", …)
}

// Span returns the token's byte span.
func (t Token) Span() Span { return Span{int(t.Start), int(t.End)} }

// TokenText returns the form of token i.
func (d *Document) TokenText(i int) string {
	t := d.Tokens[i]
	return d.Text[t.Start:t.End]
}

// SentenceTokens returns the tokens of sentence i (a view, not a copy).
func (d *Document) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.FirstToken:s.EndToken]
}

// SentenceAt returns the index of the sentence that contains byte offset off,
// or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}

// TokenAt returns the index of the token that contains byte offset off, or -1.
func (d *Document) TokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if int(d.Tokens[m].End) <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Tokens) && int(d.Tokens[lo].Start) <= off {
		return lo
	}
	return -1
}

// TokensIn returns the half-open range [first, end) of tokens that lie inside
// span s.
func (d *Document) TokensIn(s Span) (first, end int) {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if int(d.Tokens[m].Start) < s.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	first = lo
	end = first
	for end < len(d.Tokens) && int(d.Tokens[end].End) <= s.End {
		end++
	}
	return first, end
}

// Actor returns the actor with the given ID, or nil.
func (d *Document) Actor(id string) *Actor {
	for i := range d.Actors {
		if d.Actors[i].ID == id {
			return &d.Actors[i]
		}
	}
	return nil
}

// Entity is a named-entity mention.
type Entity struct {
	Type  string `json:"type"` // PER, ORG, LOC, MISC (NORP-like names: nationalities, events, …)
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Actor string `json:"actor,omitempty"` // ID of the actor it belongs to, if linked
}

// Span returns the entity's byte span.
func (e Entity) Span() Span { return Span{e.Start, e.End} }

// Actor is a person, organisation, group or place that one or more mentions
// in the document refer to, coded the CAMEO way.
type Actor struct {
	ID       string    `json:"id"`             // "A1", "A2", … in order of first mention
	Name     string    `json:"name"`           // canonical name ("Vladimir Putin")
	Kind     string    `json:"kind"`           // PER, ORG, LOC (a country or place), GRP (a group such as "Russian envoys")
	Code     string    `json:"code"`           // CAMEO-style code: country + sector ("RUSGOV"), or "" if unknown
	Country  string    `json:"country"`        // ISO 3166 alpha-3 ("RUS"), or "" (IGOs have none)
	Sector   string    `json:"sector"`         // GOV, MIL, MED, BUS, IGO, …, or ""
	Role     string    `json:"role"`           // office or description ("Deputy Foreign Minister")
	CodeFrom string    `json:"code_from"`      // where the code came from: "text", "dictionary", "country", ""
	Mentions []Mention `json:"mentions"`       // every mention, in text order
	Wiki     string    `json:"wiki,omitempty"` // dictionary key or external identifier, if any
}

// Mention is one place the document refers to an actor.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"` // name, title, description, pronoun, demonym, plural
}

// MentionPlural is the kind of a mention that names its actor together
// with others ("the two leaders", "both countries"): every member actor
// carries the same span, and no one of them is the phrase's actor alone.
const MentionPlural = "plural"

// Span returns the mention's byte span.
func (m Mention) Span() Span { return Span{m.Start, m.End} }
