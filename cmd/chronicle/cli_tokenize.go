package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/tokenize"
)

// tokenizeCLI returns the commands of this area: "tokenize" and "eval tokenize".
func tokenizeCLI(env *cliEnv) cliPart {
	return cliPart{
		Commands: []*cobra.Command{tokenizeCmd(env)},
		Eval:     []*cobra.Command{evalTokenizeCmd(env)},
	}
}

// tokenizeCmd prints the sentences of a text, one per line, with tokens
// separated by spaces and a blank line between paragraphs.
func tokenizeCmd(env *cliEnv) *cobra.Command {
	var offsets bool
	cmd := &cobra.Command{
		Use:   "tokenize [FILE|-]",
		Short: "Split a text into sentences and tokens (one sentence a line, tokens space-separated)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in := env.stdin
			name := "-"
			if len(args) == 1 && args[0] != "-" {
				name = args[0]
				f, err := os.Open(name)
				if err != nil {
					return err
				}
				defer f.Close()
				in = f
			}
			text, err := io.ReadAll(in)
			if err != nil {
				return fmt.Errorf("reading %s: %w", name, err)
			}
			tk, err := tokenize.New()
			if err != nil {
				return err
			}
			w := bufio.NewWriter(env.stdout)
			if err := tokenize.Write(w, tk, string(text), offsets); err != nil {
				return err
			}
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&offsets, "offsets", false, "print each token as FORM/START-END")
	return cmd
}

// evalTokenizeCmd scores tokens and sentences on a UD treebank's raw text.
func evalTokenizeCmd(env *cliEnv) *cobra.Command {
	var data, split string
	var errs int
	cmd := &cobra.Command{
		Use:   "tokenize",
		Short: "Score the tokenizer and sentence splitter on UD English EWT from raw text",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				p, err := shared.Path("data", "ud-english-ewt")
				if err != nil {
					return usageError{fmt.Errorf("--data not given and %w", err)}
				}
				data = p
			}
			switch split {
			case "train", "dev", "test":
			default:
				return usageError{errors.New("--split must be train, dev or test")}
			}
			path := filepath.Join(data, "en_ewt-ud-"+split+".conllu")
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			g, err := tokenize.ReadGold(f)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			tk, err := tokenize.New()
			if err != nil {
				return err
			}
			var ew io.Writer
			if errs > 0 {
				ew = env.stdout
			}
			sc, err := tk.Evaluate(cmd.Context(), g, ew, errs)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "%s (%s)\ntokens    %v\nsentences %v\n", path, split, sc.Tokens, sc.Sentences)
			return nil
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "directory of the UD English EWT .conllu files (default ../shared/data/ud-english-ewt)")
	cmd.Flags().StringVar(&split, "split", "dev", "train, dev or test")
	cmd.Flags().IntVar(&errs, "errors", 0, "print up to N missed and spurious tokens and sentences")
	return cmd
}
