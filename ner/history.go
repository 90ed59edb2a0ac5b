package ner

// history records, for each capitalised word of a document, the entity
// types (or O) predicted for it in earlier sentences, so that later,
// shorter or ambiguous mentions ("Smith" after "John Smith") can follow
// the earlier decisions. It is the only state carried between sentences.
type history struct {
	m map[uint64][nTypes + 1]uint16 // index nTypes counts O
}

func newHistory() *history { return &history{m: make(map[uint64][nTypes + 1]uint16)} }

func (h *history) reset() { clear(h.m) }

// key returns the history key of token i of the extractor's document, or 0
// when the token is not a capitalised word.
func histKey(x *extractor, i int32) uint64 {
	t := &x.toks[i]
	if t.flags&tfCap == 0 || t.flags&tfLetter == 0 {
		return 0
	}
	return t.lowHash | 1
}

// appendFeats appends the history features of a token with key k.
func (h *history) appendFeats(dst []uint64, k uint64, init bool, dom Domain) []uint64 {
	if k == 0 {
		return dst
	}
	c, ok := h.m[k]
	if !ok {
		return dst
	}
	best, bn := 0, uint16(0)
	for ty, n := range c {
		if n > bn {
			best, bn = ty, n
		}
	}
	n0 := len(dst)
	dst = append(dst, hInt(hInit(fHist), best*2+b2i(init)))
	for ty, n := range c {
		if n > 0 {
			dst = append(dst, hInt(hInit(fHistShape), ty))
		}
	}
	if dom != DomainNone {
		n1 := len(dst)
		for i := n0; i < n1; i++ {
			dst = append(dst, (dst[i]^uint64(dom))*fnvPrime)
		}
	}
	return dst
}

// allHistFeats lists every history feature hash, for pre-registration.
func allHistFeats() []uint64 {
	var out []uint64
	for ty := 0; ty <= nTypes; ty++ {
		out = append(out, hInt(hInit(fHist), ty*2), hInt(hInit(fHist), ty*2+1), hInt(hInit(fHistShape), ty))
	}
	n := len(out)
	for d := DomainNews; d <= DomainWiki; d++ {
		for _, f := range out[:n] {
			out = append(out, (f^uint64(d))*fnvPrime)
		}
	}
	return out
}

// update adds a sentence's predicted labels for tokens [a, a+len(labels)).
func (h *history) update(x *extractor, a int32, labels []uint8) {
	for j, l := range labels {
		h.add(histKey(x, a+int32(j)), l)
	}
}

// updateKeys is update with precomputed keys.
func (h *history) updateKeys(keys []uint64, labels []uint8) {
	for j, l := range labels {
		h.add(keys[j], l)
	}
}

func (h *history) add(k uint64, l uint8) {
	{
		if k == 0 {
			return
		}
		ty := nTypes
		if l != labelO {
			ty = labelType(int(l))
		}
		c := h.m[k]
		if c[ty] < 65535 {
			c[ty]++
		}
		h.m[k] = c
	}
}
