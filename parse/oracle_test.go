package parse

import (
	"math/rand/v2"
	"testing"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
)

// projective reports whether the gold tree (heads, 0 = ROOT) has no
// crossing arcs.
func projective(gh []int32) bool {
	for d := 1; d < len(gh); d++ {
		lo, hi := min(int32(d), gh[d]), max(int32(d), gh[d])
		for k := lo + 1; k < hi; k++ {
			for h := gh[k]; h != 0 && h != lo && h != hi; h = gh[h] {
				if h < lo || h > hi {
					return false
				}
			}
			if gh[k] < lo || gh[k] > hi {
				if gh[k] != lo && gh[k] != hi {
					return false
				}
			}
		}
	}
	return true
}

// TestOracle follows the dynamic oracle on EWT sentences: from the start,
// zero-cost transitions (chosen at random among the zero-cost ones) must
// rebuild a projective gold tree exactly, in both transition systems; and
// after random mistakes, the cost of the best transition must never be
// negative and following zero-cost transitions must lose no further arc.
func TestOracle(t *testing.T) {
	dir := shared.TestPath(t, "data", "ud-english-ewt")
	sents, err := conllu.LoadSplit(dir, "dev")
	if err != nil {
		t.Fatal(err)
	}
	sents = sents[:400]
	labels := map[string]int16{"root": 0}
	for _, s := range sents {
		for _, w := range s.Words {
			if _, ok := labels[w.Deprel]; !ok {
				labels[w.Deprel] = int16(len(labels))
			}
		}
	}
	L := len(labels)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, nonmono := range []bool{false, true} {
		nProj, nMistakes := 0, 0
		for _, s := range sents {
			n := len(s.Words)
			var o oracle
			o.gh = make([]int32, n+1)
			o.gl = make([]int16, n+1)
			o.inStack = make([]bool, n+1)
			o.gh[0], o.gl[0] = -1, -1
			for i, w := range s.Words {
				o.gh[i+1], o.gl[i+1] = int32(w.Head), labels[w.Deprel]
			}
			if !projective(o.gh) {
				continue
			}
			nProj++
			for _, mistakes := range []bool{false, true} {
				var st state
				st.nonmono = nonmono
				st.init(n)
				valid := make([]bool, 2+3*L)
				costs := make([]int, 2+3*L)
				lost := 0 // arcs lost by the mistakes made
				for !st.terminal() {
					o.transitions(&st, L, 0, valid, costs)
					var zero, any []int
					minCost := 1 << 30
					for c, v := range valid {
						if v {
							any = append(any, c)
							minCost = min(minCost, costs[c])
						}
					}
					if len(any) == 0 {
						t.Fatalf("nonmono=%v: no valid transition in a non-terminal state", nonmono)
					}
					if minCost != 0 && lost == 0 {
						t.Fatalf("nonmono=%v mistakes=%v: best transition costs %d in %q (stack %v, b %d, heads %v, gold %v)", nonmono, mistakes, minCost, s.Text(), st.stack, st.b, st.head, o.gh)
					}
					for _, c := range any {
						if costs[c] == minCost {
							zero = append(zero, c)
						}
					}
					c := zero[rng.IntN(len(zero))]
					if mistakes && rng.IntN(8) == 0 {
						c = any[rng.IntN(len(any))]
						lost += costs[c] - minCost
						nMistakes++
					}
					st.apply(c, L)
				}
				wrong := 0
				for d := 1; d <= n; d++ {
					h := st.head[d]
					if h < 0 && len(st.stack) == 2 && st.stack[1] == int32(d) {
						h = 0 // the headless word left on the stack becomes the root
						if o.gl[d] != 0 {
							wrong++
							continue
						}
					}
					if h != o.gh[d] || (h != 0 && st.label[d] != o.gl[d]) {
						wrong++
					}
				}
				if !mistakes && wrong != 0 {
					t.Fatalf("nonmono=%v: zero-cost path gets %d of %d words wrong in %q", nonmono, wrong, n, s.Text())
				}
				if mistakes && nonmono && wrong > lost {
					t.Errorf("nonmono=%v: %d words wrong after mistakes costing %d in %q", nonmono, wrong, lost, s.Text())
				}
			}
		}
		if nProj < 200 || nMistakes < 100 {
			t.Fatalf("only %d projective sentences, %d mistakes", nProj, nMistakes)
		}
	}
}

// TestRemoveArc checks that undoing an arc (the non-monotonic LEFT-ARC
// replacing a head) leaves the head's child records as if the arc had
// never been made.
func TestRemoveArc(t *testing.T) {
	tests := []struct {
		name   string
		h      int32
		arcs   [][2]int32 // (dependent, label), added in order
		remove int32
	}{
		{"last right child", 1, [][2]int32{{2, 3}, {4, 5}, {6, 7}}, 6},
		{"middle right child", 1, [][2]int32{{2, 3}, {4, 5}, {6, 7}}, 4},
		{"only right child", 2, [][2]int32{{5, 70}}, 5},
		{"left child", 6, [][2]int32{{5, 1}, {3, 2}, {1, 66}}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got, want state
			got.init(8)
			want.init(8)
			for _, a := range tc.arcs {
				got.addArc(tc.h, a[0], int16(a[1]))
				if a[0] != tc.remove {
					want.addArc(tc.h, a[0], int16(a[1]))
				}
			}
			got.removeArc(tc.h, tc.remove)
			h := tc.h
			if got.head[tc.remove] != -1 || got.label[tc.remove] != -1 {
				t.Errorf("removed word keeps head %d label %d", got.head[tc.remove], got.label[tc.remove])
			}
			if got.lc1[h] != want.lc1[h] || got.lc2[h] != want.lc2[h] || got.rc1[h] != want.rc1[h] || got.rc2[h] != want.rc2[h] {
				t.Errorf("children l %d %d r %d %d, want l %d %d r %d %d", got.lc1[h], got.lc2[h], got.rc1[h], got.rc2[h],
					want.lc1[h], want.lc2[h], want.rc1[h], want.rc2[h])
			}
			if got.nl[h] != want.nl[h] || got.nr[h] != want.nr[h] || got.lset[h] != want.lset[h] || got.rset[h] != want.rset[h] {
				t.Errorf("counts %d %d sets %v %v, want %d %d %v %v", got.nl[h], got.nr[h], got.lset[h], got.rset[h],
					want.nl[h], want.nr[h], want.lset[h], want.rset[h])
			}
		})
	}
}
