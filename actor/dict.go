package actor

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/chronicle-news/chronicle/gazetteer"
)

// Chronicle's actor dictionary format (files under actor/data/, and any file
// given with --actors) is line-oriented UTF-8 text:
//
//	# chronicle-actors 1          (optional header; "#" starts a comment anywhere)
//	Vladimir Putin | Vladimir Vladimirovich Putin | Putin
//	    kind PER
//	    RUSGOV 1999-08-09..2008-05-07 President of Russia
//	    RUSGOV 2012-05-07.. President of Russia
//	    RUSELI
//	~GOV minister | foreign minister | government | envoy
//
// A line starting in column 0 begins an actor: its names separated by "|",
// the first canonical. Indented lines below it are its attributes: "kind
// PER|ORG|LOC|GRP", or a role "CODE [START..END] [title]" where START and END
// are YYYY, YYYY-MM or YYYY-MM-DD and either may be left open. A role is
// valid from START through the day before END. The undated role applies when
// no dated role covers the date. A line "~SECTOR phrase | phrase" lists agent
// nouns (titles, groups) that give a sector to whatever country they are
// combined with; regular plurals are added automatically.
//
// PETRARCH/TABARI dictionaries (actors with "+" synonyms and "[CODE date]"
// roles, agents with "[~CODE]") are read too: LoadDictionary detects the
// format.

// Role is a CAMEO code an actor holds, possibly for a date range.
type Role struct {
	Code  string // CAMEO actor code: "RUSGOV", "IGOUNO", "USAELI"
	Start int32  // first day, as YYYYMMDD; 0 = open
	End   int32  // day the role ends (exclusive), YYYYMMDD; 0 = open
	Title string // office, if the dictionary gives one ("President of Russia")
}

// Dated reports whether the role has a date range.
func (r Role) Dated() bool { return r.Start != 0 || r.End != 0 }

// Covers reports whether the dated role is valid on day (YYYYMMDD).
func (r Role) Covers(day int32) bool {
	return (r.Start == 0 || day >= r.Start) && (r.End == 0 || day < r.End)
}

// Entry is one actor of a dictionary.
type Entry struct {
	Names []string // the first is canonical
	Kind  string   // PER, ORG, LOC, GRP or "" when the dictionary does not say
	Roles []Role
}

// RoleAt returns the role valid on date t: the dated role covering t with
// the latest start, else the first undated role. ok is false when the entry
// has no role for t (it is known but has no code then).
func (e *Entry) RoleAt(t time.Time) (Role, bool) {
	day := dayOf(t)
	best, found := Role{}, false
	for _, r := range e.Roles {
		if r.Dated() && r.Covers(day) && (!found || r.Start > best.Start) {
			best, found = r, true
		}
	}
	if found {
		return best, true
	}
	for _, r := range e.Roles {
		if !r.Dated() {
			return r, true
		}
	}
	return Role{}, false
}

// LastRoleBefore returns the role that ended last before t when none
// covers t (every dated role of Ronald Reagan in 2016), or false.
func (e *Entry) LastRoleBefore(t time.Time) (Role, bool) {
	day := dayOf(t)
	best, found := Role{}, false
	for _, r := range e.Roles {
		if !r.Dated() || r.Covers(day) {
			return Role{}, false // a role the document's date has
		}
		if r.End != 0 && r.End <= day && (!found || r.End > best.End) {
			best, found = r, true
		}
	}
	return best, found
}

func dayOf(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(y*10000 + int(m)*100 + d)
}

// Agent is a noun or noun phrase that names a kind of actor rather than a
// particular one ("minister", "troops", "journalist"): it gives a sector.
type Agent struct {
	Phrase  string // as written in the dictionary
	Code    string // sector code without country: "GOV", "MIL", "GOVMIL", "MED"
	Country string // ISO alpha-3 of the one country whose office this is ("secretary of state": USA), or ""
	// Listed marks an agent whose plurals the dictionary lists in braces
	// (TABARI's "POLICE {}" has none, "ATTORNEY_GENERAL {ATTORNEYS_GENERAL}"
	// that one): no regular plural is added.
	Listed bool
	// Prefix marks a PETRARCH prefix agent ("[NGO~]"): its code goes before
	// the code of the actor it precedes ("MSF Arnor" → NGOARN) instead of
	// after the code of the actor that modifies it.
	Prefix bool
}

// Sector returns the agent's primary (first three-letter) sector.
func (a *Agent) Sector() string {
	if len(a.Code) >= 3 {
		return a.Code[:3]
	}
	return a.Code
}

// Dictionary is a set of actors and agents with a phrase matcher over
// words. It is immutable once loaded and safe for concurrent use.
type Dictionary struct {
	Name    string
	Entries []Entry
	Agents  []Agent

	phrases  []phrase
	index    map[string][]int32 // folded first word → phrase ids, longest first
	names    map[string]int32   // folded full name → entry (first wins)
	more     map[string][]int32 // folded full name → later entries of the same name
	acro     map[string]bool    // folded names written only as upper-case acronyms ("WHO", "ICE")
	allCaps  bool               // TABARI files write every name in capitals: no acronym rule
	surnames map[string][]int32 // folded last word of a person's name → entries
}

type phrase struct {
	words []string // folded
	entry int32    // entry index, or -1
	agent int32    // agent index, or -1
}

// Match is a dictionary phrase found in a word sequence: words[Start:End].
type Match struct {
	Start, End int
	Entry      *Entry // the actor, or nil for an agent
	Agent      *Agent // the agent, or nil for an actor
}

// Format names a dictionary file format.
type Format int

// Dictionary formats.
const (
	FormatChronicle Format = iota // Chronicle's own readable format
	FormatTABARI                  // PETRARCH/TABARI actors or agents
)

var errEmpty = errors.New("no actors or agents")

// LoadDictionary reads a dictionary in Chronicle's format or the
// PETRARCH/TABARI format (detected from the content). name labels errors.
func LoadDictionary(r io.Reader, name string) (*Dictionary, error) {
	b, err := io.ReadAll(io.LimitReader(r, 256<<20))
	if err != nil {
		return nil, fmt.Errorf("actor dictionary %s: %w", name, err)
	}
	d := &Dictionary{Name: name}
	switch DetectFormat(b) {
	case FormatTABARI:
		d.allCaps = true
		err = d.parseTABARI(b)
	default:
		err = d.parseChronicle(b)
	}
	if err == nil && len(d.Entries) == 0 && len(d.Agents) == 0 {
		err = errEmpty
	}
	if err != nil {
		return nil, fmt.Errorf("actor dictionary %s: %w", name, err)
	}
	d.build()
	return d, nil
}

var tabariRole = regexp.MustCompile(`\[\s*~?[A-Za-z-]{3,}[^\]]*\]`)

// DetectFormat tells Chronicle's format from PETRARCH/TABARI's: TABARI
// dictionaries put codes in square brackets or list synonyms with a leading "+".
func DetectFormat(b []byte) Format {
	n := 0
	for len(b) > 0 && n < 500 {
		var line []byte
		line, b, _ = bytes.Cut(b, []byte("\n"))
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' || bytes.HasPrefix(t, []byte("<!--")) {
			continue
		}
		n++
		if bytes.HasPrefix(t, []byte("+")) || tabariRole.Match(t) || bytes.HasPrefix(t, []byte("!")) {
			return FormatTABARI
		}
	}
	return FormatChronicle
}

func stripComment(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[:i]
	}
	return s
}

func (d *Dictionary) parseChronicle(b []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	cur := -1
	for no := 1; sc.Scan(); no++ {
		raw := sc.Text()
		line := strings.TrimRight(stripComment(raw), " \t\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		line = strings.TrimSpace(line)
		switch {
		case line[0] == '~':
			code, rest, _ := strings.Cut(line[1:], " ")
			code, country, _ := strings.Cut(code, "@")
			if !validCode(code) || (country != "" && (len(country) != 3 || !validCode(country))) {
				return fmt.Errorf("line %d: bad agent code %q", no, line[1:])
			}
			for _, p := range strings.Split(rest, "|") {
				if p = strings.TrimSpace(p); p != "" {
					d.Agents = append(d.Agents, Agent{Phrase: p, Code: code, Country: country})
				}
			}
			cur = -1
		case !indented:
			var names []string
			for _, n := range strings.Split(line, "|") {
				if n = strings.TrimSpace(n); n != "" {
					names = append(names, n)
				}
			}
			if len(names) == 0 {
				return fmt.Errorf("line %d: actor without a name", no)
			}
			d.Entries = append(d.Entries, Entry{Names: names})
			cur = len(d.Entries) - 1
		default:
			if cur < 0 {
				return fmt.Errorf("line %d: attribute outside an actor", no)
			}
			e := &d.Entries[cur]
			if k, ok := strings.CutPrefix(line, "kind "); ok {
				e.Kind = strings.TrimSpace(k)
				continue
			}
			r, err := parseRole(line)
			if err != nil {
				return fmt.Errorf("line %d: %w", no, err)
			}
			e.Roles = append(e.Roles, r)
		}
	}
	return sc.Err()
}

func validCode(c string) bool {
	if len(c) < 3 || len(c) > 24 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if !(c[i] >= 'A' && c[i] <= 'Z' || c[i] >= '0' && c[i] <= '9') {
			return false
		}
	}
	return true
}

// parseRole parses "CODE [START..END] [title]".
func parseRole(s string) (Role, error) {
	f := strings.Fields(s)
	if !validCode(f[0]) {
		return Role{}, fmt.Errorf("bad code %q", f[0])
	}
	r := Role{Code: f[0]}
	rest := f[1:]
	if len(rest) > 0 && strings.Contains(rest[0], "..") {
		a, b, _ := strings.Cut(rest[0], "..")
		var err error
		if r.Start, err = parseISODate(a, false); err != nil {
			return Role{}, err
		}
		if r.End, err = parseISODate(b, true); err != nil {
			return Role{}, err
		}
		if r.Start != 0 && r.End != 0 && r.End <= r.Start {
			return Role{}, fmt.Errorf("role %s ends before it starts", s)
		}
		rest = rest[1:]
	}
	r.Title = strings.Join(rest, " ")
	return r, nil
}

// parseISODate reads YYYY, YYYY-MM or YYYY-MM-DD as YYYYMMDD ("" = 0). A
// partial end date means the end of that year or month.
func parseISODate(s string, end bool) (int32, error) {
	if s == "" {
		return 0, nil
	}
	p := strings.Split(s, "-")
	if len(p) > 3 || len(p[0]) != 4 {
		return 0, fmt.Errorf("bad date %q", s)
	}
	v := [3]int{0, 1, 1}
	for i, x := range p {
		n, err := strconv.Atoi(x)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("bad date %q", s)
		}
		v[i] = n
	}
	if v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 {
		return 0, fmt.Errorf("bad date %q", s)
	}
	if end && len(p) < 3 { // "..2014" ends after 2014
		t := time.Date(v[0], time.Month(v[1]), 1, 0, 0, 0, 0, time.UTC)
		if len(p) == 1 {
			t = t.AddDate(1, 0, 0)
		} else {
			t = t.AddDate(0, 1, 0)
		}
		return dayOf(t), nil
	}
	return int32(v[0]*10000 + v[1]*100 + v[2]), nil
}

// ---- PETRARCH / TABARI ----

var (
	bracketRe = regexp.MustCompile(`\[([^\]]*)\]`)
	pluralRe  = regexp.MustCompile(`\{([^}]*)\}`)
)

func (d *Dictionary) parseTABARI(b []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	subst := map[string][]string{}
	inComment := false
	cur := -1
	for no := 1; sc.Scan(); no++ {
		line := sc.Text()
		if inComment {
			i := strings.Index(line, "-->")
			if i < 0 {
				continue
			}
			inComment = false
			line = line[i+3:]
		}
		for {
			i := strings.Index(line, "<!--")
			if i < 0 {
				break
			}
			j := strings.Index(line[i:], "-->")
			if j < 0 {
				line, inComment = line[:i], true
				break
			}
			line = line[:i] + line[i+j+3:]
		}
		line = stripComment(line)
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		// Substitution sets: !PERSON! = MAN, MEN, WOMAN
		if t[0] == '!' {
			if k, v, ok := strings.Cut(t, "="); ok {
				key := strings.TrimSpace(k)
				var alts []string
				for _, a := range strings.Split(v, ",") {
					if a = strings.TrimSpace(a); a != "" {
						alts = append(alts, a)
					}
				}
				subst[key] = alts
				continue
			}
		}
		codes := bracketRe.FindAllStringSubmatch(t, -1)
		text := strings.TrimSpace(bracketRe.ReplaceAllString(t, " "))
		var plurals []string
		if m := pluralRe.FindStringSubmatch(text); m != nil {
			for _, p := range strings.Fields(m[1]) {
				plurals = append(plurals, tabariWords(p))
			}
			if strings.TrimSpace(m[1]) == "" {
				plurals = []string{} // "{}": no plural
			}
			text = strings.TrimSpace(pluralRe.ReplaceAllString(text, " "))
		}
		// Agent lines carry "~" codes.
		if len(codes) > 0 && strings.Contains(codes[0][1], "~") {
			raw := strings.Fields(codes[0][1] + " ")[0]
			code := strings.ToUpper(strings.Trim(raw, "~"))
			if !validCode(code) || text == "" {
				continue
			}
			prefix := strings.HasSuffix(raw, "~") && !strings.HasPrefix(raw, "~")
			listed := plurals != nil
			for _, ph := range expandSubst(text, subst) {
				d.Agents = append(d.Agents, Agent{Phrase: tabariWords(ph), Code: code, Prefix: prefix, Listed: listed})
			}
			for _, p := range plurals {
				d.Agents = append(d.Agents, Agent{Phrase: p, Code: code, Prefix: prefix, Listed: listed})
			}
			cur = -1
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		switch {
		case strings.HasPrefix(text, "+"):
			if cur >= 0 {
				if n := tabariWords(text[1:]); n != "" {
					d.Entries[cur].Names = append(d.Entries[cur].Names, n)
				}
			}
		case text == "" && indented:
			// role lines only
		case text != "":
			n := tabariWords(text)
			if n == "" {
				cur = -1
				continue
			}
			d.Entries = append(d.Entries, Entry{Names: []string{n}})
			cur = len(d.Entries) - 1
		}
		if cur < 0 {
			continue
		}
		for _, c := range codes {
			if r, ok := parseTABARIRole(c[1]); ok {
				d.Entries[cur].Roles = append(d.Entries[cur].Roles, r)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	// Entries without any code ("[---]") stay: they block wrong matches.
	return nil
}

func expandSubst(s string, subst map[string][]string) []string {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return []string{s}
	}
	key := s[i : i+j+2]
	alts, ok := subst[key]
	if !ok {
		return []string{strings.ReplaceAll(s, key, " ")}
	}
	var out []string
	for _, a := range alts {
		out = append(out, expandSubst(s[:i]+a+s[i+j+2:], subst)...)
	}
	return out
}

// tabariWords turns "VLADIMIR_PUTIN_" into "VLADIMIR PUTIN".
func tabariWords(s string) string {
	s = strings.NewReplacer("_", " ", "+", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// parseTABARIRole parses the inside of "[RUSGOV 991231-080507]",
// "[RUSGOV >080508]", "[RUSELI <990809]" or "[RUSELI]".
func parseTABARIRole(s string) (Role, bool) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return Role{}, false
	}
	code := strings.ToUpper(f[0])
	if !validCode(code) {
		return Role{}, false // "---" and malformed codes
	}
	r := Role{Code: code}
	if len(f) > 1 {
		ds := strings.Join(f[1:], "")
		var ok bool
		switch {
		case strings.HasPrefix(ds, ">"):
			r.Start, ok = tabariDate(ds[1:])
		case strings.HasPrefix(ds, "<"):
			r.End, ok = tabariDate(ds[1:])
		default:
			a, b, found := strings.Cut(ds, "-")
			if !found {
				return r, true
			}
			var ok2 bool
			r.Start, ok = tabariDate(a)
			r.End, ok2 = tabariDate(b)
			ok = ok && ok2
			if ok {
				r.End = nextDay(r.End) // TABARI ranges are inclusive
			}
		}
		if !ok || (r.Start != 0 && r.End != 0 && r.End <= r.Start) {
			return Role{}, false
		}
	}
	return r, true
}

// tabariDate reads YYMMDD (years < 30 are 20YY) or YYYYMMDD.
func tabariDate(s string) (int32, bool) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, false
	}
	switch len(s) {
	case 6:
		y := n / 10000
		if y < 30 {
			y += 2000
		} else {
			y += 1900
		}
		n = y*10000 + n%10000
	case 8:
	default:
		return 0, false
	}
	m, d := n/100%100, n%100
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	return int32(n), true
}

func nextDay(d int32) int32 {
	t := time.Date(int(d/10000), time.Month(d/100%100), int(d%100), 0, 0, 0, 0, time.UTC)
	return dayOf(t.AddDate(0, 0, 1))
}

// ---- matcher ----

// foldWord is the matching key of one word.
func foldWord(s string) string { return gazetteer.Fold(s) }

func (d *Dictionary) build() {
	d.index = map[string][]int32{}
	d.names = map[string]int32{}
	d.more = map[string][]int32{}
	d.acro = map[string]bool{}
	mixed := map[string]bool{}
	d.surnames = map[string][]int32{}
	g := gazetteer.Default()
	add := func(text string, entry, agent int32) {
		ws := strings.Fields(gazetteer.Fold(text))
		if len(ws) == 0 {
			return
		}
		d.phrases = append(d.phrases, phrase{words: ws, entry: entry, agent: agent})
		d.index[ws[0]] = append(d.index[ws[0]], int32(len(d.phrases)-1))
	}
	for i := range d.Entries {
		for _, n := range d.Entries[i].Names {
			add(n, int32(i), -1)
			k := gazetteer.Fold(n)
			switch {
			case d.allCaps: // every name is upper case: case tells nothing
			case isUpperAcronym(n):
				d.acro[k] = !mixed[k]
			default:
				mixed[k] = true
				delete(d.acro, k)
			}
			if j, ok := d.names[k]; !ok && k != "" {
				d.names[k] = int32(i)
			} else if ok && j != int32(i) && len(d.more[k]) < 8 {
				d.more[k] = append(d.more[k], int32(i))
			}
		}
		if e := &d.Entries[i]; e.Kind == "PER" || e.Kind == "" && len(e.Names) > 0 && looksPersonal(g, e.Names[0]) {
			seen := ""
			for _, n := range e.Names {
				f := strings.Fields(gazetteer.Fold(n))
				if len(f) < 2 || f[len(f)-1] == seen {
					continue
				}
				seen = f[len(f)-1]
				d.surnames[seen] = append(d.surnames[seen], int32(i))
			}
		}
	}
	for i := range d.Agents {
		a := d.Agents[i].Phrase
		add(a, -1, int32(i))
		if p := plural(a); p != a && !d.Agents[i].Listed {
			add(p, -1, int32(i))
		}
	}
	for k, ids := range d.index {
		sort.SliceStable(ids, func(a, b int) bool { return len(d.phrases[ids[a]].words) > len(d.phrases[ids[b]].words) })
		d.index[k] = ids
	}
}

// plural forms the regular English plural of a phrase's last word.
func plural(s string) string {
	if s == "" {
		return s
	}
	l := strings.ToLower(s)
	switch {
	case strings.HasSuffix(l, "s"), strings.HasSuffix(l, "x"), strings.HasSuffix(l, "ch"), strings.HasSuffix(l, "sh"):
		return s + "es"
	case strings.HasSuffix(l, "man"):
		return s[:len(s)-3] + s[len(s)-3:len(s)-2] + "en"
	case strings.HasSuffix(l, "y") && len(l) > 1 && !strings.ContainsRune("aeiou", rune(l[len(l)-2])):
		return s[:len(s)-1] + "ies"
	}
	return s + "s"
}

// isUpperAcronym reports whether a name is written as an acronym: no
// lower-case letter, no space, at least two letters ("WHO", "U.N.", "G7").
func isUpperAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r), r == ' ':
			return false
		case unicode.IsUpper(r):
			letters++
		}
	}
	return letters >= 2
}

// hasLower reports whether s has a lower-case letter.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// looksPersonal reports whether a dictionary name is a person's: two words
// or more, the first a given name.
func looksPersonal(g *gazetteer.Gazetteer, name string) bool {
	f := strings.Fields(name)
	return len(f) >= 2 && g.IsGivenName(f[0])
}

// LookupOn is Lookup for a date: when several entries share the name
// ("President Bush"), the first with a dated role covering t wins.
func (d *Dictionary) LookupOn(name string, t time.Time) (*Entry, bool) {
	k := gazetteer.Fold(name)
	i, ok := d.names[k]
	if !ok || d.acro[k] && hasLower(name) {
		return nil, false
	}
	if more := d.more[k]; len(more) > 0 {
		day := dayOf(t)
		for _, j := range append([]int32{i}, more...) {
			for _, r := range d.Entries[j].Roles {
				if r.Dated() && r.Covers(day) {
					return &d.Entries[j], true
				}
			}
		}
	}
	return &d.Entries[i], true
}

// BySurname returns the people whose name (any variant of two words or
// more) ends with the word surname, compared case- and
// diacritic-insensitively.
func (d *Dictionary) BySurname(surname string) []*Entry {
	ids := d.surnames[gazetteer.Fold(surname)]
	out := make([]*Entry, len(ids))
	for i, id := range ids {
		out[i] = &d.Entries[id]
	}
	return out
}

// Lookup returns the entry whose name (any variant) is exactly name,
// compared case- and diacritic-insensitively; a name the dictionary writes
// only as an upper-case acronym ("WHO", "ICE") matches only in upper case.
func (d *Dictionary) Lookup(name string) (*Entry, bool) {
	k := gazetteer.Fold(name)
	if i, ok := d.names[k]; ok && !(d.acro[k] && hasLower(name)) {
		return &d.Entries[i], true
	}
	return nil, false
}

// MatchAt returns the longest actor or agent phrase that starts at
// words[i], where words are already folded with FoldWords. A word "-"
// inside a phrase (a hyphen the caller found attached to the words on both
// sides: "Secretary-General" tokenized as three words) is skipped, so
// "secretary general" matches it.
func (d *Dictionary) MatchAt(words []string, i int) (Match, bool) {
	if i < 0 || i >= len(words) {
		return Match{}, false
	}
	for _, id := range d.index[words[i]] {
		p := &d.phrases[id]
		if i+len(p.words) > len(words) {
			continue
		}
		ok := true
		j := i + 1
		for _, w := range p.words[1:] {
			for j < len(words) && words[j] == "-" {
				j++
			}
			if j >= len(words) || words[j] != w {
				ok = false
				break
			}
			j++
		}
		if !ok {
			continue
		}
		m := Match{Start: i, End: j}
		if p.entry >= 0 {
			m.Entry = &d.Entries[p.entry]
		} else {
			m.Agent = &d.Agents[p.agent]
		}
		return m, true
	}
	return Match{}, false
}

// FindAll returns the longest non-overlapping matches in words, left to right.
func (d *Dictionary) FindAll(words []string) []Match {
	var out []Match
	for i := 0; i < len(words); {
		if m, ok := d.MatchAt(words, i); ok {
			out = append(out, m)
			i = m.End
			continue
		}
		i++
	}
	return out
}

// FoldWords returns the matching keys of words (case, dots and diacritics
// removed), for MatchAt and FindAll.
func FoldWords(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = foldWord(w)
	}
	return out
}

// WriteChronicle writes d in Chronicle's dictionary format.
func (d *Dictionary) WriteChronicle(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, e := range d.Entries {
		bw.WriteString(strings.Join(e.Names, " | "))
		bw.WriteByte('\n')
		if e.Kind != "" {
			fmt.Fprintf(bw, "\tkind %s\n", e.Kind)
		}
		for _, r := range e.Roles {
			bw.WriteByte('\t')
			bw.WriteString(r.Code)
			if r.Dated() {
				fmt.Fprintf(bw, " %s..%s", fmtDay(r.Start), fmtDay(r.End))
			}
			if r.Title != "" {
				bw.WriteString(" " + r.Title)
			}
			bw.WriteByte('\n')
		}
	}
	byCode := map[string][]string{}
	var codes []string
	for _, a := range d.Agents {
		c := a.Code
		if a.Country != "" {
			c += "@" + a.Country
		}
		if _, ok := byCode[c]; !ok {
			codes = append(codes, c)
		}
		byCode[c] = append(byCode[c], a.Phrase)
	}
	for _, c := range codes {
		fmt.Fprintf(bw, "~%s %s\n", c, strings.Join(byCode[c], " | "))
	}
	return bw.Flush()
}

func fmtDay(d int32) string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}
