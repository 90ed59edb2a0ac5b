// Package schema embeds the JSON Schema of Chronicle's JSON output
// (docs/schema.md describes it) and validates documents against it.
package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// JSON is the schema itself (JSON Schema draft 2020-12).
//
//go:embed chronicle.schema.json
var JSON []byte

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("chronicle.schema.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("chronicle.schema.json")
})

// Validate checks one JSON document (the output of "chronicle extract
// --format json" for one article, or one line of jsonl) against the schema.
func Validate(data []byte) error {
	s, err := compiled()
	if err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	if err := s.Validate(v); err != nil {
		return err
	}
	return checkOffsets(data)
}

// checkOffsets verifies what JSON Schema cannot: every span lies within the
// text, start ≤ end, and each text field equals the text it spans.
func checkOffsets(data []byte) error {
	var d struct {
		Text      *string `json:"text"`
		Sentences []span  `json:"sentences"`
		Tokens    []span  `json:"tokens"`
		Entities  []span  `json:"entities"`
		Timexes   []span  `json:"timexes"`
		Quotes    []struct {
			span
			Cue     *span `json:"cue"`
			Speaker *span `json:"speaker"`
		} `json:"quotes"`
		Actors []struct {
			Mentions []span `json:"mentions"`
		} `json:"actors"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return err
	}
	if d.Text == nil {
		return nil
	}
	text := *d.Text
	check := func(layer string, i int, s span) error {
		if s.Start < 0 || s.End < s.Start || s.End > len(text) {
			return fmt.Errorf("%s[%d]: span [%d,%d) outside text of %d bytes", layer, i, s.Start, s.End, len(text))
		}
		if s.Text != nil && *s.Text != text[s.Start:s.End] {
			return fmt.Errorf("%s[%d]: text %q does not match span [%d,%d) %q", layer, i, *s.Text, s.Start, s.End, text[s.Start:s.End])
		}
		return nil
	}
	for name, layer := range map[string][]span{"sentences": d.Sentences, "tokens": d.Tokens, "entities": d.Entities, "timexes": d.Timexes} {
		for i, s := range layer {
			if err := check(name, i, s); err != nil {
				return err
			}
		}
	}
	for i, q := range d.Quotes {
		for _, s := range []*span{&q.span, q.Cue, q.Speaker} {
			if s == nil {
				continue
			}
			if err := check("quotes", i, *s); err != nil {
				return err
			}
		}
	}
	for i, a := range d.Actors {
		for _, m := range a.Mentions {
			if err := check("actors.mentions", i, m); err != nil {
				return err
			}
		}
	}
	return nil
}

type span struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Text  *string `json:"text"`
}
