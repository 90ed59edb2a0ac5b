package event

import (
	"context"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
)

var (
	putin  = actorSpec{code: "RUSGOV", country: "RUS", texts: []string{"Putin"}}
	biden  = actorSpec{code: "USAGOV", country: "USA", texts: []string{"Biden"}}
	trump  = actorSpec{code: "USAGOV", country: "USA", texts: []string{"Trump"}}
	zel    = actorSpec{code: "UKRGOV", country: "UKR", texts: []string{"Zelenskyy"}}
	russia = actorSpec{code: "RUS", country: "RUS", kind: "LOC", texts: []string{"Russia", "Russian", "Moscow"}}
	usa    = actorSpec{code: "USA", country: "USA", kind: "LOC", texts: []string{"U.S.", "Washington"}}
	china  = actorSpec{code: "CHN", country: "CHN", kind: "LOC", texts: []string{"China", "Beijing"}}
	japan  = actorSpec{code: "JPN", country: "JPN", kind: "LOC", texts: []string{"Japan", "Tokyo"}}
)

func code(t *testing.T, d *doc.Document) []doc.Event {
	t.Helper()
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d.Events
}

func parts(ps []doc.Participant) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Code)
	}
	return strings.Join(s, "+")
}

func TestCoderEvents(t *testing.T) {
	tests := []struct {
		name    string
		table   string
		actors  []actorSpec
		timexes []timexSpec
		// want: the first event's cameo, source codes, target codes, status, location country, date value
		cameo, src, tgt, status, country, date string
		recip                                  bool
		reported                               bool
	}{
		{
			name: "met with, place, date",
			table: `
Putin Putin PROPN 2 nsubj
met meet VERB 0 root VBD
with with ADP 4 case
Biden Biden PROPN 2 obl
in in ADP 6 case
Geneva Geneva PROPN 2 obl
, , PUNCT 8 punct
Switzerland Switzerland PROPN 6 appos
on on ADP 11 case
June June PROPN 11 compound
2021 2021 NUM 2 obl
. . PUNCT 2 punct`,
			actors:  []actorSpec{putin, biden},
			timexes: []timexSpec{{"June 2021", "DATE", "2021-06", nil}},
			cameo:   "040", src: "RUSGOV", tgt: "USAGOV", status: "occurred", country: "CHE", date: "2021-06", recip: true,
		},
		{
			name: "coordinated adjectival actors, modal, interval",
			table: `
U.S. U.S. PROPN 4 amod
and and CCONJ 3 cc
Russian Russian ADJ 1 conj
envoys envoy NOUN 6 nsubj
could could AUX 6 aux
meet meet VERB 0 root VB
within within ADP 11 case
the the DET 11 det
next next ADJ 11 amod
two two NUM 11 nummod
weeks week NOUN 6 obl
. . PUNCT 6 punct`,
			actors:  []actorSpec{usa, russia},
			timexes: []timexSpec{{"within the next two weeks", "DURATION", "P2W", &doc.Interval{Start: "2025-02-22", End: "2025-03-08"}}},
			cameo:   "036", src: "USA+RUS", tgt: "", status: "planned", date: "2025-02-22..2025-03-08", recip: true,
		},
		{
			name: "passive by-agent",
			table: `
Sanctions sanction NOUN 3 nsubj:pass
were be AUX 3 aux:pass
imposed impose VERB 0 root VBN
on on ADP 5 case
Russia Russia PROPN 3 obl
by by ADP 7 case
China China PROPN 3 obl:agent
. . PUNCT 3 punct`,
			actors: []actorSpec{russia, china},
			cameo:  "163", src: "CHN", tgt: "RUS", status: "occurred", date: "2025-W08",
		},
		{
			name: "accuse of, reported by speech verb",
			table: `
Officials official NOUN 2 nsubj
said say VERB 0 root VBD
China China PROPN 4 nsubj
accused accuse VERB 2 ccomp VBD
Japan Japan PROPN 4 obj
of of ADP 7 case
espionage espionage NOUN 4 obl
. . PUNCT 2 punct`,
			actors: []actorSpec{china, japan},
			cameo:  "1125", src: "CHN", tgt: "JPN", status: "occurred", reported: true, date: "2025-W08",
		},
		{
			name: "a thing is no party: criticised the proposal",
			table: `
Putin Putin PROPN 2 nsubj
criticized criticize VERB 0 root VBD
the the DET 4 det
proposal proposal NOUN 2 obj
of of ADP 6 case
Biden Biden PROPN 4 nmod
. . PUNCT 2 punct`,
			actors: []actorSpec{putin, biden},
			cameo:  "111", src: "RUSGOV", tgt: "USAGOV", status: "occurred",
		},
		{
			name: "a thing is no party: criticized the legislation",
			table: `
Putin Putin PROPN 2 nsubj
criticized criticize VERB 0 root VBD
the the DET 4 det
legislation legislation NOUN 2 obj
. . PUNCT 2 punct`,
			actors: []actorSpec{putin},
			cameo:  "111", src: "RUSGOV", tgt: "", status: "occurred",
		},
		{
			name: "denied plan to travel",
			table: `
Trump Trump PROPN 2 nsubj
denied deny VERB 0 root VBD
reports report NOUN 2 obj
that that SCONJ 6 mark
he he PRON 6 nsubj
plans plan VERB 3 acl VBZ
to to PART 8 mark
travel travel VERB 6 xcomp VB
to to ADP 10 case
Moscow Moscow PROPN 8 obl
on on ADP 13 case
May May PROPN 13 compound
9 9 NUM 8 obl
. . PUNCT 2 punct`,
			actors:  []actorSpec{trump, russia},
			timexes: []timexSpec{{"May 9", "DATE", "2025-05-09", nil}},
			cameo:   "042", src: "USAGOV", tgt: "RUS", status: "denied", date: "2025-05-09", country: "RUS",
		},
		{
			name: "negated",
			table: `
China China PROPN 4 nsubj
did do AUX 4 aux
not not PART 4 advmod
attack attack VERB 0 root VB
Japan Japan PROPN 4 obj
. . PUNCT 4 punct`,
			actors: []actorSpec{china, japan},
			cameo:  "190", src: "CHN", tgt: "JPN", status: "negated",
		},
		{
			name: "conditional",
			table: `
If if SCONJ 3 mark
China China PROPN 3 nsubj
attacks attack VERB 6 advcl VBZ
Japan Japan PROPN 3 obj
, , PUNCT 3 punct
war war NOUN 8 nsubj
will will AUX 8 aux
follow follow VERB 0 root VB
. . PUNCT 8 punct`,
			actors: []actorSpec{china, japan},
			cameo:  "190", src: "CHN", tgt: "JPN", status: "hypothetical",
		},
		{
			name: "light verb held talks with",
			table: `
China China PROPN 2 nsubj
held hold VERB 0 root VBD
talks talk NOUN 2 obj
with with ADP 5 case
Japan Japan PROPN 3 nmod
. . PUNCT 2 punct`,
			actors: []actorSpec{china, japan},
			cameo:  "040", src: "CHN", tgt: "JPN", status: "occurred", recip: true, date: "2025-W08",
		},
		{
			name: "threaten to impose sanctions (act)",
			table: `
China China PROPN 2 nsubj
threatened threaten VERB 0 root VBD
to to PART 4 mark
impose impose VERB 2 xcomp VB
sanctions sanction NOUN 4 obj
on on ADP 7 case
Japan Japan PROPN 4 obl
. . PUNCT 2 punct`,
			actors: []actorSpec{china, japan},
			cameo:  "1312", src: "CHN", tgt: "JPN", status: "occurred", date: "2025-W08",
		},
		{
			name: "working to arrange a meeting between",
			table: `
Moscow Moscow PROPN 3 nsubj
is be AUX 3 aux
working work VERB 0 root VBG
to to PART 5 mark
arrange arrange VERB 3 xcomp VB
a a DET 7 det
meeting meeting NOUN 5 obj
between between ADP 9 case
Putin Putin PROPN 7 nmod
and and CCONJ 11 cc
Trump Trump PROPN 9 conj
. . PUNCT 3 punct`,
			actors: []actorSpec{russia, putin, trump},
			cameo:  "036", src: "RUSGOV+USAGOV", tgt: "", status: "planned", recip: true,
		},
		{
			name: "call X a dictator",
			table: `
Trump Trump PROPN 2 nsubj
called call VERB 0 root VBD
Zelenskyy Zelenskyy PROPN 2 obj
a a DET 5 det
dictator dictator NOUN 2 xcomp
. . PUNCT 2 punct`,
			actors: []actorSpec{trump, zel},
			cameo:  "112", src: "USAGOV", tgt: "UKRGOV", status: "occurred", date: "2025-W08",
		},
	}
	tests = append(tests, []struct {
		name    string
		table   string
		actors  []actorSpec
		timexes []timexSpec
		// want: the first event's cameo, source codes, target codes, status, location country, date value
		cameo, src, tgt, status, country, date string
		recip                                  bool
		reported                               bool
	}{
		{
			name: "said would boycott: a threat",
			table: `
China China PROPN 2 nsubj
said say VERB 0 root VBD
it it PRON 5 nsubj
would would AUX 5 aux
boycott boycott VERB 2 ccomp VB
Japan Japan PROPN 5 obj
. . PUNCT 2 punct`,
			actors: []actorSpec{china, japan},
			cameo:  "133", src: "CHN", tgt: "JPN", status: "planned", reported: true,
		},
		{
			name: "will not accept: a rejection",
			table: `
China China PROPN 4 nsubj
will will AUX 4 aux
not not PART 4 advmod
accept accept VERB 0 root VB
talks talk NOUN 4 obj
with with ADP 7 case
Japan Japan PROPN 5 nmod
. . PUNCT 4 punct`,
			actors: []actorSpec{china, japan},
			cameo:  "125", src: "CHN", tgt: "JPN", status: "occurred", date: "2025-W08",
		},
		{
			name: "said Y must: a demand",
			table: `
China China PROPN 2 nsubj
said say VERB 0 root VBD
Japan Japan PROPN 5 nsubj
must must AUX 5 aux
release release VERB 2 ccomp VB
the the DET 7 det
prisoners prisoner NOUN 5 obj
. . PUNCT 2 punct`,
			actors: []actorSpec{china, japan},
			cameo:  "1053", src: "CHN", tgt: "JPN", status: "occurred", date: "2025-W08",
		},
		{
			name: "said Y and Z should meet: an appeal to both, not reciprocal",
			table: `
China China PROPN 2 nsubj
said say VERB 0 root VBD
Japan Japan PROPN 7 nsubj
and and CCONJ 5 cc
Russia Russia PROPN 3 conj
should should AUX 7 aux
meet meet VERB 2 ccomp VB
. . PUNCT 2 punct`,
			actors: []actorSpec{china, japan, russia},
			cameo:  "026", src: "CHN", tgt: "JPN+RUS", status: "occurred", date: "2025-W08",
		},
		{
			name: "when-clause after a date, place on the partner",
			table: `
It it PRON 2 nsubj
happened happen VERB 0 root VBD
in in ADP 5 case
June June PROPN 5 compound
2021 2021 NUM 2 obl
, , PUNCT 9 punct
when when ADV 9 advmod
Putin Putin PROPN 9 nsubj
met meet VERB 2 advcl VBD
with with ADP 11 case
Biden Biden PROPN 9 obl
in in ADP 13 case
Geneva Geneva PROPN 11 nmod
. . PUNCT 2 punct`,
			actors:  []actorSpec{putin, biden},
			timexes: []timexSpec{{"June 2021", "DATE", "2021-06", nil}},
			cameo:   "040", src: "RUSGOV", tgt: "USAGOV", status: "occurred", country: "CHE", date: "2021-06", recip: true,
		},
		{
			name: "rally in a city targets its country",
			table: `
Russian Russian ADJ 2 amod
students student NOUN 3 nsubj
rallied rally VERB 0 root VBD
in in ADP 5 case
Tokyo Tokyo PROPN 3 obl
. . PUNCT 3 punct`,
			actors: []actorSpec{},
			cameo:  "141", src: "RUS", tgt: "JPN", status: "occurred", country: "JPN", date: "2025-W08",
		},
		{
			name: "noun trigger in a purpose oblique",
			table: `
Chinese Chinese ADJ 2 amod
negotiators negotiator NOUN 3 nsubj
returned return VERB 0 root VBD
for for ADP 5 case
talks talk NOUN 3 obl
with with ADP 7 case
Japan Japan PROPN 5 nmod
. . PUNCT 3 punct`,
			actors: []actorSpec{japan},
			cameo:  "040", src: "CHN", tgt: "JPN", status: "occurred", recip: true, date: "2025-W08",
		},
		{
			name: "compound noun trigger under a light verb",
			table: `
China China PROPN 2 nsubj
launched launch VERB 0 root VBD
a a DET 5 det
mediation mediation NOUN 5 compound
effort effort NOUN 2 obj
between between ADP 7 case
Japan Japan PROPN 5 nmod
and and CCONJ 9 cc
Russia Russia PROPN 7 conj
. . PUNCT 2 punct`,
			actors: []actorSpec{china, japan, russia},
			cameo:  "045", src: "CHN", tgt: "JPN+RUS", status: "occurred", date: "2025-W08",
		},
		{
			name: "demands are met is no meeting",
			table: `
China China PROPN 2 nsubj
attacked attack VERB 0 root VBD
Japan Japan PROPN 2 obj
until until SCONJ 7 mark
its its PRON 6 nmod:poss
demands demand NOUN 8 nsubj:pass
were be AUX 8 aux:pass
met meet VERB 2 advcl VBN
. . PUNCT 2 punct`,
			actors: []actorSpec{china, japan},
			cameo:  "190", src: "CHN", tgt: "JPN", status: "occurred", date: "2025-W08",
		},
		{
			name: "a threat is aimed at the party of its condition",
			table: `
China China PROPN 2 nsubj
threatened threaten VERB 0 root VBD
to to PART 4 mark
halt halt VERB 2 xcomp
talks talk NOUN 4 obj
if if SCONJ 8 mark
Japan Japan PROPN 8 nsubj
sends send VERB 4 advcl VBZ
troops troop NOUN 8 obj
. . PUNCT 2 punct`,
			actors: []actorSpec{china, japan},
			cameo:  "134", src: "CHN", tgt: "JPN", status: "occurred", date: "2025-W08",
		},
		{
			name: "a threat's condition read off the surface when the parse loses it",
			table: `
China China PROPN 2 nsubj
threatened threaten VERB 0 root VBD
to to PART 4 mark
halt halt VERB 2 xcomp
talks talk NOUN 4 obj
if if SCONJ 7 mark
Japan Japan PROPN 4 obl
sends send VERB 2 conj VBZ
troops troop NOUN 8 obj
. . PUNCT 2 punct`,
			actors: []actorSpec{china, japan},
			cameo:  "134", src: "CHN", tgt: "JPN", status: "occurred", date: "2025-W08",
		},
		{
			name: "a party without a country takes the country its sentence is about",
			table: `
The the DET 2 det
Front Front PROPN 3 nsubj
accused accuse VERB 0 root VBD
the the DET 6 det
Japanese Japanese ADJ 6 amod
government government NOUN 3 obj
of of SCONJ 8 mark
lying lie VERB 3 advcl VBG
to to ADP 10 case
Tokyo Tokyo PROPN 8 obl
. . PUNCT 3 punct`,
			actors: []actorSpec{{code: "", kind: "ORG", texts: []string{"Front"}}, {code: "JPNGOV", country: "JPN", kind: "ORG", texts: []string{"Japanese government"}}},
			cameo:  "112", src: "JPN", tgt: "JPNGOV", status: "occurred", date: "2025-W08",
		},
		{
			name: "a material act without a named target is aimed at its place",
			table: `
China China PROPN 2 nsubj
eased ease VERB 0 root VBD
restrictions restriction NOUN 2 obj
in in ADP 5 case
Osaka Osaka PROPN 2 obl
. . PUNCT 2 punct`,
			actors: []actorSpec{china},
			cameo:  "085", src: "CHN", tgt: "JPN", status: "occurred", country: "JPN", date: "2025-W08",
		},
	}...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(t, "2025-02-22", tt.table, tt.actors, tt.timexes)
			evs := code(t, d)
			if len(evs) == 0 {
				t.Fatalf("no events")
			}
			e := evs[0]
			if e.CAMEO != tt.cameo || parts(e.Source) != tt.src || parts(e.Target) != tt.tgt || e.Status != tt.status {
				t.Errorf("got %s %s→%s %s, want %s %s→%s %s", e.CAMEO, parts(e.Source), parts(e.Target), e.Status, tt.cameo, tt.src, tt.tgt, tt.status)
			}
			if e.Reciprocal != tt.recip {
				t.Errorf("reciprocal = %v, want %v", e.Reciprocal, tt.recip)
			}
			if (e.Reported != nil) != tt.reported {
				t.Errorf("reported = %+v, want %v", e.Reported, tt.reported)
			}
			if tt.country != "" && (e.Location == nil || e.Location.Country != tt.country) {
				t.Errorf("location = %+v, want country %s", e.Location, tt.country)
			}
			got := ""
			if e.Date != nil {
				got = e.Date.Value
				if e.Date.Start != "" {
					got = e.Date.Start + ".." + e.Date.End
				}
			}
			if tt.date != "" && got != tt.date {
				t.Errorf("date = %q, want %q", got, tt.date)
			}
			if e.Type == "" || e.Quad == 0 || e.ID != "e1" {
				t.Errorf("incomplete coding: %+v", e)
			}
			if e.Evidence.Trigger.Text == "" || d.Text[e.Evidence.Trigger.Start:e.Evidence.Trigger.End] != e.Evidence.Trigger.Text {
				t.Errorf("bad trigger evidence %+v", e.Evidence.Trigger)
			}
		})
	}
}

func TestQuoteCueAct(t *testing.T) {
	d := build(t, "2025-02-22", `
" " PUNCT 2 punct
Stop stop VERB 0 root VB
. . PUNCT 2 punct

" " PUNCT 3 punct
China China PROPN 3 nsubj
warned warn VERB 0 root VBD
Japan Japan PROPN 3 obj
. . PUNCT 3 punct`, []actorSpec{china, japan}, nil)
	cue := strings.Index(d.Text, "warned")
	sp := strings.Index(d.Text, "China")
	d.Quotes = []doc.Quote{{ID: "q1", Text: "Stop .", Start: 2, End: 8, Direct: true,
		Cue:     &doc.Cue{Text: "warned", Start: cue, End: cue + 6, Lemma: "warn"},
		Speaker: &doc.Speaker{Text: "China", Start: sp, End: sp + 5, Actor: "A1"}}}
	evs := code(t, d)
	if len(evs) != 1 || evs[0].Type != "THREATEN" || parts(evs[0].Source) != "CHN" || parts(evs[0].Target) != "JPN" {
		t.Fatalf("events = %+v", evs)
	}
}
