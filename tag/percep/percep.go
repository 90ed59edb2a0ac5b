// Package percep is a multiclass averaged perceptron over hashed sparse
// features, shared by the tagger and the parser: a Trainer that learns the
// weights and a compact, immutable Model (int16 weights with one scale,
// pruned, in an open-addressing table keyed by 64-bit feature hashes) that
// scores without allocating.
package percep

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// Hash helpers: features are uint64 keys built by mixing a template number
// with the values it combines. They never allocate.

// Mix combines a running hash with one value (a 64-bit variant of the
// FNV/murmur finaliser).
func Mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 31
	return h
}

// F1 is the key of template t with one value.
func F1(t, a uint64) uint64 { return Mix(Mix(t*0x100000001b3, a), 1) }

// F2 is the key of template t with two values.
func F2(t, a, b uint64) uint64 { return Mix(Mix(Mix(t*0x100000001b3, a), b), 2) }

// F3 is the key of template t with three values.
func F3(t, a, b, c uint64) uint64 { return Mix(Mix(Mix(Mix(t*0x100000001b3, a), b), c), 3) }

// String hashes a string (FNV-1a, then mixed) without allocating.
func String(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return Mix(h, uint64(len(s)))
}

// Bytes hashes a byte slice like String.
func Bytes(s []byte) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return Mix(h, uint64(len(s)))
}

type entry struct {
	cls int32
	w   float32
	tot float64
	ts  int64
}

// Trainer learns an averaged perceptron. It is not safe for concurrent use.
type Trainer struct {
	nClasses int
	rows     map[uint64]int32
	data     [][]entry
	t        int64
}

// NewTrainer returns a trainer for n classes (at most 256).
func NewTrainer(n int) *Trainer {
	return &Trainer{nClasses: n, rows: make(map[uint64]int32, 1<<16), t: 1}
}

// NClasses returns the number of classes.
func (tr *Trainer) NClasses() int { return tr.nClasses }

// Score sets scores[c] to the current (non-averaged) score of class c.
func (tr *Trainer) Score(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		r, ok := tr.rows[f]
		if !ok {
			continue
		}
		for _, e := range tr.data[r] {
			scores[e.cls] += e.w
		}
	}
}

// Tick advances the instance clock; call it once per training decision.
func (tr *Trainer) Tick() { tr.t++ }

// Update adds delta to the weights of class c for every feature.
func (tr *Trainer) Update(feats []uint64, c int, delta float32) {
	for _, f := range feats {
		r, ok := tr.rows[f]
		if !ok {
			r = int32(len(tr.data))
			tr.rows[f] = r
			tr.data = append(tr.data, nil)
		}
		row := tr.data[r]
		j := -1
		for k := range row {
			if row[k].cls == int32(c) {
				j = k
				break
			}
		}
		if j < 0 {
			row = append(row, entry{cls: int32(c), ts: tr.t})
			tr.data[r] = row
			j = len(row) - 1
		}
		e := &row[j]
		e.tot += float64(tr.t-e.ts) * float64(e.w)
		e.ts = tr.t
		e.w += delta
	}
}

// Features returns the number of distinct features seen in updates.
func (tr *Trainer) Features() int { return len(tr.data) }

// Model averages the weights and returns the compact model. Weights whose
// magnitude, after quantisation to int16, rounds to zero are dropped, and
// so are those below minAbs (in units of the largest weight: 0.001 drops
// weights under a thousandth of it).
func (tr *Trainer) Model(minAbs float64) *Model {
	type fe struct {
		key  uint64
		cls  []uint8
		vals []float64
	}
	var feats []fe
	maxAbs := 0.0
	for key, r := range tr.rows {
		var f fe
		f.key = key
		for _, e := range tr.data[r] {
			tot := e.tot + float64(tr.t-e.ts)*float64(e.w)
			avg := tot / float64(tr.t)
			if avg == 0 {
				continue
			}
			f.cls = append(f.cls, uint8(e.cls))
			f.vals = append(f.vals, avg)
			if math.Abs(avg) > maxAbs {
				maxAbs = math.Abs(avg)
			}
		}
		if len(f.cls) > 0 {
			feats = append(feats, f)
		}
	}
	sort.Slice(feats, func(i, j int) bool { return feats[i].key < feats[j].key })
	m := &Model{nClasses: tr.nClasses, scale: float32(maxAbs / 32767)}
	if maxAbs == 0 {
		m.scale = 1
	}
	cut := minAbs * maxAbs
	m.start = append(m.start, 0)
	for _, f := range feats {
		n := 0
		for k, v := range f.vals {
			if math.Abs(v) < cut {
				continue
			}
			q := math.Round(v / float64(m.scale))
			if q == 0 {
				continue
			}
			m.cls = append(m.cls, f.cls[k])
			m.w = append(m.w, int16(q))
			n++
		}
		if n == 0 {
			continue
		}
		m.keys = append(m.keys, f.key)
		m.start = append(m.start, uint32(len(m.cls)))
	}
	m.build()
	return m
}

// Model is an immutable averaged-perceptron model, safe for concurrent use.
type Model struct {
	nClasses int
	scale    float32
	keys     []uint64 // per row, sorted (kept for writing the model)
	start    []uint32 // len(keys)+1 offsets into cls/w
	cls      []uint8
	w        []int16
	// Lookup index, one 8-byte slot per entry so that a probe costs one
	// cache miss: bits 40..63 are a fingerprint of the key (never 0 in a
	// used slot), bits 32..39 the row length-1, bits 0..31 its start in
	// packed. packed holds class<<16 | uint16(weight) per weight, so that
	// a row is one contiguous read.
	mask   uint64
	slots  []uint64
	packed []uint32
}

func (m *Model) build() {
	n := uint64(16)
	for n < uint64(len(m.keys))*2 {
		n <<= 1
	}
	m.mask = n - 1
	m.slots = make([]uint64, n)
	m.packed = make([]uint32, len(m.w))
	for i := range m.w {
		m.packed[i] = uint32(m.cls[i])<<16 | uint32(uint16(m.w[i]))
	}
	for r, k := range m.keys {
		h := slotHash(k)
		s := h & m.mask
		for m.slots[s] != 0 {
			s = (s + 1) & m.mask
		}
		a, b := m.start[r], m.start[r+1]
		m.slots[s] = fingerprint(h)<<40 | uint64(b-a-1)<<32 | uint64(a)
	}
	m.cls, m.w = nil, nil // packed holds them now
}

func slotHash(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

// fingerprint takes 24 bits of the hash not used for the slot index.
func fingerprint(h uint64) uint64 {
	f := h >> 40
	if f == 0 {
		f = 1
	}
	return f
}

// NClasses returns the number of classes.
func (m *Model) NClasses() int { return m.nClasses }

// Rows returns the number of features with weights.
func (m *Model) Rows() int { return len(m.keys) }

// Weights returns the number of stored weights.
func (m *Model) Weights() int { return len(m.packed) }

// maxBatch is the number of features whose slots are loaded in one batch.
const maxBatch = 64

// Score sets scores[c] (len ≥ NClasses) to the score of class c in units
// of the model's scale. It does not allocate.
//
// Lookups are cache misses, so they are done in two phases per batch of
// features: first all slot loads (independent, so the processor overlaps
// them), then the rows of the features found.
func (m *Model) Score(feats []uint64, scores []int32) {
	scores = scores[:m.nClasses]
	for i := range scores {
		scores[i] = 0
	}
	if len(m.slots) == 0 {
		return
	}
	slots, packed, mask := m.slots, m.packed, m.mask
	var hs, vs [maxBatch]uint64
	var first [maxBatch]uint32
	for len(feats) > 0 {
		n := min(len(feats), maxBatch)
		for i, f := range feats[:n] {
			h := slotHash(f)
			hs[i] = h
			vs[i] = slots[h&mask]
		}
		found := 0
		for i := 0; i < n; i++ {
			h, v := hs[i], vs[i]
			fp := fingerprint(h)
			s := h & mask
			for v != 0 && v>>40 != fp {
				s = (s + 1) & mask
				v = slots[s]
			}
			if v == 0 {
				continue
			}
			vs[found] = v
			first[found] = packed[uint32(v)] // issues the row's load
			found++
		}
		for i := 0; i < found; i++ {
			v := vs[i]
			e := first[i]
			scores[uint8(e>>16)] += int32(int16(uint16(e)))
			a := uint32(v) + 1
			k := uint32(v >> 32 & 0xff)
			for _, e := range packed[a : a+k] {
				scores[uint8(e>>16)] += int32(int16(uint16(e)))
			}
		}
		feats = feats[n:]
	}
}

// Scale returns the value of one unit of score.
func (m *Model) Scale() float32 { return m.scale }

const magic = "CHAP1\n"

// WriteTo writes the model in its binary format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	cw := &countWriter{w: bw}
	cw.Write([]byte(magic))
	hdr := []uint64{uint64(m.nClasses), uint64(math.Float32bits(m.scale)), uint64(len(m.keys)), uint64(len(m.packed))}
	binary.Write(cw, binary.LittleEndian, hdr)
	// keys are sorted: store deltas as uvarints (they are uniform, so this
	// saves little, but it is simple); starts as row lengths.
	var buf [binary.MaxVarintLen64]byte
	prev := uint64(0)
	for _, k := range m.keys {
		n := binary.PutUvarint(buf[:], k-prev)
		cw.Write(buf[:n])
		prev = k
	}
	for r := range m.keys {
		n := binary.PutUvarint(buf[:], uint64(m.start[r+1]-m.start[r]))
		cw.Write(buf[:n])
	}
	cls := make([]byte, len(m.packed))
	wb := make([]byte, 2*len(m.packed))
	for i, e := range m.packed {
		cls[i] = uint8(e >> 16)
		binary.LittleEndian.PutUint16(wb[2*i:], uint16(e))
	}
	cw.Write(cls)
	cw.Write(wb)
	if cw.err != nil {
		return cw.n, cw.err
	}
	return cw.n, bw.Flush()
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// Read decodes a model written by WriteTo from the start of data and
// returns it with the number of bytes it used.
func Read(data []byte) (*Model, int, error) {
	if len(data) < len(magic)+32 || string(data[:len(magic)]) != magic {
		return nil, 0, errors.New("percep: not a model (bad magic)")
	}
	p := len(magic)
	u := func() uint64 { v := binary.LittleEndian.Uint64(data[p:]); p += 8; return v }
	m := &Model{nClasses: int(u()), scale: math.Float32frombits(uint32(u()))}
	nRows, nW := u(), u()
	if m.nClasses <= 0 || m.nClasses > 256 || nRows > uint64(len(data)) || nW > uint64(len(data)) {
		return nil, 0, errors.New("percep: corrupt header")
	}
	m.keys = make([]uint64, nRows)
	m.start = make([]uint32, nRows+1)
	prev := uint64(0)
	for i := range m.keys {
		d, n := binary.Uvarint(data[p:])
		if n <= 0 {
			return nil, 0, errors.New("percep: corrupt keys")
		}
		p += n
		prev += d
		m.keys[i] = prev
	}
	for i := range m.keys {
		d, n := binary.Uvarint(data[p:])
		if n <= 0 {
			return nil, 0, errors.New("percep: corrupt rows")
		}
		p += n
		m.start[i+1] = m.start[i] + uint32(d)
	}
	if uint64(m.start[nRows]) != nW || uint64(len(data)-p) < 3*nW {
		return nil, 0, fmt.Errorf("percep: corrupt model (%d weights, %d bytes left)", nW, len(data)-p)
	}
	m.cls = make([]uint8, nW)
	copy(m.cls, data[p:])
	p += int(nW)
	for _, c := range m.cls {
		if int(c) >= m.nClasses {
			return nil, 0, errors.New("percep: class out of range")
		}
	}
	m.w = make([]int16, nW)
	for i := range m.w {
		m.w[i] = int16(binary.LittleEndian.Uint16(data[p:]))
		p += 2
	}
	m.build()
	return m, p, nil
}

// Pruned returns a copy of m without the weights whose magnitude is below
// minAbs times the largest one, and without rows left empty.
func (m *Model) Pruned(minAbs float64) *Model {
	cut := int32(minAbs * 32767)
	p := &Model{nClasses: m.nClasses, scale: m.scale, start: []uint32{0}}
	for r, k := range m.keys {
		n := 0
		for i := m.start[r]; i < m.start[r+1]; i++ {
			w := int32(int16(uint16(m.packed[i])))
			if w < cut && -w < cut {
				continue
			}
			p.cls = append(p.cls, uint8(m.packed[i]>>16))
			p.w = append(p.w, int16(w))
			n++
		}
		if n > 0 {
			p.keys = append(p.keys, k)
			p.start = append(p.start, uint32(len(p.w)))
		}
	}
	p.build()
	return p
}

// Average returns the model whose weights are the mean of the models'
// (after each one's scale), pruned like Trainer.Model. Scores of a linear
// model are linear in its weights, so the average scores every decision
// as the mean of the models' scores: a score-level ensemble that costs one
// lookup per feature. The models must have the same number of classes.
func Average(models []*Model, minAbs float64) (*Model, error) {
	if len(models) == 0 {
		return nil, errors.New("percep: no models to average")
	}
	nc := models[0].nClasses
	for _, m := range models {
		if m.nClasses != nc {
			return nil, fmt.Errorf("percep: averaging models of %d and %d classes", nc, m.nClasses)
		}
	}
	pos := make([]int, len(models)) // next row of each model
	var sum [256]float64
	var touched [256]bool
	var keys []uint64
	var start []uint32
	var cls []uint8
	var vals []float64
	start = append(start, 0)
	maxAbs := 0.0
	for {
		// smallest key not yet merged
		k, any := uint64(0), false
		for i, m := range models {
			if pos[i] < len(m.keys) && (!any || m.keys[pos[i]] < k) {
				k, any = m.keys[pos[i]], true
			}
		}
		if !any {
			break
		}
		for i, m := range models {
			if pos[i] >= len(m.keys) || m.keys[pos[i]] != k {
				continue
			}
			r := pos[i]
			sc := float64(m.scale) / float64(len(models))
			for j := m.start[r]; j < m.start[r+1]; j++ {
				e := m.packed[j]
				c := uint8(e >> 16)
				sum[c] += float64(int16(uint16(e))) * sc
				touched[c] = true
			}
			pos[i]++
		}
		keys = append(keys, k)
		for c := 0; c < nc; c++ {
			if !touched[c] {
				continue
			}
			if sum[c] != 0 {
				cls = append(cls, uint8(c))
				vals = append(vals, sum[c])
				maxAbs = max(maxAbs, math.Abs(sum[c]))
			}
			sum[c], touched[c] = 0, false
		}
		start = append(start, uint32(len(cls)))
	}
	m := &Model{nClasses: nc, scale: float32(maxAbs / 32767), start: []uint32{0}}
	if maxAbs == 0 {
		m.scale = 1
	}
	cut := minAbs * maxAbs
	for r, k := range keys {
		n := 0
		for j := start[r]; j < start[r+1]; j++ {
			v := vals[j]
			if math.Abs(v) < cut {
				continue
			}
			q := math.Round(v / float64(m.scale))
			if q == 0 {
				continue
			}
			m.cls = append(m.cls, cls[j])
			m.w = append(m.w, int16(q))
			n++
		}
		if n > 0 {
			m.keys = append(m.keys, k)
			m.start = append(m.start, uint32(len(m.cls)))
		}
	}
	m.build()
	return m, nil
}
