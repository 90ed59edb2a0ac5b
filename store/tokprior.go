package store

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// tokPriorBin holds the frozen priors of format version 7
// (zstd-compressed): the frequent forms, relations and lemma suffixes, the
// likeliest symbol of each tree, and the first probability of every model
// (the token models and the layer record's byte model), counted by
// TestGenerateTokenPrior (tokprior_gen_test.go, build tag tokgen) from the
// pipeline's output on the 1,852 TempEval-3 silver documents after the
// first 600 by name (unlabelled newswire, research use; the store
// benchmarks read the first 600, PolNeAR is not used). Frozen: new priors
// need a new codec version.
//
//go:embed tokprior.bin
var tokPriorBin []byte

const tokPriorMagic = "CTP1"

// nVocab bounds the layer record's vocabulary.
const nVocab = 4096

// sharedTokPriors reads tokPriorBin once; the priors are read-only and
// shared by every Codec.
var sharedTokPriors = sync.OnceValues(loadTokPriors)

// loadTokPriors reads tokPriorBin.
func loadTokPriors() (*tokPriors, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, fmt.Errorf("store: zstd decoder: %w", err)
	}
	defer dec.Close()
	raw, err := dec.DecodeAll(tokPriorBin, nil)
	if err != nil {
		return nil, fmt.Errorf("store: token priors: %w", err)
	}
	t, err := parseTokPriors(raw)
	if err != nil {
		return nil, fmt.Errorf("store: token priors: %w", err)
	}
	return t, nil
}

func parseTokPriors(raw []byte) (*tokPriors, error) {
	if len(raw) < len(tokPriorMagic) || string(raw[:len(tokPriorMagic)]) != tokPriorMagic {
		return nil, errors.New("bad magic")
	}
	r := &tokenReader{b: raw[len(tokPriorMagic):]}
	list := func(max int) []string {
		n := r.uvarint()
		if r.err != nil || n > uint64(max) {
			r.err = errCorrupt
			return nil
		}
		out := make([]string, n)
		for i := range out {
			l := r.uvarint()
			if r.err != nil || l > uint64(len(r.b)) {
				r.err = errCorrupt
				return nil
			}
			out[i] = string(r.b[:l])
			r.b = r.b[l:]
		}
		return out
	}
	t := &tokPriors{forms: list(nForms - 1), rels: list(nRelSyms - 1), suffixes: list(nSuffixSyms - 1), vocab: list(nVocab)}
	if nt := r.uvarint(); r.err != nil || nt != uint64(nTops) || uint64(len(r.b)) < nt {
		return nil, fmt.Errorf("%d tops for %d: %w", nt, nTops, errCorrupt)
	}
	t.tops = append([]uint8(nil), r.b[:nTops]...)
	r.b = r.b[nTops:]
	np := r.uvarint()
	if r.err != nil || np != uint64(nProbs) || uint64(len(r.b)) != 2*np {
		return nil, fmt.Errorf("%d probabilities for %d: %w", np, nProbs, errCorrupt)
	}
	t.probs = make([]uint16, nProbsPad)
	for i := range nProbs {
		t.probs[i] = binary.LittleEndian.Uint16(r.b[2*i:])
	}
	t.index()
	return t, nil
}

// getState returns a fresh model state primed by the priors.
func (c *Codec) getState() *tokState {
	if s, ok := c.states.Get().(*tokState); ok && &s.init[0] == &c.priors.probs[0] {
		s.reset()
		return s
	}
	return newTokState(c.priors.probs)
}

// putState hands a state back for reuse.
func (c *Codec) putState(s *tokState) { c.states.Put(s) }
