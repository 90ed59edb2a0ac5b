// Package tokenize splits news text into sentences and UD tokens with byte
// offsets.
//
// Tokens follow the segmentation of the UD English EWT treebank, so that the
// tagger and parser trained on it see what they were trained on: punctuation
// is split off, contractions and possessives are split ("don't" → "do"
// "n't", "Putin's" → "Putin" "'s"), hyphenated compounds are split unless
// their first part is a bound prefix ("long - term" but "non-stop"), and
// abbreviations, numbers, URLs, e-mail addresses, @handles, #hashtags and
// emoticons stay whole. Every token is a substring of the text; nothing is
// normalised.
package tokenize

import (
	"context"
	"fmt"
	"math"
	"sync"

	"github.com/chronicle-news/chronicle/doc"
)

// Tokenizer is the pipeline stage. It is immutable after New and safe for
// concurrent use.
type Tokenizer struct {
	lx *lexicon
}

var (
	defaultOnce sync.Once
	defaultLex  *lexicon
	defaultErr  error
)

// New returns the stage with its embedded word lists (parsed once per process).
func New() (*Tokenizer, error) {
	defaultOnce.Do(func() { defaultLex, defaultErr = parseLexicon(lexiconText) })
	if defaultErr != nil {
		return nil, fmt.Errorf("tokenize: embedded lexicon: %w", defaultErr)
	}
	return &Tokenizer{lx: defaultLex}, nil
}

// Name implements doc.Stage.
func (*Tokenizer) Name() string { return "tokenize" }

// Requires implements doc.Stage.
func (*Tokenizer) Requires() doc.Layer { return 0 }

// Provides implements doc.Stage.
func (*Tokenizer) Provides() doc.Layer { return doc.Sentences | doc.Tokens }

// MaxText is the longest text the tokenizer accepts: token offsets are int32.
const MaxText = math.MaxInt32

// Process implements doc.Stage: it fills d.Tokens and d.Sentences.
func (t *Tokenizer) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(d.Text) > MaxText {
		return fmt.Errorf("tokenize: text of %d bytes exceeds the limit of %d", len(d.Text), MaxText)
	}
	toks, sents := t.Segment(d.Text, make([]doc.Token, 0, len(d.Text)/5+1), nil)
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Tokens, d.Sentences = toks, sents
	return nil
}

// Segment tokenizes text and splits it into sentences, appending to toks
// and sents (nil, or reused buffers). Sentence.FirstToken and EndToken index
// the returned toks, and Token.Sent the returned sents.
func (t *Tokenizer) Segment(text string, toks []doc.Token, sents []doc.Sentence) ([]doc.Token, []doc.Sentence) {
	if len(text) > MaxText {
		text = text[:MaxText]
	}
	n := len(toks)
	toks = t.Tokenize(text, toks)
	m := len(sents)
	sents = t.Split(text, toks[n:], sents)
	if n > 0 {
		for k := m; k < len(sents); k++ {
			sents[k].FirstToken += n
			sents[k].EndToken += n
		}
	}
	return toks, sents
}
