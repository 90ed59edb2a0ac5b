// Package actor links the mentions of a document into actors and codes each
// the CAMEO way: an ISO 3166 alpha-3 country plus a sector (GOV, MIL, MED,
// …), valid on the article's date.
//
// Knowledge comes from, in order of precedence: titles and appositions in
// the text ("Secretary of State Marco Rubio", "Catherine Herridge, a
// journalist"), actor dictionaries with date-ranged roles (user dictionaries
// given in Options.Dicts, then the embedded curated dictionary of current
// office holders, then the converted Phoenix dictionaries), and demonyms
// and country names from package gazetteer. Dictionaries are read in
// Chronicle's format or the PETRARCH/TABARI format (see LoadDictionary).
package actor

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/gazetteer"
)

//go:generate go run ./internal/convert -petrarch ../../shared/data/petrarch/dictionaries -out data

//go:embed data/curated.txt
var curatedTxt []byte

//go:embed data/agents.txt
var agentsTxt []byte

//go:embed data/phoenix.actors.txt.gz
var phoenixActorsGz []byte

//go:embed data/phoenix.agents.txt
var phoenixAgentsTxt []byte

// Linker is the pipeline stage. It is safe for concurrent use.
type Linker struct {
	actors []*Dictionary // consulted in order: user, curated, Phoenix
	agents []*Dictionary
	g      *gazetteer.Gazetteer
	now    func() time.Time
	// compose: PETRARCH code composition (Options.Compose)
	compose bool
	// anonymous: agents with no actor are coded "---" + agent (Options.Anonymous)
	anonymous bool
	// user is the number of user dictionaries at the front of actors
	user int
	// phoenixActors and phoenixAgents index the converted Phoenix
	// dictionaries in actors and agents (-1 without the defaults)
	phoenixActors, phoenixAgents int
}

// Options configure the stage.
type Options struct {
	// Dicts are extra dictionary files (Chronicle or PETRARCH/TABARI format)
	// consulted before the embedded defaults.
	Dicts []string
	// Now gives the date used for documents without a publication date;
	// nil means time.Now.
	Now func() time.Time
	// Compose codes agent phrases the PETRARCH way: the full agent code
	// ("~GOVFRM") is appended to the code of the actor that modifies the
	// agent unless that code already contains it ("Arnor's foreign minister"
	// → ARNGOVFRM, "White House officials" → USAGOV), and "former" makes the
	// agent ELI. Without it an agent gives only its primary sector.
	Compose bool
	// Anonymous keeps an agent phrase that belongs to no actor and no
	// country of the story ("a senior official said") as an actor coded
	// the PETRARCH way: "---" followed by the agent code ("---GOV"). Used
	// with PETRARCH's require_dyad=false; without it such phrases name
	// nobody.
	Anonymous bool
	// NoDefaults leaves the embedded dictionaries out: only Dicts (and the
	// gazetteer's countries) code actors, as PETRARCH does with the
	// dictionaries it is given.
	NoDefaults bool
}

type defaults struct {
	actors []*Dictionary
	agents []*Dictionary
}

var (
	defOnce sync.Once
	defVal  defaults
	defErr  error
)

// Defaults returns the embedded dictionaries, parsed once: the actor
// dictionaries (curated, then converted Phoenix) and the agent dictionaries.
func Defaults() (actors, agents []*Dictionary, err error) {
	defOnce.Do(func() {
		var cur, ag, pa, pg *Dictionary
		if cur, defErr = LoadDictionary(bytes.NewReader(curatedTxt), "curated.txt"); defErr != nil {
			return
		}
		if ag, defErr = LoadDictionary(bytes.NewReader(agentsTxt), "agents.txt"); defErr != nil {
			return
		}
		zr, err := gzip.NewReader(bytes.NewReader(phoenixActorsGz))
		if err != nil {
			defErr = fmt.Errorf("phoenix.actors.txt.gz: %w", err)
			return
		}
		if pa, defErr = LoadDictionary(zr, "phoenix.actors.txt"); defErr != nil {
			return
		}
		if pg, defErr = LoadDictionary(bytes.NewReader(phoenixAgentsTxt), "phoenix.agents.txt"); defErr != nil {
			return
		}
		defVal = defaults{actors: []*Dictionary{cur, pa}, agents: []*Dictionary{ag, pg}}
	})
	return defVal.actors, defVal.agents, defErr
}

// New returns the stage with its embedded defaults plus opts.
func New(opts Options) (*Linker, error) {
	da, dg, err := Defaults()
	if err != nil {
		return nil, fmt.Errorf("actor: embedded dictionaries: %w", err)
	}
	l := &Linker{g: gazetteer.Default(), now: opts.Now, compose: opts.Compose, anonymous: opts.Anonymous}
	if l.now == nil {
		l.now = time.Now
	}
	for _, p := range opts.Dicts {
		d, err := loadFile(p)
		if err != nil {
			return nil, fmt.Errorf("actor: %w", err)
		}
		if len(d.Entries) > 0 {
			l.actors = append(l.actors, d)
			l.user++
		}
		if len(d.Agents) > 0 {
			l.agents = append(l.agents, d)
		}
	}
	l.phoenixActors, l.phoenixAgents = -1, -1
	if !opts.NoDefaults {
		l.actors = append(l.actors, da...)
		l.agents = append(l.agents, dg...)
		l.phoenixActors, l.phoenixAgents = len(l.actors)-1, len(l.agents)-1
	}
	return l, nil
}

func loadFile(path string) (*Dictionary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	return LoadDictionary(r, path)
}

// Name implements doc.Stage.
func (*Linker) Name() string { return "actor" }

// Requires implements doc.Stage. Tags and dependencies are used when
// present; the stage degrades to surface cues without them.
func (*Linker) Requires() doc.Layer { return doc.Entities | doc.Deps }

// Provides implements doc.Stage.
func (*Linker) Provides() doc.Layer { return doc.Actors }

// Process implements doc.Stage: it fills d.Actors and sets Entity.Actor.
func (l *Linker) Process(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	date := d.Published
	if date.IsZero() {
		date = l.now()
	}
	lk := newLinking(l, d, date)
	if err := lk.run(ctx); err != nil {
		return err
	}
	d.Actors = lk.actors()
	for i := range d.Entities {
		d.Entities[i].Actor = At(d, d.Entities[i].Span())
	}
	return nil
}

// IsAgent reports whether the lowercase word w is, by itself, an agent
// noun of the stage's dictionaries ("candidate", "activists", "militants",
// "investigators"): a kind of person or organisation, not a thing.
func (l *Linker) IsAgent(w string) bool {
	words := [1]string{w}
	for _, d := range l.agents {
		if m, ok := d.MatchAt(words[:], 0); ok && m.Agent != nil && m.End == 1 {
			return true
		}
	}
	return false
}

// At returns the ID of the actor whose mention best covers span s in d (the
// largest overlap, then the tightest mention), or "" when no mention
// overlaps s. Plural mentions ("the two leaders") name no one actor and
// are not considered.
func At(d *doc.Document, s doc.Span) string {
	best, bestOv, bestLen := "", 0, 0
	for i := range d.Actors {
		a := &d.Actors[i]
		for _, m := range a.Mentions {
			if m.Kind == doc.MentionPlural {
				continue // "the two leaders" is none of them alone
			}
			lo, hi := max(m.Start, s.Start), min(m.End, s.End)
			ov := hi - lo
			if ov <= 0 {
				continue
			}
			ml := m.End - m.Start
			if ov > bestOv || (ov == bestOv && ml < bestLen) {
				best, bestOv, bestLen = a.ID, ov, ml
			}
		}
	}
	return best
}
