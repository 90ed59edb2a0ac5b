package actor

import (
	"testing"

	"github.com/chronicle-news/chronicle/doc"
)

// TestFamilyNameFirst checks that a romanised East Asian name written with
// a hyphenated given name is linked from its first word, the family name.
func TestFamilyNameFirst(t *testing.T) {
	text := "Ban Ki-moon spoke in Seoul. Later Ban said the talks had failed."
	i, j := 0, len("Ban Ki-moon")
	k := len("Ban Ki-moon spoke in Seoul. Later ")
	d := process(t, text, "2016-09-20",
		doc.Entity{Type: "PER", Text: text[i:j], Start: i, End: j},
		doc.Entity{Type: "PER", Text: "Ban", Start: k, End: k + 3})
	full, short := actorByMention(d, "Ban Ki-moon"), actorByMention(d, "Ban said")
	if full == nil || short == nil || full.ID != short.ID {
		t.Errorf("family name not linked: %+v", d.Actors)
	}
	for _, tt := range []struct {
		name, w string
		want    bool
	}{
		{"Ban Ki-moon", "ban", true},
		{"Kim Jong-un", "kim", true},
		{"Hillary Rodham Clinton", "hillary", false},
		{"Jean-Claude Juncker", "jean-claude", false},
		{"Jean-Claude Juncker", "juncker", true},
	} {
		if got := lastWordIs(tt.name, tt.w); got != tt.want {
			t.Errorf("lastWordIs(%q, %q) = %v, want %v", tt.name, tt.w, got, tt.want)
		}
	}
}
