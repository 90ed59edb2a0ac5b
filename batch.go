package chronicle

import (
	"context"
	"iter"
	"runtime"
	"sync"

	"github.com/chronicle-news/chronicle/doc"
)

// Result is the outcome for one input of a batch: a document, or the error
// that reading or processing it gave.
type Result struct {
	Index int // position in the input sequence, from 0
	Doc   *doc.Document
	Err   error
}

// Batch runs the pipeline over a sequence of articles on workers goroutines
// (GOMAXPROCS when workers < 1) and calls emit for each in input order.
// Read errors in the sequence are passed through as Results with Err set, so
// one bad input never stops the batch. Batch stops early when ctx is done or
// emit returns an error, and returns that error.
func (p *Pipeline) Batch(ctx context.Context, articles iter.Seq2[doc.Article, error], workers int, emit func(Result) error) error {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		idx int
		a   doc.Article
		err error
		out chan Result
	}
	jobs := make(chan job)
	// order carries each job's result channel in input order; its buffer
	// bounds how far workers run ahead of the writer.
	order := make(chan chan Result, workers*4)

	go func() {
		defer close(jobs)
		defer close(order)
		i := 0
		for a, err := range articles {
			j := job{idx: i, a: a, err: err, out: make(chan Result, 1)}
			i++
			select {
			case order <- j.out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := Result{Index: j.idx, Err: j.err}
				if j.err == nil {
					r.Doc, r.Err = p.extractSafe(ctx, j.a)
				}
				j.out <- r
			}
		}()
	}

	var err error
	for out := range order {
		var r Result
		select {
		case r = <-out:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			if err == nil {
				err = ctx.Err()
			}
			break
		}
		if err = emit(r); err != nil {
			break
		}
	}
	cancel()
	// Drain so the producer and workers can exit.
	go func() {
		for range order {
		}
	}()
	wg.Wait()
	return err
}
