// Package event finds events and codes them in CAMEO and PLOVER with status, date, place and evidence.
package event

import (
	"context"

	"github.com/chronicle-news/chronicle/doc"
)

// Coder is the pipeline stage. It is safe for concurrent use.
type Coder struct{}

// Options configure the stage.
type Options struct {
	// VerbDicts are extra dictionary files loaded before the embedded defaults.
	VerbDicts []string
}

// New returns the stage with its embedded defaults plus opts.
func New(opts Options) (*Coder, error) { return &Coder{}, nil }

// Name implements doc.Stage.
func (*Coder) Name() string { return "event" }

// Requires implements doc.Stage.
func (*Coder) Requires() doc.Layer { return doc.Actors | doc.Timexes | doc.Quotes | doc.Deps }

// Provides implements doc.Stage.
func (*Coder) Provides() doc.Layer { return doc.Events }

// Process implements doc.Stage.
// TODO(scaffold): first version pending.
func (*Coder) Process(ctx context.Context, d *doc.Document) error { return ctx.Err() }
