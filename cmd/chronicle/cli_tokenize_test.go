package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/internal/shared"
)

func TestTokenizeCommand(t *testing.T) {
	tests := []struct {
		name, in string
		args     []string
		want     string
	}{
		{"sentences", "WASHINGTON (Reuters) - The U.S. envoy didn't go. \"We won,\" he said.\n",
			nil, "WASHINGTON ( Reuters ) -\nThe U.S. envoy did n't go .\n\" We won , \" he said .\n"},
		{"paragraphs", "Headline\n\nBody text.", nil, "Headline\n\nBody text .\n"},
		{"offsets", "Hi there.", []string{"--offsets"}, "Hi/0-2 there/3-8 ./8-9\n"},
		{"empty", "", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			env := &cliEnv{stdin: strings.NewReader(tc.in), stdout: &out, stderr: &errb}
			if err := run(context.Background(), append([]string{"tokenize"}, tc.args...), env); err != nil {
				t.Fatalf("tokenize: %v (stderr %q)", err, errb.String())
			}
			if out.String() != tc.want {
				t.Errorf("got %q, want %q", out.String(), tc.want)
			}
		})
	}
}

func TestEvalTokenizeCommand(t *testing.T) {
	dir := shared.TestPath(t, "data", "ud-english-ewt")
	var out, errb bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if err := run(context.Background(), []string{"eval", "tokenize", "--data", dir, "--split", "dev"}, env); err != nil {
		t.Fatalf("eval tokenize: %v", err)
	}
	for _, want := range []string{"tokens ", "sentences ", "F1"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	err := run(context.Background(), []string{"eval", "tokenize", "--split", "nope"}, env)
	if err == nil || exitCode(err) != exitUsage {
		t.Errorf("bad --split: err %v, want a usage error", err)
	}
}
