package quote

import (
	"strings"

	"github.com/chronicle-news/chronicle/doc"
)

// clauseWords end a speaker phrase when scanning without a parse.
var clauseWords = map[string]bool{
	"that": true, "and": true, "but": true, "who": true, "which": true, "when": true, "while": true,
	"as": true, "because": true, "after": true, "before": true, "if": true, "so": true, "where": true,
	"than": true, "or": true, "then": true,
}

// speakerAdverbs may stand between a speaker and the cue ("Rubio also said").
var speakerAdverbs = map[string]bool{
	"also": true, "later": true, "previously": true, "then": true, "again": true, "once": true,
	"repeatedly": true, "recently": true, "has": true, "had": true, "have": true, "was": true,
	"is": true, "will": true, "would": true, "had.": true, "further": true, "earlier": true,
	"publicly": true, "privately": true, "often": true, "frequently": true, "quickly": true,
	"simply": true, "flatly": true, "firmly": true, "reportedly": true, "allegedly": true, "did": true,
	"does": true, "do": true, "not": true, "n't": true, "never": true, "might": true, "may": true,
	"could": true, "should": true, "can": true, "already": true, "even": true, "still": true,
}

// anonymousHeads are nouns that name unidentified sources.
var anonymousHeads = map[string]bool{
	"official": true, "officials": true, "source": true, "sources": true, "report": true, "reports": true,
	"people": true, "person": true, "aide": true, "aides": true, "analyst": true, "analysts": true,
	"expert": true, "experts": true, "observer": true, "observers": true, "diplomat": true, "diplomats": true,
	"someone": true, "critic": true, "critics": true, "insider": true, "insiders": true, "witness": true,
	"witnesses": true, "resident": true, "residents": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "official's": true, "others": true, "some": true, "many": true, "media": true,
	"observers'": true, "authorities": true, "investigators": true, "lawmakers": true, "member": true,
	"members": true, "staffers": true, "official.": true, "agency": true, "newspaper": true,
}

// personNouns head descriptions that can refer back to a named person
// ("the Russian official", "the president").
var personNouns = map[string]bool{
	"official": true, "minister": true, "president": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "secretary": true, "senator": true, "candidate": true, "leader": true,
	"chancellor": true, "premier": true, "diplomat": true, "envoy": true, "ambassador": true,
	"governor": true, "mayor": true, "general": true, "commander": true, "chief": true, "director": true,
	"lawmaker": true, "congressman": true, "congresswoman": true, "representative": true,
	"nominee": true, "king": true, "queen": true, "prince": true, "pope": true, "chairman": true,
	"chairwoman": true, "executive": true, "businessman": true, "billionaire": true, "adviser": true,
	"advisor": true, "negotiator": true, "prosecutor": true, "judge": true, "attorney": true,
	"politician": true, "democrat": true, "republican": true, "frontrunner": true, "front-runner": true,
	"mogul": true, "incumbent": true, "speaker": true, "man": true, "woman": true,
}

// subjectOf returns the subject tokens [a, b] of cue token c and the subject's
// head token, from the parse: the cue's nsubj, the nsubj of the verb it is
// coordinated with or complements ("declined to say"), or the object of
// "according to".
func (v *view) subjectOf(c int) (a, b, head int, ok bool) {
	if !v.deps {
		return 0, 0, -1, false
	}
	if v.form(c) == "according" || v.form(c) == "According" {
		h := int(v.toks[c].Head)
		if h < 0 || h == c {
			return 0, 0, -1, false
		}
		a, b = int(v.lo[h]), int(v.hi[h])
		// The subtree starts with "according to" itself.
		for a <= b && (a == c || a == c+1 || v.isPunct(a)) {
			a++
		}
		a, b = v.trimSpeaker(a, b, h)
		return a, b, h, a <= b
	}
	x := c
	for hops := 0; hops < 3; hops++ {
		s := v.child(x, "nsubj")
		if s >= 0 {
			if l := strings.ToLower(v.form(s)); l == "it" || l == "there" || v.toks[s].Dep == "expl" {
				return 0, 0, -1, false
			} else if l == "that" && v.toks[x].Dep != "acl:relcl" {
				// A complementizer the parser took for a subject.
				return 0, 0, -1, false
			}
			lo := int(v.lo[s])
			// "campaign manager Robby Mook said", parsed as two subjects:
			// the name right after the first is the head. "Rubio, who
			// said …", parsed as two subjects: the relative pronoun is the
			// subject (the verb is the relative clause's).
			if s2 := v.nextChild(x, s, "nsubj"); s2 >= 0 && int(v.lo[s2]) == int(v.hi[s])+1 && v.toks[s2].UPOS == doc.PROPN {
				s = s2
			} else if s2 > 0 && relativePronoun[strings.ToLower(v.form(s2))] && v.form(s2-1) == "," {
				s, lo = s2, s2
			}
			a, b = v.trimSpeaker(lo, int(v.hi[s]), s)
			return a, b, s, a <= b
		}
		dep := v.toks[x].Dep
		if !(relIs(dep, "conj") || relIs(dep, "xcomp") || relIs(dep, "advcl") || dep == "acl:relcl") || v.toks[x].Head < 0 {
			break
		}
		x = int(v.toks[x].Head)
		if dep == "acl:relcl" {
			// "Rubio, who said …": the relative clause's head noun speaks.
			a, b = v.trimSpeaker(int(v.lo[x]), x, x)
			return a, b, x, a <= b
		}
	}
	return 0, 0, -1, false
}

// trimSpeaker cuts a subject phrase at the first comma or parenthesis on
// either side of its head, dropping appositions and relative clauses, and
// a name before a time or place modifier after it ("Hillary Clinton on
// Friday in the debates" is "Hillary Clinton"; "officials in Washington"
// keep their place).
func (v *view) trimSpeaker(a, b, head int) (int, int) {
	if head < a || head > b {
		return a, b
	}
	for j := head + 1; j <= b; j++ {
		if f := v.form(j); f == "," || f == "(" || f == "—" || f == "–" || v.toks[head].UPOS == doc.PROPN && v.toks[j].Dep == "case" && circumstancePrep[strings.ToLower(f)] {
			b = j - 1
			break
		}
	}
	for j := head - 1; j >= a; j-- {
		if f := v.form(j); f == "," || f == ")" || f == "—" || f == "–" {
			a = j + 1
			break
		}
	}
	for a <= b && v.isPunct(a) {
		a++
	}
	for b >= a && v.isPunct(b) {
		b--
	}
	return a, b
}

// circumstancePrep open the time and place modifiers that a speaker
// phrase ends before.
var circumstancePrep = map[string]bool{"on": true, "in": true, "at": true, "during": true, "after": true,
	"before": true, "amid": true, "since": true, "until": true, "following": true}

// phraseBefore returns the words just before cue c back to the first
// clause boundary, skipping adverbs and auxiliaries next to the cue, never
// reaching token floor.
func (v *view) phraseBefore(c, floor int) (a, b int, ok bool) {
	j := c - 1
	for j >= floor && speakerAdverbs[strings.ToLower(v.form(j))] {
		j--
	}
	b = j
	n := 0
	for j >= floor && n < 8 {
		f := v.form(j)
		if v.isPunct(j) || clauseWords[strings.ToLower(f)] || (v.toks[j].UPOS == doc.VERB && v.deps) {
			break
		}
		j--
		n++
	}
	a = j + 1
	if a > b || n >= 8 {
		return 0, 0, false
	}
	return a, b, true
}

// phraseAfter returns the words just after cue c ("said Rubio, …") up to the
// next punctuation.
func (v *view) phraseAfter(c, ceil int) (a, b int, ok bool) {
	a = c + 1
	j := a
	for j < ceil && j < len(v.toks) && j-a < 8 {
		f := v.form(j)
		if v.isPunct(j) || clauseWords[strings.ToLower(f)] {
			break
		}
		j++
	}
	b = j - 1
	for b >= a && speakerAdverbs[strings.ToLower(v.form(b))] {
		b-- // "said he still …"
	}
	if b < a || !v.nominal(a, b) {
		return 0, 0, false
	}
	// A noun phrase opens with a determiner, a name, a noun, a pronoun, an
	// adjective or a number, not a preposition ("said of Cruz").
	switch v.toks[a].UPOS {
	case doc.DET, doc.PROPN, doc.NOUN, doc.PRON, doc.ADJ, doc.NUM, doc.NoPOS:
	default:
		return 0, 0, false
	}
	return a, b, true
}

// nominal reports whether tokens [a, b] look like a noun phrase: a name,
// pronoun or noun and no verb.
func (v *view) nominal(a, b int) bool {
	has := false
	for j := a; j <= b; j++ {
		switch v.toks[j].UPOS {
		case doc.PROPN, doc.PRON, doc.NOUN, doc.NUM, doc.NoPOS:
			has = true
		case doc.VERB:
			if v.deps || v.toks[j].Lemma != "" {
				return false
			}
		}
	}
	return has
}

// speakerFor finds the speaker of cue token c: the cue's subject in the
// parse; else the phrase before the cue (bounded by floor, skipping an
// apposition or parenthesis: "Rep. Ann Lee (D-Ore.) said", "Cox, who runs
// the group, says"); for a participle after a comma ("…, saying") the
// speaker of the cue it depends on, or the sentence subject; else the
// phrase after the cue ("said Rubio"). A candidate that overlaps the bytes
// [xs, xe) (the content) is rejected.
func (v *view) speakerFor(c, last, floor, ceil, xs, xe int) (a, b, head int, ok bool) {
	return v.speakerDepth(c, last, floor, ceil, xs, xe, 0)
}

func (v *view) speakerDepth(c, last, floor, ceil, xs, xe, depth int) (a, b, head int, ok bool) {
	good := func(a, b int) bool {
		return a >= 0 && a <= b && b < len(v.toks) && !overlapsTok(v, a, b, xs, xe) && !v.quoted(a, b)
	}
	if a, b, head, ok = v.subjectOf(c); ok && good(a, b) {
		return a, b, head, true
	}
	if a, b, head, ok = v.possessor(c); ok && good(a, b) {
		return a, b, head, true
	}
	if v.form(c) == "according" || v.form(c) == "According" {
		if a, b, ok = v.phraseAfter(last, ceil); ok && good(a, b) {
			return a, b, b, true
		}
		return 0, 0, -1, false
	}
	if a, b, ok = v.phraseBefore(c, floor); ok && v.nominal(a, b) && good(a, b) {
		return a, b, b, true
	}
	if a, b, ok = v.phraseBeforeApposition(c, floor); ok && good(a, b) {
		return a, b, b, true
	}
	if f := v.form(c); strings.HasSuffix(f, "ing") && c > 0 && v.form(c-1) == "," {
		// "…, saying": the speaker of the cue this participle hangs on.
		if depth == 0 {
			for k := c - 2; k >= v.sentStart(c) && k > c-40; k-- {
				if _, kl, ok := v.cueAt(k, 0); ok && v.form(k) != "according" {
					if a, b, head, ok = v.speakerDepth(k, kl, floor, c, xs, xe, 1); ok {
						return a, b, head, true
					}
					break
				}
			}
		}
		if a, b, ok = v.sentenceSubject(c); ok && good(a, b) {
			return a, b, b, true
		}
	}
	// "…, said Rubio": only speech verbs invert; after other cues the next
	// words are their object.
	if _, _, speech := v.cueAt(c, cueDirect); speech || !v.deps {
		if a, b, ok = v.phraseAfter(last, ceil); ok && good(a, b) {
			return a, b, b, true
		}
	}
	// Last resort with a parse: the subject of the sentence's main verb,
	// when it precedes the cue (the parser hung the cue off a noun).
	if v.deps && depth == 0 {
		s := v.sents[v.toks[c].Sent]
		for r := s.FirstToken; r < s.EndToken; r++ {
			if v.toks[r].Head >= 0 || v.toks[r].UPOS != doc.VERB {
				continue
			}
			if sj := v.child(r, "nsubj"); sj >= 0 && sj < c {
				a, b = v.trimSpeaker(int(v.lo[sj]), int(v.hi[sj]), sj)
				if a <= b && good(a, b) && int(v.hi[sj]) < c {
					return a, b, sj, true
				}
			}
			break
		}
	}
	return 0, 0, -1, false
}

// possessor returns the possessor of a noun cue c ("Trump’s claim that …",
// "his comment that …"), who made the claim, without its "’s".
func (v *view) possessor(c int) (a, b, head int, ok bool) {
	if !v.deps || v.toks[c].UPOS != doc.NOUN {
		return 0, 0, -1, false
	}
	p := v.child(c, "nmod:poss")
	if p < 0 || p > c {
		return 0, 0, -1, false
	}
	a, b = int(v.lo[p]), int(v.hi[p])
	for b > a && (v.toks[b].Dep == "case" || v.isPunct(b)) {
		b--
	}
	return a, b, p, a <= b && b < c
}

// quoted reports whether tokens [a, b] lie inside quotation marks (a
// speaker never does).
func (v *view) quoted(a, b int) bool {
	s, e := int(v.toks[a].Start), int(v.toks[b].End)
	for _, m := range v.marks {
		if m.cs <= s && e <= m.ce && m.ce-m.cs > e-s {
			return true
		}
	}
	return false
}

// phraseBeforeApposition handles a subject separated from its cue by a
// parenthesis or an apposition between commas.
func (v *view) phraseBeforeApposition(c, floor int) (a, b int, ok bool) {
	j := c - 1
	for j >= floor && speakerAdverbs[strings.ToLower(v.form(j))] {
		j--
	}
	if j < floor {
		return 0, 0, false
	}
	switch v.form(j) {
	case ")":
		k := j - 1
		for k >= floor && k > j-8 && v.form(k) != "(" {
			k--
		}
		if k < floor || v.form(k) != "(" {
			return 0, 0, false
		}
		if a, b, ok = v.phraseBefore(k, floor); ok && v.nominal(a, b) {
			return a, b, true
		}
	case ",":
		k := j - 1
		for k >= floor && k > j-16 && v.form(k) != "," {
			if v.isFinal(k) {
				return 0, 0, false
			}
			k--
		}
		if k < floor || v.form(k) != "," {
			return 0, 0, false
		}
		if a, b, ok = v.phraseBefore(k, floor); ok && v.nominal(a, b) {
			if a == b && v.toks[a].UPOS == doc.NUM && a-1 > floor && v.form(a-1) == "," {
				// "Schiff, 56, who …, told": an age between commas is no speaker
				if a2, b2, ok2 := v.phraseBefore(a-1, floor); ok2 && v.nominal(a2, b2) {
					return a2, b2, true
				}
				return 0, 0, false
			}
			return a, b, true
		}
	}
	return 0, 0, false
}

// makeSpeaker builds the Speaker for tokens [a, b] with head token head,
// linking it to an actor or marking it anonymous.
func (v *view) makeSpeaker(a, b, head int, prev []cand) *doc.Speaker {
	sp := v.span(a, b)
	s := &doc.Speaker{Text: v.text[sp.Start:sp.End], Start: sp.Start, End: sp.End}
	if head < a || head > b {
		head = b
	}
	s.Actor = v.actorFor(sp, head, prev)
	if s.Actor == "" && v.anonymous(a, b, head) {
		s.Anonymous = true
	}
	return s
}

// anonymous reports whether the speaker phrase names no one: its head is a
// noun like "officials" or "sources" and it contains no name.
func (v *view) anonymous(a, b, head int) bool {
	for j := a; j <= b; j++ {
		if v.toks[j].UPOS == doc.PROPN {
			return false
		}
	}
	h := strings.ToLower(v.form(head))
	if !anonymousHeads[h] {
		return false
	}
	// "the official" after a named official is a description, not anonymity.
	if a < head && strings.EqualFold(v.form(a), "the") && personNouns[strings.TrimSuffix(h, "s")] && !strings.HasSuffix(h, "s") {
		return false
	}
	return true
}

// sentenceSubject returns the words from the start of cue c's sentence up to
// the first verb, when they look like a noun phrase (untagged fallback for
// participle cues: "Jones reacted, saying …").
func (v *view) sentenceSubject(c int) (a, b int, ok bool) {
	a = v.sentStart(c)
	j := a
	for j < c && j-a < 10 {
		if u := v.toks[j].UPOS; u == doc.VERB || u == doc.AUX || v.isPunct(j) && v.form(j) != "(" && v.form(j) != ")" {
			break
		}
		j++
	}
	b = j - 1
	if b < a || j == c || !v.nominal(a, b) {
		return 0, 0, false
	}
	return a, b, true
}
