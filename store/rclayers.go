package store

import (
	"encoding/binary"
	"fmt"
)

// The layer record of a version-7 blob (binlayers.go) is stored in one of
// two ways, told by its first byte:
//
//	0  a zstd frame (with the layer dictionary), as in version 6;
//	1  uvarint length of the record, then the record range-coded byte by
//	   byte with an order-2 context model: each byte's 8 bits as a binary
//	   tree, in one of 4096 trees picked by a hash of the two bytes
//	   before it. The trees are static: the frozen priors (tokprior.go),
//	   counted on the records of the same documents as the token models
//	   (adapting them to the record saves 2 % for twice the time).
//
// The model beats zstd on these short records of small varints: the
// priors know the record's vocabulary, which zstd must spell out (or find
// in its dictionary) for every document.
const (
	layerZstd = 0
	layerRC   = 1

	nLayerCtx = 4096
)

// layerCtx is the tree of the byte after p2, p1.
func layerCtx(p2, p1 byte) int {
	return offLayer + int((uint32(p1)|uint32(p2)<<8)*0x9E3779B1>>20)*256
}

// appendLayersRC writes the record in mode layerRC.
func (c *Codec) appendLayersRC(b, raw []byte, counts []uint32) []byte {
	b = append(b, layerRC)
	b = binary.AppendUvarint(b, uint64(len(raw)))
	enc := newRCEncoder(b)
	enc.counts = counts
	probs := c.priors.probs
	var tmp [1]uint16
	var p1, p2 byte
	for _, v := range raw {
		base := layerCtx(p2, p1)
		m := 1
		for k := 7; k >= 0; k-- {
			bit := int(v>>k) & 1
			tmp[0] = probs[base+m]
			enc.bit(tmp[:], 0, base+m, bit)
			m = m<<1 | bit
		}
		p2, p1 = p1, v
	}
	return enc.finish()
}

// readLayersRC reads a record written by appendLayersRC (after the mode
// byte).
func (c *Codec) readLayersRC(b []byte) ([]byte, error) {
	n, k := binary.Uvarint(b)
	// A byte costs at least 8·log2(65536/65505) bits: the length is
	// bounded by the stream's.
	if k <= 0 || n > uint64(len(b)-k)*2048+64 {
		return nil, errCorrupt
	}
	d := newRCDecoder(b[k:])
	probs := c.priors.probs
	raw := make([]byte, n)
	rng, code := d.rng, d.code
	var p1, p2 byte
	for i := range raw {
		base := layerCtx(p2, p1)
		m := 1
		for range 8 {
			bound := (rng >> rcProbBits) * uint32(probs[base+m])
			if code < bound {
				rng = bound
				m <<= 1
			} else {
				code -= bound
				rng -= bound
				m = m<<1 | 1
			}
			for rng < rcTop {
				rng <<= 8
				code = code<<8 | uint32(d.next())
			}
		}
		v := byte(m)
		raw[i] = v
		p2, p1 = p1, v
		if d.over > 8 {
			return nil, errCorrupt
		}
	}
	d.rng, d.code = rng, code
	dec := d
	if dec.over != 0 || dec.pos != len(dec.in) {
		return nil, errCorrupt
	}
	return raw, nil
}

// layerPart decodes the layer record of a version-7 blob.
func (c *Codec) layerPart(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, errCorrupt
	}
	switch b[0] {
	case layerZstd:
		raw, err := c.textDec.DecodeAll(b[1:], nil)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", errCorrupt, err)
		}
		return raw, nil
	case layerRC:
		return c.readLayersRC(b[1:])
	}
	return nil, errCorrupt
}
