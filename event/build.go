package event

import (
	"strings"

	"github.com/chronicle-news/chronicle/cameo"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/quote"
)

// cand is an event candidate found in one sentence.
type cand struct {
	trig        int    // trigger token (verb or noun)
	light       int    // light verb governing a noun trigger, -1
	clause      int    // the clause verb whose modality decides the status
	rule        int    // index of the matched rule
	code        string // CAMEO code after act resolution
	recip       bool
	consumed    bool // folded into another candidate (act complement, object noun)
	comp        int  // index of the complement candidate of an act, -1
	src, tgt    []int
	status      string
	refusal     bool // negated with a future or modal: "will not accept"
	must        bool // obligation modal: "X said Y must withdraw"
	soft        bool // the modal was should/ought: an appeal rather than a demand
	conditional bool // an action announced with "unless": a threat
	ahead       bool // planned only as a time ahead ("before we strike back"), not announced
	speaker     int  // subject of the speech verb the event is reported under, -1
	reported    *doc.Reported
	date        *doc.EventDate
	loc         *doc.Location
	sent        int
}

// genericDemand is the rule of a demand read off an obligation modal
// ("X said Y must …") whose verb is not itself a trigger.
const ruleQuote = -2

var genericDemand = Rule{Kind: KindVerb, Code: "100", Src: "modal"}

// quoteAct is the rule of an act read off a quote's cue ("…, he warned").
var quoteAct = Rule{Kind: KindVerb, Src: "quote cue"}

// ruleOf returns a candidate's rule.
func (c *Coder) ruleOf(cd *cand) *Rule {
	if cd.rule == ruleQuote {
		return &quoteAct
	}
	if cd.rule < 0 {
		return &genericDemand
	}
	return &c.dict.rules[cd.rule]
}

// work is the per-document scratch state, pooled.
type work struct {
	v     view
	cands []cand
	byTok []int32 // token → candidate index, -1, or blockedTok
}

// blockedTok marks in work.byTok a verb whose dictionary rule blocks it.
const blockedTok = -2

func (w *work) reset(d *doc.Document) {
	w.v.reset(d)
	w.cands = w.cands[:0]
	w.byTok = grow32(w.byTok, len(d.Tokens))
}

// sentence finds, roles and qualifies the candidates of sentence s.
func (c *Coder) sentence(w *work, s int) {
	v := &w.v
	d := v.d
	sn := d.Sentences[s]
	first := len(w.cands)
	// 1. triggers
	for i := sn.FirstToken; i < sn.EndToken; i++ {
		t := &d.Tokens[i]
		switch {
		case t.UPOS == doc.VERB || (t.UPOS == doc.AUX && d.Tokens[i].Dep == "root") || v.taggedNounVerb(i):
			// PETRARCH dictionaries list inflected forms, some as verbs of
			// their own ("LEFT [032:033]" apart from "LEAVE [012]"): the
			// form, when listed, comes before the lemma
			var cs []int32
			if v.lemma[i] != v.lower[i] {
				cs = c.dict.candidates(KindVerb, v.lower[i])
			}
			if len(cs) == 0 && (!c.literal || regularForm(v.lower[i], v.lemma[i])) {
				// PETRARCH matches a verb's regular forms only (irregular
				// ones are listed): "departx" is no form of "depart"
				// whatever the lemmatizer says
				cs = c.dict.candidates(KindVerb, v.lemma[i])
			}
			if len(cs) == 0 {
				if f := c.dict.verbForm(v.lower[i]); f != "" {
					cs = c.dict.candidates(KindVerb, f)
				}
			}
			if len(cs) == 0 && c.literal && plainES(v.lower[i]) {
				// PETRARCH conjugates regular verbs only: "arrives" is
				// arrive+s, "departes" no form of "depart"
				w := v.lower[i]
				cs = c.dict.candidates(KindVerb, w[:len(w)-1])
			} else if len(cs) == 0 {
				cs = c.guessVerb(v.lower[i])
			}
			if len(cs) > 0 {
				if ri := c.match(v, i, cs, c.dict); ri >= 0 {
					r := &c.dict.rules[ri]
					if r.Code == "" && r.Act == "" {
						w.byTok[i] = blockedTok
						continue // blocked
					}
					w.add(cand{trig: i, light: -1, clause: i, rule: ri, code: r.Code, recip: r.Recip, comp: -1, sent: s})
				}
			}
		case t.UPOS == doc.NOUN || t.UPOS == doc.PROPN:
			if e := v.entity[i]; e >= 0 && !c.literal && (t.UPOS == doc.PROPN || isUpper(d.Text[t.Start])) {
				if a, b := d.TokensIn(d.Entities[e].Span()); b-a > 1 {
					continue // a name: "the North American Free Trade Agreement"
				}
			}
			if !c.literal && instrumentNouns[v.lower[i]] && isUpper(d.Text[t.Start]) && i > sn.FirstToken && isUpper(d.Text[d.Tokens[i-1].Start]) {
				continue // the end of a treaty's or law's name the recogniser missed: "Free Trade Agreement"
			}
			cs := c.dict.candidates(KindNoun, v.lemma[i])
			if len(cs) == 0 && v.lemma[i] != v.lower[i] {
				cs = c.dict.candidates(KindNoun, v.lower[i])
			}
			if len(cs) == 0 {
				continue
			}
			ri := c.match(v, i, cs, c.dict)
			if ri < 0 {
				continue
			}
			r := &c.dict.rules[ri]
			if r.Code == "" && r.Act == "" {
				continue
			}
			cd := cand{trig: i, light: -1, clause: -1, rule: ri, code: r.Code, recip: r.Recip, comp: -1, sent: s}
			// a light verb ("held talks", "paid a visit", "traded barbs")
			np := i // the noun phrase head: "mediation effort" → effort
			if h := v.head(i); h >= 0 && v.dep(i) == "compound" && v.isNominal(h) && w.byTok[h] < 0 {
				np = h
			}
			if h := v.head(np); h >= 0 && (v.dep(np) == "obj" || d.Tokens[np].Dep == "nsubj:pass") {
				if ls := c.dict.candidates(KindLight, v.lemma[h]); len(ls) > 0 && c.match(v, h, ls, c.dict) >= 0 {
					cd.light = h
					cd.clause = h
				}
			}
			if cd.light < 0 && np != i {
				continue // a modifier of another noun: "truce monitors", "aid program"
			}
			w.add(cd)
		}
	}
	// "X said (that) Y must/should Z": a demand even when Z is no trigger
	for i := sn.FirstToken; i < sn.EndToken; i++ {
		if w.byTok[i] >= 0 || d.Tokens[i].UPOS != doc.VERB || v.dep(i) != "ccomp" {
			continue
		}
		if h := v.head(i); h < 0 || !speechVerbs[v.lemma[h]] {
			continue
		}
		if a := v.child(i, "aux"); a >= 0 && (v.lemma[a] == "must" || v.lemma[a] == "should") {
			if s := v.child(i, "nsubj"); s >= 0 && v.named(s) {
				w.add(cand{trig: i, light: -1, clause: i, rule: -1, code: "100", comp: -1, sent: s0(s, d)})
			}
		}
	}
	// quotes whose cue is itself an act: "…, Trump warned", "she accused"
	for qi := range d.Quotes {
		q := &d.Quotes[qi]
		if q.Cue == nil || q.Speaker == nil || q.Cue.Start < sn.Start || q.Cue.Start >= sn.End {
			continue
		}
		i := d.TokenAt(q.Cue.Start)
		if i < 0 || w.byTok[i] >= 0 || w.byTok[i] == blockedTok || d.Tokens[i].UPOS != doc.VERB {
			continue // a verb the dictionary blocks is no act as a cue either ("defending champion X")
		}
		lemma := q.Cue.Lemma
		if lemma == "" {
			lemma = v.lemma[i]
		}
		if lemma == "deny" { // a denial is a status, not an event
			continue
		}
		if a, ok := quote.ActLemma(lemma); ok && cameo.Valid(a.CAMEO) {
			w.add(cand{trig: i, light: -1, clause: i, rule: ruleQuote, code: a.CAMEO, comp: -1, sent: s})
		}
	}
	cands := w.cands[first:]
	// 2. a verb trigger whose rule is only a light/generic reading yields to
	// the noun trigger it governs; an object noun whose meaning the verb rule
	// already encodes is folded into the verb.
	for k := range cands {
		cd := &cands[k]
		if cd.light >= 0 {
			if vi := w.byTok[cd.light]; vi >= 0 {
				w.cands[vi].consumed = true
			}
		}
	}
	for k := range cands {
		cd := &cands[k]
		if cd.light >= 0 || d.Tokens[cd.trig].UPOS == doc.VERB {
			continue
		}
		h := v.head(cd.trig)
		if h < 0 {
			continue
		}
		hi := w.byTok[h]
		if hi < 0 || w.cands[hi].consumed {
			// "providing the most funding for … assistance": a noun of the
			// same family under another noun's light verb is that event
			for k2 := range cands {
				if o := &cands[k2]; o != cd && o.light == h && !o.consumed && cameo.Root(o.code) == cameo.Root(cd.code) {
					cd.consumed = true
					break
				}
			}
			continue
		}
		hr := c.ruleOf(&w.cands[hi])
		if hr.Act != "" {
			continue // handled as the act's complement
		}
		if len(hr.Conds) > 0 && v.dep(cd.trig) != "nsubj" {
			cd.consumed = true
		}
	}
	// 3. acts about a complement event
	for k := range cands {
		cd := &cands[k]
		r := c.ruleOf(cd)
		if r.Act == "" || cd.consumed {
			continue
		}
		if ci := c.complement(w, cd.trig); ci >= 0 && ci != first+k {
			comp := &w.cands[ci]
			code := actCode(r.Act, comp.code)
			if code == "" && r.Act == cameo.ActIntent && cameo.Root(comp.code) >= "14" {
				code = actCode(cameo.ActThreaten, comp.code) // "vowed to fight"
			}
			if code != "" {
				cd.code = code
			}
			comp.consumed = true
			cd.comp = ci
			// what the complement contains belongs to it: "rejected an
			// offer to host a summit" codes no summit
			for k2 := range cands {
				if o := &cands[k2]; o != cd && o != comp && v.under(o.trig, comp.trig) {
					o.consumed = true
				}
			}
		}
		if cd.code == "" {
			cd.consumed = true
		}
	}
	// PETRARCH codes a verb phrase once: an event in an adverbial clause
	// of a coded verb ("restored ties with Y after X burned its embassy")
	// is not coded on its own
	if c.literal {
		for k := range cands {
			cd := &cands[k]
			if cd.consumed {
				continue
			}
			for k2 := range cands {
				if o := &cands[k2]; o != cd && !o.consumed && v.inAdverbial(cd.trig, o.clause) {
					cd.consumed = true
					break
				}
			}
		}
	}
	// 4. roles, status, date, place
	for k := range cands {
		cd := &cands[k]
		if cd.consumed {
			continue
		}
		c.roles(w, cd)
		c.qualify(w, cd)
	}
}

// inAdverbial reports whether token j lies in an adverbial clause under
// verb top, or in a clause of top's object: some token on the way up from
// j to top is an advcl, or an acl of top's object.
func (v *view) inAdverbial(j, top int) bool {
	if top < 0 || j == top {
		return false
	}
	adv := false
	for k := 0; k < 64 && j >= 0; k++ {
		if j == top {
			return adv
		}
		h := v.head(j)
		// "abandoned efforts to stop X": a clause of the verb's object
		adv = adv || v.dep(j) == "advcl" || v.dep(j) == "acl" && h >= 0 && v.dep(h) == "obj" && v.head(h) == top
		j = h
	}
	return false
}

// guessVerb looks a verb up by stripping its inflection when the tagger's
// lemma is unknown to the dictionary ("rioted" lemmatised as "riote").
func (c *Coder) guessVerb(form string) []int32 {
	var buf [4]string
	cands := buf[:0]
	n := len(form)
	switch {
	case n > 4 && strings.HasSuffix(form, "ied"):
		cands = append(cands, form[:n-3]+"y")
	case n > 3 && strings.HasSuffix(form, "ed"):
		cands = append(cands, form[:n-2], form[:n-1])
		if n > 4 && form[n-3] == form[n-4] {
			cands = append(cands, form[:n-3]) // "stopped"
		}
	case n > 4 && strings.HasSuffix(form, "ing"):
		cands = append(cands, form[:n-3], form[:n-3]+"e")
		if n > 5 && form[n-4] == form[n-5] {
			cands = append(cands, form[:n-4])
		}
	case n > 3 && strings.HasSuffix(form, "ies"):
		cands = append(cands, form[:n-3]+"y")
	case n > 3 && strings.HasSuffix(form, "es"):
		cands = append(cands, form[:n-2], form[:n-1])
	case n > 2 && strings.HasSuffix(form, "s"):
		cands = append(cands, form[:n-1])
	}
	for _, l := range cands {
		if cs := c.dict.candidates(KindVerb, l); len(cs) > 0 {
			return cs
		}
	}
	return nil
}

// candAt returns the candidate whose trigger or light verb is token x, or -1.
func (w *work) candAt(x int) int {
	if ci := w.byTok[x]; ci >= 0 {
		return int(ci)
	}
	for k := len(w.cands) - 1; k >= 0; k-- {
		if w.cands[k].light == x {
			return k
		}
	}
	return -1
}

func s0(tok int, d *doc.Document) int { return int(d.Tokens[tok].Sent) }

func (w *work) add(cd cand) {
	w.byTok[cd.trig] = int32(len(w.cands))
	w.cands = append(w.cands, cd)
}

// complement finds the candidate an act verb is about: an xcomp/ccomp verb
// ("agreed to meet", "threatened to impose"), or a noun trigger among its
// object and prepositional dependents ("demanded the release", "called for
// talks"), one level deep.
func (c *Coder) complement(w *work, i int) int {
	v := &w.v
	best := -1
	if x := v.complementVerb(i); x >= 0 {
		if ci := w.candAt(x); ci >= 0 && int(ci) != int(w.byTok[i]) {
			return ci
		}
	}
	v.children(i, func(ch int) bool {
		switch v.dep(ch) {
		case "xcomp", "ccomp", "obj", "obl", "advcl", "nsubj":
			if v.dep(ch) == "nsubj" && v.d.Tokens[ch].Dep != "nsubj:pass" {
				return true
			}
			if ci := w.byTok[ch]; ci >= 0 {
				best = int(ci)
				return false
			}
			// "called for an end to the fighting": one more level
			found := false
			v.children(ch, func(g int) bool {
				switch v.dep(g) {
				case "nmod", "xcomp", "acl", "obj":
					if ci := w.byTok[g]; ci >= 0 {
						best = int(ci)
						found = true
						return false
					}
				}
				return true
			})
			return !found
		}
		return true
	})
	return best
}

// taggedNounVerb reports whether token i, tagged a noun, is a verb by its
// dependents: a subject and an auxiliary and no copula ("X did not even
// ever clash over …" with "clash" tagged NN), or "to" after a verb that
// takes an infinitive ("has begun to question whether …" with "question"
// tagged NN).
func (v *view) taggedNounVerb(i int) bool {
	if v.d.Tokens[i].UPOS != doc.NOUN {
		return false
	}
	if v.toInfinitiveNoun(i) {
		return true
	}
	aux, subj := false, false
	for c := v.first[i]; c >= 0; c = v.next[c] {
		switch v.d.Tokens[c].Dep {
		case "cop", "det", "case", "nmod:poss", "amod":
			return false
		case "aux":
			aux = true
		case "nsubj":
			subj = true
		}
	}
	return aux && subj
}

// toInfinitiveNoun reports whether noun i is a to-infinitive the tagger
// took for a noun: a bare noun right after "to", whose governor is a verb
// that takes an infinitive ("begun to question").
func (v *view) toInfinitiveNoun(i int) bool {
	if i == 0 || v.lower[i-1] != "to" || int(v.hd[i-1]) != i {
		return false
	}
	h := v.head(i)
	if h < 0 || v.d.Tokens[h].UPOS != doc.VERB || !infinitiveVerbs[v.lemma[h]] {
		return false
	}
	for c := v.first[i]; c >= 0; c = v.next[c] {
		switch v.dep(int(c)) {
		case "det", "amod", "compound", "nummod":
			return false
		}
		if v.d.Tokens[c].Dep == "nmod:poss" {
			return false
		}
	}
	return true
}

// infinitiveVerbs take a to-infinitive complement.
var infinitiveVerbs = map[string]bool{
	"begin": true, "start": true, "continue": true, "try": true, "attempt": true, "seek": true, "want": true,
	"plan": true, "agree": true, "refuse": true, "decline": true, "promise": true, "threaten": true,
	"vow": true, "pledge": true, "decide": true, "intend": true, "hope": true, "fail": true, "offer": true,
	"prepare": true, "aim": true, "expect": true, "need": true, "resolve": true, "undertake": true,
}

// regularForm reports whether form is lemma or one of its regular
// inflections: -s, -es, -ed, -d, -ing, with a final "e" dropped, a final
// "y" turned into "i", or a final consonant doubled.
func regularForm(form, lemma string) bool {
	if form == lemma || lemma == "" {
		return true
	}
	if !strings.HasPrefix(form, lemma[:len(lemma)-1]) {
		return false
	}
	for _, suf := range []string{"s", "es", "ed", "d", "ing"} {
		if form == lemma+suf {
			return true
		}
	}
	last := lemma[len(lemma)-1]
	stem := lemma[:len(lemma)-1]
	switch {
	case last == 'e':
		return form == stem+"ing" || form == stem+"ed"
	case last == 'y':
		return form == stem+"ied" || form == stem+"ies"
	}
	return form == lemma+string(last)+"ed" || form == lemma+string(last)+"ing"
}

// plainES reports whether form ends in "es" after a stem that takes a
// plain "s" (not s, x, z, ch, sh, o): "departes", "arrives". Such a form is
// only the "e"-ending verb plus "s".
func plainES(form string) bool {
	n := len(form)
	if n < 4 || !strings.HasSuffix(form, "es") || strings.HasSuffix(form, "ies") {
		return false
	}
	stem := form[:n-2]
	for _, suf := range []string{"s", "x", "z", "ch", "sh", "o"} {
		if strings.HasSuffix(stem, suf) {
			return false
		}
	}
	return true
}

// instrumentNouns end the names of treaties and laws.
var instrumentNouns = map[string]bool{
	"agreement": true, "treaty": true, "accord": true, "accords": true, "pact": true, "protocol": true,
	"act": true, "amendment": true, "deal": true, "resolution": true,
}

// isUpper reports whether the byte c is an ASCII capital letter.
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
