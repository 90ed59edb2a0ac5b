package actor

import (
	"context"
	"testing"

	"github.com/chronicle-news/chronicle/tag"
)

// TestHeadlineRuns checks that runs of capitalised words in title-case or
// all-caps headlines are not taken as names, while dictionary names in
// them and capitalised runs in running text still are. No entities are
// given: the runs are what the linker finds by itself.
func TestHeadlineRuns(t *testing.T) {
	tests := []struct {
		text   string
		absent []string // no actor may be named so
		found  []string // an actor must have a mention starting here
	}{
		{"ELEVEN POLICE KILLED, DOZENS WOUNDED IN CAR BOMB ATTACK.\n\nOfficials said more would follow.",
			[]string{"KILLED", "DOZENS WOUNDED IN CAR BOMB ATTACK"}, nil},
		{"Cuban Just Revealed Who He Would Pick Between Cruz And Trump.\n\nThe billionaire spoke in Austin.",
			[]string{"Just Revealed Who He Would Pick Between Cruz And Trump"}, nil},
		{"Yesterday the Harmon Valley Rowing Club met in Austin.",
			nil, []string{"Harmon Valley Rowing Club"}},
	}
	tg, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := process(t, tt.text, "2025-03-01")
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			l, err := New(Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := l.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			for _, a := range d.Actors {
				for _, n := range tt.absent {
					if a.Name == n {
						t.Errorf("headline words became actor %q", a.Name)
					}
				}
			}
			for _, f := range tt.found {
				if actorByMention(d, f) == nil {
					t.Errorf("no actor at %q: %+v", f, d.Actors)
				}
			}
		})
	}
}
