package tokenize

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
)

func newT(tb testing.TB) *Tokenizer {
	tb.Helper()
	tk, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	return tk
}

// forms returns the token forms of text joined by single spaces.
func forms(tk *Tokenizer, text string) string {
	toks := tk.Tokenize(text, nil)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = text[t.Start:t.End]
	}
	return strings.Join(parts, " ")
}

// sentences returns the sentences of text as token forms, sentences joined by " | ".
func sentences(tk *Tokenizer, text string) string {
	toks, sents := tk.Segment(text, nil, nil)
	var b strings.Builder
	for k, s := range sents {
		if k > 0 {
			b.WriteString(" | ")
		}
		for i := s.FirstToken; i < s.EndToken; i++ {
			if i > s.FirstToken {
				b.WriteByte(' ')
			}
			b.WriteString(text[toks[i].Start:toks[i].End])
		}
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tk := newT(t)
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"spaces only", " \t\n\r ", ""},
		{"simple", "The envoys met.", "The envoys met ."},
		{"title abbreviations", "Dr. Smith met Gen. Jones and Sen. Lee.", "Dr. Smith met Gen. Jones and Sen. Lee ."},
		{"month abbreviation", "It began on Feb. 18, 2025.", "It began on Feb. 18 , 2025 ."},
		{"dotted abbreviation", "The U.S. and the U.K. agreed.", "The U.S. and the U.K. agreed ."},
		{"abbreviation at end", "He moved to the U.S.", "He moved to the U.S ."},
		{"abbreviation then period", "He moved to Washington, D.C.. Then", "He moved to Washington , D.C. . Then"},
		{"abbreviation before starter", "Apples, etc. The rest.", "Apples , etc . The rest ."},
		{"number unit", "At 5pm and 10:30AM it cost $170m, or 65k.", "At 5 pm and 10:30 AM it cost $ 170 m , or 65 k ."},
		{"number unit dotted", "At 2p.m. sharp.", "At 2 p.m. sharp ."},
		{"ordinals kept", "The 3rd and 10th.", "The 3rd and 10th ."},
		{"two-part date", "On 5/18 and 9/11, not 3/4 or 1/2.", "On 5/18 and 9/11 , not 3 / 4 or 1 / 2 ."},
		{"phone long", "Dial 1-800-991-9019 or 345-9945.", "Dial 1-800-991-9019 or 345-9945 ."},
		{"iso date", "On 2025-02-22, not 2001-02.", "On 2025-02-22 , not 2001 - 02 ."},
		{"range not phone", "Between 400-500 men.", "Between 400 - 500 men ."},
		{"file name", "See Report2001.pdf and Newsfeed.Com now.", "See Report2001.pdf and Newsfeed.Com now ."},
		{"its contraction", "Its a deal but its terms vary.", "It s a deal but its terms vary ."},
		{"slash words", "Coffee w/o sugar b/c of c/o me.", "Coffee w/o sugar b/c of c/o me ."},
		{"dollar run", "All about the $$$.", "All about the $$$ ."},
		{"at domain", "Use first name plus @example.com please.", "Use first name plus @example.com please ."},
		{"extension", "Call (3-5213) today.", "Call ( 3-5213 ) today ."},
		{"curly single quote pairs", "‘’Yes,’’ he said.", "‘’ Yes , ’’ he said ."},
		{"company", "Acme Inc. and Foo Corp. rose.", "Acme Inc. and Foo Corp. rose ."},
		{"street", "He lives on Main St. in town.", "He lives on Main St. in town ."},
		{"time", "At 5 p.m. and 9 a.m. sharp.", "At 5 p.m. and 9 a.m. sharp ."},
		{"eg ie etc", "Fruit, e.g. apples, i.e. food, etc.", "Fruit , e.g. apples , i.e. food , etc ."},
		{"initials", "J. R. R. Tolkien wrote it.", "J. R. R. Tolkien wrote it ."},
		{"number abbreviation", "He is No. 1 but said no.", "He is No. 1 but said no ."},
		{"no period on words", "I want to get in.", "I want to get in ."},
		{"curly quotes", "“We will win,” he said.", "“ We will win , ” he said ."},
		{"straight quotes", `"We will win," he said.`, `" We will win , " he said .`},
		{"single quotes", "He said 'maybe' then.", "He said ' maybe ' then ."},
		{"ptb quotes", "``Yes,'' he said.", "`` Yes , '' he said ."},
		{"em dash", "The talks—long delayed—began.", "The talks — long delayed — began ."},
		{"en dash range", "Pages 10–15 only.", "Pages 10 – 15 only ."},
		{"double hyphen", "He left -- quickly.", "He left -- quickly ."},
		{"url", "See https://example.com/a?b=1&c=2.", "See https://example.com/a?b=1&c=2 ."},
		{"url in parens", "(www.example.org/page)", "( www.example.org/page )"},
		{"email", "Write to jane.doe@example.co.uk, please.", "Write to jane.doe@example.co.uk , please ."},
		{"handle and hashtag", "@user posted #Ukraine news.", "@user posted #Ukraine news ."},
		{"money", "It cost $5.2 billion.", "It cost $ 5.2 billion ."},
		{"euro", "€300 and £1,000,000.", "€ 300 and £ 1,000,000 ."},
		{"percent", "Up 3.5% today.", "Up 3.5 % today ."},
		{"thousands", "About 1,000 people.", "About 1,000 people ."},
		{"list of numbers", "Scores 1,2,3 here.", "Scores 1 , 2 , 3 here ."},
		{"numeric range", "In 10-15 days.", "In 10 - 15 days ."},
		{"year range", "From 1969-1970 on.", "From 1969 - 1970 on ."},
		{"phone", "Call 713-853-3989 now.", "Call 713-853-3989 now ."},
		{"clock", "At 10:30 today.", "At 10:30 today ."},
		{"date slashes", "On 11/28/2000 it rained.", "On 11/28/2000 it rained ."},
		{"and/or", "Cats and/or dogs.", "Cats and / or dogs ."},
		{"hyphen split", "A long-term, well-known deal.", "A long - term , well - known deal ."},
		{"hyphen prefix", "Send an e-mail to non-members and co-workers.", "Send an e-mail to non-members and co-workers ."},
		{"names with hyphen", "Al-Jazeera reported it.", "Al - Jazeera reported it ."},
		{"ampersand", "AT&T and S&P fell.", "AT&T and S&P fell ."},
		{"don't", "I don't know.", "I do n't know ."},
		{"won't can't", "Won't they? We can't.", "Wo n't they ? We ca n't ."},
		{"ain't", "It ain't so.", "It ai n't so ."},
		{"I'm it's", "I'm sure it's fine.", "I 'm sure it 's fine ."},
		{"possessive", "Putin's envoy met Trump's team.", "Putin 's envoy met Trump 's team ."},
		{"plural possessive", "The students' union.", "The students ' union ."},
		{"curly apostrophe", "Russia’s envoy didn’t go.", "Russia ’s envoy did n’t go ."},
		{"we'll they've you'd", "We'll see; they've left; you'd go.", "We 'll see ; they 've left ; you 'd go ."},
		{"upper contraction", "I DON'T CARE.", "I DO N'T CARE ."},
		{"o'brien", "O'Brien and rock'n'roll.", "O'Brien and rock'n'roll ."},
		{"decade", "In the '90s it was.", "In the '90s it was ."},
		{"cannot", "You cannot go.", "You can not go ."},
		{"gonna", "We're gonna win.", "We 're gon na win ."},
		{"dont no apostrophe", "I dont care.", "I do nt care ."},
		{"ellipsis", "Well... maybe.", "Well ... maybe ."},
		{"unicode ellipsis", "Well… maybe.", "Well … maybe ."},
		{"repeated marks", "What?! No!!!", "What ?! No !!!"},
		{"emoticons", "Great :) but sad :-( ok ;)", "Great :) but sad :-( ok ;)"},
		{"parentheses", "The group (Hamas) said.", "The group ( Hamas ) said ."},
		{"brackets", "[sic] {x}", "[ sic ] { x }"},
		{"ordinal and decade", "The 1990s and 21st century.", "The 1990s and 21st century ."},
		{"decimal lead", "It is .5 now.", "It is .5 now ."},
		{"domain", "Visit example.com today.", "Visit example.com today ."},
		{"missing space after period", "It ended.Then more.", "It ended . Then more ."},
		{"colon", "Note: this.", "Note : this ."},
		{"mixed scripts", "Путин и Трамп встретились.", "Путин и Трамп встретились ."},
		{"accents", "Zelenskyy and Lavrov's café.", "Zelenskyy and Lavrov 's café ."},
		{"cjk", "東京で会談。", "東京で会談 。"},
		{"nbsp", "5\u00a0million people", "5 million people"},
		{"zero width space", "a\u200bb", "a b"},
		{"control chars", "a\x00b\x07c", "a b c"},
		{"invalid utf8", "caf\xe9 ok", "caf\xe9 ok"},
		{"symbols", "A + B = C * 2", "A + B = C * 2"},
		{"long dashes", "====== title", "====== title"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := forms(tk, tc.in); got != tc.want {
				t.Errorf("Tokenize(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			checkInvariants(t, tc.in, tk)
		})
	}
}

func TestSplit(t *testing.T) {
	tk := newT(t)
	tests := []struct {
		name, in, want string
	}{
		{"two sentences", "The envoys met. They talked.", "The envoys met . | They talked ."},
		{"question and exclamation", "Why? Because! Yes.", "Why ? | Because ! | Yes ."},
		{"title abbreviation", "Dr. Smith met Gen. Jones.", "Dr. Smith met Gen. Jones ."},
		{"abbreviation not final", "The U.S. Senate voted.", "The U.S. Senate voted ."},
		{"abbreviation final", "He went to the U.S. He stayed.", "He went to the U.S . | He stayed ."},
		{"company final", "He joined Acme Inc. The firm grew.", "He joined Acme Inc . | The firm grew ."},
		{"time final", "It ended at 5 p.m. The next day came.", "It ended at 5 p.m . | The next day came ."},
		{"initials", "J. R. R. Tolkien wrote it.", "J. R. R. Tolkien wrote it ."},
		{"closing quote", `"We won." He left.`, `" We won . " | He left .`},
		{"closing curly quote", "“We won.” He left.", "“ We won . ” | He left ."},
		{"quote then said", `"We won," he said.`, `" We won , " he said .`},
		{"question in quote lower", `"Why?" he asked.`, `" Why ? " he asked .`},
		{"closing paren", "It rose (by 5%.) Then fell.", "It rose ( by 5 % . ) | Then fell ."},
		{"ellipsis continues", "Well... maybe not.", "Well ... maybe not ."},
		{"ellipsis ends", "Wait... The end.", "Wait ... | The end ."},
		{"numbers", "It rose 3.5 percent. Then it fell.", "It rose 3.5 percent . | Then it fell ."},
		{"blank line", "First para\n\nSecond para", "First para | Second para"},
		{"headline", "Putin and Trump to meet\nThe leaders will meet.", "Putin and Trump to meet | The leaders will meet ."},
		{"byline", "By Jane Doe\nMOSCOW — Talks began.", "By Jane Doe | MOSCOW — | Talks began ."},
		{"dateline reuters", "WASHINGTON (Reuters) - The talks began.", "WASHINGTON ( Reuters ) - | The talks began ."},
		{"dateline region date", "KYIV, Ukraine, Feb. 22 (AP) — Talks began.", "KYIV , Ukraine , Feb. 22 ( AP ) — | Talks began ."},
		{"not a dateline", "NATO allies - including France - agreed.", "NATO allies - including France - agreed ."},
		{"not a dateline mid paragraph", "He spoke. WASHINGTON - it is.", "He spoke . | WASHINGTON - it is ."},
		{"wrapped line", "The talks will\ncontinue tomorrow.", "The talks will continue tomorrow ."},
		{"line without punctuation", "Breaking News\nMore later", "Breaking News | More later"},
		{"abbreviation at line start", "Thanks\nP.S. I am moving.", "Thanks | P.S. I am moving ."},
		{"email header", "Jane Doe 08/16/2000 12:05 PM I just wanted to say hi.", "Jane Doe | 08/16/2000 12:05 PM | I just wanted to say hi ."},
		{"header date", "Thanks. Kay Mann 04/26/2001 07:17 AM Will you come?", "Thanks . | Kay Mann | 04/26/2001 07:17 AM | Will you come ?"},
		{"sign-off", "See you there. Thanks, Sean", "See you there . | Thanks , | Sean"},
		{"lowercase after period", "It is 5 a.m. now.", "It is 5 a.m. now ."},
		{"period then comma", "He said no., then left.", "He said no . , then left ."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sentences(tk, tc.in); got != tc.want {
				t.Errorf("Split(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			checkInvariants(t, tc.in, tk)
		})
	}
}

func TestParagraphs(t *testing.T) {
	tk := newT(t)
	text := "Headline here\nBy A. Writer\n\nFirst sentence. Second sentence.\nThird one.\r\n\r\nLast."
	_, sents := tk.Segment(text, nil, nil)
	var got []int
	for _, s := range sents {
		got = append(got, s.Paragraph)
	}
	want := []int{0, 1, 2, 2, 3, 4}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("paragraphs = %v, want %v", got, want)
	}
}

func TestProcess(t *testing.T) {
	tk := newT(t)
	d := doc.New(doc.Article{Text: "The envoys met in Riyadh. They talked."})
	if err := tk.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 2 || len(d.Tokens) != 9 {
		t.Fatalf("got %d sentences, %d tokens; want 2, 9", len(d.Sentences), len(d.Tokens))
	}
	if d.Tokens[6].Sent != 1 || d.Sentences[1].FirstToken != 6 || d.Sentences[1].Start != 26 {
		t.Errorf("second sentence wrong: %+v, token 6 %+v", d.Sentences[1], d.Tokens[6])
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d2 := doc.New(doc.Article{Text: "Text."})
	if err := tk.Process(ctx, d2); err == nil || d2.Tokens != nil {
		t.Errorf("cancelled Process: err %v, tokens %v", err, d2.Tokens)
	}
}

func TestSegmentAppends(t *testing.T) {
	tk := newT(t)
	toks, sents := tk.Segment("One. Two.", nil, nil)
	toks, sents = tk.Segment("Three. Four.", toks, sents)
	if len(sents) != 4 || sents[2].FirstToken != 4 || toks[4].Sent != 2 {
		t.Errorf("appending segment: sents %+v", sents)
	}
}

// checkInvariants verifies what every tokenization must satisfy: tokens are
// non-empty, in order, non-overlapping, on rune boundaries and free of
// spaces; sentences cover the tokens in order.
func checkInvariants(t testing.TB, text string, tk *Tokenizer) {
	t.Helper()
	toks, sents := tk.Segment(text, nil, nil)
	bound := make([]bool, len(text)+1)
	for k := 0; k < len(text); {
		bound[k] = true
		_, w := decode(text, k)
		k += w
	}
	bound[len(text)] = true
	prev := 0
	for i, tok := range toks {
		s, e := int(tok.Start), int(tok.End)
		if s < prev || e <= s || e > len(text) {
			t.Fatalf("token %d [%d,%d) out of order or empty (prev end %d, len %d)", i, s, e, prev, len(text))
		}
		if !bound[s] || !bound[e] {
			t.Fatalf("token %d [%d,%d) not on rune boundaries", i, s, e)
		}
		for k := s; k < e; {
			r, w := decode(text, k)
			if isSpaceRune(r) {
				t.Fatalf("token %d %q contains space %U", i, text[s:e], r)
			}
			k += w
		}
		prev = e
	}
	next := 0
	para := 0
	for k, sn := range sents {
		if sn.FirstToken != next || sn.EndToken <= sn.FirstToken || sn.EndToken > len(toks) {
			t.Fatalf("sentence %d covers tokens [%d,%d), want start %d", k, sn.FirstToken, sn.EndToken, next)
		}
		if sn.Start != int(toks[sn.FirstToken].Start) || sn.End != int(toks[sn.EndToken-1].End) {
			t.Fatalf("sentence %d span [%d,%d) does not match its tokens", k, sn.Start, sn.End)
		}
		if sn.Paragraph < para || sn.Paragraph > para+1 {
			t.Fatalf("sentence %d paragraph %d after %d", k, sn.Paragraph, para)
		}
		para = sn.Paragraph
		for i := sn.FirstToken; i < sn.EndToken; i++ {
			if toks[i].Sent != int32(k) {
				t.Fatalf("token %d has Sent %d, want %d", i, toks[i].Sent, k)
			}
		}
		next = sn.EndToken
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
}
