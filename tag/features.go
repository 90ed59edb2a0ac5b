package tag

import (
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/tag/percep"
)

// tokInfo holds the hashed views of one token used by the features.
type tokInfo struct {
	form, lower, shape uint64
	suf                [5]uint64 // suffixes of length 1..5 (lowercase)
	pre                [3]uint64 // prefixes of length 1..3 (lowercase)
	flags              uint64
	cc, cf             uint64 // coarse and fine cluster
	glue               uint64 // 1 + 2·(glued to the previous word) + (glued to the next)
}

// Hash values for the padding before and after the sentence.
var (
	hBOS = percep.String("<s>")
	hEOS = percep.String("</s>")
)

const (
	flagDigit = 1 << iota
	flagUpper
	flagAllUpper
	flagHyphen
	flagFirst
	flagLong
	flagPunct
	flagNonASCII
)

// workspace is the per-call scratch memory of the tagger (pooled).
type workspace struct {
	info  []tokInfo
	tags  []int
	feats []uint64
	lower []byte
	key   []byte
	scI   []int32
	scF   []float32
	clus  *Clusters
	first []int // first-pass tags, for the second pass
	// spacing adds the templates of the words' glue to their neighbours
	spacing bool
}

// lowerInto appends the lowercase form of s to buf.
func lowerInto(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			return buf
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// shapeHash hashes the word shape: character classes with runs collapsed
// after two ("Xxxx", "dd.dd", "XX-dd").
func shapeHash(s string) uint64 {
	h := uint64(1469598103934665603)
	var last rune = -1
	run := 0
	n := 0
	for _, r := range s {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = r
		default:
			c = 'u'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		h = percep.Mix(h, uint64(c))
		n++
		if n > 12 {
			break
		}
	}
	return h
}

// analyse fills the token views for forms; glued[i] tells that word i
// is followed by word i+1 without a space (nil: spaced).
func (ws *workspace) analyse(forms []string, glued []bool) {
	if cap(ws.info) < len(forms) {
		ws.info = make([]tokInfo, len(forms), len(forms)+len(forms)/2)
	}
	ws.info = ws.info[:len(forms)]
	for i, f := range forms {
		ti := &ws.info[i]
		ws.lower = lowerInto(ws.lower[:0], f)
		lw := ws.lower
		ti.form = percep.String(f)
		ti.lower = percep.Bytes(lw)
		ti.shape = shapeHash(f)
		ti.cc, ti.cf, ws.key = clusterHashes(ws.clus, ws.key, f)
		for k := 1; k <= 5; k++ {
			if k <= len(lw) {
				ti.suf[k-1] = percep.Bytes(lw[len(lw)-k:])
			} else {
				ti.suf[k-1] = hBOS
			}
		}
		for k := 1; k <= 3; k++ {
			if k <= len(lw) {
				ti.pre[k-1] = percep.Bytes(lw[:k])
			} else {
				ti.pre[k-1] = hBOS
			}
		}
		var fl uint64
		upper, letters := 0, 0
		for _, r := range f {
			switch {
			case r >= '0' && r <= '9':
				fl |= flagDigit
			case r == '-':
				fl |= flagHyphen
			case r >= utf8.RuneSelf:
				fl |= flagNonASCII
			}
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			} else if unicode.IsPunct(r) {
				fl |= flagPunct
			}
		}
		if upper > 0 {
			fl |= flagUpper
			if upper == letters && letters > 1 {
				fl |= flagAllUpper
			}
		}
		if i == 0 {
			fl |= flagFirst
		}
		if len(f) > 12 {
			fl |= flagLong
		}
		ti.flags = fl
		ti.glue = 1
		if i > 0 && i-1 < len(glued) && glued[i-1] {
			ti.glue += 2
		}
		if i < len(glued) && glued[i] && i+1 < len(forms) {
			ti.glue++
		}
	}
}

// features appends the features of position i given the tags already
// predicted to its left.
func (ws *workspace) features(i int) []uint64 {
	info := ws.info
	f := ws.feats[:0]
	t := &info[i]
	l1, l2, r1, r2 := hBOS, hBOS, hEOS, hEOS
	s1, s3l, s3r := hBOS, hBOS, hEOS
	sh1, shr := hBOS, hEOS
	if i > 0 {
		l1 = info[i-1].lower
		s3l = info[i-1].suf[2]
		s1 = info[i-1].suf[0]
		sh1 = info[i-1].shape
	}
	if i > 1 {
		l2 = info[i-2].lower
	}
	if i+1 < len(info) {
		r1 = info[i+1].lower
		s3r = info[i+1].suf[2]
		shr = info[i+1].shape
	}
	if i+2 < len(info) {
		r2 = info[i+2].lower
	}
	cl1, cr1, cr2 := hBOS, hEOS, hEOS
	if i > 0 {
		cl1 = info[i-1].cf
	}
	if i+1 < len(info) {
		cr1 = info[i+1].cf
	}
	if i+2 < len(info) {
		cr2 = info[i+2].cf
	}
	p1, p2 := uint64(1000), uint64(1000)
	if i > 0 {
		p1 = uint64(ws.tags[i-1])
	}
	if i > 1 {
		p2 = uint64(ws.tags[i-2])
	}
	f = append(f,
		percep.F1(1, 0),
		percep.F1(2, t.lower),
		percep.F1(3, t.form),
		percep.F1(4, t.suf[0]),
		percep.F1(5, t.suf[1]),
		percep.F1(6, t.suf[2]),
		percep.F1(7, t.suf[3]),
		percep.F1(8, t.suf[4]),
		percep.F1(9, t.pre[0]),
		percep.F1(10, t.pre[1]),
		percep.F1(11, t.pre[2]),
		percep.F1(12, t.shape),
		percep.F1(13, t.flags),
		percep.F1(14, p1),
		percep.F2(15, p2, p1),
		percep.F2(16, p1, t.lower),
		percep.F1(17, l1),
		percep.F1(18, s3l),
		percep.F1(19, l2),
		percep.F1(20, r1),
		percep.F1(21, s3r),
		percep.F1(22, r2),
		percep.F2(23, l1, t.lower),
		percep.F2(24, t.lower, r1),
		percep.F2(25, p1, r1),
		percep.F2(26, shr, sh1),
		percep.F2(27, r1, r2),
		percep.F2(28, p1, t.suf[2]),
		percep.F2(29, t.shape, shr),
		percep.F2(30, s1, t.suf[1]),
		percep.F3(31, l1, t.lower, r1),
		percep.F2(32, p1, t.shape),
		percep.F1(33, t.cc),
		percep.F1(34, t.cf),
		percep.F1(35, cl1),
		percep.F1(36, cr1),
		percep.F1(37, cr2),
		percep.F2(38, p1, t.cf),
		percep.F2(39, t.cf, cr1),
		percep.F2(40, t.cf, t.suf[1]),
	)
	if ws.spacing {
		f = append(f,
			percep.F1(48, t.glue),
			percep.F2(49, t.glue, t.lower),
			percep.F2(50, t.glue, t.shape),
		)
	}
	ws.feats = f
	return f
}

// features2 appends to the features of position i those of the second
// pass: the first pass's tags around i.
func (ws *workspace) features2(i int) []uint64 {
	f := ws.features(i)
	t := &ws.info[i]
	fp := ws.first
	c0, r1, r2, l1 := uint64(fp[i]), uint64(1001), uint64(1001), uint64(1000)
	if i+1 < len(fp) {
		r1 = uint64(fp[i+1])
	}
	if i+2 < len(fp) {
		r2 = uint64(fp[i+2])
	}
	if i > 0 {
		l1 = uint64(ws.tags[i-1])
	}
	f = append(f,
		percep.F1(41, c0),
		percep.F1(42, r1),
		percep.F2(43, r1, r2),
		percep.F2(44, l1, r1),
		percep.F2(45, r1, t.lower),
		percep.F2(46, c0, t.suf[2]),
		percep.F3(47, l1, c0, r1),
	)
	ws.feats = f
	return f
}
