package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	gz "github.com/chronicle-news/chronicle/gazetteer"
	"github.com/chronicle-news/chronicle/internal/shared"
)

// matchGazetteer marks tokens covered by gazetteer entries. Each bit of
// x.gaz[i] is (list, BILOU position). The model carries its gazetteer.
func (x *extractor) matchGazetteer() {
	x.gaz = x.gaz[:0]
	if x.m == nil || x.m.gaz == nil {
		return
	}
	n := len(x.toks)
	for range n {
		x.gaz = append(x.gaz, 0)
	}
	g := x.m.gaz
	for i := 0; i < n; i++ {
		if x.toks[i].flags&(tfLetter|tfDigit) == 0 {
			continue
		}
		x.gbuf = x.gbuf[:0]
		for l := 0; l < g.maxLen && i+l < n; l++ {
			if l > 0 {
				x.gbuf = append(x.gbuf, ' ')
			}
			x.gbuf = append(x.gbuf, x.str(x.toks[i+l].low)...)
			lists, ok := g.m[string(x.gbuf)]
			if !ok {
				continue
			}
			for li := 0; lists != 0; li++ {
				if lists&1 != 0 {
					if l == 0 {
						x.gaz[i] |= 1 << (4*li + posU)
					} else {
						x.gaz[i] |= 1 << (4*li + posB)
						for j := i + 1; j < i+l; j++ {
							x.gaz[j] |= 1 << (4*li + posI)
						}
						x.gaz[i+l] |= 1 << (4*li + posL)
					}
				}
				lists >>= 1
			}
		}
	}
}

// gazetteer maps lowercase (digits as 0) space-joined token sequences to a
// bit set of lists.
type gazetteer struct {
	m      map[string]uint8
	maxLen int
	names  []string
}

// Gazetteer lists (at most 8: each takes 4 bits of BILOU positions).
const (
	gazCountry = iota
	gazDemonym
	gazCity
	gazRegion
	gazGiven
	gazPerson
	gazOrg
	nGazLists
)

var gazNames = [nGazLists]string{"country", "demonym", "city", "region", "given", "person", "org"}

func newGazetteer() *gazetteer {
	return &gazetteer{m: map[string]uint8{}, names: gazNames[:]}
}

// add enters a name (tokenised like the corpora, lower case) in list li.
func (g *gazetteer) add(name string, li int) {
	var toks []string
	for _, w := range strings.Fields(name) {
		toks = appendSplit(toks, w)
	}
	if len(toks) == 0 || len(toks) > 8 {
		return
	}
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = lowerKey(t)
	}
	k := strings.Join(keys, " ")
	g.m[k] |= 1 << li
	g.maxLen = max(g.maxLen, len(toks))
}

// moduleRoot finds the directory of go.mod from the working directory.
func moduleRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("module root not found from " + wd)
		}
	}
}

// BuildGazetteer assembles the training-time gazetteer: countries and
// demonyms from package gazetteer, cities, regions and given names from its
// data files, and people and organisations from the PETRARCH/Phoenix actor
// dictionaries in the shared data. The lists are stored in the model, so
// the model does not change when those sources do.
func BuildGazetteer() (*gazetteer, error) {
	g := newGazetteer()
	gzt, err := gz.Load()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	for _, c := range gzt.Countries() {
		for _, n := range append([]string{c.Name, c.Official}, c.AltNames...) {
			g.add(n, gazCountry)
		}
		for _, d := range c.Demonyms {
			g.add(d, gazDemonym)
			if !strings.HasSuffix(d, "s") {
				g.add(d+"s", gazDemonym)
			}
		}
	}
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	if err := readGz(filepath.Join(root, "gazetteer", "data", "places.tsv.gz"), func(line string) {
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return
		}
		switch f[0] {
		case "c":
			g.add(f[1], gazCity)
		case "r":
			g.add(f[1], gazRegion)
		}
	}); err != nil {
		return nil, err
	}
	if err := readGz(filepath.Join(root, "gazetteer", "data", "names.txt.gz"), func(line string) {
		if w := strings.TrimSpace(line); w != "" && !strings.ContainsRune(w, ' ') {
			g.add(w, gazGiven)
		}
	}); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		file    string
		undated int // list for entries without dated roles (-1: skip)
	}{
		{"Phoenix.Countries.actors.txt", -1},
		{"Phoenix.International.actors.txt", gazOrg},
		{"Phoenix.MilNonState.actors.txt", gazOrg},
	} {
		p, err := shared.Path("data", "petrarch", "dictionaries", f.file)
		if err != nil {
			return nil, err
		}
		if err := readPhoenix(p, g, f.undated); err != nil {
			return nil, err
		}
	}
	return g, nil
}

func readGz(path string, fn func(string)) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return eachLine(zr, fn)
}

func eachLine(r io.Reader, fn func(string)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		fn(sc.Text())
	}
	return sc.Err()
}

// readPhoenix reads a TABARI actor dictionary: entries whose codes carry
// date ranges are people (their "+" synonyms too); others go to list
// undated.
func readPhoenix(path string, g *gazetteer, undated int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cur := -1
	return eachLine(f, func(line string) {
		if line == "" || line[0] == '#' || line[0] == ' ' || line[0] == '\t' || line[0] == '[' {
			return
		}
		syn := line[0] == '+'
		if syn {
			line = line[1:]
		}
		name, rest, _ := strings.Cut(line, "[")
		name, _, _ = strings.Cut(name, "#")
		name = strings.TrimSpace(strings.ReplaceAll(name, "_", " "))
		if !syn {
			cur = undated
			if code, _, _ := strings.Cut(rest, "]"); strings.ContainsAny(code, "0123456789>") {
				cur = gazPerson
			}
		}
		if cur >= 0 && len(name) > 1 {
			g.add(name, cur)
		}
	})
}
