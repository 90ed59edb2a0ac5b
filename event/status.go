package event

import (
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/timex"
)

// Factuality rules (see docs/decisions.md, section event).
//
// The status of an event is read off its clause and the clauses that govern
// it, walking up the dependency tree from the clause verb through xcomp,
// ccomp, acl, obj/nsubj:pass (a noun trigger's verb), obl/nmod and advcl,
// at most five steps, and stopping at a speech verb (whose own tense says
// nothing about the event, but which makes the event Reported). Along the
// way it collects:
//
//   - negation: a "not/n't/never/no" dependent → negated;
//   - deny-type governors (deny, dismiss, reject reports) → denied;
//   - a conditional: mark "if/unless" on a clause of the chain, or an advcl
//     with mark "if/unless" on a verb of the chain (the consequent), or
//     "contingent/conditional/dependent on", "depend on" → hypothetical;
//   - future and intention: aux "will/shall/'ll", "be going/set/due/expected/
//     scheduled/about to", governors plan, intend, seek, arrange, aim, hope,
//     want, prepare, propose, offer, agree, pledge, promise, vow, work, try,
//     consider, expect, schedule, discuss; noun modifiers planned, proposed,
//     possible, potential, eventual, future, upcoming, next → planned;
//     modal "would" without a condition → planned (future in the past); a
//     present tense after "once/until/before/after", or "when" with a verb
//     of happening, → planned, but as a time ahead, not an announcement
//     ("when that meeting happens", "once the deal is signed");
//   - modals could/may/might/should/must → planned when the event's date is
//     not in the past, otherwise uncertain;
//   - a progressive (VBG with aux "be") → ongoing;
//   - otherwise occurred; a resolved date after the publication date turns
//     occurred into planned.
//
// Precedence: denied > negated > hypothetical > planned > uncertain >
// ongoing > occurred.

type flags struct {
	neg, denied, hypo, planned, modal, ongoing, must, soft, unless bool
	// ahead: a present tense in a temporal clause ("before we strike
	// back", "once the deal is signed") tells of a time ahead, no intent
	ahead bool
	// plannedMod: a noun modifier says planned ("the planned meeting"),
	// which a negation does not turn into a refusal
	plannedMod bool
}

// occurVerbs tell that an event noun, their subject, happens.
var occurVerbs = map[string]bool{
	"happen": true, "occur": true, "take": true, "begin": true, "start": true, "resume": true,
	"convene": true, "come": true, "end": true, "conclude": true,
}

var denyVerbs = map[string]bool{"deny": true, "dismiss": true, "refute": true, "debunk": true, "disavow": true, "rebut": true}

var planVerbs = map[string]bool{
	"plan": true, "intend": true, "seek": true, "arrange": true, "aim": true, "hope": true, "want": true,
	"prepare": true, "propose": true, "offer": true, "agree": true, "pledge": true, "promise": true,
	"vow": true, "work": true, "try": true, "consider": true, "expect": true, "schedule": true,
	"discuss": true, "decide": true, "attempt": true, "mull": true, "weigh": true, "set": true,
	"due": true, "poise": true, "able": true, "ready": true, "eager": true, "willing": true,
	"wish": true, "effort": true, "plan_n": true, "bid": true, "proposal": true, "preparation": true, "prospect": true,
	"possibility": true, "hope_n": true, "intention": true, "invitation": true, "timeline": true,
	"postpone": true, "delay": true, "defer": true, "reschedule": true, // "the talks were postponed": still ahead
}

// stopVerbs negate the event they govern ("stop killing", "prevent an attack",
// "failed to reach a deal").
var stopVerbs = map[string]bool{"stop": true, "halt": true, "prevent": true, "avoid": true, "cease": true, "end": true, "forestall": true, "avert": true, "refrain": true, "fail": true,
	"cancel": true, "scrap": true, "abandon": true, "scuttle": true}

var hypoHeads = map[string]bool{"contingent": true, "conditional": true, "dependent": true, "depend": true, "hinge": true}

var plannedMods = map[string]bool{
	"planned": true, "proposed": true, "possible": true, "potential": true, "eventual": true, "future": true,
	"upcoming": true, "next": true, "expected": true, "scheduled": true, "prospective": true, "forthcoming": true,
	"anticipated": true, "likely": true, "mooted": true, "intended": true,
}

var speechVerbs = map[string]bool{
	"say": true, "tell": true, "announce": true, "state": true, "claim": true, "report": true, "add": true,
	"note": true, "insist": true, "confirm": true, "write": true, "tweet": true, "post": true, "argue": true,
	"indicate": true, "explain": true, "declare": true, "assert": true, "maintain": true, "reveal": true,
	"disclose": true, "suggest": true, "believe": true, "think": true, "respond": true, "reply": true,
	"stress": true, "emphasize": true, "acknowledge": true, "admit": true, "predict": true, "estimate": true,
	"quote": true, "recall": true, "remark": true, "observe": true, "mention": true, "inform": true,
}

// presentFinite reports whether a Penn tag is a present-tense finite verb.
func presentFinite(xpos string) bool { return xpos == "VBZ" || xpos == "VBP" }

func negWord(l string) bool {
	switch l {
	case "not", "n't", "never", "no", "neither", "nor", "nt":
		return true
	}
	return false
}

// clauseFlags adds the markers found on token x (a verb or noun of the chain).
func (v *view) clauseFlags(x int, f *flags, isTrig bool) {
	t := v.d.Tokens[x]
	if !isTrig {
		l := v.lemma[x]
		if denyVerbs[l] {
			f.denied = true
		}
		if planVerbs[l] || (t.UPOS == doc.NOUN && planVerbs[l+"_n"]) {
			f.planned = true
		}
		if hypoHeads[l] {
			f.hypo = true
		}
		if stopVerbs[l] {
			f.neg = true
		}
	}
	hasBe := false
	v.children(x, func(c int) bool {
		l := v.lemma[c]
		switch v.dep(c) {
		case "advmod", "neg", "det":
			if negWord(l) || (v.dep(c) == "det" && l == "no") {
				f.neg = true
			}
			if (l == "when" || l == "whenever") && c < x && presentFinite(t.XPOS) && occurVerbs[v.lemma[x]] {
				// "when that meeting happens": a happening after "when" in
				// the present is ahead ("when he endorses …" is a habit)
				f.ahead = true
			}
		case "obj":
			if isTrig {
				// "offered no proof", "made no concessions"
				if d := v.child(c, "det"); d >= 0 && v.lemma[d] == "no" {
					f.neg = true
				}
			}
		case "aux":
			switch l {
			case "will", "shall", "'ll", "wo":
				f.planned = true
			case "would", "'d":
				f.modal = true
				f.planned = true
			case "could", "may", "might", "should", "must", "can", "ca", "ought":
				f.modal = true
				if l == "must" || l == "should" || l == "ought" {
					f.must = true
					f.soft = l != "must"
				}
			case "be":
				hasBe = true
			}
		case "mark":
			switch l {
			case "if", "unless", "whether":
				f.hypo = true
			case "once", "until", "till", "before", "after":
				if presentFinite(t.XPOS) {
					f.ahead = true // "once the deal is signed": a time ahead
				}
			}
		case "advcl":
			switch v.caseOf(c) {
			case "if":
				f.hypo = true
			case "unless":
				f.unless = true // "will withdraw … unless": a threat
			}
		case "amod":
			if plannedMods[l] || plannedMods[v.lower[c]] {
				f.planned = true
				f.plannedMod = true
			}
		}
		return true
	})
	if hasBe && t.XPOS == "VBG" && t.UPOS == doc.VERB {
		if v.lemma[x] == "go" && v.child(x, "xcomp") >= 0 {
			f.planned = true // "is going to meet"
		} else {
			f.ongoing = true
		}
	}
}

// qualify sets the status, reporting, date and place of a candidate.
func (c *Coder) qualify(w *work, cd *cand) {
	v := &w.v
	var f flags
	cd.reported = nil
	cd.speaker = -1
	x := cd.trig
	v.clauseFlags(x, &f, true)
	if cd.light >= 0 {
		x = cd.light
		v.clauseFlags(x, &f, false)
	} else if v.isNominal(cd.trig) {
		// "cooperation between the United States and Russia … would be
		// contingent on …": a condition word after a noun trigger with no
		// verb between, whatever the parse made of the clause
		sn := v.d.Sentences[cd.sent]
		for j := cd.trig + 1; j < sn.EndToken && j <= cd.trig+15; j++ {
			if hypoHeads[v.lemma[j]] {
				f.hypo = true
				break
			}
			if v.d.Tokens[j].UPOS == doc.VERB || v.lower[j] == "," || v.lower[j] == ";" {
				break
			}
		}
		// "the potential timeline for a sit-down meeting": a planning
		// modifier shortly before a noun trigger, with no verb between
		for j := cd.trig - 1; j >= sn.FirstToken && j >= cd.trig-10; j-- {
			if v.d.Tokens[j].UPOS == doc.VERB && v.dep(j) != "compound" && v.dep(j) != "amod" {
				break
			}
			if v.dep(j) == "amod" && plannedMods[v.lemma[j]] {
				f.planned = true
				f.plannedMod = true
				break
			}
		}
	}
	if _, sub := v.clauseSubject(x); sub != "" {
		// the subordinator the parser hung on the clause's subject
		switch sub {
		case "if", "unless":
			f.hypo = true
		case "until", "till", "before", "after", "once":
			if presentFinite(v.d.Tokens[x].XPOS) {
				f.ahead = true
			}
		}
	}
	for step := 0; step < 6; step++ {
		h := v.head(x)
		if h < 0 {
			break
		}
		rel := v.dep(x)
		full := v.d.Tokens[x].Dep
		switch rel {
		case "xcomp", "ccomp", "acl", "obj", "obl", "nmod", "advcl", "csubj", "nsubj", "conj", "parataxis":
		default:
			h = -1
		}
		if h < 0 {
			break
		}
		if rel == "nsubj" && full != "nsubj:pass" {
			// "the meeting will take place", "such a meeting would mark"
			v.clauseFlags(h, &f, false)
			break
		}
		if speechVerbs[v.lemma[h]] && v.d.Tokens[h].UPOS == doc.VERB {
			if cd.reported == nil {
				cd.reported = v.reportedBy(h)
				cd.speaker = v.subjOf(h)
			}
			break
		}
		if rel == "conj" {
			x = h
			continue
		}
		if rel == "advcl" && v.d.Tokens[x].UPOS == doc.VERB {
			if m := v.child(x, "mark"); m < 0 || v.lemma[m] != "to" {
				// a participial or finite adverbial clause ("…, accusing her
				// of …") is not under its governor's modality; a purpose
				// clause ("to meet") is
				for k := 0; k < 4 && h >= 0; k++ {
					if denyVerbs[v.lemma[h]] {
						f.denied = true
					}
					h = v.head(h)
				}
				break
			}
		}
		if xp := v.d.Tokens[x].XPOS; ((xp == "VBD" && (rel == "advcl" || rel == "acl" || rel == "ccomp" || rel == "parataxis")) || (xp == "VBN" && rel == "acl")) && !v.firstTime(x, h) {
			// a finite past-tense clause asserts its event; only a denial
			// higher up still applies ("denied that he met …")
			for k := 0; k < 4 && h >= 0; k++ {
				if denyVerbs[v.lemma[h]] {
					f.denied = true
				}
				h = v.head(h)
			}
			break
		}
		v.clauseFlags(h, &f, false)
		x = h
	}
	if cd.reported == nil && v.quoteIn[cd.trig] >= 0 {
		// a statement reports the event; an aim ("the administration has
		// sought to pair negotiations with …") is its holder's own plan,
		// which the status already says
		if q := &v.d.Quotes[v.quoteIn[cd.trig]]; q.Direct || q.Cue == nil || !aimCues[q.Cue.Lemma] {
			rep := &doc.Reported{Quote: q.ID}
			if q.Speaker != nil {
				rep.By, rep.Text = q.Speaker.Actor, q.Speaker.Text
			}
			cd.reported = rep
		}
	}
	if cd.reported == nil {
		// "according to X"
		v.children(cd.trig, func(ch int) bool {
			if cs := v.caseOf(ch); v.dep(ch) == "obl" && (cs == "accord" || cs == "according") {
				cd.reported = v.reportedFrom(ch)
				return false
			}
			return true
		})
	}
	cd.date = c.dateOf(w, cd)
	if cd.date == nil && v.sentHasTimex(cd.sent) && !v.openTime(cd.trig) {
		// the time stage's attachment (it also tries the nearest time
		// expression of the sentence); its publication-date fallback is
		// not used: undated events get status-dependent defaults
		if ed := timex.DateFor(v.d, cd.trig); ed != nil && ed.Timex != "" {
			cd.date = ed
		}
	}
	cd.loc = v.locationOf(cd)
	future := cd.date != nil && afterPub(v.d, cd.date)
	past := cd.date != nil && beforePub(v.d, cd.date)
	cd.ahead = false
	cd.refusal = f.neg && (f.planned && !f.plannedMod || f.modal)
	cd.conditional = f.unless && !f.neg
	cd.must = f.must && !f.neg
	cd.soft = f.soft
	switch {
	case f.denied:
		cd.status = doc.StatusDenied
	case f.neg:
		cd.status = doc.StatusNegated
	case f.hypo:
		cd.status = doc.StatusHypothetical
	case f.unless && !f.hypo:
		cd.status = doc.StatusPlanned
	case f.planned && !(f.modal && past):
		cd.status = doc.StatusPlanned
	case f.modal && !past:
		cd.status = doc.StatusPlanned
	case f.modal:
		cd.status = doc.StatusUncertain
	case f.ahead:
		cd.status = doc.StatusPlanned
		cd.ahead = true
	case f.ongoing && !future:
		cd.status = doc.StatusOngoing
	case future:
		cd.status = doc.StatusPlanned
	default:
		cd.status = doc.StatusOccurred
	}
}

// openTime reports whether noun trigger n carries a modifier that leaves its
// time open ("the eventual talks", "a possible summit"): the sentence's
// time expressions date something else.
func (v *view) openTime(n int) bool {
	open := false
	v.children(n, func(c int) bool {
		if v.dep(c) == "amod" {
			switch v.lemma[c] {
			case "eventual", "possible", "potential", "future", "prospective", "hypothetical":
				open = true
			}
		}
		return !open
	})
	return open
}

// aimCues are the cue lemmas of attributions that state an aim, not a
// statement (PolNeAR counts both as attributions).
var aimCues = map[string]bool{"seek": true, "want": true, "hope": true, "plan": true, "intend": true, "try": true,
	"aim": true, "wish": true, "strive": true, "attempt": true, "look": true, "desire": true, "push": true}

func (v *view) reportedBy(speech int) *doc.Reported {
	s := v.subjOf(speech)
	if s < 0 {
		return &doc.Reported{}
	}
	return v.reportedFrom(s)
}

func (v *view) reportedFrom(h int) *doc.Reported {
	sp := v.span(h)
	rep := &doc.Reported{Text: v.d.SpanText(sp)}
	if a := v.actor[h]; a >= 0 {
		rep.By = v.d.Actors[a].ID
	}
	return rep
}

// firstTime reports whether clause x is a relative clause of "the first
// (only) time" h: "it will mark the first time that X met Y since 2021"
// describes the event the governing clause is about, whose modality it
// takes, not a past one.
func (v *view) firstTime(x, h int) bool {
	if v.d.Tokens[x].Dep != "acl:relcl" || (v.lemma[h] != "time" && v.lemma[h] != "occasion") {
		return false
	}
	for c := v.first[h]; c >= 0; c = v.next[c] {
		if v.dep(int(c)) == "amod" && (v.lemma[c] == "first" || v.lemma[c] == "only") {
			return true
		}
	}
	return false
}
