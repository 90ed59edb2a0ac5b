// Package actor links mentions into actors and codes each with a CAMEO country and sector.
package actor

import (
	"context"

	"github.com/chronicle-news/chronicle/doc"
)

// Linker is the pipeline stage. It is safe for concurrent use.
type Linker struct{}

// Options configure the stage.
type Options struct {
	// Dicts are extra dictionary files loaded before the embedded defaults.
	Dicts []string
}

// New returns the stage with its embedded defaults plus opts.
func New(opts Options) (*Linker, error) { return &Linker{}, nil }

// Name implements doc.Stage.
func (*Linker) Name() string { return "actor" }

// Requires implements doc.Stage.
func (*Linker) Requires() doc.Layer { return doc.Entities | doc.Deps }

// Provides implements doc.Stage.
func (*Linker) Provides() doc.Layer { return doc.Actors }

// Process implements doc.Stage.
// TODO(scaffold): first version pending.
func (*Linker) Process(ctx context.Context, d *doc.Document) error { return ctx.Err() }
