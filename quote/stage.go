// Package quote finds direct quotes and reported speech and attributes them to speakers.
package quote

import (
	"context"

	"github.com/chronicle-news/chronicle/doc"
)

// Attributor is the pipeline stage. It is safe for concurrent use.
type Attributor struct{}

// New returns the stage with its embedded defaults.
func New() (*Attributor, error) { return &Attributor{}, nil }

// Name implements doc.Stage.
func (*Attributor) Name() string { return "quote" }

// Requires implements doc.Stage.
func (*Attributor) Requires() doc.Layer { return doc.Actors | doc.Deps }

// Provides implements doc.Stage.
func (*Attributor) Provides() doc.Layer { return doc.Quotes }

// Process implements doc.Stage.
// TODO(scaffold): first version pending.
func (*Attributor) Process(ctx context.Context, d *doc.Document) error { return ctx.Err() }
