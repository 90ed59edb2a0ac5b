package timex

import (
	"strings"

	"github.com/chronicle-news/chronicle/doc"
)

// tenser decides the tense of the clause around an expression: from the
// tagger's XPOS tags and the parser's heads when present, else from word
// forms (auxiliaries, modals, -ed forms and common irregular past forms).
type tenser struct {
	d      *doc.Document
	s      *scanner
	tagged bool
	parsed bool
}

func newTenser(d *doc.Document, s *scanner) *tenser {
	te := &tenser{d: d, s: s}
	if len(d.Tokens) > 0 && d.Done.Has(doc.Tags) {
		te.tagged = true
		te.parsed = d.Done.Has(doc.Deps)
	}
	return te
}

// tense returns the tense of the clause around scanner tokens [i, j) and
// whether it is sure: read from the governing verb's auxiliaries or its
// past-tense form in the parse, rather than guessed from nearby words.
func (te *tenser) tense(i, j int) (tense, bool) {
	if te.parsed {
		t, sure := te.fromParse(i, j)
		if sure {
			return t, true
		}
		if w := te.fromWords(i, j); w != tUnknown {
			return w, false
		}
		if t != tUnknown {
			return t, false
		}
	}
	if te.tagged {
		if t := te.fromTags(i, j); t != tUnknown {
			return t, false
		}
	}
	return te.fromWords(i, j), false
}

// span returns the document tokens [a, b] covering scanner tokens [i, j).
func (te *tenser) span(i, j int) (int, int, bool) {
	d := te.d
	a := d.TokenAt(int(te.s.t[i].s))
	b := d.TokenAt(int(te.s.t[j-1].e) - 1)
	if a < 0 || b < a {
		return 0, 0, false
	}
	return a, b, true
}

// fromParse finds the verb that governs the expression in the dependency
// parse and reads its tense.
func (te *tenser) fromParse(i, j int) (tense, bool) {
	d := te.d
	a, b, ok := te.span(i, j)
	if !ok {
		return tUnknown, false
	}
	// The expression's head: its token whose head lies outside it.
	h := -1
	for k := a; k <= b; k++ {
		hd := int(d.Tokens[k].Head)
		if hd < a || hd > b {
			h = k
			break
		}
	}
	if h < 0 {
		return tUnknown, false
	}
	poss := strings.HasPrefix(d.Tokens[h].Dep, "nmod:poss")
	// The expression as the predicate of a copula: "his finish was on
	// Tuesday", "the vote will be on Tuesday".
	if t, ok := te.copula(h); ok {
		return t, true
	}
	v := int(d.Tokens[h].Head)
	for steps := 0; steps < 5 && v >= 0 && v < len(d.Tokens); steps++ {
		switch strings.ToLower(d.Tokens[v].Lemma) {
		case "effective", "payable", "due":
			return tFuture, true // "effective Feb. 1", "payable Dec. 7"
		}
		if !isVerbTag(d.Tokens[v].XPOS) {
			// a nominal predicate: "Monday's debate will be Trump's first"
			if t, ok := te.copula(v); ok {
				return t, true
			}
		}
		if isVerbTag(d.Tokens[v].XPOS) {
			t, sure := te.verbTense(v, 0)
			if poss && t == tPresent {
				t = tPast // "follows Tuesday's declaration"
			}
			return t, sure
		}
		v = int(d.Tokens[v].Head)
	}
	return tUnknown, false
}

// copula reads the tense of the copula or auxiliary of a nominal
// predicate at token h: was/were are past, will future.
func (te *tenser) copula(h int) (tense, bool) {
	d := te.d
	for c := max(h-4, 0); c < h; c++ {
		if int(d.Tokens[c].Head) != h {
			continue
		}
		if dep := d.Tokens[c].Dep; dep == "cop" || strings.HasPrefix(dep, "aux") {
			switch strings.ToLower(d.TokenText(c)) {
			case "was", "were":
				return tPast, true
			case "will", "'ll": // not "would": "what the results would be on Saturday" is told in the past
				return tFuture, true
			}
		}
	}
	return tUnknown, false
}

func isVerbTag(x string) bool { return len(x) >= 2 && x[0] == 'V' && x[1] == 'B' || x == "MD" }

// futureLemmas are verbs and adjectives whose complement or object lies
// ahead: "planned to leave Thursday", "set to resume Monday", "scheduled a
// news conference Thursday", "expected early next week".
var futureLemmas = map[string]bool{
	"plan": true, "schedule": true, "reschedule": true, "set": true, "slate": true, "expect": true,
	"intend": true, "aim": true, "hope": true, "want": true, "prepare": true, "propose": true,
	"postpone": true, "delay": true, "due": true, "likely": true, "promise": true, "vow": true,
	"agree": true, "decide": true, "threaten": true, "pledge": true, "seek": true, "offer": true,
}

// verbTense reads the tense of verb v from its auxiliaries and its form.
func (te *tenser) verbTense(v, depth int) (tense, bool) {
	d := te.d
	tk := d.Tokens[v]
	sent := tk.Sent
	var hasHave, hasBe, hasTo, hasModal, hasPast, hadAux, negCould bool
	// Auxiliaries and the infinitive marker precede the verb closely.
	for c := v - 1; c >= 0 && d.Tokens[c].Sent == sent && v-c <= 6; c-- {
		ct := d.Tokens[c]
		if int(ct.Head) != v {
			continue
		}
		switch {
		case strings.HasPrefix(ct.Dep, "aux"):
			w := strings.ToLower(d.TokenText(c))
			switch w {
			case "will", "'ll", "shall", "wo", "would", "'d":
				return tFuture, true
			case "can", "could", "may", "might", "should", "must", "ought", "ca":
				hasModal = true
				negCould = w == "could" && te.negated(v, c)
			case "have", "has", "'ve", "had":
				hasHave = true
				hadAux = hadAux || w == "had"
			case "was", "were", "did":
				hasPast = true
			case "is", "are", "am", "'s", "'re", "be", "been", "being":
				hasBe = true
			case "do", "does":
				return tPresent, false
			case "to":
				hasTo = true
			}
		case ct.Dep == "mark" && strings.EqualFold(d.TokenText(c), "to"):
			hasTo = true
		}
	}
	lemma := strings.ToLower(tk.Lemma)
	switch {
	case hasModal && hasHave:
		return tPast, true // "could have met"
	case hasModal && negCould:
		return tPast, true // "could not be reached Wednesday"
	case hasModal:
		return tFuture, true
	case hasHave && !hadAux && schedLemmas[lemma]:
		return tFuture, true // "has scheduled a news conference Thursday"
	case hasHave:
		return tPast, true
	}
	if hasPast {
		if futureLemmas[lemma] {
			return tFuture, false // "was planned for early March"
		}
		return tPast, true
	}
	switch tk.XPOS {
	case "VBD":
		switch lemma {
		case "schedule", "reschedule", "postpone", "delay", "slate":
			return tFuture, true // "scheduled a news conference Thursday", "postponed until Tuesday"
		}
		if futureLemmas[lemma] && lemma != "agree" && lemma != "decide" && lemma != "offer" && lemma != "seek" {
			return tFuture, false
		}
		return tPast, true
	case "VBN":
		if schedLemmas[lemma] {
			return tFuture, true // "postponed until Tuesday", "the talks scheduled for Monday"
		}
		if futureLemmas[lemma] {
			return tFuture, hasBe // "is expected", "set to resume"
		}
		if hasBe {
			return tPresent, false // present passive
		}
		return tPast, true // reduced relative: "the plan announced Friday"
	case "VBG":
		if hasBe {
			return tFuture, false // "is leaving Tuesday"
		}
	case "VBZ", "VBP":
		return tPresent, false
	case "VB":
		if !hasTo && !hasBe && te.hasSubject(v) {
			return tPresent, false // a finite verb tagged as a base form: "they meet Monday"
		}
	case "MD":
		w := strings.ToLower(d.TokenText(v))
		if w == "will" || w == "would" || w == "shall" || w == "'ll" || w == "wo" {
			return tFuture, true
		}
	}
	// Infinitives and participle clauses take their time from the verb
	// above: "planned to leave Thursday" looks ahead, "failed to appear
	// Tuesday" back.
	if depth < 2 {
		h := int(tk.Head)
		// An infinitive modifying a noun takes the time of the verb above
		// it: "staged celebrations to mark the entry on Friday".
		for steps := 0; steps < 3 && h >= 0 && h < len(d.Tokens) && !isVerbTag(d.Tokens[h].XPOS) && d.Tokens[h].XPOS != "JJ"; steps++ {
			h = int(d.Tokens[h].Head)
		}
		if h >= 0 && h < len(d.Tokens) && h != v {
			ht := d.Tokens[h]
			if hasTo && futureLemmas[strings.ToLower(ht.Lemma)] {
				if te.hasAux(h, "had") {
					return tPast, true // "had been scheduled to expire Friday"
				}
				return tFuture, true
			}
			if isVerbTag(ht.XPOS) || ht.XPOS == "JJ" {
				return te.verbTense(h, depth+1)
			}
		}
	}
	if hasTo {
		return tFuture, false
	}
	return tUnknown, false
}

// schedLemmas are verbs whose date lies ahead even in the perfect or as a
// participle: "has scheduled a news conference Thursday", "postponed until
// Tuesday", "the vote slated for Friday".
var schedLemmas = map[string]bool{"schedule": true, "reschedule": true, "postpone": true, "delay": true, "slate": true, "defer": true}

// negated reports whether verb v is negated by a "not"/"n't" between its
// auxiliary at c and v.
func (te *tenser) negated(v, c int) bool {
	d := te.d
	for k := c + 1; k < v; k++ {
		if d.Tokens[k].Dep == "advmod" || strings.HasPrefix(d.Tokens[k].Dep, "advmod") {
			w := strings.ToLower(d.TokenText(k))
			if w == "not" || w == "n't" || w == "never" {
				return true
			}
		}
	}
	if c+1 < len(d.Tokens) {
		w := strings.ToLower(d.TokenText(c + 1))
		return w == "not" || w == "n't"
	}
	return false
}

// hasSubject reports whether verb v has a nominal subject.
func (te *tenser) hasSubject(v int) bool {
	d := te.d
	for c := v - 1; c >= 0 && v-c <= 12 && d.Tokens[c].Sent == d.Tokens[v].Sent; c-- {
		if int(d.Tokens[c].Head) == v && strings.HasPrefix(d.Tokens[c].Dep, "nsubj") {
			return true
		}
	}
	return false
}

// hasAux reports whether verb v has the auxiliary w.
func (te *tenser) hasAux(v int, w string) bool {
	d := te.d
	for c := v - 1; c >= 0 && v-c <= 6; c-- {
		if int(d.Tokens[c].Head) == v && strings.HasPrefix(d.Tokens[c].Dep, "aux") && strings.EqualFold(d.TokenText(c), w) {
			return true
		}
	}
	return false
}

// fromTags uses the nearest verb tag in the sentence.
func (te *tenser) fromTags(i, j int) tense {
	d := te.d
	ti := d.TokenAt(int(te.s.t[i].s))
	if ti < 0 {
		return tUnknown
	}
	sent := d.Tokens[ti].Sent
	for k := ti - 1; k >= 0 && d.Tokens[k].Sent == sent && ti-k < 15; k-- {
		if t := te.tagTense(k); t != tUnknown {
			return t
		}
	}
	for k := ti + 1; k < len(d.Tokens) && d.Tokens[k].Sent == sent && k-ti < 10; k++ {
		if t := te.tagTense(k); t != tUnknown {
			return t
		}
	}
	return tUnknown
}

func (te *tenser) tagTense(k int) tense {
	tk := te.d.Tokens[k]
	switch tk.XPOS {
	case "VBD":
		return tPast
	case "MD":
		w := strings.ToLower(te.d.TokenText(k))
		if w == "will" || w == "'ll" || w == "shall" || w == "wo" || w == "would" {
			return tFuture
		}
		return tUnknown
	case "VBZ", "VBP":
		w := strings.ToLower(te.d.TokenText(k))
		if w == "has" || w == "have" || w == "'ve" {
			return tPast
		}
		return tPresent
	}
	return tUnknown
}

var irregularPast = map[string]bool{
	"said": true, "told": true, "met": true, "went": true, "came": true, "took": true, "gave": true, "made": true,
	"saw": true, "held": true, "began": true, "won": true, "lost": true, "left": true, "fell": true, "rose": true,
	"led": true, "sent": true, "spent": true, "paid": true, "found": true, "thought": true, "brought": true,
	"bought": true, "built": true, "caught": true, "fought": true, "felt": true, "kept": true, "knew": true,
	"meant": true, "ran": true, "shot": true, "sold": true, "stood": true, "struck": true, "taught": true,
	"threw": true, "wrote": true, "broke": true, "chose": true, "drove": true, "flew": true, "got": true,
	"grew": true, "hung": true, "hid": true, "laid": true, "rode": true, "spoke": true, "stole": true,
	"swore": true, "tore": true, "wore": true, "became": true, "did": true, "had": true, "was": true,
	"were": true, "heard": true, "sought": true, "slid": true, "sank": true, "split": false, "quit": false,
	"struck down": false, "overtook": true, "withdrew": true, "undertook": true, "forgot": true, "woke": true,
	"ate": true, "drew": true, "froze": true, "bore": true, "beat": false, "bit": false, "dealt": true,
	"fled": true, "lit": true, "lent": true, "dug": true, "wept": true, "swept": true, "slept": true,
	"arose": true, "oversaw": true, "foresaw": true, "shook": true, "sang": true, "rang": true,
}

var notPastEd = map[string]bool{
	"need": true, "speed": true, "seed": true, "bed": true, "red": true, "indeed": true, "hundred": true,
	"feed": true, "breed": true, "greed": true, "shed": true, "wed": true, "fled": false, "united": true,
	"proceed": true, "succeed": true, "exceed": true, "embed": true, "weed": true, "steed": true,
	"deed": true, "creed": true, "reed": true, "sled": true, "bled": false, "led": false, "ted": true,
	"ed": true, "fred": true, "ahmed": true, "mohammed": true, "muhammad": true, "naked": true,
	"wicked": true, "sacred": true, "kindred": true, "rugged": true, "aged": true, "beloved": true,
	"limited": true, "based": true, "related": true, "detailed": true, "advanced": true, "armed": true,
	"alleged": true, "concerned": true, "interested": true, "supposed": true, "used": true, "unprecedented": true,
	"expected": false, "scheduled": false, "planned": false, "biased": true, "sophisticated": true,
	"experienced": true, "qualified": true, "dedicated": true, "organized": true, "complicated": true,
}

var futureWords = map[string]bool{
	"will": true, "shall": true, "would": true, "ll": true, "upcoming": true, "tomorrow": true, "next": true,
	"plans": true, "plan": true, "planning": true, "planned": true, "scheduled": true, "expected": true,
	"expects": true, "expect": true, "intends": true, "intend": true, "aims": true, "hopes": true, "hope": true,
	"going": true, "due": true, "set": false, "could": false, "may": false, "might": false,
}

var presentWords = map[string]bool{
	"is": true, "are": true, "am": true, "says": true, "does": true, "do": true, "remains": true, "seems": true,
}

var pastAux = map[string]bool{"ago": true, "yesterday": true, "last": true}

// fromWords scans the clause around tokens [i, j): the nearest tense marker
// to the left wins, then the nearest to the right.
func (te *tenser) fromWords(i, j int) tense {
	s := te.s
	var buf [24]byte
	classify := func(k int) tense {
		tk := s.t[k]
		if tk.kind != kWord || tk.e-tk.s > int32(len(buf)) {
			return tUnknown
		}
		x := s.text[tk.s:tk.e]
		n := 0
		for q := 0; q < len(x); q++ {
			c := x[q]
			if c >= 'A' && c <= 'Z' {
				c |= 0x20
			}
			buf[n] = c
			n++
		}
		w := string(buf[:n]) // no allocation: used only as a map key and compared
		if futureWords[w] {
			if w == "going" && !s.eq(k+1, "to") {
				return tUnknown
			}
			return tFuture
		}
		if presentWords[w] {
			return tPresent
		}
		if pastAux[w] {
			return tPast
		}
		if irregularPast[w] {
			return tPast
		}
		if n > 4 && w[n-2:] == "ed" && !notPastEd[w] && !tk.cap {
			if k > 0 && (s.eq(k-1, "be") || s.eq(k-1, "being")) {
				return tUnknown // "will be named": the auxiliary decides
			}
			return tPast
		}
		return tUnknown
	}
	boundary := func(k int) bool {
		tk := s.t[k]
		if tk.nl {
			return true
		}
		if tk.kind == kPunct {
			c := s.text[tk.s]
			if c == '!' || c == '?' || c == ';' {
				return true
			}
			if c == '.' && k > 0 && !isAbbrev(s, k-1) {
				return true
			}
		}
		return false
	}
	for k := i - 1; k >= 0 && i-k <= 12; k-- {
		if boundary(k) {
			break
		}
		if t := classify(k); t != tUnknown {
			// A reporting verb far from the expression is usually not its
			// governor ("said the summit on April 24 …").
			if t == tPast && i-k > 2 && reporting[lowerKey(s.str(k))] {
				continue
			}
			return t
		}
	}
	for k := j; k < len(s.t) && k-j < 10; k++ {
		if boundary(k) {
			break
		}
		if t := classify(k); t != tUnknown {
			return t
		}
	}
	return tUnknown
}

var abbrevs = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "lt": true, "col": true, "sgt": true, "capt": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "vs": true, "no": true, "prof": true, "rev": true, "ft": true,
	"mt": true, "adm": true, "maj": true, "cmdr": true, "pres": true, "sept": true, "approx": true, "est": true}

// isAbbrev reports whether token k (before a period) is an abbreviation
// rather than the end of a sentence.
func isAbbrev(s *scanner, k int) bool {
	tk := s.t[k]
	if tk.kind != kWord {
		return false
	}
	if tk.e-tk.s == 1 {
		return true // U.S., J. Smith, a.m.
	}
	if e := tk.lx; e != nil && (e.abbr) {
		return true
	}
	if tk.e-tk.s > 5 {
		return false
	}
	return abbrevs[lowerKey(s.str(k))]
}

var reporting = map[string]bool{"said": true, "told": true, "announced": true, "added": true, "reported": true,
	"stated": true, "noted": true, "explained": true, "wrote": true, "indicated": true}
