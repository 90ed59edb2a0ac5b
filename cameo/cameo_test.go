package cameo

import (
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		code      string
		ok        bool
		plover    string
		quad      int
		goldstein float64
	}{
		{"036", true, "AGREE", 1, 4.0},
		{"040", true, "CONSULT", 1, 1.0},
		{"112", true, "ACCUSE", 3, -2.0},
		{"0311", true, "AGREE", 1, 5.2},
		{"163", true, "SANCTION", 4, -8.0},
		{"190", true, "ASSAULT", 4, -10.0},
		{"026", true, "REQUEST", 1, 4.0},
		{"010", true, "", 1, 0.0},
		{"999", false, "", 0, 0},
		{"", false, "", 0, 0},
		{"x", false, "", 0, 0},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.code)
		if ok != tt.ok {
			t.Errorf("Lookup(%q) ok = %v, want %v", tt.code, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if c.PLOVER != tt.plover || c.Quad != tt.quad || c.Goldstein != tt.goldstein {
			t.Errorf("Lookup(%q) = %s quad %d gold %v, want %s %d %v", tt.code, c.PLOVER, c.Quad, c.Goldstein, tt.plover, tt.quad, tt.goldstein)
		}
		if c.Label == "" {
			t.Errorf("Lookup(%q): empty label", tt.code)
		}
	}
}

func TestTableComplete(t *testing.T) {
	all := All()
	if len(all) < 280 {
		t.Fatalf("only %d codes", len(all))
	}
	for _, c := range all {
		if len(c.Code) < 3 || len(c.Code) > 4 {
			t.Errorf("bad code %q", c.Code)
		}
		if c.Quad < 1 || c.Quad > 4 {
			t.Errorf("%s: quad %d", c.Code, c.Quad)
		}
		if c.Root() >= "02" && c.PLOVER == "" {
			t.Errorf("%s: no PLOVER type", c.Code)
		}
	}
}

func TestAct(t *testing.T) {
	tests := []struct{ kind, code, want string }{
		{ActIntent, "040", "036"},
		{ActIntent, "042", "036"},
		{ActIntent, "0611", "0311"},
		{ActIntent, "061", "0311"},
		{ActIntent, "071", "0331"},
		{ActIntent, "057", "037"},
		{ActIntent, "112", ""},
		{ActIntent, "163", ""},
		{ActAppeal, "040", "026"},
		{ActDemand, "0841", "1053"},
		{ActDemand, "036", "106"},
		{ActReject, "040", "125"},
		{ActThreaten, "163", "1312"},
		{ActThreaten, "190", "1384"},
		{ActThreaten, "1822", "1383"},
		{ActThreaten, "112", ""},
		{"bogus", "040", ""},
	}
	for _, tt := range tests {
		if got := Act(tt.kind, tt.code); got != tt.want {
			t.Errorf("Act(%s, %s) = %q, want %q", tt.kind, tt.code, got, tt.want)
		}
		if got := Act(tt.kind, tt.code); got != "" && !Valid(got) {
			t.Errorf("Act(%s, %s) = %q, not a valid code", tt.kind, tt.code, got)
		}
	}
}

func TestRootBase(t *testing.T) {
	if Root("0311") != "03" || Base("0311") != "031" || Root("1") != "" || Base("04") != "04" {
		t.Fatal("Root/Base")
	}
	if !Cooperative("042") || Cooperative("112") || Cooperative("020") {
		t.Fatal("Cooperative")
	}
}

func BenchmarkLookup(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Lookup("0311")
	}
}
