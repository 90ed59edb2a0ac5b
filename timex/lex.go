package timex

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds of the timex scanner.
const (
	kWord  uint8 = iota + 1 // letters
	kNum                    // ASCII digits
	kPunct                  // any other single rune
)

// tok is one token of the scanner's own segmentation. It is deliberately
// finer than UD tokens ("Feb." is "Feb" + ".", "2/22/2025" is five tokens) so
// that recognition does not depend on the tokenizer stage; adjacency (gap)
// lets patterns glue the pieces back together.
type tok struct {
	s, e int32     // byte span in the text
	num  int32     // value of a kNum token (saturated at 1e9)
	kind uint8     // kWord, kNum, kPunct
	ndig uint8     // number of digits of a kNum token (saturated at 255)
	gap  bool      // whitespace (or text start) precedes the token
	nl   bool      // the gap holds a blank line (paragraph break)
	br   bool      // the gap holds a line break
	cap  bool      // a kWord starting with an upper-case letter
	lx   *lexEntry // lexicon entry of a kWord, nil if none
}

// lexTokens appends the scanner tokens of text to buf and returns it. It
// allocates only when buf must grow.
func lexTokens(text string, buf []tok) []tok {
	toks := buf[:0]
	gap, nl, br := true, false, false
	newlines := 0
	var low [24]byte
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			gap = true
			i++
			continue
		case c == '\n':
			gap, br = true, true
			newlines++
			if newlines >= 2 {
				nl = true
			}
			i++
			continue
		}
		newlines = 0
		start := i
		t := tok{s: int32(i), gap: gap, nl: nl, br: br}
		gap, nl, br = false, false, false
		switch {
		case c >= '0' && c <= '9':
			var v int64
			nd := 0
			for i < len(text) && text[i] >= '0' && text[i] <= '9' {
				if v < 1e9 {
					v = v*10 + int64(text[i]-'0')
				}
				nd++
				i++
			}
			if v > 1e9 {
				v = 1e9
			}
			if nd > 255 {
				nd = 255
			}
			t.kind, t.num, t.ndig = kNum, int32(v), uint8(nd)
		case c < utf8.RuneSelf && isASCIILetter(c):
			n := 0
			for i < len(text) {
				ch := text[i]
				if ch < utf8.RuneSelf {
					if !isASCIILetter(ch) {
						break
					}
					if n < len(low) {
						low[n] = ch | 0x20
					}
					n++
					i++
					continue
				}
				r, sz := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsLetter(r) {
					break
				}
				n = len(low) + 1 // non-ASCII words are never in the lexicon
				i += sz
			}
			t.kind = kWord
			t.cap = c >= 'A' && c <= 'Z'
			if n <= len(low) {
				t.lx = lexicon[string(low[:n])]
			}
		default:
			r, sz := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) {
				for i < len(text) {
					r, sz := utf8.DecodeRuneInString(text[i:])
					if !unicode.IsLetter(r) && !(r < utf8.RuneSelf && isASCIILetter(byte(r))) {
						break
					}
					i += sz
				}
				t.kind = kWord
				t.cap = unicode.IsUpper(r)
			} else {
				if unicode.IsSpace(r) {
					gap = true
					i += sz
					continue
				}
				i += sz
				t.kind = kPunct
			}
		}
		t.e = int32(i)
		_ = start
		toks = append(toks, t)
	}
	return toks
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// unit is a calendar or clock unit.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uNight
	uWeekend
	uWeek
	uFortnight
	uMonth
	uQuarter
	uHalf
	uSeason
	uYear
	uDecade
	uCentury
	uMillennium
)

// word identifies function words the patterns test for.
type word uint8

const (
	wNone word = iota
	wThe
	wA
	wAn
	wLast
	wNext
	wThis
	wThat
	wThese
	wComing
	wPast
	wPrevious
	wFollowing
	wCurrent
	wLatest
	wRecent
	wAgo
	wEarlier
	wLater
	wBefore
	wAfter
	wFrom
	wNow
	wToday
	wTomorrow
	wYesterday
	wTonight
	wEarly
	wLate
	wMid
	wMiddle
	wEnd
	wBeginning
	wStart
	wOf
	wEvery
	wEach
	wPer
	wAbout
	wAround
	wApprox
	wNearly
	wAlmost
	wOver
	wMore
	wLess
	wThan
	wAt
	wLeast
	wMost
	wUnder
	wUp
	wTo
	wWithin
	wFor
	wIn
	wOn
	wSince
	wUntil
	wThrough
	wBetween
	wAnd
	wOr
	wFiscal
	wFew
	wSeveral
	wMany
	wCouple
	wAM
	wPM
	wNoon
	wMidnight
	wOclock
	wSame
	wHence
	wSo
	wYearAgo // "year-ago", "year-earlier" first part handled by patterns
	wFirst
	wHalfWord
	wQ
	wFY
	wLong
	wOld
	wTZ
	wRef     // vague reference adverb, value in entry.ref
	wSetAdv  // daily, weekly, …; freq in entry.freq
	wHoliday // holiday name; entry.hol
	wDay     // "day" after a holiday name ("Christmas Day")
	wEve
	wNew
	wYears // "Year's" in "New Year's"
	wTime
	wOnce
	wOvernight
	wDozen
	wHundred
	wThousand
	wPresent
	wNear
	wDistant
	wOther
	wPrior
	wAs
	wOf2
	wUpcoming
	wAnother
	wHalfPrefix
	wInto
	wAgoLike
	wTwice
	wThrice
	wWeekdayPl
	wModern
	wRest
	wRemainder
	wWhole
	wFull
	wEntire
	wCalendar
	wAcademic
	wSchool
	wUntilLike
	wDuring
	wThroughout
	wBy
	wYearEnd
	wComparable // "comparable", "corresponding": "the comparable year-ago quarter"
	wPeriod     // "the year-earlier period"
	wShort      // "the short term"
	wFinal      // "the final quarter of 2009"
)

// lexEntry is what the lexicon knows about a lower-cased word.
type lexEntry struct {
	w      word
	month  int8  // 1..12
	wday   int8  // 1 (Monday) .. 7
	num    int32 // cardinal value, 0 if none
	ord    int8  // ordinal value, 0 if none
	u      unit  // time unit
	pl     bool  // plural unit or weekday
	season int8  // 1 SP, 2 SU, 3 FA, 4 WI
	pod    int8  // part of day: 1 MO, 2 AF, 3 EV, 4 NI, 5 DT (daytime)
	abbr   bool  // abbreviation that may take a period (month, weekday)
	ref    string
	freq   string // set adverbs: "P1D"
	hol    int8   // holiday id
	tens   bool   // number word is a tens word (twenty … ninety)
}

var lexicon = buildLexicon()

func buildLexicon() map[string]*lexEntry {
	m := make(map[string]*lexEntry, 512)
	get := func(s string) *lexEntry {
		e := m[s]
		if e == nil {
			e = &lexEntry{}
			m[s] = e
		}
		return e
	}
	months := [][]string{
		{"january", "jan"}, {"february", "feb", "febr"}, {"march", "mar"}, {"april", "apr"}, {"may"},
		{"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep", "sept"},
		{"october", "oct"}, {"november", "nov"}, {"december", "dec"},
	}
	for i, names := range months {
		for k, n := range names {
			e := get(n)
			e.month = int8(i + 1)
			e.abbr = k > 0
		}
	}
	days := [][]string{
		{"monday", "mon"}, {"tuesday", "tue", "tues"}, {"wednesday", "wed"}, {"thursday", "thu", "thur", "thurs"},
		{"friday", "fri"}, {"saturday", "sat"}, {"sunday", "sun"},
	}
	for i, names := range days {
		for k, n := range names {
			e := get(n)
			e.wday = int8(i + 1)
			e.abbr = k > 0
		}
		e := get(names[0] + "s")
		e.wday, e.pl = int8(i+1), true
	}
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, n := range nums {
		if i > 0 {
			get(n).num = int32(i)
		}
	}
	for i, n := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		e := get(n)
		e.num = int32(20 + 10*i)
		e.tens = true
	}
	get("hundred").w = wHundred
	get("thousand").w = wThousand
	get("dozen").w = wDozen
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
		"nineteenth", "twentieth"}
	for i, n := range ords {
		get(n).ord = int8(i + 1)
	}
	get("thirtieth").ord = 30
	units := []struct {
		s, p string
		u    unit
	}{
		{"second", "seconds", uSecond}, {"sec", "secs", uSecond}, {"minute", "minutes", uMinute}, {"min", "mins", uMinute},
		{"hour", "hours", uHour}, {"hr", "hrs", uHour}, {"day", "days", uDay}, {"night", "nights", uNight},
		{"weekend", "weekends", uWeekend}, {"week", "weeks", uWeek}, {"fortnight", "fortnights", uFortnight},
		{"month", "months", uMonth}, {"quarter", "quarters", uQuarter}, {"half", "halves", uHalf},
		{"year", "years", uYear}, {"yr", "yrs", uYear}, {"decade", "decades", uDecade}, {"century", "centuries", uCentury},
		{"millennium", "millennia", uMillennium}, {"season", "seasons", uSeason},
	}
	for _, u := range units {
		get(u.s).u = u.u
		e := get(u.p)
		e.u, e.pl = u.u, true
	}
	for i, ss := range [][]string{{"spring", "springs"}, {"summer", "summers"}, {"fall", "autumn", "falls", "autumns"}, {"winter", "winters"}} {
		for _, s := range ss {
			e := get(s)
			e.season = int8(i + 1)
			e.pl = s[len(s)-1] == 's'
		}
	}
	for s, p := range map[string]int8{"morning": 1, "mornings": 1, "afternoon": 2, "afternoons": 2, "evening": 3, "evenings": 3,
		"night": 4, "nights": 4, "daytime": 5} {
		get(s).pod = p
	}
	words := map[string]word{
		"the": wThe, "a": wA, "an": wAn, "last": wLast, "next": wNext, "this": wThis, "that": wThat, "these": wThese,
		"coming": wComing, "past": wPast, "previous": wPrevious, "preceding": wPrevious, "prior": wPrior,
		"following": wFollowing, "current": wCurrent, "latest": wLatest, "recent": wRecent, "ago": wAgo,
		"earlier": wEarlier, "later": wLater, "before": wBefore, "after": wAfter, "from": wFrom, "now": wNow,
		"today": wToday, "tomorrow": wTomorrow, "yesterday": wYesterday, "tonight": wTonight, "early": wEarly,
		"late": wLate, "mid": wMid, "middle": wMiddle, "end": wEnd, "beginning": wBeginning, "start": wStart,
		"of": wOf, "every": wEvery, "each": wEach, "per": wPer, "about": wAbout, "around": wAround,
		"approximately": wApprox, "roughly": wApprox, "some": wApprox, "nearly": wNearly, "almost": wAlmost, "over": wOver,
		"more": wMore, "less": wLess, "fewer": wLess, "than": wThan, "at": wAt, "least": wLeast, "most": wMost,
		"under": wUnder, "up": wUp, "to": wTo, "within": wWithin, "for": wFor, "in": wIn, "on": wOn,
		"since": wSince, "until": wUntil, "till": wUntil, "through": wThrough, "thru": wThrough, "between": wBetween,
		"and": wAnd, "or": wOr, "fiscal": wFiscal, "few": wFew, "several": wSeveral, "many": wMany,
		"couple": wCouple, "am": wAM, "pm": wPM, "noon": wNoon, "midday": wNoon, "midnight": wMidnight,
		"o": wOclock, "same": wSame, "hence": wHence, "so": wSo, "q": wQ, "fy": wFY,
		"long": wLong, "old": wOld, "day": wDay, "eve": wEve, "new": wNew, "time": wTime, "once": wOnce,
		"overnight": wOvernight, "present": wPresent, "near": wNear, "distant": wDistant, "other": wOther,
		"as": wAs, "upcoming": wUpcoming, "another": wAnother, "into": wInto, "twice": wTwice, "thrice": wThrice,
		"modern": wModern, "rest": wRest, "remainder": wRemainder, "whole": wWhole, "full": wFull,
		"entire": wEntire, "calendar": wCalendar, "during": wDuring, "throughout": wThroughout, "by": wBy,
		"comparable": wComparable, "corresponding": wComparable, "period": wPeriod, "short": wShort, "final": wFinal,
	}
	for s, w := range words {
		e := get(s)
		if e.w == wNone {
			e.w = w
		}
	}
	get("day").u = uDay
	get("first").w = wFirst
	get("half").w = wHalfWord
	for _, tz := range []string{"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "msk", "jst", "ist", "aest", "et", "pt", "ct", "mt"} {
		get(tz).w = wTZ
	}
	refs := map[string]string{
		"currently": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
		"recently": "PAST_REF", "lately": "PAST_REF",
	}
	for s, r := range refs {
		e := get(s)
		e.w, e.ref = wRef, r
	}
	sets := map[string]string{
		"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W", "monthly": "P1M",
		"yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H", "semiannually": "P6M",
		"biannually": "P6M",
	}
	for s, f := range sets {
		e := get(s)
		e.w, e.freq = wSetAdv, f
	}
	hols := map[string]int8{
		"christmas": hChristmas, "xmas": hChristmas, "easter": hEaster, "thanksgiving": hThanksgiving,
		"halloween": hHalloween, "hanukkah": hNone, "ramadan": hNone,
	}
	for s, h := range hols {
		if h != hNone {
			e := get(s)
			e.w, e.hol = wHoliday, h
		}
	}
	for _, d := range []string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"} {
		get(d) // "the nineties": tested by spelling in core
	}
	get("year").w = wNone // keep unit semantics only
	get("future")         // "the future": tested by spelling in core
	get("years").w = wYears
	return m
}

// Holidays with fixed or computable dates.
const (
	hNone int8 = iota
	hChristmas
	hEaster
	hThanksgiving
	hHalloween
	hNewYear
	hNewYearEve
	hChristmasEve
	hIndependence
	hLabor
	hMemorial
	hElection
	hValentine
	hVeterans
)
