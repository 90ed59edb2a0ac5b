package actor_test

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
)

// TestPluralDescriptions runs the whole pipeline and checks which actors a
// plural description ("the two leaders", "both countries") is linked to.
func TestPluralDescriptions(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, phrase string
		want         []string // actor names, sorted; nil: the phrase stays unlinked
	}{
		{"The meeting between German Chancellor Olaf Scholz and French President Emmanuel Macron lasted two hours. Afterwards the two leaders spoke to reporters.",
			"the two leaders", []string{"Emmanuel Macron", "Olaf Scholz"}},
		{"Brazil and Argentina signed a trade deal on Monday. Both countries will cut tariffs on steel.",
			"Both countries", []string{"Argentina", "Brazil"}},
		{"Tensions over Chile–Peru fishing rights have grown, and talks between the two countries stalled.",
			"the two countries", []string{"Chile", "Peru"}},
		{"When Governor Anna Berg ran against Senator Tom Hale in 2010, both candidates promised lower taxes.",
			"both candidates", []string{"Anna Berg", "Tom Hale"}},
		{"Sen. Ted Cruz and Sen. Marco Rubio spoke in Iowa on Sunday. The two senators disagreed on immigration.",
			"The two senators", []string{"Marco Rubio", "Ted Cruz"}},
		// a title the members do not carry
		{"Sen. Ted Cruz and Sen. Marco Rubio spoke in Iowa on Sunday. The two governors disagreed on immigration.",
			"The two governors", nil},
		// three people are not "the two"
		{"Ann Lee, Bo Chan and Cy Dee entered the race on Friday. The two candidates debated on Monday.",
			"The two candidates", nil},
		// one of them, not both
		{"German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris. One of the two leaders left early.",
			"the two leaders", nil},
		// places, not the countries
		{"Mexico and the United States agreed on new rules. Traders on both sides of the border welcomed them.",
			"both sides", nil},
		// people are no countries
		{"Vladimir Putin and Xi Jinping met on Monday. The two countries signed a gas deal.",
			"The two countries", nil},
		// a subject "they" after a coordinated subject
		{"Former Gov. Martin O'Malley and former Gov. Mike Huckabee announced they will suspend their campaigns.",
			"they", []string{"Martin O'Malley", "Mike Huckabee"}},
		// "both" standing alone
		{"Russia and Ukraine met in Istanbul. Both agreed to a prisoner exchange.",
			"Both", []string{"Russia", "Ukraine"}},
		// not after an object, nor past a plural noun of nobody
		{"Japanese Prime Minister Shinzo Abe met Park Geun-hye and Xi Jinping in Seoul. They are rivals on many issues.",
			"They", nil},
		{"Hillary Clinton and Bernie Sanders spoke in Ohio, and people are scared. They want safe streets.",
			"They", nil},
	}
	for _, tt := range tests {
		d, err := p.Extract(context.Background(), doc.Article{Text: tt.text, Published: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		k := strings.Index(tt.text, tt.phrase)
		var got []string
		for _, a := range d.Actors {
			for _, m := range a.Mentions {
				if m.Kind == doc.MentionPlural && m.Start == k && m.End == k+len(tt.phrase) {
					got = append(got, a.Name)
				}
			}
		}
		sort.Strings(got)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: %q names %q, want %q", tt.text, tt.phrase, got, tt.want)
		}
	}
}

// TestHyphenPairs checks that two names joined by a hyphen or dash are two
// actors, and that nationality words so joined stay one description.
func TestHyphenPairs(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string // actor names, sorted
	}{
		{"Tensions rose over India-Pakistan border clashes.", []string{"India", "Pakistan"}},
		{"The Israel–Hamas war entered its second year.", []string{"Hamas", "Israel"}},
		{"An Iranian-American businessman was arrested.", []string{"Iranian-American businessman"}},
	}
	for _, tt := range tests {
		d, err := p.Extract(context.Background(), doc.Article{Text: tt.text, Published: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range d.Actors {
			if a.Kind != "GRP" {
				got = append(got, a.Name)
			}
		}
		sort.Strings(got)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: actors %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestTitleDescriptions checks that "the president" refers back to the
// person last named with that title, whatever country its sentence names.
func TestTitleDescriptions(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, phrase, want string // want: the actor's name, "" for none
	}{
		{"Rep. Adam Schiff called on President Barack Obama to retaliate. This week, the president declined to threaten Moscow.",
			"the president", "Barack Obama"},
		{"Vice President Joe Biden met Russian President Vladimir Putin on Monday. The president said the talks were useful.",
			"The president", "Vladimir Putin"},
		// a lesser office is not the office
		{"Deputy Foreign Minister Sergei Ryabkov spoke on Monday. The foreign minister was in Ankara.",
			"The foreign minister", ""},
		// an apposition names its own person
		{"Union leader Richard Sabato, the president of a trades council, spoke. John Bulgaro, the president of a local, agreed.",
			"the president of a local", ""},
	}
	for _, tt := range tests {
		d, err := p.Extract(context.Background(), doc.Article{Text: tt.text, Published: time.Date(2016, 9, 8, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		k := strings.Index(tt.text, tt.phrase)
		got := ""
		for _, a := range d.Actors {
			for _, m := range a.Mentions {
				if m.Start == k && a.Kind == "PER" && strings.Contains(a.Name, " ") {
					got = a.Name
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q: %q is %q, want %q", tt.text, tt.phrase, got, tt.want)
		}
	}
}

// TestTitleAcrossComma checks that a country before a comma is not the
// country of the title after it, unless the sentence opens with "In" and
// that country.
func TestTitleAcrossComma(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, name, code string }{
		{"But unlike in Cuba or Iran, President Barack Obama's decision received support from Republican leaders.", "Barack Obama", "USAGOV"},
		{"In Italy, Prime Minister Matteo Renzi is rallying a coalition against the 5-Star Movement.", "Matteo Renzi", "ITAGOV"},
	}
	for _, tt := range tests {
		d, err := p.Extract(context.Background(), doc.Article{Text: tt.text, Published: time.Date(2016, 9, 16, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, a := range d.Actors {
			if a.Name == tt.name {
				got = a.Code
			}
		}
		if got != tt.code {
			t.Errorf("%q: %s coded %q, want %q", tt.text, tt.name, got, tt.code)
		}
	}
}
