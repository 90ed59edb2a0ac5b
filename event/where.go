package event

import (
	"strconv"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/gazetteer"
)

// ---- date ----

// dateOf finds the event's date: a time expression in the trigger's own
// clause (or noun phrase), a time expression that a relative clause
// containing the trigger modifies ("June 2021, when Putin met …"), or one
// in a governing clause (xcomp, advcl, conj, acl), nearest first.
func (c *Coder) dateOf(w *work, cd *cand) *doc.EventDate {
	v := &w.v
	// the trigger inside a relative/adverbial clause of a time expression
	if h := v.head(cd.trig); h >= 0 && v.timex[h] >= 0 {
		switch v.dep(cd.trig) {
		case "acl", "advcl":
			if ed := v.eventDate(int(v.timex[h])); ed != nil {
				return ed
			}
		}
	}
	// "… since June 2021, when Putin met …": a when-clause right after a
	// time expression
	if w := v.child(cd.trig, "advmod"); w >= 0 && v.lemma[w] == "when" {
		sn := v.d.Sentences[cd.sent]
		for j := w - 1; j >= sn.FirstToken; j-- {
			if v.d.Tokens[j].UPOS == doc.PUNCT {
				continue
			}
			if ti := v.timex[j]; ti >= 0 {
				x := &v.d.Timexes[ti]
				if x.Type == "DATE" && len(x.Value) >= 4 && x.Value[0] >= '0' && x.Value[0] <= '9' {
					return &doc.EventDate{Value: x.Value, Granularity: granOr(x.Granularity, granularity(x.Value)), Timex: x.ID}
				}
			}
			break
		}
	}
	owners := [6]int{cd.trig, -1, -1, -1, -1, -1}
	n := 1
	if cd.light >= 0 {
		owners[n] = cd.light
		n++
	}
	// a noun trigger takes the date of its clause too ("talks on Friday",
	// "the meeting was held on Feb. 18")
	x := cd.trig
	if cd.light >= 0 {
		x = cd.light
	}
	for k := 0; k < 3 && n < len(owners); k++ {
		h := v.head(x)
		if h < 0 {
			break
		}
		switch v.dep(x) {
		case "xcomp", "advcl", "conj", "acl", "obj", "nsubj", "obl", "nmod":
		default:
			h = -1
		}
		if h < 0 || speechVerbs[v.lemma[h]] {
			break
		}
		if v.dep(x) == "advcl" && v.d.Tokens[x].UPOS == doc.VERB && k > 0 {
			if m := v.child(x, "mark"); m >= 0 && v.lemma[m] == "to" {
				// "could meet within the next two weeks to lay the
				// groundwork for the eventual talks": the talks are not
				// dated by the meeting their purpose clause follows
				break
			}
		}
		owners[n] = h
		n++
		x = h
	}
	// a purpose clause dates its trip: "travel to Moscow to meet Putin on May 9"
	v.children(cd.trig, func(ch int) bool {
		if (v.dep(ch) == "advcl" || v.dep(ch) == "xcomp") && v.d.Tokens[ch].UPOS == doc.VERB && n < len(owners) {
			if m := v.child(ch, "mark"); m >= 0 && v.lemma[m] == "to" {
				owners[n] = ch
				n++
			}
		}
		return true
	})
	sn := v.d.Sentences[cd.sent]
	for _, o := range owners[:n] {
		best, bestDist := -1, 1<<30
		for j := sn.FirstToken; j < sn.EndToken; j++ {
			ti := v.timex[j]
			if ti < 0 || (j > sn.FirstToken && v.timex[j-1] == ti) {
				continue
			}
			// the timex head: walk to the first token outside the timex
			th := j
			for k := 0; k < 8; k++ {
				h := v.head(th)
				if h < 0 || v.timex[h] != ti {
					break
				}
				th = h
			}
			if v.ownerOf(th, cd) != o {
				continue
			}
			d := j - cd.trig
			if d < 0 {
				d = -d
			}
			if d < bestDist {
				best, bestDist = int(ti), d
			}
		}
		if best >= 0 {
			if ed := v.eventDate(best); ed != nil {
				return ed
			}
		}
	}
	return nil
}

// ownerOf walks up from a timex head to the first verb or trigger.
func (v *view) ownerOf(th int, cd *cand) int {
	x := v.head(th)
	for k := 0; k < 10 && x >= 0; k++ {
		if x == cd.trig || x == cd.light {
			return x
		}
		if v.d.Tokens[x].UPOS == doc.VERB || v.d.Tokens[x].UPOS == doc.AUX && v.d.Tokens[x].Dep == "root" {
			return x
		}
		x = v.head(x)
	}
	return x
}

// eventDate converts timex ti into an event date, or nil when it does not
// denote a point or interval in time.
func (v *view) eventDate(ti int) *doc.EventDate {
	x := &v.d.Timexes[ti]
	if x.Interval != nil && x.Interval.Start != "" {
		return &doc.EventDate{Start: x.Interval.Start, End: x.Interval.End, Granularity: granOr(x.Granularity, "day"), Timex: x.ID}
	}
	switch x.Type {
	case "DATE", "TIME":
	default:
		return nil
	}
	val := x.Value
	if val == "PRESENT_REF" && !v.d.Published.IsZero() {
		return &doc.EventDate{Value: v.d.Published.Format("2006-01-02"), Granularity: "day", Timex: x.ID}
	}
	if len(val) < 4 || val[0] < '0' || val[0] > '9' {
		return nil
	}
	if len(val) > 10 && val[10] == 'T' && x.Type == "TIME" {
		return &doc.EventDate{Value: val, Granularity: granOr(x.Granularity, "time"), Timex: x.ID}
	}
	return &doc.EventDate{Value: val, Granularity: granOr(x.Granularity, granularity(val)), Timex: x.ID}
}

func granOr(g, def string) string {
	if g != "" {
		return g
	}
	return def
}

func granularity(v string) string {
	switch {
	case strings.Contains(v, "-W"):
		return "week"
	case strings.Contains(v, "-Q"):
		return "quarter"
	case len(v) == 4:
		return "year"
	case len(v) == 7:
		return "month"
	case len(v) >= 10:
		return "day"
	}
	return ""
}

// dateRange returns the first and last day a date value covers, as
// YYYY-MM-DD strings, or ok=false.
func dateRange(val string) (lo, hi string, ok bool) {
	if len(val) >= 10 && val[4] == '-' && val[7] == '-' {
		return val[:10], val[:10], true
	}
	if len(val) == 7 && val[4] == '-' {
		t, err := time.Parse("2006-01", val)
		if err != nil {
			return "", "", false
		}
		return t.Format("2006-01-02"), t.AddDate(0, 1, -1).Format("2006-01-02"), true
	}
	if len(val) == 4 {
		if _, err := strconv.Atoi(val); err != nil {
			return "", "", false
		}
		return val + "-01-01", val + "-12-31", true
	}
	if len(val) == 8 && val[4:6] == "-W" {
		y, err1 := strconv.Atoi(val[:4])
		wk, err2 := strconv.Atoi(val[6:])
		if err1 != nil || err2 != nil {
			return "", "", false
		}
		// ISO week: the week with Jan 4 is week 1
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(wk-1))
		return mon.Format("2006-01-02"), mon.AddDate(0, 0, 6).Format("2006-01-02"), true
	}
	return "", "", false
}

func edRange(ed *doc.EventDate) (lo, hi string, ok bool) {
	if ed.Start != "" {
		l, _, ok1 := dateRange(ed.Start)
		_, h, ok2 := dateRange(ed.End)
		if !ok2 {
			h = "9999-12-31"
		}
		return l, h, ok1
	}
	return dateRange(ed.Value)
}

func afterPub(d *doc.Document, ed *doc.EventDate) bool {
	if d.Published.IsZero() {
		return false
	}
	lo, _, ok := edRange(ed)
	return ok && lo > d.Published.Format("2006-01-02")
}

func beforePub(d *doc.Document, ed *doc.EventDate) bool {
	if d.Published.IsZero() {
		return false
	}
	_, hi, ok := edRange(ed)
	return ok && hi < d.Published.Format("2006-01-02")
}

// pubWeek is the default date of an undated past event: the ISO week of
// publication.
func pubWeek(d *doc.Document) *doc.EventDate {
	if d.Published.IsZero() {
		return nil
	}
	y, wk := d.Published.ISOWeek()
	return &doc.EventDate{Value: strconv.Itoa(y) + "-W" + twoDigits(wk), Granularity: "week"}
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// ---- place ----

var placePreps = map[string]bool{"in": true, "at": true, "inside": true, "near": true, "outside": true}

// placeArg returns the head token of the event's place: "in/at X" on the
// trigger (or its light verb), a place modifier of a noun trigger ("the
// Riyadh meeting"); with dest, the destination of a visit ("to Moscow",
// "visited Moscow").
func (v *view) placeArg(cd *cand, dest bool) int {
	hosts := [5]int{cd.trig, cd.light, -1, -1, -1}
	if !dest {
		// the place of what an act is about: "threatened to institute a
		// curfew in Algiers", "banned voting in East Jerusalem"
		hosts[2] = v.child(cd.trig, "obj")
		if x := v.complementVerb(cd.trig); x >= 0 {
			hosts[3] = x
			hosts[4] = v.child(x, "obj")
		}
	}
	for _, h := range hosts {
		if h < 0 {
			continue
		}
		found := -1
		v.children(h, func(c int) bool {
			switch v.dep(c) {
			case "obl", "nmod":
				cs := v.caseOf(c)
				if (dest && (cs == "to" || cs == "for")) || (!dest && placePreps[cs]) {
					if p := v.placeOf(c); p >= 0 {
						found = p
						return false
					}
				}
			case "obj":
				if dest && v.placeLike(c) && v.lemma[h] == "visit" {
					found = c
					return false
				}
			case "compound":
				if !dest && v.isPlace(c) {
					found = c
					return false
				}
			}
			return true
		})
		if found >= 0 {
			return found
		}
	}
	if !dest {
		// "met with X in Geneva": the place attached to a participant (a
		// second subject when the parse lost the "with")
		found := -1
		nsubj := 0
		v.children(cd.trig, func(c int) bool {
			if v.dep(c) == "nsubj" {
				nsubj++
			}
			return true
		})
		v.children(cd.trig, func(c int) bool {
			switch v.dep(c) {
			case "obl", "obj", "nmod", "nsubj":
				if v.dep(c) == "nsubj" && nsubj < 2 && (v.named(c) || v.d.Tokens[c].UPOS != doc.NOUN) {
					// (an unnamed subject is the act itself or its means:
					// "a roadside bombing near Samarra killed …")
					return true
				}
				v.children(c, func(g int) bool {
					if v.dep(g) != "nmod" || !placePreps[v.caseOf(g)] {
						return true
					}
					if p := v.placeOf(g); p >= 0 {
						found = p
						return false
					}
					return true
				})
			}
			return found < 0
		})
		return found
	}
	return -1
}

// placeLike reports whether token h can name a place.
// placeOf returns h when it names a place, the place of "Montenegro
// province", "the Darfur region" when h is a generic place noun with a
// place compound, else -1.
func (v *view) placeOf(h int) int {
	if v.placeLike(h) && !placeNouns[v.lemma[h]] {
		return h
	}
	if placeNouns[v.lemma[h]] {
		for c := v.first[h]; c >= 0; c = v.next[c] {
			if (v.dep(int(c)) == "compound" || v.dep(int(c)) == "nmod" && v.caseOf(int(c)) == "of") && v.placeLike(int(c)) {
				return int(c) // "Montenegro province", "the town of Samarra"
			}
		}
		if v.placeLike(h) {
			return h
		}
	}
	return -1
}

// placeNouns are generic nouns that a place name modifies.
var placeNouns = map[string]bool{
	"province": true, "region": true, "state": true, "district": true, "county": true, "city": true,
	"town": true, "village": true, "area": true, "territory": true, "enclave": true, "prefecture": true,
	"governorate": true, "oblast": true, "municipality": true, "capital": true, "port": true,
}

func (v *view) placeLike(h int) bool {
	if v.isPlace(h) {
		return true
	}
	if a := v.actor[h]; a >= 0 && v.d.Actors[a].Kind == "LOC" {
		return true
	}
	if e := v.entity[h]; e >= 0 {
		return v.d.Entities[e].Type == "LOC"
	}
	if v.d.Tokens[h].UPOS == doc.PROPN {
		name := v.d.SpanText(v.nameSpan(h))
		_, ok := gazetteer.Default().Place(name, "")
		return ok
	}
	return false
}

// nameSpan is the span of the name headed by h: its entity, or h with its
// compound and flat dependents.
func (v *view) nameSpan(h int) doc.Span {
	if e := v.entity[h]; e >= 0 {
		return v.d.Entities[e].Span()
	}
	lo, hi := h, h
	v.children(h, func(c int) bool {
		switch v.d.Tokens[c].Dep {
		case "compound", "flat", "flat:name":
			if c < lo {
				lo = c
			}
			if c > hi {
				hi = c
			}
		}
		return true
	})
	t := v.d.Tokens
	return doc.Span{Start: int(t[lo].Start), End: int(t[hi].End)}
}

// locationOf geocodes the event's place.
func (v *view) locationOf(cd *cand) *doc.Location {
	h := v.placeArg(cd, false)
	if h < 0 {
		base := ""
		if len(cd.code) >= 3 {
			base = cd.code[:3]
		}
		if base != "042" {
			return nil
		}
		if h = v.placeArg(cd, true); h < 0 {
			return nil
		}
	}
	sp := v.nameSpan(h)
	name := v.d.SpanText(sp)
	hint := ""
	v.children(h, func(c int) bool {
		switch v.dep(c) {
		case "appos", "conj", "nmod", "list", "parataxis", "flat", "obl":
			if v.d.Tokens[c].UPOS == doc.PROPN && c > h {
				hs := v.nameSpan(c)
				hint = v.d.SpanText(hs)
				if hs.End > sp.End {
					sp.End = hs.End
				}
				return false
			}
		}
		return true
	})
	loc := &doc.Location{Text: v.d.SpanText(sp), Name: name, Start: sp.Start, End: sp.End}
	if hint == "" {
		// "Tripoli … the north Lebanese port": a country the sentence names
		// that has a place of that name
		hint = v.countryHintFor(cd.sent, name)
	}
	if p, ok := gazetteer.Default().Place(name, hint); ok {
		loc.Name, loc.Country, loc.Kind = p.Name, p.Country, p.Kind
		if p.HasCoords {
			loc.Lat, loc.Lon = p.Lat, p.Lon
		}
		return loc
	}
	if a := v.actor[h]; a >= 0 && v.d.Actors[a].Country != "" {
		loc.Country = v.d.Actors[a].Country
		loc.Kind = "country"
		return loc
	}
	if v.cc[h] != "" {
		loc.Country, loc.Kind = v.cc[h], "country"
	}
	return loc
}

// comparable reports whether place p is big enough beside the default
// reading def of its name to be meant when the sentence names p's country:
// Tripoli in Lebanon beside Libya's capital, never Moscow, Idaho.
func comparable(p, def gazetteer.Place) bool {
	return p.Population*6 >= def.Population
}

// countryHintFor returns a country named in sentence s (by a country word
// or an actor's country) that has a place called name of a size
// comparable to the default reading, or "" when none does or the place is
// itself a country.
func (v *view) countryHintFor(s int, name string) string {
	g := gazetteer.Default()
	def, ok := g.Place(name, "")
	if !ok || def.Kind == gazetteer.KindCountry {
		return ""
	}
	sn := v.d.Sentences[s]
	for i := sn.FirstToken; i < sn.EndToken; i++ {
		iso := v.cc[i]
		if iso == "" && v.actor[i] >= 0 {
			iso = v.d.Actors[v.actor[i]].Country
		}
		if iso == "" || iso == def.Country {
			continue
		}
		if p, ok := g.Place(name, iso); ok && p.Country == iso && comparable(p, def) {
			return iso
		}
	}
	return ""
}
