package event

import (
	"context"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
)

func TestReadPETRRecordsRequireDyad(t *testing.T) {
	const src = `<Records><Sentences>
<Sentence date="20010102" id="A" category="X"><EventCoding sourcecode="AAA" targetcode="BBB" eventcode="040"></EventCoding><Text>one</Text></Sentence>
<Config option="require_dyad" value="False"></Config>
<Sentence date="20010102" id="B" category="X"><EventCoding sourcecode="---GOV" targetcode="---" eventcode="023"></EventCoding><Text>two</Text></Sentence>
<Sentence date="20010102" id="C" category="X"><Text>three</Text></Sentence>
<Config option="comma_max" value="0"></Config>
<Config option="require_dyad" value="TRUE"></Config>
<Sentence date="20010102" id="D" category="X"><Text>four</Text></Sentence>
</Sentences></Records>`
	recs, _, err := ReadPETRRecords(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"A": false, "B": true, "C": true, "D": false}
	if len(recs) != len(want) {
		t.Fatalf("got %d records, want %d", len(recs), len(want))
	}
	for _, r := range recs {
		if r.NoDyad != want[r.ID] {
			t.Errorf("%s: NoDyad = %v, want %v", r.ID, r.NoDyad, want[r.ID])
		}
	}
	if recs[0].Comma != DefaultCommaOptions {
		t.Errorf("A comma options = %+v, want the defaults", recs[0].Comma)
	}
	if want := (CommaOptions{Min: 2, EMin: 2, EMax: 8}); recs[3].Comma != want {
		t.Errorf("D comma options = %+v, want %+v", recs[3].Comma, want)
	}
	if got := recs[1].Expected; len(got) != 1 || got[0] != "---GOV --- 023" {
		t.Errorf("B expected = %q", got)
	}
}

func TestReadPETRRecordsBadInput(t *testing.T) {
	for _, in := range []string{"", "<", "<Sentences><Sentence", "not xml at all"} {
		if _, _, err := ReadPETRRecords(strings.NewReader(in)); err == nil && in == "" {
			t.Errorf("%q: no error", in)
		}
	}
}

// TestPETRARCHInflectedForms: a form listed as a verb of its own ("LEFT
// [032:033]") comes before its lemma's block ("LEAVE [012]"), and a form
// listed only as a form ("SAID") codes its lemma's uses.
func TestPETRARCHInflectedForms(t *testing.T) {
	const dict = "--- LEAVE  [012] ---\nLEAVE\n\n--- LEFT  [032:033] ---\nLEFT\n\n--- SAID  [023] ---\nSAID\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "forms.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	tests := []struct {
		table, want string
	}{
		{`
China China PROPN 2 nsubj
left leave VERB 0 root VBD
for for ADP 4 case
Japan Japan PROPN 2 obl
. . PUNCT 2 punct`, "032 CHN>JPN|033 JPN>CHN"},
		{`
China China PROPN 2 nsubj
leaves leave VERB 0 root VBZ
Japan Japan PROPN 2 obj
. . PUNCT 2 punct`, "012 CHN>JPN"},
		{`
China China PROPN 2 nsubj
said say VERB 0 root VBD
. . PUNCT 2 punct`, "023 CHN>"},
	}
	for _, tt := range tests {
		d := build(t, "2025-02-22", tt.table, []actorSpec{china, japan}, nil)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range d.Events {
			got = append(got, e.CAMEO+" "+parts(e.Source)+">"+parts(e.Target))
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%s: got %q, want %q", strings.Fields(tt.table)[5], g, tt.want)
		}
	}
}

// TestLiteralAttributionSpeaker: the speaker of a trailing attribution that
// the parse hung on the verb as its object is no target in Literal mode.
func TestLiteralAttributionSpeaker(t *testing.T) {
	const dict = "--- BURNED  [222] ---\nBURNED\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "burn.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	tests := []struct {
		name, table, want string
	}{
		{"attribution", `
China China PROPN 2 nsubj
burned burn VERB 0 root VBD
, , PUNCT 6 punct
a a DET 6 det
senior senior ADJ 6 amod
Japanese Japanese PROPN 2 obj
official official NOUN 8 compound
said say VERB 2 parataxis VBD
. . PUNCT 2 punct`, "222 CHN>"},
		{"object", `
China China PROPN 2 nsubj
burned burn VERB 0 root VBD
a a DET 5 det
Japanese Japanese PROPN 2 obj
flag flag NOUN 4 compound
. . PUNCT 2 punct`, "222 CHN>JPNGOV"},
	}
	jp := actorSpec{code: "JPNGOV", country: "JPN", kind: "ORG", texts: []string{"Japanese"}}
	for _, tt := range tests {
		d := build(t, "2025-02-22", tt.table, []actorSpec{china, jp}, nil)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range d.Events {
			got = append(got, e.CAMEO+" "+parts(e.Source)+">"+parts(e.Target))
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, g, tt.want)
		}
	}
}

// TestPETRARCHCompound: "% *" becomes a coord condition, which holds only
// for a coordinated subject.
func TestPETRARCHCompound(t *testing.T) {
	const dict = "--- AGREE  [081] ---\nAGREE\n- % * [030:030]\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "agree.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	tests := []struct {
		name, table, want string
	}{
		{"compound", `
China China PROPN 4 nsubj
and and CCONJ 3 cc
Japan Japan PROPN 1 conj
agree agree VERB 0 root VBP
. . PUNCT 4 punct`, "030 CHN+JPN>"},
		{"single", `
China China PROPN 2 nsubj
agrees agree VERB 0 root VBZ
. . PUNCT 2 punct`, "081 CHN>"},
	}
	for _, tt := range tests {
		d := build(t, "2025-02-22", tt.table, []actorSpec{china, japan}, nil)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range d.Events {
			got = append(got, e.CAMEO+" "+parts(e.Source)+">"+parts(e.Target))
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, g, tt.want)
		}
	}
}

// TestLiteralPassive: PETRARCH reads a passive without a by-agent like an
// active clause; with a by-agent the agent is the source.
func TestLiteralPassive(t *testing.T) {
	const dict = "--- CRITICIZE  [121] ---\nCRITICIZE\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "crit.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	tests := []struct {
		name, table, want string
	}{
		{"no agent", `
China China PROPN 3 nsubj:pass
was be AUX 3 aux:pass
criticized criticize VERB 0 root VBN
over over ADP 5 case
talks talk NOUN 3 obl
with with ADP 7 case
Japan Japan PROPN 5 nmod
. . PUNCT 3 punct`, "121 CHN>JPN"},
		{"by-agent", `
China China PROPN 3 nsubj:pass
was be AUX 3 aux:pass
criticized criticize VERB 0 root VBN
by by ADP 5 case
Japan Japan PROPN 3 obl:agent
. . PUNCT 3 punct`, "121 JPN>CHN"},
	}
	for _, tt := range tests {
		d := build(t, "2025-02-22", tt.table, []actorSpec{china, japan}, nil)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range d.Events {
			got = append(got, e.CAMEO+" "+parts(e.Source)+">"+parts(e.Target))
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, g, tt.want)
		}
	}
}

// TestPETRARCHListedForms: a form listed in braces codes its verb even when
// the lemmatizer reads it as another word.
func TestPETRARCHListedForms(t *testing.T) {
	const dict = "--- BREAK [1717] ---\nBREAK { BROKE BROKEN }\n- * TREATY [161]\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "break.txt")
	if err != nil {
		t.Fatal(err)
	}
	if dct.verbForm("broken") != "break" || dct.verbForm("break") != "" {
		t.Fatalf("forms = %v", dct.forms)
	}
	if m := Merge(dct, nil); m.verbForm("broke") != "break" {
		t.Fatalf("merged forms = %v", m.forms)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
broken broke VERB 0 root VBN
a a DET 4 det
treaty treaty NOUN 2 obj
with with ADP 6 case
Japan Japan PROPN 4 nmod
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].CAMEO != "161" || parts(d.Events[0].Source) != "CHN" || parts(d.Events[0].Target) != "JPN" {
		t.Fatalf("events = %+v", d.Events)
	}
}

// TestPETRARCHSwap: "+ * MONEY $" (the subject is the target, the source
// follows the verb) becomes a swap rule, in both formats.
func TestPETRARCHSwap(t *testing.T) {
	const dict = "--- RECEIVE  [033] ---\nRECEIVE\n- + * MONEY FROM $  [071]\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "recv.txt")
	if err != nil {
		t.Fatal(err)
	}
	var swap *Rule
	for i := range dct.rules {
		if dct.rules[i].Swap {
			swap = &dct.rules[i]
		}
	}
	if swap == nil || swap.Code != "071" || swap.Target != "from" {
		t.Fatalf("rules = %+v", dct.rules)
	}
	back, err := ParseDict(strings.NewReader(swap.Format()), "round")
	if err != nil || back.Len() != 1 || !back.rules[0].Swap {
		t.Fatalf("round trip of %q: %v %+v", swap.Format(), err, back)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
received receive VERB 0 root VBD
money money NOUN 2 obj
from from ADP 5 case
Japan Japan PROPN 2 obl
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].CAMEO != "071" || parts(d.Events[0].Source) != "JPN" || parts(d.Events[0].Target) != "CHN" {
		t.Fatalf("events = %+v", d.Events)
	}
}

// TestPETRARCHTargetPrepAnywhere: a rule's target preposition is found
// under the verb wherever the parse attached it.
func TestPETRARCHTargetPrepAnywhere(t *testing.T) {
	const dict = "--- CELEBRATE  [181] ---\nCELEBRATE\n- * EID AT ^ WITH +  [043]\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "cel.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	korea := actorSpec{code: "KOR", country: "KOR", kind: "LOC", texts: []string{"Korea"}}
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
celebrated celebrate VERB 0 root VBD
Eid Eid PROPN 2 obj
at at ADP 5 case
Japan Japan PROPN 2 obl
with with ADP 7 case
Korea Korea PROPN 5 nmod
. . PUNCT 2 punct`, []actorSpec{china, japan, korea}, nil)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].CAMEO != "043" || parts(d.Events[0].Target) != "KOR" {
		t.Fatalf("events = %+v", d.Events)
	}
}

// TestPETRARCHSkip: "IFTAR IN ^ +" skips the first actor after the verb.
func TestPETRARCHSkip(t *testing.T) {
	const dict = "--- CELEBRATE  [181] ---\nCELEBRATE\n- * IFTAR IN ^ +  [045]\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "cel.txt")
	if err != nil {
		t.Fatal(err)
	}
	var r *Rule
	for i := range dct.rules {
		if dct.rules[i].Code == "045" {
			r = &dct.rules[i]
		}
	}
	if r == nil || r.Skip != 1 || !strings.Contains(r.Format(), "skip=1") {
		t.Fatalf("rules = %+v", dct.rules)
	}
	if back, err := ParseDict(strings.NewReader(r.Format()), "round"); err != nil || back.rules[0].Skip != 1 {
		t.Fatalf("round trip of %q: %v", r.Format(), err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	korea := actorSpec{code: "KOR", country: "KOR", kind: "LOC", texts: []string{"Korea"}}
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
celebrated celebrate VERB 0 root VBD
Iftar Iftar PROPN 2 obj
in in ADP 5 case
Japan Japan PROPN 2 obl
with with ADP 7 case
Korea Korea PROPN 2 obl
. . PUNCT 2 punct`, []actorSpec{china, japan, korea}, nil)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].CAMEO != "045" || parts(d.Events[0].Target) != "KOR" {
		t.Fatalf("events = %+v", d.Events)
	}
}

// TestPETRARCHUnderscoreRows: words joined by "_" must be adjacent, synsets
// inside expanding to every row.
func TestPETRARCHUnderscoreRows(t *testing.T) {
	const dict = "&TIES\n+MILITARY\n+TRADE\n\n--- ABANDON  [345] ---\nABANDON\n- * NEW_&TIES_RELATIONS [903]\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "ab.txt")
	if err != nil {
		t.Fatal(err)
	}
	var r *Rule
	for i := range dct.rules {
		if dct.rules[i].Code == "903" {
			r = &dct.rules[i]
		}
	}
	if r == nil || len(r.Conds) != 1 || strings.Join(r.Conds[0].Words[0], "|") != "new_military_relations|new_trade_relations" {
		t.Fatalf("rules = %+v", dct.rules)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	tests := []struct {
		name, table, want string
	}{
		{"adjacent", `
China China PROPN 2 nsubj
abandoned abandon VERB 0 root VBD
new new ADJ 5 amod
trade trade NOUN 5 compound
relations relation NOUN 2 obj
with with ADP 7 case
Japan Japan PROPN 5 nmod
. . PUNCT 2 punct`, "903"},
		{"interrupted", `
China China PROPN 2 nsubj
abandoned abandon VERB 0 root VBD
new new ADJ 6 amod
global global ADJ 6 amod
trade trade NOUN 6 compound
relations relation NOUN 2 obj
with with ADP 8 case
Japan Japan PROPN 6 nmod
. . PUNCT 2 punct`, "345"},
	}
	for _, tt := range tests {
		d := build(t, "2025-02-22", tt.table, []actorSpec{china, japan}, nil)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if len(d.Events) != 1 || d.Events[0].CAMEO != tt.want {
			t.Errorf("%s: events = %+v, want %s", tt.name, d.Events, tt.want)
		}
	}
	if petrRow("A_&NONE_B", nil) == nil || len(petrRow("_", nil)) != 0 {
		t.Error("petrRow edge cases")
	}
}

// TestLiteralShareCountry: an anonymous agent coordinated before agents
// placed by a modifier after them shares their country.
func TestLiteralShareCountry(t *testing.T) {
	const dict = "--- WELCOME  [041] ---\nWELCOME\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "w.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	d := build(t, "2025-02-22", `
Lawmakers lawmaker NOUN 6 nsubj
and and CCONJ 3 cc
officials official NOUN 1 conj
in in ADP 5 case
Japan Japan PROPN 3 nmod
welcomed welcome VERB 0 root VBD
China China PROPN 6 obj
. . PUNCT 6 punct`, []actorSpec{
		{code: "---LEG", kind: "ORG", texts: []string{"Lawmakers"}},
		{code: "JPNGOV", country: "JPN", kind: "ORG", texts: []string{"officials in Japan"}},
		china}, nil)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || parts(d.Events[0].Source) != "JPNLEG+JPNGOV" {
		t.Fatalf("events = %+v", d.Events)
	}
}

func TestPlainES(t *testing.T) {
	for _, tt := range []struct {
		form string
		want bool
	}{
		{"departes", true}, {"arrives", true}, {"promises", false}, {"watches", false},
		{"goes", false}, {"carries", false}, {"meets", false}, {"es", false},
	} {
		if got := plainES(tt.form); got != tt.want {
			t.Errorf("plainES(%q) = %v, want %v", tt.form, got, tt.want)
		}
	}
}

// TestLiteralCodeFromPhrase: a participant whose head is an uncoded name
// takes the first coded actor among its modifiers.
func TestLiteralCodeFromPhrase(t *testing.T) {
	const dict = "--- SAID  [023] ---\nSAID\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "s.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	d := build(t, "2025-02-22", `
the the DET 4 det
official official ADJ 4 amod
agency agency NOUN 4 compound
Zebu Zebu PROPN 5 nsubj
said say VERB 0 root VBD
. . PUNCT 5 punct`, []actorSpec{
		{code: "---GOV", kind: "ORG", texts: []string{"official"}},
		{code: "", kind: "ORG", texts: []string{"Zebu"}}}, nil)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || parts(d.Events[0].Source) != "---GOV" {
		t.Fatalf("events = %+v", d.Events)
	}
}

// TestLiteralExactWords: in Literal mode pattern words match word forms
// only, as PETRARCH does not lemmatize them.
func TestLiteralExactWords(t *testing.T) {
	const dict = "--- ADOPT  [081] ---\nADOPT\n- * RESOLUTION [102]\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		word, lemma, want string
	}{{"resolution", "resolution", "102"}, {"resolutions", "resolution", "081"}} {
		c := NewWithDict(dct, true)
		c.literal = true
		d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
adopted adopt VERB 0 root VBD
`+tt.word+` `+tt.lemma+` NOUN 2 obj
with with ADP 5 case
Japan Japan PROPN 3 nmod
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if len(d.Events) != 1 || d.Events[0].CAMEO != tt.want {
			t.Errorf("%s: events = %+v, want %s", tt.word, d.Events, tt.want)
		}
	}
}

// TestSpecificityRows: a condition of longer word rows is more specific.
func TestSpecificityRows(t *testing.T) {
	long := Rule{Conds: []Cond{{Rel: "pre", Words: [][]string{{"most_certainly_did_not_ever"}}}}}
	short := Rule{Conds: []Cond{{Rel: "pre", Words: [][]string{{"did_not", "will_not"}, {"ever"}}}}}
	if long.specificity() <= short.specificity() {
		t.Errorf("specificity %d <= %d", long.specificity(), short.specificity())
	}
	if rowWords([]string{"a_b_c", "d"}) != 1 || rowWords(nil) != 1 {
		t.Error("rowWords")
	}
}

// TestPETRARCHAdjacent: a word joined to "*" by "_" must be right next to
// the verb.
func TestPETRARCHAdjacent(t *testing.T) {
	const dict = "--- ALLOW  [080] ---\nALLOW\n- RECENTLY_*  [025]\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "al.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		table, want string
	}{
		{`
China China PROPN 3 nsubj
recently recently ADV 3 advmod
allowed allow VERB 0 root VBD
Japan Japan PROPN 3 obj
. . PUNCT 3 punct`, "025"},
		{`
China China PROPN 4 nsubj
recently recently ADV 4 advmod
did do AUX 4 aux
allow allow VERB 0 root VB
Japan Japan PROPN 4 obj
. . PUNCT 4 punct`, "080"},
	} {
		c := NewWithDict(dct, true)
		c.literal = true
		d := build(t, "2025-02-22", tt.table, []actorSpec{china, japan}, nil)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if len(d.Events) != 1 || d.Events[0].CAMEO != tt.want {
			t.Errorf("events = %+v, want %s", d.Events, tt.want)
		}
	}
}

func TestReadPETRRecordsNewActorLength(t *testing.T) {
	const src = `<Records><Sentences>
<Sentence date="20010102" id="A" category="X"><Text>one</Text></Sentence>
<Config option="new_actor_length" value="4"></Config>
<Sentence date="20010102" id="B" category="X"><Text>two</Text></Sentence>
<Config option="new_actor_length" value="x"></Config>
<Sentence date="20010102" id="C" category="X"><Text>three</Text></Sentence>
<Config option="new_actor_length" value="0"></Config>
<Sentence date="20010102" id="D" category="X"><Text>four</Text></Sentence>
</Sentences></Records>`
	recs, _, err := ReadPETRRecords(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"A": 0, "B": 4, "C": 4, "D": 0}
	for _, r := range recs {
		if r.NewActorLen != want[r.ID] {
			t.Errorf("%s: NewActorLen = %d, want %d", r.ID, r.NewActorLen, want[r.ID])
		}
	}
}

// TestNewActors: PETRARCH's new_actor_length codes an uncoded noun phrase
// of at most n words as its upper-case words, without its own preposition
// or a time phrase the parser attached to it; a title before a name is
// part of the name's phrase.
func TestNewActors(t *testing.T) {
	d := build(t, "", `
Gryffindor Gryffindor PROPN 3 nmod:poss
's 's PART 1 case
head head NOUN 0 root
Minerva Minerva PROPN 6 nsubj
McGonagall McGonagall PROPN 4 flat
left leave VERB 3 acl:relcl
for for ADP 9 case
the the DET 9 det
Ministry Ministry PROPN 6 obl
of of ADP 11 case
Magic Magic PROPN 9 nmod
on on ADP 13 case
Wednesday Wednesday PROPN 9 nmod
. . PUNCT 6 punct`, nil, nil)
	span := func(s string) doc.Participant {
		i := strings.Index(d.Text, s)
		return doc.Participant{Text: s, Start: i, End: i + len(s)}
	}
	tests := []struct {
		part string
		n    int
		want string
	}{
		{"Minerva McGonagall", 4, `"GRYFFINDOR HEAD MINERVA MCGONAGALL"`},
		{"Minerva McGonagall", 3, ""},
		{"Ministry of Magic", 4, `"THE MINISTRY OF MAGIC"`},
		{"Ministry of Magic", 2, ""},
	}
	for _, tt := range tests {
		got := newActors(d, []doc.Participant{span(tt.part)}, tt.n)
		if len(got) != 1 || got[0].Code != tt.want {
			t.Errorf("%q n=%d: got %+v, want code %s", tt.part, tt.n, got, tt.want)
		}
	}
	coded := doc.Participant{Code: "GON", Start: 0, End: 5}
	if got := newActors(d, []doc.Participant{coded}, 4); got[0].Code != "GON" {
		t.Errorf("coded participant recoded: %+v", got)
	}
}

func TestValidCodeSyntax(t *testing.T) {
	for _, tt := range []struct {
		code string
		ok   bool
	}{
		{"04", true}, {"040", true}, {"0431", true}, {"174K", true}, {"075A", true}, {"04311", true},
		{"0", false}, {"4A", false}, {"K174", false}, {"174k", false}, {"174KK", false}, {"043111", false}, {"", false},
	} {
		if got := validCodeSyntax(tt.code); got != tt.ok {
			t.Errorf("validCodeSyntax(%q) = %v, want %v", tt.code, got, tt.ok)
		}
	}
}

func TestRegularForm(t *testing.T) {
	for _, tt := range []struct {
		form, lemma string
		ok          bool
	}{
		{"depart", "depart", true}, {"departs", "depart", true}, {"departed", "depart", true}, {"departing", "depart", true},
		{"arrives", "arrive", true}, {"arrived", "arrive", true}, {"arriving", "arrive", true},
		{"carried", "carry", true}, {"carries", "carry", true}, {"stopped", "stop", true}, {"stopping", "stop", true},
		{"touches", "touch", true},
		{"departx", "depart", false}, {"met", "meet", false}, {"departes", "depart", true}, {"arrivx", "arrive", false},
	} {
		if got := regularForm(tt.form, tt.lemma); got != tt.ok {
			t.Errorf("regularForm(%q, %q) = %v, want %v", tt.form, tt.lemma, got, tt.ok)
		}
	}
}

// TestDeleteCommaClauses: PETRARCH's comma options delete internal and
// terminal comma-delimited clauses by their length in words, never the
// commas of a noun phrase.
func TestDeleteCommaClauses(t *testing.T) {
	d := build(t, "", `
Arnor Arnor PROPN 2 nsubj
restored restore VERB 0 root
ties tie NOUN 2 obj
with with ADP 5 case
Gondor Gondor PROPN 3 nmod
, , PUNCT 8 punct
five five NUM 8 nummod
years year NOUN 2 obl
after after SCONJ 11 mark
crowds crowd NOUN 11 nsubj
burned burn VERB 2 advcl
its its PRON 13 nmod:poss
embassy embassy NOUN 11 obj
, , PUNCT 18 punct
a a DET 17 det
senior senior ADJ 17 amod
official official NOUN 18 nsubj
said say VERB 2 parataxis
. . PUNCT 2 punct`, nil, nil)
	list := build(t, "", `
Mordor Mordor PROPN 6 nsubj
, , PUNCT 4 punct
the the DET 4 det
Shire Shire PROPN 1 conj
and and CCONJ 5 cc
Bree Bree PROPN 1 conj
welcomed welcome VERB 0 root
talks talk NOUN 6 obj
. . PUNCT 6 punct`, nil, nil)
	compound := build(t, "", `
China China PROPN 2 nsubj
met meet VERB 0 root VBD
Japan Japan PROPN 2 obj
, , PUNCT 8 punct
after after SCONJ 8 mark
Zendia Zendia PROPN 7 compound
crowds crowd NOUN 8 nsubj
rioted riot VERB 2 advcl
, , PUNCT 13 punct
a a DET 12 det
senior senior ADJ 12 amod
official official NOUN 13 nsubj
said say VERB 2 parataxis
. . PUNCT 2 punct`, nil, nil)
	tests := []struct {
		name string
		d    *doc.Document
		o    CommaOptions
		want string // "" when nothing is deleted
	}{
		{"defaults", d, DefaultCommaOptions, "Arnor restored ties with Gondor ."},
		{"terminal only", d, CommaOptions{Min: 2, Max: 6, EMin: 2, EMax: 8}, "Arnor restored ties with Gondor , five years after crowds burned its embassy ."},
		{"internal only", d, CommaOptions{Min: 2, Max: 8, EMin: 5, EMax: 8}, "Arnor restored ties with Gondor , a senior official said ."},
		{"off", d, CommaOptions{}, ""},
		{"initial", d, CommaOptions{BMin: 3, BMax: 6}, "five years after crowds burned its embassy , a senior official said ."},
		{"noun phrase", list, DefaultCommaOptions, ""},
		{"compounds count once", compound, CommaOptions{Min: 2, Max: 3}, "China met Japan , a senior official said ."},
	}
	for _, tt := range tests {
		got, ok := DeleteCommaClauses(tt.d, tt.o)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestLiteralAdverbial: PETRARCH codes a verb phrase once; an event in an
// adverbial clause of a coded verb is not coded on its own, one in a
// clause of an uncoded verb is.
func TestLiteralAdverbial(t *testing.T) {
	const dict = "--- VISIT  [042] ---\nVISIT\n\n--- LEAVE  [012] ---\nLEAVE\n\n--- ABANDON  [345] ---\nABANDON\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "v.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	tests := []struct {
		name, table, want string
	}{
		{"coded governor", `
China China PROPN 2 nsubj
visited visit VERB 0 root VBD
Japan Japan PROPN 2 obj
after after SCONJ 5 mark
leaving leave VERB 2 advcl VBG
Russia Russia PROPN 5 obj
. . PUNCT 2 punct`, "042 CHN>JPN"},
		{"uncoded governor", `
China China PROPN 2 nsubj
rested rest VERB 0 root VBD
after after SCONJ 4 mark
leaving leave VERB 2 advcl VBG
Russia Russia PROPN 4 obj
. . PUNCT 2 punct`, "012 CHN>RUS"},
		{"clause of the object", `
China China PROPN 2 nsubj
abandoned abandon VERB 0 root VBD
efforts effort NOUN 2 obj
to to PART 5 mark
visit visit VERB 3 acl VB
Japan Japan PROPN 5 obj
. . PUNCT 2 punct`, "345 CHN>JPN"},
	}
	for _, tt := range tests {
		d := build(t, "2025-02-22", tt.table, []actorSpec{china, japan, russia}, nil)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range d.Events {
			got = append(got, e.CAMEO+" "+parts(e.Source)+">"+parts(e.Target))
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, g, tt.want)
		}
	}
}

// TestPETRARCHSwapSkip: "^" before a "$" source after the verb skips a
// phrase too ("+ HOSTING * TABASKI ^ $").
func TestPETRARCHSwapSkip(t *testing.T) {
	const dict = "--- CELEBRATE  [181] ---\nCELEBRATE\n- + HOSTING * TABASKI ^ $ [042]\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "cel.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	korea := actorSpec{code: "KOR", country: "KOR", kind: "LOC", texts: []string{"Korea"}}
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
hosting host VERB 0 root VBG
to to PART 4 mark
celebrate celebrate VERB 2 advcl VB
Tabaski Tabaski PROPN 4 obj
with with ADP 7 case
Japan Japan PROPN 4 obl
at at ADP 9 case
Korea Korea PROPN 4 obl
. . PUNCT 2 punct`, []actorSpec{china, japan, korea}, nil)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].CAMEO != "042" || parts(d.Events[0].Source) != "KOR" || parts(d.Events[0].Target) != "CHN" {
		t.Fatalf("events = %+v", d.Events)
	}
}

// TestPETRARCHUp: a "+" right before the verb with no "$" ("NOTED + *")
// makes the verb's subject the target and the governing clause's subject
// the source; the flag survives a round trip through our format.
func TestPETRARCHUp(t *testing.T) {
	const dict = "--- REGRET  [111] ---\nREGRET\n- NOTED + *  [115]\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "reg.txt")
	if err != nil {
		t.Fatal(err)
	}
	var r *Rule
	for i := range dct.rules {
		if dct.rules[i].Code == "115" {
			r = &dct.rules[i]
		}
	}
	if r == nil || !r.Up || r.Swap {
		t.Fatalf("rules = %+v", dct.rules)
	}
	if back, err := ParseDict(strings.NewReader(r.Format()), "round"); err != nil || !back.rules[0].Up {
		t.Fatalf("round trip of %q: %v", r.Format(), err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	korea := actorSpec{code: "KOR", country: "KOR", kind: "LOC", texts: []string{"Korea"}}
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
noted note VERB 0 root VBD
that that SCONJ 5 mark
Japan Japan PROPN 5 nsubj
regretted regret VERB 2 ccomp VBD
Korea Korea PROPN 5 obj
. . PUNCT 2 punct`, []actorSpec{china, japan, korea}, nil)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].CAMEO != "115" || parts(d.Events[0].Source) != "CHN" || parts(d.Events[0].Target) != "JPN" {
		t.Fatalf("events = %+v", d.Events)
	}
}

// TestLiteralCodeFromAdjacentPhrase: "the official agency Zebu said" parsed
// with the name apart from the noun phrase right before it still takes the
// phrase's first coded actor.
func TestLiteralCodeFromAdjacentPhrase(t *testing.T) {
	const dict = "--- SAID  [023] ---\nSAID\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "s.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	d := build(t, "2025-02-22", `
the the DET 3 det
official official NOUN 3 amod
agency agency NOUN 0 root
Zebu Zebu PROPN 5 nsubj
said say VERB 3 acl:relcl VBD
. . PUNCT 3 punct`, []actorSpec{
		{code: "---GOV", kind: "ORG", texts: []string{"official"}},
		{code: "", kind: "ORG", texts: []string{"Zebu"}}}, nil)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || parts(d.Events[0].Source) != "---GOV" {
		t.Fatalf("events = %+v", d.Events)
	}
}

// TestLiteralRightOfXcomp: PETRARCH's target is the first actor after the
// verb in its phrase; a to-infinitive's phrase runs on to the right even
// where the parser hung the rest on its governor.
func TestLiteralRightOfXcomp(t *testing.T) {
	const dict = "--- VISIT  [042] ---\nVISIT\n"
	dct, err := ParsePETRARCH(strings.NewReader(dict), "v.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := NewWithDict(dct, true)
	c.literal = true
	d := build(t, "2025-02-22", `
China China PROPN 3 nsubj:pass
was be AUX 3 aux:pass
seen see VERB 0 root VBN
to to PART 5 mark
visit visit VERB 3 xcomp VB
an a DET 7 det
anti anti NOUN 5 obj
- - PUNCT 10 punct
Japan Japan PROPN 10 compound
parade parade NOUN 3 parataxis
. . PUNCT 3 punct`, []actorSpec{china, japan}, nil)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || parts(d.Events[0].Source) != "CHN" || parts(d.Events[0].Target) != "JPN" {
		t.Fatalf("events = %+v", d.Events)
	}
}
