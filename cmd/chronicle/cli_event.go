package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/event"
	"github.com/spf13/cobra"
)

// eventCLI returns the commands of the event area: validate-petrarch and
// eval plover.
func eventCLI(env *cliEnv) cliPart {
	return cliPart{
		Commands: []*cobra.Command{validatePetrarchCmd(env), verbsCmd(env)},
		Eval:     []*cobra.Command{evalPloverCmd(env)},
	}
}

func validatePetrarchCmd(env *cliEnv) *cobra.Command {
	var dictDir string
	var verbose bool
	cmd := &cobra.Command{
		Use:   "validate-petrarch [RECORDS.xml]",
		Short: "Run PETRARCH's unit-test records through Chronicle with the dictionaries they name; print pass rate and failures",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := argOrShared(args, "data", "petrarch", "PETR.UnitTest.records.xml")
			if err != nil {
				return err
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			recs, penv, err := event.ReadPETRRecords(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			if dictDir == "" {
				dictDir = filepath.Join(filepath.Dir(path), "dictionaries")
			}
			join := func(n string) string {
				if n == "" {
					return ""
				}
				return filepath.Join(dictDir, n)
			}
			var actorDicts []string
			for _, n := range []string{penv.Actors, penv.Agents} {
				if n != "" {
					actorDicts = append(actorDicts, join(n))
				}
			}
			stages, err := chronicle.DefaultStages(chronicle.Options{ActorDicts: actorDicts})
			if err != nil {
				return err
			}
			opts := event.Options{NoDefaults: penv.Verbs != "", Literal: true, Statements: true}
			if penv.Verbs != "" {
				opts.VerbDicts = []string{join(penv.Verbs)}
			}
			coder, err := event.New(opts)
			if err != nil {
				return err
			}
			// PETRARCH composes agent codes with the actor they belong to
			// ("Arnor's foreign minister" → ARNGOVFRM)
			linker, err := actor.New(actor.Options{Dicts: actorDicts, Compose: true, NoDefaults: true, Anonymous: true})
			if err != nil {
				return err
			}
			for i, s := range stages {
				switch s.Name() {
				case coder.Name():
					stages[i] = coder
				case linker.Name():
					stages[i] = linker
				}
			}
			p, err := chronicle.New(chronicle.Options{Stages: stages, Logger: env.log})
			if err != nil {
				return err
			}
			res, err := event.ValidatePETRARCH(cmd.Context(), recs, p.Extract)
			if err != nil {
				return err
			}
			pass := 0
			for _, r := range res {
				if r.Pass {
					pass++
					continue
				}
				if verbose || len(res) <= 400 {
					fmt.Fprintf(env.stdout, "FAIL %-14s %-8s want [%s] got [%s]\n", r.Rec.ID, r.Rec.Category,
						strings.Join(r.Rec.Expected, ", "), strings.Join(r.Got, ", "))
					if verbose {
						fmt.Fprintf(env.stdout, "     %s\n", r.Rec.Text)
						for _, e := range r.Events {
							fmt.Fprintf(env.stdout, "       event %s\n", e)
						}
					}
				}
			}
			if len(res) == 0 {
				return errors.New("no records to validate")
			}
			fmt.Fprintf(env.stdout, "PETRARCH unit tests: %d/%d coded exactly (%.1f%%)\n", pass, len(res), 100*float64(pass)/float64(len(res)))
			return nil
		},
	}
	cmd.Flags().StringVar(&dictDir, "dicts", "", "directory of the dictionaries the records name (default: dictionaries/ beside the records file)")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print each failing record's text")
	return cmd
}

func evalPloverCmd(env *cliEnv) *cobra.Command {
	var misses bool
	var verbs []string
	cmd := &cobra.Command{
		Use:   "plover [PLOVER_GSR.json]",
		Short: "Score event types and dyads against the PLOVER gold standard",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := argOrShared(args, "data", "plover", "PLOVER_GSR_dev.json")
			if err != nil {
				return err
			}
			recs, err := event.ReadPLOVERGold(path)
			if err != nil {
				return err
			}
			p, err := chronicle.New(chronicle.Options{VerbDicts: verbs, Logger: env.log})
			if err != nil {
				return err
			}
			s, err := event.EvalPLOVER(cmd.Context(), recs, p.Extract)
			if err != nil {
				return err
			}
			if misses {
				for _, m := range s.Misses {
					fmt.Fprintf(env.stdout, "MISS-%s %s gold %s %v→%v got %v\n     %s\n", m.Kind, m.Rec.ID, m.Rec.Type, m.Rec.Source, m.Rec.Target, m.Got, m.Rec.Text)
				}
			}
			fmt.Fprintf(env.stdout, "PLOVER %s: %s\n", filepath.Base(path), s)
			return nil
		},
	}
	cmd.Flags().BoolVar(&misses, "misses", false, "list the records whose type or dyad was missed")
	cmd.Flags().StringSliceVar(&verbs, "verbs", nil, "extra verb dictionaries (Chronicle or PETRARCH format)")
	return cmd
}

func verbsCmd(env *cliEnv) *cobra.Command {
	cmd := &cobra.Command{Use: "verbs", Short: "Event verb dictionary tools"}
	cmd.AddCommand(&cobra.Command{
		Use:   "convert FILE",
		Short: "Print a verb dictionary (PETRARCH CAMEO format or Chronicle format) in Chronicle's format",
		Args:  cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			d, err := event.LoadDictFile(args[0])
			if err != nil {
				return err
			}
			return event.WriteDict(env.stdout, d)
		},
	}, &cobra.Command{
		Use:   "default",
		Short: "Print the embedded verb dictionary's rules",
		Args:  cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			d, err := event.DefaultDict()
			if err != nil {
				return err
			}
			return event.WriteDict(env.stdout, d)
		},
	})
	return cmd
}
