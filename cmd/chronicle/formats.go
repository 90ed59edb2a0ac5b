package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/event"
	"github.com/chronicle-news/chronicle/output"
	"github.com/chronicle-news/chronicle/quote"
	"github.com/chronicle-news/chronicle/timex"
)

// perDoc adapts a function that writes one document.
func perDoc(f func(w io.Writer, d *doc.Document) error) func(output.Layers) docWriter {
	return func(output.Layers) docWriter {
		return docWriter{doc: func(w io.Writer, d *doc.Document, _ bool) error { return f(w, d) }}
	}
}

// formats are the output formats of "chronicle extract".
var formats = map[string]func(layers output.Layers) docWriter{
	"text": func(output.Layers) docWriter {
		return docWriter{doc: func(w io.Writer, d *doc.Document, first bool) error {
			if !first {
				if _, err := io.WriteString(w, "\n"); err != nil {
					return err
				}
			}
			return output.WriteText(w, d)
		}}
	},
	"timeml": perDoc(timex.WriteTimeML),
	"plover": perDoc(event.WritePLOVER),
	"gkg":    perDoc(quote.WriteGKG),
	"gdelt": func(output.Layers) docWriter {
		// GLOBALEVENTIDs are numbered across the whole output, so the
		// events are written in one call at the end; tokens are dropped
		// from the buffered documents to keep memory down.
		var docs []*doc.Document
		return docWriter{
			doc: func(_ io.Writer, d *doc.Document, _ bool) error { d.Tokens = nil; docs = append(docs, d); return nil },
			end: func(w io.Writer, _ int) error { return event.WriteGDELT(w, docs...) },
		}
	},
	"jsonl": func(l output.Layers) docWriter {
		return docWriter{doc: func(w io.Writer, d *doc.Document, _ bool) error { return output.WriteJSONLine(w, d, l) }}
	},
	"json": func(l output.Layers) docWriter {
		// Documents are buffered so that one article gives an object and
		// several give an array.
		var docs []*doc.Document
		return docWriter{
			doc: func(_ io.Writer, d *doc.Document, _ bool) error { docs = append(docs, d); return nil },
			end: func(w io.Writer, n int) error {
				if n == 1 {
					return output.WriteJSON(w, docs[0], l)
				}
				views := make([]*output.Document, len(docs))
				for i, d := range docs {
					views[i] = output.View(d, l)
				}
				return output.WriteJSONArray(w, views)
			},
		}
	},
}

func formatNames() string {
	var names []string
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

func writerFor(name string, layers output.Layers) (docWriter, error) {
	f, ok := formats[strings.ToLower(name)]
	if !ok {
		return docWriter{}, fmt.Errorf("unknown format %q (want %s)", name, formatNames())
	}
	return f(layers), nil
}
