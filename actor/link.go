package actor

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/gazetteer"
)

// builder accumulates one actor while a document is linked.
type builder struct {
	kind     string // PER, ORG, LOC, GRP
	name     string // best name text so far
	key      string
	entry    *Entry // dictionary entry, if known
	oldDict  bool   // the entry comes from the converted 2014 Phoenix dictionary
	mentions []doc.Mention

	// Evidence for the code, strongest first.
	titleSector    string // from a title or apposition in the text
	titleCountry   string
	titleText      string
	titleFormer    bool
	titleIGO       string // the IGO a title belongs to ("U.N. Secretary-General")
	titlePrefix    string // the code of a dictionary actor a title belongs to that is no known country ("Bree Prime Minister")
	titleAgent     string // the title's full agent code ("GOVFRM"), for composition
	orgSector      string // from an organisation's own name ("… Constitutional Court")
	surnameCountry string // the one country the dictionaries know the surname in, for a titled name
	country        string // from a demonym or country name near the mention
	fixedCode      string // codes that need no dictionary (countries, groups)
	lastTok        int    // last token of the latest mention
	subject        bool   // the latest mention is a grammatical subject
}

type linking struct {
	l     *Linker
	d     *doc.Document
	date  time.Time
	fw    []string // folded tokens; an attached hyphen is "-"
	used  []bool   // tokens already part of a mention or title
	bs    []*builder
	byKey map[string]*builder

	ev     []countryMention // countries the document names, on first need
	evDone bool
	places map[string]int // countries of the places named, on first need (placeCountries)
}

func newLinking(l *Linker, d *doc.Document, date time.Time) *linking {
	lk := &linking{l: l, d: d, date: date, byKey: map[string]*builder{}}
	lk.fw = make([]string, len(d.Tokens))
	for i := range d.Tokens {
		t := d.TokenText(i)
		lk.fw[i] = gazetteer.Fold(t)
		// "Secretary-General", "ex-president": a hyphen between two words
		// with no space is kept so titles can be matched across it.
		if (t == "-" || t == "‐") && i > 0 && i+1 < len(d.Tokens) &&
			d.Tokens[i-1].End == d.Tokens[i].Start && d.Tokens[i+1].Start == d.Tokens[i].End {
			lk.fw[i] = "-"
		}
	}
	lk.used = make([]bool, len(d.Tokens))
	return lk
}

// ---- token helpers ----

func (lk *linking) text(i int) string { return lk.d.TokenText(i) }

func (lk *linking) isCap(i int) bool {
	r, _ := utf8.DecodeRuneInString(lk.text(i))
	return unicode.IsUpper(r)
}

func (lk *linking) spanText(a, b int) string {
	if a >= b {
		return ""
	}
	return lk.d.Text[lk.d.Tokens[a].Start:lk.d.Tokens[b-1].End]
}

// isWord reports whether token i starts with a letter or digit.
func (lk *linking) isWord(i int) bool {
	r, _ := utf8.DecodeRuneInString(lk.text(i))
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (lk *linking) sent(i int) int { return int(lk.d.Tokens[i].Sent) }

func (lk *linking) sentStart(i int) int {
	s := lk.sent(i)
	if s >= 0 && s < len(lk.d.Sentences) {
		return lk.d.Sentences[s].FirstToken
	}
	return 0
}

func (lk *linking) sentEnd(i int) int {
	s := lk.sent(i)
	if s >= 0 && s < len(lk.d.Sentences) {
		return lk.d.Sentences[s].EndToken
	}
	return len(lk.d.Tokens)
}

func (lk *linking) isPossessive(i int) bool {
	return i < len(lk.fw) && (lk.fw[i] == "s" && (lk.text(i) == "'s" || lk.text(i) == "’s" || lk.text(i) == "'" || lk.text(i) == "’"))
}

// agentAt returns the longest agent phrase starting at token i.
func (lk *linking) agentAt(i, end int) (Match, bool) {
	m, ok, _ := lk.agentAtFrom(i, end)
	return m, ok
}

// agentAtFrom is agentAt that also tells whether the phrase comes from the
// converted Phoenix agents (the last agent dictionary), whose long lists
// of nouns ("settlement", "airliner") are too loose for some uses.
func (lk *linking) agentAtFrom(i, end int) (Match, bool, bool) {
	best, found, phoenix := Match{}, false, false
	for di, dct := range lk.l.agents {
		m, ok := dct.MatchAt(lk.fw[:end], i)
		if ok && m.Agent != nil && (!found || m.End > best.End) {
			best, found, phoenix = m, true, di == lk.l.phoenixAgents
		}
	}
	return best, found, phoenix
}

// agentEndingAt finds the longest agent phrase that ends just before token end.
func (lk *linking) agentEndingAt(end, minStart int) (int, *Agent) {
	for j := max(minStart, end-6); j < end; j++ {
		if m, ok := lk.agentAt(j, end); ok && m.End == end {
			return j, m.Agent
		}
	}
	return -1, nil
}

// countryAt reads a country name, demonym or capital starting at token i
// (up to four tokens) and returns its ISO3 and end token.
func (lk *linking) countryAt(i, end int) (string, int, bool) {
	for n := min(4, end-i); n >= 1; n-- {
		if !lk.isCap(i) || !lk.isWord(i+n-1) {
			continue
		}
		t := lk.spanText(i, i+n)
		if code, ok := lk.userPlace(t); ok {
			return code, i + n, true
		}
		if n > 1 && lk.fw[i] == "the" {
			// "The Kuwait government": the user's "KUWAIT [KUW]" before
			// the gazetteer's "the Kuwait"
			if code, ok := lk.userPlace(lk.spanText(i+1, i+n)); ok {
				return code, i + n, true
			}
		}
		if c, ok := lk.country(t); ok {
			return c.ISO3, i + n, true
		}
	}
	return "", i, false
}

// userPlace looks t up in the user's dictionaries: a state-like actor
// there ("KUWAIT [KUW]") overrides the gazetteer.
func (lk *linking) userPlace(t string) (string, bool) {
	for _, dct := range lk.l.actors[:lk.l.user] {
		if e, ok := dct.LookupOn(t, lk.date); ok {
			if e.Kind == "PER" {
				return "", false
			}
			if code := lk.entryCode(e); bareCode(code) {
				return code, true
			}
			return "", false
		}
	}
	return "", false
}

// country looks a country, demonym or news abbreviation up. A bare ISO
// code ("GM", "MD", "IN") is more often an abbreviation of something else;
// the abbreviations news uses for countries ("US", "UK", "UAE") are the
// exceptions.
func (lk *linking) country(t string) (gazetteer.Country, bool) {
	c, ok := lk.l.g.Country(t)
	if ok && (t == c.ISO2 || t == c.ISO3) && !countryAbbrevs[t] {
		return gazetteer.Country{}, false
	}
	if ok {
		if r, isRegion := lk.regionReading(c, t); isRegion {
			return r, true
		}
	}
	return c, ok
}

// regionReading returns the country whose region the country name t is,
// in this document, when another country has a region of that name and
// the document's other places point to it: "Georgia" in a story whose
// other places are Macon and New York is the U.S. state, so it stands for
// the United States. It needs at least two places of that other country
// and more than twice as many as places of the named country itself.
func (lk *linking) regionReading(c gazetteer.Country, t string) (gazetteer.Country, bool) {
	other := ""
	for _, p := range lk.l.g.Places(t) {
		if p.Kind == gazetteer.KindRegion && p.Country != c.ISO3 {
			other = p.Country
			break
		}
	}
	if other == "" {
		return gazetteer.Country{}, false
	}
	if n := lk.placeCountries(); n[other] < 2 || n[other] <= 2*n[c.ISO3] {
		return gazetteer.Country{}, false
	}
	return lk.l.g.ByISO3(other)
}

// placeCountries counts, once per document, the countries of the places
// (cities and regions, not countries, and no name that is also a country)
// that the document's LOC entities name.
func (lk *linking) placeCountries() map[string]int {
	if lk.places != nil {
		return lk.places
	}
	lk.places = map[string]int{}
	for _, e := range lk.d.Entities {
		if e.Type != "LOC" && e.Type != "GPE" {
			continue
		}
		if _, isCountry := lk.l.g.Country(e.Text); isCountry {
			continue
		}
		if p, ok := lk.l.g.Place(e.Text, ""); ok && p.Kind != gazetteer.KindCountry && p.Country != "" {
			lk.places[p.Country]++
		}
	}
	return lk.places
}

// countryAbbrevs are the country codes news writes for countries.
var countryAbbrevs = map[string]bool{
	"US": true, "USA": true, "UK": true, "UAE": true, "DRC": true, "PRC": true, "ROK": true, "DPRK": true,
}

// countryEndingAt reads a country or demonym ending just before token end.
func (lk *linking) countryEndingAt(end, minStart int) (string, int, bool) {
	for j := max(minStart, end-4); j < end; j++ {
		if iso, e, ok := lk.countryAt(j, end); ok && e == end {
			return iso, j, true
		}
	}
	return "", -1, false
}

// capitalAt reports whether tokens [a,b) name a national capital.
func (lk *linking) capitalAt(a, b int) (string, bool) {
	p, ok := lk.l.g.Place(lk.spanText(a, b), "")
	if ok && p.Kind == gazetteer.KindCity && p.Capital {
		return p.Country, true
	}
	return "", false
}

// lookup finds a dictionary entry for a name. The converted Phoenix
// dictionary (the last one) is used only for names of two words or more:
// its single-word entries are too ambiguous for today's news.
func (lk *linking) lookup(name string, words int) *Entry {
	for i, dct := range lk.l.actors {
		if i == lk.l.phoenixActors && words < 2 && !isAcronym(name) {
			break
		}
		if e, ok := dct.LookupOn(name, lk.date); ok {
			return e
		}
	}
	return nil
}

// isAcronym reports whether s is an upper-case acronym of three to six
// letters ("OSCE", "N.P.F.L."): specific enough to look up in the converted
// Phoenix dictionary even as a single word.
func isAcronym(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			n++
		case c == '.':
		default:
			return false
		}
	}
	return n >= 3 && n <= 6
}

// fromLast reports whether e belongs to the last (converted Phoenix) dictionary.
func (lk *linking) fromLast(e *Entry) bool {
	if lk.l.phoenixActors < 0 {
		return false
	}
	last := lk.l.actors[lk.l.phoenixActors]
	for _, n := range e.Names[:1] {
		if le, ok := last.Lookup(n); ok && le == e {
			return true
		}
	}
	return false
}

// codeCountry splits a CAMEO actor code into a country and sector.
func (lk *linking) codeCountry(code string) (country, sector string) {
	if strings.HasPrefix(code, "IGO") {
		return "", "IGO"
	}
	if len(code) < 3 {
		return "", ""
	}
	c := code[:3]
	if succ, ok := legacyCountries[c]; ok {
		c = succ
	}
	if _, ok := lk.l.g.ByISO3(c); ok || regionCodes[code[:3]] {
		if regionCodes[code[:3]] {
			c = ""
		}
		if len(code) >= 6 {
			return c, code[3:6]
		}
		return c, ""
	}
	return "", code[:3]
}

// legacyCountries maps the CAMEO codes of states that no longer exist, as
// the 2014 Phoenix dictionaries use them, to their successor states.
var legacyCountries = map[string]string{
	"YUG": "SRB", "SCG": "SRB", "FRY": "SRB", "USR": "RUS", "SUN": "RUS", "DDR": "DEU",
}

// regionCodes are CAMEO region and "international" prefixes: the actor has
// no single country, and the next three letters are its sector ("MEAREB").
var regionCodes = map[string]bool{
	"INT": true, "MEA": true, "SAS": true, "WEU": true, "SEA": true, "EAF": true, "LAM": true, "AFR": true,
	"EUR": true, "EEU": true, "ASA": true, "CAS": true, "WAF": true, "SAM": true, "NAF": true, "SAF": true,
	"NMR": true, "CFR": true, "CAF": false,
}

// normCode rewrites a dictionary code for output: a legacy country prefix
// becomes its successor's, and a country code keeps country and sector.
func (lk *linking) normCode(code string) string {
	if len(code) < 3 {
		return code
	}
	if succ, ok := legacyCountries[code[:3]]; ok {
		code = succ + code[3:]
	}
	if c, _ := lk.codeCountry(code); c != "" && len(code) > 6 {
		code = code[:6]
	}
	return code
}

// ---- the pass ----

var titleModifiers = map[string]bool{
	"former": true, "ex": true, "then": true, "acting": true, "top": true, "senior": true, "deputy": true,
	"chief": true, "special": true, "interim": true, "outgoing": true, "incoming": true, "newly": true,
	"elected": true, "first": true, "lead": true, "vice": true, "presidential": true,
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "its": true, "their": true}

var sentenceWords = map[string]bool{ // capitalised only because they open a sentence
	"the": true, "a": true, "an": true, "in": true, "on": true, "but": true, "and": true, "he": true, "she": true,
	"it": true, "they": true, "we": true, "i": true, "this": true, "that": true, "as": true, "at": true, "for": true,
	"if": true, "when": true, "after": true, "before": true, "while": true, "with": true, "from": true, "by": true,
	"there": true, "his": true, "her": true, "their": true, "its": true, "our": true, "some": true, "since": true,
}

func (lk *linking) run(ctx context.Context) error {
	d := lk.d
	// 1. Multi-word dictionary phrases in running text ("the Trump
	// administration", "White House") from the curated and user dictionaries.
	for si, s := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for i := s.FirstToken; i < s.EndToken; i++ {
			for di, dct := range lk.l.actors {
				if di == lk.l.phoenixActors {
					break
				}
				m, ok := dct.MatchAt(lk.fw[:s.EndToken], i)
				if !ok || m.Entry == nil || m.End-m.Start < 2 || !lk.isCap(m.Start) && !lk.isCap(m.End-1) {
					continue
				}
				if m.Entry.Kind == "PER" {
					continue // people are found through names below
				}
				if lk.modifiesAgent(m.Entry, m.End) {
					break // "Minas Tirith border police": the nominal's
				}
				lk.markUsed(m.Start, m.End)
				lk.addEntryActor(m.Entry, m.Start, m.End, "name")
				i = m.End - 1
				break
			}
		}
	}
	// 2. Names: entities, plus capitalised runs the recogniser missed.
	for _, sp := range lk.nameSpans() {
		lk.name(sp[0], sp[1], sp[2])
	}
	// 3. Nominals: "Russian envoys", "the Russian official", "Moscow's troops".
	for si, s := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for i := s.FirstToken; i < s.EndToken; i++ {
			if lk.used[i] {
				continue
			}
			if bd := lk.orgDescribed(i, s.FirstToken, s.EndToken); bd != nil {
				last := bd.lastTok
				lk.markUsed(i, i+1)
				lk.mention(bd, i, i+1, "description")
				bd.lastTok = max(last, bd.lastTok)
				continue
			}
			m, ok, phoenix := lk.agentAtFrom(i, s.EndToken)
			if !ok || lk.anyUsed(m.Start, m.End) {
				continue
			}
			if lk.nominal(m, s.FirstToken, phoenix) {
				i = m.End - 1
			}
		}
	}
	// 4. Pronouns.
	lk.pronouns()
	// 5. Plural descriptions: "the two leaders".
	lk.plurals()
	return nil
}

func (lk *linking) markUsed(a, b int) {
	for i := a; i < b; i++ {
		lk.used[i] = true
	}
}

func (lk *linking) anyUsed(a, b int) bool {
	for i := a; i < b; i++ {
		if lk.used[i] {
			return true
		}
	}
	return false
}

// nameSpans returns [start, end, type] token spans of names: the entities
// and, where no entity lies, runs of capitalised words.
// Name span types.
const (
	tNone = iota
	tPER
	tORG
	tLOC
	tMISC
)

func (lk *linking) nameSpans() [][3]int {
	var out [][3]int
	covered := make([]bool, len(lk.d.Tokens))
	perAt := map[int]bool{} // first tokens of person names
	// Run-in headings ("Veto Power Impedes Peace Efforts: …"): capitals
	// there say nothing about names, as in a headline.
	heading := make([]bool, len(lk.d.Tokens))
	for _, s := range lk.d.Sentences {
		for i, e := s.FirstToken, lk.runInHeading(s); i < e; i++ {
			heading[i] = true
		}
	}
	for _, e := range lk.d.Entities {
		a, b := lk.d.TokensIn(e.Span())
		if a >= b {
			continue
		}
		if heading[a] && lk.lookup(lk.spanText(a, b), b-a) == nil {
			continue
		}
		t := tMISC
		switch e.Type {
		case "PER":
			t = tPER
		case "ORG":
			t = tORG
		case "LOC", "GPE":
			t = tLOC
		}
		for i := a; i < b; i++ {
			covered[i] = true
		}
		if t == tPER {
			perAt[a] = true
		}
		out = append(out, [3]int{a, b, t})
	}
	for _, s := range lk.d.Sentences {
		headline := lk.headlineCased(s.FirstToken, s.EndToken)
		for i := s.FirstToken; i < s.EndToken; i++ {
			if covered[i] || lk.used[i] || !lk.isCap(i) {
				continue
			}
			if i == s.FirstToken && sentenceWords[lk.fw[i]] {
				continue
			}
			switch lk.d.Tokens[i].UPOS {
			case doc.PRON, doc.DET, doc.AUX, doc.CCONJ, doc.SCONJ, doc.ADV:
				continue // "So I think", "Do I think": function words, not a name
			}
			j := i + 1
			for j < s.EndToken && !covered[j] && !lk.used[j] {
				if lk.isCap(j) && lk.d.Tokens[j].UPOS != doc.PRON {
					j++
					continue
				}
				// "Wal-Mart", "Al-Jazeera": an attached hyphen inside a name.
				if lk.fw[j] == "-" && j+1 < s.EndToken && lk.isCap(j+1) && !covered[j+1] {
					j += 2
					continue
				}
				// "Secretary of State", "bin Salman", "von der Leyen"
				if (lk.fw[j] == "of" || lk.fw[j] == "bin" || lk.fw[j] == "von" || lk.fw[j] == "der" || lk.fw[j] == "al" || lk.fw[j] == "da") &&
					j+1 < s.EndToken && lk.isCap(j+1) && !covered[j+1] {
					j += 2
					continue
				}
				break
			}
			// "Later Ryabkov": a sentence-initial word that is not part of the name.
			if i == s.FirstToken && j-i >= 2 && !lk.l.g.IsGivenName(lk.text(i)) && lk.lookup(lk.spanText(i, j), j-i) == nil {
				if up := lk.d.Tokens[i].UPOS; up == doc.NoPOS || up != doc.PROPN {
					if _, ok := lk.agentAt(i, j); !ok {
						if _, _, ok := lk.countryAt(i, j); !ok {
							i++
							for i < j-1 && !lk.isCap(i) { // "Thousands of Kenyans"
								i++
							}
						}
					}
				}
			}
			// "Retired Lt. Gen. Michael Flynn": capitalised title words
			// before a person's name are the name's title, not a name.
			if perAt[j] {
				if t := lk.titleBefore(j, s.FirstToken); t.start >= 0 && t.start <= i+1 {
					i = j - 1
					continue
				}
			}
			// In a headline, capitals mark every word: only a run that is a
			// dictionary name as a whole counts.
			if (headline || heading[i]) && lk.lookup(lk.spanText(i, j), j-i) == nil {
				i = j - 1
				continue
			}
			out = append(out, [3]int{i, j, tNone})
			i = j - 1
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

// name handles one name span.
func (lk *linking) name(a, b, typ int) {
	if lk.anyUsed(a, b) || lk.inTimex(a, b) {
		return
	}
	if lk.hyphenPair(a, b, typ) {
		return
	}
	if b-a > 1 && instrumentWords[lk.fw[b-1]] && lk.isCap(b-1) {
		lk.markUsed(a, b) // "the North American Free Trade Agreement", "the Affordable Care Act": no actor
		return
	}
	if b-a == 1 && isUpperWord(lk.text(a)) {
		if bd, ok := lk.byKey["N:"+lk.fw[a]]; ok && bd.key != "N:"+lk.fw[a] {
			lk.markUsed(a, b)
			lk.mention(bd, a, b, "name") // an acronym introduced in parentheses
			return
		}
	}
	// PETRARCH's prefix agents ("[NGO~]") code before the actor they
	// precede: "MSF Arnor" is NGOARN; "an MSF Arnor diplomat" is left to
	// the agent nominal, which adds the prefix (see nominal)
	if !lk.l.compose {
		// (prefix agents are PETRARCH's: only when composing codes)
	} else if m, ok := lk.agentAt(a, b); ok && m.Agent.Prefix && m.End < b {
		if e := lk.lookup(lk.spanText(m.End, b), b-m.End); e != nil && e.Kind != "PER" {
			if lk.modifiesAgent(e, b) {
				return
			}
			if c := lk.entryCode(e); c != "" {
				code := m.Agent.Code + c
				bd := lk.get("P:"+code, "ORG", lk.spanText(a, b))
				bd.fixedCode = code
				bd.country, _ = lk.codeCountry(c)
				lk.markUsed(a, b)
				lk.mention(bd, a, b, "name")
				return
			}
		}
	}
	whole := lk.spanText(a, b)
	wholeEntry := lk.lookup(whole, b-a)
	if wholeEntry != nil && lk.modifiesAgent(wholeEntry, b) {
		return // "Osgiliath soldiers", "Gondor's government": the nominal's
	}
	// A span that is only a title ("Secretary of State", "Kyrgyz Prime
	// Minister") belongs to the name that follows it.
	if m, ok := lk.agentAt(a, b); ok && m.End == b && wholeEntry == nil && !lk.surnameNotTitle(a, b, typ) {
		return
	}
	if b < lk.sentEnd(a) && lk.isCap(b) && lk.isWord(b) && !lk.used[b] {
		if j, ag := lk.agentEndingAt(b, a); ag != nil && lk.skipTitleLead(a, j) == j && lk.isPersonStart(b) {
			return
		}
	}
	// A leading title inside the span ("Russian Deputy Foreign Minister
	// Sergei Ryabkov") is split off, unless the whole span is a known name.
	leadISO := "" // a nationality split off the front ("Iraqi Kurds")
	if wholeEntry == nil && !lk.orgHeaded(a, b) && typ != tORG {
		if _, ok := lk.country(whole); !ok {
			for a < b-1 {
				if m, ok := lk.agentAt(a, b-1); ok {
					a = m.End
					continue
				}
				if iso, e, ok := lk.countryAt(a, b-1); ok && e < b {
					if leadISO == "" {
						leadISO = iso
					}
					a = e
					continue
				}
				if k := lk.regionLead(a, b-1); k > a {
					a = k
					continue
				}
				// "Bree Prime Minister Romendacil": a state-like dictionary
				// actor before a title
				if k, ok := lk.placeEntryAt(a, b-1); ok {
					if _, ok := lk.agentAt(lk.skipMods(k, b-1), b-1); ok {
						a = k
						continue
					}
				}
				if titleModifiers[lk.fw[a]] || lk.fw[a] == "-" {
					a++
					continue
				}
				break
			}
		}
	}
	text := lk.spanText(a, b)
	if text == "" {
		return
	}
	words := b - a
	sentStart, sentEnd := lk.sentStart(a), lk.sentEnd(a)

	// Countries and nationality words; the user's dictionaries come first.
	if _, user := lk.userPlace(text); user && typ != tPER && !lk.coordAgentAfter(b) && lk.titleBefore(a, lk.sentStart(a)).sector == "" {
		if e := lk.lookup(text, b-a); e != nil {
			lk.markUsed(a, b)
			lk.addEntryActor(e, a, b, "name")
			return
		}
	}
	if c, ok := lk.country(text); ok {
		// "U.S. and Russian envoys", "Hungarian and Romanian officials": the
		// nominal makes one group per country; so does "Ivory Coast rebels".
		if lk.coordAgentAfter(b) {
			return
		}
		if !(b < len(lk.fw) && lk.isPossessive(b)) {
			if _, ok := lk.agentAt(lk.skipMods(b, sentEnd), sentEnd); ok {
				return
			}
		}
		if _, isDem := lk.l.g.Demonym(text); isDem {
			// A nationality word colours the nominal that follows; only a
			// word that is also the country's name ("U.S.") stands for it,
			// and a plural noun names the people ("Palestinians").
			if !isCountryName(c, text) {
				if words == 1 && lk.pluralPeople(a, c) {
					lk.people(a, b, c.ISO3, leadISO)
					return
				}
				// "Bosnian Serbs": the people word that follows decides.
				if b < sentEnd && !lk.used[b] {
					if c2, ok := lk.country(lk.text(b)); ok && lk.pluralPeople(b, c2) {
						return
					}
				}
				// A nationality word before a person's name is that
				// person's nationality ("Pakistani activist" is a title;
				// "Israeli Ariel Sharon" is read with the name).
				if b < sentEnd && lk.isCap(b) && !lk.used[b] && lk.isPersonStart(b) {
					return
				}
				// "an Indian proposal", "Australian ultimatum": the
				// adjective stands for its country, as in CAMEO coding.
				lk.markUsed(a, b)
				bd := lk.get("C:"+c.ISO3, "LOC", c.Name)
				bd.fixedCode = c.ISO3
				bd.country = c.ISO3
				lk.mention(bd, a, b, "demonym")
				return
			}
		}
		if b < len(lk.fw) && lk.isPossessive(b) {
			if _, ok := lk.agentAt(lk.skipMods(b+1, sentEnd), sentEnd); ok {
				return // "Russia's top diplomat": a nominal
			}
		}
		lk.markUsed(a, b)
		bd := lk.get("C:"+c.ISO3, "LOC", c.Name)
		bd.fixedCode = c.ISO3
		bd.country = c.ISO3
		lk.mention(bd, a, b, "name")
		return
	}
	// Capitals used for their governments: "Moscow is working to …",
	// "an admission by Moscow", "Washington's wish"; not "talks in Moscow".
	if (typ == tLOC || typ == tNone) && wholeEntry == nil {
		if iso, ok := lk.capitalAt(a, b); ok {
			if b < len(lk.fw) && lk.isPossessive(b) {
				if _, ok := lk.agentAt(lk.skipMods(b+1, sentEnd), sentEnd); ok {
					return // "Moscow's troops": a nominal
				}
			}
			if lk.capitalActs(a, b) {
				lk.markUsed(a, b)
				bd := lk.get("K:"+iso, "ORG", text)
				bd.fixedCode = iso + "GOV"
				bd.country = iso
				lk.mention(bd, a, b, "name")
			}
			return
		}
		if typ == tLOC {
			return // other places are not actors
		}
	}
	if (typ == tMISC || typ == tNone) && wholeEntry == nil && leadISO != "" && words == 1 && strings.HasSuffix(lk.fw[a], "s") && lk.isCap(a) {
		// "Iraqi Kurds": a people named by another nationality.
		lk.people(a, b, "", leadISO)
		return
	}
	if typ == tMISC && wholeEntry == nil {
		return
	}
	entry := lk.lookup(text, words)
	t := title{start: -1}
	if entry == nil || entry.Kind == "PER" || entry.Kind == "" {
		// Organisations the dictionaries know carry no title: "prominent
		// Jewish Republican Party donor" says nothing about the party.
		t = lk.titleBefore(a, sentStart)
		if t.sector == "" {
			t = lk.apposition(b)
		}
	}
	g := lk.l.g
	isOrg := lk.orgHeaded(a, b) && (entry == nil || entry.Kind != "PER")
	// An organisation the dictionaries know is one even where the recogniser
	// says person ("said on Twitter").
	orgEntry := entry != nil && entry.Kind == "ORG"
	isPer := !isOrg && (typ == tPER && !orgEntry || (entry != nil && entry.Kind == "PER") ||
		(typ == tNone && words >= 2 && g.IsGivenName(lk.text(a))) ||
		(typ == tNone && t.sector != "" && entry == nil && words <= 3 && !numberWords[lk.fw[a]] && lk.d.Tokens[a].UPOS != doc.NUM) ||
		(typ == tNone && words == 1 && entry == nil && g.IsGivenName(text) && lk.findFirstName(lk.fw[a]) != nil))
	if !isPer && entry == nil && typ == tNone && !isOrg {
		return // an unknown capitalised phrase
	}
	// Dictionaries list people with their titles ("President Bush",
	// "King Hassan"): try the name with the title before giving up.
	if entry == nil && t.start >= 0 {
		for j := t.start; j < a && entry == nil; j++ {
			if lk.isWord(j) && lk.isCap(j) {
				entry = lk.lookup(lk.spanText(j, b), b-j)
			}
		}
	}
	kind := "ORG"
	if isPer {
		kind = "PER"
	}
	var bd *builder
	if isPer && words == 1 {
		bd = lk.findSurname(lk.fw[a])
		if bd == nil && entry == nil && g.IsGivenName(text) {
			bd = lk.findFirstName(lk.fw[a])
		}
	}
	if isPer && words > 1 && entry == nil {
		bd = lk.findNameSuffix(text) // "Peña Nieto" after "Enrique Peña Nieto"
	}
	if bd == nil && entry != nil {
		bd = lk.get("E:"+entry.Names[0], kind, text)
		bd.entry = entry
		bd.oldDict = lk.fromLast(entry)
	}
	if bd == nil && isPer {
		if words > 1 {
			// A full name may complete an earlier surname-only actor.
			if prev := lk.findSurname(lk.fw[b-1]); prev != nil && prev.entry == nil && !strings.Contains(prev.name, " ") {
				bd = prev
			}
		}
	}
	if bd == nil {
		bd = lk.get("N:"+strings.Join(lk.fw[a:b], " "), kind, text)
	}
	// A surname mentioned alone before the full name ("Christie" in a
	// headline, then "Chris Christie") is the same person, and so is a
	// compound surname ("Peña Nieto", then "Enrique Peña Nieto").
	if isPer && words > 1 {
		prev := lk.findSurname(lk.fw[b-1])
		if prev != nil && strings.Contains(prev.name, " ") && !hasWordSuffix(text, prev.name) {
			prev = nil
		}
		if prev != nil && prev != bd && prev.entry == nil {
			bd.mentions = append(bd.mentions, prev.mentions...)
			prev.mentions = nil
			prev.kind = "merged"
		}
	}
	if len(text) > len(bd.name) && kind == "PER" {
		bd.name = text
	}
	// "King Hassan of Morocco", "the Bank of Japan": a country after "of".
	postEnd := b
	if iso, e, ok := lk.ofCountry(b, sentEnd); ok && (t.sector != "" || isOrg) {
		if t.country == "" && t.igo == "" {
			t.country = iso
		}
		postEnd = e
	}
	// A nationality word right before a person's name: "Israeli Ariel Sharon".
	if isPer && t.start < 0 && a > sentStart && !lk.used[a-1] {
		if iso, j, ok := lk.countryEndingAt(a, sentStart); ok && !lk.anyUsed(j, a) {
			if _, isDem := g.Demonym(lk.spanText(j, a)); isDem && bd.country == "" {
				bd.country = iso
				lk.markUsed(j, a)
				t.start = j
			}
		}
	}
	if t.sector != "" && bd.titleSector == "" {
		bd.titleSector, bd.titleCountry, bd.titleText, bd.titleFormer, bd.titleIGO = t.sector, t.country, t.text, t.former, t.igo
		bd.titlePrefix, bd.titleAgent = t.prefix, t.agentCode
		if bd.titleCountry == "" {
			bd.titleCountry = t.agentCountry
		}
	} else if t.country != "" && bd.country == "" {
		bd.country = t.country
	}
	// An organisation's name says what it is: "Latvian Constitutional
	// Court", "Serbian Workers' Union", "Baghdad University".
	if (isOrg || lk.fw[a] == "house") && entry == nil && bd.titleSector == "" {
		if iso, sector := lk.orgParts(a, b); sector != "" || iso != "" {
			if bd.country == "" {
				bd.country = iso
			}
			if bd.orgSector == "" {
				bd.orgSector = sector
			}
		}
	}
	// A U.S. party tag after an unknown person's name ("Rep. John Lewis
	// (D-Ga.)", "Bob Corker, R-Tenn.,") says the country.
	if isPer && entry == nil && bd.entry == nil && bd.country == "" && lk.partyTagAfter(b) {
		bd.country = "USA"
	}
	// An unknown person with a title but no country: one whose surname
	// the dictionaries know only in one country ("President Reagan").
	if isPer && entry == nil && bd.entry == nil && bd.titleSector != "" && bd.titleCountry == "" && bd.titleIGO == "" && bd.country == "" {
		bd.surnameCountry = lk.surnameCountry(lk.fw[b-1], bd.titleSector)
	}
	if t.start >= 0 {
		lk.markUsed(t.start, a)
	}
	lk.markUsed(a, postEnd)
	lk.mention(bd, a, b, "name")
	lk.acronymAfter(bd, postEnd)
	if t.start >= 0 && t.start < a || postEnd > b {
		st := a
		if t.start >= 0 {
			st = t.start
		}
		bd.mentions = append(bd.mentions, lk.mkMention(st, postEnd, "title"))
	}
}

// instrumentWords end the names of treaties, laws and meetings, which are
// no actors: "the North American Free Trade Agreement", "the Affordable
// Care Act", "the Paris Accord", "the Republican National Convention".
var instrumentWords = map[string]bool{
	"agreement": true, "treaty": true, "accord": true, "accords": true, "pact": true, "protocol": true,
	"act": true, "amendment": true, "resolution": true, "doctrine": true, "convention": true,
	"conference": true, "summit": true, "declaration": true, "charter": true,
}

// hyphenPair handles a name span of two or three parties joined by
// attached hyphens or dashes ("India-Pakistan", "Israel–Hamas",
// "U.S.–Russia"): when every part is a country's name or a dictionary actor
// (no nationality word: "Iranian-American" is one person's), each is a name
// of its own. It reports whether it did so.
func (lk *linking) hyphenPair(a, b, typ int) bool {
	var cuts [4]int
	n := 0
	for k := a + 1; k < b-1; k++ {
		switch lk.text(k) {
		case "-", "–", "—", "‐":
		default:
			continue
		}
		t := lk.d.Tokens
		if t[k-1].End != t[k].Start || t[k].End != t[k+1].Start {
			continue
		}
		if n == len(cuts) {
			return false
		}
		cuts[n] = k
		n++
	}
	if n == 0 {
		return false
	}
	parts := make([][2]int, 0, n+1)
	start := a
	for _, k := range cuts[:n] {
		parts = append(parts, [2]int{start, k})
		start = k + 1
	}
	parts = append(parts, [2]int{start, b})
	for _, p := range parts {
		if p[0] >= p[1] {
			return false
		}
		// names, not nationality words: "Iranian-American" is one man
		text := lk.spanText(p[0], p[1])
		if _, dem := lk.l.g.Demonym(text); dem {
			return false
		}
		if c, ok := lk.country(text); ok && !isCountryName(c, text) || !ok && lk.lookup(text, p[1]-p[0]) == nil {
			return false
		}
	}
	for _, p := range parts {
		lk.name(p[0], p[1], typ)
	}
	return true
}

// acronymAfter links "(NUT)" right after a name to the same actor, and
// later mentions of the acronym with it: "the Nigerian Union of Teachers
// (NUT)".
func (lk *linking) acronymAfter(bd *builder, b int) {
	if b+2 >= len(lk.fw) || lk.text(b) != "(" || lk.text(b+2) != ")" || lk.used[b+1] || lk.sent(b+1) != lk.sent(b) {
		return
	}
	acr := lk.text(b + 1)
	if len(acr) < 2 || len(acr) > 8 || !isUpperWord(acr) {
		return
	}
	lk.markUsed(b+1, b+2)
	lk.mention(bd, b+1, b+2, "name")
	if _, ok := lk.byKey["N:"+lk.fw[b+1]]; !ok {
		lk.byKey["N:"+lk.fw[b+1]] = bd
	}
}

// isUpperWord reports whether s is letters only, all in upper case.
func isUpperWord(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

// pluralPeople reports whether the demonym at token i is a plural noun
// naming a people ("Palestinians", "Serbs"), not the adjective.
func (lk *linking) pluralPeople(i int, c gazetteer.Country) bool {
	return strings.HasSuffix(lk.fw[i], "s") && !strings.HasSuffix(gazetteer.Fold(c.Demonyms[0]), "s") && !isCountryName(c, lk.text(i))
}

// people makes a group of a people named by a plural noun at [a,b)
// ("Palestinians", "Bosnian Serbs", "ethnic Albanians", "Albanians of
// southern Serbia"), coded as civilians of the country they live in: a
// nationality before the noun (lead, or found here), a place after it, or
// for "ethnic X" the country the story is about; else the noun's own.
func (lk *linking) people(a, b int, own, lead string) {
	ss, se := lk.sentStart(a), lk.sentEnd(a)
	iso, start, end := own, a, b
	if lead != "" {
		iso = lead
	} else if a > ss && !lk.used[a-1] {
		if c, j, ok := lk.countryEndingAt(a, ss); ok && !lk.anyUsed(j, a) {
			iso, start = c, j
		}
	}
	if pc, e, ok := lk.placeAfter(b, se); ok {
		iso, end = pc, e
	} else if a > ss && lk.fw[a-1] == "ethnic" {
		if c := lk.contextCountryAt(a, own); c != "" {
			iso = c
		}
		start = a - 1
	}
	if iso == "" {
		return
	}
	lk.markUsed(start, end)
	bd := lk.get("P:"+iso, "GRP", lk.spanText(start, b))
	bd.fixedCode = iso + "CVL"
	bd.country = iso
	lk.mention(bd, start, end, "demonym")
}

// regionLead returns the end of a region name at token a that a title
// follows ("Texas Senator", "New Jersey Gov."), or a.
func (lk *linking) regionLead(a, lim int) int {
	for e := min(a+3, lim); e > a; e-- {
		if p, ok := lk.l.g.Place(lk.spanText(a, e), ""); ok && p.Kind == gazetteer.KindRegion {
			if _, ok := lk.agentAt(e, lim+1); ok {
				return e
			}
		}
	}
	return a
}

// contextSector reports whether sector is one of the state sectors.
func (lk *linking) contextSector(sector string) bool { return contextSectors[sector] }

// skipTitleLead skips nationality words and modifiers from a to at most
// lim: the words that may open a title.
func (lk *linking) skipTitleLead(a, lim int) int {
	for a < lim {
		if _, e, ok := lk.countryAt(a, lim); ok {
			a = e
			continue
		}
		if lk.isMod(a) || lk.isPossessive(a) {
			a++
			continue
		}
		break
	}
	return a
}

var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "first": true, "second": true, "third": true,
}

// inTimex reports whether tokens [a,b) overlap a time expression ("June").
func (lk *linking) inTimex(a, b int) bool {
	s, e := int(lk.d.Tokens[a].Start), int(lk.d.Tokens[b-1].End)
	for _, t := range lk.d.Timexes {
		if t.Start < e && s < t.End {
			return true
		}
	}
	return false
}

// isPersonStart reports whether token i begins a person's name: a PER
// entity or a capitalised given name followed by another capitalised word.
func (lk *linking) isPersonStart(i int) bool {
	off := int(lk.d.Tokens[i].Start)
	for _, e := range lk.d.Entities {
		if e.Start == off {
			return e.Type == "PER"
		}
	}
	return i+1 < len(lk.fw) && lk.isCap(i+1) && lk.l.g.IsGivenName(lk.text(i))
}

// orgHeads are nouns that end the names of organisations, never of people.
var orgHeads = map[string]bool{
	"service": true, "agency": true, "department": true, "ministry": true, "council": true, "committee": true,
	"commission": true, "party": true, "union": true, "front": true, "movement": true, "army": true,
	"organization": true, "organisation": true, "association": true, "federation": true, "bank": true,
	"court": true, "university": true, "school": true, "college": true, "institute": true, "foundation": true,
	"fund": true, "corporation": true, "corp": true, "company": true, "inc": true, "ltd": true, "forces": true,
	"force": true, "police": true, "guard": true, "assembly": true, "parliament": true, "congress": true,
	"senate": true, "office": true, "bureau": true, "board": true, "authority": true, "administration": true,
	"network": true, "alliance": true, "coalition": true, "league": true, "brigade": true, "brigades": true,
	"society": true, "center": true, "centre": true, "tribunal": true, "cabinet": true, "government": true,
	"church": true, "hospital": true, "airlines": true, "airways": true, "group": true, "agencies": true,
	"ministries": true, "navy": true, "command": true, "club": true, "forum": true, "secretariat": true,
	"commision": true, "directorate": true, "program": true, "programme": true, "mission": true,
}

// orgHeaded reports whether the name [a,b) ends in an organisation noun,
// or has one before "of" ("Union of Teachers", "Bank of Japan").
func (lk *linking) orgHeaded(a, b int) bool {
	if b-a < 2 {
		return false
	}
	for i := a + 1; i < b; i++ {
		if lk.fw[i] == "of" || lk.fw[i] == "for" {
			return orgHeads[lk.fw[i-1]]
		}
	}
	return orgHeads[lk.fw[b-1]]
}

// orgSectors are the sectors an organisation's name may give.
var orgSectors = map[string]bool{
	"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true, "JUD": true, "LEG": true,
	"MED": true, "BUS": true, "EDU": true, "LAB": true, "CVL": true, "NGO": true, "SPY": true, "HLH": true,
	"AGR": true, "REF": true, "CRM": true, "HRI": true, "ENV": true, "DEV": true, "UAF": true, "RAD": true,
}

// orgParts reads the country and sector from an organisation's own name:
// the first country, nationality word or capital in it, and its last agent
// noun ("Latvian Constitutional Court" → LVA, JUD).
func (lk *linking) orgParts(a, b int) (iso, sector string) {
	for i := a; i < b; i++ {
		if iso == "" {
			if c, e, ok := lk.countryAt(i, b); ok {
				iso = c
				i = e - 1
				continue
			}
			if c, ok := lk.capitalAt(i, i+1); ok {
				iso = c
				continue
			}
		}
		if m, ok := lk.agentAt(i, b); ok {
			// "General Motors" is no general's: an agent opening the name
			// counts only when it is the whole name or an organisation
			// noun ends the name.
			if s := m.Agent.Sector(); orgSectors[s] && (i > a || m.End == b || lk.orgHeaded(a, b)) {
				sector = s
			}
			i = m.End - 1
		}
	}
	if sector == "" && lk.fw[a] == "house" && lk.isCap(a) && (b-a == 1 || houseParts[lk.fw[a+1]]) {
		sector = "LEG" // "the House", "House Republicans": the lower chamber, of the country the story is about
	}
	return iso, sector
}

// houseParts are the words after "House" in a name that keep it the
// legislative chamber ("House Republicans", "House Intelligence Committee").
var houseParts = map[string]bool{
	"republicans": true, "democrats": true, "gop": true, "speaker": true, "majority": true, "minority": true,
	"leadership": true, "members": true, "committee": true, "intelligence": true, "judiciary": true,
	"oversight": true, "appropriations": true, "armed": true, "foreign": true, "ethics": true, "ways": true,
	"rules": true, "financial": true, "homeland": true, "energy": true, "freedom": true, "caucus": true,
}

// ofCountry reads "of Morocco" / "of the United States" at token i and
// returns the country and the end of the phrase.
func (lk *linking) ofCountry(i, end int) (string, int, bool) {
	if i >= end || lk.fw[i] != "of" {
		return "", i, false
	}
	j := i + 1
	if j < end && lk.fw[j] == "the" {
		j++
	}
	if j >= end {
		return "", i, false
	}
	if iso, e, ok := lk.countryAt(j, end); ok {
		if _, isDem := lk.l.g.Demonym(lk.spanText(j, e)); !isDem || isCountryNameISO(lk.l.g, iso, lk.spanText(j, e)) {
			if !(e < end && lk.isPossessive(e)) {
				return iso, e, true
			}
		}
	}
	return "", i, false
}

func isCountryNameISO(g *gazetteer.Gazetteer, iso, s string) bool {
	c, ok := g.ByISO3(iso)
	return ok && isCountryName(c, s)
}

// coordAgentAfter reports whether a country or nationality word ending at
// b is coordinated with others that end in an agent noun: "U.S. [and]
// Russian envoys", "Hungarian and Romanian officials".
func (lk *linking) coordAgentAfter(b int) bool {
	if b <= 0 || b >= len(lk.fw) {
		return false
	}
	end := lk.sentEnd(b - 1)
	i := b
	for n := 0; n < 6 && i < end; n++ {
		if !isCoord(lk.fw[i], lk.text(i)) {
			return false
		}
		i++
		if i < end && (lk.fw[i] == "and" || lk.fw[i] == "or") {
			i++
		}
		if i >= end {
			return false
		}
		_, e, ok := lk.countryAt(i, end)
		if !ok {
			return false
		}
		i = e
		if _, ok := lk.agentAt(lk.skipMods(i, end), end); ok {
			return true
		}
	}
	return false
}

func isCoord(folded, text string) bool {
	return folded == "and" || folded == "or" || text == "," || text == "&" || text == "/"
}

// capitalActs reports whether a capital named at [a,b) stands for its
// government: a subject, an agent ("by Moscow"), a possessor, a partner
// ("talks with Moscow") or an object, but not a place one is in, goes to
// or comes from.
func (lk *linking) capitalActs(a, b int) bool {
	if lk.isSubject(a, b) {
		return true
	}
	ss := lk.sentStart(a)
	p := a - 1
	if p >= ss && lk.fw[p] == "the" {
		p--
	}
	prev := ""
	if p >= ss {
		prev = lk.fw[p]
	}
	if locativeWords[prev] || strings.HasSuffix(prev, "ed") && lk.d.Tokens[max(p, 0)].UPOS == doc.VERB && motionVerbs[lk.d.Tokens[max(p, 0)].Lemma] {
		return false
	}
	if actorWords[prev] {
		return true
	}
	if b < len(lk.fw) && lk.isPossessive(b) {
		return true
	}
	if lk.d.Done.Has(doc.Deps) {
		for i := a; i < b; i++ {
			switch lk.d.Tokens[i].Dep {
			case "obj", "iobj", "obl:agent", "nsubj:pass":
				h := lk.d.Tokens[i].Head
				if h >= 0 && int(h) < len(lk.d.Tokens) && motionVerbs[lk.d.Tokens[h].Lemma] {
					return false
				}
				return true
			}
		}
	}
	return false
}

var locativeWords = map[string]bool{
	"in": true, "at": true, "to": true, "from": true, "into": true, "near": true, "outside": true, "inside": true,
	"across": true, "around": true, "toward": true, "towards": true, "via": true, "through": true, "visit": true,
	"visited": true, "visits": true, "visiting": true, "reached": true, "left": true, "leave": true, "leaving": true,
	"of": true, "downtown": true, "central": true, "based": true, "in-": true, "over": true, "above": true, "outskirts": true,
}

var actorWords = map[string]bool{
	"by": true, "with": true, "against": true, "between": true, "urged": true, "accused": true, "warned": true,
	"told": true, "asked": true, "pressed": true, "blamed": true, "criticized": true, "criticised": true,
	"condemned": true, "and": true, "persuade": true, "convince": true, "pressure": true, "pressured": true,
	"for": false,
}

var motionVerbs = map[string]bool{
	"visit": true, "leave": true, "reach": true, "enter": true, "fly": true, "travel": true, "return": true,
	"arrive": true, "tour": true, "bomb": true, "shell": true, "attack": true, "strike": true, "capture": true,
	"seize": true, "besiege": true, "evacuate": true, "hit": true, "target": true, "occupy": true,
}

// skipMods returns the first token at or after i (before end) that is not
// a title modifier or a lower-case adjective ("junior", "new", "top").
func (lk *linking) skipMods(i, end int) int {
	for n := 0; i < end && n < 4; n++ {
		if _, ok := lk.agentAt(i, end); ok {
			break
		}
		if !lk.isMod(i) && !lk.isCompound(i, end) {
			break
		}
		i++
	}
	return i
}

// isCompound reports whether token i is a lower-case noun that modifies
// an agent noun right after it ("French paper workers").
func (lk *linking) isCompound(i, end int) bool {
	t := lk.d.Tokens[i]
	if t.UPOS != doc.NOUN || lk.isCap(i) || i+1 >= end {
		return false
	}
	if lk.d.Done.Has(doc.Deps) && t.Dep != "compound" {
		return false
	}
	_, ok := lk.agentAt(i+1, end)
	return ok
}

// isMod reports whether token i may stand between a nationality and a
// title: a known modifier, an attached hyphen, or a lower-case adjective
// that is not itself a nationality.
func (lk *linking) isMod(i int) bool {
	w := lk.fw[i]
	if titleModifiers[w] || w == "-" {
		return true
	}
	// "Vietnamese-led forces", "Iranian-backed militias".
	if i > 0 && lk.fw[i-1] == "-" && (w == "led" || w == "backed" || w == "allied" || w == "sponsored" || w == "aligned") {
		return true
	}
	return lk.d.Tokens[i].UPOS == doc.ADJ && !lk.isCap(i)
}

// surnameCountry returns the one country whose people with the surname w
// held an office of the sector in the dictionaries ("President Reagan":
// USA), or "" when none or several.
func (lk *linking) surnameCountry(w, sector string) string {
	for _, dct := range lk.l.actors {
		country := ""
		for _, e := range dct.BySurname(w) {
			for _, r := range e.Roles {
				c, s := lk.codeCountry(r.Code)
				if c == "" || s != sector {
					continue
				}
				if country != "" && country != c {
					return ""
				}
				country = c
			}
		}
		if country != "" {
			return country
		}
	}
	return ""
}

func isCountryName(c gazetteer.Country, s string) bool {
	k := gazetteer.Fold(s)
	if gazetteer.Fold(c.Name) == k || gazetteer.Fold(c.Official) == k {
		return true
	}
	for _, a := range c.AltNames {
		if gazetteer.Fold(a) == k {
			return true
		}
	}
	return false
}

// title is what a title or apposition next to a name says.
type title struct {
	start        int    // first token of a title before the name, -1 if none
	sector       string // from the agent noun
	country      string // from a nationality word, a country's "'s" or an organisation
	agentCountry string // the country whose office the agent names ("secretary of state")
	igo          string // the IGO code when the title belongs to one ("U.N. Secretary-General")
	prefix       string // the code of a dictionary actor the title belongs to, when it names no known country
	agentCode    string // the agent's full code
	former       bool
	text         string
}

// titleBefore reads a title to the left of a name: agents, nationality
// words, countries with "'s", organisations ("White House special envoy"),
// "former". It returns where the title starts (-1 if none), the sector and
// country it gives, and its text.
func (lk *linking) titleBefore(a, minStart int) title {
	t := title{start: -1}
	pos := a
	var agent *Agent
	for pos > minStart {
		if j, ag := lk.agentEndingAt(pos, minStart); ag != nil && !lk.anyUsed(j, pos) {
			if agent == nil {
				agent = ag
			}
			pos = j
			continue
		}
		if lk.isPossessive(pos - 1) {
			if iso, j, ok := lk.countryEndingAt(pos-1, minStart); ok {
				if t.country == "" {
					t.country = iso
				}
				pos = j
				continue
			}
			if agent != nil {
				if e, j := lk.orgEndingAt(pos-1, minStart); e != nil {
					if c, igo, pre := lk.entryModifier(e); c != "" || igo != "" || pre != "" {
						if t.country == "" && t.igo == "" && t.prefix == "" {
							t.country, t.igo, t.prefix = c, igo, pre
						}
						pos = j
						continue
					}
				}
			}
		}
		if lk.text(pos-1) == "," && !(agent != nil && pos-2 > minStart && lk.isMod(pos-2) && lk.isMod(pos)) {
			// "unlike in Cuba or Iran, President Obama": the comma ends the
			// title; only a sentence that opens "In Italy, Prime Minister
			// …" names the office's country before it
			ss := lk.sentStart(pos)
			if iso, j, ok := lk.countryEndingAt(pos-1, minStart); ok && agent != nil && j == ss+1 && lk.fw[ss] == "in" {
				if t.country == "" {
					t.country = iso
				}
				pos = j - 1
			}
			break
		}
		if iso, j, ok := lk.regionEndingAt(pos, minStart); ok && agent != nil {
			if t.country == "" {
				t.country = iso
			}
			pos = j
			continue
		}
		if agent != nil {
			if e, j := lk.orgEndingAt(pos, minStart); e != nil {
				c, igo, pre := lk.entryModifier(e)
				if t.country == "" && t.igo == "" && t.prefix == "" {
					t.country, t.igo, t.prefix = c, igo, pre
				}
				pos = j
				continue
			}
		}
		w := lk.fw[pos-1]
		// "awful and evil minister": coordinated modifiers
		if agent != nil && (w == "and" || lk.text(pos-1) == ",") && pos-2 > minStart && lk.isMod(pos-2) && lk.isMod(pos) {
			pos--
			continue
		}
		if w == "former" || w == "ex" {
			t.former = true
		}
		if lk.isMod(pos - 1) {
			pos--
			continue
		}
		break
	}
	if agent == nil {
		return title{start: -1}
	}
	// Drop leading modifiers that did not join a title.
	for pos < a && (lk.fw[pos] == "-" || lk.fw[pos] == "then") {
		pos++
	}
	t.start, t.sector, t.agentCountry, t.text, t.agentCode = pos, agent.Sector(), agent.Country, lk.spanText(pos, a), agent.Code
	return t
}

// regionEndingAt reads a country, nationality word, or first-level region
// ("New Jersey", "Texas") ending just before token end: the longest wins,
// so "New Jersey" is a US state, not Jersey.
func (lk *linking) regionEndingAt(end, minStart int) (string, int, bool) {
	for j := max(minStart, end-3); j < end; j++ {
		if !lk.isCap(j) {
			continue
		}
		if iso, e, ok := lk.countryAt(j, end); ok && e == end {
			return iso, j, true
		}
		if p, ok := lk.l.g.Place(lk.spanText(j, end), ""); ok && p.Kind == gazetteer.KindRegion && p.Country != "" {
			return p.Country, j, true
		}
	}
	return "", -1, false
}

// entryCountry returns the country of an organisation's dictionary role
// on the document date, or its IGO/NGO code when it has no country.
func (lk *linking) entryCountry(e *Entry) (country, igo string) {
	r, ok := e.RoleAt(lk.date)
	roles := e.Roles
	if ok {
		roles = append([]Role{r}, roles...)
	}
	for _, r := range roles {
		c, s := lk.codeCountry(r.Code)
		if c != "" {
			return c, ""
		}
		if s == "IGO" {
			return "", r.Code
		}
	}
	return "", ""
}

// orgEndingAt finds a dictionary organisation ("White House", "Kremlin")
// ending just before token end.
func (lk *linking) orgEndingAt(end, minStart int) (*Entry, int) {
	for j := max(minStart, end-4); j < end; j++ {
		if !lk.isCap(j) {
			continue
		}
		if e := lk.lookup(lk.spanText(j, end), end-j); e != nil && e.Kind != "PER" {
			return e, j
		}
	}
	return nil, -1
}

// apposition reads ", a journalist," or ", Russia's deputy foreign minister,"
// after a name ending at token b.
func (lk *linking) apposition(b int) title {
	t := title{start: -1}
	end := lk.sentEnd(max(b-1, 0))
	if b >= end || lk.fw[b] != "" && lk.text(b) != "," {
		return t
	}
	i := b + 1
	if i < end && determiners[lk.fw[i]] {
		i++
	}
	t0 := i
	for i < end {
		if lk.fw[i] == "former" || lk.fw[i] == "ex" {
			t.former = true
			i++
			continue
		}
		if lk.isMod(i) {
			i++
			continue
		}
		if iso, e, ok := lk.countryAt(i, end); ok {
			t.country = iso
			i = e
			if lk.isPossessive(i) {
				i++
			}
			continue
		}
		break
	}
	m, ok := lk.agentAt(i, end)
	if !ok {
		return title{start: -1}
	}
	// The agent must close the apposition: "…, a journalist, said" or the sentence end.
	if m.End < end && lk.text(m.End) != "," && lk.text(m.End) != "." && lk.fw[m.End] != "for" && lk.fw[m.End] != "of" && lk.fw[m.End] != "at" && lk.fw[m.End] != "with" {
		return title{start: -1}
	}
	// "…, president of the New Democrat Network": an office in an
	// organisation that is not a country is no government office.
	if m.End < end && (lk.fw[m.End] == "of" || lk.fw[m.End] == "at" || lk.fw[m.End] == "for") && t.country == "" {
		j := m.End + 1
		if j < end && lk.fw[j] == "the" {
			j++
		}
		if j < end && lk.isCap(j) {
			if _, _, ok := lk.countryAt(j, end); !ok {
				if e := lk.lookup(lk.spanText(j, min(j+4, end)), 2); e == nil && lk.contextSector(m.Agent.Sector()) {
					return title{start: -1}
				}
			}
		}
	}
	if t.country == "" {
		if iso, _, ok := lk.ofCountry(m.End, end); ok {
			t.country = iso
		}
	}
	lk.markUsed(t0, m.End)
	t.sector, t.agentCountry, t.text, t.agentCode = m.Agent.Sector(), m.Agent.Country, lk.spanText(t0, m.End), m.Agent.Code
	return t
}

// isSubject reports whether the span is a grammatical subject (from the
// parse) or, without a parse, is followed by a verb.
func (lk *linking) isSubject(a, b int) bool {
	if lk.d.Done.Has(doc.Deps) {
		for i := a; i < b; i++ {
			t := lk.d.Tokens[i]
			if strings.HasPrefix(t.Dep, "nsubj") {
				return true
			}
			if t.Dep == "conj" && t.Head >= 0 && int(t.Head) < len(lk.d.Tokens) && strings.HasPrefix(lk.d.Tokens[t.Head].Dep, "nsubj") {
				return true
			}
		}
		return false
	}
	if b >= len(lk.d.Tokens) || b >= lk.sentEnd(a) {
		return false
	}
	if up := lk.d.Tokens[b].UPOS; up == doc.VERB || up == doc.AUX {
		return true
	}
	switch lk.fw[b] {
	case "is", "has", "was", "will", "said", "says", "would", "wants", "and", "had", "could", "insists", "denied", "rejected":
		return true
	}
	return false
}

// collective agents name a group even in the singular.
var collective = map[string]bool{
	"party": true, "political party": true, "crowd": true, "mob": true, "public": true, "population": true, "union": true, "trade union": true, "university": true, "gang": true, "cartel": true,
	"delegation": true, "administration": true, "government": true, "military": true, "army": true, "troops": true,
	"forces": true, "armed forces": true, "cabinet": true, "regime": true, "authorities": true, "ministry": true,
	"foreign ministry": true, "defense ministry": true, "defence ministry": true, "parliament": true, "congress": true,
	"senate": true, "navy": true, "air force": true, "media": true, "state media": true, "press": true, "opposition": true,
	"police": true, "court": true, "supreme court": true, "legislature": true, "company": true, "firm": true,
	"national guard": true, "coast guard": true, "border guard": true,
}

// nominal handles an agent phrase not attached to a name: with a country
// modifier it is a group ("Russian envoys", "a U.S. delegation", "Moscow's
// troops", "rebels in Darfur") or a description of a person ("the Russian
// official", "Russia's top diplomat"). Coordinated countries ("U.S. and
// Russian envoys") make one group each. It reports whether it made a
// mention.
func (lk *linking) nominal(m Match, sentStart int, phoenix bool) bool {
	sentEnd := lk.sentEnd(m.Start)
	if lk.l.compose && m.Agent.Prefix {
		// a prefix agent belongs to the actor after it ("MSF Arnor")
		for k := min(sentEnd, m.End+4); k > m.End; k-- {
			if e := lk.lookup(lk.spanText(m.End, k), k-m.End); e != nil && e.Kind != "PER" {
				return false
			}
		}
	}
	// Modifiers to the left: [det] [country|demonym|capital 's] [modifiers].
	pos := m.Start
	for pos > sentStart && lk.isMod(pos-1) {
		pos--
	}
	if bd := lk.placeDescribed(m, pos, sentStart); bd != nil {
		last := bd.lastTok
		lk.markUsed(m.Start, m.End)
		lk.mention(bd, m.Start, m.End, "description")
		bd.lastTok = max(last, bd.lastTok)
		return true
	}
	country, igo, prefix := "", "", ""
	if pos > sentStart && lk.isPossessive(pos-1) {
		if iso, j, ok := lk.countryEndingAt(pos-1, sentStart); ok {
			country, pos = iso, j
		} else if j := pos - 1; j > sentStart {
			if iso, ok := lk.capitalAt(j-1, j); ok {
				country, pos = iso, j-1
			} else if e, k := lk.orgEndingAt(j, sentStart); e != nil {
				if country, igo, prefix = lk.entryModifier(e); country != "" || igo != "" || prefix != "" {
					pos = k
				}
			}
		}
	} else if iso, j, ok := lk.countryEndingAt(pos, sentStart); ok {
		country, pos = iso, j
	} else if e, j := lk.orgEndingAt(pos, sentStart); e != nil {
		if country, igo, prefix = lk.entryModifier(e); country != "" || igo != "" || prefix != "" {
			pos = j
		}
	}
	sector := m.Agent.Sector()
	phrase := strings.Join(lk.fw[m.Start:m.End], " ")
	head := lk.fw[m.End-1]
	plural := strings.HasSuffix(head, "s") && !strings.HasSuffix(gazetteer.Fold(m.Agent.Phrase), "s")
	if m.Agent.Phrase != "" && strings.HasSuffix(strings.ToLower(m.Agent.Phrase), head) {
		plural = false
	}
	if strings.HasSuffix(head, "men") && !strings.HasSuffix(strings.ToLower(m.Agent.Phrase), "men") {
		plural = true
	}
	group := plural || collective[phrase] || collective[gazetteer.Fold(m.Agent.Phrase)]
	end := m.End
	bare := false
	if country == "" && igo == "" && prefix == "" && !group && pos == m.Start && pos > sentStart && lk.fw[pos-1] == "the" && personTitles[head] {
		// "the president" after "President Obama": the latest person
		// whose title is the phrase, whatever country the sentence names
		// ("the president declined to threaten Moscow")
		// (not "the president of the union", whose office is its own, nor
		// an apposition: "John Bulgaro, the president …")
		ownOffice := m.End < sentEnd && (lk.fw[m.End] == "of" || lk.fw[m.End] == "for") ||
			pos-3 >= sentStart && lk.text(pos-2) == "," && (lk.used[pos-3] || lk.isCap(pos-3))
		if bd := lk.titledPerson(phrase, m.Start); bd != nil && !ownOffice {
			lk.markUsed(pos-1, m.End)
			last := bd.lastTok
			lk.mention(bd, pos-1, m.End, "description")
			bd.lastTok = max(last, bd.lastTok)
			return true
		}
	}
	if country == "" && igo == "" && prefix == "" {
		if phoenix {
			return false
		}
		// "rebels in Darfur", "the President of Russia".
		if iso, e, ok := lk.placeAfter(m.End, sentEnd); ok {
			country, end = iso, e
		} else if c, ig, pre, e, ok := lk.entryAfter(m.End, sentEnd); ok {
			country, igo, prefix, end = c, ig, pre, e
		} else {
			// "the government", "the rebels", "officials": the country
			// the story is about, for state and armed groups.
			p := pos
			for p > sentStart && lk.isMod(p-1) {
				p--
			}
			d := ""
			if p > sentStart {
				d = lk.fw[p-1]
			}
			ok := true
			if !contextSectors[sector] || m.Agent.Country != "" || equipment[head] || !(group && (d == "the" || plural && !determiners[d] && d != "of")) {
				if !(d == "the" && !group && lk.personDescribed(sector, m.Start) != nil) {
					ok = false
				}
			}
			if d == "both" || d == "two" || d == "all" || p > sentStart && lk.d.Tokens[p-1].UPOS == doc.NUM {
				ok = false // "the two delegations": more than one country
			}
			c, dominant := "", false
			if ok {
				c, dominant = lk.contextCountryOf(m.Start, "", nil)
			}
			switch {
			case ok && c != "" && dominant:
				country, bare = c, true
			case lk.l.anonymous && m.Agent.Country == "":
				prefix = "---" // PETRARCH's anonymous actor: "---GOV"
			default:
				return false
			}
		}
	}
	if m.Agent.Country != "" && country == "" && igo == "" {
		country = m.Agent.Country
	}
	if lk.anyUsed(pos, m.End) {
		return false
	}
	for pos > sentStart && lk.isMod(pos-1) {
		pos--
	}
	if lk.fw[pos] == "-" && pos > sentStart && lk.isWord(pos-1) && !lk.used[pos-1] {
		pos-- // "an African-American president": the phrase does not start at the hyphen
	}
	det := ""
	if pos > sentStart && determiners[lk.fw[pos-1]] {
		det = lk.fw[pos-1]
	}
	code := country + sector
	former := false
	for i := pos; i < m.Start; i++ {
		former = former || lk.fw[i] == "former" || lk.fw[i] == "ex"
	}
	if former {
		sector = "ELI"
	}
	if lk.l.compose || prefix != "" || former {
		base, ac := country, sector
		if prefix != "" {
			base = prefix
		}
		if lk.l.compose && !former {
			ac = m.Agent.Code
		}
		code = mix(base, ac)
		if country == "" && prefix != "" {
			country, _ = lk.codeCountry(prefix)
		}
	}
	if igo != "" {
		code = igo
	}
	if lk.l.compose && igo == "" && pos > sentStart {
		// a PETRARCH prefix agent before the phrase: "an MSF Arnor
		// diplomat" is NGOARNGOV
		if j, ag := lk.agentEndingAt(pos, sentStart); ag != nil && ag.Prefix && !lk.anyUsed(j, pos) {
			code = ag.Code + code
			pos = j
		}
	}
	lk.markUsed(pos, m.End)
	if group {
		bd := lk.get("G:"+code, "GRP", lk.spanText(pos, m.End))
		if bd.fixedCode == "" {
			bd.fixedCode = code
			bd.country = country
			if collective[gazetteer.Fold(m.Agent.Phrase)] || collective[phrase] {
				bd.kind = "ORG"
			}
		}
		lk.mention(bd, pos, end, "description")
		if end > m.End && igo == "" {
			lk.coordPlacesAfter(end, sentEnd, sector, m, bd.kind)
		}
		// Countries coordinated before this one: "U.S. and Russian envoys".
		if igo == "" {
			for p := pos; ; {
				q := p
				if q <= sentStart || !isCoord(lk.fw[q-1], lk.text(q-1)) {
					break
				}
				q--
				if q > sentStart && lk.text(q-1) == "," {
					q--
				}
				iso, j, ok := lk.countryEndingAt(q, sentStart)
				if !ok || lk.anyUsed(j, q) {
					break
				}
				c := iso + sector
				other := lk.get("G:"+c, "GRP", lk.spanText(j, q)+" "+lk.spanText(m.Start, m.End))
				if other.fixedCode == "" {
					other.fixedCode, other.country, other.kind = c, iso, bd.kind
				}
				lk.markUsed(j, q)
				lk.mention(other, j, q, "description")
				p = j
			}
		}
		return true
	}
	// A description of one person: the latest person of that country whose
	// sector agrees. "a Russian president" is nobody in particular.
	if det != "a" && det != "an" {
		for i := len(lk.bs) - 1; i >= 0; i-- {
			bd := lk.bs[i]
			if bd.kind != "PER" || bd.lastTok > m.Start {
				continue
			}
			c, s := lk.finalCode(bd)
			if c == country && (s == sector || s == "" || sector == "") {
				lk.mention(bd, pos, end, "description")
				return true
			}
		}
	}
	if bare {
		// A bare description with nobody to refer to is no actor.
		for i := pos; i < m.End; i++ {
			lk.used[i] = false
		}
		return false
	}
	bd := lk.get("D:"+code+":"+phrase, "PER", lk.spanText(pos, m.End))
	bd.fixedCode = code
	bd.country = country
	bd.titleText = lk.spanText(m.Start, m.End)
	lk.mention(bd, pos, end, "description")
	return true
}

// titledPerson returns the person named (not only described) last before
// token tok whose role or a titled mention carries the title phrase
// ("President Obama" for "the president"), or nil.
func (lk *linking) titledPerson(phrase string, tok int) *builder {
	var best *builder
	bestAt := -1
	before := int(lk.d.Tokens[tok].Start)
	for _, bd := range lk.bs {
		if bd.kind != "PER" {
			continue
		}
		// the latest mention by name before the phrase (names are all
		// linked before descriptions, so later ones are known too)
		at := -1
		for _, mt := range bd.mentions {
			if (mt.Kind == "name" || mt.Kind == "title") && mt.End <= before && mt.Start > at {
				at = mt.Start
			}
		}
		if at < 0 || at <= bestAt {
			continue // nobody by name before it ("the first African-American president" is a description)
		}
		// (after a comma: "President Bill Clinton, Representative James E.
		// Rogan" is a run of two titled names, the last one the person's)
		_, _, _, _, role := lk.code(bd)
		ok := hasTitle(strings.ToLower(afterComma(role)), phrase)
		for _, mt := range bd.mentions {
			ok = ok || mt.Kind == "title" && hasTitle(strings.ToLower(afterComma(mt.Text)), phrase)
		}
		if ok {
			best, bestAt = bd, at
		}
	}
	return best
}

// afterComma returns s after its last comma.
func afterComma(s string) string {
	if k := strings.LastIndexByte(s, ','); k >= 0 {
		return s[k+1:]
	}
	return s
}

// personTitles are the last words of the titles that "the …" refers back
// with ("the president", "the prime minister", "the senator").
var personTitles = map[string]bool{
	"president": true, "minister": true, "chancellor": true, "premier": true, "king": true, "queen": true,
	"senator": true, "governor": true, "mayor": true, "judge": true, "justice": true, "general": true,
	"admiral": true, "secretary": true, "ambassador": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "chairman": true, "chairwoman": true, "congressman": true, "congresswoman": true,
	"representative": true, "nominee": true, "candidate": true, "commander": true, "sheriff": true,
	"prosecutor": true, "pope": true, "emir": true, "prince": true, "princess": true, "director": true,
	"speaker": true, "actor": true, "actress": true, "coach": true, "ceo": true, "founder": true,
	"envoy": true, "diplomat": true, "lawmaker": true, "leader": true, "pastor": true, "rabbi": true,
	"imam": true, "bishop": true, "cardinal": true, "ayatollah": true, "sultan": true, "dictator": true,
}

// hasTitle reports whether s holds the title phrase as words, not as part
// of a lesser or past office ("deputy foreign minister" is no "foreign
// minister", "vice president" no "president").
func hasTitle(s, phrase string) bool {
	return anyWordAt(s, phrase, func(a int) bool {
		before := strings.TrimRight(s[:a], " -")
		if i := strings.LastIndexAny(before, " -"); i >= 0 {
			before = before[i+1:]
		}
		switch before {
		case "deputy", "vice", "assistant", "former", "ex", "acting", "under", "associate",
			"attorney", "surgeon", "inspector", "solicitor", "secretary", "lieutenant", "lt.", "lt", "consul":
			return false // "attorney general" is no general, "lieutenant governor" no governor
		}
		return true
	})
}

var compass = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "central": true, "northeastern": true, "northwestern": true, "southeastern": true,
	"southwestern": true, "northeast": true, "northwest": true, "southeast": true, "southwest": true,
}

// equipment are agent nouns for weapons, not people: "the helicopters" of
// a story need not be anybody's military.
var equipment = map[string]bool{
	"aircraft": true, "warplane": true, "warplanes": true, "gunship": true, "gunships": true, "warship": true,
	"warships": true, "helicopter": true, "helicopters": true, "artillery": true, "tank": true, "tanks": true,
}

// mix appends agent code b to actor code a unless a already contains it,
// as PETRARCH composes codes ("USAGOV" + "GOV" stays "USAGOV").
func mix(a, b string) string {
	if b == "" || strings.Contains(a, b) {
		return a
	}
	return a + b
}

// nonCountry are three-letter codes that open CAMEO actor codes without
// naming a state: international and transnational actors, and sectors.
var nonCountry = map[string]bool{
	"IGO": true, "NGO": true, "NGM": true, "MNC": true, "IMG": true, "UIS": true, "INT": true,
	"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true, "JUD": true, "LEG": true,
	"MED": true, "BUS": true, "EDU": true, "LAB": true, "CVL": true, "SPY": true, "HLH": true, "AGR": true,
	"REF": true, "CRM": true, "HRI": true, "ENV": true, "DEV": true, "UAF": true, "RAD": true, "ELI": true,
	"REL": true, "MOD": true, "MUS": true, "CHR": true, "JEW": true, "BUD": true, "HIN": true,
}

// bareCode reports whether a dictionary code is a lone three-letter
// state-like code ("OSG", "AFG"): an actor that agents belong to the way
// they belong to a country.
func bareCode(code string) bool {
	if len(code) != 3 || nonCountry[code] || regionCodes[code] {
		return false
	}
	for i := 0; i < 3; i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	return true
}

// entryCode returns the code of a dictionary entry on the document date
// (or its first role), normalised.
func (lk *linking) entryCode(e *Entry) string {
	if r, ok := e.RoleAt(lk.date); ok {
		return lk.normCode(r.Code)
	}
	if len(e.Roles) > 0 {
		return lk.normCode(e.Roles[0].Code)
	}
	return ""
}

// entryModifier reads a dictionary actor that modifies an agent ("White
// House officials", "Red Cross workers", "Osgiliath soldiers"): its
// country; or its IGO or NGO code, which the group takes whole; or, for
// an actor with a state-like code the gazetteer does not know (and for
// every actor when composing codes), its code as the prefix agents are
// added to.
func (lk *linking) entryModifier(e *Entry) (country, igo, prefix string) {
	code := lk.entryCode(e)
	if lk.l.compose && code != "" {
		return "", "", code
	}
	if country, igo = lk.entryCountry(e); country != "" || igo != "" {
		return country, igo, ""
	}
	switch {
	case bareCode(code):
		return "", "", code
	case strings.HasPrefix(code, "NGO"):
		return "", code, ""
	}
	return "", "", ""
}

// entryAfter reads "in Arnor", "of the White House", "from Gondor" after
// an agent at token i: a dictionary actor that the agent belongs to (see
// entryModifier), and the end of the phrase.
func (lk *linking) entryAfter(i, end int) (country, igo, prefix string, e int, ok bool) {
	if i >= end || (lk.fw[i] != "in" && lk.fw[i] != "of" && lk.fw[i] != "from") {
		return "", "", "", i, false
	}
	j := i + 1
	if j < end && lk.fw[j] == "the" {
		j++
	}
	if j >= end || !lk.isCap(j) {
		return "", "", "", i, false
	}
	for k := min(end, j+4); k > j; k-- {
		if !lk.isWord(k - 1) {
			continue
		}
		en := lk.lookup(lk.spanText(j, k), k-j)
		if en == nil || en.Kind == "PER" {
			continue
		}
		if k < end && lk.isPossessive(k) {
			return "", "", "", i, false
		}
		if c, ig, pre := lk.entryModifier(en); c != "" || ig != "" || pre != "" {
			return c, ig, pre, k, true
		}
		break
	}
	return "", "", "", i, false
}

// coordPlacesAfter makes one group per country or state-like dictionary
// actor coordinated after an agent's place phrase ending at i: "the
// ambassadors of Arnor, Osgiliath and Gondor", "lawmakers in France and
// Germany".
func (lk *linking) coordPlacesAfter(i, end int, sector string, m Match, kind string) {
	ac := sector
	if lk.l.compose {
		ac = m.Agent.Code
	}
	for n := 0; n < 8 && i < end; n++ {
		if !isCoord(lk.fw[i], lk.text(i)) {
			return
		}
		i++
		if i < end && (lk.fw[i] == "and" || lk.fw[i] == "or") {
			i++
		}
		if i < end && lk.fw[i] == "the" {
			i++
		}
		if i >= end {
			return
		}
		base, e := "", i
		if iso, k, ok := lk.countryAt(i, end); ok {
			base, e = iso, k
		} else {
			for k := min(end, i+4); k > i && base == ""; k-- {
				if en := lk.lookup(lk.spanText(i, k), k-i); en != nil && en.Kind != "PER" {
					if c, _, pre := lk.entryModifier(en); c != "" || pre != "" {
						base, e = c+pre, k
					}
				}
			}
		}
		if base == "" || lk.anyUsed(i, e) && !lk.takeMention(i, e) {
			return
		}
		code := base + sector
		if _, iso := lk.l.g.ByISO3(base); lk.l.compose || !iso {
			code = mix(base, ac)
		}
		g := lk.get("G:"+code, "GRP", lk.spanText(m.Start, m.End)+" of "+lk.spanText(i, e))
		if g.fixedCode == "" {
			g.fixedCode, g.kind = code, kind
			g.country, _ = lk.codeCountry(base)
		}
		lk.markUsed(i, e)
		lk.mention(g, i, e, "description")
		i = e
	}
}

// takeMention removes a country's or place's name mention that spans
// exactly tokens [a,b) from its actor, so the tokens can join a group; it
// reports whether there was one.
func (lk *linking) takeMention(a, b int) bool {
	s, e := int(lk.d.Tokens[a].Start), int(lk.d.Tokens[b-1].End)
	for _, bd := range lk.bs {
		if bd.kind == "PER" || bd.kind == "GRP" {
			continue
		}
		for k, m := range bd.mentions {
			if m.Start == s && m.End == e {
				bd.mentions = append(bd.mentions[:k], bd.mentions[k+1:]...)
				return true
			}
		}
	}
	return false
}

// modifiesAgent reports whether dictionary actor e, named up to token b,
// modifies an agent noun that follows ("Osgiliath soldiers", "Gondor's
// government") and composes with it: actors with a state-like code the
// gazetteer does not know, and every actor when composing codes.
func (lk *linking) modifiesAgent(e *Entry, b int) bool {
	if e.Kind == "PER" || !(lk.l.compose || bareCode(lk.entryCode(e))) {
		return false
	}
	if _, ok := lk.country(e.Names[0]); ok && !lk.l.compose {
		return false // known countries are handled as countries
	}
	se := lk.sentEnd(max(b-1, 0))
	k := b
	if k < se && lk.isPossessive(k) {
		k++
	}
	if k >= se {
		return false
	}
	_, ok := lk.agentAt(lk.skipMods(k, se), se)
	return ok
}

// placeEntryAt reads a dictionary actor with a state-like code the
// gazetteer does not know ("Bree", "Osgiliath") starting at token a and
// ending before lim: its end.
func (lk *linking) placeEntryAt(a, lim int) (int, bool) {
	for k := min(lim, a+4); k > a; k-- {
		if !lk.isCap(a) || !lk.isWord(k-1) {
			continue
		}
		if en := lk.lookup(lk.spanText(a, k), k-a); en != nil && en.Kind != "PER" && bareCode(lk.entryCode(en)) {
			return k, true
		}
	}
	return a, false
}

// placeDescribed links "the South Carolina senator", "the Vermont
// governor" — "the", the name of a place below the country (a state, a
// province, a city), then a singular person noun (the tagger may call it
// NNP after a capitalised place), the agent m — to the
// person named earlier whom the text ties to that place: the place written
// just before a mention ("Florida Sen. Marco Rubio") or after it ("Bernie
// Sanders of Vermont", "Lindsey Graham (R-S.C.)", "Sanders, Vermont's
// senator"); failing that, to the one person named earlier whose code has
// the place's country and the noun's sector. A person whose sector is
// another than the noun's is never meant. pos is where the modifiers
// before m begin. It returns nil when the phrase is no such description or
// nobody fits.
func (lk *linking) placeDescribed(m Match, pos, sentStart int) *builder {
	head := m.End - 1
	if x := lk.d.Tokens[head].XPOS; x == "NNS" || x == "NNPS" || x == "" && strings.HasSuffix(lk.fw[head], "s") || collective[strings.Join(lk.fw[m.Start:m.End], " ")] {
		return nil
	}
	j := pos
	for j > sentStart && pos-j < 4 && lk.isCap(j-1) && lk.isWord(j-1) && lk.fw[j-1] != "the" {
		j--
	}
	if j == pos || j == sentStart || lk.fw[j-1] != "the" {
		return nil
	}
	if _, e, ok := lk.countryAt(j, pos); ok && e == pos {
		return nil // "the Russian official", "the Ukraine envoy": a country's, found below
	}
	start, end := int(lk.d.Tokens[j].Start), int(lk.d.Tokens[pos-1].End)
	name := lk.d.Text[start:end]
	isLoc := false
	for _, e := range lk.d.Entities {
		isLoc = isLoc || e.Type == "LOC" && e.Start == start && e.End == end
	}
	place, ok := lk.l.g.Place(name, "")
	if !ok || place.Kind == gazetteer.KindCountry || !isLoc && place.Kind != gazetteer.KindRegion {
		return nil
	}
	forms := append([]string{name}, gazetteer.StateAbbrevs(place)...)
	sector := m.Agent.Sector()
	var tied, same *builder
	tiedEnd, sameN := -1, 0
	for _, bd := range lk.bs {
		if bd.kind != "PER" {
			continue
		}
		c, s := lk.finalCode(bd)
		if ts := bd.titleSector; ts != "" && sector != "" && ts != sector {
			continue // "the Texas senator" is not "former Texas Gov. Rick Perry"
		}
		before := false
		for _, mt := range bd.mentions {
			if mt.End > start {
				continue
			}
			before = true
			if mt.End > tiedEnd && lk.tiedTo(mt, forms) {
				tied, tiedEnd = bd, mt.End
			}
		}
		if before && c == place.Country && s != "" && s == sector {
			same, sameN = bd, sameN+1
		}
	}
	if tied != nil {
		return tied
	}
	if sameN == 1 && !lk.tiedElsewhere(same, forms) {
		return same
	}
	return nil
}

// orgNouns are the nouns by which a story refers back to an organisation
// it has named, with the sectors that organisation may have ("" for an
// organisation the dictionaries do not know: most companies).
var orgNouns = map[string][]string{
	"company": {"BUS", ""}, "firm": {"BUS", ""}, "corporation": {"BUS", ""}, "automaker": {"BUS", ""},
	"carmaker": {"BUS", ""}, "retailer": {"BUS", ""}, "airline": {"BUS", ""}, "insurer": {"BUS", ""},
	"manufacturer": {"BUS", ""}, "conglomerate": {"BUS", ""}, "party": {"PTY"},
	"newspaper": {"MED", ""}, "network": {"MED"}, "broadcaster": {"MED", ""},
	"magazine": {"MED", ""}, "union": {"LAB"}, "ministry": {"GOV"},
}

// orgDescribed links "the company", "the party", "the newspaper" — "the"
// and one of orgNouns at token i, no noun or name after it ("the party
// leadership", "the company Apple") — to the organisation of a fitting
// sector named latest before it, at most 2,000 bytes back; nil when there
// is none. The dictionary's sector must fit; an organisation the
// dictionaries do not know fits the business nouns only when the recogniser
// called it an organisation and it was named in this sentence or the one
// before. "Bank" and "paper" are left out: "lose to the bank", "the paper
// argues". PETRARCH's literal coding (compose) keeps the phrase.
func (lk *linking) orgDescribed(i, sentStart, sentEnd int) *builder {
	sectors, ok := orgNouns[lk.fw[i]]
	if !ok || i == sentStart || lk.fw[i-1] != "the" || lk.l.compose {
		return nil
	}
	if j := i + 1; j < sentEnd && (lk.isCap(j) && lk.isWord(j) || lk.d.Tokens[j].UPOS == doc.NOUN || lk.d.Tokens[j].UPOS == doc.PROPN) {
		return nil
	}
	start := int(lk.d.Tokens[i-1].Start)
	var best *builder
	bestEnd := -1
	for _, bd := range lk.bs {
		if bd.kind != "ORG" || bd.fixedCode != "" && bd.entry == nil {
			continue // countries and capitals are fixed codes without an entry
		}
		_, sector := lk.finalCode(bd)
		fits, unknown := false, sector == ""
		for _, s := range sectors {
			fits = fits || s == sector && (s != "" || lk.isOrgEntity(bd))
		}
		if !fits {
			continue
		}
		for _, mt := range bd.mentions {
			if mt.End > start || mt.End <= bestEnd || start-mt.End > 2000 {
				continue
			}
			if si := lk.d.SentenceAt(mt.Start); unknown && si < lk.sent(i)-1 {
				continue
			}
			best, bestEnd = bd, mt.End
		}
	}
	return best
}

// isOrgEntity reports whether the recogniser called one of bd's mentions
// an organisation.
func (lk *linking) isOrgEntity(bd *builder) bool {
	for _, mt := range bd.mentions {
		for _, e := range lk.d.Entities {
			if e.Type == "ORG" && e.Start == mt.Start && e.End == mt.End {
				return true
			}
		}
	}
	return false
}

// tiedElsewhere reports whether the text ties one of bd's mentions to
// another place than forms (mentionPlaces): "New Jersey Gov. Chris
// Christie" is not "the Louisiana governor", nor is "Sen. Ted Cruz
// (R-Texas)" "the Florida senator".
func (lk *linking) tiedElsewhere(bd *builder, forms []string) bool {
	for _, mt := range bd.mentions {
		for _, p := range lk.mentionPlaces(mt) {
			if !slices.ContainsFunc(forms, func(f string) bool { return strings.EqualFold(f, p) }) {
				return true
			}
		}
	}
	return false
}

// tiedTo reports whether the text ties mention mt to the place written in
// one of forms, its name or an abbreviation (mentionPlaces).
func (lk *linking) tiedTo(mt doc.Mention, forms []string) bool {
	for _, p := range lk.mentionPlaces(mt) {
		if slices.ContainsFunc(forms, func(f string) bool { return strings.EqualFold(f, p) }) {
			return true
		}
	}
	return false
}

// mentionPlaces returns the places the text ties a person's mention to, as
// written: the place right before it, in front of at most one title word
// ("Florida Sen. Marco Rubio", "Georgia businessman Bruce LeVell", but not
// "In Iowa, Sen. …"); the place after "of", "from" or a comma, inside the
// mention or after it ("Bernie Sanders of Vermont", "Sanders, Vermont's
// senator"); and the state of a party tag after it ("(R-S.C.)", "R-SC").
func (lk *linking) mentionPlaces(mt doc.Mention) []string {
	text := lk.d.Text
	var out []string
	// before: up to three capitalised words that name a place, then at most
	// one title word ("Sen.", "businessman")
	lo := max(mt.Start-32, 0)
	if si := lk.d.SentenceAt(mt.Start); si >= 0 {
		lo = max(lo, lk.d.Sentences[si].Start)
	}
	ws := strings.Fields(text[lo:mt.Start])
	if n := len(ws); n > 0 {
		if last := ws[n-1]; strings.HasSuffix(last, ".") && len(last) <= 6 || !startsUpper(last) {
			ws = ws[:n-1]
		}
	}
	if p := lk.placeWords(ws, true); p != "" {
		out = append(out, p)
	}
	// after "of", "from" or a comma, in the mention or after it
	after := text[mt.End:min(len(text), mt.End+40)]
	if _, rest, ok := strings.Cut(mt.Text, " of "); ok {
		if p := lk.placeWords(strings.Fields(rest), false); p != "" {
			out = append(out, p)
		}
	}
	for _, sep := range []string{" of ", " from ", ", the ", ", "} {
		if rest, ok := strings.CutPrefix(after, sep); ok {
			if p := lk.placeWords(strings.Fields(rest), false); p != "" {
				out = append(out, strings.TrimSuffix(p, "'s"))
			}
			break
		}
	}
	// a party tag
	tag := strings.TrimLeft(after, " ,(")
	if len(tag) >= 3 && strings.ContainsRune("RDI", rune(tag[0])) && tag[1] == '-' {
		st := tag[2:]
		if k := strings.IndexAny(st, "), ;"); k >= 0 {
			st = st[:k]
		}
		if st != "" {
			out = append(out, st)
		}
	}
	return out
}

// partyTagAfter reports whether a U.S. party-and-state tag follows the
// name ending before token b: "(D-Ga.)", "(R-Texas)", ", R-Tenn.,", "(I-VT)".
func (lk *linking) partyTagAfter(b int) bool {
	if b <= 0 || b > len(lk.d.Tokens) {
		return false
	}
	text := lk.d.Text
	end := int(lk.d.Tokens[b-1].End)
	after := text[end:min(len(text), end+24)]
	tag := strings.TrimLeft(after, " ,(")
	if len(tag) < 4 || len(after)-len(tag) > 2 || !strings.ContainsRune("RDI", rune(tag[0])) || tag[1] != '-' || tag[2] < 'A' || tag[2] > 'Z' {
		return false
	}
	k := strings.IndexAny(tag, "),;")
	if k < 0 {
		return false
	}
	st := strings.TrimSuffix(tag[2:k], ".")
	for _, r := range st {
		if !unicode.IsLetter(r) && r != '.' && r != ' ' {
			return false
		}
	}
	return len(st) >= 2 && len(st) <= 14
}

// placeWords returns the longest run of up to three capitalised words that
// the gazetteer knows as a place, at the end of ws (atEnd) or at its start;
// words that end in punctuation break the run.
func (lk *linking) placeWords(ws []string, atEnd bool) string {
	for k := min(3, len(ws)); k > 0; k-- {
		part := ws[:k]
		if atEnd {
			part = ws[len(ws)-k:]
		}
		if !startsUpper(part[0]) {
			continue
		}
		w := strings.Join(part, " ")
		if atEnd && strings.ContainsAny(w[len(w)-1:], ",;:") {
			return "" // "In Iowa, Sen. …"
		}
		w = strings.TrimRight(w, ".,;:")
		if _, ok := lk.l.g.Place(strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s"), ""); ok {
			return strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		}
	}
	return ""
}

// startsUpper reports whether s begins with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// personDescribed returns the latest person named before token tok whose
// sector is sector, or nil.
func (lk *linking) personDescribed(sector string, tok int) *builder {
	for i := len(lk.bs) - 1; i >= 0; i-- {
		bd := lk.bs[i]
		if bd.kind != "PER" || bd.lastTok > tok {
			continue
		}
		if _, s := lk.finalCode(bd); s == sector {
			return bd
		}
	}
	return nil
}

// placeAfter reads "in the Ivory Coast", "of Russia", "from southern
// Lebanon", "in Darfur" after an agent at token i: the country, or the
// country of a known city or region, and the end of the phrase.
func (lk *linking) placeAfter(i, end int) (string, int, bool) {
	if i >= end || (lk.fw[i] != "in" && lk.fw[i] != "of" && lk.fw[i] != "from") {
		return "", i, false
	}
	j := i + 1
	if j < end && lk.fw[j] == "the" {
		j++
	}
	for j < end && compass[lk.fw[j]] {
		j++
	}
	if j >= end || !lk.isCap(j) {
		return "", i, false
	}
	if iso, e, ok := lk.countryAt(j, end); ok {
		if e < end && lk.isPossessive(e) {
			return "", i, false
		}
		return iso, e, true
	}
	k := j
	for k < end && k < j+3 && lk.isCap(k) && lk.isWord(k) {
		k++
	}
	for ; k > j; k-- {
		if p, ok := lk.l.g.Place(lk.spanText(j, k), ""); ok && p.Country != "" && (p.Kind != gazetteer.KindCity || p.Population >= 100000 || p.Capital) {
			// "Tripoli … the north Lebanese port": a country the sentence
			// names that has a place of that name wins
			for _, e := range lk.countryEvidence() {
				if lk.sent(e.tok) != lk.sent(i) || e.iso == p.Country {
					continue
				}
				if q, ok := lk.l.g.Place(lk.spanText(j, k), e.iso); ok && q.Country == e.iso && q.Population*6 >= p.Population {
					return e.iso, k, true
				}
			}
			return p.Country, k, true
		}
	}
	return "", i, false
}

// pronouns links "he"/"she" to the person the context makes clear: the only
// person named in the sentence so far or the previous sentence, or, with a
// parse, the latest such person who was a subject — among the persons whose
// gender (Gender) does not contradict the pronoun's.
func (lk *linking) pronouns() {
	type ment struct {
		tok int
		bd  *builder
	}
	var ms []ment
	for _, bd := range lk.bs {
		if bd.kind != "PER" || bd.fixedCode != "" && bd.entry == nil && bd.titleSector == "" && !strings.Contains(bd.name, " ") {
			continue
		}
		for _, m := range bd.mentions {
			if i := lk.d.TokenAt(m.Start); i >= 0 {
				ms = append(ms, ment{i, bd})
			}
		}
	}
	sort.Slice(ms, func(a, b int) bool { return ms[a].tok < ms[b].tok })
	genders := map[*builder]gazetteer.Gender{} // once per person: pronoun mentions do not change it
	gender := func(bd *builder) gazetteer.Gender {
		g, ok := genders[bd]
		if !ok {
			g = genderOf(lk.d.Text, bd.kind, bd.name, bd.mentions)
			genders[bd] = g
		}
		return g
	}
	hasDeps := lk.d.Done.Has(doc.Deps)
	for i := range lk.d.Tokens {
		if _, ok := pronounGenders[lk.fw[i]]; !ok || lk.used[i] {
			continue
		}
		if up := lk.d.Tokens[i].UPOS; up != doc.NoPOS && up != doc.PRON {
			continue
		}
		s := lk.sent(i)
		pg := pronounGenders[lk.fw[i]]
		var cands []*builder
		var subj *builder
		for k := len(ms) - 1; k >= 0; k-- {
			t := ms[k].tok
			if t >= i {
				continue
			}
			if lk.sent(t) < s-1 {
				break
			}
			if bd := ms[k].bd; !gendersFit(pg, gender(bd)) {
				continue // "she" is not Mr. Hamilton
			}
			dup := false
			for _, c := range cands {
				dup = dup || c == ms[k].bd
			}
			if !dup {
				cands = append(cands, ms[k].bd)
			}
			if hasDeps && subj == nil && strings.HasPrefix(lk.d.Tokens[t].Dep, "nsubj") {
				subj = ms[k].bd
			}
		}
		var target *builder
		switch {
		case len(cands) == 1:
			target = cands[0]
		case subj != nil && hasDeps && strings.HasPrefix(lk.d.Tokens[i].Dep, "nsubj"):
			target = subj
		}
		if target != nil {
			lk.used[i] = true
			target.mentions = append(target.mentions, lk.mkMention(i, i+1, "pronoun"))
		}
	}
}

// ---- builders ----

func (lk *linking) get(key, kind, name string) *builder {
	if bd, ok := lk.byKey[key]; ok {
		return bd
	}
	bd := &builder{key: key, kind: kind, name: name}
	lk.byKey[key] = bd
	lk.bs = append(lk.bs, bd)
	return bd
}

func (lk *linking) addEntryActor(e *Entry, a, b int, kind string) {
	k := e.Kind
	if k == "" {
		k = "ORG"
	}
	bd := lk.get("E:"+e.Names[0], k, lk.spanText(a, b))
	bd.entry = e
	lk.mention(bd, a, b, kind)
}

// surnameNotTitle reports whether the one-word person span [a, b) that is
// also a title ("King", "Pope", "Judge") is the surname of a person named
// before ("Rep. Steve King … Mr. King said"): no name follows it.
func (lk *linking) surnameNotTitle(a, b, typ int) bool {
	if typ != tPER || b-a != 1 || lk.findSurname(lk.fw[a]) == nil {
		return false
	}
	return b >= lk.sentEnd(a) || !lk.isCap(b) || !lk.isPersonStart(b)
}

// findNameSuffix returns the latest person without a dictionary entry
// whose longer name ends in the words of name ("Enrique Peña Nieto" for
// "Peña Nieto"), or nil.
func (lk *linking) findNameSuffix(name string) *builder {
	for i := len(lk.bs) - 1; i >= 0; i-- {
		bd := lk.bs[i]
		if bd.kind == "PER" && bd.entry == nil && hasWordSuffix(bd.name, name) {
			return bd
		}
	}
	return nil
}

// hasWordSuffix reports whether long is longer than short and ends in its
// words ("Enrique Peña Nieto", "Peña Nieto"), ignoring case and accents.
func hasWordSuffix(long, short string) bool {
	l, s := gazetteer.Fold(long), gazetteer.Fold(short)
	return len(l) > len(s)+1 && strings.HasSuffix(l, " "+s)
}

// findSurname returns the person a surname alone refers to: among the
// people named so far whose name ends with the folded word w, the one whose
// dictionary entry lists the surname on its own ("Trump" for Donald Trump,
// not Ivanka Trump), else the most mentioned, else the latest.
func (lk *linking) findSurname(w string) *builder {
	var best *builder
	bestScore := -1
	for i := len(lk.bs) - 1; i >= 0; i-- {
		bd := lk.bs[i]
		if bd.kind != "PER" {
			continue
		}
		match, alone := lastWordIs(bd.name, w), false
		if bd.entry != nil {
			for _, n := range bd.entry.Names {
				if lastWordIs(n, w) {
					match = true
					alone = alone || gazetteer.Fold(n) == w
				}
			}
		}
		if !match {
			continue
		}
		score := len(bd.mentions)
		if alone {
			score += 1 << 20
		}
		if score > bestScore {
			best, bestScore = bd, score
		}
	}
	return best
}

// lastWordIs reports whether the folded word w is the family name of the
// person called name: its last word, or its first word when the name ends
// in a romanised East Asian given name written with a hyphen and a
// lower-case second syllable ("Ban Ki-moon", "Kim Jong-un"), where the
// family name comes first.
func lastWordIs(name, w string) bool {
	f := strings.Fields(gazetteer.Fold(name))
	if len(f) == 0 {
		return false
	}
	if f[len(f)-1] == w {
		return true
	}
	if len(f) >= 2 && f[0] == w {
		orig := strings.Fields(name)
		last := orig[len(orig)-1]
		if h := strings.IndexByte(last, '-'); h > 0 && h+1 < len(last) && last[h+1] >= 'a' && last[h+1] <= 'z' {
			return true
		}
	}
	return false
}

// findFirstName returns the one person named so far, by full name, whose
// first name is the folded word w ("Hillary" after "Hillary Clinton"), or
// nil when none or several.
func (lk *linking) findFirstName(w string) *builder {
	var found *builder
	for _, bd := range lk.bs {
		if bd.kind != "PER" {
			continue
		}
		f := strings.Fields(gazetteer.Fold(bd.name))
		if len(f) < 2 || f[0] != w {
			continue
		}
		if found != nil && found != bd {
			return nil
		}
		found = bd
	}
	return found
}

func (lk *linking) mkMention(a, b int, kind string) doc.Mention {
	s, e := int(lk.d.Tokens[a].Start), int(lk.d.Tokens[b-1].End)
	return doc.Mention{Text: lk.d.Text[s:e], Start: s, End: e, Kind: kind}
}

func (lk *linking) mention(bd *builder, a, b int, kind string) {
	bd.mentions = append(bd.mentions, lk.mkMention(a, b, kind))
	bd.lastTok = b - 1
	bd.subject = false
	for i := a; i < b; i++ {
		if strings.HasPrefix(lk.d.Tokens[i].Dep, "nsubj") {
			bd.subject = true
		}
	}
}

// finalCode returns the country and sector an actor is coded with.
func (lk *linking) finalCode(bd *builder) (country, sector string) {
	c, s, _, _, _ := lk.code(bd)
	return c, s
}

// code decides the actor's code from the evidence: text title, then
// dictionary role on the document date, then nationality; a sector from a
// title with no country takes the country the document is about.
func (lk *linking) code(bd *builder) (country, sector, code, from, role string) {
	var dictRole Role
	haveDict := false
	if bd.entry != nil {
		dictRole, haveDict = bd.entry.RoleAt(lk.date)
	}
	// A title the person no longer holds on the document's date ("President
	// Joe Biden" in 2025) describes the past: the dictionary's current role wins.
	if bd.titleSector != "" && haveDict && !bd.oldDict && !bd.titleFormer && lk.heldBefore(bd.entry, bd.titleSector, dictRole) {
		c, s := lk.codeCountry(dictRole.Code)
		return c, s, lk.normCode(dictRole.Code), "dictionary", dictRole.Title
	}
	if bd.titleIGO != "" {
		return "", "IGO", bd.titleIGO, "text", bd.titleText
	}
	if bd.titleSector != "" {
		country, sector = bd.titleCountry, bd.titleSector
		if bd.titleFormer {
			sector = "ELI"
		}
		if lk.l.compose || (bd.titlePrefix != "" && country == "") {
			base, ac := country, sector
			if bd.titlePrefix != "" && country == "" {
				base = bd.titlePrefix
			}
			if lk.l.compose && !bd.titleFormer && bd.titleAgent != "" {
				ac = bd.titleAgent
			}
			if base != "" {
				c, _ := lk.codeCountry(base)
				return c, sector, mix(base, ac), "text", bd.titleText
			}
		}
		if country == "" && bd.entry != nil {
			for _, r := range append([]Role{dictRole}, bd.entry.Roles...) {
				if c, _ := lk.codeCountry(r.Code); c != "" {
					country = c
					break
				}
				if strings.HasPrefix(r.Code, "IGO") && !bd.titleFormer {
					return "", "IGO", r.Code, "text", bd.titleText
				}
			}
		}
		if country == "" {
			country = bd.country
		}
		if country == "" && contextSectors[sector] {
			country = lk.contextCountry(bd)
		}
		if country == "" {
			country = bd.surnameCountry
		}
		return country, sector, country + sector, "text", bd.titleText
	}
	if haveDict {
		c, s := lk.codeCountry(dictRole.Code)
		return c, s, lk.normCode(dictRole.Code), "dictionary", dictRole.Title
	}
	if bd.entry != nil && bd.kind == "PER" && !lk.l.compose {
		// every role the dictionary knows ended before the document's date
		// (Ronald Reagan in 2016; the converted Phoenix roles end in 2015):
		// a former office holder is an elite of that office's country
		if r, ok := bd.entry.LastRoleBefore(lk.date); ok {
			if c, _ := lk.codeCountry(r.Code); c != "" {
				return c, "ELI", c + "ELI", "dictionary", r.Title
			}
		}
	}
	if bd.fixedCode != "" {
		c, s := lk.codeCountry(bd.fixedCode)
		from := "country"
		if s != "" {
			from = "text"
		}
		return c, s, bd.fixedCode, from, bd.titleText
	}
	if bd.orgSector != "" {
		c := bd.country
		if c == "" && contextSectors[bd.orgSector] {
			c = lk.contextCountry(bd)
		}
		return c, bd.orgSector, c + bd.orgSector, "text", ""
	}
	if bd.country != "" {
		return bd.country, "", bd.country, "country", ""
	}
	return "", "", "", "", ""
}

// contextSectors are the sectors of offices that belong to the country a
// story is about when the text names no other: a "Prime Minister" or
// "the Supreme Court" is local, a journalist or a company need not be.
var contextSectors = map[string]bool{
	"GOV": true, "MIL": true, "LEG": true, "JUD": true, "COP": true, "SPY": true, "ELI": true, "OPP": true,
	"PTY": true, "REB": true,
}

// contextCountry returns the country a document or sentence is about, for
// an actor whose title names an office but no country ("Prime Minister
// Mahendra Chaudhry" in a story about Fiji): countries, nationality words
// and known places count once in the document and three times more in the
// actor's own sentence; the nearest breaks ties. "" when none is named.
func (lk *linking) contextCountry(bd *builder) string {
	if len(bd.mentions) == 0 {
		return ""
	}
	tok := lk.d.TokenAt(bd.mentions[0].Start)
	if tok < 0 {
		return ""
	}
	c, _ := lk.contextCountryOf(tok, "", bd)
	return c
}

// contextCountryAt is contextCountry for a position: the country the
// story is about around token tok, other than exclude.
func (lk *linking) contextCountryAt(tok int, exclude string) string {
	c, _ := lk.contextCountryOf(tok, exclude, nil)
	return c
}

// contextCountryOf scores the countries named around token tok (see
// contextCountry); dominant reports whether the best scores at least twice
// the next.
func (lk *linking) contextCountryOf(tok int, exclude string, bd *builder) (best string, dominant bool) {
	ev := lk.countryEvidence()
	if len(ev) == 0 {
		return "", false
	}
	s := lk.sent(tok)
	type score struct {
		n, dist int
	}
	scores := map[string]*score{}
	for _, e := range ev {
		if e.iso == exclude || bd != nil && lk.inMentions(bd, e.tok) || e.tok == tok {
			continue
		}
		sc := scores[e.iso]
		if sc == nil {
			sc = &score{dist: 1 << 30}
			scores[e.iso] = sc
		}
		sc.n++
		if lk.sent(e.tok) == s {
			sc.n += 3
		}
		if d := abs(e.tok - tok); d < sc.dist {
			sc.dist = d
		}
	}
	for iso, sc := range scores {
		if best == "" {
			best = iso
			continue
		}
		b := scores[best]
		if sc.n > b.n || sc.n == b.n && (sc.dist < b.dist || sc.dist == b.dist && iso < best) {
			best = iso
		}
	}
	if best == "" {
		return "", false
	}
	second := 0
	for iso, sc := range scores {
		if iso != best && sc.n > second {
			second = sc.n
		}
	}
	return best, scores[best].n >= 2*second
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func (lk *linking) inMentions(bd *builder, tok int) bool {
	off := int(lk.d.Tokens[tok].Start)
	for _, m := range bd.mentions {
		if off >= m.Start && off < m.End {
			return true
		}
	}
	return false
}

type countryMention struct {
	tok int
	iso string
}

// countryEvidence lists the countries the document names: country names,
// nationality words and capitals, and the countries of other places the
// recogniser found. It is computed once per document.
func (lk *linking) countryEvidence() []countryMention {
	if lk.evDone {
		return lk.ev
	}
	lk.evDone = true
	for _, s := range lk.d.Sentences {
		for i := s.FirstToken; i < s.EndToken; i++ {
			if !lk.isCap(i) {
				continue
			}
			if iso, e, ok := lk.countryAt(i, s.EndToken); ok {
				lk.ev = append(lk.ev, countryMention{i, iso})
				i = e - 1
			}
		}
	}
	for _, e := range lk.d.Entities {
		if e.Type != "LOC" && e.Type != "GPE" {
			continue
		}
		a, b := lk.d.TokensIn(e.Span())
		if a >= b {
			continue
		}
		if _, _, ok := lk.countryAt(a, b); ok {
			continue
		}
		if p, ok := lk.l.g.Place(e.Text, ""); ok && p.Country != "" {
			lk.ev = append(lk.ev, countryMention{a, p.Country})
		}
	}
	return lk.ev
}

// heldBefore reports whether the entry held a dated role of the given
// sector that ended before the document date, and holds a different one now.
func (lk *linking) heldBefore(e *Entry, sector string, now Role) bool {
	if _, s := lk.codeCountry(now.Code); s == sector {
		return false
	}
	day := dayOf(lk.date)
	for _, r := range e.Roles {
		if _, s := lk.codeCountry(r.Code); s == sector && r.End != 0 && r.End <= day {
			return true
		}
	}
	return false
}

// actors turns the builders into doc.Actors ordered by first mention.
func (lk *linking) actors() []doc.Actor {
	var out []doc.Actor
	for _, bd := range lk.bs {
		if len(bd.mentions) == 0 {
			continue
		}
		sort.SliceStable(bd.mentions, func(a, b int) bool { return bd.mentions[a].Start < bd.mentions[b].Start })
		country, sector, code, from, role := lk.code(bd)
		a := doc.Actor{Name: bd.name, Kind: bd.kind, Code: code, Country: country, Sector: sector, Role: role,
			CodeFrom: from, Mentions: bd.mentions}
		if bd.entry != nil {
			a.Wiki = bd.entry.Names[0]
		}
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions[0].Start < out[j].Mentions[0].Start })
	for i := range out {
		out[i].ID = "A" + itoa(i+1)
	}
	return out
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(b[i:])
}
