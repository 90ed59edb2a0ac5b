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
const codecVersion = 2

// Codec encodes a document's annotation layers into a compact blob and back:
// tokens as a columnar binary record with an interned string table, the other
// layers as JSON, the whole compressed with zstd. A Codec is safe for
// concurrent use.
type Codec struct {
	enc, textEnc *zstd.Encoder
	dec, textDec *zstd.Decoder
	static       map[string]uint64
}

// NewCodec makes a Codec.
func NewCodec() (*Codec, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1),
		zstd.WithEncoderDictRaw(zstdDictID, []byte(zstdDict)))
	if err != nil {
		return nil, fmt.Errorf("store: zstd encoder: %w", err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(1<<30),
		zstd.WithDecoderDictRaw(zstdDictID, []byte(zstdDict)))
	if err != nil {
		return nil, fmt.Errorf("store: zstd decoder: %w", err)
	}
	textEnc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return nil, fmt.Errorf("store: zstd encoder: %w", err)
	}
	textDec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(1<<30))
	if err != nil {
		return nil, fmt.Errorf("store: zstd decoder: %w", err)
	}
	static := make(map[string]uint64, len(staticStrings))
	for i, s := range staticStrings {
		if _, dup := static[s]; !dup {
			static[s] = uint64(i)
		}
	}
	return &Codec{enc: enc, dec: dec, textEnc: textEnc, textDec: textDec, static: static}, nil
}

// CompressText compresses an article text for storage.
func (c *Codec) CompressText(text string) []byte {
	return c.textEnc.EncodeAll([]byte(text), make([]byte, 0, len(text)/2+16))
}

// DecompressText reverses CompressText.
func (c *Codec) DecompressText(b []byte) (string, error) {
	out, err := c.textDec.DecodeAll(b, make([]byte, 0, len(b)*3))
	if err != nil {
		return "", fmt.Errorf("store: text: %w", err)
	}
	return string(out), nil
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
	l := stripTexts(d)
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
	raw = c.appendTokens(raw, d)
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
	restoreTexts(&l, d.Text)
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

// appendTokens writes the tokens column by column (columns of small
// numbers compress far better than interleaved records): a string table,
// then the gaps between tokens, lengths, sentence steps, head offsets, UPOS,
// and the XPOS, lemma, features and relation indexes.
func (c *Codec) appendTokens(b []byte, d *doc.Document) []byte {
	b = binary.AppendUvarint(b, uint64(len(d.Tokens)))
	if len(d.Tokens) == 0 {
		return b
	}
	nStatic := uint64(len(staticStrings))
	index := map[string]uint64{}
	var table []string
	intern := func(s string) uint64 {
		if i, ok := c.static[s]; ok {
			return i
		}
		if i, ok := index[s]; ok {
			return i
		}
		i := nStatic + uint64(len(table))
		index[s] = i
		table = append(table, s)
		return i
	}
	type ids struct{ xpos, strip, suffix, feats, dep uint64 }
	rec := make([]ids, len(d.Tokens))
	for i, t := range d.Tokens {
		form := ""
		if t.Start >= 0 && t.End >= t.Start && int(t.End) <= len(d.Text) {
			form = d.Text[t.Start:t.End]
		}
		// The lemma is the form (strip 0), or an edit of the lower-cased
		// form: strip-1 bytes cut from its end, a suffix appended.
		var strip, suffix uint64
		if t.Lemma != form {
			lower := strings.ToLower(form)
			p := 0
			for p < len(lower) && p < len(t.Lemma) && lower[p] == t.Lemma[p] {
				p++
			}
			strip = uint64(len(lower)-p) + 1
			suffix = intern(t.Lemma[p:])
		}
		rec[i] = ids{intern(t.XPOS), strip, suffix, intern(t.Feats), intern(t.Dep)}
	}
	b = binary.AppendUvarint(b, uint64(len(table)))
	for _, s := range table {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	var prev int64
	for _, t := range d.Tokens {
		b = binary.AppendVarint(b, int64(t.Start)-prev)
		prev = int64(t.End)
	}
	for _, t := range d.Tokens {
		b = binary.AppendVarint(b, int64(t.End-t.Start))
	}
	prev = 0
	for _, t := range d.Tokens {
		b = binary.AppendVarint(b, int64(t.Sent)-prev)
		prev = int64(t.Sent)
	}
	for i, t := range d.Tokens {
		b = binary.AppendVarint(b, int64(t.Head)-int64(i))
	}
	for _, t := range d.Tokens {
		b = append(b, byte(t.UPOS))
	}
	for _, r := range rec {
		b = binary.AppendUvarint(b, r.xpos)
	}
	for _, r := range rec {
		b = binary.AppendUvarint(b, r.strip)
	}
	for _, r := range rec {
		if r.strip > 0 {
			b = binary.AppendUvarint(b, r.suffix)
		}
	}
	for _, r := range rec {
		b = binary.AppendUvarint(b, r.feats)
	}
	for _, r := range rec {
		b = binary.AppendUvarint(b, r.dep)
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
	nStatic := uint64(len(staticStrings))
	str := func(i uint64) string {
		if i < nStatic {
			return staticStrings[i]
		}
		if i-nStatic >= uint64(len(table)) {
			r.err = errCorrupt
			return ""
		}
		return table[i-nStatic]
	}
	toks := make([]doc.Token, n)
	gaps := make([]int64, n)
	for i := range gaps {
		gaps[i] = r.varint()
	}
	var prevEnd int64
	for i := range toks {
		start := prevEnd + gaps[i]
		end := start + r.varint()
		if r.err != nil {
			return nil, r.err
		}
		if start < 0 || end < start || end > int64(len(text)) {
			return nil, errCorrupt
		}
		toks[i].Start, toks[i].End = int32(start), int32(end)
		prevEnd = end
	}
	var sent int64
	for i := range toks {
		sent += r.varint()
		toks[i].Sent = int32(sent)
	}
	for i := range toks {
		toks[i].Head = int32(int64(i) + r.varint())
	}
	for i := range toks {
		toks[i].UPOS = doc.UPOS(r.byte())
	}
	for i := range toks {
		toks[i].XPOS = str(r.uvarint())
	}
	strips := make([]uint64, n)
	for i := range strips {
		strips[i] = r.uvarint()
	}
	for i := range toks {
		form := text[toks[i].Start:toks[i].End]
		if strips[i] == 0 {
			toks[i].Lemma = form
			continue
		}
		lower := strings.ToLower(form)
		cut := strips[i] - 1
		suffix := str(r.uvarint())
		if cut > uint64(len(lower)) {
			return nil, errCorrupt
		}
		toks[i].Lemma = lower[:uint64(len(lower))-cut] + suffix
	}
	for i := range toks {
		toks[i].Feats = str(r.uvarint())
	}
	for i := range toks {
		toks[i].Dep = str(r.uvarint())
	}
	if r.err != nil {
		return nil, r.err
	}
	return toks, nil
}
