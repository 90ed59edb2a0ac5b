package event

import (
	"github.com/chronicle-news/chronicle/cameo"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/gazetteer"
)

func actCode(kind, comp string) string {
	if comp == "" {
		return ""
	}
	return cameo.Act(kind, comp)
}

// partnerPreps introduce a verb's or noun's target when it has no object, in
// order of preference.
var partnerPreps = []string{"with", "against", "to", "on", "toward", "towards", "into", "at", "from", "over", "for", "of"}

// relPron are relative pronouns, replaced by the noun a relative clause modifies.
func relPron(l string) bool {
	switch l {
	case "who", "which", "that", "whom":
		return true
	}
	return false
}

// roles fills cd.src and cd.tgt with argument head tokens.
func (c *Coder) roles(w *work, cd *cand) {
	v := &w.v
	r := c.ruleOf(cd)
	cd.src, cd.tgt = cd.src[:0], cd.tgt[:0]
	t := cd.trig
	isVerb := cd.light < 0 && (v.d.Tokens[t].UPOS != doc.NOUN && v.d.Tokens[t].UPOS != doc.PROPN || v.taggedNounVerb(t))
	var srcHead, tgtHead = -1, -1
	if isVerb || cd.light >= 0 {
		vb := t
		if cd.light >= 0 {
			vb = cd.light
		}
		srcHead, tgtHead = v.verbArgs(vb, r.Target, r.Kind == KindVerb)
		if c.literal && srcHead < 0 && tgtHead >= 0 && v.d.Tokens[tgtHead].Dep == "nsubj:pass" && v.child(vb, "obl:agent") < 0 {
			// PETRARCH reads a passive without a by-agent like an active
			// clause: "X was criticized over its dispute with Y" is X → Y
			srcHead, tgtHead = tgtHead, -1
		}
		if cd.light >= 0 {
			// partners may hang on the noun ("held talks with X") or the verb
			if tgtHead < 0 || tgtHead == t {
				tgtHead = v.partner(t, r.Target)
			}
			if tgtHead == t {
				tgtHead = -1
			}
			if s, _ := v.nounArgs(t, r.Target); srcHead < 0 {
				srcHead = s
			}
		}
	} else {
		srcHead, tgtHead = v.nounArgs(t, r.Target)
		if h := v.head(t); h >= 0 && v.dep(t) == "compound" && v.isNominal(h) && (srcHead < 0 || tgtHead < 0) {
			// "a mediation effort between X and Y": the phrase head's dependents
			s2, t2 := v.nounArgs(h, r.Target)
			if srcHead < 0 {
				srcHead = s2
			}
			if tgtHead < 0 {
				tgtHead = t2
			}
		}
		if h := v.head(t); srcHead < 0 && h >= 0 && v.dep(t) == "nmod" && v.d.Tokens[h].UPOS == doc.NOUN {
			// "the Trump administration's efforts to reestablish dialogue",
			// "Iran's plan for talks": the governing noun's owner
			switch v.caseOf(t) {
			case "to", "for", "toward", "towards":
				srcHead, _ = v.nounArgs(h, r.Target)
			}
		}
		if h := v.head(t); h >= 0 && v.dep(t) == "obj" && v.d.Tokens[h].UPOS == doc.VERB && w.byTok[h] < 0 {
			// "to reestablish regular dialogue with Moscow", "resumed talks
			// with X": the partner (and then the doer) of the verb the noun
			// is the object of
			if tgtHead < 0 {
				if p := v.partner(h, "with"); p >= 0 && v.actorish(p) {
					tgtHead = p
					if srcHead < 0 {
						srcHead, _ = v.verbArgs(h, "", true) // and its doer
					}
				}
			}
		}
		if h := v.head(t); srcHead < 0 && h >= 0 && v.dep(t) == "obl" && v.d.Tokens[h].UPOS == doc.VERB {
			// "negotiators return to Geneva for talks", "engaged in ethnic cleansing"
			switch v.caseOf(t) {
			case "for", "to", "in", "into":
				if reactionVerbs[v.lemma[h]] {
					break // "responded to the massacre": someone else's act
				}
				s, pt := v.verbArgs(h, "", true)
				if s < 0 && v.passive(h) && pt >= 0 && v.actorish(pt) {
					s = pt // "Serb forces were engaged in ethnic cleansing"
				}
				srcHead = s
			}
		}
	}
	// an act's complement supplies what the act verb lacks
	if cd.comp >= 0 {
		comp := &w.cands[cd.comp]
		if tgtHead < 0 {
			_, ct := v.argsOf(comp, c)
			tgtHead = ct
		}
	}
	// an act without a coded complement: the addressee is the subject of a
	// "that" clause ("demanded that the US cancel …") or the object or
	// partner of the complement verb ("offered to hand over to Britain")
	if r.Act != "" && (tgtHead < 0 || !v.actorish(tgtHead)) {
		if x := v.complementVerb(t); x >= 0 {
			// (of several subjects, the parse's "that" among them, the one
			// that names somebody)
			s := v.child(x, "nsubj", "nsubj:pass")
			v.children(x, func(c int) bool {
				if d := v.d.Tokens[c].Dep; (d == "nsubj" || d == "nsubj:pass") && v.actorish(c) {
					s = c
					return false
				}
				return true
			})
			if s >= 0 && v.actorish(s) && (r.Act == "demand" || r.Act == "appeal") {
				tgtHead = s
			} else if g := v.targetIn(x, 0); g >= 0 {
				tgtHead = g
			}
		} else if o := v.child(t, "obj"); o >= 0 {
			// "demanded an admission by Moscow", "rejected calls by Belarus"
			if g := v.targetIn(o, 0); g >= 0 {
				tgtHead = g
			}
		} else if o := v.child(t, "obl"); o >= 0 && v.caseOf(o) != "" {
			// "agreed to an extension of the mandate for the force in Lebanon"
			if g := v.targetIn(o, 0); g >= 0 {
				tgtHead = g
			}
		}
	}
	// the speaker of a quote whose cue is the trigger
	if srcHead < 0 && v.quoteCue[t] >= 0 {
		if q := v.d.Quotes[v.quoteCue[t]]; q.Speaker != nil {
			if i := v.d.TokenAt(q.Speaker.Start); i >= 0 {
				srcHead = v.nominalHead(i, q.Speaker.End)
			}
		}
	}
	if tgtHead < 0 && isVerb {
		// "donated and delivered goods to X": a partner of a coordinated verb
		v.children(t, func(c int) bool {
			if v.dep(c) == "conj" && v.d.Tokens[c].UPOS == doc.VERB && v.child(c, "nsubj", "nsubj:pass") < 0 {
				if p := v.partner(c, r.Target); p >= 0 && v.actorish(p) {
					tgtHead = p
					return false
				}
			}
			return true
		})
	}
	if tgtHead < 0 && isVerb && v.caseOf(t) == "to" && (v.dep(t) == "xcomp" || v.dep(t) == "advcl") {
		// "summoned Niger's ambassador to complain": a purpose infinitive
		// without a target of its own is aimed at its governor's object
		if h := v.head(t); h >= 0 && !objectControl[v.lemma[h]] && v.d.Tokens[h].UPOS == doc.VERB {
			o := v.child(h, "obj")
			if o < 0 {
				o = v.smallClauseSubj(t)
			}
			if o >= 0 && v.named(o) && !v.sameActor(o, []int{srcHead}) {
				tgtHead = o
			}
		}
	}
	if srcHead >= 0 && !v.named(srcHead) && v.generic(srcHead) && !c.literal {
		// "any country that has supported Kyiv": no event of anybody's
		cd.consumed = true
		return
	}
	srcHead = v.resolvePron(srcHead, t)
	tgtHead = v.resolvePronTarget(tgtHead)
	cd.src = v.expand(cd.src, srcHead)
	if hs := v.headOf(srcHead); hs >= 0 && (hs == t || hs == cd.light) && v.dep(srcHead) == "nsubj" {
		// a coordination parsed as several subjects: "Trump and Zelenskyy traded …"
		v.children(v.head(srcHead), func(c int) bool {
			if c != srcHead && v.d.Tokens[c].Dep == "nsubj" && v.named(c) {
				cd.src = v.expand(cd.src, c)
			}
			return true
		})
	}
	cd.tgt = v.expand(cd.tgt, tgtHead)
	// "U.S. and Russian envoys met", "the two sides met": reciprocal
	if r.Recip || cd.recip {
		cd.recip = true
	}
	// a visit's host is the country of the place visited
	if len(cd.tgt) == 0 && (cameo.Base(cd.code) == "042" || cameo.Base(cd.code) == "036") {
		if p := v.placeArg(cd, true); p >= 0 && v.named(p) {
			cd.tgt = append(cd.tgt, p)
		}
	}
	// PETRARCH's convention (Literal): the target is the first actor after
	// the verb inside its phrase when the object names none
	if c.literal && (!hasCoded(v, cd.tgt) || r.Skip > 0) {
		sn := v.d.Sentences[cd.sent]
		skip, last := r.Skip, -1
		for j := t + 1; j < sn.EndToken; j++ {
			if v.coded(j) && (v.under(j, t) || v.rightOfInfinitive(j, t)) && !v.inSubj(j, t) && !v.sameActor(j, cd.src) {
				if last >= 0 && v.actor[j] >= 0 && v.actor[j] == v.actor[last] {
					continue // the same actor's next word
				}
				last = j
				if skip > 0 {
					skip-- // PETRARCH's "^": a skipped phrase
					continue
				}
				// with its conjuncts: "believes X and Y can cope"
				cd.tgt = v.expand(cd.tgt[:0], j)
				break
			}
		}
	}
	// drop a target that is one of the sources, and (Literal) the speaker
	// of a trailing attribution the parse hung on the verb ("… burned down
	// its embassy, a senior official said")
	out := cd.tgt[:0]
	for _, x := range cd.tgt {
		if c.literal && v.attributionSpeaker(x) {
			continue
		}
		if !v.sameActor(x, cd.src) && !(v.cc[x] != "" && containsCC(v, cd.src, v.cc[x])) {
			out = append(out, x)
		}
	}
	cd.tgt = out
	if r.Swap {
		cd.src, cd.tgt = cd.tgt, cd.src
	}
	if r.Up {
		// "X noted that Y regretted": Y is the target, X the source
		if g := v.head(t); g >= 0 && v.d.Tokens[g].UPOS == doc.VERB {
			if s := v.subjOf(g); s >= 0 && !v.sameActor(s, cd.src) {
				cd.tgt = append(cd.tgt[:0], cd.src...)
				cd.src = v.expand(nil, s)
			}
		}
	}
}

func (v *view) sameActor(x int, set []int) bool {
	for _, y := range set {
		if x == y || (v.actor[x] >= 0 && v.actor[x] == v.actor[y]) {
			return true
		}
	}
	return false
}

func containsCC(v *view, set []int, cc string) bool {
	for _, y := range set {
		if v.cc[y] == cc {
			return true
		}
	}
	return false
}

// argsOf returns the source and target heads of another candidate.
func (v *view) argsOf(cd *cand, c *Coder) (int, int) {
	r := c.ruleOf(cd)
	if cd.light < 0 && (v.d.Tokens[cd.trig].UPOS == doc.VERB || v.taggedNounVerb(cd.trig)) {
		return v.verbArgs(cd.trig, r.Target, true)
	}
	return v.nounArgs(cd.trig, r.Target)
}

// verbArgs returns the source and target heads of verb i.
func (v *view) verbArgs(i int, targetPrep string, verbal bool) (src, tgt int) {
	src, tgt = -1, -1
	pass := v.passive(i)
	v.children(i, func(c int) bool {
		switch v.d.Tokens[c].Dep {
		case "nsubj", "csubj":
			// several subjects: a misparse; prefer a named one, never a time
			if src < 0 || v.timex[src] >= 0 || (!v.named(src) && v.named(c) && v.timex[c] < 0) {
				src = c
			}
		case "nsubj:pass":
			if tgt < 0 {
				tgt = c
			}
		case "obl:agent":
			src = c
		case "obl":
			if pass && v.caseOf(c) == "by" {
				src = c
			}
		}
		return true
	})
	if src >= 0 && v.smallClauseSubj(i) == src && !objectControl[v.lemma[v.head(i)]] {
		// "summoned X to complain": X is the governor's object, and the
		// infinitive is the purpose of the governor's subject
		src = -1
	}
	if src < 0 || !v.named(src) && (v.d.Tokens[src].UPOS == doc.ADJ || v.d.Tokens[src].UPOS == doc.ADV || v.d.Tokens[src].UPOS == doc.DET) {
		// "X most certainly did not clash" parsed with "most" as subject
		// and X as a vocative: a named left dependent is the subject
		v.children(i, func(c int) bool {
			if c < i && v.named(c) {
				switch v.d.Tokens[c].Dep {
				case "vocative", "dep", "discourse", "obl:npmod", "nmod:npmod":
					src = c
					return false
				}
			}
			return true
		})
	}
	if pass && (tgt < 0 || !v.actorish(tgt)) {
		if p := v.partner(i, targetPrep); p >= 0 && (v.actorish(p) || tgt < 0) {
			tgt = p
		}
	}
	if !pass {
		if targetPrep != "" {
			tgt = v.partner(i, targetPrep)
			if tgt < 0 {
				tgt = v.prepObjectUnder(i, targetPrep)
			}
		} else if io := v.actorChild(i, "iobj", "obj"); io >= 0 {
			tgt = io // a named (indirect) object, even when the parser gave two
		} else if o := v.child(i, "obj"); o >= 0 && (v.actorish(o) || tgt < 0) {
			tgt = o
			if !v.actorish(o) {
				if p := v.partner(i, ""); p >= 0 && v.actorish(p) {
					tgt = p
				} else if p := v.targetIn(o, 0); p >= 0 {
					tgt = p // "accepted talks with Japan", "welcomed the resumption of ties with X"
				}
			}
		} else if io := v.child(i, "iobj"); io >= 0 {
			tgt = io
		} else {
			tgt = v.partner(i, "")
			if tgt < 0 {
				// "summoned Niger's ambassador to complain" parsed with the
				// ambassador as the subject of "complain"
				v.children(i, func(c int) bool {
					if s := v.smallClauseSubj(c); s >= 0 && v.actorish(s) {
						tgt = s
						return false
					}
					return true
				})
			}
		}
	}
	if src >= 0 && relPron(v.lemma[src]) {
		src = v.relHead(i)
	}
	if src >= 0 && v.timex[src] >= 0 {
		// "Iran today threatened": the parser made the time the subject
		s := -1
		v.children(src, func(c int) bool {
			if v.dep(c) == "compound" && v.named(c) {
				s = c
			}
			return true
		})
		src = s
	}
	if src < 0 {
		if x, _ := v.clauseSubject(i); x >= 0 {
			src = x // "until Russia withdraws", with "until" hung on Russia
		}
	}
	if src < 0 {
		src = v.controller(i)
	}
	if src < 0 && verbal {
		src = v.leftSubject(i)
	}
	return src, tgt
}

// clauseSubject finds, for a finite verb the parser gave no subject, the
// named nominal right before it that a subordinator the parser took for a
// preposition introduces ("would not meet Putin until Russia withdraws its
// troops": "until Russia" made an oblique). It returns the nominal and the
// subordinator, or -1.
func (v *view) clauseSubject(i int) (int, string) {
	switch v.d.Tokens[i].XPOS {
	case "VBZ", "VBP", "VBD":
	default:
		return -1, ""
	}
	if v.child(i, "nsubj", "nsubj:pass", "csubj") >= 0 || i == 0 {
		return -1, ""
	}
	x := i - 1
	if v.d.Tokens[x].Sent != v.d.Tokens[i].Sent || !v.named(x) || !v.isNominal(x) {
		return -1, ""
	}
	for k := 0; k < 4 && (v.dep(x) == "flat" || v.dep(x) == "compound"); k++ {
		if h := v.head(x); h > x && h < i {
			x = h
		} else {
			break
		}
	}
	switch cs := v.caseOf(x); cs {
	case "until", "till", "before", "after", "since", "once", "unless", "if", "because", "while", "when":
		return x, cs
	}
	return -1, ""
}

// generic reports whether nominal x is quantified as nobody in particular:
// "any country", "every nation", "no government".
func (v *view) generic(x int) bool {
	for c := v.first[x]; c >= 0; c = v.next[c] {
		if v.dep(int(c)) == "det" {
			switch v.lemma[c] {
			case "any", "every", "no":
				return true
			}
		}
	}
	return false
}

// placeGroup reports whether token g is the whole mention of a group the
// actor stage made for a place coordinated after an agent ("officials in
// Fornost and Gondor": the group of Gondor's officials, mentioned as
// "Gondor").
func (v *view) placeGroup(g int) bool {
	a := v.actor[g]
	if a < 0 || v.d.Actors[a].Kind != "GRP" {
		return false
	}
	m := v.d.Actors[a].Mentions[v.mention[g]]
	t := v.d.Tokens[g]
	return m.Start == int(t.Start) && m.End == int(t.End) || v.d.SpanText(v.nameSpan(g)) == m.Text
}

// conjAfter reports whether h has a conjunct after token c.
func (v *view) conjAfter(h, c int) bool {
	for x := v.first[h]; x >= 0; x = v.next[x] {
		if int(x) > c && v.dep(int(x)) == "conj" {
			return true
		}
	}
	return false
}

// rightOfInfinitive reports whether token j, after a to-infinitive t that
// the parser tagged a noun, hangs on t's governor: the parse lost the
// infinitive's complement ("has begun to question whether … with X").
func (v *view) rightOfInfinitive(j, t int) bool {
	if j <= t || !v.toInfinitiveNoun(t) && v.d.Tokens[t].Dep != "xcomp" {
		return false
	}
	h := v.head(t)
	return h >= 0 && v.under(j, h)
}

// smallClauseSubj returns the subject the parser gave a to-infinitive
// complement x between its governor and itself ("summoned X to complain"
// with X as the subject of "complain"): in English such a noun is the
// governor's object. -1 when x is no such complement.
func (v *view) smallClauseSubj(x int) int {
	h := v.head(x)
	if h < 0 || v.d.Tokens[x].Dep != "xcomp" || v.caseOf(x) != "to" {
		return -1
	}
	s := v.child(x, "nsubj")
	if s < 0 || s < h || s > x || v.child(x, "mark") < 0 {
		return -1
	}
	for c := v.first[x]; c >= 0; c = v.next[c] {
		if v.dep(int(c)) == "mark" && v.lemma[c] != "to" {
			return -1 // "for X to do"
		}
	}
	return s
}

// leftSubject is the last resort for a finite verb the parser gave no
// subject: the nearest named nominal shortly before it that is not inside
// a prepositional phrase.
func (v *view) leftSubject(i int) int {
	switch v.d.Tokens[i].XPOS {
	case "VBD", "VBZ", "VBP":
	default:
		return -1
	}
	s := v.d.Sentences[v.d.Tokens[i].Sent]
	for j := i - 1; j >= s.FirstToken && j >= i-8; j-- {
		if v.d.Tokens[j].UPOS == doc.VERB {
			return -1
		}
		if v.named(j) && v.isNominal(j) && v.caseOf(j) == "" && v.dep(j) != "obl" && v.dep(j) != "nmod" && v.dep(j) != "compound" && v.dep(j) != "flat" {
			return j
		}
	}
	return -1
}

// controller finds the understood subject of a verb without one: the
// subject (or, after "urge/ask/help", the object) of the verb it depends on
// through xcomp, conj, advcl or acl.
func (v *view) controller(i int) int { return v.controllerAt(i, 0) }

func (v *view) controllerAt(i, depth int) int {
	if depth > 3 {
		return -1
	}
	if x := v.forSubject(i); x >= 0 {
		return x // "arrange for the two leaders to meet": the leaders meet
	}
	for k := 0; k < 4; k++ {
		h := v.head(i)
		if h < 0 {
			return -1
		}
		rel := v.dep(i)
		if rel == "obl" && v.toInfinitiveNoun(i) {
			rel = "xcomp" // "has begun to question", "question" tagged a noun
		}
		switch rel {
		case "xcomp":
			if o := v.child(h, "obj"); o >= 0 && v.actorish(o) && objectControl[v.lemma[h]] {
				return o // "urged Iran to negotiate": Iran negotiates
			}
			if s := v.subjOf(h); s >= 0 {
				return s
			}
			if v.passive(h) {
				// "X was seen to break in", "X was asked to negotiate":
				// the passive subject does the complement's act
				if s := v.child(h, "nsubj:pass"); s >= 0 {
					return s
				}
			}
		case "conj", "advcl", "ccomp":
			if rel != "conj" && v.child(i, "nsubj:pass") >= 0 && !statePassives[v.lemma[i]] {
				// "the Red Cross estimated that 5.9 million Filipinos were
				// killed": a passive clause with a subject of its own names
				// its doer or nobody, never the governing clause's subject
				return -1
			}
			if v.dep(i) == "advcl" && v.d.Tokens[i].XPOS == "VBG" && v.caseOf(i) == "for" {
				// "mock Hillary Clinton for inviting Mark Cuban": who is
				// mocked (praised, blamed, sued) for it did it
				if o := v.child(h, "obj"); o >= 0 && o < i && v.actorish(o) {
					return o
				}
			}
			if v.dep(i) == "advcl" && v.d.Tokens[i].XPOS == "VBG" {
				// "…, with Trump calling Zelenskyy a dictator": the with-phrase
				// right before the participle is its subject
				w := -1
				v.children(h, func(c int) bool {
					if c < i && v.dep(c) == "obl" && v.caseOf(c) == "with" {
						w = c
					}
					return true
				})
				if w >= 0 && w > i-4 {
					return w
				}
			}
			if s := v.subjOf(h); s >= 0 {
				return s
			}
		case "parataxis":
			// a fragment parse: "Gaddafi and Zhivkov today signed" hangs the
			// verb on the names, "aircraft using guided missiles killed" on
			// another verb
			if v.isNominal(h) && v.actorish(h) {
				return h
			}
			if v.d.Tokens[h].UPOS == doc.VERB && !speechVerbs[v.lemma[i]] {
				if s := v.subjOf(h); s >= 0 && v.actorish(s) {
					return s
				}
			}
			return -1
		case "acl":
			if v.d.Tokens[i].Dep == "acl:relcl" && v.relAdverbOrOwnPatient(i) {
				return -1 // "a secret jail where Bachelet was tortured": the jail did nothing
			}
			if v.d.Tokens[i].Dep == "acl:relcl" || v.isNominal(h) {
				if !v.named(h) {
					// "… a dictator and Zelenskyy accusing Trump": the named
					// conjunct right before the participle
					best := -1
					v.children(h, func(c int) bool {
						if v.dep(c) == "conj" && c < i && v.named(c) {
							best = c
						}
						return true
					})
					if best >= 0 {
						return best
					}
					// "issued a declaration demanding …", "sought to pair X
					// with an effort to improve relations"
					if g := v.head(h); g >= 0 && v.d.Tokens[g].UPOS == doc.VERB {
						switch v.dep(h) {
						case "obj", "obl":
							s := v.subjOf(g)
							if s < 0 {
								s = v.controllerAt(g, depth+1)
							}
							if s >= 0 && v.actorish(s) {
								return s
							}
						}
					}
				}
				return h
			}
		default:
			return -1
		}
		i = h
	}
	return -1
}

// reactionVerbs take as their prepositional object an act of someone
// else's ("responded to the massacre", "reacted to the attack").
var reactionVerbs = map[string]bool{
	"respond": true, "react": true, "reply": true, "retaliate": true, "object": true, "refer": true,
	"point": true, "allude": true, "testify": true, "listen": true, "apologize": true, "apologise": true,
}

// forSubject returns the subject of the to-infinitive i given by a
// for-phrase right before its "to" ("arrange for the two leaders to
// meet"), which the parser may attach to the governing verb, or -1.
func (v *view) forSubject(i int) int {
	to := -1
	v.children(i, func(c int) bool {
		if v.dep(c) == "mark" && v.lower[c] == "to" && c < i {
			to = c
		}
		return to < 0
	})
	if to < 1 || v.d.Tokens[to-1].Sent != v.d.Tokens[to].Sent {
		return -1
	}
	x := to - 1
up:
	for k := 0; k < 6; k++ {
		switch v.d.Tokens[x].Dep {
		case "conj", "flat", "flat:name", "compound":
			// "for Iran and the United States to meet"
			if x = v.head(x); x < 0 {
				return -1
			}
		default:
			break up
		}
	}
	if x >= to || !v.isNominal(x) || !v.named(x) {
		return -1
	}
	if v.caseOf(x) == "for" {
		return x
	}
	// "for Justice Ruth Bader Ginsburg to criticize": the marker may hang
	// on a word of the name
	for f := x - 1; f >= 0 && f >= x-6 && v.d.Tokens[f].Sent == v.d.Tokens[x].Sent; f-- {
		if v.lower[f] == "for" && v.dep(f) == "case" {
			if h := v.head(f); h > f && h <= x {
				return x
			}
			return -1
		}
	}
	return -1
}

// objectControl verbs make their object the subject of their infinitive
// ("urged Iran to negotiate"); with other verbs the infinitive is a purpose
// of the subject ("summoned the ambassador to complain").
var objectControl = map[string]bool{
	"ask": true, "urge": true, "tell": true, "order": true, "force": true, "persuade": true, "allow": true,
	"invite": true, "encourage": true, "pressure": true, "press": true, "call": true, "compel": true,
	"instruct": true, "advise": true, "help": true, "require": true, "permit": true, "authorize": true,
	"enable": true, "push": true, "lead": true, "get": true, "want": true, "expect": true, "warn": true,
	"remind": true, "direct": true, "command": true, "beg": true, "implore": true, "challenge": true,
}

func (v *view) subjOf(i int) int { return v.subjOfAt(i, 0) }

func (v *view) subjOfAt(i, depth int) int {
	s := v.child(i, "nsubj", "csubj")
	if s < 0 && depth < 4 && v.dep(i) == "conj" && v.head(i) >= 0 && !v.passive(i) {
		// "Trump didn't answer but said …": a conjunct shares its subject
		return v.subjOfAt(v.head(i), depth+1)
	}
	if s >= 0 && relPron(v.lemma[s]) {
		return v.relHead(i)
	}
	if s < 0 && v.passive(i) {
		if a := v.child(i, "obl:agent"); a >= 0 {
			return a
		}
	}
	return s
}

// statePassives are verbs whose passive participle tells a stance of its
// subject ("Vietnam is committed to opening up"), not something done to it.
var statePassives = map[string]bool{
	"commit": true, "determine": true, "prepare": true, "oppose": true, "interest": true, "convince": true,
	"dedicate": true, "devote": true, "resolve": true, "engage": true, "involve": true, "concern": true,
	"obligate": true, "oblige": true, "bind": true, "poise": true, "set": true,
}

// relAdverbOrOwnPatient reports whether relative clause i is introduced by
// a relative adverb ("where", "when", "why": the noun it modifies is a
// place, time or reason) or is passive with a patient of its own ("the jail
// in which Bachelet was held"): either way the noun does not act in it.
func (v *view) relAdverbOrOwnPatient(i int) bool {
	found := false
	v.children(i, func(c int) bool {
		switch {
		case v.dep(c) == "advmod" && (v.lemma[c] == "where" || v.lemma[c] == "when" || v.lemma[c] == "why" || v.lemma[c] == "whereby"):
			found = true
		case v.d.Tokens[c].Dep == "nsubj:pass" && !relPron(v.lemma[c]):
			found = true
		}
		return !found
	})
	return found
}

func (v *view) relHead(i int) int {
	if v.d.Tokens[i].Dep == "acl:relcl" {
		return v.head(i)
	}
	return -1
}

// partner returns the head of a prepositional dependent of i that can be a
// target: introduced by prep when given, else by one of partnerPreps,
// preferring phrases that name an actor.
func (v *view) partner(i int, prep string) int {
	best, bestRank := -1, 1<<30
	v.children(i, func(c int) bool {
		switch v.dep(c) {
		case "obl", "nmod":
		default:
			return true
		}
		cs := v.caseOf(c)
		if prep != "" {
			if cs == prep {
				best = c
				return false
			}
			return true
		}
		for rank, p := range partnerPreps {
			if p == cs {
				if !v.actorish(c) {
					rank += 100
				}
				if rank < bestRank {
					best, bestRank = c, rank
				}
				break
			}
		}
		return true
	})
	if best >= 0 && !v.isNominal(best) && v.d.Tokens[best].UPOS != doc.PRON {
		// "with then-U.S. President Joe Biden": the case marker landed on a
		// non-nominal; take the next named oblique without its own marker
		for c := v.next[best]; c >= 0; c = v.next[c] {
			if (v.dep(int(c)) == "obl" || v.dep(int(c)) == "nmod") && v.caseOf(int(c)) == "" && v.named(int(c)) {
				return int(c)
			}
		}
	}
	if prep == "" && best >= 0 && bestRank >= 100 {
		// a non-actor prepositional object is a target only for "with"/"against"
		if cs := v.caseOf(best); cs != "with" && cs != "against" {
			return -1
		}
	}
	return best
}

// nounArgs returns the source and target heads of a noun trigger: "Russia's
// attack", "U.S. sanctions", "talks between X and Y", "aid to X".
func (v *view) nounArgs(n int, targetPrep string) (src, tgt int) {
	src, tgt = -1, -1
	v.children(n, func(c int) bool {
		switch v.d.Tokens[c].Dep {
		case "nmod:poss":
			if src < 0 && !v.isPlace(c) {
				src = c
			}
		case "compound", "amod":
			if src < 0 && v.named(c) && !v.isPlace(c) {
				src = c
			}
		}
		if v.dep(c) == "nmod" {
			switch v.caseOf(c) {
			case "between", "among":
				src = c
			case "by", "from":
				if src < 0 || v.d.Tokens[src].Dep != "nmod" {
					src = c
				}
			}
		}
		return true
	})
	if targetPrep != "" {
		tgt = v.partner(n, targetPrep)
	} else {
		tgt = v.partner(n, "")
		if tgt >= 0 {
			if cs := v.caseOf(tgt); cs == "between" || cs == "among" || cs == "by" || cs == "from" {
				tgt = -1
			}
		}
	}
	return src, tgt
}

// actorish reports whether the phrase headed by h names an actor (at its
// head or a modifier).
func (v *view) actorish(h int) bool {
	if v.named(h) {
		return true
	}
	found := false
	v.children(h, func(c int) bool {
		switch v.dep(c) {
		case "compound", "amod", "nmod", "flat", "conj":
			if v.dep(c) == "nmod" && v.d.Tokens[c].Dep != "nmod:poss" {
				if cs := v.caseOf(c); cs != "of" && cs != "" {
					return true
				}
			}
			if v.named(c) || v.dep(c) == "amod" && v.hyphenNamed(c) >= 0 {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// dashPartners appends the named words joined to named token x by a dash
// with no spaces, before or after it, when a noun of relations follows the
// chain ("India–Pakistan talks", "Israeli-Palestinian talks", "U.S.–Russia
// relations"): a pair of parties. "Iranian-American businessman" is one.
func (v *view) dashPartners(dst []int, x int) []int {
	toks := v.d.Tokens
	glued := func(a, b int) bool { // a, dash, b with no spaces
		if a < 0 || b >= len(toks) || b != a+2 || toks[a].Sent != toks[b].Sent {
			return false
		}
		switch v.d.TokenText(a + 1) {
		case "-", "–", "—", "‐":
		default:
			return false
		}
		return toks[a].End == toks[a+1].Start && toks[a+1].End == toks[b].Start
	}
	first, last := x, x
	for first-x > -6 && glued(first-2, first) && v.named(first-2) {
		first -= 2
	}
	for last-x < 6 && glued(last, last+2) && v.named(last+2) {
		last += 2
	}
	if first == last || last+1 >= len(toks) || toks[last+1].Sent != toks[x].Sent || !relationNouns[v.lemma[last+1]] {
		return dst
	}
	for y := first; y <= last; y += 2 {
		dst = appendUniq(dst, y, v)
	}
	return dst
}

// relationNouns name what two parties have or do with each other: after a
// dashed pair of names they make it a pair ("U.S.–Russia relations").
var relationNouns = map[string]bool{
	"relation": true, "relationship": true, "tie": true, "talk": true, "negotiation": true, "alliance": true,
	"border": true, "war": true, "conflict": true, "deal": true, "agreement": true, "treaty": true,
	"summit": true, "cooperation": true, "rivalry": true, "dialogue": true, "partnership": true,
	"trade": true, "tension": true, "accord": true, "pact": true, "peace": true, "meeting": true,
	"friendship": true, "dispute": true, "standoff": true, "clash": true, "fighting": true, "truce": true,
	"ceasefire": true, "exchange": true, "swap": true, "alliance-building": true, "détente": true,
	"detente": true, "rapprochement": true, "axis": true, "front": true, "coalition": true, "venture": true,
}

// hyphenNamed returns the named compound of a hyphenated adjective
// ("Ukraine-related", "Saudi-led"), or -1.
func (v *view) hyphenNamed(a int) int {
	for c := v.first[a]; c >= 0; c = v.next[c] {
		if v.dep(int(c)) == "compound" && v.named(int(c)) && int(c) == a-2 && v.lower[a-1] == "-" {
			return int(c)
		}
	}
	return -1
}

// isPlace reports whether token i is a place that is not a country (a city
// or region used as a modifier: "the Riyadh meeting").
func (v *view) isPlace(i int) bool {
	if a := v.actor[i]; a >= 0 {
		ac := &v.d.Actors[a]
		return ac.Kind == "LOC" && ac.Code == "" && ac.Sector == ""
	}
	if v.cc[i] != "" {
		return false
	}
	if e := v.entity[i]; e >= 0 {
		return v.d.Entities[e].Type == "LOC"
	}
	if v.d.Tokens[i].UPOS == doc.PROPN {
		p, ok := gazetteer.Default().Place(v.d.SpanText(v.nameSpan(i)), "")
		return ok && p.Kind != gazetteer.KindCountry
	}
	return false
}

// nominalHead returns the head token of the phrase starting at token i and
// ending before byte end.
func (v *view) nominalHead(i, end int) int {
	h := i
	for j := i; j < len(v.d.Tokens) && int(v.d.Tokens[j].End) <= end; j++ {
		p := v.head(j)
		if p < 0 || int(v.d.Tokens[p].Start) < int(v.d.Tokens[i].Start) || int(v.d.Tokens[p].End) > end {
			h = j
		}
	}
	return h
}

// expand appends the participant heads of the phrase headed by h: each
// conjunct, and for a head that names no actor, the actors among its
// modifiers ("U.S. and Russian delegations" → U.S., Russian).
func (v *view) expand(dst []int, h int) []int {
	if h < 0 {
		return dst
	}
	heads := [8]int{h}
	n := 1
	for k := 0; k < n && n < len(heads); k++ {
		hk := heads[k]
		v.children(hk, func(c int) bool {
			if v.dep(c) == "conj" && n < len(heads) && v.isNominal(c) || (v.dep(c) == "conj" && v.d.Tokens[c].UPOS == doc.PRON) {
				heads[n] = c
				n++
			} else if v.dep(c) == "appos" && v.named(c) && v.actor[c] != v.actor[hk] && v.conjAfter(hk, c) {
				// "A, B, and C" parsed with B as an apposition of A: a
				// different actor before a later conjunct is one more
				heads[n] = c
				n++
			}
			return n < len(heads)
		})
	}
	for k, x := range heads[:n] {
		if v.timex[x] >= 0 {
			continue
		}
		switch v.lemma[x] {
		case "one", "other", "another", "each":
			if !v.named(x) {
				continue // "engage with one another": reciprocal, no participant
			}
		}
		if k > 0 && v.isPlaceOrCountryFor(x, h) {
			continue // "Joe Biden in Geneva, Switzerland" misparsed as a conjunct
		}
		if !v.named(x) && v.generic(x) {
			continue // "any country that has supported Kyiv" is nobody in particular
		}
		if v.named(x) {
			// "U.S. and Russian envoys": coordinated national modifiers
			// of a head that is itself linked to one of them
			split := -1
			v.children(x, func(c int) bool {
				switch v.d.Tokens[c].Dep {
				case "amod", "compound":
					if v.named(c) && v.childBase(c, "conj") >= 0 {
						split = c
						return false
					}
				case "nmod":
					// "the ambassadors of Arnor, Osgiliath and Gondor": the
					// actor stage made one group per coordinated country
					if cs := v.caseOf(c); cs == "of" || cs == "in" || cs == "from" {
						// (the place may be the mention of a coordinated
						// agent's group: "lawmakers and officials in X and
						// Y" with "in X" on "lawmakers")
						same := v.actor[c] == v.actor[x]
						v.children(c, func(g int) bool {
							if v.dep(g) == "conj" && v.named(g) && v.actor[g] >= 0 && v.d.Actors[v.actor[g]].Kind == "GRP" && (same || v.placeGroup(g)) {
								split = c
								return false
							}
							return true
						})
					}
				}
				return split < 0
			})
			if split >= 0 && v.dep(split) == "nmod" {
				dst = appendUniq(dst, x, v)
				v.children(split, func(g int) bool {
					if v.dep(g) == "conj" && v.named(g) {
						dst = appendUniq(dst, g, v)
					}
					return true
				})
				continue
			}
			if split >= 0 {
				dst = appendUniq(dst, split, v)
				v.children(split, func(g int) bool {
					if v.dep(g) == "conj" && v.named(g) {
						dst = appendUniq(dst, g, v)
					}
					return true
				})
				continue
			}
		}
		if v.named(x) || v.d.Tokens[x].UPOS == doc.PRON {
			dst = appendUniq(dst, x, v)
			dst = v.dashPartners(dst, x)
			continue
		}
		// modifiers with actors; a name in apposition after the head is
		// whom it names ("Trump critic Mark Cuban" is Cuban, not Trump)
		added := false
		v.children(x, func(c int) bool {
			if c > x && v.dep(c) == "appos" && v.named(c) && v.d.Tokens[c].UPOS == doc.PROPN {
				dst = appendUniq(dst, c, v)
				v.children(c, func(g int) bool {
					if v.dep(g) == "conj" && v.named(g) {
						dst = appendUniq(dst, g, v) // "the two presidents, Joe Biden and Xi Jinping"
					}
					return true
				})
				added = true
				return false
			}
			return true
		})
		if added {
			continue
		}
		treaty := instrumentNouns[v.lower[x]] && isUpper(v.d.Text[v.d.Tokens[x].Start])
		v.children(x, func(c int) bool {
			if e := v.entity[x]; treaty || e >= 0 && v.entity[c] == e {
				return true // a word of the same name ("the North American Free Trade Agreement")
			}
			switch v.d.Tokens[c].Dep {
			case "amod", "compound", "nmod:poss", "nmod", "flat", "appos":
				if cs := v.caseOf(c); v.dep(c) == "nmod" && cs != "of" && cs != "for" && cs != "from" && cs != "in" && v.d.Tokens[c].Dep != "nmod:poss" {
					return true // "a camp for Congolese refugees" stands for them; "talks with X" does not
				}
				if v.dep(c) == "amod" && !v.named(c) {
					if g := v.hyphenNamed(c); g >= 0 {
						c = g // "Ukraine-related assistance"
					}
				}
				if v.named(c) && !v.isPlace(c) {
					dst = appendUniq(dst, c, v)
					dst = v.dashPartners(dst, c)
					added = true
					v.children(c, func(g int) bool {
						if v.dep(g) == "conj" && v.named(g) {
							dst = appendUniq(dst, g, v)
						}
						return true
					})
				}
			}
			return true
		})
		if !added && v.d.Tokens[x].UPOS == doc.PROPN {
			// an institution named after a place: "Baghdad University" is Iraqi
			v.children(x, func(c int) bool {
				if v.dep(c) == "compound" && v.isPlace(c) {
					dst = appendUniq(dst, c, v)
					added = true
					return false
				}
				return true
			})
		}
		if !added {
			dst = appendUniq(dst, x, v)
		}
	}
	return dst
}

// isPlaceOrCountryFor reports whether conjunct x is a place or country
// while the first conjunct h is a person.
func (v *view) isPlaceOrCountryFor(x, h int) bool {
	if v.isPlace(x) {
		return true
	}
	ha, xa := v.actor[h], v.actor[x]
	if ha < 0 || v.d.Actors[ha].Kind != "PER" {
		return false
	}
	return (xa >= 0 && v.d.Actors[xa].Kind == "LOC") || (xa < 0 && v.cc[x] != "")
}

func hasNamed(v *view, heads []int) bool {
	for _, h := range heads {
		if v.named(h) {
			return true
		}
	}
	return false
}

// coded reports whether token x names an actor with a code or a country.
func (v *view) coded(x int) bool {
	return v.cc[x] != "" || v.actor[x] >= 0 && (v.d.Actors[v.actor[x]].Code != "" || v.d.Actors[v.actor[x]].Country != "")
}

func hasCoded(v *view, heads []int) bool {
	for _, h := range heads {
		if v.coded(h) {
			return true
		}
	}
	return false
}

// named reports whether token x names an actor or a country.
func (v *view) named(x int) bool { return v.actor[x] >= 0 || v.cc[x] != "" }

func appendUniq(dst []int, x int, v *view) []int {
	for _, y := range dst {
		if y == x || (v.actor[x] >= 0 && v.actor[x] == v.actor[y]) || (v.cc[x] != "" && v.cc[x] == v.cc[y]) {
			return dst
		}
	}
	return append(dst, x)
}

// complementVerb returns the clausal complement of verb t: its xcomp or
// ccomp, or, when the parse attached it elsewhere, a to-infinitive right
// after t with no other verb between.
func (v *view) complementVerb(t int) int {
	if x := v.child(t, "ccomp", "xcomp"); x >= 0 {
		return x
	}
	s := v.d.Sentences[v.d.Tokens[t].Sent]
	for j := t + 1; j < s.EndToken && j <= t+6; j++ {
		if v.d.Tokens[j].UPOS == doc.VERB {
			if m := v.child(j, "mark"); m >= 0 && v.lemma[m] == "to" {
				return j
			}
			return -1
		}
	}
	return -1
}

// actorChild returns the first child of i with one of the relations rels
// whose phrase names an actor, or -1.
func (v *view) actorChild(i int, rels ...string) int {
	for _, rel := range rels {
		for c := v.first[i]; c >= 0; c = v.next[c] {
			if v.d.Tokens[c].Dep == rel && v.actorish(int(c)) {
				return int(c)
			}
		}
	}
	return -1
}

// targetIn finds a named target inside the phrase or clause headed by x:
// its indirect object or object, a partner preposition, an agent ("by X"),
// a possessor, or the same inside its object or a further xcomp.
func (v *view) targetIn(x, depth int) int {
	if o := v.actorChild(x, "iobj", "obj"); o >= 0 {
		return o
	}
	// "crimes by Croatian extremists against Serb civilians": the doer of
	// an act named by a noun comes before its partner.
	found := -1
	v.children(x, func(c int) bool {
		if (v.d.Tokens[c].Dep == "nmod:poss" || (v.dep(c) == "nmod" && (v.caseOf(c) == "by" || v.caseOf(c) == "between" || v.caseOf(c) == "from"))) && v.named(c) && v.isNominal(x) {
			found = c
			return false
		}
		return true
	})
	if found >= 0 {
		return found
	}
	if p := v.partner(x, ""); p >= 0 && v.actorish(p) {
		return p
	}
	if found < 0 && v.isNominal(x) {
		// "its demands that Burundi's government grant …": the subject of
		// the noun's clause
		v.children(x, func(c int) bool {
			if d := v.dep(c); d == "acl" || d == "ccomp" {
				if s := v.child(c, "nsubj", "nsubj:pass"); s >= 0 && v.actorish(s) && v.d.Tokens[c].Dep != "acl:relcl" {
					found = s
					return false
				}
			}
			return true
		})
	}
	if found >= 0 || depth > 0 {
		return found
	}
	if o := v.child(x, "obj"); o >= 0 {
		if g := v.targetIn(o, depth+1); g >= 0 {
			return g
		}
	}
	if y := v.child(x, "xcomp"); y >= 0 {
		return v.targetIn(y, depth+1)
	}
	if v.isNominal(x) {
		of := -1
		v.children(x, func(c int) bool {
			if v.dep(c) == "nmod" && v.caseOf(c) == "of" {
				of = c
				return false
			}
			return true
		})
		if of >= 0 {
			return v.targetIn(of, depth+1)
		}
	}
	return -1
}

// personalPron reports whether token i is an unresolved personal pronoun
// that can stand for an actor.
func (v *view) personalPron(i int) bool {
	if i < 0 || v.d.Tokens[i].UPOS != doc.PRON || v.named(i) {
		return false
	}
	switch v.lemma[i] {
	case "he", "she", "they", "it", "we", "him", "her", "them", "us", "his", "its", "their", "our":
		return true
	}
	return false
}

// resolvePron replaces an unresolved pronoun subject by the named subject
// of the speech verb it is reported under ("Hungary said it will …"), or
// by the nearest named subject earlier in the sentence. The actor stage's
// coreference wins when it has linked the pronoun.
func (v *view) resolvePron(h, trig int) int {
	if !v.personalPron(h) {
		return h
	}
	x := trig
	for k := 0; k < 6; k++ {
		p := v.head(x)
		if p < 0 {
			break
		}
		if speechVerbs[v.lemma[p]] || denyVerbs[v.lemma[p]] {
			if s := v.untimed(v.subjOf(p)); s >= 0 && v.actorish(s) {
				return s
			}
		}
		x = p
	}
	if l := v.lemma[h]; l != "he" && l != "she" && l != "his" && l != "her" {
		// "it", "they": the nearest earlier organisation, group or country
		// that is a subject (or the root of a fragment parse)
		s := v.d.Sentences[v.d.Tokens[h].Sent]
		for j := h - 1; j >= s.FirstToken; j-- {
			a := v.actor[j]
			if a < 0 || v.d.Actors[a].Kind == "PER" {
				continue
			}
			ph := j
			for k := 0; k < 4; k++ {
				switch v.dep(ph) {
				case "compound", "flat", "amod", "appos":
					if p := v.head(ph); p >= 0 {
						ph = p
						continue
					}
				}
				break
			}
			if v.caseOf(ph) == "" && (v.dep(ph) == "nsubj" || v.d.Tokens[ph].Dep == "root") {
				return j
			}
		}
		return h
	}
	s := v.d.Sentences[v.d.Tokens[h].Sent]
	for j := h - 1; j >= s.FirstToken; j-- {
		if v.dep(j) == "nsubj" && v.actor[j] >= 0 && v.d.Actors[v.actor[j]].Kind == "PER" {
			return j
		}
	}
	return h
}

// untimed undoes a misparse that makes a time word the subject ("Nigeria
// today announced"): the named compound of the time word, else s.
func (v *view) untimed(s int) int {
	if s < 0 || v.timex[s] < 0 {
		return s
	}
	n := -1
	v.children(s, func(c int) bool {
		if v.dep(c) == "compound" && v.named(c) {
			n = c
		}
		return true
	})
	if n >= 0 {
		return n
	}
	return s
}

// conditionSubject returns the named subject of an if/unless clause on
// the trigger t, on its clausal complement or on the verb t complements
// ("threatened to stop talks if the United States goes ahead", "will
// withdraw unless Baghdad accepts"), or -1: the party a threat is aimed at.
func (v *view) conditionSubject(t int) int {
	nodes := [4]int{t, -1, -1, -1}
	if x := v.complementVerb(t); x >= 0 {
		nodes[1] = x
	}
	if h := v.head(t); h >= 0 && (v.dep(t) == "xcomp" || v.dep(t) == "ccomp") {
		nodes[2] = h
	}
	if x := nodes[1]; x >= 0 {
		if y := v.child(x, "xcomp"); y >= 0 {
			nodes[3] = y
		}
	}
	for _, n := range nodes {
		if n < 0 {
			continue
		}
		found := -1
		v.children(n, func(c int) bool {
			if v.dep(c) != "advcl" {
				return true
			}
			switch v.caseOf(c) {
			case "if", "unless":
			default:
				return true
			}
			s := v.child(c, "nsubj", "nsubj:pass")
			if s >= 0 && v.actorish(s) {
				found = s
				return false
			}
			return true
		})
		if found >= 0 {
			return found
		}
	}
	// the parse lost the clause: the first named word after "if"/"unless"
	// later in the sentence, before any verb
	sn := v.d.Sentences[v.d.Tokens[t].Sent]
	for j := t + 1; j < sn.EndToken; j++ {
		if l := v.lower[j]; l != "if" && l != "unless" {
			continue
		}
		for k := j + 1; k < sn.EndToken && k <= j+6; k++ {
			if v.d.Tokens[k].UPOS == doc.VERB || v.d.Tokens[k].UPOS == doc.AUX {
				break
			}
			if v.named(k) {
				return k
			}
		}
		break
	}
	return -1
}

// resolvePronTarget resolves an object pronoun to the nearest earlier
// named nominal that is not a subject of the same clause.
func (v *view) resolvePronTarget(h int) int {
	if !v.personalPron(h) {
		return h
	}
	return h
}

// attributionSpeaker reports whether token x heads a noun phrase that opens
// after a comma and is followed directly by a speech verb: the speaker of
// an attribution (", a senior official said"), never an object.
func (v *view) attributionSpeaker(x int) bool {
	toks := v.d.Tokens
	e := x + 1 // the phrase's end: "a senior Bree official said"
	for e < len(toks) && e <= x+3 && (toks[e].UPOS == doc.NOUN || toks[e].UPOS == doc.PROPN) {
		e++
	}
	if e >= len(toks) || toks[e].UPOS != doc.VERB || !speechVerbs[v.lemma[e]] {
		return false
	}
	for j := x - 1; j >= 0 && j >= x-8; j-- {
		switch toks[j].UPOS {
		case doc.DET, doc.ADJ, doc.ADV, doc.NOUN, doc.PROPN:
			continue
		case doc.PUNCT:
			return v.lower[j] == ","
		}
		return false
	}
	return false
}

// prepObjectUnder finds the first named nominal after verb i, inside its
// phrase, that preposition prep introduces, wherever the parse attached it
// ("celebrated Eid at X with Y": "with Y" hung on X), or -1.
func (v *view) prepObjectUnder(i int, prep string) int {
	sn := v.d.Sentences[v.d.Tokens[i].Sent]
	for j := i + 1; j < sn.EndToken; j++ {
		if v.named(j) && v.caseOf(j) == prep && v.under(j, i) && !v.inSubj(j, i) {
			return j
		}
	}
	return -1
}
