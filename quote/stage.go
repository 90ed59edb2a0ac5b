// Package quote finds direct quotes and reported speech in a document and
// attributes them to speakers.
//
// Direct quotes are found from quotation marks alone (straight and curly,
// double and single, multi-paragraph quotes, quotes interrupted by their
// attribution, nested quotes, unbalanced marks), so they work without a
// parser; their cue and speaker come from the words next to the marks, from
// a colon-ended previous paragraph ("Rubio responded:") or from an earlier
// part of the same quotation. Reported (indirect and mixed) speech comes
// from the dependency parse: candidate cue–content pairs (a verb or noun
// with the subtree of a complement or object, a closing "…, he said",
// "according to") scored by an embedded model learned from PolNeAR train
// (see model.go; `chronicle train quotes`). Without a parse, cue verbs from
// the embedded cue table and word order stand in. Speakers are linked to
// actors through the actor layer, with pronoun and description fallbacks.
//
// An interrupted quote ("There isn't going to be a meeting," Rubio said,
// "until we know …") becomes two Quote records that share one cue and one
// speaker; consumers that want whole statements group quotes by Cue span.
package quote

import (
	"context"
	"fmt"
	"sync"

	"github.com/chronicle-news/chronicle/doc"
)

// Attributor is the pipeline stage. It is safe for concurrent use.
type Attributor struct {
	lx    *Lexicon
	model *Model // nil: cue table and word-order rules only
}

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) { return parseLexicon(cuesTSV) })

// DefaultLexicon returns the embedded cue table, parsed once.
func DefaultLexicon() (*Lexicon, error) {
	lx, err := defaultLexicon()
	if err != nil {
		return nil, fmt.Errorf("quote: embedded cue table: %w", err)
	}
	return lx, nil
}

var defaultModel = sync.OnceValues(func() (*Model, error) { return embeddedModel() })

// DefaultModel returns the embedded attribution model, parsed once.
func DefaultModel() (*Model, error) {
	m, err := defaultModel()
	if err != nil {
		return nil, fmt.Errorf("quote: embedded model: %w", err)
	}
	return m, nil
}

// New returns the stage with its embedded cue table and attribution model.
func New() (*Attributor, error) {
	lx, err := DefaultLexicon()
	if err != nil {
		return nil, err
	}
	m, err := DefaultModel()
	if err != nil {
		return nil, err
	}
	if m.Size() == 0 {
		m = nil
	}
	return &Attributor{lx: lx, model: m}, nil
}

// NewWithLexicon returns the stage with a given cue table (see ParseLexicon)
// and no attribution model: reported speech then comes from the cue table's
// verbs and the parse or word order.
func NewWithLexicon(lx *Lexicon) *Attributor { return &Attributor{lx: lx} }

// NewWithModel returns the stage with a given cue table and attribution
// model (see ParseModel); m may be nil.
func NewWithModel(lx *Lexicon, m *Model) *Attributor { return &Attributor{lx: lx, model: m} }

// ParseLexicon reads a cue table in the format of the embedded cues.tsv.
func ParseLexicon(src string) (*Lexicon, error) { return parseLexicon(src) }

// Name implements doc.Stage.
func (*Attributor) Name() string { return "quote" }

// Requires implements doc.Stage.
func (*Attributor) Requires() doc.Layer { return doc.Actors | doc.Deps }

// Provides implements doc.Stage.
func (*Attributor) Provides() doc.Layer { return doc.Quotes }

// Process implements doc.Stage. It fills d.Quotes (IDs "q1", "q2", … in
// text order) and leaves d unchanged on error.
func (a *Attributor) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	v := newView(d, a.lx)
	qs, err := a.extract(ctx, v)
	if err != nil {
		return fmt.Errorf("quote: %w", err)
	}
	d.Quotes = qs
	return nil
}
