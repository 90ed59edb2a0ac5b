// Package parse builds Universal Dependencies parses with a model trained on UD EWT.
package parse

import (
	"context"

	"github.com/chronicle-news/chronicle/doc"
)

// Parser is the pipeline stage. It is safe for concurrent use.
type Parser struct{}

// New returns the stage with its embedded defaults.
func New() (*Parser, error) { return &Parser{}, nil }

// Name implements doc.Stage.
func (*Parser) Name() string { return "parse" }

// Requires implements doc.Stage.
func (*Parser) Requires() doc.Layer { return doc.Tokens | doc.Tags }

// Provides implements doc.Stage.
func (*Parser) Provides() doc.Layer { return doc.Deps }

// Process implements doc.Stage.
// TODO(scaffold): first version pending.
func (*Parser) Process(ctx context.Context, d *doc.Document) error { return ctx.Err() }
