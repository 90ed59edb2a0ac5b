package ner

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is a 64-bit FNV-1a hash of its template
// and its parts, so extraction allocates nothing.
const (
	fBias = iota + 1
	fWord
	fLow
	fShape
	fPre
	fSuf
	fLowAt // lowercase word at an offset
	fBiPrev
	fBiNext
	fShapeAt
	fShapeBi
	fShapeTri
	fInit
	fCapsSent
	fClus
	fClusBi
	fCapRatio
	fDocLow
	fDocCap
	fGaz
	fAggPrev
	fAggNext
	fDocFirst
	fShortAllCaps
	fLowShape
	fPunctCtx
	fHist
	fHistShape
	fLen
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hInit(tmpl int) uint64 { return (fnvOffset ^ uint64(tmpl)) * fnvPrime }

func hStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

func hBytes(h uint64, s []byte) uint64 {
	for _, c := range s {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

func hInt(h uint64, v int) uint64 {
	u := uint64(v)
	for range 4 {
		h = (h ^ (u & 0xff)) * fnvPrime
		u >>= 8
	}
	return h
}

// Token flags.
const (
	tfCap     = 1 << iota // first letter upper case
	tfAllCaps             // has letters, all upper case
	tfLetter              // has a letter
	tfDigit               // has a digit
	tfPunct               // no letter or digit
	tfInit                // first token of its sentence (after opening punctuation)
	tfLower               // first letter lower case
)

// tokInfo is what the extractor precomputes per token.
type tokInfo struct {
	norm, low, shape [2]int32 // byte ranges into the arena
	flags            uint16
	lex              lexEntry
	lowHash          uint64
}

// extractor turns a document's tokens into feature hashes. It is reused
// across documents and is not safe for concurrent use.
type extractor struct {
	m     *Model
	arena []byte
	toks  []tokInfo
	// sentence boundaries: sentence k is tokens [sents[k], sents[k+1])
	sents    []int32
	capsSent []bool
	// doc-level facts per lowercase hash
	docw map[uint64]docWord
	// gazetteer matches per token: bit set of (type, position)
	gaz []uint32
	// feature output for one sentence
	feats []uint64
	offs  []int32
	gbuf  []byte
	// domain adds a domain-specific copy of every feature when non-zero
	domain Domain
}

// docWord holds document-level facts about a lowercase word.
type docWord struct {
	capNonInit   int32 // times seen capitalised, not sentence-initial
	lowNonInit   int32 // times seen lower case
	first        int32 // index of the first non-initial capitalised occurrence, or -1
	prev1, next1 uint64
	nPrev        uint8
}

func newExtractor(m *Model) *extractor {
	return &extractor{m: m, docw: make(map[uint64]docWord)}
}

func (x *extractor) str(r [2]int32) []byte { return x.arena[r[0]:r[1]] }

// normRune maps typographic quotes and dashes to their ASCII forms.
func normRune(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′', '`', '´':
		return '\''
	case '“', '”', '„', '‟', '«', '»', '″':
		return '"'
	case '–', '—', '―', '‒', '−':
		return '-'
	}
	return r
}

// normToken appends the normalised form of tok to the arena and returns its range.
func (x *extractor) appendNorm(tok string) [2]int32 {
	a := int32(len(x.arena))
	switch tok {
	case "``", "''":
		x.arena = append(x.arena, '"')
		return [2]int32{a, int32(len(x.arena))}
	case "-LRB-", "-LCB-", "-LSB-":
		x.arena = append(x.arena, '(')
		return [2]int32{a, int32(len(x.arena))}
	case "-RRB-", "-RCB-", "-RSB-":
		x.arena = append(x.arena, ')')
		return [2]int32{a, int32(len(x.arena))}
	}
	for i := 0; i < len(tok); {
		r, w := utf8.DecodeRuneInString(tok[i:])
		i += w
		x.arena = utf8.AppendRune(x.arena, normRune(r))
	}
	return [2]int32{a, int32(len(x.arena))}
}

// load precomputes token information for a document given as a flat token
// list and sentence starts (sents has one extra final entry = len(tokens)).
func (x *extractor) load(tokens []string, sents []int32) {
	x.arena = x.arena[:0]
	x.toks = x.toks[:0]
	x.sents = append(x.sents[:0], sents...)
	x.capsSent = x.capsSent[:0]
	for _, tok := range tokens {
		var ti tokInfo
		ti.norm = x.appendNorm(tok)
		// lower case, digits as 0
		a := int32(len(x.arena))
		var flags uint16
		nLetters, nUpper := 0, 0
		first := true
		for i := ti.norm[0]; i < ti.norm[1]; {
			r, w := utf8.DecodeRune(x.arena[i:ti.norm[1]])
			i += int32(w)
			switch {
			case unicode.IsUpper(r):
				nLetters++
				nUpper++
				if first {
					flags |= tfCap
				}
				r = unicode.ToLower(r)
			case unicode.IsLetter(r):
				nLetters++
				if first {
					flags |= tfLower
				}
			case unicode.IsDigit(r):
				flags |= tfDigit
				r = '0'
			}
			if first && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				first = false
			}
			x.arena = utf8.AppendRune(x.arena, r)
		}
		ti.low = [2]int32{a, int32(len(x.arena))}
		if nLetters > 0 {
			flags |= tfLetter
			if nUpper == nLetters {
				flags |= tfAllCaps
			}
		}
		if flags&(tfLetter|tfDigit) == 0 {
			flags |= tfPunct
		}
		// shape: character classes, runs capped at two
		a = int32(len(x.arena))
		var prev byte
		run := 0
		for _, r := range string(x.arena[ti.norm[0]:ti.norm[1]]) {
			var c byte
			switch {
			case unicode.IsUpper(r):
				c = 'X'
			case unicode.IsLetter(r):
				c = 'x'
			case unicode.IsDigit(r):
				c = 'd'
			case r < utf8.RuneSelf:
				c = byte(r)
			default:
				c = '*'
			}
			if c == prev {
				run++
				if run >= 2 {
					continue
				}
			} else {
				run = 0
			}
			prev = c
			x.arena = append(x.arena, c)
		}
		ti.shape = [2]int32{a, int32(len(x.arena))}
		ti.flags = flags
		ti.lowHash = hBytes(fnvOffset, x.str(ti.low))
		if x.m != nil && x.m.lex != nil {
			ti.lex = x.m.lex.lookup(x.str(ti.low))
		}
		x.toks = append(x.toks, ti)
	}
	// sentence-level flags
	for k := 0; k+1 < len(x.sents); k++ {
		a, b := x.sents[k], x.sents[k+1]
		letters, caps := 0, 0
		init := true
		for i := a; i < b; i++ {
			t := &x.toks[i]
			if init && t.flags&(tfLetter|tfDigit) != 0 {
				t.flags |= tfInit
				init = false
			}
			if t.flags&tfLetter != 0 {
				letters++
				if t.flags&tfAllCaps != 0 {
					caps++
				}
			}
		}
		x.capsSent = append(x.capsSent, letters >= 2 && caps == letters)
	}
	// document-level facts
	clear(x.docw)
	for k := 0; k+1 < len(x.sents); k++ {
		if x.capsSent[k] {
			continue
		}
		for i := x.sents[k]; i < x.sents[k+1]; i++ {
			t := &x.toks[i]
			if t.flags&tfLetter == 0 {
				continue
			}
			dw, ok := x.docw[t.lowHash]
			if !ok {
				dw.first = -1
			}
			switch {
			case t.flags&tfCap != 0 && t.flags&tfInit == 0:
				dw.capNonInit++
				if dw.first < 0 {
					dw.first = i
				}
				if i > x.sents[k] && dw.nPrev < 2 {
					p := x.toks[i-1].lowHash
					if dw.nPrev == 0 {
						dw.prev1 = p
					}
					dw.nPrev++
				}
				if i+1 < x.sents[k+1] && dw.next1 == 0 {
					dw.next1 = x.toks[i+1].lowHash
				}
			case t.flags&tfLower != 0:
				dw.lowNonInit++
			}
			x.docw[t.lowHash] = dw
		}
	}
	x.matchGazetteer()
}

// boundary hashes for positions outside the sentence
var (
	hBOS = hStr(fnvOffset, "<s>")
	hEOS = hStr(fnvOffset, "</s>")
)

func (x *extractor) lowAt(i, a, b int32) uint64 {
	if i < a {
		return hBOS
	}
	if i >= b {
		return hEOS
	}
	return x.toks[i].lowHash
}

func (x *extractor) shapeHash(i, a, b int32) uint64 {
	if i < a {
		return hBOS
	}
	if i >= b {
		return hEOS
	}
	return hBytes(fnvOffset, x.str(x.toks[i].shape))
}

func (x *extractor) clusterAt(i, a, b int32, level int) int {
	if i < a {
		return -1
	}
	if i >= b {
		return -2
	}
	return int(x.toks[i].lex.clus[level])
}

// sentence computes the static features of sentence k into x.feats, with
// token j's features at x.feats[x.offs[j]:x.offs[j+1]].
func (x *extractor) sentence(k int) {
	a, b := x.sents[k], x.sents[k+1]
	x.feats = x.feats[:0]
	x.offs = x.offs[:0]
	caps := x.capsSent[k]
	for i := a; i < b; i++ {
		x.offs = append(x.offs, int32(len(x.feats)))
		t := &x.toks[i]
		add := func(h uint64) { x.feats = append(x.feats, h) }
		add(hInit(fBias))
		norm := x.str(t.norm)
		low := x.str(t.low)
		shape := x.str(t.shape)
		shapeH := hBytes(fnvOffset, shape)
		add(hBytes(hInit(fWord), norm))
		add(hBytes(hInit(fLow), low))
		add(hBytes(hInit(fShape), shape))
		add(hBytes(hBytes(hInit(fLowShape), low), shape))
		n := len(low)
		for p := 1; p <= 4 && p < n; p++ {
			add(hBytes(hInit(fPre), low[:p]))
			add(hBytes(hInit(fSuf), low[n-p:]))
		}
		if n > 12 {
			add(hInt(hInit(fLen), 12))
		}
		for _, off := range [...]int32{-2, -1, 1, 2} {
			add(hInt(hInt(hInit(fLowAt), int(off)), int(x.lowAt(i+off, a, b))))
		}
		lm1, lp1 := x.lowAt(i-1, a, b), x.lowAt(i+1, a, b)
		add(hInt(hInt(hInit(fBiPrev), int(lm1)), int(t.lowHash)))
		add(hInt(hInt(hInit(fBiNext), int(t.lowHash)), int(lp1)))
		sm1, sp1 := x.shapeHash(i-1, a, b), x.shapeHash(i+1, a, b)
		add(hInt(hInt(hInit(fShapeAt), -1), int(sm1)))
		add(hInt(hInt(hInit(fShapeAt), 1), int(sp1)))
		add(hInt(hInt(hInit(fShapeBi), int(sm1)), int(shapeH)))
		add(hInt(hInt(hInit(fShapeBi), int(shapeH)), int(sp1)))
		add(hInt(hInt(hInt(hInit(fShapeTri), int(sm1)), int(shapeH)), int(sp1)))
		if t.flags&tfInit != 0 {
			add(hInt(hInit(fInit), int(shapeH)))
		}
		if caps {
			add(hInt(hInit(fCapsSent), int(shapeH)))
			add(hBytes(hInit(fCapsSent), low))
		}
		// word clusters
		for lv := 0; lv < nLevels; lv++ {
			c0 := t.lex.clus[lv]
			add(hInt(hInt(hInt(hInit(fClus), lv), 0), int(c0)))
			add(hInt(hInt(hInt(hInit(fClus), lv), -1), x.clusterAt(i-1, a, b, lv)))
			add(hInt(hInt(hInt(hInit(fClus), lv), 1), x.clusterAt(i+1, a, b, lv)))
			if lv == 1 {
				add(hInt(hInt(hInt(hInit(fClusBi), lv), x.clusterAt(i-1, a, b, lv)), int(c0)))
				add(hInt(hInt(hInt(hInit(fClusBi), lv+10), int(c0)), x.clusterAt(i+1, a, b, lv)))
			}
		}
		add(hInt(hInt(hInit(fClus), 9), x.clusterAt(i-2, a, b, 0)))
		add(hInt(hInt(hInit(fClus), 10), x.clusterAt(i+2, a, b, 0)))
		// capitalisation habits of the word in unlabelled text
		if t.flags&tfLetter != 0 {
			cs := 0
			if t.flags&tfCap != 0 {
				cs = 1
			}
			if t.flags&tfInit != 0 || caps {
				cs += 2
			}
			add(hInt(hInt(hInit(fCapRatio), cs), int(t.lex.capRatio)))
		}
		// document-level facts
		if t.flags&tfCap != 0 {
			dw := x.docw[t.lowHash]
			init := t.flags&tfInit != 0 || caps
			lowSeen := dw.lowNonInit > 0
			capSeen := dw.capNonInit > 0
			if init {
				capSeen = dw.capNonInit > 0 && dw.first != i
			}
			add(hInt(hInt(hInt(hInit(fDocLow), b2i(init)), b2i(lowSeen)), b2i(capSeen)))
			if dw.first >= 0 && dw.first != i {
				add(hInt(hInit(fAggPrev), int(dw.prev1)))
				if dw.next1 != 0 {
					add(hInt(hInit(fAggNext), int(dw.next1)))
				}
				add(hInt(hInit(fDocFirst), b2i(dw.first < i)))
			}
		}
		// gazetteers
		if i < int32(len(x.gaz)) {
			g := x.gaz[i]
			for bit := 0; g != 0; bit++ {
				if g&1 != 0 {
					add(hInt(hInit(fGaz), bit))
					add(hInt(hInt(hInit(fGaz), bit+100), int(shapeH)))
				}
				g >>= 1
			}
		}
	}
	x.offs = append(x.offs, int32(len(x.feats)))
	if x.domain != DomainNone {
		x.augment()
	}
}

// augment adds the domain-specific copy of each feature after the shared
// ones, rewriting x.feats and x.offs in place from the end.
func (x *extractor) augment() {
	n := len(x.feats)
	nt := len(x.offs) - 1
	x.feats = append(x.feats, make([]uint64, n)...)
	d := uint64(x.domain)
	// move token blocks from last to first, doubling each
	for t := nt - 1; t >= 0; t-- {
		a, b := x.offs[t], x.offs[t+1]
		na := 2 * a
		k := b - a
		copy(x.feats[na:na+k], x.feats[a:b])
		for j := int32(0); j < k; j++ {
			x.feats[na+k+j] = (x.feats[na+j] ^ d) * fnvPrime
		}
	}
	for t := range x.offs {
		x.offs[t] *= 2
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
