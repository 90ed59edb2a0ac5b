package event

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestWriteGDELT(t *testing.T) {
	d := build(t, "2025-02-22", `
Putin Putin PROPN 2 nsubj
met meet VERB 0 root VBD
with with ADP 4 case
Biden Biden PROPN 2 obl
in in ADP 6 case
Geneva Geneva PROPN 2 obl
. . PUNCT 2 punct`, []actorSpec{putin, biden}, nil)
	d.URL = "https://example.org/a"
	code(t, d)
	var b bytes.Buffer
	if err := WriteGDELT(&b, d, nil); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("want 1 row, got %d: %q", len(lines), b.String())
	}
	f := strings.Split(lines[0], "\t")
	if len(f) != len(GDELTColumns) || len(f) != 61 {
		t.Fatalf("want 61 columns, got %d", len(f))
	}
	col := func(name string) string {
		for i, c := range GDELTColumns {
			if c == name {
				return f[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	checks := map[string]string{
		"GLOBALEVENTID": "1", "SQLDATE": "20250217", "Actor1Code": "RUSGOV", "Actor1CountryCode": "RUS",
		"Actor2Code": "USAGOV", "EventCode": "040", "EventBaseCode": "040", "EventRootCode": "04",
		"QuadClass": "1", "GoldsteinScale": "1.0", "ActionGeo_CountryCode": "CH", "ActionGeo_Type": "4",
		"SOURCEURL": "https://example.org/a", "DATEADDED": "20250222000000",
	}
	for k, want := range checks {
		if got := col(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
}

func TestWritePLOVER(t *testing.T) {
	d := build(t, "2025-02-22", `
China China PROPN 2 nsubj
accused accuse VERB 0 root VBD
Japan Japan PROPN 2 obj
. . PUNCT 2 punct`, []actorSpec{china, japan}, nil)
	d.ID = "doc1"
	code(t, d)
	var b bytes.Buffer
	if err := WritePLOVER(&b, d); err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(b.Bytes()), &rec); err != nil {
		t.Fatalf("%v: %s", err, b.String())
	}
	if rec["event"] != "ACCUSE" || rec["cameo"] != "112" || rec["id"] != "doc1-e1" || rec["status"] != "occurred" {
		t.Errorf("record = %v", rec)
	}
	src := rec["source"].([]any)[0].(map[string]any)
	if src["code"] != "CHN" || src["actorText"] != "China" {
		t.Errorf("source = %v", src)
	}
	if err := WritePLOVER(&b, nil); err != nil {
		t.Fatal(err)
	}
}
