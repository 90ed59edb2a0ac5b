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

func TestMEANTIMEText(t *testing.T) {
	xml := `<token number="1" sentence="0">The</token><token number="2" sentence="0">price</token>` +
		`<token number="3" sentence="0">(</token><token number="4" sentence="0">$</token>` +
		`<token number="5" sentence="0">5</token><token number="6" sentence="0">)</token>` +
		`<token number="7" sentence="0">fell</token><token number="8" sentence="0">&amp;</token>` +
		`<token number="9" sentence="0">rose</token><token number="10" sentence="0">.</token>`
	if got, want := MEANTIMEText(xml), "The price ($5) fell & rose."; got != want {
		t.Errorf("MEANTIMEText = %q, want %q", got, want)
	}
}
