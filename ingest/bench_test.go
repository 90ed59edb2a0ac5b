package ingest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/ingest"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/store/sqlite"
)

var (
	tmlText  = regexp.MustCompile(`(?s)<TEXT>(.*?)</TEXT>`)
	tmlTitle = regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
	tmlDCT   = regexp.MustCompile(`<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>`)
	tmlValue = regexp.MustCompile(`value="(\d{4}-\d{2}-\d{2})`)
	tmlTag   = regexp.MustCompile(`<[^>]+>`)
)

// silverJSONL writes the first n TempEval-3 silver newswire documents (text
// only, tags removed) as JSON Lines and returns the file and the text bytes.
func silverJSONL(b *testing.B, n int) (string, int) {
	dir := shared.TestPath(b, "data", "unlabeled-news", "te3-silver")
	names, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil || len(names) == 0 {
		b.Skip("no te3-silver documents")
	}
	sort.Strings(names)
	if len(names) > n {
		names = names[:n]
	}
	var out strings.Builder
	textBytes := 0
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		s := string(raw)
		m := tmlText.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		text := strings.TrimSpace(html.UnescapeString(tmlTag.ReplaceAllString(m[1], "")))
		rec := map[string]string{"id": strings.TrimSuffix(filepath.Base(name), ".tml"), "text": text}
		if t := tmlTitle.FindStringSubmatch(s); t != nil {
			rec["title"] = strings.TrimSpace(html.UnescapeString(tmlTag.ReplaceAllString(t[1], "")))
		}
		if d := tmlDCT.FindString(s); d != "" {
			if v := tmlValue.FindStringSubmatch(d); v != nil {
				rec["date"] = v[1]
			}
		}
		line, _ := json.Marshal(rec)
		out.Write(line)
		out.WriteByte('\n')
		textBytes += len(text)
	}
	path := filepath.Join(b.TempDir(), "silver.jsonl")
	if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return path, textBytes
}

// BenchmarkIngestJSONL ingests newswire articles from JSON Lines into a new
// SQLite store with the full pipeline on every core, and reports articles
// per second and the store's size relative to the article text.
// CHRONICLE_BENCH_ARTICLES sets the number of articles (default 300);
// CHRONICLE_BENCH_KEEP names a file to copy the store to;
// CHRONICLE_BENCH_PAGE_SIZE sets the SQLite page size;
// CHRONICLE_BENCH_JSONL names a JSON Lines file to ingest instead (its
// first CHRONICLE_BENCH_ARTICLES records, all when unset), e.g. PolNeAR
// texts.
func BenchmarkIngestJSONL(b *testing.B) {
	n := 300
	v, err := strconv.Atoi(os.Getenv("CHRONICLE_BENCH_ARTICLES"))
	if err == nil && v > 0 {
		n = v
	}
	var src string
	var textBytes int
	if f := os.Getenv("CHRONICLE_BENCH_JSONL"); f != "" {
		if v <= 0 {
			n = 0
		}
		src, textBytes = jsonlHead(b, f, n)
	} else {
		src, textBytes = silverJSONL(b, n)
	}
	p, err := chronicle.New(chronicle.Options{})
	if err != nil {
		b.Fatal(err)
	}
	// Load the models before timing.
	if _, err := p.Extract(context.Background(), docArticle("Warm-up text. The minister met the envoy on Monday.")); err != nil {
		b.Fatal(err)
	}
	var rate, ratio float64
	i := 0
	for b.Loop() {
		i++
		db := filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i))
		pageSize, _ := strconv.Atoi(os.Getenv("CHRONICLE_BENCH_PAGE_SIZE"))
		s, err := sqlite.Open(context.Background(), db, sqlite.Options{PageSize: pageSize})
		if err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		st, err := ingest.Run(context.Background(), []string{src}, ingest.Options{Store: s, Extractor: p, OnError: func(err error) { b.Log(err) }})
		if err != nil {
			b.Fatal(err)
		}
		rate = float64(st.Stored+st.Syndicated) / time.Since(t0).Seconds()
		if _, err := s.Writer().Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			b.Fatal(err)
		}
		stats, err := s.Stats(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		fi, err := os.Stat(db)
		if err != nil {
			b.Fatal(err)
		}
		ratio = float64(fi.Size()) / float64(textBytes)
		if keep := os.Getenv("CHRONICLE_BENCH_KEEP"); keep != "" {
			// Keep the store for a size breakdown (sqlite3 dbstat).
			raw, err := os.ReadFile(db)
			if err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(keep, raw, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		b.Logf("%d articles (%d text bytes): %.1f articles/s, store %d bytes = %.2f× the text; %+v", st.Stored, textBytes, rate, fi.Size(), ratio, stats)
	}
	b.ReportMetric(rate, "articles/s")
	b.ReportMetric(ratio, "store/text")
}

// jsonlHead copies the first n records of a JSON Lines file (n 0: all) and
// returns the copy and the bytes of their "text" fields.
func jsonlHead(b *testing.B, path string, n int) (string, int) {
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var out strings.Builder
	textBytes, count := 0, 0
	for line := range strings.Lines(string(raw)) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if n > 0 && count == n {
			break
		}
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			b.Fatalf("%s: record %d: %v", path, count+1, err)
		}
		textBytes += len(rec.Text)
		count++
		out.WriteString(line)
	}
	dst := filepath.Join(b.TempDir(), "head.jsonl")
	if err := os.WriteFile(dst, []byte(out.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return dst, textBytes
}
