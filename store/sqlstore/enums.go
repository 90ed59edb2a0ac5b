package sqlstore

import (
	"strconv"
	"strings"
)

// Since schema v12 (SQLite; Dialect.EnumCodes) the small vocabularies
// stored in every event, event–actor and mention row and in two events
// indexes — event types, statuses, modes and date granularities — and
// since v14 (Dialect.MoreCodes) actor kinds and quote cues are integers: the index of the value in EnumNames, one byte where the text
// took up to twelve. Values not in the list (a type or mode added later)
// are stored as text in the same columns, which have no type affinity, so
// nothing is refused and lookups still match: an integer never equals a
// text.

// EnumNames are the values coded as integers, by code. The list is part of
// the schema: append only, never reorder or remove.
var EnumNames = [...]string{
	"",
	// Statuses (doc.Status*).
	"occurred", "ongoing", "planned", "denied", "negated", "hypothetical", "uncertain",
	// PLOVER event types, and the legacy names that older extractions used.
	"AGREE", "ASSAULT", "CONSULT", "ACCUSE", "REQUEST", "SUPPORT", "COERCE", "THREATEN",
	"REJECT", "RETREAT", "AID", "COOPERATE", "MOBILIZE", "SANCTION", "PROTEST", "CONCEDE",
	"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT",
	// Date granularities.
	"day", "week", "month", "quarter", "season", "year", "decade", "century", "time",
	// PLOVER modes.
	"disapprove", "arrest", "visit", "investigate", "meet", "seize", "restrict", "troops",
	"allege", "withdraw", "assist", "violence", "release", "beat", "heavy-weapons",
	"relations", "change", "massacre", "demo", "firearms", "pro_autocracy", "yield", "ban",
	"assassinate", "ceasefire", "suicide-attack", "phone", "disarm", "abduct", "torture",
	"territory", "police", "expel", "ease", "deport", "curfew", "boycott", "access",
	// Actor kinds (schema v14).
	"PER", "ORG", "LOC", "GRP",
	// Quote cues, the commonest in news (schema v14).
	"said", "told", "says", "called", "added", "saying", "according to", ":", "say", "reported",
	"announced", "asked", "warned", "noted", "wrote", "accused", "According to", "expected", "adding",
	"calling", "claimed", "found", "described", "suggested", "agreed", "continued", "refused", "showed",
	"argued", "admitted", "telling", "urged", "criticized", "insisted", "declared", "expressed", "Asked",
	"vowed", "pledged", "tells", "pointed", "concluded", "explained", "rejected", "claiming", "quoted",
	"responded", "endorsed", "acknowledged",
}

// enumCode returns the code of v, or v itself when it has none.
func enumCode(v string) any {
	for i, n := range EnumNames {
		if n == v {
			return int64(i)
		}
	}
	return v
}

// enum is the value stored for a type, status, mode or granularity in the
// schema at hand.
func (s *DB) enum(v string) any {
	if !s.enumCodes {
		return v
	}
	return enumCode(v)
}

// code is the value stored for an actor kind or a quote cue in the schema
// at hand (v14).
func (s *DB) code(v string) any {
	if !s.moreCodes {
		return v
	}
	return enumCode(v)
}

// enumText turns a type, status, mode or granularity column read into its
// text.
func enumText(v any) string {
	switch x := v.(type) {
	case int64:
		if x >= 0 && x < int64(len(EnumNames)) {
			return EnumNames[x]
		}
		return ""
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}

// EnumCase is an SQL expression that turns the text column col into its
// code (for migrations).
func EnumCase(col string) string {
	var b strings.Builder
	b.WriteString("CASE " + col)
	for i, n := range EnumNames {
		b.WriteString(" WHEN '" + n + "' THEN " + strconv.Itoa(i))
	}
	b.WriteString(" ELSE " + col + " END")
	return b.String()
}

// EnumTextCase is an SQL expression that turns the coded column col back
// into its text (for migrations).
func EnumTextCase(col string) string {
	var b strings.Builder
	b.WriteString("CASE WHEN typeof(" + col + ") <> 'integer' THEN " + col)
	for i, n := range EnumNames {
		b.WriteString(" WHEN " + col + " = " + strconv.Itoa(i) + " THEN '" + n + "'")
	}
	b.WriteString(" ELSE '' END")
	return b.String()
}
