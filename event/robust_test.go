package event

import (
	"strings"
	"testing"
)

// TestMisparsedPartner: "met with then-President X in Geneva" parsed with
// "with" on the adverb and X as a second subject still gives the meeting's
// place, and the adverb is no participant.
func TestMisparsedPartner(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
met meet VERB 0 root VBD
with with ADP 4 case
then then ADV 2 obl
Japan Japan PROPN 2 nsubj
in in ADP 7 case
Geneva Geneva PROPN 5 nmod
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
	evs := code(t, d)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	e := evs[0]
	if e.Location == nil || e.Location.Country != "CHE" {
		t.Errorf("location = %+v", e.Location)
	}
	for _, p := range e.Target {
		if p.Text == "then" {
			t.Errorf("adverb as participant: %+v", e.Target)
		}
	}
	for _, p := range e.Source {
		if p.Text == "then" {
			t.Errorf("adverb as participant: %+v", e.Source)
		}
	}
}

// TestPassiveRaising: the passive subject of a raising or asking verb does
// the complement's act ("China was asked to meet Japan").
func TestPassiveRaising(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 3 nsubj:pass
was be AUX 3 aux:pass
seen see VERB 0 root VBN
to to PART 5 mark
meet meet VERB 3 xcomp VB
Japan Japan PROPN 5 obj
. . PUNCT 3 punct`, []actorSpec{china, japan}, nil)
	evs := code(t, d)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	if e := evs[0]; parts(e.Source) != "CHN" || parts(e.Target) != "JPN" {
		t.Errorf("got %s→%s, want CHN→JPN", parts(e.Source), parts(e.Target))
	}
}

// TestVocativeSubject: a named vocative before the verb is its subject when
// the parser gave the subject role to an adjective ("China most certainly
// did not meet Japan").
func TestVocativeSubject(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 3 vocative
most most ADJ 3 nsubj
met meet VERB 0 root VBD
Japan Japan PROPN 3 obj
. . PUNCT 3 punct`, []actorSpec{china, japan}, nil)
	evs := code(t, d)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	if e := evs[0]; parts(e.Source) != "CHN" || parts(e.Target) != "JPN" {
		t.Errorf("got %s→%s, want CHN→JPN", parts(e.Source), parts(e.Target))
	}
}

// TestSmallClauseObject: "China summoned Japan to complain" parsed with
// Japan as the subject of "complain": Japan is the object of "summoned"
// and the target of the complaint, China complains.
func TestSmallClauseObject(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
summoned summon VERB 0 root VBD
Japan Japan PROPN 5 nsubj
to to PART 5 mark
complain complain VERB 2 xcomp VB
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
	evs := code(t, d)
	got := map[string]string{}
	for _, e := range evs {
		got[e.CAMEO[:2]] = parts(e.Source) + "→" + parts(e.Target)
	}
	for _, tt := range []struct{ root, want string }{{"04", "CHN→JPN"}, {"11", "CHN→JPN"}} {
		if got[tt.root] != tt.want {
			t.Errorf("%sx event: got %q, want %s (all %v)", tt.root, got[tt.root], tt.want, got)
		}
	}
}

// TestApposInList: "A, B, and C met D" parsed with B as an apposition of
// A keeps B among the parties; an apposition naming A again does not add
// a party.
func TestApposInList(t *testing.T) {
	korea := actorSpec{code: "KOR", country: "KOR", kind: "LOC", texts: []string{"Korea"}}
	d := build(t, "2025-02-22", `
China China PROPN 7 nsubj
, , PUNCT 3 punct
Korea Korea PROPN 1 appos
, , PUNCT 6 punct
and and CCONJ 6 cc
Japan Japan PROPN 1 conj
met meet VERB 0 root VBD
Russia Russia PROPN 7 obj
. . PUNCT 7 punct`, []actorSpec{china, korea, japan, russia}, nil)
	evs := code(t, d)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	if got := parts(evs[0].Source); got != "CHN+KOR+JPN" {
		t.Errorf("sources %s, want CHN+KOR+JPN", got)
	}
	d = build(t, "2025-02-22", `
China China PROPN 5 nsubj
, , PUNCT 3 punct
Beijing Beijing PROPN 1 appos
, , PUNCT 3 punct
met meet VERB 0 root VBD
Russia Russia PROPN 5 obj
. . PUNCT 5 punct`, []actorSpec{china, russia}, nil)
	if evs := code(t, d); len(evs) == 0 || parts(evs[0].Source) != "CHN" {
		t.Errorf("apposition without a later conjunct: %+v", evs)
	}
}

// TestGenericParty: "any country that has supported Japan" is nobody in
// particular: no event, and no party.
func TestGenericParty(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
helped help VERB 0 root VBD
more more ADV 2 advmod
than than ADP 6 case
any any DET 6 det
country country NOUN 2 obl
that that PRON 9 nsubj
has have AUX 9 aux
supported support VERB 6 acl:relcl VBN
Japan Japan PROPN 9 obj
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
	for _, e := range code(t, d) {
		if e.Evidence.Trigger.Text == "supported" {
			t.Errorf("event of a generic party: %+v", e)
		}
	}
}

// TestNounOwnerOfGoverningNoun: a noun trigger that completes another noun
// ("China's efforts for talks with Japan") takes that noun's owner as
// its source.
func TestNounOwnerOfGoverningNoun(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 3 nmod:poss
's 's PART 1 case
efforts effort NOUN 8 nsubj
for for ADP 5 case
talks talk NOUN 3 nmod
with with ADP 7 case
Japan Japan PROPN 5 nmod
failed fail VERB 0 root VBD
. . PUNCT 8 punct`, []actorSpec{china, japan}, nil)
	found := false
	for _, e := range code(t, d) {
		if e.Evidence.Trigger.Text != "talks" {
			continue
		}
		found = true
		if got := parts(e.Source) + ">" + parts(e.Target); got != "CHN>JPN" {
			t.Errorf("talks: got %s, want CHN>JPN", got)
		}
	}
	if !found {
		t.Error("no event for talks")
	}
}

// TestBareVerbNotMerged: a verb whose parties are not named is not another
// telling of the last event of its code; a bare noun still is.
func TestBareVerbNotMerged(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
rejected reject VERB 0 root VBD
Japan Japan PROPN 2 obj
. . PUNCT 2 punct

Lawyers lawyer NOUN 2 nsubj
rejected reject VERB 0 root VBD
the the DET 4 det
motion motion NOUN 2 obj
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
	evs := code(t, d)
	if len(evs) != 1 || len(evs[0].Mentions) != 1 {
		t.Errorf("got %d events, mentions %+v; want one event told once", len(evs), evs)
	}
}

// TestISOLikeName: a capitalised word that is only a country's ISO code
// ("TV", "ER") names no country; "US" does.
func TestISOLikeName(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
criticized criticize VERB 0 root VBD
TV TV PROPN 2 obj
and and CCONJ 5 cc
US US PROPN 3 conj
. . PUNCT 2 punct`, []actorSpec{china}, nil)
	evs := code(t, d)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	for _, p := range evs[0].Target {
		if p.Text == "TV" && p.Code == "TUV" {
			t.Errorf("TV coded as Tuvalu: %+v", evs[0].Target)
		}
	}
	if !strings.Contains(parts(evs[0].Target), "USA") {
		t.Errorf("US not coded: %+v", evs[0].Target)
	}
}

// TestNotEvents: words of the dictionary used in senses that are no
// events: showing (demonstrated resolve), speech (talked about), meeting
// a threshold, winning a contest (beat a rival in a primary, the candidate
// who can beat X, fighting for the nomination), and a trigger noun inside a name (the Free Trade
// Agreement).
func TestNotEvents(t *testing.T) {
	nafta := actorSpec{code: "", kind: "ORG", texts: []string{"Free Trade Agreement"}}
	tests := []struct {
		name, table string
		actors      []actorSpec
	}{
		{"demonstrated resolve", `
China China PROPN 2 nsubj
demonstrated demonstrate VERB 0 root VBD
resolve resolve NOUN 2 obj
. . PUNCT 2 punct`, []actorSpec{china}},
		{"talked about", `
China China PROPN 2 nsubj
talked talk VERB 0 root VBD
about about ADP 4 case
Japan Japan PROPN 2 obl
. . PUNCT 2 punct`, []actorSpec{china, japan}},
		{"met the threshold", `
China China PROPN 2 nsubj
met meet VERB 0 root VBD
Japan Japan PROPN 5 nmod:poss
's 's PART 3 case
threshold threshold NOUN 2 obj
. . PUNCT 2 punct`, []actorSpec{china, japan}},
		{"released a video", `
China China PROPN 2 nsubj
released release VERB 0 root VBD
a a DET 4 det
video video NOUN 2 obj
. . PUNCT 2 punct`, []actorSpec{china}},
		{"called him a genius for", `
China China PROPN 2 nsubj
called call VERB 0 root VBD
Japan Japan PROPN 2 obj
a a DET 5 det
genius genius NOUN 2 xcomp
for for ADP 7 case
strategies strategy NOUN 2 obl
. . PUNCT 2 punct`, []actorSpec{china, japan}},
		{"stormed out", `
China China PROPN 2 nsubj
stormed storm VERB 0 root VBD
out out ADP 2 compound:prt
. . PUNCT 2 punct`, []actorSpec{china}},
		{"beat a rival in a primary", `
China China PROPN 2 nsubj
beat beat VERB 0 root VBD
Japan Japan PROPN 2 obj
in in ADP 6 case
the the DET 6 det
primary primary NOUN 3 nmod
. . PUNCT 2 punct`, []actorSpec{china, japan}},
		{"beating rival X, misparsed", `
China China PROPN 2 nsubj
clinched clinch VERB 0 root VBD
the the DET 4 det
primary primary ADJ 2 obj
, , PUNCT 6 punct
beating beat VERB 2 advcl VBG
rival rival ADJ 2 dep
Japan Japan PROPN 7 appos
. . PUNCT 2 punct`, []actorSpec{china, japan}},
		{"the only candidate who can beat X", `
China China PROPN 3 nsubj
is be AUX 3 cop
candidate candidate NOUN 0 root
who who PRON 6 nsubj
can can AUX 6 aux
beat beat VERB 3 acl:relcl VB
Japan Japan PROPN 6 obj
. . PUNCT 3 punct`, []actorSpec{china, japan}},
		{"fighting for the nomination", `
China China PROPN 3 nsubj
is be AUX 3 aux
fighting fight VERB 0 root VBG
for for ADP 6 case
the the DET 6 det
nomination nomination NOUN 3 obl
. . PUNCT 3 punct`, []actorSpec{china}},
		{"agreement in a name", `
China China PROPN 2 nsubj
criticised criticise VERB 0 root VBD
the the DET 6 det
Free Free PROPN 6 compound
Trade Trade PROPN 6 compound
Agreement Agreement PROPN 2 obj
. . PUNCT 2 punct`, []actorSpec{china, nafta}},
	}
	for _, tt := range tests {
		d := build(t, "2025-02-22", tt.table, tt.actors, nil)
		for _, e := range code(t, d) {
			if tt.name != "agreement in a name" || e.Evidence.Trigger.Text == "Agreement" {
				t.Errorf("%s: event %s [%s]", tt.name, e.CAMEO, e.Evidence.Trigger.Text)
			}
		}
	}
}

// TestVerbalAttack: one politician attacking another is criticism (111);
// attacking a country stays an assault (190).
func TestVerbalAttack(t *testing.T) {
	tests := []struct {
		name, table, want string
		actors            []actorSpec
	}{
		{"person on person", `
Trump Trump PROPN 2 nsubj
attacked attack VERB 0 root VBD
Biden Biden PROPN 2 obj
. . PUNCT 2 punct`, "111", []actorSpec{trump, biden}},
		{"a person's attacks on a person", `
Trump Trump PROPN 2 nmod:poss
attacks attack NOUN 3 nsubj
continued continue VERB 0 root VBD
on on ADP 5 case
Biden Biden PROPN 2 nmod
. . PUNCT 3 punct`, "111", []actorSpec{trump, biden}},
		{"person on a country", `
Putin Putin PROPN 2 nsubj
attacked attack VERB 0 root VBD
Japan Japan PROPN 2 obj
. . PUNCT 2 punct`, "190", []actorSpec{putin, japan}},
	}
	for _, tt := range tests {
		d := build(t, "2025-02-22", tt.table, tt.actors, nil)
		evs := code(t, d)
		if len(evs) == 0 || evs[0].CAMEO != tt.want {
			t.Errorf("%s: got %+v, want %s", tt.name, evs, tt.want)
		}
	}
}

// TestCoordinatedPlaceGroups: "lawmakers and officials in X and Y" with
// "in X" hung on "lawmakers": Y's group (the actor stage's, mentioned as
// "Y") is a party too.
func TestCoordinatedPlaceGroups(t *testing.T) {
	law := actorSpec{code: "CHNLEG", country: "CHN", kind: "GRP", texts: []string{"Lawmakers"}}
	off := actorSpec{code: "CHNGOV", country: "CHN", kind: "GRP", texts: []string{"officials in China"}}
	jpn := actorSpec{code: "JPNGOV", country: "JPN", kind: "GRP", texts: []string{"Japan"}}
	d := build(t, "2025-02-22", `
Lawmakers lawmaker NOUN 8 nsubj
and and CCONJ 3 cc
officials official NOUN 1 conj
in in ADP 5 case
China China PROPN 1 nmod
and and CCONJ 7 cc
Japan Japan PROPN 5 conj
met meet VERB 0 root VBD
Russia Russia PROPN 8 obj
. . PUNCT 8 punct`, []actorSpec{law, off, jpn, russia}, nil)
	evs := code(t, d)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	if got := parts(evs[0].Source); !strings.Contains(got, "JPNGOV") || !strings.Contains(got, "CHNLEG") {
		t.Errorf("sources %s, want CHNLEG, CHNGOV and JPNGOV", got)
	}
}

// TestPlaceNounWithName: "eased measures on Wednesday in Montenegro
// province": the place is Montenegro even under a generic place noun hung
// on the date, and a material act with no named target is aimed at it.
func TestPlaceNounWithName(t *testing.T) {
	serbia := actorSpec{code: "SRB", country: "SRB", kind: "LOC", texts: []string{"Serbia"}}
	mne := actorSpec{code: "MNE", country: "MNE", kind: "LOC", texts: []string{"Montenegro"}}
	d := build(t, "2025-02-22", `
Serbia Serbia PROPN 2 nsubj
eased ease VERB 0 root VBD
emergency emergency NOUN 4 compound
measures measure NOUN 2 obj
on on ADP 6 case
Wednesday Wednesday PROPN 2 obl
in in ADP 9 case
Montenegro Montenegro PROPN 9 compound
province province PROPN 6 nmod
. . PUNCT 2 punct`, []actorSpec{serbia, mne}, []timexSpec{{text: "Wednesday", typ: "DATE", value: "2025-02-19"}})
	evs := code(t, d)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	e := evs[0]
	if e.Location == nil || e.Location.Country != "MNE" {
		t.Errorf("location %+v, want Montenegro", e.Location)
	}
	if parts(e.Target) != "MNE" {
		t.Errorf("target %s, want MNE", parts(e.Target))
	}
}

// TestUnnamedAttackerPlace: "a bombing near the town of Samarra killed a
// U.S. soldier": the place hangs on the subject, and the attack by nobody
// named is coded to the country it happens in.
func TestUnnamedAttackerPlace(t *testing.T) {
	soldier := actorSpec{code: "USAMIL", country: "USA", kind: "PER", texts: []string{"soldier"}}
	d := build(t, "2025-02-22", `
A a DET 2 det
bombing bombing NOUN 8 nsubj
near near ADP 5 case
the the DET 5 det
town town NOUN 2 nmod
of of ADP 7 case
Samarra Samarra PROPN 5 nmod
killed kill VERB 0 root VBD
a a DET 10 det
soldier soldier NOUN 8 obj
. . PUNCT 8 punct`, []actorSpec{soldier}, nil)
	evs := code(t, d)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	e := evs[0]
	if e.Location == nil || e.Location.Country != "IRQ" {
		t.Errorf("location %+v, want Samarra, IRQ", e.Location)
	}
	if parts(e.Source) != "IRQ" {
		t.Errorf("source %q, want IRQ", parts(e.Source))
	}
}

// TestDemandOfNamedSubject: "insisted that Japan's government grant …"
// parsed with both "that" and "government" as subjects of "grant": the
// demand is made of the named one.
func TestDemandOfNamedSubject(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
insisted insist VERB 0 root VBD
on on ADP 5 case
its its PRON 5 nmod:poss
demands demand NOUN 2 obl
that that PRON 10 nsubj
Japan Japan PROPN 9 nmod:poss
's 's PART 7 case
government government NOUN 10 nsubj
grant grant VERB 2 ccomp VB
rights right NOUN 10 obj
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
	evs := code(t, d)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	if got := parts(evs[0].Source) + ">" + parts(evs[0].Target); got != "CHN>JPN" {
		t.Errorf("got %s %s, want CHN>JPN", evs[0].CAMEO, got)
	}
}

// TestBareMentionSameWord: "the talks" joins the latest event told with
// that word, not merely the latest event of its code.
func TestBareMentionSameWord(t *testing.T) {
	korea := actorSpec{code: "KOR", country: "KOR", kind: "LOC", texts: []string{"Korea"}}
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
held hold VERB 0 root VBD
talks talk NOUN 2 obj
with with ADP 5 case
Japan Japan PROPN 3 nmod
. . PUNCT 2 punct

Russia Russia PROPN 2 nsubj
met meet VERB 0 root VBD
Korea Korea PROPN 2 obj
. . PUNCT 2 punct

The the DET 2 det
talks talk NOUN 3 nsubj
lasted last VERB 0 root VBD
hours hour NOUN 3 obj
. . PUNCT 3 punct`, []actorSpec{china, japan, russia, korea}, nil)
	evs := code(t, d)
	for _, e := range evs {
		n := len(e.Mentions)
		switch parts(e.Source) {
		case "CHN":
			if n != 2 {
				t.Errorf("China–Japan talks told %d times, want 2", n)
			}
		case "RUS":
			if n != 1 {
				t.Errorf("Russia–Korea meeting told %d times, want 1", n)
			}
		}
	}
}

// TestNounTaggedVerb: "China did not clash with Japan" with "clash" tagged
// a noun is coded as the verb it is.
func TestNounTaggedVerb(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 4 nsubj
did do AUX 4 aux VBD
not not PART 4 advmod
clash clash NOUN 0 root NN
with with ADP 6 case
Japan Japan PROPN 4 obl
. . PUNCT 4 punct`, []actorSpec{china, japan}, nil)
	evs := code(t, d)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	if got := parts(evs[0].Source) + ">" + parts(evs[0].Target); got != "CHN>JPN" {
		t.Errorf("got %s %s, want CHN>JPN", evs[0].CAMEO, got)
	}
}

// TestDomesticTarget: a refusal or threat by a party inside a country with
// no named target is aimed at that country; a country's own refusal gets
// no target.
func TestDomesticTarget(t *testing.T) {
	awori := actorSpec{code: "KENGOV", country: "KEN", texts: []string{"Awori"}}
	kenya := actorSpec{code: "KEN", country: "KEN", kind: "LOC", texts: []string{"Kenya"}}
	for _, tt := range []struct {
		name, table, want string
		actors            []actorSpec
	}{
		{"official declined", `
Awori Awori PROPN 2 nsubj
declined decline VERB 0 root VBD
to to PART 4 mark
resign resign VERB 2 xcomp VB
. . PUNCT 2 punct`, "KEN", []actorSpec{awori}},
		{"country declined", `
Kenya Kenya PROPN 2 nsubj
declined decline VERB 0 root VBD
to to PART 4 mark
resign resign VERB 2 xcomp VB
. . PUNCT 2 punct`, "", []actorSpec{kenya}},
	} {
		d := build(t, "2025-02-22", tt.table, tt.actors, nil)
		evs := code(t, d)
		if len(evs) == 0 {
			t.Fatalf("%s: no events", tt.name)
		}
		if got := parts(evs[0].Target); got != tt.want {
			t.Errorf("%s: %s target %q, want %q", tt.name, evs[0].CAMEO, got, tt.want)
		}
	}
}

// TestInfinitiveTaggedNoun: "China began to attack Japan" with "attack"
// tagged a noun after "to" is the infinitive, with China as its subject.
func TestInfinitiveTaggedNoun(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
began begin VERB 0 root VBD
to to ADP 4 case
attack attack NOUN 2 obl NN
Japan Japan PROPN 4 obj
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
	evs := code(t, d)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	if got := parts(evs[0].Source) + ">" + parts(evs[0].Target); got != "CHN>JPN" {
		t.Errorf("got %s %s, want CHN>JPN", evs[0].CAMEO, got)
	}
}

// TestObjectNounPartner: "efforts to reestablish dialogue with Japan" with
// "with Japan" on the verb: the partner of the verb the noun is the object
// of is the noun event's target.
func TestObjectNounPartner(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
sought seek VERB 0 root VBD
to to PART 4 mark
reestablish reestablish VERB 2 xcomp VB
dialogue dialogue NOUN 4 obj
with with ADP 7 case
Japan Japan PROPN 4 obl
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
	evs := code(t, d)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	if got := parts(evs[0].Source) + ">" + parts(evs[0].Target); got != "CHN>JPN" {
		t.Errorf("got %s %s, want CHN>JPN", evs[0].CAMEO, got)
	}
}

// TestLightVerbFamily: "providing funding for Japan-related assistance" is
// one aid event, aimed at Japan.
func TestLightVerbFamily(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
provided provide VERB 0 root VBD
funding funding NOUN 2 obj
for for ADP 8 case
Japan Japan PROPN 7 compound
- - PUNCT 5 punct
related related ADJ 8 amod
assistance assistance NOUN 2 obl
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
	evs := code(t, d)
	if len(evs) != 1 {
		t.Fatalf("got %d events, want one: %+v", len(evs), evs)
	}
	if got := parts(evs[0].Source) + ">" + parts(evs[0].Target); got != "CHN>JPN" {
		t.Errorf("got %s %s, want CHN>JPN", evs[0].CAMEO, got)
	}
}
