package timex

import (
	"time"
)

// ---- shared pieces ----

// yearAt reads a four-digit year at i (1000..2199), or an apostrophe and two
// digits ("'98"). It returns the year and the end token.
func (s *scanner) yearAt(i int) (int, int, bool) {
	if v, nd, ok := s.num(i); ok && nd == 4 && v >= 1000 && v <= 2199 {
		if s.punct(i+1, '.') && s.adj(i+1) && i+2 < s.n() && s.t[i+2].kind == kNum && s.adj(i+2) {
			return 0, 0, false // 2025.5
		}
		if (s.punct(i+1, ',') || s.punct(i+1, ':')) && s.adj(i+1) && i+2 < s.n() && s.t[i+2].kind == kNum && s.adj(i+2) {
			return 0, 0, false
		}
		return v, i + 1, true
	}
	if s.apos(i) {
		if v, nd, ok := s.num(i + 1); ok && nd == 2 && s.adj(i+1) {
			if i+2 < s.n() && s.t[i+2].kind == kWord && s.adj(i+2) {
				return 0, 0, false // '90s is a decade, handled by yearExpr
			}
			return s.twoDigitYear(v), i + 2, true
		}
	}
	return 0, 0, false
}

// twoDigitYear expands yy to the century that puts it closest before DCT+10.
func (s *scanner) twoDigitYear(yy int) int {
	base := 2000
	if s.hasDCT {
		base = s.dct.Year() / 100 * 100
	}
	y := base + yy
	lim := 2030
	if s.hasDCT {
		lim = s.dct.Year() + 10
	}
	if y > lim {
		y -= 100
	}
	return y
}

// ordSuffix returns the index after an ordinal suffix (st, nd, rd, th) glued to token i-1.
func (s *scanner) ordSuffix(i int) int {
	if i < s.n() && s.adj(i) && (s.eq(i, "st") || s.eq(i, "nd") || s.eq(i, "rd") || s.eq(i, "th") || s.eq(i, "d")) {
		return i + 1
	}
	return i
}

// dayNum reads a day of month (1..31, at most two digits, optional ordinal suffix).
func (s *scanner) dayNum(i int) (int, int, bool) {
	v, nd, ok := s.num(i)
	if !ok || nd > 2 || v < 1 || v > 31 {
		return 0, 0, false
	}
	j := s.ordSuffix(i + 1)
	colonTime := s.punct(j, ':') && j+1 < s.n() && s.t[j+1].kind == kNum && s.adj(j+1)
	if j == i+1 && (colonTime || s.punct(j, '%') || s.punct(j, '/') || (s.punct(j, '.') && j+1 < s.n() && s.t[j+1].kind == kNum && s.adj(j+1))) {
		return 0, 0, false
	}
	if j == i+1 && j < s.n() && s.t[j].kind == kWord && s.adj(j) {
		return 0, 0, false // 22nd handled above; 3pm, 10am are not days
	}
	return v, j, true
}

// monthWord accepts a month name at i. Abbreviations may take a period.
// It returns the month and the end token.
func (s *scanner) monthWord(i int) (int, int, bool) {
	e := s.lx(i)
	if e == nil || e.month == 0 || !s.t[i].cap {
		return 0, 0, false
	}
	j := i + 1
	if e.abbr {
		j = s.skipPeriod(j)
	}
	return int(e.month), j, true
}

// resolveDay places month/day in the year that the clause's tense implies.
func (s *scanner) resolveDay(m, d, i, j int) (point, bool) {
	if !s.hasDCT {
		return point{t: day(2000, m, d), g: gDay, noYear: true}, true
	}
	y := s.dct.Year()
	t := day(y, m, d)
	if t.Month() != time.Month(m) {
		if m == 2 && d == 29 {
			t = day(y, 2, 28)
		} else {
			return point{}, false
		}
	}
	// The occurrence within a window around the DCT that the tense skews:
	// past events lie mostly before it, future ones after; the windows are
	// generous on the near side because tense detection is fallible.
	back, fwd := 183, 182
	switch tn, sure := s.tenseSure(i, j); {
	case tn == tPast:
		back, fwd = 300, 65
	case tn == tFuture:
		back, fwd = 65, 300
	default:
		_ = sure // a date is often a deadline or a record date whatever the verb: keep the windows wide
	}
	if t.Sub(s.dct) > time.Duration(fwd)*24*time.Hour {
		t = day(y-1, m, d)
	} else if s.dct.Sub(t) > time.Duration(back)*24*time.Hour {
		t = day(y+1, m, d)
	}
	return point{t: t, g: gDay}, true
}

// resolveMonth places a month in the year the tense implies.
func (s *scanner) resolveMonth(m, i, j int) point {
	if !s.hasDCT {
		return point{t: day(2000, m, 1), g: gMonth, noYear: true}
	}
	y := s.dct.Year()
	dm := int(s.dct.Month())
	back, fwd := 6, 5
	tn, sure := s.tenseSure(i, j)
	if s.deadline(i, j) {
		tn, sure = tFuture, false
	} else if s.incidentMonth(i) {
		tn, sure = tPast, true // "after the Charleston church massacre in June"
	} else if s.scheduledMonth(i, j) {
		// the month of a scheduled event is about the nearest one whatever
		// the verb: "said … before the party's convention in July" in April
		if tn == tPast && sure {
			back, fwd = 7, 4
		}
		tn, sure = tUnknown, false
	}
	switch {
	case tn == tPast && sure:
		back, fwd = 10, 1
	case tn == tPast:
		back, fwd = 9, 2
	case tn == tFuture && sure:
		back, fwd = 1, 10
	case tn == tFuture:
		back, fwd = 2, 9
	}
	if m-dm > fwd {
		y--
	} else if dm-m > back {
		y++
	}
	return point{t: day(y, m, 1), g: gMonth}
}

// ---- explicit dates ----

// monthFirst: "Feb. 22", "February 22, 2025", "June 2021", "June", "May 9th".
func (s *scanner) monthFirst(i int) (cand, bool) {
	m, j, ok := s.monthWord(i)
	if !ok {
		return cand{}, false
	}
	e := s.t[i].lx
	// Day.
	if d, k, ok := s.dayNum(j); ok {
		// Year.
		yk := s.skipComma(k)
		if y, k2, ok := s.yearAt(yk); ok {
			t := day(y, m, d)
			if t.Month() != time.Month(m) {
				return cand{}, false
			}
			return cand{j: k2, typ: typDate, p: point{t: t, g: gDay}, concrete: true}, true
		}
		p, ok := s.resolveDay(m, d, i, k)
		if !ok {
			return cand{}, false
		}
		return cand{j: k, typ: typDate, p: p, anchored: true, concrete: true}, true
	}
	// Year.
	yk := s.skipComma(j)
	if s.w(yk) == wOf {
		yk++
	}
	if y, k, ok := s.yearAt(yk); ok {
		return cand{j: k, typ: typDate, p: point{t: day(y, m, 1), g: gMonth}, concrete: true, theOK: false}, true
	}
	if c, ok := s.spokenYear(yk); ok && !e.abbr {
		// "January nineteen ninety-seven" (broadcast transcripts)
		return cand{j: c.j, typ: typDate, p: point{t: day(c.p.t.Year(), m, 1), g: gMonth}, concrete: true}, true
	}
	// "January this year", "July last year", "October of next year".
	ok2 := j
	if s.w(ok2) == wOf {
		ok2++
	}
	if sw := s.w(ok2); (sw == wThis || sw == wLast || sw == wNext) && s.eq(ok2+1, "year") && s.hasDCT {
		y := s.dct.Year() + map[word]int{wThis: 0, wLast: -1, wNext: 1}[sw]
		return cand{j: ok2 + 2, typ: typDate, p: point{t: day(y, m, 1), g: gMonth}, anchored: true, concrete: true}, true
	}
	if e.abbr {
		return cand{}, false
	}
	if (m == 5 || m == 3) && !s.monthContext(i) {
		return cand{}, false // may, march: modal and verb
	}
	// A month name alone at the very start of a sentence followed by a verb is
	// probably a person (April, June); accept it only in date contexts then.
	if (m == 4 || m == 6 || m == 8 || m == 1) && s.startsSentence(i) && !s.monthContext(i) {
		return cand{}, false
	}
	return cand{j: j, typ: typDate, p: s.resolveMonth(m, i, j), anchored: true, concrete: true}, true
}

// monthContext reports whether the word before i makes a following month name a date.
func (s *scanner) monthContext(i int) bool {
	switch s.w(i - 1) {
	case wIn, wSince, wUntil, wBy, wLast, wNext, wThis, wEarly, wLate, wMid, wOf, wFrom, wTo, wThrough,
		wDuring, wBefore, wAfter, wEnd, wAnd, wOr, wBetween, wThroughout, wEvery, wEach, wOn, wThat, wFor:
		return true
	}
	if s.hyphen(i - 1) {
		return true
	}
	if s.eq(i-1, "mid") {
		return true
	}
	return false
}

func (s *scanner) startsSentence(i int) bool {
	if i == 0 {
		return true
	}
	p := s.t[i-1]
	if p.kind == kPunct {
		c := s.text[p.s]
		return c == '.' || c == '!' || c == '?' || c == '"' || c == ':'
	}
	return s.t[i].nl
}

// dayMonth: "22 February 2025", "22nd of February".
func (s *scanner) dayMonth(i int) (cand, bool) {
	d, j, ok := s.dayNum(i)
	if !ok {
		return cand{}, false
	}
	if s.w(j) == wOf {
		j++
	}
	m, k, ok := s.monthWord(j)
	if !ok {
		return cand{}, false
	}
	if y, k2, ok := s.yearAt(s.skipComma(k)); ok {
		t := day(y, m, d)
		if t.Month() != time.Month(m) {
			return cand{}, false
		}
		return cand{j: k2, typ: typDate, p: point{t: t, g: gDay}, concrete: true}, true
	}
	p, ok := s.resolveDay(m, d, i, k)
	if !ok {
		return cand{}, false
	}
	return cand{j: k, typ: typDate, p: p, anchored: true, concrete: true, theOK: true}, true
}

// numericDate: 2025-02-22, 2/22/2025, 22.02.2025, 2025/02/22.
func (s *scanner) numericDate(i int) (cand, bool) {
	a, na, _ := s.num(i)
	sep := func(k int) byte {
		if k < s.n() && s.t[k].kind == kPunct && s.adj(k) && s.t[k].e-s.t[k].s == 1 {
			return s.text[s.t[k].s]
		}
		return 0
	}
	c1 := sep(i + 1)
	if c1 != '-' && c1 != '/' && c1 != '.' {
		return cand{}, false
	}
	b, nb, ok := s.num(i + 2)
	if !ok || !s.adj(i+2) || sep(i+3) != c1 {
		return cand{}, false
	}
	c, nc, ok := s.num(i + 4)
	if !ok || !s.adj(i+4) {
		return cand{}, false
	}
	if i+5 < s.n() && s.adj(i+5) && (s.t[i+5].kind == kNum || sep(i+5) == c1) {
		return cand{}, false
	}
	var y, m, d int
	switch {
	case na == 4 && nb <= 2 && nc <= 2 && c1 != '.':
		y, m, d = a, b, c
	case na <= 2 && nb <= 2 && (nc == 4 || nc == 2) && c1 != '-':
		y = c
		if nc == 2 {
			y = s.twoDigitYear(c)
		}
		if c1 == '.' || a > 12 {
			d, m = a, b
		} else {
			m, d = a, b
		}
	default:
		return cand{}, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 {
		return cand{}, false
	}
	t := day(y, m, d)
	if t.Day() != d {
		return cand{}, false
	}
	return cand{j: i + 5, typ: typDate, p: point{t: t, g: gDay}, concrete: true}, true
}

var notYearAfter = map[string]bool{
	"index":  true, // "the Russell 2000 index"
	"people": true, "persons": true, "troops": true, "soldiers": true, "workers": true, "employees": true,
	"jobs": true, "shares": true, "units": true, "votes": true, "cars": true, "homes": true, "houses": true,
	"miles": true, "km": true, "kilometers": true, "kilometres": true, "meters": true, "metres": true,
	"feet": true, "ft": true, "tons": true, "tonnes": true, "pounds": true, "lbs": true, "dollars": true,
	"euros": true, "yen": true, "points": true, "cases": true, "deaths": true, "members": true,
	"students": true, "acres": true, "barrels": true, "hours": true, "minutes": true, "seconds": true,
	"days": true, "weeks": true, "months": true, "years": true, "times": true, "pages": true, "words": true,
	"delegates": true, "seats": true, "residents": true, "lives": true, "children": true, "men": true,
	"women": true, "refugees": true, "prisoners": true, "rounds": true, "yards": true, "copies": true,
	"degrees": true, "percent": true, "per": true, "million": true, "billion": true, "trillion": true,
	"thousand": true, "hundred": true, "officers": true, "police": true, "visitors": true, "passengers": true,
	"patients": true, "companies": true, "flights": true, "vehicles": true, "rockets": true, "missiles": true,
	"civilians": true, "fighters": true, "protesters": true, "families": true, "sq": true, "square": true,
	"gallons": true, "liters": true, "litres": true, "calories": true, "rpm": true, "mph": true, "kg": true,
}

var notYearBefore = map[string]bool{
	"no": true, "number": true, "page": true, "room": true, "route": true, "flight": true, "article": true,
	"section": true, "resolution": true, "model": true, "chapter": true, "highway": true, "interstate": true,
	"bus": true, "apartment": true, "suite": true, "box": true, "code": true, "rule": true, "bill": true,
	"version": true, "episode": true, "paragraph": true, "item": true, "unit": true, "squad": true,
	"cal": true, "caliber": true, "op": true, "psalm": true, "verse": true, "dow": true, "nasdaq": true,
	"index": true, "at": false, "lot": true, "patent": true, "serial": true, "phone": true,
	"russell": true, "windows": true,
}

// yearExpr: 1998, 1960s, '80s, the 1990s, the year 2000.
func (s *scanner) yearExpr(i int) (cand, bool) {
	if s.apos(i) {
		v, nd, ok := s.num(i + 1)
		if ok && nd == 2 && s.adj(i+1) && (s.eq(i+2, "s") && s.adj(i+2)) && v%10 == 0 {
			y := s.twoDigitYear(v)
			if s.hasDCT && y > s.dct.Year() {
				y -= 100
			}
			return cand{j: i + 3, typ: typDate, p: point{t: day(y, 1, 1), g: gDecade}, theOK: true, concrete: true}, true
		}
		// "since '82", "in '98": an abbreviated year after a preposition.
		if ok && nd == 2 && s.adj(i+1) && !(i+2 < s.n() && s.t[i+2].kind != kPunct && s.adj(i+2)) {
			switch s.w(i - 1) {
			case wSince, wIn, wOf, wFrom, wUntil, wBy, wTo, wBefore, wAfter, wThrough, wDuring:
				return cand{j: i + 2, typ: typDate, p: point{t: day(s.twoDigitYear(v), 1, 1), g: gYear}, concrete: true}, true
			}
		}
		return cand{}, false
	}
	// "the 70s", "the '80s" is above: a two-digit decade after "the".
	if v, nd, ok := s.num(i); ok && nd == 2 && v%10 == 0 && s.eq(i+1, "s") && s.adj(i+1) && (s.w(i-1) == wThe || s.w(i-1) == wAnd || s.hyphen(i-1) && s.decadePrefix(i-2)) {
		y := s.twoDigitYear(v)
		if s.hasDCT && y > s.dct.Year() {
			y -= 100
		}
		return cand{j: i + 2, typ: typDate, p: point{t: day(y, 1, 1), g: gDecade}, theOK: true, concrete: true}, true
	}
	v, nd, ok := s.num(i)
	if !ok || nd != 4 || v < 1000 || v > 2199 {
		return cand{}, false
	}
	// Decade: 1960s, 1960's.
	if v%10 == 0 {
		if s.eq(i+1, "s") && s.adj(i+1) {
			return cand{j: i + 2, typ: typDate, p: point{t: day(v, 1, 1), g: gDecade}, theOK: true, concrete: true}, true
		}
		if s.apos(i+1) && s.adj(i+1) && s.eq(i+2, "s") && s.adj(i+2) {
			return cand{j: i + 3, typ: typDate, p: point{t: day(v, 1, 1), g: gDecade}, theOK: true, concrete: true}, true
		}
	}
	if _, k, ok := s.yearAt(i); !ok || k != i+1 {
		return cand{}, false
	}
	if i > 0 {
		p := s.t[i-1]
		if p.kind == kPunct && !p.gap || (p.kind == kPunct && !s.t[i].gap) {
			c := s.text[p.s]
			if c == '$' || c == '#' || c == '-' || c == '/' || c == '.' || c == ',' || c == '+' || c == ':' {
				prefix := c == '-' && (s.eq(i-2, "mid") || s.eq(i-2, "pre") || s.eq(i-2, "post") || s.eq(i-2, "early") || s.eq(i-2, "late"))
				if !(c == '-' && s.t[i].gap) && !(c == ',' && s.t[i].gap) && !prefix {
					return cand{}, false
				}
			}
		}
		if p.kind == kPunct && (s.str(i-1) == "£" || s.str(i-1) == "€" || s.str(i-1) == "$") {
			return cand{}, false
		}
		if p.kind == kNum {
			return cand{}, false
		}
		if p.kind == kWord && p.e-p.s <= 12 && notYearBefore[lowerKey(s.str(i-1))] {
			return cand{}, false
		}
		if p.cap && s.eq(i-1, "local") {
			return cand{}, false // a union local: "Local 1520"
		}
	}
	if i+1 < s.n() {
		nx := s.t[i+1]
		if nx.kind == kPunct && (s.punct(i+1, '%') || (s.punct(i+1, '-') && s.adj(i+1) && i+2 < s.n() && s.t[i+2].kind == kWord && s.lx(i+2) == nil)) {
			return cand{}, false
		}
		if nx.kind == kWord && nx.e-nx.s <= 12 && notYearAfter[lowerKey(s.str(i+1))] {
			return cand{}, false
		}
	}
	if c, ok := s.yearPart(i+1, v); ok {
		return c, true
	}
	c := cand{j: i + 1, typ: typDate, p: point{t: day(v, 1, 1), g: gYear}, concrete: true}
	return c, true
}

// decadePrefix reports whether token k is a word that can join a short
// decade with a hyphen ("mid-70s", "late-80s"), unlike a model name
// ("KC-30s").
func (s *scanner) decadePrefix(k int) bool {
	return s.eq(k, "mid") || s.eq(k, "early") || s.eq(k, "late") || s.eq(k, "pre") || s.eq(k, "post")
}

// yearPart reads the part of year y named after it: "(1988) third
// quarter", "(1988) first half", and, when a quarter is being reported,
// "(the 1988) quarter" or "(the 1988) period" — that quarter of year y.
func (s *scanner) yearPart(k, y int) (cand, bool) {
	if n, j, ok := s.ordinalAt(k); ok {
		if s.hyphen(j) {
			j++
		}
		if s.w(j) == wFiscal {
			j++
		}
		e := s.lx(j)
		if e == nil || e.pl {
			return cand{}, false
		}
		switch {
		case e.u == uQuarter && n >= 1 && n <= 4:
			c := cand{j: j + 1, typ: typDate, p: point{t: day(y, 3*n-2, 1), g: gQuarter}, theOK: true, concrete: true}
			c.setsQ = !s.hasDCT || y >= s.lastQuarter().t.Year()
			return c, true
		case e.w == wHalfWord && n >= 1 && n <= 2:
			return cand{j: j + 1, typ: typDate, p: point{t: day(y, 6*n-5, 1), g: gHalf}, theOK: true, concrete: true}, true
		}
		return cand{}, false
	}
	if e := s.lx(k); e != nil && !e.pl && (e.u == uQuarter && s.hasDCT || s.w(k) == wPeriod && s.hasRefQ) {
		q := s.refQ
		if !s.hasRefQ {
			q = s.lastQuarter()
		}
		return cand{j: k + 1, typ: typDate, p: point{t: day(y, int(q.t.Month()), 1), g: gQuarter}, theOK: true, concrete: true}, true
	}
	return cand{}, false
}

// lowerKey lower-cases a short ASCII word into a string for map lookups.
func lowerKey(x string) string {
	for k := 0; k < len(x); k++ {
		if x[k] >= 'A' && x[k] <= 'Z' {
			var buf [16]byte
			if len(x) > len(buf) {
				return x
			}
			for k := 0; k < len(x); k++ {
				buf[k] = x[k] | 0x20*byte(boolInt(x[k] >= 'A' && x[k] <= 'Z'))
			}
			return string(buf[:len(x)])
		}
	}
	return x
}

// spokenYear: "nineteen ninety-six", "two thousand", "two thousand and one".
func (s *scanner) spokenYear(i int) (cand, bool) {
	e := s.lx(i)
	if e == nil || e.num == 0 {
		return cand{}, false
	}
	if e.num == 2 && s.w(i+1) == wThousand {
		y, j := 2000, i+2
		k := j
		if s.w(k) == wAnd {
			k++
		}
		if n, k2, ok := s.smallNumber(k); ok && n < 100 {
			y, j = 2000+n, k2
		}
		if s.w(i-1) == wThe && !s.eq(i-1, "year") && !s.eq(i-2, "year") {
			// "the two thousand" is not a year unless "the year two thousand".
		}
		if !s.eq(i-1, "year") && !s.eq(i-1, "in") && !s.eq(i-1, "since") && !s.eq(i-1, "until") {
			return cand{}, false
		}
		return cand{j: j, typ: typDate, p: point{t: day(y, 1, 1), g: gYear}, concrete: true}, true
	}
	if e.num < 11 || e.num > 20 {
		return cand{}, false
	}
	if s.w(i+1) == wHundred {
		if !s.eq(i-1, "year") && !s.eq(i-1, "in") && !s.eq(i-1, "since") && !s.eq(i-1, "until") && !s.eq(i-1, "of") {
			return cand{}, false // "twelve hundred students"
		}
		return cand{j: i + 2, typ: typDate, p: point{t: day(int(e.num)*100, 1, 1), g: gYear}, concrete: true}, true
	}
	n, j, ok := s.smallNumber(i + 1)
	if !ok || n < 10 || n > 99 {
		return cand{}, false
	}
	if s.lx(i+1) == nil || (s.lx(i+1).num < 10) {
		return cand{}, false
	}
	return cand{j: j, typ: typDate, p: point{t: day(int(e.num)*100+n, 1, 1), g: gYear}, concrete: true}, true
}

// smallNumber reads a number word 1..99 ("six", "ninety-six", "ninety six").
func (s *scanner) smallNumber(i int) (int, int, bool) {
	e := s.lx(i)
	if e == nil || e.num == 0 || e.num >= 100 {
		return 0, 0, false
	}
	n := int(e.num)
	j := i + 1
	if e.tens {
		k := j
		if s.hyphen(k) {
			k++
		}
		if u := s.lx(k); u != nil && u.num > 0 && u.num < 10 && (k == j+1 || s.t[k].gap) {
			return n + int(u.num), k + 1, true
		}
	}
	return n, j, true
}

// ---- weekdays, seasons, holidays ----

// weekdayDate resolves weekday wd (Monday = 1) against the DCT: dir < 0 on
// or before, dir > 0 on or after; strict excludes the DCT itself.
func (s *scanner) weekdayDate(wd int, dir int, strict bool) time.Time {
	cur := int(s.dct.Weekday()+6)%7 + 1
	if dir < 0 {
		back := (cur - wd + 7) % 7
		if back == 0 && strict {
			back = 7
		}
		return s.dct.AddDate(0, 0, -back)
	}
	fwd := (wd - cur + 7) % 7
	if fwd == 0 && strict {
		fwd = 7
	}
	return s.dct.AddDate(0, 0, fwd)
}

// weekdayByTense resolves a bare weekday at tokens [i, j): a possessive
// ("Friday's ruling") names a day already reached unless what governs it
// looks ahead (possessiveAhead), a deadline ("until Tuesday", "until 9 a.m.
// Tuesday") lies ahead unless the clause is told in the past perfect or
// with was/were ("it was not until Tuesday"), and otherwise the tense of
// the clause decides.
func (s *scanner) weekdayByTense(wd, i, j int) time.Time {
	if end, ok := s.possessiveEnd(j); ok {
		if s.possessiveAhead(i, j, end) {
			return s.weekdayDate(wd, 1, false)
		}
		return s.weekdayDate(wd, -1, false)
	}
	if s.deadline(i, j) {
		return s.weekdayDate(wd, 1, false)
	}
	if s.afterOutcome(i) {
		return s.weekdayDate(wd, -1, false)
	}
	if s.w(i-1) == wOf && s.eq(i-2, "ahead") || i >= 3 && s.t[i-1].kind == kWord && s.w(i-2) == wOf && s.eq(i-3, "ahead") {
		return s.weekdayDate(wd, 1, false) // "ahead of Tuesday", "ahead of voting Tuesday"
	}
	switch s.tenseOf(i, j) {
	case tFuture, tPresent:
		return s.weekdayDate(wd, 1, false)
	}
	return s.weekdayDate(wd, -1, false)
}

// outcomeNouns are events known only once they have happened: a weekday
// that dates one is past whatever the verb of the clause ("Cruz's
// victories Tuesday in Texas", "the massacre Tuesday in San Bernardino",
// "his victory in Monday night's caucus").
var outcomeNouns = map[string]bool{
	"win": true, "wins": true, "victory": true, "victories": true, "loss": true, "losses": true,
	"defeat": true, "defeats": true, "finish": true, "upset": true, "sweep": true, "triumph": true,
	"massacre": true, "attack": true, "attacks": true, "shooting": true, "shootings": true,
	"bombing": true, "bombings": true, "killing": true, "killings": true, "crash": true,
	"collapse": true, "death": true, "deaths": true, "arrest": true, "arrests": true,
	"assertion": true, "remarks": true, "comments": true, "showing": true, "results": true,
}

// afterOutcome reports whether the weekday at token i directly follows an
// outcome noun, alone or through "on" or "in", that a determiner or a
// possessive marks as a noun ("the win Tuesday", "Cruz's victories
// Tuesday", "his victory in Monday's caucus"; not "to win Monday's debate"
// nor "a few more victories on Saturday").
func (s *scanner) afterOutcome(i int) bool {
	k := i - 1
	if s.w(k) == wOn || s.w(k) == wIn {
		k--
	}
	if k < 1 || s.t[k].kind != kWord || !outcomeNouns[lowerKey(s.str(k))] {
		return false
	}
	d := k - 1
	switch {
	case s.w(d) == wThe, s.eq(d, "his"), s.eq(d, "her"), s.eq(d, "its"), s.eq(d, "their"), s.eq(d, "our"):
		return true
	case s.eq(d, "s") && s.apos(d-1), s.apos(d), s.punct(d, ')'):
		return true // "Cruz's victories", "Priebus' assertion", "Ted Cruz's (R-Texas) victory"
	}
	return false
}

// possessiveEnd reports whether the weekday ending at token j is a
// possessive, alone or with a part of the day ("Friday's", "Monday
// night's"), and returns the token after the "'s".
func (s *scanner) possessiveEnd(j int) (int, bool) {
	if p := s.lx(j); p != nil && p.pod > 0 && !p.pl && s.apos(j+1) && s.eq(j+2, "s") && s.adj(j+2) {
		return j + 3, true
	}
	if s.apos(j) && s.eq(j+1, "s") && s.adj(j+1) {
		return j + 2, true
	}
	return 0, false
}

// incidentNouns are events that are only told once they happened and are
// not hoped for (unlike a victory "in November").
var incidentNouns = map[string]bool{
	"massacre": true, "attack": true, "attacks": true, "shooting": true, "shootings": true,
	"bombing": true, "bombings": true, "killing": true, "killings": true, "crash": true,
	"collapse": true, "death": true, "deaths": true, "arrest": true, "arrests": true,
}

// incidentMonth reports whether the month at token i dates an incident:
// "the massacre in June", "the attacks in November".
func (s *scanner) incidentMonth(i int) bool {
	return s.w(i-1) == wIn && i >= 2 && s.t[i-2].kind == kWord && incidentNouns[lowerKey(s.str(i-2))]
}

// scheduledMonth reports whether the month at tokens [i, j) dates a
// scheduled event: "the convention in July", "the Republican primaries in
// June", "November's general election".
func (s *scanner) scheduledMonth(i, j int) bool {
	if end, ok := s.possessiveEnd(j); ok {
		for k := end; k < s.n() && k < end+3 && s.t[k].kind == kWord; k++ {
			if scheduledNouns[lowerKey(s.str(k))] {
				return true
			}
		}
		return false
	}
	return s.w(i-1) == wIn && i >= 2 && s.t[i-2].kind == kWord && scheduledNouns[lowerKey(s.str(i-2))]
}

// scheduledNouns are events that are announced before they happen, so
// that a clause looking ahead means the coming one: "will watch Tuesday's
// debate", "Monday's vote will decide".
var scheduledNouns = map[string]bool{
	"debate": true, "debates": true, "vote": true, "votes": true, "voting": true, "election": true,
	"elections": true, "primary": true, "primaries": true, "caucus": true, "caucuses": true,
	"runoff": true, "referendum": true, "ballot": true, "meeting": true, "meetings": true,
	"summit": true, "talks": true, "negotiations": true, "hearing": true, "hearings": true,
	"game": true, "match": true, "race": true, "final": true, "rally": true, "ceremony": true,
	"inauguration": true, "deadline": true, "launch": true, "conference": true, "convention": true,
	"parade": true, "sentencing": true, "showdown": true, "celebration": true, "celebrations": true,
	"festival": true, "concert": true, "funeral": true, "march": true, "speech": true,
	"address": true, "visit": true, "trip": true, "kickoff": true, "auction": true, "briefing": true,
	"testimony": true, "deposition": true, "opening": true, "premiere": true, "showcase": true,
	"encounter": true, "matchup": true, "forum": true, "contest": true, "contests": true,
}

// possessiveAhead reports whether a possessive weekday (tokens [i, j),
// its noun from token end) names a day to come. Possessive weekdays are
// mostly past ("Wednesday's ruling", "after Friday's attack"; all 17 in
// TimeBank are), but a signal that looks ahead makes them future: "ahead
// of", "in advance of", "upcoming", "set/scheduled/slated for"; and so does
// a clause that looks ahead (future, or a preposition towards a day such
// as "before", "to", "for" in a clause that is not surely past) when the
// noun is an event that is scheduled and follows a word of its clause:
// "heads to Monday night's debate", "will watch Tuesday's debate", but
// "will appeal Wednesday's ruling", "a 7% share before Friday's
// purchases", "went to Saturday's rally", "Monday's debate might not
// move mountains".
func (s *scanner) possessiveAhead(i, j, end int) bool {
	p := i - 1
	switch {
	case s.w(p) == wUpcoming || s.eq(p, "coming") || s.eq(p, "forthcoming"):
		return true
	case s.w(p) == wOf && (s.eq(p-1, "ahead") || s.eq(p-1, "advance") && s.eq(p-2, "in")):
		return true
	case s.w(p) == wFor && (s.eq(p-1, "set") || s.eq(p-1, "scheduled") || s.eq(p-1, "slated") || s.eq(p-1, "planned") || s.eq(p-1, "due")):
		return true
	}
	// the noun, past a few modifiers: "Tuesday's crucial vote", "Tuesday's
	// first-in-the-nation primary"
	scheduled := false
	for k, words := end, 0; k < s.n() && k < end+9 && words < 4; k++ {
		if s.punct(k, '-') && s.adj(k) {
			continue
		}
		if s.t[k].kind != kWord {
			break
		}
		if scheduledNouns[lowerKey(s.str(k))] {
			scheduled = true
			break
		}
		if !s.punct(k+1, '-') {
			words++
		}
	}
	if !scheduled {
		return false
	}
	if s.afterOutcome(i) {
		return false // "his victory in Monday night's caucus"
	}
	if s.w(p) == wBefore {
		// "challenged him to a debate before Monday's caucus", but "he had
		// been told just before Tuesday's vote"
		return !s.pastPerfectBefore(p)
	}
	t, sure := s.tenseSure(i, j)
	if t == tPast && sure {
		return false
	}
	if s.w(p) == wTo || s.w(p) == wFor || s.w(p) == wUntil || s.eq(p, "till") || s.eq(p, "toward") || s.eq(p, "towards") {
		return true
	}
	// A future clause makes the event ahead when it follows its verb ("will
	// watch Monday's debate", "will do well in Tuesday's primary"), not as
	// the subject ("Monday's debate might not move mountains") nor in a
	// clause of what came before ("after trouncing her in Tuesday's
	// primary, he will …").
	if t != tFuture || p < 0 || s.t[p].kind != kWord || s.startsSentence(i) || s.w(p) == wOf {
		return false // "the results of Tuesday's primaries will …"
	}
	for k := p; k >= 0 && p-k < 10; k-- {
		if s.punct(k, '.') || s.punct(k, ';') || s.punct(k, '?') || s.punct(k, '!') || s.t[k+1].nl {
			break
		}
		if s.w(k) == wAfter || s.w(k) == wSince || s.eq(k, "following") {
			return false
		}
	}
	return true
}

// pastPerfectBefore reports whether "had" appears in the clause within
// eight tokens before token k.
func (s *scanner) pastPerfectBefore(k int) bool {
	for q := k - 1; q >= 0 && k-q <= 8; q-- {
		if s.punct(q, '.') || s.punct(q, ';') || s.punct(q, '?') || s.punct(q, '!') {
			return false
		}
		if s.eq(q, "had") {
			return true
		}
	}
	return false
}

// deadline reports whether the expression at tokens [i, j) is the end of
// a stretch that lies ahead: "until Tuesday", "extended through January",
// unless the clause is told in the past perfect or negated past.
func (s *scanner) deadline(i, j int) bool {
	k := s.signalBefore(i)
	return k >= 0 && (s.w(k) == wUntil || s.w(k) == wThrough) && !s.pastAuxNear(k, j)
}

// signalBefore returns the token before the expression that ends at
// weekday token i, skipping a clock time and a time zone ("until 9 a.m.
// EST Tuesday"), or -1.
func (s *scanner) signalBefore(i int) int {
	k := i - 1
	for n := 0; k >= 0 && n < 8; n++ {
		tk := &s.t[k]
		switch {
		case tk.kind == kNum && tk.ndig <= 2:
		case s.punct(k, ':') || s.punct(k, '.') || s.punct(k, ','):
		case s.w(k) == wAM || s.w(k) == wPM || s.w(k) == wTZ || s.w(k) == wNoon || s.w(k) == wMidnight || s.w(k) == wAt:
		case (s.eq(k, "a") || s.eq(k, "p") || s.eq(k, "m")) && (s.punct(k+1, '.') || s.punct(k-1, '.')):
		default:
			return k
		}
		k--
	}
	return -1
}

// pastAuxNear reports whether the clause around a deadline expression
// (signal at k, expression ending at j) is told in the past perfect or
// with a negated past auxiliary: "it was not until Tuesday that", "until
// Thursday, they had not".
func (s *scanner) pastAuxNear(k, j int) bool {
	stop := func(q int) bool {
		return s.punct(q, '.') || s.punct(q, ';') || s.punct(q, '?') || s.punct(q, '!')
	}
	past := func(q int) bool {
		if s.eq(q, "had") {
			return true
		}
		// "it was not until Tuesday that": was/were/did with a negation.
		return (s.eq(q, "was") || s.eq(q, "were") || s.eq(q, "did")) && (s.eq(q+1, "not") || s.eq(q+1, "n") || s.eq(q+2, "t") && s.apos(q+1))
	}
	for q := k - 1; q >= 0 && k-q <= 8 && !stop(q); q-- {
		if past(q) {
			return true
		}
	}
	for q := j; q < s.n() && q-j <= 5 && !stop(q); q++ {
		if past(q) {
			return true
		}
	}
	return false
}

// weekdayExpr: "Friday", "Friday morning", "Friday, Feb. 21", "Mondays".
func (s *scanner) weekdayExpr(i int) (cand, bool) {
	e := s.t[i].lx
	if !s.t[i].cap {
		return cand{}, false
	}
	j := i + 1
	if e.abbr {
		if !s.punct(j, '.') && !s.punct(j, ',') {
			return cand{}, false
		}
		j = s.skipPeriod(j)
		k := s.skipComma(j)
		if s.lx(k) == nil || s.lx(k).month == 0 {
			if _, _, ok := s.dayNum(k); !ok {
				return cand{}, false
			}
		}
	}
	wd := int(e.wday)
	if e.pl {
		c := cand{j: j, typ: typSet, val: "XXXX-WXX-" + string(rune('0'+wd))}
		if p := s.lx(j); p != nil && p.pod > 0 {
			c.val += "T" + podCodes[p.pod]
			c.j = j + 1
		}
		return c, true
	}
	// Weekday followed by an explicit date (on the same line: a headline
	// "… until Friday" is not joined to the dateline below it).
	k := s.skipComma(j)
	if k < s.n() && s.t[k].br {
		k = s.n()
	}
	if c, ok := s.monthFirst(k); ok && c.typ == typDate && c.p.g == gDay {
		if c.anchored && s.hasDCT {
			// The weekday disambiguates the year.
			m, d := c.p.t.Month(), c.p.t.Day()
			for _, dy := range []int{0, -1, 1} {
				t := day(s.dct.Year()+dy, int(m), d)
				if int(t.Weekday()+6)%7+1 == wd {
					c.p.t = t
					break
				}
			}
		}
		c.i = i
		return c, true
	}
	if c, ok := s.dayMonth(k); ok && c.p.g == gDay {
		c.i = i
		return c, true
	}
	if !s.hasDCT {
		v := "XXXX-WXX-" + string(rune('0'+wd))
		if p := s.lx(j); p != nil && p.pod > 0 && !p.pl {
			// "Thursday morning" without a DCT: XXXX-WXX-4TMO.
			return cand{j: j + 1, typ: typTime, val: v + "T" + podCodes[p.pod]}, true
		}
		return cand{j: j, typ: typDate, val: v}, true
	}
	t := s.weekdayByTense(wd, i, j)
	if p := s.lx(j); p != nil && p.pod > 0 && !p.pl {
		return cand{j: j + 1, typ: typTime, p: point{t: t, g: gTime, pod: p.pod}, anchored: true, concrete: true}, true
	}
	return cand{j: j, typ: typDate, p: point{t: t, g: gDay}, anchored: true, concrete: true}, true
}

// seasonInstance numbers season instances: year*4 + (season-1); the winter
// of year y spans December y to February y+1.
func seasonInstance(t time.Time) int {
	y, m := t.Year(), int(t.Month())
	if m <= 2 {
		return (y-1)*4 + 3
	}
	return y*4 + (m-3)/3
}

func seasonPoint(inst int) point {
	y, sn := floorDiv(inst, 4), inst-floorDiv(inst, 4)*4
	return point{t: day(y, 3*sn+3, 1), g: gSeason, season: int8(sn + 1)}
}

// seasonExpr: "summer 2024", "the winter of 1994", "in the spring".
func (s *scanner) seasonExpr(i int) (cand, bool) {
	e := s.t[i].lx
	if e.pl {
		return cand{}, false
	}
	j := i + 1
	k := j
	if s.w(k) == wOf {
		k++
	}
	if y, k2, ok := s.yearAt(s.skipComma(k)); ok {
		return cand{j: k2, typ: typDate, p: point{t: day(y, 3*int(e.season), 1), g: gSeason, season: e.season}, theOK: true, concrete: true}, true
	}
	if k > j {
		// "the winter of nineteen ninety-four"
		if c, ok := s.spokenYear(k); ok {
			return cand{j: c.j, typ: typDate, p: point{t: day(c.p.t.Year(), 3*int(e.season), 1), g: gSeason, season: e.season}, theOK: true, concrete: true}, true
		}
	}
	switch s.w(i - 1) {
	case wIn, wThe, wSince, wUntil, wBy, wDuring, wOver, wThroughout, wEarly, wLate, wMid, wBefore, wAfter, wThis, wLast, wNext, wEvery, wEach, wThat:
	default:
		if !s.hyphen(i-1) || !s.decadePrefix(i-2) {
			return cand{}, false // "mid-summer", not "a free-fall"
		}
	}
	if s.w(i-1) == wThe && s.t[i+0].kind == kWord && i+1 < s.n() && s.t[i+1].kind == kWord && s.lx(i+1) == nil && s.w(i+1) != wOf {
		// "the summer months", "the fall season": a modifier, still a season.
	}
	if !s.hasDCT {
		return cand{j: j, typ: typDate, val: "XXXX-" + seasonCodes[e.season], theOK: true}, true
	}
	cur := seasonInstance(s.dct)
	base := floorDiv(cur, 4)*4 + int(e.season) - 1
	switch s.tenseOf(i, j) {
	case tPast:
		if base > cur {
			base -= 4
		}
	case tFuture:
		if base < cur {
			base += 4
		}
	}
	return cand{j: j, typ: typDate, p: seasonPoint(base), anchored: true, theOK: true, concrete: true}, true
}

var holidayWords = map[string]int8{
	"independence": hIndependence, "labor": hLabor, "labour": hLabor, "memorial": hMemorial,
	"election": hElection, "valentine": hValentine, "veterans": hVeterans,
}

func init() {
	for w, h := range holidayWords {
		e := lexicon[w]
		if e == nil {
			e = &lexEntry{}
			lexicon[w] = e
		}
		e.w, e.hol = wHoliday, h
	}
	e := lexicon["new"]
	e.hol = hNewYear
}

// holidayExpr: "Christmas", "Christmas Eve", "New Year's Day", "Labor Day 2024".
func (s *scanner) holidayExpr(i int) (cand, bool) {
	e := s.t[i].lx
	if !s.t[i].cap {
		return cand{}, false
	}
	h := e.hol
	j := i + 1
	switch h {
	case hNewYear:
		if !s.eq(j, "year") {
			return cand{}, false
		}
		j++
		if s.apos(j) && s.eq(j+1, "s") {
			j += 2
		} else if s.eq(j, "s") {
			j++
		}
		switch {
		case s.w(j) == wDay:
			j++
		case s.w(j) == wEve:
			h = hNewYearEve
			j++
		default:
			return cand{}, false
		}
	case hChristmas:
		if s.w(j) == wDay {
			j++
		} else if s.w(j) == wEve {
			h = hChristmasEve
			j++
		}
	case hThanksgiving:
		if s.w(j) == wDay {
			j++
		}
	case hEaster:
		if s.eq(j, "sunday") {
			j++
		}
	case hHalloween:
	case hValentine:
		if s.apos(j) && s.eq(j+1, "s") {
			j += 2
		}
		if s.w(j) != wDay {
			return cand{}, false
		}
		j++
	default:
		if s.apos(j) {
			j++
		}
		if s.w(j) != wDay {
			return cand{}, false
		}
		j++
	}
	if y, k, ok := s.yearAt(s.skipComma(j)); ok {
		return cand{j: k, typ: typDate, p: point{t: holiday(h, y), g: gDay}, concrete: true}, true
	}
	if !s.hasDCT {
		t := holiday(h, 2001)
		return cand{j: j, typ: typDate, p: point{t: t, g: gDay, noYear: true}}, true
	}
	y := s.dct.Year()
	if pw := s.w(i - 1); pw == wLast || pw == wNext || pw == wThis {
		// handled by relative(); keep the plain reading here
	}
	t := holiday(h, y)
	tn := s.tenseOf(i, j)
	if (s.deadline(i, j) || s.w(i-1) == wBy || s.w(i-1) == wBefore) && tn != tPast {
		tn = tFuture // "by Election Day", "until Christmas": the coming one
	}
	switch tn {
	case tPast:
		if t.After(s.dct) {
			t = holiday(h, y-1)
		}
	case tFuture:
		if t.Before(s.dct) {
			t = holiday(h, y+1)
		}
	default:
		if t.Sub(s.dct) > 183*24*time.Hour {
			t = holiday(h, y-1)
		} else if s.dct.Sub(t) > 183*24*time.Hour {
			t = holiday(h, y+1)
		}
	}
	return cand{j: j, typ: typDate, p: point{t: t, g: gDay}, anchored: true, concrete: true}, true
}

// ---- quarters, halves, centuries, fiscal years ----

// ordinalAt reads an ordinal: "third", "3rd", "twenty-first".
func (s *scanner) ordinalAt(i int) (int, int, bool) {
	if e := s.lx(i); e != nil && e.ord > 0 {
		return int(e.ord), i + 1, true
	}
	if e := s.lx(i); e != nil && e.tens && s.hyphen(i+1) {
		if o := s.lx(i + 2); o != nil && o.ord > 0 && o.ord < 10 {
			return int(e.num) + int(o.ord), i + 3, true
		}
	}
	if v, nd, ok := s.num(i); ok && nd <= 2 {
		if j := s.ordSuffix(i + 1); j > i+1 {
			return v, j, true
		}
	}
	return 0, 0, false
}

// yearSpec reads "of 1990", "1990", "of this year", "of fiscal 1990", "of the year".
func (s *scanner) yearSpec(i int) (int, int, bool, bool) { // year, end, explicit, ok
	k := i
	if s.w(k) == wOf {
		k++
	}
	if s.w(k) == wFiscal {
		k++
	}
	if y, k2, ok := s.yearAt(k); ok {
		return y, k2, true, true
	}
	if k > i && s.hasDCT {
		switch s.w(k) {
		case wThis, wLast, wNext:
			if s.eq(k+1, "year") {
				return s.dct.Year() + map[word]int{wThis: 0, wLast: -1, wNext: 1}[s.w(k)], k + 2, false, true
			}
		case wThe:
			if s.eq(k+1, "year") && !s.eq(k+2, "before") {
				return s.dct.Year(), k + 2, false, true
			}
			if s.w(k+1) == wCurrent && s.eq(k+2, "year") {
				return s.dct.Year(), k + 3, false, true
			}
		}
	}
	return 0, 0, false, false
}

// ordinalThings: "the third quarter (of 1990)", "third-quarter", "first half",
// "the 20th century", "the 22nd of February".
func (s *scanner) ordinalThings(i int) (cand, bool) {
	n, j, ok := s.ordinalAt(i)
	if !ok && (s.w(i) == wLast || s.w(i) == wFinal) && s.w(i-1) == wThe {
		n, j, ok = -1, i+1, true // "the last quarter of 2009", "the final week of March"
	}
	if !ok {
		return cand{}, false
	}
	if c, ok := s.partOfMonth(i, n, j); ok {
		return c, true
	}
	if n < 0 {
		switch e := s.lx(j); {
		case e != nil && e.u == uQuarter && !e.pl:
			n = 4
		case e != nil && e.w == wHalfWord:
			n = 2
		default:
			return cand{}, false
		}
		if _, _, _, ok := s.yearSpec(j + 1); !ok {
			return cand{}, false // "the last quarter" alone is the previous one: relative()
		}
	}
	k := j
	if s.hyphen(k) {
		k++
	}
	if s.w(k) == wFiscal {
		k++
	}
	e := s.lx(k)
	if e == nil {
		return cand{}, false
	}
	switch {
	case e.u == uQuarter && !e.pl && n >= 1 && n <= 4:
		end := k + 1
		if y, k2, explicit, ok := s.yearSpec(end); ok {
			return cand{j: k2, typ: typDate, p: point{t: day(y, 3*n-2, 1), g: gQuarter}, theOK: true, concrete: true, anchored: !explicit, setsQ: true}, true
		}
		if !s.hasDCT {
			return cand{j: end, typ: typDate, val: "XXXX-Q" + string(rune('0'+n)), theOK: true}, true
		}
		// The most recent such quarter, unless the clause looks ahead: a
		// quarter that has not begun is last year's in a report, while the
		// results of that quarter are still news (it ended at most half a
		// year ago); later it is the one to come ("plants closed during the
		// fourth quarter" in August).
		y := s.dct.Year()
		dm := int(s.dct.Month())
		curQ := (dm-1)/3 + 1
		if n > curQ && s.tenseOf(i, end) != tFuture && 12-3*n+dm <= 6 {
			y--
		}
		return cand{j: end, typ: typDate, p: point{t: day(y, 3*n-2, 1), g: gQuarter}, theOK: true, anchored: true, concrete: true, setsQ: true}, true
	case e.w == wHalfWord && n >= 1 && n <= 2:
		end := k + 1
		if y, k2, explicit, ok := s.yearSpec(end); ok {
			return cand{j: k2, typ: typDate, p: point{t: day(y, 6*n-5, 1), g: gHalf}, theOK: true, concrete: true, anchored: !explicit}, true
		}
		if !s.hasDCT {
			return cand{}, false
		}
		if s.w(i-1) != wThe && s.w(i-2) != wThe || s.w(end) == wOf {
			return cand{}, false // "the first half of the 20th century" is not this year's
		}
		return cand{j: end, typ: typDate, p: point{t: day(s.dct.Year(), 6*n-5, 1), g: gHalf}, theOK: true, anchored: true, concrete: true}, true
	case e.u == uCentury && !e.pl && n >= 1 && n <= 30:
		return cand{j: k + 1, typ: typDate, p: point{t: day((n-1)*100, 1, 1), g: gCentury}, theOK: true, concrete: true}, true
	case e.w == wOf && n <= 31:
		// "the 22nd of February" is read by dayMonth via the numeric path;
		// ordinal words: "the first of May".
		if m, k2, ok := s.monthWord(k + 1); ok {
			if y, k3, ok := s.yearAt(s.skipComma(k2)); ok {
				return cand{j: k3, typ: typDate, p: point{t: day(y, m, n), g: gDay}, theOK: true, concrete: true}, true
			}
			p, ok := s.resolveDay(m, n, i, k2)
			if !ok {
				return cand{}, false
			}
			return cand{j: k2, typ: typDate, p: p, theOK: true, anchored: true, concrete: true}, true
		}
	}
	return cand{}, false
}

// partOfMonth: "the first week of March", "the last week of March 2009",
// "the last day of June" (n < 0 is last/final; the ordinal starts at j).
func (s *scanner) partOfMonth(i, n, j int) (cand, bool) {
	e := s.lx(j)
	if e == nil || e.pl || (e.u != uWeek && e.u != uDay) || s.w(j+1) != wOf || n == 0 || n > 5 {
		return cand{}, false
	}
	m, k, ok := s.monthWord(j + 2)
	if !ok {
		return cand{}, false
	}
	var first time.Time
	anchored := false
	if y, k2, ok := s.yearAt(s.skipComma(k)); ok {
		first, k = day(y, m, 1), k2
	} else if s.hasDCT {
		first, anchored = s.resolveMonth(m, i, k).t, true
	} else {
		return cand{}, false
	}
	last := first.AddDate(0, 1, -1)
	if e.u == uDay {
		t := last
		if n > 0 {
			t = first.AddDate(0, 0, n-1)
			if t.Month() != first.Month() {
				return cand{}, false
			}
		}
		return cand{j: k, typ: typDate, p: point{t: t, g: gDay}, anchored: anchored, theOK: true, concrete: true}, true
	}
	// Weeks: the ISO week holding most of the month's first (n-th) or last seven days.
	t := last.AddDate(0, 0, -3)
	if n > 0 {
		t = first.AddDate(0, 0, 3+7*(n-1))
	}
	return cand{j: k, typ: typDate, p: point{t: t, g: gWeek}, anchored: anchored, theOK: true}, true
}

// fiscalOrQ: "fiscal 1989", "fiscal year 2025", "FY2025", "Q3", "Q3 2024", "fiscal first quarter".
func (s *scanner) fiscalOrQ(i int) (cand, bool) {
	switch s.w(i) {
	case wFiscal:
		k := i + 1
		if s.eq(k, "year") {
			k++
		}
		if y, k2, ok := s.yearAt(k); ok {
			return cand{j: k2, typ: typDate, p: point{t: day(y, 1, 1), g: gYear}, theOK: true, concrete: true}, true
		}
		if v, nd, ok := s.num(k); ok && nd == 2 {
			return cand{j: k + 1, typ: typDate, p: point{t: day(s.twoDigitYear(v), 1, 1), g: gYear}, theOK: true, concrete: true}, true
		}
		if c, ok := s.ordinalThings(i + 1); ok && c.p.g == gQuarter {
			return c, true
		}
	case wFY:
		k := i + 1
		if v, nd, ok := s.num(k); ok && (nd == 4 || nd == 2) {
			y := v
			if nd == 2 {
				y = s.twoDigitYear(v)
			}
			return cand{j: k + 1, typ: typDate, p: point{t: day(y, 1, 1), g: gYear}, concrete: true}, true
		}
	case wQ:
		v, nd, ok := s.num(i + 1)
		if !ok || nd != 1 || v < 1 || v > 4 || !s.adj(i+1) || !s.t[i].cap {
			return cand{}, false
		}
		k := i + 2
		if y, k2, ok := s.yearAt(s.skipComma(k)); ok {
			return cand{j: k2, typ: typDate, p: point{t: day(y, 3*v-2, 1), g: gQuarter}, concrete: true, setsQ: true}, true
		}
		if !s.hasDCT {
			return cand{j: k, typ: typDate, val: "XXXX-Q" + string(rune('0'+v))}, true
		}
		return cand{j: k, typ: typDate, p: point{t: day(s.dct.Year(), 3*v-2, 1), g: gQuarter}, anchored: true, concrete: true, setsQ: true}, true
	}
	return cand{}, false
}
