package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/ingest"
	"github.com/chronicle-news/chronicle/output"
	"github.com/chronicle-news/chronicle/read"
	"github.com/chronicle-news/chronicle/store"
	"github.com/chronicle-news/chronicle/store/backend"
	"github.com/chronicle-news/chronicle/store/export"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// storeCLI returns the corpus commands: ingest, events, timeline, quotes,
// search, actors, export, stats.
func storeCLI(env *cliEnv) cliPart {
	return cliPart{Commands: []*cobra.Command{
		ingestCmd(env), eventsCmd(env), timelineCmd(env), quotesCmd(env), searchCmd(env), actorsCmd(env), exportCmd(env), statsCmd(env),
	}}
}

// defaultDB is $CHRONICLE_DB, else chronicle.db.
func defaultDB() string {
	if v := os.Getenv("CHRONICLE_DB"); v != "" {
		return v
	}
	return backend.DefaultDSN
}

func dbFlag(c *cobra.Command, db *string) {
	c.Flags().StringVar(db, "db", defaultDB(), "corpus store: an SQLite file, or a postgres:// URL ($CHRONICLE_DB)")
}

// openStore opens the store for a query command; a missing SQLite file is
// an error rather than a new empty corpus.
func openStore(c *cobra.Command, env *cliEnv, dsn string, create bool) (store.Store, error) {
	if !create && !backend.IsPostgres(dsn) {
		path := strings.TrimPrefix(dsn, "sqlite:")
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no corpus at %s (run \"chronicle ingest --db %s FILES…\" first): %w", path, dsn, unwrapStat(err))
		}
	}
	return backend.Open(c.Context(), dsn, env.log)
}

func unwrapStat(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

type ingestOptions struct {
	db, in, date, progress string
	workers, batch         int
	maxBytes               int
	actors, verbs          []string
}

func ingestCmd(env *cliEnv) *cobra.Command {
	var o ingestOptions
	c := &cobra.Command{
		Use:   "ingest [--db DSN] SOURCE…",
		Short: "Process articles and store them with every layer in a corpus",
		Long: `Read articles from files, directories (walked for known file types), globs and "-"
(standard input): plain text, HTML, JSON Lines, RSS/Atom feeds, WARC and WARC.gz (HTML
responses, any charset), optionally gzipped. Each article goes through the extraction
pipeline on every core and is stored with its text, metadata and layers.

Articles already stored (same URL or same text) are skipped, so an interrupted ingest can
simply be run again. Near-duplicate copies (syndicated stories) are stored and linked to
the original without counting their events twice. Events that several articles report
are merged into one, with mention, article and source counts. Bad records are reported
with their location and skipped.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error { return runIngest(c, env, o, args) },
	}
	dbFlag(c, &o.db)
	f := c.Flags()
	f.StringVar(&o.in, "in", "", "force the kind of text inputs: text, jsonl, html or xml (default: by extension and content)")
	f.StringVar(&o.date, "date", "", "publication date (YYYY-MM-DD) for articles that carry none")
	f.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "articles processed in parallel")
	f.IntVar(&o.batch, "batch", 32, "articles stored per transaction")
	f.IntVar(&o.maxBytes, "max-bytes", read.DefaultMaxBytes, "largest article accepted, in bytes")
	f.StringVar(&o.progress, "progress", "auto", "progress display: auto (a bar on a terminal, log lines otherwise), bar, log or none")
	f.StringArrayVar(&o.actors, "actors", nil, "extra actor dictionary (Chronicle or PETRARCH format); repeatable")
	f.StringArrayVar(&o.verbs, "verbs", nil, "extra verb dictionary (Chronicle or PETRARCH CAMEO format); repeatable")
	return c
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func runIngest(c *cobra.Command, env *cliEnv, o ingestOptions, args []string) error {
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
	if o.workers < 1 || o.batch < 1 {
		return usageError{errors.New("--workers and --batch must be at least 1")}
	}
	var progress ingest.Progress
	var bar *ingest.BarProgress
	mode := o.progress
	if mode == "auto" {
		mode = "log"
		if isTerminal(env.stderr) {
			mode = "bar"
		}
	}
	switch mode {
	case "bar":
		bar = ingest.NewBarProgress(env.stderr)
		progress = bar
	case "log":
		progress = &ingest.LogProgress{Log: slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))}
	case "none":
	default:
		return usageError{fmt.Errorf("--progress %q: want auto, bar, log or none", o.progress)}
	}
	p, err := chronicle.New(chronicle.Options{ActorDicts: o.actors, VerbDicts: o.verbs, Logger: env.log})
	if err != nil {
		return err
	}
	s, err := openStore(c, env, o.db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	onError := func(err error) {
		if bar != nil {
			bar.Println(env.stderr, "skipped "+err.Error())
			return
		}
		fmt.Fprintln(env.stderr, "skipped", err)
	}
	st, err := ingest.Run(c.Context(), args, ingest.Options{
		Store: s, Extractor: p, Workers: o.workers, BatchSize: o.batch, Read: ropts, Stdin: env.stdin,
		Progress: progress, OnError: onError, Log: env.log,
	})
	fmt.Fprintf(env.stdout, "%d stored, %d syndicated copies, %d already stored, %d failed; %d new events, %d merged reports; %.1fs, %.1f articles/s\n",
		st.Stored, st.Syndicated, st.Duplicates, st.Failed, st.NewEvents, st.Merged, st.Elapsed.Seconds(), st.Rate())
	if err != nil {
		return err
	}
	if st.Stored+st.Syndicated+st.Duplicates == 0 && st.Failed > 0 {
		return fmt.Errorf("nothing could be ingested (%d failures)", st.Failed)
	}
	return nil
}

// eventFlags adds the event filter flags.
func eventFlags(c *cobra.Command, q *store.EventQuery) {
	f := c.Flags()
	f.StringVar(&q.Actor, "actor", "", "source or target actor: a name (\"Putin\" matches \"Vladimir Putin\"), a CAMEO code (RUSGOV) or code prefix (RUS)")
	f.StringVar(&q.Type, "type", "", "PLOVER event type (CONSULT, ACCUSE, …)")
	f.StringVar(&q.CAMEO, "cameo", "", "CAMEO event code or prefix (04 matches 040–046)")
	f.StringVar(&q.Status, "status", "", "status: occurred, ongoing, planned, denied, negated, hypothetical, uncertain")
	f.StringVar(&q.From, "from", "", "events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)")
	f.StringVar(&q.To, "to", "", "events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)")
	f.StringVar(&q.Place, "place", "", "place name or country code (ISO 3166 alpha-3)")
}

func formatFlag(c *cobra.Command, format *string) {
	c.Flags().StringVarP(format, "format", "f", "table", "output format: table, json or csv")
}

func checkFormat(f string) error {
	switch f {
	case "table", "json", "csv":
		return nil
	}
	return usageError{fmt.Errorf("--format %q: want table, json or csv", f)}
}

func eventsCmd(env *cliEnv) *cobra.Command {
	var q store.EventQuery
	var db, format string
	c := &cobra.Command{
		Use:   "events [--actor A] [--type T] [--cameo C] [--status S] [--from D] [--to D] [--place P]",
		Short: "List the events in the corpus, merged across articles, in date order",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			s, err := openStore(c, env, db, false)
			if err != nil {
				return err
			}
			defer s.Close()
			events, err := s.Events(c.Context(), q)
			if err != nil {
				return err
			}
			return writeEvents(env.stdout, format, events, false)
		},
	}
	dbFlag(c, &db)
	eventFlags(c, &q)
	formatFlag(c, &format)
	c.Flags().IntVar(&q.Limit, "limit", 100, "most events to list (0: all)")
	c.Flags().IntVar(&q.Offset, "offset", 0, "events to skip first")
	c.Flags().BoolVar(&q.Desc, "desc", false, "newest first")
	return c
}

func timelineCmd(env *cliEnv) *cobra.Command {
	var q store.EventQuery
	var db, format string
	c := &cobra.Command{
		Use:   "timeline ACTOR",
		Short: "The events an actor takes part in, in date order, with their status",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			q.Actor = strings.Join(args, " ")
			s, err := openStore(c, env, db, false)
			if err != nil {
				return err
			}
			defer s.Close()
			events, err := s.Events(c.Context(), q)
			if err != nil {
				return err
			}
			if len(events) == 0 && format == "table" {
				fmt.Fprintf(env.stderr, "no events for %q\n", q.Actor)
				return nil
			}
			return writeEvents(env.stdout, format, events, true)
		},
	}
	dbFlag(c, &db)
	formatFlag(c, &format)
	f := c.Flags()
	f.StringVar(&q.Type, "type", "", "PLOVER event type")
	f.StringVar(&q.Status, "status", "", "status (occurred, planned, …)")
	f.StringVar(&q.From, "from", "", "events on or after this date")
	f.StringVar(&q.To, "to", "", "events on or before this date")
	f.IntVar(&q.Limit, "limit", 1000, "most events to list (0: all)")
	return c
}

func quotesCmd(env *cliEnv) *cobra.Command {
	var q store.QuoteQuery
	var db, format string
	c := &cobra.Command{
		Use:   "quotes [--speaker NAME] [--text QUERY]",
		Short: "List quotes in the corpus by speaker or words, newest first",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			s, err := openStore(c, env, db, false)
			if err != nil {
				return err
			}
			defer s.Close()
			quotes, err := s.Quotes(c.Context(), q)
			if err != nil {
				return err
			}
			return writeQuotes(env.stdout, format, quotes)
		},
	}
	dbFlag(c, &db)
	formatFlag(c, &format)
	f := c.Flags()
	f.StringVar(&q.Speaker, "speaker", "", "speaker name or actor (code) ")
	f.StringVar(&q.Text, "text", "", "words in the quote (\"a phrase\", -not, OR)")
	f.IntVar(&q.Limit, "limit", 100, "most quotes to list (0: all)")
	return c
}

func searchCmd(env *cliEnv) *cobra.Command {
	var q store.SearchQuery
	var db, format string
	c := &cobra.Command{
		Use:   "search TEXT…",
		Short: "Full-text search over the articles (words ANDed, \"phrases\", -not, OR)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			q.Text = strings.Join(args, " ")
			s, err := openStore(c, env, db, false)
			if err != nil {
				return err
			}
			defer s.Close()
			hits, err := s.Search(c.Context(), q)
			if err != nil {
				return err
			}
			return writeHits(env.stdout, format, hits)
		},
	}
	dbFlag(c, &db)
	formatFlag(c, &format)
	c.Flags().IntVar(&q.Limit, "limit", 20, "most articles to list (0: all)")
	c.Flags().IntVar(&q.Offset, "offset", 0, "articles to skip first")
	return c
}

func actorsCmd(env *cliEnv) *cobra.Command {
	var q store.ActorQuery
	var db, format string
	c := &cobra.Command{
		Use:   "actors [--name TEXT]",
		Short: "List the actors in the corpus with mention, article and event counts",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			s, err := openStore(c, env, db, false)
			if err != nil {
				return err
			}
			defer s.Close()
			actors, err := s.Actors(c.Context(), q)
			if err != nil {
				return err
			}
			return writeActors(env.stdout, format, actors)
		},
	}
	dbFlag(c, &db)
	formatFlag(c, &format)
	c.Flags().StringVar(&q.Name, "name", "", "part of the name, or a code prefix")
	c.Flags().IntVar(&q.Limit, "limit", 50, "most actors to list (0: all)")
	return c
}

func exportCmd(env *cliEnv) *cobra.Command {
	var q store.EventQuery
	var db, format, search, layers, out string
	var limit int
	c := &cobra.Command{
		Use:   "export --format gdelt|plover|jsonl [filters]",
		Short: "Write the corpus, or what the filters select, as GDELT, PLOVER or Chronicle JSON Lines",
		Long: `Write the store, or the part the filters select:
  gdelt   GDELT 2.0 event rows, one per merged event (and actor pair), with NumMentions,
          NumSources and NumArticles counted over the whole corpus
  plover  PLOVER JSON Lines, the events of each selected article
  jsonl   Chronicle JSON Lines, one stored document per line (--layers picks layers)
Event filters select the events (gdelt) or the articles that report them (plover, jsonl).`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			l, err := output.ParseLayers(layers)
			if err != nil {
				return usageError{err}
			}
			switch format {
			case "gdelt", "plover", "jsonl":
			default:
				return usageError{fmt.Errorf("--format %q: want gdelt, plover or jsonl", format)}
			}
			s, err := openStore(c, env, db, false)
			if err != nil {
				return err
			}
			defer s.Close()
			w := env.stdout
			if out != "" && out != "-" {
				f, err := os.Create(out)
				if err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			filtered := q != (store.EventQuery{})
			dq := store.DocQuery{Search: search, Limit: limit}
			if filtered {
				dq.Events = &q
			}
			switch format {
			case "gdelt":
				if search != "" {
					return usageError{errors.New("--search applies to plover and jsonl exports")}
				}
				q.Limit = limit
				err = export.GDELT(c.Context(), s, q, w)
			case "plover":
				err = export.PLOVER(c.Context(), s, dq, w)
			default:
				err = export.JSONL(c.Context(), s, dq, l, w)
			}
			if err != nil {
				return err
			}
			if f, ok := w.(*os.File); ok && w != env.stdout {
				return f.Close()
			}
			return nil
		},
	}
	dbFlag(c, &db)
	eventFlags(c, &q)
	f := c.Flags()
	f.StringVarP(&format, "format", "f", "jsonl", "gdelt, plover or jsonl")
	f.StringVar(&search, "search", "", "only articles matching this full-text query (plover, jsonl)")
	f.StringVar(&layers, "layers", "all", "JSON layers for jsonl (as for extract)")
	f.IntVar(&limit, "limit", 0, "most events (gdelt) or articles (plover, jsonl); 0: all")
	f.StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	return c
}

func statsCmd(env *cliEnv) *cobra.Command {
	var db, format string
	c := &cobra.Command{
		Use:   "stats",
		Short: "Summarise the corpus: articles, copies, events, mentions, actors, quotes, size",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			s, err := openStore(c, env, db, false)
			if err != nil {
				return err
			}
			defer s.Close()
			st, err := s.Stats(c.Context())
			if err != nil {
				return err
			}
			return writeStats(env.stdout, format, st)
		},
	}
	dbFlag(c, &db)
	formatFlag(c, &format)
	return c
}
