package chronicle_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
)

// TestExampleArticle checks the reading of the example article that the
// core issue lists: metadata, actor codes, time expressions, quotes and
// events. Everything here must follow from general models, rules and
// dictionaries, never from special cases.
func TestExampleArticle(t *testing.T) {
	d := exampleDoc(t)

	t.Run("metadata", func(t *testing.T) {
		if d.Published.Format("2006-01-02") != "2025-02-22" || d.Author != "Ryan Morgan" || d.Outlet != "The Epoch Times" {
			t.Errorf("metadata = %v %q %q", d.Published, d.Author, d.Outlet)
		}
	})

	actorNamed := func(name string) *doc.Actor {
		for i := range d.Actors {
			a := &d.Actors[i]
			if strings.Contains(a.Name, name) {
				return a
			}
			for _, m := range a.Mentions {
				if m.Kind == "name" && strings.Contains(m.Text, name) {
					return a
				}
			}
		}
		return nil
	}
	t.Run("actors", func(t *testing.T) {
		for _, tc := range []struct{ name, code string }{
			{"Putin", "RUSGOV"}, {"Trump", "USAGOV"}, {"Ryabkov", "RUSGOV"}, {"Rubio", "USAGOV"},
			{"Waltz", "USAGOV"}, {"Witkoff", "USAGOV"}, {"Zelenskyy", "UKRGOV"}, {"Biden", "USA"},
		} {
			a := actorNamed(tc.name)
			if a == nil {
				t.Errorf("no actor %s", tc.name)
				continue
			}
			if !strings.HasPrefix(a.Code, tc.code) {
				t.Errorf("%s: code %q, want %s", tc.name, a.Code, tc.code)
			}
		}
		if a := actorNamed("Herridge"); a == nil || a.Sector != "MED" {
			t.Errorf("Catherine Herridge: %+v, want sector MED", a)
		}
	})

	t.Run("timexes", func(t *testing.T) {
		for _, tc := range []struct{ text, value string }{
			{"Feb. 22", "2025-02-22"}, {"June 2021", "2021-06"}, {"three years ago", "2022"},
			{"Feb. 18", "2025-02-18"}, {"Feb. 20", "2025-02-20"}, {"Feb. 21", "2025-02-21"},
			{"Friday", "2025-02-21"}, {"May 9", "2025-05-09"}, {"within the next two weeks", "P2W"},
		} {
			found := false
			for _, x := range d.Timexes {
				if strings.Contains(x.Text, tc.text) && len(x.Text) < len(tc.text)+12 {
					found = true
					if x.Value != tc.value {
						t.Errorf("%q: value %q, want %q", tc.text, x.Value, tc.value)
					}
				}
			}
			if !found {
				t.Errorf("no timex %q", tc.text)
			}
		}
	})

	speakerOf := func(q doc.Quote) string {
		if q.Speaker == nil {
			return ""
		}
		if a := d.Actor(q.Speaker.Actor); a != nil {
			return a.Name
		}
		return ""
	}
	t.Run("quotes", func(t *testing.T) {
		for _, tc := range []struct{ fragment, speaker string }{
			{"the most intensive preparatory work", "Ryabkov"},
			{"There isn’t going to be a meeting", "Rubio"},
			{"I think that President Putin and President Zelenskyy", "Trump"},
		} {
			found := false
			for _, q := range d.Quotes {
				if q.Direct && strings.Contains(q.Text, tc.fragment) {
					found = true
					if !strings.Contains(speakerOf(q), tc.speaker) {
						t.Errorf("quote %q: speaker %q, want %s", tc.fragment, speakerOf(q), tc.speaker)
					}
				}
			}
			if !found {
				t.Errorf("no direct quote with %q", tc.fragment)
			}
		}
		for _, who := range []string{"Ryabkov", "Rubio", "Trump"} {
			found := false
			for _, q := range d.Quotes {
				if !q.Direct && strings.Contains(speakerOf(q), who) {
					found = true
				}
			}
			if !found {
				t.Errorf("no reported statement by %s", who)
			}
		}
	})

	involves := func(e doc.Event, names ...string) bool {
		var all []string
		for _, p := range append(slices.Clone(e.Source), e.Target...) {
			s := p.Text
			if a := d.Actor(p.Actor); a != nil {
				s += " " + a.Name
			}
			all = append(all, s)
		}
		joined := strings.Join(all, " | ")
		for _, n := range names {
			if !strings.Contains(joined, n) {
				return false
			}
		}
		return true
	}
	find := func(pred func(e doc.Event) bool) *doc.Event {
		for i := range d.Events {
			if pred(d.Events[i]) {
				return &d.Events[i]
			}
		}
		return nil
	}
	dateIs := func(e doc.Event, v string) bool { return e.Date != nil && e.Date.Value == v }
	t.Run("events", func(t *testing.T) {
		tests := []struct {
			name string
			pred func(e doc.Event) bool
		}{
			{"Riyadh meeting", func(e doc.Event) bool {
				return e.Type == "CONSULT" && strings.HasPrefix(e.CAMEO, "04") && dateIs(e, "2025-02-18") &&
					e.Location != nil && e.Location.Country == "SAU" && e.Status == doc.StatusOccurred
			}},
			{"Geneva 2021", func(e doc.Event) bool {
				return e.Type == "CONSULT" && dateIs(e, "2021-06") && e.Location != nil && e.Location.Country == "CHE" &&
					e.Status == doc.StatusOccurred && involves(e, "Putin", "Biden")
			}},
			{"Trump-Putin meeting planned", func(e doc.Event) bool {
				return isMeeting(e) && e.Status == doc.StatusPlanned && involves(e, "Putin", "Trump")
			}},
			{"envoys within two weeks", func(e doc.Event) bool {
				return isMeeting(e) && e.Status == doc.StatusPlanned && e.Date != nil &&
					e.Date.Start == "2025-02-22" && e.Date.End == "2025-03-08"
			}},
			{"Trump accuses Zelenskyy", func(e doc.Event) bool {
				return e.Type == "ACCUSE" && len(e.Source) > 0 && strings.Contains(e.Source[0].Text, "Trump") && involves(e, "Zelenskyy") && inArticleWeek(e)
			}},
			{"Zelenskyy accuses Trump", func(e doc.Event) bool {
				return e.Type == "ACCUSE" && len(e.Source) > 0 && strings.Contains(e.Source[0].Text, "Zelenskyy") && involves(e, "Trump") && inArticleWeek(e)
			}},
			{"Moscow trip denied", func(e doc.Event) bool {
				return e.Status == doc.StatusDenied && dateIs(e, "2025-05-09") && involves(e, "Trump")
			}},
		}
		for _, tc := range tests {
			if find(tc.pred) == nil {
				t.Errorf("no event: %s", tc.name)
			}
		}
	})
}

// isMeeting reports whether e is a meeting (CONSULT) or, as PLOVER codes
// cooperative actions reported in the future tense, an intent to meet
// (CAMEO 036, PLOVER AGREE).
func isMeeting(e doc.Event) bool {
	return e.Type == "CONSULT" || e.CAMEO == "036"
}

// inArticleWeek reports whether an event is dated to the week of
// 2025-02-22 (ISO week 8: Feb 17–23).
func inArticleWeek(e doc.Event) bool {
	if e.Date == nil {
		return false
	}
	if e.Date.Value == "2025-W08" {
		return true
	}
	in := func(v string) bool { return v >= "2025-02-17" && v <= "2025-02-23" && len(v) == 10 }
	return in(e.Date.Value) || (in(e.Date.Start) && in(e.Date.End))
}
