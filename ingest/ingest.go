// Package ingest loads many articles into a corpus store: it reads files,
// directories and globs of text, HTML, JSON Lines, RSS/Atom feeds and WARC
// files, runs every article through the extraction pipeline on all cores,
// and stores the documents in batches. It is idempotent (articles already
// stored, by URL or content hash, are skipped before any work is spent on
// them), safe to kill at any moment (each batch is one transaction), and
// reports bad records with their location without stopping.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/read"
	"github.com/chronicle-news/chronicle/store"
)

// Extractor turns an article into a processed document; *chronicle.Pipeline
// is one. It must be safe for concurrent use.
type Extractor interface {
	Extract(ctx context.Context, a doc.Article) (*doc.Document, error)
}

// Options configure Run.
type Options struct {
	Store     store.Store
	Extractor Extractor
	// Workers is the number of concurrent extractions (default: the number
	// of CPUs).
	Workers int
	// BatchSize is the most documents per transaction (default 32);
	// FlushEvery is the longest a processed document waits to be stored
	// (default 1s).
	BatchSize  int
	FlushEvery time.Duration
	// Read configures the readers (a default publication date, size limit).
	Read read.Options
	// Stdin is read for the source "-".
	Stdin io.Reader
	// Progress receives progress updates; nil means none.
	Progress Progress
	// OnError is called with every bad record or failed article (the error
	// names its location); nil logs them as warnings.
	OnError func(error)
	// Log receives logs; nil means slog.Default().
	Log *slog.Logger
}

// Stats counts what an ingest did.
type Stats struct {
	Read       int64 `json:"read"`       // articles read from the sources
	Stored     int64 `json:"stored"`     // new articles stored
	Duplicates int64 `json:"duplicates"` // skipped: same URL or content already stored
	Syndicated int64 `json:"syndicated"` // stored as copies linked to an original
	Failed     int64 `json:"failed"`     // bad records and articles the pipeline failed on
	NewEvents  int64 `json:"new_events"` // events not seen before
	Merged     int64 `json:"merged"`     // event reports merged into known events
	BytesDone  int64 `json:"bytes_done"` // input bytes up to the last article handled
	BytesTotal int64 `json:"bytes_total"`
	Elapsed    time.Duration
}

// Rate is the number of articles handled (stored, skipped or failed) per
// second.
func (s Stats) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Stored+s.Duplicates+s.Syndicated+s.Failed) / s.Elapsed.Seconds()
}

// counters is the live, concurrently updated form of Stats.
type counters struct {
	read, stored, dups, synd, failed, newEvents, merged, bytes atomic.Int64
	done                                                       atomic.Int64 // bytes up to the furthest handled article
	total                                                      int64
	start                                                      time.Time
}

func (c *counters) snapshot() Stats {
	return Stats{Read: c.read.Load(), Stored: c.stored.Load(), Duplicates: c.dups.Load(), Syndicated: c.synd.Load(),
		Failed: c.failed.Load(), NewEvents: c.newEvents.Load(), Merged: c.merged.Load(),
		BytesDone: c.done.Load(), BytesTotal: c.total, Elapsed: time.Since(c.start)}
}

// job is an article on its way through the workers.
type job struct {
	a   doc.Article
	pos int64 // input bytes read when the article was
}

// handled records that the article read at pos is finished with.
func (c *counters) handled(pos int64) {
	for {
		cur := c.done.Load()
		if pos <= cur || c.done.CompareAndSwap(cur, pos) {
			return
		}
	}
}

// result is a processed document on its way to the writer.
type result struct {
	d   *doc.Document
	pos int64
}

// Run ingests the sources (paths, directories, globs, "-") into opts.Store.
// It returns the counts and an error only when the ingest as a whole could
// not run (no store, a failing database, cancellation); bad records are
// counted, reported through OnError and skipped.
func Run(ctx context.Context, sources []string, opts Options) (Stats, error) {
	if opts.Store == nil || opts.Extractor == nil {
		return Stats{}, errors.New("ingest: a store and an extractor are required")
	}
	log := opts.Log
	if log == nil {
		log = slog.Default()
	}
	userOnError := opts.OnError
	if userOnError == nil {
		userOnError = func(err error) { log.Warn("skipped", "error", err) }
	}
	var errMu sync.Mutex
	onError := func(err error) {
		errMu.Lock()
		defer errMu.Unlock()
		userOnError(err)
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	batch := opts.BatchSize
	if batch <= 0 {
		batch = 32
	}
	flushEvery := opts.FlushEvery
	if flushEvery <= 0 {
		flushEvery = time.Second
	}
	c := &counters{start: time.Now()}
	inputs, errs := Expand(sources)
	for _, err := range errs {
		c.failed.Add(1)
		onError(err)
	}
	for _, in := range inputs {
		c.total += in.Size
	}
	report := func(err error) {
		c.failed.Add(1)
		onError(err)
	}

	parent := ctx
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan job, workers*2)
	results := make(chan result, workers*2)

	// Progress ticker.
	var progressDone chan struct{}
	if opts.Progress != nil {
		progressDone = make(chan struct{})
		go func() {
			defer close(progressDone)
			t := time.NewTicker(200 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					opts.Progress.Update(c.snapshot())
				}
			}
		}()
	}

	// Reader: one goroutine walks the inputs in order.
	go func() {
		defer close(jobs)
		for _, in := range inputs {
			for a, err := range readInput(in, opts.Stdin, opts.Read, &c.bytes) {
				if ctx.Err() != nil {
					return
				}
				if err != nil {
					report(err)
					continue
				}
				c.read.Add(1)
				select {
				case jobs <- job{a: a, pos: c.bytes.Load()}:
				case <-ctx.Done():
					return
				}
			}
		}
	}()

	// Workers: skip what is stored, extract the rest.
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue
				}
				seen, err := opts.Store.Seen(ctx, strings.TrimSpace(j.a.URL), store.ContentHash(j.a.Text))
				if err != nil {
					cancel(fmt.Errorf("ingest: %w", err))
					continue
				}
				if seen {
					c.dups.Add(1)
					c.handled(j.pos)
					continue
				}
				d, err := extract(ctx, opts.Extractor, j.a)
				if err != nil {
					if ctx.Err() == nil {
						if loc := location(j.a); !strings.HasPrefix(err.Error(), loc) {
							err = &RecordError{Location: loc, Err: err}
						}
						report(err)
					}
					c.handled(j.pos)
					continue
				}
				select {
				case results <- result{d, j.pos}:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Writer: batches of documents, one transaction each.
	pending := make([]*doc.Document, 0, batch)
	var pendingPos int64
	flush := func(fctx context.Context) error {
		if len(pending) == 0 {
			return nil
		}
		res, err := opts.Store.Put(fctx, pending...)
		if err != nil && fctx.Err() == nil && len(pending) > 1 {
			// One bad document must not sink the batch: store them one by
			// one, report the ones the store refuses, and give up only when
			// it refuses them all (then the store itself is failing).
			res = res[:0]
			var firstErr error
			for _, d := range pending {
				r, derr := opts.Store.Put(fctx, d)
				if derr != nil {
					if firstErr == nil {
						firstErr = derr
					}
					report(&RecordError{Location: docLocation(d), Err: derr})
					continue
				}
				res = append(res, r...)
			}
			err = nil
			if len(res) == 0 {
				err = firstErr
			}
		}
		if err != nil {
			return fmt.Errorf("ingest: storing %d articles: %w", len(pending), err)
		}
		for _, r := range res {
			switch r.Status {
			case store.PutStored:
				c.stored.Add(1)
			case store.PutDuplicate:
				c.dups.Add(1)
			case store.PutSyndicated:
				c.synd.Add(1)
			}
			c.newEvents.Add(int64(r.NewEvents))
			c.merged.Add(int64(r.MergedEvents))
		}
		pending = pending[:0]
		c.handled(pendingPos)
		return nil
	}
	timer := time.NewTimer(flushEvery)
	defer timer.Stop()
	var runErr error
loop:
	for {
		select {
		case r, ok := <-results:
			if !ok {
				break loop
			}
			pending = append(pending, r.d)
			pendingPos = max(pendingPos, r.pos)
			if len(pending) >= batch {
				if err := flush(ctx); err != nil {
					runErr = err
					cancel(err)
					break loop
				}
			}
		case <-timer.C:
			if err := flush(ctx); err != nil {
				runErr = err
				cancel(err)
				break loop
			}
			timer.Reset(flushEvery)
		}
	}
	if runErr == nil {
		// Store what was processed, even when cancelled: it is finished work.
		fctx, fcancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		runErr = flush(fctx)
		fcancel()
	}
	// Drain so that the workers and the reader end.
	for range results {
	}
	cause := context.Cause(ctx)
	cancel(nil)
	if cause == nil && runErr == nil {
		c.handled(c.bytes.Load())
		// A batch that is a large share of the store leaves it worth
		// compacting (the store decides); a failure (another process
		// holding the database) leaves it as it is.
		if cp, ok := opts.Store.(store.Compacter); ok && c.stored.Load() > 0 {
			did, err := cp.Compact(parent, c.stored.Load())
			switch {
			case err != nil:
				log.Warn("ingest: compacting the store failed; it stays as it is", "error", err)
			case did:
				log.Info("ingest: compacted the store")
			}
		}
	}
	if progressDone != nil {
		<-progressDone
	}
	st := c.snapshot()
	if opts.Progress != nil {
		opts.Progress.Finish(st)
	}
	if runErr != nil {
		return st, runErr
	}
	if cause != nil && !errors.Is(cause, context.Canceled) {
		return st, cause
	}
	if cause != nil {
		return st, fmt.Errorf("ingest interrupted: %w", cause)
	}
	return st, nil
}

// extract runs the extractor, turning a panic into an error.
func extract(ctx context.Context, e Extractor, a doc.Article) (d *doc.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("pipeline panic: %v", r)
		}
	}()
	return e.Extract(ctx, a)
}

func docLocation(d *doc.Document) string {
	return location(doc.Article{Source: d.Source, URL: d.URL, ID: d.ID})
}

func location(a doc.Article) string {
	if a.Source != "" {
		return a.Source
	}
	if a.URL != "" {
		return a.URL
	}
	return a.ID
}
