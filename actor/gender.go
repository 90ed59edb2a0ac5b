package actor

import (
	"strings"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/gazetteer"
)

// Gender returns the gender the text of d or the name tells of person a: a
// courtesy title in or right before a mention ("Mr. Trump", "Mrs. Clinton",
// "Ms. Warren") first, else the first given name of its name
// (gazetteer.NameGender). Anything else, titles that disagree, and actors
// that are no person are gazetteer.UnknownGender.
func Gender(d *doc.Document, a *doc.Actor) gazetteer.Gender {
	if a == nil {
		return gazetteer.UnknownGender
	}
	return genderOf(d.Text, a.Kind, a.Name, a.Mentions)
}

// genderOf is Gender for a person's kind, name and mentions in text.
func genderOf(text, kind, name string, mentions []doc.Mention) gazetteer.Gender {
	if kind != "PER" {
		return gazetteer.UnknownGender
	}
	var byTitle gazetteer.Gender
	for _, m := range mentions {
		if m.Kind == doc.MentionPlural {
			continue // "the two men" tells nothing of one of them
		}
		g := titleGender(m.Text)
		if g == gazetteer.UnknownGender && m.Start <= len(text) {
			g = titleGender(lastWord(text[max(0, m.Start-7):m.Start]))
		}
		if g == gazetteer.UnknownGender {
			continue
		}
		if byTitle != gazetteer.UnknownGender && byTitle != g {
			return gazetteer.UnknownGender
		}
		byTitle = g
	}
	if byTitle != gazetteer.UnknownGender {
		return byTitle
	}
	first, _, _ := strings.Cut(name, " ")
	if strings.HasSuffix(first, ".") || first == name {
		return gazetteer.UnknownGender // an initial, or a surname alone
	}
	return gazetteer.Default().NameGender(first)
}

// lastWord returns the last space-separated word of s ("Mr." of "said Mr. ").
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// titleGender reads a courtesy title at the start of s.
func titleGender(s string) gazetteer.Gender {
	w, _, _ := strings.Cut(s, " ")
	switch strings.TrimSuffix(w, ".") {
	case "Mr", "Sir", "Lord":
		return gazetteer.Male
	case "Mrs", "Ms", "Miss", "Madam", "Dame", "Lady":
		return gazetteer.Female
	}
	return gazetteer.UnknownGender
}

// pronounGenders are the genders of the personal pronouns.
var pronounGenders = map[string]gazetteer.Gender{
	"he": gazetteer.Male, "him": gazetteer.Male, "his": gazetteer.Male,
	"she": gazetteer.Female, "her": gazetteer.Female, "hers": gazetteer.Female,
}

// PronounFits reports whether a personal pronoun ("he", "Her") in d may refer
// to person a: false only when both genders are known and differ.
func PronounFits(d *doc.Document, pronoun string, a *doc.Actor) bool {
	return gendersFit(pronounGenders[strings.ToLower(pronoun)], Gender(d, a))
}

// gendersFit reports whether two genders may be the same person's.
func gendersFit(a, b gazetteer.Gender) bool {
	return a == gazetteer.UnknownGender || b == gazetteer.UnknownGender || a == b
}
