package event

import (
	"strings"
	"testing"
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
