package event_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
)

// TestPoliticalNewsSenses runs the whole pipeline over sentences of news
// whose trigger words have a sense that is no event, or another event, or
// whose parties are things or carry tags that name nobody.
func TestPoliticalNewsSenses(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		// want lists "CAMEO source>target" of every event (participant
		// texts joined by "+"); nothing when empty
		want []string
	}{
		{"Hillary Clinton released a new campaign ad hitting Donald Trump for not paying federal income tax.",
			[]string{"111 Hillary Clinton>Donald Trump"}},
		{"Politifact seized on Trump’s claim that there have been thousands of shootings in Chicago.", nil},
		{"By the fall of 2010, Tea Party groups had seized on cap-and-trade as a political weapon.", nil},
		{"Scott says he has fought to push through incremental policy initiatives.", nil},
		{"Republicans in Congress will continue their legislative attacks on the agency.", []string{"111 Republicans>"}},
		{"Senator Bob Corker, R-Tenn., sued the administration.", []string{"115 Senator Bob Corker>the administration"}},
		{"Bernie Sanders discussed those contests in a speech to supporters.", nil},
		{"Israeli officials discussed the proposal on Monday.", nil},
		{"Russian and Ukrainian negotiators met in Istanbul.", []string{"040 Russian+Ukrainian negotiators>"}},
		{"The Obama administration's plan has been met with opposition.", nil},
		{"She had to make ends meet.", nil},
		{"She can't beat Donald Trump without help.", nil},
		{"Trump beat Ted Cruz in Indiana.", nil},
		{"Carson beat out Clinton by just one point.", nil},
		{"Israeli jets attacked Hamas positions in Gaza as the ceasefire collapsed.", []string{"190 Israeli>Hamas"}},
		// a politician attacking a group of people uses words
		{"Senator Ted Cruz attacked Muslims in a speech.", []string{"111 Senator Ted Cruz>Muslims"}},
		{"Israeli soldiers attacked Palestinians in Hebron.", []string{"190 Israeli soldiers>Palestinians in Hebron"}},
		{"Governor Ann Weller attacked the Pentagon as a wasteful bureaucracy.", []string{"111 Governor Ann Weller>the Pentagon"}},
		{"Police beat opposition leader Morgan Tsvangirai in Harare.", []string{"182 Police>opposition leader Morgan Tsvangirai"}},
		{"Two men beat John Smith to death.", []string{"182 Two men>John Smith"}},
		{"Ms. Lynch occupies one of the key positions of power in Washington.", nil},
		{"Obama draws attention to a quieter war against rising seas.", nil},
		{"Obama said he planned to stay active in fighting climate change.", nil},
		{"Donald Trump, who is battling Ben Carson for the top spot, spoke.", nil},
		{"He fought really hard for the legislation.", nil},
		{"Government troops fought Houthi rebels near Sanaa.", []string{"190 Government troops>Houthi"}},
		{"Russian soldiers had fought in the war in eastern Ukraine.", []string{"190 Russian soldiers>Ukraine"}},
		{"The war against ISIS continued in Mosul.", []string{"190 >ISIS"}},
		{"The Yemeni army pressed its war against the rebels.", []string{"190 The Yemeni army>"}},
		{"Donald Trump held a rally in Ohio on Tuesday.", nil},
		{"Republicans rallied behind Donald Trump.", []string{"051 Republicans>Donald Trump"}},
		{"Thousands of protesters rallied in Lagos against the government.", []string{"141 protesters>government"}},
		{"Trump captured the Republican nomination.", nil},
		{"The super PAC released a robocall attacking Trump.", []string{"111 >Trump"}},
		{"Iran released three American prisoners.", []string{"0841 Iran>American prisoners"}},
		{"These rapid changes are a pressing fact of life for them.", nil},
		{"Thank God, I am very healthy, Trump said.", nil},
		{"Guns that end up committing crimes in New York came from Virginia.", nil},
		{"Hillary Clinton and Elizabeth Warren held a joint event, striking a populist tone.", nil},
		{"Sanders struck a chord with young voters.", nil},
		{"Joe Biden hit the campaign trail with Hillary Clinton on Monday.", nil},
		{"Latino turnout hit a high of 11.2 million voters.", nil},
		{"Russian jets struck a hospital in Aleppo.", []string{"190 Russian>Aleppo"}},
		{"Villa Grimaldi was a secret jail where Michelle Bachelet was tortured.", []string{"1822 >Michelle Bachelet"}},
		{"Sebastian Soria hit 19 goals for Qatar Sports Club.", nil},
		{"The International Red Cross has estimated that 5.9 million Filipinos were killed or injured.", []string{"190 >Filipinos"}},
		{"Two typhoons hit the Philippines last month.", nil},
		{"Ministers said the war against HIV and AIDS was far from won.", nil},
		{"Health workers in Guinea are fighting Ebola.", nil},
		{"OPEC will defend a price of 60 dollars a barrel.", nil},
		{"Azlan Iskander is seeded to meet compatriot and defending champion On Beng Hee.", []string{"040 Azlan Iskander>compatriot"}},
		{"Soria, who hit the first goal in the 2-0 semi-final win against defending champions Iran, could become the top scorer.", nil},
		{"David Shaw, the special agent in charge of the inquiry, spoke.", nil},
		{"Ryan's statement also provides an awkward break with Trump.", nil},
		{"Russia provided Syria with weapons.", []string{"072 Russia>Syria"}},
		{"The report criticized the decision.", nil},
		// a crime is no party; the doer of a thing's act is
		{"Officer Betty Shelby was charged with first-degree manslaughter.", []string{"173 >Officer Betty Shelby"}},
		{"Croatia is investigating alleged war crimes by Croatian extremists against Serb civilians.", []string{"091 Croatia>Croatian extremists"}},
		{"Turkish police prevented the demonstration staged by students in Sivas.", []string{"172 Turkish police>students in Sivas"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, err := p.Extract(context.Background(), doc.Article{Title: "Campaign news", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.Events {
				got = append(got, e.CAMEO+" "+texts(e.Source)+">"+texts(e.Target))
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func texts(ps []doc.Participant) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Text)
	}
	return strings.Join(s, "+")
}

// TestReportedBy checks that an event inside a statement is reported by its
// speaker, and one inside an aim ("has sought to …") is not reported at all.
func TestReportedBy(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, by string }{
		{"Rubio said the United States would improve relations with Russia.", "Rubio"},
		{"The Trump administration has sought to improve relations with Russia.", ""},
	} {
		d, err := p.Extract(context.Background(), doc.Article{Title: "News", Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Events) != 1 {
			t.Fatalf("%q: %d events, want 1", tt.text, len(d.Events))
		}
		by := ""
		if r := d.Events[0].Reported; r != nil {
			by = r.Text
		}
		if by != tt.by {
			t.Errorf("%q: reported by %q, want %q", tt.text, by, tt.by)
		}
	}
}

// TestRetellings checks that a noun with no party of its own retells the
// latest event of its kind only when it refers back ("the assault"), not
// when it speaks of such events in general ("Assaults are common").
func TestRetellings(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want int // mentions of the one event
	}{
		{"Israel attacked Hamas fighters in Gaza on Monday. Assaults are common in the region.", 1},
		{"Israel attacked Hamas fighters in Gaza on Monday. The assault killed ten people.", 2},
	} {
		d, err := p.Extract(context.Background(), doc.Article{Title: "News", Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Events) != 1 || len(d.Events[0].Mentions) != tt.want {
			t.Errorf("%q: %d events, want 1 with %d mentions: %+v", tt.text, len(d.Events), tt.want, d.Events)
		}
	}
}

// TestPluralAndForSubjects checks that a plural description makes every
// actor it sums up a participant, that "for X to meet" makes X the one who
// meets, and that what someone responds to is no act of theirs.
func TestPluralAndForSubjects(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		// want lists "CAMEO source>target" of every event, with the
		// participants' texts
		want []string
	}{
		{"Mitch McConnell said it was inappropriate for Justice Ruth Bader Ginsburg to criticize Donald Trump.",
			[]string{"111 Justice Ruth Bader Ginsburg>Donald Trump"}},
		{"Republicans responded to the massacre in Orlando.", nil},
		// a dashed pair before a noun of relations is two parties
		{"India–Pakistan talks resumed in Geneva on Monday.", []string{"040 India+Pakistan>"}},
		// an amount is no party; hailing from a place is no praise
		{"Trump invested about $20 million in the golf course.", []string{"061 Trump>"}},
		{"Senator Patty Murray, who hails from Washington, criticized the decision.", []string{"111 Senator Patty Murray>"}},
		// food is no party
		{"An Iranian-American charity donated food.", []string{"070 Iranian-American charity>"}},
		{"The United Nations will provide 25,000 tons of food aid to refugees fleeing the war.", []string{"0331 The United Nations>refugees"}},
		// whom one mocks for doing it did it; an apposed name is whom a noun names
		{"Trump tweeted to mock Hillary Clinton for inviting Trump critic Mark Cuban.", []string{"111 Trump>Hillary Clinton", "036 Hillary Clinton>Mark Cuban"}},
		// a treaty is no party, and its name no event; backing out is no support
		{"Back when it signed on to the North American Free Trade Agreement, the United States pledged to lift restrictions.", []string{"0354 United States>"}},
		{"Washington backed out under pressure from the Teamsters.", nil},
		// one's own country is no partner beside another
		{"The Trump administration has sought to improve U.S.–Russia relations.", []string{"032 The Trump administration>Russia"}},
		// a press conference is a statement; numbers released are no people released
		{"In a July 16 press conference, Jobs said that all buyers would get a free case.", nil},
		{"The Times cites a rise in unemployment numbers released Thursday by the U.S. Department of Labor.", nil},
		// releasing numbers is no release of anybody
		{"The Labor Department released unemployment numbers on Thursday.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, err := p.Extract(context.Background(), doc.Article{Title: "News", Text: tt.text, Published: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.Events {
				got = append(got, e.CAMEO+" "+texts(e.Source)+">"+texts(e.Target))
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPluralParticipants checks that every actor a plural description sums
// up is a participant ("for the two leaders to meet").
func TestPluralParticipants(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "German Chancellor Olaf Scholz and French President Emmanuel Macron spoke by phone on Monday. " +
		"Berlin and Paris hope to arrange for the two leaders to meet in Brussels."
	d, err := p.Extract(context.Background(), doc.Article{Title: "News", Text: text, Published: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.Events {
		var src []string
		for _, p := range e.Source {
			src = append(src, p.Code+"="+p.Text)
		}
		got = append(got, e.CAMEO+" "+strings.Join(src, "+"))
	}
	// planned: an intent to meet (036)
	if want := "036 DEUGOV=the two leaders+FRAGOV=the two leaders"; strings.Join(got, "; ") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestTimeAheadAndDemonstratives checks the status of events in temporal
// clauses, the date of an event whose time is left open, and that "that
// meeting" retells the meeting told of last whatever its clause's status.
func TestTimeAheadAndDemonstratives(t *testing.T) {
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		// want lists "CAMEO status date mentions" of every event
		want []string
	}{
		// a hostile act ahead in a before-clause is no announced threat
		{"Israeli officials said they will wait until Iranian forces attack Israel.", []string{"190 planned - 1"}},
		// a failed deal did not happen
		{"US automaker bailout deal fails to pass Senate.", []string{"030 negated - 1"}},
		// a planned meeting that did not take place is no refusal; postponed
		// talks are still ahead
		{"The planned meeting between Antony Blinken and Sergei Lavrov did not take place.", []string{"040 negated - 1"}},
		{"Talks between Israel and Hamas, which had been scheduled for Tuesday, were postponed.", []string{"036 planned - 1"}},
		// "until" hung on the clause's subject by the parser still subordinates
		// it; a time ahead is no intent (0356)
		{"Zelenskyy said he would not meet Putin until Russia withdraws its troops.", []string{"125 occurred 2024-W19 1", "0872 planned - 1"}},
		// a condition after a noun trigger, however the clause was parsed
		{"Rubio said cooperation between France and Germany on trade issues would be contingent on a peace settlement.", []string{"060 hypothetical - 1"}},
		// a habit after "when" is no time ahead
		{"Crowds cheer when Senator Tom Hale praises Governor Anna Berg.", []string{"051 occurred 2024-W19 1"}},
		// "the eventual talks" are not dated by the meeting before them
		{"Russian and Chinese envoys will meet on May 20 to prepare the eventual talks between Vladimir Putin and Xi Jinping.",
			[]string{"036 planned 2024-05-20 1", "036 planned - 1"}},
		// "that meeting" is the summit told last, not the talks coded before it
		{"French and German negotiators met in Brussels on Monday. Paris is working on a summit meeting between Emmanuel Macron and Olaf Scholz. " +
			"Officials said that meeting will depend on progress in Ukraine. When that meeting happens is not clear.",
			[]string{"040 occurred 2024-05-06 1", "036 planned - 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, err := p.Extract(context.Background(), doc.Article{Title: "News", Text: tt.text, Published: time.Date(2024, 5, 8, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.Events {
				date := "-"
				if e.Date != nil {
					date = e.Date.Value
					if date == "" {
						date = e.Date.Start
					}
				}
				got = append(got, fmt.Sprintf("%s %s %s %d", e.CAMEO, e.Status, date, len(e.Mentions)))
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
