package event

import (
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
)

func TestStatus(t *testing.T) {
	tests := []struct {
		name, table, cameo, status string
		reportedBy                 string // speaker text when reported
	}{
		{"ongoing progressive", `
China China PROPN 3 nsubj
is be AUX 3 aux
meeting meet VERB 0 root VBG
Japan Japan PROPN 3 obj
. . PUNCT 3 punct`, "040", doc.StatusOngoing, ""},
		{"will mark the first time that X met: not asserted", `
It it PRON 3 nsubj
will will AUX 3 aux
mark mark VERB 0 root VB
the the DET 6 det
first first ADJ 6 amod
time time NOUN 3 obj
that that PRON 9 nsubj
China China PROPN 9 nsubj
met meet VERB 6 acl:relcl VBD
Japan Japan PROPN 9 obj
. . PUNCT 3 punct`, "036", doc.StatusPlanned, ""},
		{"plans to visit: intent", `
China China PROPN 2 nsubj
plans plan VERB 0 root VBZ
to to PART 4 mark
visit visit VERB 2 xcomp VB
Japan Japan PROPN 4 obj
. . PUNCT 2 punct`, "036", doc.StatusPlanned, ""},
		{"agreed to meet: intent", `
China China PROPN 2 nsubj
agreed agree VERB 0 root VBD
to to PART 4 mark
meet meet VERB 2 xcomp VB
Japan Japan PROPN 4 obj
. . PUNCT 2 punct`, "036", doc.StatusOccurred, ""},
		{"is going to attack", `
China China PROPN 3 nsubj
is be AUX 3 aux
going go VERB 0 root VBG
to to PART 5 mark
attack attack VERB 3 xcomp VB
Japan Japan PROPN 5 obj
. . PUNCT 3 punct`, "1384", doc.StatusPlanned, ""},
		{"stop attacking: negated", `
China China PROPN 2 nsubj
stopped stop VERB 0 root VBD
attacking attack VERB 2 xcomp VBG
Japan Japan PROPN 3 obj
. . PUNCT 2 punct`, "190", doc.StatusNegated, ""},
		{"contingent on", `
Talks talk NOUN 5 nsubj
with with ADP 3 case
Japan Japan PROPN 1 nmod
are be AUX 5 cop
contingent contingent ADJ 0 root JJ
on on ADP 7 case
China China PROPN 5 obl
. . PUNCT 5 punct`, "040", doc.StatusHypothetical, ""},
		{"reported by speaker", `
Japan Japan PROPN 2 nsubj
said say VERB 0 root VBD
China China PROPN 4 nsubj
attacked attack VERB 2 ccomp VBD
Tokyo Tokyo PROPN 4 obj
. . PUNCT 2 punct`, "190", doc.StatusOccurred, "Japan"},
		{"according to", `
China China PROPN 2 nsubj
attacked attack VERB 0 root VBD
Japan Japan PROPN 2 obj
, , PUNCT 7 punct
according accord VERB 7 case VBG
to to ADP 5 fixed
officials official NOUN 2 obl
. . PUNCT 2 punct`, "190", doc.StatusOccurred, "officials"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(t, "2025-02-22", tt.table, []actorSpec{china, japan}, nil)
			evs := code(t, d)
			if len(evs) == 0 {
				t.Fatal("no events")
			}
			e := evs[0]
			if e.CAMEO != tt.cameo || e.Status != tt.status {
				t.Errorf("got %s %s, want %s %s", e.CAMEO, e.Status, tt.cameo, tt.status)
			}
			got := ""
			if e.Reported != nil {
				got = e.Reported.Text
			}
			if !strings.Contains(got, tt.reportedBy) || (tt.reportedBy == "" && e.Reported != nil) {
				t.Errorf("reported = %+v, want %q", e.Reported, tt.reportedBy)
			}
		})
	}
}

func TestReportedFromQuote(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
attacked attack VERB 0 root VBD
Japan Japan PROPN 2 obj
, , PUNCT 6 punct
officials official NOUN 6 nsubj
said say VERB 2 parataxis VBD
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
	end := strings.Index(d.Text, " ,")
	sp := strings.Index(d.Text, "officials")
	d.Quotes = []doc.Quote{{ID: "q1", Text: d.Text[:end], Start: 0, End: end,
		Speaker: &doc.Speaker{Text: "officials", Start: sp, End: sp + 9, Anonymous: true}}}
	evs := code(t, d)
	if len(evs) != 1 || evs[0].Reported == nil || evs[0].Reported.Quote != "q1" {
		t.Fatalf("events = %+v", evs)
	}
}
