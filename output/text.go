package output

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// WriteText writes a readable report of d: metadata, actors, the timeline
// of events, quotes grouped by speaker, and the temporal expressions.
func WriteText(w io.Writer, d *doc.Document) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }

	title := d.Title
	if title == "" {
		title = "(untitled)"
	}
	p("== %s\n", title)
	meta := [][2]string{{"ID", d.ID}, {"Published", deref(FormatPublished(d.Published))}, {"Author", d.Author}, {"Outlet", d.Outlet}, {"URL", d.URL}}
	for _, m := range meta {
		if m[1] != "" {
			p("   %-10s %s\n", m[0]+":", m[1])
		}
	}
	p("   %-10s %d sentences, %d tokens, %d entities, %d timexes\n", "Text:", len(d.Sentences), len(d.Tokens), len(d.Entities), len(d.Timexes))

	p("\nActors (%d)\n", len(d.Actors))
	for _, a := range d.Actors {
		code := a.Code
		if code == "" {
			code = "-"
		}
		role := a.Role
		if role != "" {
			role = ", " + role
		}
		p("   %-4s %-28s %-8s %s%s (%d mentions)\n", a.ID, clip(a.Name, 28), code, a.Kind, role, len(a.Mentions))
	}

	p("\nTimeline (%d events)\n", len(d.Events))
	events := append([]doc.Event(nil), d.Events...)
	sort.SliceStable(events, func(i, j int) bool { return dateKey(events[i].Date) < dateKey(events[j].Date) })
	for _, e := range events {
		p("   %-23s %-12s %-9s %s %s\n", dateText(e.Date), e.Status, e.Type, e.CAMEO, participants(d, e))
		if l := e.Location; l != nil {
			if l.Lat != 0 || l.Lon != 0 {
				p("   %-23s where: %s (%s, %.2f, %.2f)\n", "", l.Text, l.Country, l.Lat, l.Lon)
			} else { // a place the gazetteer has no position for
				p("   %-23s where: %s (%s)\n", "", l.Text, l.Country)
			}
		}
		if e.Reported != nil {
			by := e.Reported.Text
			if a := d.Actor(e.Reported.By); a != nil {
				by = a.Name
			}
			if by == "" {
				by = "(no speaker found)"
			}
			p("   %-23s reported by: %s\n", "", by)
		}
		p("   %-23s trigger %q in: %s\n", "", e.Evidence.Trigger.Text, clip(oneLine(e.Evidence.Text), 160))
		if n := len(e.Mentions); n > 1 {
			p("   %-23s (told %d times)\n", "", n)
		}
	}

	p("\nQuotes (%d) by speaker\n", len(d.Quotes))
	for _, g := range groupQuotes(d) {
		p("   %s\n", g.name)
		for _, q := range g.quotes {
			kind := "reported"
			if q.Direct {
				kind = "direct"
			}
			cue := ""
			if q.Cue != nil {
				cue = q.Cue.Text
			}
			p("      [%s, %s] %s\n", kind, cue, clip(oneLine(q.Text), 200))
		}
	}

	if len(d.Timexes) > 0 {
		p("\nTime expressions (%d)\n", len(d.Timexes))
		for _, t := range d.Timexes {
			extra := ""
			if t.Interval != nil {
				extra = " = " + t.Interval.Start + ".." + t.Interval.End
			}
			p("   %-26q %-8s %s%s\n", clip(t.Text, 24), t.Type, t.Value, extra)
		}
	}
	return b.Flush()
}

type quoteGroup struct {
	name   string
	quotes []doc.Quote
}

// groupQuotes groups quotes by speaker actor (or speaker text), in order of
// each speaker's first quote; unattributed quotes come last.
func groupQuotes(d *doc.Document) []quoteGroup {
	var groups []quoteGroup
	index := map[string]int{}
	var none []doc.Quote
	for _, q := range d.Quotes {
		if q.Speaker == nil {
			none = append(none, q)
			continue
		}
		key, name := "text:"+q.Speaker.Text, q.Speaker.Text
		if a := d.Actor(q.Speaker.Actor); a != nil {
			key = "actor:" + a.ID
			name = a.Name
			if a.Code != "" {
				name += " [" + a.Code + "]"
			}
		} else if q.Speaker.Anonymous {
			name += " (unnamed source)"
		}
		i, ok := index[key]
		if !ok {
			i = len(groups)
			index[key] = i
			groups = append(groups, quoteGroup{name: name})
		}
		groups[i].quotes = append(groups[i].quotes, q)
	}
	if len(none) > 0 {
		groups = append(groups, quoteGroup{name: "(no speaker found)", quotes: none})
	}
	return groups
}

func participants(d *doc.Document, e doc.Event) string {
	side := func(ps []doc.Participant) string {
		var parts []string
		for _, p := range ps {
			name, code := p.Text, p.Code
			if a := d.Actor(p.Actor); a != nil {
				name = a.Name
				if code == "" {
					code = a.Code
				}
			}
			if code != "" {
				name += " [" + code + "]"
			}
			parts = append(parts, name)
		}
		if len(parts) == 0 {
			return "?"
		}
		return strings.Join(parts, " + ")
	}
	arrow := " -> "
	if e.Reciprocal {
		arrow = " <-> "
	}
	if len(e.Target) == 0 {
		return side(e.Source)
	}
	return side(e.Source) + arrow + side(e.Target)
}

func dateText(d *doc.EventDate) string {
	switch {
	case d == nil:
		return "(undated)"
	case d.Value != "":
		return d.Value
	case d.Start != "" || d.End != "":
		return d.Start + ".." + d.End
	}
	return "(undated)"
}

// dateKey sorts dated events first, by their (start) value.
func dateKey(d *doc.EventDate) string {
	switch {
	case d == nil:
		return "~"
	case d.Value != "":
		return d.Value
	case d.Start != "":
		return d.Start
	}
	return "~"
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
