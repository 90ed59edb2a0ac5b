package conllu

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// Sentences written for these tests (not corpus text).
const sample = `# newdoc id = t1
# sent_id = t1-1
# text = Envoys don't meet on Sundays.
1	Envoys	envoy	NOUN	NNS	Number=Plur	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	Mood=Ind|Tense=Pres	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	meet	meet	VERB	VB	VerbForm=Inf	0	root	0:root	_
5	on	on	ADP	IN	_	6	case	6:case	_
6	Sundays	Sunday	PROPN	NNPS	Number=Plur	4	obl	4:obl:on	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = t1-2
# text = Talks resumed.
1	Talks	talk	NOUN	NNS	Number=Plur	2	nsubj	2:nsubj	_
2	resumed	resume	VERB	VBD	Tense=Past	0	root	0:root	_
2.1	resumed	resume	VERB	VBD	_	_	_	0:root	CopyOf=2
3	.	.	PUNCT	.	_	2	punct	2:punct	_

`

func TestRoundTrip(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 {
		t.Fatalf("got %d sentences, want 2", len(ss))
	}
	var buf bytes.Buffer
	for _, s := range ss {
		if err := Write(&buf, s); err != nil {
			t.Fatal(err)
		}
	}
	if buf.String() != sample {
		t.Errorf("round trip differs:\n%s\nwant:\n%s", buf.String(), sample)
	}
}

func TestFields(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	s := ss[0]
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"text", s.Text(), "Envoys don't meet on Sundays."},
		{"sent_id", func() string { v, _ := s.Comment("sent_id"); return v }(), "t1-1"},
		{"words", len(s.Words), 7},
		{"multiword", s.MultiWords[0], MultiWord{First: 2, Last: 3, Form: "don't", Misc: "_"}},
		{"head", s.Words[0].Head, 4},
		{"root head", s.Words[3].Head, 0},
		{"deprel", s.Words[5].Deprel, "obl"},
		{"space after do (inside don't)", s.SpaceAfter(1), false},
		{"space after n't (end of don't)", s.SpaceAfter(2), true},
		{"space after Sundays", s.SpaceAfter(5), false},
		{"space after Envoys", s.SpaceAfter(0), true},
		{"empty nodes", len(ss[1].Empty), 1},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ name, in string }{
		{"too few fields", "1\tA\ta\n\n"},
		{"bad id", "x\tA\ta\tX\tX\t_\t0\troot\t_\t_\n\n"},
		{"bad head", "1\tA\ta\tX\tX\t_\tz\troot\t_\t_\n\n"},
		{"head out of range", "1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n\n"},
		{"ids out of order", "2\tA\ta\tX\tX\t_\t0\troot\t_\t_\n\n"},
		{"eleven fields", "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\t_\n\n"},
	}
	for _, tc := range tests {
		_, err := ReadAll(strings.NewReader(tc.in))
		if err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	// the reader goes on after a bad sentence
	r := NewReader(strings.NewReader("1\tA\n\n" + sample))
	if _, err := r.Read(); err == nil {
		t.Fatal("want an error for the first sentence")
	}
	s, err := r.Read()
	if err != nil || s.Text() != "Envoys don't meet on Sundays." {
		t.Fatalf("after an error: %v, %v", s, err)
	}
}

func TestCRLFAndNoFinalBlank(t *testing.T) {
	in := strings.ReplaceAll(strings.TrimRight(sample, "\n"), "\n", "\r\n")
	ss, err := ReadAll(strings.NewReader(in))
	if err != nil || len(ss) != 2 || ss[1].Words[2].Form != "." {
		t.Fatalf("got %d sentences, err %v", len(ss), err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n")
	f.Add("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\n")
	f.Add("# only a comment\n\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		r := NewReader(strings.NewReader(in))
		for i := 0; i < 1000; i++ {
			s, err := r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				continue
			}
			var buf bytes.Buffer
			if err := Write(&buf, s); err != nil {
				t.Fatal(err)
			}
			// what we write must read back with the same words
			back, err := NewReader(&buf).Read()
			if err != nil {
				t.Fatalf("rereading written sentence: %v\n%q", err, buf.String())
			}
			if len(back.Words) != len(s.Words) {
				t.Fatalf("words %d != %d", len(back.Words), len(s.Words))
			}
		}
	})
}
