package quote

import (
	"strings"

	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/doc"
)

// mentionActor returns the actor one of whose mentions covers the
// speaker's head token, else the one with the largest overlap with the
// speaker span (actor.At), else the actor of an entity covering the head.
func mentionActor(d *doc.Document, sp, head doc.Span) string {
	if id := actor.At(d, head); id != "" {
		return id
	}
	if id := actor.At(d, sp); id != "" {
		return id
	}
	for _, e := range d.Entities {
		if e.Actor != "" && e.Span().Overlaps(head) {
			return e.Actor
		}
	}
	return ""
}

// nearestActor returns the actor with the latest mention ending before off
// whose kind is accepted by ok, and whose role contains role (when role is
// not ""). It looks back at most limit bytes.
func nearestActor(d *doc.Document, off, limit int, role string, ok func(a *doc.Actor) bool) string {
	best, bestEnd := "", -1
	for i := range d.Actors {
		a := &d.Actors[i]
		if !ok(a) {
			continue
		}
		if role != "" && !hasRole(a, role) {
			continue
		}
		for _, m := range a.Mentions {
			if m.End <= off && m.End > bestEnd && off-m.End <= limit {
				best, bestEnd = a.ID, m.End
			}
		}
	}
	return best
}

// titleAbbrevs are the abbreviated titles that an actor's role may carry
// for a description's noun ("Sen." for "the senator").
var titleAbbrevs = map[string][]string{
	"senator": {"sen."}, "governor": {"gov."}, "representative": {"rep."}, "congressman": {"rep."},
	"congresswoman": {"rep."}, "general": {"gen."}, "president": {"pres."}, "secretary": {"sec."},
	"ambassador": {"amb."}, "attorney": {"atty."},
}

// hasRole reports whether actor a's role or name contains the title role,
// written out or abbreviated.
func hasRole(a *doc.Actor, role string) bool {
	rn := strings.ToLower(a.Role + " " + a.Name)
	if strings.Contains(rn, role) {
		return true
	}
	for _, ab := range titleAbbrevs[role] {
		if strings.Contains(rn, ab) {
			return true
		}
	}
	return false
}

func isPerson(a *doc.Actor) bool { return a.Kind == "PER" }
func isGroup(a *doc.Actor) bool  { return a.Kind == "ORG" || a.Kind == "GRP" || a.Kind == "LOC" }

// actorFor links a speaker phrase to an actor: through the actor layer's
// mentions, else — for a pronoun or a description the actor stage left
// unlinked — to the nearest compatible earlier actor, preferring the last
// speaker for descriptions such as "the official".
func (v *view) actorFor(sp doc.Span, head int, prev []cand) string {
	return v.actorForDepth(sp, head, prev, 0)
}

// actorForDepth is actorFor; depth counts relative pronouns followed.
func (v *view) actorForDepth(sp doc.Span, head int, prev []cand, depth int) string {
	d := v.d
	if len(d.Actors) == 0 {
		return ""
	}
	// A possessor before the head is not the speaker ("Hillary Clinton’s
	// campaign manager" is not Clinton).
	for j := v.firstTokenAt(sp.Start); j >= 0 && j < head; j++ {
		if v.toks[j].XPOS == "POS" {
			sp.Start = int(v.toks[j].End)
		}
	}
	if id := mentionActor(d, sp, v.toks[head].Span()); id != "" {
		return id
	}
	h := strings.ToLower(v.form(head))
	switch h {
	case "who", "whom", "that", "which":
		if depth > 0 {
			return ""
		}
		return v.antecedentActor(head, prev, depth)
	case "he", "she", "him", "her", "his":
		// The last speaker if recent, else the nearest person; a person
		// whose gender the text or name tells must fit the pronoun ("his"
		// owns a noun cue: "his comment that …").
		fits := func(a *doc.Actor) bool { return a.Kind == "PER" && actor.PronounFits(d, h, a) }
		if id := lastSpeaker(d, prev, sp.Start, 1500, fits); id != "" {
			if near := nearestActor(d, sp.Start, 1500, "", fits); near == id || near == "" || v.sentenceHasNoOtherPerson(sp.Start, id, fits) {
				return id
			}
		}
		return nearestActor(d, sp.Start, 3000, "", fits)
	case "they", "their":
		return nearestActor(d, sp.Start, 1500, "", isGroup)
	}
	if !personNouns[h] {
		return ""
	}
	det := strings.ToLower(v.text[sp.Start:min(sp.End, sp.Start+5)])
	if !strings.HasPrefix(det, "the ") && !strings.HasPrefix(det, "this ") && !strings.HasPrefix(det, "that ") {
		return ""
	}
	if id := nearestActor(d, sp.Start, 5000, h, isPerson); id != "" {
		return id
	}
	if id := lastSpeaker(d, prev, sp.Start, 3000, isPerson); id != "" {
		return id
	}
	return ""
}

// sentenceHasNoOtherPerson reports whether no person other than id that ok
// accepts is mentioned between the start of off's sentence and off.
func (v *view) sentenceHasNoOtherPerson(off int, id string, ok func(a *doc.Actor) bool) bool {
	start := 0
	if s := v.d.SentenceAt(off); s >= 0 {
		start = v.d.Sentences[s].Start
	}
	for i := range v.d.Actors {
		a := &v.d.Actors[i]
		if a.ID == id || !ok(a) {
			continue
		}
		for _, m := range a.Mentions {
			if m.Start >= start && m.End <= off {
				return false
			}
		}
	}
	return true
}

// lastSpeaker returns the actor of the latest earlier quote whose speaker
// ends before off (within limit bytes) and whose kind is accepted.
func lastSpeaker(d *doc.Document, prev []cand, off, limit int, ok func(a *doc.Actor) bool) string {
	for i := len(prev) - 1; i >= 0; i-- {
		c := &prev[i]
		if c.spk == nil || c.spk.Actor == "" || c.spk.End > off || off-c.spk.End > limit {
			continue
		}
		if a := d.Actor(c.spk.Actor); a != nil && ok(a) {
			return a.ID
		}
	}
	return ""
}

// antecedentActor links a relative pronoun speaker ("Trump, who said …",
// "the agency, which reported …") to the actor of the noun its relative
// clause modifies: the pronoun's clause is an acl:relcl of that noun.
// depth bounds the recursion through a description antecedent.
func (v *view) antecedentActor(pron int, prev []cand, depth int) string {
	// "Rubio, who supported …": the name right before the pronoun (after
	// an optional comma) is the antecedent whatever the parse says.
	if k := pron - 1; k >= 0 {
		if v.form(k) == "," {
			k--
		}
		if k >= 0 && v.toks[k].Sent == v.toks[pron].Sent {
			sp := v.toks[k].Span()
			if id := mentionActor(v.d, sp, sp); id != "" {
				return id
			}
		}
	}
	t := v.toks[pron]
	if t.Head < 0 || int(t.Head) >= len(v.toks) {
		return ""
	}
	clause := v.toks[t.Head]
	if !strings.HasPrefix(clause.Dep, "acl") || clause.Head < 0 || int(clause.Head) >= len(v.toks) {
		return ""
	}
	ant := int(clause.Head)
	sp := v.toks[ant].Span()
	if id := mentionActor(v.d, sp, sp); id != "" {
		return id
	}
	if depth > 0 {
		return ""
	}
	// a pronoun or a description ("the president, who …"): resolve it as a
	// speaker of its own
	return v.actorForDepth(sp, ant, prev, depth+1)
}
