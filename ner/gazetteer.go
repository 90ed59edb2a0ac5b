package ner

// matchGazetteer marks tokens covered by gazetteer entries. Each bit of
// x.gaz[i] is (list, BILOU position). The model carries its gazetteer.
func (x *extractor) matchGazetteer() {
	x.gaz = x.gaz[:0]
	if x.m == nil || x.m.gaz == nil {
		return
	}
	n := len(x.toks)
	for range n {
		x.gaz = append(x.gaz, 0)
	}
	g := x.m.gaz
	for i := 0; i < n; i++ {
		if x.toks[i].flags&(tfLetter|tfDigit) == 0 {
			continue
		}
		x.gbuf = x.gbuf[:0]
		for l := 0; l < g.maxLen && i+l < n; l++ {
			if l > 0 {
				x.gbuf = append(x.gbuf, ' ')
			}
			x.gbuf = append(x.gbuf, x.str(x.toks[i+l].low)...)
			lists, ok := g.m[string(x.gbuf)]
			if !ok {
				continue
			}
			for li := 0; lists != 0; li++ {
				if lists&1 != 0 {
					if l == 0 {
						x.gaz[i] |= 1 << (4*li + posU)
					} else {
						x.gaz[i] |= 1 << (4*li + posB)
						for j := i + 1; j < i+l; j++ {
							x.gaz[j] |= 1 << (4*li + posI)
						}
						x.gaz[i+l] |= 1 << (4*li + posL)
					}
				}
				lists >>= 1
			}
		}
	}
}

// gazetteer maps lowercase (digits as 0) space-joined token sequences to a
// bit set of lists.
type gazetteer struct {
	m      map[string]uint8
	maxLen int
	names  []string
}

// defaultGazetteer builds the gazetteer used for training (nil: none yet).
func defaultGazetteer() *gazetteer { return nil }
