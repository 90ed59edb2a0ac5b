package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/event"
	"github.com/chronicle-news/chronicle/store"
	"github.com/chronicle-news/chronicle/store/sqlite"
	"github.com/chronicle-news/chronicle/store/storetest"
)

// corpusDB makes a store with synthetic documents and returns its path and
// the generator.
func corpusDB(t *testing.T) (string, *storetest.Gen, []*doc.Document) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "corpus.db")
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g := storetest.NewGen(11, 40)
	var docs []*doc.Document
	for i := 0; i < 25; i++ {
		docs = append(docs, g.Doc(i, 3))
	}
	if _, err := s.Put(context.Background(), docs...); err != nil {
		t.Fatal(err)
	}
	return path, g, docs
}

func TestStoreQueryCommands(t *testing.T) {
	db, g, docs := corpusDB(t)
	top := g.Actors[0].Name
	cases := []struct {
		name string
		args []string
		want []string // substrings of stdout
	}{
		{"events table", []string{"events", "--db", db, "--type", "ACCUSE", "--limit", "5"}, []string{"ID", "DATE", "ACCUSE", "EVIDENCE"}},
		{"events by actor", []string{"events", "--db", db, "--actor", top}, []string{top}},
		{"timeline", []string{"timeline", "--db", db, top}, []string{top, "STATUS"}},
		{"quotes", []string{"quotes", "--db", db, "--text", "pressure"}, []string{"pressure", "SPEAKER"}},
		{"search", []string{"search", "--db", db, "talks"}, []string{"[talks]"}},
		{"actors", []string{"actors", "--db", db, "--limit", "3"}, []string{"MENTIONS", "EVENTS"}},
		{"stats", []string{"stats", "--db", db}, []string{"ARTICLES", "25"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, stderr, err := runCLI(t, "", c.args...)
			if err != nil {
				t.Fatalf("%v: %v\n%s", c.args, err, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("%v: output lacks %q:\n%s", c.args, w, out)
				}
			}
		})
	}

	// JSON and CSV carry the same events.
	out, _, err := runCLI(t, "", "events", "--db", db, "--format", "json", "--limit", "0")
	if err != nil {
		t.Fatal(err)
	}
	var events []store.Event
	if err := json.Unmarshal([]byte(out), &events); err != nil {
		t.Fatalf("events --format json: %v", err)
	}
	total := 0
	for _, d := range docs {
		total += len(d.Events)
	}
	if len(events) == 0 || len(events) > total {
		t.Fatalf("json: %d events, want 1..%d", len(events), total)
	}
	for _, e := range events {
		if len(e.Mentions) == 0 || e.Mentions[0].Evidence[0].Text == "" {
			t.Errorf("event %d without evidence", e.ID)
		}
	}
	out, _, err = runCLI(t, "", "events", "--db", db, "--format", "csv", "--limit", "0")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("events --format csv: %v", err)
	}
	if len(rows) != len(events)+1 || rows[0][0] != "ID" {
		t.Errorf("csv: %d rows for %d events", len(rows), len(events))
	}
}

func TestStoreExport(t *testing.T) {
	db, _, docs := corpusDB(t)
	out, stderr, err := runCLI(t, "", "export", "--db", db, "--format", "jsonl")
	if err != nil {
		t.Fatalf("export jsonl: %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(docs) {
		t.Fatalf("jsonl: %d lines, want %d", len(lines), len(docs))
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first["text"] != docs[0].Text {
		t.Errorf("jsonl: first document text differs")
	}
	out, _, err = runCLI(t, "", "export", "--db", db, "--format", "gdelt", "--type", "ACCUSE")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) != len(event.GDELTColumns) {
			t.Fatalf("gdelt: %d columns, want %d: %q", len(cols), len(event.GDELTColumns), line)
		}
		if !strings.HasPrefix(cols[26], "11") {
			t.Errorf("gdelt: --type ACCUSE gave EventCode %s", cols[26])
		}
	}
	out, _, err = runCLI(t, "", "export", "--db", db, "--format", "plover", "--limit", "2")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("plover: %v: %q", err, line)
		}
		n++
	}
	if n != len(docs[0].Events)+len(docs[1].Events) {
		t.Errorf("plover: %d records for the first two articles", n)
	}
}

func TestStoreCommandErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, args := range [][]string{
		{"events", "--db", missing},
		{"events", "--db", missing, "--format", "xml"},
		{"search", "--db", missing},
		{"export", "--db", missing, "--format", "rdf"},
		{"ingest", "--db", missing, "--progress", "fancy", "x.txt"},
	} {
		if _, _, err := runCLI(t, "", args...); err == nil {
			t.Errorf("%v: want an error", args)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("a query command created %s", missing)
	}
	db, _, _ := corpusDB(t)
	if _, _, err := runCLI(t, "", "events", "--db", db, "--from", "last week"); err == nil {
		t.Errorf("a bad --from: want an error")
	}
}

// TestIngestCommand runs the real pipeline over a small article twice: the
// second run stores nothing again.
func TestIngestCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	text := "Farmers in the northern valley protested on Monday against a new water tax, blocking roads for hours. " +
		"The regional governor said he would meet their leaders on Friday to discuss the tax and the drought."
	rec, _ := json.Marshal(map[string]string{"id": "a1", "text": text, "url": "https://example.org/a1", "date": "2025-03-03"})
	src := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(src, append(rec, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runCLI(t, "", "ingest", "--db", db, "--progress", "none", src)
	if err != nil {
		t.Fatalf("ingest: %v\n%s%s", err, out, stderr)
	}
	if !strings.HasPrefix(out, "1 stored") {
		t.Errorf("ingest summary: %q", out)
	}
	out, _, err = runCLI(t, "", "ingest", "--db", db, "--progress", "none", src)
	if err != nil || !strings.Contains(out, "0 stored") || !strings.Contains(out, "1 already stored") {
		t.Errorf("second ingest: %q, %v", out, err)
	}
	out, _, err = runCLI(t, "", "search", "--db", db, "--format", "csv", "water tax")
	if err != nil || !strings.Contains(out, "a1") && !strings.Contains(out, "example.org/a1") {
		t.Errorf("search after ingest: %q, %v", out, err)
	}
}
