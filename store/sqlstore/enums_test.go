package sqlstore

import (
	"testing"
)

func TestEnumCodes(t *testing.T) {
	seen := map[string]bool{}
	for i, n := range EnumNames {
		if seen[n] {
			t.Errorf("EnumNames[%d] = %q twice", i, n)
		}
		seen[n] = true
	}
	if len(EnumNames) > 128 {
		t.Errorf("%d codes: those above 127 take two bytes", len(EnumNames))
	}
	for _, c := range []struct {
		value string
		code  any
	}{
		{"", int64(0)},
		{"occurred", int64(1)},
		{"uncertain", int64(7)},
		{"AGREE", int64(8)},
		{"day", int64(28)},
		{"EXPEL", "EXPEL"}, // not listed: stored as text
		{"7", "7"},
		{"Occurred", "Occurred"},
	} {
		got := enumCode(c.value)
		if got != c.code {
			t.Errorf("enumCode(%q) = %#v, want %#v", c.value, got, c.code)
		}
		if back := enumText(got); back != c.value {
			t.Errorf("enumText(%#v) = %q, want %q", got, back, c.value)
		}
	}
	if got := enumText(int64(len(EnumNames))); got != "" {
		t.Errorf("enumText of an unknown code = %q, want \"\"", got)
	}
}
