package read

import (
	"strings"
	"testing"
)

// meantimeDoc builds a small MEANTIME (CAT) document: sentences of tokens,
// and a TIMEX3 markable over tokens of the second sentence with the given
// functionInDocument.
func meantimeDoc(function string) string {
	sents := [][]string{
		{"Envoys", "meet", "in", "`", "neutral", "'", "city"},
		{"March", "3", ",", "2011"},
		{"The", "envoys", "met", "on", "Tuesday", ",", "officials", "said", "."},
		{"``", "It", "was", "useful", ",", "''", "one", "said", "of", "the", "group", "'s", "talks", "."},
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" ?><Document doc_id="7" doc_name="7_Envoys_meet" lang="en" url="http://example.org/7">` + "\n")
	id := 0
	for s, ws := range sents {
		for _, w := range ws {
			id++
			b.WriteString(`<token sentence="` + itoa(s) + `" t_id="` + itoa(id) + `">` + w + "</token>\n")
		}
	}
	b.WriteString(`<Markables><TIMEX3 m_id="1" type="DATE" value="2011-03-03" functionInDocument="` + function + `">`)
	b.WriteString(`<token_anchor t_id="8"/><token_anchor t_id="9"/><token_anchor t_id="10"/><token_anchor t_id="11"/></TIMEX3></Markables></Document>`)
	return b.String()
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

const nafDoc = `<?xml version="1.0" encoding="UTF-8"?>
<NAF xml:lang="en" version="v3">
  <nafHeader>
    <fileDesc title="Envoys meet" author="Pat Writer" creationtime="2014-06-02T00:00:00Z"/>
    <public publicId="naf-1" uri="http://example.org/naf-1"/>
  </nafHeader>
  <raw><![CDATA[Envoys meet

The envoys met on Monday & talked.]]></raw>
  <text><wf id="w1">Envoys</wf></text>
</NAF>`

const timemlDoc = `<?xml version="1.0" ?>
<TimeML>
<DOCID>XYZ19990101.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1999-01-01T10:30" functionInDocument="CREATION_TIME">1999-01-01 10:30</TIMEX3></DCT>
<TITLE>Talks  Resume</TITLE>
<TEXT>
The talks <EVENT eid="e1">resumed</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-12-31">Thursday</TIMEX3>.

They will go on.
</TEXT>
</TimeML>`

func TestXML(t *testing.T) {
	tests := []struct {
		name, file, input                 string
		id, title, published, url, author string
		text                              []string // substrings of the text
		notText                           []string
	}{
		{
			name: "MEANTIME with a creation time", file: "7.xml", input: meantimeDoc("CREATION_TIME"),
			id: "7_Envoys_meet", title: "Envoys meet in ‘neutral’ city", published: "2011-03-03", url: "http://example.org/7",
			text: []string{"Envoys meet in ‘neutral’ city\n\nMarch 3, 2011\n\nThe envoys met on Tuesday, officials said.\n“It was useful,” one said of the group's talks."},
		},
		{
			// Some MEANTIME files mark the date line as an ordinary
			// TIMEX3: the line that is nothing but a date is the DCT.
			name: "MEANTIME, date line only", file: "7.xml", input: meantimeDoc("NONE"),
			id: "7_Envoys_meet", title: "Envoys meet in ‘neutral’ city", published: "2011-03-03", url: "http://example.org/7",
			text: []string{"The envoys met on Tuesday"},
		},
		{
			name: "NAF", file: "a.naf", input: nafDoc,
			id: "naf-1", title: "Envoys meet", published: "2014-06-02", url: "http://example.org/naf-1", author: "Pat Writer",
			text: []string{"The envoys met on Monday & talked."}, notText: []string{"<wf"},
		},
		{
			name: "TimeML", file: "x.tml", input: timemlDoc,
			id: "XYZ19990101.0001", title: "Talks Resume", published: "1999-01-01",
			text: []string{"The talks resumed Thursday.\n\nThey will go on."}, notText: []string{"10:30", "<EVENT"},
		},
		{
			name: "Latin-1 without a declaration", file: "l.tml", input: "<?xml version=\"1.0\"?>\n<TimeML><TEXT>Caf\xe9 talks resumed on Monday.</TEXT></TimeML>",
			id: "l", published: "0001-01-01", text: []string{"Café talks resumed on Monday."},
		},
		{
			name: "Latin-1 declared", file: "d.tml", input: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<TimeML><TEXT>Caf\xe9 talks resumed.</TEXT></TimeML>",
			id: "d", published: "0001-01-01", text: []string{"Café talks resumed."},
		},
		{
			name: "TimeML detected by content", file: "-", input: timemlDoc,
			id: "XYZ19990101.0001", title: "Talks Resume", published: "1999-01-01",
			text: []string{"The talks resumed Thursday."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as, errs := collect(t, tc.file, tc.input, Options{})
			if len(errs) > 0 || len(as) != 1 {
				t.Fatalf("got %v %v", as, errs)
			}
			a := as[0]
			if a.ID != tc.id || a.Title != tc.title || a.URL != tc.url || a.Author != tc.author {
				t.Errorf("id, title, url, author = %q %q %q %q, want %q %q %q %q", a.ID, a.Title, a.URL, a.Author, tc.id, tc.title, tc.url, tc.author)
			}
			if got := a.Published.Format("2006-01-02"); got != tc.published {
				t.Errorf("published = %s, want %s", got, tc.published)
			}
			for _, s := range tc.text {
				if !strings.Contains(a.Text, s) {
					t.Errorf("text %q lacks %q", a.Text, s)
				}
			}
			for _, s := range tc.notText {
				if strings.Contains(a.Text, s) {
					t.Errorf("text %q holds %q", a.Text, s)
				}
			}
		})
	}
}

func TestXMLErrors(t *testing.T) {
	tests := []struct {
		name, file, input string
		want              string // the whole one-line message
	}{
		{"mismatched tag", "m.xml", "<?xml version=\"1.0\"?>\n<Document>\n<token sentence=\"0\">a</tok>\n",
			"m.xml: bad XML at line 3, column 28: element <token> closed by </tok>"},
		{"unclosed", "u.xml", "<?xml version=\"1.0\"?>\n<TimeML><TEXT>words",
			"u.xml: bad XML at line 2, column 20: unexpected EOF"},
		{"no text", "e.tml", "<?xml version=\"1.0\"?><TimeML><TEXT>  </TEXT></TimeML>",
			"e.tml: " + ErrEmpty.Error()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as, errs := collect(t, tc.file, tc.input, Options{})
			if len(as) != 0 || len(errs) != 1 {
				t.Fatalf("got %v %v", as, errs)
			}
			if got := errs[0].Error(); got != tc.want {
				t.Errorf("error = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestXHTMLIsHTML(t *testing.T) {
	x := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + strings.Replace(page, "<!DOCTYPE html><html>", `<html xmlns="http://www.w3.org/1999/xhtml">`, 1)
	for _, name := range []string{"page.xml", "-"} {
		if k := Detect(name, []byte(x)); k != HTML {
			t.Errorf("Detect(%q) = %v, want html", name, k)
		}
		as, errs := collect(t, name, x, Options{})
		if len(errs) > 0 || len(as) != 1 || as[0].Title != "Envoys meet in Vienna" {
			t.Errorf("%s: got %v %v", name, as, errs)
		}
	}
}
