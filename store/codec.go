package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/klauspost/compress/zstd"
)

// codecVersion is the first byte of an encoded layer blob.
const codecVersion = 1

// Codec encodes a document's annotation layers into a compact blob and back:
// tokens as a columnar binary record with an interned string table, the other
// layers as JSON, the whole compressed with zstd. A Codec is safe for
// concurrent use.
type Codec struct {
	enc *zstd.Encoder
	dec *zstd.Decoder
}

// NewCodec makes a Codec.
func NewCodec() (*Codec, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return nil, fmt.Errorf("store: zstd encoder: %w", err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(1<<30))
	if err != nil {
		return nil, fmt.Errorf("store: zstd decoder: %w", err)
	}
	return &Codec{enc: enc, dec: dec}, nil
}

// layersJSON is the JSON part of a blob.
type layersJSON struct {
	Done      doc.Layer    `json:"done"`
	Sentences [][5]int     `json:"s,omitempty"` // start, end, first token, end token, paragraph
	Entities  []doc.Entity `json:"ent,omitempty"`
	Actors    []doc.Actor  `json:"act,omitempty"`
	Timexes   []doc.Timex  `json:"tmx,omitempty"`
	Quotes    []doc.Quote  `json:"quo,omitempty"`
	Events    []doc.Event  `json:"evt,omitempty"`
}

// Encode returns the layers of d as a blob (nil when d has no layers).
func (c *Codec) Encode(d *doc.Document) ([]byte, error) {
	if d.Done == 0 && len(d.Sentences) == 0 && len(d.Tokens) == 0 && len(d.Entities) == 0 &&
		len(d.Actors) == 0 && len(d.Timexes) == 0 && len(d.Quotes) == 0 && len(d.Events) == 0 {
		return nil, nil
	}
	l := layersJSON{Done: d.Done, Entities: d.Entities, Actors: d.Actors, Timexes: d.Timexes, Quotes: d.Quotes, Events: d.Events}
	if len(d.Sentences) > 0 {
		l.Sentences = make([][5]int, len(d.Sentences))
		for i, s := range d.Sentences {
			l.Sentences[i] = [5]int{s.Start, s.End, s.FirstToken, s.EndToken, s.Paragraph}
		}
	}
	js, err := json.Marshal(&l)
	if err != nil {
		return nil, fmt.Errorf("store: encode layers of %q: %w", d.ID, err)
	}
	raw := make([]byte, 0, len(js)+len(d.Tokens)*6+64)
	raw = binary.AppendUvarint(raw, uint64(len(js)))
	raw = append(raw, js...)
	raw = appendTokens(raw, d)
	out := make([]byte, 1, len(raw)/3+16)
	out[0] = codecVersion
	return c.enc.EncodeAll(raw, out), nil
}

// Decode fills the layers of d (whose Text must be set) from a blob made by
// Encode. A nil blob leaves d without layers.
func (c *Codec) Decode(blob []byte, d *doc.Document) error {
	if len(blob) == 0 {
		return nil
	}
	if blob[0] != codecVersion {
		return fmt.Errorf("store: layers of %q: unknown encoding version %d", d.ID, blob[0])
	}
	raw, err := c.dec.DecodeAll(blob[1:], nil)
	if err != nil {
		return fmt.Errorf("store: layers of %q: %w", d.ID, err)
	}
	n, k := binary.Uvarint(raw)
	if k <= 0 || uint64(len(raw)-k) < n {
		return fmt.Errorf("store: layers of %q: %w", d.ID, errCorrupt)
	}
	var l layersJSON
	if err := json.Unmarshal(raw[k:k+int(n)], &l); err != nil {
		return fmt.Errorf("store: layers of %q: %w", d.ID, err)
	}
	d.Done = l.Done
	d.Entities, d.Actors, d.Timexes, d.Quotes, d.Events = l.Entities, l.Actors, l.Timexes, l.Quotes, l.Events
	d.Sentences = nil
	if len(l.Sentences) > 0 {
		d.Sentences = make([]doc.Sentence, len(l.Sentences))
		for i, s := range l.Sentences {
			d.Sentences[i] = doc.Sentence{Start: s[0], End: s[1], FirstToken: s[2], EndToken: s[3], Paragraph: s[4]}
		}
	}
	toks, err := readTokens(raw[k+int(n):], d.Text)
	if err != nil {
		return fmt.Errorf("store: tokens of %q: %w", d.ID, err)
	}
	d.Tokens = toks
	return nil
}

var errCorrupt = errors.New("corrupt layer blob")

// Lemma codes: the lemma is the form, the lower-cased form, or a table string.
const (
	lemmaForm  = 0
	lemmaLower = 1
	lemmaTable = 2
)

// appendTokens writes the tokens column-wise: a string table, then per token
// the gap to the previous token, its length, sentence step, head offset,
// UPOS and string indexes.
func appendTokens(b []byte, d *doc.Document) []byte {
	b = binary.AppendUvarint(b, uint64(len(d.Tokens)))
	if len(d.Tokens) == 0 {
		return b
	}
	index := map[string]uint64{"": 0}
	table := []string{""}
	intern := func(s string) uint64 {
		if i, ok := index[s]; ok {
			return i
		}
		i := uint64(len(table))
		index[s] = i
		table = append(table, s)
		return i
	}
	type ids struct{ xpos, lemma, feats, dep uint64 }
	rec := make([]ids, len(d.Tokens))
	for i, t := range d.Tokens {
		form := ""
		if t.Start >= 0 && t.End >= t.Start && int(t.End) <= len(d.Text) {
			form = d.Text[t.Start:t.End]
		}
		var lemma uint64
		switch {
		case t.Lemma == form:
			lemma = lemmaForm
		case t.Lemma == strings.ToLower(form):
			lemma = lemmaLower
		default:
			lemma = lemmaTable + intern(t.Lemma)
		}
		rec[i] = ids{intern(t.XPOS), lemma, intern(t.Feats), intern(t.Dep)}
	}
	b = binary.AppendUvarint(b, uint64(len(table)))
	for _, s := range table {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	var prevEnd, prevSent int64
	for i, t := range d.Tokens {
		b = binary.AppendVarint(b, int64(t.Start)-prevEnd)
		b = binary.AppendVarint(b, int64(t.End-t.Start))
		b = binary.AppendVarint(b, int64(t.Sent)-prevSent)
		b = binary.AppendVarint(b, int64(t.Head)-int64(i))
		b = append(b, byte(t.UPOS))
		r := rec[i]
		b = binary.AppendUvarint(b, r.xpos)
		b = binary.AppendUvarint(b, r.lemma)
		b = binary.AppendUvarint(b, r.feats)
		b = binary.AppendUvarint(b, r.dep)
		prevEnd, prevSent = int64(t.End), int64(t.Sent)
	}
	return b
}

// tokenReader reads appendTokens' format.
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

func (r *tokenReader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, k := binary.Varint(r.b)
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

func readTokens(b []byte, text string) ([]doc.Token, error) {
	r := &tokenReader{b: b}
	n := r.uvarint()
	if n == 0 || r.err != nil {
		return nil, r.err
	}
	if n > uint64(len(b)) { // every token takes at least 9 bytes
		return nil, errCorrupt
	}
	nt := r.uvarint()
	if nt > uint64(len(b)) {
		return nil, errCorrupt
	}
	table := make([]string, nt)
	for i := range table {
		l := r.uvarint()
		if r.err != nil || l > uint64(len(r.b)) {
			return nil, errCorrupt
		}
		table[i] = string(r.b[:l])
		r.b = r.b[l:]
	}
	str := func(i uint64) string {
		if i >= uint64(len(table)) {
			r.err = errCorrupt
			return ""
		}
		return table[i]
	}
	toks := make([]doc.Token, n)
	var prevEnd, prevSent int64
	for i := range toks {
		start := prevEnd + r.varint()
		end := start + r.varint()
		sent := prevSent + r.varint()
		head := int64(i) + r.varint()
		upos := doc.UPOS(r.byte())
		xpos := str(r.uvarint())
		lc := r.uvarint()
		feats := str(r.uvarint())
		dep := str(r.uvarint())
		if r.err != nil {
			return nil, r.err
		}
		if start < 0 || end < start || end > int64(len(text)) {
			return nil, errCorrupt
		}
		form := text[start:end]
		var lemma string
		switch lc {
		case lemmaForm:
			lemma = form
		case lemmaLower:
			lemma = strings.ToLower(form)
		default:
			lemma = str(lc - lemmaTable)
		}
		toks[i] = doc.Token{Start: int32(start), End: int32(end), Sent: int32(sent), Head: int32(head),
			UPOS: upos, XPOS: xpos, Lemma: lemma, Feats: feats, Dep: dep}
		prevEnd, prevSent = end, sent
	}
	return toks, r.err
}
