package doc

// Timex is a TimeML TIMEX3 temporal expression.
type Timex struct {
	ID    string `json:"id"`    // "t1", "t2", …
	Type  string `json:"type"`  // DATE, TIME, DURATION, SET
	Value string `json:"value"` // TimeML value: 2025-02-22, 2025-W08, P2W, PRESENT_REF, XXXX-WXX-1, …
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Mod is the TimeML modifier (BEFORE, AFTER, ON_OR_BEFORE, APPROX, START, MID, END, …), if any.
	Mod string `json:"mod,omitempty"`
	// Quant and Freq qualify SETs ("EVERY", "1W").
	Quant string `json:"quant,omitempty"`
	Freq  string `json:"freq,omitempty"`
	// Anchor is the value the expression was resolved against (the DCT or an
	// earlier reference time), when it is relative.
	Anchor string `json:"anchor,omitempty"`
	// Interval is the absolute range the expression denotes when it is a
	// range or a duration anchored in time ("within the next two weeks" →
	// 2025-02-22..2025-03-08; "since June 2021" → 2021-06..2025-02-22).
	Interval *Interval `json:"interval,omitempty"`
	// Granularity of a DATE/TIME value: day, week, month, quarter, season, year, decade, century, time, or "".
	Granularity string `json:"granularity,omitempty"`
}

// Span returns the timex's byte span.
func (t Timex) Span() Span { return Span{t.Start, t.End} }

// Interval is a closed range of TimeML date values.
type Interval struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// Quote is a direct quotation or a reported (indirect) statement.
type Quote struct {
	ID      string   `json:"id"`    // "q1", "q2", …
	Text    string   `json:"text"`  // the content span's text
	Start   int      `json:"start"` // content span
	End     int      `json:"end"`
	Direct  bool     `json:"direct"` // inside quotation marks
	Mixed   bool     `json:"mixed"`  // indirect speech with a quoted fragment inside
	Cue     *Cue     `json:"cue"`
	Speaker *Speaker `json:"speaker"`
}

// Span returns the quote's content span.
func (q Quote) Span() Span { return Span{q.Start, q.End} }

// Cue is the word or phrase that signals attribution ("said", "according to").
type Cue struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Lemma string `json:"lemma,omitempty"` // "say", "deny", "according to"
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Actor string `json:"actor,omitempty"` // actor ID; empty for unknown or anonymous sources
	// Anonymous marks unnamed sources ("officials said", "reports").
	Anonymous bool `json:"anonymous,omitempty"`
}

// Event statuses (factuality).
const (
	StatusOccurred     = "occurred"     // reported as having happened
	StatusOngoing      = "ongoing"      // happening at the reference time
	StatusPlanned      = "planned"      // intended, scheduled, being arranged, likely in the future
	StatusDenied       = "denied"       // someone denies it happened or will happen
	StatusNegated      = "negated"      // the text says it did not happen
	StatusHypothetical = "hypothetical" // conditional or counterfactual
	StatusUncertain    = "uncertain"    // possible, rumoured, unclear
)

// Event is a coded political event: who did what to whom, when and where.
type Event struct {
	ID        string        `json:"id"`      // "e1", "e2", …
	Type      string        `json:"type"`    // PLOVER 2.0 type: CONSULT, ACCUSE, …
	Mode      string        `json:"mode"`    // PLOVER mode, may be ""
	Context   []string      `json:"context"` // PLOVER contexts, may be empty
	CAMEO     string        `json:"cameo"`   // CAMEO code, "040", "0311", …
	Quad      int           `json:"quad"`    // quad class 1..4
	Goldstein float64       `json:"goldstein"`
	Source    []Participant `json:"source"`
	Target    []Participant `json:"target"`
	Date      *EventDate    `json:"date"`
	Status    string        `json:"status"`
	// Reported is set when the event is known only from someone's statement
	// (a quote or reported speech) rather than asserted by the author.
	Reported *Reported `json:"reported"`
	Location *Location `json:"location"`
	Evidence Evidence  `json:"evidence"` // the first (main) mention
	// Mentions holds every piece of evidence, the main one first, when the
	// article tells the same event more than once.
	Mentions []Evidence `json:"mentions"`
	// Reciprocal is true when source and target act on each other ("met", "traded barbs").
	Reciprocal bool `json:"reciprocal"`
}

// Participant is a source or target of an event.
type Participant struct {
	Actor string `json:"actor"` // actor ID, "" when the text names no known actor
	Text  string `json:"text"`  // "" for a party the coding implies but the text does not name
	Code  string `json:"code"`  // CAMEO actor code
	Start int    `json:"start"` // 0 with End 0 when Text is ""
	End   int    `json:"end"`
}

// EventDate is when an event happened or is expected: a single TimeML value,
// or an interval.
type EventDate struct {
	Value       string `json:"value,omitempty"` // 2025-02-18, 2021-06, …
	Start       string `json:"start,omitempty"` // interval start
	End         string `json:"end,omitempty"`   // interval end
	Granularity string `json:"granularity"`     // day, week, month, year, …
	Timex       string `json:"timex,omitempty"` // ID of the timex it came from; "" when it is the reference time
}

// Reported says who reports an event that the author does not assert.
type Reported struct {
	By    string `json:"by"`              // actor ID of the speaker, "" when unknown
	Text  string `json:"text"`            // speaker text
	Quote string `json:"quote,omitempty"` // quote ID
}

// Location is where an event took place, geocoded.
type Location struct {
	Text    string  `json:"text"`
	Name    string  `json:"name"`    // gazetteer name
	Country string  `json:"country"` // ISO 3166 alpha-3
	Lat     float64 `json:"lat"`     // 0 with Lon 0 when the gazetteer has no position
	Lon     float64 `json:"lon"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Kind    string  `json:"kind"` // city, region, country
}

// Evidence is where the text reports an event.
type Evidence struct {
	Sentence int     `json:"sentence"` // sentence index
	Start    int     `json:"start"`    // sentence span
	End      int     `json:"end"`
	Text     string  `json:"text"` // the sentence
	Trigger  Trigger `json:"trigger"`
}

// Trigger is the word or phrase that expresses the event.
type Trigger struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Lemma string `json:"lemma,omitempty"`
}
