package store

import "math"

// A binary adaptive range coder (the LZMA construction) for the token
// section of format version 7. Every binary decision is coded with a
// probability that the bit is 0, in 16-bit fixed point, which moves toward
// each coded bit by 1/2^rcShift of the distance. The models' probabilities
// start from frozen priors (tokprior.go), so short documents need not learn
// them.

const (
	rcProbBits = 16
	rcProbOne  = 1 << rcProbBits
	rcHalf     = rcProbOne / 2
	rcTop      = 1 << 24
	rcShift    = 5
)

// rcEncoder writes a range-coded stream.
type rcEncoder struct {
	out       []byte
	low       uint64
	rng       uint32
	cache     byte
	cacheSize int
	first     bool // the first byte out is always 0 and is left out
	// counts, when set, records for each probability index how often a 0
	// and a 1 were coded with it (to build the priors).
	counts []uint32
	// bits, when set, adds up the information coded with each
	// probability index, in bits (to see what each model costs).
	bits []float64
}

func newRCEncoder(out []byte) *rcEncoder {
	return &rcEncoder{out: out, rng: 0xFFFFFFFF, cacheSize: 1, first: true}
}

func (e *rcEncoder) shiftLow() {
	if uint32(e.low) < 0xFF000000 || e.low>>32 != 0 {
		carry := byte(e.low >> 32)
		temp := e.cache
		for {
			if e.first {
				e.first = false
			} else {
				e.out = append(e.out, temp+carry)
			}
			temp = 0xFF
			e.cacheSize--
			if e.cacheSize == 0 {
				break
			}
		}
		e.cache = byte(e.low >> 24)
	}
	e.cacheSize++
	e.low = (e.low & 0x00FFFFFF) << 8
}

// bit codes bit b with the probability p[i] and adapts it; id names the
// probability for counts.
func (e *rcEncoder) bit(p []uint16, i, id int, b int) {
	if e.counts != nil {
		e.counts[2*id+b]++
	}
	pr := uint32(p[i])
	if e.bits != nil {
		q := float64(pr) / rcProbOne
		if b == 1 {
			q = 1 - q
		}
		e.bits[id] -= math.Log2(q)
	}
	bound := (e.rng >> rcProbBits) * pr
	if b == 0 {
		e.rng = bound
		p[i] = uint16(pr + (rcProbOne-pr)>>rcShift)
	} else {
		e.low += uint64(bound)
		e.rng -= bound
		p[i] = uint16(pr - pr>>rcShift)
	}
	for e.rng < rcTop {
		e.rng <<= 8
		e.shiftLow()
	}
}

// direct codes the low n bits of v with probability one half each.
func (e *rcEncoder) direct(v uint64, n int) {
	for k := n - 1; k >= 0; k-- {
		e.rng >>= 1
		if v>>uint(k)&1 != 0 {
			e.low += uint64(e.rng)
		}
		for e.rng < rcTop {
			e.rng <<= 8
			e.shiftLow()
		}
	}
}

// finish flushes the coder and returns the output.
func (e *rcEncoder) finish() []byte {
	for range 5 {
		e.shiftLow()
	}
	return e.out
}

// rcDecoder reads a stream written by rcEncoder. Reading past its end
// yields zero bytes and sets over; a caller checks over (and its own
// bounds) to tell a corrupt stream.
type rcDecoder struct {
	in   []byte
	pos  int
	rng  uint32
	code uint32
	over int // bytes read past the end
}

func newRCDecoder(in []byte) *rcDecoder {
	d := &rcDecoder{in: in, rng: 0xFFFFFFFF}
	for range 4 {
		d.code = d.code<<8 | uint32(d.next())
	}
	return d
}

func (d *rcDecoder) next() byte {
	if d.pos < len(d.in) {
		c := d.in[d.pos]
		d.pos++
		return c
	}
	d.over++
	return 0
}

// bit decodes a bit coded with the probability p[i] and adapts it.
func (d *rcDecoder) bit(p []uint16, i int) int {
	pr := uint32(p[i])
	bound := (d.rng >> rcProbBits) * pr
	var b int
	if d.code < bound {
		d.rng = bound
		p[i] = uint16(pr + (rcProbOne-pr)>>rcShift)
	} else {
		d.code -= bound
		d.rng -= bound
		p[i] = uint16(pr - pr>>rcShift)
		b = 1
	}
	if d.rng < rcTop {
		d.normalize()
	}
	return b
}

func (d *rcDecoder) normalize() {
	for d.rng < rcTop {
		d.rng <<= 8
		d.code = d.code<<8 | uint32(d.next())
	}
}

// direct decodes n bits coded by rcEncoder.direct.
func (d *rcDecoder) direct(n int) uint64 {
	var v uint64
	for range n {
		d.rng >>= 1
		var b uint64
		if d.code >= d.rng {
			d.code -= d.rng
			b = 1
		}
		v = v<<1 | b
		for d.rng < rcTop {
			d.rng <<= 8
			d.code = d.code<<8 | uint32(d.next())
		}
	}
	return v
}
