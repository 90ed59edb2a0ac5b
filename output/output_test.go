package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/doc"
)

func TestParseLayers(t *testing.T) {
	tests := []struct {
		in   string
		want Layers
		err  bool
	}{
		{"all", AllLayers, false},
		{"events,quotes", LayerEvents | LayerQuotes, false},
		{"all,-tokens", AllLayers &^ LayerTokens, false},
		{" Actors , TEXT ", LayerActors | LayerText, false},
		{"words", 0, true},
	}
	for _, tc := range tests {
		got, err := ParseLayers(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseLayers(%q) = %v, %v; want %v, err %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func sample() *doc.Document {
	d := &doc.Document{ID: "x", Text: "Ann met Bob.", Published: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}
	d.Actors = []doc.Actor{{ID: "A1", Name: "Ann", Code: "FRAGOV"}, {ID: "A2", Name: "Bob"}}
	d.Quotes = []doc.Quote{
		{ID: "q1", Text: "x", Speaker: &doc.Speaker{Text: "Ann", Actor: "A1"}},
		{ID: "q2", Text: "y"},
		{ID: "q3", Text: "z", Speaker: &doc.Speaker{Text: "she", Actor: "A1"}},
		{ID: "q4", Text: "w", Speaker: &doc.Speaker{Text: "officials", Anonymous: true}},
	}
	d.Events = []doc.Event{
		{ID: "e1", Type: "CONSULT", Status: doc.StatusPlanned, Source: []doc.Participant{{Actor: "A1", Text: "Ann"}}, Reported: &doc.Reported{}},
		{ID: "e2", Type: "CONSULT", Status: doc.StatusOccurred, Date: &doc.EventDate{Value: "2023-12-30"}, Source: []doc.Participant{{Actor: "A1"}}, Target: []doc.Participant{{Actor: "A2"}}, Reciprocal: true},
	}
	return d
}

func TestViewSlicesAndLayers(t *testing.T) {
	d := sample()
	var b bytes.Buffer
	if err := WriteJSONLine(&b, d, AllLayers&^LayerTokens); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := m["tokens"]; ok {
		t.Error("tokens present though not selected")
	}
	for _, k := range []string{"sentences", "entities", "timexes"} {
		if v, ok := m[k].([]any); !ok || len(v) != 0 {
			t.Errorf("%s = %v, want []", k, m[k])
		}
	}
	ev := m["events"].([]any)[0].(map[string]any)
	for _, k := range []string{"context", "target", "mentions"} {
		if v, ok := ev[k].([]any); !ok || v == nil {
			t.Errorf("event %s = %v, want []", k, ev[k])
		}
	}
	if m["published"] != "2024-01-02" {
		t.Errorf("published = %v", m["published"])
	}
	if d.Events[0].Target != nil {
		t.Error("View modified the document")
	}
}

func TestWriteTextGroupsQuotesAndOrdersTimeline(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, sample()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	qs := out[strings.Index(out, "Quotes ("):]
	ann := strings.Index(qs, "Ann [FRAGOV]")
	anon := strings.Index(qs, "officials (unnamed source)")
	none := strings.Index(qs, "(no speaker found)")
	if ann < 0 || anon < ann || none < anon {
		t.Errorf("quote groups wrong:\n%s", out)
	}
	if strings.Count(qs, "Ann [FRAGOV]") != 1 {
		t.Errorf("Ann's quotes not grouped:\n%s", out)
	}
	dated := strings.Index(out, "2023-12-30")
	undated := strings.Index(out, "(undated)")
	if dated < 0 || undated < dated {
		t.Errorf("dated events should come first:\n%s", out)
	}
	if !strings.Contains(out, "reported by: (no speaker found)") {
		t.Errorf("an event reported by nobody named should say so:\n%s", out)
	}
	if !strings.Contains(out, "Ann [FRAGOV] <-> Bob") {
		t.Errorf("reciprocal event not shown:\n%s", out)
	}
}
