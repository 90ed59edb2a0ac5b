package doc

// UPOS is a Universal Dependencies part-of-speech tag.
type UPOS uint8

// The 17 UD part-of-speech tags; NoPOS means untagged.
const (
	NoPOS UPOS = iota
	ADJ
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
	NumUPOS // number of values, for table sizes
)

var uposNames = [NumUPOS]string{"_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// String returns the tag's UD name ("NOUN"), or "_" for NoPOS.
func (u UPOS) String() string {
	if u < NumUPOS {
		return uposNames[u]
	}
	return "_"
}

// ParseUPOS returns the tag named s, or NoPOS.
func ParseUPOS(s string) UPOS {
	for i, n := range uposNames {
		if n == s {
			return UPOS(i)
		}
	}
	return NoPOS
}

// MarshalText implements encoding.TextMarshaler.
func (u UPOS) MarshalText() ([]byte, error) { return []byte(u.String()), nil }
