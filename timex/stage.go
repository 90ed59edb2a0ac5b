// Package timex finds temporal expressions and normalizes them to TimeML TIMEX3 values against the publication date.
package timex

import (
	"context"

	"github.com/chronicle-news/chronicle/doc"
)

// Tagger is the pipeline stage. It is safe for concurrent use.
type Tagger struct{}

// New returns the stage with its embedded defaults.
func New() (*Tagger, error) { return &Tagger{}, nil }

// Name implements doc.Stage.
func (*Tagger) Name() string { return "timex" }

// Requires implements doc.Stage.
func (*Tagger) Requires() doc.Layer { return doc.Tokens }

// Provides implements doc.Stage.
func (*Tagger) Provides() doc.Layer { return doc.Timexes }

// Process implements doc.Stage.
// TODO(scaffold): first version pending.
func (*Tagger) Process(ctx context.Context, d *doc.Document) error { return ctx.Err() }
