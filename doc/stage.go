package doc

import (
	"context"
	"strings"
)

// Layer is a set of annotation layers, used by stages to declare what they
// require and provide.
type Layer uint32

// The annotation layers.
const (
	Sentences Layer = 1 << iota
	Tokens
	Tags   // UPOS and XPOS
	Lemmas // Token.Lemma
	Deps   // Token.Head and Token.Dep
	Entities
	Actors
	Timexes
	Quotes
	Events
)

var layerNames = []string{"sentences", "tokens", "tags", "lemmas", "deps", "entities", "actors", "timexes", "quotes", "events"}

// String lists the layers in l, joined by "+".
func (l Layer) String() string {
	var parts []string
	for i, n := range layerNames {
		if l&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}

// Has reports whether l includes every layer of m.
func (l Layer) Has(m Layer) bool { return l&m == m }

// Stage is one step of the pipeline. It reads the layers it Requires and
// adds the layers it Provides. Process must not panic, must honour ctx, and
// must leave the document unchanged when it returns an error.
// A Stage is safe for concurrent use on different Documents.
type Stage interface {
	Name() string
	Requires() Layer
	Provides() Layer
	Process(ctx context.Context, d *Document) error
}
