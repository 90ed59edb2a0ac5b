package event

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/cameo"
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/gazetteer"
)

// GDELTColumns are the 61 columns of the GDELT 2.0 event table, in order.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// WriteGDELT writes the events of docs as rows of the GDELT 2.0 event table:
// tab-separated, no header, one row per (Actor1, Actor2) pair of each event
// (a reciprocal event with several sources and no target gives a row for
// each ordered pair), GLOBALEVENTID numbered from 1 across the output.
//
// Deviations from GDELT, which codes whole news streams: NumSources and
// NumArticles are 1, AvgTone is 0, NumMentions counts the event's mentions
// in its article, IsRootEvent marks events told in the first paragraph,
// SQLDATE is the event's own date (the start of an interval, the
// publication date when undated), and the *_CountryCode geo columns hold
// ISO 3166 alpha-2 codes (GDELT uses FIPS 10-4). Events that are not
// asserted to have happened (planned, denied, negated, hypothetical) are
// written too; filter on the JSON status when that matters.
func WriteGDELT(w io.Writer, docs ...*doc.Document) error {
	bw := bufio.NewWriter(w)
	id := 0
	row := make([]string, len(GDELTColumns))
	for _, d := range docs {
		if d == nil {
			continue
		}
		for ei := range d.Events {
			e := &d.Events[ei]
			for _, pr := range pairs(e) {
				id++
				for i := range row {
					row[i] = ""
				}
				fillGDELT(row, id, d, e, pr[0], pr[1])
				for i, f := range row {
					if i > 0 {
						if err := bw.WriteByte('\t'); err != nil {
							return fmt.Errorf("event: write GDELT: %w", err)
						}
					}
					bw.WriteString(cleanField(f))
				}
				bw.WriteByte('\n')
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("event: write GDELT: %w", err)
	}
	return nil
}

func cleanField(s string) string {
	if strings.ContainsAny(s, "\t\n\r") {
		return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}

// pairs lists the (Actor1, Actor2) participant pairs of an event; nil
// stands for a missing actor.
func pairs(e *doc.Event) [][2]*doc.Participant {
	var out [][2]*doc.Participant
	switch {
	case len(e.Source) > 0 && len(e.Target) > 0:
		for i := range e.Source {
			for j := range e.Target {
				out = append(out, [2]*doc.Participant{&e.Source[i], &e.Target[j]})
			}
		}
	case e.Reciprocal && len(e.Source) > 1:
		for i := range e.Source {
			for j := range e.Source {
				if i != j {
					out = append(out, [2]*doc.Participant{&e.Source[i], &e.Source[j]})
				}
			}
		}
	case len(e.Source) > 0:
		for i := range e.Source {
			out = append(out, [2]*doc.Participant{&e.Source[i], nil})
		}
	case len(e.Target) > 0:
		for j := range e.Target {
			out = append(out, [2]*doc.Participant{nil, &e.Target[j]})
		}
	}
	return out
}

// eventDay returns the day an event is dated to (start of an interval, the
// Monday of a week, the first day of a month or year), or the publication
// date.
func eventDay(d *doc.Document, e *doc.Event) (time.Time, bool) {
	if e.Date != nil {
		if lo, _, ok := edRange(e.Date); ok {
			if t, err := time.Parse("2006-01-02", lo); err == nil {
				return t, true
			}
		}
	}
	if !d.Published.IsZero() {
		return d.Published, true
	}
	return time.Time{}, false
}

func fillGDELT(row []string, id int, d *doc.Document, e *doc.Event, a1, a2 *doc.Participant) {
	row[0] = strconv.Itoa(id)
	if t, ok := eventDay(d, e); ok {
		row[1] = t.Format("20060102")
		row[2] = t.Format("200601")
		row[3] = t.Format("2006")
		row[4] = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365.0, 'f', 4, 64)
	}
	fillActor(row[5:15], d, a1)
	fillActor(row[15:25], d, a2)
	if len(e.Mentions) > 0 && e.Evidence.Sentence < len(d.Sentences) && d.Sentences[e.Evidence.Sentence].Paragraph == 0 {
		row[25] = "1"
	} else {
		row[25] = "0"
	}
	row[26] = e.CAMEO
	row[27] = cameo.Base(e.CAMEO)
	row[28] = cameo.Root(e.CAMEO)
	row[29] = strconv.Itoa(e.Quad)
	row[30] = strconv.FormatFloat(e.Goldstein, 'f', 1, 64)
	n := len(e.Mentions)
	if n == 0 {
		n = 1
	}
	row[31] = strconv.Itoa(n)
	row[32] = "1"
	row[33] = "1"
	row[34] = "0"
	if l := e.Location; l != nil {
		g := row[51:59]
		switch l.Kind {
		case "country":
			g[0] = "1"
		case "region":
			g[0] = "5"
		default:
			g[0] = "4"
		}
		g[1] = l.Name
		if l.Country != "" && l.Name != "" && !strings.Contains(l.Name, ",") && l.Kind != "country" {
			if c, ok := gazetteer.Default().ByISO3(l.Country); ok {
				g[1] = l.Name + ", " + c.Name
			}
		}
		if c, ok := gazetteer.Default().ByISO3(l.Country); ok {
			g[2] = c.ISO2
		}
		if l.Lat != 0 || l.Lon != 0 {
			g[5] = strconv.FormatFloat(l.Lat, 'f', 4, 64)
			g[6] = strconv.FormatFloat(l.Lon, 'f', 4, 64)
		}
	}
	if !d.Published.IsZero() {
		row[59] = d.Published.Format("20060102150405")
	}
	row[60] = d.URL
	if row[60] == "" {
		row[60] = d.ID
	}
}

// fillActor fills the ten actor columns: code, name, country, known group,
// ethnic, religion 1 and 2, type 1–3.
func fillActor(c []string, d *doc.Document, p *doc.Participant) {
	if p == nil {
		return
	}
	c[0] = p.Code
	c[1] = strings.ToUpper(p.Text)
	var a *doc.Actor
	if p.Actor != "" {
		a = d.Actor(p.Actor)
	}
	if a != nil {
		c[1] = strings.ToUpper(a.Name)
		c[2] = a.Country
		if a.Sector == "IGO" {
			c[3] = strings.TrimPrefix(a.Code, "IGO")
		}
		if a.Sector != "" {
			c[7] = a.Sector
		}
	} else if len(p.Code) >= 3 {
		c[2] = p.Code[:3]
	}
	if c[7] == "" && len(p.Code) >= 6 {
		c[7] = p.Code[3:6]
	}
}

// ploverRecord is one event in PLOVER JSON Lines, with the field names of
// the PLOVER gold standard records plus Chronicle's additions.
type ploverRecord struct {
	ID          string         `json:"id"`
	Date        string         `json:"date"`
	Event       string         `json:"event"`
	Mode        string         `json:"mode"`
	Context     string         `json:"context"`
	Source      []ploverActor  `json:"source"`
	Target      []ploverActor  `json:"target"`
	EventLoc    *ploverLoc     `json:"eventLoc,omitempty"`
	Text        string         `json:"text"`
	EventText   string         `json:"eventText"`
	Language    string         `json:"language"`
	Publication string         `json:"publication,omitempty"`
	URL         string         `json:"url,omitempty"`
	CAMEO       string         `json:"cameo"`
	Goldstein   float64        `json:"goldstein"`
	Quad        int            `json:"quad"`
	Status      string         `json:"status"`
	Reported    *doc.Reported  `json:"reported,omitempty"`
	DateRange   *doc.EventDate `json:"dateInfo,omitempty"`
	Reciprocal  bool           `json:"reciprocal"`
	Mentions    int            `json:"mentions"`
}

type ploverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
	Sector    string `json:"sector,omitempty"`
	Actor     string `json:"actor,omitempty"`
}

type ploverLoc struct {
	Name        string  `json:"name"`
	CountryCode string  `json:"country code,omitempty"`
	Country     string  `json:"country,omitempty"`
	Lat         float64 `json:"lat,omitempty"`
	Lon         float64 `json:"lon,omitempty"`
}

// WritePLOVER writes d's events as PLOVER JSON Lines, one object per event,
// with the fields of the PLOVER gold-standard records (id, date, event,
// mode, context, source/target [{actorText, code, sector}], eventLoc,
// text, eventText) and Chronicle's additions (cameo, goldstein, quad,
// status, reported, dateInfo, reciprocal, mentions). Source and target
// codes are country codes (CAMEO style, "USA") with the sector apart, as
// in the gold standard.
func WritePLOVER(w io.Writer, d *doc.Document) error {
	if d == nil {
		return nil
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range d.Events {
		e := &d.Events[i]
		r := ploverRecord{
			ID: e.ID, Event: e.Type, Mode: e.Mode, Context: strings.Join(e.Context, ";"),
			Source: ploverActors(d, e.Source), Target: ploverActors(d, e.Target),
			Text: e.Evidence.Text, EventText: e.Evidence.Trigger.Text, Language: "en",
			Publication: d.Outlet, URL: d.URL, CAMEO: e.CAMEO, Goldstein: e.Goldstein, Quad: e.Quad,
			Status: e.Status, Reported: e.Reported, DateRange: e.Date, Reciprocal: e.Reciprocal, Mentions: len(e.Mentions),
		}
		if d.ID != "" {
			r.ID = d.ID + "-" + e.ID
		}
		if t, ok := eventDay(d, e); ok {
			r.Date = t.Format("2006-01-02")
		}
		if l := e.Location; l != nil {
			pl := &ploverLoc{Name: l.Name, Country: l.Country, Lat: l.Lat, Lon: l.Lon}
			if c, ok := gazetteer.Default().ByISO3(l.Country); ok {
				pl.CountryCode = c.ISO2
			}
			r.EventLoc = pl
		}
		if err := enc.Encode(&r); err != nil {
			return fmt.Errorf("event: write PLOVER: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("event: write PLOVER: %w", err)
	}
	return nil
}

func ploverActors(d *doc.Document, ps []doc.Participant) []ploverActor {
	out := make([]ploverActor, 0, len(ps))
	for _, p := range ps {
		pa := ploverActor{ActorText: p.Text, Code: p.Code, Actor: p.Actor}
		if len(p.Code) > 3 {
			pa.Code, pa.Sector = p.Code[:3], p.Code[3:]
		}
		if a := d.Actor(p.Actor); a != nil {
			if a.Country != "" {
				pa.Code = a.Country
			}
			if a.Sector != "" {
				pa.Sector = a.Sector
			}
		}
		out = append(out, pa)
	}
	return out
}
