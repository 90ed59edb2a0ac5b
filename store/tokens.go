package store

import (
	"encoding/binary"
	"errors"
	"strings"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/klauspost/compress/huff0"
)

// The token section of a layer blob stores the tokens column by column,
// each column Huffman-coded on its own (huff0), which is what small columns
// of small numbers need:
//
//	n                       uvarint, number of tokens (0: nothing follows)
//	string table            uvarint count, then (uvarint length, bytes)…;
//	                        string index i < len(staticStrings) is static,
//	                        else table[i-len(staticStrings)]
//	tag bundles             uvarint count, then (UPOS byte, uvarint XPOS,
//	                        uvarint feats)…; from format version 5 each
//	                        bundle is a uvarint k, staticBundles[k] when
//	                        k < len(staticBundles), else followed by the
//	                        three fields
//	columns                 gap to the previous token's end, length,
//	                        sentence step, head offset, bundle, lemma strip,
//	                        lemma suffix (tokens with strip > 0 only), relation
//
// A lemma is the form (strip 0) or the lower-cased form with strip-1 bytes
// cut from its end and a suffix appended ("said" → "sa"+"y").

// Column coding modes.
const (
	colRaw  = 0 // uvarint length, bytes
	colRLE  = 1 // one byte repeated
	colHuff = 2 // uvarint coded length, huff0 1X table and stream
)

func zigzag(v int64) uint64   { return uint64(v<<1) ^ uint64(v>>63) }
func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }

// appendColumn writes values as bytes (255 escapes a larger value as a
// uvarint of value-255) in the best of the column modes.
func appendColumn(b []byte, values []uint64) []byte {
	raw := make([]byte, 0, len(values)+8)
	for _, v := range values {
		if v < 255 {
			raw = append(raw, byte(v))
			continue
		}
		raw = append(raw, 255)
		raw = binary.AppendUvarint(raw, v-255)
	}
	if len(raw) == 0 {
		b = append(b, colRaw)
		return binary.AppendUvarint(b, 0)
	}
	if len(raw) <= huff0.BlockSizeMax {
		var s huff0.Scratch
		out, _, err := huff0.Compress1X(raw, &s)
		switch {
		case err == nil && len(out) < len(raw):
			b = append(b, colHuff)
			b = binary.AppendUvarint(b, uint64(len(raw)))
			b = binary.AppendUvarint(b, uint64(len(out)))
			return append(b, out...)
		case errors.Is(err, huff0.ErrUseRLE):
			b = append(b, colRLE, raw[0])
			return binary.AppendUvarint(b, uint64(len(raw)))
		}
	}
	b = append(b, colRaw)
	b = binary.AppendUvarint(b, uint64(len(raw)))
	return append(b, raw...)
}

// column reads a column of n values written by appendColumn.
func (r *tokenReader) column(n int) []uint64 {
	if r.err != nil {
		return nil
	}
	var raw []byte
	switch r.byte() {
	case colRaw:
		l := r.uvarint()
		if r.err != nil || l > uint64(len(r.b)) {
			r.err = errCorrupt
			return nil
		}
		raw, r.b = r.b[:l], r.b[l:]
	case colRLE:
		c := r.byte()
		l := r.uvarint()
		if r.err != nil || l > uint64(n)*10+10 {
			r.err = errCorrupt
			return nil
		}
		raw = make([]byte, l)
		for i := range raw {
			raw[i] = c
		}
	case colHuff:
		rawLen := r.uvarint()
		l := r.uvarint()
		if r.err != nil || l > uint64(len(r.b)) || rawLen > huff0.BlockSizeMax {
			r.err = errCorrupt
			return nil
		}
		in := r.b[:l]
		r.b = r.b[l:]
		s, rest, err := huff0.ReadTable(in, nil)
		if err != nil {
			r.err = errCorrupt
			return nil
		}
		out, err := s.Decoder().Decompress1X(make([]byte, 0, rawLen), rest)
		if err != nil || uint64(len(out)) != rawLen {
			r.err = errCorrupt
			return nil
		}
		raw = out
	default:
		r.err = errCorrupt
		return nil
	}
	values := make([]uint64, 0, n)
	for i := 0; i < len(raw); {
		if raw[i] < 255 {
			values = append(values, uint64(raw[i]))
			i++
			continue
		}
		v, k := binary.Uvarint(raw[i+1:])
		if k <= 0 {
			r.err = errCorrupt
			return nil
		}
		values = append(values, v+255)
		i += 1 + k
	}
	if len(values) != n {
		r.err = errCorrupt
		return nil
	}
	return values
}

// stringTable numbers the strings of a token section as it is written: a
// static string by its index in staticStrings, any other after them in the
// order of first use.
type stringTable struct {
	static map[string]uint64
	index  map[string]uint64
	list   []string
}

func (c *Codec) newStringTable() *stringTable {
	return &stringTable{static: c.static, index: map[string]uint64{}}
}

// id returns the number of s, adding it when new.
func (t *stringTable) id(s string) uint64 {
	if i, ok := t.static[s]; ok {
		return i
	}
	if i, ok := t.index[s]; ok {
		return i
	}
	i := uint64(len(staticStrings) + len(t.list))
	t.index[s] = i
	t.list = append(t.list, s)
	return i
}

// appendTo writes the strings that are not static: their count, then each
// one's length and bytes.
func (t *stringTable) appendTo(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(t.list)))
	for _, s := range t.list {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

// stringTable reads what stringTable.appendTo wrote (r.err is set when it
// is corrupt).
func (r *tokenReader) stringTable() []string {
	nt := r.uvarint()
	if r.err != nil || nt > uint64(len(r.b)) {
		r.err = errCorrupt
		return nil
	}
	table := make([]string, nt)
	for i := range table {
		l := r.uvarint()
		if r.err != nil || l > uint64(len(r.b)) {
			r.err = errCorrupt
			return nil
		}
		table[i] = string(r.b[:l])
		r.b = r.b[l:]
	}
	return table
}

// lookupString returns string i of a section whose own strings are table.
func lookupString(table []string, i uint64) (string, bool) {
	if i < uint64(len(staticStrings)) {
		return staticStrings[i], true
	}
	if i-uint64(len(staticStrings)) >= uint64(len(table)) {
		return "", false
	}
	return table[i-uint64(len(staticStrings))], true
}

type bundle struct {
	upos        doc.UPOS
	xpos, feats uint64
}

// appendTokens writes the token section; builtin says whether bundles may
// refer to staticBundles (format version 5).
func (c *Codec) appendTokens(b []byte, d *doc.Document, builtin bool) []byte {
	n := len(d.Tokens)
	b = binary.AppendUvarint(b, uint64(n))
	if n == 0 {
		return b
	}
	strs := c.newStringTable()
	intern := strs.id
	bundleIndex := map[bundle]uint64{}
	var bundles []bundle
	cols := make([][]uint64, 8)
	for i := range cols {
		cols[i] = make([]uint64, 0, n)
	}
	var prevEnd, prevSent int64
	for i, t := range d.Tokens {
		form := ""
		if t.Start >= 0 && t.End >= t.Start && int(t.End) <= len(d.Text) {
			form = d.Text[t.Start:t.End]
		}
		bd := bundle{t.UPOS, intern(t.XPOS), intern(t.Feats)}
		bi, ok := bundleIndex[bd]
		if !ok {
			bi = uint64(len(bundles))
			bundleIndex[bd] = bi
			bundles = append(bundles, bd)
		}
		var strip uint64
		if t.Lemma != form {
			lower := strings.ToLower(form)
			p := 0
			for p < len(lower) && p < len(t.Lemma) && lower[p] == t.Lemma[p] {
				p++
			}
			strip = uint64(len(lower)-p) + 1
			cols[6] = append(cols[6], intern(t.Lemma[p:]))
		}
		cols[0] = append(cols[0], zigzag(int64(t.Start)-prevEnd))
		cols[1] = append(cols[1], zigzag(int64(t.End-t.Start)))
		cols[2] = append(cols[2], zigzag(int64(t.Sent)-prevSent))
		cols[3] = append(cols[3], zigzag(int64(t.Head)-int64(i)))
		cols[4] = append(cols[4], bi)
		cols[5] = append(cols[5], strip)
		cols[7] = append(cols[7], intern(t.Dep))
		prevEnd, prevSent = int64(t.End), int64(t.Sent)
	}
	b = strs.appendTo(b)
	b = binary.AppendUvarint(b, uint64(len(bundles)))
	for _, bd := range bundles {
		if builtin {
			if k, ok := c.bundles[bd]; ok {
				b = binary.AppendUvarint(b, k)
				continue
			}
			b = binary.AppendUvarint(b, uint64(len(staticBundles)))
		}
		b = append(b, byte(bd.upos))
		b = binary.AppendUvarint(b, bd.xpos)
		b = binary.AppendUvarint(b, bd.feats)
	}
	for _, col := range cols {
		b = appendColumn(b, col)
	}
	return b
}

// tokenReader reads the token section.
type tokenReader struct {
	b   []byte
	err error
}

func (r *tokenReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.err = errCorrupt
		return 0
	}
	r.b = r.b[k:]
	return v
}

func (r *tokenReader) byte() byte {
	if r.err != nil || len(r.b) == 0 {
		r.err = errCorrupt
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// staticBundleList is staticBundles with string indexes.
func staticBundleList(static map[string]uint64) []bundle {
	out := make([]bundle, len(staticBundles))
	for i, sb := range staticBundles {
		out[i] = bundle{sb.upos, static[sb.xpos], static[sb.feats]}
	}
	return out
}

// readTokens reads a token section; statics are the built-in bundles of
// format version 5 (nil for older sections, whose bundles are explicit).
func readTokens(b []byte, text string, statics []bundle) ([]doc.Token, error) {
	r := &tokenReader{b: b}
	n64 := r.uvarint()
	if n64 == 0 || r.err != nil {
		return nil, r.err
	}
	if n64 > uint64(len(text)) { // a token is at least one byte of text
		return nil, errCorrupt
	}
	n := int(n64)
	table := r.stringTable()
	if r.err != nil {
		return nil, errCorrupt
	}
	str := func(i uint64) string {
		s, ok := lookupString(table, i)
		if !ok {
			r.err = errCorrupt
		}
		return s
	}
	nb := r.uvarint()
	if nb > uint64(len(r.b)) {
		return nil, errCorrupt
	}
	bundles := make([]bundle, nb)
	for i := range bundles {
		if statics != nil {
			k := r.uvarint()
			if k < uint64(len(statics)) {
				bundles[i] = statics[k]
				continue
			}
			if k != uint64(len(statics)) {
				return nil, errCorrupt
			}
		}
		bundles[i] = bundle{doc.UPOS(r.byte()), r.uvarint(), r.uvarint()}
	}
	gaps, lens, sents, heads, bis, strips := r.column(n), r.column(n), r.column(n), r.column(n), r.column(n), r.column(n)
	if r.err != nil {
		return nil, r.err
	}
	nSuffix := 0
	for _, s := range strips {
		if s > 0 {
			nSuffix++
		}
	}
	suffixes := r.column(nSuffix)
	deps := r.column(n)
	if r.err != nil {
		return nil, r.err
	}
	toks := make([]doc.Token, n)
	var prevEnd, sent int64
	si := 0
	for i := range toks {
		start := prevEnd + unzigzag(gaps[i])
		end := start + unzigzag(lens[i])
		if start < 0 || end < start || end > int64(len(text)) {
			return nil, errCorrupt
		}
		sent += unzigzag(sents[i])
		if bis[i] >= uint64(len(bundles)) {
			return nil, errCorrupt
		}
		bd := bundles[bis[i]]
		t := &toks[i]
		t.Start, t.End, t.Sent = int32(start), int32(end), int32(sent)
		t.Head = int32(int64(i) + unzigzag(heads[i]))
		t.UPOS, t.XPOS, t.Feats, t.Dep = bd.upos, str(bd.xpos), str(bd.feats), str(deps[i])
		form := text[start:end]
		if strips[i] == 0 {
			t.Lemma = form
		} else {
			lower := strings.ToLower(form)
			cut := strips[i] - 1
			if cut > uint64(len(lower)) {
				return nil, errCorrupt
			}
			t.Lemma = lower[:uint64(len(lower))-cut] + str(suffixes[si])
			si++
		}
		prevEnd = end
	}
	if r.err != nil {
		return nil, r.err
	}
	return toks, nil
}
