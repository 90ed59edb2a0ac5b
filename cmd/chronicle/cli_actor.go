package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/spf13/cobra"
)

// actorCLI returns the commands of the actor area: "actor-dict convert|lookup|check"
// and "eval actors".
func actorCLI(env *cliEnv) cliPart {
	root := &cobra.Command{Use: "actor-dict", Short: "Actor dictionary tools: convert PETRARCH/TABARI files, look names up, check files"}
	root.AddCommand(actorConvertCmd(env), actorLookupCmd(env), actorCheckCmd(env))
	return cliPart{Commands: []*cobra.Command{root}, Eval: []*cobra.Command{evalActorsCmd(env)}}
}

func loadDictFile(path string) (*actor.Dictionary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return actor.LoadDictionary(f, path)
}

func actorConvertCmd(env *cliEnv) *cobra.Command {
	var capOpen string
	cmd := &cobra.Command{
		Use:   "convert [--cap-open YYYY-MM-DD] FILE…",
		Short: "Convert PETRARCH/TABARI actor or agent dictionaries into Chronicle's format (to stdout)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var opts actor.ConvertOptions
			if capOpen != "" {
				t, err := time.Parse("2006-01-02", capOpen)
				if err != nil {
					return usageError{fmt.Errorf("--cap-open: %w", err)}
				}
				opts.CapOpenPersonRoles = t
			}
			var all actor.Dictionary
			for _, p := range args {
				d, err := loadDictFile(p)
				if err != nil {
					return err
				}
				all.Entries = append(all.Entries, d.Entries...)
				all.Agents = append(all.Agents, d.Agents...)
			}
			fmt.Fprintln(env.stdout, "# chronicle-actors 1\n# converted from "+strings.Join(args, ", "))
			return actor.ConvertTABARI(&all, opts).WriteChronicle(env.stdout)
		},
	}
	cmd.Flags().StringVar(&capOpen, "cap-open", "", "end open-ended person roles on this day (the source's vintage)")
	return cmd
}

func actorLookupCmd(env *cliEnv) *cobra.Command {
	var date string
	var dicts []string
	cmd := &cobra.Command{
		Use:   "lookup [--date YYYY-MM-DD] [--actors FILE] NAME…",
		Short: "Print the dictionary code of each name on a date",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			t := time.Now()
			if date != "" {
				var err error
				if t, err = time.Parse("2006-01-02", date); err != nil {
					return usageError{fmt.Errorf("--date: %w", err)}
				}
			}
			var ds []*actor.Dictionary
			for _, p := range dicts {
				d, err := loadDictFile(p)
				if err != nil {
					return err
				}
				ds = append(ds, d)
			}
			def, _, err := actor.Defaults()
			if err != nil {
				return err
			}
			ds = append(ds, def...)
			for _, name := range args {
				found := false
				for _, d := range ds {
					if e, ok := d.Lookup(name); ok {
						r, _ := e.RoleAt(t)
						fmt.Fprintf(env.stdout, "%s\t%s\t%s\t%s (%s)\n", name, r.Code, r.Title, e.Names[0], d.Name)
						found = true
						break
					}
				}
				if !found {
					fmt.Fprintf(env.stdout, "%s\t-\n", name)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "date the roles are checked against (default today)")
	cmd.Flags().StringArrayVar(&dicts, "actors", nil, "extra dictionary (Chronicle or PETRARCH/TABARI format), consulted first")
	return cmd
}

func actorCheckCmd(env *cliEnv) *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE…",
		Short: "Parse dictionaries and report their format and size, or the first error",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, p := range args {
				d, err := loadDictFile(p)
				if err != nil {
					return err
				}
				fmt.Fprintf(env.stdout, "%s: %d actors, %d agents\n", p, len(d.Entries), len(d.Agents))
			}
			return nil
		},
	}
}

func evalActorsCmd(env *cliEnv) *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "actors [PLOVER_GSR.json]",
		Short: "Compare actor codes with the gold source/target codes of PLOVER gold-standard records",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := argOrShared(args, "data", "plover", "PLOVER_GSR_dev.json")
			if err != nil {
				return err
			}
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			p, err := chronicle.New(chronicle.Options{Logger: env.log})
			if err != nil {
				return err
			}
			rep, err := actor.EvalPLOVER(cmd.Context(), f, p.Extract)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			if verbose {
				for _, e := range rep.Errors {
					fmt.Fprintln(env.stdout, e)
				}
			}
			fmt.Fprintln(env.stdout, rep.String())
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every miss")
	return cmd
}
