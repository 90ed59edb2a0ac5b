package store

import (
	"strconv"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/doc"
)

const day = "2006-01-02"

// DayRange returns the first and last day (YYYY-MM-DD) that a TimeML date
// value denotes: a day (2025-02-18, or a time on that day), a month
// (2025-02), a year (2025), an ISO week (2025-W08), a quarter (2025-Q1), a
// half (2025-H2), a season (2025-SU), a decade (199X) or a century (19XX).
// ok is false for values with no fixed place in time (PRESENT_REF, P2W,
// XXXX-WXX-1).
func DayRange(v string) (lo, hi string, ok bool) {
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		v = v[:i]
	}
	if len(v) < 4 {
		return "", "", false
	}
	switch {
	case len(v) == 4 && strings.HasSuffix(v, "XX"):
		c, err := strconv.Atoi(v[:2])
		if err != nil || !isDigits(v[:2]) || c < 1 {
			return "", "", false
		}
		return yearRange(c*100, c*100+99)
	case len(v) == 4 && v[3] == 'X':
		d, err := strconv.Atoi(v[:3])
		if err != nil || !isDigits(v[:3]) || d < 1 {
			return "", "", false
		}
		return yearRange(d*10, d*10+9)
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil || !isDigits(v[:4]) || y < 1 {
		return "", "", false
	}
	rest := v[4:]
	if rest == "" {
		return yearRange(y, y)
	}
	if rest[0] != '-' {
		return "", "", false
	}
	rest = rest[1:]
	switch {
	case len(rest) == 2 && isDigits(rest):
		m, _ := strconv.Atoi(rest)
		if m < 1 || m > 12 {
			return "", "", false
		}
		first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return first.Format(day), first.AddDate(0, 1, -1).Format(day), true
	case len(rest) == 5 && isDigits(rest[:2]) && rest[2] == '-' && isDigits(rest[3:]):
		t, err := time.Parse(day, v[:10])
		if err != nil {
			return "", "", false
		}
		s := t.Format(day)
		return s, s, true
	case len(rest) >= 3 && rest[0] == 'W' && isDigits(rest[1:3]):
		w, _ := strconv.Atoi(rest[1:3])
		if w < 1 || w > 53 {
			return "", "", false
		}
		// ISO week 1 holds January 4th.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
		if len(rest) == 6 && rest[3] == '-' && rest[4:] == "WE" {
			return monday.AddDate(0, 0, 5).Format(day), monday.AddDate(0, 0, 6).Format(day), true
		}
		return monday.Format(day), monday.AddDate(0, 0, 6).Format(day), true
	case len(rest) == 2 && (rest[0] == 'Q' || rest[0] == 'H') && rest[1] >= '1' && rest[1] <= '4':
		n := int(rest[1] - '0')
		months := 3
		if rest[0] == 'H' {
			if n > 2 {
				return "", "", false
			}
			months = 6
		}
		first := time.Date(y, time.Month((n-1)*months+1), 1, 0, 0, 0, 0, time.UTC)
		return first.Format(day), first.AddDate(0, months, -1).Format(day), true
	case len(rest) == 2:
		// Northern-hemisphere meteorological seasons.
		var m0 int
		switch rest {
		case "SP":
			m0 = 3
		case "SU":
			m0 = 6
		case "FA", "AU":
			m0 = 9
		case "WI":
			m0 = 12
		default:
			return "", "", false
		}
		first := time.Date(y, time.Month(m0), 1, 0, 0, 0, 0, time.UTC)
		return first.Format(day), first.AddDate(0, 3, -1).Format(day), true
	}
	return "", "", false
}

func yearRange(a, b int) (string, string, bool) {
	return time.Date(a, 1, 1, 0, 0, 0, 0, time.UTC).Format(day), time.Date(b, 12, 31, 0, 0, 0, 0, time.UTC).Format(day), true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// EventDays returns the day range of an event's date: its value, or its
// interval, or else the publication day (as GDELT dates events it cannot
// date by the article). value is the TimeML value to show; lo and hi are ""
// when nothing dates the event.
func EventDays(d *doc.EventDate, published time.Time) (value, lo, hi, granularity string) {
	if d != nil {
		if d.Value != "" {
			if lo, hi, ok := DayRange(d.Value); ok {
				return d.Value, lo, hi, d.Granularity
			}
		}
		if d.Start != "" || d.End != "" {
			lo, _, ok1 := DayRange(d.Start)
			_, hi, ok2 := DayRange(d.End)
			switch {
			case ok1 && ok2 && lo <= hi:
				return d.Start + ".." + d.End, lo, hi, d.Granularity
			case ok1:
				return d.Start + "..", lo, "9999-12-31", d.Granularity
			case ok2:
				return ".." + d.End, "0001-01-01", hi, d.Granularity
			}
		}
	}
	if !published.IsZero() {
		s := published.UTC().Format(day)
		return s, s, s, "day"
	}
	return "", "", "", ""
}

// BoundFrom and BoundTo turn a --from or --to value (a day, month or year,
// or any value DayRange knows) into an inclusive day bound.
func BoundFrom(v string) (string, bool) {
	lo, _, ok := DayRange(v)
	return lo, ok
}

// BoundTo is the inclusive upper day bound of v; see BoundFrom.
func BoundTo(v string) (string, bool) {
	_, hi, ok := DayRange(v)
	return hi, ok
}

// DaysCompatible reports whether two day ranges can describe the same event:
// they overlap, allowing one day either side for time zones. A range that is
// unknown ("") is compatible with anything.
func DaysCompatible(lo1, hi1, lo2, hi2 string) bool {
	if lo1 == "" || lo2 == "" {
		return true
	}
	return addDay(lo1, -1) <= hi2 && addDay(lo2, -1) <= hi1
}

func addDay(s string, n int) string {
	t, err := time.Parse(day, s)
	if err != nil {
		return s
	}
	return t.AddDate(0, 0, n).Format(day)
}

// RangeWidth is the number of days in a range (a large number when unknown).
func RangeWidth(lo, hi string) int {
	a, err1 := time.Parse(day, lo)
	b, err2 := time.Parse(day, hi)
	if err1 != nil || err2 != nil {
		return 1 << 30
	}
	return int(b.Sub(a).Hours()/24) + 1
}

// DayDistance is the number of days between two days (a large number when
// either is unknown).
func DayDistance(a, b string) int {
	ta, err1 := time.Parse(day, a)
	tb, err2 := time.Parse(day, b)
	if err1 != nil || err2 != nil {
		return 1 << 30
	}
	d := int(tb.Sub(ta).Hours() / 24)
	if d < 0 {
		d = -d
	}
	return d
}
