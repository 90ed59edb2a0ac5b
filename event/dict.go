package event

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/chronicle-news/chronicle/cameo"
)

// Trigger kinds of a dictionary rule.
const (
	KindVerb  = 'v' // a verb whose lemma is the rule's lemma
	KindNoun  = 'n' // a noun (nominal trigger: "talks", "sanctions", "visit")
	KindLight = 'l' // a light verb whose object is a nominal trigger ("held talks")
)

// Cond is one condition of a rule: the trigger has a dependent of relation
// Rel whose phrase contains every word group of Words (a group matches when
// any of its alternatives is among the phrase's lemmas; "*" matches anything).
type Cond struct {
	// Rel is "obj" (direct object), "subj" (subject), "xcomp" (an open
	// clausal complement, matched on the verb's lemma), or a preposition or
	// particle ("with", "of", "off"): a dependent introduced by it.
	Rel   string
	Words [][]string
}

// Rule is one dictionary entry: a trigger lemma, conditions, and the CAMEO
// code it yields.
type Rule struct {
	Kind  byte   // KindVerb, KindNoun or KindLight
	Lemma string // lowercase lemma
	Conds []Cond
	// Code is the CAMEO code; "" blocks the trigger (not an event).
	Code string
	// Target names the preposition whose object is the target ("with");
	// "" uses the default search (object, then partner prepositions).
	Target string
	// Recip marks reciprocal events (meet, talks): every participant acts
	// on the others.
	Recip bool
	// Act, when set (cameo.ActIntent, …), makes the rule a verbal act about
	// a complement event: the code becomes cameo.Act(Act, complement code),
	// or Code when the complement has none.
	Act string
	// PLOVER overrides the PLOVER type the code table gives, for triggers
	// whose CAMEO code is only the nearest fit ("resign" is 0831 but a
	// PLOVER RETREAT).
	PLOVER string
	// Pair is the code of the reverse event a PETRARCH paired code
	// ("[042:043]": a visit and the hosting of it) adds, target acting on
	// source; used in Literal mode.
	Pair string
	// Swap reverses the roles: the subject is the target and the source is
	// found where the target would be (PETRARCH's "+ * MONEY $": "X
	// received money from Y" is Y → X). Flag "swap".
	Swap bool
	// Up makes the subject the target and the subject of the governing
	// clause the source (PETRARCH's "NOTED + *": "X noted that Y
	// regretted" is X → Y). Flag "up".
	Up bool
	// Skip is the number of coded actors after the verb that PETRARCH's
	// "^" skips before the target ("IFTAR IN ^ +": "celebrated Iftar in X
	// with the leaders of Y" is aimed at Y); Literal mode only. Flag
	// "skip=N".
	Skip int
	// Src says where the rule comes from ("verbs.txt:120").
	Src string
}

// specificity orders rules: more conditions first, then more words.
func (r *Rule) specificity() int {
	n := 0
	for _, c := range r.Conds {
		n += 16
		for _, g := range c.Words {
			if !(len(g) == 1 && g[0] == "*") {
				// a group of word rows ("most_certainly_did_not") counts
				// its shortest row's words: longer patterns win, as in
				// PETRARCH
				n += rowWords(g)
			}
		}
	}
	return n
}

// rowWords returns the number of words of the shortest alternative of g
// (words of a row are joined by "_"), at least 1.
func rowWords(g []string) int {
	m := 0
	for _, w := range g {
		k := strings.Count(w, "_") + 1
		if m == 0 || k < m {
			m = k
		}
	}
	return max(m, 1)
}

// Dict is a set of rules indexed by trigger. It is immutable once built and
// safe for concurrent use.
type Dict struct {
	rules []Rule
	verb  map[string][]int32 // lemma → rule indexes, most specific first
	noun  map[string][]int32
	light map[string][]int32
	// forms maps inflected verb forms that a PETRARCH dictionary lists
	// ("BREAK { BROKE BROKEN }") to their verb, for words the lemmatizer
	// reads differently ("broken" → "broke").
	forms map[string]string
}

// Len returns the number of rules.
func (d *Dict) Len() int { return len(d.rules) }

// Rules returns a copy of the rules in priority order.
func (d *Dict) Rules() []Rule { return append([]Rule(nil), d.rules...) }

// NewDict builds a dictionary from rules; earlier rules win over later ones
// of the same specificity (so a user's dictionary placed first overrides the
// defaults).
func NewDict(rules []Rule) *Dict {
	d := &Dict{rules: rules, verb: map[string][]int32{}, noun: map[string][]int32{}, light: map[string][]int32{}}
	for i, r := range rules {
		m := d.index(r.Kind)
		if m == nil {
			continue
		}
		m[r.Lemma] = append(m[r.Lemma], int32(i))
	}
	for _, m := range []map[string][]int32{d.verb, d.noun, d.light} {
		for _, idx := range m {
			sort.SliceStable(idx, func(a, b int) bool {
				return d.rules[idx[a]].specificity() > d.rules[idx[b]].specificity()
			})
		}
	}
	return d
}

func (d *Dict) index(kind byte) map[string][]int32 {
	switch kind {
	case KindVerb:
		return d.verb
	case KindNoun:
		return d.noun
	case KindLight:
		return d.light
	}
	return nil
}

// candidates returns the rule indexes for a trigger, most specific first.
func (d *Dict) candidates(kind byte, lemma string) []int32 {
	if m := d.index(kind); m != nil {
		return m[lemma]
	}
	return nil
}

// Merge returns a dictionary with the rules of ds in order (the first
// dictionary's rules take priority).
func Merge(ds ...*Dict) *Dict {
	var rules []Rule
	forms := map[string]string{}
	for _, d := range ds {
		if d != nil {
			rules = append(rules, d.rules...)
			for f, l := range d.forms {
				if _, ok := forms[f]; !ok {
					forms[f] = l
				}
			}
		}
	}
	m := NewDict(rules)
	if len(forms) > 0 {
		m.forms = forms
	}
	return m
}

// verbForm returns the verb a listed inflected form belongs to, or "".
func (d *Dict) verbForm(w string) string { return d.forms[w] }

// LoadDictFile reads a dictionary file in Chronicle format or PETRARCH
// CAMEO verb format (detected from the content: PETRARCH files have
// "--- VERB [code] ---" block headers).
func LoadDictFile(path string) (*Dict, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("event: read dictionary: %w", err)
	}
	name := path
	if IsPETRARCH(b) {
		d, err := ParsePETRARCH(bytes.NewReader(b), name)
		if err != nil {
			return nil, err
		}
		return d, nil
	}
	return ParseDict(bytes.NewReader(b), name)
}

// IsPETRARCH reports whether b looks like a PETRARCH/TABARI verb dictionary.
func IsPETRARCH(b []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 0; sc.Scan() && n < 5000; n++ {
		l := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(l, "---") && strings.HasSuffix(l, "---") && len(l) > 6 {
			return true
		}
	}
	return false
}

// ParseDict reads a dictionary in Chronicle's format (see data/verbs.txt for
// the documentation of the format). name is used in error messages and in
// Rule.Src.
func ParseDict(r io.Reader, name string) (*Dict, error) {
	sets := map[string][]string{}
	var rules []Rule
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if line[0] == '@' {
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				errs = append(errs, fmt.Errorf("%s:%d: set definition needs '='", name, n))
				continue
			}
			k = strings.TrimSpace(k)
			var ws []string
			for _, w := range strings.Fields(v) {
				if w[0] == '@' {
					ws = append(ws, sets[w]...)
				} else {
					ws = append(ws, strings.ToLower(w))
				}
			}
			sets[k] = ws
			continue
		}
		rule, err := parseRuleLine(line, sets)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		}
		rule.Src = fmt.Sprintf("%s:%d", baseName(name), n)
		rules = append(rules, rule)
		if len(errs) > 20 {
			break
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("event: dictionary: %w", err)
	}
	return NewDict(rules), nil
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// parseRuleLine parses "KIND LEMMA [COND…] => CODE [FLAG…]".
func parseRuleLine(line string, sets map[string][]string) (Rule, error) {
	lhs, rhs, ok := strings.Cut(line, "=>")
	if !ok {
		return Rule{}, errors.New("rule needs '=>'")
	}
	f := strings.Fields(lhs)
	if len(f) < 2 {
		return Rule{}, errors.New("rule needs a kind and a lemma")
	}
	var r Rule
	switch f[0] {
	case "v":
		r.Kind = KindVerb
	case "n":
		r.Kind = KindNoun
	case "l":
		r.Kind = KindLight
	default:
		return Rule{}, fmt.Errorf("unknown kind %q (want v, n or l)", f[0])
	}
	lemma := strings.ToLower(f[1])
	if i := strings.IndexByte(lemma, '_'); i > 0 {
		// particle verb: "call_off" = call + particle/preposition "off"
		r.Conds = append(r.Conds, Cond{Rel: lemma[i+1:], Words: [][]string{{"*"}}})
		lemma = lemma[:i]
	}
	r.Lemma = lemma
	for _, c := range f[2:] {
		rel, ws, ok := strings.Cut(c, ":")
		if !ok || rel == "" || ws == "" {
			return Rule{}, fmt.Errorf("bad condition %q (want REL:WORD)", c)
		}
		cond := Cond{Rel: strings.ToLower(rel)}
		for _, w := range strings.Split(ws, "+") {
			if w == "" {
				return Rule{}, fmt.Errorf("bad condition %q: empty word", c)
			}
			var alts []string
			for _, a := range strings.Split(strings.ToLower(w), "|") {
				if a == "" {
					return Rule{}, fmt.Errorf("bad condition %q: empty alternative", c)
				}
				if a[0] == '@' {
					set, ok := sets[a]
					if !ok {
						return Rule{}, fmt.Errorf("unknown set %s", a)
					}
					alts = append(alts, set...)
					continue
				}
				alts = append(alts, a)
			}
			cond.Words = append(cond.Words, alts)
		}
		r.Conds = append(r.Conds, cond)
	}
	g := strings.Fields(rhs)
	if len(g) == 0 {
		return Rule{}, errors.New("rule needs a code after '=>'")
	}
	if g[0] != "-" {
		if !validCodeSyntax(g[0]) {
			return Rule{}, fmt.Errorf("bad CAMEO code %q", g[0])
		}
		r.Code = g[0]
	}
	for _, fl := range g[1:] {
		k, v, _ := strings.Cut(fl, "=")
		switch k {
		case "recip":
			r.Recip = true
		case "swap":
			r.Swap = true
		case "up":
			r.Up = true
		case "skip":
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 9 {
				return Rule{}, fmt.Errorf("skip= needs a number 1-9, got %q", v)
			}
			r.Skip = n
		case "plover":
			if v == "" || strings.ToUpper(v) != v {
				return Rule{}, fmt.Errorf("plover= needs an upper-case PLOVER type, got %q", v)
			}
			r.PLOVER = v
		case "target":
			if v == "" {
				return Rule{}, errors.New("target= needs a preposition")
			}
			r.Target = strings.ToLower(v)
		case "act":
			switch v {
			case cameo.ActIntent, cameo.ActAppeal, cameo.ActDemand, cameo.ActReject, cameo.ActThreaten:
				r.Act = v
			default:
				return Rule{}, fmt.Errorf("unknown act %q", v)
			}
		default:
			return Rule{}, fmt.Errorf("unknown flag %q", fl)
		}
	}
	return r, nil
}

// validCodeSyntax accepts 2–4 digit codes, optionally followed by one
// more digit or an upper-case letter, as the output schema does
// ("^[0-9]{2,4}[0-9A-Z]?$"): PETRARCH dictionaries use letter-suffixed
// codes such as 174K for their own distinctions. Codes outside the CAMEO
// table are allowed (users may bring their own) and are coded without a
// PLOVER type.
func validCodeSyntax(c string) bool {
	if len(c) < 2 || len(c) > 5 {
		return false
	}
	digits := 0
	for digits < len(c) && digits < 4 && c[digits] >= '0' && c[digits] <= '9' {
		digits++
	}
	if digits < 2 {
		return false
	}
	switch rest := c[digits:]; {
	case rest == "":
		return true
	case len(rest) == 1:
		return rest[0] >= '0' && rest[0] <= '9' || rest[0] >= 'A' && rest[0] <= 'Z'
	}
	return false
}

// WithFallback returns a dictionary with every rule of primary, plus the
// rules of base for trigger lemmas that primary does not cover at all.
func WithFallback(primary, base *Dict) *Dict {
	rules := append([]Rule(nil), primary.rules...)
	for _, r := range base.rules {
		if len(primary.candidates(r.Kind, r.Lemma)) == 0 {
			rules = append(rules, r)
		}
	}
	return NewDict(rules)
}

// Format writes r in Chronicle's dictionary format (one line, without set
// definitions: word groups are written as alternatives).
func (r *Rule) Format() string {
	var b strings.Builder
	b.WriteByte(r.Kind)
	b.WriteByte(' ')
	b.WriteString(r.Lemma)
	for _, c := range r.Conds {
		b.WriteByte(' ')
		b.WriteString(c.Rel)
		b.WriteByte(':')
		for i, g := range c.Words {
			if i > 0 {
				b.WriteByte('+')
			}
			b.WriteString(strings.Join(g, "|"))
		}
	}
	b.WriteString(" => ")
	if r.Code == "" {
		b.WriteByte('-')
	} else {
		b.WriteString(r.Code)
	}
	if r.Recip {
		b.WriteString(" recip")
	}
	if r.Swap {
		b.WriteString(" swap")
	}
	if r.Up {
		b.WriteString(" up")
	}
	if r.Skip > 0 {
		b.WriteString(" skip=" + strconv.Itoa(r.Skip))
	}
	if r.Target != "" {
		b.WriteString(" target=" + r.Target)
	}
	if r.Act != "" {
		b.WriteString(" act=" + r.Act)
	}
	if r.PLOVER != "" {
		b.WriteString(" plover=" + r.PLOVER)
	}
	return b.String()
}

// WriteDict writes every rule of d in Chronicle's format, one a line, with
// its origin as a comment; ParseDict reads the output back.
func WriteDict(w io.Writer, d *Dict) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %d rules; format: see event/data/verbs.txt\n", len(d.rules))
	for i := range d.rules {
		r := &d.rules[i]
		if !formattable(r) {
			fmt.Fprintf(bw, "# skipped (not expressible): %s\n", r.Src)
			continue
		}
		fmt.Fprintf(bw, "%s  # %s\n", r.Format(), r.Src)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("event: write dictionary: %w", err)
	}
	return nil
}

// formattable reports whether a rule survives the text format: words must
// not contain the format's separators.
func formattable(r *Rule) bool {
	if r.Lemma == "" || strings.ContainsAny(r.Lemma, " \t#_:@") {
		return false
	}
	for _, c := range r.Conds {
		if c.Rel == "" || strings.ContainsAny(c.Rel, " \t#:+|=@") || len(c.Words) == 0 {
			return false
		}
		for _, g := range c.Words {
			if len(g) == 0 {
				return false
			}
			for _, w := range g {
				if w == "" || strings.ContainsAny(w, " \t#:+|=@") || strings.Contains(w, "=>") {
					return false
				}
			}
		}
	}
	return true
}
