package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestNERCommand(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		in      string
		want    []string // substrings of stdout
		wantErr bool
	}{
		{"conll columns", []string{"ner", "--in", "conll", "--out", "conll", "-"},
			"-DOCSTART- -X- O O\n\nChancellor NNP\nOlaf NNP\nBrenner NNP\nvisited VBD\nBrussels NNP\n. .\n",
			[]string{"-DOCSTART- -X- O O\n\n", "Olaf NNP B-PER\n", "Brenner NNP I-PER\n", "visited VBD O\n", "Brussels NNP B-LOC\n"}, false},
		{"iob2 columns", []string{"ner", "--format", "iob2", "-"},
			"# text = Anna Berg left\n1\tAnna\tB-PER\n2\tBerg\tI-PER\n3\tleft\tO\n",
			[]string{"# text = Anna Berg left\n", "1\tAnna\tB-PER\tB-PER\n"}, false},
		{"bad format", []string{"ner", "--in", "text", "-"}, "", nil, true},
		{"missing file", []string{"ner", "/nonexistent/file"}, "", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), tt.args, &cliEnv{stdin: strings.NewReader(tt.in), stdout: &out, stderr: &errb})
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}
