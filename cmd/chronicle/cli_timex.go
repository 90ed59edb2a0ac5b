package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/timex"
	"github.com/chronicle-news/chronicle/tokenize"
)

// timexCLI returns "chronicle timex" and "chronicle eval timex".
func timexCLI(env *cliEnv) cliPart {
	return cliPart{Commands: []*cobra.Command{timexCmd(env)}, Eval: []*cobra.Command{evalTimexCmd(env)}}
}

func timexCmd(env *cliEnv) *cobra.Command {
	var in, out, outdir, date string
	cmd := &cobra.Command{
		Use:   "timex [flags] FILE|DIR…",
		Short: "Tag temporal expressions (TimeML TIMEX3) in TimeML or plain-text files",
		Long: `Tag and normalize temporal expressions. With --in timeml, each .tml file (a directory is
read recursively) is written back with <TIMEX3 tid type value> tags inside <TEXT>, to
--outdir (same file names) or to standard output. With --in text, --date gives the
document creation time.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if in != "timeml" && in != "text" {
				return usageError{fmt.Errorf("--in %q: want timeml or text", in)}
			}
			if out != "timeml" && out != "json" {
				return usageError{fmt.Errorf("--out %q: want timeml or json", out)}
			}
			var dct time.Time
			if date != "" {
				t, err := time.Parse("2006-01-02", date)
				if err != nil {
					return usageError{fmt.Errorf("--date %q: want YYYY-MM-DD", date)}
				}
				dct = t
			}
			files, err := timexInputs(args, in)
			if err != nil {
				return err
			}
			tg, err := timex.New()
			if err != nil {
				return err
			}
			pre, err := timexPreStages()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			failed := 0
			for _, f := range files {
				if err := timexOne(ctx, env, tg, pre, f, in, out, outdir, dct); err != nil {
					fmt.Fprintln(env.stderr, "chronicle timex:", err)
					failed++
				}
			}
			if failed == len(files) {
				return fmt.Errorf("timex: no file could be processed")
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&in, "in", "timeml", "input format: timeml or text")
	f.StringVar(&out, "out", "timeml", "output format: timeml or json")
	f.StringVar(&outdir, "outdir", "", "write one output file per input here instead of standard output")
	f.StringVar(&date, "date", "", "document creation time (YYYY-MM-DD) for text input")
	return cmd
}

func timexInputs(args []string, in string) ([]string, error) {
	var files []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			files = append(files, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() && (in != "timeml" || strings.HasSuffix(p, ".tml")) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(files)
	return files, nil
}

func timexOne(ctx contextLike, env *cliEnv, tg *timex.Tagger, pre []doc.Stage, path, in, out, outdir string, dct time.Time) error {
	r, err := os.Open(path)
	if err != nil {
		return err
	}
	defer r.Close()
	var d *doc.Document
	var td *timex.TimeMLDoc
	if in == "timeml" {
		td, err = timex.ReadTimeML(r, path)
		if err != nil {
			return err
		}
		d = td.Doc
	} else {
		b, err := readAllLimited(r)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		d = &doc.Document{ID: path, Source: path, Text: string(b), Published: dct}
	}
	// The linguistic core first, so that tense comes from the parse.
	for _, st := range pre {
		if err := st.Process(ctx, d); err != nil {
			return fmt.Errorf("%s: stage %s: %w", path, st.Name(), err)
		}
		d.Done |= st.Provides()
	}
	tx, err := tg.Tag(ctx, d)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	w := env.stdout
	if outdir != "" {
		if err := os.MkdirAll(outdir, 0o755); err != nil {
			return err
		}
		name := filepath.Base(path)
		if out == "json" {
			name = strings.TrimSuffix(name, filepath.Ext(name)) + ".json"
		} else if in != "timeml" {
			name = strings.TrimSuffix(name, filepath.Ext(name)) + ".tml"
		}
		fw, err := os.Create(filepath.Join(outdir, name))
		if err != nil {
			return err
		}
		defer fw.Close()
		w = fw
	}
	switch {
	case out == "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if tx == nil {
			tx = []doc.Timex{}
		}
		return enc.Encode(struct {
			ID      string      `json:"id"`
			Timexes []doc.Timex `json:"timexes"`
		}{d.ID, tx})
	case td != nil:
		return td.WriteTagged(w, tx)
	default:
		d.Timexes = tx
		return timex.WriteTimeML(w, d)
	}
}

func evalTimexCmd(env *cliEnv) *cobra.Command {
	var details bool
	cmd := &cobra.Command{
		Use:   "timex GOLD_DIR…",
		Short: "Score the temporal tagger on TimeML (.tml) or MEANTIME (.xml) gold data (TempEval-3 measures)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			tg, err := timex.New()
			if err != nil {
				return err
			}
			pre, err := timexPreStages()
			if err != nil {
				return err
			}
			var all timex.Score
			ndocs := 0
			for _, dir := range args {
				docs, err := timex.LoadGold(dir)
				if err != nil {
					return err
				}
				if len(docs) == 0 {
					return fmt.Errorf("%s: %w", dir, timex.ErrNoGold)
				}
				res, err := tg.Evaluate(cmd.Context(), docs, timex.EvalOptions{Pre: pre, Details: details})
				if err != nil {
					return err
				}
				for _, e := range res.Errors {
					fmt.Fprintln(env.stdout, e)
				}
				printTimexScore(env, dir, res.Docs, res.Score)
				all.Add(res.Score)
				ndocs += res.Docs
			}
			if len(args) > 1 {
				printTimexScore(env, "all", ndocs, all)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&details, "details", false, "list missed, spurious and mismatched expressions")
	return cmd
}

func printTimexScore(env *cliEnv, name string, docs int, s timex.Score) {
	sp, sr, sf := s.StrictPRF()
	rp, rr, rf := s.RelaxedPRF()
	vp, vr, vf := s.ValuePRF()
	_, _, tf := s.TypePRF()
	fmt.Fprintf(env.stdout, "%s: %d docs, %d gold, %d system\n", name, docs, s.Gold, s.Sys)
	fmt.Fprintf(env.stdout, "  strict  span P %.2f R %.2f F1 %.2f\n", sp, sr, sf)
	fmt.Fprintf(env.stdout, "  relaxed span P %.2f R %.2f F1 %.2f\n", rp, rr, rf)
	fmt.Fprintf(env.stdout, "  type accuracy %.2f (type F1 %.2f)\n", s.TypeAccuracy(), tf)
	fmt.Fprintf(env.stdout, "  value   P %.2f R %.2f F1 %.2f\n", vp, vr, vf)
}

// timexPreStages builds the linguistic core (tokenize, tag, parse) that
// runs before the temporal tagger, so that tense comes from the parse.
func timexPreStages() ([]doc.Stage, error) {
	tk, err := tokenize.New()
	if err != nil {
		return nil, err
	}
	tg, err := tag.New()
	if err != nil {
		return nil, err
	}
	ps, err := parse.New()
	if err != nil {
		return nil, err
	}
	return []doc.Stage{tk, tg, ps}, nil
}
