// Package storetest is the contract test suite that every store.Store
// implementation runs (Run), and a generator of synthetic processed
// documents (Gen) for tests and benchmarks, so that the store is tested
// without depending on the pipeline's models or on corpus text.
package storetest

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/store"
)

// GenActor is a synthetic actor.
type GenActor struct {
	Name, Kind, Code, Country, Sector string
}

// GenEventType is a synthetic event type with the verb that reports it.
type GenEventType struct {
	Type, CAMEO, Verb string
	Quad              int
	Goldstein         float64
	Reciprocal        bool
}

// EventTypes are the types synthetic events are drawn from.
var EventTypes = []GenEventType{
	{"CONSULT", "040", "met with", 1, 1, true},
	{"CONSULT", "042", "visited", 1, 1.9, false},
	{"COOPERATE", "057", "signed an agreement with", 1, 8, true},
	{"AID", "070", "sent aid to", 2, 7, false},
	{"REQUEST", "100", "demanded concessions from", 3, -5, false},
	{"ACCUSE", "112", "accused", 3, -2, false},
	{"REJECT", "120", "rejected a proposal from", 3, -4, false},
	{"THREATEN", "138", "threatened", 3, -7, false},
	{"PROTEST", "141", "protested against", 3, -6.5, false},
	{"SANCTION", "163", "imposed sanctions on", 4, -8, false},
	{"MOBILIZE", "150", "put troops on alert against", 4, -7.2, false},
	{"ASSAULT", "190", "attacked", 4, -10, false},
	{"SUPPORT", "051", "praised", 1, 3.4, false},
	{"CONCEDE", "080", "yielded to", 2, 5, false},
	{"RETREAT", "087", "withdrew forces facing", 2, 9, false},
	{"INVESTIGATE", "090", "opened an inquiry into", 2, -2, false},
}

// GenPlace is a synthetic place.
type GenPlace struct {
	Name, Country string
	Lat, Lon      float64
}

var (
	firstNames = []string{"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Ines", "Jonas", "Kenji", "Leila", "Marco", "Nadia", "Oleg", "Priya", "Quentin", "Rosa", "Samir", "Tomas", "Ulla", "Viktor", "Wen", "Yusuf", "Zofia"}
	lastNames  = []string{"Adler", "Barros", "Castell", "Dorn", "Eskola", "Ferrante", "Grau", "Halloran", "Ivers", "Jankovic", "Keller", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quist", "Rahman", "Santos", "Tanaka", "Udall", "Varga", "Weber", "Yilmaz", "Zeller"}
	countries  = []struct{ code, name string }{{"FRA", "France"}, {"DEU", "Germany"}, {"RUS", "Russia"}, {"USA", "United States"}, {"CHN", "China"}, {"IND", "India"}, {"BRA", "Brazil"}, {"NGA", "Nigeria"}, {"JPN", "Japan"}, {"TUR", "Turkey"}, {"UKR", "Ukraine"}, {"SAU", "Saudi Arabia"}, {"EGY", "Egypt"}, {"MEX", "Mexico"}, {"IDN", "Indonesia"}, {"POL", "Poland"}}
	sectors    = []string{"GOV", "MIL", "OPP", "BUS", "MED", "CVL", "JUD", "LEG"}
	roles      = map[string]string{"GOV": "minister", "MIL": "general", "OPP": "opposition leader", "BUS": "executive", "MED": "journalist", "CVL": "activist", "JUD": "judge", "LEG": "senator"}
	places     = []GenPlace{{"Riyadh", "SAU", 24.71, 46.68}, {"Geneva", "CHE", 46.2, 6.14}, {"Paris", "FRA", 48.86, 2.35}, {"Berlin", "DEU", 52.52, 13.4}, {"Moscow", "RUS", 55.76, 37.62}, {"Washington", "USA", 38.9, -77.04}, {"Beijing", "CHN", 39.9, 116.4}, {"Delhi", "IND", 28.61, 77.21}, {"Lagos", "NGA", 6.52, 3.38}, {"Tokyo", "JPN", 35.68, 139.69}, {"Ankara", "TUR", 39.93, 32.86}, {"Kyiv", "UKR", 50.45, 30.52}, {"Cairo", "EGY", 30.04, 31.24}, {"Warsaw", "POL", 52.23, 21.01}}
	outlets    = []string{"Daily Ledger", "Morning Wire", "Global Courier", "The Meridian", "Northern Post", "Evening Standard Review", "Harbor Times", "Capital Gazette"}
	fillers    = []string{
		"Officials gave few details about the talks.",
		"The announcement came after weeks of tension in the region.",
		"Analysts said the move could reshape relations between the two sides.",
		"Markets reacted calmly to the news on Monday.",
		"Diplomats described the atmosphere as tense but constructive.",
		"Neither side released a joint statement afterwards.",
		"The dispute has simmered for more than a year.",
		"Observers expect further meetings in the coming months.",
	}
	statuses = []string{doc.StatusOccurred, doc.StatusOccurred, doc.StatusOccurred, doc.StatusOccurred, doc.StatusPlanned, doc.StatusDenied, doc.StatusUncertain, doc.StatusOngoing}
)

// Gen makes deterministic synthetic processed documents: text made of
// sentences that report events between actors, with every layer a real
// pipeline fills (sentences, tokens, entities, actors, timexes, quotes,
// events) at consistent offsets.
type Gen struct {
	rng    *rand.Rand
	zipf   *rand.Zipf
	Actors []GenActor
	// Start and Days bound event dates: Start plus up to Days days.
	Start time.Time
	Days  int
	// Filler adds that many filler sentences per event (default 1).
	Filler int
	// Tokens fills the token layer (default true via NewGen).
	Tokens bool
}

// NewGen makes a generator over nActors actors whose popularity follows a
// Zipf law, with events dated in 2024 and 2025.
func NewGen(seed int64, nActors int) *Gen {
	rng := rand.New(rand.NewSource(seed))
	g := &Gen{rng: rng, Start: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Days: 730, Filler: 1, Tokens: true}
	seen := map[string]bool{}
	for i := 0; len(g.Actors) < nActors; i++ {
		c := countries[i%len(countries)]
		var a GenActor
		switch {
		case i < len(countries):
			a = GenActor{Name: c.name, Kind: "LOC", Code: c.code, Country: c.code}
		default:
			sec := sectors[rng.Intn(len(sectors))]
			name := firstNames[rng.Intn(len(firstNames))] + " " + lastNames[rng.Intn(len(lastNames))]
			if len(seen) > len(firstNames)*len(lastNames)/2 {
				name += fmt.Sprintf(" %c.", 'A'+rune(rng.Intn(26)))
				name = fmt.Sprintf("%s %d", name, i)
			}
			a = GenActor{Name: name, Kind: "PER", Code: c.code + sec, Country: c.code, Sector: sec}
		}
		if seen[a.Name] {
			continue
		}
		seen[a.Name] = true
		g.Actors = append(g.Actors, a)
	}
	g.zipf = rand.NewZipf(rng, 1.1, 4, uint64(nActors-1))
	return g
}

func (g *Gen) actor() int { return int(g.zipf.Uint64()) }

// textBuilder builds a document's text and layers together.
type textBuilder struct {
	d        *doc.Document
	b        strings.Builder
	actorIdx map[int]int // generator actor → index in d.Actors
	para     int
}

func (t *textBuilder) sentence(parts ...string) (start, end int) {
	if t.b.Len() > 0 {
		t.b.WriteByte(' ')
	}
	start = t.b.Len()
	for _, p := range parts {
		t.b.WriteString(p)
	}
	end = t.b.Len()
	t.d.Sentences = append(t.d.Sentences, doc.Sentence{Start: start, End: end, Paragraph: t.para})
	return start, end
}

// mentionActor records a mention of generator actor a at [start, end).
func (t *textBuilder) mentionActor(g *Gen, a, start, end int) string {
	i, ok := t.actorIdx[a]
	ga := g.Actors[a]
	if !ok {
		i = len(t.d.Actors)
		t.actorIdx[a] = i
		role := roles[ga.Sector]
		t.d.Actors = append(t.d.Actors, doc.Actor{ID: fmt.Sprintf("A%d", i+1), Name: ga.Name, Kind: ga.Kind, Code: ga.Code,
			Country: ga.Country, Sector: ga.Sector, Role: role, CodeFrom: "dictionary"})
	}
	act := &t.d.Actors[i]
	act.Mentions = append(act.Mentions, doc.Mention{Text: ga.Name, Start: start, End: end, Kind: "name"})
	typ := "PER"
	if ga.Kind == "LOC" {
		typ = "LOC"
	}
	t.d.Entities = append(t.d.Entities, doc.Entity{Type: typ, Text: ga.Name, Start: start, End: end, Actor: act.ID})
	return act.ID
}

// Doc makes synthetic document number i with nEvents events.
func (g *Gen) Doc(i, nEvents int) *doc.Document {
	outlet := outlets[g.rng.Intn(len(outlets))]
	published := g.Start.AddDate(0, 0, g.rng.Intn(g.Days+1))
	d := &doc.Document{
		ID:        fmt.Sprintf("syn-%d", i),
		URL:       fmt.Sprintf("https://news%d.example/%d/story-%d", g.rng.Intn(len(outlets)), published.Year(), i),
		Outlet:    outlet,
		Author:    firstNames[g.rng.Intn(len(firstNames))] + " " + lastNames[g.rng.Intn(len(lastNames))],
		Published: published,
		Source:    fmt.Sprintf("synthetic:%d", i),
	}
	t := &textBuilder{d: d, actorIdx: map[int]int{}}
	for k := 0; k < nEvents; k++ {
		g.addEvent(t, published, k)
		for f := 0; f < g.Filler; f++ {
			t.sentence(fillers[g.rng.Intn(len(fillers))])
		}
		if k%3 == 2 {
			t.para++
		}
	}
	if len(d.Actors) > 0 {
		g.addQuote(t)
	}
	d.Text = t.b.String()
	fillEvidence(d)
	d.Title = fmt.Sprintf("Report %d", i)
	if len(d.Sentences) > 0 {
		d.Title += ": " + d.Text[d.Sentences[0].Start:min(d.Sentences[0].End, d.Sentences[0].Start+60)]
	}
	if g.Tokens {
		addTokens(d)
	}
	d.Done = doc.Sentences | doc.Entities | doc.Actors | doc.Timexes | doc.Quotes | doc.Events
	if g.Tokens {
		d.Done |= doc.Tokens | doc.Tags | doc.Lemmas
	}
	return d
}

// DocWithEvent makes a document that reports one given event: a source and
// target (generator actor indexes), a type, a day and a status. Tests use it
// to check cross-article merging.
func (g *Gen) DocWithEvent(id, outlet string, published time.Time, src, tgt int, et GenEventType, day time.Time, status string) *doc.Document {
	d := &doc.Document{ID: id, Outlet: outlet, Published: published, Source: "test:" + id}
	t := &textBuilder{d: d, actorIdx: map[int]int{}}
	g.writeEvent(t, src, tgt, et, day, status, "")
	t.sentence("Filler text about ", id, " follows here.")
	d.Text = t.b.String()
	d.Title = "Story " + id
	fillEvidence(d)
	addTokens(d)
	d.Done = doc.Sentences | doc.Tokens | doc.Entities | doc.Actors | doc.Timexes | doc.Events
	return d
}

func (g *Gen) addEvent(t *textBuilder, published time.Time, k int) {
	src := g.actor()
	tgt := g.actor()
	for tgt == src {
		tgt = g.rng.Intn(len(g.Actors))
	}
	et := EventTypes[g.rng.Intn(len(EventTypes))]
	day := g.Start.AddDate(0, 0, g.rng.Intn(g.Days+1))
	status := statuses[g.rng.Intn(len(statuses))]
	place := ""
	if g.rng.Intn(3) > 0 {
		place = places[g.rng.Intn(len(places))].Name
	}
	g.writeEvent(t, src, tgt, et, day, status, place)
}

func (g *Gen) writeEvent(t *textBuilder, src, tgt int, et GenEventType, day time.Time, status, place string) {
	d := t.d
	sn, tn := g.Actors[src].Name, g.Actors[tgt].Name
	dateText := day.Format("January 2, 2006")
	verb := et.Verb
	switch status {
	case doc.StatusPlanned:
		verb = "will meet and then say it " + verb
	case doc.StatusDenied:
		verb = "denied it " + verb
	}
	var loc string
	if place != "" {
		loc = " in " + place
	}
	start, end := t.sentence(sn, " ", verb, " ", tn, loc, " on ", dateText, ".")
	srcID := t.mentionActor(g, src, start, start+len(sn))
	tStart := start + len(sn) + 1 + len(verb) + 1
	tgtID := t.mentionActor(g, tgt, tStart, tStart+len(tn))
	trigStart := start + len(sn) + 1
	trigEnd := trigStart + len(verb)
	dStart := end - 1 - len(dateText)
	tid := fmt.Sprintf("t%d", len(d.Timexes)+1)
	d.Timexes = append(d.Timexes, doc.Timex{ID: tid, Type: "DATE", Value: day.Format("2006-01-02"), Text: dateText, Start: dStart, End: end - 1, Granularity: "day"})
	ev := doc.Evidence{Sentence: len(d.Sentences) - 1, Start: start, End: end, Text: "",
		Trigger: doc.Trigger{Text: verb, Start: trigStart, End: trigEnd}}
	e := doc.Event{
		ID: fmt.Sprintf("e%d", len(d.Events)+1), Type: et.Type, CAMEO: et.CAMEO, Quad: et.Quad, Goldstein: et.Goldstein,
		Source:     []doc.Participant{{Actor: srcID, Text: sn, Code: g.Actors[src].Code, Start: start, End: start + len(sn)}},
		Target:     []doc.Participant{{Actor: tgtID, Text: tn, Code: g.Actors[tgt].Code, Start: tStart, End: tStart + len(tn)}},
		Date:       &doc.EventDate{Value: day.Format("2006-01-02"), Granularity: "day", Timex: tid},
		Status:     status,
		Evidence:   ev,
		Mentions:   []doc.Evidence{ev},
		Reciprocal: et.Reciprocal,
		Context:    []string{},
	}
	if place != "" {
		for _, p := range places {
			if p.Name == place {
				ls := start + strings.Index(t.b.String()[start:end], " in "+place) + 4
				e.Location = &doc.Location{Text: place, Name: place, Country: p.Country, Lat: p.Lat, Lon: p.Lon, Start: ls, End: ls + len(place), Kind: "city"}
			}
		}
	}
	d.Events = append(d.Events, e)
}

func (g *Gen) addQuote(t *textBuilder) {
	d := t.d
	a := d.Actors[g.rng.Intn(len(d.Actors))]
	words := []string{"We", "will", "not", "accept", "pressure", "from", "anyone", "and", "talks", "must", "continue", "in", "good", "faith"}
	n := 4 + g.rng.Intn(len(words)-4)
	content := strings.Join(words[:n], " ")
	start, _ := t.sentence("\"", content, ",\" ", a.Name, " said.")
	qs := start + 1
	sp := qs + len(content) + 3
	cue := sp + len(a.Name) + 1
	d.Quotes = append(d.Quotes, doc.Quote{ID: fmt.Sprintf("q%d", len(d.Quotes)+1), Text: content, Start: qs, End: qs + len(content), Direct: true,
		Cue:     &doc.Cue{Text: "said", Start: cue, End: cue + 4, Lemma: "say"},
		Speaker: &doc.Speaker{Text: a.Name, Start: sp, End: sp + len(a.Name), Actor: a.ID}})
	idx := d.Actor(a.ID)
	idx.Mentions = append(idx.Mentions, doc.Mention{Text: a.Name, Start: sp, End: sp + len(a.Name), Kind: "name"})
}

// addTokens splits the text at spaces and punctuation into tokens with
// simple tags, so that the token layer round-trips through the store.
func addTokens(d *doc.Document) {
	text := d.Text
	si := 0
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++
			continue
		}
		j := i
		if isPunct(text[i]) {
			j++
		} else {
			for j < len(text) && text[j] != ' ' && !isPunct(text[j]) {
				j++
			}
		}
		for si < len(d.Sentences)-1 && i >= d.Sentences[si].End {
			si++
		}
		form := text[i:j]
		t := doc.Token{Start: int32(i), End: int32(j), Sent: int32(si), Head: -1, UPOS: doc.NOUN, XPOS: "NN", Lemma: strings.ToLower(form), Dep: "root"}
		switch {
		case isPunct(text[i]):
			t.UPOS, t.XPOS, t.Lemma, t.Dep = doc.PUNCT, ".", form, "punct"
		case form[0] >= 'A' && form[0] <= 'Z':
			t.UPOS, t.XPOS, t.Lemma, t.Dep = doc.PROPN, "NNP", form, "nsubj"
		case strings.HasSuffix(form, "ed"):
			t.UPOS, t.XPOS, t.Lemma, t.Feats = doc.VERB, "VBD", strings.TrimSuffix(form, "d"), "Tense=Past"
		}
		if n := len(d.Tokens); n > 0 && d.Tokens[n-1].Sent == t.Sent {
			t.Head = int32(n - 1)
		}
		d.Tokens = append(d.Tokens, t)
		i = j
	}
	ti := 0
	for s := range d.Sentences {
		d.Sentences[s].FirstToken = ti
		for ti < len(d.Tokens) && int(d.Tokens[ti].Sent) == s {
			ti++
		}
		d.Sentences[s].EndToken = ti
	}
}

// fillEvidence sets the evidence texts once the document text is known.
func fillEvidence(d *doc.Document) {
	for i := range d.Events {
		e := &d.Events[i]
		e.Evidence.Text = d.SpanText(doc.Span{Start: e.Evidence.Start, End: e.Evidence.End})
		for k := range e.Mentions {
			m := &e.Mentions[k]
			m.Text = d.SpanText(doc.Span{Start: m.Start, End: m.End})
		}
	}
}

func isPunct(c byte) bool { return c == '.' || c == ',' || c == '"' || c == ':' }

// Fill puts nDocs synthetic documents with eventsPerDoc events each into s,
// batch documents per transaction.
func Fill(ctx context.Context, s store.Store, g *Gen, first, nDocs, eventsPerDoc, batch int) error {
	if batch <= 0 {
		batch = 100
	}
	docs := make([]*doc.Document, 0, batch)
	for i := first; i < first+nDocs; i++ {
		docs = append(docs, g.Doc(i, eventsPerDoc))
		if len(docs) == batch || i == first+nDocs-1 {
			if _, err := s.Put(ctx, docs...); err != nil {
				return err
			}
			docs = docs[:0]
		}
	}
	return nil
}
