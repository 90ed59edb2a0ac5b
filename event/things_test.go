package event

import "testing"

func TestThingNoun(t *testing.T) {
	for _, tc := range []struct {
		lemma string
		want  bool
	}{
		{"legislation", true}, {"agreement", true}, {"willingness", true}, {"clarity", true},
		{"shooting", true}, {"transparency", true}, {"tariff", true}, {"deal", true}, {"Loophole", true},
		// nominalisations that name groups, and people
		{"administration", false}, {"opposition", false}, {"government", false}, {"alliance", false},
		{"witness", false}, {"celebrity", false}, {"agency", false}, {"figure", false},
		// nouns it does not know are possible actors
		{"voter", false}, {"crowd", false}, {"campaign", false}, {"king", false}, {"farmer", false},
		// nouns of bodies that act ("the governor's office said")
		{"office", false}, {"fund", false}, {"network", false}, {"state", false},
	} {
		if got := thingNoun(tc.lemma); got != tc.want {
			t.Errorf("thingNoun(%q) = %v, want %v", tc.lemma, got, tc.want)
		}
	}
}
