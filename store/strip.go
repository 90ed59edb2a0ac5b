package store

import "github.com/chronicle-news/chronicle/doc"

// The layers' text fields are substrings of the document text at their own
// offsets. The codec blanks those that are, and restores them from the
// text when decoding, so that a blob holds offsets, not copies of the text.

// sub returns text[start:end], or "" when out of range.
func sub(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	return text[start:end]
}

// strip blanks s when it is text[start:end].
func strip(s *string, text string, start, end int) {
	if *s != "" && *s == sub(text, start, end) {
		*s = ""
	}
}

// restore fills a blank s from text[start:end].
func restore(s *string, text string, start, end int) {
	if *s == "" {
		*s = sub(text, start, end)
	}
}

// textFields calls f with each text field of the layers and its span.
// Slices and pointers are those of l, which must be l's own copies.
func textFields(l *layersJSON, f func(s *string, start, end int)) {
	for i := range l.Entities {
		e := &l.Entities[i]
		f(&e.Text, e.Start, e.End)
	}
	for i := range l.Actors {
		for k := range l.Actors[i].Mentions {
			m := &l.Actors[i].Mentions[k]
			f(&m.Text, m.Start, m.End)
		}
	}
	for i := range l.Timexes {
		t := &l.Timexes[i]
		f(&t.Text, t.Start, t.End)
	}
	for i := range l.Quotes {
		q := &l.Quotes[i]
		f(&q.Text, q.Start, q.End)
		if q.Cue != nil {
			f(&q.Cue.Text, q.Cue.Start, q.Cue.End)
		}
		if q.Speaker != nil {
			f(&q.Speaker.Text, q.Speaker.Start, q.Speaker.End)
		}
	}
	for i := range l.Events {
		e := &l.Events[i]
		for k := range e.Source {
			p := &e.Source[k]
			f(&p.Text, p.Start, p.End)
		}
		for k := range e.Target {
			p := &e.Target[k]
			f(&p.Text, p.Start, p.End)
		}
		if e.Location != nil {
			f(&e.Location.Text, e.Location.Start, e.Location.End)
		}
		evidence := func(v *doc.Evidence) {
			f(&v.Text, v.Start, v.End)
			f(&v.Trigger.Text, v.Trigger.Start, v.Trigger.End)
		}
		evidence(&e.Evidence)
		for k := range e.Mentions {
			evidence(&e.Mentions[k])
		}
	}
}

// stripTexts returns the JSON layers of d with the text fields that repeat
// the document text blanked; d is not changed.
func stripTexts(d *doc.Document) layersJSON {
	l := layersJSON{Done: d.Done,
		Entities: append([]doc.Entity(nil), d.Entities...),
		Actors:   append([]doc.Actor(nil), d.Actors...),
		Timexes:  append([]doc.Timex(nil), d.Timexes...),
		Quotes:   append([]doc.Quote(nil), d.Quotes...),
		Events:   append([]doc.Event(nil), d.Events...),
	}
	for i := range l.Actors {
		l.Actors[i].Mentions = append([]doc.Mention(nil), l.Actors[i].Mentions...)
	}
	for i := range l.Quotes {
		q := &l.Quotes[i]
		if q.Cue != nil {
			c := *q.Cue
			q.Cue = &c
		}
		if q.Speaker != nil {
			s := *q.Speaker
			q.Speaker = &s
		}
	}
	for i := range l.Events {
		e := &l.Events[i]
		e.Source = append([]doc.Participant(nil), e.Source...)
		e.Target = append([]doc.Participant(nil), e.Target...)
		e.Mentions = append([]doc.Evidence(nil), e.Mentions...)
		if e.Location != nil {
			loc := *e.Location
			e.Location = &loc
		}
	}
	textFields(&l, func(s *string, start, end int) { strip(s, d.Text, start, end) })
	return l
}

// restoreTexts refills the fields that stripTexts blanked.
func restoreTexts(l *layersJSON, text string) {
	textFields(l, func(s *string, start, end int) { restore(s, text, start, end) })
}
