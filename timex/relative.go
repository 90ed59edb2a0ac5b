package timex

import (
	"strconv"
	"time"
)

// ---- times of day ----

// ampm reads "a.m.", "p.m", "am", "PM" at i; returns pm and the end.
func (s *scanner) ampm(i int) (bool, int, bool) {
	if i >= s.n() || s.t[i].kind != kWord {
		return false, 0, false
	}
	if s.w(i) == wAM || s.w(i) == wPM {
		return s.w(i) == wPM, i + 1, true
	}
	if (s.eq(i, "a") || s.eq(i, "p")) && s.punct(i+1, '.') && s.adj(i+1) && s.eq(i+2, "m") && s.adj(i+2) {
		j := i + 3
		if s.punct(j, '.') && s.adj(j) {
			j++
		}
		return s.eq(i, "p"), j, true
	}
	return false, 0, false
}

// clockTime: "10:35 a.m.", "3 p.m. EST", "noon", "4 a.m. EDT Thursday", "midnight Friday".
func (s *scanner) clockTime(i int) (cand, bool) {
	hh, mm := -1, 0
	j := i
	switch s.w(i) {
	case wNoon:
		hh, j = 12, i+1
	case wMidnight:
		hh, j = 24, i+1
	default:
		v, nd, ok := s.num(i)
		if !ok || (nd > 2 && !(nd == 4 && s.w(i+1) == wTZ)) || (v > 24 && nd <= 2) {
			return cand{}, false
		}
		j = i + 1
		hasMin := false
		if nd == 4 && v%100 < 60 && v/100 <= 23 && s.w(j) == wTZ && s.t[j].cap {
			// "0800 UTC", "1430 GMT"
			v, mm, hasMin = v/100, v%100, true
		}
		if s.punct(j, ':') && s.adj(j) {
			m, nm, ok := s.num(j + 1)
			if !ok || nm != 2 || m > 59 || !s.adj(j+1) {
				return cand{}, false
			}
			mm, j, hasMin = m, j+2, true
		}
		if pm, k, ok := s.ampm(j); ok {
			if v > 12 || v == 0 {
				return cand{}, false
			}
			if pm && v < 12 {
				v += 12
			}
			if !pm && v == 12 {
				v = 0
			}
			j = k
		} else if s.w(j) == wOclock && s.apos(j+1) && s.eq(j+2, "clock") {
			j += 3
		} else if s.w(j) == wIn && s.w(j+1) == wThe && s.lx(j+2) != nil && s.lx(j+2).pod > 0 && !hasMin {
			if s.lx(j+2).pod >= 2 && v < 12 {
				v += 12
			}
			j += 3
		} else if !hasMin {
			return cand{}, false
		}
		hh = v
	}
	utc := false
	if s.w(j) == wTZ && s.t[j].cap {
		utc = s.eq(j, "utc") || s.eq(j, "gmt")
		j++
	}
	c := cand{j: j, typ: typTime, concrete: true}
	p := point{g: gTime, hh: int8(hh % 25), mm: int8(mm), utc: utc}
	// An attached day: "4 a.m. EDT Thursday", "5 p.m. EST, Nov. 9", "noon yesterday".
	k := s.skipComma(j)
	if d, ok := s.attachedDay(k); ok {
		p.t = d.p.t
		c.j = d.j
		c.anchored = d.anchored
		p.noYear = d.p.noYear
		if d.val != "" || d.p.raw != "" {
			p.dayRaw = d.value()
		}
	} else if s.hasRef && (s.ref.g == gDay || s.ref.g == gTime) && !s.ref.noYear && !s.aloneOnLine(i, j) {
		// A bare clock time happens on the day being told about; one that
		// is a line of its own is the heading of a live report ("9:18 p.m."
		// above an entry), on the day of the report.
		p.t = s.ref.t
		c.anchored, c.usesRef = true, true
	} else {
		p.t = s.dct
		p.noYear = !s.hasDCT
		c.anchored = true
	}
	if hh == 24 {
		p.hh = 24
	}
	c.p = p
	return c, true
}

// aloneOnLine reports whether tokens [i, j) make up a whole line, but for
// a colon or period after them.
func (s *scanner) aloneOnLine(i, j int) bool {
	if i > 0 && !s.t[i].br {
		return false
	}
	for j < s.n() && !s.t[j].br && (s.punct(j, ':') || s.punct(j, '.')) {
		j++
	}
	return j >= s.n() || s.t[j].br
}

// attachedDay reads a day expression right after a clock time.
func (s *scanner) attachedDay(k int) (cand, bool) {
	if k >= s.n() {
		return cand{}, false
	}
	if e := s.lx(k); e != nil {
		if e.wday > 0 && !e.pl {
			if c, ok := s.weekdayExpr(k); ok && c.typ == typDate {
				return c, true
			}
		}
		if e.month > 0 {
			if c, ok := s.monthFirst(k); ok && c.p.g == gDay {
				return c, true
			}
		}
		switch e.w {
		case wToday, wYesterday, wTomorrow:
			if c, ok := s.deictic(k); ok && c.typ == typDate {
				return c, true
			}
		}
	}
	if c, ok := s.numericDate(k); ok {
		return c, true
	}
	return cand{}, false
}

// deictic: today, yesterday, tomorrow, tonight, now, "yesterday morning".
func (s *scanner) deictic(i int) (cand, bool) {
	w := s.w(i)
	if w == wNow {
		return cand{j: i + 1, typ: typDate, val: "PRESENT_REF"}, true
	}
	off := 0
	switch w {
	case wYesterday:
		off = -1
	case wTomorrow:
		off = 1
	}
	if !s.hasDCT {
		v := map[word]string{wToday: "PRESENT_REF", wYesterday: "PAST_REF", wTomorrow: "FUTURE_REF", wTonight: "PRESENT_REF"}[w]
		return cand{j: i + 1, typ: typDate, val: v}, true
	}
	t := s.dct.AddDate(0, 0, off)
	if w == wTonight {
		return cand{j: i + 1, typ: typTime, p: point{t: t, g: gTime, pod: 4}, anchored: true, concrete: true}, true
	}
	if e := s.lx(i + 1); e != nil && e.pod > 0 && !e.pl {
		return cand{j: i + 2, typ: typTime, p: point{t: t, g: gTime, pod: e.pod}, anchored: true, concrete: true}, true
	}
	return cand{j: i + 1, typ: typDate, p: point{t: t, g: gDay}, anchored: true, concrete: true}, true
}

// ---- counts and durations ----

// count reads an amount: "two", "48", "2 1/2", "twenty-five", "a", "a few",
// "several", "a couple of", "half a", "one and a half". n < 0 = vague.
func (s *scanner) count(i int) (n float64, j int, isA bool, ok bool) {
	e := s.lx(i)
	switch {
	case i < s.n() && s.t[i].kind == kNum:
		v, nd, _ := s.num(i)
		if nd > 6 {
			return 0, 0, false, false
		}
		n, j = float64(v), i+1
		if (s.punct(j, '.') || s.punct(j, ',')) && s.adj(j) {
			if f, nf, ok := s.num(j + 1); ok && s.adj(j+1) {
				if s.punct(j, '.') {
					n += float64(f) / pow10(nf)
				} else if nf == 3 {
					n = n*1000 + float64(f)
				}
				j += 2
			}
		}
		// "2 1/2"
		if a, _, ok := s.num(j); ok && s.t[j].gap && s.punct(j+1, '/') && s.adj(j+1) {
			if b, _, ok := s.num(j + 2); ok && s.adj(j+2) && b > a && b > 0 {
				n += float64(a) / float64(b)
				j += 3
			}
		}
	case e == nil:
		return 0, 0, false, false
	case e.num > 0:
		v, k, _ := s.smallNumber(i)
		n, j = float64(v), k
		if s.w(j) == wHundred {
			n, j = n*100, j+1
		} else if s.w(j) == wThousand {
			n, j = n*1000, j+1
		}
	case e.w == wA || e.w == wAn:
		switch s.w(i + 1) {
		case wFew:
			return -1, i + 2, false, true
		case wCouple:
			if s.w(i+2) == wOf {
				return 2, i + 3, false, true
			}
			return 2, i + 2, false, true
		case wDozen:
			return 12, i + 2, false, true
		case wHundred:
			return 100, i + 2, false, true
		case wHalfWord:
			return 0.5, i + 2, false, true
		}
		n, j, isA = 1, i+1, true
	case e.w == wFew || e.w == wSeveral || e.w == wMany:
		return -1, i + 1, false, true
	case e.w == wCouple && s.w(i+1) == wOf:
		return 2, i + 2, false, true
	case e.w == wHalfWord && (s.w(i+1) == wA || s.w(i+1) == wAn):
		return 0.5, i + 2, false, true
	case e.w == wDozen:
		return 12, i + 1, false, true
	default:
		return 0, 0, false, false
	}
	// "one and a half"
	if s.w(j) == wAnd && (s.w(j+1) == wA) && s.w(j+2) == wHalfWord && n > 0 {
		n += 0.5
		j += 3
	}
	return n, j, isA, true
}

func pow10(n int) float64 {
	f := 1.0
	for ; n > 0; n-- {
		f *= 10
	}
	return f
}

// durUnit reads a unit usable in durations at i.
func (s *scanner) durUnit(i int) (unit, bool, bool) { // unit, plural, ok
	e := s.lx(i)
	if e == nil || e.u == uNone || e.u == uHalf {
		return uNone, false, false
	}
	return e.u, e.pl, true
}

// durationOrAgo: "two weeks", "48 hours", "a decade", "16-hour", "three
// years ago", "a day earlier", "two weeks from now", "$1 a share a year".
func (s *scanner) durationOrAgo(i int) (cand, bool) {
	n, j, isA, ok := s.count(i)
	if !ok {
		return s.barePlural(i)
	}
	hyph := false
	if s.hyphen(j) {
		hyph = true
		j++
	}
	if !hyph && (s.eq(j, "more") || s.eq(j, "additional") || s.eq(j, "extra")) {
		// "two more weeks", "at least 20 more years", "an additional year"
		if u, pl, ok := s.durUnit(j + 1); ok && u != uSeason && (pl || isA || n == 1) && s.w(j+2) != wAgo && !s.hyphen(j+2) {
			return cand{j: j + 2, typ: typDuration, val: durCode(u, n), durU: u, durN: n}, true
		}
	}
	u, pl, ok := s.durUnit(j)
	if !ok && !hyph && !isA && n > 1 && isWhole(n) && (s.eq(j, "consecutive") || s.eq(j, "straight") || s.eq(j, "successive")) {
		// "six straight days", "two consecutive quarters"
		if u, pl, ok := s.durUnit(j + 1); ok && pl && u != uSeason {
			return cand{j: j + 2, typ: typDuration, val: durCode(u, n), durU: u, durN: n}, true
		}
	}
	if !ok && !hyph && !isA && n > 0 && s.t[i].kind == s.t[j-1].kind && (s.w(j) == wTo || s.w(j) == wAnd || s.w(j) == wOr) {
		// A range of amounts sharing the unit: "between 60 and 90 days",
		// "two to six days" are two durations (TimeML, as both corpora
		// annotate it), the first with the unit of the second.
		if m, k, mA, ok := s.count(j + 1); ok && !mA && m > n && s.t[j+1].kind == s.t[i].kind {
			if u, pl, ok := s.durUnit(k); ok && pl && u != uSeason && !s.hyphen(k) && s.w(k+1) != wOld {
				return cand{j: j, typ: typDuration, val: durCode(u, n), durU: u, durN: n}, true
			}
		}
	}
	if !ok {
		return cand{}, false
	}
	if isA && pl || s.quarterCentury(j) {
		return cand{}, false
	}
	if isA && u == uQuarter && (s.w(j+1) == wOf || s.punct(j+1, ',') && s.w(j+2) == wOf) {
		return cand{}, false // "a quarter of Americans", "789, or about a quarter, of its dealers": a fraction
	}
	if isA && u == uSecond && !hyph && (s.contentWord(j+1) || j+1 < s.n() && s.t[j+1].kind == kWord && s.t[j+1].cap && !s.t[j+1].br) {
		return cand{}, false // "a second group", "a second time": the ordinal
	}
	if u == uSeason && !pl {
		return cand{}, false
	}
	if !pl && !hyph && !isA && n > 1 && isWhole(n) {
		if n > 100 || s.relWord(j+1) {
			return cand{}, false // "the 1988 quarter" is not 1988 quarters
		}
		// A compound adjective written without its hyphen: "a five year low".
		return cand{j: j + 1, typ: typDuration, val: durCode(u, n), durU: u, durN: n}, true
	}
	j++
	if s.w(j) == wAnd && s.w(j+1) == wA && s.w(j+2) == wHalfWord && n > 0 {
		n += 0.5
		j += 3
	}
	// "a week or so ago"
	approx := ""
	if s.w(j) == wOr && s.w(j+1) == wSo && !hyph {
		approx = "APPROX"
		j += 2
	}
	if s.hyphen(j) && s.relWord(j+1) && !hyph {
		return cand{}, false // "a year-earlier loss": the adjective is "year-earlier"
	}
	// Ages ("a 6-year-old", "52 years old") are not temporal expressions.
	if (s.hyphen(j) && s.w(j+1) == wOld) || s.w(j) == wOld {
		return cand{}, false
	}
	if hyph {
		if s.relWord(j) {
			return cand{}, false // "a year-earlier loss": the adjective is "year-earlier"
		}
		if pl && u == uQuarter {
			return cand{}, false // three-quarters
		}
		// Compound adjective: "a 16-hour shift", "decades-long".
		if s.hyphen(j) && s.w(j+1) == wLong {
			j += 2
		}
		return cand{j: j, typ: typDuration, val: durCode(u, n), durU: u, durN: n}, true
	}
	if s.hyphen(j) && s.w(j+1) == wLong {
		return cand{j: j + 2, typ: typDuration, val: durCode(u, n), durU: u, durN: n}, true
	}
	// Financial comparisons with the reported quarter: "$3.8 million a
	// year ago" is the same quarter of the year before.
	if u == uYear && n == 1 && s.hasRefQ && (s.w(j) == wAgo || s.w(j) == wEarlier) && s.financial(i) {
		return cand{j: j + 1, typ: typDate, p: point{t: shift(s.refQ.t, uYear, -1), g: gQuarter}, anchored: true, concrete: true}, true
	}
	// SET: "$1 a share a year", "twice a week" is handled by setExpr.
	if isA && i > 0 && !s.relWord(j) {
		p := s.t[i-1]
		if p.kind == kNum || s.lx(i-1) != nil && s.lx(i-1).num > 0 && s.lx(i-1).u == uNone || s.punct(i-1, '%') || s.eq(i-1, "share") || s.eq(i-1, "percent") || s.eq(i-1, "cents") ||
			s.eq(i-1, "dollars") || s.eq(i-1, "barrels") || s.eq(i-1, "tons") || s.eq(i-1, "units") || s.eq(i-1, "people") ||
			s.eq(i-1, "copies") || s.eq(i-1, "visitors") || s.eq(i-1, "billion") || s.eq(i-1, "million") {
			return cand{j: j, typ: typSet, val: durCode(u, 1)}, true
		}
	}
	// Relative dates; vague amounts ("several years ago") are references.
	if n < 0 {
		switch s.w(j) {
		case wAgo, wEarlier:
			return cand{j: j + 1, typ: typDate, val: "PAST_REF"}, true
		case wLater:
			// As with "three days later": the duration, "later" its signal.
			return cand{j: j, typ: typDuration, val: durCode(u, -1), theOK: true, durU: u, durN: -1}, true
		}
	}
	switch s.w(j) {
	case wAgo:
		c := s.shifted(i, j+1, u, -n, false)
		c.mod = approx
		return c, true
	case wEarlier, wBefore, wPrior:
		if s.w(j) == wEarlier || s.endsPhrase(j+1) {
			return s.shifted(i, j+1, u, -n, true), true
		}
	case wLater:
		// TimeML: in "three days later" the expression is the duration
		// and "later" its signal; the date is the anchor plus it.
		return cand{j: j, typ: typDuration, val: durCode(u, n), theOK: true, durU: u, durN: n, mod: approx}, true
	case wAfter:
		if s.endsPhrase(j + 1) {
			return s.shifted(i, j+1, u, n, true), true
		}
	case wFrom:
		if s.w(j+1) == wNow || s.w(j+1) == wToday {
			return s.shifted(i, j+2, u, n, false), true
		}
	case wHence:
		return s.shifted(i, j+1, u, n, false), true
	}
	return cand{j: j, typ: typDuration, val: durCode(u, n), theOK: true, durU: u, durN: n, mod: approx}, true
}

// contentWord reports whether token k is a number or a word other than a
// function word the patterns know ("a second group", "a second day").
func (s *scanner) contentWord(k int) bool {
	if k >= s.n() {
		return false
	}
	switch s.t[k].kind {
	case kNum:
		return true
	case kWord:
		e := s.t[k].lx
		if e == nil {
			return !s.eq(k, "but") && !s.eq(k, "when")
		}
		return e.w == wTime || e.w == wDay || e.w == wHalfWord || e.u != uNone || e.month > 0 || e.wday > 0 || e.pod > 0 || e.w == wOf && false
	}
	return false
}

// relWord reports whether token i makes a preceding amount of time a
// relative date ("ago", "earlier", "later", "before", "after", "hence").
func (s *scanner) relWord(i int) bool {
	switch s.w(i) {
	case wAgo, wEarlier, wLater, wBefore, wAfter, wHence:
		return true
	}
	return false
}

// financial reports whether the expression at i follows an amount ("$3.8
// million a year ago", "19% from a year ago", "than a year earlier"): the
// comparisons of financial reports.
func (s *scanner) financial(i int) bool {
	if s.eq(i-1, "from") || s.eq(i-1, "than") || s.eq(i-1, "with") || s.eq(i-1, "compared") {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		tk := &s.t[k]
		if tk.kind == kPunct && (s.punct(k, ';') || s.punct(k, '!') || s.punct(k, '?') ||
			(s.punct(k, '.') && (k+1 >= s.n() || s.t[k+1].gap))) {
			return false
		}
		if tk.kind == kNum || s.punct(k, '%') || s.punct(k, '$') || s.eq(k, "million") || s.eq(k, "billion") ||
			s.eq(k, "cents") || s.eq(k, "share") || s.eq(k, "percent") {
			return true
		}
	}
	return false
}

// endsPhrase reports whether token i ends a phrase (punctuation, end, or a verb-ish function word).
func (s *scanner) endsPhrase(i int) bool {
	if i >= s.n() {
		return true
	}
	if s.t[i].kind == kPunct {
		return !s.apos(i)
	}
	switch s.w(i) {
	case wAnd, wOr, wWhenLike:
		return true
	}
	return false
}

// wWhenLike is never produced by the lexicon; it keeps endsPhrase's switch simple.
const wWhenLike word = 255

// shifted builds a DATE n units away from the DCT (or the reference time when anaphoric).
func (s *scanner) shifted(i, j int, u unit, n float64, anaphoric bool) cand {
	c := cand{j: j, typ: typDate, anchored: true, concrete: true}
	if n != n || n < -1e6 || n > 1e6 {
		c.val = "XXXX"
		return c
	}
	if (n < 0 && n > -0.99 && n != -1) || (n < 0 && !isWhole(n)) || (n > 0 && !isWhole(n)) {
		// Fractions: shift by the next smaller unit.
		if u == uYear {
			u, n = uMonth, n*12
		} else if u == uDay {
			u, n = uHour, n*24
		}
		n = float64(int(n))
	}
	vague := n == 1 && false
	_ = vague
	if !s.hasDCT && !(anaphoric && s.hasRef) {
		if n < 0 {
			c.val = "PAST_REF"
		} else {
			c.val = "FUTURE_REF"
		}
		return c
	}
	base, fromRef := s.anchor(anaphoric)
	c.usesRef = fromRef
	// Vague counts: "a few years ago".
	if n == -1 && s.w(i) != wA && s.w(i) != wAn && !s.isOne(i) {
		c.val = "PAST_REF"
		return c
	}
	if n == 1 && s.isVagueStart(i) {
		c.val = "FUTURE_REF"
		return c
	}
	g := unitGran(u)
	if g < gYear {
		g = gYear // "a decade ago" is a year
	}
	if fromRef {
		g = base.g
		if g < unitGran(u) && u != uDay {
			g = base.g
		}
	}
	t := shift(base.t, u, int(n))
	if u == uHour || u == uMinute || u == uSecond {
		c.typ = typTime
		c.p = point{t: t, g: gTime, hh: int8(t.Hour()), mm: int8(t.Minute())}
		return c
	}
	c.p = point{t: t, g: g, season: base.season}
	if g == gSeason {
		c.p.season = seasonOf(t)
	}
	return c
}

func isWhole(f float64) bool { return f == float64(int64(f)) }

func (s *scanner) isOne(i int) bool { v, _, ok := s.num(i); return ok && v == 1 }

func (s *scanner) isVagueStart(i int) bool {
	return s.w(i) == wFew || s.w(i) == wSeveral || s.w(i) == wMany
}

// barePlural: "for years", "within days", "decades ago", "weeks later".
func (s *scanner) barePlural(i int) (cand, bool) {
	u, pl, ok := s.durUnit(i)
	if !ok || !pl || u == uSeason || u == uNight || u == uWeekend {
		return cand{}, false
	}
	switch s.w(i + 1) {
	case wAgo:
		return cand{j: i + 2, typ: typDate, val: "PAST_REF"}, true
	case wLater:
		return cand{j: i + 1, typ: typDuration, val: durCode(u, -1), durU: u, durN: -1}, true
	}
	p := i - 1
	if s.eq(p, "just") || s.eq(p, "only") || s.eq(p, "mere") {
		p-- // "in just minutes"
	}
	switch s.w(p) {
	case wFor, wWithin, wOver, wAfter, wIn, wTo, wUntil:
		if s.w(i+1) == wOf || s.hyphen(i+1) {
			return cand{}, false
		}
		return cand{j: i + 1, typ: typDuration, val: durCode(u, -1), durU: u, durN: -1}, true
	}
	if s.hyphen(i+1) && s.w(i+2) == wLong {
		return cand{j: i + 3, typ: typDuration, val: durCode(u, -1)}, true
	}
	// "over the years" (TBAQ and MEANTIME annotate it as a vague duration)
	if s.w(i-1) == wThe && s.w(i-2) == wOver && u >= uMonth && s.w(i+1) != wOf && !s.hyphen(i+1) {
		return cand{j: i + 1, typ: typDuration, val: durCode(u, -1), durU: u, durN: -1, theOK: true}, true
	}
	return cand{}, false
}

// unitFirst: "year-end", "year-ago quarter", "year-earlier".
func (s *scanner) unitFirst(i int) (cand, bool) {
	e := s.lx(i)
	if e == nil {
		return cand{}, false
	}
	if c, ok := s.theUnit(i, e); ok {
		return c, true
	}
	if e.u == uYear && !e.pl && s.hyphen(i+1) {
		switch s.w(i + 2) {
		case wEnd:
			if !s.hasDCT {
				return cand{}, false
			}
			return cand{j: i + 3, typ: typDate, p: s.dctPoint(gYear, 0), mod: "END", anchored: true, theOK: true}, true
		case wAgo, wEarlier:
			if !s.hasDCT {
				return cand{}, false
			}
			j := i + 3
			base, _ := s.anchor(true)
			q := s.refQ
			if !s.hasRefQ {
				q = s.lastQuarter()
			}
			// "the year-ago third quarter"
			if n, k, ok := s.ordinalAt(j); ok {
				if s.hyphen(k) {
					k++
				}
				if s.w(k) == wFiscal {
					k++
				}
				if ne := s.lx(k); ne != nil && ne.u == uQuarter && !ne.pl && n >= 1 && n <= 4 {
					return cand{j: k + 1, typ: typDate, p: point{t: day(q.t.Year()-1, 3*n-2, 1), g: gQuarter}, anchored: true, theOK: true, concrete: true}, true
				}
			}
			// "the year-earlier nine months"
			if n, k, _, ok := s.count(j); ok && n > 0 {
				if u, pl, ok := s.durUnit(k); ok && pl {
					return cand{j: k + 1, typ: typDuration, val: durCode(u, n), theOK: true}, true
				}
			}
			if ne := s.lx(j); ne != nil && ne.u == uQuarter && !ne.pl || s.eq(j, "period") && s.hasRefQ {
				return cand{j: j + 1, typ: typDate, p: point{t: shift(q.t, uYear, -1), g: gQuarter}, anchored: true, theOK: true, concrete: true}, true
			}
			if s.hasRefQ {
				// "year-earlier profit": the reported quarter a year before.
				return cand{j: j, typ: typDate, p: point{t: shift(q.t, uYear, -1), g: gQuarter}, anchored: true, concrete: true}, true
			}
			if s.eq(j, "period") || s.eq(j, "level") || s.eq(j, "month") || s.eq(j, "week") {
				g := base.g
				if g < gYear {
					g = gYear
				}
				return cand{j: j + 1, typ: typDate, p: point{t: shift(base.t, uYear, -1), g: g}, anchored: true, theOK: true, concrete: true}, true
			}
			return cand{j: j, typ: typDate, p: point{t: shift(s.dct, uYear, -1), g: gYear}, anchored: true, concrete: true}, true
		}
	}
	if e.u == uYear && !e.pl && s.w(i+1) == wEnd && (s.w(i-1) == wAt || s.w(i-1) == wBy || s.w(i-1) == wBefore || s.w(i-1) == wAround || s.w(i-1) == wAfter || s.w(i-1) == wUntil) {
		if !s.hasDCT {
			return cand{}, false
		}
		return cand{j: i + 2, typ: typDate, p: s.dctPoint(gYear, 0), mod: "END", anchored: true}, true
	}
	// "the year 2000"
	if e.u == uYear && !e.pl {
		if y, k, ok := s.yearAt(i + 1); ok && s.w(i-1) == wThe {
			return cand{j: k, typ: typDate, p: point{t: day(y, 1, 1), g: gYear}, theOK: true, concrete: true}, true
		}
		if c, ok := s.spokenYear(i + 1); ok && s.w(i-1) == wThe {
			c.theOK = true
			return c, true
		}
	}
	// "the quarter": in financial news, the quarter being reported (not
	// "the quarter-to-quarter comparison").
	if (e.u == uQuarter && !e.pl || s.eq(i, "period") && s.hasRefQ) && (s.w(i-1) == wThe || s.w(i-1) == wComparable) && s.hasDCT &&
		!(s.hyphen(i+1) && s.w(i+2) == wTo) && !s.quarterCentury(i) && !(e.u == uQuarter && s.w(i+1) == wOf && !s.startsWithYear(i+2)) {
		q := s.lastQuarter()
		if s.hasRefQ {
			q = s.refQ
		}
		// "the quarter a year ago", "the corresponding period last year"
		j := i + 1
		if s.w(j) == wA && s.eq(j+1, "year") && (s.w(j+2) == wAgo || s.w(j+2) == wEarlier) {
			return cand{j: j + 3, typ: typDate, p: point{t: shift(q.t, uYear, -1), g: gQuarter}, anchored: true, theOK: true, concrete: true}, true
		}
		if s.w(j) == wLast && s.eq(j+1, "year") {
			return cand{j: j + 2, typ: typDate, p: point{t: shift(q.t, uYear, -1), g: gQuarter}, anchored: true, theOK: true, concrete: true}, true
		}
		if e.u != uQuarter {
			return cand{}, false // "the period" alone is not a date
		}
		// "the quarter ended Sept. 30": the three months up to that day,
		// unless a named (possibly fiscal) quarter is being reported.
		if (s.eq(j, "ended") || s.eq(j, "ending")) && !s.hasRefQ {
			if d, ok := s.monthFirst(j + 1); ok && d.p.g == gDay && !d.p.noYear {
				t := d.p.t.AddDate(0, 0, -45)
				qp := point{t: day(t.Year(), (int(t.Month())-1)/3*3+1, 1), g: gQuarter}
				return cand{j: j, typ: typDate, p: qp, anchored: true, theOK: true, concrete: true, setsQ: true}, true
			}
		}
		return cand{j: j, typ: typDate, p: q, anchored: true, theOK: true}, true
	}
	return cand{}, false
}

// theUnit reads units with a definite article that name a calendar
// period: "the weekend" (the one the tense points to), "the week of March
// 6", "the (fiscal) year ended June 30" (a year-long duration), "the full
// year", and "the year" or "the month" after "end of", "rest of" (the
// current one).
func (s *scanner) theUnit(i int, e *lexEntry) (cand, bool) {
	if e.pl || !s.hasDCT {
		return cand{}, false
	}
	k := i - 1
	if s.w(k) == wFiscal || s.w(k) == wFull || s.w(k) == wWhole || s.w(k) == wEntire {
		k--
	}
	if s.w(k) != wThe || s.quarterCentury(i) {
		return cand{}, false
	}
	switch e.u {
	case uWeekend:
		if k != i-1 {
			return cand{}, false
		}
		sat := s.weekdayDate(6, -1, false)
		if s.tenseOf(i, i+1) == tFuture || s.eq(k-1, "of") && s.eq(k-2, "ahead") {
			sat = s.weekdayDate(6, 1, false)
		}
		wy, wk := sat.ISOWeek()
		return cand{j: i + 1, typ: typDate, val: strconv.Itoa(wy) + "-W" + twoDigits(wk) + "-WE", anchored: true, theOK: true}, true
	case uWeek:
		if k == i-1 && s.w(i+1) == wOf {
			c, ok := s.monthFirst(i + 2)
			if !ok || c.p.g != gDay {
				c, ok = s.dayMonth(i + 2)
			}
			if ok && c.p.g == gDay {
				c.p.g = gWeek
				c.theOK, c.setsQ = true, false
				return c, true
			}
		}
	case uYear:
		if _, _, ok := s.yearAt(i + 1); ok {
			return cand{}, false // "the year 2000"
		}
		if _, ok := s.spokenYear(i + 1); ok {
			return cand{}, false
		}
		if s.eq(i+1, "ended") || s.eq(i+1, "ending") || s.eq(i+1, "ends") {
			return cand{j: i + 1, typ: typDuration, val: "P1Y", theOK: true}, true
		}
		forYear := k == i-1 && s.w(k-1) == wFor && !s.relWord(i+1) && !s.hyphen(i+1) && !s.eq(i+1, "ahead") && s.w(i+1) != wOf
		if s.w(k+1) == wFull || s.w(k+1) == wWhole || s.w(k+1) == wEntire || forYear {
			// "for the year" in a report (TBAQ: all five not followed by
			// "ended" are the year reported)
			// the year of the quarter being reported ("$4.8 billion in the
			// fourth quarter of 2005 and $8.6 billion for the entire year")
			p := s.dctPoint(gYear, 0)
			if s.hasRefQ {
				p.t = day(s.refQ.t.Year(), 1, 1)
			}
			return cand{j: i + 1, typ: typDate, p: p, anchored: true, theOK: true}, true
		}
		if s.w(k+1) == wFiscal || s.w(k-1) == wOf {
			return cand{j: i + 1, typ: typDate, p: s.dctPoint(gYear, 0), anchored: true, theOK: true}, true
		}
	case uMonth:
		if k == i-1 && s.w(k-1) == wOf {
			return cand{j: i + 1, typ: typDate, p: s.dctPoint(gMonth, 0), anchored: true, theOK: true}, true
		}
	}
	return cand{}, false
}

// lastQuarter is the most recently completed quarter before the DCT.
func (s *scanner) lastQuarter() point {
	t := day(s.dct.Year(), (int(s.dct.Month())-1)/3*3+1, 1).AddDate(0, -3, 0)
	return point{t: t, g: gQuarter}
}

// ---- sets ----

// setExpr: "every Monday", "each year", "every two weeks", "twice a week", "three times a year".
func (s *scanner) setExpr(i int) (cand, bool) {
	w := s.w(i)
	if w == wEvery || w == wEach {
		quant := "EVERY"
		if w == wEach {
			quant = "EACH"
		}
		j := i + 1
		step := 1.0
		if s.w(j) == wOther {
			step = 2
			j++
		}
		e := s.lx(j)
		if e == nil && (j >= s.n() || s.t[j].kind != kNum) {
			return cand{}, false
		}
		if e != nil {
			switch {
			case e.wday > 0 && s.t[j].cap:
				v := "XXXX-WXX-" + string(rune('0'+e.wday))
				k := j + 1
				if p := s.lx(k); p != nil && p.pod > 0 {
					v += "T" + podCodes[p.pod]
					k++
				}
				return cand{j: k, typ: typSet, val: v, quant: quant}, true
			case e.month > 0 && s.t[j].cap:
				return cand{j: j + 1, typ: typSet, val: "XXXX-" + twoDigits(int(e.month)), quant: quant}, true
			case e.season > 0:
				return cand{j: j + 1, typ: typSet, val: "XXXX-" + seasonCodes[e.season], quant: quant}, true
			case e.pod > 0 && !e.pl:
				return cand{j: j + 1, typ: typSet, val: "XXXX-XX-XXT" + podCodes[e.pod], quant: quant}, true
			case e.u != uNone && !e.pl && e.u != uHalf:
				return cand{j: j + 1, typ: typSet, val: durCode(e.u, step), quant: quant}, true
			}
		}
		if n, k, _, ok := s.count(j); ok && n > 0 {
			if u, pl, ok := s.durUnit(k); ok && pl {
				return cand{j: k + 1, typ: typSet, val: durCode(u, n), quant: quant}, true
			}
		}
		return cand{}, false
	}
	// Frequencies: once/twice/N times + a/an/per/every/each + unit.
	freq := 0
	j := i
	switch w {
	case wOnce:
		freq, j = 1, i+1
	case wTwice:
		freq, j = 2, i+1
	case wThrice:
		freq, j = 3, i+1
	default:
		n, k, _, ok := s.count(i)
		if !ok || n < 1 || !isWhole(n) || !s.eq(k, "times") {
			return cand{}, false
		}
		freq, j = int(n), k+1
	}
	if s.w(j) == wA || s.w(j) == wAn || s.w(j) == wPer || s.w(j) == wEvery || s.w(j) == wEach {
		if u, pl, ok := s.durUnit(j + 1); ok && !pl {
			return cand{j: j + 2, typ: typSet, val: durCode(u, 1), freq: strconv.Itoa(freq) + "X"}, true
		}
	}
	return cand{}, false
}

func twoDigits(v int) string {
	if v < 10 {
		return "0" + strconv.Itoa(v)
	}
	return strconv.Itoa(v)
}

// ---- relative expressions with a determiner ----

// relative: "last week", "this year", "next Friday", "the past two months",
// "the following day", "that year", "this morning", "last fall", "recent years".
func (s *scanner) relative(i int) (cand, bool) {
	w := s.w(i)
	the := s.w(i-1) == wThe
	j := i + 1
	if w == wLast && s.verbLast(i) {
		return cand{}, false // "the deal would last four years": the verb
	}
	// Durations with a number: "the past two months", "the next two weeks", "last five years".
	switch w {
	case wPast, wLast, wNext, wComing, wPrevious, wFollowing, wLatest, wRecent, wUpcoming, wPrior:
		if n, k, _, ok := s.count(j); ok && !(s.w(j) == wA || s.w(j) == wAn) || (ok && s.w(j+1) == wFew) {
			if u, pl, ok := s.durUnit(k); ok && (pl || n == 1) {
				c := cand{j: k + 1, typ: typDuration, val: durCode(u, n), theOK: true, durU: u, durN: n}
				if n > 0 && s.hasDCT {
					switch w {
					case wPast, wLast, wRecent, wLatest:
						c.ivStart, c.ivEnd = dayValue(shift(s.dct, u, -int(n))), dayValue(s.dct)
					case wNext, wComing, wUpcoming:
						c.ivStart, c.ivEnd = dayValue(s.dct), dayValue(shift(s.dct, u, int(n)))
					}
				}
				return c, true
			}
		}
	}
	// "the same month a year ago", "the same period last year": the period
	// told about (or being reported), a year before.
	if w == wSame && the && s.hasDCT {
		if c, ok := s.sameAYearBefore(j); ok {
			return c, true
		}
	}
	// "the latest period": the quarter being reported.
	if w == wLatest && s.w(j) == wPeriod && the && s.hasDCT {
		q := s.refQ
		if !s.hasRefQ {
			q = s.lastQuarter()
		}
		return cand{j: j + 1, typ: typDate, p: q, anchored: true, theOK: true, concrete: true}, true
	}
	// "the current fiscal year", "the latest fiscal quarter"
	if (w == wCurrent || w == wLatest || w == wThis || w == wLast || w == wNext) && s.w(j) == wFiscal {
		if u := s.lx(j + 1); u != nil && !u.pl && (u.u == uYear || u.u == uQuarter) {
			j++
		}
	}
	e := s.lx(j)
	if e == nil {
		return cand{}, false
	}
	if !s.hasDCT {
		return s.relativeNoDCT(i, j, w, e)
	}
	// Units.
	if e.u != uNone && e.u != uNight {
		u := e.u
		if !e.pl && (u == uSecond || u == uMinute) && (s.contentWord(j+1) || w == wLast) {
			return cand{}, false // "that Second Amendment", "at the last minute"
		}
		if s.quarterCentury(j) {
			return cand{}, false
		}
		if e.pl {
			switch w {
			case wRecent, wPast:
				if w == wRecent && u < uYear && u != uQuarter {
					// "in recent weeks": a stretch of time up to now (TimeBank
					// annotates days/weeks/months so; years as PAST_REF).
					return cand{j: j + 1, typ: typDuration, val: durCode(u, -1), theOK: true}, true
				}
				if w == wRecent || !the {
					return cand{j: j + 1, typ: typDate, val: "PAST_REF", theOK: true}, true
				}
				return cand{j: j + 1, typ: typDuration, val: durCode(u, -1), theOK: true}, true
			case wComing, wUpcoming, wNext:
				return cand{j: j + 1, typ: typDuration, val: durCode(u, -1), theOK: true}, true
			}
			return cand{}, false
		}
		if u == uHalf {
			if w == wLast || w == wFirst {
				if y, k, explicit, ok := s.yearSpec(j + 1); ok {
					return cand{j: k, typ: typDate, p: point{t: day(y, 7, 1), g: gHalf}, theOK: true, concrete: true, anchored: !explicit}, true
				}
			}
			return cand{}, false
		}
		if u == uWeekend {
			return s.weekend(i, j+1, w, the)
		}
		if u == uYear && (w == wThis || w == wLast || w == wNext || w == wCurrent) {
			off := map[word]int{wLast: -1, wNext: 1}[w]
			// "this year's third quarter", "last year's quarter"
			if s.apos(j+1) && s.eq(j+2, "s") && s.adj(j+2) {
				if c, ok := s.yearPart(j+3, s.dct.Year()+off); ok {
					c.anchored = true
					return c, true
				}
			}
		}
		g := unitGran(u)
		mk := func(t time.Time, ref bool) (cand, bool) {
			p := point{t: t, g: g}
			if g == gSeason {
				p.season = seasonOf(t)
			}
			if u == uDay {
				p.g = gDay
			}
			return cand{j: j + 1, typ: typDate, p: p, anchored: true, usesRef: ref, theOK: true, concrete: true}, true
		}
		if s.t[i].cap && s.t[j].cap && (s.quoteBefore(i) || !s.startsSentence(i)) {
			return cand{}, false // a title: ABC's "This Week"
		}
		switch w {
		case wThis, wCurrent:
			if u == uSecond || u == uMinute || u == uHour {
				return cand{}, false
			}
			return mk(s.dct, false)
		case wLast, wPast, wPrior:
			if the && w == wLast && s.w(j+1) == wOf && (u == uDay || u == uWeek) {
				return cand{}, false // "the last day of the convention" is no yesterday
			}
			if w == wPast || (the && w == wPrior) {
				c := cand{j: j + 1, typ: typDuration, val: durCode(u, 1), theOK: true, durU: u, durN: 1}
				c.ivStart, c.ivEnd = dayValue(shift(s.dct, u, -1)), dayValue(s.dct)
				return c, true
			}
			return mk(shift(s.dct, u, -1), false)
		case wLatest:
			if u == uQuarter && s.hasRefQ {
				c, ok := mk(s.refQ.t, false)
				return c, ok
			}
			if u == uQuarter {
				c, ok := mk(s.lastQuarter().t, false)
				return c, ok
			}
			if u == uYear && the {
				return mk(shift(s.dct, uYear, -1), false) // the last complete year
			}
			return cand{}, false
		case wPrevious:
			b, ref := s.anchor(true)
			return mk(shift(b.t, u, -1), ref)
		case wNext:
			if the {
				b, ref := s.anchor(true)
				return mk(shift(b.t, u, 1), ref)
			}
			return mk(shift(s.dct, u, 1), false)
		case wComing, wUpcoming:
			return mk(shift(s.dct, u, 1), false)
		case wFollowing:
			b, ref := s.anchor(true)
			return mk(shift(b.t, u, 1), ref)
		case wThat, wSame:
			if w == wSame && !the {
				return cand{}, false
			}
			b, ref := s.anchor(true)
			if !ref && w == wThat {
				return cand{}, false
			}
			return mk(b.t, ref)
		}
		return cand{}, false
	}
	// Parts of day: this morning, last night, that evening.
	if e.pod > 0 && !e.pl {
		switch w {
		case wThis:
			return cand{j: j + 1, typ: typTime, p: point{t: s.dct, g: gTime, pod: e.pod}, anchored: true, concrete: true}, true
		case wLast:
			if e.pod == 4 || e.pod == 3 {
				return cand{j: j + 1, typ: typTime, p: point{t: s.dct.AddDate(0, 0, -1), g: gTime, pod: e.pod}, anchored: true, concrete: true}, true
			}
		case wThat, wSame, wFollowing, wNext, wPrevious:
			if (w == wNext || w == wFollowing || w == wPrevious || w == wSame) && !the {
				return cand{}, false
			}
			b, ref := s.anchor(true)
			if !ref {
				return cand{}, false
			}
			off := map[word]int{wFollowing: 1, wNext: 1, wPrevious: -1}[w]
			return cand{j: j + 1, typ: typTime, p: point{t: b.t.AddDate(0, 0, off), g: gTime, pod: e.pod}, anchored: true, usesRef: true, theOK: true, concrete: true}, true
		}
		return cand{}, false
	}
	// Months: last April, next May, this September.
	if e.month > 0 && s.t[j].cap {
		m := int(e.month)
		k := j + 1
		if e.abbr {
			k = s.skipPeriod(k)
		}
		y, dm := s.dct.Year(), int(s.dct.Month())
		_, _, hasDay := s.dayNum(k)
		if w == wPast && s.w(i-1) != wThis && s.w(i-1) != wThe {
			return cand{}, false // "looked way past November": a preposition
		}
		switch w {
		case wLast, wPast, wPrevious:
			// "last February" on March 1 is a year before: the month just
			// ended would be "last month" (TBAQ).
			if m >= dm || w == wLast && m == dm-1 && !hasDay {
				y--
			}
		case wNext, wComing:
			if m <= dm {
				y++
			}
		case wThis:
		default:
			return cand{}, false
		}
		if d, k2, ok := s.dayNum(k); ok {
			t := day(y, m, d)
			if t.Day() == d {
				return cand{j: k2, typ: typDate, p: point{t: t, g: gDay}, anchored: true, concrete: true}, true
			}
		}
		return cand{j: k, typ: typDate, p: point{t: day(y, m, 1), g: gMonth}, anchored: true, concrete: true}, true
	}
	// Weekdays: last Friday, next Tuesday, this Monday (morning).
	if e.wday > 0 && !e.pl && s.t[j].cap {
		k := j + 1
		if e.abbr {
			k = s.skipPeriod(k)
		}
		var t time.Time
		theOK := false
		switch w {
		case wPrevious:
			// "the previous Friday": the one before the day being told.
			t = s.weekdayDate(int(e.wday), -1, true)
			if s.hasRefDay && s.refDay.Before(s.dct) {
				back := (int(s.refDay.Weekday()+6)%7 + 1 - int(e.wday) + 7) % 7
				if back == 0 {
					back = 7
				}
				t = s.refDay.AddDate(0, 0, -back)
			}
			theOK = true
		case wLast, wPast:
			t = s.weekdayDate(int(e.wday), -1, true)
		case wNext, wComing:
			t = s.weekdayDate(int(e.wday), 1, true)
		case wThis:
			t = s.weekdayByTense(int(e.wday), i, k)
		default:
			return cand{}, false
		}
		if p := s.lx(k); p != nil && p.pod > 0 && !p.pl {
			return cand{j: k + 1, typ: typTime, p: point{t: t, g: gTime, pod: p.pod}, anchored: true, concrete: true, theOK: theOK}, true
		}
		return cand{j: k, typ: typDate, p: point{t: t, g: gDay}, anchored: true, concrete: true, theOK: theOK}, true
	}
	// Seasons: last fall, this summer, next spring.
	if e.season > 0 && !e.pl {
		cur := seasonInstance(s.dct)
		base := floorDiv(cur, 4)*4 + int(e.season) - 1
		switch w {
		case wLast, wPast, wPrevious:
			for base >= cur {
				base -= 4
			}
		case wNext, wComing:
			for base <= cur {
				base += 4
			}
		case wThis:
		default:
			return cand{}, false
		}
		return cand{j: j + 1, typ: typDate, p: seasonPoint(base), anchored: true, theOK: true, concrete: true}, true
	}
	// Holidays: last Christmas, next Thanksgiving.
	if e.hol > 0 && s.t[j].cap {
		c, ok := s.holidayExpr(j)
		if !ok || !c.anchored {
			return cand{}, false
		}
		y := s.dct.Year()
		h := holiday(e.hol, y)
		switch w {
		case wLast, wPast:
			if !h.Before(s.dct) {
				h = holiday(e.hol, y-1)
			}
		case wNext, wComing:
			if !h.After(s.dct) {
				h = holiday(e.hol, y+1)
			}
		case wThis:
		default:
			return cand{}, false
		}
		if e.hol == hNewYear {
			h = c.p.t
		}
		c.p.t = h
		c.i = i
		return c, true
	}
	return cand{}, false
}

// sameAYearBefore reads "UNIT a year ago|earlier" or "UNIT last year" at j
// after "the same".
func (s *scanner) sameAYearBefore(j int) (cand, bool) {
	e := s.lx(j)
	if e == nil || e.pl {
		return cand{}, false
	}
	k := j + 1
	switch {
	case s.w(k) == wA && s.eq(k+1, "year") && (s.w(k+2) == wAgo || s.w(k+2) == wEarlier):
		k += 3
	case s.w(k) == wLast && s.eq(k+1, "year"):
		k += 2
	default:
		return cand{}, false
	}
	var p point
	switch {
	case e.u == uQuarter || e.w == wPeriod && s.hasRefQ && !(s.hasRef && s.ref.g == gMonth):
		q := s.refQ
		if !s.hasRefQ {
			q = s.lastQuarter()
		}
		p = point{t: shift(q.t, uYear, -1), g: gQuarter}
	case e.u == uMonth || e.u == uWeek || e.u == uDay || e.w == wPeriod:
		if !s.hasRef || s.ref.g <= gYear {
			return cand{}, false
		}
		g := s.ref.g
		if e.u != uNone {
			g = unitGran(e.u)
		}
		if g > s.ref.g {
			return cand{}, false
		}
		p = point{t: shift(s.ref.t, uYear, -1), g: g, season: s.ref.season}
	default:
		return cand{}, false
	}
	return cand{j: k, typ: typDate, p: p, anchored: true, usesRef: true, theOK: true, concrete: true}, true
}

// quoteBefore reports whether token i follows an opening quotation mark.
func (s *scanner) quoteBefore(i int) bool {
	if i == 0 || s.t[i-1].kind != kPunct {
		return false
	}
	x := s.str(i - 1)
	return x == "\"" || x == "\u201c" || x == "`" || x == "'" || x == "\u2018"
}

// relativeNoDCT handles "last week" and the like when no anchor is known.
func (s *scanner) relativeNoDCT(i, j int, w word, e *lexEntry) (cand, bool) {
	if e.u == uNone || e.pl {
		return cand{}, false
	}
	switch w {
	case wLast, wPrevious:
		return cand{j: j + 1, typ: typDate, val: "PAST_REF"}, true
	case wNext, wComing, wFollowing:
		return cand{j: j + 1, typ: typDate, val: "FUTURE_REF"}, true
	case wThis, wCurrent:
		return cand{j: j + 1, typ: typDate, val: "PRESENT_REF"}, true
	}
	return cand{}, false
}

// weekend resolves "this weekend", "last weekend", "the weekend".
func (s *scanner) weekend(i, j int, w word, the bool) (cand, bool) {
	t := s.dct
	switch w {
	case wLast, wPast, wPrevious:
		t = t.AddDate(0, 0, -7)
		if the {
			c := cand{j: j, typ: typDuration, val: "P1WE", theOK: true}
			return c, true
		}
	case wNext, wComing, wFollowing:
		t = t.AddDate(0, 0, 7)
	case wThis:
	default:
		return cand{}, false
	}
	wy, wk := t.ISOWeek()
	return cand{j: j, typ: typDate, val: strconv.Itoa(wy) + "-W" + twoDigits(wk) + "-WE", anchored: true, theOK: true}, true
}

// ---- modifiers ----

// prefixed: modifiers that belong to the expression: "about two weeks",
// "nearly three years ago", "within the next two weeks", "early 2025",
// "the end of March", "mid-1990s", "earlier this year".
func (s *scanner) prefixed(i int) (cand, bool) {
	k := i
	if s.w(k) == wThe {
		k++
	}
	mod := ""
	start := k
	needCount := false
	within := false
	switch s.w(k) {
	case wAbout, wAround, wApprox:
		mod, k = "APPROX", k+1
		if s.w(start) == wApprox && s.eq(start, "some") {
			needCount = true
		}
	case wNearly, wAlmost:
		mod, k = "LESS_THAN", k+1
	case wOver:
		mod, k, needCount = "MORE_THAN", k+1, true
	case wUnder:
		mod, k, needCount = "LESS_THAN", k+1, true
	case wMore:
		if s.w(k+1) != wThan {
			return cand{}, false
		}
		mod, k, needCount = "MORE_THAN", k+2, true
	case wLess:
		if s.w(k+1) != wThan {
			return cand{}, false
		}
		mod, k, needCount = "LESS_THAN", k+2, true
	case wAt:
		if s.w(k+1) == wLeast {
			mod, k, needCount = "EQUAL_OR_MORE", k+2, true
		} else if s.w(k+1) == wMost {
			mod, k, needCount = "EQUAL_OR_LESS", k+2, true
		} else {
			return cand{}, false
		}
	case wUp:
		if s.w(k+1) != wTo {
			return cand{}, false
		}
		mod, k, needCount = "EQUAL_OR_LESS", k+2, true
	case wWithin:
		within, k = true, k+1
	case wEarly:
		mod, k = "START", k+1
		if s.hyphen(k) {
			k++
		}
	case wLate:
		mod, k = "END", k+1
		if s.hyphen(k) {
			k++
		}
	case wMid, wMiddle:
		mod, k = "MID", k+1
		if s.hyphen(k) {
			k++
		}
		if s.w(start) == wMiddle {
			if s.w(k) != wOf {
				return cand{}, false
			}
			k++
		}
	case wEnd, wBeginning, wStart:
		if s.w(k+1) != wOf {
			return cand{}, false
		}
		mod = map[word]string{wEnd: "END", wBeginning: "START", wStart: "START"}[s.w(k)]
		k += 2
	case wEarlier, wLater:
		switch s.w(k + 1) {
		case wThis, wThat, wToday, wTonight, wYesterday, wTomorrow, wNext, wLast:
		default:
			return cand{}, false
		}
		if s.w(k) == wEarlier {
			mod = "START"
		} else {
			mod = "END"
		}
		k++
	default:
		// "mid-1990s" is one word token "mid" + "-" handled above; "mid" alone too.
		return cand{}, false
	}
	if k >= s.n() || (s.w(i) == wThe && !(mod == "START" || mod == "END" || mod == "MID")) {
		return cand{}, false
	}
	inner, ok := s.matchAt(k)
	if !ok {
		return cand{}, false
	}
	if needCount && !s.startsWithCount(k) {
		return cand{}, false
	}
	if mod == "APPROX" && inner.j == k+1 && (s.w(k) == wToday || s.w(k) == wNow || s.w(k) == wTonight || s.w(k) == wYesterday || s.w(k) == wTomorrow) {
		return cand{}, false // "talked about today": a preposition
	}
	if mod == "APPROX" && s.apos(inner.j) && s.eq(inner.j+1, "s") {
		return cand{}, false // "about Friday's vote", "get around Wednesday's ruling": a preposition
	}
	if within {
		if inner.typ != typDuration || s.rangeFirst(inner.j) {
			return cand{}, false // "within two to three weeks": "two" is the first of a range
		}
		if inner.ivStart == "" && s.hasDCT && inner.durN > 0 {
			inner.ivStart, inner.ivEnd = dayValue(s.dct), dayValue(shift(s.dct, inner.durU, int(inner.durN)))
		}
		inner.j = max(inner.j, k)
		inner.i = i
		return inner, true
	}
	if mod == "START" || mod == "END" || mod == "MID" {
		if inner.typ != typDate && inner.typ != typTime {
			return cand{}, false
		}
		if inner.val != "" && (inner.val == "PRESENT_REF" || inner.val == "PAST_REF" || inner.val == "FUTURE_REF") {
			return cand{}, false
		}
		if s.w(i) == wThe && s.w(start) != wEnd && s.w(start) != wBeginning && s.w(start) != wStart && s.w(start) != wMiddle && inner.p.g != gDecade && inner.p.g != gCentury {
			return cand{}, false
		}
	}
	if inner.mod == "" {
		inner.mod = mod
	}
	inner.i = i
	return inner, true
}

// verbLast reports whether "last" at token i is the verb: after a modal
// ("would last four years"; not after "to": "compared to last year").
func (s *scanner) verbLast(i int) bool {
	switch lowerKey(s.str(max(i-1, 0))) {
	case "would", "will", "could", "can", "may", "might", "should", "must", "did", "does":
		return i > 0 && s.t[i-1].kind == kWord
	}
	return false
}

// startsWithYear reports whether a year begins at token k.
func (s *scanner) startsWithYear(k int) bool {
	_, _, ok := s.yearAt(k)
	return ok
}

// quarterCentury reports whether token k is "quarter" in "quarter-century",
// which no pattern reads as 25 years; it is no quarter of a year.
func (s *scanner) quarterCentury(k int) bool {
	e := s.lx(k)
	return e != nil && e.u == uQuarter && s.hyphen(k+1) && s.eq(k+2, "century")
}

// rangeFirst reports whether a duration ending at token j is the first
// amount of a range that names its unit only once ("two to three weeks").
func (s *scanner) rangeFirst(j int) bool {
	if s.w(j) != wTo && s.w(j) != wAnd && s.w(j) != wOr {
		return false
	}
	_, _, unit := s.durUnit(j - 1)
	return !unit
}

func (s *scanner) startsWithCount(k int) bool {
	_, _, _, ok := s.count(k)
	return ok
}
