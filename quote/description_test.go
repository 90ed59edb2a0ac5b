package quote_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
)

// TestPlaceDescriptionSpeaker checks that a description qualified by a
// place ("the Florida senator") is linked to the person the text ties to
// that place, not to the nearest senator.
func TestPlaceDescriptionSpeaker(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Primary results\n\nSen. Bernie Sanders of Vermont won in Michigan on Tuesday. Florida Sen. Marco Rubio lost his home state.\n\n" +
		"The Florida senator said the party would recover.\n\nThe Vermont senator said he would stay in the race.\n"
	d, err := p.Extract(context.Background(), doc.Article{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"The Florida senator": "Marco Rubio", "The Vermont senator": "Bernie Sanders"}
	for _, q := range d.Quotes {
		if q.Speaker == nil {
			continue
		}
		name, ok := want[q.Speaker.Text]
		if !ok {
			continue
		}
		if a := d.Actor(q.Speaker.Actor); a == nil || a.Name != name {
			t.Errorf("speaker %q linked to %+v, want %s", q.Speaker.Text, a, name)
		}
		delete(want, q.Speaker.Text)
	}
	if len(want) > 0 {
		t.Errorf("no quotes by %v: %+v", want, d.Quotes)
	}
}

// TestSpeakerSpan checks that a named speaker's span ends before time and
// place modifiers, that a common-noun speaker keeps them, and that an age
// in apposition is skipped.
func TestSpeakerSpan(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "News\n\nHillary Clinton on Friday in Ohio said the debates would matter.\n\nOfficials in Washington said the talks would resume.\n\n" +
		"Schiff, 56, who has served on the Intelligence Committee for a decade, told USA TODAY it is clear that the hacking can be traced to the Russian government.\n"
	d, err := p.Extract(context.Background(), doc.Article{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range d.Quotes {
		if q.Speaker != nil {
			got = append(got, q.Speaker.Text)
		}
	}
	// (an age between commas is no speaker: "Schiff, 56, who …, told")
	if want := "Hillary Clinton|Officials in Washington|Schiff"; strings.Join(got, "|") != want {
		t.Errorf("speakers %q, want %s", got, want)
	}
}

// TestPronounSpeakerGender checks that "she said" after a man's quote goes
// to the woman named before, not to the last speaker.
func TestPronounSpeakerGender(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Debate\n\nHillary Clinton and Donald Trump met in Ohio on Monday.\n\n" +
		"“We will win this state,” Mr. Trump said.\n\n“The voters deserve better,” she said.\n"
	d, err := p.Extract(context.Background(), doc.Article{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range d.Quotes {
		if q.Speaker == nil || q.Speaker.Text != "she" {
			continue
		}
		found = true
		if a := d.Actor(q.Speaker.Actor); a == nil || a.Name != "Hillary Clinton" {
			t.Errorf("\"she\" linked to %+v, want Hillary Clinton", a)
		}
	}
	if !found {
		t.Errorf("no quote by \"she\": %+v", d.Quotes)
	}
}

// TestPossessorNotSpeaker checks that the owner in "X’s spokesman" is not
// the speaker, and that a name apposed to the description is.
func TestPossessorNotSpeaker(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, notActor, actor string }{
		{"News\n\nSenator Maria Lopez’s spokesman said the vote would be close.\n", "Maria Lopez", ""},
		{"News\n\nMaria Lopez’s campaign manager Tom Reyes said as much in an interview, arguing that the bill “would hurt farmers.”\n", "Maria Lopez", "Tom Reyes"},
	} {
		d, err := p.Extract(context.Background(), doc.Article{Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Quotes) == 0 {
			t.Errorf("%q: no quotes", tc.text)
			continue
		}
		for _, q := range d.Quotes {
			if q.Speaker == nil {
				t.Errorf("%q: quote %q has no speaker", tc.text, q.Text)
				continue
			}
			name := ""
			if a := d.Actor(q.Speaker.Actor); a != nil {
				name = a.Name
			}
			if name == tc.notActor || tc.actor != "" && name != tc.actor {
				t.Errorf("%q: quote %q spoken by %q (%q), want %q", tc.text, q.Text, name, q.Speaker.Text, tc.actor)
			}
		}
	}
}

// TestTitleAndCircumstance checks that a show's title in quotation marks
// is no speech and does not break a continued quote, and that the time and
// place of the speech are no content.
func TestTitleAndCircumstance(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "News\n\n“Rates will rise,” Lena Weiss, the finance minister, said Thursday morning on CNBC’s “Squawk Box.” “We cannot wait any longer.”\n"
	d, err := p.Extract(context.Background(), doc.Article{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range d.Quotes {
		spk := ""
		if q.Speaker != nil {
			spk = q.Speaker.Text
		}
		got = append(got, q.Text+" ("+spk+")")
	}
	if want := "Rates will rise (Lena Weiss)|We cannot wait any longer. (Lena Weiss)"; strings.Join(got, "|") != want {
		t.Errorf("quotes %q, want %q", got, want)
	}
}

// TestAddresseeNotContent checks that whom a statement is made to is not
// part of what was said ("asked Lena Weiss what …", "told reporters that …").
func TestAddresseeNotContent(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"A reporter asked Lena Weiss what the timeline for a vote on the bill is.", "what the timeline for a vote on the bill is"},
		{"The senator told reporters that the vote would be delayed.", "that the vote would be delayed"},
		{"Weiss asked him whether the deal would survive the vote.", "whether the deal would survive the vote"},
	} {
		d, err := p.Extract(context.Background(), doc.Article{Text: "News\n\n" + tc.text + "\n"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, q := range d.Quotes {
			got = append(got, q.Text)
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: quotes %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestHeadlineAndNounCues checks attributions the parse cannot give: a
// title-case headline's speech verb ("X Says …", "…, X Says."), and a
// speech noun with its owner ("her claim that …") whose clause the parser
// hung on another verb.
func TestHeadlineAndNounCues(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const body = "\n\nThe senator spoke to farmers in Des Moines on Monday.\n"
	for _, tc := range []struct{ text, content, cue, speaker string }{
		{"Maria Lopez Says Tariffs Will Hurt Iowa Farmers" + body, "Tariffs Will Hurt Iowa Farmers", "Says", "Maria Lopez"},
		{"Tariffs Will Hurt Iowa Farmers, Maria Lopez Says." + body, "Tariffs Will Hurt Iowa Farmers", "Says", "Maria Lopez"},
		{"Seventeen Of The Most Powerful Things Voters Said In Iowa" + body, "", "Said", ""},
		{"News\n\nAt a town hall on Friday, Maria Lopez faced questions about her claim that the tariffs would hurt farmers.\n",
			"that the tariffs would hurt farmers", "claim", "Maria Lopez"},
	} {
		d, err := p.Extract(context.Background(), doc.Article{Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		var found *doc.Quote
		for i, q := range d.Quotes {
			if q.Cue != nil && q.Cue.Text == tc.cue {
				found = &d.Quotes[i]
			}
		}
		if tc.content == "" {
			if found != nil {
				t.Errorf("%q: quote %q with cue %q", tc.text, found.Text, tc.cue)
			}
			continue
		}
		if found == nil {
			t.Errorf("%q: no quote with cue %q: %+v", tc.text, tc.cue, d.Quotes)
			continue
		}
		name := ""
		if found.Speaker != nil {
			if a := d.Actor(found.Speaker.Actor); a != nil {
				name = a.Name
			}
		}
		if found.Text != tc.content || name != tc.speaker {
			t.Errorf("%q: quote %q spoken by %q, want %q by %q", tc.text, found.Text, name, tc.content, tc.speaker)
		}
	}
}
