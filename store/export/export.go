// Package export writes a corpus store, or the part of it a query selects,
// in exchange formats: GDELT 2.0 event rows for merged events, PLOVER JSON
// Lines and Chronicle JSON Lines for the stored documents. The per-document
// formats are the event and output packages' own writers.
package export

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/event"
	"github.com/chronicle-news/chronicle/output"
	"github.com/chronicle-news/chronicle/store"
)

// page is how many merged events GDELT reads at a time.
const page = 1000

// GDELT writes the merged events that q selects as rows of the GDELT 2.0
// event table (tab-separated, no header; event.GDELTColumns names the
// columns). Each row is coded by event.WriteGDELT from the event's first
// report, then given the store's view of the event: GLOBALEVENTID is the
// merged event's ID, the date its most precise date, and NumMentions,
// NumSources and NumArticles count every report in the store. q.Limit and
// q.Offset apply to events, not rows.
func GDELT(ctx context.Context, s store.Store, q store.EventQuery, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	cache := map[int64]*doc.Document{}
	var buf bytes.Buffer
	remaining := q.Limit
	q.NoEvidence = false
	for {
		pq := q
		pq.Limit = page
		if remaining > 0 {
			pq.Limit = min(page, remaining)
		}
		events, err := s.Events(ctx, pq)
		if err != nil {
			return err
		}
		for i := range events {
			e := &events[i]
			if len(e.Mentions) == 0 {
				continue
			}
			m := e.Mentions[0]
			d, err := document(ctx, s, cache, m.ArticleID)
			if err != nil {
				return err
			}
			if d == nil {
				continue
			}
			var ev *doc.Event
			for k := range d.Events {
				if d.Events[k].ID == m.EventID {
					ev = &d.Events[k]
				}
			}
			if ev == nil {
				continue
			}
			one := *d
			one.Events = []doc.Event{*ev}
			buf.Reset()
			if err := event.WriteGDELT(&buf, &one); err != nil {
				return err
			}
			for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
				if line == "" {
					continue
				}
				row := strings.Split(line, "\t")
				if len(row) != len(event.GDELTColumns) {
					return fmt.Errorf("export: GDELT row with %d columns, want %d", len(row), len(event.GDELTColumns))
				}
				patchGDELT(row, e)
				bw.WriteString(strings.Join(row, "\t"))
				bw.WriteByte('\n')
			}
		}
		if len(cache) > 512 {
			clear(cache)
		}
		if len(events) < pq.Limit {
			break
		}
		q.Offset += len(events)
		if remaining > 0 {
			remaining -= len(events)
			if remaining <= 0 {
				break
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: GDELT: %w", err)
	}
	return nil
}

func patchGDELT(row []string, e *store.Event) {
	row[0] = strconv.FormatInt(e.ID, 10)
	if t, err := time.Parse("2006-01-02", e.DateStart); err == nil {
		row[1] = t.Format("20060102")
		row[2] = t.Format("200601")
		row[3] = t.Format("2006")
		row[4] = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365.0, 'f', 4, 64)
	}
	row[31] = strconv.Itoa(e.NumMentions)
	row[32] = strconv.Itoa(e.NumSources)
	row[33] = strconv.Itoa(e.NumArticles)
}

func document(ctx context.Context, s store.Store, cache map[int64]*doc.Document, id int64) (*doc.Document, error) {
	if d, ok := cache[id]; ok {
		return d, nil
	}
	var found *doc.Document
	err := s.Documents(ctx, store.DocQuery{IDs: []int64{id}, Copies: true}, func(d *doc.Document) error {
		found = d
		return nil
	})
	if err != nil {
		return nil, err
	}
	cache[id] = found
	return found, nil
}

// PLOVER writes the events of the documents q selects as PLOVER JSON Lines
// (event.WritePLOVER).
func PLOVER(ctx context.Context, s store.Store, q store.DocQuery, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	err := s.Documents(ctx, q, func(d *doc.Document) error {
		return event.WritePLOVER(bw, d)
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// JSONL writes the documents q selects as Chronicle JSON Lines, one
// document per line with the given layers (output.WriteJSONLine).
func JSONL(ctx context.Context, s store.Store, q store.DocQuery, layers output.Layers, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	err := s.Documents(ctx, q, func(d *doc.Document) error {
		return output.WriteJSONLine(bw, d, layers)
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}
