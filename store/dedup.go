package store

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// ContentHash returns the identity of an article's text: the hex SHA-256
// (first 128 bits) of the text with runs of white space folded to one space
// and leading and trailing space removed, so that re-wrapped copies of the
// same text hash alike.
func ContentHash(text string) string {
	h := sha256.New()
	var buf [256]byte
	b := buf[:0]
	space := false
	started := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		started = true
		b = utf8.AppendRune(b, r)
		if len(b) > len(buf)-8 {
			h.Write(b)
			b = b[:0]
		}
	}
	h.Write(b)
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:16])
}

// MinShingleWords is the fewest words a text needs for near-duplicate
// detection; shorter texts are compared by exact hash only.
const MinShingleWords = 40

// NearDupSimilarity is the estimated Jaccard similarity of word 3-shingles
// from which an article counts as a copy of another (a syndicated copy with
// another headline, byline or a paragraph added or cut).
const NearDupSimilarity = 0.6

// MinHashSize is the number of hash functions in a MinHash signature.
const MinHashSize = 64

// MinHashBands is the number of LSH bands (of MinHashSize/MinHashBands rows
// each) under which signatures are indexed. With 16 bands of 4 rows, a pair
// with similarity 0.6 shares a band with probability 0.89, 0.7 with 0.99,
// and a pair at 0.3 only with 0.12 (and is then rejected on the signature).
const MinHashBands = 16

// MinHash is a MinHash signature of a text's word 3-shingles.
type MinHash [MinHashSize]uint32

func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// Signature returns the MinHash signature of the text's word 3-shingles
// (words are lower-cased runs of letters and digits) and the number of words.
func Signature(text string) (sig MinHash, words int) {
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	var w [3]uint64 // hashes of the last three words
	h := fnv.New64a()
	var lower [utf8.UTFMax]byte
	inWord := false
	flush := func() {
		w[0], w[1], w[2] = w[1], w[2], h.Sum64()
		h.Reset()
		words++
		if words < 3 {
			return
		}
		s := mix64(w[0] ^ bits.RotateLeft64(w[1], 21) ^ bits.RotateLeft64(w[2], 42))
		for i := range sig {
			v := uint32(mix64(s^(uint64(i)+1)*0x9E3779B97F4A7C15) >> 32)
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n := utf8.EncodeRune(lower[:], unicode.ToLower(r))
			h.Write(lower[:n])
			inWord = true
			continue
		}
		if inWord {
			flush()
			inWord = false
		}
	}
	if inWord {
		flush()
	}
	return sig, words
}

// Bands returns the signature's LSH band keys: band i hashes rows
// [i*r, (i+1)*r) together with i, so equal keys mean an equal band.
func (m *MinHash) Bands() [MinHashBands]int64 {
	const r = MinHashSize / MinHashBands
	var out [MinHashBands]int64
	for b := range out {
		x := uint64(b+1) * 0x9E3779B97F4A7C15
		for _, v := range m[b*r : (b+1)*r] {
			x = mix64(x ^ uint64(v))
		}
		out[b] = int64(x & 0xffffffff) // 32 bits: short index keys; candidates are verified
	}
	return out
}

// Sketch is the stored form of a signature: the low byte of each hash
// (b-bit MinHash, Li and König 2010), 64 bytes per article.
func (m *MinHash) Sketch() []byte {
	b := make([]byte, MinHashSize)
	for i, v := range m {
		b[i] = byte(v)
	}
	return b
}

// SketchSimilarity estimates the Jaccard similarity of two texts from their
// sketches, correcting for the chance (1/256) that unrelated bytes agree.
// It returns 0 for malformed sketches.
func SketchSimilarity(a, b []byte) float64 {
	if len(a) != MinHashSize || len(b) != MinHashSize {
		return 0
	}
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	const chance = 1.0 / 256
	j := (float64(n)/MinHashSize - chance) / (1 - chance)
	return max(j, 0)
}
