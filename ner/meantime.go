package ner

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// meantimeType maps MEANTIME entity types to ours (-1: not an entity type we tag).
func meantimeType(t string) int {
	switch t {
	case "PER":
		return 0
	case "ORG", "FIN":
		return 1
	case "LOC":
		return 2
	case "PRO":
		return 3
	}
	return -1
}

type mtAnchor struct {
	TID string `xml:"t_id,attr"`
}

type mtMention struct {
	MID     string     `xml:"m_id,attr"`
	Syn     string     `xml:"syntactic_type,attr"`
	Anchors []mtAnchor `xml:"token_anchor"`
}

type mtEntity struct {
	MID  string `xml:"m_id,attr"`
	Type string `xml:"ent_type,attr"`
}

type mtRef struct {
	Sources []mtAnchorM `xml:"source"`
	Target  mtAnchorM   `xml:"target"`
}

type mtAnchorM struct {
	MID string `xml:"m_id,attr"`
}

type mtToken struct {
	TID      string `xml:"t_id,attr"`
	Sentence int    `xml:"sentence,attr"`
	Text     string `xml:",chardata"`
}

type mtDoc struct {
	ID       string      `xml:"doc_id,attr"`
	Tokens   []mtToken   `xml:"token"`
	Mentions []mtMention `xml:"Markables>ENTITY_MENTION"`
	Entities []mtEntity  `xml:"Markables>ENTITY"`
	Refs     []mtRef     `xml:"Relations>REFERS_TO"`
}

// ReadMEANTIME reads the MEANTIME NAF-style XML files under dir into
// documents. Name mentions (NAM, PRE.NAM) of PER, ORG (and FIN), LOC and
// PRO (as MISC) entities become gold spans; since MEANTIME does not mark
// every MISC-like name, other tokens may be O or MISC.
func ReadMEANTIME(dir string) ([]Doc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".xml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("meantime: %w", err)
	}
	sort.Strings(paths)
	var docs []Doc
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("meantime: %w", err)
		}
		var md mtDoc
		if err := xml.Unmarshal(b, &md); err != nil {
			return nil, fmt.Errorf("meantime: %s: %w", p, err)
		}
		docs = append(docs, meantimeDoc(&md))
	}
	return docs, nil
}

func meantimeDoc(md *mtDoc) Doc {
	entType := map[string]int{}
	for _, e := range md.Entities {
		entType[e.MID] = meantimeType(e.Type)
	}
	mentType := map[string]int{}
	for _, r := range md.Refs {
		t, ok := entType[r.Target.MID]
		if !ok {
			continue
		}
		for _, s := range r.Sources {
			mentType[s.MID] = t
		}
	}
	type pos struct{ sent, idx int }
	where := map[string]pos{}
	d := Doc{ID: md.ID}
	sentIdx := map[int]int{}
	for _, t := range md.Tokens {
		si, ok := sentIdx[t.Sentence]
		if !ok {
			si = len(d.Sents)
			sentIdx[t.Sentence] = si
			d.Sents = append(d.Sents, Sent{partial: noMISC})
		}
		where[t.TID] = pos{si, len(d.Sents[si].Tokens)}
		d.Sents[si].Tokens = append(d.Sents[si].Tokens, strings.TrimSpace(t.Text))
	}
	for _, m := range md.Mentions {
		if m.Syn != "NAM" && m.Syn != "PRE.NAM" {
			continue
		}
		t, ok := mentType[m.MID]
		if !ok || t < 0 || len(m.Anchors) == 0 {
			continue
		}
		ids := make([]int, 0, len(m.Anchors))
		si := -1
		okSpan := true
		for _, a := range m.Anchors {
			p, ok := where[a.TID]
			if !ok || (si >= 0 && p.sent != si) {
				okSpan = false
				break
			}
			si = p.sent
			ids = append(ids, p.idx)
		}
		if !okSpan {
			continue
		}
		sort.Ints(ids)
		if ids[len(ids)-1]-ids[0]+1 != len(ids) {
			continue
		}
		d.Sents[si].spans = append(d.Sents[si].spans, span{ids[0], ids[len(ids)-1] + 1, t})
	}
	for i := range d.Sents {
		s := &d.Sents[i]
		var keep []span
		for _, sp := range dropOverlaps(s.spans) {
			// MEANTIME marks whole mention extents ("defence analyst Paul
			// Nesbit", "The Boeing 737-800"): trust only name-like ones and
			// leave the others unsure (any labelling is accepted there).
			if sp.End-sp.Start > 1 && isDeterminer(s.Tokens[sp.Start]) {
				sp.Start++
			}
			if nameLike(s.Tokens[sp.Start:sp.End], sp.Type) {
				keep = append(keep, sp)
			} else {
				s.unsure = append(s.unsure, sp)
			}
		}
		s.spans = keep
		s.Gold = spansToIOB2(s.spans, len(s.Tokens))
	}
	if d.ID == "" {
		d.ID = strconv.Itoa(len(md.Tokens))
	}
	return d
}

// dropOverlaps sorts spans and keeps the longest of overlapping ones.
func dropOverlaps(sp []span) []span {
	sort.Slice(sp, func(i, j int) bool {
		if sp[i].Start != sp[j].Start {
			return sp[i].Start < sp[j].Start
		}
		return sp[i].End > sp[j].End
	})
	out := sp[:0]
	end := -1
	for _, s := range sp {
		if s.Start >= end {
			out = append(out, s)
			end = s.End
		}
	}
	return out
}

func isDeterminer(tok string) bool {
	switch tok {
	case "The", "the", "A", "a", "An", "an":
		return true
	}
	return false
}

// nameLike reports whether a mention extent looks like a bare name:
// capitalised or numeric words, with only name-internal connectors, and
// for people at most three words (longer ones usually carry a title).
func nameLike(toks []string, typ int) bool {
	if len(toks) == 0 || (typ == 0 && len(toks) > 3) {
		return false
	}
	for i, t := range toks {
		switch t {
		case "of", "and", "&", "-", "de", "la", "del", "von", "van", "al", "bin":
			if i == 0 || i == len(toks)-1 {
				return false
			}
			continue
		}
		r, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
