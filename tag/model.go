package tag

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"sync"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/tag/percep"
)

// Class is one tag the model predicts: a UPOS with a Penn XPOS.
type Class struct {
	UPOS doc.UPOS
	XPOS string
}

// Analysis is the tagger's output for one word. Its strings come from the
// model's tables (or the word itself) and are not copied per call.
type Analysis struct {
	UPOS  doc.UPOS
	XPOS  string
	Lemma string
	Feats string // UD features, "" if none
}

// Model is a trained tagger and lemmatizer. It is immutable and safe for
// concurrent use.
type Model struct {
	classes []Class
	pm      *percep.Model
	pm2     *percep.Model    // second pass, or nil
	dict    map[string]uint8 // frequent unambiguous forms → class
	lem     *lemmatizer
	feats   []string          // interned feature strings; feats[0] = ""
	featEx  map[string]uint32 // lowercase form + "\x00" + class → feats
	featDef []uint32          // per class
	clus    *Clusters
	// spacing: the model was trained with the spacing templates (files
	// CHTAG2); CHTAG1 models ignore spacing.
	spacing bool
	pool    sync.Pool
}

// Clusters returns the word clusters the model uses (nil if none).
func (m *Model) Clusters() *Clusters { return m.clus }

// Classes returns the model's tag classes.
func (m *Model) Classes() []Class { return m.classes }

func (m *Model) workspace() *workspace {
	if ws, ok := m.pool.Get().(*workspace); ok {
		return ws
	}
	return &workspace{scI: make([]int32, len(m.classes)), scF: make([]float32, len(m.classes)), clus: m.clus, spacing: m.spacing}
}

// Tag analyses one sentence: out[i] receives the analysis of forms[i].
// out must be at least as long as forms. It does not allocate once warm,
// except for lemmas never seen in training.
//
// Tag takes every word to be followed by a space; TagSpaced knows better.
func (m *Model) Tag(forms []string, out []Analysis) { m.TagSpaced(forms, nil, out) }

// TagSpaced is Tag for words whose spacing is known: glued[i] reports that
// word i is directly followed by word i+1, without white space ("then",
// "-", "U.S." in "then-U.S."; "U.S." before "'s"). A nil or short glued
// counts the missing words as followed by a space.
func (m *Model) TagSpaced(forms []string, glued []bool, out []Analysis) {
	ws := m.workspace()
	defer m.pool.Put(ws)
	m.tagClasses(ws, forms, glued)
	for i, f := range forms {
		c := ws.tags[i]
		cl := m.classes[c]
		out[i] = Analysis{UPOS: cl.UPOS, XPOS: cl.XPOS, Lemma: m.lem.lemma(ws, f, c), Feats: m.featsFor(ws, f, c)}
		if u := cl.UPOS; u == doc.VERB || u == doc.AUX || u == doc.NOUN {
			if l := m.lem.irregular(ws, f, c, u == doc.NOUN); l != "" {
				out[i].Lemma = l // "fought" is "fight", not the "fing" of "brought" → "bring"
			}
		}
	}
}

// tagClasses fills ws.tags with the class of each form.
func (m *Model) tagClasses(ws *workspace, forms []string, glued []bool) {
	ws.analyse(forms, glued)
	if cap(ws.tags) < len(forms) {
		ws.tags = make([]int, len(forms), len(forms)+len(forms)/2)
	}
	ws.tags = ws.tags[:len(forms)]
	m.pass(ws, forms, m.pm, false)
	if m.pm2 != nil {
		ws.first = append(ws.first[:0], ws.tags...)
		m.pass(ws, forms, m.pm2, true)
	}
}

func (m *Model) pass(ws *workspace, forms []string, pm *percep.Model, second bool) {
	for i, f := range forms {
		if c, ok := m.dict[f]; ok {
			ws.tags[i] = int(c)
			continue
		}
		var feats []uint64
		if second {
			feats = ws.features2(i)
		} else {
			feats = ws.features(i)
		}
		pm.Score(feats, ws.scI)
		b := 0
		for c := 1; c < len(m.classes); c++ {
			if ws.scI[c] > ws.scI[b] {
				b = c
			}
		}
		ws.tags[i] = b
	}
}

func (m *Model) featsFor(ws *workspace, form string, cls int) string {
	ws.lower = lowerInto(ws.lower[:0], form)
	ws.key = exactKey(ws.key[:0], string(ws.lower), cls)
	if f, ok := m.featEx[string(ws.key)]; ok {
		return m.feats[f]
	}
	return m.feats[m.featDef[cls]]
}

// --- serialisation ---

// Model file magics: version 2 adds the spacing templates (same layout).
const (
	modelMagic1 = "CHTAG1\n"
	modelMagic  = "CHTAG2\n"
)

type encoder struct {
	buf bytes.Buffer
	tmp [binary.MaxVarintLen64]byte
}

func (e *encoder) uv(v uint64) { e.buf.Write(e.tmp[:binary.PutUvarint(e.tmp[:], v)]) }
func (e *encoder) str(s string) {
	e.uv(uint64(len(s)))
	e.buf.WriteString(s)
}
func (e *encoder) strMap(m map[string]uint32) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	e.uv(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.uv(uint64(m[k]))
	}
}

type decoder struct {
	data []byte
	p    int
	err  error
}

func (d *decoder) uv() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.data[d.p:])
	if n <= 0 {
		d.err = errors.New("truncated varint")
		return 0
	}
	d.p += n
	return v
}

func (d *decoder) count() int {
	v := d.uv()
	if v > uint64(len(d.data)) {
		d.err = errors.New("count out of range")
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.count()
	if d.err != nil || d.p+n > len(d.data) {
		d.err = errors.New("truncated string")
		return ""
	}
	s := string(d.data[d.p : d.p+n])
	d.p += n
	return s
}

func (d *decoder) strMap(limit uint32) map[string]uint32 {
	n := d.count()
	m := make(map[string]uint32, n)
	for i := 0; i < n && d.err == nil; i++ {
		k := d.str()
		v := d.uv()
		if v >= uint64(limit) {
			d.err = fmt.Errorf("map value %d out of range", v)
		}
		m[k] = uint32(v)
	}
	return m
}

// WriteTo writes the model in its binary format (a flate stream of stored
// blocks: the weights compress by only a fifth, and stored blocks decode
// several times faster, which keeps the model load short).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var e encoder
	if m.spacing {
		e.buf.WriteString(modelMagic)
	} else {
		e.buf.WriteString(modelMagic1)
	}
	e.uv(uint64(len(m.classes)))
	for _, c := range m.classes {
		e.str(c.UPOS.String())
		e.str(c.XPOS)
	}
	dict := make(map[string]uint32, len(m.dict))
	for k, v := range m.dict {
		dict[k] = uint32(v)
	}
	e.strMap(dict)
	l := m.lem
	e.uv(uint64(len(l.scripts)))
	for _, s := range l.scripts {
		lo := uint64(0)
		if s.Lower {
			lo = 1
		}
		e.uv(lo)
		e.uv(uint64(s.Cut))
		e.str(s.Add)
	}
	e.strMap(l.exact)
	e.strMap(l.suffix)
	for _, v := range l.def {
		e.uv(uint64(v))
	}
	lemmas := make([]string, 0, len(l.intern))
	for k := range l.intern {
		lemmas = append(lemmas, k)
	}
	sort.Strings(lemmas)
	e.uv(uint64(len(lemmas)))
	for _, s := range lemmas {
		e.str(s)
	}
	e.uv(uint64(len(m.feats)))
	for _, s := range m.feats {
		e.str(s)
	}
	e.strMap(m.featEx)
	for _, v := range m.featDef {
		e.uv(uint64(v))
	}
	m.clus.encode(&e)
	if _, err := m.pm.WriteTo(&e.buf); err != nil {
		return 0, err
	}
	if m.pm2 != nil {
		if _, err := m.pm2.WriteTo(&e.buf); err != nil {
			return 0, err
		}
	}
	cw := &countingWriter{w: w}
	zw, err := flate.NewWriter(cw, flate.NoCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(e.buf.Bytes()); err != nil {
		return cw.n, err
	}
	err = zw.Close()
	return cw.n, err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ReadModel decodes a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(flate.NewReader(r))
	if err != nil {
		return nil, fmt.Errorf("tag: reading model: %w", err)
	}
	m := &Model{}
	switch {
	case bytes.HasPrefix(data, []byte(modelMagic)):
		m.spacing = true
	case bytes.HasPrefix(data, []byte(modelMagic1)):
	default:
		return nil, errors.New("tag: not a tagger model")
	}
	d := &decoder{data: data, p: len(modelMagic)}
	nc := d.count()
	if nc == 0 || nc > 256 {
		return nil, errors.New("tag: bad class count")
	}
	for i := 0; i < nc && d.err == nil; i++ {
		u := doc.ParseUPOS(d.str())
		m.classes = append(m.classes, Class{UPOS: u, XPOS: d.str()})
	}
	dict := d.strMap(uint32(nc))
	m.dict = make(map[string]uint8, len(dict))
	for k, v := range dict {
		m.dict[k] = uint8(v)
	}
	l := &lemmatizer{}
	ns := d.count()
	for i := 0; i < ns && d.err == nil; i++ {
		lo := d.uv() == 1
		cut := d.count()
		l.scripts = append(l.scripts, script{Lower: lo, Cut: cut, Add: d.str()})
	}
	if len(l.scripts) == 0 {
		return nil, errors.New("tag: no lemma scripts")
	}
	l.exact = d.strMap(uint32(ns))
	l.suffix = d.strMap(uint32(ns))
	l.def = make([]uint32, nc)
	for i := range l.def {
		if l.def[i] = uint32(d.uv()); l.def[i] >= uint32(ns) {
			d.err = errors.New("lemma default out of range")
		}
	}
	nl := d.count()
	l.intern = make(map[string]string, nl)
	for i := 0; i < nl && d.err == nil; i++ {
		s := d.str()
		l.intern[s] = s
	}
	m.lem = l
	nf := d.count()
	for i := 0; i < nf && d.err == nil; i++ {
		m.feats = append(m.feats, d.str())
	}
	if len(m.feats) == 0 {
		m.feats = []string{""}
	}
	m.featEx = d.strMap(uint32(len(m.feats)))
	m.featDef = make([]uint32, nc)
	for i := range m.featDef {
		if m.featDef[i] = uint32(d.uv()); m.featDef[i] >= uint32(len(m.feats)) {
			d.err = errors.New("feats default out of range")
		}
	}
	m.clus = decodeClusters(d)
	if d.err != nil {
		return nil, fmt.Errorf("tag: corrupt model: %w", d.err)
	}
	pm, n, err := percep.Read(data[d.p:])
	if err != nil {
		return nil, fmt.Errorf("tag: %w", err)
	}
	if pm.NClasses() != nc {
		return nil, errors.New("tag: weights do not match the classes")
	}
	m.pm = pm
	if rest := data[d.p+n:]; len(rest) > 0 {
		pm2, _, err := percep.Read(rest)
		if err != nil {
			return nil, fmt.Errorf("tag: second pass: %w", err)
		}
		if pm2.NClasses() != nc {
			return nil, errors.New("tag: second-pass weights do not match the classes")
		}
		m.pm2 = pm2
	}
	return m, nil
}

// Average returns the tagger whose weights are the mean of the models'
// (percep.Average: every decision is scored as the mean of their scores,
// an ensemble at the cost of one model). The models must have been trained
// on the same data with the same features (different seeds); everything
// but the weights comes from the first.
func Average(models []*Model, minAbs float64) (*Model, error) {
	if len(models) == 0 {
		return nil, errors.New("tag: no models to average")
	}
	m0 := models[0]
	pms := make([]*percep.Model, len(models))
	var pm2s []*percep.Model
	for i, m := range models {
		if !slices.Equal(m.classes, m0.classes) || m.spacing != m0.spacing || (m.pm2 == nil) != (m0.pm2 == nil) {
			return nil, fmt.Errorf("tag: model %d has other classes or features than model 0", i)
		}
		pms[i] = m.pm
		if m.pm2 != nil {
			pm2s = append(pm2s, m.pm2)
		}
	}
	c := &Model{classes: m0.classes, dict: m0.dict, lem: m0.lem, feats: m0.feats, featEx: m0.featEx, featDef: m0.featDef, clus: m0.clus, spacing: m0.spacing}
	var err error
	if c.pm, err = percep.Average(pms, minAbs); err != nil {
		return nil, fmt.Errorf("tag: %w", err)
	}
	if pm2s != nil {
		if c.pm2, err = percep.Average(pm2s, minAbs); err != nil {
			return nil, fmt.Errorf("tag: %w", err)
		}
	}
	return c, nil
}
