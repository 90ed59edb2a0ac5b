package read

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/chronicle-news/chronicle/doc"
)

func collect(t *testing.T, name, input string, opts Options) ([]doc.Article, []error) {
	t.Helper()
	var as []doc.Article
	var errs []error
	for a, err := range Reader(name, strings.NewReader(input), opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		as = append(as, a)
	}
	return as, errs
}

func date(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func TestTextHeader(t *testing.T) {
	tests := []struct {
		name, in                        string
		published, author, outlet, body string
		title                           string
	}{
		{
			name: "date-authored-via", in: "date 2024-03-05 Authored by Jane Roe via The Daily Planet,\n\nThe council met on Tuesday.\n",
			published: "2024-03-05", author: "Jane Roe", outlet: "The Daily Planet", body: "The council met on Tuesday.",
		},
		{
			name: "date-only", in: "date 2023-11-30\nLong body text here.",
			published: "2023-11-30", body: "Long body text here.",
		},
		{
			name: "by-for", in: "Published: 2022-01-15T10:30:00Z\n\nBody.",
			published: "2022-01-15", body: "Body.",
		},
		{
			name: "key-block", in: "Title: Ministers meet\nDate: 2021-06-16\nAuthor: A. Writer\nOutlet: Wire\nURL: https://example.org/a\n\nMinisters met.",
			published: "2021-06-16", author: "A. Writer", outlet: "Wire", body: "Ministers met.", title: "Ministers meet",
		},
		{
			name: "date-paragraph", in: "Mary Barra appointed as General Motors chief\n\nDecember 10, 2013\n\nGeneral Motors today named Mary Barra.",
			published: "2013-12-10", body: "Mary Barra appointed as General Motors chief\n\nDecember 10, 2013\n\nGeneral Motors today named Mary Barra.",
			title: "Mary Barra appointed as General Motors chief",
		},
		{
			name: "dateline-without-year", in: "LOS ANGELES, Sept. 28 (UPI) -- The council met.\n\nMore text.",
			body: "LOS ANGELES, Sept. 28 (UPI) -- The council met.\n\nMore text.",
		},
		{
			name: "date-in-a-sentence", in: "Headline here for you\n\nOn December 10, 2013 the council met.\n\nMore.",
			body: "Headline here for you\n\nOn December 10, 2013 the council met.\n\nMore.", title: "Headline here for you",
		},
		{
			name: "colon-text-not-header", in: "Note: this is the first line of the story.\n\nAnd the second paragraph.",
			body: "Note: this is the first line of the story.\n\nAnd the second paragraph.",
		},
		{
			name: "headline-title", in: "Leaders Agree on Trade Deal\n\nThe leaders agreed.",
			body: "Leaders Agree on Trade Deal\n\nThe leaders agreed.", title: "Leaders Agree on Trade Deal",
		},
		{
			name: "headline with a period", in: "Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says.\n\nRepublican nominee Donald Trump could embrace it.",
			body:  "Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says.\n\nRepublican nominee Donald Trump could embrace it.",
			title: "Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says",
		},
		{
			name: "a sentence with a period is no title", in: "The leaders agreed on a trade deal today.\n\nMore talks follow.",
			body: "The leaders agreed on a trade deal today.\n\nMore talks follow.",
		},
		{
			name: "crlf", in: "date 2020-02-02\r\n\r\nLine one.\r\nLine two.\r\n",
			published: "2020-02-02", body: "Line one.\nLine two.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as, errs := collect(t, "a.txt", tc.in, Options{})
			if len(errs) > 0 || len(as) != 1 {
				t.Fatalf("got %d articles, errors %v", len(as), errs)
			}
			a := as[0]
			if tc.published != "" && a.Published.Format("2006-01-02") != tc.published {
				t.Errorf("published = %v, want %s", a.Published, tc.published)
			}
			if tc.published == "" && !a.Published.IsZero() {
				t.Errorf("published = %v, want none", a.Published)
			}
			if a.Author != tc.author || a.Outlet != tc.outlet {
				t.Errorf("author, outlet = %q, %q; want %q, %q", a.Author, a.Outlet, tc.author, tc.outlet)
			}
			if a.Text != tc.body {
				t.Errorf("text = %q, want %q", a.Text, tc.body)
			}
			if a.Title != tc.title {
				t.Errorf("title = %q, want %q", a.Title, tc.title)
			}
			if a.ID != "a" {
				t.Errorf("id = %q, want a", a.ID)
			}
		})
	}
}

func TestDefaultDate(t *testing.T) {
	as, _ := collect(t, "x.txt", "No header here.", Options{Date: date("2019-09-09")})
	if len(as) != 1 || !as[0].Published.Equal(date("2019-09-09")) {
		t.Fatalf("got %+v", as)
	}
	// A headline with a colon is not a header, and keeps --date.
	as, _ = collect(t, "x.txt", "Pence: Flowers Won't Be at Debate\n\nBody text.", Options{Date: date("2019-09-09")})
	if len(as) != 1 || !as[0].Published.Equal(date("2019-09-09")) || !strings.HasPrefix(as[0].Text, "Pence:") {
		t.Fatalf("got %+v", as)
	}
	// The header wins over --date.
	as, _ = collect(t, "x.txt", "date 2018-08-08\nBody.", Options{Date: date("2019-09-09")})
	if len(as) != 1 || !as[0].Published.Equal(date("2018-08-08")) {
		t.Fatalf("got %+v", as)
	}
}

func TestEncodings(t *testing.T) {
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("Señor Ruiz spoke.\n")
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String("Zoë said so.")
	latin1, _ := charmap.ISO8859_1.NewEncoder().String("Café owners in Zürich protested.")
	tests := []struct {
		name, in, want, enc string
		err                 error
	}{
		{"utf8-bom", "\xEF\xBB\xBFHello there.", "Hello there.", "", nil},
		{"utf16le", utf16le, "Señor Ruiz spoke.", "UTF-16LE", nil},
		{"utf16be", utf16be, "Zoë said so.", "UTF-16BE", nil},
		{"latin1", latin1, "Café owners in Zürich protested.", "Windows-1252", nil},
		{"empty", "", "", "", ErrEmpty},
		{"blank", " \n\n\t ", "", "", ErrEmpty},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00\x00\x00", "", "", ErrBinary},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as, errs := collect(t, "f.txt", tc.in, Options{})
			if tc.err != nil {
				if len(errs) != 1 || !errors.Is(errs[0], tc.err) {
					t.Fatalf("errors = %v, want %v", errs, tc.err)
				}
				if !strings.HasPrefix(errs[0].Error(), "f.txt: ") || strings.Contains(errs[0].Error(), "\n") {
					t.Errorf("error %q is not one line naming the file", errs[0])
				}
				return
			}
			if len(errs) > 0 || len(as) != 1 {
				t.Fatalf("got %v, %v", as, errs)
			}
			if as[0].Text != tc.want || as[0].Encoding != tc.enc {
				t.Errorf("got %q (%s), want %q (%s)", as[0].Text, as[0].Encoding, tc.want, tc.enc)
			}
		})
	}
}

func TestInvalidUTF8Garbage(t *testing.T) {
	// High bytes in runs, like random binary without NULs: not Latin-1 text.
	in := strings.Repeat("\xc3\x28\xa0\xa1\xe2\x28\xa1", 40)
	_, errs := collect(t, "g.txt", in, Options{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "invalid UTF-8 at byte 0") {
		t.Fatalf("errors = %v", errs)
	}
}

func TestTooLarge(t *testing.T) {
	_, errs := collect(t, "big.txt", strings.Repeat("word ", 300), Options{MaxBytes: 1000})
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("errors = %v", errs)
	}
}

func TestJSONLines(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a1","text":"First story.","date":"2024-01-02","title":"T","url":"https://x.org/1","author":"Au","outlet":"Out"}`,
		``,
		`this is not json`,
		`{"id":"a3","title":"no text"}`,
		`{"id":7,"text":"Second story.","published":"2024-01-03T08:00:00Z"}`,
		`{"text":"Third story.","date":"yesterday"}`,
		`{"text":"   "}`,
		`{"id":"a8","text":"Eighth."} trailing`,
		`{"text":"No id."}`,
	}, "\n")
	as, errs := collect(t, "in.jsonl", in, Options{})
	if len(as) != 3 {
		t.Fatalf("got %d articles: %+v", len(as), as)
	}
	if as[0].ID != "a1" || as[0].Title != "T" || as[0].Author != "Au" || as[0].Outlet != "Out" || as[0].URL != "https://x.org/1" || !as[0].Published.Equal(date("2024-01-02")) {
		t.Errorf("first = %+v", as[0])
	}
	if as[1].ID != "7" || as[1].Published.Format(time.RFC3339) != "2024-01-03T08:00:00Z" || as[1].Source != "in.jsonl:5" {
		t.Errorf("second = %+v", as[1])
	}
	if as[2].ID != "line-9" {
		t.Errorf("third id = %q", as[2].ID)
	}
	wantErrs := []string{"in.jsonl:3: not a JSON object", `in.jsonl:4: missing "text"`, "in.jsonl:6: unreadable date", "in.jsonl:7:", "in.jsonl:8: not a JSON object: extra data"}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors = %v", errs)
	}
	for i, w := range wantErrs {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], w)
		}
	}
}

func TestJSONLinesLongLine(t *testing.T) {
	in := `{"text":"` + strings.Repeat("a", 5000) + `"}` + "\n" + `{"text":"ok."}`
	as, errs := collect(t, "l.jsonl", in, Options{MaxBytes: 1000})
	if len(as) != 1 || as[0].Text != "ok." || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("got %v %v", as, errs)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, head string
		want       Kind
	}{
		{"a.jsonl", "", JSONL},
		{"a.html", "", HTML},
		{"a.txt", "{", Text},
		{"-", `{"text":"x"}`, JSONL},
		{"-", "<!DOCTYPE html><html>", HTML},
		{"page", "\n  <html lang=en>", HTML},
		{"-", "Plain words.", Text},
		{"a.xml", "<?xml version=\"1.0\"?><Document>", XML},
		{"a.tml", "", XML},
		{"-", "<?xml version=\"1.0\"?>\n<!-- c -->\n<TimeML>", XML},
		{"-", "<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html>", HTML},
		{"a.xml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", HTML},
	}
	for _, tc := range tests {
		if got := Detect(tc.name, []byte(tc.head)); got != tc.want {
			t.Errorf("Detect(%q, %q) = %v, want %v", tc.name, tc.head, got, tc.want)
		}
	}
}

const page = `<!DOCTYPE html><html><head><title>Envoys meet in Vienna | Example News</title>
<meta property="og:title" content="Envoys meet in Vienna">
<meta name="author" content="Pat Writer">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-05-06T09:00:00Z">
<link rel="canonical" href="https://news.example.org/envoys">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Envoys meet in Vienna</h1>
<p>Envoys from the two countries met in Vienna on Monday to discuss a ceasefire, officials said after the talks ended late in the evening.</p>
<p>The talks will resume next week, according to a statement released by the host government, which called the meeting constructive and frank.</p>
</article><footer>Copyright Example News. All rights reserved. Subscribe to our newsletter.</footer></body></html>`

func TestHTML(t *testing.T) {
	as, errs := collect(t, "page.html", page, Options{})
	if len(errs) > 0 || len(as) != 1 {
		t.Fatalf("got %v %v", as, errs)
	}
	a := as[0]
	if a.Title != "Envoys meet in Vienna" || a.Author != "Pat Writer" || a.Outlet != "Example News" {
		t.Errorf("metadata = %q %q %q", a.Title, a.Author, a.Outlet)
	}
	if a.Published.Format("2006-01-02") != "2024-05-06" {
		t.Errorf("published = %v", a.Published)
	}
	if !strings.Contains(a.Text, "Envoys from the two countries met in Vienna") || strings.Contains(a.Text, "Subscribe") || strings.Contains(a.Text, "Home") {
		t.Errorf("text = %q", a.Text)
	}
	if !strings.Contains(a.Text, "\n\n") {
		t.Errorf("paragraphs not separated: %q", a.Text)
	}
}

func TestHTMLNoText(t *testing.T) {
	_, errs := collect(t, "e.html", "<html><body><nav>menu</nav></body></html>", Options{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "e.html: ") {
		t.Fatalf("errors = %v", errs)
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte("date 2025-01-01 Authored by A via B,\n\nText."), uint8(0))
	f.Add([]byte(`{"text":"x","date":"2020-01-01"}`+"\nnot json\n"), uint8(1))
	f.Add([]byte(page), uint8(2))
	f.Add([]byte("\xff\xfeH\x00i\x00"), uint8(0))
	f.Add([]byte("Title: x\n\nbody"), uint8(0))
	f.Add([]byte("PeÃ±a itâ€™s Ã"), uint8(0))
	f.Add([]byte(meantimeDoc("NONE")), uint8(4))
	f.Add([]byte(timemlDoc), uint8(3))
	f.Add([]byte(nafDoc), uint8(4))
	kinds := []Kind{Text, JSONL, HTML, Auto, XML}
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		kind := kinds[int(k)%len(kinds)]
		if (kind == HTML || kind == XML) && len(data) > 4096 {
			return
		}
		for a, err := range Reader("fuzz", bytes.NewReader(data), Options{Kind: kind, MaxBytes: 1 << 16}) {
			if err != nil {
				if strings.Contains(err.Error(), "\n") {
					t.Fatalf("multi-line error %q", err)
				}
				continue
			}
			if strings.TrimSpace(a.Text) == "" {
				t.Fatalf("empty article without an error")
			}
			if !utf8Valid(a.Text) {
				t.Fatalf("invalid UTF-8 in article text")
			}
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }

func TestFileNameDate(t *testing.T) {
	for _, tc := range []struct {
		name, want string
	}{
		{"huff-post_2016-09-22_trump-the-dealmaker.txt", "2016-09-22"},
		{"/data/in/20160922-reuters.html", "2016-09-22"},
		{"report_2019.03.01.txt", "2019-03-01"},
		{"a_2016_09_22_b.txt", "2016-09-22"},
		{"dir-2016-09-22/article.txt", ""},        // only the base name counts
		{"2016-09_22.txt", ""},                    // mixed separators
		{"2016-02-30.txt", ""},                    // no such day
		{"CC-NEWS-20240101123456-00001.warc", ""}, // inside a longer number
		{"id-120160922.txt", ""},
		{"notes-1998.txt", ""},
		{"x-2016-09-22-then-2017-01-01.txt", "2016-09-22"},
	} {
		got, ok := FileNameDate(tc.name)
		if tc.want == "" {
			if ok {
				t.Errorf("FileNameDate(%q) = %v, want none", tc.name, got)
			}
			continue
		}
		if !ok || !got.Equal(date(tc.want)) {
			t.Errorf("FileNameDate(%q) = %v, %v, want %s", tc.name, got, ok, tc.want)
		}
	}
}

func TestFileNameDateIsLastResort(t *testing.T) {
	for _, tc := range []struct {
		desc, name, input string
		opts              Options
		want              string
	}{
		{"name only", "cnn_2016-09-22_x.txt", "Body text here.", Options{}, "2016-09-22"},
		{"header wins", "cnn_2016-09-22_x.txt", "date 2016-09-21\nBody.", Options{}, "2016-09-21"},
		{"date paragraph wins", "cnn_2016-09-22_x.txt", "Headline here\n\nSeptember 20, 2016\n\nBody text.", Options{}, "2016-09-20"},
		{"--date wins", "cnn_2016-09-22_x.txt", "Body text here.", Options{Date: date("2019-09-09")}, "2019-09-09"},
		{"stdin has no name", "-", "Body text here.", Options{}, ""},
	} {
		as, errs := collect(t, tc.name, tc.input, tc.opts)
		if len(errs) > 0 || len(as) != 1 {
			t.Fatalf("%s: %v %v", tc.desc, as, errs)
		}
		if tc.want == "" {
			if !as[0].Published.IsZero() {
				t.Errorf("%s: published %v, want none", tc.desc, as[0].Published)
			}
		} else if !as[0].Published.Equal(date(tc.want)) {
			t.Errorf("%s: published %v, want %s", tc.desc, as[0].Published, tc.want)
		}
	}
}

func TestFixMojibake(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Enrique PeÃ±a Nieto met Trump.", "Enrique Peña Nieto met Trump."},
		{"at GuantÃ¡namo Bay, SÃ©golÃ¨ne Royal", "at Guantánamo Bay, Ségolène Royal"},
		{"itâ€™s â€œfineâ€\u009d", "it’s “fine”"},
		{"a reall\u00c3\u00a9 trÃ¨s", "a reallé très"},
		{"5Â\u00a0km", "5\u00a0km"},
		{"PeA\u0303\u00b1a Nieto", "Peña Nieto"},
		// no complete sequence: kept
		{"São Paulo, Ãngel, CAFÉ, naïve, â€", "São Paulo, Ãngel, CAFÉ, naïve, â€"},
		{"plain ASCII", "plain ASCII"},
		{"un café»… et É»", "un café»… et É»"}, // French, not a Chinese character read as Windows-1252
	} {
		got, _ := fixMojibake(tc.in)
		if got != tc.want {
			t.Errorf("fixMojibake(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	as, errs := collect(t, "m.txt", "Enrique PeÃ±a Nieto spoke.", Options{})
	if len(errs) > 0 || len(as) != 1 || as[0].Text != "Enrique Peña Nieto spoke." || as[0].Encoding == "" {
		t.Errorf("reader: %+v %v", as, errs)
	}
}
