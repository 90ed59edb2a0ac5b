package tag

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/shared"
)

var quiet = slog.New(slog.DiscardHandler)

func model(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestEmbeddedTags(t *testing.T) {
	m := model(t)
	tests := []struct {
		sent  string
		word  int
		upos  doc.UPOS
		xpos  string
		lemma string
	}{
		{"A U.S. delegation met with a Russian delegation in Riyadh .", 3, doc.VERB, "VBD", "meet"},
		{"A U.S. delegation met with a Russian delegation in Riyadh .", 2, doc.NOUN, "NN", "delegation"},
		{"A U.S. delegation met with a Russian delegation in Riyadh .", 9, doc.PROPN, "NNP", "Riyadh"},
		{"A U.S. delegation met with a Russian delegation in Riyadh .", 6, doc.ADJ, "JJ", "Russian"},
		{"The ministers were discussing sanctions on Tuesday .", 2, doc.AUX, "VBD", "be"},
		{"The ministers were discussing sanctions on Tuesday .", 1, doc.NOUN, "NNS", "minister"},
		{"The ministers were discussing sanctions on Tuesday .", 3, doc.VERB, "VBG", "discuss"},
		{"She said they did n't agree .", 4, doc.PART, "RB", "not"},
		{"She said they did n't agree .", 0, doc.PRON, "PRP", "she"},
		{"Officials have denied the reports .", 2, doc.VERB, "VBN", "deny"},
		{"Talks will resume next week .", 1, doc.AUX, "MD", "will"},
		{"Prices rose 3 % in 2024 .", 2, doc.NUM, "CD", "3"},
		// irregular verbs that training never gave a lemma for
		{"Government troops fought the rebels .", 2, doc.VERB, "VBD", "fight"},
		{"The suspect was shot on Monday .", 3, doc.VERB, "VBN", "shoot"},
		{"Thousands fled the city .", 1, doc.VERB, "VBD", "flee"},
		{"The crises grew worse .", 1, doc.NOUN, "NNS", "crisis"},
	}
	for _, tc := range tests {
		fs := strings.Fields(tc.sent)
		out := make([]Analysis, len(fs))
		m.Tag(fs, out)
		a := out[tc.word]
		if a.UPOS != tc.upos || a.XPOS != tc.xpos || a.Lemma != tc.lemma {
			t.Errorf("%q word %q: got %v/%s/%s, want %v/%s/%s", tc.sent, fs[tc.word], a.UPOS, a.XPOS, a.Lemma, tc.upos, tc.xpos, tc.lemma)
		}
	}
}

func TestLemmaScripts(t *testing.T) {
	tests := []struct{ form, lemma string }{
		{"forces", "force"}, {"The", "the"}, {"Riyadh", "Riyadh"}, {"went", "go"}, {"studies", "study"},
		{"Übungen", "übung"}, {"n't", "not"}, {"US", "US"},
	}
	for _, tc := range tests {
		s := makeScript(tc.form, tc.lemma)
		got, ok := s.apply(nil, tc.form)
		if !ok || string(got) != tc.lemma {
			t.Errorf("script %+v on %q: got %q (ok=%v), want %q", s, tc.form, got, ok, tc.lemma)
		}
	}
	// a script that does not fit is refused
	if _, ok := (script{Cut: 5}).apply(nil, "ab"); ok {
		t.Error("cut longer than the form accepted")
	}
}

func TestHostileInput(t *testing.T) {
	m := model(t)
	tests := []struct {
		name  string
		forms []string
	}{
		{"empty", nil},
		{"control characters", []string{"\x00", "\x01\x02", "a\x7f"}},
		{"invalid utf-8", []string{"\xff\xfe", "caf\xc3"}},
		{"mixed scripts", []string{"Путин", "встретился", "с", "特朗普", "في", "الرياض", "🙂"}},
		{"long word", []string{strings.Repeat("x", 100000)}},
		{"quotes", strings.Fields(strings.Repeat("\" ", 10000))},
	}
	for _, tc := range tests {
		out := make([]Analysis, len(tc.forms))
		m.Tag(tc.forms, out)
		for i, a := range out {
			if a.UPOS == doc.NoPOS || a.XPOS == "" || a.Lemma == "" {
				t.Errorf("%s: word %d untagged: %+v", tc.name, i, a)
				break
			}
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := model(t)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	fs := strings.Fields("Russian envoys said on Friday that talks had stalled .")
	a, b := make([]Analysis, len(fs)), make([]Analysis, len(fs))
	m.Tag(fs, a)
	m2.Tag(fs, b)
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("word %d: %+v != %+v", i, a[i], b[i])
		}
	}
	if _, err := ReadModel(bytes.NewReader(buf.Bytes()[:buf.Len()/2])); err == nil {
		t.Error("truncated model accepted")
	}
	if _, err := ReadModel(strings.NewReader("not a model")); err == nil {
		t.Error("garbage accepted")
	}
}

func TestStage(t *testing.T) {
	text := "Envoys met. Talks resumed"
	d := doc.New(doc.Article{Text: text})
	d.Tokens = []doc.Token{{Start: 0, End: 6}, {Start: 7, End: 10}, {Start: 10, End: 11, Sent: 0}, {Start: 12, End: 17, Sent: 1}, {Start: 18, End: 25, Sent: 1}}
	d.Sentences = []doc.Sentence{{Start: 0, End: 11, FirstToken: 0, EndToken: 3}, {Start: 12, End: 25, FirstToken: 3, EndToken: 5}}
	tg, _ := New()
	if err := tg.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Tokens[1].Lemma != "meet" || d.Tokens[2].UPOS != doc.PUNCT || d.Tokens[4].UPOS != doc.VERB || d.Tokens[4].Lemma != "resume" {
		t.Errorf("got %+v", d.Tokens)
	}
	// bad layers give an error, not a panic, and leave the document alone
	d.Tokens[4].End = 99
	d.Tokens[4].Lemma = "x"
	if err := tg.Process(context.Background(), d); err == nil || d.Tokens[4].Lemma != "x" {
		t.Errorf("bad token span: err %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := tg.Process(ctx, doc.New(doc.Article{Text: "x"})); err == nil {
		t.Error("cancelled context ignored")
	}
}

// TestTrainSmoke trains on a few hundred sentences and checks that the
// model learns: training accuracy well above the majority tag.
func TestTrainSmoke(t *testing.T) {
	dir := shared.TestPath(t, "data", "ud-english-ewt")
	train, err := conllu.LoadSplit(dir, "train")
	if err != nil {
		t.Fatal(err)
	}
	train = train[:300]
	m1, err := Train(context.Background(), train, nil, TrainOptions{Seed: 3, Epochs: 1, Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	m5, err := Train(context.Background(), train, nil, TrainOptions{Seed: 3, Epochs: 5, Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	s1, s5 := m1.Evaluate(train), m5.Evaluate(train)
	if s5.UPOS < 90 || s5.UPOS <= s1.UPOS-0.5 {
		t.Errorf("training accuracy after 1 epoch %.2f, after 5 %.2f", s1.UPOS, s5.UPOS)
	}
	// the optional second pass trains, scores and survives a round trip
	m2, err := Train(context.Background(), train, nil, TrainOptions{Seed: 3, Epochs: 3, Folds: 2, Log: quiet})
	if err != nil || m2.pm2 == nil {
		t.Fatalf("second pass: %v", err)
	}
	var buf2 bytes.Buffer
	m2.WriteTo(&buf2)
	r2, err := ReadModel(&buf2)
	if err != nil || r2.pm2 == nil {
		t.Fatalf("second pass round trip: %v", err)
	}
	if s2, r := m2.Evaluate(train), r2.Evaluate(train); s2.UPOS < 90 || s2 != r {
		t.Errorf("second pass: %v, after round trip %v", s2, r)
	}
	// averaging: one model is itself, seeds average into a model that
	// still learns, models with other passes do not mix
	m5s4, _ := Train(context.Background(), train, nil, TrainOptions{Seed: 4, Epochs: 5, Log: quiet})
	for _, tc := range []struct {
		name   string
		models []*Model
		ok     bool
	}{
		{"one", []*Model{m5}, true},
		{"two seeds", []*Model{m5, m5s4}, true},
		{"second pass with first only", []*Model{m5, m2}, false},
		{"none", nil, false},
	} {
		avg, err := Average(tc.models, DefaultMinAbs)
		if (err == nil) != tc.ok {
			t.Errorf("average %s: error %v", tc.name, err)
			continue
		}
		if err != nil {
			continue
		}
		if sa := avg.Evaluate(train); sa.UPOS < 90 || (len(tc.models) == 1 && sa != s5) {
			t.Errorf("average %s: %v (single model %v)", tc.name, sa, s5)
		}
	}
	// determinism
	m5b, _ := Train(context.Background(), train, nil, TrainOptions{Seed: 3, Epochs: 5, Log: quiet})
	var a, b bytes.Buffer
	m5.WriteTo(&a)
	m5b.WriteTo(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("training is not deterministic")
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSpacing checks that the spacing of the words reaches the tagger: a
// hyphen inside a word ("then-U.S.") is HYPH, and a nil spacing tags like
// Tag.
func TestSpacing(t *testing.T) {
	m := model(t)
	if !m.spacing {
		t.Skip("embedded model has no spacing templates")
	}
	tests := []struct {
		sent  string
		glued []int // words followed directly by the next
		word  int
		xpos  string
	}{
		{"Putin met with then - U.S. President Joe Biden .", []int{3, 4}, 4, "HYPH"},
		{"a well - known author", []int{1, 2}, 2, "HYPH"},
	}
	for _, tc := range tests {
		fs := strings.Fields(tc.sent)
		g := make([]bool, len(fs))
		for _, i := range tc.glued {
			g[i] = true
		}
		out := make([]Analysis, len(fs))
		m.TagSpaced(fs, g, out)
		if out[tc.word].XPOS != tc.xpos {
			t.Errorf("%q glued at %v: word %d is %s, want %s", tc.sent, tc.glued, tc.word, out[tc.word].XPOS, tc.xpos)
		}
		a, b := make([]Analysis, len(fs)), make([]Analysis, len(fs))
		m.Tag(fs, a)
		m.TagSpaced(fs, nil, b)
		for i := range a {
			if a[i] != b[i] {
				t.Errorf("%q: Tag and TagSpaced(nil) differ at %d: %+v, %+v", tc.sent, i, a[i], b[i])
			}
		}
	}
}
