package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/chronicle-news/chronicle/store"
)

// table writes rows as aligned columns, csv as RFC 4180, json as an
// indented array of v.
func writeRows(w io.Writer, format string, header []string, rows [][]string, v any) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(header); err != nil {
			return err
		}
		if err := cw.WriteAll(rows); err != nil {
			return err
		}
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, r := range rows {
		for i := range r {
			r[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(r[i])
		}
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}

func clipText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

func parties(ps []store.Party) string {
	var out []string
	for _, p := range ps {
		s := p.Name
		if p.Code != "" {
			s += " (" + p.Code + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func eventDate(e store.Event) string {
	if e.Date != "" {
		return e.Date
	}
	return "undated"
}

func writeEvents(w io.Writer, format string, events []store.Event, timeline bool) error {
	if events == nil {
		events = []store.Event{}
	}
	header := []string{"ID", "DATE", "STATUS", "TYPE", "CAMEO", "SOURCE", "TARGET", "PLACE", "ARTICLES", "SOURCES", "MENTIONS", "EVIDENCE"}
	if format == "csv" {
		header = append(header, "URL")
	}
	width := 70
	if timeline {
		width = 90
	}
	rows := make([][]string, 0, len(events))
	for _, e := range events {
		place := ""
		if e.Place != nil {
			place = e.Place.Name
			if e.Place.Country != "" && e.Place.Country != e.Place.Name {
				place += " (" + e.Place.Country + ")"
			}
		}
		var evidence, url string
		if len(e.Mentions) > 0 {
			if len(e.Mentions[0].Evidence) > 0 {
				evidence = e.Mentions[0].Evidence[0].Text
			}
			url = e.Mentions[0].URL
		}
		if format == "table" {
			evidence = clipText(evidence, width)
		}
		r := []string{strconv.FormatInt(e.ID, 10), eventDate(e), e.Status, e.Type, e.CAMEO, parties(e.Source), parties(e.Target), place,
			strconv.Itoa(e.NumArticles), strconv.Itoa(e.NumSources), strconv.Itoa(e.NumMentions), evidence}
		if format == "csv" {
			r = append(r, url)
		}
		rows = append(rows, r)
	}
	return writeRows(w, format, header, rows, events)
}

func writeQuotes(w io.Writer, format string, quotes []store.QuoteHit) error {
	if quotes == nil {
		quotes = []store.QuoteHit{}
	}
	header := []string{"ID", "PUBLISHED", "SPEAKER", "CODE", "DIRECT", "QUOTE", "TITLE"}
	rows := make([][]string, 0, len(quotes))
	for _, q := range quotes {
		pub := ""
		if !q.Published.IsZero() {
			pub = q.Published.Format("2006-01-02")
		}
		speaker := q.Speaker
		if q.Actor != "" && !strings.EqualFold(q.Actor, q.Speaker) {
			speaker += " [" + q.Actor + "]"
		}
		text, title := q.Text, q.Title
		if format == "table" {
			text, title = clipText(text, 80), clipText(title, 40)
		}
		rows = append(rows, []string{strconv.FormatInt(q.ID, 10), pub, speaker, q.Code, strconv.FormatBool(q.Direct), text, title})
	}
	return writeRows(w, format, header, rows, quotes)
}

func writeHits(w io.Writer, format string, hits []store.SearchHit) error {
	if hits == nil {
		hits = []store.SearchHit{}
	}
	header := []string{"ID", "PUBLISHED", "OUTLET", "TITLE", "COPIES", "SNIPPET", "URL"}
	rows := make([][]string, 0, len(hits))
	for _, h := range hits {
		pub := ""
		if !h.Published.IsZero() {
			pub = h.Published.Format("2006-01-02")
		}
		title, snippet := h.Title, h.Snippet
		if format == "table" {
			title, snippet = clipText(title, 50), clipText(snippet, 90)
		}
		rows = append(rows, []string{strconv.FormatInt(h.ArticleID, 10), pub, h.Outlet, title, strconv.Itoa(h.Copies), snippet, h.URL})
	}
	return writeRows(w, format, header, rows, hits)
}

func writeActors(w io.Writer, format string, actors []store.ActorCount) error {
	if actors == nil {
		actors = []store.ActorCount{}
	}
	header := []string{"ID", "NAME", "KIND", "CODE", "MENTIONS", "ARTICLES", "EVENTS"}
	rows := make([][]string, 0, len(actors))
	for _, a := range actors {
		rows = append(rows, []string{strconv.FormatInt(a.ID, 10), a.Name, a.Kind, a.Code, strconv.Itoa(a.Mentions), strconv.Itoa(a.Articles), strconv.Itoa(a.Events)})
	}
	return writeRows(w, format, header, rows, actors)
}

func writeStats(w io.Writer, format string, st store.Stats) error {
	header := []string{"ARTICLES", "SYNDICATED", "EVENTS", "MENTIONS", "ACTORS", "QUOTES", "TEXT_BYTES", "SIZE_BYTES", "SCHEMA"}
	row := []string{strconv.Itoa(st.Articles), strconv.Itoa(st.Syndicated), strconv.Itoa(st.Events), strconv.Itoa(st.Mentions),
		strconv.Itoa(st.Actors), strconv.Itoa(st.Quotes), strconv.FormatInt(st.TextBytes, 10), strconv.FormatInt(st.SizeBytes, 10), strconv.FormatInt(st.SchemaVersion, 10)}
	return writeRows(w, format, header, [][]string{row}, st)
}
