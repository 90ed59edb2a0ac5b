// Package cameo is the CAMEO event code table: every code with its label,
// Goldstein scale value, GDELT quad class and PLOVER 2.0 type, mode and
// context, plus the systematic relations between codes that an event coder
// needs (the "intent to", "appeal for", "demand", "reject" and "threaten"
// counterparts of an action code).
//
// The table is embedded (data/codes.tsv, generated from ../shared/data by
// `go run ./cameo/internal/gentable`) and parsed once, lazily; it is
// immutable and safe for concurrent use.
package cameo

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/codes.tsv
var codesTSV string

// Code is one CAMEO event code.
type Code struct {
	Code      string   // "036", "0311"
	Label     string   // "Express intent to meet or negotiate"
	Goldstein float64  // Goldstein conflict–cooperation scale, -10..10
	Quad      int      // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
	PLOVER    string   // PLOVER 2.0 event type ("AGREE"); "" for CAMEO 01x public statements
	Mode      string   // PLOVER mode, may be ""
	Context   []string // PLOVER contexts, may be empty
}

// Root returns the two-digit root ("03" for "0311").
func (c Code) Root() string { return Root(c.Code) }

type table struct {
	byCode map[string]*Code
	all    []Code
}

var (
	tabOnce sync.Once
	tab     *table
	tabErr  error
)

func load() (*table, error) {
	tabOnce.Do(func() { tab, tabErr = parse(codesTSV) })
	return tab, tabErr
}

func parse(s string) (*table, error) {
	t := &table{byCode: map[string]*Code{}}
	for n, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("cameo: codes.tsv:%d: want 7 fields, got %d", n+1, len(f))
		}
		g, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return nil, fmt.Errorf("cameo: codes.tsv:%d: goldstein: %w", n+1, err)
		}
		q, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("cameo: codes.tsv:%d: quad: %w", n+1, err)
		}
		c := Code{Code: f[0], Goldstein: g, Quad: q, PLOVER: f[3], Mode: f[4], Label: f[6]}
		if f[5] != "" {
			c.Context = strings.Split(f[5], ";")
		}
		t.all = append(t.all, c)
	}
	sort.Slice(t.all, func(i, j int) bool { return t.all[i].Code < t.all[j].Code })
	for i := range t.all {
		t.byCode[t.all[i].Code] = &t.all[i]
	}
	return t, nil
}

// Lookup returns the entry for code. A four-digit code missing from the
// table falls back to its three-digit parent (with the code kept as given);
// an unknown code reports false.
func Lookup(code string) (Code, bool) {
	t, err := load()
	if err != nil {
		return Code{}, false
	}
	if c, ok := t.byCode[code]; ok {
		return *c, true
	}
	if len(code) == 4 {
		if c, ok := t.byCode[code[:3]]; ok {
			cc := *c
			cc.Code = code
			return cc, true
		}
	}
	return Code{}, false
}

// Valid reports whether code is a known CAMEO event code (3 or 4 digits).
func Valid(code string) bool {
	t, err := load()
	if err != nil {
		return false
	}
	_, ok := t.byCode[code]
	return ok
}

// All returns every code in the table, sorted. The slice is a copy.
func All() []Code {
	t, err := load()
	if err != nil {
		return nil
	}
	return append([]Code(nil), t.all...)
}

// Root returns the two-digit root of a code ("0311" → "03"), or "" when the
// code is shorter than two characters.
func Root(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// Base returns the three-digit base of a code ("0311" → "031").
func Base(code string) string {
	if len(code) < 3 {
		return code
	}
	return code[:3]
}

// Cooperative reports whether code is a cooperative action (roots 03–08),
// the kind of action that, when only intended, CAMEO codes as an
// expression of intent (03x).
func Cooperative(code string) bool {
	r := Root(code)
	return r >= "03" && r <= "08"
}

// Kinds of verbal act that take an action code as their complement.
const (
	ActIntent   = "intent"   // express intent to do it (03x)
	ActAppeal   = "appeal"   // appeal for it (02x)
	ActDemand   = "demand"   // demand it (10x)
	ActReject   = "reject"   // reject or refuse it (12x)
	ActThreaten = "threaten" // threaten to do it (13x)
)

// actionTopic maps an action code to the topic shared by the intent, appeal,
// demand and reject families: the index into the tables below.
//
// The CAMEO codebook builds those families in parallel: 031/021/101/121 are
// material cooperation, 0311/0211/1011/1211 economic, and so on.
var familyTable = []struct {
	action                                 []string // action codes (prefixes) of this topic
	intent, appeal, demand, reject, threat string
}{
	{[]string{"061"}, "0311", "0211", "1011", "1211", ""},
	{[]string{"062"}, "0312", "0212", "1012", "1212", ""},
	{[]string{"063"}, "0313", "0213", "1013", "1213", ""},
	{[]string{"064"}, "0314", "0214", "1014", "1214", ""},
	{[]string{"06"}, "031", "021", "101", "121", ""},
	{[]string{"05"}, "032", "022", "102", "120", "1313"},
	{[]string{"071"}, "0331", "0231", "1031", "1221", "1311"},
	{[]string{"072"}, "0332", "0232", "1032", "1222", "1311"},
	{[]string{"073"}, "0333", "0233", "1033", "1223", "1311"},
	{[]string{"074"}, "0334", "0234", "1034", "1224", "1311"},
	{[]string{"07"}, "033", "023", "103", "122", "1311"},
	{[]string{"0831"}, "0341", "0241", "1041", "1231", ""},
	{[]string{"0832"}, "0342", "0242", "1042", "1232", ""},
	{[]string{"0833"}, "0343", "0243", "1043", "1233", ""},
	{[]string{"0834"}, "0344", "0244", "1044", "1234", ""},
	{[]string{"083"}, "034", "024", "104", "123", ""},
	{[]string{"081"}, "0351", "0251", "1051", "1241", ""},
	{[]string{"082"}, "0352", "0252", "1052", "1242", ""},
	{[]string{"084"}, "0353", "0253", "1053", "1243", ""},
	{[]string{"085"}, "0354", "0254", "1054", "1244", ""},
	{[]string{"086"}, "0355", "0255", "1055", "1245", ""},
	{[]string{"087"}, "0356", "0256", "1056", "1246", ""},
	{[]string{"08"}, "035", "025", "105", "124", ""},
	{[]string{"045"}, "039", "028", "108", "126", "135"},
	{[]string{"057", "037"}, "037", "027", "107", "127", ""},
	{[]string{"04"}, "036", "026", "106", "125", "134"},
	{[]string{"161"}, "", "", "", "", "1313"},
	{[]string{"162"}, "", "", "", "", "1311"},
	{[]string{"163"}, "", "", "", "", "1312"},
	{[]string{"164"}, "", "", "", "", "134"},
	{[]string{"165"}, "", "", "", "", "135"},
	{[]string{"166"}, "", "", "", "", "136"},
	{[]string{"16"}, "", "", "", "", "131"},
	{[]string{"1721"}, "", "", "", "", "1321"},
	{[]string{"1722"}, "", "", "", "", "1322"},
	{[]string{"1723"}, "", "", "", "", "1323"},
	{[]string{"1724"}, "", "", "", "", "1324"},
	{[]string{"17"}, "", "", "", "", "132"},
	{[]string{"14"}, "", "", "", "", "133"},
	{[]string{"175"}, "", "", "", "", "137"},
	{[]string{"191"}, "", "", "", "", "1381"},
	{[]string{"192"}, "", "", "", "", "1382"},
	{[]string{"18"}, "", "", "", "", "1383"},
	{[]string{"204"}, "", "", "", "", "1385"},
	{[]string{"19", "20"}, "", "", "", "", "1384"},
}

// Act returns the code of a verbal act (ActIntent, ActAppeal, ActDemand,
// ActReject, ActThreaten) whose object is the action coded by code: Act(
// ActIntent, "040") is "036" (express intent to meet), Act(ActThreaten,
// "163") is "1312" (threaten to sanction). It returns "" when CAMEO has no
// such counterpart. A code that already is an intent (03x) maps through the
// action it intends ("036" → demand "106").
func Act(kind, code string) string {
	if Root(code) == "03" {
		// Map an intent back to the action family it names.
		for _, f := range familyTable {
			if f.intent != "" && strings.HasPrefix(code, f.intent) {
				return pick(kind, f.intent, f.appeal, f.demand, f.reject, f.threat)
			}
		}
	}
	best, bestLen := -1, 0
	for i, f := range familyTable {
		for _, a := range f.action {
			if len(a) > bestLen && strings.HasPrefix(code, a) {
				best, bestLen = i, len(a)
			}
		}
	}
	if best >= 0 {
		f := familyTable[best]
		return pick(kind, f.intent, f.appeal, f.demand, f.reject, f.threat)
	}
	return ""
}

func pick(kind, intent, appeal, demand, reject, threat string) string {
	switch kind {
	case ActIntent:
		return intent
	case ActAppeal:
		return appeal
	case ActDemand:
		return demand
	case ActReject:
		return reject
	case ActThreaten:
		return threat
	}
	return ""
}
