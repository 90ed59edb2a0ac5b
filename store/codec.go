package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"unsafe"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/klauspost/compress/zstd"
)

// codecVersion is the first byte of an encoded layer blob: 7 has the
// tokens range-coded with context models primed by frozen priors (tokrc.go);
// 6 (still read) the non-token layers as a binary record (binlayers.go)
// with actors before entities (which refer to their mentions) and built-in
// tag bundles in the token section; 5 (still read) entities first; 4
// (still read) the same without built-in bundles; 3 (still read) JSON
// layers.
const (
	codecVersion = 7
	codecRC      = 7 // the first with range-coded tokens
	codecBundles = 5 // the first with built-in tag bundles
	codecBinary4 = 4
	codecJSON    = 3
)

// Codec encodes a document's annotation layers into a compact blob and back
// (format version 7): the tokens range-coded with context models that start
// from frozen priors and read the document text (tokrc.go), the other layers
// as a binary record (binlayers.go) range-coded with a static byte model
// (rclayers.go). It reads the blobs of versions 3 to 6 too, and compresses
// article texts (zstd with a dictionary of news text). A Codec is safe for
// concurrent use.
type Codec struct {
	enc, textEnc, layerEnc *zstd.Encoder
	dec, textDec           *zstd.Decoder
	static                 map[string]uint64
	bundles                map[bundle]uint64 // staticBundles by content
	bundleList             []bundle          // staticBundles with string indexes
	priors                 *tokPriors        // of the token models (version 7)
	noHits                 bool              // see tokCoder (to count priors)
	states                 sync.Pool         // of *tokState
}

// NewCodec makes a Codec.
func NewCodec() (*Codec, error) {
	priors, err := sharedTokPriors()
	if err != nil {
		return nil, err
	}
	return newCodecWith(priors)
}

// newCodecWith makes a Codec with the given token priors.
func newCodecWith(priors *tokPriors) (*Codec, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1),
		zstd.WithEncoderDictRaw(zstdDictID, []byte(zstdDict)))
	if err != nil {
		return nil, fmt.Errorf("store: zstd encoder: %w", err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(1<<30),
		zstd.WithDecoderDictRaw(zstdDictID, []byte(zstdDict)))
	if err != nil {
		return nil, fmt.Errorf("store: zstd decoder: %w", err)
	}
	// Texts and layers: with dictionaries (the best level would save
	// another 0.03× of the text for four times the time); the decoder also
	// reads frames made without one (stores written before schema v3).
	textEnc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1),
		zstd.WithEncoderDict(textDict))
	if err != nil {
		return nil, fmt.Errorf("store: zstd encoder: %w", err)
	}
	layerEnc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1),
		zstd.WithEncoderDict(layerDict))
	if err != nil {
		return nil, fmt.Errorf("store: zstd encoder: %w", err)
	}
	textDec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(1<<30),
		zstd.WithDecoderDicts(textDict, layerDict))
	if err != nil {
		return nil, fmt.Errorf("store: zstd decoder: %w", err)
	}
	static := make(map[string]uint64, len(staticStrings))
	for i, s := range staticStrings {
		if _, dup := static[s]; !dup {
			static[s] = uint64(i)
		}
	}
	c := &Codec{enc: enc, dec: dec, textEnc: textEnc, layerEnc: layerEnc, textDec: textDec, static: static,
		bundleList: staticBundleList(static), bundles: map[bundle]uint64{}, priors: priors}
	for i, b := range c.bundleList {
		if _, dup := c.bundles[b]; !dup {
			c.bundles[b] = uint64(i)
		}
	}
	return c, nil
}

// CompressText compresses an article text for storage.
func (c *Codec) CompressText(text string) []byte {
	return c.textEnc.EncodeAll([]byte(text), make([]byte, 0, len(text)/2+16))
}

// DecompressText reverses CompressText.
func (c *Codec) DecompressText(b []byte) (string, error) {
	// The frame header carries the text size, so DecodeAll allocates the
	// output once; the string shares it (nothing else refers to it).
	out, err := c.textDec.DecodeAll(b, nil)
	if err != nil {
		return "", fmt.Errorf("store: text: %w", err)
	}
	if len(out) == 0 {
		return "", nil
	}
	return unsafe.String(unsafe.SliceData(out), len(out)), nil
}

// layersJSON is the JSON part of a blob.
type layersJSON struct {
	Done      doc.Layer    `json:"done"`
	Sentences [][5]int     `json:"s,omitempty"` // start, end, first token, end token, paragraph
	Entities  []doc.Entity `json:"ent,omitempty"`
	Actors    []doc.Actor  `json:"act,omitempty"`
	Timexes   []doc.Timex  `json:"tmx,omitempty"`
	Quotes    []doc.Quote  `json:"quo,omitempty"`
	Events    []doc.Event  `json:"evt,omitempty"`
}

// Encode returns the layers of d as a blob (nil when d has no layers).
func (c *Codec) Encode(d *doc.Document) ([]byte, error) {
	if d.Done == 0 && len(d.Sentences) == 0 && len(d.Tokens) == 0 && len(d.Entities) == 0 &&
		len(d.Actors) == 0 && len(d.Timexes) == 0 && len(d.Quotes) == 0 && len(d.Events) == 0 {
		return nil, nil
	}
	// version, zstd(layers) length, zstd(layers), token section
	// (entropy-coded on its own: zstd does poorly on short numeric columns).
	sentIn := len(d.Tokens) > 0 && rcUsable(d) && sentencesInTokens(d)
	raw := appendBinLayers7(nil, d, sentIn, c.priors.vocabIndex)
	z := c.appendLayersRC(make([]byte, 0, len(raw)/2+16), raw, nil)
	out := make([]byte, 1, 1+binary.MaxVarintLen64+len(z)+len(d.Tokens)+64)
	out[0] = codecVersion
	out = binary.AppendUvarint(out, uint64(len(z)))
	out = append(out, z...)
	return c.appendTokensRC(out, d, nil, sentIn), nil
}

// Decode fills the layers of d (whose Text must be set) from a blob made by
// Encode. A nil blob leaves d without layers.
func (c *Codec) Decode(blob []byte, d *doc.Document) error {
	if len(blob) == 0 {
		return nil
	}
	if blob[0] < codecJSON || blob[0] > codecVersion {
		return fmt.Errorf("store: layers of %q: unknown encoding version %d", d.ID, blob[0])
	}
	n, k := binary.Uvarint(blob[1:])
	if k <= 0 || uint64(len(blob)-1-k) < n {
		return fmt.Errorf("store: layers of %q: %w", d.ID, errCorrupt)
	}
	rest := blob[1+k:]
	if blob[0] >= codecRC {
		raw, err := c.layerPart(rest[:n])
		if err != nil {
			return fmt.Errorf("store: layers of %q: %w", d.ID, err)
		}
		// The tokens come between the sentences and the other layers,
		// whose spans refer to them.
		err = readBinLayers7(raw, d, c.priors.vocab, func(sentIn bool) error {
			toks, err := c.readTokenSection(rest[n:], d, int(blob[0]), sentIn)
			if err != nil {
				return fmt.Errorf("tokens: %w", err)
			}
			d.Tokens = toks
			return nil
		})
		if err != nil {
			return fmt.Errorf("store: layers of %q: %w", d.ID, err)
		}
		return nil
	}
	if blob[0] != codecJSON {
		raw, err := c.textDec.DecodeAll(rest[:n], nil)
		if err != nil {
			return fmt.Errorf("store: layers of %q: %w", d.ID, err)
		}
		if err := readBinLayers(raw, d, int(blob[0])); err != nil {
			return fmt.Errorf("store: layers of %q: %w", d.ID, err)
		}
	} else if err := c.decodeJSON(rest[:n], d); err != nil {
		return err
	}
	toks, err := c.readTokenSection(rest[n:], d, int(blob[0]), false)
	if err != nil {
		return fmt.Errorf("store: tokens of %q: %w", d.ID, err)
	}
	d.Tokens = toks
	return nil
}

// readTokenSection reads the token section of a blob of the given version;
// sentIn says that it codes the sentences (version 7), which it then sets.
func (c *Codec) readTokenSection(b []byte, d *doc.Document, version int, sentIn bool) ([]doc.Token, error) {
	if version >= codecRC {
		if len(b) == 0 {
			return nil, errCorrupt
		}
		switch {
		case b[0] == tokLegacy && !sentIn:
			b = b[1:]
		case b[0] == tokRC:
			return c.readTokensRC(b[1:], d, sentIn)
		default:
			return nil, errCorrupt
		}
	}
	var statics []bundle
	if version >= codecBundles {
		statics = c.bundleList
	}
	return readTokens(b, d.Text, statics)
}

// decodeJSON reads the JSON layers of a version-3 blob.
func (c *Codec) decodeJSON(z []byte, d *doc.Document) error {
	js, err := c.dec.DecodeAll(z, nil)
	if err != nil {
		return fmt.Errorf("store: layers of %q: %w", d.ID, err)
	}
	var l layersJSON
	if err := json.Unmarshal(js, &l); err != nil {
		return fmt.Errorf("store: layers of %q: %w", d.ID, err)
	}
	restoreTexts(&l, d.Text)
	d.Done = l.Done
	d.Entities, d.Actors, d.Timexes, d.Quotes, d.Events = l.Entities, l.Actors, l.Timexes, l.Quotes, l.Events
	d.Sentences = nil
	if len(l.Sentences) > 0 {
		d.Sentences = make([]doc.Sentence, len(l.Sentences))
		for i, s := range l.Sentences {
			d.Sentences[i] = doc.Sentence{Start: s[0], End: s[1], FirstToken: s[2], EndToken: s[3], Paragraph: s[4]}
		}
	}
	return nil
}

var errCorrupt = errors.New("corrupt layer blob")
