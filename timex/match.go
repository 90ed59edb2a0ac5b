package timex

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Types of temporal expressions.
const (
	typDate     = "DATE"
	typTime     = "TIME"
	typDuration = "DURATION"
	typSet      = "SET"
)

// tense is the tense (or temporal direction) of the clause around a timex.
type tense int8

const (
	tUnknown tense = iota
	tPast
	tPresent
	tFuture
)

// cand is a recognized expression before it becomes a doc.Timex.
type cand struct {
	i, j     int // token range [i, j)
	typ      string
	p        point // DATE/TIME value when val == ""
	val      string
	mod      string
	quant    string
	freq     string
	anchored bool // the value depends on the DCT or reference time
	usesRef  bool // resolved against the reference time, not the DCT
	theOK    bool // may take a leading "the" (the third quarter, the past two weeks)
	concrete bool // a DATE/TIME with a calendar value (can become the reference time)
	setsQ    bool // a named quarter ("the third quarter") that becomes the reported quarter
	// interval, when set, is the range the expression denotes.
	ivStart, ivEnd string
	// duration amount, for anchoring durations ("within two weeks")
	durU unit
	durN float64
}

func (c *cand) value() string {
	if c.val != "" {
		return c.val
	}
	return c.p.value()
}

// scanner recognizes temporal expressions over the tokens of one text.
type scanner struct {
	text   string
	t      []tok
	dct    time.Time
	hasDCT bool
	ref    point
	hasRef bool
	// refDay is the last day told about (a date or a time of day): "the
	// previous Friday" is the one before it.
	refDay    time.Time
	hasRefDay bool
	// refQ is the last named quarter ("third-quarter profit"): in financial
	// reports, "a year ago" and "the year-earlier period" compare with it.
	refQ    point
	hasRefQ bool
	// tense returns the tense of the clause around tokens [i, j) and
	// whether it is sure (read from the parse).
	tense func(i, j int) (tense, bool)
}

// ---- token helpers ----

func (s *scanner) n() int { return len(s.t) }

func (s *scanner) w(i int) word {
	if i < 0 || i >= len(s.t) || s.t[i].lx == nil {
		return wNone
	}
	return s.t[i].lx.w
}

func (s *scanner) lx(i int) *lexEntry {
	if i < 0 || i >= len(s.t) {
		return nil
	}
	return s.t[i].lx
}

func (s *scanner) str(i int) string { return s.text[s.t[i].s:s.t[i].e] }

// punct reports whether token i is the single punctuation character c.
func (s *scanner) punct(i int, c byte) bool {
	return i >= 0 && i < len(s.t) && s.t[i].kind == kPunct && s.t[i].e-s.t[i].s == 1 && s.text[s.t[i].s] == c
}

// apos reports whether token i is an apostrophe (straight or curly).
func (s *scanner) apos(i int) bool {
	if i < 0 || i >= len(s.t) || s.t[i].kind != kPunct {
		return false
	}
	x := s.str(i)
	return x == "'" || x == "\u2019" || x == "`" || x == "\u2018"
}

// adj reports whether token i directly follows token i-1 (no space).
func (s *scanner) adj(i int) bool { return i > 0 && i < len(s.t) && !s.t[i].gap }

// eq reports whether token i equals the lower-case ASCII word lit.
func (s *scanner) eq(i int, lit string) bool {
	if i < 0 || i >= len(s.t) || s.t[i].kind != kWord {
		return false
	}
	x := s.str(i)
	if len(x) != len(lit) {
		return false
	}
	for k := 0; k < len(x); k++ {
		if x[k]|0x20 != lit[k] {
			return false
		}
	}
	return true
}

func (s *scanner) num(i int) (int, int, bool) { // value, digits
	if i < 0 || i >= len(s.t) || s.t[i].kind != kNum {
		return 0, 0, false
	}
	return int(s.t[i].num), int(s.t[i].ndig), true
}

// hyphen reports whether token i is an adjacent hyphen or dash glued between words.
func (s *scanner) hyphen(i int) bool {
	if i <= 0 || i+1 >= len(s.t) || s.t[i].gap || s.t[i+1].gap || s.t[i].kind != kPunct {
		return false
	}
	x := s.str(i)
	return x == "-" || x == "\u2010" || x == "\u2011"
}

// skipPeriod returns i+1 when token i is an adjacent "." (after an abbreviation), else i.
func (s *scanner) skipPeriod(i int) int {
	if s.punct(i, '.') && s.adj(i) {
		return i + 1
	}
	return i
}

// skipComma returns i+1 when token i is ",", else i.
func (s *scanner) skipComma(i int) int {
	if s.punct(i, ',') {
		return i + 1
	}
	return i
}

func (s *scanner) tenseOf(i, j int) tense {
	t, _ := s.tenseSure(i, j)
	return t
}

// tenseSure returns the tense around tokens [i, j) and whether it is sure.
// "as soon as Tuesday", "as early as next week", "effective Feb. 1" look
// ahead whatever the verb.
func (s *scanner) tenseSure(i, j int) (tense, bool) {
	if s.w(i-3) == wAs && s.w(i-1) == wAs && (s.eq(i-2, "soon") || s.eq(i-2, "early")) {
		return tFuture, true
	}
	// "effective Feb. 1", "payable Dec. 7" look ahead also where the parser
	// hangs the adjective under the date
	if s.eq(i-1, "effective") || s.eq(i-1, "payable") {
		return tFuture, true
	}
	if s.tense == nil {
		return tUnknown, false
	}
	return s.tense(i, j)
}

// ---- the driver ----

// run recognizes every expression in text order and calls emit for each.
func (s *scanner) run(emit func(c *cand)) {
	n := len(s.t)
	for i := 0; i < n; {
		tk := &s.t[i]
		if tk.lx == nil && tk.kind != kNum && !s.apos(i) {
			i++
			continue
		}
		c, ok := s.matchAt(i)
		if !ok {
			i++
			continue
		}
		// "around the 2:05 mark" of a video is no time of day
		if embedded(s.text, int(s.t[c.i].s), int(s.t[c.j-1].e)) || s.inName(c.i, c.j) || (c.typ == typTime || c.typ == typDuration && (c.durU == uMinute || c.durU == uSecond)) && s.eq(c.j, "mark") {
			i = c.j
			continue
		}
		s.signals(&c)
		emit(&c)
		if c.concrete && c.val == "" && c.p.g >= gYear && !c.p.noYear && c.typ != typSet {
			s.ref, s.hasRef = c.p, true
			if c.p.g >= gDay {
				s.refDay, s.hasRefDay = c.p.t, true
			}
		}
		if c.setsQ && (!s.hasDCT || !addMonths(c.p.t, 3).After(s.dct)) && (!s.hasRefQ || !c.p.t.Before(s.refQ.t)) {
			// Only a quarter that has ended can be the one reported ("a
			// fourth-quarter charge" looks ahead), and an earlier one named
			// for context ("after a flat second quarter") does not replace it.
			s.refQ, s.hasRefQ = c.p, true
		}
		i = c.j
	}
}

// matchAt returns the longest expression starting at token i.
func (s *scanner) matchAt(i int) (cand, bool) {
	var best cand
	found := false
	try := func(c cand, ok bool) {
		if ok && (!found || c.j > best.j) {
			best, found = c, true
		}
	}
	try(s.prefixed(i))
	if !found {
		if s.w(i) == wThe {
			if c, ok := s.core(i + 1); ok && c.theOK {
				c.i = i
				try(c, true)
			}
		}
		try(s.core(i))
	}
	if found {
		best.i = i
	}
	return best, found
}

// core tries every pattern at i without modifiers.
func (s *scanner) core(i int) (cand, bool) {
	var best cand
	found := false
	try := func(c cand, ok bool) {
		if ok && c.j > i && (!found || c.j > best.j) {
			best, found = c, true
		}
	}
	if i < 0 || i >= len(s.t) {
		return best, false
	}
	tk := &s.t[i]
	if tk.kind == kNum {
		try(s.numericDate(i))
		try(s.clockTime(i))
		try(s.durationOrAgo(i))
		try(s.dayMonth(i))
		try(s.yearExpr(i))
		try(s.ordinalThings(i))
		return best, found
	}
	if tk.kind == kPunct {
		if s.apos(i) {
			try(s.yearExpr(i))
		}
		return best, found
	}
	e := tk.lx
	if e == nil {
		return best, false
	}
	if e.month > 0 {
		try(s.monthFirst(i))
	}
	if e.wday > 0 {
		try(s.weekdayExpr(i))
	}
	if e.num > 0 || e.w == wA || e.w == wAn || e.w == wFew || e.w == wSeveral || e.w == wCouple || e.w == wHalfWord || e.w == wMany || e.w == wDozen {
		try(s.durationOrAgo(i))
		try(s.spokenYear(i))
		try(s.setExpr(i))
	}
	if e.ord > 0 || e.w == wFirst || e.w == wLast || e.w == wFinal {
		try(s.ordinalThings(i))
	}
	if e.season > 0 {
		try(s.seasonExpr(i))
	}
	if e.u != uNone {
		try(s.unitFirst(i))
		try(s.durationOrAgo(i))
	}
	if e.w == wPeriod {
		try(s.unitFirst(i))
	}
	if (e.w == wFull || e.w == wFiscal || e.w == wWhole || e.w == wEntire) && s.eq(i+1, "year") {
		// "the full year", "the entire year", "the fiscal year ended June 30"
		if c, ok := s.unitFirst(i + 1); ok {
			try(c, true)
		}
	}
	if e.w == wComparable {
		if c, ok := s.unitFirst(i + 1); ok && c.typ == typDate {
			c.theOK = true
			try(c, true)
		}
	}
	if e.hol > 0 {
		try(s.holidayExpr(i))
	}
	switch e.w {
	case wLast, wNext, wThis, wThat, wComing, wPast, wPrevious, wFollowing, wCurrent, wLatest, wRecent,
		wSame, wPrior, wUpcoming, wThese, wEarly:
		try(s.relative(i))
		try(s.durationOrAgo(i))
	case wToday, wYesterday, wTomorrow, wTonight, wNow:
		try(s.deictic(i))
	case wRef:
		c := cand{j: i + 1, typ: typDate, val: e.ref}
		try(c, true)
	case wSetAdv:
		try(cand{j: i + 1, typ: typSet, val: e.freq}, true)
	case wEvery, wEach, wOnce, wTwice, wThrice:
		try(s.setExpr(i))
	case wNoon, wMidnight:
		if !s.eq(i-1, "high") { // "high noon" is an idiom
			try(s.clockTime(i))
		}
	case wFiscal, wFY, wQ:
		try(s.fiscalOrQ(i))
	case wOvernight:
		// The night before the day told about ("overnight losses in New
		// York" before Friday's trading), else last night.
		p := s.dctPoint(gTime, 4)
		c := cand{j: i + 1, typ: typTime, anchored: true}
		p.t, c.usesRef = s.dayToldAbout()
		p.t = p.t.AddDate(0, 0, -1)
		c.p = p
		try(c, true)
	case wPresent:
		if s.w(i-1) == wThe || s.w(i-1) == wAt {
			try(cand{j: i + 1, typ: typDate, val: "PRESENT_REF", theOK: true}, true)
		}
	case wYearEnd:
	}
	if s.eq(i, "future") {
		// "the future", "the near future", "in future"; the adjective alone is not tagged.
		if s.w(i-1) == wThe || s.w(i-1) == wIn || (s.w(i-1) == wNear && s.w(i-2) == wThe) {
			try(cand{j: i + 1, typ: typDate, val: "FUTURE_REF", theOK: true}, true)
		}
	}
	// "at a later date": the future
	if e.w == wA && s.w(i+1) == wLater && s.eq(i+2, "date") {
		try(cand{j: i + 3, typ: typDate, val: "FUTURE_REF"}, true)
	}
	if e.w == wNear || e.w == wDistant {
		if s.eq(i+1, "future") {
			try(cand{j: i + 2, typ: typDate, val: "FUTURE_REF", theOK: true}, true)
		} else if s.w(i+1) == wPast {
			try(cand{j: i + 2, typ: typDate, val: "PAST_REF", theOK: true}, true)
		}
	}
	// "the near term", "the short term", "the long term"; "the time being";
	// "(in) the past" without an amount.
	if (e.w == wNear || e.w == wShort || e.w == wLong) && s.eq(i+1, "term") && s.w(i-1) == wThe {
		try(cand{j: i + 2, typ: typDate, val: "FUTURE_REF", theOK: true}, true)
	}
	if e.w == wTime && s.eq(i+1, "being") && s.w(i-1) == wThe {
		try(cand{j: i + 2, typ: typDate, val: "PRESENT_REF", theOK: true}, true)
	}
	if e.w == wPast && s.w(i-1) == wThe && s.endsRef(i+1) {
		try(cand{j: i + 1, typ: typDate, val: "PAST_REF", theOK: true}, true)
	}
	// "its current position", "current market conditions": TimeBank
	// annotates the adjective as the present ("the then current price" as
	// the past); "the current year/quarter" is read by relative().
	if e.w == wCurrent && !s.t[i].cap && s.adjCurrent(i+1) {
		v := "PRESENT_REF"
		if s.eq(i-1, "then") {
			v = "PAST_REF"
		}
		try(cand{j: i + 1, typ: typDate, val: v}, true)
	}
	// "mid-afternoon (yesterday)", "mid morning Friday"
	if e.w == wMid {
		k := i + 1
		if s.hyphen(k) {
			k++
		}
		if pe := s.lx(k); pe != nil && pe.pod > 0 && pe.pod < 5 && !pe.pl && s.hasDCT {
			c := cand{j: k + 1, typ: typTime, anchored: true, mod: "MID"}
			p := point{g: gTime, pod: pe.pod}
			if d, ok := s.attachedDay(k + 1); ok && d.typ == typDate && d.p.g == gDay {
				p.t, c.j = d.p.t, d.j
			} else {
				p.t, c.usesRef = s.dayToldAbout()
			}
			c.p = p
			try(c, true)
		}
	}
	// "in the morning", "during the afternoon": that part of the day told about.
	if e.pod > 0 && e.pod < 5 && !e.pl && s.w(i-1) == wThe && (s.w(i-2) == wIn || s.w(i-2) == wDuring) && s.hasDCT && !s.eq(i+1, "of") {
		c := cand{j: i + 1, typ: typTime, anchored: true, theOK: true}
		c.p = point{g: gTime, pod: e.pod}
		c.p.t, c.usesRef = s.dayToldAbout()
		try(c, true)
	}
	// "in morning trading", "afternoon trading": that part of the trading day.
	if e.pod > 0 && e.pod < 5 && !e.pl && !s.t[i].cap && s.eq(i+1, "trading") && s.hasDCT {
		c := cand{j: i + 1, typ: typTime, anchored: true}
		c.p = point{g: gTime, pod: e.pod}
		c.p.t, c.usesRef = s.dayToldAbout()
		try(c, true)
	}
	// "late in the day", "early in the day": the trading day told about.
	if (e.w == wLate || e.w == wEarly) && s.w(i+1) == wIn && s.w(i+2) == wThe && s.hasDCT {
		if u := s.lx(i + 3); u != nil && u.u == uDay && !u.pl {
			c := cand{j: i + 4, typ: typDate, anchored: true, concrete: true, mod: "END"}
			if e.w == wEarly {
				c.mod = "START"
			}
			c.p = point{g: gDay}
			c.p.t, c.usesRef = s.dayToldAbout()
			try(c, true)
		}
	}
	// "ended the day", "for the day" in market reports, "the start of the
	// day": the trading day told about.
	if e.u == uDay && !e.pl && s.w(i-1) == wThe && s.hasDCT && (s.endsDay(i-2) || s.w(i-2) == wOf && (s.w(i-3) == wStart || s.w(i-3) == wBeginning)) {
		c := cand{j: i + 1, typ: typDate, anchored: true, theOK: true, concrete: true}
		c.p = point{g: gDay}
		c.p.t, c.usesRef = s.dayToldAbout()
		try(c, true)
	}
	// "the nineties", "the eighties": the decade closest before the DCT.
	if dec, ok := spokenDecades[lowerKey(s.str(i))]; ok && s.w(i-1) == wThe {
		y := 1900 + dec
		if s.hasDCT {
			y = s.dct.Year()/100*100 + dec
			if y > s.dct.Year() {
				y -= 100
			}
		}
		try(cand{j: i + 1, typ: typDate, p: point{t: day(y, 1, 1), g: gDecade}, theOK: true, concrete: true}, true)
	}
	if s.eq(i, "nowadays") || (s.w(i) == wThese && s.eq(i+1, "days")) {
		try(cand{j: i + 2 - boolInt(s.eq(i, "nowadays")), typ: typDate, val: "PRESENT_REF"}, true)
	}
	if s.eq(i, "year") && (s.hyphen(i+1) || (i+1 < s.n() && s.t[i+1].gap)) && s.w(i+2) == wEnd || s.eq(i, "yearend") {
		j := i + 3
		if s.eq(i, "yearend") {
			j = i + 1
		}
		if s.w(i+1) == wEnd {
			j = i + 2
		}
		p := s.dctPoint(gYear, 0)
		try(cand{j: j, typ: typDate, p: p, mod: "END", anchored: true, theOK: true}, true)
	}
	if s.eq(i, "year") && s.w(i+1) == wEnd {
		try(cand{j: i + 2, typ: typDate, p: s.dctPoint(gYear, 0), mod: "END", anchored: true, theOK: true}, true)
	}
	// "by year's end"
	if s.eq(i, "year") && s.apos(i+1) && s.eq(i+2, "s") && s.adj(i+2) && s.w(i+3) == wEnd && s.w(i-1) != wThe && s.w(i-1) != wLast && s.w(i-1) != wNext && s.w(i-1) != wThis {
		try(cand{j: i + 4, typ: typDate, p: s.dctPoint(gYear, 0), mod: "END", anchored: true}, true)
	}
	return best, found
}

// adjCurrent reports whether token k is a noun that "current" can date:
// a word that is not a calendar unit and not one of the financial or
// physical senses of "current" (current account, current assets, electric
// current).
func (s *scanner) adjCurrent(k int) bool {
	if k >= s.n() || s.t[k].kind != kWord || s.adj(k) {
		return false
	}
	if e := s.t[k].lx; e != nil && (e.u != uNone || e.w != wNone || e.month > 0 || e.wday > 0 || e.season > 0) {
		return false
	}
	switch lowerKey(s.str(k)) {
	case "account", "accounts", "assets", "liabilities", "ratio", "affairs", "flows", "flow", "density", "source", "sources",
		"is", "was", "are", "were", "and", "or", "of":
		return false
	}
	return true
}

// spokenDecades maps decade words to their offset in the century.
var spokenDecades = map[string]int{"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
	"seventies": 70, "eighties": 80, "nineties": 90}

// dayToldAbout is the day a part of the day or a trading day belongs to:
// the last day the text told about when it lies in the week before the
// DCT, else the DCT. The flag reports whether the reference time was used.
func (s *scanner) dayToldAbout() (time.Time, bool) {
	if s.hasRefDay && !s.refDay.After(s.dct) && s.dct.Sub(s.refDay) <= 7*24*time.Hour {
		return s.refDay, true
	}
	return s.dct, false
}

// endsDay reports whether token k is a verb or preposition that makes
// "the day" a trading day: "ended the day", "to finish the day", "for the day".
func (s *scanner) endsDay(k int) bool {
	switch lowerKey(s.str(max(k, 0))) {
	case "end", "ends", "ended", "ending", "finish", "finishes", "finished", "finishing", "close", "closes", "closed",
		"closing", "start", "started", "starting", "begin", "began", "for":
		return k >= 0 && s.t[k].kind == kWord
	}
	return false
}

// endsRef reports whether token k can follow a vague reference like "the
// past": the end of the text, punctuation or a function word, not a noun
// it would modify ("the past president").
func (s *scanner) endsRef(k int) bool {
	if k >= s.n() {
		return true
	}
	if s.t[k].kind == kPunct {
		return !s.hyphen(k)
	}
	if s.t[k].kind != kWord {
		return false
	}
	switch s.w(k) {
	case wAnd, wOr, wTo, wOf, wIn, wOn, wAt, wFor, wBy, wThe, wA, wAn, wAs, wThat, wSince, wUntil, wWhenLike:
		return true
	}
	switch lowerKey(s.str(k)) {
	case "but", "when", "where", "with", "is", "was", "were", "are", "has", "have", "had", "he", "she", "it",
		"they", "we", "i", "you", "there", "this", "these", "those", "its", "their", "his", "her":
		return true
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// dctPoint returns the DCT at granularity g (with part of day pod for gTime).
func (s *scanner) dctPoint(g gran, pod int8) point {
	p := point{t: s.dct, g: g, pod: pod, noYear: !s.hasDCT}
	if g == gSeason {
		p.season = seasonOf(s.dct)
	}
	return p
}

func seasonOf(t time.Time) int8 {
	switch t.Month() {
	case 3, 4, 5:
		return 1
	case 6, 7, 8:
		return 2
	case 9, 10, 11:
		return 3
	}
	return 4
}

// anchor returns the time relative expressions resolve against: the
// reference time when useRef and one is known, else the DCT.
func (s *scanner) anchor(useRef bool) (point, bool) {
	if useRef && s.hasRef {
		return s.ref, true
	}
	return point{t: s.dct, g: gDay, noYear: !s.hasDCT}, false
}

// nameWords are calendar words that often begin or end names when
// capitalised inside a sentence: "Yale Daily News", "The Weekly Standard",
// "USA TODAY", "Trending Today USA".
var nameWords = map[string]bool{
	"daily": true, "weekly": true, "monthly": true, "quarterly": true, "annual": true, "yearly": true,
	"hourly": true, "nightly": true, "biweekly": true, "today": true, "tonight": true,
}

// inName reports whether the candidate at tokens [i, j) is part of a
// name written in capitals within ordinary (not title-cased) text: a
// weekday with a capitalised part of the day before another capitalised
// word ("Saturday Night Live", "Monday Night Football"), or a capitalised
// word of nameWords next to another capitalised word ("Yale Daily News",
// "Daily Mail", "USA TODAY"). "Today" and "Tonight" need the capitalised
// word before them, so that a sentence may begin "Today Trump said".
func (s *scanner) inName(i, j int) bool {
	capWord := func(k int) bool {
		return k >= 0 && k < s.n() && s.t[k].kind == kWord && s.t[k].cap && !(s.lx(k) != nil && (s.lx(k).month > 0 || s.lx(k).wday > 0))
	}
	next := j < s.n() && !s.t[j].br && capWord(j)
	prev := i > 0 && !s.t[i].br && capWord(i-1) && !s.startsSentence(i)
	switch {
	case j-i == 2 && s.lx(i) != nil && s.lx(i).wday > 0 && s.lx(i+1) != nil && s.lx(i+1).pod > 0 && s.t[i+1].cap:
		if !next {
			return false
		}
	case j-i == 1 && s.t[i].cap && nameWords[lowerKey(s.str(i))]:
		w := lowerKey(s.str(i))
		if !prev && (w == "today" || w == "tonight" || !next) {
			return false
		}
	default:
		return false
	}
	return !s.titleCaseLine(i)
}

// titleCaseLine reports whether the line around token i is written in
// headline style: no lower-case word of four letters or more among (at
// least three) such words, looking at most 40 tokens each way.
func (s *scanner) titleCaseLine(i int) bool {
	long, lower := 0, 0
	count := func(k int) {
		t := s.t[k]
		if t.kind == kWord && t.e-t.s >= 4 {
			long++
			if !t.cap {
				lower++
			}
		}
	}
	for k := i; k >= 0 && i-k <= 40; k-- {
		count(k)
		if s.t[k].br {
			break
		}
	}
	for k := i + 1; k < s.n() && k-i <= 40 && !s.t[k].br; k++ {
		count(k)
	}
	return long >= 3 && lower == 0
}

// embedded reports whether text[start:end] is glued to letters or digits
// on either side ("P2qpm3h3Pm" holds no "3Pm") or lies inside a URL, an
// e-mail address, a handle or a hashtag, where digits are not dates.
func embedded(text string, start, end int) bool {
	if start > 0 && start < len(text) {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		r0, _ := utf8.DecodeRuneInString(text[start:])
		if alnum(r) && alnum(r0) {
			return true
		}
	}
	if end > start && end < len(text) {
		r, _ := utf8.DecodeLastRuneInString(text[:end])
		r1, _ := utf8.DecodeRuneInString(text[end:])
		if alnum(r) && alnum(r1) {
			return true
		}
	}
	// The white-space-delimited chunk around the expression, within bounds
	// so that a long run of text without spaces stays linear.
	const reach = 256
	a := start
	for a > 0 && start-a < reach && !isSpaceByte(text[a-1]) {
		a--
	}
	b := end
	for b < len(text) && b-end < reach && !isSpaceByte(text[b]) {
		b++
	}
	chunk := text[a:b]
	if chunk != "" && (chunk[0] == '#' || chunk[0] == '@') {
		return true
	}
	return strings.Contains(chunk, "://") || strings.Contains(chunk, "www.") ||
		strings.Contains(chunk, ".com/") || strings.Contains(chunk, "pic.twitter") ||
		(strings.IndexByte(chunk, '@') > 0 && strings.IndexByte(chunk[strings.IndexByte(chunk, '@'):], '.') > 0)
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
