package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVerbsCommands(t *testing.T) {
	out, _, err := runCLI(t, "", "verbs", "default")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "v meet => 040 recip") {
		t.Errorf("verbs default lacks the meet rule:\n%.400s", out)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "verbs.txt")
	petr := "--- MEET [040] ---\nMEET\n- * (WITH +) [040]\n"
	if err := os.WriteFile(p, []byte(petr), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err = runCLI(t, "", "verbs", "convert", p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "v meet with:* => 040 target=with") {
		t.Errorf("convert output:\n%s", out)
	}
	if _, _, err := runCLI(t, "", "verbs", "convert", filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("want an error for a missing file")
	}
}

func TestEvalPloverSmall(t *testing.T) {
	gold := `[
 {"id": "t-1", "event": "CONSULT", "date": "2020-05-04", "text": "The Japanese foreign minister met Chinese President Xi Jinping in Beijing on Monday.",
  "source": [{"code": "JPN"}], "target": [{"code": "CHN"}]},
 {"id": "t-2", "event": "DISAPPROVE", "date": "2020-05-04", "text": "France condemned Iran on Tuesday.",
  "source": [{"code": "FRA"}], "target": [{"code": "IRN"}]},
 {"id": "doc", "event": "DOCUMENT", "text": "skipped"}
]`
	p := filepath.Join(t.TempDir(), "gold.json")
	if err := os.WriteFile(p, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runCLI(t, "", "eval", "plover", "--misses", p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(out, "records 2 ") {
		t.Errorf("output: %s", out)
	}
	if _, _, err := runCLI(t, "", "eval", "plover", filepath.Join(t.TempDir(), "none.json")); err == nil {
		t.Error("want an error for a missing gold file")
	}
}

func TestValidatePetrarchSmall(t *testing.T) {
	dir := t.TempDir()
	dicts := filepath.Join(dir, "dictionaries")
	if err := os.Mkdir(dicts, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"verbs.txt":  "--- CONDEMN [111] ---\nCONDEMN\n",
		"actors.txt": "FRANCE [FRA]\nIRAN [IRN]\n",
	}
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dicts, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	recs := `<Validation><Environment><Verbfile>verbs.txt</Verbfile><Actorfile>actors.txt</Actorfile></Environment>
<Sentences>
<Sentence date="20200504" id="T-01" category="DEMO">
<EventCoding sourcecode="FRA" targetcode="IRN" eventcode="111"></EventCoding>
<Text>France condemned Iran on Tuesday.</Text>
</Sentence>
</Sentences></Validation>`
	p := filepath.Join(dir, "records.xml")
	if err := os.WriteFile(p, []byte(recs), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runCLI(t, "", "validate-petrarch", "-v", p)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(out, "PETRARCH unit tests: ") || !strings.Contains(out, "/1 coded exactly") {
		t.Errorf("output: %s", out)
	}
}
