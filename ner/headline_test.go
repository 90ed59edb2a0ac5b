package ner

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/tokenize"
)

// TestHeadlineCase checks that title-case and all-caps headlines do not
// turn capitalised common words into entities, while the names in them
// and ordinary sentences are left alone.
func TestHeadlineCase(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text   string
		want   []string // entity texts that must be found
		reject []string // words no entity may contain
	}{
		{"Billionaire Mark Cuban Just Revealed Who He Would Pick Between Cruz And Trump",
			[]string{"Mark Cuban", "Cruz", "Trump"}, []string{"Just", "Revealed", "Between", "And"}},
		{"Pence Endorses Paul Ryan With Trump Watching",
			[]string{"Paul Ryan"}, []string{"With", "Watching"}},
		{"CAR BOMB ATTACK KILLS 12 IN KABUL MARKET",
			[]string{"KABUL"}, []string{"CAR", "BOMB", "KILLS"}},
		// Not a headline: the same words in running text keep the model's call.
		{"Senator Paul Ryan met Ted Cruz in Washington on Monday , aides said .",
			[]string{"Paul Ryan", "Ted Cruz", "Washington"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := wsDoc(tt.text)
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.Entities {
				got = append(got, e.Text)
				for _, w := range tt.reject {
					for _, f := range strings.Fields(e.Text) {
						if f == w {
							t.Errorf("entity %q contains %q", e.Text, w)
						}
					}
				}
			}
		want:
			for _, w := range tt.want {
				for _, g := range got {
					if strings.Contains(g, w) {
						continue want
					}
				}
				t.Errorf("no entity with %q in %q", w, got)
			}
		})
	}
}

// TestHyphenatedNames checks that names the tokenizer splits at hyphens
// come out whole, while hyphenated modifiers leave the name alone.
func TestHyphenatedNames(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tk, err := tokenize.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"Ban Ki-moon flew to Winston-Salem on Monday.", []string{"Ban Ki-moon", "Winston-Salem"}},
		{"Lashkar-e-Taiba and the Saudi-led coalition clashed.", []string{"Lashkar-e-Taiba", "Saudi"}},
		{"Senator Rob Portman (R-Ohio) spoke at a Kremlin-backed forum.", []string{"Rob Portman", "Ohio", "Kremlin"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := doc.New(doc.Article{Text: tt.text})
			if err := tk.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if err := r.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.Entities {
				if e.Text != d.Text[e.Start:e.End] {
					t.Fatalf("entity text %q does not match its span", e.Text)
				}
				got = append(got, e.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCourtesyTitles checks that "Mr.", "Ms." and "Dr." and office titles
// ("Sen.") stay out of names, as CoNLL marks them, and that a name after one
// is a person's.
func TestCourtesyTitles(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tk, err := tokenize.New()
	if err != nil {
		t.Fatal(err)
	}
	d := doc.New(doc.Article{Text: "Mr. Trump said later that Mr. Ban and Ms. Clinton had met Dr. Fauci.\n\nSen. Bernie Sanders of Vermont won in Michigan. Florida Sen. Marco Rubio lost.\n\nThe Vermont senator said so. Sen. Patrick Leahy (D-Vt.) agreed. Lt. Gen. Michael Flynn of the Army disagreed."})
	if err := tk.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.Entities {
		got = append(got, e.Type+":"+e.Text)
	}
	want := []string{"PER:Trump", "PER:Ban", "PER:Clinton", "PER:Fauci", "PER:Bernie Sanders", "LOC:Michigan", "LOC:Florida", "PER:Marco Rubio", "LOC:Vermont", "PER:Patrick Leahy", "LOC:Vt.", "PER:Michael Flynn", "ORG:Army"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
