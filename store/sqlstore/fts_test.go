package sqlstore

import (
	"strings"
	"testing"
)

func TestFTS5Query(t *testing.T) {
	cases := []struct{ in, want string }{
		{"drought", `"drought"`},
		{"harvest drought", `"harvest" AND "drought"`},
		{`"record harvest" apples`, `"record harvest" AND "apples"`},
		{"harvest -drought", `"harvest" NOT "drought"`},
		{"strike OR reservoirs port", `("strike" OR "reservoirs") AND "port"`},
		{`say "he said ""x"" now`, `"say" AND "he said " AND "x" AND " now"`},
		{"AND NOT NEAR(x)", `"AND" AND "NOT" AND "NEAR(x)"`},
	}
	for _, c := range cases {
		got, err := FTS5Query(c.in)
		if err != nil || got != c.want {
			t.Errorf("FTS5Query(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "   ", "-only", "OR", `""`, "-- !!"} {
		if _, err := FTS5Query(bad); err == nil {
			t.Errorf("FTS5Query(%q): want an error", bad)
		}
	}
}

func TestSnippet(t *testing.T) {
	text := strings.Repeat("filler ", 30) + "the dock workers went on strike at the port today " + strings.Repeat("more ", 30)
	s := Snippet(text, snippetTerms("striking port"), 12)
	if !strings.Contains(s, "[strike]") || !strings.Contains(s, "[port]") || !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") {
		t.Errorf("Snippet = %q", s)
	}
	if got := Snippet("short text", nil, 12); got != "short text" {
		t.Errorf("Snippet without terms = %q", got)
	}
}

// FuzzFTS5Query checks that any user query becomes a quoted FTS5 query or
// an error, never a panic.
func FuzzFTS5Query(f *testing.F) {
	for _, s := range []string{`a "b c" -d OR e`, `"unterminated`, `- - -`, "OR OR a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		out, err := FTS5Query(q)
		if err == nil && out == "" {
			t.Errorf("FTS5Query(%q) gave an empty query without error", q)
		}
		_ = Snippet(q, snippetTerms(q), 8)
		loose, err := FTS5LooseQuery(q)
		if err == nil && loose == "" {
			t.Errorf("FTS5LooseQuery(%q) gave an empty query without error", q)
		}
		_ = NewMatcher(q).Match(q, "")
	})
}
