package quote_test

import (
	"context"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
)

// TestRelativePronounSpeaker checks that "who", "which" and "that" as
// speakers are linked to the actor of the noun they refer to.
func TestRelativePronounSpeaker(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, speaker, actor string
	}{
		{"Senator Marco Rubio, who said the talks would resume next week, left Riyadh on Monday.", "who", "Marco Rubio"},
		{"The report was welcomed by Ursula von der Leyen, who said Europe would respond.", "who", "Ursula von der Leyen"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, err := p.Extract(context.Background(), doc.Article{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range d.Quotes {
				if q.Speaker == nil || q.Speaker.Text != tt.speaker {
					continue
				}
				a := d.Actor(q.Speaker.Actor)
				if a == nil || a.Name != tt.actor {
					t.Fatalf("speaker %q linked to %+v, want %s", q.Speaker.Text, a, tt.actor)
				}
				return
			}
			t.Fatalf("no quote with speaker %q: %+v", tt.speaker, d.Quotes)
		})
	}
}
