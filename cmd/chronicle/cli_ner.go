package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/chronicle-news/chronicle/ner"
	"github.com/spf13/cobra"
)

// nerCLI returns the named-entity commands: "ner", "train ner", "eval ner".
func nerCLI(env *cliEnv) cliPart {
	return cliPart{
		Commands: []*cobra.Command{nerTagCmd(env)},
		Train:    []*cobra.Command{nerTrainCmd(env)},
		Eval:     []*cobra.Command{nerEvalCmd(env)},
	}
}

// nerModel loads the model at path, or the embedded one when path is "".
func nerModel(path string) (*ner.Model, error) {
	if path == "" {
		return ner.DefaultModel()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	defer f.Close()
	m, err := ner.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

func nerColumnFormat(name string) (ner.ColumnFormat, error) {
	switch name {
	case "conll", "conll2003":
		return ner.CoNLL2003, nil
	case "iob2", "uner":
		return ner.UNER, nil
	}
	return ner.ColumnFormat{}, usageError{fmt.Errorf("unknown column format %q (conll, iob2)", name)}
}

func nerTagCmd(env *cliEnv) *cobra.Command {
	var in, out, model, format, domain string
	cmd := &cobra.Command{
		Use:   "ner [--in conll] [--out conll] FILE|-",
		Short: "Tag named entities in a column file, appending an IOB2 label column",
		Long: `Reads a CoNLL-2003-style column file (token in the first column; with
--format iob2, in the second column as in Universal NER files), keeps every
line as it is and appends the predicted label (B-PER, I-ORG, O, …) as a new
last column. -DOCSTART-, blank and comment lines are copied unchanged.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if in != "conll" || out != "conll" {
				return usageError{errors.New("only --in conll --out conll is supported")}
			}
			f, err := nerColumnFormat(format)
			if err != nil {
				return err
			}
			dom, err := ner.ParseDomain(domain)
			if err != nil {
				return usageError{err}
			}
			m, err := nerModel(model)
			if err != nil {
				return err
			}
			var r io.Reader = env.stdin
			if args[0] != "-" {
				fh, err := os.Open(args[0])
				if err != nil {
					return err
				}
				defer fh.Close()
				r = fh
			}
			if err := ner.TagColumns(cmd.Context(), m, r, env.stdout, f, dom); err != nil {
				return fmt.Errorf("ner: %s: %w", args[0], err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&in, "in", "conll", "input format (conll)")
	cmd.Flags().StringVar(&out, "out", "conll", "output format (conll)")
	cmd.Flags().StringVar(&format, "format", "conll", "column layout: conll (token first) or iob2 (index, token, …)")
	cmd.Flags().StringVar(&domain, "domain", "news", "kind of text, selecting domain-specific weights: news, web, wiki or none")
	cmd.Flags().StringVar(&model, "model", "", "model file (default: the embedded model)")
	return cmd
}

func nerTrainCmd(env *cliEnv) *cobra.Command {
	var out string
	var seed uint64
	var epochs, patience int
	var quiet bool
	cmd := &cobra.Command{
		Use:   "ner --out DIR [--seed N]",
		Short: "Train the named-entity model (CoNLL-2003 train + UNER EWT train + MEANTIME; selected on eng.testa)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError{errors.New("--out DIR is required")}
			}
			log := env.log
			if !quiet {
				log = slog.New(slog.NewTextHandler(env.stderr, nil)) // progress at info level
			}
			m, err := ner.TrainDefault(cmd.Context(), ner.TrainOptions{Seed: seed, Epochs: epochs, Patience: patience, Log: log})
			if err != nil {
				return err
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			path := filepath.Join(out, "ner.model")
			f, err := os.Create(path)
			if err != nil {
				return err
			}
			if _, err := m.WriteTo(f); err != nil {
				f.Close()
				return fmt.Errorf("writing %s: %w", path, err)
			}
			if err := f.Close(); err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "wrote %s (%d features, best epoch %s, eng.testa F1 %s)\n", path, m.Features(), m.Meta()["epochs"], m.Meta()["dev_f1"])
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "output directory (writes ner.model)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed")
	cmd.Flags().IntVar(&epochs, "epochs", 0, "maximum epochs (default 25)")
	cmd.Flags().BoolVar(&quiet, "quiet", false, "do not log progress")
	cmd.Flags().IntVar(&patience, "patience", 0, "epochs without dev improvement before stopping (default 6)")
	return cmd
}

func nerEvalCmd(env *cliEnv) *cobra.Command {
	var model, sets, format string
	cmd := &cobra.Command{
		Use:   "ner [--set conll-testa,uner-dev,uner-test] [--model FILE] [FILE…]",
		Short: "Score the named-entity recogniser by the conlleval rules, per type and overall",
		Long: `Tags gold corpora and reports precision, recall and F1 per type and overall
(conlleval rules). Named sets come from the shared data directory; FILE
arguments are read as column files (--format conll or iob2). Universal NER
has no MISC: MISC is left out when scoring it.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := nerModel(model)
			if err != nil {
				return err
			}
			var names []string
			if sets != "" {
				names = strings.Split(sets, ",")
			}
			if len(args) == 0 && len(names) == 0 {
				names = []string{ner.CorpusCoNLLTestA, ner.CorpusUNERDev, ner.CorpusUNERTest}
			}
			for _, n := range names {
				docs, err := ner.LoadCorpus(strings.TrimSpace(n))
				if err != nil {
					return usageError{err}
				}
				if err := ner.Evaluate(m, docs).Report(env.stdout, n); err != nil {
					return err
				}
			}
			f, err := nerColumnFormat(format)
			if err != nil {
				return err
			}
			for _, p := range args {
				docs, err := ner.ReadColumnFile(p, f)
				if err != nil {
					return err
				}
				ner.SetDomain(docs, ner.DomainNews)
				if err := ner.Evaluate(m, docs).Report(env.stdout, p); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&model, "model", "", "model file (default: the embedded model)")
	cmd.Flags().StringVar(&sets, "set", "", "comma-separated named sets: conll-testa, uner-dev, uner-test (default all three when no FILE)")
	cmd.Flags().StringVar(&format, "format", "conll", "column layout of FILE arguments: conll or iob2")
	return cmd
}
