// Package event finds the events an article reports and codes them the way
// the political event data field does — CAMEO codes (with Goldstein score and
// quad class) and PLOVER 2.0 types, modes and contexts — and goes further:
// every event gets a factuality status (occurred, ongoing, planned, denied,
// negated, hypothetical, uncertain), whether it is reported by someone rather
// than asserted by the author, its own date and geocoded place, and the
// evidence (sentence and trigger) of every mention.
//
// Triggers come from a verb and noun dictionary in Chronicle's own format
// (data/verbs.txt documents it); PETRARCH CAMEO verb dictionaries load too
// (ParsePETRARCH). Roles come from the dependency parse: subjects and
// passive agents, objects and partner prepositions, coordination, compound
// and adjectival actors ("U.S. and Russian envoys"), light verbs ("held
// talks") and one level of control ("agreed to meet").
package event

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/chronicle-news/chronicle/doc"
)

//go:embed data/verbs.txt
var defaultDictText string

var (
	defaultOnce sync.Once
	defaultDict *Dict
	defaultErr  error
)

// DefaultDict returns the embedded dictionary, parsed once.
func DefaultDict() (*Dict, error) {
	defaultOnce.Do(func() {
		defaultDict, defaultErr = ParseDict(strings.NewReader(defaultDictText), "verbs.txt")
	})
	return defaultDict, defaultErr
}

// Options configure the stage.
type Options struct {
	// VerbDicts are extra dictionary files (Chronicle or PETRARCH CAMEO verb
	// format) whose rules take priority over the embedded defaults.
	VerbDicts []string
	// NoDefaults drops the embedded dictionary (only VerbDicts are used), as
	// when running PETRARCH's validation suite with its own dictionary.
	NoDefaults bool
	// Statements keeps CAMEO 01x (public statement) events, which have no
	// PLOVER type; by default they are dropped.
	Statements bool
	// Literal keeps the dictionary's codes as matched: no recoding of
	// planned cooperation as intent (03x), of announced hostile acts as
	// threats (13x) or of announced refusals as rejections (12x). PETRARCH
	// codes this way; its validation suite needs it.
	Literal bool
	// Agent, when set, tells whether a lowercase common noun names a kind
	// of person or organisation ("activists", "candidate"); a participant
	// that is a common noun naming no actor and no such kind is dropped
	// ("opened fire", "supply electronics"). The pipeline passes the actor
	// stage's (*actor.Linker).IsAgent.
	Agent func(word string) bool
}

// Coder is the pipeline stage. It is immutable after New and safe for
// concurrent use on different documents.
type Coder struct {
	dict       *Dict
	statements bool
	literal    bool
	agent      func(string) bool
	pool       sync.Pool // *work
}

// New returns the stage with its embedded defaults plus opts.
func New(opts Options) (*Coder, error) {
	var ds []*Dict
	for _, p := range opts.VerbDicts {
		d, err := LoadDictFile(p)
		if err != nil {
			return nil, fmt.Errorf("event: verb dictionary %s: %w", p, err)
		}
		ds = append(ds, d)
	}
	if !opts.NoDefaults {
		d, err := DefaultDict()
		if err != nil {
			return nil, fmt.Errorf("event: embedded dictionary: %w", err)
		}
		ds = append(ds, d)
	}
	if len(ds) == 0 {
		return nil, errors.New("event: no dictionary (NoDefaults without VerbDicts)")
	}
	dict := ds[0]
	if len(ds) > 1 {
		dict = Merge(ds...)
	}
	c := NewWithDict(dict, opts.Statements)
	c.literal = opts.Literal
	c.agent = opts.Agent
	return c, nil
}

// NewWithDict returns a stage that codes with dict only.
func NewWithDict(dict *Dict, statements bool) *Coder {
	c := &Coder{dict: dict, statements: statements}
	c.pool.New = func() any { return new(work) }
	return c
}

// Dict returns the stage's dictionary.
func (c *Coder) Dict() *Dict { return c.dict }

// Name implements doc.Stage.
func (*Coder) Name() string { return "event" }

// Requires implements doc.Stage.
func (*Coder) Requires() doc.Layer { return doc.Actors | doc.Timexes | doc.Quotes | doc.Deps }

// Provides implements doc.Stage.
func (*Coder) Provides() doc.Layer { return doc.Events }

// Process implements doc.Stage: it replaces d.Events with the coded events.
func (c *Coder) Process(ctx context.Context, d *doc.Document) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("event: internal error on %s: %v", d.Source, r)
		}
	}()
	w := c.pool.Get().(*work)
	defer c.pool.Put(w)
	if !validTree(d) {
		d.Events = nil
		return nil
	}
	w.reset(d)
	w.v.agent = c.agent
	w.v.exact = c.literal
	for s := range d.Sentences {
		if s%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		c.sentence(w, s)
	}
	d.Events = c.finish(w)
	return nil
}

// validTree checks the sentence and token invariants the coder relies on,
// so that bad input from an earlier stage yields no events instead of a
// panic. Bad heads are repaired by view.reset instead.
func validTree(d *doc.Document) bool {
	n := len(d.Tokens)
	for si, s := range d.Sentences {
		if s.FirstToken < 0 || s.EndToken > n || s.FirstToken > s.EndToken {
			return false
		}
		for i := s.FirstToken; i < s.EndToken; i++ {
			t := d.Tokens[i]
			if int(t.Sent) != si || t.Start < 0 || int(t.End) > len(d.Text) || t.Start > t.End {
				return false
			}
		}
	}
	return true
}
