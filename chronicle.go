// Package chronicle turns news articles into a structured, sourced record:
// who did what to whom, when and where, who said what, and the timeline it
// adds up to. Every annotation points back at the text it came from.
//
// The domain model lives in package doc. Each stage of the pipeline is its
// own package (tokenize, tag, parse, ner, timex, actor, quote, event); this
// package assembles them:
//
//	p, err := chronicle.New(chronicle.Options{})
//	d, err := p.Extract(ctx, doc.Article{Text: text, Published: date})
package chronicle

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/event"
	"github.com/chronicle-news/chronicle/ner"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/quote"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/timex"
	"github.com/chronicle-news/chronicle/tokenize"
)

// Options configure the default pipeline. The zero value uses the embedded
// models and dictionaries only.
type Options struct {
	// ActorDicts are extra actor dictionaries (Chronicle or PETRARCH/TABARI
	// format) consulted before the embedded one.
	ActorDicts []string
	// VerbDicts are extra verb dictionaries (Chronicle or PETRARCH CAMEO
	// format) consulted before the embedded one.
	VerbDicts []string
	// Stages replaces the default stages when non-nil.
	Stages []doc.Stage
	// Logger receives debug logs; nil means slog.Default().
	Logger *slog.Logger
}

// Pipeline runs a fixed, validated sequence of stages over documents. It is
// safe for concurrent use: run many documents at once, one goroutine each.
type Pipeline struct {
	stages []doc.Stage
	log    *slog.Logger
}

// DefaultStages builds the standard stages in pipeline order.
func DefaultStages(opts Options) ([]doc.Stage, error) {
	var stages []doc.Stage
	add := func(s doc.Stage, err error) error {
		if err != nil {
			return err
		}
		stages = append(stages, s)
		return nil
	}
	errs := []error{
		add(tokenize.New()),
		add(tag.New()),
		add(parse.New()),
		add(ner.New()),
		add(timex.New()),
	}
	linker, err := actor.New(actor.Options{Dicts: opts.ActorDicts})
	errs = append(errs, add(linker, err), add(quote.New()))
	eopts := event.Options{VerbDicts: opts.VerbDicts}
	if err == nil {
		// the coder keeps as parties only the common nouns that the actor
		// dictionaries know as kinds of people or organisations
		eopts.Agent = linker.IsAgent
	}
	errs = append(errs, add(event.New(eopts)))
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return stages, nil
}

// New builds the default pipeline (or opts.Stages) and validates it.
func New(opts Options) (*Pipeline, error) {
	stages := opts.Stages
	if stages == nil {
		var err error
		if stages, err = DefaultStages(opts); err != nil {
			return nil, err
		}
	}
	p, err := NewPipeline(stages...)
	if err != nil {
		return nil, err
	}
	if opts.Logger != nil {
		p.log = opts.Logger
	}
	return p, nil
}

// NewPipeline checks that every stage's requirements are provided by the
// stages before it and returns the pipeline.
func NewPipeline(stages ...doc.Stage) (*Pipeline, error) {
	var have doc.Layer
	for _, s := range stages {
		if missing := s.Requires() &^ have; missing != 0 {
			return nil, fmt.Errorf("pipeline: stage %q requires %v, which no earlier stage provides", s.Name(), missing)
		}
		have |= s.Provides()
	}
	return &Pipeline{stages: stages, log: slog.Default()}, nil
}

// Stages returns the pipeline's stages in order.
func (p *Pipeline) Stages() []doc.Stage { return p.stages }

// Extract runs the pipeline over one article.
func (p *Pipeline) Extract(ctx context.Context, a doc.Article) (*doc.Document, error) {
	d := doc.New(a)
	if err := p.Process(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

// extractSafe is Extract with a recover, so that a bug in one stage on one
// odd document becomes an error for that document instead of ending a batch.
func (p *Pipeline) extractSafe(ctx context.Context, a doc.Article) (d *doc.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("%s: internal error: %v", a.Source, r)
			p.log.Error("stage panicked", "source", a.Source, "panic", r, "stack", string(debug.Stack()))
		}
	}()
	return p.Extract(ctx, a)
}

// Process runs every stage over d in order, stopping at the first error.
func (p *Pipeline) Process(ctx context.Context, d *doc.Document) error {
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		t0 := time.Now()
		if err := s.Process(ctx, d); err != nil {
			return fmt.Errorf("%s: stage %s: %w", d.Source, s.Name(), err)
		}
		d.Done |= s.Provides()
		p.log.Debug("stage done", "stage", s.Name(), "doc", d.ID, "took", time.Since(t0))
	}
	return nil
}
