package timex

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/tokenize"
)

// TestCorpusScores guards the scores reported in docs/benchmarks.md; set
// TIMEX_DETAILS=1 to print every mismatch.
func TestCorpusScores(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus evaluation")
	}
	cases := []struct {
		dir            []string
		relaxed, value float64
	}{
		{[]string{"data", "timebank-aquaint"}, 94, 82.2},
		{[]string{"data", "meantime-en", "intra-doc_annotation"}, 91, 81},
	}
	tg, _ := New()
	pre := linguisticCore(t)
	for _, c := range cases {
		dir := shared.TestPath(t, c.dir...)
		docs, err := LoadGold(dir)
		if err != nil {
			t.Fatal(err)
		}
		res, err := tg.Evaluate(context.Background(), docs, EvalOptions{Pre: pre, Details: os.Getenv("TIMEX_DETAILS") != ""})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Errors {
			fmt.Println(e)
		}
		_, _, rf := res.Score.RelaxedPRF()
		_, _, sf := res.Score.StrictPRF()
		_, _, vf := res.Score.ValuePRF()
		t.Logf("%s: docs %d gold %d sys %d strict F1 %.2f relaxed F1 %.2f type acc %.2f value F1 %.2f", c.dir[1], res.Docs, res.Score.Gold, res.Score.Sys, sf, rf, res.Score.TypeAccuracy(), vf)
		if rf < c.relaxed || vf < c.value {
			t.Errorf("%s: relaxed F1 %.2f (want ≥ %.1f), value F1 %.2f (want ≥ %.1f)", c.dir[1], rf, c.relaxed, vf, c.value)
		}
	}
}

// linguisticCore returns the tokenize, tag and parse stages that run
// before the tagger in the pipeline.
func linguisticCore(t testing.TB) []doc.Stage {
	t.Helper()
	tk, err := tokenize.New()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := parse.New()
	if err != nil {
		t.Fatal(err)
	}
	return []doc.Stage{tk, tg, ps}
}

// exampleDoc runs the linguistic core and the tagger over the example
// article (published 2025-02-22).
func exampleDoc(t *testing.T) *doc.Document {
	t.Helper()
	dir := shared.TestPath(t, "examples")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skip("no example article")
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: string(b), Published: time.Date(2025, 2, 22, 0, 0, 0, 0, time.UTC)}
	tg, _ := New()
	for _, st := range append(linguisticCore(t), doc.Stage(tg)) {
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		d.Done |= st.Provides()
	}
	return d
}

func TestExampleArticle(t *testing.T) {
	d := exampleDoc(t)
	want := []struct{ text, typ, value, ivStart, ivEnd string }{
		{"Feb. 22", "DATE", "2025-02-22", "", ""},
		{"within the next two weeks", "DURATION", "P2W", "2025-02-22", "2025-03-08"},
		{"June 2021", "DATE", "2021-06", "2021-06", "2025-02-22"},
		{"three years ago", "DATE", "2022", "", ""},
		{"Feb. 18", "DATE", "2025-02-18", "", ""},
		{"Feb. 20", "DATE", "2025-02-20", "", ""},
		{"this week", "DATE", "2025-W08", "", ""},
		{"Feb. 21", "DATE", "2025-02-21", "", ""},
		{"Friday", "DATE", "2025-02-21", "", ""},
		{"May 9", "DATE", "2025-05-09", "", ""},
	}
	got := map[string]doc.Timex{}
	for _, x := range d.Timexes {
		if _, dup := got[x.Text]; !dup {
			got[x.Text] = x
		}
	}
	for _, w := range want {
		x, ok := got[w.text]
		if !ok {
			t.Errorf("%q not found", w.text)
			continue
		}
		if x.Type != w.typ || x.Value != w.value {
			t.Errorf("%q: %s %s, want %s %s", w.text, x.Type, x.Value, w.typ, w.value)
		}
		if w.ivStart != "" && (x.Interval == nil || x.Interval.Start != w.ivStart || x.Interval.End != w.ivEnd) {
			t.Errorf("%q: interval %+v, want %s..%s", w.text, x.Interval, w.ivStart, w.ivEnd)
		}
	}
}

// TestExampleDateFor checks event dates with the real parse: a date
// belongs to the clause it is in.
func TestExampleDateFor(t *testing.T) {
	d := exampleDoc(t)
	// tokenAfter returns the first token with form word after the phrase.
	tokenAfter := func(phrase, word string) int {
		off := strings.Index(d.Text, phrase)
		if off < 0 {
			t.Fatalf("%q not in the example", phrase)
		}
		for i := range d.Tokens {
			if int(d.Tokens[i].Start) >= off && d.TokenText(i) == word {
				return i
			}
		}
		t.Fatalf("%q after %q not found", word, phrase)
		return -1
	}
	cases := []struct {
		name, phrase, trigger string
		value, start, end     string
	}{
		{"hypothetical meeting is not dated by another clause", "the two leaders to meet", "meet", "2025-02-22", "", ""},
		{"met since June 2021", "met directly since", "met", "", "2021-06", "2025-02-22"},
		{"when-clause on the date", "when Putin met", "met", "2021-06", "", ""},
		{"envoys could meet within two weeks", "envoys could meet", "meet", "", "2025-02-22", "2025-03-08"},
		{"meeting on May 9", "to meet with Putin on May 9", "meet", "2025-05-09", "", ""},
		{"announced on Feb. 22", "announced on Feb. 22", "announced", "2025-02-22", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ed := DateFor(d, tokenAfter(c.phrase, c.trigger))
			if ed == nil {
				t.Fatal("nil date")
			}
			if ed.Value != c.value || ed.Start != c.start || ed.End != c.end {
				t.Errorf("got %+v, want value %q interval %q..%q", *ed, c.value, c.start, c.end)
			}
		})
	}
}

// TestPossessiveWeekdaysParsed checks possessive weekdays with the real
// parse: past by default, ahead when what governs them looks ahead.
func TestPossessiveWeekdaysParsed(t *testing.T) {
	sun := time.Date(2016, 10, 9, 0, 0, 0, 0, time.UTC) // a Sunday
	cases := []struct {
		name, in, text, want string
	}{
		{"to a debate", "Clinton heads to Monday night's debate with a lead.", "Monday night", "2016-10-10TNI"},
		{"ahead of", "Both camps prepared ahead of Monday's debate.", "Monday", "2016-10-10"},
		{"before, present", "Aides are nervous before Tuesday's vote.", "Tuesday", "2016-10-11"},
		{"for, future", "Voters will get ready for Tuesday's vote.", "Tuesday", "2016-10-11"},
		{"set for", "The hearing set for Wednesday's session was moved.", "Wednesday", "2016-10-12"},
		{"future, scheduled event", "Millions will watch Monday's debate.", "Monday", "2016-10-10"},
		{"future, an outcome", "Lawyers will appeal Friday's ruling.", "Friday", "2016-10-07"},
		{"past, before a scheduled event", "He challenged her to a debate before Tuesday's first-in-the-nation primary.", "Tuesday", "2016-10-11"},
		{"future, under another preposition", "After trouncing her in Tuesday's primary, he will head south.", "Tuesday", "2016-10-04"},
		{"an outcome before the weekday", "He gets a boost from the win Tuesday and Cruz's victories Monday.", "Tuesday", "2016-10-04"},
		{"an outcome before a possessive", "Critics missed his victory in Monday night's caucus.", "Monday night", "2016-10-03TNI"},
		{"a verb is no outcome", "Voters expect Clinton to win Monday's debate.", "Monday", "2016-10-10"},
		{"past perfect before a scheduled event", "He had been told just before Tuesday's vote that he would lose.", "Tuesday", "2016-10-04"},
		{"a weekday as the predicate of a past copula", "That may be wishful thinking, given how distant his finish was on Tuesday.", "Tuesday", "2016-10-04"},
		{"the event as subject of a future copula", "And while Monday's debate in New York will be his first, he is calm.", "Monday", "2016-10-10"},
		{"ahead of a noun and a weekday", "They campaigned ahead of voting Tuesday in six states.", "Tuesday", "2016-10-11"},
		{"a scheduled month under a past verb keeps a past lean", "The scandal prompted Parliament to call a hearing in April.", "April", "2016-04"},
		{"future, the event as subject", "Saturday's debate might not move mountains.", "Saturday", "2016-10-08"},
		{"present, an outcome", "Friday's ruling angers the governor.", "Friday", "2016-10-07"},
		{"past before", "Prices fell before Friday's purchases.", "Friday", "2016-10-07"},
		{"past to", "He went to Saturday's rally.", "Saturday", "2016-10-08"},
	}
	tg, _ := New()
	pre := linguisticCore(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &doc.Document{Text: c.in, Published: sun}
			for _, st := range append(pre, tg) {
				if err := st.Process(context.Background(), d); err != nil {
					t.Fatal(err)
				}
				d.Done |= st.Provides()
			}
			for _, x := range d.Timexes {
				if x.Text == c.text {
					if x.Value != c.want {
						t.Errorf("%q in %q: %s, want %s", c.text, c.in, x.Value, c.want)
					}
					return
				}
			}
			t.Errorf("%q not found in %+v", c.text, d.Timexes)
		})
	}
}
