package ner

// featTable is an open-addressing hash table from feature hashes to weight
// rows, with keys and rows side by side so a lookup touches one cache line.
// Key 0 marks an empty slot (feature hash 0 is never stored).
type featTable struct {
	mask  uint64
	slots []featSlot
	n     int
}

type featSlot struct {
	key uint64
	row int32
}

func newFeatTable(n int) *featTable {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return &featTable{mask: uint64(size - 1), slots: make([]featSlot, size)}
}

// mixHash spreads the key's bits for the slot index.
func mixHash(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

func (t *featTable) put(k uint64, row int32) {
	if k == 0 {
		return
	}
	for i := mixHash(k) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == 0 {
			s.key, s.row = k, row
			t.n++
			return
		}
		if s.key == k {
			s.row = row
			return
		}
	}
}

func (t *featTable) get(k uint64) (int32, bool) {
	for i := mixHash(k) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == k {
			return s.row, k != 0
		}
		if s.key == 0 {
			return 0, false
		}
	}
}
