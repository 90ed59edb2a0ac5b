//go:build tokgen

package store

import "encoding/binary"

// What only the generator of the priors needs (TestGenerateTokenPrior,
// build tag tokgen): the decoder reads the frozen tokprior.bin.

// rcProbMin and rcProbMax bound the probabilities of the priors (the
// adaptation cannot leave them either).
const (
	rcProbMin = 31
	rcProbMax = rcProbOne - 31
)

// marshal writes the priors (before compression).
func (t *tokPriors) marshal() []byte {
	b := []byte(tokPriorMagic)
	for _, l := range [][]string{t.forms, t.rels, t.suffixes, t.vocab} {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, s := range l {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(t.tops)))
	b = append(b, t.tops...)
	b = binary.AppendUvarint(b, uint64(nProbs))
	for _, p := range t.probs[:nProbs] {
		b = binary.LittleEndian.AppendUint16(b, p)
	}
	return b
}

// flatTokPriors are priors that know nothing (to count new ones).
func flatTokPriors(forms, rels, suffixes, vocab []string, tops []uint8) *tokPriors {
	t := &tokPriors{forms: forms, rels: rels, suffixes: suffixes, vocab: vocab, tops: tops, probs: make([]uint16, nProbsPad)}
	for i := range t.probs {
		t.probs[i] = rcHalf
	}
	t.index()
	return t
}

// Trees coded by sym, with their sizes: the tops of the priors are
// computed over them.
var symTrees = [...]struct{ base, n, bits int }{
	{offBundle, nBundleCtx, 8},
	{offStrip, nLemmaCtx, 4},
	{offSuffix, nLemmaCtx, 8},
	{offHeadPOS, nUPOS * nUPOS * 2, 5},
	{offHeadK, nUPOS * nUPOS * 2, 4},
	{offRel, nUPOS * nUPOS * 4, 6},
}

// computeTops sets the tops of the trees coded by sym: the symbol reached
// by taking the likelier branch at every node.
func (t *tokPriors) computeTops() {
	t.tops = make([]uint8, nTops)
	for _, tr := range symTrees {
		size := 1 << tr.bits
		for k := range tr.n {
			base := tr.base + k*size
			m := 1
			for range tr.bits {
				if t.probs[base+m] >= rcHalf {
					m <<= 1
				} else {
					m = m<<1 | 1
				}
			}
			t.tops[base>>4] = uint8(m - size)
		}
	}
}
