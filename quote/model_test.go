package quote

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
)

// candidateTexts returns "kind:content" for every model candidate of d's
// first sentence whose cue is the token with the given form.
func candidateTexts(d *doc.Document, cue string) []string {
	v := newView(d, nil)
	var out []string
	for _, k := range v.candidates(v.sents[0], nil) {
		if v.form(k.c) != cue {
			continue
		}
		kind := map[uint8]string{kChild: "child", kObjComp: "objcomp", kCompExt: "ext", kHead: "head", kAccord: "accord", kSent: "sent", kFwd: "fwd", kMid: "mid", kNounThat: "nounthat"}[k.kind]
		if k.cut {
			kind += "~"
		}
		out = append(out, kind+":"+v.text[v.toks[k.lo].Start:v.toks[k.hi].End])
	}
	return out
}

func TestModelCandidates(t *testing.T) {
	const (
		N = doc.NOUN
		P = doc.PROPN
		V = doc.VERB
		X = doc.PUNCT
		A = doc.ADP
	)
	tests := []struct {
		name string
		toks []tok
		cue  string
		want []string // candidates that must be among the cue's
	}{
		{"complement keeps its complementizer", []tok{
			{"Haddad", P, "Haddad", 2, "nsubj"}, {"indicated", V, "indicate", 0, "root"},
			{"that", doc.SCONJ, "that", 5, "mark"}, {"prices", N, "price", 5, "nsubj"}, {"rose", V, "rise", 2, "ccomp"},
			{".", X, ".", 2, "punct"}}, "indicated",
			[]string{"child:that prices rose", "fwd:that prices rose"}},
		{"preposition belongs to the cue", []tok{
			{"Lee", P, "Lee", 2, "nsubj"}, {"complained", V, "complain", 0, "root"}, {"about", A, "about", 4, "case"},
			{"delays", N, "delay", 2, "obl"}, {".", X, ".", 2, "punct"}}, "complained",
			[]string{"child:delays"}},
		{"closing attribution", []tok{
			{"Talks", N, "talk", 2, "nsubj"}, {"stalled", V, "stall", 0, "root"}, {"again", doc.ADV, "again", 2, "advmod"},
			{",", X, ",", 6, "punct"}, {"Moreau", P, "Moreau", 6, "nsubj"}, {"said", V, "say", 2, "parataxis"},
			{".", X, ".", 2, "punct"}}, "said",
			[]string{"head:Talks stalled again", "sent:Talks stalled again"}},
		{"according to a source", []tok{
			{"Exports", N, "export", 2, "nsubj"}, {"fell", V, "fall", 0, "root"}, {",", X, ",", 6, "punct"},
			{"according", V, "accord", 6, "case"}, {"to", A, "to", 4, "fixed"}, {"Eurostat", P, "Eurostat", 2, "obl"},
			{".", X, ".", 2, "punct"}}, "according",
			[]string{"accord:Exports fell", "sent:Exports fell"}},
		{"object mistaken for the cue's", []tok{
			{"Ito", P, "Ito", 2, "nsubj"}, {"says", V, "say", 0, "root"}, {"the", doc.DET, "the", 4, "det"},
			{"plan", N, "plan", 2, "obj"}, {"is", doc.AUX, "be", 6, "cop"}, {"ripe", doc.ADJ, "ripe", 2, "ccomp"},
			{".", X, ".", 2, "punct"}}, "says",
			[]string{"objcomp:the plan is ripe", "child:the plan", "child:is ripe"}},
		{"parenthetical attribution", []tok{
			{"The", doc.DET, "the", 2, "det"}, {"museum", N, "museum", 7, "nsubj"}, {",", X, ",", 5, "punct"},
			{"Obama", P, "Obama", 5, "nsubj"}, {"said", V, "say", 7, "parataxis"}, {",", X, ",", 5, "punct"},
			{"would", doc.AUX, "would", 7, "aux"}, {"open", V, "open", 0, "root"}, {"soon", doc.ADV, "soon", 7, "advmod"},
			{".", X, ".", 7, "punct"}}, "said",
			[]string{"mid:The museum, Obama said, would open soon"}},
		{"closing attribution after a quote's comma", []tok{
			{"“", X, "“", 3, "punct"}, {"Taxes", N, "tax", 3, "nsubj"}, {"rose", V, "rise", 0, "root"}, {",", X, ",", 3, "punct"},
			{"”", X, "”", 3, "punct"}, {"Lee", P, "Lee", 7, "nsubj"}, {"said", V, "say", 3, "parataxis"},
			{".", X, ".", 3, "punct"}}, "said",
			[]string{"sent:“Taxes rose,”"}},
		{"a trailing relative clause is cut", []tok{
			{"Ito", P, "Ito", 2, "nsubj"}, {"denied", V, "deny", 0, "root"}, {"the", doc.DET, "the", 4, "det"},
			{"report", N, "report", 2, "obj"}, {",", X, ",", 7, "punct"}, {"which", doc.PRON, "which", 7, "nsubj"},
			{"appeared", V, "appear", 4, "acl:relcl"}, {"Monday", P, "Monday", 7, "obl:tmod"}, {".", X, ".", 2, "punct"}}, "denied",
			[]string{"child:the report, which appeared Monday", "child~:the report"}},
		{"a coordinated clause with its own subject is cut", []tok{
			{"Kaya", P, "Kaya", 2, "nsubj"}, {"called", V, "call", 0, "root"}, {"Ruiz", P, "Ruiz", 2, "obj"},
			{"a", doc.DET, "a", 5, "det"}, {"liar", N, "liar", 2, "xcomp"}, {"and", doc.CCONJ, "and", 8, "cc"},
			{"Ruiz", P, "Ruiz", 8, "nsubj"}, {"sued", V, "sue", 2, "conj"}, {"him", doc.PRON, "he", 8, "obj"},
			{".", X, ".", 2, "punct"}}, "called",
			[]string{"fwd:Ruiz a liar and Ruiz sued him", "fwd~:Ruiz a liar"}},
		{"the cue's own coordinated predicate is cut", []tok{
			{"Kaya", P, "Kaya", 2, "nsubj"}, {"said", V, "say", 0, "root"}, {"he", doc.PRON, "he", 5, "nsubj"},
			{"would", doc.AUX, "would", 5, "aux"}, {"resign", V, "resign", 2, "ccomp"}, {"and", doc.CCONJ, "and", 7, "cc"},
			{"warned", V, "warn", 2, "conj"}, {"against", A, "against", 9, "case"}, {"delays", N, "delay", 7, "obl"},
			{".", X, ".", 2, "punct"}}, "said",
			[]string{"fwd:he would resign and warned against delays", "fwd~:he would resign"}},
		{"parenthetical attribution, comma hung on the subject", []tok{
			{"Lenox", P, "Lenox", 3, "nsubj"}, {"was", doc.AUX, "be", 3, "cop"}, {"big", doc.ADJ, "big", 0, "root"},
			{",", X, ",", 5, "punct"}, {"Clarke", P, "Clarke", 6, "nsubj"}, {"said", V, "say", 3, "conj"},
			{",", X, ",", 10, "punct"}, {"until", doc.SCONJ, "until", 10, "mark"}, {"it", doc.PRON, "it", 10, "nsubj"},
			{"failed", V, "fail", 6, "ccomp"}, {".", X, ".", 6, "punct"}}, "said",
			[]string{"mid:Lenox was big, Clarke said, until it failed"}},
		{"a noun's content clause hung on the verb", []tok{
			{"Kaya", P, "Kaya", 2, "nsubj"}, {"faced", V, "face", 0, "root"}, {"questions", N, "question", 2, "obj"},
			{"about", A, "about", 6, "case"}, {"his", doc.PRON, "he", 6, "nmod:poss"}, {"comment", N, "comment", 3, "nmod"},
			{"that", doc.SCONJ, "that", 11, "mark"}, {"Ruiz", P, "Ruiz", 11, "nsubj"}, {"was", doc.AUX, "be", 11, "cop"},
			{"a", doc.DET, "a", 11, "det"}, {"liar", N, "liar", 2, "ccomp"}, {".", X, ".", 2, "punct"}}, "comment",
			[]string{"nounthat:that Ruiz was a liar"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := candidateTexts(parsed(tc.toks), tc.cue)
			for _, w := range tc.want {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("candidate %q missing; got %q", w, got)
				}
			}
		})
	}
}

// TestNounClause checks that a noun's content clause is proposed only when
// the parser hung it elsewhere, and that the noun's possessor speaks.
func TestNounClause(t *testing.T) {
	const (
		N = doc.NOUN
		P = doc.PROPN
		V = doc.VERB
		X = doc.PUNCT
	)
	elsewhere := []tok{
		{"Kaya", P, "Kaya", 3, "nmod:poss"}, {"’s", doc.PART, "’s", 1, "case"}, {"claim", N, "claim", 7, "nsubj"},
		{"that", doc.SCONJ, "that", 6, "mark"}, {"rates", N, "rate", 6, "nsubj"}, {"fell", V, "fall", 7, "ccomp"},
		{"angered", V, "anger", 0, "root"}, {"Ruiz", P, "Ruiz", 7, "obj"}, {".", X, ".", 7, "punct"}}
	under := slices.Clone(elsewhere)
	under[5].head, under[5].dep = 3, "acl" // the clause hangs on the noun: a plain child candidate
	tests := []struct {
		name    string
		toks    []tok
		want    bool // a noun-clause candidate for "claim"
		speaker string
	}{
		{"clause after the noun, parsed elsewhere", elsewhere, true, "Kaya"},
		{"clause under the noun", under, false, "Kaya"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parsed(tc.toks)
			v := newView(d, nil)
			got := false
			for _, k := range v.candidates(v.sents[0], nil) {
				if v.form(k.c) == "claim" && k.kind == kNounThat {
					got = true
					if w := v.text[v.toks[k.lo].Start:v.toks[k.hi].End]; w != "that rates fell" {
						t.Errorf("content %q", w)
					}
				}
			}
			if got != tc.want {
				t.Errorf("noun-clause candidate: got %v, want %v", got, tc.want)
			}
			a, b, _, ok := v.speakerFor(2, 2, 0, len(v.toks), 0, 0)
			if sp := v.text[v.toks[a].Start:v.toks[b].End]; !ok || sp != tc.speaker {
				t.Errorf("speaker %q (%v), want %q", sp, ok, tc.speaker)
			}
		})
	}
}

func TestParseModel(t *testing.T) {
	m, err := ParseModel("# comment\n#threshold -0.5\nT=ccomp\t1.25\nL=say\t-2\n")
	if err != nil {
		t.Fatal(err)
	}
	if m.Size() != 2 || m.th != -0.5 || m.w[featHash("T=ccomp")] != 1.25 {
		t.Errorf("parsed %+v", m)
	}
	for _, bad := range []string{"T=ccomp\n", "T=ccomp\tx\n", "#threshold y\n"} {
		if _, err := ParseModel(bad); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
	if m, err := DefaultModel(); err != nil || m.Size() == 0 {
		t.Errorf("embedded model: %v, size %d", err, m.Size())
	}
}

// trainingSet builds hand-parsed documents: "X said that Y", whose gold
// attribution is the complement, and "X ate the cake", which has none.
func trainingSet() ([]*doc.Document, [][]GoldAttribution) {
	speech := []tok{
		{"Ruiz", doc.PROPN, "Ruiz", 2, "nsubj"}, {"said", doc.VERB, "say", 0, "root"},
		{"that", doc.SCONJ, "that", 5, "mark"}, {"rates", doc.NOUN, "rate", 5, "nsubj"}, {"fell", doc.VERB, "fall", 2, "ccomp"},
		{".", doc.PUNCT, ".", 2, "punct"}}
	other := []tok{
		{"Ruiz", doc.PROPN, "Ruiz", 2, "nsubj"}, {"ate", doc.VERB, "eat", 0, "root"},
		{"the", doc.DET, "the", 4, "det"}, {"cake", doc.NOUN, "cake", 2, "obj"}, {".", doc.PUNCT, ".", 2, "punct"}}
	var docs []*doc.Document
	var gold [][]GoldAttribution
	for i := 0; i < 6; i++ {
		d := parsed(speech)
		c := strings.Index(d.Text, "that")
		docs = append(docs, d)
		gold = append(gold, []GoldAttribution{{
			Content: doc.Span{Start: c, End: strings.Index(d.Text, ".")},
			Cue:     doc.Span{Start: strings.Index(d.Text, "said"), End: strings.Index(d.Text, "said") + 4},
			Source:  doc.Span{Start: 0, End: 4}, HasSource: true,
		}})
		docs = append(docs, parsed(other))
		gold = append(gold, nil)
	}
	return docs, gold
}

func TestTrainModel(t *testing.T) {
	docs, gold := trainingSet()
	o := ModelOptions{Epochs: 5, Seed: 7, MinCount: 1, Logistic: true, L2: 1e-4, Rate: 0.5}
	m1, rep, err := TrainModel(context.Background(), docs, gold, o)
	if err != nil {
		t.Fatal(err)
	}
	m2, _, err := TrainModel(context.Background(), docs, gold, o)
	if err != nil {
		t.Fatal(err)
	}
	if m1 != m2 {
		t.Error("training is not deterministic")
	}
	if !strings.Contains(rep, "reachable by a candidate 6 (100.0%)") {
		t.Errorf("report: %s", rep)
	}
	m, err := ParseModel(m1)
	if err != nil {
		t.Fatal(err)
	}
	lx, _ := DefaultLexicon()
	a := NewWithModel(lx, m)
	for i, want := range []string{"that rates fell", ""} {
		d := docs[i]
		d.Quotes = nil
		if err := a.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, q := range d.Quotes {
			got = q.Text
		}
		if got != want {
			t.Errorf("doc %d: quote %q, want %q", i, got, want)
		}
	}
	// The perceptron trains too.
	o.Logistic = false
	if _, _, err := TrainModel(context.Background(), docs, gold, o); err != nil {
		t.Fatal(err)
	}
	if _, _, err := TrainModel(context.Background(), docs, gold[:1], o); err == nil {
		t.Error("no error for mismatched gold")
	}
}

// FuzzParsedProcess runs the stage over arbitrary text with arbitrary
// dependency trees (cycles and cross-sentence heads included).
func FuzzParsedProcess(f *testing.F) {
	f.Add("Ruiz said that rates fell, according to Eurostat.", []byte{2, 0, 5, 5, 2, 9, 8, 7})
	f.Add("“Yes,” he said. They denied it", []byte{1, 1, 1, 1, 1, 1, 1})
	a, err := New()
	if err != nil {
		f.Fatal(err)
	}
	deps := []string{"ccomp", "xcomp", "obj", "obl", "nsubj", "parataxis", "conj", "case", "mark", "punct", "advcl", "acl", "fixed", "root"}
	upos := []doc.UPOS{doc.VERB, doc.NOUN, doc.PROPN, doc.PRON, doc.ADJ, doc.PUNCT, doc.ADP}
	f.Fuzz(func(t *testing.T, s string, heads []byte) {
		d := doc.New(doc.Article{Text: s})
		d.Tokens, d.Sentences = fallbackTokens(s, a.lx)
		n := len(d.Tokens)
		for i := range d.Tokens {
			if i < len(heads) {
				d.Tokens[i].Head = int32(int(heads[i])%(n+1)) - 1
				d.Tokens[i].Dep = deps[int(heads[i])%len(deps)]
				d.Tokens[i].UPOS = upos[int(heads[i])%len(upos)]
			}
			if d.Tokens[i].Lemma == "" {
				d.Tokens[i].Lemma = strings.ToLower(d.TokenText(i))
			}
		}
		if err := a.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, q := range d.Quotes {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End || s[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %d-%d %q", q.Start, q.End, q.Text)
			}
		}
	})
}

// TestModelCandidatesGiveWay checks that a statement whose content swallowed
// a second speaker's cue gives way to its cut variant.
func TestModelCandidatesGiveWay(t *testing.T) {
	const (
		P = doc.PROPN
		V = doc.VERB
	)
	d := parsed([]tok{
		{"Kaya", P, "Kaya", 2, "nsubj"}, {"called", V, "call", 0, "root"}, {"Ruiz", P, "Ruiz", 2, "obj"},
		{"a", doc.DET, "a", 5, "det"}, {"liar", doc.NOUN, "liar", 2, "xcomp"}, {"and", doc.CCONJ, "and", 8, "cc"},
		{"Ruiz", P, "Ruiz", 8, "nsubj"}, {"sued", V, "sue", 2, "conj"}, {"him", doc.PRON, "he", 8, "obj"},
		{".", doc.PUNCT, ".", 2, "punct"}})
	// "New taxes, Kaya said, rose and Ruiz sued him.": the parenthetical's
	// whole sentence does not give way to the words after its cue.
	mid := parsed([]tok{
		{"New", doc.ADJ, "new", 2, "amod"}, {"taxes", doc.NOUN, "tax", 7, "nsubj"}, {",", doc.PUNCT, ",", 5, "punct"},
		{"Kaya", P, "Kaya", 5, "nsubj"}, {"said", V, "say", 7, "parataxis"}, {",", doc.PUNCT, ",", 5, "punct"},
		{"rose", V, "rise", 0, "root"}, {"and", doc.CCONJ, "and", 10, "cc"}, {"Ruiz", P, "Ruiz", 10, "nsubj"},
		{"sued", V, "sue", 7, "conj"}, {"him", doc.PRON, "he", 10, "obj"}, {".", doc.PUNCT, ".", 7, "punct"}})
	tests := []struct {
		name  string
		doc   *doc.Document
		model string
		want  []string
	}{
		{"cut variant above the threshold", d, "#threshold 0\nT=fwd\t2\nCUT=and|fwd~\t-1\nXL=he|obj\t2\n", []string{"called:Ruiz a liar", "sued:him"}},
		{"cut variant below the threshold", d, "#threshold 0\nT=fwd\t2\nCUT=and|fwd~\t-3\nXL=he|obj\t2\n", []string{"called:Ruiz a liar and Ruiz sued him"}},
		{"a parenthetical keeps its sentence", mid, "#threshold 0\nT=mid\t3\nT=fwd\t2\nCUT=and|fwd~\t-1\nXL=he|obj\t2\n", []string{"said:New taxes, Kaya said, rose and Ruiz sued him"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseModel(tc.model)
			if err != nil {
				t.Fatal(err)
			}
			lx, err := DefaultLexicon()
			if err != nil {
				t.Fatal(err)
			}
			v := newView(tc.doc, lx)
			var got []string
			for _, k := range v.modelCandidates(m) {
				got = append(got, v.form(k.c)+":"+v.text[v.toks[k.lo].Start:v.toks[k.hi].End])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("accepted %q, want %q", got, tc.want)
			}
		})
	}
}

// TestCreditLine checks that a news agency's credit line proposes no
// attribution, also when it shares a sentence with the story's last words.
func TestCreditLine(t *testing.T) {
	d := parsed([]tok{
		{"Talks", doc.NOUN, "talk", 2, "nsubj"}, {"resume", doc.VERB, "resume", 0, "root"}, {".", doc.PUNCT, ".", 2, "punct"},
		{"(", doc.PUNCT, "(", 5, "punct"}, {"Reporting", doc.VERB, "report", 2, "parataxis"}, {"by", doc.ADP, "by", 7, "case"},
		{"Anna", doc.PROPN, "Anna", 7, "compound"}, {"Berg", doc.PROPN, "Berg", 5, "obl"}, {";", doc.PUNCT, ";", 10, "punct"},
		{"Editing", doc.VERB, "edit", 5, "conj"}, {"by", doc.ADP, "by", 12, "case"}, {"Sam", doc.PROPN, "Sam", 10, "obl"},
		{".", doc.PUNCT, ".", 5, "punct"}, {")", doc.PUNCT, ")", 5, "punct"}})
	for _, cue := range []string{"Reporting", "Editing"} {
		if got := candidateTexts(d, cue); len(got) != 0 {
			t.Errorf("%s: candidates %q, want none", cue, got)
		}
	}
	if got := candidateTexts(d, "resume"); len(got) == 0 {
		t.Errorf("resume: no candidates; the story's words before the credit line must keep theirs")
	}
}

// TestCutBeforeCoordinatedSpeechVerb checks that a content is also cut
// before a coordinated speech verb the parser hung inside it ("said he
// would resign and warned …", "warned" parsed under "resign"), but not
// before any coordinated verb.
func TestCutBeforeCoordinatedSpeechVerb(t *testing.T) {
	lx, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		verb, lemma string
		want        bool
	}{
		{"warned", "warn", true},
		{"ate", "eat", false},
	} {
		d := parsed([]tok{
			{"Kaya", doc.PROPN, "Kaya", 2, "nsubj"}, {"said", doc.VERB, "say", 0, "root"}, {"he", doc.PRON, "he", 5, "nsubj"},
			{"would", doc.AUX, "would", 5, "aux"}, {"resign", doc.VERB, "resign", 2, "ccomp"}, {"and", doc.CCONJ, "and", 7, "cc"},
			{tc.verb, doc.VERB, tc.lemma, 5, "conj"}, {"twice", doc.ADV, "twice", 7, "advmod"}, {".", doc.PUNCT, ".", 2, "punct"}})
		v := newView(d, lx)
		if got := v.cutAt(2, 7, 1) == 4; got != tc.want {
			t.Errorf("%s: cut before it %v, want %v", tc.verb, got, tc.want)
		}
	}
}
