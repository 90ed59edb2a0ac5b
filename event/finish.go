package event

import (
	"slices"
	"strconv"
	"strings"

	"github.com/chronicle-news/chronicle/cameo"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/gazetteer"
)

// finish turns the candidates of a document into coded, merged events.
func (c *Coder) finish(w *work) []doc.Event {
	v := &w.v
	d := v.d
	var out []doc.Event
	for k := range w.cands {
		cd := &w.cands[k]
		if cd.consumed || cd.code == "" {
			continue
		}
		code := cd.code
		ev0status := cd.status
		// PLOVER: "All cooperative actions reported in future tense are also
		// taken to imply intentions" — CAMEO codes them 03x (not a time
		// ahead in a temporal clause: "until Russia withdraws its troops").
		if !c.literal && !cd.conditional && !cd.ahead && cd.status == doc.StatusPlanned && cameo.Cooperative(code) && cameo.Root(code) != "03" {
			if ic := cameo.Act(cameo.ActIntent, code); ic != "" {
				code = ic
			}
		}
		// "X said Y must/should do Z" is X demanding Z of Y (CAMEO 10x)
		if !c.literal && cd.must && cd.speaker >= 0 && v.named(cd.speaker) && !v.sameActor(cd.speaker, cd.src) && len(cd.src) > 0 {
			kind, def := cameo.ActDemand, "100"
			if cd.soft {
				kind, def = cameo.ActAppeal, "020" // "should": an appeal
			}
			dc := cameo.Act(kind, code)
			if dc == "" {
				dc = def
			}
			code = dc
			cd.tgt = append(cd.tgt[:0], cd.src...)
			cd.src = v.expand(nil, cd.speaker)
			cd.recip = false // the speaker asks them: "should engage with one another"
			cd.reported = nil
			cd.status = doc.StatusOccurred
			ev0status = cd.status
			if cd.date == nil || cd.date.Timex == "" {
				cd.date = pubWeek(d)
			}
		}
		if cd.rule == -1 && code == "100" && len(cd.tgt) == 0 {
			continue // an obligation with no named speaker is no demand
		}
		// "X will do Y unless Z" is a threat whatever Y is
		if !c.literal && cd.conditional && cd.status == doc.StatusPlanned && cameo.Root(code) != "13" {
			if tc := cameo.Act(cameo.ActThreaten, code); tc != "" {
				code = tc
			} else {
				code = "130"
			}
		}
		// CAMEO codes an announced hostile action as a threat ("said they
		// would boycott", "will withdraw … unless") and an announced refusal
		// of a cooperative one as a rejection ("will not accept").
		if !c.literal && cd.status == doc.StatusPlanned && !cd.ahead && cameo.Root(code) >= "14" {
			if tc := cameo.Act(cameo.ActThreaten, code); tc != "" {
				code = tc
			}
		}
		if !c.literal && cd.status == doc.StatusNegated && cd.refusal && cameo.Cooperative(code) {
			if rc := cameo.Act(cameo.ActReject, code); rc != "" {
				code = rc
				ev0status = doc.StatusOccurred
			}
		}
		// a threat is aimed at whoever must meet its condition: "threatened
		// to stop talks if the United States goes ahead"
		if !c.literal && cameo.Root(code) == "13" && !hasNamed(v, cd.tgt) {
			if s := v.conditionSubject(cd.trig); s >= 0 && !v.sameActor(s, cd.src) {
				cd.tgt = v.expand(cd.tgt[:0], v.resolvePron(s, cd.trig))
			}
		}
		// "Trump attacked Clinton", "an ad hitting Trump": one politician
		// attacking another is criticism (111), not an assault
		if !c.literal && cameo.Root(code) == "19" && verbalAttackLemma[v.lemma[cd.trig]] && v.verbalAttack(cd) {
			code = "111"
		}
		if !c.literal && v.metaphoricWar(cd.trig, cd.src) {
			continue // "a war against rising seas", "the fight on poverty"
		}
		// "She can't beat this guy": one politician beating (fighting,
		// battling) another is a contest
		if l := v.lemma[cd.trig]; !c.literal && (l == "beat" || l == "fight" || l == "battle") && len(cd.tgt) > 0 && v.beatContest(cd) {
			continue // "Trump, who is battling Carson for the top spot"
		}
		if !c.literal && v.lemma[cd.trig] == "rally" && cameo.Root(code) == "14" && v.politicians(cd.src) {
			continue // "Trump held a rally in Ohio": a candidate campaigning, not a protest
		}
		info, known := cameo.Lookup(code)
		if known && info.PLOVER == "" && !c.statements {
			continue
		}
		ev := doc.Event{
			CAMEO:      code,
			Status:     ev0status,
			Reported:   cd.reported,
			Date:       cd.date,
			Location:   cd.loc,
			Reciprocal: cd.recip,
			Context:    []string{},
		}
		if known {
			ev.Type, ev.Mode, ev.Quad, ev.Goldstein = info.PLOVER, info.Mode, info.Quad, info.Goldstein
			if r := c.ruleOf(cd); r.PLOVER != "" && code == r.Code {
				ev.Type = r.PLOVER // the dictionary knows better than the code table
			}
			if len(info.Context) > 0 {
				ev.Context = append(ev.Context, info.Context...)
			}
		} else if len(code) >= 2 {
			if r, err := strconv.Atoi(code[:2]); err == nil {
				ev.Quad = quadOf(r)
			}
		}
		// Things are no parties ("discussed those contests", "charged
		// with manslaughter"), except that in coercion and violence an
		// event or a weapon stands for the people in it ("prevented the
		// demonstration", "a roadside bombing killed …").
		things := thingsNone
		if !c.literal {
			things = thingsDrop
			if cameo.Root(code) >= "17" {
				things = thingsKeepEvents
			}
		}
		ev.Source = v.participants(cd.src, things, false)
		ev.Target = v.participants(cd.tgt, things, true)
		ev.Target = ownCountryDropped(ev.Source, ev.Target)
		if b := cameo.Base(code); !c.literal && (b == "040" || b == "041" || b == "046") && len(ev.Target) == 0 && len(ev.Source) < 2 && d.Tokens[cd.trig].UPOS == doc.VERB {
			continue // "Caddell went on to discuss the polls", "officials discussed the proposal": talks need a partner
		}
		if !c.literal && len(ev.Target) == 0 && personPatient(code) && v.thingObject(cd) {
			continue // "released numbers", "executes deals": not people released or executed
		}
		if c.literal {
			v.codeFromPhrase(ev.Source)
			v.codeFromPhrase(ev.Target)
			ev.Source = v.shareCountry(ev.Source)
			ev.Target = v.shareCountry(ev.Target)
		}
		named := hasActor(ev.Source) || hasActor(ev.Target)
		if !hasActor(ev.Target) && cd.loc != nil && cd.loc.Country != "" && ev.Quad >= 2 && hasActor(ev.Source) {
			// a material act, protest, threat or attack with no named
			// target is aimed at the place it happens: "rallied in Lagos",
			// "a curfew in Algiers", "eased measures in Montenegro"
			ev.Target = []doc.Participant{{Text: cd.loc.Text, Code: cd.loc.Country, Start: cd.loc.Start, End: cd.loc.End}}
		}
		if !c.literal && ev.Quad == 4 && cd.loc != nil && cd.loc.Country != "" && !hasActor(ev.Source) && hasActor(ev.Target) {
			// an attack by nobody named ("a roadside bombing near Samarra
			// killed one U.S. soldier") is coded to the country it happens in
			for k := range ev.Source {
				if ev.Source[k].Code == "" {
					ev.Source[k].Code = cd.loc.Country
				}
			}
		}
		if r := cameo.Root(code); !c.literal && named && len(ev.Target) == 0 && (r == "14" || (r == "12" || r == "13") && !countrySource(ev.Source)) {
			// a protest with no named target is aimed at the authorities
			// of the country it happens in; so are a refusal or a threat
			// by a party inside it ("declined to resign", "swore to fight
			// until …")
			if cc := v.sentenceCountry(cd.sent); cc != "" {
				ev.Target = []doc.Participant{{Code: cc}}
			}
		}
		if !c.literal && named {
			// CAMEO codes every party by country: one the text leaves
			// without a country belongs to the country its sentence is about
			if cc := v.sentenceCountry(cd.sent); cc != "" {
				v.defaultCountry(ev.Source, cc)
				v.defaultCountry(ev.Target, cc)
			}
		}
		if ev.Reciprocal && len(ev.Target) == 0 && len(ev.Source) < 2 {
			ev.Reciprocal = false
		}
		if ev.Date == nil && (ev.Status == doc.StatusOccurred || ev.Status == doc.StatusOngoing) {
			ev.Date = pubWeek(d)
		}
		ev.Evidence = v.evidence(cd)
		ev.Mentions = []doc.Evidence{ev.Evidence}
		if b := cameo.Base(code); (b == "042" || b == "043") && len(ev.Target) == 0 && ev.Location == nil {
			continue // a trip with neither host nor destination: "headed to the venue"
		}
		if !named {
			// a mention with no named participant: another telling of an
			// event already coded ("the Riyadh meeting"), or nothing
			// codable. Only nouns retell: a verb with unnamed parties
			// ("lawyers filed papers opposing the motion") is an event of
			// its own, with nobody to code.
			if up := d.Tokens[cd.trig].UPOS; up != doc.NOUN && up != doc.PROPN {
				continue
			}
			j := -1
			if v.demonstrative(cd.trig) {
				// "that meeting" is the meeting told of last, whatever
				// this telling's clause says of it
				j = mergeTargetWith(out, &ev, false, ev.Evidence.Trigger.Lemma)
			}
			if j < 0 && v.definite(cd.trig) {
				j = mergeTarget(out, &ev, true)
			} else if j < 0 {
				// "attacks", "talks" without an article tell of no
				// event in particular: only a telling with the same word
				// can be the same event
				j = mergeTargetWith(out, &ev, true, ev.Evidence.Trigger.Lemma)
			}
			if j >= 0 {
				mergeInto(&out[j], &ev)
			}
			continue
		}
		if j := mergeTarget(out, &ev, false); j >= 0 {
			mergeInto(&out[j], &ev)
			continue
		}
		out = append(out, ev)
		if r := c.ruleOf(cd); c.literal && r.Pair != "" && code == r.Code && len(ev.Target) > 0 {
			rev := ev
			rev.Source, rev.Target = ev.Target, ev.Source
			rev.CAMEO = r.Pair
			rev.Type, rev.Mode, rev.Context, rev.Quad, rev.Goldstein = "", "", []string{}, 0, 0
			if info, ok := cameo.Lookup(r.Pair); ok {
				rev.Type, rev.Mode, rev.Quad, rev.Goldstein = info.PLOVER, info.Mode, info.Quad, info.Goldstein
				rev.Context = append(rev.Context, info.Context...)
			}
			rev.Mentions = []doc.Evidence{rev.Evidence}
			out = append(out, rev)
		}
	}
	for i := range out {
		out[i].ID = "e" + strconv.Itoa(i+1)
	}
	return out
}

// countrySource reports whether a source is a bare country ("RUS"), which
// a domestic target would only repeat.
func countrySource(ps []doc.Participant) bool {
	for _, p := range ps {
		if len(p.Code) == 3 {
			return true
		}
	}
	return false
}

// verbalAttackLemma are the assault words that news also uses for words
// said against someone.
var verbalAttackLemma = map[string]bool{"attack": true, "attacks": true, "hit": true, "hammer": true, "lash": true, "pummel": true, "savage": true}

// beatContest reports whether "beat" (or "fight", "battle") is a contest
// with a rival ("She can't beat Trump", "battling Carson for the top
// spot"): everyone on the other side is a politician or a person named by name, the
// source is a person who is no soldier, police officer or fighter, or an
// unresolved "he" or "she", and nothing tells of violence ("to death",
// "beat up", "with a stick").
func (v *view) beatContest(cd *cand) bool {
	t := cd.trig
	for k := t + 1; k < len(v.d.Tokens) && k <= t+8 && v.d.Tokens[k].Sent == v.d.Tokens[t].Sent; k++ {
		switch v.lower[k] {
		case "death", "unconscious", "senseless", "bloody", "up", "with", "brutally", "severely":
			return false
		}
	}
	for _, x := range cd.tgt {
		a := v.actor[x]
		if a < 0 || v.d.Actors[a].Kind != "PER" {
			return false
		}
		if sec := v.d.Actors[a].Sector; sec == "" && v.entity[x] < 0 || sec != "" && !politicalSector(sec) {
			return false
		}
	}
	if len(cd.src) == 1 && v.actor[cd.src[0]] < 0 {
		if l := v.lemma[cd.src[0]]; l == "he" || l == "she" {
			return true
		}
	}
	return v.verbalAttack(cd)
}

// politicians reports whether there are parties and all are politicians,
// parties or governments by their actors' sectors.
func (v *view) politicians(xs []int) bool {
	for _, x := range xs {
		if a := v.actor[x]; a < 0 || !politicalSector(v.d.Actors[a].Sector) {
			return false
		}
	}
	return len(xs) > 0
}

// politicalSector reports whether an actor sector is one of government,
// legislature, elites, parties or executives.
func politicalSector(s string) bool {
	switch s {
	case "GOV", "LEG", "ELI", "PTY", "EXE":
		return true
	}
	return false
}

// armedSector reports whether an actor sector is one of soldiers, police,
// rebels, insurgents, criminals, spies or armed groups.
func armedSector(s string) bool {
	switch s {
	case "MIL", "REB", "INS", "CRM", "IMG", "SPY", "COP", "UAF":
		return true
	}
	return false
}

// verbalAttack reports whether an "attack" is a verbal one: its source is
// a named person who is no fighter and its target, if any, a person too,
// nobody named ("their opponent") or, for a politician, a civilian group
// ("attacking Latinos"); not a country, force or place.
func (v *view) verbalAttack(cd *cand) bool {
	person := func(x int) bool {
		a := v.actor[x]
		if a < 0 && mediaNouns[strings.ToLower(v.lemma[x])] {
			return true // "a robocall attacking Trump"
		}
		if a < 0 || v.d.Actors[a].Kind != "PER" {
			return false
		}
		return !armedSector(v.d.Actors[a].Sector)
	}
	if len(cd.src) == 0 {
		return false
	}
	for _, x := range cd.src {
		if !person(x) {
			return false
		}
	}
	for _, x := range cd.tgt {
		if !person(x) && v.named(x) && !(v.politicians(cd.src) && v.civilianGroup(x)) {
			return false // a country, an army, a place
		}
	}
	return true
}

// civilianGroup reports whether token x names a group of people that is
// neither armed nor a state ("immigrants", "Muslims"), or an organisation
// no dictionary codes ("Latinos" as the recogniser tags it): what a
// politician attacks with words.
func (v *view) civilianGroup(x int) bool {
	a := v.actor[x]
	if a < 0 {
		return false
	}
	ac := &v.d.Actors[a]
	if ac.Kind == "ORG" && ac.Code == "" && ac.Country == "" {
		return true // a name no dictionary knows: "Latinos", "Dreamers"
	}
	return ac.Kind == "GRP" && !armedSector(ac.Sector) && !politicalSector(ac.Sector)
}

// sentenceCountry returns the country sentence s is about: the one its
// actors, country words and places name most, when it is named at least
// twice as often as any other (IGOs and actors without a country do not
// count), else "".
func (v *view) sentenceCountry(s int) string {
	sn := v.d.Sentences[s]
	var isos [8]string
	var counts [8]int
	n := 0
	add := func(iso string) {
		if iso == "" {
			return
		}
		for k := 0; k < n; k++ {
			if isos[k] == iso {
				counts[k]++
				return
			}
		}
		if n < len(isos) {
			isos[n], counts[n] = iso, 1
			n++
		}
	}
	lastActor, lastMention := int32(-1), int32(-1)
	for i := sn.FirstToken; i < sn.EndToken; i++ {
		switch {
		case v.actor[i] >= 0:
			if v.actor[i] == lastActor && v.mention[i] == lastMention {
				continue // one mention counts once
			}
			lastActor, lastMention = v.actor[i], v.mention[i]
			add(v.d.Actors[v.actor[i]].Country)
		case v.cc[i] != "":
			add(v.cc[i])
		case v.isPlace(i) && (i == sn.FirstToken || !v.isPlace(i-1)):
			if pl, ok := gazetteer.Default().Place(v.d.SpanText(v.nameSpan(i)), ""); ok {
				add(pl.Country)
			}
		}
	}
	best, second := -1, 0
	for k := 0; k < n; k++ {
		if best < 0 || counts[k] > counts[best] {
			if best >= 0 {
				second = max(second, counts[best])
			}
			best = k
		} else {
			second = max(second, counts[k])
		}
	}
	if best < 0 || counts[best] < 2*second {
		return ""
	}
	return isos[best]
}

// defaultCountry gives the participants without a code the country cc.
func (v *view) defaultCountry(ps []doc.Participant, cc string) {
	for i := range ps {
		if ps[i].Actor != "" {
			a := v.d.Actor(ps[i].Actor)
			if a == nil || a.Country != "" || a.Sector == "IGO" || a.Sector == "NGO" || strings.HasPrefix(a.Code, "IGO") || strings.HasPrefix(a.Code, "NGO") {
				continue
			}
			// an actor without a country ("REB", a region code such as
			// "INTREB"): the sentence's country with the actor's sector
			ps[i].Code = cc + a.Sector
			continue
		}
		if ps[i].Code == "" {
			ps[i].Code = cc
		}
	}
}

func quadOf(root int) int {
	switch {
	case root <= 5:
		return 1
	case root <= 8:
		return 2
	case root <= 13:
		return 3
	}
	return 4
}

func hasActor(ps []doc.Participant) bool {
	for _, p := range ps {
		if p.Actor != "" || p.Code != "" {
			return true
		}
	}
	return false
}

// participants converts argument heads into participants.
func (v *view) participants(heads []int, things thingRule, target bool) []doc.Participant {
	ps := make([]doc.Participant, 0, len(heads))
	for _, h := range heads {
		if (v.d.Tokens[h].UPOS == doc.PRON || v.d.Tokens[h].UPOS == doc.ADV) && v.actor[h] < 0 {
			continue // an unresolved pronoun or an adverb ("with then-President X" misparsed) names nobody
		}
		if v.partyTag(h) {
			continue // "Bob Corker, R-Tenn.": the party and state of the name before
		}
		if things != thingsNone && v.thing(h) {
			if a := v.thingAgent(h); a >= 0 {
				h = a // "crimes by Croatian extremists": the extremists
			}
		}
		if things != thingsNone && v.thing(h) && (things == thingsDrop || !eventNouns[strings.ToLower(v.lemma[h])]) {
			continue // "discussed those contests": what the event is about, not who takes part
		}
		if target && things == thingsDrop && v.noAgent(h) {
			// "opened fire", "will supply electronics": a thing, nobody;
			// but "aid to refugees": whom the thing goes to
			if r := v.recipientIn(h); r >= 0 {
				h = r
			} else {
				continue
			}
		}
		p := doc.Participant{}
		sp := v.span(h)
		if a := v.actor[h]; a >= 0 {
			ac := &v.d.Actors[a]
			p.Actor, p.Code = ac.ID, ac.Code
			if p.Code == "" {
				p.Code = ac.Country
			}
			// prefer the mention text when the phrase is long
			if mi := v.mention[h]; mi >= 0 && int(mi) < len(ac.Mentions) && ac.Mentions[mi].Span().Contains(v.d.Tokens[h].Span()) {
				sp = ac.Mentions[mi].Span()
			}
		} else if v.cc[h] != "" {
			p.Code = v.cc[h]
		} else if v.isPlace(h) {
			// a town or region as participant stands for its country:
			// "shelled Juba", "attacked Gorazde"
			if pl, ok := gazetteer.Default().Place(v.d.SpanText(v.nameSpan(h)), ""); ok {
				p.Code = pl.Country
			}
		}
		p.Start, p.End = sp.Start, sp.End
		p.Text = v.d.SpanText(sp)
		ps = append(ps, p)
		if a := v.actor[h]; a >= 0 {
			ps = v.pluralMembers(ps, a, v.mention[h])
		}
	}
	return ps
}

// noAgent reports whether participant head h is a common noun that names
// no actor, country or place and is no kind of person or organisation
// (by the agent lexicon, on its lemma or form), or an amount. Without a
// lexicon nothing is dropped.
func (v *view) noAgent(h int) bool {
	if v.agent == nil || v.named(h) || v.isPlace(h) {
		return false
	}
	switch v.d.Tokens[h].UPOS {
	case doc.NUM, doc.SYM:
		// "invest $200 million", "gave 5,000": an amount is nobody; "the
		// three" and "2 of them" are pronoun-like and stay
		if o := v.child(h, "nmod"); o >= 0 && v.caseOf(o) == "of" || v.child(h, "det") >= 0 {
			return false
		}
		return true
	case doc.NOUN:
	default:
		return false
	}
	l := v.lemma[h]
	if v.agent(l) || v.agent(v.lower[h]) || peopleNouns[l] {
		return false
	}
	if quantityNouns[l] {
		// "a number of advisers", "hundreds of protesters": the counted
		if o := v.childBase(h, "nmod"); o >= 0 && v.caseOf(o) == "of" {
			return v.noAgent(o)
		}
	}
	// agentive endings: "activist", "guardian", "immigrant", "resident",
	// "volunteer", "nominee" (not "-ment": "statement")
	for _, suf := range [...]string{"ist", "ian", "ant", "ent", "eer", "ee"} {
		if strings.HasSuffix(l, suf) && !strings.HasSuffix(l, "ment") && len(l) > len(suf)+2 {
			return false
		}
	}
	return true
}

// ownCountryDropped removes from targets a bare country that is the
// country of one of the sources, when other targets remain: "the Trump
// administration … to improve U.S.–Russia relations" is Russia's partner,
// not its own country's.
func ownCountryDropped(src, tgt []doc.Participant) []doc.Participant {
	if len(tgt) < 2 {
		return tgt
	}
	own := func(p doc.Participant) bool {
		if c, ok := gazetteer.Default().Country(p.Text); !ok || c.ISO3 != p.Code {
			return false // not the country itself ("Virginia" is coded USA too)
		}
		for _, s := range src {
			if len(s.Code) >= 3 && s.Code[:3] == p.Code {
				return true
			}
		}
		return false
	}
	n := 0
	for _, p := range tgt {
		if !own(p) {
			n++
		}
	}
	if n == 0 || n == len(tgt) {
		return tgt
	}
	out := tgt[:0]
	for _, p := range tgt {
		if !own(p) {
			out = append(out, p)
		}
	}
	return out
}

// personPatient reports whether a CAMEO code's act is done to people: a
// release, an arrest, an expulsion, an abduction, a killing.
func personPatient(code string) bool {
	switch cameo.Base(code) {
	case "084", "173", "174", "181", "182", "185", "186":
		return true
	}
	return false
}

// thingObject reports whether the verb trigger's object (or passive
// subject, or the noun a passive participle modifies) is a thing that names
// nobody (by noAgent).
func (v *view) thingObject(cd *cand) bool {
	t := cd.trig
	if v.d.Tokens[t].UPOS != doc.VERB {
		return false
	}
	o := v.child(t, "obj", "nsubj:pass")
	if o < 0 && v.d.Tokens[t].Dep == "acl" && v.d.Tokens[t].XPOS == "VBN" {
		o = v.head(t) // "unemployment numbers released by the department"
	}
	return o >= 0 && v.noAgent(o) && v.recipientIn(o) < 0
}

// recipientIn returns the party a thing goes to or is shared with, within
// two levels of its phrase ("25,000 tons of food aid to refugees"), or -1.
func (v *view) recipientIn(h int) int {
	best := -1
	var walk func(x, depth int)
	walk = func(x, depth int) {
		v.children(x, func(c int) bool {
			if best >= 0 {
				return false
			}
			switch v.dep(c) {
			case "nmod", "obl":
				switch v.caseOf(c) {
				case "to", "for", "with", "against":
					if v.named(c) || !v.noAgent(c) && v.d.Tokens[c].UPOS == doc.NOUN {
						best = c
						return false
					}
				case "of":
					if depth < 1 {
						walk(c, depth+1)
					}
				}
			}
			return true
		})
	}
	walk(h, 0)
	return best
}

// peopleNouns are common nouns for people that the agent dictionaries,
// made for political actors, do not list. (Not groupNouns of things.go:
// that list keeps institutions and gatherings such as "convention" and
// "station" from being things, but they are no parties either.)
var peopleNouns = map[string]bool{
	"people": true, "person": true, "man": true, "woman": true, "child": true, "voter": true,
	"resident": true, "citizen": true, "worker": true, "student": true, "family": true, "crowd": true,
	"supporter": true, "opponent": true, "critic": true, "rival": true, "friend": true, "ally": true,
	"member": true, "group": true, "team": true, "organization": true, "organisation": true,
	"campaign": true, "committee": true, "agency": true, "company": true, "firm": true, "community": true,
	"party": true, "donor": true, "owner": true, "employee": true, "staff": true, "aide": true,
	"victim": true, "suspect": true, "gunman": true, "attacker": true, "official": true, "leader": true,
	"administration": true, "government": true, "lawmaker": true, "candidate": true, "nominee": true,
	"public": true, "audience": true, "fan": true, "immigrant": true, "refugee": true, "migrant": true,
	"protester": true, "demonstrator": true, "activist": true, "investigator": true, "prosecutor": true,
	"lawyer": true, "attorney": true, "judge": true, "court": true, "jury": true, "union": true,
	"network": true, "newspaper": true, "reporter": true, "journalist": true, "host": true, "pastor": true,
	"one": true, "other": true, "everyone": true, "everybody": true, "someone": true, "somebody": true,
	"delegate": true, "superdelegate": true, "veteran": true, "agent": true, "partner": true, "guest": true,
	"figure": true, "state": true, "county": true, "city": true, "country": true, "nation": true,
	"grandchild": true, "son": true, "daughter": true, "mother": true, "father": true,
	"wife": true, "husband": true, "brother": true, "sister": true, "parent": true, "kid": true,
	"colleague": true, "counterpart": true, "neighbor": true, "neighbour": true, "adversary": true,
	"enemy": true, "foe": true, "challenger": true, "incumbent": true, "contender": true, "maker": true,
	"manufacturer": true, "industry": true, "business": true, "employer": true,
	"player": true, "backer": true, "lobbyist": true, "insider": true, "outsider": true,
	"operative": true, "strategist": true, "adviser": true, "advisor": true, "consultant": true,
	"spokesman": true, "spokeswoman": true, "senator": true, "governor": true, "mayor": true,
	"president": true, "minister": true, "king": true, "queen": true, "prince": true, "pope": true,
	"police": true, "officer": true, "soldier": true, "troop": true, "force": true, "army": true,
	"militant": true, "rebel": true, "fighter": true, "terrorist": true, "hacker": true, "bank": true,
	"conservative": true, "liberal": true, "progressive": true, "moderate": true, "diner": true,
	"personnel": true, "front-runner": true, "frontrunner": true, "surrogate": true, "peddler": true,
	"establishment": true, "elite": true, "insurgent": true, "extremist": true, "jihadist": true,
	"settler": true, "civilian": true, "hostage": true, "prisoner": true, "detainee": true,
	"compatriot": true, "champion": true, "winner": true, "loser": true, "visitor": true,
}

// pluralMembers appends to ps, after the participant of actor a's mention
// mi, the other actors that the same plural mention ("the two leaders")
// names, each with the phrase as its text.
func (v *view) pluralMembers(ps []doc.Participant, a, mi int32) []doc.Participant {
	ms := v.d.Actors[a].Mentions
	if mi < 0 || int(mi) >= len(ms) || ms[mi].Kind != doc.MentionPlural {
		return ps
	}
	m := ms[mi]
	for b := range v.d.Actors {
		if int32(b) == a {
			continue
		}
		ac := &v.d.Actors[b]
		for _, o := range ac.Mentions {
			if o.Kind == doc.MentionPlural && o.Start == m.Start && o.End == m.End {
				p := doc.Participant{Actor: ac.ID, Code: ac.Code, Start: m.Start, End: m.End, Text: m.Text}
				if p.Code == "" {
					p.Code = ac.Country
				}
				ps = append(ps, p)
				break
			}
		}
	}
	return ps
}

func (v *view) evidence(cd *cand) doc.Evidence {
	s := v.d.Sentences[cd.sent]
	tr := v.d.Tokens[cd.trig].Span()
	lemma := v.lemma[cd.trig]
	if cd.light >= 0 {
		ls := v.d.Tokens[cd.light].Span()
		if ls.Start < tr.Start {
			tr.Start = ls.Start
		} else {
			tr.End = ls.End
		}
		lemma = v.lemma[cd.light] + " " + lemma
	}
	return doc.Evidence{
		Sentence: cd.sent, Start: s.Start, End: s.End, Text: v.d.SpanText(s.Span()),
		Trigger: doc.Trigger{Text: v.d.SpanText(tr), Start: tr.Start, End: tr.End, Lemma: lemma},
	}
}

// mergeTarget finds an earlier event that ev is another telling of: same
// CAMEO base code, the same named participants (or, for a mention without
// participants, compatible place), compatible date and place. It searches
// backwards so the most recent telling wins.
func mergeTarget(out []doc.Event, ev *doc.Event, bare bool) int {
	if bare {
		// "such a meeting", "that meeting": the latest event told with
		// the same word, before the latest of the same code
		if j := mergeTargetWith(out, ev, true, ev.Evidence.Trigger.Lemma); j >= 0 {
			return j
		}
	}
	return mergeTargetWith(out, ev, bare, "")
}

// mergeTargetWith is mergeTarget restricted, when lemma is not empty, to
// events with a mention whose trigger has that lemma; of those, the one
// told with it last before ev wins ("a sit-down meeting between Trump and
// Putin … that meeting" is not the Riyadh meeting coded before it). With a
// lemma and bare false, the statuses need not agree (a demonstrative
// retelling: "there isn't going to be a meeting … that meeting").
func mergeTargetWith(out []doc.Event, ev *doc.Event, bare bool, lemma string) int {
	if lemma != "" {
		best, bestAt := -1, -1
		for j := range out {
			ok := mergeable(&out[j], ev, true)
			if !bare {
				ok = sameHappening(out[j].CAMEO, ev.CAMEO) && compatibleLoc(out[j].Location, ev.Location) && compatibleDate(out[j].Date, ev.Date)
			}
			if at := lastToldWith(&out[j], lemma, ev.Evidence.Trigger.Start); at > bestAt && ok {
				best, bestAt = j, at
			}
		}
		return best
	}
	for j := len(out) - 1; j >= 0; j-- {
		if mergeable(&out[j], ev, bare) {
			return j
		}
	}
	return -1
}

// sameHappening reports whether two CAMEO codes can name one happening told
// with different statuses: the same base code, or one the intent of the
// other (a planned meeting is 036, the meeting itself 040).
func sameHappening(a, b string) bool {
	a, b = cameo.Base(a), cameo.Base(b)
	return a == b || cameo.Act(cameo.ActIntent, a) == b || cameo.Act(cameo.ActIntent, b) == a
}

// lastToldWith returns the start of e's last trigger with lemma before
// offset before, or -1.
func lastToldWith(e *doc.Event, lemma string, before int) int {
	at := -1
	for _, m := range e.Mentions {
		// (a light verb's trigger lemma is "hold talk")
		if (m.Trigger.Lemma == lemma || strings.HasSuffix(m.Trigger.Lemma, " "+lemma)) && m.Trigger.Start < before && m.Trigger.Start > at {
			at = m.Trigger.Start
		}
	}
	return at
}

// mergeable reports whether ev can be another telling of e.
func mergeable(e, ev *doc.Event, bare bool) bool {
	if cameo.Base(e.CAMEO) != cameo.Base(ev.CAMEO) {
		return false
	}
	if !compatibleLoc(e.Location, ev.Location) || !compatibleDate(e.Date, ev.Date) {
		return false
	}
	if bare {
		return asserted(e.Status) == asserted(ev.Status)
	}
	return e.Status == ev.Status && sameParties(e, ev)
}

// asserted reports whether a status says the event took place.
func asserted(s string) bool { return s == doc.StatusOccurred || s == doc.StatusOngoing }

func compatibleLoc(a, b *doc.Location) bool {
	if a == nil || b == nil {
		return true
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return false
	}
	return a.Name == b.Name || a.Kind == "country" || b.Kind == "country"
}

func compatibleDate(a, b *doc.EventDate) bool {
	if a == nil || b == nil || a.Timex == "" || b.Timex == "" {
		return true
	}
	alo, ahi, ok1 := edRange(a)
	blo, bhi, ok2 := edRange(b)
	if !ok1 || !ok2 {
		return true
	}
	return alo <= bhi && blo <= ahi
}

func actorSet(e *doc.Event) map[string]bool {
	m := map[string]bool{}
	for _, p := range e.Source {
		if p.Actor != "" {
			m[p.Actor] = true
		}
	}
	for _, p := range e.Target {
		if p.Actor != "" {
			m[p.Actor] = true
		}
	}
	return m
}

func sameParties(a, b *doc.Event) bool {
	sa, sb := actorSet(a), actorSet(b)
	if len(sa) == 0 || len(sb) == 0 || len(sa) != len(sb) {
		return false
	}
	for k := range sa {
		if !sb[k] {
			return false
		}
	}
	if a.Reciprocal || b.Reciprocal {
		return true
	}
	// directed events must agree on direction
	return len(a.Source) > 0 && len(b.Source) > 0 && a.Source[0].Actor == b.Source[0].Actor
}

// mergeInto adds ev's evidence to e and fills what e lacks.
func mergeInto(e, ev *doc.Event) {
	e.Mentions = append(e.Mentions, ev.Evidence)
	if e.Location == nil {
		e.Location = ev.Location
	}
	if (e.Date == nil || e.Date.Timex == "") && ev.Date != nil && ev.Date.Timex != "" {
		e.Date = ev.Date
	}
	if len(e.Target) == 0 && len(ev.Target) > 0 && hasActor(ev.Target) {
		e.Target = ev.Target
	}
}

// shareCountry (Literal): an anonymous agent ("---LEG") coordinated before
// agents placed by a modifier after them shares their countries, as that
// modifier covers the coordination: "Lawmakers and officials in Fornost
// and Gondor" are FORLEG, GONLEG, FORGOV, GONGOV.
func (v *view) shareCountry(ps []doc.Participant) []doc.Participant {
	for k := 0; k < len(ps); k++ {
		p := ps[k]
		if !strings.HasPrefix(p.Code, "---") || len(p.Code) <= 3 {
			continue
		}
		var bases []string
		for _, q := range ps[k+1:] {
			if q.Start <= p.Start || strings.HasPrefix(q.Code, "---") {
				continue
			}
			b := ""
			if ai := v.actorIndex(q.Actor); ai >= 0 && v.d.Actors[ai].Country != "" {
				b = v.d.Actors[ai].Country
			} else if len(q.Code) > 3 && !nonCountryCode(q.Code[:3]) {
				b = q.Code[:3]
			}
			if b != "" && !slices.Contains(bases, b) {
				bases = append(bases, b)
			}
		}
		if len(bases) == 0 {
			continue
		}
		out := append([]doc.Participant(nil), ps[:k]...)
		for _, b := range bases {
			np := p
			np.Code = b + p.Code[3:]
			out = append(out, np)
		}
		out = append(out, ps[k+1:]...)
		ps = out
		k += len(bases) - 1
	}
	return ps
}

// actorIndex returns the index of actor id in the document, or -1.
func (v *view) actorIndex(id string) int {
	if id == "" {
		return -1
	}
	for i := range v.d.Actors {
		if v.d.Actors[i].ID == id {
			return i
		}
	}
	return -1
}

// nonCountryCode reports whether a three-letter code opens a CAMEO actor
// code without naming a state (IGO, NGO, GOV …).
func nonCountryCode(c string) bool {
	switch c {
	case "IGO", "NGO", "NGM", "MNC", "IMG", "UIS", "INT", "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD",
		"LEG", "MED", "BUS", "EDU", "LAB", "CVL", "SPY", "HLH", "AGR", "REF", "CRM", "HRI", "ENV", "DEV",
		"UAF", "RAD", "ELI", "REL", "MOD", "MUS", "CHR", "JEW", "BUD", "HIN":
		return true
	}
	return false
}

// codeFromPhrase (Literal): a participant whose head names no coded actor
// takes the first coded actor inside its phrase, as PETRARCH codes a noun
// phrase by the actors and agents in it ("the official news agency WFNA":
// the anonymous "---GOV" of "official").
func (v *view) codeFromPhrase(ps []doc.Participant) {
	for k := range ps {
		p := &ps[k]
		if p.Code != "" {
			continue
		}
		a, b := v.d.TokenAt(p.Start), v.d.TokenAt(p.End-1)
		if a < 0 || b < a {
			continue
		}
		for a > 0 && v.under(a-1, b) {
			a-- // the modifiers of the phrase's head
		}
		if a > 0 && v.d.Tokens[b].UPOS == doc.PROPN && v.d.Tokens[a-1].UPOS == doc.NOUN && int(v.d.Tokens[a-1].Sent) == int(v.d.Tokens[b].Sent) {
			// "the official news agency WFNA" parsed with the name apart
			// from the noun phrase right before it: one phrase
			n := a - 1
			for a > 0 && v.under(a-1, n) {
				a--
			}
		}
		for j := a; j <= b; j++ {
			if ai := v.actor[j]; ai >= 0 && v.d.Actors[ai].Code != "" {
				p.Code = v.d.Actors[ai].Code
				break
			}
		}
	}
}
