package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/output"
	"github.com/chronicle-news/chronicle/read"
)

// extractOptions are the flags of "chronicle extract".
type extractOptions struct {
	in       string
	format   string
	date     string
	layers   string
	maxBytes int
	workers  int
	actors   []string
	verbs    []string
}

func extractCLI(env *cliEnv) cliPart {
	var o extractOptions
	cmd := &cobra.Command{
		Use:   "extract [flags] FILE…|-",
		Short: "Read articles and write their events, actors, dates and quotes",
		Long: `Read articles (plain text, JSON Lines or HTML; "-" is standard input) and write the
sourced reading of each: actors, events with status, date and place, quotes, time expressions.

Formats: text (a readable report), json (one object, or an array for several articles),
jsonl (one object per line, in input order), timeml, gdelt, plover, gkg (quotations).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd, env, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.in, "in", "", "input kind: text, jsonl, html or xml (MEANTIME, NAF, TimeML) (default: by extension and content)")
	f.StringVarP(&o.format, "format", "f", "text", "output format: "+formatNames())
	f.StringVar(&o.date, "date", "", "publication date (YYYY-MM-DD) for articles that carry none")
	f.StringVar(&o.layers, "layers", "all", "JSON layers: all, or a list of text, sentences, tokens, entities, actors, timexes, quotes, events (\"all,-tokens\" drops one)")
	f.IntVar(&o.maxBytes, "max-bytes", read.DefaultMaxBytes, "largest article accepted, in bytes")
	f.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "articles processed in parallel")
	f.StringArrayVar(&o.actors, "actors", nil, "extra actor dictionary (Chronicle or PETRARCH format); repeatable")
	f.StringArrayVar(&o.verbs, "verbs", nil, "extra verb dictionary (Chronicle or PETRARCH CAMEO format); repeatable")
	return cliPart{Commands: []*cobra.Command{cmd}}
}

// docWriter writes documents in one output format. begin and end bracket
// the whole output (a JSON array, a TSV header).
type docWriter struct {
	begin func(w io.Writer) error
	doc   func(w io.Writer, d *doc.Document, first bool) error
	end   func(w io.Writer, n int) error
}

func runExtract(cmd *cobra.Command, env *cliEnv, o extractOptions, args []string) error {
	kind, err := read.ParseKind(o.in)
	if err != nil {
		return usageError{err}
	}
	ropts := read.Options{Kind: kind, MaxBytes: o.maxBytes}
	if o.date != "" {
		t, err := time.Parse("2006-01-02", o.date)
		if err != nil {
			return usageError{fmt.Errorf("--date %q: want YYYY-MM-DD", o.date)}
		}
		ropts.Date = t
	}
	layers, err := output.ParseLayers(o.layers)
	if err != nil {
		return usageError{err}
	}
	wr, err := writerFor(o.format, layers)
	if err != nil {
		return usageError{err}
	}
	p, err := chronicle.New(chronicle.Options{ActorDicts: o.actors, VerbDicts: o.verbs, Logger: env.log})
	if err != nil {
		return err
	}

	articles := func(yield func(doc.Article, error) bool) {
		for _, path := range args {
			for a, err := range read.File(path, env.stdin, ropts) {
				if !yield(a, err) {
					return
				}
			}
		}
	}
	out := bufio.NewWriterSize(env.stdout, 64<<10)
	var done, failed int
	if wr.begin != nil {
		if err := wr.begin(out); err != nil {
			return err
		}
	}
	err = p.Batch(cmd.Context(), articles, o.workers, func(r chronicle.Result) error {
		if r.Err != nil {
			failed++
			fmt.Fprintf(env.stderr, "chronicle: %v\n", r.Err)
			return nil
		}
		if r.Doc.Encoding != "" {
			fmt.Fprintf(env.stderr, "chronicle: %s: note: decoded from %s\n", r.Doc.Source, r.Doc.Encoding)
		}
		if err := wr.doc(out, r.Doc, done == 0); err != nil {
			return err
		}
		done++
		return nil
	})
	if err != nil {
		return err
	}
	if wr.end != nil {
		if err := wr.end(out, done); err != nil {
			return err
		}
	}
	if err := out.Flush(); err != nil {
		return err
	}
	switch {
	case done == 0 && failed == 0:
		return errors.New("no input articles")
	case done == 0:
		return fmt.Errorf("no article could be processed (%d failed)", failed)
	case failed > 0:
		fmt.Fprintf(env.stderr, "chronicle: %d articles processed, %d failed\n", done, failed)
	}
	return nil
}
