package sqlstore

import (
	"slices"
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
		{"GRP", int64(78)},
		{"said", int64(79)},
		{"acknowledged", int64(127)},
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

func TestPartyIDs(t *testing.T) {
	for _, c := range []struct {
		name     string
		src, tgt []int64
		bytes    int
	}{
		{"none", nil, nil, 0},
		{"one source", []int64{5}, nil, 1},
		{"both sides", []int64{1, 63}, []int64{64}, 4},
		{"large IDs", []int64{1 << 40}, []int64{1<<62 - 1}, 15},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := AppendPartyIDs(nil, c.src, c.tgt)
			if b == nil || len(b) != c.bytes {
				t.Errorf("AppendPartyIDs = %v (%d bytes), want %d bytes, not nil", b, len(b), c.bytes)
			}
			src, tgt := PartyIDs(b)
			if !slices.Equal(src, c.src) || !slices.Equal(tgt, c.tgt) {
				t.Errorf("PartyIDs = %v, %v; want %v, %v", src, tgt, c.src, c.tgt)
			}
		})
	}
	// A broken value ends the lists where it breaks.
	if src, tgt := PartyIDs([]byte{10, 0x80}); !slices.Equal(src, []int64{5}) || tgt != nil {
		t.Errorf("PartyIDs of a cut value = %v, %v; want [5], []", src, tgt)
	}
}

func TestShortBand(t *testing.T) {
	for _, c := range []struct{ in, want int64 }{
		{0, 0},
		{0xffffff, 0xffffff},
		{0x1000000, 0},
		{0xffffffff, 0xffffff},
		{0x12345678, 0x345678},
	} {
		if got := ShortBand(c.in); got != c.want {
			t.Errorf("ShortBand(%#x) = %#x, want %#x", c.in, got, c.want)
		}
	}
}

func TestSplitSource(t *testing.T) {
	for _, c := range []struct{ source, prefix, rest string }{
		{"", "", ""},
		{"stdin", "", "stdin"},
		{"/data/te3/silver.jsonl:12", "/data/te3/silver.jsonl:", "12"},
		{"/data/polnear/a-b.txt", "/data/polnear/", "a-b.txt"},
		{`C:\news\day.jsonl:3`, `C:\news\day.jsonl:`, "3"},
		{"crawl.warc.gz@4096", "crawl.warc.gz@", "4096"},
		{"feeds/world.xml#7", "feeds/world.xml#", "7"},
		{"dir/", "dir/", ""},
	} {
		prefix, rest := SplitSource(c.source)
		if prefix != c.prefix || rest != c.rest || prefix+rest != c.source {
			t.Errorf("SplitSource(%q) = %q, %q; want %q, %q", c.source, prefix, rest, c.prefix, c.rest)
		}
	}
}

func TestStoredActorKey(t *testing.T) {
	for _, c := range []struct {
		name string
		want any
	}{
		{"Vladimir Putin", nil},
		{"army", nil},
		{"Élysée Palace", "élysée palace"},    // lower() leaves É as it is
		{"New  York Times", "new york times"}, // spaces folded
		{"ÖSTERREICH", "österreich"},
	} {
		if got := StoredActorKey(ActorKey(c.name), c.name); got != c.want {
			t.Errorf("StoredActorKey(%q) = %#v, want %#v", c.name, got, c.want)
		}
	}
}
