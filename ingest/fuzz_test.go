package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/chronicle-news/chronicle/read"
)

// FuzzReadInput feeds arbitrary bytes to the readers under every kind of
// file name: they must report errors, never panic or hang.
func FuzzReadInput(f *testing.F) {
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"), uint8(0))
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title><description>one two three four five six</description></item></channel></rss>`), uint8(1))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title><content type="html">&lt;p&gt;a b c d e f&lt;/p&gt;</content></entry></feed>`), uint8(2))
	f.Add([]byte("{\"text\": \"a b c\"}\n{broken\n"), uint8(3))
	f.Add([]byte("\x1f\x8b\x08\x00garbage"), uint8(4))
	names := []string{"a.warc", "feed.rss", "feed.atom", "a.jsonl", "a.jsonl.gz", "a.warc.gz", "page.html", "x.txt"}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		name := filepath.Join(dir, names[int(kind)%len(names)])
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Skip()
		}
		var done atomic.Int64
		n := 0
		for range readInput(Input{Path: name}, bytes.NewReader(nil), read.Options{MaxBytes: 1 << 20}, &done) {
			n++
			if n > 10000 {
				t.Fatal("too many records from one small input")
			}
		}
	})
}

// FuzzHTMLText checks that fragments of any shape give text without panics.
func FuzzHTMLText(f *testing.F) {
	f.Add("<p>one <b>two</b></p><script>x</script>three")
	f.Add("&amp;&lt;<<>>")
	f.Fuzz(func(t *testing.T, s string) {
		_ = htmlText(s)
	})
}
