package actor

import (
	"sort"
	"strings"

	"github.com/chronicle-news/chronicle/doc"
)

// Plural descriptions: "the two leaders", "both countries", "the three
// candidates" sum up actors the text named before. Each member actor gets
// the phrase as a mention of kind doc.MentionPlural, so the event coder can
// make all of them the participants of "for the two leaders to meet".
//
// The members are found, most reliable first, among the actors of the
// description's sentence and the pluralWindow sentences before it:
//
//  1. a coordination of exactly n actors of the right kind in the
//     description's own sentence, read from the parse or, where the parse
//     missed it, from the surface ("the contrast between Sanders and
//     Clinton …, when the two candidates …", "U.S.–Russia relations …
//     between the two countries");
//  2. for people and countries, exactly n such actors in that sentence
//     ("when Mr. Obama ran against Senator John McCain, both men …");
//  3. the latest coordination in the sentences before ("a meeting between
//     Russian President Vladimir Putin and U.S. President Donald Trump" …
//     "the two leaders");
//  4. exactly n such actors whose role or mentions carry the head noun or,
//     for "leaders", a head of state's or government's title ("a U.S.
//     delegation" … "a Russian delegation" … "the two delegations");
//  5. for countries, exactly n countries named in the sentence and the one
//     before.
//
// For countries and "sides" the members must differ in country or code; a
// head that is a title ("the three governors") takes only actors that
// carry it. Anything else (more candidates than the number, none, a
// different kind) leaves the phrase unlinked: a guessed member is worse
// than none.

// pluralClass is the kind of actor a plural head noun sums up.
type pluralClass uint8

const (
	pcPerson  pluralClass = iota + 1 // people: leaders, men, candidates
	pcCountry                        // countries and their governments
	pcGroup                          // organisations and groups: delegations, parties
	pcAny                            // sides: anyone with a code
)

// pluralHeads maps a plural head noun (lowercase) to its class.
var pluralHeads = map[string]pluralClass{
	"leaders": pcPerson, "presidents": pcPerson, "men": pcPerson, "women": pcPerson,
	"candidates": pcPerson, "nominees": pcPerson, "contenders": pcPerson, "rivals": pcPerson,
	"senators": pcPerson, "ministers": pcPerson, "politicians": pcPerson, "lawmakers": pcPerson,
	"diplomats": pcPerson, "envoys": pcPerson, "negotiators": pcPerson, "generals": pcPerson,
	"governors": pcPerson, "premiers": pcPerson, "chancellors": pcPerson, "kings": pcPerson,
	"monarchs": pcPerson, "executives": pcPerson, "frontrunners": pcPerson, "front-runners": pcPerson,
	"heads": pcPerson, "officials": pcPerson, "justices": pcPerson, "judges": pcPerson,
	"congressmen": pcPerson, "congresswomen": pcPerson, "brothers": pcPerson, "sisters": pcPerson,
	"mayors": pcPerson, "commanders": pcPerson, "spokesmen": pcPerson, "ambassadors": pcPerson,
	"countries": pcCountry, "nations": pcCountry, "neighbors": pcCountry, "neighbours": pcCountry,
	"governments": pcCountry, "capitals": pcCountry, "powers": pcCountry, "superpowers": pcCountry,
	"economies":   pcCountry,
	"delegations": pcGroup, "parties": pcGroup, "teams": pcGroup, "camps": pcGroup,
	"campaigns": pcGroup, "companies": pcGroup, "firms": pcGroup, "groups": pcGroup,
	"organizations": pcGroup, "organisations": pcGroup, "agencies": pcGroup, "militaries": pcGroup,
	"armies": pcGroup, "forces": pcGroup, "factions": pcGroup, "movements": pcGroup,
	"blocs": pcGroup, "alliances": pcGroup, "chambers": pcGroup, "administrations": pcGroup,
	"newspapers": pcGroup, "networks": pcGroup, "outlets": pcGroup, "banks": pcGroup,
	"sides": pcAny,
}

// pluralRoles lists, for heads whose singular a title does not repeat,
// the role words that qualify an actor ("the two leaders": presidents and
// prime ministers).
var pluralRoles = map[string][]string{
	"leaders": {"president", "prime minister", "premier", "chancellor", "king", "queen", "leader",
		"emir", "monarch", "head of state", "ayatollah", "sultan", "supreme leader"},
	"heads":        {"president", "prime minister", "premier", "chancellor", "head of state", "head of government"},
	"diplomats":    {"diplomat", "ambassador", "envoy", "foreign minister", "secretary of state"},
	"envoys":       {"envoy", "ambassador"},
	"officials":    {"official", "minister", "secretary", "adviser", "director"},
	"lawmakers":    {"senator", "sen.", "representative", "rep.", "congressman", "congresswoman", "lawmaker", "legislator"},
	"politicians":  {"senator", "sen.", "governor", "gov.", "president", "minister", "candidate", "mayor", "politician"},
	"senators":     {"senator", "sen."},
	"governors":    {"governor", "gov."},
	"generals":     {"general", "gen."},
	"frontrunners": {"frontrunner", "front-runner", "candidate"},
}

// titleHeads are the heads that are titles: every member must carry the
// title ("the three governors" are not three senators).
var titleHeads = map[string]bool{
	"presidents": true, "senators": true, "governors": true, "generals": true, "ministers": true,
	"mayors": true, "kings": true, "premiers": true, "chancellors": true, "ambassadors": true,
	"justices": true, "judges": true, "commanders": true, "congressmen": true, "congresswomen": true,
}

// pluralNumbers are the numbers a plural description counts with.
var pluralNumbers = map[string]int{"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}

// pluralQuantifiers before "of the two …" pick one of the members, not all
// of them ("one of the two leaders").
var pluralQuantifiers = map[string]bool{
	"one": true, "either": true, "neither": true, "each": true, "any": true, "none": true,
	"who": true, "which": true, "whichever": true,
}

// pluralWindow is how many sentences before the description's own are
// searched for its members.
const pluralWindow = 5

// pluralMention is an actor mention considered as a member of a plural
// description.
type pluralMention struct {
	a, b int // token span of the mention
	tok  int // head token of the mention
	bd   *builder
	text string // lowercase mention text
}

// plurals links plural descriptions to the actors they sum up. It runs
// after every other mention is known.
func (lk *linking) plurals() {
	d := lk.d
	var ms []pluralMention // every mention, in token order
	for _, bd := range lk.bs {
	mentions:
		for mi, m := range bd.mentions {
			if m.Kind == doc.MentionPlural {
				continue
			}
			for mj, o := range bd.mentions {
				if mj != mi && o.Kind != doc.MentionPlural && o.Start <= m.Start && m.End <= o.End && (o.Start < m.Start || m.End < o.End || mj < mi) {
					continue mentions // inside a longer mention of the same actor ("Gov. Martin O'Malley")
				}
			}
			a, b := d.TokensIn(m.Span())
			if a >= b {
				continue
			}
			ms = append(ms, pluralMention{a: a, b: b, tok: lk.mentionHead(a, b), bd: bd, text: strings.ToLower(m.Text)})
		}
	}
	if len(ms) < 2 {
		return
	}
	sort.SliceStable(ms, func(x, y int) bool { return ms[x].tok < ms[y].tok })
	for si, s := range d.Sentences {
		for i := s.FirstToken; i < s.EndToken; i++ {
			if (lk.fw[i] == "they" || lk.fw[i] == "both") && !lk.used[i] && isSubject(d.Tokens[i].Dep) {
				// "they", and "both" standing alone ("Both will offer the deal")
				lk.they(ms, si, i)
				continue
			}
			n, head := lk.pluralAt(i, s.EndToken)
			if n == 0 {
				continue
			}
			if lk.anyUsed(i, head+1) {
				i = head
				continue
			}
			members := lk.pluralMembers(ms, si, i, head, n)
			if len(members) == n {
				m := lk.mkMention(i, head+1, doc.MentionPlural)
				for _, bd := range members {
					bd.mentions = append(bd.mentions, m)
				}
				lk.markUsed(i, head+1)
			}
			i = head
		}
	}
}

// they links a subject "they" to what the latest actor mention before it,
// in its sentence or the one before, belongs to, when that mention is a
// subject too: a coordination of actors ("Russia and Ukraine met on
// Monday. They agreed …": both, as a plural mention) or a group ("Russian
// envoys said they …": the group, as a pronoun mention). A single person
// or organisation named last, or a plural noun of no actor between, leaves
// the pronoun alone.
func (lk *linking) they(ms []pluralMention, si, i int) {
	lo := sort.Search(len(ms), func(k int) bool { return lk.sent(ms[k].tok) >= si-1 })
	hi := sort.Search(len(ms), func(k int) bool { return ms[k].tok >= i })
	win := ms[lo:hi]
	last := -1 // the mention that ends last before the pronoun
	for k := range win {
		if win[k].b <= i && (last < 0 || win[k].b > win[last].b) {
			last = k
		}
	}
	if last < 0 {
		return
	}
	for t := win[last].b; t < i; t++ {
		// "… people are scared. They want …": a plural noun of no actor
		// between is what "they" more likely means
		if x := lk.d.Tokens[t].XPOS; (x == "NNS" || x == "NNPS") && !lk.used[t] {
			switch lk.d.Tokens[t].Dep {
			case "compound", "amod", "flat", "flat:name":
			default:
				return
			}
		}
	}
	// the antecedent is a subject too ("Officials have said they …",
	// "O'Malley and Huckabee announced they will …"): an object or a place
	// named last is too often not what "they" means
	if !lk.d.Done.Has(doc.Deps) {
		return
	}
	subj := func(t int) bool { return isSubject(lk.d.Tokens[lk.conjRoot(t)].Dep) }
	if !subj(win[last].tok) {
		return
	}
	if group := lk.coordGroupOf(win, last); len(group) >= 2 {
		m := lk.mkMention(i, i+1, doc.MentionPlural)
		for _, g := range group {
			g.bd.mentions = append(g.bd.mentions, m)
		}
		lk.used[i] = true
		return
	}
	if bd := win[last].bd; bd.kind == "GRP" && lk.fw[i] == "they" {
		bd.mentions = append(bd.mentions, lk.mkMention(i, i+1, "pronoun"))
		lk.used[i] = true
	}
}

// conjRoot returns the first conjunct of the coordination token t is a
// conjunct of (t itself when it is none), following at most eight conj
// arcs and only heads inside the document.
func (lk *linking) conjRoot(t int) int {
	for n := 0; n < 8 && lk.d.Tokens[t].Dep == "conj"; n++ {
		h := int(lk.d.Tokens[t].Head)
		if h < 0 || h >= len(lk.d.Tokens) || h == t {
			break
		}
		t = h
	}
	return t
}

// isSubject reports whether a dependency relation is a clause's subject.
func isSubject(dep string) bool { return dep == "nsubj" || dep == "nsubj:pass" }

// coordGroupOf returns the distinct actors of the coordination mention k of
// win belongs to (read from the surface, or else the parse, as in
// pluralCoordination), or nil.
func (lk *linking) coordGroupOf(win []pluralMention, k int) []pluralMention {
	a, b := k, k
	for a > 0 && lk.coordGap(win[a-1].b, win[a].a) {
		a--
	}
	for b+1 < len(win) && lk.coordGap(win[b].b, win[b+1].a) {
		b++
	}
	var group []pluralMention
	if b > a && !lk.commasOnly(win[b-1].b, win[b].a) {
		group = append(group, win[a:b+1]...)
	} else if lk.d.Done.Has(doc.Deps) {
		root := lk.conjRoot
		r := root(win[k].tok)
		for _, m := range win {
			if m.tok == r || lk.d.Tokens[m.tok].Dep == "conj" && root(m.tok) == r {
				group = append(group, m)
			}
		}
		if len(group) < 2 || group[0].tok != r || lk.listGoesOn(win, group) {
			return nil
		}
	}
	// distinct actors, all people or all not
	var out []pluralMention
	for _, g := range group {
		dup := false
		for _, o := range out {
			dup = dup || o.bd == g.bd
		}
		if !dup {
			if len(out) > 0 && (out[0].bd.kind == "PER") != (g.bd.kind == "PER") {
				return nil
			}
			out = append(out, g)
		}
	}
	return out
}

// mentionHead returns the token of span [a, b) whose head lies outside it:
// the first such nominal that is no flat or compound dependent ("Cy Dee"
// misparsed with both words on another head is headed by "Cy"; "former
// Gov. Mike Huckabee" with "former" hung on the verb by "Mike"), else the
// first such token, else b-1 (also without a parse).
func (lk *linking) mentionHead(a, b int) int {
	if !lk.d.Done.Has(doc.Deps) {
		return b - 1
	}
	fallback := -1
	for i := a; i < b; i++ {
		t := &lk.d.Tokens[i]
		if p := int(t.Head); p >= a && p < b {
			continue
		}
		if fallback < 0 {
			fallback = i
		}
		switch t.Dep {
		case "flat", "flat:name", "compound", "punct":
			continue
		}
		switch t.UPOS {
		case doc.NOUN, doc.PROPN, doc.PRON, doc.NUM:
			return i
		}
	}
	if fallback >= 0 {
		return fallback
	}
	return b - 1
}

// pluralAt reads a plural description starting at token i: "the two
// leaders", "both (the) countries", "all three candidates", "the two rival
// camps". It returns the number of members and the head noun's token, or
// 0.
func (lk *linking) pluralAt(i, end int) (n, head int) {
	fw := lk.fw
	j := i
	switch fw[i] {
	case "both":
		n, j = 2, i+1
		if j+1 < end && fw[j] == "of" && fw[j+1] == "the" {
			j += 2
		} else if j < end && fw[j] == "the" {
			j++
		}
	case "the", "these", "those", "all":
		if i+1 >= end {
			return 0, 0
		}
		if n = pluralNumbers[fw[i+1]]; n == 0 {
			return 0, 0
		}
		j = i + 2
	default:
		return 0, 0
	}
	if i >= 2 && fw[i-1] == "of" && (pluralQuantifiers[fw[i-2]] || !isNoun(lk.d.Tokens[i-2].UPOS)) {
		return 0, 0 // "one of the two leaders", "the more progressive of the two candidates"
	}
	// up to three modifiers, then the plural head; the head is the last
	// noun of the phrase ("the two party leaders")
	head = -1
	for k := j; k < end && k < j+4; k++ {
		t := &lk.d.Tokens[k]
		if !lk.isWord(k) || lk.isCap(k) && t.UPOS == doc.PROPN {
			break
		}
		if _, ok := pluralHeads[fw[k]]; ok && (t.XPOS == "NNS" || t.XPOS == "") {
			head = k
			if k+1 < end && lk.d.Tokens[k+1].UPOS == doc.NOUN && lk.isWord(k+1) {
				continue // "the two leaders' summit" ends here; "the two party leaders" may go on
			}
			break
		}
		if t.UPOS != doc.ADJ && t.UPOS != doc.NOUN && !(t.UPOS == doc.VERB && t.XPOS == "VBN") {
			break
		}
	}
	if head < 0 || head+1 < end && fw[head+1] == "of" && fw[head] == "sides" {
		return 0, 0 // "both sides of the border" are places
	}
	return n, head
}

// pluralMembers finds the n actors the plural description [i, head] in
// sentence si sums up, or nil.
func (lk *linking) pluralMembers(ms []pluralMention, si, i, head, n int) []*builder {
	word := lk.fw[head]
	class := pluralHeads[word]
	fits := func(bd *builder) bool { return lk.pluralFits(bd, class, word) }
	// the mentions before the description within the window
	lo := sort.Search(len(ms), func(k int) bool { return lk.sent(ms[k].tok) >= si-pluralWindow })
	hi := sort.Search(len(ms), func(k int) bool { return ms[k].tok >= i })
	win := ms[lo:hi]
	if len(win) == 0 {
		return nil
	}
	if titleHeads[word] {
		// "the three governors" are governors: each member carries the title
		roles := pluralRoles[word]
		if roles == nil {
			roles = []string{singular(word)}
		}
		fits = func(bd *builder) bool {
			return lk.pluralFits(bd, class, word) && lk.carriesRoleAny(bd, roles)
		}
	}
	// 1. the latest coordination of exactly n fitting actors in the
	// description's sentence
	first := sort.Search(len(win), func(k int) bool { return lk.sent(win[k].tok) >= si })
	if got := lk.pluralCoordination(win[first:], n, fits, class); got != nil {
		return got
	}
	// 2. for people and countries, exactly n fitting actors in the
	// sentence before the description ("when Mr. Obama ran for president
	// against Senator John McCain of Arizona, both men …")
	var got []*builder
	switch class {
	case pcPerson:
		for k := len(win) - 1; k >= 0 && lk.sent(win[k].tok) == si; k-- {
			if bd := win[k].bd; fits(bd) && !containsBuilder(got, bd) {
				got = append(got, bd)
			}
		}
		if len(got) == n {
			return got
		}
	case pcCountry:
		if got := lk.pluralCountries(win, si, n); got != nil {
			return got
		}
	}
	if class == pcAny {
		return nil // "both sides" is too often sides of something else
	}
	// 3. the latest coordination in the sentences before
	if got := lk.pluralCoordination(win[:first], n, fits, class); got != nil {
		return got
	}
	// 4. exactly n fitting actors whose role or mentions carry the head
	roles := pluralRoles[word]
	if roles == nil {
		roles = []string{singular(word)}
	}
	got = got[:0]
	for k := len(win) - 1; k >= 0; k-- {
		bd := win[k].bd
		if !fits(bd) || containsBuilder(got, bd) || !lk.carriesRole(bd, win[k].text, roles) {
			continue
		}
		got = append(got, bd)
	}
	if len(got) == n {
		return got
	}
	// 5. countries named in this sentence and the one before ("Britain and
	// France should … . The two nations …" needs no coordination)
	if class == pcCountry && si > 0 {
		return lk.pluralCountries(win, si-1, n)
	}
	return nil
}

// distinctCodes reports whether the actors have pairwise different
// countries (for class pcCountry) or codes.
func distinctCodes(lk *linking, bs []*builder, class pluralClass) bool {
	seen := map[string]bool{}
	for _, bd := range bs {
		k := lk.pluralKey(bd, class)
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

// pluralKey is what must differ between the members of a plural
// description of class: the country for countries, else the code.
func (lk *linking) pluralKey(bd *builder, class pluralClass) string {
	c, s := lk.finalCode(bd)
	if class == pcCountry {
		return c
	}
	return c + s
}

func isNoun(p doc.UPOS) bool { return p == doc.NOUN || p == doc.PROPN }

// pluralFits reports whether actor bd can be a member of a plural
// description of class c with head word.
func (lk *linking) pluralFits(bd *builder, c pluralClass, word string) bool {
	if word == "parties" {
		_, sector := lk.finalCode(bd)
		return sector == "PTY" // "both parties": the political parties named
	}
	switch c {
	case pcPerson:
		return bd.kind == "PER"
	case pcCountry:
		country, sector := lk.finalCode(bd)
		return country != "" && (bd.kind == "LOC" || sector == "GOV" && bd.kind != "PER")
	case pcGroup:
		return bd.kind == "ORG" || bd.kind == "GRP"
	case pcAny:
		country, sector := lk.finalCode(bd)
		return country != "" || sector != ""
	}
	return false
}

// pluralCoordination returns the actors of the latest coordination in win
// ("X and Y", "between X, Y and Z", "U.S.–Russia") with exactly n distinct
// fitting actors (for countries and sides, of n distinct countries or
// codes), or nil. A coordination is read from the parse (conjuncts of one
// head) and, where the parse missed it, from the surface: mentions
// separated only by commas, "and" or a dash.
func (lk *linking) pluralCoordination(win []pluralMention, n int, fits func(*builder) bool, class pluralClass) []*builder {
	deps := lk.d.Done.Has(doc.Deps)
	root := func(t int) int {
		if !deps {
			return t
		}
		return lk.conjRoot(t)
	}
	// check returns the group's actors if it is a valid coordination
	check := func(group []pluralMention) []*builder {
		if len(group) != n {
			return nil
		}
		var got []*builder
		for _, m := range group {
			if !fits(m.bd) || containsBuilder(got, m.bd) {
				return nil
			}
			got = append(got, m.bd)
		}
		if (class == pcCountry || class == pcAny) && !distinctCodes(lk, got, class) {
			return nil
		}
		return got
	}
	var group []pluralMention
	for k := len(win) - 1; k >= 0; k-- {
		// the surface coordination ending with mention k: all of it, so
		// neither the mention after k nor the word before its first
		// mention continues it ("Ann Lee, Bo Chan and Cy Dee" is no pair)
		group = append(group[:0], win[k])
		for j := k - 1; j >= 0 && lk.coordGap(win[j].b, group[0].a); j-- {
			group = append([]pluralMention{win[j]}, group...)
		}
		whole := k+1 >= len(win) || !lk.coordGap(win[k].b, win[k+1].a)
		if a := group[0].a; a > 0 {
			switch lk.text(a - 1) {
			case ",", "and", "&":
				whole = false
			}
		}
		if len(group) > 1 && whole && !lk.commasOnly(group[len(group)-2].b, group[len(group)-1].a) {
			if got := check(group); got != nil {
				return got
			}
		}
		// the parse's coordination that mention k ends
		if !deps || lk.d.Tokens[win[k].tok].Dep != "conj" {
			continue
		}
		r := root(win[k].tok)
		group = group[:0]
		for _, m := range win {
			if m.tok == r || lk.d.Tokens[m.tok].Dep == "conj" && root(m.tok) == r {
				group = append(group, m)
			}
		}
		// every conjunct must be one of the mentions: "Ann Lee, Bo Chan
		// and Cy Dee" is no pair, nor is "Putin, Xi and other leaders"
		conjuncts := 1
		s := lk.d.Sentences[lk.sent(r)]
		for t := s.FirstToken; t < s.EndToken; t++ {
			if lk.d.Tokens[t].Dep == "conj" && root(t) == r {
				conjuncts++
			}
		}
		if conjuncts != len(group) || group[0].tok != r || lk.listGoesOn(win, group) {
			continue
		}
		if got := check(group); got != nil {
			return got
		}
	}
	return nil
}

// commasOnly reports whether the tokens [a, b) are all commas: "Chinese
// leader, Xi Jinping" is an apposition, a list ends with "and".
func (lk *linking) commasOnly(a, b int) bool {
	for k := a; k < b; k++ {
		if lk.text(k) != "," {
			return false
		}
	}
	return true
}

// listGoesOn reports whether a mention outside group is joined to one of
// its members by a comma or "and" on the surface: the parse missed a
// conjunct ("Ann Lee, Bo Chan and Cy Dee" with "Bo Chan" hung on "Ann
// Lee").
func (lk *linking) listGoesOn(win, group []pluralMention) bool {
	for k := range win {
		if containsMention(group, win[k]) {
			continue
		}
		for _, m := range group {
			if lk.coordGap(win[k].b, m.a) || lk.coordGap(m.b, win[k].a) {
				return true
			}
		}
	}
	return false
}

func containsMention(ms []pluralMention, m pluralMention) bool {
	for _, x := range ms {
		if x.a == m.a && x.b == m.b {
			return true
		}
	}
	return false
}

// coordGap reports whether the tokens [a, b) between two mentions are only
// commas, "and" or a dash joining them ("X, Y and Z", "U.S.–Russia").
func (lk *linking) coordGap(a, b int) bool {
	if a >= b || b-a > 2 {
		return false
	}
	for k := a; k < b; k++ {
		switch lk.text(k) { // (fw folds punctuation away)
		case ",", "and", "&":
		case "-", "–", "—", "/":
			if b-a > 1 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// pluralCountries returns the n countries named from sentence s up to the
// description, one actor each, a country's own actor before its
// government's; nil unless exactly n.
func (lk *linking) pluralCountries(win []pluralMention, s, n int) []*builder {
	var got []*builder
	var isos []string
	for k := len(win) - 1; k >= 0; k-- {
		m := win[k]
		if lk.sent(m.tok) < s {
			break
		}
		if !lk.pluralFits(m.bd, pcCountry, "") {
			continue
		}
		c, _ := lk.finalCode(m.bd)
		found := false
		for x, iso := range isos {
			if iso == c {
				found = true
				if m.bd.kind == "LOC" && got[x].kind != "LOC" {
					got[x] = m.bd
				}
			}
		}
		if !found {
			isos = append(isos, c)
			got = append(got, m.bd)
		}
	}
	if len(got) != n {
		return nil
	}
	return got
}

// carriesRoleAny reports whether an actor's role or any of its mentions
// carries one of the role words.
func (lk *linking) carriesRoleAny(bd *builder, roles []string) bool {
	for _, m := range bd.mentions {
		if m.Kind != doc.MentionPlural && lk.carriesRole(bd, strings.ToLower(m.Text), roles) {
			return true
		}
	}
	return false
}

// carriesRole reports whether an actor's role, or the text of its mention,
// contains one of the role words as a word.
func (lk *linking) carriesRole(bd *builder, mentionText string, roles []string) bool {
	_, _, _, _, role := lk.code(bd)
	role = strings.ToLower(role)
	for _, r := range roles {
		if hasWord(role, r) || hasWord(mentionText, r) {
			return true
		}
	}
	return false
}

// hasWord reports whether s contains w bounded by non-letters.
func hasWord(s, w string) bool {
	return anyWordAt(s, w, func(int) bool { return true })
}

// anyWordAt reports whether ok accepts the start of some occurrence of w in
// s that non-letters bound on both sides.
func anyWordAt(s, w string, ok func(start int) bool) bool {
	for off := 0; ; {
		k := strings.Index(s[off:], w)
		if k < 0 {
			return false
		}
		a, b := off+k, off+k+len(w)
		if (a == 0 || !isLetter(s[a-1])) && (b == len(s) || !isLetter(s[b])) && ok(a) {
			return true
		}
		off = a + 1
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

// singular returns the singular of a plural head noun from pluralHeads.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "men"):
		return w[:len(w)-3] + "man"
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

func containsBuilder(bs []*builder, bd *builder) bool {
	for _, b := range bs {
		if b == bd {
			return true
		}
	}
	return false
}
