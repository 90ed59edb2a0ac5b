package tokenize

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/internal/shared"
)

// TestHostile runs inputs designed to break a tokenizer. Each must finish
// (in linear time: a quadratic algorithm would take minutes on 1 MB) and
// satisfy the invariants.
func TestHostile(t *testing.T) {
	tk := newT(t)
	const mb = 1 << 20
	tests := []struct {
		name string
		text string
	}{
		{"1MB sentence without punctuation", strings.Repeat("word ", mb/5)},
		{"1MB without spaces", strings.Repeat("abc", mb/3)},
		{"1MB of periods", strings.Repeat(".", mb)},
		{"1MB of dotted letters", strings.Repeat("a.", mb/2)},
		{"1MB of hyphenated digits", strings.Repeat("1-", mb/2)},
		{"1MB of slashes and digits", strings.Repeat("1/", mb/2)},
		{"1MB of commas and digits", strings.Repeat("1,000", mb/5)},
		{"1MB of apostrophes", strings.Repeat("a'", mb/2)},
		{"1MB of at signs", strings.Repeat("a@b", mb/3)},
		{"1MB chunk with one far at sign", strings.Repeat("a,", mb/2) + "x@example.com"},
		{"1MB URL", "http://" + strings.Repeat("a", mb)},
		{"URL with 1MB of trailing punctuation", "www.example.com" + strings.Repeat(")", mb)},
		{"10000 nested quotes", strings.Repeat("\"‘“(", 10000) + "word" + strings.Repeat(")”’\"", 10000)},
		{"10000 nested quotes with periods", strings.Repeat("\"He said, ", 10000) + "no." + strings.Repeat("\"", 10000)},
		{"control characters", "a\x00\x01\x02b\x1b[31mc\x7fd\u0085e"},
		{"mixed scripts", "Путин 普京 بوتين पुतिन Putin's 東京。Ελλάδα-Κύπρος 🇺🇦🙂👍🏽 e\u0301"},
		{"invalid UTF-8", "\xff\xfe\xc3\x28 a\xa0\xa1 \xe2\x82 \xf0\x28\x8c\xbc don\xe2t"},
		{"truncated multibyte at end", "word \xe2\x80"},
		{"only newlines", strings.Repeat("\n", 1000)},
		{"many paragraphs", strings.Repeat("A.\n\n", 10000)},
		{"many single newlines", strings.Repeat("a\n", 10000)},
		{"many datelines", strings.Repeat("WASHINGTON -\n", 10000)},
		{"emoticons only", strings.Repeat(":) :-( <3 ^_^ ", 1000)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkInvariants(t, tc.text, tk)
		})
	}
}

// FuzzTokenize checks the invariants of tokens and sentences on arbitrary
// input: spans in order, in range, non-empty, non-overlapping, on rune
// boundaries, and sentences covering all tokens.
func FuzzTokenize(f *testing.F) {
	seeds := []string{
		"", "The U.S. envoy didn't go. He said: \"No.\"", "WASHINGTON (Reuters) - Talks began.\n\nNext.",
		"e-mail john.doe@example.com https://example.com/x?y=1. $5.2bn 3.5% 1,000 10-15 5pm",
		"‘’Yes,’’ he said… “Why?” 'Cause I'm gonna. Its a deal. b/c w/o", "\xff\xfe\x00:)",
		"J. R. R. Tolkien, Ph.D., etc. The end", "713-853-3989 11/28/2000 9/11 3/4 AT&T O'Brien rock'n'roll",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	tk := newT(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, tk)
	})
}

// BenchmarkTokenize measures tokenizing and sentence splitting of the raw
// text of UD English EWT dev, in tokens per second.
func BenchmarkTokenize(b *testing.B) {
	path := shared.TestPath(b, "data", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	g, err := ReadGold(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	tk := newT(b)
	toks, sents := tk.Segment(g.Text, nil, nil)
	n := len(toks)
	b.SetBytes(int64(len(g.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		toks, sents = tk.Segment(g.Text, toks[:0], sents[:0])
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestEWTDev guards the scores on UD English EWT dev from raw text against
// regressions (dev: tokens F1 99.34, sentences F1 87.12 when written).
func TestEWTDev(t *testing.T) {
	path := shared.TestPath(t, "data", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := newT(t).Evaluate(context.Background(), g, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Tokens.F1() < 99.2 || sc.Sentences.F1() < 86.5 {
		t.Errorf("EWT dev: tokens %v, sentences %v; want F1 ≥ 99.2 and ≥ 86.5", sc.Tokens, sc.Sentences)
	}
	if sc.Tokens.Gold != 25147 || sc.Sentences.Gold != 2001 {
		t.Errorf("gold counts %d words, %d sentences; want 25147, 2001 (reader changed?)", sc.Tokens.Gold, sc.Sentences.Gold)
	}
}
