// Package output renders Documents for people and programs: the versioned
// JSON schema (docs/schema.md, schema/chronicle.schema.json), JSON Lines,
// and a readable text report. The area-specific exports (TimeML, GDELT,
// PLOVER, GKG quotations) live with the stages that own the data.
package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/doc"
)

// Layers selects which layers the JSON output includes.
type Layers uint16

// The selectable layers.
const (
	LayerText Layers = 1 << iota
	LayerSentences
	LayerTokens
	LayerEntities
	LayerActors
	LayerTimexes
	LayerQuotes
	LayerEvents
	AllLayers = LayerText | LayerSentences | LayerTokens | LayerEntities | LayerActors | LayerTimexes | LayerQuotes | LayerEvents
)

var layerFlagNames = map[string]Layers{
	"text": LayerText, "sentences": LayerSentences, "tokens": LayerTokens, "entities": LayerEntities,
	"actors": LayerActors, "timexes": LayerTimexes, "quotes": LayerQuotes, "events": LayerEvents, "all": AllLayers,
}

// ParseLayers reads a comma-separated --layers value ("all", "events,quotes",
// "all,-tokens").
func ParseLayers(s string) (Layers, error) {
	var l Layers
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(strings.ToLower(f))
		if f == "" {
			continue
		}
		neg := strings.HasPrefix(f, "-")
		v, ok := layerFlagNames[strings.TrimPrefix(f, "-")]
		if !ok {
			return 0, fmt.Errorf("unknown layer %q (want text, sentences, tokens, entities, actors, timexes, quotes, events or all)", f)
		}
		if neg {
			l &^= v
		} else {
			l |= v
		}
	}
	return l, nil
}

// Token is the JSON form of a token.
type Token struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	UPOS     string `json:"upos"`
	XPOS     string `json:"xpos"`
	Lemma    string `json:"lemma"`
	Feats    string `json:"feats,omitempty"`
	Head     int    `json:"head"` // index into tokens[], -1 for a sentence root
	Dep      string `json:"dep"`
}

// Document is the JSON form of a doc.Document (schema version
// doc.SchemaVersion). Slices are never null.
type Document struct {
	Schema    string         `json:"schema"`
	ID        string         `json:"id"`
	Published *string        `json:"published"`
	Title     string         `json:"title"`
	Author    string         `json:"author"`
	Outlet    string         `json:"outlet"`
	URL       string         `json:"url"`
	Text      *string        `json:"text,omitempty"`
	Sentences []doc.Sentence `json:"sentences,omitzero"`
	Tokens    []Token        `json:"tokens,omitzero"`
	Entities  []doc.Entity   `json:"entities,omitzero"`
	Actors    []doc.Actor    `json:"actors,omitzero"`
	Timexes   []doc.Timex    `json:"timexes,omitzero"`
	Quotes    []doc.Quote    `json:"quotes,omitzero"`
	Events    []doc.Event    `json:"events,omitzero"`
}

// FormatPublished renders a publication date: YYYY-MM-DD when it has no
// time of day, RFC 3339 otherwise; nil when unknown.
func FormatPublished(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	var s string
	if h, m, sec := t.Clock(); h == 0 && m == 0 && sec == 0 && t.Nanosecond() == 0 {
		s = t.Format("2006-01-02")
	} else {
		s = t.Format(time.RFC3339)
	}
	return &s
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// View builds the JSON form of d with the selected layers.
func View(d *doc.Document, layers Layers) *Document {
	v := &Document{
		Schema: doc.SchemaVersion, ID: d.ID, Published: FormatPublished(d.Published),
		Title: d.Title, Author: d.Author, Outlet: d.Outlet, URL: d.URL,
	}
	if layers&LayerText != 0 {
		v.Text = &d.Text
	}
	if layers&LayerSentences != 0 {
		v.Sentences = nonNil(d.Sentences)
	}
	if layers&LayerTokens != 0 {
		v.Tokens = make([]Token, len(d.Tokens))
		for i, t := range d.Tokens {
			v.Tokens[i] = Token{
				Start: int(t.Start), End: int(t.End), Text: d.Text[t.Start:t.End], Sentence: int(t.Sent),
				UPOS: t.UPOS.String(), XPOS: t.XPOS, Lemma: t.Lemma, Feats: t.Feats, Head: int(t.Head), Dep: t.Dep,
			}
		}
	}
	if layers&LayerEntities != 0 {
		v.Entities = nonNil(d.Entities)
	}
	if layers&LayerActors != 0 {
		v.Actors = append([]doc.Actor{}, d.Actors...)
		for i := range v.Actors {
			v.Actors[i].Mentions = nonNil(v.Actors[i].Mentions)
		}
	}
	if layers&LayerTimexes != 0 {
		v.Timexes = nonNil(d.Timexes)
	}
	if layers&LayerQuotes != 0 {
		v.Quotes = nonNil(d.Quotes)
	}
	if layers&LayerEvents != 0 {
		v.Events = append([]doc.Event{}, d.Events...)
		for i := range v.Events {
			e := &v.Events[i]
			e.Context = nonNil(e.Context)
			e.Source = nonNil(e.Source)
			e.Target = nonNil(e.Target)
			e.Mentions = nonNil(e.Mentions)
		}
	}
	return v
}

// WriteJSON writes d as one indented JSON object.
func WriteJSON(w io.Writer, d *doc.Document, layers Layers) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(View(d, layers))
}

// WriteJSONLine writes d as one compact JSON object on one line.
func WriteJSONLine(w io.Writer, d *doc.Document, layers Layers) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(View(d, layers))
}

// WriteJSONArray writes documents as one indented JSON array.
func WriteJSONArray(w io.Writer, docs []*Document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if docs == nil {
		docs = []*Document{}
	}
	return enc.Encode(docs)
}
