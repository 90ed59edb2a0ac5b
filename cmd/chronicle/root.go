package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle/internal/shared"
)

// cliEnv is what every command writes to and reads from; tests pass buffers.
type cliEnv struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// cliPart is the commands one area of Chronicle adds to the command line:
// top-level commands, "train" subcommands and "eval" subcommands.
type cliPart struct {
	Commands []*cobra.Command
	Train    []*cobra.Command
	Eval     []*cobra.Command
}

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // nothing could be processed, or a command failed
	exitUsage   = 2 // bad flags or arguments
)

// usageError marks errors in the command line itself.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return exitUsage
	}
	return exitFailure
}

// run builds the command tree and executes args.
func run(ctx context.Context, args []string, env *cliEnv) error {
	if env.log == nil {
		env.log = slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	root := &cobra.Command{
		Use:           "chronicle",
		Short:         "Turn news articles into a sourced record of events, actors, dates and quotes",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetArgs(args)
	root.SetIn(env.stdin)
	root.SetOut(env.stdout)
	root.SetErr(env.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })

	train := &cobra.Command{Use: "train", Short: "Train a model from a corpus (reproducible given --seed)"}
	eval := &cobra.Command{Use: "eval", Short: "Evaluate a stage against a gold corpus"}
	root.AddCommand(train, eval)
	parts := []cliPart{
		extractCLI(env),  // extract
		tokenizeCLI(env), // tokenize; eval tokenize
		lingCLI(env),     // parse; train tagger|parser; eval ud|tokenize
		timexCLI(env),    // timex; eval timex
		nerCLI(env),      // ner; train ner; eval ner
		actorCLI(env),    // actors dictionary tools
		quoteCLI(env),    // eval quotes
		eventCLI(env),    // validate-petrarch; eval plover
		storeCLI(env),    // ingest, events, timeline, quotes, search, actors, export
	}
	for _, p := range parts {
		root.AddCommand(p.Commands...)
		train.AddCommand(p.Train...)
		eval.AddCommand(p.Eval...)
	}
	return root.ExecuteContext(ctx)
}

// argOrShared returns the file named on the command line, or the default
// file under the shared corpora directory when none is given.
func argOrShared(args []string, elems ...string) (string, error) {
	if len(args) > 0 {
		return args[0], nil
	}
	p, err := shared.Path(elems...)
	if err != nil {
		return "", usageError{fmt.Errorf("no file given and %w", err)}
	}
	return p, nil
}
