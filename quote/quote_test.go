package quote

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
)

type wantQuote struct {
	text, cue, speaker string
	direct, mixed      bool
}

func run(t testing.TB, d *doc.Document) []doc.Quote {
	t.Helper()
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d.Quotes
}

func check(t *testing.T, got []doc.Quote, want []wantQuote) {
	t.Helper()
	if len(got) != len(want) {
		for _, q := range got {
			t.Logf("got %s %q cue=%v speaker=%v", q.ID, q.Text, q.Cue, q.Speaker)
		}
		t.Fatalf("got %d quotes, want %d", len(got), len(want))
	}
	for i, w := range want {
		q := got[i]
		if q.Text != w.text {
			t.Errorf("quote %d: text %q, want %q", i, q.Text, w.text)
		}
		cue := ""
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		if cue != w.cue {
			t.Errorf("quote %d (%q): cue %q, want %q", i, q.Text, cue, w.cue)
		}
		spk := ""
		if q.Speaker != nil {
			spk = q.Speaker.Text
		}
		if spk != w.speaker {
			t.Errorf("quote %d (%q): speaker %q, want %q", i, q.Text, spk, w.speaker)
		}
		if q.Direct != w.direct || q.Mixed != w.mixed {
			t.Errorf("quote %d (%q): direct/mixed %v/%v, want %v/%v", i, q.Text, q.Direct, q.Mixed, w.direct, w.mixed)
		}
		if q.ID != "q"+itoa(i+1) {
			t.Errorf("quote %d: id %q", i, q.ID)
		}
	}
}

func TestDirectQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantQuote
	}{
		{"after, curly", "“The harvest was poor this year,” Maria Lopez said.",
			[]wantQuote{{"The harvest was poor this year", "said", "Maria Lopez", true, false}}},
		{"after, inverted", "\"We will rebuild the bridge by spring,\" said Mayor Tom Reed.",
			[]wantQuote{{"We will rebuild the bridge by spring", "said", "Mayor Tom Reed", true, false}}},
		{"after, adverb", "“Nobody expected this,” Alvarez later told reporters.",
			[]wantQuote{{"Nobody expected this", "told", "Alvarez", true, false}}},
		{"before, colon", "The governor added: “Taxes will not go up next year.”",
			[]wantQuote{{"Taxes will not go up next year.", "added", "The governor", true, false}}},
		{"interrupted", "“There will be no vote,” Okafor said, “until the committee has read every page.”",
			[]wantQuote{
				{"There will be no vote", "said", "Okafor", true, false},
				{"until the committee has read every page.", "said", "Okafor", true, false}}},
		{"colon on previous paragraph", "A reporter asked Chen about the plan. Chen replied:\n\n“We have no plan yet. We are still listening to farmers.”",
			[]wantQuote{{"We have no plan yet. We are still listening to farmers.", "replied", "Chen", true, false}}},
		{"multi-paragraph", "“The first thing is money,” Ibsen said. “The second thing is time.\n\n“The third thing is patience, which we lack.”",
			[]wantQuote{
				{"The first thing is money", "said", "Ibsen", true, false},
				{"The second thing is time.\n\n“The third thing is patience, which we lack.", "said", "Ibsen", true, false}}},
		{"nested", "“He told me ‘never again’ and walked away,” Dunne said.",
			[]wantQuote{{"He told me ‘never again’ and walked away", "said", "Dunne", true, false}}},
		{"unclosed stops at paragraph", "Patel said: “We will appeal the ruling\n\nThe court did not comment on the case at all.",
			[]wantQuote{{"We will appeal the ruling", "said", "Patel", true, false}}},
		{"reopened without closing", "Kim responded:\n\n“We are not ready to talk about this. “When we are ready, you will know it.”",
			[]wantQuote{
				{"We are not ready to talk about this.", "responded", "Kim", true, false},
				{"When we are ready, you will know it.", "responded", "Kim", true, false}}},
		{"headline label", "Novak: 'We will not resign over this scandal'\nThe minister spoke on Monday.",
			[]wantQuote{{"We will not resign over this scandal", ":", "Novak", true, false}}},
		{"transcript labels", "WALLACE: Will you be there tomorrow night?\nPENCE: Well, look, I will be there with my family.",
			[]wantQuote{
				{"Will you be there tomorrow night?", ":", "WALLACE", true, false},
				{"Well, look, I will be there with my family.", ":", "PENCE", true, false}}},
		{"interview Q and A", "Q: What will you do first?\n\nA: We will fix the roads first.",
			[]wantQuote{
				{"What will you do first?", ":", "Q", true, false},
				{"We will fix the roads first.", ":", "A", true, false}}},
		{"quoted transcript paragraphs are one quote per speaker", "\"WALLACE: Let's start with the news today.\n\n\"PENCE: Well, look, this is serious business for us.\n\n\"And we will win it.",
			[]wantQuote{
				{"Let's start with the news today.", ":", "WALLACE", true, false},
				{"Well, look, this is serious business for us.\n\n\"And we will win it.", ":", "PENCE", true, false}}},
		{"a turned mark opening a paragraph opens a quote", "”He is ignorant of our culture and of our lives.” ― Pamela Padilla",
			[]wantQuote{{"He is ignorant of our culture and of our lives.", "―", "Pamela Padilla", true, false}}},
		{"a section heading in quotation marks is no quote", "“We lost the vote today,” Baker said.\n\n'Legend in the Coal Fields.'\n\nBankruptcy is like a chess game.",
			[]wantQuote{{"We lost the vote today", "said", "Baker", true, false}}},
		{"a sign-off ends a quoted transcript", "\"PENCE: Well, look, this is serious business for us.\n\n\"Follow Ann Roe on Twitter @annroe.",
			[]wantQuote{{"Well, look, this is serious business for us.", ":", "PENCE", true, false}}},
		{"note labels are no speakers", "UPDATE: The vote was moved to Tuesday afternoon.\nEditor’s Note: This story has been corrected.", nil},
		{"times are no labels", "At 10:30 the session opened again without them.", nil},
		{"dash signature", "“He is ignorant of our culture and of our lives.” ― Pamela Padilla\n“We deserve better than this.”― Jorge Falcon.",
			[]wantQuote{
				{"He is ignorant of our culture and of our lives.", "―", "Pamela Padilla", true, false},
				{"We deserve better than this.", "―", "Jorge Falcon", true, false}}},
		{"words before a quote attributed after it", "Not paying any taxes “makes me smart,” Trump said.",
			[]wantQuote{
				{"Not paying any taxes “makes me smart,”", "said", "Trump", false, true},
				{"makes me smart", "said", "Trump", true, false}}},
		{"a quote opening its sentence has no lead-in", "Later that day, he left. “We are done here,” Trump said.",
			[]wantQuote{{"We are done here", "said", "Trump", true, false}}},
		{"a show's title is no quote", "Speaking on NBC’s “Meet the Press,” Carson said the plan would work.",
			[]wantQuote{{"the plan would work", "said", "Carson", false, false}}},
		{"scare quotes dropped", "The so-called “reform” was voted down and the “plan” failed.", nil},
		{"apostrophes are not quotes", "The mayor’s office isn’t ready and won’t comment on the ’90s.", nil},
		{"fragment in reported speech", "Ibarra said the talks would need “a great deal of patience” from both sides.",
			[]wantQuote{
				{"the talks would need “a great deal of patience” from both sides", "said", "Ibarra", false, true},
				{"a great deal of patience", "said", "Ibarra", true, false}}},
		{"reported speech without a parse", "Moscow is ready to talk, Deputy Minister Ivan Orlov announced on Monday.",
			[]wantQuote{{"Moscow is ready to talk", "announced", "Deputy Minister Ivan Orlov", false, false}}},
		{"a quote that ends its sentence takes no cue from the next", "“Prices will rise again next year.” He also said the plan was sound.",
			[]wantQuote{
				{"Prices will rise again next year.", "", "", true, false},
				{"the plan was sound", "said", "He", false, false}}},
		{"speaker after the quote with a relative clause", "“It is too early to tell,” said Okafor, who also hosts “Market Talk.”",
			[]wantQuote{{"It is too early to tell", "said", "Okafor", true, false}}},
		{"stray closing mark", "He left.” Then nothing happened for a very long while.", nil},
		{"long unattributed quote kept", "“Every single one of these roads will be paved by the end of June.”",
			[]wantQuote{{"Every single one of these roads will be paved by the end of June.", "", "", true, false}}},
		{"following paragraph continues", "“We lost,” Baker said.\n\n“And we will learn from it and come back stronger.”",
			[]wantQuote{
				{"We lost", "said", "Baker", true, false},
				{"And we will learn from it and come back stronger.", "said", "Baker", true, false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc.New(doc.Article{Text: tc.text})
			check(t, run(t, d), tc.want)
		})
	}
}

// tok is a hand-built token: form, UPOS, lemma, 1-based head (0 = root), relation.
type tok struct {
	form  string
	upos  doc.UPOS
	lemma string
	head  int
	dep   string
}

// parsed builds a one-sentence document from hand-parsed tokens joined by
// spaces (no space before tokens whose form starts with punctuation other
// than an opening quote).
func parsed(toks []tok) *doc.Document {
	var b strings.Builder
	d := &doc.Document{}
	for i, t := range toks {
		if i > 0 && !strings.ContainsAny(t.form, ",.:;!?”") && toks[i-1].form != "“" {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(t.form)
		d.Tokens = append(d.Tokens, doc.Token{Start: int32(start), End: int32(b.Len()), Head: int32(t.head - 1), UPOS: t.upos, Lemma: t.lemma, Dep: t.dep})
	}
	d.Text = b.String()
	d.Sentences = []doc.Sentence{{Start: 0, End: len(d.Text), FirstToken: 0, EndToken: len(toks)}}
	d.Done = doc.Sentences | doc.Tokens | doc.Tags | doc.Lemmas | doc.Deps
	return d
}

func TestIndirectSpeech(t *testing.T) {
	const (
		N = doc.NOUN
		P = doc.PROPN
		V = doc.VERB
		X = doc.PUNCT
	)
	tests := []struct {
		name   string
		toks   []tok
		actors []doc.Actor
		want   []wantQuote
	}{
		{"clausal complement", []tok{
			{"Haddad", P, "Haddad", 2, "nsubj"}, {"indicated", V, "indicate", 0, "root"},
			{"that", doc.SCONJ, "that", 5, "mark"}, {"prices", N, "price", 5, "nsubj"}, {"rose", V, "rise", 2, "ccomp"},
			{".", X, ".", 2, "punct"}},
			nil,
			[]wantQuote{{"that prices rose", "indicated", "Haddad", false, false}}},
		{"noun-phrase content", []tok{
			{"Moreau", P, "Moreau", 2, "nsubj"}, {"denied", V, "deny", 0, "root"},
			{"reports", N, "report", 2, "obj"}, {"of", doc.ADP, "of", 5, "case"}, {"talks", N, "talk", 3, "nmod"},
			{".", X, ".", 2, "punct"}},
			nil,
			[]wantQuote{{"reports of talks", "denied", "Moreau", false, false}}},
		{"according to", []tok{
			{"Exports", N, "export", 4, "nsubj"}, {"of", doc.ADP, "of", 3, "case"}, {"steel", N, "steel", 1, "nmod"},
			{"fell", V, "fall", 0, "root"}, {"sharply", doc.ADV, "sharply", 4, "advmod"}, {"in", doc.ADP, "in", 7, "case"},
			{"March", P, "March", 4, "obl"}, {",", X, ",", 11, "punct"},
			{"according", V, "accord", 11, "case"}, {"to", doc.ADP, "to", 9, "fixed"}, {"Eurostat", P, "Eurostat", 4, "obl"},
			{".", X, ".", 4, "punct"}},
			nil,
			[]wantQuote{{"Exports of steel fell sharply in March", "according to", "Eurostat", false, false}}},
		{"trailing attribution", []tok{
			{"The", doc.DET, "the", 2, "det"}, {"talks", N, "talk", 5, "nsubj"}, {"in", doc.ADP, "in", 4, "case"},
			{"Geneva", P, "Geneva", 2, "nmod"}, {"failed", V, "fail", 0, "root"}, {"again", doc.ADV, "again", 5, "advmod"},
			{"on", doc.ADP, "on", 8, "case"}, {"Monday", P, "Monday", 5, "obl"},
			{",", X, ",", 11, "punct"}, {"officials", N, "official", 11, "nsubj"}, {"said", V, "say", 5, "parataxis"},
			{".", X, ".", 5, "punct"}},
			nil,
			[]wantQuote{{"The talks in Geneva failed again on Monday", "said", "officials", false, false}}},
		{"mixed", []tok{
			{"Sato", P, "Sato", 2, "nsubj"}, {"said", V, "say", 0, "root"}, {"it", doc.PRON, "it", 4, "nsubj"},
			{"needs", V, "need", 2, "ccomp"}, {"“", X, "“", 7, "punct"}, {"more", doc.ADJ, "more", 7, "amod"},
			{"time", N, "time", 4, "obj"}, {"”", X, "”", 7, "punct"}, {".", X, ".", 2, "punct"}},
			nil,
			[]wantQuote{
				{"it needs “more time”", "said", "Sato", false, true},
				{"more time", "said", "Sato", true, false}}},
		{"speech inside a direct quote is not repeated", []tok{
			{"“", X, "“", 3, "punct"}, {"Prices", N, "price", 3, "nsubj"}, {"rose", V, "rise", 6, "ccomp"}, {",", X, ",", 3, "punct"},
			{"”", X, "”", 3, "punct"}, {"said", V, "say", 0, "root"}, {"Alves", P, "Alves", 6, "nsubj"}, {".", X, ".", 6, "punct"}},
			nil,
			[]wantQuote{{"Prices rose", "said", "Alves", true, false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parsed(tc.toks)
			d.Actors = tc.actors
			check(t, run(t, d), tc.want)
		})
	}
}

func TestSpeakerActors(t *testing.T) {
	text := "Lena Weiss, the finance minister, spoke on Monday. “Rates must rise,” she said. “We cannot wait,” the minister said. “Nothing is decided,” officials said."
	d := doc.New(doc.Article{Text: text})
	d.Actors = []doc.Actor{{ID: "A1", Name: "Lena Weiss", Kind: "PER", Role: "finance minister",
		Mentions: []doc.Mention{{Text: "Lena Weiss", Start: 0, End: 10, Kind: "name"}}}}
	qs := run(t, d)
	want := []struct {
		actor string
		anon  bool
	}{{"A1", false}, {"A1", false}, {"", true}}
	if len(qs) != len(want) {
		t.Fatalf("got %d quotes, want %d: %+v", len(qs), len(want), qs)
	}
	for i, w := range want {
		s := qs[i].Speaker
		if s == nil {
			t.Fatalf("quote %d has no speaker", i)
		}
		if s.Actor != w.actor || s.Anonymous != w.anon {
			t.Errorf("quote %d (%q, speaker %q): actor %q anonymous %v, want %q %v", i, qs[i].Text, s.Text, s.Actor, s.Anonymous, w.actor, w.anon)
		}
	}
}

func TestWriteGKG(t *testing.T) {
	d := doc.New(doc.Article{ID: "doc1", Text: "Él dijo. “Tax|es rise,” Ana Ruiz said."})
	d.Actors = []doc.Actor{{ID: "A1", Name: "Ana Ruiz", Kind: "PER", Mentions: []doc.Mention{{Start: 28, End: 36}}}}
	run(t, d)
	var buf bytes.Buffer
	if err := WriteGKG(&buf, d); err != nil {
		t.Fatal(err)
	}
	want := "doc1\t10|11|said|Tax es rise|Ana Ruiz\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func TestActLemma(t *testing.T) {
	tests := []struct {
		lemma, plover string
		ok            bool
	}{
		{"accuse", "ACCUSE", true}, {"deny", "REJECT", true}, {"Threaten", "THREATEN", true},
		{"demand", "REQUEST", true}, {"promise", "AGREE", true}, {"praise", "SUPPORT", true},
		{"say", "", false}, {"", "", false},
	}
	for _, tc := range tests {
		a, ok := ActLemma(tc.lemma)
		if ok != tc.ok || a.Plover != tc.plover {
			t.Errorf("ActLemma(%q) = %+v, %v; want %q, %v", tc.lemma, a, ok, tc.plover, tc.ok)
		}
	}
}

func TestParseAnn(t *testing.T) {
	text := "Él dijo: “Sí.” Ana said rain is coming."
	// Character offsets: "Ana" 15-18, "said" 19-23, content 24-38.
	ann := "T1\tSource 15 18\tAna\nT2\tCue 19 23\tsaid\nT3\tContent 24 29;30 38\train is coming\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
	got, err := parseAnn(ann, text)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d attributions", len(got))
	}
	g := got[0]
	if s := text[g.Source.Start:g.Source.End]; s != "Ana" {
		t.Errorf("source %q", s)
	}
	if s := text[g.Content.Start:g.Content.End]; s != "rain is coming" {
		t.Errorf("content %q", s)
	}
	if _, err := parseAnn("T1\tSource 5 2\tx\n", text); err == nil {
		t.Error("bad range accepted")
	}
}

func TestMatchHalfOverlap(t *testing.T) {
	gold := []GoldAttribution{{Content: doc.Span{Start: 0, End: 100}}, {Content: doc.Span{Start: 200, End: 210}}}
	pred := []Predicted{{Content: doc.Span{Start: 10, End: 70}}, {Content: doc.Span{Start: 150, End: 215}}}
	m := Match(pred, gold)
	if m[0] != 0 || m[1] != -1 {
		t.Errorf("match = %v, want [0 -1]", m)
	}
}

func TestMatchSegments(t *testing.T) {
	text := strings.Repeat("abcdefghij", 10)
	// Gold: two pieces of 20 characters around an attribution of 40.
	gold := []GoldAttribution{{Content: doc.Span{Start: 0, End: 80}, Parts: []doc.Span{{Start: 0, End: 20}, {Start: 60, End: 80}}}}
	tests := []struct {
		name     string
		pred     Predicted
		envelope int // want of Match
		segments int // want of MatchSegments
	}{
		{"first piece only", Predicted{Content: doc.Span{Start: 0, End: 20}}, -1, 0},
		{"both pieces", Predicted{Content: doc.Span{Start: 0, End: 80}, Parts: []doc.Span{{Start: 0, End: 20}, {Start: 60, End: 80}}}, 0, 0},
		{"the attribution in the middle", Predicted{Content: doc.Span{Start: 20, End: 60}}, 0, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if m := Match([]Predicted{tc.pred}, gold); m[0] != tc.envelope {
				t.Errorf("Match = %v, want %d", m, tc.envelope)
			}
			if m := MatchSegments(text, []Predicted{tc.pred}, gold); m[0] != tc.segments {
				t.Errorf("MatchSegments = %v, want %d", m, tc.segments)
			}
		})
	}
}

func TestCancelled(t *testing.T) {
	a, _ := New()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := doc.New(doc.Article{Text: "“Yes,” he said."})
	if err := a.Process(ctx, d); err == nil {
		t.Error("no error on a cancelled context")
	}
	if d.Quotes != nil {
		t.Error("document changed on error")
	}
}

func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"“Yes,” he said, “and no.”", "\"a\" \"b", "‘x’ ’y‘", "He said: \n\n“", "«Non», a-t-il dit.",
		"“One.\n\n“Two.\n\n“Three.”", "'tis the '90s' ' '", "according to", "”“”“", "Said: “",
	} {
		f.Add(s)
	}
	a, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := doc.New(doc.Article{Text: s})
		if err := a.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, q := range d.Quotes {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End || s[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %d-%d %q", q.Start, q.End, q.Text)
			}
			if q.Speaker != nil && (q.Speaker.Start < 0 || q.Speaker.End > len(s) || s[q.Speaker.Start:q.Speaker.End] != q.Speaker.Text) {
				t.Fatalf("bad speaker %+v", q.Speaker)
			}
		}
		var buf bytes.Buffer
		if err := WriteGKG(&buf, d); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkProcess(b *testing.B) {
	text := strings.Repeat("“There will be no vote,” Okafor said, “until the committee has read every page.” "+
		"The minister added that prices would rise. Analysts said the plan was “a long shot.”\n\n", 20)
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	d := doc.New(doc.Article{Text: text})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d.Quotes = nil
		if err := a.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}
