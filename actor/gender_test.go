package actor

import (
	"testing"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/gazetteer"
)

func TestGender(t *testing.T) {
	text := "Mr. Trump and Mrs. Clinton met Ms. Warren, Lindsey Graham and Hillary Clinton."
	men := func(ss ...string) []doc.Mention {
		var ms []doc.Mention
		for _, s := range ss {
			i := indexOf(text, s)
			ms = append(ms, doc.Mention{Text: s, Start: i, End: i + len(s)})
		}
		return ms
	}
	d := &doc.Document{Text: text}
	for _, tc := range []struct {
		name string
		a    doc.Actor
		want gazetteer.Gender
	}{
		{"title before the mention", doc.Actor{Kind: "PER", Name: "Trump", Mentions: men("Trump")}, gazetteer.Male},
		{"title in the mention", doc.Actor{Kind: "PER", Name: "Elizabeth Warren", Mentions: men("Ms. Warren")}, gazetteer.Female},
		{"given name", doc.Actor{Kind: "PER", Name: "Hillary Clinton", Mentions: men("Hillary Clinton")}, gazetteer.Female},
		{"title wins over the name", doc.Actor{Kind: "PER", Name: "Lindsey Clinton", Mentions: men("Clinton")}, gazetteer.Female},
		{"ambiguous given name", doc.Actor{Kind: "PER", Name: "Lindsey Graham", Mentions: men("Lindsey Graham")}, gazetteer.UnknownGender},
		{"no person", doc.Actor{Kind: "ORG", Name: "Mr. Cool Inc.", Mentions: men("Trump")}, gazetteer.UnknownGender},
	} {
		if got := Gender(d, &tc.a); got != tc.want {
			t.Errorf("%s: Gender = %d, want %d", tc.name, got, tc.want)
		}
	}
	hillary := &doc.Actor{Kind: "PER", Name: "Hillary Clinton", Mentions: men("Hillary Clinton")}
	if PronounFits(d, "He", hillary) || !PronounFits(d, "she", hillary) || !PronounFits(d, "they", hillary) {
		t.Errorf("PronounFits wrong for %v", hillary.Name)
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestPronounGender(t *testing.T) {
	d := process(t, "James Hamilton, a lawyer, met Hillary Clinton on Monday. She praised the workers. Mr. Trump met Elizabeth Warren. He criticized her.", "2016-06-27")
	for _, tc := range []struct{ mention, want string }{
		{"She praised", "Hillary Clinton"},
		{"He criticized", "Trump"},
		{"her.", "Elizabeth Warren"},
	} {
		a, w := actorByMention(d, tc.mention), actorByMention(d, tc.want)
		if a == nil || w == nil || a.ID != w.ID {
			t.Errorf("%q: actor %+v, want %s (actors %+v)", tc.mention, a, tc.want, d.Actors)
		}
	}
}
