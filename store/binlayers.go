package store

import (
	"encoding/binary"
	"math"
	"math/bits"
	"sort"
	"strconv"

	"github.com/chronicle-news/chronicle/doc"
)

// The non-token layers of a version-4 blob are a binary record (then
// zstd-compressed), field by field in the order of the doc types:
//
//   - integers as (zigzag) varints; offsets as the difference to the
//     previous offset of the same layer, ends as lengths;
//   - floats as the varint of their byte-reversed bits (round numbers are
//     short);
//   - strings through an intern table: 0 the text at the field's own span,
//     1 a new string (varint length, bytes) added to the table, k ≥ 2 the
//     table's entry k-2 (entry 0 is "");
//   - IDs of the form prefix + (index+1) ("A3", "e2") as a 0, others as 1
//     and a string;
//   - slices as length+1 (0 for nil) and pointers as a presence byte, so
//     that nil and empty survive.

// binWriter appends the binary layers.
type binWriter struct {
	b     []byte
	text  string
	table map[string]uint64
	// v7: spans that are whole tokens are token indexes (starts: the
	// token starting at a byte, ends: one past the token ending at it),
	// evidence spans that are their sentence's a flag.
	v7           bool
	starts, ends map[int]int
	sents        []doc.Sentence
	// vocab (v7) holds the strings every table starts with (after ""),
	// by index; newString, when set, sees each string spelled out.
	vocab     map[string]uint64
	newString func(string)
}

func (w *binWriter) u(v uint64)  { w.b = binary.AppendUvarint(w.b, v) }
func (w *binWriter) i(v int)     { w.u(zigzag(int64(v))) }
func (w *binWriter) bool(v bool) { w.u(uint64(boolBit(v))) }
func (w *binWriter) f(v float64) { w.u(bits.ReverseBytes64(math.Float64bits(v))) }

func boolBit(v bool) int {
	if v {
		return 1
	}
	return 0
}

// n writes a slice length (nil: 0).
func (w *binWriter) n(length int, isNil bool) {
	if isNil {
		w.u(0)
		return
	}
	w.u(uint64(length) + 1)
}

// str writes a string through the intern table.
func (w *binWriter) str(s string) {
	if k, ok := w.vocab[s]; ok {
		w.u(k + 2)
		return
	}
	if k, ok := w.table[s]; ok {
		w.u(k + 2)
		return
	}
	w.table[s] = uint64(len(w.vocab)) + uint64(len(w.table))
	if w.newString != nil {
		w.newString(s)
	}
	w.u(1)
	w.u(uint64(len(s)))
	w.b = append(w.b, s...)
}

// spanStr writes a text field that is usually the document text at
// [start, end).
func (w *binWriter) spanStr(s string, start, end int) {
	if start >= 0 && start <= end && end <= len(w.text) && s == w.text[start:end] {
		w.u(0)
		return
	}
	w.str(s)
}

// id writes an ID that is usually prefix + (index+1).
func (w *binWriter) id(s, prefix string, index int) {
	if len(s) > len(prefix) && s[:len(prefix)] == prefix && s[len(prefix):] == strconv.Itoa(index+1) {
		w.u(0)
		return
	}
	w.u(1)
	w.str(s)
}

// pos writes an offset as the difference to *prev and moves *prev.
func (w *binWriter) pos(v int, prev *int) {
	w.i(v - *prev)
	*prev = v
}

// span writes a span relative to *prev and moves *prev: before version 7
// the start as a byte offset and the length; from version 7, for a span of
// whole tokens, 2·zigzag(first token - *prev) and the number of tokens
// less one, else 1, the start and the length in bytes (*prev stays).
func (w *binWriter) span(start, end int, prev *int) {
	if !w.v7 {
		w.pos(start, prev)
		w.i(end - start)
		return
	}
	ts, ok1 := w.starts[start]
	te, ok2 := w.ends[end]
	if ok1 && ok2 && te > ts {
		w.u(zigzag(int64(ts-*prev)) << 1)
		w.u(uint64(te - ts - 1))
		*prev = ts
		return
	}
	w.u(1)
	w.i(start)
	w.i(end - start)
}

// actorOf writes the actor of a span that may be an actor mention (ok)
// whose first actor is owner: from version 7 a 0 when it is the owner,
// else a 1 and the ID.
func (w *binWriter) actorOf(id string, ok bool, owner string) {
	if !w.v7 || !ok {
		w.str(id)
		return
	}
	if id == owner {
		w.u(0)
		return
	}
	w.u(1)
	w.str(id)
}

// rel writes a span relative to base (an anchor).
func (w *binWriter) rel(start, end, base int) {
	if !w.v7 {
		w.i(start - base)
		w.i(end - start)
		return
	}
	w.span(start, end, &base)
}

// anchor is what spans are relative to: a byte offset before version 7,
// the index of the token starting there from version 7 (0 if none).
func (w *binWriter) anchor(start int) int {
	if !w.v7 {
		return start
	}
	return w.starts[start]
}

// LayerRecord returns the binary record of every layer of d but the
// tokens, before compression, in its version-6 form (what the zstd layer
// dictionary was built from).
func (c *Codec) LayerRecord(d *doc.Document) []byte { return appendBinLayers(nil, d) }

// appendBinLayers writes every layer of d but the tokens (version 6).
func appendBinLayers(b []byte, d *doc.Document) []byte {
	w := &binWriter{b: b, text: d.Text, table: map[string]uint64{"": 0}}
	w.u(uint64(d.Done))
	w.sentences(d.Sentences)
	return w.body(d)
}

// appendBinLayers7 writes the layer record of version 7: spans in tokens,
// the sentences (a 0 and the list, or a 1 when sentInTokens: the token
// section codes them), and a string table that starts with the priors'
// vocabulary (indexes 1 to len(vocab)).
func appendBinLayers7(b []byte, d *doc.Document, sentInTokens bool, vocab map[string]uint64) []byte {
	return appendBinLayers7Hook(b, d, sentInTokens, vocab, nil)
}

// appendBinLayers7Hook is appendBinLayers7 calling newString with each
// string it spells out.
func appendBinLayers7Hook(b []byte, d *doc.Document, sentInTokens bool, vocab map[string]uint64, newString func(string)) []byte {
	w := &binWriter{b: b, text: d.Text, table: map[string]uint64{"": 0}, v7: true, vocab: vocab, newString: newString,
		starts: make(map[int]int, len(d.Tokens)), ends: make(map[int]int, len(d.Tokens)), sents: d.Sentences}
	for i := len(d.Tokens) - 1; i >= 0; i-- {
		t := &d.Tokens[i]
		w.starts[int(t.Start)] = i
		w.ends[int(t.End)] = i + 1
	}
	w.u(uint64(d.Done))
	if sentInTokens {
		w.u(1)
	} else {
		w.u(0)
		w.sentences(d.Sentences)
	}
	return w.body(d)
}

func (w *binWriter) sentences(sents []doc.Sentence) {
	w.n(len(sents), sents == nil)
	prevEnd, prevTok, prevPara := 0, 0, 0
	for _, s := range sents {
		w.i(s.Start - prevEnd)
		w.i(s.End - s.Start)
		w.i(s.FirstToken - prevTok)
		w.i(s.EndToken - s.FirstToken)
		w.i(s.Paragraph - prevPara)
		prevEnd, prevTok, prevPara = s.End, s.EndToken, s.Paragraph
	}
}

// body writes the layers after the sentences.
func (w *binWriter) body(d *doc.Document) []byte {

	// Actors before entities: an entity usually is an actor mention.
	w.n(len(d.Actors), d.Actors == nil)
	p := 0
	mentionAt := map[[2]int]uint64{}
	owner := map[[2]int]string{} // v7: the first actor with a mention span
	for k, a := range d.Actors {
		w.id(a.ID, "A", k)
		w.str(a.Kind)
		if w.v7 {
			// A code is usually country and sector.
			if a.Code != "" && a.Code == a.Country+a.Sector {
				w.u(0)
			} else {
				w.u(1)
				w.str(a.Code)
			}
		} else {
			w.str(a.Code)
		}
		w.str(a.Country)
		w.str(a.Sector)
		w.str(a.Role)
		w.str(a.CodeFrom)
		w.str(a.Wiki)
		w.n(len(a.Mentions), a.Mentions == nil)
		for _, m := range a.Mentions {
			w.span(m.Start, m.End, &p)
			w.spanStr(m.Text, m.Start, m.End)
			w.str(m.Kind)
			if _, ok := mentionAt[[2]int{m.Start, m.End}]; !ok {
				mentionAt[[2]int{m.Start, m.End}] = uint64(len(mentionAt)) + 1
				owner[[2]int{m.Start, m.End}] = a.ID
			}
		}
		// The name is usually the first mention's text.
		if len(a.Mentions) > 0 && a.Name == a.Mentions[0].Text {
			w.u(0)
		} else {
			w.u(1)
			w.str(a.Name)
		}
	}

	// An entity's span: k > 0 for the span of the k-th distinct actor
	// mention span, else 0 and the span.
	w.n(len(d.Entities), d.Entities == nil)
	p = 0
	for _, e := range d.Entities {
		w.str(e.Type)
		k, ok := mentionAt[[2]int{e.Start, e.End}]
		if ok {
			w.u(k)
			p = w.anchor(e.Start)
		} else {
			w.u(0)
			w.span(e.Start, e.End, &p)
		}
		w.spanStr(e.Text, e.Start, e.End)
		w.actorOf(e.Actor, ok, owner[[2]int{e.Start, e.End}])
	}

	w.n(len(d.Timexes), d.Timexes == nil)
	p = 0
	for k, t := range d.Timexes {
		w.id(t.ID, "t", k)
		w.str(t.Type)
		w.str(t.Value)
		w.span(t.Start, t.End, &p)
		w.spanStr(t.Text, t.Start, t.End)
		w.str(t.Mod)
		w.str(t.Quant)
		w.str(t.Freq)
		w.str(t.Anchor)
		w.bool(t.Interval != nil)
		if t.Interval != nil {
			w.str(t.Interval.Start)
			w.str(t.Interval.End)
		}
		w.str(t.Granularity)
	}

	w.n(len(d.Quotes), d.Quotes == nil)
	p = 0
	for k, q := range d.Quotes {
		w.id(q.ID, "q", k)
		w.span(q.Start, q.End, &p)
		w.spanStr(q.Text, q.Start, q.End)
		w.u(uint64(boolBit(q.Direct) | boolBit(q.Mixed)<<1 | boolBit(q.Cue != nil)<<2 | boolBit(q.Speaker != nil)<<3))
		if c := q.Cue; c != nil {
			w.rel(c.Start, c.End, w.anchor(q.Start))
			w.spanStr(c.Text, c.Start, c.End)
			w.str(c.Lemma)
		}
		if s := q.Speaker; s != nil {
			w.rel(s.Start, s.End, w.anchor(q.Start))
			w.spanStr(s.Text, s.Start, s.End)
			o, ok := owner[[2]int{s.Start, s.End}]
			w.actorOf(s.Actor, ok, o)
			w.bool(s.Anonymous)
		}
	}

	w.n(len(d.Events), d.Events == nil)
	p = 0
	for k := range d.Events {
		e := &d.Events[k]
		w.id(e.ID, "e", k)
		w.str(e.Type)
		w.str(e.Mode)
		w.n(len(e.Context), e.Context == nil)
		for _, c := range e.Context {
			w.str(c)
		}
		w.str(e.CAMEO)
		w.i(e.Quad)
		w.f(e.Goldstein)
		w.evidence(&e.Evidence, &p)
		ep := w.anchor(e.Evidence.Start)
		for _, side := range [2][]doc.Participant{e.Source, e.Target} {
			w.n(len(side), side == nil)
			for _, pt := range side {
				w.str(pt.Actor)
				w.span(pt.Start, pt.End, &ep)
				w.spanStr(pt.Text, pt.Start, pt.End)
				w.str(pt.Code)
			}
		}
		w.bool(e.Date != nil)
		if dt := e.Date; dt != nil {
			w.str(dt.Value)
			w.str(dt.Start)
			w.str(dt.End)
			w.str(dt.Granularity)
			w.str(dt.Timex)
		}
		w.str(e.Status)
		w.bool(e.Reported != nil)
		if r := e.Reported; r != nil {
			w.str(r.By)
			w.str(r.Text)
			w.str(r.Quote)
		}
		w.bool(e.Location != nil)
		if l := e.Location; l != nil {
			w.span(l.Start, l.End, &ep)
			w.spanStr(l.Text, l.Start, l.End)
			w.str(l.Name)
			w.str(l.Country)
			w.f(l.Lat)
			w.f(l.Lon)
			w.str(l.Kind)
		}
		// Mentions usually repeat the main evidence first.
		w.n(len(e.Mentions), e.Mentions == nil)
		mp := w.anchor(e.Evidence.Start)
		for i := range e.Mentions {
			m := &e.Mentions[i]
			if i == 0 && *m == e.Evidence {
				w.u(0)
				continue
			}
			w.u(1)
			w.evidence(m, &mp)
		}
		w.bool(e.Reciprocal)
	}
	return w.b
}

func (w *binWriter) evidence(v *doc.Evidence, p *int) {
	w.i(v.Sentence)
	if w.v7 {
		// Evidence is usually its sentence.
		if k := v.Sentence; k >= 0 && k < len(w.sents) && w.sents[k].Start == v.Start && w.sents[k].End == v.End {
			w.u(0)
			*p = w.anchor(v.Start)
		} else {
			w.u(1)
			w.span(v.Start, v.End, p)
		}
	} else {
		w.span(v.Start, v.End, p)
	}
	w.spanStr(v.Text, v.Start, v.End)
	w.rel(v.Trigger.Start, v.Trigger.End, w.anchor(v.Start))
	w.spanStr(v.Trigger.Text, v.Trigger.Start, v.Trigger.End)
	w.str(v.Trigger.Lemma)
}

// binReader reads what appendBinLayers wrote; errors stick.
type binReader struct {
	b     []byte
	text  string
	table []string
	err   error
	// v7: spans in tokens, evidence from sentences, string indexes 1 to
	// len(vocab) for the vocabulary (the table holds "" and the strings
	// spelled out).
	vocab    []string
	v7       bool
	toks     []doc.Token
	sents    []doc.Sentence
	startTok map[int]int       // when the tokens are not sorted
	owner    map[[2]int]string // v7: the first actor with a mention span
	sorted   bool
}

func (r *binReader) u() uint64 {
	if r.err != nil {
		return 0
	}
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.err = errCorrupt
		return 0
	}
	r.b = r.b[k:]
	return v
}

func (r *binReader) i() int {
	v := unzigzag(r.u())
	if v > math.MaxInt32 || v < math.MinInt32 {
		r.err = errCorrupt
		return 0
	}
	return int(v)
}

func (r *binReader) bool() bool { return r.u() != 0 }

func (r *binReader) f() float64 { return math.Float64frombits(bits.ReverseBytes64(r.u())) }

// n reads a slice length; ok is false for nil. Every element takes at
// least one byte, which bounds the length.
func (r *binReader) n() (n int, ok bool) {
	v := r.u()
	if v == 0 || r.err != nil {
		return 0, false
	}
	if v-1 > uint64(len(r.b)) {
		r.err = errCorrupt
		return 0, false
	}
	return int(v - 1), true
}

func (r *binReader) str() string {
	k := r.u()
	switch {
	case r.err != nil:
		return ""
	case k == 1:
		l := r.u()
		if r.err != nil || l > uint64(len(r.b)) {
			r.err = errCorrupt
			return ""
		}
		s := string(r.b[:l])
		r.b = r.b[l:]
		r.table = append(r.table, s)
		return s
	case k >= 2 && k-2 < uint64(len(r.table)) && (k == 2 || len(r.vocab) == 0):
		return r.table[k-2]
	case k >= 3 && k-3 < uint64(len(r.vocab)):
		return r.vocab[k-3]
	case k >= 3 && k-2-uint64(len(r.vocab)) < uint64(len(r.table)):
		return r.table[k-2-uint64(len(r.vocab))]
	}
	r.err = errCorrupt
	return ""
}

func (r *binReader) spanStr(start, end int) string {
	if len(r.b) > 0 && r.b[0] == 0 {
		r.b = r.b[1:]
		if start < 0 || start > end || end > len(r.text) {
			r.err = errCorrupt
			return ""
		}
		return r.text[start:end]
	}
	return r.str()
}

func (r *binReader) id(prefix string, index int) string {
	if r.u() == 0 {
		return prefix + strconv.Itoa(index+1)
	}
	return r.str()
}

func (r *binReader) pos(prev *int) int {
	*prev += r.i()
	return *prev
}

// span reads a span written by binWriter.span.
func (r *binReader) span(prev *int) (int, int) {
	if !r.v7 {
		start := r.pos(prev)
		return start, start + r.i()
	}
	x := r.u()
	if x == 1 {
		start := r.i()
		return start, start + r.i()
	}
	n := r.u()
	if r.err != nil || x&1 != 0 || n >= uint64(len(r.toks)) {
		r.err = errCorrupt
		return 0, 0
	}
	ts := int64(*prev) + unzigzag(x>>1)
	if ts < 0 || ts+int64(n) >= int64(len(r.toks)) {
		r.err = errCorrupt
		return 0, 0
	}
	*prev = int(ts)
	return int(r.toks[ts].Start), int(r.toks[ts+int64(n)].End)
}

// rel reads a span written by binWriter.rel.
func (r *binReader) rel(base int) (int, int) {
	if !r.v7 {
		start := base + r.i()
		return start, start + r.i()
	}
	return r.span(&base)
}

// anchor mirrors binWriter.anchor.
func (r *binReader) anchor(start int) int {
	if !r.v7 {
		return start
	}
	if r.startTok == nil {
		r.startTok = map[int]int{}
		r.sorted = true
		for i := 1; i < len(r.toks) && r.sorted; i++ {
			r.sorted = r.toks[i].Start > r.toks[i-1].Start
		}
		if !r.sorted {
			for i := len(r.toks) - 1; i >= 0; i-- {
				r.startTok[int(r.toks[i].Start)] = i
			}
		}
	}
	if r.sorted {
		// Tokens in order (as the range-coded section has them).
		i := sort.Search(len(r.toks), func(i int) bool { return int(r.toks[i].Start) >= start })
		if i < len(r.toks) && int(r.toks[i].Start) == start {
			return i
		}
		return 0
	}
	return r.startTok[start]
}

// readBinLayers fills the layers of d (its Text set) but the tokens from a
// record of blob format version 4, 5 (entities before actors, names
// spelled out) or 6.
func readBinLayers(b []byte, d *doc.Document, version int) error {
	r := &binReader{b: b, text: d.Text, table: []string{""}}
	d.Done = doc.Layer(r.u())
	r.sentences(d)
	return r.body(d, version)
}

// readBinLayers7 reads a version-7 record: the head, then the tokens (by
// readTokens, told whether it codes the sentences), then the rest.
func readBinLayers7(b []byte, d *doc.Document, vocab []string, readTokens func(sentInTokens bool) error) error {
	r := &binReader{b: b, text: d.Text, table: []string{""}, vocab: vocab, v7: true}
	d.Done = doc.Layer(r.u())
	d.Sentences = nil
	sentIn := false
	switch r.u() {
	case 0:
		r.sentences(d)
	case 1:
		sentIn = true
	default:
		r.err = errCorrupt
	}
	if r.err != nil {
		return r.err
	}
	if err := readTokens(sentIn); err != nil {
		return err
	}
	r.toks, r.sents = d.Tokens, d.Sentences
	return r.body(d, codecRC)
}

// sentences reads the sentence list.
func (r *binReader) sentences(d *doc.Document) {
	if n, ok := r.n(); ok {
		d.Sentences = make([]doc.Sentence, n)
		prevEnd, prevTok, prevPara := 0, 0, 0
		for k := range d.Sentences {
			s := &d.Sentences[k]
			s.Start = prevEnd + r.i()
			s.End = s.Start + r.i()
			s.FirstToken = prevTok + r.i()
			s.EndToken = s.FirstToken + r.i()
			s.Paragraph = prevPara + r.i()
			prevEnd, prevTok, prevPara = s.End, s.EndToken, s.Paragraph
		}
	}
}

// body reads the layers after the sentences.
func (r *binReader) body(d *doc.Document, version int) error {
	if version >= 6 {
		spans := r.actors6(d)
		r.entities6(d, spans)
	} else {
		r.entities4(d)
		r.actors4(d)
	}
	if r.err != nil {
		return r.err
	}
	p := 0

	if n, ok := r.n(); ok {
		d.Timexes = make([]doc.Timex, n)
		for k := range d.Timexes {
			t := &d.Timexes[k]
			t.ID = r.id("t", k)
			t.Type, t.Value = r.str(), r.str()
			t.Start, t.End = r.span(&p)
			t.Text = r.spanStr(t.Start, t.End)
			t.Mod, t.Quant, t.Freq, t.Anchor = r.str(), r.str(), r.str(), r.str()
			if r.bool() {
				t.Interval = &doc.Interval{Start: r.str(), End: r.str()}
			}
			t.Granularity = r.str()
		}
	}

	p = 0
	if n, ok := r.n(); ok {
		d.Quotes = make([]doc.Quote, n)
		for k := range d.Quotes {
			q := &d.Quotes[k]
			q.ID = r.id("q", k)
			q.Start, q.End = r.span(&p)
			q.Text = r.spanStr(q.Start, q.End)
			flags := r.u()
			q.Direct, q.Mixed = flags&1 != 0, flags&2 != 0
			if flags&4 != 0 {
				c := &doc.Cue{}
				c.Start, c.End = r.rel(r.anchor(q.Start))
				c.Text = r.spanStr(c.Start, c.End)
				c.Lemma = r.str()
				q.Cue = c
			}
			if flags&8 != 0 {
				s := &doc.Speaker{}
				s.Start, s.End = r.rel(r.anchor(q.Start))
				s.Text = r.spanStr(s.Start, s.End)
				s.Actor = r.actorOf(s.Start, s.End)
				s.Anonymous = r.bool()
				q.Speaker = s
			}
			if r.err != nil {
				return r.err
			}
		}
	}

	p = 0
	if n, ok := r.n(); ok {
		d.Events = make([]doc.Event, n)
		for k := range d.Events {
			e := &d.Events[k]
			e.ID = r.id("e", k)
			e.Type, e.Mode = r.str(), r.str()
			if n, ok := r.n(); ok {
				e.Context = make([]string, n)
				for i := range e.Context {
					e.Context[i] = r.str()
				}
			}
			e.CAMEO = r.str()
			e.Quad = r.i()
			e.Goldstein = r.f()
			r.evidence(&e.Evidence, &p)
			ep := r.anchor(e.Evidence.Start)
			for side := 0; side < 2; side++ {
				n, ok := r.n()
				if !ok {
					continue
				}
				ps := make([]doc.Participant, n)
				for i := range ps {
					pt := &ps[i]
					pt.Actor = r.str()
					pt.Start, pt.End = r.span(&ep)
					pt.Text = r.spanStr(pt.Start, pt.End)
					pt.Code = r.str()
				}
				if side == 0 {
					e.Source = ps
				} else {
					e.Target = ps
				}
			}
			if r.bool() {
				e.Date = &doc.EventDate{Value: r.str(), Start: r.str(), End: r.str(), Granularity: r.str(), Timex: r.str()}
			}
			e.Status = r.str()
			if r.bool() {
				e.Reported = &doc.Reported{By: r.str(), Text: r.str(), Quote: r.str()}
			}
			if r.bool() {
				l := &doc.Location{}
				l.Start, l.End = r.span(&ep)
				l.Text = r.spanStr(l.Start, l.End)
				l.Name, l.Country = r.str(), r.str()
				l.Lat, l.Lon = r.f(), r.f()
				l.Kind = r.str()
				e.Location = l
			}
			if n, ok := r.n(); ok {
				e.Mentions = make([]doc.Evidence, n)
				mp := r.anchor(e.Evidence.Start)
				for i := range e.Mentions {
					if r.u() == 0 {
						if i != 0 {
							r.err = errCorrupt
						}
						e.Mentions[i] = e.Evidence
						continue
					}
					r.evidence(&e.Mentions[i], &mp)
				}
			}
			e.Reciprocal = r.bool()
			if r.err != nil {
				return r.err
			}
		}
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = errCorrupt
	}
	return r.err
}

func (r *binReader) evidence(v *doc.Evidence, p *int) {
	v.Sentence = r.i()
	if r.v7 && r.u() == 0 {
		k := v.Sentence
		if r.err != nil || k < 0 || k >= len(r.sents) {
			r.err = errCorrupt
			return
		}
		v.Start, v.End = r.sents[k].Start, r.sents[k].End
		*p = r.anchor(v.Start)
	} else {
		v.Start, v.End = r.span(p)
	}
	v.Text = r.spanStr(v.Start, v.End)
	v.Trigger.Start, v.Trigger.End = r.rel(r.anchor(v.Start))
	v.Trigger.Text = r.spanStr(v.Trigger.Start, v.Trigger.End)
	v.Trigger.Lemma = r.str()
}

// actors4 reads the actors of versions 4 and 5.
func (r *binReader) actors4(d *doc.Document) {
	p := 0
	n, ok := r.n()
	if !ok {
		return
	}
	d.Actors = make([]doc.Actor, n)
	for k := range d.Actors {
		a := &d.Actors[k]
		a.ID = r.id("A", k)
		a.Name, a.Kind, a.Code, a.Country, a.Sector, a.Role, a.CodeFrom, a.Wiki = r.str(), r.str(), r.str(), r.str(), r.str(), r.str(), r.str(), r.str()
		r.mentions(a, &p)
		if r.err != nil {
			return
		}
	}
}

// entities4 reads the entities of versions 4 and 5.
func (r *binReader) entities4(d *doc.Document) {
	p := 0
	n, ok := r.n()
	if !ok {
		return
	}
	d.Entities = make([]doc.Entity, n)
	for k := range d.Entities {
		e := &d.Entities[k]
		e.Type = r.str()
		e.Start, e.End = r.span(&p)
		e.Text = r.spanStr(e.Start, e.End)
		e.Actor = r.actorOf(e.Start, e.End)
	}
}

// actorOf reads what binWriter.actorOf wrote for a span.
func (r *binReader) actorOf(start, end int) string {
	o, ok := r.owner[[2]int{start, end}]
	if !r.v7 || !ok {
		return r.str()
	}
	switch r.u() {
	case 0:
		return o
	case 1:
		return r.str()
	}
	r.err = errCorrupt
	return ""
}

func (r *binReader) mentions(a *doc.Actor, p *int) {
	n, ok := r.n()
	if !ok {
		return
	}
	a.Mentions = make([]doc.Mention, n)
	for i := range a.Mentions {
		m := &a.Mentions[i]
		m.Start, m.End = r.span(p)
		m.Text = r.spanStr(m.Start, m.End)
		m.Kind = r.str()
	}
}

// actors6 reads the actors of version 6 and returns the distinct mention
// spans in order, which entities refer to.
func (r *binReader) actors6(d *doc.Document) [][2]int {
	p := 0
	n, ok := r.n()
	if !ok {
		return nil
	}
	var spans [][2]int
	seen := map[[2]int]bool{}
	if r.v7 {
		r.owner = map[[2]int]string{}
	}
	d.Actors = make([]doc.Actor, n)
	for k := range d.Actors {
		a := &d.Actors[k]
		a.ID = r.id("A", k)
		if r.v7 {
			a.Kind = r.str()
			fromParts := r.u() == 0
			if !fromParts {
				a.Code = r.str()
			}
			a.Country, a.Sector = r.str(), r.str()
			if fromParts {
				a.Code = a.Country + a.Sector
			}
			a.Role, a.CodeFrom, a.Wiki = r.str(), r.str(), r.str()
		} else {
			a.Kind, a.Code, a.Country, a.Sector, a.Role, a.CodeFrom, a.Wiki = r.str(), r.str(), r.str(), r.str(), r.str(), r.str(), r.str()
		}
		r.mentions(a, &p)
		for _, m := range a.Mentions {
			if sp := [2]int{m.Start, m.End}; !seen[sp] {
				seen[sp] = true
				spans = append(spans, sp)
				if r.owner != nil {
					r.owner[sp] = a.ID
				}
			}
		}
		switch r.u() {
		case 0:
			if len(a.Mentions) == 0 {
				r.err = errCorrupt
				return nil
			}
			a.Name = a.Mentions[0].Text
		case 1:
			a.Name = r.str()
		default:
			r.err = errCorrupt
		}
		if r.err != nil {
			return nil
		}
	}
	return spans
}

// entities6 reads the entities of version 6.
func (r *binReader) entities6(d *doc.Document, spans [][2]int) {
	p := 0
	n, ok := r.n()
	if !ok {
		return
	}
	d.Entities = make([]doc.Entity, n)
	for k := range d.Entities {
		e := &d.Entities[k]
		e.Type = r.str()
		if ref := r.u(); ref == 0 {
			e.Start, e.End = r.span(&p)
		} else if ref <= uint64(len(spans)) {
			e.Start, e.End = spans[ref-1][0], spans[ref-1][1]
			p = r.anchor(e.Start)
		} else {
			r.err = errCorrupt
			return
		}
		e.Text = r.spanStr(e.Start, e.End)
		e.Actor = r.actorOf(e.Start, e.End)
	}
}
