package event

import (
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/internal/shared"
)

func TestParseDict(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		wantErr string
		check   func(t *testing.T, d *Dict)
	}{
		{name: "simple", src: "v meet => 040 recip\nn talks => 040 recip", check: func(t *testing.T, d *Dict) {
			if d.Len() != 2 || !d.rules[0].Recip || d.rules[0].Kind != KindVerb || d.rules[1].Kind != KindNoun {
				t.Errorf("rules = %+v", d.rules)
			}
		}},
		{name: "sets and conditions", src: "@s = sanction embargo\nv impose obj:@s on:* => 163 target=on # c", check: func(t *testing.T, d *Dict) {
			r := d.rules[0]
			if len(r.Conds) != 2 || r.Conds[0].Rel != "obj" || len(r.Conds[0].Words[0]) != 2 || r.Target != "on" || r.Code != "163" {
				t.Errorf("rule = %+v", r)
			}
		}},
		{name: "particle verb", src: "v call_off obj:talks => 164", check: func(t *testing.T, d *Dict) {
			r := d.rules[0]
			if r.Lemma != "call" || len(r.Conds) != 2 || r.Conds[0].Rel != "off" {
				t.Errorf("rule = %+v", r)
			}
		}},
		{name: "block", src: "v meet obj:deadline => -", check: func(t *testing.T, d *Dict) {
			if d.rules[0].Code != "" {
				t.Errorf("want blocking rule")
			}
		}},
		{name: "act", src: "v urge => 020 act=appeal", check: func(t *testing.T, d *Dict) {
			if d.rules[0].Act != "appeal" {
				t.Errorf("act = %q", d.rules[0].Act)
			}
		}},
		{name: "specific first", src: "v accuse => 112\nv accuse of:spy => 1125", check: func(t *testing.T, d *Dict) {
			if c := d.candidates(KindVerb, "accuse"); len(c) != 2 || d.rules[c[0]].Code != "1125" {
				t.Errorf("candidates order wrong")
			}
		}},
		{name: "no arrow", src: "v meet 040", wantErr: "needs '=>'"},
		{name: "bad kind", src: "x meet => 040", wantErr: "unknown kind"},
		{name: "bad code", src: "v meet => 04a", wantErr: "bad CAMEO code"},
		{name: "unknown set", src: "v meet obj:@nope => 040", wantErr: "unknown set"},
		{name: "bad flag", src: "v meet => 040 loud", wantErr: "unknown flag"},
		{name: "bad act", src: "v meet => 040 act=sing", wantErr: "unknown act"},
		{name: "bad cond", src: "v meet obj => 040", wantErr: "bad condition"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDict(strings.NewReader(tt.src), "t.txt")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), "t.txt:") {
					t.Errorf("error lacks file:line: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, d)
		})
	}
}

func TestDefaultDict(t *testing.T) {
	d, err := DefaultDict()
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() < 300 {
		t.Errorf("embedded dictionary has only %d rules", d.Len())
	}
	for _, r := range d.rules {
		if r.Code != "" && !validCodeSyntax(r.Code) {
			t.Errorf("%s: bad code %q", r.Src, r.Code)
		}
	}
}

const petrSample = `
&CURRENCY
+DOLLARS
+SWISS FRANCS

--- MEET  [040]  ---
MEET
+HOLD_TALKS {+HELD_TALKS} [043]
- * (WITH +)  [040]  # partner
- * &CURRENCY [071]
- NOT * [---]
- * (TO BORDER) [154:155]
- * WEIRD [075A]
- * ODDER [07A5]

--- ASK   [---]  ---
ASK [020]
- * &FOOD [0233]
`

func TestParsePETRARCH(t *testing.T) {
	d, err := ParsePETRARCH(strings.NewReader(petrSample), "p.txt")
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]Rule{}
	for _, r := range d.rules {
		byCode[r.Code+"/"+r.Lemma] = r
	}
	if r, ok := byCode["040/meet"]; !ok || r.Src == "" {
		t.Errorf("missing meet 040: %+v", d.rules)
	}
	if r := byCode["043/hold"]; len(r.Conds) != 1 || r.Conds[0].Rel != "talks" {
		t.Errorf("hold_talks = %+v", r)
	}
	found := false
	for _, r := range d.rules {
		if r.Lemma == "meet" && r.Target == "with" && r.Code == "040" {
			found = true
		}
		if r.Lemma != "meet" {
			continue
		}
		if r.Code == "071" && (len(r.Conds) != 1 || r.Conds[0].Rel != "post" || len(r.Conds[0].Words[0]) != 2) {
			t.Errorf("synset pattern = %+v", r)
		}
		if r.Code == "154" && (len(r.Conds) != 1 || r.Conds[0].Rel != "to") {
			t.Errorf("pair code pattern = %+v", r)
		}
		if strings.HasPrefix(r.Code, "07A") {
			t.Errorf("malformed code kept: %+v", r)
		}
	}
	if !found {
		t.Error("(WITH +) target not converted")
	}
	if _, ok := byCode["075A/meet"]; !ok {
		t.Error("letter-suffixed code 075A (PETRARCH's own distinctions) dropped")
	}
	if _, err := ParsePETRARCH(strings.NewReader("nothing here"), "x"); err == nil {
		t.Error("want error for a file without verbs")
	}
	if !IsPETRARCH([]byte(petrSample)) || IsPETRARCH([]byte("v meet => 040")) {
		t.Error("IsPETRARCH")
	}
}

func TestLoadSharedPETRARCH(t *testing.T) {
	p := shared.TestPath(t, "data", "petrarch", "dictionaries", "CAMEO.2.0.txt")
	d, err := LoadDictFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() < 10000 || len(d.candidates(KindVerb, "meet")) == 0 {
		t.Errorf("CAMEO.2.0.txt: %d rules", d.Len())
	}
	if _, err := LoadDictFile("/nonexistent/verbs.txt"); err == nil {
		t.Error("want error for a missing file")
	}
}

func FuzzParseDict(f *testing.F) {
	f.Add("v meet with:* => 040 recip target=with\n@s = a b\nn x obj:@s|c+d => 163")
	f.Add("l hold => 040\nv call_off => 164 act=threaten")
	f.Add("v => \n@ =\nv a b:c:d => 1 2")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDict(strings.NewReader(s), "fuzz")
		if err == nil && d == nil {
			t.Fatal("nil dict without error")
		}
	})
}

func FuzzParsePETRARCH(f *testing.F) {
	f.Add(petrSample)
	f.Add("--- X [---] ---\nX\n- * (A (B) [01]\n- [ ]\n- * {A B [02]")
	f.Add("<!-- x\n--- A ---\n+_ [0]\n-->\n&S\n+&S\n")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParsePETRARCH(strings.NewReader(s), "fuzz")
		if err == nil && d == nil {
			t.Fatal("nil dict without error")
		}
	})
}

func TestWriteDictRoundTrip(t *testing.T) {
	d, err := ParsePETRARCH(strings.NewReader(petrSample), "p.txt")
	if err != nil {
		t.Fatal(err)
	}
	def, err := DefaultDict()
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []*Dict{d, def} {
		var b strings.Builder
		if err := WriteDict(&b, src); err != nil {
			t.Fatal(err)
		}
		back, err := ParseDict(strings.NewReader(b.String()), "round")
		if err != nil {
			t.Fatalf("%v\n%s", err, b.String())
		}
		if back.Len() != src.Len() {
			t.Fatalf("round trip: %d rules, want %d", back.Len(), src.Len())
		}
		for i := range back.rules {
			if got, want := back.rules[i].Format(), src.rules[i].Format(); got != want {
				t.Errorf("rule %d: %q, want %q", i, got, want)
			}
		}
	}
}
