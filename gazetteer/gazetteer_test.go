package gazetteer

import (
	"strings"
	"testing"
)

func TestCountry(t *testing.T) {
	g := Default()
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"Russia", "RUS", true},
		{"Russian Federation", "RUS", true},
		{"russian", "RUS", true},
		{"Russians", "RUS", true},
		{"RUS", "RUS", true},
		{"RU", "RUS", true},
		{"U.S.", "USA", true},
		{"US", "USA", true},
		{"us", "", false}, // the pronoun
		{"United States", "USA", true},
		{"the United States", "USA", true},
		{"American", "USA", true},
		{"UK", "GBR", true},
		{"British", "GBR", true},
		{"Britain", "GBR", true},
		{"Côte d'Ivoire", "CIV", true},
		{"Cote d’Ivoire", "CIV", true},
		{"Turkey", "TUR", true},
		{"Türkiye", "TUR", true},
		{"Saudi", "SAU", true},
		{"Netherlands", "NLD", true},
		{"The Netherlands", "NLD", true},
		{"Holland", "NLD", true},
		{"DRC", "COD", true},
		{"IN", "IND", true},
		{"in", "", false},
		{"Atlantis", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		c, ok := g.Country(tt.in)
		if ok != tt.ok || c.ISO3 != tt.want {
			t.Errorf("Country(%q) = %q, %v; want %q, %v", tt.in, c.ISO3, ok, tt.want, tt.ok)
		}
	}
}

func TestDemonym(t *testing.T) {
	g := Default()
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Russian", "RUS", true},
		{"Ukrainians", "UKR", true},
		{"Israeli", "ISR", true},
		{"Israelis", "ISR", true},
		{"Chinese", "CHN", true},
		{"U.S.", "USA", true},
		{"Briton", "GBR", true},
		{"Britons", "GBR", true},
		{"Russia", "", false}, // a country name, not a demonym
		{"minister", "", false},
	}
	for _, tt := range tests {
		got, ok := g.Demonym(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Demonym(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPlace(t *testing.T) {
	g := Default()
	tests := []struct {
		name, hint  string
		wantCountry string
		wantKind    string
		wantCapital bool
		ok          bool
	}{
		{"Geneva", "", "CHE", KindCity, false, true},
		{"Geneva", "Switzerland", "CHE", KindCity, false, true},
		{"Geneva", "Illinois", "USA", KindCity, false, true},
		{"Paris", "", "FRA", KindCity, true, true},
		{"Paris", "Texas", "USA", KindCity, false, true},
		{"Paris", "TX", "USA", KindCity, false, true},
		{"Moscow", "", "RUS", KindCity, true, true},
		{"Riyadh", "", "SAU", KindCity, true, true},
		{"Kyiv", "", "UKR", KindCity, true, true},
		{"Kiev", "", "UKR", KindCity, true, true},
		{"Washington", "", "USA", KindCity, true, true},
		{"Zurich", "", "CHE", KindCity, false, true},
		{"Georgia", "", "GEO", KindCountry, false, true},
		{"Georgia", "U.S.", "USA", KindRegion, false, true},
		{"Ukraine", "", "UKR", KindCountry, false, true},
		{"Texas", "", "USA", KindRegion, false, true},
		{"Nowhereville", "", "", "", false, false},
		{"", "", "", "", false, false},
	}
	for _, tt := range tests {
		p, ok := g.Place(tt.name, tt.hint)
		if ok != tt.ok || p.Country != tt.wantCountry || p.Kind != tt.wantKind || p.Capital != tt.wantCapital {
			t.Errorf("Place(%q, %q) = %+v, %v; want %s %s capital=%v", tt.name, tt.hint, p, ok, tt.wantCountry, tt.wantKind, tt.wantCapital)
		}
		if ok && !p.HasCoords && p.Kind != KindRegion {
			t.Errorf("Place(%q) has no coordinates", tt.name)
		}
	}
	if p, _ := g.Place("Geneva", ""); p.Lat < 46 || p.Lat > 46.5 || p.Lon < 6 || p.Lon > 6.3 {
		t.Errorf("Geneva at %v,%v", p.Lat, p.Lon)
	}
	if p, _ := g.Place("Texas", ""); !p.HasCoords {
		t.Errorf("Texas has no point (its seat should give one)")
	}
}

func TestIsGivenName(t *testing.T) {
	g := Default()
	for _, n := range []string{"Sergei", "Marco", "Catherine", "vladimir", "Mike", "Volodymyr", "José"} {
		if !g.IsGivenName(n) {
			t.Errorf("IsGivenName(%q) = false", n)
		}
	}
	for _, n := range []string{"Ryabkov", "minister", "", "Kremlin"} {
		if g.IsGivenName(n) {
			t.Errorf("IsGivenName(%q) = true", n)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Côte d'Ivoire", "cote divoire"},
		{"U.S.", "us"},
		{"  Zürich  ", "zurich"},
		{"Bosnia-Herzegovina", "bosnia herzegovina"},
		{"Łódź", "lodz"},
		{"Washington, D.C.", "washington dc"},
		{"\xff\xfe", "\ufffd\ufffd"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestData(t *testing.T) {
	g := Default()
	if n := len(g.Countries()); n < 240 {
		t.Errorf("%d countries", n)
	}
	if n := len(g.places); n < 25000 {
		t.Errorf("%d places", n)
	}
	if n := len(g.given); n < 20000 {
		t.Errorf("%d given names", n)
	}
	for _, c := range g.Countries() {
		if len(c.ISO3) != 3 || len(c.ISO2) != 2 || c.Name == "" {
			t.Errorf("bad country %+v", c)
		}
	}
}

func FuzzLookups(f *testing.F) {
	for _, s := range []string{"Geneva", "U.S.", "Côte d'Ivoire", "", "\xff", "A.B.C.D.E.F.G.H.I"} {
		f.Add(s, "Switzerland")
	}
	g := Default()
	f.Fuzz(func(t *testing.T, name, hint string) {
		g.Country(name)
		g.Demonym(name)
		g.IsGivenName(name)
		g.Place(name, hint)
		g.Places(name)
		_ = Fold(name)
	})
}

func BenchmarkIsGivenName(b *testing.B) {
	g := Default()
	words := []string{"Sergei", "Ryabkov", "said", "Tuesday", "Marco"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		g.IsGivenName(words[i%len(words)])
	}
}

func BenchmarkPlace(b *testing.B) {
	g := Default()
	b.ReportAllocs()
	for b.Loop() {
		g.Place("Geneva", "")
	}
}

func TestStateAbbrevs(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		name string
		want string
	}{
		{"South Carolina", "S.C. SC"},
		{"Texas", "Texas TX"},
		{"District of Columbia", "D.C. DC"},
		{"Ontario", ""},
		{"Russia", ""},
	} {
		p, ok := g.Place(tc.name, "")
		if !ok {
			t.Fatalf("no place %q", tc.name)
		}
		if got := strings.Join(StateAbbrevs(p), " "); got != tc.want {
			t.Errorf("StateAbbrevs(%s) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestNameGender(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		name string
		want Gender
	}{
		{"Donald", Male}, {"hillary", Female}, {"Elizabeth", Female}, {"Sergei", Male},
		{"Lindsey", UnknownGender}, {"Andrea", UnknownGender}, {"Xyzzy", UnknownGender},
	} {
		if got := g.NameGender(tc.name); got != tc.want {
			t.Errorf("NameGender(%q) = %d, want %d", tc.name, got, tc.want)
		}
	}
}
