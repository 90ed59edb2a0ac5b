// Package tokenize splits text into sentences and UD tokens with byte offsets.
package tokenize

import (
	"context"

	"github.com/chronicle-news/chronicle/doc"
)

// Tokenizer is the pipeline stage. It is safe for concurrent use.
type Tokenizer struct{}

// New returns the stage with its embedded defaults.
func New() (*Tokenizer, error) { return &Tokenizer{}, nil }

// Name implements doc.Stage.
func (*Tokenizer) Name() string { return "tokenize" }

// Requires implements doc.Stage.
func (*Tokenizer) Requires() doc.Layer { return 0 }

// Provides implements doc.Stage.
func (*Tokenizer) Provides() doc.Layer { return doc.Sentences | doc.Tokens }

// Process implements doc.Stage.
// TODO(scaffold): first version pending.
func (*Tokenizer) Process(ctx context.Context, d *doc.Document) error { return ctx.Err() }
