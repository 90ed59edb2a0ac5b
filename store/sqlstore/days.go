package sqlstore

import (
	"time"
)

// Since schema v7 event dates (events and event_actors date_lo, date_hi) are
// day numbers, not YYYY-MM-DD text: day 1 is 0001-01-01, 0 means undated.
// A day number takes 3 bytes in a SQLite record or index key where the text
// took 10, and every events index and the event_actors key hold dates.

// unixDay1 is the Unix time of 0001-01-01.
var unixDay1 = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()

// DayNumber returns the day number of a day (YYYY-MM-DD), 0 for "" or a
// malformed day.
func DayNumber(s string) int64 {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0
	}
	return (t.Unix()-unixDay1)/86400 + 1
}

// DayText is the day (YYYY-MM-DD) of a day number, "" for 0.
func DayText(n int64) string {
	if n <= 0 {
		return ""
	}
	return time.Unix(unixDay1+(n-1)*86400, 0).UTC().Format(time.DateOnly)
}

// day is the value stored for a day in the schema at hand.
func (s *DB) day(v string) any {
	if s.dayNumbers {
		return DayNumber(v)
	}
	return v
}

// dayOf turns a date column read into a day (YYYY-MM-DD or "").
func dayOf(v any) string {
	switch x := v.(type) {
	case int64:
		return DayText(x)
	case string:
		return x
	case []byte:
		return string(x)
	case float64:
		return DayText(int64(x))
	}
	return ""
}

// dated is the condition that a date column holds a date.
func (s *DB) dated(col string) string {
	if s.dayNumbers {
		return col + " > 0"
	}
	return col + " <> ''"
}

// Since schema v9 the publication times copied into mentions.published and
// events.status_published are Unix seconds (0 when unknown), not RFC 3339
// text: 5 bytes instead of 20 in each mention and event row.

// pub is the value stored for a publication time (RFC 3339 or "") in the
// schema at hand.
func (s *DB) pub(v string) any {
	if !s.timeNumbers {
		return v
	}
	return seconds(v)
}

// Since schema v11 (SlimTables) articles.published and articles.ingested_at
// are Unix seconds too.

// articleTime is the value stored for an article's publication or ingest
// time (RFC 3339 or "") in the schema at hand.
func (s *DB) articleTime(v string) any {
	if !s.slimTables {
		return v
	}
	return seconds(v)
}

// seconds is the Unix time of an RFC 3339 time, 0 for "" or a malformed
// one.
func seconds(v string) int64 {
	if v == "" {
		return 0
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return 0
	}
	return t.Unix()
}

// pubOf turns a publication time column read into RFC 3339 text ("" when
// unknown).
func pubOf(v any) string {
	switch x := v.(type) {
	case int64:
		if x == 0 {
			return ""
		}
		return time.Unix(x, 0).UTC().Format(time.RFC3339)
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}
