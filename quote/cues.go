package quote

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// Cue flags: what kind of content a cue verb can introduce.
const (
	cueDirect uint8 = 1 << iota // can attribute a direct quote ("…," she said)
	cueClause                   // takes a clausal complement ("said that …")
	cueObject                   // takes a noun-phrase content ("denied reports that …", "accused X of …")
)

// cueEntry describes one cue lemma.
type cueEntry struct {
	flags uint8
	// prec is the share of this lemma's clausal attributions that matched a
	// gold attribution in training (1 for hand-listed lemmas never seen).
	prec float64
}

// Lexicon is an immutable table of attribution cue lemmas.
type Lexicon struct {
	cues  map[string]cueEntry
	forms map[string]string // inflected form → lemma, for untagged text
	// minPrec is the precision a lemma needs to cue indirect speech.
	minPrec float64
	// open makes every verb a clausal cue (for learning).
	open bool
}

// cuesTSV is the cue table in use, written by `chronicle train quotes`.
//
//go:embed cues.tsv
var cuesTSV string

// handCuesTSV is the hand-listed cue table that training starts from.
//
//go:embed cues_hand.tsv
var handCuesTSV string

// parseLexicon reads the cue table: one lemma a line, "lemma<TAB>flags<TAB>precision",
// flags a combination of d (direct), c (clause), o (object); '#' starts a comment.
func parseLexicon(src string) (*Lexicon, error) {
	lx := &Lexicon{cues: map[string]cueEntry{}, forms: map[string]string{}, minPrec: 0.3}
	sc := bufio.NewScanner(strings.NewReader(src))
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			if v, ok := strings.CutPrefix(line, "#minprec "); ok {
				p, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil {
					return nil, fmt.Errorf("cue table line %d: %w", ln, err)
				}
				lx.minPrec = p
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("cue table line %d: want lemma<TAB>flags[<TAB>precision]", ln)
		}
		e := cueEntry{prec: 1}
		for _, c := range f[1] {
			switch c {
			case 'd':
				e.flags |= cueDirect
			case 'c':
				e.flags |= cueClause
			case 'o':
				e.flags |= cueObject
			case '-':
			default:
				return nil, fmt.Errorf("cue table line %d: unknown flag %q", ln, c)
			}
		}
		if len(f) > 2 {
			p, err := strconv.ParseFloat(f[2], 64)
			if err != nil {
				return nil, fmt.Errorf("cue table line %d: %w", ln, err)
			}
			e.prec = p
		}
		lx.cues[f[0]] = e
	}
	for lemma := range lx.cues {
		if strings.ContainsRune(lemma, ' ') {
			continue
		}
		for _, form := range inflect(lemma) {
			if _, ok := lx.forms[form]; !ok {
				lx.forms[form] = lemma
			}
		}
	}
	for form, lemma := range irregular {
		if _, ok := lx.cues[lemma]; ok {
			lx.forms[form] = lemma
		}
	}
	return lx, nil
}

// irregular past forms of cue verbs.
var irregular = map[string]string{
	"said": "say", "told": "tell", "wrote": "write", "written": "write", "thought": "think",
	"felt": "feel", "knew": "know", "known": "know", "found": "find", "saw": "see", "seen": "see",
	"spoke": "speak", "spoken": "speak", "swore": "swear", "sworn": "swear", "foresaw": "foresee",
	"taught": "teach", "understood": "understand", "heard": "hear", "meant": "mean",
	"forbade": "forbid", "shown": "show", "made": "make", "held": "hold", "read": "read",
	"says": "say", "saying": "say",
}

// inflect returns the regular inflected forms of a verb lemma.
func inflect(l string) []string {
	forms := []string{l}
	n := len(l)
	if n < 2 {
		return forms
	}
	last := l[n-1]
	switch {
	case last == 'e':
		forms = append(forms, l+"s", l+"d", l[:n-1]+"ing")
	case last == 'y' && !strings.ContainsRune("aeiou", rune(l[n-2])):
		forms = append(forms, l[:n-1]+"ies", l[:n-1]+"ied", l+"ing")
	case strings.HasSuffix(l, "s") || strings.HasSuffix(l, "sh") || strings.HasSuffix(l, "ch") || strings.HasSuffix(l, "x") || strings.HasSuffix(l, "z"):
		forms = append(forms, l+"es", l+"ed", l+"ing")
	default:
		forms = append(forms, l+"s", l+"ed", l+"ing")
		// Consonant doubling for short stressed verbs: admit → admitted.
		if n >= 3 && !strings.ContainsRune("aeiouwxy", rune(last)) && strings.ContainsRune("aeiou", rune(l[n-2])) && !strings.ContainsRune("aeiou", rune(l[n-3])) {
			forms = append(forms, l+string(last)+"ed", l+string(last)+"ing")
		}
	}
	return forms
}

// lookup returns the cue entry for a lemma.
func (lx *Lexicon) lookup(lemma string) (cueEntry, bool) {
	e, ok := lx.cues[lemma]
	if !ok && lx.open && lemma != "" {
		return cueEntry{flags: cueClause, prec: 1}, true
	}
	return e, ok
}

// lemmaOf returns the lemma of a cue form in untagged text, or "".
func (lx *Lexicon) lemmaOf(form string) string {
	if l, ok := lx.forms[form]; ok {
		return l
	}
	if len(form) > 0 && form[0] >= 'A' && form[0] <= 'Z' {
		return lx.forms[strings.ToLower(form)]
	}
	return ""
}

// Act is what a cue does when the speech itself is a political act, coded
// the PLOVER and CAMEO way.
type Act struct {
	Plover string // PLOVER 2.0 event type: ACCUSE, REJECT, THREATEN, REQUEST, AGREE, SUPPORT
	CAMEO  string // CAMEO code of the act ("112")
}

// acts maps cue lemmas that are acts to their coding.
var acts = map[string]Act{
	"accuse": {"ACCUSE", "112"}, "blame": {"ACCUSE", "112"}, "allege": {"ACCUSE", "112"},
	"charge": {"ACCUSE", "112"}, "criticize": {"ACCUSE", "111"}, "criticise": {"ACCUSE", "111"},
	"condemn": {"ACCUSE", "111"}, "denounce": {"ACCUSE", "111"}, "slam": {"ACCUSE", "111"},
	"blast": {"ACCUSE", "111"}, "lambaste": {"ACCUSE", "111"}, "rebuke": {"ACCUSE", "111"},
	"decry": {"ACCUSE", "111"}, "attack": {"ACCUSE", "111"}, "castigate": {"ACCUSE", "111"},
	"reject": {"REJECT", "120"}, "deny": {"REJECT", "120"}, "refuse": {"REJECT", "120"},
	"dismiss": {"REJECT", "120"}, "rebuff": {"REJECT", "120"}, "veto": {"REJECT", "120"},
	"threaten": {"THREATEN", "130"}, "warn": {"THREATEN", "130"},
	"demand": {"REQUEST", "100"}, "urge": {"REQUEST", "020"}, "appeal": {"REQUEST", "020"},
	"call for": {"REQUEST", "020"}, "request": {"REQUEST", "020"}, "plead": {"REQUEST", "020"},
	"implore": {"REQUEST", "020"}, "beg": {"REQUEST", "020"},
	"promise": {"AGREE", "030"}, "pledge": {"AGREE", "030"}, "vow": {"AGREE", "030"},
	"agree": {"AGREE", "030"}, "offer": {"AGREE", "030"},
	"praise": {"SUPPORT", "051"}, "commend": {"SUPPORT", "051"}, "hail": {"SUPPORT", "051"},
	"applaud": {"SUPPORT", "051"}, "laud": {"SUPPORT", "051"}, "welcome": {"SUPPORT", "051"},
	"endorse": {"SUPPORT", "051"}, "defend": {"SUPPORT", "052"}, "apologize": {"SUPPORT", "055"},
	"apologise": {"SUPPORT", "055"},
}

// ActLemma reports whether a cue lemma (Quote.Cue.Lemma) is itself a
// political act — accusing, rejecting or denying, threatening or warning,
// demanding or appealing, promising, praising — and how to code it. The
// event coder should then code an event whose source is the quote's speaker
// (Quote.Speaker.Actor) and whose content is the quote's text; the target is
// usually the cue's object ("accused Trump of …") and must be read from the
// parse. Plain reporting verbs (say, tell, add, note) are not acts.
func ActLemma(cueLemma string) (Act, bool) {
	a, ok := acts[strings.ToLower(strings.TrimSpace(cueLemma))]
	return a, ok
}
