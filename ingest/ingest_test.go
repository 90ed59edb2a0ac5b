package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/ingest"
	"github.com/chronicle-news/chronicle/store"
	"github.com/chronicle-news/chronicle/store/sqlite"
)

// fakeExtractor stands in for the pipeline: one CONSULT event between the
// first two capitalised words of the text, dated by the article.
type fakeExtractor struct{ delay time.Duration }

func (f fakeExtractor) Extract(ctx context.Context, a doc.Article) (*doc.Document, error) {
	if f.delay > 0 {
		select {
		case <-time.After(f.delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if strings.Contains(a.Text, "PANICWORD") {
		panic("stage bug")
	}
	if strings.Contains(a.Text, "FAILWORD") {
		return nil, errors.New("stage failed")
	}
	d := doc.New(a)
	end := strings.IndexByte(d.Text, '.')
	if end < 0 {
		end = len(d.Text)
	}
	d.Sentences = []doc.Sentence{{Start: 0, End: end}}
	var names []doc.Participant
	for _, f := range strings.Fields(d.Text[:end]) {
		if f[0] >= 'A' && f[0] <= 'Z' && len(names) < 2 {
			i := strings.Index(d.Text, f)
			id := fmt.Sprintf("A%d", len(names)+1)
			d.Actors = append(d.Actors, doc.Actor{ID: id, Name: f, Kind: "PER", Mentions: []doc.Mention{{Text: f, Start: i, End: i + len(f)}}})
			names = append(names, doc.Participant{Actor: id, Text: f, Start: i, End: i + len(f)})
		}
	}
	if len(names) == 2 {
		ev := doc.Evidence{Start: 0, End: end, Text: d.Text[:end], Trigger: doc.Trigger{Text: d.Text[:1], Start: 0, End: 1}}
		d.Events = []doc.Event{{ID: "e1", Type: "CONSULT", CAMEO: "040", Source: names[:1], Target: names[1:], Status: "occurred", Evidence: ev, Mentions: []doc.Evidence{ev}}}
	}
	d.Done = doc.Sentences | doc.Actors | doc.Events
	return d, nil
}

// words makes a text of n random words from a made-up vocabulary, so that
// no two texts are near-duplicates.
func words(rng *rand.Rand, n int) string {
	syll := []string{"ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "pe", "da", "gu", "zo", "fe", "xi", "bo", "ha"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		for k := 0; k < 2+rng.Intn(3); k++ {
			b.WriteString(syll[rng.Intn(len(syll))])
		}
	}
	return b.String()
}

func article(rng *rand.Rand, i int) string {
	return fmt.Sprintf("Alpha%d met Beta%d yesterday. %s.", i%7, i%5, words(rng, 60))
}

func writeJSONL(t testing.TB, path string, n int, seed int64, bad bool) {
	rng := rand.New(rand.NewSource(seed))
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		rec := map[string]any{"id": fmt.Sprintf("j%d", i), "text": article(rng, i), "url": fmt.Sprintf("https://example.org/%d/%d", seed, i),
			"title": fmt.Sprintf("Story %d", i), "date": "2025-02-22"}
		line, _ := json.Marshal(rec)
		b.Write(line)
		b.WriteByte('\n')
		if bad && i == 2 {
			b.WriteString("{\"id\": \"no-text\", \"title\": \"missing\"}\n")
			b.WriteString("{not json\n")
		}
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func openStore(t testing.TB, path string) store.Store {
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type errList struct {
	mu   sync.Mutex
	errs []string
}

func (e *errList) add(err error) {
	e.mu.Lock()
	e.errs = append(e.errs, err.Error())
	e.mu.Unlock()
}

func warcRecord(typ, uri, ctype string, body []byte, status string) []byte {
	var block bytes.Buffer
	if typ == "response" {
		fmt.Fprintf(&block, "HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", status, ctype, len(body))
	}
	block.Write(body)
	var r bytes.Buffer
	fmt.Fprintf(&r, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-02-23T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n",
		typ, uri, len(uri), block.Len())
	r.Write(block.Bytes())
	r.WriteString("\r\n\r\n")
	return r.Bytes()
}

func htmlPage(title, body string) []byte {
	return []byte("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><article><h1>" + title +
		"</h1><p>" + body + "</p><p>" + body + " Again and again the sources stressed it.</p></article></body></html>")
}

func TestIngestSourcesAndBadRecords(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(99))
	writeJSONL(t, filepath.Join(dir, "a.jsonl"), 5, 1, true)
	os.WriteFile(filepath.Join(dir, "plain.txt"), []byte("Some headline\n\n"+article(rng, 100)+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "page.html"), htmlPage("Page title", article(rng, 101)), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.txt"), []byte(article(rng, 102)), 0o644)
	os.WriteFile(filepath.Join(dir, "fails.txt"), []byte("FAILWORD "+article(rng, 103)), 0o644)
	os.WriteFile(filepath.Join(dir, "panics.txt"), []byte("PANICWORD "+article(rng, 104)), 0o644)
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Outlet</title>
<item><title>One</title><link>https://feed.example/1</link><pubDate>Sat, 22 Feb 2025 10:00:00 GMT</pubDate><description><![CDATA[<p>` + article(rng, 105) + `</p>]]></description></item>
<item><title>Empty</title><link>https://feed.example/2</link><description></description></item>
<item><title>Two</title><link>https://feed.example/3</link><description>` + article(rng, 106) + `</description></item>
</channel></rss>`
	os.WriteFile(filepath.Join(dir, "news.rss"), []byte(feed), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.rss"), []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>`), 0o644)
	// WARC: an HTML page in Windows-1252, a request, an image, a redirect,
	// a malformed record, then another page; and the same gzipped.
	latin := append(htmlPage("Caf\xe9 talks", article(rng, 107)), []byte("<!-- na\xefve -->")...)
	latin = bytes.Replace(latin, []byte(`charset="utf-8"`), []byte(`charset="windows-1252"`), 1)
	var warc bytes.Buffer
	warc.Write(warcRecord("response", "https://warc.example/a", "text/html; charset=windows-1252", latin, "200 OK"))
	warc.Write(warcRecord("request", "https://warc.example/a", "", []byte("GET /a HTTP/1.1\r\nHost: warc.example\r\n\r\n"), ""))
	warc.Write(warcRecord("response", "https://warc.example/img.png", "image/png", []byte("\x89PNG...."), "200 OK"))
	warc.Write(warcRecord("response", "https://warc.example/moved", "text/html", []byte("<html>moved</html>"), "301 Moved"))
	warc.Write(warcRecord("response", "https://warc.example/b", "text/html", htmlPage("Second page", article(rng, 108)), "200 OK"))
	os.WriteFile(filepath.Join(dir, "crawl.warc"), warc.Bytes(), 0o644)
	var gz bytes.Buffer
	for _, rec := range [][]byte{
		warcRecord("response", "https://warc.example/gz1", "text/html", htmlPage("Gz one", article(rng, 109)), "200 OK"),
		warcRecord("response", "https://warc.example/gz2", "text/html", htmlPage("Gz two", article(rng, 110)), "200 OK"),
	} {
		zw := gzip.NewWriter(&gz)
		zw.Write(rec)
		zw.Close()
	}
	os.WriteFile(filepath.Join(dir, "crawl.warc.gz"), gz.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.warc"), append([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: zzz\r\n\r\ngarbage"), warcRecord("response", "https://warc.example/c", "text/html", htmlPage("After garbage", article(rng, 111)), "200 OK")...), 0o644)

	s := openStore(t, filepath.Join(t.TempDir(), "c.db"))
	defer s.Close()
	var errs errList
	st, err := ingest.Run(context.Background(), []string{dir, filepath.Join(dir, "nomatch-*.txt")}, ingest.Options{
		Store: s, Extractor: fakeExtractor{}, OnError: errs.add, Workers: 3, BatchSize: 4})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs.errs {
		t.Log("reported:", e)
	}
	// 5 JSONL + text + HTML + 2 feed items + 2 WARC pages + 2 gz pages + the
	// page after a malformed WARC record = 14 stored; failures: 2 JSON lines, fails, panics, empty feed item,
	// broken feed, bad WARC record(s), unmatched glob.
	if st.Stored != 14 {
		t.Errorf("stored %d, want 14 (%+v)", st.Stored, st)
	}
	want := []string{"a.jsonl:4", "a.jsonl:5", "fails.txt", "panics.txt", "news.rss#2", "broken.rss", "bad.warc@0", "nomatch-*.txt"}
	all := strings.Join(errs.errs, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("no error reported at %s", w)
		}
	}
	if st.Failed < int64(len(want)) {
		t.Errorf("failed %d, want at least %d", st.Failed, len(want))
	}
	var cafe *doc.Document
	s.Documents(context.Background(), store.DocQuery{Copies: true}, func(d *doc.Document) error {
		if strings.Contains(d.Title, "talks") {
			cafe = d
		}
		return nil
	})
	if cafe == nil || cafe.Title != "Café talks" || cafe.URL != "https://warc.example/a" {
		t.Errorf("Windows-1252 WARC page: %+v", cafe)
	}
	// Run again: everything is skipped, nothing stored twice.
	st2, err := ingest.Run(context.Background(), []string{dir}, ingest.Options{Store: s, Extractor: fakeExtractor{}, OnError: func(error) {}})
	if err != nil {
		t.Fatal(err)
	}
	if st2.Stored != 0 || st2.Duplicates != 14 {
		t.Errorf("second run: %+v; want 0 stored, 14 duplicates", st2)
	}
	stats, _ := s.Stats(context.Background())
	if stats.Articles != 14 {
		t.Errorf("store holds %d articles, want 14", stats.Articles)
	}
}

func TestIngestStdinAndCancel(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "c.db"))
	defer s.Close()
	rng := rand.New(rand.NewSource(3))
	var b strings.Builder
	for i := 0; i < 200; i++ {
		line, _ := json.Marshal(map[string]string{"text": article(rng, i)})
		b.Write(line)
		b.WriteByte('\n')
	}
	ctx, cancel := context.WithCancel(context.Background())
	ex := &cancellingExtractor{after: 50, cancel: cancel}
	st, err := ingest.Run(ctx, []string{"-"}, ingest.Options{Store: s, Extractor: ex,
		Stdin: strings.NewReader(b.String()), Read: readJSONL(), Workers: 2})
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled ingest: err %v", err)
	}
	stats, _ := s.Stats(context.Background())
	if int64(stats.Articles) != st.Stored || st.Stored == 0 || st.Stored == 200 {
		t.Errorf("cancelled: stats %+v, store %d articles", st, stats.Articles)
	}
	// Finish the job.
	st2, err := ingest.Run(context.Background(), []string{"-"}, ingest.Options{Store: s, Extractor: fakeExtractor{},
		Stdin: strings.NewReader(b.String()), Read: readJSONL()})
	if err != nil {
		t.Fatal(err)
	}
	if st2.Stored+st2.Duplicates != 200 || st2.Duplicates != st.Stored {
		t.Errorf("resumed: %+v after %+v", st2, st)
	}
}

// cancellingExtractor cancels the ingest after a number of extractions.
type cancellingExtractor struct {
	mu     sync.Mutex
	n      int
	after  int
	cancel func()
}

func (c *cancellingExtractor) Extract(ctx context.Context, a doc.Article) (*doc.Document, error) {
	c.mu.Lock()
	c.n++
	if c.n == c.after {
		c.cancel()
	}
	c.mu.Unlock()
	return fakeExtractor{}.Extract(ctx, a)
}

// refusingStore fails any Put that contains a document whose text holds
// "REFUSE", as a database refuses a value it cannot store.
type refusingStore struct{ store.Store }

func (r refusingStore) Put(ctx context.Context, docs ...*doc.Document) ([]store.PutResult, error) {
	for _, d := range docs {
		if strings.Contains(d.Text, "REFUSE") {
			return nil, errors.New("value refused")
		}
	}
	return r.Store.Put(ctx, docs...)
}

func TestIngestBadDocumentDoesNotSinkBatch(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(5))
	var b strings.Builder
	for i := 0; i < 20; i++ {
		text := article(rng, i)
		if i == 7 {
			text = "REFUSE " + text
		}
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i), "text": text})
		b.Write(line)
		b.WriteByte('\n')
	}
	src := filepath.Join(dir, "in.jsonl")
	os.WriteFile(src, []byte(b.String()), 0o644)
	s := openStore(t, filepath.Join(dir, "c.db"))
	defer s.Close()
	var errs errList
	st, err := ingest.Run(context.Background(), []string{src}, ingest.Options{Store: refusingStore{s}, Extractor: fakeExtractor{}, BatchSize: 8, OnError: errs.add})
	if err != nil {
		t.Fatal(err)
	}
	if st.Stored != 19 || st.Failed != 1 || len(errs.errs) != 1 || !strings.Contains(errs.errs[0], "in.jsonl:8") {
		t.Errorf("stats %+v, errors %q; want 19 stored and in.jsonl:8 reported", st, errs.errs)
	}
}

// compactingStore records the compactions an ingest asks for; fail makes
// them fail.
type compactingStore struct {
	store.Store
	mu    sync.Mutex
	calls []int64
	fail  bool
}

func (c *compactingStore) Compact(ctx context.Context, added int64) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls = append(c.calls, added)
	if c.fail {
		return false, errors.New("database is busy")
	}
	return true, nil
}

func TestIngestCompacts(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	var b strings.Builder
	for i := 0; i < 30; i++ {
		line, _ := json.Marshal(map[string]string{"text": article(rng, i)})
		b.Write(line)
		b.WriteByte('\n')
	}
	for _, c := range []struct {
		name      string
		fail      bool
		cancelAt  int     // cancel after this many extractions (0: never)
		wantCalls []int64 // the articles each Compact call was told of
	}{
		{"a finished run compacts", false, 0, []int64{30}},
		{"a failed compaction is no failed run", true, 0, []int64{30}},
		{"a cancelled run does not compact", false, 10, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &compactingStore{Store: openStore(t, filepath.Join(t.TempDir(), "c.db")), fail: c.fail}
			defer s.Close()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var ex ingest.Extractor = fakeExtractor{}
			if c.cancelAt > 0 {
				ex = &cancellingExtractor{after: c.cancelAt, cancel: cancel}
			}
			_, err := ingest.Run(ctx, []string{"-"}, ingest.Options{Store: s, Extractor: ex,
				Stdin: strings.NewReader(b.String()), Read: readJSONL(), Workers: 2})
			if (err != nil) != (c.cancelAt > 0) {
				t.Errorf("Run: %v", err)
			}
			if !slices.Equal(s.calls, c.wantCalls) {
				t.Errorf("Compact calls %v, want %v", s.calls, c.wantCalls)
			}
		})
	}
}
