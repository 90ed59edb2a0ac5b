package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/conllu"
)

func TestParseCommand(t *testing.T) {
	const in = "# sent_id = s1\n# text = Envoys met in Riyadh.\n" +
		"1\tEnvoys\t_\t_\t_\t_\t_\t_\t_\t_\n2\tmet\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"3\tin\t_\t_\t_\t_\t_\t_\t_\t_\n4\tRiyadh\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
	tests := []struct {
		name      string
		args      []string
		stdin     string
		sentences int
		wantErr   bool
	}{
		{"conllu keeps segmentation", []string{"parse", "--in", "conllu", "-"}, in, 1, false},
		{"text", []string{"parse", "--in", "text"}, "Talks resumed on Monday. Envoys met in Riyadh.\n\nA new paragraph.", 3, false},
		{"empty text", []string{"parse"}, "", 0, false},
		{"bad format", []string{"parse", "--in", "xml"}, "", 0, true},
		{"bad conllu", []string{"parse", "--in", "conllu"}, "1\tx\n\n", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), tc.args, &cliEnv{stdin: strings.NewReader(tc.stdin), stdout: &out, stderr: &errb})
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if tc.wantErr {
				return
			}
			ss, err := conllu.ReadAll(&out)
			if err != nil {
				t.Fatalf("output is not CoNLL-U: %v\n%s", err, out.String())
			}
			if len(ss) != tc.sentences {
				t.Fatalf("%d sentences, want %d", len(ss), tc.sentences)
			}
			for _, s := range ss {
				roots := 0
				for _, w := range s.Words {
					if w.Head == 0 {
						roots++
					}
					if w.UPOS == "_" || w.Lemma == "_" || w.Deprel == "_" {
						t.Errorf("word %q not annotated: %+v", w.Form, w)
					}
				}
				if roots != 1 {
					t.Errorf("%d roots", roots)
				}
			}
			if tc.name == "conllu keeps segmentation" {
				s := ss[0]
				if len(s.Words) != 5 || s.Words[1].Lemma != "meet" || s.Text() != "Envoys met in Riyadh." || s.SpaceAfter(3) {
					t.Errorf("got %+v", s)
				}
			}
		})
	}
}
