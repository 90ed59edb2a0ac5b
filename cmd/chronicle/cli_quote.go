package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/quote"
	"github.com/spf13/cobra"
)

// quoteCLI returns the commands of the quotes area: eval quotes and train quotes.
func quoteCLI(env *cliEnv) cliPart {
	return cliPart{Eval: []*cobra.Command{evalQuotesCmd(env)}, Train: []*cobra.Command{trainQuotesCmd(env)}}
}

// polnearDir returns --data or the shared PolNeAR directory.
func polnearDir(data string) (string, error) {
	if data != "" {
		return data, nil
	}
	p, err := shared.Path("data", "polnear")
	if err != nil {
		return "", usageError{fmt.Errorf("no --data given and %w", err)}
	}
	return p, nil
}

func evalQuotesCmd(env *cliEnv) *cobra.Command {
	var data, split string
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Score quote attribution on PolNeAR (content-span P/R/F1, source accuracy)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := polnearDir(data)
			if err != nil {
				return err
			}
			if split == "test" {
				return usageError{errors.New("the PolNeAR test split is not for development; use dev")}
			}
			arts, err := quote.ReadPolNeAR(dir, split)
			if err != nil {
				return err
			}
			p, err := chronicle.New(chronicle.Options{Logger: env.log})
			if err != nil {
				return err
			}
			s, err := quote.EvalPolNeAR(cmd.Context(), arts, p.Extract)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "PolNeAR %s (%d articles, %s): %s\n", split, len(arts), filepath.Base(dir), s)
			return nil
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "PolNeAR directory (default: ../shared/data/polnear)")
	cmd.Flags().StringVar(&split, "split", "dev", "split to score: train or dev")
	return cmd
}

func trainQuotesCmd(env *cliEnv) *cobra.Command {
	var data, out string
	var minCount int
	var minPrec float64
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Learn the quote cue table (cue lemmas and their precision) from PolNeAR train",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := polnearDir(data)
			if err != nil {
				return err
			}
			arts, err := quote.ReadPolNeAR(dir, "train")
			if err != nil {
				return err
			}
			stages, err := chronicle.DefaultStages(chronicle.Options{})
			if err != nil {
				return err
			}
			// Everything up to the quote stage.
			var pre []doc.Stage
			for _, s := range stages {
				if s.Name() == "quote" {
					break
				}
				pre = append(pre, s)
			}
			p, err := chronicle.NewPipeline(pre...)
			if err != nil {
				return err
			}
			table, report, err := quote.LearnCues(cmd.Context(), arts, p.Extract, quote.LearnOptions{MinCount: minCount, MinPrecision: minPrec})
			if err != nil {
				return err
			}
			if err := os.WriteFile(out, []byte(table), 0o644); err != nil {
				return err
			}
			fmt.Fprint(env.stdout, report)
			fmt.Fprintf(env.stdout, "wrote %s\n", out)
			return nil
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "PolNeAR directory (default: ../shared/data/polnear)")
	cmd.Flags().StringVar(&out, "out", "quote/cues.tsv", "where to write the cue table")
	cmd.Flags().IntVar(&minCount, "min-count", 3, "least number of times a lemma must cue a matched attribution")
	cmd.Flags().Float64Var(&minPrec, "min-precision", 0.4, "least precision of a learned cue lemma")
	return cmd
}
