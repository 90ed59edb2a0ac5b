package timex

import (
	"strings"

	"github.com/chronicle-news/chronicle/doc"
)

// DateFor returns the date of the event whose trigger is token index
// trigger of d: the temporal expression attached to the trigger in the
// dependency parse (obl:tmod, obl with on/in/since…, nmod), or governing its
// clause (a "when" clause on a date), else the closest usable expression in
// the same sentence, else the document creation time at day granularity.
// Durations ("for two weeks") and sets are never event dates; anchored
// durations ("within the next two weeks") give their interval. It returns
// nil when nothing is known (no usable timex and no publication date).
func DateFor(d *doc.Document, trigger int) *doc.EventDate {
	if d == nil {
		return nil
	}
	if trigger >= 0 && trigger < len(d.Tokens) && len(d.Timexes) > 0 {
		if k, viaClause := attachedTimex(d, trigger); k >= 0 {
			return eventDate(d, k, trigger, viaClause)
		}
		if k := nearestTimex(d, trigger); k >= 0 {
			return eventDate(d, k, trigger, false)
		}
	}
	if d.Published.IsZero() {
		return nil
	}
	return &doc.EventDate{Value: d.Published.UTC().Format("2006-01-02"), Granularity: "day"}
}

// usable reports whether timex x can date an event.
func usable(x *doc.Timex) bool {
	switch x.Type {
	case typDate, typTime:
		return x.Value != "PAST_REF" && x.Value != "FUTURE_REF" && !strings.HasPrefix(x.Value, "XXXX") && x.Value != ""
	case typDuration:
		return x.Interval != nil
	}
	return false
}

// timexAt returns the index of the usable timex covering token t, or -1.
func timexAt(d *doc.Document, t int) int {
	tk := d.Tokens[t]
	for k := range d.Timexes {
		x := &d.Timexes[k]
		if int(tk.Start) < x.End && x.Start < int(tk.End) && usable(x) {
			return k
		}
	}
	return -1
}

// attachedTimex finds a timex attached to the trigger (or to the predicates
// of its clause) in the parse. viaClause is set when the trigger's clause
// modifies the timex itself ("June 2021, when Putin met Biden").
func attachedTimex(d *doc.Document, trigger int) (int, bool) {
	if !d.Done.Has(doc.Deps) {
		return -1, false
	}
	sent := d.Tokens[trigger].Sent
	// Children of a predicate that lie in a timex.
	childTimex := func(h int) int {
		for i := range d.Tokens {
			tk := d.Tokens[i]
			if tk.Sent != sent || int(tk.Head) != h {
				continue
			}
			switch {
			case strings.HasPrefix(tk.Dep, "obl"), strings.HasPrefix(tk.Dep, "nmod"), tk.Dep == "advmod", strings.HasPrefix(tk.Dep, "npadvmod"):
				if k := timexAt(d, i); k >= 0 {
					return k
				}
			}
		}
		return -1
	}
	cur := trigger
	for step := 0; step < 4 && cur >= 0 && cur < len(d.Tokens); step++ {
		if k := childTimex(cur); k >= 0 {
			return k, false
		}
		tk := d.Tokens[cur]
		h := int(tk.Head)
		if h < 0 || h >= len(d.Tokens) {
			break
		}
		if strings.HasPrefix(tk.Dep, "acl") || tk.Dep == "advcl" {
			if k := timexAt(d, h); k >= 0 {
				return k, true
			}
		}
		// Do not climb out of reported or embedded clauses: their time is
		// not the time of the clause above.
		switch {
		case tk.Dep == "ccomp", tk.Dep == "parataxis", strings.HasPrefix(tk.Dep, "acl"), tk.Dep == "csubj", tk.Dep == "root":
			return -1, false
		}
		cur = h
	}
	return -1, false
}

// nearestTimex returns the closest usable timex in the trigger's sentence.
func nearestTimex(d *doc.Document, trigger int) int {
	tk := d.Tokens[trigger]
	var sent doc.Span
	if s := int(tk.Sent); s >= 0 && s < len(d.Sentences) {
		sent = d.Sentences[s].Span()
	} else {
		sent = doc.Span{Start: 0, End: len(d.Text)}
	}
	best, bestDist := -1, 1<<30
	for k := range d.Timexes {
		x := &d.Timexes[k]
		if !usable(x) || !sent.Contains(x.Span()) {
			continue
		}
		dist := 0
		switch {
		case x.End <= int(tk.Start):
			dist = int(tk.Start) - x.End
		case x.Start >= int(tk.End):
			dist = x.Start - int(tk.End)
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}

// eventDate builds the EventDate for timex k.
func eventDate(d *doc.Document, k, trigger int, viaClause bool) *doc.EventDate {
	x := &d.Timexes[k]
	ed := &doc.EventDate{Timex: x.ID}
	iv := x.Interval
	// "since June 2021, when Putin met Biden": the clause after a date
	// takes the date itself, not the signal's interval.
	if iv != nil && x.Type != typDuration && (viaClause || int(d.Tokens[trigger].Start) >= x.End) {
		iv = nil
	}
	if iv != nil {
		ed.Start, ed.End = iv.Start, iv.End
		ed.Granularity = valueGranularity(iv.Start)
		return ed
	}
	v := x.Value
	if v == "PRESENT_REF" {
		if d.Published.IsZero() {
			return nil
		}
		v = d.Published.UTC().Format("2006-01-02")
		ed.Timex = ""
	}
	ed.Value = v
	ed.Granularity = x.Granularity
	if ed.Granularity == "" {
		ed.Granularity = valueGranularity(v)
	}
	return ed
}

// valueGranularity derives the granularity of a TimeML date value.
func valueGranularity(v string) string {
	if i := strings.IndexByte(v, 'T'); i > 0 {
		return "time"
	}
	switch {
	case len(v) == 2:
		return "century"
	case len(v) == 3:
		return "decade"
	case len(v) == 4:
		return "year"
	case len(v) == 10:
		return "day"
	case len(v) >= 7 && v[5] == 'W':
		return "week"
	case len(v) >= 7 && v[5] == 'Q':
		return "quarter"
	case len(v) >= 7 && v[5] == 'H':
		return "half"
	case len(v) == 7 && (v[5] < '0' || v[5] > '9'):
		return "season"
	case len(v) == 7:
		return "month"
	}
	return ""
}
