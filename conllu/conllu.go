// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies (https://universaldependencies.org/format.html).
//
// A Sentence keeps its comment lines, its syntactic words, its multiword
// token ranges ("1-2 don't") and its empty nodes ("8.1"), so that reading
// and writing a file gives it back unchanged (modulo trailing whitespace).
package conllu

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// MaxLineBytes is the longest line the Reader accepts.
const MaxLineBytes = 16 << 20

// Word is one syntactic word (a line with an integer ID).
type Word struct {
	ID     int    // 1-based position in the sentence
	Form   string // word form
	Lemma  string // lemma, "_" if unknown
	UPOS   string // universal part of speech
	XPOS   string // language-specific part of speech
	Feats  string // morphological features, "_" if none
	Head   int    // ID of the head, 0 for the root, -1 if unknown ("_")
	Deprel string // relation to the head
	Deps   string // enhanced dependencies, "_" if none
	Misc   string // anything else ("SpaceAfter=No"), "_" if none
}

// MultiWord is a multiword token line "First-Last form ...": a surface token
// that spans the words with IDs First..Last.
type MultiWord struct {
	First, Last int
	Form        string
	Misc        string
}

// EmptyNode is an enhanced-dependency empty node ("8.1"), kept verbatim.
type EmptyNode struct {
	After int    // the integer part of its ID: it follows word After
	Line  string // the whole line
}

// Sentence is one sentence block.
type Sentence struct {
	Comments   []string // comment lines without the leading "#" and one space
	Words      []Word
	MultiWords []MultiWord
	Empty      []EmptyNode
}

// Comment returns the value of a "# key = value" comment and whether it is there.
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
		if !ok && strings.TrimSpace(c) == key {
			return "", true
		}
	}
	return "", false
}

// Text returns the "# text" comment.
func (s *Sentence) Text() string {
	t, _ := s.Comment("text")
	return t
}

// SpaceAfter reports whether word i (0-based) is followed by a space, from
// the MISC column of the word or of the multiword token that ends with it.
func (s *Sentence) SpaceAfter(i int) bool {
	id := s.Words[i].ID
	for _, m := range s.MultiWords {
		if m.First <= id && id <= m.Last {
			if id != m.Last {
				return false
			}
			return !hasMisc(m.Misc, "SpaceAfter=No")
		}
	}
	return !hasMisc(s.Words[i].Misc, "SpaceAfter=No")
}

func hasMisc(misc, item string) bool {
	for misc != "" {
		var f string
		f, misc, _ = strings.Cut(misc, "|")
		if f == item {
			return true
		}
	}
	return false
}

// Reader reads sentences from a CoNLL-U stream.
type Reader struct {
	r    *bufio.Reader
	line int
	buf  []byte
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 1<<16)}
}

// readLine returns the next line without its end-of-line, or io.EOF.
func (r *Reader) readLine() ([]byte, error) {
	r.buf = r.buf[:0]
	for {
		chunk, err := r.r.ReadSlice('\n')
		r.buf = append(r.buf, chunk...)
		if len(r.buf) > MaxLineBytes {
			return nil, fmt.Errorf("line %d: longer than %d bytes", r.line+1, MaxLineBytes)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && len(r.buf) > 0 {
			err = nil
		}
		if err != nil {
			return nil, err
		}
		r.line++
		return bytes.TrimRight(r.buf, "\r\n"), nil
	}
}

// Read returns the next sentence, or io.EOF when there is none. Malformed
// lines give an error that names the line; the reader can go on after it
// with the next sentence.
func (r *Reader) Read() (*Sentence, error) {
	var s *Sentence
	var bad error
	for {
		line, err := r.readLine()
		if err == io.EOF {
			if bad != nil {
				return nil, bad
			}
			if s == nil {
				return nil, io.EOF
			}
			return s, finish(s, r.line)
		}
		if err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			if bad != nil {
				return nil, bad
			}
			if s != nil {
				return s, finish(s, r.line)
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if bad != nil {
			continue
		}
		if line[0] == '#' {
			c := string(line[1:])
			c = strings.TrimPrefix(c, " ")
			s.Comments = append(s.Comments, c)
			continue
		}
		if err := parseLine(s, string(line)); err != nil {
			bad = fmt.Errorf("conllu: line %d: %w", r.line, err)
		}
	}
}

// finish checks a sentence's word IDs and heads.
func finish(s *Sentence, line int) error {
	for i, w := range s.Words {
		if w.ID != i+1 {
			return fmt.Errorf("conllu: sentence ending at line %d: word %d has ID %d", line, i+1, w.ID)
		}
		if w.Head > len(s.Words) {
			return fmt.Errorf("conllu: sentence ending at line %d: word %d has head %d beyond the sentence", line, w.ID, w.Head)
		}
	}
	for _, m := range s.MultiWords {
		if m.Last > len(s.Words) {
			return fmt.Errorf("conllu: sentence ending at line %d: multiword token %d-%d beyond the sentence", line, m.First, m.Last)
		}
	}
	for _, e := range s.Empty {
		if e.After > len(s.Words) {
			return fmt.Errorf("conllu: sentence ending at line %d: empty node after word %d beyond the sentence", line, e.After)
		}
	}
	return nil
}

func parseLine(s *Sentence, line string) error {
	var f [10]string
	rest := line
	for i := 0; i < 9; i++ {
		var ok bool
		f[i], rest, ok = strings.Cut(rest, "\t")
		if !ok {
			return fmt.Errorf("%d fields, want 10", i+1)
		}
	}
	if strings.Contains(rest, "\t") {
		return errors.New("more than 10 fields")
	}
	f[9] = rest
	id := f[0]
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || first < 1 || last < first {
			return fmt.Errorf("bad range ID %q", id)
		}
		s.MultiWords = append(s.MultiWords, MultiWord{First: first, Last: last, Form: f[1], Misc: f[9]})
		return nil
	}
	if a, b, ok := strings.Cut(id, "."); ok {
		after, err := strconv.Atoi(a)
		sub, err2 := strconv.Atoi(b)
		if err != nil || err2 != nil || after < 0 || sub < 1 {
			return fmt.Errorf("bad empty node ID %q", id)
		}
		s.Empty = append(s.Empty, EmptyNode{After: after, Line: line})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n < 1 {
		return fmt.Errorf("bad ID %q", id)
	}
	head := -1
	if f[6] != "_" {
		head, err = strconv.Atoi(f[6])
		if err != nil || head < 0 {
			return fmt.Errorf("bad head %q", f[6])
		}
	}
	if f[1] == "" {
		return errors.New("empty form")
	}
	s.Words = append(s.Words, Word{ID: n, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
		Head: head, Deprel: f[7], Deps: f[8], Misc: f[9]})
	return nil
}

// ReadAll reads every sentence of r.
func ReadAll(r io.Reader) ([]*Sentence, error) {
	cr := NewReader(r)
	var out []*Sentence
	for {
		s, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// Write writes s in CoNLL-U, followed by the blank line that ends it.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString("# ")
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	mi, ei := 0, 0
	for len(s.Empty) > ei && s.Empty[ei].After == 0 {
		bw.WriteString(s.Empty[ei].Line)
		bw.WriteByte('\n')
		ei++
	}
	for _, wd := range s.Words {
		for mi < len(s.MultiWords) && s.MultiWords[mi].First <= wd.ID {
			m := s.MultiWords[mi]
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.First, m.Last, field(m.Form), field(m.Misc))
			mi++
		}
		bw.WriteString(strconv.Itoa(wd.ID))
		for _, v := range []string{wd.Form, wd.Lemma, wd.UPOS, wd.XPOS, wd.Feats} {
			bw.WriteByte('\t')
			bw.WriteString(field(v))
		}
		bw.WriteByte('\t')
		if wd.Head < 0 {
			bw.WriteByte('_')
		} else {
			bw.WriteString(strconv.Itoa(wd.Head))
		}
		for _, v := range []string{wd.Deprel, wd.Deps, wd.Misc} {
			bw.WriteByte('\t')
			bw.WriteString(field(v))
		}
		bw.WriteByte('\n')
		for ei < len(s.Empty) && s.Empty[ei].After == wd.ID {
			bw.WriteString(s.Empty[ei].Line)
			bw.WriteByte('\n')
			ei++
		}
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// field makes v safe for one column: no tabs or newlines, "_" when empty.
func field(v string) string {
	if v == "" {
		return "_"
	}
	if strings.ContainsAny(v, "\t\n\r") {
		return strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, v)
	}
	return v
}

// Load reads every sentence of the named file.
func Load(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ss, err := ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ss, nil
}

// Split returns the path of the file of a split ("train", "dev", "test") in
// a UD treebank directory: the only file matching *-ud-SPLIT.conllu.
func Split(dir, split string) (string, error) {
	m, err := filepath.Glob(filepath.Join(dir, "*-"+split+".conllu"))
	if err != nil {
		return "", err
	}
	if len(m) != 1 {
		return "", fmt.Errorf("conllu: want one *-%s.conllu file in %s, found %d", split, dir, len(m))
	}
	return m[0], nil
}

// LoadSplit reads the named split of a UD treebank directory.
func LoadSplit(dir, split string) ([]*Sentence, error) {
	p, err := Split(dir, split)
	if err != nil {
		return nil, err
	}
	return Load(p)
}
