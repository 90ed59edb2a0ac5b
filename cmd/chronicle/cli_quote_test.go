package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/quote"
)

// writePolNeAR writes a one-article corpus in PolNeAR's layout (text and
// brat attributions, character offsets) for split under dir.
func writePolNeAR(t *testing.T, dir, split string) {
	t.Helper()
	text := "Ruiz said that rates would fall next year.\n\n“We will act when the data allow it,” Ruiz said.\n"
	span := func(s string) (int, int) {
		i := strings.Index(text, s)
		return len([]rune(text[:i])), len([]rune(text[:i+len(s)]))
	}
	var ann strings.Builder
	n := 0
	add := func(typ, s string) string {
		n++
		a, b := span(s)
		ann.WriteString("T" + strconv.Itoa(n) + "\t" + typ + " " + strconv.Itoa(a) + " " + strconv.Itoa(b) + "\t" + s + "\n")
		return "T" + strconv.Itoa(n)
	}
	c1, q1, s1 := add("Content", "that rates would fall next year"), add("Cue", "said"), add("Source", "Ruiz")
	ann.WriteString("E1\tAttribution:" + q1 + " Content:" + c1 + " Cue:" + q1 + " Source:" + s1 + "\n")
	c2 := add("Content", "“We will act when the data allow it,”")
	ann.WriteString("E2\tAttribution:" + q1 + " Content:" + c2 + "\n")
	for sub, body := range map[string]string{"text/a1.txt": text, "attributions/a1_x.ann": ann.String()} {
		p := filepath.Join(dir, split, sub)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestQuoteCommands(t *testing.T) {
	dir := t.TempDir()
	writePolNeAR(t, dir, "dev")
	writePolNeAR(t, dir, "train")
	out := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		want    []string
		wantErr bool
	}{
		{"eval dev", []string{"eval", "quotes", "--data", dir, "--split", "dev"},
			[]string{"PolNeAR dev (1 articles", "gold 2,", "matched 2)"}, false},
		{"test split refused", []string{"eval", "quotes", "--data", dir, "--split", "test"}, nil, true},
		{"missing corpus", []string{"eval", "quotes", "--data", filepath.Join(dir, "none")}, nil, true},
		{"train", []string{"train", "quotes", "--data", dir, "--out", filepath.Join(out, "cues.tsv"),
			"--model-out", filepath.Join(out, "m.gz"), "--feature-min-count", "1"},
			[]string{"wrote " + filepath.Join(out, "cues.tsv"), "reachable by a candidate", "wrote " + filepath.Join(out, "m.gz")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr})
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, stdout.String())
				}
			}
		})
	}
	// The trained files load.
	f, err := os.Open(filepath.Join(out, "m.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if m, err := quote.ParseModel(string(b)); err != nil || m.Size() == 0 {
		t.Errorf("trained model: %v, %d features", err, m.Size())
	}
	cues, err := os.ReadFile(filepath.Join(out, "cues.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := quote.ParseLexicon(string(cues)); err != nil {
		t.Errorf("trained cue table: %v", err)
	}
}
