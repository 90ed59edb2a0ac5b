package tokenize

import (
	"bufio"
	"fmt"
)

// Write tokenizes and splits text and writes one sentence a line, tokens
// separated by spaces, with a blank line between paragraphs. With offsets,
// each token is written as FORM/START-END (byte offsets).
func Write(w *bufio.Writer, t *Tokenizer, text string, offsets bool) error {
	toks, sents := t.Segment(text, nil, nil)
	for k, s := range sents {
		if k > 0 && s.Paragraph != sents[k-1].Paragraph {
			w.WriteByte('\n')
		}
		for i := s.FirstToken; i < s.EndToken; i++ {
			if i > s.FirstToken {
				w.WriteByte(' ')
			}
			tk := toks[i]
			w.WriteString(text[tk.Start:tk.End])
			if offsets {
				fmt.Fprintf(w, "/%d-%d", tk.Start, tk.End)
			}
		}
		if err := w.WriteByte('\n'); err != nil {
			return fmt.Errorf("writing tokens: %w", err)
		}
	}
	return nil
}
