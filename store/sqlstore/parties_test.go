package sqlstore

import (
	"reflect"
	"testing"

	"github.com/chronicle-news/chronicle/store"
)

func TestParseParties(t *testing.T) {
	for _, c := range []struct {
		in       string
		src, tgt []store.Party
	}{
		{"", nil, nil},
		{"0\t7\tKyiv government\tUKRGOV", []store.Party{{ActorID: 7, Name: "Kyiv government", Code: "UKRGOV"}}, nil},
		{"0\t1\tA\tX\n1\t2\tB\t\n", []store.Party{{ActorID: 1, Name: "A", Code: "X"}}, []store.Party{{ActorID: 2, Name: "B"}}},
		{"0\t1\tA\n1\t2\tB\tY\textra\n1\t3\tC\tZ", nil, []store.Party{{ActorID: 3, Name: "C", Code: "Z"}}},
		{"\n\n", nil, nil},
	} {
		var e store.Event
		parseParties(c.in, &e)
		if !reflect.DeepEqual(e.Source, c.src) || !reflect.DeepEqual(e.Target, c.tgt) {
			t.Errorf("parseParties(%q) = %+v > %+v, want %+v > %+v", c.in, e.Source, e.Target, c.src, c.tgt)
		}
	}
}
