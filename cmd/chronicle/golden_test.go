package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenExample compares the full JSON reading of the example article
// with testdata/example.golden.json. A change to any model, rule or
// dictionary shows up here as a diff to review. The golden file keeps every
// field but the "text" ones, so that no article text is committed: offsets,
// tags, heads, codes, values, statuses and dates all stay. After reviewing a
// diff, rewrite the file with
//
//	go test ./cmd/chronicle -run TestGoldenExample -update
func TestGoldenExample(t *testing.T) {
	out, stderr, err := runCLI(t, "", "extract", "--format", "json", examplePath(t))
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if err := schema.Validate([]byte(out)); err != nil {
		t.Fatalf("output does not match the schema: %v", err)
	}
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(dropText(v), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "example.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (create it with -update)", err)
	}
	if !bytes.Equal(want, got) {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
		for i := 0; i < len(wl) && i < len(gl); i++ {
			if wl[i] != gl[i] {
				t.Errorf("output differs from %s at line %d:\n want %s\n  got %s\nreview the change and rewrite the file with -update", golden, i+1, wl[i], gl[i])
				return
			}
		}
		t.Errorf("output differs from %s in length (%d vs %d lines); rewrite with -update after review", golden, len(wl), len(gl))
	}
}

// dropText removes every "text" field from decoded JSON.
func dropText(v any) any {
	switch x := v.(type) {
	case map[string]any:
		delete(x, "text")
		for k, e := range x {
			x[k] = dropText(e)
		}
	case []any:
		for i, e := range x {
			x[i] = dropText(e)
		}
	}
	return v
}
