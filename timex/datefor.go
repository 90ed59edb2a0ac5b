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
		if k := followingTimex(d, trigger); k >= 0 {
			return eventDate(d, k, trigger, false)
		}
		if k := whenClauseTimex(d, trigger); k >= 0 {
			return eventDate(d, k, trigger, true)
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

// followingTimex returns a date right after the trigger ("met Friday",
// "met directly since June 2021", "announced on Feb. 22"): English puts a
// predicate's time adverbial there, and the adjacency holds even where
// the parser attaches the phrase elsewhere.
func followingTimex(d *doc.Document, trigger int) int {
	sent := d.Tokens[trigger].Sent
	for k := trigger + 1; k < len(d.Tokens) && k <= trigger+4 && d.Tokens[k].Sent == sent; k++ {
		tk := d.Tokens[k]
		if tk.UPOS == doc.PUNCT || tk.UPOS == doc.VERB || tk.UPOS == doc.AUX || tk.UPOS == doc.CCONJ || tk.UPOS == doc.SCONJ {
			return -1
		}
		if x := timexAt(d, k); x >= 0 {
			if k == trigger+1 || timePreposition(d.TokenText(k-1)) {
				return x
			}
			return -1
		}
		if tk.UPOS == doc.NOUN || tk.UPOS == doc.PROPN || tk.UPOS == doc.PRON {
			return -1 // an object comes first: "met Biden in June" is the parser's to attach
		}
	}
	return -1
}

func timePreposition(w string) bool {
	switch strings.ToLower(w) {
	case "on", "in", "since", "until", "till", "by", "at", "during", "from", "before", "after", "through", "throughout", "within":
		return true
	}
	return false
}

// whenClauseTimex handles "since June 2021, when Putin met Biden": a
// clause introduced by "when" right after a date tells what happened on
// that date, wherever the parser attached it.
func whenClauseTimex(d *doc.Document, trigger int) int {
	if !d.Done.Has(doc.Deps) {
		return -1
	}
	c := clauseOf(d, trigger)
	for k := c - 1; k >= 0 && c-k <= 8 && d.Tokens[k].Sent == d.Tokens[c].Sent; k-- {
		if int(d.Tokens[k].Head) != c || !strings.EqualFold(d.TokenText(k), "when") {
			continue
		}
		p := k - 1
		if p >= 0 && d.TokenText(p) == "," {
			p--
		}
		if p >= 0 && d.Tokens[p].Sent == d.Tokens[k].Sent {
			return timexAt(d, p)
		}
		return -1
	}
	return -1
}

// clausal reports whether dependency relation dep (of token k) links a
// clause to the one above it: the boundary of the trigger's clause.
func clausal(d *doc.Document, k int) bool {
	dep := d.Tokens[k].Dep
	switch {
	case dep == "root", dep == "ccomp", dep == "xcomp", dep == "advcl", dep == "parataxis",
		strings.HasPrefix(dep, "acl"), strings.HasPrefix(dep, "csubj"):
		return true
	case dep == "conj":
		// Coordinated predicates are separate clauses; coordinated nouns
		// ("Friday and Saturday") are not.
		u := d.Tokens[k].UPOS
		return u == doc.VERB || u == doc.AUX
	}
	return false
}

// clauseOf returns the head of the clause that token k belongs to.
func clauseOf(d *doc.Document, k int) int {
	for steps := 0; steps < 64 && k >= 0 && k < len(d.Tokens); steps++ {
		if clausal(d, k) {
			return k
		}
		h := int(d.Tokens[k].Head)
		if h < 0 || h >= len(d.Tokens) || d.Tokens[h].Sent != d.Tokens[k].Sent {
			return k
		}
		k = h
	}
	return k
}

// timexHead returns the token of timex x whose head lies outside it, or -1.
func timexHead(d *doc.Document, x *doc.Timex) int {
	a, b := d.TokensIn(x.Span())
	for k := a; k < b; k++ {
		h := int(d.Tokens[k].Head)
		if h < a || h >= b {
			return k
		}
	}
	return -1
}

// nearestTimex returns the closest usable timex in the trigger's clause
// (in its sentence when there is no parse): a date in another clause ("if
// they can arrange to meet, it will be the first time they met since June
// 2021") belongs to that clause's event.
func nearestTimex(d *doc.Document, trigger int) int {
	tk := d.Tokens[trigger]
	parsed := d.Done.Has(doc.Deps)
	clause := -1
	if parsed {
		clause = clauseOf(d, trigger)
	}
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
		if parsed {
			if h := timexHead(d, x); h < 0 || clauseOf(d, h) != clause {
				continue
			}
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
