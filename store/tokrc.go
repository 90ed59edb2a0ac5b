package store

import (
	"encoding/binary"
	"strings"

	"github.com/chronicle-news/chronicle/doc"
)

// The token section of format version 7 starts with a mode byte:
//
//	0  the version-6 section follows (tokens.go), for documents the
//	   models cannot describe (overlapping or empty tokens, tokens
//	   outside the text or out of step with the sentence layer);
//	1  uvarint n (number of tokens), the string table and the document's
//	   own tag bundles as in version 6, then a range-coded stream
//	   (rcoder.go) to the end of the blob.
//
// The stream codes, token by token, where the token starts and ends (a
// bit per byte of text, in the context of the classes of the bytes around
// it: the text itself predicts most boundaries), its tag bundle (in the
// context of its form: one of the frequent forms of the priors, or its
// shape and ending, and the part of speech before it) and its lemma (strip
// and suffix as in version 6, in the context of the form or the bundle);
// then, token by token, the direction and distance of its head (in the
// context of the parts of speech around it) and its relation (in the
// context of its part of speech and its head's). The sentence of a token
// comes from the sentence layer. Every model starts from the frozen priors
// of tokprior.go and adapts to the document.

// Token section modes.
const (
	tokLegacy = 0
	tokRC     = 1
)

// Table sizes of the models.
const (
	nForms       = 512 // frequent forms, index 0: none
	nRelSyms     = 64  // relations of the priors, the last an escape
	nSuffixSyms  = 256 // lemma suffixes of the priors, the last an escape
	nBundleSyms  = 256 // built-in bundles, then 254: the document's own
	nLemmaBundle = 32  // bundles told apart in lemma contexts
	nGamma       = 64

	bundleDocSym = len(staticBundles) // the document's own bundle follows
)

// Offsets of the models in the probability array.
const (
	offStart   = 0
	nStartCtx  = nClass * nClass * 2
	offEnd     = offStart + nStartCtx
	nEndCtx    = nClass * nClass * nClass * 3
	offBundle  = offEnd + nEndCtx
	nBundleCtx = nForms*6 + nShape*nSuffix*6
	offStrip   = offBundle + nBundleCtx*nBundleSyms
	nLemmaCtx  = nForms*3 + nLemmaBundle*nSuffix
	offSuffix  = offStrip + nLemmaCtx*16
	offDir     = offSuffix + nLemmaCtx*nSuffixSyms
	offHeadPOS = offDir + nUPOS*nUPOS*nUPOS*4
	offHeadK   = offHeadPOS + nUPOS*nUPOS*2*32
	offRel     = offHeadK + nUPOS*nUPOS*2*16
	offGamma   = offRel + nUPOS*nUPOS*4*nRelSyms
	offSent    = offGamma + 8*nGamma
	offPara    = offSent + nClass*2*nClass*3
	offLayer   = (offPara + 4 + 255) &^ 255
	nProbs     = offLayer + nLayerCtx*256
)

// Escape sites of the gamma codes.
const (
	gBundle = iota
	gStrip
	gSuffix
	gRel
	gHeadK
	gPara
)

// tokState is the models' probabilities while coding one document: pages
// (pageSize), copied from the priors into an arena when first used (a document
// touches a small part of the models). A page is this document's when its
// entry carries the state's generation, so that reset need not clear the
// table.
type tokState struct {
	page  []uint32 // generation<<20 | arena page + 1
	gen   uint32
	arena []uint16
	init  []uint16
}

// nPages is the number of pages of the adaptive models (the layer
// model, after them, is static).
const nPages = (offLayer + pageSize - 1) / pageSize

// Pages of pageSize probabilities (16 instead of 64 copies less and
// looks up more: no faster).
const (
	pageBits = 6
	pageSize = 1 << pageBits
)

// nProbsPad is nProbs rounded up to whole pages.
const nProbsPad = (nProbs + 63) &^ 63

func newTokState(init []uint16) *tokState {
	return &tokState{page: make([]uint32, nPages), gen: 1, arena: make([]uint16, 0, 64*1024), init: init}
}

// reset forgets the document's adaptation.
func (s *tokState) reset() {
	s.arena = s.arena[:0]
	s.gen++
	if s.gen == 1<<12 {
		clear(s.page)
		s.gen = 1
	}
}

// at returns the arena index of probability i.
func (s *tokState) at(i int) int {
	a := s.page[i>>pageBits]
	if a>>20 != s.gen {
		a = s.load(i >> pageBits)
	}
	return int(a&(1<<20-1)-1)<<pageBits | i&(pageSize-1)
}

// load copies page pg of the priors into the arena.
//
//go:noinline
func (s *tokState) load(pg int) uint32 {
	a := s.gen<<20 | uint32(len(s.arena)>>pageBits+1)
	s.arena = append(s.arena, s.init[pg<<pageBits:pg<<pageBits+pageSize]...)
	s.page[pg] = a
	return a
}

// tokPriors are the frozen priors: the frequent forms, relations and lemma
// suffixes the models know by name, and every model's first
// probabilities.
type tokPriors struct {
	forms, rels, suffixes []string
	vocab                 []string          // the layer record's first strings
	vocabIndex            map[string]uint64 // vocab by string, from 1
	tops                  []uint8           // see tokCoder.sym
	formIndex             map[string]int
	relIndex, sufIndex    map[string]int
	probs                 []uint16
}

func (t *tokPriors) index() {
	t.formIndex = map[string]int{}
	for i, f := range t.forms {
		t.formIndex[f] = i + 1
	}
	t.relIndex = map[string]int{}
	for i, r := range t.rels {
		t.relIndex[r] = i
	}
	t.sufIndex = map[string]int{}
	for i, s := range t.suffixes {
		t.sufIndex[s] = i
	}
	t.vocabIndex = make(map[string]uint64, len(t.vocab))
	for i, s := range t.vocab {
		if _, dup := t.vocabIndex[s]; !dup && s != "" {
			t.vocabIndex[s] = uint64(i) + 1
		}
	}
}

// tokCoder is either side of the stream: enc or dec is set.
type tokCoder struct {
	st     *tokState
	enc    *rcEncoder
	dec    *rcDecoder
	tops   []uint8 // the likeliest symbol of each tree (by base>>4)
	noHits bool    // code every symbol through its tree (to count priors)
}

// nTops is the length of the table of tops.
const nTops = offGamma>>4 + 1

// sym codes a symbol of the tree at base: first whether it is the tree's
// likeliest symbol by the priors (with the probability in the tree's
// unused slot 0), only if not the symbol itself.
func (c *tokCoder) sym(base, nbits, sym int) int {
	if c.noHits {
		return c.tree(base, nbits, sym)
	}
	top := int(c.tops[base>>4])
	if c.dec != nil {
		if c.dbit(base) == 1 {
			return top
		}
		return c.tree(base, nbits, 0)
	}
	if c.bit(base, boolBit(sym == top)) == 1 {
		return top
	}
	return c.tree(base, nbits, sym)
}

// bit codes (or decodes) b with probability index i.
func (c *tokCoder) bit(i, b int) int {
	k := c.st.at(i)
	if c.enc != nil {
		c.enc.bit(c.st.arena, k, i, b)
		return b
	}
	return c.dec.bit(c.st.arena, k)
}

// dbit decodes a bit with probability index i (tokCoder.bit for the
// decoder, in one function: the boundary bits are most of the work).
func (c *tokCoder) dbit(i int) int {
	st, d := c.st, c.dec
	a := st.page[i>>pageBits]
	if a>>20 != st.gen {
		a = st.load(i >> pageBits)
	}
	k := int(a&(1<<20-1)-1)<<pageBits | i&(pageSize-1)
	pr := uint32(st.arena[k])
	bound := (d.rng >> rcProbBits) * pr
	b := 0
	if d.code < bound {
		d.rng = bound
		st.arena[k] = uint16(pr + (rcProbOne-pr)>>rcShift)
	} else {
		d.code -= bound
		d.rng -= bound
		st.arena[k] = uint16(pr - pr>>rcShift)
		b = 1
	}
	if d.rng < rcTop {
		d.normalize()
	}
	return b
}

// tree codes an nbits-bit symbol with the binary tree of probabilities at
// base (2^nbits of them).
func (c *tokCoder) tree(base, nbits, sym int) int {
	m := 1
	if c.enc != nil {
		for k := nbits - 1; k >= 0; k-- {
			b := sym >> k & 1
			c.enc.bit(c.st.arena, c.st.at(base+m), base+m, b)
			m = m<<1 | b
		}
		return sym
	}
	// Decoding, the hot loop of Decode: the coder's state in locals.
	st, d := c.st, c.dec
	rng, code := d.rng, d.code
	for range nbits {
		i := base + m
		a := st.page[i>>pageBits]
		if a>>20 != st.gen {
			a = st.load(i >> pageBits)
		}
		k := int(a&(1<<20-1)-1)<<pageBits | i&(pageSize-1)
		pr := uint32(st.arena[k])
		bound := (rng >> rcProbBits) * pr
		if code < bound {
			rng = bound
			st.arena[k] = uint16(pr + (rcProbOne-pr)>>rcShift)
			m <<= 1
		} else {
			code -= bound
			rng -= bound
			st.arena[k] = uint16(pr - pr>>rcShift)
			m = m<<1 | 1
		}
		for rng < rcTop {
			rng <<= 8
			code = code<<8 | uint32(d.next())
		}
	}
	d.rng, d.code = rng, code
	return m - 1<<nbits
}

// gamma codes v ≥ 0 (Elias gamma of v+1, the length in adaptive bits of
// escape site g). A decoded value may be anything up to 2^40.
func (c *tokCoder) gamma(g int, v uint64) uint64 {
	base := offGamma + g*nGamma
	if c.enc != nil {
		v++
		nb := 0
		for v>>uint(nb+1) != 0 {
			nb++
		}
		for k := range nb {
			c.enc.bit(c.st.arena, c.st.at(base+k), base+k, 1)
		}
		if nb < 40 {
			c.enc.bit(c.st.arena, c.st.at(base+nb), base+nb, 0)
		}
		c.enc.direct(v, nb)
		return v - 1
	}
	nb := 0
	for nb < 40 && c.dec.bit(c.st.arena, c.st.at(base+nb)) == 1 {
		nb++
	}
	return (1<<uint(nb) | c.dec.direct(nb)) - 1
}

// tokInfo is what the coder needs to know of a token beyond its fields.
type tokInfo struct {
	bsym   int    // bundle symbol
	docB   uint64 // the document's own bundle, when bsym is bundleDocSym
	strip  uint64
	suffix string
	sufSym int
	sufStr uint64 // string index of an escaped suffix
	relSym int
	relStr uint64 // string index of an escaped relation
}

// formContexts gives the frequent-form index of a token's form (0 for
// none), its ending class and the context of its bundle; first tells
// whether it starts its sentence, prev is the part of speech before it.
func (pr *tokPriors) formContexts(form string, buf []byte, first bool, prev doc.UPOS) (fid, suf, bundleCtx int) {
	lower := lowerASCII(buf, form)
	fid = pr.formIndex[string(lower)]
	pc := coarseUPOS(prev)
	if first {
		pc = 0
	}
	if fid > 0 {
		return fid, 0, fid*6 + pc
	}
	suf = suffixClass(lower)
	return 0, suf, nForms*6 + (wordShape(form, first)*nSuffix+suf)*6 + pc
}

// lemmaContext is the context of a lemma.
func lemmaContext(fid, suf, bsym int, u doc.UPOS) int {
	if fid > 0 {
		k := 0
		switch coarseUPOS(u) {
		case 1:
			k = 1
		case 2:
			k = 2
		}
		return fid*3 + k
	}
	return nForms*3 + min(bsym, nLemmaBundle-1)*nSuffix + suf
}

// sentenceOf returns each token's sentence from the sentence layer, or
// false when the layer does not cover the n tokens in order.
func sentenceOf(sents []doc.Sentence, n int) ([]int32, bool) {
	out := make([]int32, n)
	next := 0
	for j, s := range sents {
		if s.FirstToken != next || s.EndToken < s.FirstToken || s.EndToken > n {
			return nil, false
		}
		for i := s.FirstToken; i < s.EndToken; i++ {
			out[i] = int32(j)
		}
		next = s.EndToken
	}
	return out, next == n
}

// lemmaParts splits a lemma into strip and suffix against its form.
func lemmaParts(form, lemma string) (uint64, string) {
	if lemma == form {
		return 0, ""
	}
	lower := strings.ToLower(form)
	p := 0
	for p < len(lower) && p < len(lemma) && lower[p] == lemma[p] {
		p++
	}
	return uint64(len(lower)-p) + 1, lemma[p:]
}

// sentencesInTokens tells whether the token section can code d's
// sentences: each has tokens, they follow one another over all tokens,
// span from their first token's start to their last token's end, and
// their paragraphs do not decrease.
func sentencesInTokens(d *doc.Document) bool {
	if len(d.Sentences) == 0 {
		return false
	}
	next, para := 0, 0
	for _, s := range d.Sentences {
		if s.FirstToken != next || s.EndToken <= s.FirstToken || s.EndToken > len(d.Tokens) ||
			s.Start != int(d.Tokens[s.FirstToken].Start) || s.End != int(d.Tokens[s.EndToken-1].End) || s.Paragraph < para {
			return false
		}
		next, para = s.EndToken, s.Paragraph
	}
	return next == len(d.Tokens)
}

// newlines classes the text between two tokens: 0, 1 or more newlines.
func newlines(text string, from, to int) int {
	n := 0
	for p := from; p < to && n < 2; p++ {
		if text[p] == '\n' {
			n++
		}
	}
	return n
}

// sentCtx is the probability index of "token i starts a sentence".
func sentCtx(text string, prev, cur *doc.Token) int {
	one := 0
	if prev.End-prev.Start == 1 {
		one = 1
	}
	return offSent + ((byteClass(text, int(prev.End)-1)*2+one)*nClass+byteClass(text, int(cur.Start)))*3 + newlines(text, int(prev.End), int(cur.Start))
}

// rcUsable tells whether the range-coded section can hold d's tokens.
func rcUsable(d *doc.Document) bool {
	n := len(d.Tokens)
	sent, ok := sentenceOf(d.Sentences, n)
	if !ok {
		return false
	}
	prevEnd := int32(0)
	for i, t := range d.Tokens {
		if t.Sent != sent[i] || t.Start < prevEnd || t.End <= t.Start || int(t.End) > len(d.Text) || t.Head < -1 || int(t.Head) >= n {
			return false
		}
		prevEnd = t.End
	}
	return true
}

// appendTokensRC writes the version-7 token section.
func (c *Codec) appendTokensRC(b []byte, d *doc.Document, counts []uint32, sentIn bool) []byte {
	return c.appendTokensRCBits(b, d, counts, nil, sentIn)
}

// appendTokensRCBits is appendTokensRC, adding up the bits each model
// codes into bits when it is set.
func (c *Codec) appendTokensRCBits(b []byte, d *doc.Document, counts []uint32, bits []float64, sentIn bool) []byte {
	if len(d.Tokens) == 0 || !rcUsable(d) {
		b = append(b, tokLegacy)
		return c.appendTokens(b, d, true)
	}
	pr := c.priors
	n := len(d.Tokens)
	strs := c.newStringTable()
	intern := strs.id
	docIndex := map[bundle]uint64{}
	var docBundles []bundle
	info := make([]tokInfo, n)
	for i := range d.Tokens {
		t := &d.Tokens[i]
		in := &info[i]
		bd := bundle{t.UPOS, intern(t.XPOS), intern(t.Feats)}
		if k, ok := c.bundles[bd]; ok {
			in.bsym = int(k)
		} else {
			in.bsym = bundleDocSym
			k, ok := docIndex[bd]
			if !ok {
				k = uint64(len(docBundles))
				docIndex[bd] = k
				docBundles = append(docBundles, bd)
			}
			in.docB = k
		}
		in.strip, in.suffix = lemmaParts(d.Text[t.Start:t.End], t.Lemma)
		if in.strip > 0 {
			if k, ok := pr.sufIndex[in.suffix]; ok {
				in.sufSym = k
			} else {
				in.sufSym = nSuffixSyms - 1
				in.sufStr = intern(in.suffix)
			}
		}
		if k, ok := pr.relIndex[t.Dep]; ok {
			in.relSym = k
		} else {
			in.relSym = nRelSyms - 1
			in.relStr = intern(t.Dep)
		}
	}
	b = append(b, tokRC)
	b = binary.AppendUvarint(b, uint64(n))
	b = strs.appendTo(b)
	b = binary.AppendUvarint(b, uint64(len(docBundles)))
	for _, bd := range docBundles {
		b = append(b, byte(bd.upos))
		b = binary.AppendUvarint(b, bd.xpos)
		b = binary.AppendUvarint(b, bd.feats)
	}
	st := c.getState()
	defer c.putState(st)
	enc := newRCEncoder(b)
	enc.counts, enc.bits = counts, bits
	tc := &tokCoder{st: st, enc: enc, tops: pr.tops, noHits: c.noHits}
	sent, _ := sentenceOf(d.Sentences, n)
	text := d.Text
	var buf [64]byte
	prevEnd := 0
	for i := range d.Tokens {
		t := &d.Tokens[i]
		start, end := int(t.Start), int(t.End)
		for p := prevEnd; p <= start; p++ {
			tc.bit(startCtx(text, p, prevEnd), boolBit(p == start))
		}
		for p := start + 1; p <= end && p < len(text); p++ {
			tc.bit(endCtx(text, p, start), boolBit(p == end))
		}
		first := i == 0 || sent[i] != sent[i-1]
		if sentIn {
			if i > 0 {
				tc.bit(sentCtx(text, &d.Tokens[i-1], t), boolBit(first))
			}
			if first {
				para := d.Sentences[sent[i]].Paragraph
				prevPara := 0
				if i > 0 {
					prevPara = d.Sentences[sent[i-1]].Paragraph
				}
				pc := offPara + 3
				if i > 0 {
					pc = offPara + newlines(text, prevEnd, start)
				}
				tc.bit(pc, boolBit(para > prevPara))
				if para > prevPara {
					tc.gamma(gPara, uint64(para-prevPara-1))
				}
			}
		}
		prevEnd = end
		prev := doc.NoPOS
		if !first {
			prev = d.Tokens[i-1].UPOS
		}
		form := text[start:end]
		fid, suf, bctx := pr.formContexts(form, buf[:0], first, prev)
		in := &info[i]
		tc.sym(offBundle+bctx*nBundleSyms, 8, in.bsym)
		if in.bsym == bundleDocSym {
			tc.gamma(gBundle, in.docB)
		}
		lctx := lemmaContext(fid, suf, in.bsym, t.UPOS)
		if in.strip < 15 {
			tc.sym(offStrip+lctx*16, 4, int(in.strip))
		} else {
			tc.sym(offStrip+lctx*16, 4, 15)
			tc.gamma(gStrip, in.strip-15)
		}
		if in.strip > 0 {
			tc.sym(offSuffix+lctx*nSuffixSyms, 8, in.sufSym)
			if in.sufSym == nSuffixSyms-1 {
				tc.gamma(gSuffix, in.sufStr)
			}
		}
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		dir, _ := headDir(i, int(t.Head))
		dctx, l, r := headContexts(d.Tokens, sent, i)
		tc.tree(offDir+dctx*4, 2, dir)
		hu := doc.NoPOS
		if dir < 2 {
			// The head as the k-th token of its part of speech in its
			// direction ("the first noun to the right").
			hu = d.Tokens[t.Head].UPOS
			h := upos19(hu)
			nbr := l
			step := -1
			if dir == 1 {
				nbr, step = r, 1
			}
			u := upos19(t.UPOS)
			tc.sym(offHeadPOS+((u*nUPOS+nbr)*2+dir)*32, 5, h)
			k := 1
			for j := i + step; j != int(t.Head); j += step {
				if upos19(d.Tokens[j].UPOS) == h {
					k++
				}
			}
			tc.sym(offHeadK+((u*nUPOS+h)*2+dir)*16, 4, min(k-1, 15))
			if k-1 >= 15 {
				tc.gamma(gHeadK, uint64(k-16))
			}
		}
		in := &info[i]
		tc.sym(offRel+((upos19(t.UPOS)*nUPOS+upos19(hu))*4+dir)*nRelSyms, 6, in.relSym)
		if in.relSym == nRelSyms-1 {
			tc.gamma(gRel, in.relStr)
		}
	}
	return enc.finish()
}

// startCtx is the probability index of "a token starts at p" (prevEnd
// is the end of the token before).
func startCtx(text string, p, prevEnd int) int {
	k := 0
	if p > prevEnd {
		k = 1
	}
	return offStart + (byteClass(text, p-1)*nClass+byteClass(text, p))*2 + k
}

// endCtx is the probability index of "the token that starts at start
// ends at p".
func endCtx(text string, p, start int) int {
	return offEnd + ((byteClass(text, p-1)*nClass+byteClass(text, p))*nClass+byteClass(text, p+1))*3 + min(p-start-1, 2)
}

// headDir gives the direction of a head (0 left, 1 right, 2 root, 3 the
// token itself) and its distance.
func headDir(i, head int) (int, int) {
	switch {
	case head < 0:
		return 2, 0
	case head < i:
		return 0, i - head
	case head > i:
		return 1, head - i
	default:
		return 3, 0
	}
}

// headContexts gives the context of token i's head direction, and the
// parts of speech beside it in its sentence (0 for none).
func headContexts(toks []doc.Token, sent []int32, i int) (ctx, l, r int) {
	u := upos19(toks[i].UPOS)
	if i > 0 && sent[i-1] == sent[i] {
		l = upos19(toks[i-1].UPOS)
	}
	if i+1 < len(toks) && sent[i+1] == sent[i] {
		r = upos19(toks[i+1].UPOS)
	}
	return (u*nUPOS+l)*nUPOS + r, l, r
}

// readTokensRC reads a version-7 range-coded token section (after the
// mode byte) of a document whose text and sentence layer are set.
func (c *Codec) readTokensRC(b []byte, d *doc.Document, sentIn bool) ([]doc.Token, error) {
	pr := c.priors
	text := d.Text
	r := &tokenReader{b: b}
	n64 := r.uvarint()
	if r.err != nil || n64 == 0 || n64 > uint64(len(text)) {
		return nil, errCorrupt
	}
	n := int(n64)
	var sent []int32
	if sentIn {
		sent = make([]int32, n)
		d.Sentences = nil
	} else {
		var ok bool
		if sent, ok = sentenceOf(d.Sentences, n); !ok {
			return nil, errCorrupt
		}
	}
	table := r.stringTable()
	if r.err != nil {
		return nil, errCorrupt
	}
	str := func(i uint64) (string, bool) { return lookupString(table, i) }
	nb := r.uvarint()
	if r.err != nil || nb > uint64(len(r.b)) {
		return nil, errCorrupt
	}
	type sbundle struct {
		upos        doc.UPOS
		xpos, feats string
	}
	docBundles := make([]sbundle, nb)
	for i := range docBundles {
		u := r.byte()
		x, okx := str(r.uvarint())
		f, okf := str(r.uvarint())
		if r.err != nil || !okx || !okf {
			return nil, errCorrupt
		}
		docBundles[i] = sbundle{doc.UPOS(u), x, f}
	}
	st := c.getState()
	defer c.putState(st)
	dec := newRCDecoder(r.b)
	tc := &tokCoder{st: st, dec: dec, tops: pr.tops}
	toks := make([]doc.Token, n)
	var buf [64]byte
	prevEnd := 0
	for i := range toks {
		t := &toks[i]
		p := prevEnd
		for ; p < len(text); p++ {
			if tc.dbit(startCtx(text, p, prevEnd)) == 1 {
				break
			}
		}
		if p >= len(text) {
			return nil, errCorrupt
		}
		start := p
		for p = start + 1; p < len(text); p++ {
			if tc.dbit(endCtx(text, p, start)) == 1 {
				break
			}
		}
		end := p
		t.Start, t.End = int32(start), int32(end)
		if sentIn {
			first := i == 0 || tc.dbit(sentCtx(text, &toks[i-1], t)) == 1
			if first {
				prevPara := 0
				pc := offPara + 3
				if i > 0 {
					prevPara = d.Sentences[len(d.Sentences)-1].Paragraph
					pc = offPara + newlines(text, prevEnd, start)
				}
				para := prevPara
				if tc.dbit(pc) == 1 {
					para += int(min(tc.gamma(gPara, 0), uint64(len(text)))) + 1
				}
				d.Sentences = append(d.Sentences, doc.Sentence{Start: start, FirstToken: i, Paragraph: para})
			}
			k := len(d.Sentences) - 1
			d.Sentences[k].End, d.Sentences[k].EndToken = end, i+1
			sent[i] = int32(k)
		}
		prevEnd = end
		t.Sent = sent[i]
		first := i == 0 || sent[i] != sent[i-1]
		prev := doc.NoPOS
		if !first {
			prev = toks[i-1].UPOS
		}
		form := text[start:end]
		fid, suf, bctx := pr.formContexts(form, buf[:0], first, prev)
		bsym := tc.sym(offBundle+bctx*nBundleSyms, 8, 0)
		switch {
		case bsym < len(staticBundles):
			bd := c.bundleList[bsym]
			t.UPOS = bd.upos
			t.XPOS, _ = str(bd.xpos)
			t.Feats, _ = str(bd.feats)
		case bsym == bundleDocSym:
			k := tc.gamma(gBundle, 0)
			if k >= uint64(len(docBundles)) {
				return nil, errCorrupt
			}
			t.UPOS, t.XPOS, t.Feats = docBundles[k].upos, docBundles[k].xpos, docBundles[k].feats
		default:
			return nil, errCorrupt
		}
		lctx := lemmaContext(fid, suf, bsym, t.UPOS)
		strip := uint64(tc.sym(offStrip+lctx*16, 4, 0))
		if strip == 15 {
			strip += tc.gamma(gStrip, 0)
		}
		if strip == 0 {
			t.Lemma = form
		} else {
			sym := tc.sym(offSuffix+lctx*nSuffixSyms, 8, 0)
			var suffix string
			if sym < len(pr.suffixes) {
				suffix = pr.suffixes[sym]
			} else if sym == nSuffixSyms-1 {
				s, ok := str(tc.gamma(gSuffix, 0))
				if !ok {
					return nil, errCorrupt
				}
				suffix = s
			} else {
				return nil, errCorrupt
			}
			lower := strings.ToLower(form)
			if strip-1 > uint64(len(lower)) {
				return nil, errCorrupt
			}
			t.Lemma = lower[:uint64(len(lower))-(strip-1)] + suffix
		}
		if dec.over > 8 {
			return nil, errCorrupt
		}
	}
	for i := range toks {
		t := &toks[i]
		dctx, l, r := headContexts(toks, sent, i)
		dir := tc.tree(offDir+dctx*4, 2, 0)
		hu := doc.NoPOS
		switch dir {
		case 0, 1:
			nbr, step := l, -1
			if dir == 1 {
				nbr, step = r, 1
			}
			u := upos19(t.UPOS)
			h := tc.sym(offHeadPOS+((u*nUPOS+nbr)*2+dir)*32, 5, 0)
			k := uint64(tc.sym(offHeadK+((u*nUPOS+h)*2+dir)*16, 4, 0)) + 1
			if k == 16 {
				k += tc.gamma(gHeadK, 0)
			}
			if h >= nUPOS || k > uint64(n) {
				return nil, errCorrupt
			}
			j := i + step
			for ; j >= 0 && j < n; j += step {
				if upos19(toks[j].UPOS) == h {
					if k--; k == 0 {
						break
					}
				}
			}
			if j < 0 || j >= n {
				return nil, errCorrupt
			}
			t.Head = int32(j)
			hu = toks[j].UPOS
		case 2:
			t.Head = -1
		default:
			t.Head = int32(i)
		}
		sym := tc.sym(offRel+((upos19(t.UPOS)*nUPOS+upos19(hu))*4+dir)*nRelSyms, 6, 0)
		switch {
		case sym < len(pr.rels):
			t.Dep = pr.rels[sym]
		case sym == nRelSyms-1:
			s, ok := str(tc.gamma(gRel, 0))
			if !ok {
				return nil, errCorrupt
			}
			t.Dep = s
		default:
			return nil, errCorrupt
		}
		if dec.over > 8 {
			return nil, errCorrupt
		}
	}
	if dec.over != 0 || dec.pos != len(dec.in) {
		return nil, errCorrupt // the stream is read to its last byte
	}
	return toks, nil
}
