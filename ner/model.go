package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// Model is a trained sequence labeller: feature weights per BILOU label,
// label transition weights, the word lexicon and the gazetteer. It is
// immutable after loading and safe for concurrent use.
type Model struct {
	index map[uint64]int32 // feature hash → row of w (training and serialisation)
	table *featTable       // the same, for fast lookups when tagging
	w     []float32        // rows × nLabels
	trans [nLabels + 1][nLabels]float32
	lex   *lexicon
	gaz   *gazetteer
	meta  map[string]string
}

// Meta returns the model's training metadata (corpora, seed, scores).
func (m *Model) Meta() map[string]string { return m.meta }

// Features returns the number of features with weights.
func (m *Model) Features() int { return len(m.index) }

// emissions fills em[t*nLabels+l] with the feature scores of the
// extractor's current sentence.
func (m *Model) emissions(x *extractor, em []float32) {
	nt := len(x.offs) - 1
	for t := 0; t < nt; t++ {
		row := em[t*nLabels : (t+1)*nLabels]
		clear(row)
		for _, h := range x.feats[x.offs[t]:x.offs[t+1]] {
			r, ok := m.lookup(h)
			if !ok {
				continue
			}
			wr := m.w[int(r)*nLabels : int(r)*nLabels+nLabels]
			for l := range row {
				row[l] += wr[l]
			}
		}
	}
}

// lookup returns the weight row of feature h.
func (m *Model) lookup(h uint64) (int32, bool) {
	if m.table != nil {
		return m.table.get(h)
	}
	r, ok := m.index[h]
	return r, ok
}

// freeze builds the lookup table; the model must not change afterwards.
func (m *Model) freeze() {
	m.table = newFeatTable(len(m.index))
	for h, r := range m.index {
		m.table.put(h, r)
	}
}

// viterbi finds the best valid BILOU sequence given emissions em (nt rows)
// and transition weights, writing it into out. allowed, when non-nil,
// restricts the labels of each token (bit l set = label l allowed).
// back and score are scratch buffers of at least nt*nLabels entries.
func viterbi(em []float32, trans *[nLabels + 1][nLabels]float32, nt int, allowed []uint32, out []uint8, back []uint8, score []float32) {
	const neg = float32(-1e30)
	for t := 0; t < nt; t++ {
		cur := score[t*nLabels : (t+1)*nLabels]
		for c := 0; c < nLabels; c++ {
			if allowed != nil && allowed[t]&(1<<c) == 0 {
				cur[c] = neg
				continue
			}
			e := em[t*nLabels+c]
			if t == 0 {
				if validTrans[startState][c] {
					cur[c] = e + trans[startState][c]
				} else {
					cur[c] = neg
				}
				continue
			}
			prev := score[(t-1)*nLabels : t*nLabels]
			best, bp := neg, 0
			for _, p8 := range validPrev[c] {
				p := int(p8)
				if prev[p] <= neg {
					continue
				}
				if s := prev[p] + trans[p][c]; s > best {
					best, bp = s, p
				}
			}
			if best <= neg {
				cur[c] = neg
			} else {
				cur[c] = best + e
			}
			back[t*nLabels+c] = uint8(bp)
		}
	}
	last := score[(nt-1)*nLabels : nt*nLabels]
	best, bl := neg, labelO
	for l := 0; l < nLabels; l++ {
		if validEnd[l] && last[l] > best {
			best, bl = last[l], l
		}
	}
	if best <= neg { // no valid path (inconsistent constraints): fall back to O
		for t := 0; t < nt; t++ {
			out[t] = labelO
		}
		return
	}
	out[nt-1] = uint8(bl)
	for t := nt - 1; t > 0; t-- {
		out[t-1] = back[t*nLabels+int(out[t])]
	}
}

// tagger holds the scratch buffers for tagging one document at a time.
type tagger struct {
	m     *Model
	x     *extractor
	em    []float32
	score []float32
	back  []uint8
	out   []uint8 // labels for the whole document
	hist  *history
	hf    []uint64
	spans []span // scratch for fixHeadline
	kept  []span
}

func newTagger(m *Model) *tagger { return &tagger{m: m, x: newExtractor(m), hist: newHistory()} }

func (tg *tagger) grow(nt int) {
	if cap(tg.em) < nt*nLabels {
		tg.em = make([]float32, nt*nLabels*2)
		tg.score = make([]float32, nt*nLabels*2)
		tg.back = make([]uint8, nt*nLabels*2)
	}
}

// tagDoc labels a document given as flat tokens and sentence starts; the
// BILOU labels end up in tg.out.
func (tg *tagger) tagDoc(tokens []string, sents []int32) {
	tg.x.load(tokens, sents)
	tg.hist.reset()
	tg.out = tg.out[:0]
	for range tokens {
		tg.out = append(tg.out, labelO)
	}
	for k := 0; k+1 < len(sents); k++ {
		a, b := int(sents[k]), int(sents[k+1])
		nt := b - a
		if nt == 0 {
			continue
		}
		tg.x.sentence(k)
		tg.grow(nt)
		tg.m.emissions(tg.x, tg.em)
		for t := 0; t < nt; t++ {
			i := int32(a + t)
			tg.hf = tg.hist.appendFeats(tg.hf[:0], histKey(tg.x, i), tg.x.toks[i].flags&tfInit != 0, tg.x.domain)
			row := tg.em[t*nLabels : (t+1)*nLabels]
			for _, h := range tg.hf {
				if r, ok := tg.m.lookup(h); ok {
					wr := tg.m.w[int(r)*nLabels : int(r)*nLabels+nLabels]
					for l := range row {
						row[l] += wr[l]
					}
				}
			}
		}
		viterbi(tg.em, &tg.m.trans, nt, nil, tg.out[a:b], tg.back, tg.score)
		tg.fixHeadline(a, b)
		tg.hist.update(tg.x, int32(a), tg.out[a:b])
	}
}

// Model file format: magic, then gzip of: version, meta, transitions,
// features (sorted hashes, delta-encoded, with sparse quantised weights),
// lexicon, gazetteer.
const modelMagic = "CHRNER1\n"

// quantStep is the weight quantisation step relative to the largest weight.
const quantLevels = 32767

// WriteTo serialises the model.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	buf.WriteString(modelMagic)
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := &binWriter{w: zw}
	keys := make([]string, 0, len(m.meta))
	for k := range m.meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	bw.uvarint(uint64(len(keys)))
	for _, k := range keys {
		bw.str(k)
		bw.str(m.meta[k])
	}
	for p := range m.trans {
		for c := range m.trans[p] {
			bw.f32(m.trans[p][c])
		}
	}
	var maxW float32
	for _, v := range m.w {
		if a := float32(math.Abs(float64(v))); a > maxW {
			maxW = a
		}
	}
	scale := maxW / quantLevels
	if scale == 0 {
		scale = 1
	}
	bw.f32(scale)
	hs := make([]uint64, 0, len(m.index))
	for h := range m.index {
		hs = append(hs, h)
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i] < hs[j] })
	bw.uvarint(uint64(len(hs)))
	var prev uint64
	for _, h := range hs {
		bw.uvarint(h - prev)
		prev = h
		r := int(m.index[h])
		row := m.w[r*nLabels : (r+1)*nLabels]
		var mask uint32
		for l, v := range row {
			if int32(math.Round(float64(v/scale))) != 0 {
				mask |= 1 << l
			}
		}
		bw.uvarint(uint64(mask))
		for l, v := range row {
			if mask&(1<<l) != 0 {
				bw.svarint(int64(math.Round(float64(v / scale))))
			}
		}
	}
	// lexicon
	words := make([]string, 0, len(m.lex.m))
	for k := range m.lex.m {
		words = append(words, k)
	}
	sort.Strings(words)
	bw.uvarint(uint64(len(words)))
	for _, k := range words {
		e := m.lex.m[k]
		bw.str(k)
		for _, c := range e.clus {
			bw.uvarint(uint64(c))
		}
		bw.uvarint(uint64(e.capRatio))
	}
	// gazetteer
	if m.gaz == nil {
		bw.uvarint(0)
	} else {
		bw.uvarint(uint64(len(m.gaz.names)))
		for _, n := range m.gaz.names {
			bw.str(n)
		}
		ents := make([]string, 0, len(m.gaz.m))
		for k := range m.gaz.m {
			ents = append(ents, k)
		}
		sort.Strings(ents)
		bw.uvarint(uint64(len(ents)))
		for _, k := range ents {
			bw.str(k)
			bw.uvarint(uint64(m.gaz.m[k]))
		}
	}
	if bw.err != nil {
		return 0, bw.err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	n, err := w.Write(buf.Bytes())
	return int64(n), err
}

// ReadModel deserialises a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("ner: not a model file")
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: model: %w", err)
	}
	br := &binReader{r: bufioReader(zr)}
	m := &Model{meta: map[string]string{}}
	nm := br.uvarint()
	for i := uint64(0); i < nm && br.err == nil; i++ {
		k := br.str()
		m.meta[k] = br.str()
	}
	for p := range m.trans {
		for c := range m.trans[p] {
			m.trans[p][c] = br.f32()
		}
	}
	scale := br.f32()
	nf := br.uvarint()
	if nf > 1<<26 {
		return nil, errors.New("ner: model: implausible feature count")
	}
	m.index = make(map[uint64]int32, nf)
	m.w = make([]float32, int(nf)*nLabels)
	var h uint64
	for i := 0; i < int(nf) && br.err == nil; i++ {
		h += br.uvarint()
		m.index[h] = int32(i)
		mask := br.uvarint()
		for l := 0; l < nLabels; l++ {
			if mask&(1<<l) != 0 {
				m.w[i*nLabels+l] = float32(br.svarint()) * scale
			}
		}
	}
	nw := br.uvarint()
	if nw > 1<<24 {
		return nil, errors.New("ner: model: implausible lexicon size")
	}
	m.lex = &lexicon{m: make(map[string]lexEntry, nw)}
	for i := uint64(0); i < nw && br.err == nil; i++ {
		k := br.str()
		var e lexEntry
		for c := range e.clus {
			e.clus[c] = uint16(br.uvarint())
		}
		e.capRatio = uint8(br.uvarint())
		m.lex.m[k] = e
	}
	if ng := br.uvarint(); ng > 0 && br.err == nil {
		if ng > 8 {
			return nil, errors.New("ner: model: too many gazetteer lists")
		}
		g := &gazetteer{m: map[string]uint8{}}
		for i := uint64(0); i < ng; i++ {
			g.names = append(g.names, br.str())
		}
		ne := br.uvarint()
		for i := uint64(0); i < ne && br.err == nil; i++ {
			k := br.str()
			g.m[k] = uint8(br.uvarint())
			if n := bytes.Count([]byte(k), []byte{' '}) + 1; n > g.maxLen {
				g.maxLen = n
			}
		}
		m.gaz = g
	}
	if br.err != nil {
		return nil, fmt.Errorf("ner: model: %w", br.err)
	}
	m.freeze()
	return m, nil
}

type binWriter struct {
	w   io.Writer
	err error
	b   [binary.MaxVarintLen64]byte
}

func (b *binWriter) write(p []byte) {
	if b.err == nil {
		_, b.err = b.w.Write(p)
	}
}
func (b *binWriter) uvarint(v uint64) { b.write(b.b[:binary.PutUvarint(b.b[:], v)]) }
func (b *binWriter) svarint(v int64)  { b.write(b.b[:binary.PutVarint(b.b[:], v)]) }
func (b *binWriter) f32(v float32) {
	binary.LittleEndian.PutUint32(b.b[:4], math.Float32bits(v))
	b.write(b.b[:4])
}
func (b *binWriter) str(s string) {
	b.uvarint(uint64(len(s)))
	b.write([]byte(s))
}

type byteReader interface {
	io.Reader
	io.ByteReader
}

type binReader struct {
	r   byteReader
	err error
}

func (b *binReader) uvarint() uint64 {
	if b.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(b.r)
	b.err = err
	return v
}
func (b *binReader) svarint() int64 {
	if b.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(b.r)
	b.err = err
	return v
}
func (b *binReader) f32() float32 {
	if b.err != nil {
		return 0
	}
	var p [4]byte
	_, b.err = io.ReadFull(b.r, p[:])
	return math.Float32frombits(binary.LittleEndian.Uint32(p[:]))
}
func (b *binReader) str() string {
	n := b.uvarint()
	if b.err != nil {
		return ""
	}
	if n > 1<<20 {
		b.err = errors.New("string too long")
		return ""
	}
	p := make([]byte, n)
	_, b.err = io.ReadFull(b.r, p)
	return string(p)
}

func bufioReader(r io.Reader) byteReader { return bufio.NewReaderSize(r, 1<<16) }
