package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

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
	var data, out, modelOut string
	var minCount, cvFolds int
	var minPrec float64
	var cvL2, cvTh []float64
	mo := quote.ModelOptions{Logistic: true}
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Learn the quote cue table and attribution model from PolNeAR train",
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
			// Everything up to the quote stage, run once per article.
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
			docs := make([]*doc.Document, len(arts))
			gold := make([][]quote.GoldAttribution, len(arts))
			byID := make(map[string]*doc.Document, len(arts))
			for i, a := range arts {
				d, err := p.Extract(cmd.Context(), doc.Article{ID: a.Name, Text: a.Text, Source: a.Name})
				if err != nil {
					return fmt.Errorf("train quotes: %s: %w", a.Name, err)
				}
				docs[i], gold[i], byID[a.Name] = d, a.Attrs, d
			}
			cached := func(_ context.Context, a doc.Article) (*doc.Document, error) {
				d, ok := byID[a.ID]
				if !ok {
					return nil, fmt.Errorf("train quotes: no document %q", a.ID)
				}
				d.Quotes = nil
				return d, nil
			}
			table, report, err := quote.LearnCues(cmd.Context(), arts, cached, quote.LearnOptions{MinCount: minCount, MinPrecision: minPrec})
			if err != nil {
				return err
			}
			if err := os.WriteFile(out, []byte(table), 0o644); err != nil {
				return err
			}
			fmt.Fprint(env.stdout, report)
			fmt.Fprintf(env.stdout, "wrote %s\n", out)
			for _, d := range docs {
				d.Quotes = nil
			}
			// The model's features consult the cue table just learned.
			lx, err := quote.ParseLexicon(table)
			if err != nil {
				return err
			}
			mo.Lexicon = lx
			if cvFolds > 0 {
				// Choose L2 and threshold on held-out folds of train.
				if !cmd.Flags().Changed("cv-l2") {
					cvL2 = []float64{mo.L2}
				}
				res, best, err := quote.CrossValidate(cmd.Context(), docs, gold, lx, mo, cvFolds, cvL2, cvTh)
				if err != nil {
					return err
				}
				fmt.Fprint(env.stdout, quote.CVReport(res, best, cvFolds))
				mo.L2, mo.Threshold = res[best].L2, res[best].Threshold
				fmt.Fprintf(env.stdout, "chosen: l2 %g, threshold %g\n", mo.L2, mo.Threshold)
			}
			model, mrep, err := quote.TrainModel(cmd.Context(), docs, gold, mo)
			if err != nil {
				return err
			}
			if err := writeMaybeGzip(modelOut, model); err != nil {
				return err
			}
			fmt.Fprint(env.stdout, mrep)
			fmt.Fprintf(env.stdout, "wrote %s\n", modelOut)
			return nil
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "PolNeAR directory (default: ../shared/data/polnear)")
	cmd.Flags().StringVar(&out, "out", "quote/cues.tsv", "where to write the cue table")
	cmd.Flags().StringVar(&modelOut, "model-out", "quote/attrib.model.gz", "where to write the attribution model (gzip-compressed when the name ends in .gz)")
	cmd.Flags().IntVar(&minCount, "min-count", 5, "least number of times a lemma must cue a matched attribution")
	cmd.Flags().Float64Var(&minPrec, "min-precision", 0.35, "least precision of a learned cue lemma")
	cmd.Flags().IntVar(&mo.Epochs, "epochs", 8, "training passes of the attribution model")
	cmd.Flags().Uint64Var(&mo.Seed, "seed", 1, "shuffling seed of the attribution model")
	cmd.Flags().IntVar(&mo.MinCount, "feature-min-count", 5, "least number of candidates a model feature must occur in")
	cmd.Flags().Float64Var(&mo.MinWeight, "min-weight", 0.01, "drop model features with a smaller weight")
	cmd.Flags().Float64Var(&mo.L2, "l2", 0.03, "L2 regularisation of the attribution model (see --cv)")
	cmd.Flags().Float64Var(&mo.Rate, "rate", 0.1, "AdaGrad learning rate of the attribution model")
	cmd.Flags().Float64Var(&mo.Tight, "tight", 0.8, "label only candidates overlapping the gold content by this share of the longer span positive, leaving looser matches out (0: the match criterion)")
	cmd.Flags().Float64Var(&mo.Threshold, "threshold", -1.5, "score a candidate needs (see --cv)")
	cmd.Flags().IntVar(&cvFolds, "cv", 0, "choose --l2 (among --cv-l2) and --threshold (among --cv-thresholds) by this many folds of cross-validation on train (0: use the flags as given)")
	cmd.Flags().Float64SliceVar(&cvL2, "cv-l2", nil, "L2 strengths to try with --cv (default: --l2 only)")
	cmd.Flags().Float64SliceVar(&cvTh, "cv-thresholds", []float64{-2, -1.75, -1.5, -1.25, -1, -0.75}, "thresholds to try with --cv")
	return cmd
}

// writeMaybeGzip writes s to path, gzip-compressed when path ends in ".gz".
func writeMaybeGzip(path, s string) error {
	if !strings.HasSuffix(path, ".gz") {
		return os.WriteFile(path, []byte(s), 0o644)
	}
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write([]byte(s)); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
