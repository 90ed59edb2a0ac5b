package actor

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/doc"
)

// EvalReport counts how well actors are coded against gold actor codes.
type EvalReport struct {
	Records  int // records with at least one gold actor
	Gold     int // gold actors
	Found    int // gold actors whose text is covered by a coded actor
	Country  int // … with the right country (or IGO)
	Sector   int // gold actors with a sector whose sector is right
	WithSect int // gold actors with a sector
	Both     int // gold actors with the right country and, where the gold gives one, sector
	Errors   []string
}

// String prints the report.
func (r EvalReport) String() string {
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	return fmt.Sprintf("records %d, gold actors %d: found %d (%.1f%%), country right %d (%.1f%%), sector right %d of %d (%.1f%%), country and sector right %d (%.1f%%)",
		r.Records, r.Gold, r.Found, pct(r.Found, r.Gold), r.Country, pct(r.Country, r.Gold), r.Sector, r.WithSect, pct(r.Sector, r.WithSect),
		r.Both, pct(r.Both, r.Gold))
}

type ploverActor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

// EvalPLOVER reads PLOVER gold-standard records (a JSON array with "text",
// "date", "source" and "target" actors with codes) and compares the code of
// the actor that covers each gold actor's text. process runs the pipeline.
func EvalPLOVER(ctx context.Context, r io.Reader, process func(context.Context, doc.Article) (*doc.Document, error)) (EvalReport, error) {
	var recs []map[string]json.RawMessage
	if err := json.NewDecoder(r).Decode(&recs); err != nil {
		return EvalReport{}, fmt.Errorf("plover records: %w", err)
	}
	var rep EvalReport
	for _, rec := range recs {
		var text, date, id string
		_ = json.Unmarshal(rec["text"], &text)
		_ = json.Unmarshal(rec["date"], &date)
		_ = json.Unmarshal(rec["id"], &id)
		var gold []ploverActor
		for _, k := range []string{"source", "target"} {
			var as []ploverActor
			if json.Unmarshal(rec[k], &as) == nil {
				gold = append(gold, as...)
			}
		}
		if text == "" || len(gold) == 0 {
			continue
		}
		pub, _ := time.Parse("2006-01-02", date)
		d, err := process(ctx, doc.Article{ID: id, Text: text, Published: pub})
		if err != nil {
			return rep, fmt.Errorf("%s: %w", id, err)
		}
		rep.Records++
		for _, g := range gold {
			if g.Text == "" || g.Code == "" {
				continue
			}
			g.Sector = goldSector(g.Sector)
			rep.Gold++
			if g.Sector != "" {
				rep.WithSect++
			}
			i := strings.Index(text, g.Text)
			if i < 0 {
				continue
			}
			a := d.Actor(At(d, doc.Span{Start: i, End: i + len(g.Text)}))
			if a == nil || a.Code == "" {
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s: %q (gold %s%s): no actor", id, g.Text, g.Code, g.Sector))
				continue
			}
			rep.Found++
			country := a.Country
			if a.Sector == "IGO" {
				country = a.Code
			}
			ok := country == g.Code || (a.Sector == "IGO" && strings.HasPrefix(g.Code, "IGO"))
			if ok {
				rep.Country++
			}
			if g.Sector != "" && a.Sector == g.Sector {
				rep.Sector++
			}
			if ok && (g.Sector == "" || a.Sector == g.Sector) {
				rep.Both++
			}
			if !ok || (g.Sector != "" && a.Sector != g.Sector) {
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s: %q (gold %s %s): %s", id, g.Text, g.Code, g.Sector, a.Code))
			}
		}
	}
	return rep, nil
}

// goldSector normalises a gold sector to the primary three-letter CAMEO
// sector: "CVLalb" (civilians, ethnic Albanian) is CVL, the older "CIV" is
// CVL, "JRN" (journalists) is MED, and "***" (unknown) is no sector.
func goldSector(s string) string {
	if len(s) < 3 {
		return ""
	}
	s = strings.ToUpper(s[:3])
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return ""
		}
	}
	switch s {
	case "CIV":
		return "CVL"
	case "JRN":
		return "MED"
	}
	return s
}
