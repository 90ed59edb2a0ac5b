// Command convert turns the PETRARCH/TABARI Phoenix dictionaries (MIT, Open
// Event Data Alliance, current to 2014) into Chronicle's actor dictionary
// format: actor/data/phoenix.actors.txt.gz and actor/data/phoenix.agents.txt.
// Run by `go generate ./actor`; deterministic.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/chronicle-news/chronicle/actor"
)

func main() {
	src := flag.String("petrarch", "../../shared/data/petrarch/dictionaries", "directory with the Phoenix dictionaries")
	out := flag.String("out", "data", "output directory")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		slog.Error("convert failed", "err", err)
		os.Exit(1)
	}
}

func load(path string) (*actor.Dictionary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return actor.LoadDictionary(f, filepath.Base(path))
}

func run(src, out string) error {
	var all actor.Dictionary
	for _, n := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		d, err := load(filepath.Join(src, n))
		if err != nil {
			return err
		}
		all.Entries = append(all.Entries, d.Entries...)
	}
	opts := actor.ConvertOptions{CapOpenPersonRoles: time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)}
	conv := actor.ConvertTABARI(&all, opts)
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# chronicle-actors 1\n# Converted from the Phoenix actor dictionaries (PETRARCH-2, MIT licence, (c) 2014 Open Event Data\n")
	fmt.Fprintf(&buf, "# Alliance; current to 2014) by actor/internal/convert. Open-ended roles of persons end 2015-01-01.\n")
	if err := conv.WriteChronicle(&buf); err != nil {
		return err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(buf.Bytes())
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "phoenix.actors.txt.gz"), gz.Bytes(), 0o644); err != nil {
		return err
	}
	ag, err := load(filepath.Join(src, "Phoenix.agents.txt"))
	if err != nil {
		return err
	}
	ag.Entries = nil // malformed agent lines read as actors
	agc := actor.ConvertTABARI(ag, actor.ConvertOptions{})
	buf.Reset()
	fmt.Fprintf(&buf, "# chronicle-actors 1\n# Agents converted from Phoenix.agents.txt (PETRARCH-2, MIT licence, (c) 2014 Open Event Data Alliance)\n")
	fmt.Fprintf(&buf, "# by actor/internal/convert: nouns that give a sector to the country they go with.\n")
	if err := agc.WriteChronicle(&buf); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "phoenix.agents.txt"), buf.Bytes(), 0o644)
}
