package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/schema"
)

// runCLI runs the command line in-process and returns stdout, stderr and
// the error.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, &cliEnv{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb})
	return out.String(), errb.String(), err
}

func examplePath(t *testing.T) string {
	return shared.TestPath(t, "examples", "epochtimes-2025-02-22-putin-trump-meeting.txt")
}

func TestExtractExampleJSON(t *testing.T) {
	out, stderr, err := runCLI(t, "", "extract", "--format", "json", examplePath(t))
	if err != nil {
		t.Fatalf("extract: %v\n%s", err, stderr)
	}
	if err := schema.Validate([]byte(out)); err != nil {
		t.Fatalf("output does not match the schema: %v", err)
	}
	var d struct {
		ID, Published, Author, Outlet, Text string
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Published != "2025-02-22" || d.Author != "Ryan Morgan" || d.Outlet != "The Epoch Times" {
		t.Errorf("metadata = %q %q %q", d.Published, d.Author, d.Outlet)
	}
	if strings.HasPrefix(d.Text, "date ") || !strings.HasPrefix(d.Text, "Moscow is working") {
		t.Errorf("text should start at the body: %.40q", d.Text)
	}
}

const jsonlInput = `{"id":"one","text":"The ministers met in Vienna on Monday.","date":"2024-03-04","outlet":"Wire"}
not json at all
{"id":"two","title":"no text here"}
{"id":"three","text":"Officials said talks would resume next week.","published":"2024-03-05"}
`

func TestExtractJSONLinesKeepsOrderAndGoesOn(t *testing.T) {
	for _, workers := range []string{"1", "4"} {
		out, stderr, err := runCLI(t, jsonlInput, "extract", "--format", "jsonl", "--workers", workers, "-")
		if err != nil {
			t.Fatalf("extract: %v", err)
		}
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("got %d lines, want 2:\n%s", len(lines), out)
		}
		for i, want := range []string{"one", "three"} {
			if err := schema.Validate([]byte(lines[i])); err != nil {
				t.Errorf("line %d: %v", i, err)
			}
			var d struct{ ID string }
			json.Unmarshal([]byte(lines[i]), &d)
			if d.ID != want {
				t.Errorf("line %d id = %q, want %q", i, d.ID, want)
			}
		}
		for _, want := range []string{"-:2: not a JSON object", `-:3: missing "text"`, "2 articles processed, 2 failed"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
		}
	}
}

func TestExtractBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("The envoys met in Geneva on Tuesday.")
	latin1, _ := charmap.ISO8859_1.NewEncoder().String("Le ministre a visité Zürich.")
	good := write("good.txt", []byte("date 2024-01-01\n\nThe delegations met in Oslo."))
	tests := []struct {
		name    string
		file    string
		wantErr string // in stderr; "" means the file is read
		note    string
	}{
		{"empty", write("empty.txt", nil), "empty.txt: empty input", ""},
		{"binary", write("bin.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00garbage")), "bin.txt: binary data", ""},
		{"garbage-utf8", write("bad.txt", bytes.Repeat([]byte("\xc3\x28\xa0\xa1\xe2\x28\xa1"), 30)), "bad.txt: invalid UTF-8 at byte 0", ""},
		{"latin1", write("latin1.txt", []byte(latin1)), "", "latin1.txt: note: decoded from Windows-1252"},
		{"utf16", write("utf16.txt", []byte(utf16)), "", "utf16.txt: note: decoded from UTF-16LE"},
		{"huge", write("huge.txt", bytes.Repeat([]byte("All work and no play. "), 50<<20/22+1)), "huge.txt: input too large", ""},
		{"missing", filepath.Join(dir, "nope.txt"), "nope.txt: no such file or directory", ""},
		{"jsonl-bad", write("bad.jsonl", []byte("{\"text\": 5}\n{oops\n")), "bad.jsonl:1: not a JSON object", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, err := runCLI(t, "", "extract", "--format", "jsonl", tc.file, good)
			if err != nil {
				t.Fatalf("batch with one good file failed: %v\n%s", err, stderr)
			}
			if n := strings.Count(out, "\n"); tc.wantErr != "" && n != 1 || tc.wantErr == "" && n != 2 {
				t.Errorf("got %d output lines", n)
			}
			want := tc.wantErr + tc.note
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
			for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if !strings.HasPrefix(l, "chronicle: ") {
					t.Errorf("stderr line not one-line error: %q", l)
				}
			}
			// Alone, a bad file makes the command fail.
			if tc.wantErr != "" {
				if _, _, err := runCLI(t, "", "extract", tc.file); err == nil {
					t.Errorf("extract of only a bad file succeeded")
				}
			}
		})
	}
}

func TestExtractUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"extract", "--format", "yaml", "x"},
		{"extract", "--in", "pdf", "x"},
		{"extract", "--date", "22/02/2025", "x"},
		{"extract", "--layers", "words", "x"},
		{"extract"},
	} {
		_, _, err := runCLI(t, "", args...)
		if err == nil {
			t.Errorf("%v: no error", args)
		}
	}
	_, _, err := runCLI(t, "", "extract", "--format", "yaml", "x")
	if exitCode(err) != exitUsage {
		t.Errorf("exit code = %d, want %d", exitCode(err), exitUsage)
	}
}

const htmlPage = `<!DOCTYPE html><html><head><title>Leaders hold talks | Example Wire</title>
<meta property="og:title" content="Leaders hold talks">
<meta name="author" content="Sam Reporter">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2024-07-08">
</head><body><nav><a href="/">Home</a></nav><article>
<p>The two leaders held talks in Ankara on Sunday, their offices said in a joint statement released after the meeting.</p>
<p>“We agreed to keep talking,” one of them told reporters before leaving the capital for the airport.</p>
</article><footer>Subscribe now. Cookie policy.</footer></body></html>`

func TestExtractHTMLAndDate(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "page.html")
	os.WriteFile(p, []byte(htmlPage), 0o644)
	out, stderr, err := runCLI(t, "", "extract", "--format", "json", p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if err := schema.Validate([]byte(out)); err != nil {
		t.Fatal(err)
	}
	var d struct{ Title, Author, Outlet, Published, Text string }
	json.Unmarshal([]byte(out), &d)
	if d.Title != "Leaders hold talks" || d.Author != "Sam Reporter" || d.Outlet != "Example Wire" || d.Published != "2024-07-08" {
		t.Errorf("metadata = %+v", d)
	}
	if strings.Contains(d.Text, "Subscribe") || !strings.Contains(d.Text, "held talks in Ankara") {
		t.Errorf("text = %q", d.Text)
	}

	// --date applies to input without a date.
	out, _, err = runCLI(t, "Officials met on Friday.", "extract", "--format", "json", "--date", "2023-05-06", "-")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"published": "2023-05-06"`) {
		t.Errorf("--date not applied:\n%.300s", out)
	}
}

func TestExtractTextReport(t *testing.T) {
	out, stderr, err := runCLI(t, "", "extract", examplePath(t))
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, want := range []string{"Published: 2025-02-22", "Author:    Ryan Morgan", "Outlet:    The Epoch Times", "Actors (", "Timeline (", "Quotes ("} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestExtractExportFormats(t *testing.T) {
	in := `{"id":"a","text":"The foreign ministers of France and Germany met in Berlin on Monday. \"We agreed on a plan,\" the French minister said.","date":"2024-03-06"}
{"id":"b","text":"Protesters clashed with police in Lagos on Tuesday, officials said.","date":"2024-03-06"}
`
	tests := []struct {
		format string
		check  func(out string) error
	}{
		{"timeml", func(out string) error {
			if !strings.Contains(out, "<TIMEX3") || !strings.Contains(out, "<DCT>") {
				return fmt.Errorf("no TIMEX3/DCT")
			}
			return nil
		}},
		{"gdelt", func(out string) error {
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				if l == "" {
					continue
				}
				if n := len(strings.Split(l, "\t")); n != 61 {
					return fmt.Errorf("row has %d columns, want 61: %q", n, l)
				}
			}
			return nil
		}},
		{"plover", func(out string) error {
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				if l != "" && !json.Valid([]byte(l)) {
					return fmt.Errorf("invalid JSON line %q", l)
				}
			}
			return nil
		}},
		{"gkg", func(out string) error {
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			if len(lines) != 2 || !strings.HasPrefix(lines[0], "a\t") || !strings.HasPrefix(lines[1], "b\t") {
				return fmt.Errorf("want one line per document in order, got %q", out)
			}
			return nil
		}},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			out, stderr, err := runCLI(t, in, "extract", "--format", tc.format, "-")
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			if err := tc.check(out); err != nil {
				t.Error(err)
			}
		})
	}
}
