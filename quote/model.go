package quote

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/chronicle-news/chronicle/doc"
)

// Reported speech from the parse is found by scoring candidate
// attributions: a cue token (a verb, noun or adjective) paired with one of
// the parse spans that can be its content — the subtree of a dependent
// (ccomp "said that …", xcomp "wants to …", obj "denied the report", obl
// "talked about …", acl "the claim that …"), the clause it is attached to
// minus itself ("The talks failed, he said"), or the host clause of
// "according to". A linear model (logistic regression, trained by `chronicle
// train quotes` on PolNeAR train) scores each candidate from lemma, tag and
// relation features; the best non-conflicting candidates above its threshold are
// kept. The model holds feature weights only: lemmas, tags, relations and
// length buckets, never text spans.

// Candidate kinds.
const (
	kChild    uint8 = iota // subtree of a dependent of the cue
	kObjComp               // "says the actions are ripe": obj through ccomp
	kCompExt               // ccomp extended over later dependents of the cue
	kHead                  // the clause the cue hangs on, minus the cue's subtree
	kAccord                // host clause of "according to"
	kSent                  // the rest of the sentence, when the attribution opens or closes it
	kFwd                   // the words after the cue to the end of the sentence (parser misses)
	kMid                   // the whole sentence around a parenthetical attribution ("X, he said, Y")
	kNounThat              // a noun's content clause the parser hung elsewhere ("his comment that …")
)

// mcand is a scored candidate attribution.
type mcand struct {
	c, last int // cue tokens [c, last]
	x       int // the dependent whose subtree is the content (kChild…), or the head (kHead)
	kind    uint8
	lo, hi  int  // content tokens [lo, hi]
	cut     bool // a variant cut before a trailing clause (see cutAt)
	score   float32
}

// Model is an immutable linear model over candidate features.
type Model struct {
	// w maps the FNV-1a hash of a feature name (see featHash) to its
	// weight: scoring hashes the name's parts as it goes instead of
	// building the name and hashing a string key.
	w map[uint64]float32
	// th is the score a candidate needs ("#threshold" line of the file).
	th float32
}

// modelGz is the attribution model, gzip-compressed, written by
// `chronicle train quotes`.
//
//go:embed attrib.model.gz
var modelGz []byte

// embeddedModel decompresses and parses the embedded model.
func embeddedModel() (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(modelGz))
	if err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	return parseModel(string(b))
}

// parseModel reads "feature<TAB>weight" lines; '#' starts a comment.
func parseModel(src string) (*Model, error) {
	m := &Model{w: map[uint64]float32{}}
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			if x, ok := strings.CutPrefix(line, "#threshold "); ok {
				th, err := strconv.ParseFloat(strings.TrimSpace(x), 32)
				if err != nil {
					return nil, fmt.Errorf("attribution model line %d: %w", ln, err)
				}
				m.th = float32(th)
			}
			continue
		}
		k := strings.LastIndexByte(line, '\t')
		if k < 0 {
			return nil, fmt.Errorf("attribution model line %d: want feature<TAB>weight", ln)
		}
		w, err := strconv.ParseFloat(line[k+1:], 32)
		if err != nil {
			return nil, fmt.Errorf("attribution model line %d: %w", ln, err)
		}
		m.w[featHash(line[:k])] = float32(w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	return m, nil
}

// ParseModel reads an attribution model in the format of the embedded
// attrib.model.
func ParseModel(src string) (*Model, error) { return parseModel(src) }

// Size returns the number of features with a weight.
func (m *Model) Size() int { return len(m.w) }

// candRels are the relations whose dependents can be content.
func candRel(dep string) bool {
	switch dep {
	case "ccomp", "xcomp", "obj", "advcl", "acl", "parataxis", "dep", "csubj", "iobj", "nsubj", "nsubj:pass", "obl", "nmod", "appos", "conj":
		return true
	}
	return strings.HasPrefix(dep, "obl:") || strings.HasPrefix(dep, "nmod:") || strings.HasPrefix(dep, "advcl:") || strings.HasPrefix(dep, "acl:") || strings.HasPrefix(dep, "ccomp:")
}

// headRel are the relations of a cue that can report the clause it hangs on.
func headRel(dep string) bool {
	switch dep {
	case "parataxis", "conj", "advcl", "ccomp", "acl:relcl", "acl", "xcomp", "dep", "advmod":
		return true
	}
	return false
}

// cueTag reports whether token i can be a cue.
func (v *view) cueTag(i int) bool {
	switch v.toks[i].UPOS {
	case doc.VERB, doc.NOUN, doc.ADJ:
		return true
	}
	return false
}

// isQuoteMark reports whether token i is a quotation mark.
func (v *view) isQuoteMark(i int) bool {
	f := v.form(i)
	return f == "\"" || f == "“" || f == "”" || f == "'" || f == "‘" || f == "’" || f == "``" || f == "''"
}

// trimTok drops punctuation other than quotation marks from both ends of
// token range [lo, hi].
func (v *view) trimTok(lo, hi int) (int, int) {
	for lo <= hi && v.isPunct(lo) && !v.isQuoteMark(lo) {
		lo++
	}
	for hi >= lo && v.isPunct(hi) && !v.isQuoteMark(hi) {
		hi--
	}
	return lo, hi
}

// candidates appends the candidate attributions of sentence s to out.
func (v *view) candidates(s doc.Sentence, out []mcand) []mcand {
	start := len(out)
	for c, end := s.FirstToken, v.creditFrom(s.FirstToken, s.EndToken); c < end; c++ {
		t := &v.toks[c]
		if f := v.form(c); (f == "according" || f == "According") && c+1 < s.EndToken && v.form(c+1) == "to" {
			// "according" is the case marker of the source ("according to
			// X" hangs on the host clause through X), or heads it itself.
			h, cut := int(t.Head), c
			if h < 0 || h == c {
				continue
			}
			if u := v.toks[h].UPOS; t.Dep == "case" || u == doc.NOUN || u == doc.PROPN || u == doc.PRON {
				h, cut = int(v.toks[h].Head), h
			}
			if h < 0 {
				continue
			}
			if lo, hi, ok := v.minusTok(h, c, cut); ok {
				out = append(out, mcand{c: c, last: c + 1, x: h, kind: kAccord, lo: lo, hi: hi})
			}
			if lo, hi, ok := v.sentRest(s, c, int(v.hi[cut])); ok {
				out = append(out, mcand{c: c, last: c + 1, x: h, kind: kSent, lo: lo, hi: hi})
			} else if lo, hi, ok := v.sentMid(s, c, int(v.hi[cut])); ok {
				out = append(out, mcand{c: c, last: c + 1, x: h, kind: kMid, lo: lo, hi: hi})
			}
			continue
		}
		if !v.cueTag(c) {
			continue
		}
		obj := -1
		for j := s.FirstToken; j < s.EndToken; j++ {
			if int(v.toks[j].Head) != c || !candRel(v.toks[j].Dep) {
				continue
			}
			dep := v.toks[j].Dep
			lo, hi := int(v.lo[j]), int(v.hi[j])
			if lo <= c && c <= hi {
				continue
			}
			if dep == "obl" || strings.HasPrefix(dep, "obl:") || dep == "nmod" || strings.HasPrefix(dep, "nmod:") {
				// The preposition belongs to the cue ("talking about").
				if lo == j-1 || (lo < j && v.toks[lo].Dep == "case") {
					for lo < j && v.toks[lo].Dep == "case" && int(v.toks[lo].Head) == j {
						lo++
					}
				}
			}
			lo, hi = v.trimTok(lo, hi)
			if lo > hi {
				continue
			}
			out = append(out, mcand{c: c, last: c, x: j, kind: kChild, lo: lo, hi: hi})
			if dep == "obj" && j > c {
				obj = j
			}
			if (dep == "ccomp" || dep == "xcomp") && lo > c {
				if obj >= 0 && int(v.hi[obj]) < lo && !v.addressee(obj) {
					out = append(out, mcand{c: c, last: c, x: j, kind: kObjComp, lo: int(v.lo[obj]), hi: hi})
				}
				// Later words the parser hung on the cue.
				ext := hi
				for k := hi + 1; k < s.EndToken; k++ {
					if int(v.toks[k].Head) != c {
						continue
					}
					d := v.toks[k].Dep
					if relIs(d, "conj") || relIs(d, "punct") || relIs(d, "parataxis") || relIs(d, "cc") {
						break
					}
					ext = max(ext, int(v.hi[k]))
				}
				if _, e := v.trimTok(lo, ext); e > hi {
					out = append(out, mcand{c: c, last: c, x: j, kind: kCompExt, lo: lo, hi: e})
				}
			}
		}
		if t.UPOS == doc.VERB && c+1 < s.EndToken {
			// What follows the cue up to the sentence end, for complements
			// the parser attached elsewhere.
			j := c + 1
			for j < s.EndToken && (v.toks[j].UPOS == doc.ADV || v.toks[j].UPOS == doc.PART) {
				j++
			}
			// "asked Rubio what …", "told reporters that …": whom the cue
			// addresses is no content.
			if j < s.EndToken && int(v.toks[j].Head) == c && v.addressee(j) {
				e := int(v.hi[j]) + 1
				if e >= s.EndToken || !complementizers[strings.ToLower(v.form(e))] {
					// The parser may hang the question on the name.
					for e = j + 1; e < s.EndToken && int(v.toks[e].Head) == j && relIs(v.toks[e].Dep, "flat"); e++ {
					}
				}
				if e < s.EndToken && complementizers[strings.ToLower(v.form(e))] {
					j = e
				}
			}
			if lo, hi := v.trimTok(j, s.EndToken-1); lo <= hi && hi > lo {
				out = append(out, mcand{c: c, last: c, x: lo, kind: kFwd, lo: lo, hi: hi})
			}
		}
		if t.UPOS == doc.VERB {
			// "…, the senator said on Tuesday.": the cue, its subject and
			// adjuncts close the sentence.
			a := c
			if sj := v.child(c, "nsubj"); sj >= 0 && int(v.lo[sj]) < a {
				a = int(v.lo[sj])
				// The parser may hang the comma before the subject on it
				// ("Lenox was a juggernaut, Mr. Clarke said, until …").
				for a < sj && v.isPunct(a) && !v.isQuoteMark(a) {
					a++
				}
			}
			for a > s.FirstToken && speakerAdverbs[strings.ToLower(v.form(a-1))] {
				a--
			}
			// Title words the parser left outside the subject ("…, Russian
			// Deputy Foreign Minister Sergei Ryabkov announced").
			if k := v.titleStart(a, s.FirstToken); k < a && v.commaBefore(k, s.FirstToken) {
				a = k
			}
			if a > s.FirstToken+2 && v.commaBefore(a, s.FirstToken) {
				if lo, hi, ok := v.sentRest(s, a, max(c, int(v.hi[c]))); ok && hi < a {
					out = append(out, mcand{c: c, last: c, x: c, kind: kSent, lo: lo, hi: hi})
				}
				// "X, he said, Y": the attribution's words up to the next
				// comma are the cue's own.
				b := c
				for b+1 < s.EndToken && v.form(b+1) != "," && !v.isFinal(b+1) && v.under(b+1, c) {
					b++
				}
				if lo, hi, ok := v.sentMid(s, a, b); ok {
					out = append(out, mcand{c: c, last: c, x: c, kind: kMid, lo: lo, hi: hi})
				}
			}
		}
		if t.UPOS == doc.NOUN {
			if h, ok := v.nounClause(c, s); ok {
				if lo, hi := v.trimTok(c+1, int(v.hi[h])); lo < hi {
					out = append(out, mcand{c: c, last: c, x: h, kind: kNounThat, lo: lo, hi: hi})
				}
			}
		}
		if h := int(t.Head); h >= 0 && headRel(t.Dep) {
			if lo, hi, ok := v.minusTok(h, c, c); ok {
				out = append(out, mcand{c: c, last: c, x: h, kind: kHead, lo: lo, hi: hi})
			}
		}
	}
	// A content before its cue that runs past the closing mark of a
	// quotation (“…,” Flynn, a top surrogate, said — parsed with the
	// speaker inside the complement) ends at that mark.
	for i := start; i < len(out); i++ {
		if k := &out[i]; k.hi < k.c {
			k.hi = v.quoteClose(k.lo, k.hi)
		}
	}
	// Variants of right-reaching contents cut before a trailing clause.
	n := len(out)
	for i := start; i < n; i++ {
		k := out[i]
		if k.hi <= k.c || k.kind == kMid {
			continue
		}
		if e := v.cutAt(k.lo, k.hi, k.c); e >= k.lo && e < k.hi {
			k.hi, k.cut = e, true
			out = append(out, k)
		}
	}
	return out
}

// nounClause returns the head of the content clause that follows noun c
// with "that" when the parser attached the clause elsewhere ("Trump faced
// questions about his comment that Zelenskyy was a dictator", the clause
// parsed as a complement of "faced"): the clause opens right after the noun
// with its complementizer and does not hang under the noun.
func (v *view) nounClause(c int, s doc.Sentence) (int, bool) {
	m := c + 1
	if m+1 >= s.EndToken || strings.ToLower(v.form(m)) != "that" || v.toks[m].Dep != "mark" {
		return 0, false
	}
	h := int(v.toks[m].Head)
	if h <= m || h >= s.EndToken || v.under(h, c) || int(v.lo[h]) != m {
		return 0, false
	}
	return h, true
}

// speechNouns name a statement, a claim or a stance whose content can
// follow as a "that" clause ("his comment that …", "the claim that …").
var speechNouns = map[string]bool{
	"claim": true, "comment": true, "statement": true, "assertion": true, "remark": true, "allegation": true,
	"suggestion": true, "argument": true, "insistence": true, "warning": true, "promise": true, "pledge": true,
	"charge": true, "accusation": true, "complaint": true, "denial": true, "admission": true,
	"announcement": true, "prediction": true, "contention": true, "assurance": true, "declaration": true,
	"report": true, "testimony": true, "tweet": true, "message": true, "threat": true, "vow": true,
	"concern": true, "fear": true, "hope": true, "belief": true, "view": true, "notion": true, "idea": true,
	"suspicion": true, "speculation": true, "rumor": true, "theory": true, "conclusion": true, "finding": true,
	"estimate": true, "implication": true, "reminder": true, "boast": true, "concession": true,
	"confirmation": true, "insinuation": true, "explanation": true, "observation": true, "opinion": true,
	"proposal": true, "question": true, "recommendation": true, "reassurance": true, "response": true,
}

// speechNoun reports whether noun token i names speech or a stance: a
// listed noun, or a lemma of the cue table ("claim").
func (v *view) speechNoun(i int) bool {
	l := strings.ToLower(v.lemmaKey(i))
	if speechNouns[l] {
		return true
	}
	if v.lx != nil {
		_, ok := v.lx.lookup(l)
		return ok
	}
	return false
}

// recue gives accepted statement k to the speech noun its content follows
// ("Trump faced questions about his comment that Zelenskyy was a
// dictator": the parser hung the clause on "faced", but it is what the
// comment said). A noun that hangs on k's own cue is left to it ("said in a
// statement that …"), and so is a noun that already cues an accepted
// statement in acc.
func (v *view) recue(k *mcand, acc []mcand) {
	n := k.lo - 1
	if n <= 0 || n == k.c || k.lo <= k.c || v.toks[n].UPOS != doc.NOUN || int(v.toks[n].Head) == k.c {
		return
	}
	s := v.sents[v.toks[n].Sent]
	h, ok := v.nounClause(n, s)
	if !ok || !v.speechNoun(n) || k.hi > int(v.hi[h]) {
		return
	}
	for _, a := range acc {
		if a.c == n {
			return
		}
	}
	k.c, k.last, k.x, k.kind, k.cut = n, n, h, kNounThat, false
}

// nounKind describes noun n for the features of a content clause after
// it: whether it names speech, hangs on cue c, and has an owner.
func (v *view) nounKind(n, c int) string {
	i := 0
	if v.speechNoun(n) {
		i |= 4
	}
	if int(v.toks[n].Head) == c {
		i |= 2
	}
	if v.child(n, "nmod:poss") >= 0 {
		i |= 1
	}
	return nounKinds[i]
}

// nounKinds names nounKind's combinations: speech ("s") or other ("o"),
// on the cue ("c"), with an owner ("p").
var nounKinds = [8]string{"o", "op", "oc", "ocp", "s", "sp", "sc", "scp"}

// quoteClose returns the token closing the quotation that opens at token
// lo and closes with a comma before token hi's end; else hi.
func (v *view) quoteClose(lo, hi int) int {
	a, b := int(v.toks[lo].Start), int(v.toks[hi].End)
	// The marks are in text order: find the one opening at a.
	k, _ := slices.BinarySearchFunc(v.marks, a, func(m marked, a int) int { return cmp.Compare(m.open, a) })
	for ; k < len(v.marks) && v.marks[k].open == a; k++ {
		m := v.marks[k]
		if !m.closed || m.close >= b {
			continue
		}
		// The quotation ends its clause: “…,” or “…”, before the words.
		if r := runeBefore(v.text, m.ce); r != ',' {
			if r2, _ := runeAt(v.text, m.close); r2 != ',' {
				return hi
			}
		}
		j := hi
		for j > lo && int(v.toks[j].Start) >= m.close {
			j--
		}
		return j
	}
	return hi
}

// cueClass buckets the precision the cue table gives lemma as a cue
// ("none" when it is not listed).
func (v *view) cueClass(lemma string) string {
	if v.lx == nil {
		return "none"
	}
	e, ok := v.lx.lookup(lemma)
	switch {
	case !ok:
		return "none"
	case e.prec < 0.5:
		return "low"
	case e.prec < 0.7:
		return "mid"
	}
	return "high"
}

// creditFrom returns the first token of a news agency's credit line in
// tokens [a, e), "(Reporting by …; Additional reporting by …; Editing by
// …)", which names the writers, not anyone's statement; e if there is none.
// The line may share a sentence with the paragraph's last words.
func (v *view) creditFrom(a, e int) int {
	for j := a; j+2 < e; j++ {
		k := j
		if v.form(k) == "(" {
			k++
		} else if j > a && !v.isFinal(j-1) {
			continue
		}
		if strings.EqualFold(v.form(k), "additional") {
			k++
		}
		if k+1 < e && creditWords[strings.ToLower(v.form(k))] && v.form(k+1) == "by" {
			return j
		}
	}
	return e
}

// creditWords open the parts of a news agency's credit line.
var creditWords = map[string]bool{"reporting": true, "writing": true, "editing": true, "compiled": true, "compiling": true}

// addressee reports whether object token o names whom the cue addresses
// ("asked Rubio what …", "told them that …"): a person, a group of people
// or an object pronoun.
func (v *view) addressee(o int) bool {
	if v.toks[o].UPOS == doc.PRON {
		switch strings.ToLower(v.form(o)) {
		case "me", "you", "him", "her", "us", "them":
			return true
		}
		return false
	}
	if k := v.kindOf(o); k == "PER" || k == "GRP" {
		return true
	}
	return personNouns[v.lemma(o)] || audienceNouns[v.lemma(o)]
}

// audienceNouns are the people a statement is often made to.
var audienceNouns = map[string]bool{"reporter": true, "journalist": true, "supporter": true, "crowd": true,
	"audience": true, "voter": true, "lawmaker": true, "member": true, "donor": true, "viewer": true, "listener": true}

// complementizers open what a cue with an addressee reports ("asked X
// whether …", "told X that …").
var complementizers = map[string]bool{"that": true, "whether": true, "if": true, "what": true, "how": true,
	"why": true, "when": true, "where": true, "who": true, "which": true, "to": true}

// spaceBefore reports whether white space precedes token k (a dash between
// spaces sets off a clause; "U.S.–Russia" joins words).
func (v *view) spaceBefore(k int) bool {
	r := runeBefore(v.text, int(v.toks[k].Start))
	return r >= 0 && unicode.IsSpace(r)
}

// clauseAt reports whether tokens from k (up to hi) open a clause with a
// subject of its own: a name or pronoun, or a determiner and a noun, then a
// verb ("… and Zelenskyy accusing Trump …", "but he said …").
func (v *view) clauseAt(k, hi int) bool {
	if k > hi {
		return false
	}
	switch v.toks[k].UPOS {
	case doc.PROPN, doc.PRON:
		for k+1 <= hi && v.toks[k+1].UPOS == doc.PROPN {
			k++
		}
	case doc.DET:
		if k+1 > hi || v.toks[k+1].UPOS != doc.NOUN {
			return false
		}
		k++
	default:
		return false
	}
	if k+1 > hi {
		return false
	}
	u := v.toks[k+1].UPOS
	return u == doc.VERB || u == doc.AUX
}

// cutWords open a trailing clause after a comma that contents often end
// before: relative clauses, contrasts and additions.
var cutWords = map[string]bool{
	"which": true, "who": true, "whom": true, "whose": true, "where": true, "when": true, "but": true,
	"while": true, "although": true, "though": true, "including": true, "even": true, "as": true,
	"and": true, "after": true, "before": true, "despite": true, "because": true, "since": true,
}

// cutAt returns the last token of content [lo, hi] before its first
// trailing-clause boundary (";", a dash, a comma before a clause word or a
// participle, or "and"/"but" before a clause with its own subject or before
// a predicate coordinated with cue c), or hi when there is none. Words
// inside quotation marks are not cut.
func (v *view) cutAt(lo, hi, c int) int {
	inQ := false
	for k := lo + 1; k <= hi; k++ {
		f := v.form(k)
		if v.isQuoteMark(k) {
			inQ = !inQ
			continue
		}
		if inQ {
			continue
		}
		switch {
		case f == ";" || (f == "--" || f == "—" || f == "–") && v.spaceBefore(k):
		case f == "," && k+1 <= hi && (inSet(cutWords, v.form(k+1)) || v.toks[k+1].UPOS == doc.VERB && strings.HasSuffix(v.form(k+1), "ing")):
		case inSet(coordWords, f) && (v.clauseAt(k+1, hi) || v.cueConj(k+1, hi, c)):
		default:
			continue
		}
		e := k - 1
		for e > lo && v.isPunct(e) && !v.isQuoteMark(e) {
			e--
		}
		return e
	}
	return hi
}

// inSet reports whether word w, lower-cased (ASCII), is in set m, without
// allocating: cutAt looks up every word of every candidate.
func inSet(m map[string]bool, w string) bool {
	var b [16]byte
	if len(w) > len(b) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return m[string(b[:len(w)])]
}

// cueConj reports whether the words from token k (up to hi) open a
// predicate coordinated with cue c ("said he would order a review and
// warned against hackers"): what the speaker did next, not what was said.
func (v *view) cueConj(k, hi, c int) bool {
	for k < hi && v.toks[k].UPOS == doc.ADV {
		k++
	}
	if k > hi || v.toks[k].UPOS != doc.VERB {
		return false
	}
	if int(v.toks[k].Head) == c && relIs(v.toks[k].Dep, "conj") {
		return true
	}
	// A speech verb the parser hung elsewhere ("said he would order a
	// review and warned …", "warned" parsed under "order").
	if v.lx == nil || !relIs(v.toks[k].Dep, "conj") {
		return false
	}
	e, ok := v.lx.lookup(v.lemma(k))
	return ok && e.prec >= 0.5
}

// titleStart returns the first of the name and title words (adjectives,
// nouns, names, determiners) that directly precede token a, at most six.
func (v *view) titleStart(a, first int) int {
	k := a
	for k > first+1 && a-k < 6 {
		switch v.toks[k-1].UPOS {
		case doc.ADJ, doc.PROPN, doc.NOUN, doc.DET:
			k--
			continue
		}
		break
	}
	return k
}

// commaBefore reports whether a comma ends the words before token a, also
// inside closing quotation marks ("…,” she said; “…?” he asked).
func (v *view) commaBefore(a, first int) bool {
	if a <= first {
		return false
	}
	if f := v.form(a - 1); f == "," {
		return true
	}
	if !v.isQuoteMark(a-1) || a-2 < first {
		return false
	}
	switch v.form(a - 2) {
	case ",", "?", "!":
		return true
	}
	return false
}

// under reports whether token k lies in the subtree of token c (within a
// few head steps).
func (v *view) under(k, c int) bool {
	for i := 0; i < 8 && k >= 0; i++ {
		if k == c {
			return true
		}
		k = int(v.toks[k].Head)
	}
	return false
}

// sentMid returns the whole sentence s (its final punctuation aside) when
// the attribution phrase [a, b] stands inside it between commas, with words
// on both sides ("The museum, Mr. Obama said, would make …").
func (v *view) sentMid(s doc.Sentence, a, b int) (int, int, bool) {
	first, last := s.FirstToken, s.EndToken-1
	for last > b && v.isPunct(last) && !v.isQuoteMark(last) {
		last--
	}
	if a <= first+1 || b+2 > last || !v.commaBefore(a, first) || v.form(b+1) != "," {
		return 0, 0, false
	}
	if v.toks[b+2].UPOS == doc.CCONJ || coordWords[strings.ToLower(v.form(b+2))] {
		return 0, 0, false // "…, she said, but Kevin was …": a new clause
	}
	lo, hi := v.trimTok(first, last)
	return lo, hi, lo < a && hi > b
}

// coordWords open a coordinated clause.
var coordWords = map[string]bool{"and": true, "but": true, "or": true, "so": true, "yet": true, "nor": true}

// sentRest returns the tokens of sentence s outside the attribution
// phrase [a, b] when the phrase opens or closes the sentence (punctuation
// aside).
func (v *view) sentRest(s doc.Sentence, a, b int) (int, int, bool) {
	first, last := s.FirstToken, s.EndToken-1
	for last > b && v.isPunct(last) && !v.isQuoteMark(last) {
		last--
	}
	for first < a && v.isPunct(first) && !v.isQuoteMark(first) {
		first++
	}
	switch {
	case b >= last && a > first:
		lo, hi := v.trimTok(first, a-1)
		return lo, hi, lo <= hi
	case a <= first && b < last:
		lo, hi := v.trimTok(b+1, last)
		return lo, hi, lo <= hi
	}
	return 0, 0, false
}

// minusTok returns the token range of h's subtree without the subtree of
// cut (whose first token may be c), keeping the larger side when the cut
// lies in the middle, trimmed of punctuation.
func (v *view) minusTok(h, c, cut int) (int, int, bool) {
	lo, hi := int(v.lo[h]), int(v.hi[h])
	clo, chi := min(int(v.lo[cut]), c), int(v.hi[cut])
	if clo < lo || chi > hi {
		return 0, 0, false
	}
	switch {
	case clo <= lo && chi >= hi:
		return 0, 0, false
	case clo <= lo:
		lo = chi + 1
	case chi >= hi:
		hi = clo - 1
	default:
		if clo-lo >= hi-chi {
			hi = clo - 1
		} else {
			lo = chi + 1
		}
	}
	lo, hi = v.trimTok(lo, hi)
	return lo, hi, lo <= hi
}

// featSink receives the features of a candidate: it sums their weights, or
// collects them for training.
type featSink struct {
	buf     []byte
	m       *Model
	score   float32
	collect bool
	names   []string
}

func (f *featSink) add(parts ...string) {
	if f.collect {
		f.buf = f.buf[:0]
		for _, p := range parts {
			f.buf = append(f.buf, p...)
		}
		f.names = append(f.names, string(f.buf))
		return
	}
	if f.m != nil {
		h := uint64(fnvOffset)
		for _, p := range parts {
			h = fnvAdd(h, p)
		}
		f.score += f.m.w[h]
	}
}

// FNV-1a, 64 bits: a feature's hash is that of its name, so the parts can
// be hashed one after the other.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// featHash is the hash of a feature name, as featSink.add computes it.
func featHash(name string) uint64 { return fnvAdd(fnvOffset, name) }

var lenBuckets = [...]string{"0", "1", "2", "3", "4", "5", "6-7", "6-7", "8-11", "8-11", "8-11", "8-11"}

func lenBucket(n int) string {
	switch {
	case n < len(lenBuckets):
		return lenBuckets[n]
	case n < 20:
		return "12-19"
	case n < 40:
		return "20-39"
	}
	return "40+"
}

// lemmaKey returns token i's lemma, or its UPOS for names, numbers and
// symbols (which the model must not learn).
func (v *view) lemmaKey(i int) string {
	switch v.toks[i].UPOS {
	case doc.PROPN, doc.NUM, doc.SYM, doc.X:
		return v.toks[i].UPOS.String()
	}
	l := v.toks[i].Lemma
	if l == "" {
		l = v.form(i)
	}
	return l
}

// features emits the features of candidate k into f.
func (v *view) features(k *mcand, f *featSink) {
	c := k.c
	t := &v.toks[c]
	typ, typ2 := "acc", ""
	switch k.kind {
	case kSent:
		typ = "sent"
	case kFwd:
		typ = "fwd"
	case kMid:
		typ = "mid"
	case kChild:
		typ = v.toks[k.x].Dep
	case kObjComp:
		typ = "obj+ccomp"
	case kCompExt:
		typ, typ2 = v.toks[k.x].Dep, "+"
	case kHead:
		typ, typ2 = "head<", t.Dep
	case kNounThat:
		typ = "n+that"
	}
	lemma := v.lemmaKey(c)
	if k.last > c {
		lemma = "according to"
	}
	upos := t.UPOS.String()
	f.add("T=", typ, typ2)
	f.add("L=", lemma)
	f.add("LT=", lemma, "|", typ, typ2)
	f.add("UT=", upos, "|", typ, typ2)
	f.add("DT=", t.Dep, "|", typ, typ2)
	f.add("LD=", lemma, "|", t.Dep)
	// How often the cue table says the lemma reports (rare lemmas have no
	// lemma features of their own).
	f.add("CT=", v.cueClass(lemma), "|", typ, typ2)
	// First and last words of the content.
	first := v.lemmaKey(k.lo)
	f.add("FT=", first, "|", typ, typ2)
	f.add("FL=", first, "|", lemma)
	f.add("FU=", v.toks[k.lo].UPOS.String(), "|", typ, typ2)
	f.add("EU=", v.toks[k.hi].UPOS.String(), "|", typ, typ2)
	// Cut variants share the features above with their uncut candidate
	// and have their own from here on.
	if k.cut {
		typ2 += "~"
		f.add("CUT=", v.lemmaKey(k.hi+1), "|", typ, typ2)
		if k.hi+2 < len(v.toks) {
			f.add("CUTN=", v.lemmaKey(k.hi+2), "|", typ, typ2)
		}
	}
	if k.kind != kAccord && k.kind != kSent && k.kind != kMid {
		x := k.x
		f.add("XU=", v.toks[x].UPOS.String(), "|", typ, typ2)
		f.add("XK=", v.kindOf(x), "|", typ, typ2)
		if u := v.toks[x].UPOS; u == doc.NOUN || u == doc.PRON {
			f.add("XL=", v.lemmaKey(x), "|", typ, typ2)
		}
	}
	n := k.hi - k.lo + 1
	f.add("N=", lenBucket(n), "|", typ, typ2)
	// How far the content starts from the cue, whether it runs to the end
	// of the sentence, and whether it names someone.
	gap := k.lo - k.last
	if k.hi < c {
		gap = c - k.hi
	}
	f.add("G=", lenBucket(max(gap, 0)), "|", typ, typ2)
	s := v.sents[t.Sent]
	end := s.EndToken - 1
	for end > k.hi && v.isPunct(end) && !v.isQuoteMark(end) {
		end--
	}
	f.add("END=", strconv.FormatBool(k.hi >= end), "|", typ, typ2)
	// Also how many clauses with a subject it holds, and whether a comma or
	// semicolon divides it.
	named, clauses, divided := "0", 0, "0"
	for j := k.lo; j <= k.hi; j++ {
		switch v.toks[j].UPOS {
		case doc.PROPN:
			named = "1"
		case doc.VERB:
			if v.child(j, "nsubj") >= 0 {
				clauses++
			}
		}
		if w := v.form(j); w == "," || w == ";" {
			divided = "1"
		}
	}
	f.add("NM=", named, "|", typ, typ2)
	// A "that" clause right after a noun is most often the noun's
	// content ("faced questions about his comment that …"): whether that
	// noun names speech, for the noun's own candidate and for the others.
	// A noun on the cue ("said in a statement that …") differs from one
	// further away with an owner ("faced questions about his comment
	// that …").
	if m := k.lo; m > 0 && m-1 != c && v.toks[m-1].UPOS == doc.NOUN {
		if _, ok := v.nounClause(m-1, s); ok {
			f.add("NTH=", v.nounKind(m-1, c), "|", typ, typ2)
		}
	}
	if k.kind == kNounThat {
		f.add("SN=", v.nounKind(c, -1))
	}
	f.add("CL=", lenBucket(clauses), "|", typ, typ2)
	f.add("CM=", divided, "|", typ, typ2)
	dir := "R"
	if k.hi < c {
		dir = "L"
	}
	f.add("DIR=", dir, "|", typ, typ2)
	// The cue's own dependents: subject, auxiliaries, negation, objects.
	subj, subj2, aux, sj := "none", "", "", -1
	pass, neg := false, false
	for j := s.FirstToken; j < s.EndToken; j++ {
		if int(v.toks[j].Head) != c {
			continue
		}
		switch d := v.toks[j].Dep; {
		case d == "nsubj" || d == "csubj":
			sj = j
			subj = v.toks[j].UPOS.String()
			if v.toks[j].UPOS == doc.PRON {
				subj, subj2 = "PRON:", v.lemmaKey(j)
			}
		case d == "nsubj:pass" || d == "aux:pass":
			pass = true
		case d == "aux":
			aux = v.lemmaKey(j)
		case d == "advmod" && (v.lemmaKey(j) == "not" || v.lemmaKey(j) == "never"):
			neg = true
		}
	}
	if k.kind == kFwd || k.kind == kCompExt || k.kind == kSent || k.kind == kMid {
		// The cue's own dependents the content takes in besides its core.
		for j := max(k.lo, s.FirstToken); j <= k.hi && j < s.EndToken; j++ {
			if int(v.toks[j].Head) == c && j != k.x && !v.isPunct(j) {
				f.add("IN=", v.toks[j].Dep, "|", typ, typ2)
			}
		}
	}
	if k.hi+1 < s.EndToken && !v.isPunct(k.hi+1) {
		f.add("NX=", v.toks[k.hi+1].UPOS.String(), "|", typ, typ2)
	}
	f.add("S=", subj, subj2, "|", typ, typ2)
	if sj >= 0 {
		f.add("SK=", v.kindOf(sj), "|", typ, typ2)
		f.add("SKL=", v.kindOf(sj), "|", lemma)
		if v.toks[sj].UPOS == doc.NOUN {
			// Which common nouns speak: "the poll", "the ad" do, "the
			// conflict" does not.
			sh := v.lemmaKey(sj)
			f.add("SH=", sh)
			f.add("SHT=", sh, "|", typ, typ2)
		}
	}
	if k.kind == kChild || k.kind == kCompExt {
		// Does the content have a subject of its own (a full clause)?
		cs := "0"
		if v.child(k.x, "nsubj") >= 0 || v.child(k.x, "nsubj:pass") >= 0 || v.child(k.x, "expl") >= 0 {
			cs = "1"
		}
		f.add("XS=", cs, "|", typ, typ2)
	}
	f.add("SL=", subj, subj2, "|", lemma)
	if aux != "" {
		f.add("A=", aux, "|", typ, typ2)
	}
	if pass {
		f.add("P|", typ, typ2)
		f.add("PL|", lemma)
	}
	if neg {
		f.add("NEG|", typ, typ2)
	}
	if t.Feats != "" {
		vf, tense := verbForm(t.Feats)
		f.add("VF=", vf, tense, "|", typ, typ2)
	}
	if h := int(t.Head); h >= 0 {
		f.add("HL=", v.lemmaKey(h), "|", t.Dep)
	} else {
		f.add("ROOT|", typ, typ2)
	}
	if c > s.FirstToken {
		f.add("PW=", v.lemmaKey(c-1), "|", typ, typ2)
	}
	// Quotation marks inside the content.
	q := "0"
	for j := k.lo; j <= k.hi; j++ {
		if v.isQuoteMark(j) {
			q = "1"
			break
		}
	}
	f.add("Q=", q, "|", typ, typ2)
	if v.dq[c] {
		// The cue already introduces a direct quote.
		f.add("DQ|", typ, typ2)
		f.add("DQ=", q, "|", typ, typ2)
	}
}

// conflicts reports whether two candidates cannot both be attributions:
// they share a cue, one's content holds the other's cue, or their contents
// overlap (PolNeAR is univocal).
func conflicts(a, k *mcand) bool {
	return a.c == k.c || (k.lo <= a.c && a.c <= k.hi) || (a.lo <= k.c && k.c <= a.hi) || (k.lo <= a.hi && a.lo <= k.hi)
}

// giveWay is how far below the threshold the cut variant of an accepted
// statement may score when it makes room for the cue it swallowed: the
// statement is already accepted, only its boundary is chosen.
const giveWay = 1

// shorter returns the best cut variant (see cutAt) of a's cue above threshold th that
// keeps a's start and conflicts neither with k nor with the accepted
// candidates other than a. A variant that starts elsewhere is another
// reading of the statement, not a's boundary: a parenthetical's whole
// sentence ("The latest test, North Korea said, was its biggest yet, …")
// does not give way to the words after its cue.
func (v *view) shorter(all []mcand, a, k *mcand, acc []mcand, th float32) (mcand, bool) {
	for _, x := range all { // best first
		if x.score <= th-giveWay {
			break
		}
		if x.c != a.c || !x.cut || x.lo != a.lo || x.hi == a.hi || conflicts(&x, k) || v.noContent(&x) {
			continue
		}
		ok := true
		for _, y := range acc {
			if (y.c != a.c || y.lo != a.lo || y.hi != a.hi) && conflicts(&x, &y) {
				ok = false
				break
			}
		}
		if ok {
			return x, true
		}
	}
	return mcand{}, false
}

// noContent reports whether candidate k's content cannot be what its cue
// reports: only a time adjunct ("announced on Feb. 22"), or the cue's own
// subject after it ("…, said Jeffrey Trimble, a senior official").
func (v *view) noContent(k *mcand) bool {
	timeOnly := true
	for j := k.lo; j <= k.hi && timeOnly; j++ {
		switch v.toks[j].UPOS {
		case doc.ADP, doc.DET, doc.PUNCT, doc.CCONJ:
			continue
		}
		timeOnly = v.kindOf(j) == "TIME"
	}
	if timeOnly {
		return true
	}
	lo := k.lo
	for lo < k.hi && v.kindOf(lo) == "TIME" {
		lo++ // "said Thursday morning on Fox News"
	}
	if v.toks[lo].UPOS == doc.ADP && adjunctPreps[strings.ToLower(v.form(lo))] {
		// "said in an interview Thursday": the circumstances of the
		// speech, not what was said.
		clause := false
		for j := lo; j <= k.hi && !clause; j++ {
			clause = v.toks[j].UPOS == doc.VERB || v.toks[j].UPOS == doc.AUX
		}
		if !clause {
			return true
		}
	}
	if v.lx != nil && k.last == k.c && v.toks[k.c].UPOS == doc.VERB {
		// A verb that is no listed cue does not report through a place
		// or a time ("The United States has been …, providing funding").
		if _, ok := v.lx.lookup(v.lemma(k.c)); !ok && v.placeSubject(k.c) {
			return true
		}
	}
	if sj := v.child(k.c, "nsubj"); sj > k.c && k.lo > k.c && k.kind != kMid && k.kind != kSent {
		if int(v.lo[sj]) <= k.lo && k.hi <= int(v.hi[sj]) {
			return true
		}
	}
	return false
}

// adjunctPreps open the time, place and manner adjuncts of a speech verb.
var adjunctPreps = map[string]bool{
	"at": true, "in": true, "on": true, "during": true, "after": true, "before": true, "since": true,
	"from": true, "by": true, "with": true, "within": true, "near": true, "outside": true, "inside": true,
	"while": true, "earlier": true, "later": true, "amid": true, "via": true, "through": true,
}

// placeSubject reports whether the subject of cue c (its own, or its
// governor's for participles and infinitives) is a place or a time by the
// actor, entity and timex layers.
func (v *view) placeSubject(c int) bool {
	sj := v.child(c, "nsubj")
	if sj < 0 {
		_, _, h, ok := v.subjectOf(c)
		if !ok || h < 0 {
			return false
		}
		sj = h
	}
	k := v.kindOf(sj)
	return k == "LOC" || k == "TIME"
}

// kindOf returns the actor kind (PER, ORG, GRP, LOC) of the mention or
// entity that covers token i, TIME inside a temporal expression, "-" if none.
func (v *view) kindOf(i int) string {
	if v.kinds == nil {
		v.kinds = make([]string, len(v.toks))
		for j := range v.kinds {
			v.kinds[j] = "-"
		}
		mark := func(sp doc.Span, kind string) {
			if kind == "" {
				return
			}
			a := v.firstTokenAt(sp.Start)
			for j := a; j < len(v.toks) && int(v.toks[j].End) <= sp.End; j++ {
				if v.kinds[j] == "-" {
					v.kinds[j] = kind
				}
			}
		}
		for _, a := range v.d.Actors {
			for _, m := range a.Mentions {
				mark(m.Span(), a.Kind)
			}
		}
		for _, e := range v.d.Entities {
			mark(e.Span(), e.Type)
		}
		for _, x := range v.d.Timexes {
			mark(doc.Span{Start: x.Start, End: x.End}, "TIME")
		}
	}
	return v.kinds[i]
}

// verbForm extracts VerbForm and Tense from UD features.
func verbForm(feats string) (string, string) {
	vf, tense := "", ""
	for p := range strings.SplitSeq(feats, "|") {
		if x, ok := strings.CutPrefix(p, "VerbForm="); ok {
			vf = x
		} else if x, ok := strings.CutPrefix(p, "Tense="); ok {
			tense = x
		}
	}
	return vf, tense
}

// modelCandidates scores the candidates of every sentence and returns the
// accepted ones: at most one per cue, best first, none whose content holds
// an accepted cue or overlaps an accepted content.
func (v *view) modelCandidates(m *Model) []mcand {
	var all, acc []mcand
	f := &featSink{m: m, buf: make([]byte, 0, 64)}
	for _, s := range v.sents {
		all = v.candidates(s, all[:0])
		for i := range all {
			f.score = 0
			v.features(&all[i], f)
			all[i].score = f.score
		}
		slices.SortStableFunc(all, func(a, b mcand) int { return cmp.Compare(b.score, a.score) })
		start := len(acc)
		for _, k := range all {
			if k.score <= m.th {
				break
			}
			if v.noContent(&k) {
				continue
			}
			nc, last := 0, -1
			for i, a := range acc[start:] {
				if conflicts(&a, &k) {
					nc, last = nc+1, start+i
				}
			}
			if nc == 0 {
				acc = append(acc, k)
				continue
			}
			// "Trump calling Zelenskyy a dictator and Zelenskyy accusing
			// Trump …": a statement whose content swallowed this cue gives
			// way to its own shorter candidate, when that one is above the
			// threshold too and leaves room for both.
			if a := acc[last]; nc == 1 && a.c != k.c && a.lo <= k.c && k.c <= a.hi {
				if alt, ok := v.shorter(all, &a, &k, acc[start:], m.th); ok {
					acc[last] = alt
					acc = append(acc, k)
				}
			}
		}
	}
	for i := range acc {
		v.recue(&acc[i], acc)
	}
	slices.SortFunc(acc, func(a, b mcand) int { return a.c - b.c })
	return acc
}
