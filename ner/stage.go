// Package ner finds named entities (PER, ORG, LOC, MISC).
package ner

import (
	"context"

	"github.com/chronicle-news/chronicle/doc"
)

// Recognizer is the pipeline stage. It is safe for concurrent use.
type Recognizer struct{}

// New returns the stage with its embedded defaults.
func New() (*Recognizer, error) { return &Recognizer{}, nil }

// Name implements doc.Stage.
func (*Recognizer) Name() string { return "ner" }

// Requires implements doc.Stage.
func (*Recognizer) Requires() doc.Layer { return doc.Tokens | doc.Tags }

// Provides implements doc.Stage.
func (*Recognizer) Provides() doc.Layer { return doc.Entities }

// Process implements doc.Stage.
// TODO(scaffold): first version pending.
func (*Recognizer) Process(ctx context.Context, d *doc.Document) error { return ctx.Err() }
