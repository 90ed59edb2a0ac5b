package percep

import (
	"bytes"
	"testing"
)

// TestLearnsAndRoundTrips trains on a small separable problem: class =
// which of three "words" is present, with a distractor feature.
func TestLearnsAndRoundTrips(t *testing.T) {
	data := []struct {
		feats []uint64
		class int
	}{
		{[]uint64{F1(1, String("a")), F1(2, 7)}, 0},
		{[]uint64{F1(1, String("b")), F1(2, 7)}, 1},
		{[]uint64{F1(1, String("c")), F1(2, 8)}, 2},
		{[]uint64{F1(1, String("a")), F1(2, 8)}, 0},
		{[]uint64{F1(1, String("c")), F1(2, 7)}, 2},
	}
	tr := NewTrainer(3)
	scores := make([]float32, 3)
	for ep := 0; ep < 50; ep++ {
		for _, d := range data {
			tr.Score(d.feats, scores)
			// the strongest rival; ties count as errors so that the
			// learnt margins are strict
			best := -1
			for c := range scores {
				if c != d.class && (best < 0 || scores[c] > scores[best]) {
					best = c
				}
			}
			if scores[best] >= scores[d.class] {
				tr.Update(d.feats, d.class, 1)
				tr.Update(d.feats, best, -1)
			}
			tr.Tick()
		}
	}
	m := tr.Model(0)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, n, err := Read(buf.Bytes())
	if err != nil || n != buf.Len() {
		t.Fatalf("read: %v (%d of %d bytes)", err, n, buf.Len())
	}
	for _, mm := range []*Model{m, m2, m.Pruned(0.01)} {
		sc := make([]int32, 3)
		for i, d := range data {
			mm.Score(d.feats, sc)
			best := 0
			for c := range sc {
				if sc[c] > sc[best] {
					best = c
				}
			}
			if best != d.class {
				t.Errorf("example %d: class %d, want %d", i, best, d.class)
			}
		}
		// unknown features score zero and do not panic
		mm.Score([]uint64{1, 2, 3}, sc)
		if sc[0] != 0 || sc[1] != 0 || sc[2] != 0 {
			t.Errorf("unknown features scored %v", sc)
		}
	}
	for _, bad := range [][]byte{nil, []byte("CHAP1\n"), buf.Bytes()[:buf.Len()-3]} {
		if _, _, err := Read(bad); err == nil {
			t.Errorf("corrupt model of %d bytes accepted", len(bad))
		}
	}
}

func TestHashes(t *testing.T) {
	if String("abc") != Bytes([]byte("abc")) {
		t.Error("String and Bytes disagree")
	}
	if F1(1, 5) == F1(2, 5) || F2(1, 5, 6) == F2(1, 6, 5) || F3(1, 1, 2, 3) == F2(1, 1, 2) {
		t.Error("hash collisions between different templates or orders")
	}
}

func BenchmarkScore(b *testing.B) {
	tr := NewTrainer(100)
	feats := make([]uint64, 100)
	for i := range feats {
		feats[i] = F1(uint64(i), 1)
		tr.Update(feats[i:i+1], i%100, 1)
	}
	m := tr.Model(0)
	sc := make([]int32, 100)
	b.ReportAllocs()
	for b.Loop() {
		m.Score(feats, sc)
	}
}

// TestAverage checks that averaged weights score every feature set as the
// mean of the models' scores (up to rounding) and that bad inputs fail.
func TestAverage(t *testing.T) {
	a, b := NewTrainer(3), NewTrainer(3)
	fa, fb, fc := F1(1, 1), F1(1, 2), F1(1, 3)
	a.Update([]uint64{fa, fb}, 0, 2)
	a.Update([]uint64{fa}, 1, -1)
	b.Update([]uint64{fb, fc}, 2, 4)
	b.Update([]uint64{fa}, 1, 1)
	a.Tick()
	b.Tick()
	ma, mb := a.Model(0), b.Model(0)
	avg, err := Average([]*Model{ma, mb}, 0)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		feats []uint64
	}{
		{"shared feature", []uint64{fa}},
		{"feature of both", []uint64{fb}},
		{"feature of one", []uint64{fc}},
		{"all", []uint64{fa, fb, fc}},
		{"unknown", []uint64{F1(9, 9)}},
	}
	sa, sb, s := make([]int32, 3), make([]int32, 3), make([]int32, 3)
	for _, tc := range tests {
		ma.Score(tc.feats, sa)
		mb.Score(tc.feats, sb)
		avg.Score(tc.feats, s)
		for c := range s {
			want := (float64(sa[c])*float64(ma.Scale()) + float64(sb[c])*float64(mb.Scale())) / 2
			got := float64(s[c]) * float64(avg.Scale())
			if d := got - want; d > 1e-3 || d < -1e-3 {
				t.Errorf("%s: class %d scores %.4f, want the mean %.4f", tc.name, c, got, want)
			}
		}
	}
	// the weights of fa for class 1 cancel out: the row keeps class 0 only
	if avg.Weights() != 4 {
		t.Errorf("%d weights, want 4 (cancelled weights dropped)", avg.Weights())
	}
	if _, err := Average(nil, 0); err == nil {
		t.Error("averaging no models succeeded")
	}
	if _, err := Average([]*Model{ma, NewTrainer(4).Model(0)}, 0); err == nil {
		t.Error("averaging models with different classes succeeded")
	}
}
