package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/spf13/cobra"
)

// lingCLI returns the commands of the linguistic core: parse; train
// tagger|parser; eval ud.
func lingCLI(env *cliEnv) cliPart {
	return cliPart{
		Train: []*cobra.Command{trainTaggerCmd(env)},
	}
}

func defaultUD() string {
	p, err := shared.Path("data", "ud-english-ewt")
	if err != nil {
		return ""
	}
	return p
}

func trainTaggerCmd(env *cliEnv) *cobra.Command {
	var data, out string
	var seed uint64
	var epochs int
	c := &cobra.Command{
		Use:   "tagger",
		Short: "Train the POS tagger and lemmatizer on a UD treebank (train split; dev for early stopping)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			train, err := conllu.LoadSplit(data, "train")
			if err != nil {
				return err
			}
			dev, err := conllu.LoadSplit(data, "dev")
			if err != nil {
				return err
			}
			m, err := tag.Train(cmd.Context(), train, dev, tag.TrainOptions{Seed: seed, Epochs: epochs, Log: env.log})
			if err != nil {
				return err
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			path := filepath.Join(out, "tagger.bin")
			f, err := os.Create(path)
			if err != nil {
				return err
			}
			n, err := m.WriteTo(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("writing %s: %w", path, err)
			}
			fmt.Fprintf(env.stdout, "wrote %s (%d bytes); dev %s\n", path, n, m.Evaluate(dev))
			return nil
		},
	}
	c.Flags().StringVar(&data, "data", defaultUD(), "UD treebank directory (*-train.conllu, *-dev.conllu)")
	c.Flags().StringVar(&out, "out", "tag/model", "output directory")
	c.Flags().Uint64Var(&seed, "seed", 1, "shuffling seed")
	c.Flags().IntVar(&epochs, "epochs", 12, "maximum epochs")
	return c
}
