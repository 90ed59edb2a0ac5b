package timex

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

func tagText(t testing.TB, text string, dct time.Time) []doc.Timex {
	t.Helper()
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: text, Published: dct}
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d.Timexes
}

var sat = time.Date(2025, 2, 22, 0, 0, 0, 0, time.UTC) // a Saturday

func TestRecognizeAndNormalize(t *testing.T) {
	type want struct{ text, typ, value string }
	cases := []struct {
		name string
		in   string
		dct  time.Time
		want []want
	}{
		{"month abbrev day", "The minister spoke on Feb. 18 in Riyadh.", sat, []want{{"Feb. 18", "DATE", "2025-02-18"}}},
		{"full date", "It was signed on February 22, 2024.", sat, []want{{"February 22, 2024", "DATE", "2024-02-22"}}},
		{"day month year", "Talks opened 22 February 2023 in Geneva.", sat, []want{{"22 February 2023", "DATE", "2023-02-22"}}},
		{"slash date", "The filing is dated 2/22/2025.", sat, []want{{"2/22/2025", "DATE", "2025-02-22"}}},
		{"iso date", "Released 2025-02-22 by the agency.", sat, []want{{"2025-02-22", "DATE", "2025-02-22"}}},
		{"month year", "They last met in June 2021.", sat, []want{{"June 2021", "DATE", "2021-06"}}},
		{"future month day", "He plans to visit on May 9.", sat, []want{{"May 9", "DATE", "2025-05-09"}}},
		{"modal may is not a month", "He may resign, and they may march.", sat, nil},
		{"past weekday", "The president spoke Friday.", sat, []want{{"Friday", "DATE", "2025-02-21"}}},
		{"future weekday", "The team will fly out on Tuesday.", sat, []want{{"Tuesday", "DATE", "2025-02-25"}}},
		{"weekday part of day", "Shots were fired Friday morning.", sat, []want{{"Friday morning", "TIME", "2025-02-21TMO"}}},
		{"yesterday today tomorrow", "Yesterday he left; today he rests; tomorrow he returns.", sat,
			[]want{{"Yesterday", "DATE", "2025-02-21"}, {"today", "DATE", "2025-02-22"}, {"tomorrow", "DATE", "2025-02-23"}}},
		{"this week", "The two traded barbs this week.", sat, []want{{"this week", "DATE", "2025-W08"}}},
		{"last next", "Sales fell last year and may rise next month.", sat, []want{{"last year", "DATE", "2024"}, {"next month", "DATE", "2025-03"}}},
		{"ago", "Troops crossed the border three years ago.", sat, []want{{"three years ago", "DATE", "2022"}}},
		{"weeks from now", "The vote is two weeks from now.", sat, []want{{"two weeks from now", "DATE", "2025-W10"}}},
		{"duration", "The strike lasted 48 hours, not two weeks or a decade.", sat,
			[]want{{"48 hours", "DURATION", "PT48H"}, {"two weeks", "DURATION", "P2W"}, {"a decade", "DURATION", "P10Y"}}},
		{"within next", "Envoys could meet within the next two weeks.", sat, []want{{"within the next two weeks", "DURATION", "P2W"}}},
		{"set every", "The council meets every Monday and reports annually.", sat,
			[]want{{"every Monday", "SET", "XXXX-WXX-1"}, {"annually", "SET", "P1Y"}}},
		{"set weekly", "A weekly bulletin is sent twice a month.", sat, []want{{"weekly", "SET", "P1W"}, {"twice a month", "SET", "P1M"}}},
		{"clock time", "The blast came at 3 p.m. EST and again at 10:35 a.m.", sat,
			[]want{{"3 p.m. EST", "TIME", "2025-02-22T15:00"}, {"10:35 a.m.", "TIME", "2025-02-22T10:35"}}},
		{"vague refs", "Prices are rising now, rose recently and will fall in the future.", sat,
			[]want{{"now", "DATE", "PRESENT_REF"}, {"recently", "DATE", "PAST_REF"}, {"the future", "DATE", "FUTURE_REF"}}},
		{"quarter", "Profit rose in the third quarter of 2024.", sat, []want{{"the third quarter of 2024", "DATE", "2024-Q3"}}},
		{"fiscal", "Revenue for fiscal 2023 was flat.", sat, []want{{"fiscal 2023", "DATE", "2023"}}},
		{"season", "The offensive began last summer.", sat, []want{{"last summer", "DATE", "2024-SU"}}},
		{"decade", "It was built in the 1960s.", sat, []want{{"the 1960s", "DATE", "196"}}},
		{"century", "A relic of the 20th century.", sat, []want{{"the 20th century", "DATE", "19"}}},
		{"early mod", "Elections are due in early 2026.", sat, []want{{"early 2026", "DATE", "2026"}}},
		{"since", "No leaders have met since June 2021.", sat, []want{{"June 2021", "DATE", "2021-06"}}},
		{"following day anaphoric", "The deal was signed on March 3, 2020. The following day, markets rose.", sat,
			[]want{{"March 3, 2020", "DATE", "2020-03-03"}, {"The following day", "DATE", "2020-03-04"}}},
		{"year earlier anaphoric", "In 2019 sales rose. A year earlier they fell.", sat,
			[]want{{"2019", "DATE", "2019"}, {"A year earlier", "DATE", "2018"}}},
		{"no dct clock times", "It ended at 3 p.m. and resumed at 10:30 a.m. Tuesday.", time.Time{},
			[]want{{"3 p.m.", "TIME", "XXXX-XX-XXT15:00"}, {"10:30 a.m. Tuesday", "TIME", "XXXX-WXX-2T10:30"}}},
		{"no dct weekday part of day", "She spoke Thursday morning and left Friday.", time.Time{},
			[]want{{"Thursday morning", "TIME", "XXXX-WXX-4TMO"}, {"Friday", "DATE", "XXXX-WXX-5"}}},
		{"not inside urls, handles, tags or words", "See pic.twitter.com/P2qpm3h3Pm, @May9th, #Vote2016, user2016@mail.com and AB1999C on May 9.", sat,
			[]want{{"May 9", "DATE", "2025-05-09"}}},
		{"no dct", "He left on Feb. 18 and returned last week.", time.Time{},
			[]want{{"Feb. 18", "DATE", "XXXX-02-18"}, {"last week", "DATE", "PAST_REF"}}},
		{"not years", "They paid $2000 for 1500 tons; flight 1776 landed.", sat, nil},
		{"ages are not durations", "A 6-year-old boy and his 52-year-old father.", sat, nil},
		{"holiday", "They returned home before Christmas.", sat, []want{{"Christmas", "DATE", "2024-12-25"}}},
		{"weekday with date", "It opens Monday, March 3.", sat, []want{{"Monday, March 3", "DATE", "2025-03-03"}}},
		{"numbers are not times", "He scored 3 goals in 2 games.", sat, nil},
		{"possessive weekday is past", "Lawyers will appeal Wednesday's ruling.", sat, []want{{"Wednesday", "DATE", "2025-02-19"}}},
		{"possessive weekday ahead of", "Aides met ahead of Tuesday's vote.", sat, []want{{"Tuesday", "DATE", "2025-02-25"}}},
		{"possessive weekday with a part of day heading to it", "Trump heads to Monday night's debate.", sat, []want{{"Monday night", "TIME", "2025-02-24TNI"}}},
		{"about a possessive is a preposition", "They argued about Wednesday's ruling.", sat, []want{{"Wednesday", "DATE", "2025-02-19"}}},
		{"until looks ahead", "Officials postponed the vote until Tuesday.", sat, []want{{"Tuesday", "DATE", "2025-02-25"}}},
		{"until with a clock time", "They were given until 9 a.m. Tuesday to reply.", sat, []want{{"9 a.m. Tuesday", "TIME", "2025-02-25T09:00"}}},
		{"not until in the past", "It was not until Tuesday that he spoke.", sat, []want{{"Tuesday", "DATE", "2025-02-18"}}},
		{"vague past and terms", "In the past, prices fell; in the near term they may rise, at least for the time being.", sat,
			[]want{{"the past", "DATE", "PAST_REF"}, {"the near term", "DATE", "FUTURE_REF"}, {"the time being", "DATE", "PRESENT_REF"}}},
		{"the past as an adjective", "The past president spoke.", sat, nil},
		{"a second is an ordinal before a noun", "A second group of lawyers arrived within a second.", sat, []want{{"within a second", "DURATION", "PT1S"}}},
		{"a title is not a week", `He spoke on ABC's "This Week" program.`, sat, nil},
		{"previous weekday before the day told", "Shares closed lower Friday, down 2% from the previous Friday.", sat,
			[]want{{"Friday", "DATE", "2025-02-21"}, {"the previous Friday", "DATE", "2025-02-14"}}},
		{"reported quarter", "Acme posted third-quarter profit of $5 million, up from $4 million a year ago. It expects a fourth-quarter charge. Sales in the latest period rose, and the current fiscal year looks strong.",
			time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC),
			[]want{{"third-quarter", "DATE", "2025-Q3"}, {"a year ago", "DATE", "2024-Q3"}, {"fourth-quarter", "DATE", "2025-Q4"},
				{"the latest period", "DATE", "2025-Q3"}, {"the current fiscal year", "DATE", "2025"}}},
		{"through a month looks ahead", "The bank extended the loans through January.", time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC),
			[]want{{"January", "DATE", "2026-01"}}},
		{"headline weekday is not joined to the dateline", "Markets to stay closed until Friday\nSeptember 18, 2008", time.Date(2008, 9, 18, 0, 0, 0, 0, time.UTC),
			[]want{{"Friday", "DATE", "2008-09-19"}, {"September 18, 2008", "DATE", "2008-09-18"}}},
		{"trading day and mid-afternoon", "Stocks fell Friday. At mid-afternoon, shares slid, and the index ended the day lower. In the nineties it rose.", sat,
			[]want{{"Friday", "DATE", "2025-02-21"}, {"mid-afternoon", "TIME", "2025-02-21TAF"}, {"the day", "DATE", "2025-02-21"}, {"the nineties", "DATE", "199"}}},
		{"current as the present", "His current position pays well; the current account is in deficit.", sat,
			[]want{{"current", "DATE", "PRESENT_REF"}}},
		{"parts of a month and year", "Sales rebounded in the last week of March 2009 and in the first week of April 2009; for the final quarter of 2009 they fell.", sat,
			[]want{{"the last week of March 2009", "DATE", "2009-W13"}, {"the first week of April 2009", "DATE", "2009-W14"}, {"the final quarter of 2009", "DATE", "2009-Q4"}}},
		{"the same month a year ago", "Sales fell 35% in January 2025, compared to the same month a year ago.", sat,
			[]want{{"January 2025", "DATE", "2025-01"}, {"the same month a year ago", "DATE", "2024-01"}}},
		{"military clock time and short decades", "At 0800 UTC the bank acted, recalling cars of the 70s and since '82.", sat,
			[]want{{"0800 UTC", "TIME", "2025-02-22T08:00Z"}, {"the 70s", "DATE", "197"}, {"'82", "DATE", "1982"}}},
		{"vague amount later is a duration", "A few days later, and weeks later, they left.", sat,
			[]want{{"A few days", "DURATION", "PXD"}, {"weeks", "DURATION", "PXW"}}},
		{"ranges of amounts and consecutive units", "It takes between 60 and 90 days, or within two to three weeks, after six straight days of losses and two consecutive quarters of decline.", sat,
			[]want{{"60", "DURATION", "P60D"}, {"90 days", "DURATION", "P90D"}, {"two", "DURATION", "P2W"}, {"three weeks", "DURATION", "P3W"},
				{"six straight days", "DURATION", "P6D"}, {"two consecutive quarters", "DURATION", "P2Q"}}},
		{"ranges of years are not amounts", "Jets arrive from 2009 to 2011, between 2014 and 2016, and 3 or 4 at a time.", sat,
			[]want{{"2009", "DATE", "2009"}, {"2011", "DATE", "2011"}, {"2014", "DATE", "2014"}, {"2016", "DATE", "2016"}}},
		{"calendar words in names", "He hosted Saturday Night Live, wrote for the Yale Daily News and the Daily Mail, and told USA TODAY and Trending Today USA he would leave Monday night.", sat,
			[]want{{"Monday night", "TIME", "2025-02-24TNI"}}},
		{"calendar words beside capitals that are not names", "Today Trump spoke. Daily, Mr. Lee ran; on Friday Night he rested. Weekly sales rose.", sat,
			[]want{{"Today", "DATE", "2025-02-22"}, {"Daily", "SET", "P1D"}, {"Friday Night", "TIME", "2025-02-21TNI"}, {"Weekly", "SET", "P1W"}}},
		{"a headline keeps its calendar words", "Trump To Speak Tonight In Ohio\n\nHe will speak.", sat,
			[]want{{"Tonight", "TIME", "2025-02-22TNI"}}},
		{"idioms, ordinals and ages that are not expressions", "His suggestion that Second Amendment fans revolt came at the last minute, at the 2:05 mark, from voters 18 to 35 years old in the first half of the 20th century and a quarter-century ago. Only a quarter of them, or about a quarter, of all voters, like the quarter-century-old brigade.", sat,
			[]want{{"the 20th century", "DATE", "19"}}},
		{"a second before a name, an index", "A second A380 flew, and the Russell 2000 index and the 2000 Index rose within a second.", sat,
			[]want{{"within a second", "DURATION", "PT1S"}}},
		{"a quarter to come half a year on", "Ford has announced cuts, resulting in closures during the fourth quarter.", time.Date(2006, 8, 19, 0, 0, 0, 0, time.UTC),
			[]want{{"the fourth quarter", "DATE", "2006-Q4"}}},
		{"a quarter just reported", "Profit fell in the fourth quarter.", time.Date(2007, 2, 10, 0, 0, 0, 0, time.UTC),
			[]want{{"the fourth quarter", "DATE", "2006-Q4"}}},
		{"trading day", "Stocks fell Friday. At the start of the day shares rose in morning trading, but fell late in the day.", sat,
			[]want{{"Friday", "DATE", "2025-02-21"}, {"the start of the day", "DATE", "2025-02-21"}, {"morning", "TIME", "2025-02-21TMO"}, {"late in the day", "DATE", "2025-02-21"}}},
		{"the entire year of the reported quarter", "GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.", time.Date(2006, 1, 27, 0, 0, 0, 0, time.UTC),
			[]want{{"the fourth quarter of 2005", "DATE", "2005-Q4"}, {"the entire year", "DATE", "2005"}}},
		{"over the years", "Over the years the firm grew; over the years of war it shrank.", sat,
			[]want{{"the years", "DURATION", "PXY"}}},
		{"last with the month just ended", "Helicopters crashed last February; sales rose last January and this past February.", time.Date(1998, 3, 1, 0, 0, 0, 0, time.UTC),
			[]want{{"last February", "DATE", "1997-02"}, {"last January", "DATE", "1998-01"}, {"past February", "DATE", "1998-02"}}},
		{"effective before a date", "The bank created an office of the chairman, effective Feb. 1, and a pact effective June 1.", time.Date(1989, 10, 26, 0, 0, 0, 0, time.UTC),
			[]want{{"Feb. 1", "DATE", "1990-02-01"}, {"June 1", "DATE", "1990-06-01"}}},
		{"more units, a later date, for the year", "Troops stay two more weeks, at least 20 more years or an additional year; bonds come at a later date. For the year, sales rose.", time.Date(1989, 10, 26, 0, 0, 0, 0, time.UTC),
			[]want{{"two more weeks", "DURATION", "P2W"}, {"at least 20 more years", "DURATION", "P20Y"}, {"an additional year", "DURATION", "P1Y"},
				{"a later date", "DATE", "FUTURE_REF"}, {"the year", "DATE", "1989"}}},
		{"year's end", "Plans should be in place by year's end.", sat,
			[]want{{"year's end", "DATE", "2025"}}},
		{"model names and rates", "Local 1520 objected. The KC-30s fly; in the mid-70s output rose from two a month to ten.", sat,
			[]want{{"the mid-70s", "DATE", "197"}, {"a month", "SET", "P1M"}}},
		{"clock-time headings of a live report", "9:18 p.m.\n\nTexas votes on March 1, he said.\n\n9:10 p.m.\n\nHe spoke at 8 p.m.", sat,
			[]want{{"9:18 p.m.", "TIME", "2025-02-22T21:18"}, {"March 1", "DATE", "2025-03-01"}, {"9:10 p.m.", "TIME", "2025-02-22T21:10"}, {"8 p.m.", "TIME", "2025-02-22T20:00"}}},
		{"prepositions and fractions that look like expressions", "The industry is in a free-fall; they talked about today and looked way past November, and won the quarter of voters who care.", sat,
			[]want{{"today", "DATE", "2025-02-22"}, {"November", "DATE", "2024-11"}}},
		{"last as a verb, the last day of an event, a video mark", "The deal would last four years, compared to last year. On the last day of the convention, the talk starts at the 7 minute mark.", sat,
			[]want{{"four years", "DURATION", "P4Y"}, {"last year", "DATE", "2024"}}},
		{"in just minutes", "The index fell in just minutes.", sat,
			[]want{{"minutes", "DURATION", "PTXM"}}},
		{"a holiday as a deadline", "With half the vote in by Election Day, we are ready.", time.Date(2016, 2, 17, 0, 0, 0, 0, time.UTC),
			[]want{{"Election Day", "DATE", "2016-11-08"}}},
		{"the month of a scheduled event", "He said he would fight before the convention in July.", time.Date(2016, 4, 15, 0, 0, 0, 0, time.UTC),
			[]want{{"July", "DATE", "2016-07"}}},
		{"the month of an incident", "Clinton spoke in the city after the church massacre in June.", time.Date(2016, 2, 25, 0, 0, 0, 0, time.UTC),
			[]want{{"June", "DATE", "2015-06"}}},
		{"the month of a scheduled event, possessive", "Cross called November's general election a test.", time.Date(2016, 8, 17, 0, 0, 0, 0, time.UTC),
			[]want{{"November", "DATE", "2016-11"}}},
		{"quarter ended a date", "For the quarter ended Sept. 30, net rose. The quarter-to-quarter rise was small.", time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC),
			[]want{{"the quarter", "DATE", "2025-Q3"}, {"Sept. 30", "DATE", "2025-09-30"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := tagText(t, c.in, c.dct)
			if len(got) != len(c.want) {
				t.Fatalf("got %d timexes %+v, want %d %+v", len(got), got, len(c.want), c.want)
			}
			for i, w := range c.want {
				g := got[i]
				if g.Text != w.text || g.Type != w.typ || g.Value != w.value {
					t.Errorf("#%d: got %q %s %s, want %q %s %s", i, g.Text, g.Type, g.Value, w.text, w.typ, w.value)
				}
				if g.ID != "t"+string(rune('1'+i)) {
					t.Errorf("#%d: id %s", i, g.ID)
				}
				if c.in[g.Start:g.End] != g.Text {
					t.Errorf("#%d: span %d:%d does not match text %q", i, g.Start, g.End, g.Text)
				}
			}
		})
	}
}

func TestIntervalsAndModifiers(t *testing.T) {
	got := tagText(t, "Envoys could meet within the next two weeks, unlike since June 2021. It ran from March to May and ended in late 2024.", sat)
	byText := map[string]doc.Timex{}
	for _, x := range got {
		byText[x.Text] = x
	}
	cases := []struct {
		text, start, end, mod string
	}{
		{"within the next two weeks", "2025-02-22", "2025-03-08", ""},
		{"June 2021", "2021-06", "2025-02-22", ""},
		{"March", "2025-03", "2025-05", ""},
		{"May", "2025-03", "2025-05", ""},
		{"late 2024", "", "", "END"},
	}
	for _, c := range cases {
		x, ok := byText[c.text]
		if !ok {
			t.Errorf("%q not found in %+v", c.text, got)
			continue
		}
		if c.start != "" && (x.Interval == nil || x.Interval.Start != c.start || x.Interval.End != c.end) {
			t.Errorf("%q: interval %+v, want %s..%s", c.text, x.Interval, c.start, c.end)
		}
		if x.Mod != c.mod {
			t.Errorf("%q: mod %q, want %q", c.text, x.Mod, c.mod)
		}
	}
}

func TestGranularity(t *testing.T) {
	got := tagText(t, "In 2022, on Feb. 18, this week and in June 2021.", sat)
	want := []string{"year", "day", "week", "month"}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, w := range want {
		if got[i].Granularity != w {
			t.Errorf("%q granularity %q, want %q", got[i].Text, got[i].Granularity, w)
		}
	}
}

// tokensFor builds a simple whitespace/punctuation tokenization with one
// sentence, standing in for the tokenizer stage.
func tokensFor(d *doc.Document) {
	var toks []doc.Token
	start := -1
	for i, r := range d.Text + " " {
		sep := r == ' ' || r == ',' || r == '.'
		if sep && start >= 0 {
			toks = append(toks, doc.Token{Start: int32(start), End: int32(i), Head: -1})
			start = -1
		}
		if !sep && start < 0 {
			start = i
		}
	}
	d.Tokens = toks
	d.Sentences = []doc.Sentence{{Start: 0, End: len(d.Text), FirstToken: 0, EndToken: len(toks)}}
	d.Done = doc.Sentences | doc.Tokens
}

func tokenIndex(d *doc.Document, word string) int {
	for i := range d.Tokens {
		if d.TokenText(i) == word {
			return i
		}
	}
	return -1
}

func TestDateFor(t *testing.T) {
	cases := []struct {
		name, text, trigger string
		value, start, end   string
		gran                string
	}{
		{"closest timex", "A delegation met with Russian envoys in Riyadh on Feb. 18 to talk", "met", "2025-02-18", "", "", "day"},
		{"interval", "Envoys could meet within the next two weeks", "meet", "", "2025-02-22", "2025-03-08", "day"},
		{"week", "Trump and Zelenskyy traded barbs this week", "traded", "2025-W08", "", "", "week"},
		{"duration is not a date", "The talks lasted for two weeks", "lasted", "2025-02-22", "", "", "day"},
		{"fallback dct", "Trump accused Zelenskyy of lying", "accused", "2025-02-22", "", "", "day"},
		{"year", "The army invaded in 2022", "invaded", "2022", "", "", "year"},
	}
	tg, _ := New()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &doc.Document{Text: c.text, Published: sat}
			tokensFor(d)
			if err := tg.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			ed := DateFor(d, tokenIndex(d, c.trigger))
			if ed == nil {
				t.Fatal("nil date")
			}
			if ed.Value != c.value || ed.Start != c.start || ed.End != c.end || ed.Granularity != c.gran {
				t.Errorf("got %+v, want value %q interval %q..%q granularity %q", *ed, c.value, c.start, c.end, c.gran)
			}
		})
	}
	if DateFor(nil, 0) != nil {
		t.Error("nil document should give nil")
	}
	if ed := DateFor(&doc.Document{Text: "x"}, 5); ed != nil {
		t.Errorf("no DCT and no timex should give nil, got %+v", ed)
	}
}

func TestDateForParse(t *testing.T) {
	// "met ... since June 2021, when Putin met Biden": the relative clause
	// on the date takes the date; the main clause takes the interval.
	text := "They met since June 2021 when Putin met Biden"
	d := &doc.Document{Text: text, Published: sat}
	tokensFor(d)
	// Tokens: They(0) met(1) since(2) June(3) 2021(4) when(5) Putin(6) met(7) Biden(8)
	heads := []int32{1, -1, 3, 1, 3, 7, 7, 3, 7}
	deps := []string{"nsubj", "root", "case", "obl", "nummod", "advmod", "nsubj", "acl:relcl", "obj"}
	for i := range d.Tokens {
		d.Tokens[i].Head, d.Tokens[i].Dep = heads[i], deps[i]
	}
	d.Done |= doc.Tags | doc.Deps
	tg, _ := New()
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	main := DateFor(d, 1)
	if main == nil || main.Start != "2021-06" || main.End != "2025-02-22" {
		t.Errorf("main clause: %+v", main)
	}
	rel := DateFor(d, 7)
	if rel == nil || rel.Value != "2021-06" || rel.Granularity != "month" {
		t.Errorf("relative clause: %+v", rel)
	}
}

func TestDateForClauseBoundary(t *testing.T) {
	// "If they meet it marks the time they met since June 2021": the date
	// is in the relative clause of "met", not in the clause of "meet".
	text := "If they meet it marks the time they met since June 2021"
	d := &doc.Document{Text: text, Published: sat}
	tokensFor(d)
	// If(0) they(1) meet(2) it(3) marks(4) the(5) time(6) they(7) met(8) since(9) June(10) 2021(11)
	heads := []int32{2, 2, 4, 4, -1, 6, 4, 8, 6, 10, 8, 10}
	deps := []string{"mark", "nsubj", "advcl", "nsubj", "root", "det", "obj", "nsubj", "acl:relcl", "case", "obl", "nummod"}
	upos := []doc.UPOS{doc.SCONJ, doc.PRON, doc.VERB, doc.PRON, doc.VERB, doc.DET, doc.NOUN, doc.PRON, doc.VERB, doc.ADP, doc.PROPN, doc.NUM}
	for i := range d.Tokens {
		d.Tokens[i].Head, d.Tokens[i].Dep, d.Tokens[i].UPOS = heads[i], deps[i], upos[i]
	}
	d.Done |= doc.Tags | doc.Deps
	tg, _ := New()
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if ed := DateFor(d, 2); ed == nil || ed.Value != "2025-02-22" || ed.Start != "" {
		t.Errorf("meet: %+v, want the DCT", ed)
	}
	if ed := DateFor(d, 8); ed == nil || ed.Start != "2021-06" {
		t.Errorf("met: %+v, want the since interval", ed)
	}
	if ed := DateFor(d, 4); ed == nil || ed.Value != "2025-02-22" {
		t.Errorf("marks: %+v, want the DCT", ed)
	}
}

func TestTimeMLRoundTrip(t *testing.T) {
	in := `<?xml version="1.0" ?>
<TimeML>
<DOCID>x1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; officials said so last week.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1"/>
</TimeML>
`
	td, err := ReadTimeML(strings.NewReader(in), "x.tml")
	if err != nil {
		t.Fatal(err)
	}
	if td.DCT != "1998-08-07" || len(td.Gold) != 1 || td.Gold[0].Text != "Friday" || td.Gold[0].Value != "1998-08-07" {
		t.Fatalf("read: dct %q gold %+v", td.DCT, td.Gold)
	}
	if !strings.Contains(td.Doc.Text, "exploded Friday & officials") {
		t.Fatalf("text not stripped/decoded: %q", td.Doc.Text)
	}
	var out bytes.Buffer
	tg, _ := New()
	if err := tg.TagTimeML(context.Background(), strings.NewReader(in), "x.tml", &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if !strings.Contains(s, `<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>`) ||
		!strings.Contains(s, `<TIMEX3 tid="t2" type="DATE" value="1998-W31">last week</TIMEX3>`) {
		t.Errorf("tagged output:\n%s", s)
	}
	if !strings.Contains(s, "<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\"/>") || strings.Contains(s, "<EVENT") {
		t.Errorf("outside TEXT must be kept, tags inside TEXT replaced:\n%s", s)
	}
	// Reading our own output back gives the same text and our timexes as gold.
	td2, err := ReadTimeML(strings.NewReader(s), "y.tml")
	if err != nil {
		t.Fatal(err)
	}
	if td2.Doc.Text != td.Doc.Text || len(td2.Gold) != 2 {
		t.Errorf("round trip: %q %+v", td2.Doc.Text, td2.Gold)
	}
	// WriteTimeML for plain documents.
	d := &doc.Document{ID: "a<1>", Text: "Talks end Friday & resume", Published: sat}
	d.Timexes = tagText(t, d.Text, sat)
	var w bytes.Buffer
	if err := WriteTimeML(&w, d); err != nil {
		t.Fatal(err)
	}
	td3, err := ReadTimeML(&w, "z.tml")
	if err != nil {
		t.Fatal(err)
	}
	if td3.Doc.Text != d.Text || td3.DCT != "2025-02-22" || len(td3.Gold) != 1 || td3.Gold[0].Value != "2025-02-21" {
		t.Errorf("WriteTimeML round trip: %+v %q", td3.Gold, td3.Doc.Text)
	}
}

func TestReadTimeMLErrors(t *testing.T) {
	for _, in := range []string{"", "<TimeML></TimeML>", "<TEXT>unterminated", "<TEXT>a <b </TEXT>", "\xff\xfe<TEXT></TEXT>"} {
		if _, err := ReadTimeML(strings.NewReader(in), "bad.tml"); err == nil {
			t.Errorf("%q: want error", in)
		}
	}
}

func TestCompare(t *testing.T) {
	gold := []doc.Timex{{Start: 0, End: 6, Type: "DATE", Value: "a"}, {Start: 10, End: 20, Type: "DATE", Value: "b"}, {Start: 30, End: 35, Type: "SET", Value: "c"}}
	sys := []doc.Timex{{Start: 0, End: 6, Type: "DATE", Value: "a"}, {Start: 12, End: 20, Type: "TIME", Value: "b"}, {Start: 40, End: 45, Type: "DATE", Value: "d"}}
	sc := Compare(gold, sys, nil)
	want := Score{Gold: 3, Sys: 3, Strict: 1, Relaxed: 2, TypeCorrect: 1, ValueCorrect: 2}
	if sc != want {
		t.Errorf("got %+v, want %+v", sc, want)
	}
	if _, _, f := sc.RelaxedPRF(); f < 66.6 || f > 66.7 {
		t.Errorf("relaxed F1 %v", f)
	}
}

func TestContextCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tg, _ := New()
	d := &doc.Document{Text: "Friday"}
	if err := tg.Process(ctx, d); err == nil {
		t.Error("want context error")
	}
	if d.Timexes != nil {
		t.Error("document changed on error")
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"Feb. 22, 2025", "2/22/2025 and 2025-02-22", "within the next two weeks", "about 10:35 a.m. EST Thursday",
		"the third quarter of fiscal 1990", "'80s", "nineteen ninety-six", "every other Monday night", "1.5 hours",
		"2 1/2 years", "mid-", "the end of", "last", "12:", "Q", "FY", "-- -- --", "\u2019s 1990\u2019s", "a a a a a",
	} {
		f.Add(s, int64(0))
	}
	tg, _ := New()
	f.Fuzz(func(t *testing.T, text string, dctDays int64) {
		if !utf8.ValidString(text) {
			return
		}
		d := &doc.Document{Text: text}
		if dctDays%2 == 0 {
			d.Published = time.Unix(0, 0).UTC().AddDate(0, 0, int(dctDays%40000))
		}
		tx, err := tg.Tag(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		prev := 0
		for _, x := range tx {
			if x.Start < prev || x.End <= x.Start || x.End > len(text) || text[x.Start:x.End] != x.Text {
				t.Fatalf("bad span %+v in %q", x, text)
			}
			prev = x.End
			if x.Value == "" || x.Type == "" {
				t.Fatalf("empty value/type %+v", x)
			}
		}
	})
}

func BenchmarkTag(b *testing.B) {
	text := strings.Repeat("Moscow is working to arrange a meeting between the two presidents, the deputy minister announced on Feb. 22. "+
		"Envoys could meet within the next two weeks, he said, the first such talks since June 2021, three years ago. "+
		"Shares rose 4% to $31.50 in trading on the exchange as analysts expected third-quarter results on Tuesday morning. ", 50)
	d := &doc.Document{Text: text, Published: sat}
	tg, _ := New()
	ntok := len(lexTokens(text, nil))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := tg.Tag(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestReadMEANTIMEDCT(t *testing.T) {
	const head = `<?xml version="1.0" ?><Document doc_id="1" doc_name="1_x">
<token sentence="0" t_id="1">Markets</token><token sentence="0" t_id="2">fall</token>
<token sentence="1" t_id="3">May</token><token sentence="1" t_id="4">4</token><token sentence="1" t_id="5">,</token><token sentence="1" t_id="6">2009</token>
<token sentence="2" t_id="7">Stocks</token><token sentence="2" t_id="8">fell</token><token sentence="2" t_id="9">today</token><token sentence="2" t_id="10">.</token>
<Markables>`
	const tail = `<TIMEX3 m_id="2" type="DATE" value="2009-05-04" functionInDocument="NONE"><token_anchor t_id="9"/></TIMEX3>
<EVENT_MENTION m_id="3"><token_anchor t_id="8"/></EVENT_MENTION></Markables></Document>`
	dateline := func(fn string) string {
		return `<TIMEX3 m_id="1" type="DATE" value="2009-05-04" functionInDocument="` + fn + `"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>`
	}
	cases := []struct {
		name, xml string
		dct       string
		gold      int
	}{
		{"creation time", head + dateline("CREATION_TIME") + tail, "2009-05-04", 1},
		{"date line marked NONE", head + dateline("NONE") + tail, "2009-05-04", 2},
		{"no date line", head + tail, "0001-01-01", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, err := ReadMEANTIME(strings.NewReader(c.xml), "x.xml")
			if err != nil || g == nil {
				t.Fatalf("ReadMEANTIME: %v %v", g, err)
			}
			if got := g.Doc.Published.Format(time.DateOnly); got != c.dct {
				t.Errorf("DCT %s, want %s", got, c.dct)
			}
			if len(g.Gold) != c.gold {
				t.Errorf("%d gold, want %d", len(g.Gold), c.gold)
			}
		})
	}
}

func TestMEANTIMEDCTOrder(t *testing.T) {
	cases := []struct{ value, text, want string }{
		{"2009-02-03", "February 03 , 2009", "2009-02-03"},
		{"03-02-2009", "February 03 , 2009", "2009-02-03"},
		{"03-02-2009", "March 02 , 2009", "2009-03-02"},
		{"03-02-2009", "", "2009-03-02"},
	}
	for _, c := range cases {
		tm, ok := meantimeDCT(c.value, c.text)
		if got := tm.Format(time.DateOnly); !ok || got != c.want {
			t.Errorf("meantimeDCT(%q, %q) = %s %v, want %s", c.value, c.text, got, ok, c.want)
		}
	}
}
