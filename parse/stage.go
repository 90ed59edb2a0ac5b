// Package parse builds Universal Dependencies parses with a greedy
// arc-eager transition parser (averaged perceptron, dynamic oracle, rich
// Zhang & Nivre features) trained on UD EWT, embedded in the binary and
// loaded once, lazily.
package parse

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"sync"

	"github.com/chronicle-news/chronicle/doc"
)

//go:embed model/parser.bin
var embedded []byte

var (
	loadOnce  sync.Once
	loaded    *Model
	loadError error
)

// Default returns the embedded model, decoding it on first use.
func Default() (*Model, error) {
	loadOnce.Do(func() {
		loaded, loadError = ReadModel(bytes.NewReader(embedded))
		if loadError != nil {
			loadError = fmt.Errorf("parse: embedded model: %w", loadError)
		}
	})
	return loaded, loadError
}

// Parser is the pipeline stage. It is safe for concurrent use.
type Parser struct {
	model *Model // nil: the embedded model
}

// New returns the stage with the embedded model (loaded on first use).
func New() (*Parser, error) { return &Parser{}, nil }

// NewWithModel returns the stage with the given model.
func NewWithModel(m *Model) *Parser { return &Parser{model: m} }

// Name implements doc.Stage.
func (*Parser) Name() string { return "parse" }

// Requires implements doc.Stage.
func (*Parser) Requires() doc.Layer { return doc.Tokens | doc.Tags }

// Provides implements doc.Stage.
func (*Parser) Provides() doc.Layer { return doc.Deps }

// Process implements doc.Stage: it fills Head (a document-wide token
// index, -1 for the root of a sentence) and Dep of every token. Tokens
// outside any sentence are parsed as one sentence each run of them.
func (p *Parser) Process(ctx context.Context, d *doc.Document) error {
	m := p.model
	if m == nil {
		var err error
		if m, err = Default(); err != nil {
			return err
		}
	}
	for i, s := range d.Sentences {
		if s.FirstToken < 0 || s.EndToken < s.FirstToken || s.EndToken > len(d.Tokens) {
			return fmt.Errorf("parse: sentence %d has token range [%d,%d) outside %d tokens", i, s.FirstToken, s.EndToken, len(d.Tokens))
		}
	}
	for i, t := range d.Tokens {
		if t.Start < 0 || t.End < t.Start || int(t.End) > len(d.Text) {
			return fmt.Errorf("parse: token %d has span [%d,%d) outside the text", i, t.Start, t.End)
		}
	}
	n := len(d.Tokens)
	heads := make([]int32, n)
	deps := make([]string, n)
	forms := make([]string, n)
	xpos := make([]string, n)
	upos := make([]doc.UPOS, n)
	for i, t := range d.Tokens {
		forms[i], xpos[i], upos[i] = d.Text[t.Start:t.End], t.XPOS, t.UPOS
	}
	for si, s := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		a, b := s.FirstToken, s.EndToken
		if a == b {
			continue
		}
		m.Parse(forms[a:b], xpos[a:b], upos[a:b], heads[a:b], deps[a:b])
		for i := a; i < b; i++ {
			if heads[i] >= 0 {
				heads[i] += int32(a)
			}
		}
	}
	for i := range d.Tokens {
		d.Tokens[i].Head, d.Tokens[i].Dep = heads[i], deps[i]
	}
	return nil
}
