package actor

import (
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/gazetteer"
)

// ConvertOptions control ConvertTABARI.
type ConvertOptions struct {
	// CapOpenPersonRoles, when not zero, ends every open-ended dated role of
	// a person (an entry whose first name word is a given name) on this day:
	// a dictionary current to 2014 cannot know who still holds an office.
	// After the cap the entry's undated role (often ELI) applies.
	CapOpenPersonRoles time.Time
}

// ConvertTABARI rewrites a dictionary loaded from PETRARCH/TABARI files into
// the shape of Chronicle's format: readable mixed-case names, duplicate names
// dropped, and (optionally) open-ended person roles capped.
func ConvertTABARI(d *Dictionary, opts ConvertOptions) *Dictionary {
	g := gazetteer.Default()
	out := &Dictionary{Name: d.Name}
	cap := int32(0)
	if !opts.CapOpenPersonRoles.IsZero() {
		cap = dayOf(opts.CapOpenPersonRoles)
	}
	for _, e := range d.Entries {
		ne := Entry{Kind: e.Kind}
		seen := map[string]bool{}
		for _, n := range e.Names {
			k := gazetteer.Fold(n)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			ne.Names = append(ne.Names, TitleCase(n))
		}
		if len(ne.Names) == 0 {
			continue
		}
		person := false
		if f := strings.Fields(ne.Names[0]); len(f) >= 2 && g.IsGivenName(f[0]) {
			person = true
		}
		for _, r := range e.Roles {
			if cap != 0 && person && r.Start != 0 && r.End == 0 && r.Start < cap {
				r.End = cap
			}
			ne.Roles = append(ne.Roles, r)
		}
		out.Entries = append(out.Entries, ne)
	}
	seenAgent := map[string]bool{}
	for _, a := range d.Agents {
		k := a.Code + "\x00" + gazetteer.Fold(a.Phrase)
		if seenAgent[k] || strings.TrimSpace(a.Phrase) == "" {
			continue
		}
		seenAgent[k] = true
		out.Agents = append(out.Agents, Agent{Phrase: strings.ToLower(a.Phrase), Code: a.Code})
	}
	out.build()
	return out
}

var lowerParticles = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "to": true, "de": true,
	"la": true, "du": true, "des": true, "del": true, "da": true, "van": true, "von": true, "bin": true, "al": true,
	"el": true, "ibn": true, "der": true, "den": true, "di": true, "y": true, "e": true, "at": true,
}

// TitleCase turns an upper-case dictionary name into a readable one:
// "VLADIMIR PUTIN" → "Vladimir Putin", "SECRETARY OF STATE" → "Secretary of
// State", keeping acronyms ("U.S.", "UN", "NATO") in upper case.
func TitleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && lowerParticles[lw]:
			ws[i] = lw
		case strings.Contains(w, ".") || (len(w) <= 4 && !strings.ContainsAny(lw, "aeiouy")) || isKnownAcronym(w):
			ws[i] = strings.ToUpper(w)
		default:
			ws[i] = capWord(lw)
		}
	}
	return strings.Join(ws, " ")
}

var acronyms = map[string]bool{"UN": true, "NATO": true, "EU": true, "US": true, "USA": true, "UK": true, "IMF": true,
	"WHO": true, "OPEC": true, "IAEA": true, "UNICEF": true, "ASEAN": true, "AU": true, "OSCE": true, "OAS": true}

func isKnownAcronym(w string) bool { return acronyms[strings.ToUpper(w)] }

// capWord capitalises the first letter and every letter after a hyphen or
// apostrophe: "al-qaeda" → "Al-Qaeda", "o'neill" → "O'Neill".
func capWord(w string) string {
	b := []rune(w)
	up := true
	for i, r := range b {
		if up && r >= 'a' && r <= 'z' {
			b[i] = r - 'a' + 'A'
		}
		up = r == '-' || r == '\''
	}
	return string(b)
}
