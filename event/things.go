package event

import (
	"strings"

	"github.com/chronicle-news/chronicle/doc"
)

// CAMEO codes actors: people, groups, organisations, places and countries.
// A verb's subject or object is often none of these ("discussed those
// contests", "decrying the influence of big money", "rejected the
// legislation"): such a phrase names what the event is about, not who takes
// part, and must neither become a participant nor take the country of its
// sentence. thingNoun tells those nouns apart by their lemma: nominalisations
// by their suffix (-tion, -ment, -ness, -ity, -ance/-ence, -ism, -ing …) unless
// they name a group ("administration", "opposition", "alliance"), and a list
// of common inanimate nouns of news. Nouns it does not know count as possible
// actors, so an unknown word never loses a participant.

// thingRule says which things participants drops.
type thingRule uint8

const (
	thingsNone       thingRule = iota // keep every phrase (PETRARCH's literal coding)
	thingsDrop                        // drop things
	thingsKeepEvents                  // drop things but events and weapons (eventNouns)
)

// groupNouns are nouns with a nominalisation suffix that name people or
// organisations.
var groupNouns = setOf(`administration opposition coalition federation confederation association organization
organisation delegation commission committee congregation generation population management leadership
establishment parliament movement alliance audience defense defence intelligence presidency legislature
authority authorities majority minority community city municipality university charity fraternity
sorority entity nation union agency institution foundation corporation corporations constituency
government ministry department division mission legation embassy consulate junta militia regime
convention assembly conference confederacy dynasty monarchy family celebrity personality resistance
membership partnership township dictatorship station faction prosecution regiment witness business
underling sibling bureaucracy figure`)

// thingNouns are common inanimate nouns of news that a nominalisation
// suffix does not give away.
var thingNouns = setOf(`deal bill law plan policy tax tariff job poll rule effort idea record estimate percent
study report raid tape role process program programme budget price rate issue question problem system money
war crisis vote election primary race contest debate speech comment claim charge case story news video photo
picture email letter message book article document paper data number share stake cost loss gain
deficit debt economy climate energy oil gas water weapon border wall field influence choice change loophole
oversight clarity proposal approval removal renewal refusal denial withdrawal arrival dismissal trial
agenda strategy tactic method approach goal target aim view opinion position stance sign signal step move
measure action attempt bid offer promise threat warning demand request call appeal rally protest strike
attack assault bombing shooting killing fire blast explosion crash accident disaster storm quake earthquake
flood drought amount sum total level value year month week day time period term deadline date hour
decade century season event talks talk meeting summit visit trip tour lie lies remark
remarks statement statements response reply answer result results outcome finding findings evidence fact
facts reason cause effect impact consequence risk danger benefit advantage freedom
control access support aid help relief assistance care health insurance coverage
project scheme initiative reform reforms legislation regulation regulations restriction restrictions
sanction sanctions ban limit cap quota treaty accord pact agreement agreements contract contracts
arrangement memo memorandum complaint order decree ruling verdict sentence penalty fine award prize honor honour
manslaughter murder fraud bribery theft homicide rape treason espionage perjury crime felony misdemeanor count challenge
sky ground floor air street road car house building home ad advertisement robocall commercial mailer flyer
tweet post editorial column op-ed`)

// mediaNouns are things that say something: an ad or a tweet "attacking"
// someone criticises them.
var mediaNouns = setOf(`ad ads advertisement advertisements robocall robocalls commercial commercials mailer
mailers flyer flyers tweet tweets post posts editorial editorials column columns op-ed video videos
statement statements report reports letter letters speech speeches book books article articles`)

// eventNouns are things that stand for the people in them when an act of
// force is done to them or by them: "police prevented the demonstration",
// "a roadside bombing killed …", "a bomb wounded …".
var eventNouns = setOf(`demonstration protest rally march gathering sit-in strike walkout riot uprising
bombing attack explosion blast bomb shelling airstrike strike raid ambush shooting rocket missile mortar drone
mine grenade artillery fire gunfire convoy`)

// nominalSuffixes mark nouns made from verbs and adjectives.
var nominalSuffixes = []string{"tion", "sion", "ment", "ness", "ity", "ance", "ence", "ancy", "ency", "ism", "ship", "ure", "ing"}

// quantityNouns measure out what their "of" phrase names: "a number of
// advisers", "42 percent of voters".
var quantityNouns = setOf(`number lot lots couple dozen dozens handful hundreds thousands millions percent
percentage share majority minority group bunch series rest part half third quarter fraction most some all`)

// thingNoun reports whether the common noun with this lemma names a thing,
// an act or an abstraction rather than a possible actor.
func thingNoun(lemma string) bool {
	l := strings.ToLower(lemma)
	if groupNouns[l] {
		return false
	}
	if thingNouns[l] {
		return true
	}
	for _, s := range nominalSuffixes {
		if len(l) >= len(s)+3 && strings.HasSuffix(l, s) {
			return true
		}
	}
	return false
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// thing reports whether the phrase headed by token h names a thing rather
// than a possible actor: a common noun that thingNoun knows, with no actor,
// entity, country or named modifier ("the Russian proposal" names Russia).
func (v *view) thing(h int) bool {
	if v.d.Tokens[h].UPOS != doc.NOUN || v.actor[h] >= 0 || v.cc[h] != "" || v.entity[h] >= 0 {
		return false
	}
	thing := thingNoun(v.lemma[h]) && !v.actorish(h)
	if quantityNouns[strings.ToLower(v.lemma[h])] {
		v.children(h, func(c int) bool {
			if v.dep(c) == "nmod" && v.caseOf(c) == "of" {
				thing = v.d.Tokens[c].UPOS == doc.NOUN && v.thing(c)
				return false
			}
			return true
		})
	}
	return thing
}

// partyTag reports whether token h is part of a party-and-state tag after
// a politician's name ("R-Tenn.", "D-Calif.", "I-Vt."): the party letter
// or the state after its hyphen.
func (v *view) partyTag(h int) bool {
	toks := v.d.Tokens
	party := func(i int) bool {
		switch v.d.TokenText(i) {
		case "R", "D", "I", "Ind":
			return i+2 < len(toks) && v.d.TokenText(i+1) == "-" && toks[i+1].Start == toks[i].End && toks[i+2].Start == toks[i+1].End
		}
		return false
	}
	return party(h) || h >= 2 && party(h-2)
}

// thingAgent returns who does the act a thing names, when the phrase says
// it: "crimes by Croatian extremists", "the demonstration staged by
// students"; else -1.
func (v *view) thingAgent(h int) int {
	agent := -1
	v.children(h, func(c int) bool {
		switch {
		case v.dep(c) == "nmod" && v.caseOf(c) == "by":
			agent = c
		case v.dep(c) == "acl" && v.d.Tokens[c].UPOS == doc.VERB:
			v.children(c, func(g int) bool {
				if v.d.Tokens[g].Dep == "obl:agent" || v.dep(g) == "obl" && v.caseOf(g) == "by" {
					agent = g
					return false
				}
				return true
			})
		}
		return agent < 0
	})
	if k := h + 1; agent < 0 && k < len(v.d.Tokens) && v.lower[k] == "by" && v.d.Tokens[k].Sent == v.d.Tokens[h].Sent {
		// "investigating crimes by extremists" with "by extremists" hung
		// on the verb: it still says whose crimes
		if g := v.head(k); g > k && v.d.Tokens[g].UPOS == doc.NOUN || g > k && v.d.Tokens[g].UPOS == doc.PROPN {
			agent = g
		}
	}
	if agent >= 0 && (v.d.Tokens[agent].UPOS == doc.PRON || v.thing(agent)) {
		return -1
	}
	return agent
}

// diseases are what campaigns fight that the recogniser may take for names
// ("the war against HIV and AIDS", "fighting Ebola").
var diseases = map[string]bool{
	"aids": true, "hiv": true, "hiv/aids": true, "malaria": true, "ebola": true, "cancer": true, "polio": true,
	"tuberculosis": true, "tb": true, "flu": true, "influenza": true, "sars": true, "covid": true,
	"covid-19": true, "coronavirus": true, "cholera": true, "measles": true, "dengue": true, "zika": true,
	"h5n1": true, "obesity": true, "diabetes": true, "smallpox": true, "mers": true, "mpox": true,
}

// metaphoricWar reports whether trigger t is a war, battle or fight waged
// on something that is no party: "a quieter war against rising seas", "the
// fight on poverty", "his battle with cancer", "fighting climate change"
// (a verb whose object is a thing); a war on someone named ("the war
// against ISIS") or on a group the actor stage knows is real.
func (v *view) metaphoricWar(t int, src []int) bool {
	for _, x := range src {
		if a := v.actor[x]; a >= 0 && armedSector(v.d.Actors[a].Sector) {
			return false // soldiers and fighters fight
		}
	}
	if v.d.Tokens[t].UPOS == doc.VERB {
		switch v.lemma[t] {
		case "fight", "battle", "combat":
		default:
			return false
		}
		// "fighting climate change", "fought off another challenge"
		if o := v.child(t, "obj"); o >= 0 {
			return v.d.Tokens[o].UPOS == doc.NOUN && v.thing(o) || diseases[strings.ToLower(v.lemma[o])]
		}
		// "fought for the legislation", "fought really hard"; not "fought
		// in Vietnam", "fought with the rebels"
		war := false
		v.children(t, func(c int) bool {
			if d := v.dep(c); d == "obl" || strings.HasPrefix(d, "obl") {
				switch v.caseOf(c) {
				case "for":
					war = false
					return false
				case "in", "against", "with", "alongside", "near", "at", "on", "inside", "outside":
					war = true
				}
			}
			return true
		})
		return !war
	}
	if v.d.Tokens[t].UPOS != doc.NOUN {
		return false
	}
	switch v.lemma[t] {
	case "war", "battle", "fight", "crusade", "struggle":
	default:
		return false
	}
	found := false
	v.children(t, func(c int) bool {
		switch v.caseOf(c) {
		case "against", "on", "with":
			if v.dep(c) == "nmod" && (v.d.Tokens[c].UPOS == doc.NOUN && !v.named(c) && v.actor[c] < 0 && !v.actorish(c) || diseases[strings.ToLower(v.lemma[c])]) {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// definite reports whether noun n refers back to something told before:
// it has a definite or demonstrative determiner, "such" or an owner ("the
// Riyadh meeting", "that meeting", "such a meeting", "their talks").
// demonstrative reports whether noun n follows "that", "this", "these",
// "those" or "such (a)", with only adjectives between, whatever the parse
// made of the word ("when that meeting happens" has "that" as a mark).
func (v *view) demonstrative(n int) bool {
	s := v.d.Sentences[v.d.Tokens[n].Sent]
	j := n - 1
	for j >= s.FirstToken && j >= n-3 && v.d.Tokens[j].UPOS == doc.ADJ {
		j--
	}
	if j > s.FirstToken && v.lower[j] == "a" && v.lower[j-1] == "such" {
		return true
	}
	if j < s.FirstToken {
		return false
	}
	switch v.lower[j] {
	case "that", "this", "these", "those", "such":
		return true
	}
	return false
}

func (v *view) definite(n int) bool {
	def := false
	v.children(n, func(c int) bool {
		switch v.d.Tokens[c].Dep {
		case "det", "det:predet", "amod":
			switch v.lower[c] {
			case "the", "this", "that", "these", "those", "such":
				def = true
			}
		case "nmod:poss":
			def = true
		}
		return !def
	})
	return def
}
