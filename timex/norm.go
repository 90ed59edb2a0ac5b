package timex

import (
	"strconv"
	"time"
)

// gran is the granularity of a resolved calendar value.
type gran uint8

const (
	gNone gran = iota
	gMillennium
	gCentury
	gDecade
	gYear
	gHalf
	gSeason
	gQuarter
	gMonth
	gWeek
	gDay
	gTime
)

var granNames = [...]string{"", "millennium", "century", "decade", "year", "half", "season", "quarter", "month", "week", "day", "time"}

func (g gran) String() string {
	if int(g) < len(granNames) {
		return granNames[g]
	}
	return ""
}

// point is a resolved calendar value: a day (t) seen at granularity g.
// Season, quarter and half numbers are carried explicitly because they are
// not functions of the day alone for every convention.
type point struct {
	t      time.Time
	g      gran
	season int8   // 1..4 for gSeason
	pod    int8   // part of day for gTime without clock
	hh, mm int8   // clock time for gTime when pod == 0; hh < 0 means none
	fy     bool   // fiscal year
	utc    bool   // clock time given in UTC/GMT
	noYear bool   // the year is unknown (no anchor): formatted as XXXX
	noDay  bool   // month known, day unknown
	raw    string // literal value overriding the computed one
	// dayRaw is the literal day part of a clock time whose day is no
	// calendar date ("XXXX-WXX-2" for "10:30 a.m. Tuesday" without a DCT).
	dayRaw string
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func pad(b []byte, v, width int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	s := strconv.Itoa(v)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

var podCodes = [...]string{"", "MO", "AF", "EV", "NI", "DT"}
var seasonCodes = [...]string{"", "SP", "SU", "FA", "WI"}

// value formats p as a TimeML value.
func (p point) value() string {
	if p.raw != "" {
		return p.raw
	}
	var buf [32]byte
	b := buf[:0]
	y := p.t.Year()
	year := func() {
		if p.noYear {
			b = append(b, "XXXX"...)
		} else {
			b = pad(b, y, 4)
		}
	}
	switch p.g {
	case gMillennium:
		b = strconv.AppendInt(b, int64(y/1000), 10)
	case gCentury:
		b = pad(b, y/100, 2)
	case gDecade:
		b = pad(b, y/10, 3)
	case gYear:
		if p.fy {
			b = append(b, "FY"...)
		}
		year()
	case gHalf:
		year()
		b = append(b, "-H"...)
		b = strconv.AppendInt(b, int64((int(p.t.Month())-1)/6+1), 10)
	case gSeason:
		year()
		b = append(b, '-')
		b = append(b, seasonCodes[p.season]...)
	case gQuarter:
		year()
		b = append(b, "-Q"...)
		b = strconv.AppendInt(b, int64((int(p.t.Month())-1)/3+1), 10)
	case gMonth:
		year()
		b = append(b, '-')
		b = pad(b, int(p.t.Month()), 2)
	case gWeek:
		wy, w := p.t.ISOWeek()
		if p.noYear {
			b = append(b, "XXXX-WXX"...)
			break
		}
		b = pad(b, wy, 4)
		b = append(b, "-W"...)
		b = pad(b, w, 2)
	case gDay, gTime:
		switch {
		case p.dayRaw != "" && p.g == gTime:
			b = append(b, p.dayRaw...)
		case p.t.IsZero():
			// no date at all (a clock time without a DCT)
			b = append(b, "XXXX-XX-XX"...)
		default:
			year()
			b = append(b, '-')
			b = pad(b, int(p.t.Month()), 2)
			b = append(b, '-')
			if p.noDay {
				b = append(b, "XX"...)
			} else {
				b = pad(b, p.t.Day(), 2)
			}
		}
		if p.g == gTime {
			b = append(b, 'T')
			if p.pod > 0 {
				b = append(b, podCodes[p.pod]...)
			} else {
				b = pad(b, int(p.hh), 2)
				b = append(b, ':')
				b = pad(b, int(p.mm), 2)
				if p.utc {
					b = append(b, 'Z')
				}
			}
		}
	default:
		return "XXXX-XX-XX"
	}
	return string(b)
}

// dayValue formats a day as YYYY-MM-DD.
func dayValue(t time.Time) string { return point{t: t, g: gDay}.value() }

// shift moves t by n units.
func shift(t time.Time, u unit, n int) time.Time {
	switch u {
	case uDay, uNight:
		return t.AddDate(0, 0, n)
	case uWeek, uWeekend:
		return t.AddDate(0, 0, 7*n)
	case uFortnight:
		return t.AddDate(0, 0, 14*n)
	case uMonth:
		return addMonths(t, n)
	case uQuarter:
		return addMonths(t, 3*n)
	case uHalf:
		return addMonths(t, 6*n)
	case uSeason:
		return addMonths(t, 3*n)
	case uYear:
		return addMonths(t, 12*n)
	case uDecade:
		return addMonths(t, 120*n)
	case uCentury:
		return addMonths(t, 1200*n)
	case uMillennium:
		return addMonths(t, 12000*n)
	case uHour:
		return t.Add(time.Duration(n) * time.Hour)
	case uMinute:
		return t.Add(time.Duration(n) * time.Minute)
	case uSecond:
		return t.Add(time.Duration(n) * time.Second)
	}
	return t
}

// addMonths adds n months, clamping the day to the target month's length
// (Jan 31 + 1 month = Feb 28), unlike time.AddDate.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	mm := int(m) - 1 + n
	y += floorDiv(mm, 12)
	mm = mm - floorDiv(mm, 12)*12 + 1
	last := day(y, mm+1, 0).Day()
	if d > last {
		d = last
	}
	return time.Date(y, time.Month(mm), d, t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// unitGran is the granularity a date shifted by unit u is reported at.
func unitGran(u unit) gran {
	switch u {
	case uDay, uNight:
		return gDay
	case uWeek, uWeekend, uFortnight:
		return gWeek
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uHalf:
		return gHalf
	case uSeason:
		return gSeason
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury:
		return gCentury
	case uMillennium:
		return gMillennium
	case uHour, uMinute, uSecond:
		return gTime
	}
	return gDay
}

// durCode returns the TimeML duration value for n units ("P2W", "PT48H");
// n < 0 means an unknown number ("PXY").
func durCode(u unit, n float64) string {
	var buf [24]byte
	b := append(buf[:0], 'P')
	var sym string
	switch u {
	case uSecond:
		b, sym = append(b, 'T'), "S"
	case uMinute:
		b, sym = append(b, 'T'), "M"
	case uHour:
		b, sym = append(b, 'T'), "H"
	case uDay, uNight:
		sym = "D"
	case uWeek:
		sym = "W"
	case uWeekend:
		sym = "WE"
	case uFortnight:
		sym = "W"
		if n > 0 {
			n *= 2
		}
	case uMonth:
		sym = "M"
	case uQuarter:
		sym = "Q"
	case uHalf:
		sym, n = "M", n*6
	case uSeason:
		sym = "M"
		if n > 0 {
			n *= 3
		}
	case uYear:
		sym = "Y"
	case uDecade:
		sym = "Y"
		if n > 0 {
			n *= 10
		}
	case uCentury:
		sym = "C"
		if n > 0 {
			sym, n = "Y", n*100
		}
	case uMillennium:
		sym = "Y"
		if n > 0 {
			n *= 1000
		}
	default:
		sym = "D"
	}
	switch {
	case n < 0:
		b = append(b, 'X')
	case n == float64(int64(n)):
		b = strconv.AppendInt(b, int64(n), 10)
	default:
		// Fractions become the next smaller unit: 2.5 years = P2Y6M.
		whole := int64(n)
		frac := n - float64(whole)
		switch u {
		case uYear:
			return string(appendDur(b, whole, "Y", int64(frac*12+0.5), "M"))
		case uDay:
			return string(appendDur(b, whole, "D", int64(frac*24+0.5), "H"))
		case uHour:
			return string(appendDur(b, whole, "H", int64(frac*60+0.5), "M"))
		case uMinute:
			return string(appendDur(b, whole, "M", int64(frac*60+0.5), "S"))
		case uMonth:
			return string(appendDur(b, whole, "M", int64(frac*30+0.5), "D"))
		case uWeek:
			return string(appendDur(b, whole, "W", int64(frac*7+0.5), "D"))
		}
		b = strconv.AppendFloat(b, n, 'f', -1, 64)
	}
	b = append(b, sym...)
	return string(b)
}

func appendDur(b []byte, whole int64, s1 string, part int64, s2 string) []byte {
	if s2 == "D" && b[len(b)-1] == 'T' {
		b = b[:len(b)-1]
	}
	if whole > 0 {
		b = strconv.AppendInt(b, whole, 10)
		b = append(b, s1...)
	}
	if s2 == "H" && b[len(b)-1] != 'T' {
		b = append(b, 'T')
	}
	if part > 0 {
		b = strconv.AppendInt(b, part, 10)
		b = append(b, s2...)
	}
	return b
}

// easter returns Easter Sunday of year y (anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a := y % 19
	b := y / 100
	c := y % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := ((h + l - 7*m + 114) % 31) + 1
	return day(y, month, dd)
}

// nthWeekday returns the n-th (1-based; -1 = last) weekday wd (Monday = 1)
// of month m in year y.
func nthWeekday(y, m, wd, n int) time.Time {
	if n < 0 {
		last := day(y, m+1, 0)
		back := (int(last.Weekday()+6)%7 + 1 - wd + 7) % 7
		return last.AddDate(0, 0, -back)
	}
	first := day(y, m, 1)
	fwd := (wd - (int(first.Weekday()+6)%7 + 1) + 7) % 7
	return first.AddDate(0, 0, fwd+7*(n-1))
}

// holiday returns the date of holiday h in year y.
func holiday(h int8, y int) time.Time {
	switch h {
	case hChristmas:
		return day(y, 12, 25)
	case hChristmasEve:
		return day(y, 12, 24)
	case hNewYear:
		return day(y, 1, 1)
	case hNewYearEve:
		return day(y, 12, 31)
	case hHalloween:
		return day(y, 10, 31)
	case hIndependence:
		return day(y, 7, 4)
	case hValentine:
		return day(y, 2, 14)
	case hVeterans:
		return day(y, 11, 11)
	case hEaster:
		return easter(y)
	case hThanksgiving:
		return nthWeekday(y, 11, 4, 4)
	case hLabor:
		return nthWeekday(y, 9, 1, 1)
	case hMemorial:
		return nthWeekday(y, 5, 1, -1)
	case hElection:
		return nthWeekday(y, 11, 1, 1).AddDate(0, 0, 1)
	}
	return day(y, 1, 1)
}
