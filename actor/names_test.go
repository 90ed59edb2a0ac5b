package actor

import (
	"strings"
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

// TestRegionReading checks that a country name that is also a region of
// another country is read as that region when the document's other places
// are in that country, and as the country otherwise.
func TestRegionReading(t *testing.T) {
	ents := func(text string, names ...string) []doc.Entity {
		var out []doc.Entity
		for _, n := range names {
			typ, name, _ := strings.Cut(n, ":")
			i := strings.Index(text, name)
			out = append(out, doc.Entity{Type: typ, Text: name, Start: i, End: i + len(name)})
		}
		return out
	}
	tests := []struct {
		text   string
		ents   []string
		person string
		want   string
	}{
		{"Georgia businessman Bruce LeVell flew from New York to Macon and on to Atlanta.",
			[]string{"LOC:Georgia", "PER:Bruce LeVell", "LOC:New York", "LOC:Macon", "LOC:Atlanta"}, "Bruce LeVell", "USABUS"},
		{"Georgia businessman Levan Beridze flew from Tbilisi to Batumi.",
			[]string{"LOC:Georgia", "PER:Levan Beridze", "LOC:Tbilisi", "LOC:Batumi"}, "Levan Beridze", "GEOBUS"},
	}
	for _, tt := range tests {
		d := process(t, tt.text, "2016-04-17", ents(tt.text, tt.ents...)...)
		if a := actorByMention(d, tt.person); a == nil || a.Code != tt.want {
			t.Errorf("%q: got %+v, want code %s", tt.text, a, tt.want)
		}
	}
}

// TestSurnameThatIsATitle checks that a person's surname that is also a
// title ("King") links to that person when no name follows it, and stays a
// title before a name ("King Abdullah").
func TestSurnameThatIsATitle(t *testing.T) {
	text := "Rep. Steve King spoke. Mr. King said the wall would be built. King Abdullah agreed."
	at := func(s string) int { return strings.Index(text, s) }
	d := process(t, text, "2016-09-20",
		doc.Entity{Type: "PER", Text: "Steve King", Start: at("Steve King"), End: at("Steve King") + len("Steve King")},
		doc.Entity{Type: "PER", Text: "King", Start: at("King said"), End: at("King said") + 4},
		doc.Entity{Type: "PER", Text: "King Abdullah", Start: at("King Abdullah"), End: at("King Abdullah") + len("King Abdullah")})
	full, short := actorByMention(d, "Steve King"), actorByMention(d, "King said")
	if full == nil || short == nil || full.ID != short.ID {
		t.Errorf("surname not linked: %+v", d.Actors)
	}
	if k := actorByMention(d, "King Abdullah"); k == nil || k.ID == full.ID {
		t.Errorf("King Abdullah linked to %+v", k)
	}
}
