package event

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ParsePETRARCH reads a PETRARCH/TABARI CAMEO verb dictionary (such as
// CAMEO.2.0.txt) and converts it into rules:
//
//   - a verb line "WORD [code]" (or the block header's code) gives a verb rule
//     without conditions; "+ASK_FOR [020]" gives the verb "ask" with the
//     particle/preposition condition "for";
//   - a pattern "- PRE * POST [code]" applies to every verb of its block:
//     words before "*" become a "pre" condition (they precede the verb),
//     bare words after it a "post" condition (they follow the verb inside its
//     phrase), "(PREP W…)" a prepositional condition, "{A B}" a multi-word
//     group, "&SET" a synonym set, and a "+" inside "(PREP …)" names the
//     target's preposition;
//   - "[---]" blocks, "[042:043]" takes the source→target code 042, "[:173]"
//     the code 173; codes that are not 2–4 digits are skipped.
//
// The conversion keeps the dictionary's lexical knowledge; PETRARCH's
// positional matching over constituency trees is replaced by the
// dependency-based conditions of Chronicle's matcher.
func ParsePETRARCH(r io.Reader, name string) (*Dict, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	sets := map[string][]string{}
	forms := map[string]string{} // listed inflected form → verb
	var (
		rules     []Rule
		curSet    string
		blockCode string
		blockPair string
		blockVerb []string // lemmas of the current block (with particle conds)
		blockPart [][]Cond
		inBlock   bool
		inComment bool
		n         int
		bad       int
	)
	for sc.Scan() {
		n++
		line := sc.Text()
		if inComment {
			if i := strings.Index(line, "-->"); i >= 0 {
				inComment = false
				line = line[i+3:]
			} else {
				continue
			}
		}
		if i := strings.Index(line, "<!--"); i >= 0 {
			rest := line[i+4:]
			if j := strings.Index(rest, "-->"); j >= 0 {
				line = line[:i] + rest[j+3:]
			} else {
				line = line[:i]
				inComment = true
			}
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			curSet = ""
			continue
		}
		src := fmt.Sprintf("%s:%d", baseName(name), n)
		switch {
		case strings.HasPrefix(line, "---"):
			// --- NAME [code] ---
			inBlock = true
			curSet = ""
			blockVerb, blockPart = nil, nil
			blockCode, blockPair = "", ""
			if c, ok := bracketCode(line); ok {
				blockCode, blockPair = c, pairCode(line)
			}
		case line[0] == '&':
			curSet = strings.Fields(line)[0]
			inBlock = false
			if _, ok := sets[curSet]; !ok {
				sets[curSet] = nil
			}
		case line[0] == '+' && curSet != "" && !inBlock:
			w := strings.TrimSpace(line[1:])
			if strings.HasPrefix(w, "&") {
				if f := strings.Fields(w); len(f) > 0 {
					sets[curSet] = append(sets[curSet], sets[f[0]]...)
				}
			} else {
				if m := strings.Join(strings.Fields(strings.ReplaceAll(w, "_", " ")), " "); m != "" {
					sets[curSet] = append(sets[curSet], strings.ToLower(m))
				}
			}
		case line[0] == '-' && inBlock:
			code, ok := bracketCode(line)
			if !ok {
				bad++
				continue
			}
			pat := line[1:]
			if i := strings.IndexByte(pat, '['); i >= 0 {
				pat = pat[:i]
			}
			conds, target, swap, err := petrPatternSwap(pat, sets)
			if err != nil {
				bad++
				continue
			}
			skip := 0
			if star := strings.IndexByte(pat, '*'); star >= 0 && target == "" && !swap {
				skip = skipBeforeTarget(pat[star+1:])
			} else if star >= 0 && target == "" && swap {
				// "+ HOSTING * TABASKI ^ $": the source after a skipped phrase
				skip = skipBeforeTarget(strings.ReplaceAll(pat[star+1:], "$", "+"))
			}
			for i, v := range blockVerb {
				cs := append(append([]Cond(nil), blockPart[i]...), conds...)
				rules = append(rules, Rule{Kind: KindVerb, Lemma: v, Conds: cs, Code: code, Pair: pairCode(line), Target: target, Swap: swap, Up: !swap && petrPatternUp(pat), Skip: skip, Src: src})
			}
		case inBlock:
			// verb line: WORD [code] {forms} or +MULTI_WORD {forms} [code]
			w := strings.Fields(line)[0]
			if i := strings.IndexAny(w, "{["); i >= 0 {
				w = w[:i]
			}
			lemma, conds := petrVerb(w)
			if lemma == "" {
				continue
			}
			code, pair := blockCode, blockPair
			if c, ok := bracketCode(line); ok {
				code, pair = c, pairCode(line)
			}
			blockVerb = append(blockVerb, lemma)
			blockPart = append(blockPart, conds)
			rules = append(rules, Rule{Kind: KindVerb, Lemma: lemma, Conds: conds, Code: code, Pair: pair, Src: src})
			// listed forms: "BREAK { BROKE BROKEN }", "+BREAK_DOWN {+BROKE_DOWN}"
			if i := strings.IndexByte(line, '{'); i >= 0 {
				if j := strings.IndexByte(line[i:], '}'); j > 0 {
					for _, f := range strings.Fields(line[i+1 : i+j]) {
						if fl, _ := petrVerb(f); fl != "" && fl != lemma {
							if _, ok := forms[fl]; !ok {
								forms[fl] = lemma
							}
						}
					}
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("event: PETRARCH dictionary %s: %w", name, err)
	}
	if len(rules) == 0 {
		return nil, fmt.Errorf("event: PETRARCH dictionary %s: no verbs found (%d lines unreadable)", name, bad)
	}
	d := NewDict(rules)
	if len(forms) > 0 {
		d.forms = forms
	}
	return d, nil
}

// pairCode returns the second code of a paired "[042:043]", or "".
func pairCode(line string) string {
	i := strings.IndexByte(line, '[')
	j := strings.IndexByte(line, ']')
	if i < 0 || j < i {
		return ""
	}
	if a, b, ok := strings.Cut(strings.TrimSpace(line[i+1:j]), ":"); ok && a != "" && validCodeSyntax(b) {
		return b
	}
	return ""
}

// bracketCode returns the code in "[…]": "" for "[---]" (block), the
// source code of a pair, false for a malformed code.
func bracketCode(line string) (string, bool) {
	i := strings.IndexByte(line, '[')
	j := strings.IndexByte(line, ']')
	if i < 0 || j < i {
		return "", false
	}
	c := strings.TrimSpace(line[i+1 : j])
	if strings.HasPrefix(c, "-") {
		return "", true
	}
	if a, b, ok := strings.Cut(c, ":"); ok {
		c = a
		if c == "" {
			c = b
		}
	}
	if !validCodeSyntax(c) {
		return "", false
	}
	return c, true
}

// petrVerb converts "ASK", "+ASK_FOR" or "KLM_NOP_+RST" into a lemma and
// the particle conditions that follow it.
func petrVerb(w string) (string, []Cond) {
	parts := strings.Split(strings.ToLower(w), "_")
	vi := 0
	for i, p := range parts {
		if strings.HasPrefix(p, "+") {
			vi = i
			break
		}
	}
	lemma := strings.TrimPrefix(parts[vi], "+")
	if lemma == "" {
		return "", nil
	}
	var conds []Cond
	if vi > 0 {
		var ws [][]string
		for _, p := range parts[:vi] {
			if p != "" {
				ws = append(ws, []string{p})
			}
		}
		if len(ws) > 0 {
			conds = append(conds, Cond{Rel: "pre", Words: ws})
		}
	}
	for _, p := range parts[vi+1:] {
		if p != "" {
			conds = append(conds, Cond{Rel: p, Words: [][]string{{"*"}}})
		}
	}
	return lemma, conds
}

// petrPatternSwap converts the part of a pattern line between "-" and "["
// into conditions and a target preposition, and reports swapped roles: a
// "+" before the verb (the subject is the target) with a "$" after it (the
// source follows the verb); the target preposition is then the source's.
func petrPatternSwap(pat string, sets map[string][]string) ([]Cond, string, bool, error) {
	star := strings.IndexByte(pat, '*')
	if star >= 0 && hasMarker(pat[:star], '+') && hasMarker(pat[star+1:], '$') && !hasMarker(pat[star+1:], '+') {
		conds, target, err := petrPatternRoles(strings.ReplaceAll(pat[:star], "+", "")+"*"+strings.ReplaceAll(pat[star+1:], "$", "+"), sets)
		return conds, target, true, err
	}
	conds, target, err := petrPatternRoles(pat, sets)
	return conds, target, false, err
}

// petrPatternUp reports a "+" target among words before the verb with no
// "$" source anywhere ("NOTED + *"): the verb's subject is the target and
// the source is the subject of the clause the words belong to.
func petrPatternUp(pat string) bool {
	star := strings.IndexByte(pat, '*')
	if star < 0 || hasMarker(pat, '$') || hasMarker(pat[star+1:], '+') {
		return false
	}
	f := strings.Fields(pat[:star])
	return len(f) >= 2 && f[len(f)-1] == "+"
}

// hasMarker reports whether a pattern part has the role marker m as a word
// or a word prefix ("+", "+HOSTING", "$").
func hasMarker(s string, m byte) bool {
	for _, f := range strings.Fields(strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ").Replace(s)) {
		if f[0] == m {
			return true
		}
	}
	return false
}

func petrPatternRoles(pat string, sets map[string][]string) ([]Cond, string, error) {
	star := strings.IndexByte(pat, '*')
	if star < 0 {
		return nil, "", errors.New("pattern without '*'")
	}
	var conds []Cond
	// a word joined to "*" by "_" is adjacent to the verb: "RECENTLY_*"
	preText, postText := pat[:star], pat[star+1:]
	if strings.HasSuffix(preText, "_") {
		f := strings.Fields(preText)
		last := f[len(f)-1]
		preText = strings.TrimSuffix(preText, last)
		if g := petrRow(strings.TrimSuffix(last, "_")+"_", sets); len(g) > 0 {
			conds = append(conds, Cond{Rel: "prev", Words: [][]string{g}})
		}
	}
	if strings.HasPrefix(postText, "_") {
		f := strings.Fields(postText)
		first := f[0]
		postText = strings.TrimPrefix(postText, first)
		if g := petrRow(strings.TrimPrefix(first, "_"), sets); len(g) > 0 {
			conds = append(conds, Cond{Rel: "next", Words: [][]string{g}})
		}
	}
	pat = preText + "*" + postText
	star = len(preText)
	pre := petrWords(pat[:star], sets)
	if len(pre) > 0 {
		conds = append(conds, Cond{Rel: "pre", Words: pre})
	}
	if strings.Contains(pat[:star], "%") {
		// "% * [030:030]": a compound subject
		conds = append(conds, Cond{Rel: "coord", Words: [][]string{{"*"}}})
	}
	post := pat[star+1:]
	target := ""
	var bare [][]string
	for len(post) > 0 {
		i := strings.IndexByte(post, '(')
		if i < 0 {
			bare = append(bare, petrWords(post, sets)...)
			break
		}
		bare = append(bare, petrWords(post[:i], sets)...)
		j := strings.IndexByte(post[i:], ')')
		if j < 0 {
			return nil, "", errors.New("unbalanced '('")
		}
		inner := post[i+1 : i+j]
		post = post[i+j+1:]
		f := strings.Fields(strings.NewReplacer("{", " ", "}", " ").Replace(inner))
		if len(f) == 0 {
			continue
		}
		prep := strings.ToLower(strings.Split(f[0], "_")[0])
		ws := petrWords(strings.Join(f[1:], " "), sets)
		if strings.Contains(inner, "+") {
			target = prep
		}
		if len(ws) == 0 {
			ws = [][]string{{"*"}}
		}
		conds = append(conds, Cond{Rel: prep, Words: ws})
	}
	if target == "" {
		target = bareTarget(pat[star+1:])
	}
	if len(bare) > 0 {
		conds = append(conds, Cond{Rel: "post", Words: bare})
	}
	return conds, target, nil
}

// bareTarget reads a target marked outside parentheses: "EID AT ^ WITH +"
// makes the object of WITH the target (the word right before "+" when it is
// a preposition).
func bareTarget(post string) string {
	depth := 0
	var prev string
	for _, f := range strings.Fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(post)) {
		switch {
		case f == "(":
			depth++
		case f == ")":
			depth--
		case depth > 0:
		case f == "+" || strings.HasPrefix(f, "+"):
			if prepositions[prev] {
				return prev
			}
			return ""
		default:
			prev = strings.ToLower(strings.Trim(f, "$^%_"))
		}
	}
	return ""
}

// skipBeforeTarget counts the "^" (skipped phrases) right before a bare "+"
// target: "IFTAR IN ^ +" skips one, "IFTAR AT ^ ^ +" two. The coder
// approximates a phrase by a named actor.
func skipBeforeTarget(post string) int {
	n := 0
	for _, f := range strings.Fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(post)) {
		switch {
		case f == "^":
			n++
		case f == "+":
			return n
		default:
			n = 0
		}
	}
	return 0
}

// prepositions that can introduce a pattern's target.
var prepositions = map[string]bool{
	"with": true, "to": true, "against": true, "on": true, "for": true, "from": true, "at": true, "in": true,
	"into": true, "over": true, "toward": true, "towards": true, "of": true, "by": true, "about": true,
}

// petrWords splits pattern text into word groups, expanding synsets and
// dropping PETRARCH's markers ($ source, + target, ^ skip, % compound).
func petrWords(s string, sets map[string][]string) [][]string {
	s = strings.NewReplacer("{", " ", "}", " ").Replace(s)
	var out [][]string
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, "$+^%_")
		if w == "" || w == "*" {
			continue
		}
		if strings.Contains(w, "_") {
			// "NEW_&TIETYPES_RELATIONS": words joined by "_" are adjacent
			// in the text; synsets inside expand to every sequence
			if g := petrRow(w, sets); len(g) > 0 {
				out = append(out, g)
			}
			continue
		}
		if w[0] == '&' {
			alts := sets[w]
			if len(alts) == 0 {
				continue
			}
			// a multi-word member matches its words in a row
			g := make([]string, 0, len(alts))
			for _, a := range alts {
				f := strings.Fields(strings.ToLower(a))
				if len(f) > 0 {
					g = append(g, strings.Join(f, "_"))
				}
			}
			out = append(out, g)
			continue
		}
		out = append(out, []string{strings.ToLower(w)})
	}
	return out
}

// petrRow expands an underscore-joined pattern word into the word rows it
// matches ("a_b" in our format), synsets included; at most 64 rows.
func petrRow(w string, sets map[string][]string) []string {
	rows := []string{""}
	for _, p := range strings.Split(w, "_") {
		p = strings.Trim(p, "$+^%")
		if p == "" {
			continue
		}
		var alts []string
		if p[0] == '&' {
			for _, a := range sets[p] {
				if f := strings.Fields(strings.ToLower(a)); len(f) > 0 {
					alts = append(alts, strings.Join(f, "_"))
				}
			}
			if len(alts) == 0 {
				continue
			}
		} else {
			alts = []string{strings.ToLower(p)}
		}
		if len(rows)*len(alts) > 64 {
			return nil
		}
		next := make([]string, 0, len(rows)*len(alts))
		for _, r := range rows {
			for _, a := range alts {
				if r == "" {
					next = append(next, a)
				} else {
					next = append(next, r+"_"+a)
				}
			}
		}
		rows = next
	}
	if len(rows) == 1 && rows[0] == "" {
		return nil
	}
	return rows
}
