package actor

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/tokenize"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// code looks a name up in the embedded dictionaries and returns its code on date.
func dictCode(t *testing.T, name, date string) string {
	t.Helper()
	actors, _, err := Defaults()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range actors {
		if e, ok := d.Lookup(name); ok {
			r, _ := e.RoleAt(day(date))
			return r.Code
		}
	}
	return ""
}

func TestDictionaryDateRanges(t *testing.T) {
	tests := []struct {
		name, date, want string
	}{
		{"Donald Trump", "2018-06-01", "USAGOV"},
		{"Donald Trump", "2022-06-01", "USAELI"},
		{"Donald Trump", "2025-02-22", "USAGOV"},
		{"Trump", "2021-01-19", "USAGOV"},
		{"Trump", "2021-01-20", "USAELI"}, // the end day is exclusive
		{"Joe Biden", "2022-06-01", "USAGOV"},
		{"Joe Biden", "2025-02-22", "USAELI"},
		{"Vladimir Putin", "2025-02-22", "RUSGOV"},
		{"Vladimir Putin", "1995-01-01", "RUSELI"},
		{"Marco Rubio", "2020-01-01", "USALEG"},
		{"Marco Rubio", "2025-02-22", "USAGOV"},
		{"Volodymyr Zelenskyy", "2025-02-22", "UKRGOV"},
		{"Zelensky", "2018-01-01", "UKRMED"},
		{"António Guterres", "2025-02-22", "IGOUNO"},
		{"Antonio Guterres", "2025-02-22", "IGOUNO"},
		{"Mark Rutte", "2020-01-01", "NLDGOV"},
		{"Mark Rutte", "2025-01-01", "IGOWSTNAT"},
		{"Taliban", "2020-01-01", "AFGREB"},
		{"Taliban", "2022-01-01", "AFGGOV"},
	}
	for _, tt := range tests {
		if got := dictCode(t, tt.name, tt.date); got != tt.want {
			t.Errorf("%s on %s: %q, want %q", tt.name, tt.date, got, tt.want)
		}
	}
}

func TestLoadChronicleFormat(t *testing.T) {
	src := `# chronicle-actors 1
Jane Roe | Roe   # a test person
	kind PER
	XYZGOV 2020-01-01..2022-06 Minister   # ends after June 2022
	XYZELI
~MIL soldier | armed forces
~GOV@USA secretary of state
`
	d, err := LoadDictionary(strings.NewReader(src), "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entries) != 1 || len(d.Agents) != 3 {
		t.Fatalf("entries %d agents %d", len(d.Entries), len(d.Agents))
	}
	e, ok := d.Lookup("ROE")
	if !ok || e.Kind != "PER" {
		t.Fatalf("lookup Roe: %v %+v", ok, e)
	}
	for _, tt := range []struct{ date, want, title string }{
		{"2019-12-31", "XYZELI", ""},
		{"2020-01-01", "XYZGOV", "Minister"},
		{"2022-06-30", "XYZGOV", "Minister"},
		{"2022-07-01", "XYZELI", ""},
	} {
		r, ok := e.RoleAt(day(tt.date))
		if !ok || r.Code != tt.want || r.Title != tt.title {
			t.Errorf("RoleAt(%s) = %+v, want %s %q", tt.date, r, tt.want, tt.title)
		}
	}
	words := FoldWords(strings.Fields("the Armed Forces and soldiers met Secretary of State Roe"))
	ms := d.FindAll(words)
	var got []string
	for _, m := range ms {
		s := strings.Join(words[m.Start:m.End], " ")
		if m.Agent != nil {
			s += "=" + m.Agent.Code + m.Agent.Country
		}
		got = append(got, s)
	}
	want := "armed forces=MIL|soldiers=MIL|secretary of state=GOVUSA|roe"
	if strings.Join(got, "|") != want {
		t.Errorf("FindAll = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, src := range []string{
		"",
		"# only a comment\n",
		"\tXYZGOV\n", // role outside an actor
		"Jane Roe\n\tXYZGOV 2022-01-01..2021-01-01\n", // ends before it starts
		"Jane Roe\n\tbad code\n",
		"~gov minister\n",
		"Jane Roe\n\tXYZGOV 2022-13-01..\n",
	} {
		if _, err := LoadDictionary(strings.NewReader(src), "bad.txt"); err == nil {
			t.Errorf("LoadDictionary(%q): no error", src)
		} else if !strings.Contains(err.Error(), "bad.txt") {
			t.Errorf("error %q does not name the file", err)
		}
	}
}

func TestLoadTABARI(t *testing.T) {
	src := `<!-- a comment
spanning lines -->
!PERSON! = MAN, MEN
JOHN_DOE_  # a person
+DOE_
+PRESIDENT_DOE
	[ABCGOV 990101-031231]
	[ABCGOV >100501]
	[ABCELI]
ACME_CORP [ABCBUS] # inline code
NOBODY_ [---]
WHO_CARES [IGOUNOHLHWHO 050101-] 
POLICE!PERSON! [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
MEDIA {} [~MED]
`
	if DetectFormat([]byte(src)) != FormatTABARI {
		t.Fatal("not detected as TABARI")
	}
	d, err := LoadDictionary(strings.NewReader(src), "t.actors")
	if err != nil {
		t.Fatal(err)
	}
	e, ok := d.Lookup("President Doe")
	if !ok {
		t.Fatal("President Doe not found")
	}
	for _, tt := range []struct{ date, want string }{
		{"1998-12-31", "ABCELI"}, {"1999-01-01", "ABCGOV"}, {"2003-12-31", "ABCGOV"}, {"2004-01-01", "ABCELI"}, {"2012-01-01", "ABCGOV"},
	} {
		if r, _ := e.RoleAt(day(tt.date)); r.Code != tt.want {
			t.Errorf("Doe on %s: %s, want %s", tt.date, r.Code, tt.want)
		}
	}
	if e, ok := d.Lookup("acme corp"); !ok || len(e.Roles) != 1 || e.Roles[0].Code != "ABCBUS" {
		t.Errorf("ACME: %v %+v", ok, e)
	}
	if e, ok := d.Lookup("nobody"); !ok || len(e.Roles) != 0 {
		t.Errorf("NOBODY should be known without a code: %v %+v", ok, e)
	}
	phr := map[string]string{}
	for _, a := range d.Agents {
		phr[strings.ToLower(a.Phrase)] = a.Code
	}
	for p, c := range map[string]string{"policeman": "COP", "policemen": "COP", "attorney general": "GOV", "attorneys general": "GOV", "media": "MED"} {
		if phr[p] != c {
			t.Errorf("agent %q = %q, want %q", p, phr[p], c)
		}
	}
}

func TestLoadPhoenixAndValidate(t *testing.T) {
	dir := shared.TestPath(t, "data", "petrarch", "dictionaries")
	for _, n := range []string{"PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "Phoenix.International.actors.txt", "Phoenix.agents.txt"} {
		f, err := os.Open(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		d, err := LoadDictionary(f, n)
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if len(d.Entries)+len(d.Agents) < 50 {
			t.Errorf("%s: only %d entries, %d agents", n, len(d.Entries), len(d.Agents))
		}
	}
}

func TestConvertRoundTrip(t *testing.T) {
	src := "VLADIMIR_PUTIN_\n+PUTIN_\n\t[RUSGOV >080508]\n\t[RUSELI]\nUNITED_NATIONS_ [IGOUNO]\n"
	d, err := LoadDictionary(strings.NewReader(src), "x")
	if err != nil {
		t.Fatal(err)
	}
	c := ConvertTABARI(d, ConvertOptions{CapOpenPersonRoles: day("2015-01-01")})
	var sb strings.Builder
	if err := c.WriteChronicle(&sb); err != nil {
		t.Fatal(err)
	}
	want := "Vladimir Putin | Putin\n\tRUSGOV 2008-05-08..2015-01-01\n\tRUSELI\nUnited Nations\n\tIGOUNO\n"
	if sb.String() != want {
		t.Errorf("converted:\n%s\nwant:\n%s", sb.String(), want)
	}
	back, err := LoadDictionary(strings.NewReader(sb.String()), "y")
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := back.Lookup("putin"); !ok || len(e.Roles) != 2 {
		t.Errorf("round trip lost Putin: %+v", e)
	}
}

// process runs the tokenizer and the linker over text with no NER or parse:
// the stage must work from surface cues alone.
func process(t testing.TB, text, date string, ents ...doc.Entity) *doc.Document {
	t.Helper()
	d := doc.New(doc.Article{Text: text, Published: day(date)})
	tk, err := tokenize.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := tk.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	d.Entities = ents
	l, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// entitiesIn returns an entity for the first occurrence in text of each
// (type, words) pair given one after the other.
func entitiesIn(text string, typeWords ...string) []doc.Entity {
	var ents []doc.Entity
	for i := 0; i+1 < len(typeWords); i += 2 {
		k := strings.Index(text, typeWords[i+1])
		ents = append(ents, doc.Entity{Type: typeWords[i], Start: k, End: k + len(typeWords[i+1]), Text: typeWords[i+1]})
	}
	return ents
}

func actorByMention(d *doc.Document, text string) *doc.Actor {
	i := strings.Index(d.Text, text)
	if i < 0 {
		return nil
	}
	return d.Actor(At(d, doc.Span{Start: i, End: i + len(text)}))
}

func TestLinker(t *testing.T) {
	tests := []struct {
		name, text, date string
		mention          string
		wantCode         string
		wantFrom         string
		sameAs           string // another mention that must be the same actor
	}{
		{"title gives office and country", "Secretary of State Jane Doemann met officials on Monday.", "2025-03-01", "Jane Doemann", "USAGOV", "text", ""},
		{"nationality in title", "Brazilian Foreign Minister Paulo Exemplo spoke in Lisbon.", "2025-03-01", "Paulo Exemplo", "BRAGOV", "text", ""},
		{"apposition", "Maria Fictica, a journalist, wrote the report.", "2025-03-01", "Maria Fictica", "MED", "text", ""},
		{"dictionary role on the date (2025)", "Donald Trump spoke to reporters.", "2025-03-01", "Donald Trump", "USAGOV", "dictionary", ""},
		{"dictionary role on the date (2022)", "Donald Trump spoke to reporters.", "2022-03-01", "Donald Trump", "USAELI", "dictionary", ""},
		{"surname links to full name", "Sergei Ryabkov spoke. Later Ryabkov added more.", "2025-03-01", "Ryabkov added", "RUSGOV", "dictionary", "Sergei Ryabkov"},
		{"description links to the person", "Russian Deputy Foreign Minister Ivan Testov spoke. The Russian official said more.", "2025-03-01", "Russian official", "RUSGOV", "text", "Ivan Testov"},
		{"group with demonym", "Talks began after Russian envoys arrived.", "2025-03-01", "Russian envoys", "RUSGOV", "text", ""},
		{"capital possessive", "The report described Moscow's troops near the border.", "2025-03-01", "Moscow's troops", "RUSMIL", "text", ""},
		{"capital as government", "Observers said Moscow is working to arrange a meeting.", "2025-03-01", "Moscow", "RUSGOV", "text", ""},
		{"country", "The deal angered Ukraine and the United States.", "2025-03-01", "United States", "USA", "country", ""},
		{"organisation from dictionary", "The statement came from the Trump administration on Friday.", "2025-03-01", "Trump administration", "USAGOV", "dictionary", ""},
		{"IGO head", "Antonio Guterres called for calm.", "2025-03-01", "Antonio Guterres", "IGOUNO", "dictionary", ""},
		{"former title", "Former President Joe Biden spoke.", "2025-03-01", "Joe Biden", "USAELI", "text", ""},
		{"past title in text yields to the date", "He recalled when President Joe Biden met Putin.", "2025-03-01", "Joe Biden", "USAELI", "dictionary", ""},
		{"pronoun", "Zelenskyy spoke on Friday. He said talks failed.", "2025-03-01", "He said", "UKRGOV", "dictionary", "Zelenskyy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := process(t, tt.text, tt.date)
			a := actorByMention(d, tt.mention)
			if tt.mention == "He said" {
				i := strings.Index(d.Text, "He")
				a = d.Actor(At(d, doc.Span{Start: i, End: i + 2}))
			}
			if a == nil {
				t.Fatalf("no actor for %q; actors %+v", tt.mention, d.Actors)
			}
			if a.Code != tt.wantCode || a.CodeFrom != tt.wantFrom {
				t.Errorf("%q: code %q from %q, want %q from %q (%+v)", tt.mention, a.Code, a.CodeFrom, tt.wantCode, tt.wantFrom, *a)
			}
			if tt.sameAs != "" {
				if b := actorByMention(d, tt.sameAs); b == nil || b.ID != a.ID {
					t.Errorf("%q and %q are different actors: %+v", tt.mention, tt.sameAs, d.Actors)
				}
			}
			for _, ac := range d.Actors {
				for _, m := range ac.Mentions {
					if d.Text[m.Start:m.End] != m.Text {
						t.Errorf("mention %q does not match its span", m.Text)
					}
				}
			}
		})
	}
}

func TestLinkerSetsEntityActor(t *testing.T) {
	text := "Marco Rubio met Sergei Lavrov."
	d := process(t, text, "2025-03-01",
		doc.Entity{Type: "PER", Text: "Marco Rubio", Start: 0, End: 11},
		doc.Entity{Type: "PER", Text: "Sergei Lavrov", Start: 16, End: 29})
	if d.Entities[0].Actor == "" || d.Entities[1].Actor == "" || d.Entities[0].Actor == d.Entities[1].Actor {
		t.Fatalf("entity actors %q %q", d.Entities[0].Actor, d.Entities[1].Actor)
	}
	if a := d.Actor(d.Entities[1].Actor); a.Code != "RUSGOV" {
		t.Errorf("Lavrov coded %q", a.Code)
	}
}

func TestLinkerBadInput(t *testing.T) {
	for _, text := range []string{"", "\xff\xfe\x00", strings.Repeat("The ", 1000), "’s ’s , , ,", "President", "Russian"} {
		d := process(t, text, "2025-03-01")
		_ = d
	}
	// Canceled context.
	d := doc.New(doc.Article{Text: "Putin spoke."})
	l, _ := New(Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := l.Process(ctx, d); err == nil {
		t.Error("no error on a canceled context")
	}
}

func TestUserDictionary(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "mine.actors")
	if err := os.WriteFile(p, []byte("JANE_ROEWELL_\n+ROEWELL_\n\t[XYZMIL]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := New(Options{Dicts: []string{p}})
	if err != nil {
		t.Fatal(err)
	}
	d := doc.New(doc.Article{Text: "Jane Roewell spoke.", Published: day("2025-01-01")})
	tk, _ := tokenize.New()
	_ = tk.Process(context.Background(), d)
	if err := l.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if a := actorByMention(d, "Jane Roewell"); a == nil || a.Code != "XYZMIL" {
		t.Errorf("user dictionary not used: %+v", d.Actors)
	}
	if _, err := New(Options{Dicts: []string{filepath.Join(dir, "missing")}}); err == nil {
		t.Error("no error for a missing dictionary")
	}
}

// TestComposition: agents modified by dictionary actors with state-like
// codes the gazetteer does not know, with and without PETRARCH composition.
func TestComposition(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "land.actors")
	src := "ZENDIA_\n\t[ZND]\nWHITE_TOWER_\n\t[ZNDGOV]\n" +
		"SOLDIER [~MIL]\nFOREIGN_MINISTER [~GOVFRM]\nPRIME_MINISTER [~GOV]\nGOVERNMENT [~GOV]\nOFFICIAL [~GOV]\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, mention, plain, composed string
	}{
		{"Zendia soldiers crossed the river.", "Zendia soldiers", "ZNDMIL", "ZNDMIL"},
		{"Zendia's foreign minister spoke.", "Zendia's foreign minister", "ZNDGOV", "ZNDGOVFRM"},
		{"The government of Zendia spoke.", "government of Zendia", "ZNDGOV", "ZNDGOV"},
		{"Zendia Prime Minister Oskar Vell spoke.", "Oskar Vell", "ZNDGOV", "ZNDGOV"},
		{"Former officials in Zendia spoke.", "Former officials in Zendia", "ZNDELI", "ZNDELI"},
		{"White Tower officials spoke.", "White Tower officials", "", "ZNDGOV"},
	}
	for _, compose := range []bool{false, true} {
		l, err := New(Options{Dicts: []string{p}, Compose: compose})
		if err != nil {
			t.Fatal(err)
		}
		tk, _ := tokenize.New()
		for _, tt := range tests {
			want := tt.plain
			if compose {
				want = tt.composed
			}
			if want == "" {
				continue
			}
			d := doc.New(doc.Article{Text: tt.text, Published: day("2025-01-01")})
			_ = tk.Process(context.Background(), d)
			if err := l.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if a := actorByMention(d, tt.mention); a == nil || a.Code != want {
				t.Errorf("compose=%v %q: %q is %+v, want %s", compose, tt.text, tt.mention, a, want)
			}
		}
	}
}

func FuzzLoadDictionary(f *testing.F) {
	for _, s := range []string{
		"Jane Roe | Roe\n\tkind PER\n\tXYZGOV 2020..2021 Minister\n~GOV minister\n",
		"JOHN_DOE_\n+DOE\n\t[ABCGOV 990101-031231]\n\t[ABCELI]\n",
		"!P! = A, B\nX!P! {} [~GOV]\n<!-- c -->\n",
		"[", "+", "~", "\t", "A\n\tB 2020-01..",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := LoadDictionary(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		words := FoldWords(strings.Fields(s))
		d.FindAll(words)
		for i := range d.Entries {
			d.Entries[i].RoleAt(time.Now())
		}
		var sb strings.Builder
		if err := d.WriteChronicle(&sb); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkLinker(b *testing.B) {
	text := strings.Repeat("Russian Deputy Foreign Minister Sergei Ryabkov said on Friday that U.S. and Russian envoys could meet within two weeks. "+
		"Secretary of State Marco Rubio met a Russian delegation in Riyadh, Saudi Arabia. The Russian official said Moscow is working to arrange a meeting. "+
		"Ukrainian President Volodymyr Zelenskyy said he would not accept it, journalist Jane Roe reported. ", 10)
	d := doc.New(doc.Article{Text: text, Published: day("2025-02-22")})
	tk, _ := tokenize.New()
	_ = tk.Process(context.Background(), d)
	l, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if err := l.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestLinkerGroupsAndContext covers coordination, nationality adjectives,
// peoples, context countries and organisations, with sentences written for
// the test (no corpus text).
func TestLinkerGroupsAndContext(t *testing.T) {
	tests := []struct {
		name, text, date, mention, want string
	}{
		{"coordinated demonyms, first", "Senior Peruvian and Chilean officials signed the accord.", "2024-05-01", "Peruvian", "PERGOV"},
		{"coordinated demonyms, last", "Senior Peruvian and Chilean officials signed the accord.", "2024-05-01", "Chilean officials", "CHLGOV"},
		{"coordinated country and demonym", "The talks between U.S. and Russian envoys began.", "2025-03-01", "U.S.", "USAGOV"},
		{"coordinated country and demonym, last", "The talks between U.S. and Russian envoys began.", "2025-03-01", "Russian envoys", "RUSGOV"},
		{"nationality adjective stands for the country", "Ghana rejected a Nigerian proposal on fishing rights.", "2024-05-01", "Nigerian", "NGA"},
		{"country name before an agent", "Ivory Coast rebels rejected the plan.", "2024-05-01", "Ivory Coast rebels", "CIVREB"},
		{"agent with a place after it", "Militants in Somalia attacked a convoy.", "2024-05-01", "Militants in Somalia", "SOMREB"},
		{"modifier between nationality and title", "Nigerian junior foreign minister Ade Okonfo met reporters.", "2024-05-01", "Ade Okonfo", "NGAGOV"},
		{"title country from context", "Prime Minister Tomas Velarde said Uruguay would sign.", "2024-05-01", "Tomas Velarde", "URYGOV"},
		{"people named by a plural demonym", "Thousands of Kenyans marched in Nairobi.", "2024-05-01", "Kenyans", "KENCVL"},
		{"ethnic group takes the story's country", "In Georgia, ethnic Armenians protested on Sunday.", "2024-05-01", "ethnic Armenians", "GEOCVL"},
		{"capital as an agent", "The demand was rejected by Moscow on Monday.", "2024-05-01", "Moscow", "RUSGOV"},
		{"capital as a place is no actor", "The envoy arrived in Moscow on Monday.", "2024-05-01", "Moscow", ""},
		{"organisation from its name", "The Latvian Supreme Court overturned the ban.", "2024-05-01", "Latvian Supreme Court", "LVAJUD"},
		{"IGO acronym", "Observers from the OSCE monitored the vote.", "2024-05-01", "OSCE", "IGOEUROSC"},
		{"titled name in the Phoenix dictionary", "President Reagan met reporters.", "1985-05-01", "President Reagan", "USAGOV"},
		{"Secret Service is an organisation", "The Secret Service closed the street.", "2024-05-01", "Secret Service", "USACOP"},
		{"bare state nominal in a one-country story", "Chad held talks. The government said the rebels had agreed.", "2024-05-01", "rebels", "TCDREB"},
		{"bare ISO code is no country", "GM cut jobs on Monday.", "2024-05-01", "GM", ""},
		{"place name resolved in the country the sentence names", "Militias in Tripoli fought on, shelling the Lebanese port.", "2024-05-01", "Militias in Tripoli", "LBNREB"},
		{"acronym after a name is the same actor", "The Nigerian Union of Teachers (NUT) called a strike. The NUT said so.", "2024-05-01", "NUT said", "NGAEDU"},
		{"coordinated countries after an agent, first", "The ambassadors of France, Spain and Italy met the king.", "2024-05-01", "ambassadors of France", "FRAGOV"},
		{"coordinated countries after an agent, later", "The ambassadors of France, Spain and Italy met the king.", "2024-05-01", "Spain", "ESPGOV"},
		{"former agents are elites", "Former Chilean officials signed the letter.", "2024-05-01", "Chilean officials", "CHLELI"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := process(t, tt.text, tt.date)
			a := actorByMention(d, tt.mention)
			got := ""
			if a != nil {
				got = a.Code
			}
			if got != tt.want {
				t.Errorf("%q in %q: code %q, want %q (actors %+v)", tt.mention, tt.text, got, tt.want, d.Actors)
			}
		})
	}
}

func TestLinkerNames(t *testing.T) {
	// A surname alone prefers the person the dictionary lists under it,
	// and a lone surname before the full name is merged into it.
	d := process(t, "Trump spoke. Donald Trump and Ivanka Trump arrived. Later Trump left.", "2025-03-01")
	first, last := actorByMention(d, "Trump spoke"), actorByMention(d, "Trump left")
	if first == nil || last == nil || first.ID != last.ID || first.Code != "USAGOV" {
		t.Errorf("surname links: %+v", d.Actors)
	}
	// A compound surname, after and before the full name.
	for _, text := range []string{
		"Enrique Peña Nieto met reporters. Later Peña Nieto left.",
		"Peña Nieto left early.\n\nPresident Enrique Peña Nieto met reporters on Monday.",
	} {
		var ents []doc.Entity
		full := strings.Index(text, "Enrique Peña Nieto")
		short := strings.Index(text, "Peña Nieto left")
		for _, sp := range [][2]int{{full, full + len("Enrique Peña Nieto")}, {short, short + len("Peña Nieto")}} {
			ents = append(ents, doc.Entity{Type: "PER", Start: sp[0], End: sp[1], Text: text[sp[0]:sp[1]]})
		}
		if ents[0].Start > ents[1].Start {
			ents[0], ents[1] = ents[1], ents[0]
		}
		d = process(t, text, "2016-09-01", ents...)
		if a, b := actorByMention(d, "Enrique Peña Nieto"), actorByMention(d, "Peña Nieto left"); a == nil || b == nil || a.ID != b.ID {
			t.Errorf("compound surname not linked in %q: %+v", text, d.Actors)
		}
	}
	// Another given name with the same surname is another person.
	d = process(t, "Hillary Clinton spoke. Bill Clinton listened.", "2016-09-01")
	if a, b := actorByMention(d, "Hillary Clinton"), actorByMention(d, "Bill Clinton"); a == nil || b == nil || a.ID == b.ID {
		t.Errorf("Hillary and Bill Clinton merged: %+v", d.Actors)
	}
	// A first name alone after the full name.
	d = process(t, "Marisol Quintero spoke first. Then Marisol answered questions.", "2025-03-01")
	if a, b := actorByMention(d, "Marisol Quintero"), actorByMention(d, "Marisol answered"); a == nil || b == nil || a.ID != b.ID {
		t.Errorf("first name not linked: %+v", d.Actors)
	}
}

func TestDictionaryCaseAndDates(t *testing.T) {
	src := "World Health Organization | WHO\n\tIGOUNOHLHWHO\nJane Roe\n\tkind PER\n\tXYZGOV 2010..2012\nJane Roe\n\tkind PER\n\tABCGOV 2020..\n"
	d, err := LoadDictionary(strings.NewReader(src), "t")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Lookup("WHO"); !ok {
		t.Error("WHO not found")
	}
	if _, ok := d.Lookup("Who"); ok {
		t.Error("an acronym matched in mixed case")
	}
	if e, ok := d.LookupOn("Jane Roe", day("2021-01-01")); !ok || e.Roles[0].Code != "ABCGOV" {
		t.Errorf("LookupOn 2021: %+v", e)
	}
	if e, ok := d.LookupOn("Jane Roe", day("2011-01-01")); !ok || e.Roles[0].Code != "XYZGOV" {
		t.Errorf("LookupOn 2011: %+v", e)
	}
	if es := d.BySurname("roe"); len(es) != 2 {
		t.Errorf("BySurname: %d entries", len(es))
	}
	// Hyphens inside phrases.
	ag, err := LoadDictionary(strings.NewReader("~GOV secretary general\n"), "a")
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := ag.MatchAt([]string{"secretary", "-", "general", "x"}, 0); !ok || m.End != 3 {
		t.Errorf("hyphenated match: %+v %v", m, ok)
	}
}

// TestAnonymous: with Options.Anonymous an agent that belongs to no actor
// and no country of the story is coded PETRARCH's way ("---GOV"); without
// it the phrase names nobody, and agents of a country keep their country.
func TestAnonymous(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "land.actors")
	if err := os.WriteFile(p, []byte("ZENDIA_\n\t[ZND]\nOFFICIAL [~GOV]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, mention, plain, anon string
	}{
		{"The river rose, a senior official said.", "senior official", "", "---GOV"},
		{"Zendia officials spoke.", "Zendia officials", "ZNDGOV", "ZNDGOV"},
	}
	tk, _ := tokenize.New()
	for _, anon := range []bool{false, true} {
		l, err := New(Options{Dicts: []string{p}, Compose: true, NoDefaults: true, Anonymous: anon})
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			want := tt.plain
			if anon {
				want = tt.anon
			}
			d := doc.New(doc.Article{Text: tt.text, Published: day("2025-01-01")})
			_ = tk.Process(context.Background(), d)
			if err := l.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			a := actorByMention(d, tt.mention)
			switch {
			case want == "" && a != nil:
				t.Errorf("anonymous=%v %q: %q is %+v, want no actor", anon, tt.text, tt.mention, a)
			case want != "" && (a == nil || a.Code != want):
				t.Errorf("anonymous=%v %q: %q is %+v, want %s", anon, tt.text, tt.mention, a, want)
			}
		}
	}
}

// TestPrefixAgent: a PETRARCH prefix agent ("[NGO~]") codes before the
// actor it precedes, alone or with an agent after the actor; a place of
// the user's dictionary keeps its code after "the".
func TestPrefixAgent(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "land.actors")
	if err := os.WriteFile(p, []byte("ZENDIA_\n\t[ZND]\nKUWAIT [KUW]\nMSF {} [NGO~]\nDIPLOMAT [~GOV]\nGOVERNMENT [~GOV]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, mention, want string
	}{
		{"MSF Zendia restored ties with the river.", "MSF Zendia", "NGOZND"},
		{"An MSF Zendia diplomat restored ties with the river.", "MSF Zendia diplomat", "NGOZNDGOV"},
		{"Zendia restored ties with the river.", "Zendia", "ZND"},
		// the user's code before the gazetteer's (KWT), "the" or not
		{"The Kuwait government restored ties with the river.", "Kuwait government", "KUWGOV"},
	}
	tk, _ := tokenize.New()
	l, err := New(Options{Dicts: []string{p}, Compose: true, NoDefaults: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		d := doc.New(doc.Article{Text: tt.text, Published: day("2025-01-01")})
		_ = tk.Process(context.Background(), d)
		if err := l.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if a := actorByMention(d, tt.mention); a == nil || a.Code != tt.want {
			var all []string
			for _, a := range d.Actors {
				all = append(all, a.Name+"="+a.Code)
			}
			t.Errorf("%q: %q is %+v, want %s (actors %v)", tt.text, tt.mention, a, tt.want, all)
		}
	}
}

// TestListedPlurals: a TABARI agent with braces has only the plurals listed
// there ("POLICE {}": none), others get the regular plural.
func TestListedPlurals(t *testing.T) {
	d, err := LoadDictionary(strings.NewReader("POLICE {} [~COP]\nSOLDIER [~MIL]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"), "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words []string
		ok    bool
	}{
		{[]string{"police"}, true}, {[]string{"polices"}, false},
		{[]string{"soldiers"}, true},
		{[]string{"attorneys", "general"}, true}, {[]string{"attorney", "generals"}, false},
	}
	for _, tt := range tests {
		m, ok := d.MatchAt(tt.words, 0)
		if ok = ok && m.Agent != nil && m.End == len(tt.words); ok != tt.ok {
			t.Errorf("%v: agent match %v, want %v", tt.words, ok, tt.ok)
		}
	}
}

func TestPlaceDescriptions(t *testing.T) {
	const two = "Sen. Bernie Sanders of Vermont won in Michigan. Florida Sen. Marco Rubio lost. Sen. Lindsey Graham (R-S.C.) stayed out. "
	tests := []struct {
		name, text, mention, want string
	}{
		{"place after the name", two + "The Vermont senator spoke first.", "senator spoke", "Bernie Sanders"},
		{"place before the name", two + "Later the Florida senator left.", "senator left", "Marco Rubio"},
		{"state in a party tag", two + "In June, the South Carolina senator called for calm.", "senator called", "Lindsey Graham"},
		{"postal code in a party tag", "Rep. Ann Kuster (D-NH) voted no. The New Hampshire congresswoman said why.", "congresswoman said", "Ann Kuster"},
		{"nobody tied to the place", two + "The Texas senator disagreed.", "senator disagreed", ""},
		{"a plural is a group, not a person", two + "The Florida senators disagreed.", "senators disagreed", ""},
		{"no determiner", two + "Florida senator spoke.", "senator spoke", ""},
		{"a person of another office is not meant", "Sen. Ted Cruz (R-Texas) spoke. Former Texas Gov. Rick Perry listened. The Texas senator left.", "senator left", "Ted Cruz"},
		{"a place before a comma is no tie", "Florida Sen. Marco Rubio spoke. In Florida, Sen. Bernie Sanders listened. The Florida senator left.", "senator left", "Marco Rubio"},
		{"the one senator named, untied", "Sen. Bernie Sanders spoke in Iowa. The Vermont senator left.", "senator left", "Bernie Sanders"},
		{"the one governor named, tied elsewhere", "New Jersey Gov. Chris Christie spoke. The Louisiana governor left.", "governor left", ""},
		{"the one senator named, party tag of another state", "Sen. Ted Cruz (R-Texas) spoke. The Florida senator left.", "senator left", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSameActor(t, tt.text, "2016-03-16", tt.mention, tt.want, "PER") })
	}
}

// checkSameActor processes text and checks that mention belongs to the
// actor of mention want, of kind kind when not "", or to no such actor when
// want is "".
func checkSameActor(t *testing.T, text, date, mention, want, kind string) {
	t.Helper()
	d := process(t, text, date)
	got, wantID := "", ""
	if a := actorByMention(d, mention); a != nil && (kind == "" || a.Kind == kind) {
		got = a.ID
	}
	if want != "" {
		if w := actorByMention(d, want); w != nil {
			wantID = w.ID
		}
	}
	if got != wantID || want != "" && wantID == "" {
		t.Errorf("%q: actor %q, want %q's %q (actors %+v)", mention, got, want, wantID, d.Actors)
	}
}

func TestOrgDescriptions(t *testing.T) {
	tests := []struct {
		name, text, mention, want string
	}{
		{"a party by its dictionary sector", "The Republican Party met in Cleveland. Graham said the party must change.", "party must", "Republican Party"},
		{"the latest fitting organisation", "The Democratic Party and the Republican Party met. Later the party voted.", "party voted", "Republican Party"},
		{"no organisation of that sector", "Graham spoke in Cleveland on Monday. He said the party must change.", "party must", ""},
		{"bank is left out", "The Republican Party met. Hill lost the farm to the bank in June.", "bank in", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSameActor(t, tt.text, "2016-07-01", tt.mention, tt.want, "") })
	}
}

func TestHyphenatedModifierSpan(t *testing.T) {
	d := process(t, "He was angry about an African-American president.", "2016-01-01")
	a := actorByMention(d, "American president")
	if a == nil || len(a.Mentions) != 1 || a.Mentions[0].Text != "African-American president" {
		t.Errorf("want one mention \"African-American president\", got %+v", d.Actors)
	}
}

func TestFunctionWordsAreNoNames(t *testing.T) {
	// Without tags every capitalised run may be a name; with tags, "So I"
	// and "Do I" open sentences and are no persons.
	d := process(t, "Trump spoke. So I think it was fine.", "2016-01-01")
	for i := range d.Tokens {
		switch d.TokenText(i) {
		case "So":
			d.Tokens[i].UPOS = doc.ADV
		case "I":
			d.Tokens[i].UPOS = doc.PRON
		}
	}
	l, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	d.Actors = nil
	if err := l.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, a := range d.Actors {
		if a.Name == "So I" || a.Name == "So" {
			t.Errorf("function words taken for a name: %+v", d.Actors)
		}
	}
}

func TestFormerOfficeHolders(t *testing.T) {
	// Every dated role of Ronald Reagan ended before 2016: a former office
	// holder is an elite of the office's country; in 1985 he was president.
	for _, tc := range []struct{ date, want string }{{"2016-03-01", "USAELI"}, {"1985-05-01", "USAGOV"}} {
		d := process(t, "Ronald Reagan spoke in Ohio.", tc.date)
		if a := actorByMention(d, "Ronald Reagan"); a == nil || a.Code != tc.want {
			t.Errorf("%s: %+v, want %s", tc.date, a, tc.want)
		}
	}
}

func TestTheHouse(t *testing.T) {
	text := "The United States Congress met in Washington. American lawmakers disagree. The House will vote on Tuesday."
	i := strings.Index(text, "House")
	d := process(t, text, "2016-03-01", doc.Entity{Type: "ORG", Text: "House", Start: i, End: i + len("House")})
	if a := actorByMention(d, "House will"); a == nil || a.Code != "USALEG" {
		t.Errorf("the House: %+v", d.Actors)
	}
}

// TestTitleWordsBeforeName checks that capitalised title words before a
// person's name ("Retired Lt. Gen.") are the name's title, not an actor of
// their own.
func TestTitleWordsBeforeName(t *testing.T) {
	for _, text := range []string{
		"Retired Lt. Gen. Thomas Ryland said the plan was wrong.",
		"Lt. Gov. Thomas Ryland said the plan was wrong.",
	} {
		k := strings.Index(text, "Thomas Ryland")
		d := process(t, text, "2016-09-01", doc.Entity{Type: "PER", Start: k, End: k + len("Thomas Ryland"), Text: "Thomas Ryland"})
		if len(d.Actors) != 1 {
			t.Errorf("%q: actors %+v, want only Thomas Ryland", text, d.Actors)
			continue
		}
		if a := d.Actors[0]; a.Name != "Thomas Ryland" || a.Code == "" {
			t.Errorf("%q: actor %q code %q, want Thomas Ryland with the title's code", text, a.Name, a.Code)
		}
	}
}

// TestPartyTagCountry checks that a U.S. party tag after an unknown
// person's name gives the country, before any guess from the surname.
func TestPartyTagCountry(t *testing.T) {
	for _, text := range []string{
		"Rep. John Lewis (D-Ga.) voted against the bill.",
		"Sen. Jeff Sessions (R-Ala.) voted against the bill.",
		"Rep. John Lewis, D-Ga., voted against the bill.",
	} {
		k := strings.Index(text, "J")
		n := strings.Index(text[k:], " (")
		if c := strings.Index(text[k:], ","); n < 0 || c >= 0 && c < n {
			n = c
		}
		name := text[k : k+n]
		d := process(t, text, "2016-09-01", doc.Entity{Type: "PER", Start: k, End: k + n, Text: name})
		a := actorByMention(d, name)
		if a == nil || a.Code != "USALEG" {
			t.Errorf("%q: actor %+v, want code USALEG", text, a)
		}
	}
}

// TestNationalGuard checks that "the National Guard" is the military of the
// country the story is about, like "the army".
func TestNationalGuard(t *testing.T) {
	text := "Protests continued in Charlotte, North Carolina. The governor sent the National Guard to the city."
	d := process(t, text, "2016-09-22", entitiesIn(text, "LOC", "Charlotte", "LOC", "North Carolina", "ORG", "National Guard")...)
	if a := actorByMention(d, "National Guard"); a == nil || a.Code != "USAMIL" {
		t.Errorf("National Guard: actor %+v, want code USAMIL; actors %+v", a, d.Actors)
	}
}

// TestRunInHeading checks that capitalised words of a run-in heading ("Veto
// Power Impedes Peace Efforts: …") are no names, while a speaker's label
// before a colon keeps its person.
func TestRunInHeading(t *testing.T) {
	text := "News\n\nVeto Power Impedes Peace Efforts: The council met on Monday.\n\nSenate Majority Leader Mitch McConnell: We will vote.\n"
	d := process(t, text, "2016-09-22", entitiesIn(text, "PER", "Power Impedes", "PER", "Mitch McConnell")...)
	if a := actorByMention(d, "Power Impedes"); a != nil {
		t.Errorf("heading words made actor %+v", a)
	}
	if a := actorByMention(d, "Peace Efforts"); a != nil {
		t.Errorf("heading words made actor %+v", a)
	}
	if a := actorByMention(d, "Mitch McConnell"); a == nil {
		t.Errorf("the label's person lost: %+v", d.Actors)
	}
}

// TestOutletsAndPlatforms checks that news outlets are separate actors with
// their country's media code, and that a platform the dictionary lists is
// an organisation even where the recogniser says person.
func TestOutletsAndPlatforms(t *testing.T) {
	text := "CNN reported the story. Fox News disputed it. Trump wrote on Twitter that it was rigged."
	d := process(t, text, "2016-09-22", entitiesIn(text, "ORG", "CNN", "ORG", "Fox News", "PER", "Trump", "PER", "Twitter")...)
	cnn, fox, tw := actorByMention(d, "CNN"), actorByMention(d, "Fox News"), actorByMention(d, "Twitter")
	if cnn == nil || fox == nil || cnn.ID == fox.ID || cnn.Code != "USAMED" || fox.Code != "USAMED" {
		t.Errorf("CNN %+v, Fox News %+v: want two USAMED actors", cnn, fox)
	}
	if tw == nil || tw.Kind != "ORG" {
		t.Errorf("Twitter: %+v, want an organisation", tw)
	}
}

// FuzzLinkerTree runs the stage over a parsed-looking document whose heads,
// relations and tags come from the fuzzer (cycles, roots inside names,
// heads out of range): plural descriptions, "they" and coordinations walk
// the tree and must not panic.
func FuzzLinkerTree(f *testing.F) {
	f.Add([]byte{1, 0, 3, 2, 7})
	f.Add([]byte{255, 255, 0, 0, 9, 9, 9})
	f.Add([]byte{3, 1, 2, 39, 38, 37, 120, 121, 81, 200, 7, 7, 14})
	text := "Vladimir Putin and Donald Trump met in Helsinki. They agreed to talk again. " +
		"The two leaders, Putin and Trump, and both countries said the India-Pakistan talks and the Paris Agreement matter. " +
		"Both will meet. The president of the union, John Bulgaro, said the president would come."
	l, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	tk, err := tokenize.New()
	if err != nil {
		f.Fatal(err)
	}
	deps := []string{"conj", "nsubj", "obj", "flat", "compound", "appos", "amod", "nmod", "case", "det", "nummod", "punct", "root", "nsubj:pass", "nmod:poss"}
	upos := []doc.UPOS{doc.NOUN, doc.PROPN, doc.PRON, doc.VERB, doc.ADJ, doc.NUM, doc.DET}
	f.Fuzz(func(t *testing.T, b []byte) {
		d := doc.New(doc.Article{Text: text, Published: day("2018-07-16")})
		if err := tk.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for i := range d.Tokens {
			if len(b) == 0 {
				break
			}
			x := b[i%len(b)] + byte(i)
			d.Tokens[i].Head = int32(int(x)%(len(d.Tokens)+2)) - 1
			d.Tokens[i].Dep = deps[int(x)%len(deps)]
			d.Tokens[i].UPOS = upos[int(x/3)%len(upos)]
			if x%5 == 0 {
				d.Tokens[i].XPOS = "NNS"
			}
		}
		d.Done |= doc.Deps
		if err := l.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	})
}
