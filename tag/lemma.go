package tag

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// script is a lemmatisation edit script: optionally lowercase the form,
// cut Cut bytes from its end and append Add.
type script struct {
	Lower bool
	Cut   int
	Add   string
}

// makeScript returns the script that turns form into lemma.
func makeScript(form, lemma string) script {
	if lemma == strings.ToLower(lemma) {
		lf := strings.ToLower(form)
		p := commonPrefix(lf, lemma)
		return script{Lower: true, Cut: len(lf) - p, Add: lemma[p:]}
	}
	p := commonPrefix(form, lemma)
	return script{Cut: len(form) - p, Add: lemma[p:]}
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	// do not split a UTF-8 sequence
	for n > 0 && n < len(a) && !utf8.RuneStart(a[n]) {
		n--
	}
	return n
}

// apply appends the lemma of form under s to buf; ok is false when the
// script does not fit the form.
func (s script) apply(buf []byte, form string) ([]byte, bool) {
	if s.Lower {
		buf = lowerInto(buf, form)
	} else {
		buf = append(buf, form...)
	}
	if s.Cut > len(buf) {
		return buf, false
	}
	buf = buf[:len(buf)-s.Cut]
	if len(buf) > 0 && buf[len(buf)-1] >= utf8.RuneSelf && !utf8.Valid(buf) {
		return buf, false // the cut fell inside a UTF-8 sequence
	}
	buf = append(buf, s.Add...)
	return buf, len(buf) > 0
}

// lemmatizer predicts lemmas from the form and the predicted tag class.
type lemmatizer struct {
	scripts []script
	exact   map[string]uint32 // form + "\x00" + class byte → script
	suffix  map[string]uint32 // class byte + lowercase suffix → script
	def     []uint32          // per class
	intern  map[string]string // lemmas seen in training
}

const maxSuffix = 8

func exactKey(buf []byte, form string, cls int) []byte {
	buf = append(buf, form...)
	return append(buf, 0, byte(cls))
}

// predictSuffix returns the script given by the suffix rules.
func (l *lemmatizer) predictSuffix(buf []byte, lower []byte, cls int) uint32 {
	k := len(lower)
	if k > maxSuffix {
		k = maxSuffix
	}
	for ; k >= 1; k-- {
		buf = append(buf[:0], byte(cls))
		buf = append(buf, lower[len(lower)-k:]...)
		if s, ok := l.suffix[string(buf)]; ok {
			return s
		}
	}
	return l.def[cls]
}

// scriptFor returns the script for form with class cls.
func (l *lemmatizer) scriptFor(ws *workspace, form string, cls int) uint32 {
	ws.key = exactKey(ws.key[:0], form, cls)
	if s, ok := l.exact[string(ws.key)]; ok {
		return s
	}
	ws.lower = lowerInto(ws.lower[:0], form)
	if string(ws.lower) != form {
		ws.key = exactKey(ws.key[:0], string(ws.lower), cls)
		if s, ok := l.exact[string(ws.key)]; ok {
			return s
		}
	}
	return l.predictSuffix(ws.key[:0], ws.lower, cls)
}

// irregular returns the lemma the irregular-verb (or, for a noun, plural)
// table gives form with class cls, when training gave neither the form nor
// its lowercase a lemma of its own; else "". It does not allocate.
func (l *lemmatizer) irregular(ws *workspace, form string, cls int, noun bool) string {
	table := irregularVerbs
	if noun {
		table = irregularNouns
	}
	ws.lower = lowerInto(ws.lower[:0], form)
	lemma, ok := table[string(ws.lower)]
	if !ok {
		return ""
	}
	ws.key = exactKey(ws.key[:0], form, cls)
	if _, seen := l.exact[string(ws.key)]; seen {
		return ""
	}
	ws.key = exactKey(ws.key[:0], string(ws.lower), cls)
	if _, seen := l.exact[string(ws.key)]; seen {
		return ""
	}
	return lemma
}

// lemma returns the lemma of form with class cls; it allocates only for
// lemmas never seen in training.
func (l *lemmatizer) lemma(ws *workspace, form string, cls int) string {
	s := l.scripts[l.scriptFor(ws, form, cls)]
	if !s.Lower && s.Cut == 0 && s.Add == "" {
		return form
	}
	var ok bool
	ws.key, ok = s.apply(ws.key[:0], form)
	if !ok {
		return form
	}
	if !s.Lower && s.Add == "" {
		return form[:len(ws.key)]
	}
	if v, ok := l.intern[string(ws.key)]; ok {
		return v
	}
	if string(ws.key) == form {
		return form
	}
	return string(ws.key)
}

// lemmaTrainer collects lemma statistics.
type lemmaTrainer struct {
	scriptIdx map[script]uint32
	scripts   []script
	exact     map[string]map[uint32]int // token counts per exact key
	lemmas    map[string]bool
}

func newLemmaTrainer() *lemmaTrainer {
	return &lemmaTrainer{scriptIdx: map[script]uint32{}, exact: map[string]map[uint32]int{}, lemmas: map[string]bool{}}
}

func (lt *lemmaTrainer) add(form, lemma string, cls int) {
	if lemma == "" || lemma == "_" {
		return
	}
	s := makeScript(form, lemma)
	id, ok := lt.scriptIdx[s]
	if !ok {
		id = uint32(len(lt.scripts))
		lt.scriptIdx[s] = id
		lt.scripts = append(lt.scripts, s)
	}
	k := string(exactKey(nil, form, cls))
	m := lt.exact[k]
	if m == nil {
		m = map[uint32]int{}
		lt.exact[k] = m
	}
	m[id]++
	lt.lemmas[lemma] = true
}

func best(m map[uint32]int) uint32 {
	var b uint32
	bc := -1
	for s, c := range m {
		if c > bc || (c == bc && s < b) {
			b, bc = s, c
		}
	}
	return b
}

// build makes the lemmatizer for nClasses classes.
func (lt *lemmaTrainer) build(nClasses int) *lemmatizer {
	l := &lemmatizer{scripts: lt.scripts, exact: map[string]uint32{}, suffix: map[string]uint32{},
		def: make([]uint32, nClasses), intern: map[string]string{}}
	if len(l.scripts) == 0 {
		l.scripts = []script{{}}
	}
	for s := range lt.lemmas {
		l.intern[s] = s
	}
	keys := make([]string, 0, len(lt.exact))
	for k := range lt.exact {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// class defaults and suffix statistics over types
	defCount := make([]map[uint32]int, nClasses)
	sufCount := map[string]map[uint32]int{}
	for _, k := range keys {
		form, cls := k[:len(k)-2], int(k[len(k)-1])
		b := best(lt.exact[k])
		if defCount[cls] == nil {
			defCount[cls] = map[uint32]int{}
		}
		defCount[cls][b]++
		lower := strings.ToLower(form)
		for n := 1; n <= maxSuffix && n <= len(lower); n++ {
			sk := string(byte(cls)) + lower[len(lower)-n:]
			m := sufCount[sk]
			if m == nil {
				m = map[uint32]int{}
				sufCount[sk] = m
			}
			m[b]++
		}
	}
	for c := range l.def {
		if defCount[c] != nil {
			l.def[c] = best(defCount[c])
		} else {
			l.def[c] = lt.scriptIdx[script{}]
		}
	}
	sufKeys := make([]string, 0, len(sufCount))
	for k := range sufCount {
		sufKeys = append(sufKeys, k)
	}
	sort.Slice(sufKeys, func(i, j int) bool {
		if len(sufKeys[i]) != len(sufKeys[j]) {
			return len(sufKeys[i]) < len(sufKeys[j])
		}
		return sufKeys[i] < sufKeys[j]
	})
	for _, sk := range sufKeys {
		b := best(sufCount[sk])
		cls := int(sk[0])
		if l.predictSuffix(nil, []byte(sk[1:]), cls) != b {
			l.suffix[sk] = b
		}
	}
	// exact entries where the rules are wrong: lowercase keys first
	sort.SliceStable(keys, func(i, j int) bool {
		li := keys[i] == strings.ToLower(keys[i])
		lj := keys[j] == strings.ToLower(keys[j])
		return li && !lj
	})
	ws := &workspace{}
	for _, k := range keys {
		form, cls := k[:len(k)-2], int(k[len(k)-1])
		b := best(lt.exact[k])
		if l.scriptFor(ws, form, cls) != b {
			l.exact[k] = b
		}
	}
	return l
}
