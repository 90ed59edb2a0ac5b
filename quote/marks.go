package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// marked is a stretch of text between quotation marks.
type marked struct {
	open  int // offset of the opening mark
	cs    int // content start (after the mark)
	ce    int // content end (before the closing mark, or the paragraph end)
	close int // offset just after the closing mark; ce when unclosed
	// para is the index of the paragraph (line) holding the opening mark.
	para int
	// paraStart reports that only whitespace precedes the opening mark in its paragraph.
	paraStart bool
	single    bool // delimited by single marks
	closed    bool // a closing mark was found
}

// Mark kinds.
const (
	markNone = iota
	markOpen
	markClose
	markEither // straight marks: context decides
)

// doubleMark classifies r as a double quotation mark.
func doubleMark(r rune) int {
	switch r {
	case '"':
		return markEither
	case '“', '„', '«', '‟':
		return markOpen
	case '”', '»':
		return markClose
	}
	return markNone
}

// singleMark classifies r as a single quotation mark.
func singleMark(r rune) int {
	switch r {
	case '\'':
		return markEither
	case '‘', '‹', '‛':
		return markOpen
	case '’', '›':
		return markClose
	}
	return markNone
}

// runeBefore returns the rune ending at offset i, or -1 at the start.
func runeBefore(s string, i int) rune {
	if i <= 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// runeAt returns the rune starting at offset i and its size, or -1 at the end.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// openContext reports whether a mark preceded by prev can open a quote.
func openContext(prev rune) bool {
	if prev < 0 || unicode.IsSpace(prev) {
		return true
	}
	switch prev {
	case '(', '[', '{', '—', '–', '-', '/', ':', '“', '‘', '"', '\'', '«', '„':
		return true
	}
	return false
}

// closeContext reports whether a mark followed by next can close a quote.
func closeContext(next rune) bool {
	if next < 0 || unicode.IsSpace(next) {
		return true
	}
	switch next {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '”', '’', '"', '\'', '»', '…':
		return true
	}
	return false
}

// signOff reports whether the paragraph text at offset i is an author's
// sign-off ("Follow Pam Key on Twitter @pamkeyNEN."), which ends a
// transcript: no quote continues into it, even when the transcript's
// convention re-opens a quotation mark on every paragraph.
func signOff(s string, i int) bool {
	rest := s[i:paraEnd(s, i)]
	if !strings.HasPrefix(rest, "Follow ") {
		return false
	}
	for _, site := range []string{" on Twitter", " on Facebook", " on Instagram", " on X ", " on X:", " on X at", " on Gab", " on Truth Social", " on Parler"} {
		if strings.Contains(rest, site) {
			return true
		}
	}
	return false
}

// paraEnd returns the offset of the newline that ends the paragraph holding
// offset i (or len(s)).
func paraEnd(s string, i int) int {
	for j := i; j < len(s); j++ {
		if s[j] == '\n' {
			return j
		}
	}
	return len(s)
}

// nextParaStart returns the offset of the first non-space character after
// the newline at nl, skipping blank lines, or len(s).
func nextParaStart(s string, nl int) int {
	j := nl
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += n
	}
	return j
}

// scanMarks finds the quoted stretches of text. It never looks past the end
// of a paragraph for a closing mark, except for the newspaper convention of
// a multi-paragraph quote (each paragraph re-opened, closed only at the end).
// Single marks inside double quotes (nested quotes) stay part of the outer
// quote. The result is appended to out in text order.
func scanMarks(s string, out []marked) []marked {
	para := 0
	lineStart := true // only whitespace seen since the last newline
	cur := -1         // index in out of the open double quote, or -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\n' {
			if cur >= 0 {
				// An open quote meets the end of its paragraph.
				nx := nextParaStart(s, i)
				r2, n2 := runeAt(s, nx)
				if _, _, label := labelAt(s, nx+n2); nx < len(s) && doubleMark(r2) != markNone && doubleMark(r2) != markClose && !label && !signOff(s, nx+n2) {
					// Multi-paragraph quote: skip the re-opening mark. A
					// paragraph opening with a speaker label ("“PENCE: …")
					// starts the next speaker's quote instead.
					i = nx + n2
					para++
					lineStart = false
					continue
				}
				endUnclosed(s, &out[cur], i)
				cur = -1
			}
			para++
			lineStart = true
			i += n
			continue
		}
		prev := runeBefore(s, i)
		next, _ := runeAt(s, i+n)
		if dm := doubleMark(r); dm != markNone {
			switch {
			case cur < 0:
				opens := dm == markOpen || (dm == markEither && next >= 0 && !unicode.IsSpace(next))
				if dm == markClose && lineStart && next >= 0 && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
					opens = true // a paragraph cannot open by closing a quote: the writer's mark is turned
				}
				if lineStart && signOff(s, i+n) {
					opens = false // a sign-off the transcript's marks ran into
				}
				if dm == markEither && !openContext(prev) && closeContext(next) {
					opens = false
				}
				if opens {
					out = append(out, marked{open: i, cs: i + n, para: para, paraStart: lineStart})
					cur = len(out) - 1
				}
			default:
				reopen := false
				if dm == markOpen {
					reopen = openContext(prev) && prev != '“'
				} else if dm == markEither {
					reopen = openContext(prev) && !closeContext(next) && i > out[cur].cs
				}
				if reopen {
					// A new opening mark while one is open: the writer left
					// the previous quote unclosed. End it here.
					endUnclosed(s, &out[cur], i)
					out = append(out, marked{open: i, cs: i + n, para: para, paraStart: lineStart})
					cur = len(out) - 1
				} else {
					q := &out[cur]
					q.ce, q.close, q.closed = i, i+n, true
					cur = -1
				}
			}
			lineStart = false
			i += n
			continue
		}
		if cur < 0 {
			if sm := singleMark(r); sm == markOpen || sm == markEither {
				if openContext(prev) && next >= 0 && (unicode.IsLetter(next) || unicode.IsDigit(next) || doubleMark(next) != markNone) {
					if ce, cl, ok := findSingleClose(s, i+n); ok {
						out = append(out, marked{open: i, cs: i + n, ce: ce, close: cl, para: para, paraStart: lineStart, single: true, closed: true})
						lineStart = false
						i = cl
						continue
					}
				}
			}
		}
		if !unicode.IsSpace(r) {
			lineStart = false
		}
		i += n
	}
	if cur >= 0 {
		endUnclosed(s, &out[cur], len(s))
	}
	return out
}

// endUnclosed ends an unclosed quote at offset end (a paragraph end or the
// next opening mark), trimming trailing space.
func endUnclosed(s string, q *marked, end int) {
	for end > q.cs {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	q.ce, q.close, q.closed = end, end, false
}

// findSingleClose looks for the closing single mark of a quote whose content
// starts at from, within the same paragraph. Apostrophes (a mark between
// letters, as in "isn't") are skipped.
func findSingleClose(s string, from int) (ce, cl int, ok bool) {
	end := paraEnd(s, from)
	for j := from; j < end; {
		r, n := utf8.DecodeRuneInString(s[j:])
		if sm := singleMark(r); sm == markClose || sm == markEither {
			prev := runeBefore(s, j)
			next, _ := runeAt(s, j+n)
			if j > from && prev >= 0 && !unicode.IsSpace(prev) && closeContext(next) {
				return j, j + n, true
			}
		}
		j += n
	}
	return 0, 0, false
}
