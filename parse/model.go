package parse

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/tag/percep"
)

// MaxChunk is the longest stretch of words parsed as one unit. Longer
// sentences (hostile input, run-on lists) are parsed in chunks whose roots
// are attached to the first chunk's root, so time and memory stay linear.
const MaxChunk = 400

// Model is a trained arc-eager parser. It is immutable and safe for
// concurrent use.
type Model struct {
	labels    []string
	root      int // index of "root"
	punct     int // index of "punct", or -1
	dep       int // index of "dep" (fallback), or root
	parataxis int
	pm        *percep.Model
	clus      *tag.Clusters
	amb       map[string]uint32 // lowercase form → ambiguity class id (0 = unknown)
	nonmono   bool              // non-monotonic arc-eager (2+3L classes)
	pool      sync.Pool
}

// Labels returns the dependency relations the model predicts.
func (m *Model) Labels() []string { return m.labels }

type pworkspace struct {
	st     state
	scores []int32
	lower  []byte
}

func (m *Model) workspace() *pworkspace {
	if ws, ok := m.pool.Get().(*pworkspace); ok {
		return ws
	}
	return &pworkspace{scores: make([]int32, m.pm.NClasses())}
}

func newModel(labels []string, pm *percep.Model) (*Model, error) {
	m := &Model{labels: labels, root: -1, punct: -1, dep: -1, parataxis: -1, pm: pm}
	for i, l := range labels {
		switch l {
		case "root":
			m.root = i
		case "punct":
			m.punct = i
		case "dep":
			m.dep = i
		case "parataxis":
			m.parataxis = i
		}
	}
	if m.root < 0 {
		return nil, errors.New("parse: no root label")
	}
	if m.dep < 0 { // a small training set: any relation but root
		m.dep = m.root
		if len(labels) > 1 {
			m.dep = (m.root + 1) % len(labels)
		}
	}
	if m.parataxis < 0 {
		m.parataxis = m.dep
	}
	if pm != nil {
		switch pm.NClasses() {
		case 2 + 2*len(labels):
		case 2 + 3*len(labels):
			m.nonmono = true
		default:
			return nil, fmt.Errorf("parse: model has %d classes for %d labels", pm.NClasses(), len(labels))
		}
	}
	return m, nil
}

// Parse parses one sentence given its word forms and tags: heads[i]
// receives the 0-based index of the head of word i within the sentence (-1
// for the root) and deps[i] its relation. Every sentence gets a single-rooted
// tree without cycles. The slices must be at least len(forms) long.
func (m *Model) Parse(forms, xpos []string, upos []doc.UPOS, heads []int32, deps []string) {
	if len(forms) == 0 {
		return
	}
	ws := m.workspace()
	defer m.pool.Put(ws)
	firstRoot := int32(-1)
	for start := 0; start < len(forms); start += MaxChunk {
		end := min(start+MaxChunk, len(forms))
		r := m.parseChunk(ws, forms[start:end], xpos[start:end], upos[start:end], heads[start:end], deps[start:end])
		for i := start; i < end; i++ {
			if heads[i] >= 0 {
				heads[i] += int32(start)
			}
		}
		r += int32(start)
		if firstRoot < 0 {
			firstRoot = r
		} else {
			heads[r] = firstRoot
			deps[r] = m.labels[m.parataxis]
		}
	}
}

// parseChunk parses forms and returns the index of the root word.
func (m *Model) parseChunk(ws *pworkspace, forms, xpos []string, upos []doc.UPOS, heads []int32, deps []string) int32 {
	st := &ws.st
	ws.lower = st.setWords(forms, xpos, upos, m.clus, m.amb, ws.lower)
	st.nonmono = m.nonmono
	st.init(len(forms))
	L := len(m.labels)
	sc := ws.scores
	for !st.terminal() {
		m.pm.Score(st.features(), sc)
		c := m.best(st, sc)
		if c < 0 {
			break
		}
		st.apply(c, L)
	}
	return m.finish(st, upos, heads, deps)
}

// best returns the highest-scoring valid transition, or -1 if none is.
func (m *Model) best(st *state, sc []int32) int {
	L := len(m.labels)
	best, bs := -1, int32(0)
	try := func(c int) {
		if best < 0 || sc[c] > bs {
			best, bs = c, sc[c]
		}
	}
	if st.canShift() {
		try(shift)
	}
	if st.canReduce() {
		try(reduce)
	}
	if st.canReduceArc() {
		for l := 0; l < L; l++ {
			if l != m.root {
				try(2 + 2*L + l)
			}
		}
	}
	if st.canLeft() {
		for l := 0; l < L; l++ {
			if l != m.root {
				try(2 + l)
			}
		}
	}
	if st.canRight() {
		if st.s0() == 0 {
			try(2 + L + m.root)
		} else {
			for l := 0; l < L; l++ {
				if l != m.root {
					try(2 + L + l)
				}
			}
		}
	}
	return best // -1 only in a terminal state
}

// finish copies the arcs out, attaching words left without a head to the
// root word (or making the first of them the root), and returns the root.
func (m *Model) finish(st *state, upos []doc.UPOS, heads []int32, deps []string) int32 {
	root := int32(-1)
	for i := 1; i <= st.n; i++ {
		if st.head[i] == 0 {
			root = int32(i)
			break
		}
	}
	for i := 1; i <= st.n; i++ {
		if st.head[i] < 0 && root < 0 {
			root = int32(i)
		}
	}
	for i := 1; i <= st.n; i++ {
		h := st.head[i]
		switch {
		case int32(i) == root:
			heads[i-1] = -1
			deps[i-1] = m.labels[m.root]
		case h <= 0:
			heads[i-1] = root - 1
			switch {
			case upos[i-1] == doc.PUNCT && m.punct >= 0:
				deps[i-1] = m.labels[m.punct]
			case upos[i-1] == doc.VERB:
				deps[i-1] = m.labels[m.parataxis]
			default:
				deps[i-1] = m.labels[m.dep]
			}
		default:
			heads[i-1] = h - 1
			deps[i-1] = m.labels[st.label[i]]
		}
	}
	return root - 1
}

// Model file magics: version 2 adds the ambiguity classes.
const (
	modelMagic1 = "CHPARSE1\n"
	modelMagic  = "CHPARSE2\n"
)

// WriteTo writes the model in its binary format (a flate stream of stored
// blocks: the weights compress by only a fifth, and stored blocks decode
// several times faster, which keeps the model load short).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	buf.WriteString(modelMagic)
	var tmp [binary.MaxVarintLen64]byte
	buf.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(m.labels)))])
	for _, l := range m.labels {
		buf.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(l)))])
		buf.WriteString(l)
	}
	buf.Write(tag.EncodeClusters(nil, m.clus))
	keys := make([]string, 0, len(m.amb))
	for k := range m.amb {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	buf.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(keys)))])
	for _, k := range keys {
		buf.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(k)))])
		buf.WriteString(k)
		buf.Write(tmp[:binary.PutUvarint(tmp[:], uint64(m.amb[k]))])
	}
	if _, err := m.pm.WriteTo(&buf); err != nil {
		return 0, err
	}
	cw := &countingWriter{w: w}
	zw, err := flate.NewWriter(cw, flate.NoCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
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
		return nil, fmt.Errorf("parse: reading model: %w", err)
	}
	version := 2
	switch {
	case bytes.HasPrefix(data, []byte(modelMagic)):
	case bytes.HasPrefix(data, []byte(modelMagic1)):
		version = 1
	default:
		return nil, errors.New("parse: not a parser model")
	}
	p := len(modelMagic)
	n, k := binary.Uvarint(data[p:])
	if k <= 0 || n == 0 || n > 127 {
		return nil, errors.New("parse: corrupt label count")
	}
	p += k
	labels := make([]string, n)
	for i := range labels {
		l, k := binary.Uvarint(data[p:])
		if k <= 0 || uint64(len(data)-p-k) < l {
			return nil, errors.New("parse: corrupt labels")
		}
		p += k
		labels[i] = string(data[p : p+int(l)])
		p += int(l)
	}
	clus, k, err := tag.DecodeClusters(data[p:])
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	p += k
	var amb map[string]uint32
	if version >= 2 {
		n, k := binary.Uvarint(data[p:])
		if k <= 0 || n > uint64(len(data)) {
			return nil, errors.New("parse: corrupt ambiguity classes")
		}
		p += k
		amb = make(map[string]uint32, n)
		for i := uint64(0); i < n; i++ {
			l, k := binary.Uvarint(data[p:])
			if k <= 0 || uint64(len(data)-p-k) < l {
				return nil, errors.New("parse: corrupt ambiguity classes")
			}
			p += k
			key := string(data[p : p+int(l)])
			p += int(l)
			v, k := binary.Uvarint(data[p:])
			if k <= 0 || v > 1<<31 {
				return nil, errors.New("parse: corrupt ambiguity classes")
			}
			p += k
			amb[key] = uint32(v)
		}
	}
	pm, _, err := percep.Read(data[p:])
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	m, err := newModel(labels, pm)
	if err != nil {
		return nil, err
	}
	m.clus = clus
	m.amb = amb
	return m, nil
}

// Pruned returns a copy of m whose weights below minAbs times the largest
// are dropped (a smaller, faster model).
func (m *Model) Pruned(minAbs float64) *Model {
	c, _ := newModel(m.labels, m.pm.Pruned(minAbs))
	c.clus, c.amb = m.clus, m.amb
	return c
}
