package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/spf13/cobra"
)

// lingCLI returns the commands of the linguistic core: parse; train
// tagger|parser; eval ud.
func lingCLI(env *cliEnv) cliPart {
	return cliPart{
		Commands: []*cobra.Command{parseCmd(env)},
		Train:    []*cobra.Command{trainClustersCmd(env), trainTaggerCmd(env), trainParserCmd(env)},
		Eval:     []*cobra.Command{evalUDCmd(env)},
	}
}

func defaultUD() string { return sharedPath("data", "ud-english-ewt") }

// writeModel writes a model file into dir.
func writeModel(dir, name string, m io.WriterTo) (string, int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", 0, err
	}
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		return "", 0, err
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", 0, fmt.Errorf("writing %s: %w", path, err)
	}
	return path, n, nil
}

func trainClustersCmd(env *cliEnv) *cobra.Command {
	var data, unl, col, out string
	c := &cobra.Command{
		Use:   "clusters",
		Short: "Learn word clusters (exchange algorithm) from unlabelled news, CoNLL-2003 train tokens and the UD train split",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cl, err := tag.LearnDefaultClusters(cmd.Context(), data, unl, col, env.log)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			path := filepath.Join(out, "clusters.bin")
			if err := os.WriteFile(path, tag.EncodeClusters(nil, cl), 0o644); err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "wrote %s (%d words)\n", path, cl.Len())
			return nil
		},
	}
	c.Flags().StringVar(&data, "data", defaultUD(), "UD treebank directory (its train split is used)")
	c.Flags().StringVar(&unl, "unlabelled", sharedPath("data", "unlabeled-news", "te3-silver"), "directory of TimeML files (\"\" to skip)")
	c.Flags().StringVar(&col, "columns", sharedPath("data", "conll2003", "eng.train"), "CoNLL-2003 column file whose tokens are used (\"\" to skip)")
	c.Flags().StringVar(&out, "out", "/tmp/chronicle-ling", "output directory")
	return c
}

// sharedPath returns a path under the shared corpora directory, or "" when
// there is none (for flag defaults).
func sharedPath(elems ...string) string {
	p, err := shared.Path(elems...)
	if err != nil {
		return ""
	}
	return p
}

func trainTaggerCmd(env *cliEnv) *cobra.Command {
	var data, out, clusters string
	var seed uint64
	var epochs, average int
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
			var cl *tag.Clusters
			if clusters != "" {
				b, err := os.ReadFile(clusters)
				if err != nil {
					return err
				}
				if cl, _, err = tag.DecodeClusters(b); err != nil {
					return fmt.Errorf("%s: %w", clusters, err)
				}
			}
			var ms []*tag.Model
			for i := 0; i < max(average, 1); i++ {
				m, err := tag.Train(cmd.Context(), train, dev, tag.TrainOptions{Seed: seed + uint64(i), Epochs: epochs, Log: env.log, Clusters: cl})
				if err != nil {
					return err
				}
				ms = append(ms, m)
			}
			m, err := tag.Average(ms, tag.DefaultMinAbs)
			if err != nil {
				return err
			}
			path, n, err := writeModel(out, "tagger.bin", m)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "wrote %s (%d bytes); dev %s\n", path, n, m.Evaluate(dev))
			return nil
		},
	}
	c.Flags().StringVar(&data, "data", defaultUD(), "UD treebank directory (*-train.conllu, *-dev.conllu)")
	c.Flags().StringVar(&out, "out", "tag/model", "output directory")
	c.Flags().Uint64Var(&seed, "seed", 1, "shuffling seed (of the first model)")
	c.Flags().IntVar(&epochs, "epochs", 12, "maximum epochs")
	c.Flags().IntVar(&average, "average", 3, "train this many models (seeds seed, seed+1, …) and average their weights")
	c.Flags().StringVar(&clusters, "clusters", "", "word clusters from 'chronicle train clusters' (default: none)")
	return c
}

// loadTagger reads a tagger model file, or the embedded one when path is "".
func loadTagger(path string) (*tag.Model, error) {
	if path == "" {
		return tag.Default()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return tag.ReadModel(bytes.NewReader(b))
}

func loadParser(path string) (*parse.Model, error) {
	if path == "" {
		return parse.Default()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parse.ReadModel(bytes.NewReader(b))
}

func trainParserCmd(env *cliEnv) *cobra.Command {
	var data, out, taggerPath string
	var seed, tagSeed uint64
	var epochs, folds, tagEpochs, tagAverage int
	var tagSpacing, nonmono bool
	c := &cobra.Command{
		Use:   "parser",
		Short: "Train the dependency parser on a UD treebank with jackknifed predicted tags (dev for early stopping)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			train, err := conllu.LoadSplit(data, "train")
			if err != nil {
				return err
			}
			dev, err := conllu.LoadSplit(data, "dev")
			if err != nil {
				return err
			}
			tm, err := loadTagger(taggerPath)
			if err != nil {
				return err
			}
			if folds > 1 {
				train, err = parse.JackknifeTags(ctx, train, folds, tagAverage, tag.TrainOptions{Seed: tagSeed, Epochs: tagEpochs, Log: env.log, Clusters: tm.Clusters(), NoSpacing: !tagSpacing})
				if err != nil {
					return err
				}
			}
			a := &parse.Annotator{Tagger: tm}
			tagged := make([]*conllu.Sentence, len(dev))
			for i, s := range dev {
				c := *s
				c.Words = append([]conllu.Word(nil), s.Words...)
				a.Annotate(&c)
				for j := range c.Words {
					c.Words[j].Head, c.Words[j].Deprel = s.Words[j].Head, s.Words[j].Deprel
				}
				tagged[i] = &c
			}
			m, err := parse.Train(ctx, train, tagged, parse.TrainOptions{Seed: seed, Epochs: epochs, Log: env.log, Clusters: tm.Clusters(), NonMonotonic: nonmono})
			if err != nil {
				return err
			}
			path, n, err := writeModel(out, "parser.bin", m)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "wrote %s (%d bytes); dev with predicted tags %s\n", path, n, m.Evaluate(tagged))
			return nil
		},
	}
	c.Flags().StringVar(&data, "data", defaultUD(), "UD treebank directory (*-train.conllu, *-dev.conllu)")
	c.Flags().StringVar(&out, "out", "parse/model", "output directory")
	c.Flags().StringVar(&taggerPath, "tagger", "", "tagger model for the dev tags (default: the embedded one)")
	c.Flags().Uint64Var(&seed, "seed", 1, "parser shuffling and exploration seed")
	c.Flags().Uint64Var(&tagSeed, "tag-seed", 1, "seed of the jackknife taggers")
	c.Flags().BoolVar(&nonmono, "nonmonotonic", false, "train the non-monotonic arc-eager system (with --seed 2 it gives the model of 3cf56d6; see docs/decisions.md for why it is not the default)")
	c.Flags().IntVar(&epochs, "epochs", 15, "maximum epochs")
	c.Flags().IntVar(&folds, "folds", 5, "jackknife folds for predicted training tags (1 = gold tags)")
	c.Flags().IntVar(&tagEpochs, "tag-epochs", 7, "tagger epochs per jackknife fold")
	c.Flags().IntVar(&tagAverage, "tag-average", 1, "taggers averaged per jackknife fold (as in 'train tagger --average')")
	c.Flags().BoolVar(&tagSpacing, "tag-spacing", false, "jackknife taggers also use the words' spacing, as the embedded tagger does (off: the templates of the first tagger version, which gave the committed parser)")
	return c
}

func parseCmd(env *cliEnv) *cobra.Command {
	var in, out, taggerPath, parserPath string
	c := &cobra.Command{
		Use:   "parse [FILE|-]",
		Short: "Tag, lemmatize and parse text or CoNLL-U into CoNLL-U",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if in != "text" && in != "conllu" {
				return usageError{fmt.Errorf("--in must be text or conllu, not %q", in)}
			}
			if out != "conllu" {
				return usageError{fmt.Errorf("--out must be conllu, not %q", out)}
			}
			r := env.stdin
			if len(args) == 1 && args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return err
				}
				defer f.Close()
				r = f
			}
			tm, err := loadTagger(taggerPath)
			if err != nil {
				return err
			}
			pm, err := loadParser(parserPath)
			if err != nil {
				return err
			}
			a := &parse.Annotator{Tagger: tm, Parser: pm}
			// The models take ~45 MB; a soft limit makes the collector work
			// harder on huge inputs instead of doubling the heap (the goal is
			// a peak under 300 MB even for a 1 MB sentence).
			if debug.SetMemoryLimit(-1) == math.MaxInt64 {
				debug.SetMemoryLimit(200 << 20)
			}
			w := bufio.NewWriter(env.stdout)
			defer w.Flush()
			if in == "conllu" {
				cr := conllu.NewReader(r)
				for {
					s, err := cr.Read()
					if err == io.EOF {
						return w.Flush()
					}
					if err != nil {
						return err
					}
					a.Annotate(s)
					if err := conllu.Write(w, s); err != nil {
						return err
					}
				}
			}
			text, err := io.ReadAll(r)
			if err != nil {
				return err
			}
			d, err := a.AnnotateText(cmd.Context(), string(bytes.ToValidUTF8(text, []byte("\uFFFD"))))
			if err != nil {
				return err
			}
			if err := parse.WriteDocument(w, d); err != nil {
				return err
			}
			return w.Flush()
		},
	}
	c.Flags().StringVar(&in, "in", "text", "input format: text or conllu (keeps the given words and sentences)")
	c.Flags().StringVar(&out, "out", "conllu", "output format: conllu")
	c.Flags().StringVar(&taggerPath, "tagger", "", "tagger model file (default: embedded)")
	c.Flags().StringVar(&parserPath, "parser", "", "parser model file (default: embedded)")
	return c
}

func evalUDCmd(env *cliEnv) *cobra.Command {
	var data, split, taggerPath, parserPath string
	var raw bool
	c := &cobra.Command{
		Use:   "ud",
		Short: "Score tagging, lemmas and parsing on a UD treebank split (gold tokenization, or --raw from text)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tm, err := loadTagger(taggerPath)
			if err != nil {
				return err
			}
			pm, err := loadParser(parserPath)
			if err != nil {
				return err
			}
			a := &parse.Annotator{Tagger: tm, Parser: pm}
			path, err := conllu.Split(data, split)
			if err != nil {
				return err
			}
			if raw {
				f, err := os.Open(path)
				if err != nil {
					return err
				}
				defer f.Close()
				sc, err := a.EvaluateRaw(cmd.Context(), f)
				if err != nil {
					return err
				}
				fmt.Fprintf(env.stdout, "%s (raw text, F1)\nTokens     %6.2f\nSentences  %6.2f\nUPOS       %6.2f\nXPOS       %6.2f\nUFeats     %6.2f\nAllTags    %6.2f\nLemmas     %6.2f\nUAS        %6.2f\nLAS        %6.2f\n",
					filepath.Base(path), sc.Tokens, sc.Sentences, sc.UPOS, sc.XPOS, sc.UFeats, sc.AllTags, sc.Lemma, sc.UAS, sc.LAS)
				return nil
			}
			gold, err := conllu.Load(path)
			if err != nil {
				return err
			}
			sc, err := a.EvaluateGold(cmd.Context(), gold)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "%s (gold tokenization, %d words, accuracy)\nUPOS       %6.2f\nXPOS       %6.2f\nUFeats     %6.2f\nAllTags    %6.2f\nLemmas     %6.2f\nUAS        %6.2f\nLAS        %6.2f\nLAS(full)  %6.2f\n",
				filepath.Base(path), sc.Words, sc.UPOS, sc.XPOS, sc.UFeats, sc.AllTags, sc.Lemma, sc.UAS, sc.LAS, sc.LASFull)
			return nil
		},
	}
	c.Flags().StringVar(&data, "data", defaultUD(), "UD treebank directory")
	c.Flags().StringVar(&split, "split", "dev", "split to score: dev or test (test only for final reports)")
	c.Flags().BoolVar(&raw, "raw", false, "start from the raw text rebuilt from # text/# newdoc/# newpar and align by character spans")
	c.Flags().StringVar(&taggerPath, "tagger", "", "tagger model file (default: embedded)")
	c.Flags().StringVar(&parserPath, "parser", "", "parser model file (default: embedded)")
	return c
}
