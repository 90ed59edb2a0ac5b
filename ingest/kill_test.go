package ingest_test

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/ingest"
)

// TestKillChild is the child process of TestKillAndRestart: an ingest that
// is killed with SIGKILL while it writes.
func TestKillChild(t *testing.T) {
	if os.Getenv("CHRONICLE_KILL_CHILD") != "1" {
		t.Skip("helper process for TestKillAndRestart")
	}
	s := openStore(t, os.Getenv("CHRONICLE_KILL_DB"))
	defer s.Close()
	_, err := ingest.Run(context.Background(), []string{os.Getenv("CHRONICLE_KILL_SRC")}, ingest.Options{
		Store: s, Extractor: fakeExtractor{delay: 3 * time.Millisecond}, Workers: 2, BatchSize: 8, OnError: func(error) {}})
	if err != nil {
		t.Fatal(err)
	}
}

func count(t *testing.T, db *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// TestKillAndRestart kills an ingest with SIGKILL in the middle, checks that
// what it committed is intact, runs it again and checks that every article
// is stored exactly once, each with its events.
func TestKillAndRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	const n = 400
	dir := t.TempDir()
	src := filepath.Join(dir, "articles.jsonl")
	writeJSONL(t, src, n, 7, false)
	dbPath := filepath.Join(dir, "kill.db")
	// Create the schema first so that the watcher can read it.
	openStore(t, dbPath).Close()
	child := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "CHRONICLE_KILL_CHILD=1", "CHRONICLE_KILL_DB="+dbPath, "CHRONICLE_KILL_SRC="+src)
		return cmd
	}
	watch, err := sql.Open("sqlite", "file:"+dbPath+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer watch.Close()

	cmd := child()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for count(t, watch, `SELECT count(*) FROM articles`) < 40 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the child stored nothing within a minute")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no cleanup at all
		t.Fatal(err)
	}
	cmd.Wait()
	first := count(t, watch, `SELECT count(*) FROM articles`)
	if first >= n {
		t.Fatalf("the child finished (%d articles) before it was killed; make it slower", first)
	}
	t.Logf("killed after %d of %d articles were committed", first, n)
	if orphans := count(t, watch, `SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)`); orphans != 0 {
		t.Errorf("%d committed articles lack their events", orphans)
	}

	out, err := child().CombinedOutput()
	if err != nil {
		t.Fatalf("restarted ingest: %v\n%s", err, out)
	}
	if got := count(t, watch, `SELECT count(*) FROM articles`); got != n {
		t.Errorf("after the restart: %d articles, want %d", got, n)
	}
	if got := count(t, watch, `SELECT count(DISTINCT doc_id) FROM articles`); got != n {
		t.Errorf("after the restart: %d distinct articles, want %d", got, n)
	}
	if got := count(t, watch, `SELECT count(*) FROM mentions`); got != n {
		t.Errorf("after the restart: %d event mentions, want %d (one per article, none twice)", got, n)
	}
	if got := count(t, watch, `SELECT sum(num_articles) FROM events`); got != n {
		t.Errorf("after the restart: events count %d articles, want %d", got, n)
	}
}
