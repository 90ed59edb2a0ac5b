package event

import (
	"strings"

	"github.com/chronicle-news/chronicle/doc"
)

// Rule matching against the dependency tree of a trigger.

// objDeps are the relations whose phrases the "obj" condition searches.
func isObjDep(full, base string) bool {
	switch base {
	case "obj", "iobj", "xcomp", "ccomp":
		return true
	}
	switch full {
	case "nsubj:pass", "compound:prt", "obl:npmod":
		return true
	}
	return false
}

// match returns the index of the best rule for trigger i among cands (the
// first, most specific, rule whose conditions all hold), or -1.
func (c *Coder) match(v *view, i int, cands []int32, dict *Dict) int {
	for _, ri := range cands {
		r := &dict.rules[ri]
		ok := true
		for k := range r.Conds {
			if !v.cond(i, &r.Conds[k]) {
				ok = false
				break
			}
		}
		if ok {
			return int(ri)
		}
	}
	return -1
}

// cond reports whether condition cd holds for trigger i.
func (v *view) cond(i int, cd *Cond) bool {
	s := v.d.Sentences[v.d.Tokens[i].Sent]
	switch cd.Rel {
	case "pre":
		return v.wordsIn(cd.Words, func(j int) bool { return j < i }, s.FirstToken, i)
	case "post":
		return v.wordsIn(cd.Words, func(j int) bool { return j > i && v.under(j, i) && !v.inSubj(j, i) }, i+1, s.EndToken)
	case "xcomp":
		for c := v.first[i]; c >= 0; c = v.next[c] {
			if b := v.dep(int(c)); b == "xcomp" {
				if anyWord(cd.Words[0], v.lemma[c], v.lower[c]) {
					return true
				}
			}
		}
		return false
	case "obj":
		for c := v.first[i]; c >= 0; c = v.next[c] {
			if isObjDep(v.d.Tokens[c].Dep, v.dep(int(c))) && v.wordsUnder(cd.Words, int(c), s.FirstToken, s.EndToken) {
				return true
			}
		}
		return false
	case "mod":
		for c := v.first[i]; c >= 0; c = v.next[c] {
			switch v.d.Tokens[c].Dep {
			case "compound", "amod", "nmod:poss", "nmod", "nummod":
				if v.wordsUnder(cd.Words, int(c), s.FirstToken, s.EndToken) {
					return true
				}
			}
		}
		return false
	case "coord":
		// PETRARCH's "%": the subject is a coordination of several parties
		n := 0
		for c := v.first[i]; c >= 0; c = v.next[c] {
			switch v.dep(int(c)) {
			case "nsubj", "csubj":
				n++
				for d := v.first[c]; d >= 0; d = v.next[d] {
					if v.dep(int(d)) == "conj" {
						n++
					}
				}
			}
		}
		return n >= 2
	case "prev":
		// words right before the trigger ("RECENTLY_*", "FAILED_TO_*")
		for _, g := range cd.Words {
			for _, w := range g {
				n := strings.Count(w, "_") + 1
				if j := i - n; j >= s.FirstToken && v.anyWordAt([]string{w}, j, i) {
					return true
				}
			}
		}
		return false
	case "next":
		// words right after the trigger ("*_OFF")
		for _, g := range cd.Words {
			if i+1 < s.EndToken && v.anyWordAt(g, i+1, s.EndToken) {
				return true
			}
		}
		return false
	case "subj":
		has := false
		for c := v.first[i]; c >= 0; c = v.next[c] {
			switch v.dep(int(c)) {
			case "nsubj", "csubj":
				has = true
				if v.wordsUnder(cd.Words, int(c), s.FirstToken, s.EndToken) {
					return true
				}
			}
		}
		if h := v.head(i); !has && h >= 0 && v.dep(i) == "acl" {
			// a participle's subject is the noun it modifies: "troops marching"
			return v.wordsIn(cd.Words, func(j int) bool {
				return j == h || (v.head(j) == h && (v.dep(j) == "compound" || v.dep(j) == "amod"))
			}, s.FirstToken, s.EndToken)
		}
		return false
	}
	// a preposition or particle
	return v.prepCond(i, cd, 0, s.FirstToken, s.EndToken)
}

func (v *view) prepCond(i int, cd *Cond, depth int, lo, hi int) bool {
	for c := v.first[i]; c >= 0; c = v.next[c] {
		ci := int(c)
		full := v.d.Tokens[ci].Dep
		switch v.dep(ci) {
		case "compound", "advmod":
			if (full == "compound:prt" || v.dep(ci) == "advmod") && v.lemma[ci] == cd.Rel {
				if isStar(cd.Words) {
					return true
				}
			}
		case "obl", "nmod", "advcl", "acl", "xcomp":
			if cd.Rel == "to" && v.d.Tokens[ci].UPOS == doc.VERB {
				continue // an infinitive's "to" is no preposition
			}
			if v.caseOf(ci) == cd.Rel && v.wordsUnder(cd.Words, ci, lo, hi) {
				return true
			}
		case "obj":
			// "(TO LIST) (OF …)" nested under the object
			if depth == 0 && v.prepCond(ci, cd, depth+1, lo, hi) {
				return true
			}
		}
		if depth == 0 && (full == "case" || full == "mark") && v.lemma[ci] == cd.Rel && isStar(cd.Words) {
			return true // noun trigger introduced by the preposition itself
		}
	}
	return false
}

func isStar(ws [][]string) bool {
	return len(ws) == 1 && len(ws[0]) == 1 && ws[0][0] == "*"
}

func (v *view) inSubj(j, i int) bool {
	for k := 0; k < 64 && j >= 0 && j != i; k++ {
		h := v.head(j)
		if h == i {
			b := v.dep(j)
			return b == "nsubj" || b == "csubj"
		}
		j = h
	}
	return false
}

// wordsUnder reports whether every word group has a match in the subtree of c.
func (v *view) wordsUnder(ws [][]string, c, lo, hi int) bool {
	return v.wordsIn(ws, func(j int) bool { return v.under(j, c) }, lo, hi)
}

// wordsIn reports whether every word group has a match among tokens j in
// [lo, hi) for which in(j) holds.
func (v *view) wordsIn(ws [][]string, in func(int) bool, lo, hi int) bool {
	for _, g := range ws {
		if len(g) == 1 && g[0] == "*" {
			found := false
			for j := lo; j < hi; j++ {
				if in(j) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
			continue
		}
		found := false
		for j := lo; j < hi && !found; j++ {
			if v.anyWordAt(g, j, hi) && in(j) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// anyWordAt reports whether one of the alternatives g matches at token j;
// an alternative "a_b_c" matches the words a b c in a row from j (before hi).
func (v *view) anyWordAt(g []string, j, hi int) bool {
	for _, w := range g {
		if strings.IndexByte(w, '_') < 0 {
			if w == "*" || w == v.lower[j] || !v.exact && w == v.lemma[j] {
				return true
			}
			continue
		}
		k, ok := j, true
		for rest := w; rest != "" && ok; k++ {
			part := rest
			if i := strings.IndexByte(rest, '_'); i >= 0 {
				part, rest = rest[:i], rest[i+1:]
			} else {
				rest = ""
			}
			ok = k < hi && (part == v.lower[k] || !v.exact && part == v.lemma[k])
		}
		if ok {
			return true
		}
	}
	return false
}

func anyWord(g []string, lemma, lower string) bool {
	for _, w := range g {
		if w == "*" || w == lemma || w == lower {
			return true
		}
	}
	return false
}
