package corpus

import "testing"

func TestTimeMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<TimeML><DCT>x</DCT><TEXT>The <EVENT eid="e1">talks</EVENT> on <TIMEX3 tid="t1">Monday</TIMEX3> &amp; more.
Next line.</TEXT></TimeML>`, "The talks on Monday & more.\nNext line."},
		{`no text element &lt;b&gt;`, "no text element <b>"},
	}
	for _, tc := range tests {
		if got := TimeMLText(tc.in); got != tc.want {
			t.Errorf("TimeMLText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
