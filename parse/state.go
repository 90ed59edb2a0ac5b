package parse

import (
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/tag/percep"
)

// Transitions of the arc-eager system. Class c of the model is SHIFT,
// REDUCE, LEFT-ARC with label c-2, RIGHT-ARC with label c-2-L or, in the
// non-monotonic system, REDUCE of a headless s0 that attaches it to s1 with
// label c-2-2L.
//
// The non-monotonic system (Honnibal, Goldberg & Johnson 2013) lets the
// parser repair two kinds of early mistakes: LEFT-ARC may take s0 even when
// an earlier RIGHT-ARC gave it a head (the arc is replaced), and a word
// shifted where it should have been attached to the word below it can
// still get that head when it is reduced. As in the monotonic system,
// parsing stops when the buffer is empty and finish attaches the words left
// headless on the stack.
const (
	shift  = 0
	reduce = 1
)

// state is an arc-eager parser configuration over words 1..n (0 = ROOT).
type state struct {
	n       int
	stack   []int32
	b       int32 // first word of the buffer; > n when the buffer is empty
	head    []int32
	label   []int16
	lc1     []int32 // leftmost child, 0 if none
	lc2     []int32 // second leftmost child
	rc1     []int32 // rightmost child
	rc2     []int32 // second rightmost child
	nl, nr  []uint8 // number of left/right children (saturating)
	lset    [][2]uint64
	rset    [][2]uint64
	hasRoot bool
	nonmono bool // non-monotonic transitions (set before init)
	// per-word hashed views, index 0 = ROOT
	w, p, u []uint64
	cf, cc  []uint64 // fine and coarse word clusters
	amb     []uint64 // ambiguity class: the tags the word had in training
	feats   []uint64
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

var (
	hRoot = percep.String("<root>")
	hNone = percep.String("<none>")
)

// init prepares the state for a sentence whose word and tag hashes are
// already in s.w, s.p, s.u (index 0 = ROOT).
func (s *state) init(n int) {
	s.n = n
	m := n + 1
	s.head = grow(s.head, m)
	s.label = grow(s.label, m)
	s.lc1 = grow(s.lc1, m)
	s.lc2 = grow(s.lc2, m)
	s.rc1 = grow(s.rc1, m)
	s.rc2 = grow(s.rc2, m)
	s.nl = grow(s.nl, m)
	s.nr = grow(s.nr, m)
	s.lset = grow(s.lset, m)
	s.rset = grow(s.rset, m)
	for i := 0; i < m; i++ {
		s.head[i] = -1
		s.label[i] = -1
		s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i] = 0, 0, 0, 0
		s.nl[i], s.nr[i] = 0, 0
		s.lset[i] = [2]uint64{}
		s.rset[i] = [2]uint64{}
	}
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	s.hasRoot = false
}

// setWords fills the per-word hashes for the sentence.
func (s *state) setWords(forms []string, xpos []string, upos []doc.UPOS, clus *tag.Clusters, amb map[string]uint32, lower []byte) []byte {
	m := len(forms) + 1
	s.amb = grow(s.amb, m)
	s.amb[0] = hRoot
	s.w = grow(s.w, m)
	s.p = grow(s.p, m)
	s.u = grow(s.u, m)
	s.cf = grow(s.cf, m)
	s.cc = grow(s.cc, m)
	s.w[0], s.p[0], s.u[0], s.cf[0], s.cc[0] = hRoot, hRoot, hRoot, hRoot, hRoot
	for i, f := range forms {
		lower = tag.ClusterKey(lower[:0], f)
		co, fi := clus.Lookup(lower)
		s.cc[i+1], s.cf[i+1] = uint64(co)+1, uint64(fi)+1
		lower = lowerASCII(lower[:0], f)
		s.w[i+1] = percep.Bytes(lower)
		s.amb[i+1] = uint64(amb[string(lower)]) + 7
		s.p[i+1] = percep.String(xpos[i])
		s.u[i+1] = uint64(upos[i]) + 1
	}
	return lower
}

func lowerASCII(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

func (s *state) terminal() bool { return int(s.b) > s.n }

// s1 returns the word below s0 on the stack, or -1.
func (s *state) s1() int32 {
	if len(s.stack) < 2 {
		return -1
	}
	return s.stack[len(s.stack)-2]
}

func (s *state) s0() int32 { return s.stack[len(s.stack)-1] }

// canShift reports whether SHIFT is allowed.
func (s *state) canShift() bool { return int(s.b) <= s.n }

// canReduce reports whether REDUCE is allowed.
func (s *state) canReduce() bool {
	s0 := s.s0()
	if s0 == 0 || s.head[s0] < 0 {
		return false
	}
	// keep the root word while words remain, so that they can attach under it
	return !(s.head[s0] == 0 && int(s.b) <= s.n)
}

// canReduceArc reports whether the non-monotonic REDUCE of a headless s0,
// which attaches it to s1, is allowed (never to ROOT: a headless word left
// just above ROOT becomes the root in finish).
func (s *state) canReduceArc() bool {
	if !s.nonmono || len(s.stack) < 3 {
		return false
	}
	return s.head[s.s0()] < 0
}

func (s *state) canLeft() bool {
	s0 := s.s0()
	return int(s.b) <= s.n && s0 != 0 && (s.head[s0] < 0 || s.nonmono)
}

func (s *state) canRight() bool {
	if int(s.b) > s.n {
		return false
	}
	if s.s0() == 0 {
		return !s.hasRoot
	}
	return true
}

func (s *state) addArc(h, d int32, l int16) {
	s.head[d] = h
	s.label[d] = l
	bit := [2]uint64{}
	bit[l>>6&1] = 1 << (l & 63)
	if d < h {
		if s.lc1[h] == 0 || d < s.lc1[h] {
			s.lc2[h] = s.lc1[h]
			s.lc1[h] = d
		} else if s.lc2[h] == 0 || d < s.lc2[h] {
			s.lc2[h] = d
		}
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.lset[h][0] |= bit[0]
		s.lset[h][1] |= bit[1]
	} else {
		if d > s.rc1[h] {
			s.rc2[h] = s.rc1[h]
			s.rc1[h] = d
		} else if d > s.rc2[h] {
			s.rc2[h] = d
		}
		if s.nr[h] < 255 {
			s.nr[h]++
		}
		s.rset[h][0] |= bit[0]
		s.rset[h][1] |= bit[1]
	}
}

// removeArc undoes the arc h → d and recomputes h's children on d's side.
func (s *state) removeArc(h, d int32) {
	s.head[d] = -1
	s.label[d] = -1
	if d < h {
		s.lc1[h], s.lc2[h], s.nl[h], s.lset[h] = 0, 0, 0, [2]uint64{}
		for k := int32(1); k < h; k++ {
			if s.head[k] == h {
				s.addArc(h, k, s.label[k])
			}
		}
		return
	}
	s.rc1[h], s.rc2[h], s.nr[h], s.rset[h] = 0, 0, 0, [2]uint64{}
	for k := h + 1; k <= int32(s.n); k++ {
		if s.head[k] == h {
			s.addArc(h, k, s.label[k])
		}
	}
}

// apply performs transition class c with nLabels labels.
func (s *state) apply(c int, nLabels int) {
	switch {
	case c == shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case c == reduce:
		s.stack = s.stack[:len(s.stack)-1]
	case c < 2+nLabels:
		s0 := s.s0()
		if h := s.head[s0]; h >= 0 { // non-monotonic: replace the arc
			if h == 0 {
				s.hasRoot = false
			}
			s.removeArc(h, s0)
		}
		s.addArc(s.b, s0, int16(c-2))
		s.stack = s.stack[:len(s.stack)-1]
	case c < 2+2*nLabels:
		s0 := s.s0()
		if s0 == 0 {
			s.hasRoot = true
		}
		s.addArc(s0, s.b, int16(c-2-nLabels))
		s.stack = append(s.stack, s.b)
		s.b++
	default:
		s.addArc(s.s1(), s.s0(), int16(c-2-2*nLabels))
		s.stack = s.stack[:len(s.stack)-1]
	}
}

// Feature template numbers.
const (
	tS0wp = iota + 1
	tS0w
	tS0p
	tN0wp
	tN0w
	tN0p
	tN1wp
	tN1w
	tN1p
	tN2wp
	tN2w
	tN2p
	tS0wpN0wp
	tS0wpN0w
	tS0wN0wp
	tS0wpN0p
	tS0pN0wp
	tS0wN0w
	tS0pN0p
	tN0pN1p
	tN0pN1pN2p
	tS0pN0pN1p
	tS0hpS0pN0p
	tS0pS0lpN0p
	tS0pS0rpN0p
	tS0pN0pN0lp
	tS0wD
	tS0pD
	tN0wD
	tN0pD
	tS0wN0wD
	tS0pN0pD
	tS0wVr
	tS0pVr
	tS0wVl
	tS0pVl
	tN0wVl
	tN0pVl
	tS0hw
	tS0hp
	tS0l
	tS0lw
	tS0lp
	tS0ll
	tS0rw
	tS0rp
	tS0rl
	tN0lw
	tN0lp
	tN0ll
	tS0h2w
	tS0h2p
	tS0hl
	tS0l2w
	tS0l2p
	tS0l2l
	tS0r2w
	tS0r2p
	tS0r2l
	tN0l2w
	tN0l2p
	tN0l2l
	tS0pS0lpS0l2p
	tS0pS0rpS0r2p
	tS0pS0hpS0h2p
	tN0pN0lpN0l2p
	tS0wSr
	tS0pSr
	tS0wSl
	tS0pSl
	tN0wSl
	tN0pSl
	tS1p
	tS1w
	tS1pS0pN0p
	tS0uN0u
	tS0uN0uN1u
	tN0wN1w
	tS0wN0pN1p
	tS0lN0p
	tS0c
	tN0c
	tN1c
	tS0cN0c
	tS0cN0p
	tS0pN0c
	tS0wN0c
	tS0cN0w
	tS0ccN0ccN1cc
	tS0hcS0cN0c
	tS0rcN0c
	tN0lcN0c
	tS0a
	tN0a
	tN1a
	tS0aN0a
	tS0pN0a
	tS0aN0p
	tBias
)

// features computes the feature keys of the current configuration.
func (s *state) features() []uint64 {
	n := int32(s.n)
	wOf := func(i int32) uint64 {
		if i < 0 {
			return hNone
		}
		return s.w[i]
	}
	pOf := func(i int32) uint64 {
		if i < 0 {
			return hNone
		}
		return s.p[i]
	}
	cOf := func(i int32) uint64 {
		if i < 0 {
			return hNone
		}
		return s.cf[i]
	}
	ccOf := func(i int32) uint64 {
		if i < 0 {
			return hNone
		}
		return s.cc[i]
	}
	aOf := func(i int32) uint64 {
		if i < 0 {
			return hNone
		}
		return s.amb[i]
	}
	lOf := func(i int32) uint64 {
		if i <= 0 {
			return 1000
		}
		return uint64(s.label[i])
	}
	child := func(c []int32, i int32) int32 {
		if i < 0 {
			return -1
		}
		if v := c[i]; v > 0 {
			return v
		}
		return -1
	}
	s0 := s.s0()
	s1 := int32(-1)
	if len(s.stack) > 1 {
		s1 = s.stack[len(s.stack)-2]
	}
	n0, n1, n2 := int32(-1), int32(-1), int32(-1)
	if s.b <= n {
		n0 = s.b
	}
	if s.b+1 <= n {
		n1 = s.b + 1
	}
	if s.b+2 <= n {
		n2 = s.b + 2
	}
	s0h, s0h2 := int32(-1), int32(-1)
	if s0 > 0 && s.head[s0] >= 0 {
		s0h = s.head[s0]
		if s0h > 0 && s.head[s0h] >= 0 {
			s0h2 = s.head[s0h]
		}
	}
	s0l, s0l2 := child(s.lc1, s0), child(s.lc2, s0)
	s0r, s0r2 := child(s.rc1, s0), child(s.rc2, s0)
	n0l, n0l2 := int32(-1), int32(-1)
	if n0 > 0 {
		n0l, n0l2 = child(s.lc1, n0), child(s.lc2, n0)
	}
	s0w, s0p := wOf(s0), pOf(s0)
	n0w, n0p := wOf(n0), pOf(n0)
	n1w, n1p := wOf(n1), pOf(n1)
	n2w, n2p := wOf(n2), pOf(n2)
	s0wp := percep.Mix(s0w, s0p)
	n0wp := percep.Mix(n0w, n0p)
	d := uint64(0)
	if n0 > 0 {
		d = uint64(n0 - s0)
		if d > 5 {
			switch {
			case d <= 7:
				d = 6
			case d <= 10:
				d = 7
			default:
				d = 8
			}
		}
	}
	var vl, vr, n0vl uint64
	var sl, sr, n0sl uint64
	vl, vr = uint64(s.nl[s0]), uint64(s.nr[s0])
	sl = percep.Mix(s.lset[s0][0], s.lset[s0][1])
	sr = percep.Mix(s.rset[s0][0], s.rset[s0][1])
	if n0 > 0 {
		n0vl = uint64(s.nl[n0])
		n0sl = percep.Mix(s.lset[n0][0], s.lset[n0][1])
	}
	s0u, n0u, n1u := uint64(0), uint64(0), uint64(0)
	if s0 >= 0 {
		s0u = s.u[s0]
	}
	if n0 > 0 {
		n0u = s.u[n0]
	}
	if n1 > 0 {
		n1u = s.u[n1]
	}
	F1, F2, F3 := percep.F1, percep.F2, percep.F3
	f := s.feats[:0]
	f = append(f,
		F1(tBias, 0),
		F1(tS0wp, s0wp), F1(tS0w, s0w), F1(tS0p, s0p),
		F1(tN0wp, n0wp), F1(tN0w, n0w), F1(tN0p, n0p),
		F1(tN1wp, percep.Mix(n1w, n1p)), F1(tN1w, n1w), F1(tN1p, n1p),
		F1(tN2wp, percep.Mix(n2w, n2p)), F1(tN2w, n2w), F1(tN2p, n2p),
		F2(tS0wpN0wp, s0wp, n0wp), F2(tS0wpN0w, s0wp, n0w), F2(tS0wN0wp, s0w, n0wp),
		F2(tS0wpN0p, s0wp, n0p), F2(tS0pN0wp, s0p, n0wp), F2(tS0wN0w, s0w, n0w),
		F2(tS0pN0p, s0p, n0p), F2(tN0pN1p, n0p, n1p),
		F3(tN0pN1pN2p, n0p, n1p, n2p), F3(tS0pN0pN1p, s0p, n0p, n1p),
		F3(tS0hpS0pN0p, pOf(s0h), s0p, n0p), F3(tS0pS0lpN0p, s0p, pOf(s0l), n0p),
		F3(tS0pS0rpN0p, s0p, pOf(s0r), n0p), F3(tS0pN0pN0lp, s0p, n0p, pOf(n0l)),
		F2(tS0wD, s0w, d), F2(tS0pD, s0p, d), F2(tN0wD, n0w, d), F2(tN0pD, n0p, d),
		F3(tS0wN0wD, s0w, n0w, d), F3(tS0pN0pD, s0p, n0p, d),
		F2(tS0wVr, s0w, vr), F2(tS0pVr, s0p, vr), F2(tS0wVl, s0w, vl), F2(tS0pVl, s0p, vl),
		F2(tN0wVl, n0w, n0vl), F2(tN0pVl, n0p, n0vl),
		F1(tS0hw, wOf(s0h)), F1(tS0hp, pOf(s0h)), F1(tS0l, lOf(s0)),
		F1(tS0lw, wOf(s0l)), F1(tS0lp, pOf(s0l)), F1(tS0ll, lOf(s0l)),
		F1(tS0rw, wOf(s0r)), F1(tS0rp, pOf(s0r)), F1(tS0rl, lOf(s0r)),
		F1(tN0lw, wOf(n0l)), F1(tN0lp, pOf(n0l)), F1(tN0ll, lOf(n0l)),
		F1(tS0h2w, wOf(s0h2)), F1(tS0h2p, pOf(s0h2)), F1(tS0hl, lOf(s0h)),
		F1(tS0l2w, wOf(s0l2)), F1(tS0l2p, pOf(s0l2)), F1(tS0l2l, lOf(s0l2)),
		F1(tS0r2w, wOf(s0r2)), F1(tS0r2p, pOf(s0r2)), F1(tS0r2l, lOf(s0r2)),
		F1(tN0l2w, wOf(n0l2)), F1(tN0l2p, pOf(n0l2)), F1(tN0l2l, lOf(n0l2)),
		F3(tS0pS0lpS0l2p, s0p, pOf(s0l), pOf(s0l2)), F3(tS0pS0rpS0r2p, s0p, pOf(s0r), pOf(s0r2)),
		F3(tS0pS0hpS0h2p, s0p, pOf(s0h), pOf(s0h2)), F3(tN0pN0lpN0l2p, n0p, pOf(n0l), pOf(n0l2)),
		F2(tS0wSr, s0w, sr), F2(tS0pSr, s0p, sr), F2(tS0wSl, s0w, sl), F2(tS0pSl, s0p, sl),
		F2(tN0wSl, n0w, n0sl), F2(tN0pSl, n0p, n0sl),
		F1(tS1p, pOf(s1)), F1(tS1w, wOf(s1)), F3(tS1pS0pN0p, pOf(s1), s0p, n0p),
		F2(tS0uN0u, s0u, n0u), F3(tS0uN0uN1u, s0u, n0u, n1u),
		F2(tN0wN1w, n0w, n1w), F3(tS0wN0pN1p, s0w, n0p, n1p),
		F2(tS0lN0p, lOf(s0), n0p),
		F1(tS0c, cOf(s0)), F1(tN0c, cOf(n0)), F1(tN1c, cOf(n1)),
		F2(tS0cN0c, cOf(s0), cOf(n0)), F2(tS0cN0p, cOf(s0), n0p), F2(tS0pN0c, s0p, cOf(n0)),
		F2(tS0wN0c, s0w, cOf(n0)), F2(tS0cN0w, cOf(s0), n0w),
		F3(tS0ccN0ccN1cc, ccOf(s0), ccOf(n0), ccOf(n1)),
		F3(tS0hcS0cN0c, ccOf(s0h), cOf(s0), cOf(n0)),
		F2(tS0rcN0c, cOf(s0r), cOf(n0)), F2(tN0lcN0c, cOf(n0l), cOf(n0)),
		F1(tS0a, aOf(s0)), F1(tN0a, aOf(n0)), F1(tN1a, aOf(n1)),
		F2(tS0aN0a, aOf(s0), aOf(n0)), F2(tS0pN0a, s0p, aOf(n0)), F2(tS0aN0p, aOf(s0), n0p),
	)
	s.feats = f
	return f
}
