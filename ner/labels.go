package ner

// Entity types, in label order.
var types = [...]string{"PER", "ORG", "LOC", "MISC"}

const (
	nTypes  = len(types)
	nLabels = 1 + 4*nTypes // O, then B/I/L/U for each type
	labelO  = 0
	// startState is the row of the transition table used before the first token.
	startState = nLabels
)

// BILOU positions within a type block.
const (
	posB = iota
	posI
	posL
	posU
)

// label returns the BILOU label index of type t at position p.
func label(t, p int) int { return 1 + 4*t + p }

// labelType returns the type index of label l, or -1 for O.
func labelType(l int) int {
	if l == labelO {
		return -1
	}
	return (l - 1) / 4
}

// labelPos returns the BILOU position of label l (meaningless for O).
func labelPos(l int) int { return (l - 1) % 4 }

// typeIndex returns the index of an entity type name, or -1.
func typeIndex(s string) int {
	for i, t := range types {
		if t == s {
			return i
		}
	}
	return -1
}

// validTrans[p][c] reports whether label c may follow label p (p may be
// startState).
var validTrans = func() (v [nLabels + 1][nLabels]bool) {
	for p := 0; p <= nLabels; p++ {
		for c := 0; c < nLabels; c++ {
			open := p != startState && p != labelO && (labelPos(p) == posB || labelPos(p) == posI)
			if open {
				v[p][c] = c != labelO && labelType(c) == labelType(p) && (labelPos(c) == posI || labelPos(c) == posL)
			} else {
				v[p][c] = c == labelO || labelPos(c) == posB || labelPos(c) == posU
			}
		}
	}
	return v
}()

// validEnd[l] reports whether a sentence may end on label l.
var validEnd = func() (v [nLabels]bool) {
	for l := 0; l < nLabels; l++ {
		v[l] = l == labelO || labelPos(l) == posL || labelPos(l) == posU
	}
	return v
}()

// span is an entity span over tokens [Start, End) of a sentence.
type span struct {
	Start, End int
	Type       int
}

// spansToBILOU writes the BILOU labels of spans over n tokens into out.
func spansToBILOU(spans []span, out []uint8) {
	for i := range out {
		out[i] = labelO
	}
	for _, s := range spans {
		if s.End-s.Start == 1 {
			out[s.Start] = uint8(label(s.Type, posU))
			continue
		}
		for i := s.Start; i < s.End; i++ {
			p := posI
			switch i {
			case s.Start:
				p = posB
			case s.End - 1:
				p = posL
			}
			out[i] = uint8(label(s.Type, p))
		}
	}
}

// bilouToSpans decodes a well-formed BILOU sequence into spans, appending
// to dst. Ill-formed pieces are repaired leniently.
func bilouToSpans(labels []uint8, dst []span) []span {
	start, typ := -1, -1
	for i, l8 := range labels {
		l := int(l8)
		if l == labelO {
			if start >= 0 {
				dst = append(dst, span{start, i, typ})
				start = -1
			}
			continue
		}
		t, p := labelType(l), labelPos(l)
		if start >= 0 && (t != typ || p == posB || p == posU) {
			dst = append(dst, span{start, i, typ})
			start = -1
		}
		if start < 0 {
			start, typ = i, t
		}
		if p == posL || p == posU {
			dst = append(dst, span{start, i + 1, typ})
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, span{start, len(labels), typ})
	}
	return dst
}

// spansToIOB2 writes IOB2 strings for spans over n tokens.
func spansToIOB2(spans []span, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "O"
	}
	for _, s := range spans {
		for i := s.Start; i < s.End; i++ {
			if i == s.Start {
				out[i] = "B-" + types[s.Type]
			} else {
				out[i] = "I-" + types[s.Type]
			}
		}
	}
	return out
}

// validPrev[c] lists the labels that label c may follow.
var validPrev = func() (v [nLabels][]uint8) {
	for c := 0; c < nLabels; c++ {
		for p := 0; p < nLabels; p++ {
			if validTrans[p][c] {
				v[c] = append(v[c], uint8(p))
			}
		}
	}
	return v
}()
