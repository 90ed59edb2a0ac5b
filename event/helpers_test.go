package event

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/doc"
)

// actorSpec names an actor by the texts of its mentions.
type actorSpec struct {
	code, country, kind string
	texts               []string
}

// timexSpec is a time expression by text.
type timexSpec struct {
	text, typ, value string
	interval         *doc.Interval
}

// build makes a parsed document from a compact CoNLL-like table: one token
// per line "FORM LEMMA UPOS HEAD DEP [XPOS]" (HEAD 1-based in the
// sentence, 0 = root), sentences separated by blank lines. Tokens are
// joined by spaces in the text. Actors and timexes are found by text.
func build(t testing.TB, pub string, table string, actors []actorSpec, timexes []timexSpec) *doc.Document {
	t.Helper()
	d := &doc.Document{Source: "test"}
	if pub != "" {
		p, err := time.Parse("2006-01-02", pub)
		if err != nil {
			t.Fatal(err)
		}
		d.Published = p
	}
	var text strings.Builder
	for _, block := range strings.Split(strings.TrimSpace(table), "\n\n") {
		si := len(d.Sentences)
		first := len(d.Tokens)
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		start := text.Len()
		for k, line := range strings.Split(strings.TrimSpace(block), "\n") {
			f := strings.Fields(line)
			if len(f) < 5 {
				t.Fatalf("bad token line %q", line)
			}
			if k > 0 {
				text.WriteByte(' ')
			}
			s := text.Len()
			text.WriteString(f[0])
			h, err := strconv.Atoi(f[3])
			if err != nil {
				t.Fatal(err)
			}
			head := int32(-1)
			if h > 0 {
				head = int32(first + h - 1)
			}
			tok := doc.Token{Start: int32(s), End: int32(text.Len()), Sent: int32(si), Head: head,
				UPOS: doc.ParseUPOS(f[2]), Lemma: f[1], Dep: f[4]}
			if len(f) > 5 {
				tok.XPOS = f[5]
			}
			d.Tokens = append(d.Tokens, tok)
		}
		d.Sentences = append(d.Sentences, doc.Sentence{Start: start, End: text.Len(), FirstToken: first, EndToken: len(d.Tokens)})
	}
	d.Text = text.String()
	for i, a := range actors {
		ac := doc.Actor{ID: "A" + strconv.Itoa(i+1), Name: a.texts[0], Kind: a.kind, Code: a.code, Country: a.country}
		if ac.Kind == "" {
			ac.Kind = "PER"
		}
		for _, tx := range a.texts {
			for off := 0; ; {
				j := strings.Index(d.Text[off:], tx)
				if j < 0 {
					break
				}
				s := off + j
				e := s + len(tx)
				if (s == 0 || d.Text[s-1] == ' ') && (e == len(d.Text) || d.Text[e] == ' ') {
					ac.Mentions = append(ac.Mentions, doc.Mention{Text: tx, Start: s, End: e, Kind: "name"})
					typ := ac.Kind
					if typ == "GRP" {
						typ = "MISC"
					}
					d.Entities = append(d.Entities, doc.Entity{Type: typ, Text: tx, Start: s, End: e, Actor: ac.ID})
				}
				off = e
			}
		}
		d.Actors = append(d.Actors, ac)
	}
	for i, x := range timexes {
		s := strings.Index(d.Text, x.text)
		if s < 0 {
			t.Fatalf("timex %q not in text", x.text)
		}
		d.Timexes = append(d.Timexes, doc.Timex{ID: "t" + strconv.Itoa(i+1), Type: x.typ, Value: x.value, Text: x.text,
			Start: s, End: s + len(x.text), Interval: x.interval})
	}
	d.Done = doc.Sentences | doc.Tokens | doc.Tags | doc.Lemmas | doc.Deps | doc.Entities | doc.Actors | doc.Timexes | doc.Quotes
	return d
}
