package schema

import (
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	base := `{"schema":"1.0","id":"x","published":"2024-01-02","title":"","author":"","outlet":"","url":"","text":"Ann met Bob."`
	tests := []struct {
		name, json, err string
	}{
		{"minimal", base + `}`, ""},
		{"entity ok", base + `,"entities":[{"type":"PER","text":"Ann","start":0,"end":3,"actor":"A1"}]}`, ""},
		{"entity text mismatch", base + `,"entities":[{"type":"PER","text":"Bob","start":0,"end":3}]}`, "does not match span"},
		{"span outside", base + `,"timexes":[{"id":"t1","type":"DATE","value":"2024","text":"x","start":5,"end":50}]}`, "outside text"},
		{"bad status", base + `,"events":[{"id":"e1","type":"CONSULT","mode":"","context":[],"cameo":"040","quad":1,"goldstein":1,"source":[],"target":[],"date":null,"status":"maybe","reported":null,"location":null,"evidence":{"sentence":0,"start":0,"end":12,"text":"Ann met Bob.","trigger":{"text":"met","start":4,"end":7}},"mentions":[],"reciprocal":false}]}`, "status"},
		{"unknown field", base + `,"colour":"red"}`, "colour"},
		{"missing id", `{"schema":"1.0"}`, "missing"},
	}
	for _, tc := range tests {
		err := Validate([]byte(tc.json))
		if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.err)
		}
	}
}
