// Package tag assigns UPOS and Penn XPOS tags, UD features and lemmas with
// an averaged-perceptron model trained on UD EWT (see Train), embedded in
// the binary and loaded once, lazily.
package tag

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"sync"

	"github.com/chronicle-news/chronicle/doc"
)

//go:embed model/tagger.bin
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
			loadError = fmt.Errorf("tag: embedded model: %w", loadError)
		}
	})
	return loaded, loadError
}

// Tagger is the pipeline stage. It is safe for concurrent use.
type Tagger struct {
	model *Model // nil: the embedded model
}

// New returns the stage with the embedded model (loaded on first use).
func New() (*Tagger, error) { return &Tagger{}, nil }

// NewWithModel returns the stage with the given model.
func NewWithModel(m *Model) *Tagger { return &Tagger{model: m} }

// Name implements doc.Stage.
func (*Tagger) Name() string { return "tag" }

// Requires implements doc.Stage.
func (*Tagger) Requires() doc.Layer { return doc.Tokens }

// Provides implements doc.Stage.
func (*Tagger) Provides() doc.Layer { return doc.Tags | doc.Lemmas }

// Process implements doc.Stage: it fills UPOS, XPOS, Feats and Lemma of
// every token, sentence by sentence.
func (t *Tagger) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m := t.model
	if m == nil {
		var err error
		if m, err = Default(); err != nil {
			return err
		}
	}
	if err := checkTokens(d); err != nil {
		return err
	}
	// analyses go to a buffer first so that an error leaves d unchanged
	fs := make([]string, len(d.Tokens))
	for i, tk := range d.Tokens {
		fs[i] = d.Text[tk.Start:tk.End]
	}
	// glued[i]: token i is followed by token i+1 without white space
	glued := make([]bool, len(d.Tokens))
	for i := 0; i+1 < len(d.Tokens); i++ {
		glued[i] = d.Tokens[i].End == d.Tokens[i+1].Start
	}
	out := make([]Analysis, len(d.Tokens))
	for si, s := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		m.TagSpaced(fs[s.FirstToken:s.EndToken], glued[s.FirstToken:s.EndToken], out[s.FirstToken:s.EndToken])
	}
	for i, a := range out {
		if a.XPOS == "" && a.UPOS == doc.NoPOS {
			continue // outside every sentence
		}
		tk := &d.Tokens[i]
		tk.UPOS, tk.XPOS, tk.Lemma, tk.Feats = a.UPOS, a.XPOS, a.Lemma, a.Feats
	}
	return nil
}

// checkTokens validates the token and sentence layers before any change.
func checkTokens(d *doc.Document) error {
	for i, s := range d.Sentences {
		if s.FirstToken < 0 || s.EndToken < s.FirstToken || s.EndToken > len(d.Tokens) {
			return fmt.Errorf("tag: sentence %d has token range [%d,%d) outside %d tokens", i, s.FirstToken, s.EndToken, len(d.Tokens))
		}
	}
	for i, t := range d.Tokens {
		if t.Start < 0 || t.End < t.Start || int(t.End) > len(d.Text) {
			return fmt.Errorf("tag: token %d has span [%d,%d) outside the text", i, t.Start, t.End)
		}
	}
	return nil
}
