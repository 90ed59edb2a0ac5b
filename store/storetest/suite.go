package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/store"
)

// Opener opens a fresh, empty store for one test; the test closes it.
type Opener func(t *testing.T) store.Store

// Run runs the store contract tests against the stores that open makes.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Duplicates", testDuplicates},
		{"Syndicated", testSyndicated},
		{"MergeAcrossArticles", testMerge},
		{"EventFilters", testEventFilters},
		{"UnlistedValues", testUnlistedValues},
		{"Quotes", testQuotes},
		{"Search", testSearch},
		{"Actors", testActors},
		{"DocumentsByQuery", testDocumentsByQuery},
		{"BadInput", testBadInput},
		{"ConcurrentReadersDuringWrites", testConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}()
			tc.fn(t, s)
		})
	}
}

func put(t *testing.T, s store.Store, docs ...*doc.Document) []store.PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), docs...)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return res
}

func events(t *testing.T, s store.Store, q store.EventQuery) []store.Event {
	t.Helper()
	ev, err := s.Events(context.Background(), q)
	if err != nil {
		t.Fatalf("Events(%+v): %v", q, err)
	}
	return ev
}

func allDocs(t *testing.T, s store.Store, q store.DocQuery) []*doc.Document {
	t.Helper()
	var out []*doc.Document
	if err := s.Documents(context.Background(), q, func(d *doc.Document) error {
		out = append(out, d)
		return nil
	}); err != nil {
		t.Fatalf("Documents: %v", err)
	}
	return out
}

func testRoundTrip(t *testing.T, s store.Store) {
	g := NewGen(1, 60)
	in := []*doc.Document{g.Doc(1, 3), g.Doc(2, 5), g.Doc(3, 0)}
	in[2].Text = "Ünïcödé text — with “quotes” and emoji 🎉 survives the store intact, word for word, with more words to spare."
	in[2].Sentences, in[2].Tokens, in[2].Entities, in[2].Actors, in[2].Quotes, in[2].Timexes = nil, nil, nil, nil, nil, nil
	in[2].Done = 0
	in[2].Published = time.Time{}
	in[2].URL = ""
	addTokens(in[2])
	res := put(t, s, in...)
	for i, r := range res {
		if r.Status != store.PutStored || r.ArticleID == 0 {
			t.Fatalf("doc %d: got %+v, want stored", i, r)
		}
	}
	out := allDocs(t, s, store.DocQuery{})
	if len(out) != len(in) {
		t.Fatalf("Documents: got %d, want %d", len(out), len(in))
	}
	for i := range in {
		want, got := *in[i], *out[i]
		if !got.Published.Equal(want.Published) {
			t.Errorf("doc %d: published %v, want %v", i, got.Published, want.Published)
		}
		got.Published, want.Published = time.Time{}, time.Time{}
		if !reflect.DeepEqual(normalize(&got), normalize(&want)) {
			t.Errorf("doc %d: round trip differs:\n got %+v\nwant %+v", i, got, want)
		}
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 3 || st.Events != 8 || st.Quotes != 2 || st.SchemaVersion < 1 {
		t.Errorf("Stats = %+v, want 3 articles, 8 events, 2 quotes, a schema version", st)
	}
}

// normalize makes nil and empty slices compare equal.
func normalize(d *doc.Document) *doc.Document {
	c := *d
	if len(c.Sentences) == 0 {
		c.Sentences = nil
	}
	if len(c.Tokens) == 0 {
		c.Tokens = nil
	}
	if len(c.Entities) == 0 {
		c.Entities = nil
	}
	if len(c.Actors) == 0 {
		c.Actors = nil
	}
	if len(c.Timexes) == 0 {
		c.Timexes = nil
	}
	if len(c.Quotes) == 0 {
		c.Quotes = nil
	}
	if len(c.Events) == 0 {
		c.Events = nil
	}
	return &c
}

func testDuplicates(t *testing.T, s store.Store) {
	ctx := context.Background()
	g := NewGen(2, 40)
	a := g.Doc(1, 2)
	put(t, s, a)
	sameURL := g.Doc(2, 2)
	sameURL.URL = a.URL
	sameText := g.Doc(3, 1)
	sameText.Text, sameText.URL = "  "+strings.ReplaceAll(a.Text, ". ", ".\n\n")+"\n", ""
	sameText.Sentences, sameText.Tokens, sameText.Events, sameText.Quotes, sameText.Actors, sameText.Entities, sameText.Timexes = nil, nil, nil, nil, nil, nil, nil
	res := put(t, s, sameURL, sameText)
	for i, r := range res {
		if r.Status != store.PutDuplicate || r.ArticleID != 1 {
			t.Errorf("doc %d: got %+v, want duplicate of 1", i, r)
		}
	}
	for _, c := range []struct {
		url, hash string
		want      bool
	}{
		{a.URL, "", true},
		{"", store.ContentHash(a.Text), true},
		{"https://elsewhere.example/x", store.ContentHash("other text"), false},
		{"", store.ContentHash(sameText.Text), true},
	} {
		got, err := s.Seen(ctx, c.url, c.hash)
		if err != nil || got != c.want {
			t.Errorf("Seen(%q, %q) = %v, %v; want %v", c.url, c.hash, got, err, c.want)
		}
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 1 || st.Events != 2 {
		t.Errorf("after duplicates: %+v, want 1 article, 2 events", st)
	}
}

func testSyndicated(t *testing.T, s store.Store) {
	ctx := context.Background()
	g := NewGen(3, 40)
	g.Filler = 3
	orig := g.Doc(1, 6)
	copyDoc := g.Doc(1, 6) // same text structure but another random draw
	*copyDoc = *orig
	copyDoc.URL = "https://syndicator.example/copy"
	copyDoc.Outlet = "Syndicator"
	copyDoc.Text = orig.Text + " Reporting by the wire service."
	other := g.Doc(2, 6)
	res := put(t, s, orig, copyDoc, other)
	if res[0].Status != store.PutStored || res[1].Status != store.PutSyndicated || res[1].DupOf != res[0].ArticleID || res[2].Status != store.PutStored {
		t.Fatalf("Put results = %+v; want stored, syndicated copy of the first, stored", res)
	}
	ev := events(t, s, store.EventQuery{})
	for _, e := range ev {
		if e.NumArticles != 1 {
			t.Errorf("event %d counted in %d articles; a syndicated copy must not count", e.ID, e.NumArticles)
		}
	}
	hits, err := s.Search(ctx, store.SearchQuery{Text: "wire service"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 0 {
		t.Errorf("search found the syndicated copy's own words: %+v", hits)
	}
	word := strings.Fields(orig.Actors[0].Name)[0]
	hits, err = s.Search(ctx, store.SearchQuery{Text: fmt.Sprintf("%q", orig.Text[orig.Sentences[0].Start:orig.Sentences[0].End-1])})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].ArticleID != res[0].ArticleID || hits[0].Copies != 1 {
		t.Errorf("search for the first sentence (%s…): %+v; want the original with 1 copy", word, hits)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 2 || st.Syndicated != 1 {
		t.Errorf("Stats = %+v; want 2 articles and 1 syndicated", st)
	}
	if n := len(allDocs(t, s, store.DocQuery{Copies: true})); n != 3 {
		t.Errorf("Documents with copies: %d, want 3", n)
	}
	// A copy stored in a later transaction is found too (its original's
	// text is read back), and one of another text is not.
	later := *orig
	later.URL = "https://syndicator.example/later"
	later.Text = "Updated: " + orig.Text
	if r := put(t, s, &later); r[0].Status != store.PutSyndicated || r[0].DupOf != res[0].ArticleID {
		t.Errorf("a copy stored later: %+v; want a syndicated copy of article %d", r[0], res[0].ArticleID)
	}
	other2 := g.Doc(3, 6)
	if r := put(t, s, other2); r[0].Status != store.PutStored {
		t.Errorf("another text stored later: %+v; want stored", r[0])
	}
}

func testMerge(t *testing.T, s store.Store) {
	g := NewGen(4, 30)
	meet := EventTypes[0] // CONSULT, reciprocal
	accuse := EventTypes[5]
	day := time.Date(2025, 2, 18, 0, 0, 0, 0, time.UTC)
	pub := func(d int) time.Time { return day.AddDate(0, 0, d) }
	docs := []*doc.Document{
		g.DocWithEvent("a1", "Outlet A", pub(0), 16, 17, meet, day, doc.StatusOccurred),
		// The same meeting told the other way round (reciprocal) by another outlet.
		g.DocWithEvent("b1", "Outlet B", pub(1), 17, 16, meet, day, doc.StatusOccurred),
		// The same outlet again, a day off (time zones).
		g.DocWithEvent("a2", "Outlet A", pub(2), 16, 17, meet, day.AddDate(0, 0, 1), doc.StatusOccurred),
		// A different meeting a month later.
		g.DocWithEvent("c1", "Outlet C", pub(30), 16, 17, meet, day.AddDate(0, 1, 0), doc.StatusPlanned),
		// An accusation: direction matters.
		g.DocWithEvent("c2", "Outlet C", pub(3), 16, 17, accuse, day, doc.StatusOccurred),
		g.DocWithEvent("d1", "Outlet D", pub(3), 17, 16, accuse, day, doc.StatusOccurred),
	}
	// A month-granular report of the first meeting merges into it.
	month := g.DocWithEvent("e1", "Outlet E", pub(4), 16, 17, meet, day, doc.StatusOccurred)
	month.Events[0].Date = &doc.EventDate{Value: "2025-02", Granularity: "month"}
	docs = append(docs, month)
	// An article that tells the meeting twice: one event, two mentions.
	twice := g.DocWithEvent("f1", "Outlet F", pub(5), 16, 17, meet, day, doc.StatusOccurred)
	extra := twice.Sentences[1]
	ev := doc.Evidence{Sentence: 1, Start: extra.Start, End: extra.End, Text: twice.Text[extra.Start:extra.End], Trigger: doc.Trigger{Text: "Filler", Start: extra.Start, End: extra.Start + 6}}
	twice.Events[0].Mentions = append(twice.Events[0].Mentions, ev)
	docs = append(docs, twice)
	res := put(t, s, docs...)
	if res[0].NewEvents != 1 || res[1].MergedEvents != 1 || res[2].MergedEvents != 1 || res[3].NewEvents != 1 {
		t.Errorf("Put results = %+v", res)
	}
	all := events(t, s, store.EventQuery{})
	if len(all) != 4 {
		for _, e := range all {
			t.Logf("event %+v", e)
		}
		t.Fatalf("got %d merged events, want 4 (first meeting, later meeting, two accusations)", len(all))
	}
	var first *store.Event
	for i := range all {
		if all[i].Type == "CONSULT" && all[i].DateStart == "2025-02-18" {
			first = &all[i]
		}
	}
	if first == nil {
		t.Fatalf("no CONSULT event on 2025-02-18 in %+v", all)
	}
	if first.NumArticles != 5 || first.NumSources != 4 || first.NumMentions != 6 {
		t.Errorf("first meeting: articles %d sources %d mentions %d; want 5, 4, 6", first.NumArticles, first.NumSources, first.NumMentions)
	}
	if len(first.Mentions) != 5 {
		t.Fatalf("first meeting has %d mentions, want 5 (one per article)", len(first.Mentions))
	}
	for _, m := range first.Mentions {
		if len(m.Evidence) == 0 || m.Evidence[0].Text == "" || !strings.Contains(m.Evidence[0].Text, m.Evidence[0].Trigger) {
			t.Errorf("mention %+v: evidence text missing or without its trigger", m)
		}
		if m.Title == "Story f1" && len(m.Evidence) != 2 {
			t.Errorf("article f1 gives 2 pieces of evidence, got %+v", m.Evidence)
		}
	}
	if first.DateStart != "2025-02-18" || first.DateEnd != "2025-02-18" {
		t.Errorf("merged date %s..%s; want the most precise, 2025-02-18", first.DateStart, first.DateEnd)
	}
	if len(first.Source)+len(first.Target) != 2 {
		t.Errorf("parties %+v %+v", first.Source, first.Target)
	}
	for _, p := range slices.Concat(first.Source, first.Target) {
		if p.ActorID == 0 || p.Name == "" {
			t.Errorf("party %+v without its actor's ID or name", p)
		}
	}
	// Status follows the newest report.
	later := g.DocWithEvent("g1", "Outlet G", pub(10), 16, 17, meet, day, doc.StatusDenied)
	put(t, s, later)
	ev2 := events(t, s, store.EventQuery{From: "2025-02-18", To: "2025-02-18", Type: "CONSULT"})
	if len(ev2) != 1 || ev2[0].Status != doc.StatusDenied || ev2[0].NumArticles != 6 {
		t.Errorf("after a later denial: %+v; want one event, status denied, 6 articles", ev2)
	}
	// The actors' copies of the date and status followed (actor queries
	// read them).
	for _, side := range []int{16, 17} {
		q := store.EventQuery{Actor: g.Actors[side].Name, From: "2025-02-18", To: "2025-02-18", Type: "CONSULT", Status: doc.StatusDenied}
		if got := events(t, s, q); len(got) != 1 || got[0].ID != ev2[0].ID {
			t.Errorf("Events(%+v) = %+v; want the merged event", q, got)
		}
		q.Status = doc.StatusOccurred
		if got := events(t, s, q); len(got) != 0 {
			t.Errorf("Events(%+v) = %+v; want none (the status is denied now)", q, got)
		}
	}
}

// testUnlistedValues stores an event whose type, mode and status are in no
// list a store may code them with (the mode looks like a number) and
// finds it again by each.
func testUnlistedValues(t *testing.T, s store.Store) {
	g := NewGen(9, 10)
	day := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	expel := GenEventType{Type: "EXPEL", CAMEO: "174", Verb: "expelled", Quad: 4, Goldstein: -5}
	d := g.DocWithEvent("unlisted", "Outlet U", day, 0, 1, expel, day, "rumoured")
	d.Events[0].Mode = "7"
	listed := g.DocWithEvent("listed", "Outlet V", day, 0, 1, EventTypes[0], day, doc.StatusPlanned)
	put(t, s, d, listed)
	for _, q := range []store.EventQuery{{Type: "EXPEL"}, {Status: "rumoured"}, {Actor: g.Actors[0].Name, Type: "expel"}, {Actor: g.Actors[1].Name, Status: "Rumoured"}} {
		evs := events(t, s, q)
		if len(evs) != 1 || evs[0].Type != "EXPEL" || evs[0].Mode != "7" || evs[0].Status != "rumoured" || len(evs[0].Mentions) != 1 || evs[0].Mentions[0].Status != "rumoured" {
			t.Errorf("Events(%+v) = %+v; want the event of type EXPEL, mode 7, status rumoured", q, evs)
		}
	}
	for _, q := range []store.EventQuery{{Type: "CONSULT"}, {Status: doc.StatusPlanned}, {Actor: g.Actors[0].Name, Type: "CONSULT"}} {
		evs := events(t, s, q)
		if len(evs) != 1 || evs[0].Type != "CONSULT" || evs[0].Status != doc.StatusPlanned {
			t.Errorf("Events(%+v) = %+v; want the CONSULT event, planned", q, evs)
		}
	}
	// Actor kinds and quote cues, listed and not.
	text := `"We will stay," the harbour master murmured. "We leave," the mayor said.`
	d = &doc.Document{ID: "cues", Text: text,
		Actors: []doc.Actor{
			{ID: "A1", Name: "Harbour Master Quay", Kind: "FAC", Mentions: []doc.Mention{{Text: "harbour master", Start: 20, End: 34}}},
			{ID: "A2", Name: "Mayor Quay", Kind: "PER", Mentions: []doc.Mention{{Text: "mayor", Start: 61, End: 66}}},
		},
		Quotes: []doc.Quote{
			{ID: "q1", Text: "We will stay,", Start: 1, End: 14, Direct: true, Cue: &doc.Cue{Text: "murmured", Start: 35, End: 43},
				Speaker: &doc.Speaker{Text: "the harbour master", Start: 16, End: 34, Actor: "A1"}},
			{ID: "q2", Text: "We leave,", Start: 46, End: 55, Direct: true, Cue: &doc.Cue{Text: "said", Start: 67, End: 71},
				Speaker: &doc.Speaker{Text: "the mayor", Start: 57, End: 66, Actor: "A2"}},
		}}
	put(t, s, d)
	for name, kind := range map[string]string{"Harbour Master Quay": "FAC", "Mayor Quay": "PER"} {
		got, err := s.Actors(context.Background(), store.ActorQuery{Name: name})
		if err != nil || len(got) != 1 || got[0].Kind != kind {
			t.Errorf("Actors(%q) = %+v, %v; want kind %s", name, got, err, kind)
		}
	}
	for speaker, cue := range map[string]string{"harbour master": "murmured", "mayor": "said"} {
		got, err := s.Quotes(context.Background(), store.QuoteQuery{Speaker: speaker})
		if err != nil || len(got) != 1 || got[0].Cue != cue {
			t.Errorf("Quotes(speaker %q) = %+v, %v; want the quote cued by %q", speaker, got, err, cue)
		}
	}
}

func testEventFilters(t *testing.T, s store.Store) {
	g := NewGen(5, 80)
	var docs []*doc.Document
	for i := 0; i < 60; i++ {
		docs = append(docs, g.Doc(i, 4))
	}
	put(t, s, docs...)
	// Expected results, computed from the documents: merged events are
	// counted by distinct (type, parties, day) keys.
	all := events(t, s, store.EventQuery{})
	if len(all) < 150 {
		t.Fatalf("only %d events from 240 random reports", len(all))
	}
	top := g.Actors[0]
	type check struct {
		name string
		q    store.EventQuery
		ok   func(e store.Event) bool
	}
	hasParty := func(e store.Event, f func(p store.Party) bool) bool {
		for _, p := range append(append([]store.Party{}, e.Source...), e.Target...) {
			if f(p) {
				return true
			}
		}
		return false
	}
	person := g.Actors[len(countries)]
	last := strings.Fields(person.Name)[1]
	checks := []check{
		{"actor name", store.EventQuery{Actor: strings.ToUpper(top.Name)}, func(e store.Event) bool {
			return hasParty(e, func(p store.Party) bool { return p.Name == top.Name })
		}},
		{"actor code", store.EventQuery{Actor: person.Code}, func(e store.Event) bool {
			return hasParty(e, func(p store.Party) bool { return p.Code == person.Code })
		}},
		{"actor code prefix", store.EventQuery{Actor: person.Country}, func(e store.Event) bool {
			return hasParty(e, func(p store.Party) bool { return strings.HasPrefix(p.Code, person.Country) })
		}},
		{"actor last name", store.EventQuery{Actor: last}, func(e store.Event) bool {
			return hasParty(e, func(p store.Party) bool { return strings.Contains(p.Name, last) })
		}},
		{"type", store.EventQuery{Type: "accuse"}, func(e store.Event) bool { return e.Type == "ACCUSE" }},
		{"cameo prefix", store.EventQuery{CAMEO: "04"}, func(e store.Event) bool { return strings.HasPrefix(e.CAMEO, "04") }},
		{"cameo", store.EventQuery{CAMEO: "190"}, func(e store.Event) bool { return e.CAMEO == "190" }},
		{"status", store.EventQuery{Status: "planned"}, func(e store.Event) bool { return e.Status == "planned" }},
		{"from-to", store.EventQuery{From: "2024-03", To: "2024-04-15"}, func(e store.Event) bool {
			return e.DateEnd >= "2024-03-01" && e.DateStart <= "2024-04-15"
		}},
		{"year", store.EventQuery{From: "2025", To: "2025"}, func(e store.Event) bool { return strings.HasPrefix(e.DateStart, "2025") }},
		{"place", store.EventQuery{Place: "paris"}, func(e store.Event) bool { return e.Place != nil && e.Place.Name == "Paris" }},
		{"country", store.EventQuery{Place: "fra"}, func(e store.Event) bool { return e.Place != nil && e.Place.Country == "FRA" }},
		{"combined", store.EventQuery{Actor: top.Name, Type: "CONSULT", From: "2024-06-01"}, func(e store.Event) bool {
			return e.Type == "CONSULT" && e.DateEnd >= "2024-06-01" && hasParty(e, func(p store.Party) bool { return p.Name == top.Name })
		}},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			want := 0
			for _, e := range all {
				if c.ok(e) {
					want++
				}
			}
			got := events(t, s, c.q)
			if len(got) != want || want == 0 {
				t.Errorf("%+v: got %d events, want %d (and more than 0)", c.q, len(got), want)
			}
			for i, e := range got {
				if !c.ok(e) {
					t.Errorf("event %+v does not match %+v", e, c.q)
				}
				if i > 0 && got[i-1].DateStart > e.DateStart {
					t.Errorf("events not in date order")
				}
			}
		})
	}
	page := events(t, s, store.EventQuery{Limit: 10, Offset: 5, NoEvidence: true})
	if len(page) != 10 || page[0].ID != all[5].ID || page[0].Mentions != nil {
		t.Errorf("Limit/Offset/NoEvidence: got %d events starting %d, want 10 starting %d without mentions", len(page), page[0].ID, all[5].ID)
	}
	desc := events(t, s, store.EventQuery{Limit: 3, Desc: true})
	if len(desc) != 3 || desc[0].DateStart < desc[2].DateStart || desc[0].DateStart != all[len(all)-1].DateStart {
		t.Errorf("Desc: %v %v", desc[0].DateStart, desc[2].DateStart)
	}
	if got := events(t, s, store.EventQuery{Actor: "Nobody Known"}); len(got) != 0 {
		t.Errorf("unknown actor matched %d events", len(got))
	}
	for _, bad := range []store.EventQuery{{From: "yesterday"}, {To: "2025-13"}, {CAMEO: "abc"}} {
		if _, err := s.Events(context.Background(), bad); err == nil {
			t.Errorf("Events(%+v): want an error", bad)
		}
	}
}

func testQuotes(t *testing.T, s store.Store) {
	ctx := context.Background()
	g := NewGen(6, 40)
	var docs []*doc.Document
	for i := 0; i < 20; i++ {
		docs = append(docs, g.Doc(i, 2))
	}
	put(t, s, docs...)
	all, err := s.Quotes(ctx, store.QuoteQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 20 {
		t.Fatalf("got %d quotes, want 20", len(all))
	}
	sp := docs[0].Quotes[0].Speaker.Text
	bySpeaker, err := s.Quotes(ctx, store.QuoteQuery{Speaker: strings.Fields(sp)[1]})
	if err != nil {
		t.Fatal(err)
	}
	if len(bySpeaker) == 0 {
		t.Fatalf("no quote by %s", sp)
	}
	for _, q := range bySpeaker {
		if !strings.Contains(q.Speaker, strings.Fields(sp)[1]) && !strings.Contains(q.Actor, strings.Fields(sp)[1]) {
			t.Errorf("quote %+v is not by %s", q, sp)
		}
	}
	byText, err := s.Quotes(ctx, store.QuoteQuery{Text: "accepting pressure"}) // stemmed
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, d := range docs {
		if strings.Contains(d.Quotes[0].Text, "accept pressure") {
			want++
		}
	}
	if len(byText) != want || want == 0 {
		t.Errorf("quotes with 'accepting pressure': %d, want %d", len(byText), want)
	}
	// A phrase: the words in order, stemmed ("accepting pressure" is
	// stored as "accept pressure").
	byPhrase, err := s.Quotes(ctx, store.QuoteQuery{Text: `"accepting pressure"`})
	if err != nil {
		t.Fatal(err)
	}
	if len(byPhrase) != want {
		t.Errorf(`quotes with "accepting pressure": %d, want %d`, len(byPhrase), want)
	}
	reversed, err := s.Quotes(ctx, store.QuoteQuery{Text: `"pressure accept"`})
	if err != nil {
		t.Fatal(err)
	}
	if len(reversed) != 0 {
		t.Errorf(`quotes with "pressure accept": %d, want 0`, len(reversed))
	}
	if want > 1 {
		one, err := s.Quotes(ctx, store.QuoteQuery{Text: `"accepting pressure"`, Limit: 1, Offset: 1})
		if err != nil || len(one) != 1 || one[0].ID != byPhrase[1].ID {
			t.Errorf("second page of a phrase query: %v, %v", one, err)
		}
	}
	if _, err := s.Quotes(ctx, store.QuoteQuery{Text: "   -- "}); err == nil {
		t.Errorf("a query with no word: want an error")
	}
	// Every generated quote is the first 4 to 14 words of "We will not
	// accept pressure from anyone and talks must continue in good faith";
	// its article also says who said it.
	for _, c := range []struct {
		query string
		match func(quote string) bool
	}{
		{"pressure -anyone", func(q string) bool { return strings.Contains(q, "pressure") && !strings.Contains(q, "anyone") }},
		{`talks -"good faith"`, func(q string) bool { return strings.Contains(q, "talks") && !strings.Contains(q, "good faith") }},
		{`"must continue"`, func(q string) bool { return strings.Contains(q, "must continue") }},
		{"faith OR anyone", func(q string) bool { return strings.Contains(q, "faith") || strings.Contains(q, "anyone") }},
		{"said", func(string) bool { return false }}, // in every article, in no quote
		{"pressure said", func(string) bool { return false }},
		{`"anyone said"`, func(string) bool { return false }},
		{"talks -said", func(q string) bool { return strings.Contains(q, "talks") }},
	} {
		want := 0
		for _, d := range docs {
			if c.match(d.Quotes[0].Text) {
				want++
			}
		}
		got, err := s.Quotes(ctx, store.QuoteQuery{Text: c.query})
		if err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		if len(got) != want {
			t.Errorf("quotes matching %s: %d, want %d", c.query, len(got), want)
		}
		for _, q := range got {
			if !c.match(q.Text) {
				t.Errorf("quote %q does not match %s", q.Text, c.query)
			}
		}
		if want > 2 {
			paged, err := s.Quotes(ctx, store.QuoteQuery{Text: c.query, Limit: 2, Offset: 1})
			if err != nil || len(paged) != 2 || paged[0].ID != got[1].ID || paged[1].ID != got[2].ID {
				t.Errorf("%s, second page of 2: %v, %v", c.query, paged, err)
			}
		}
	}
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	mk := func(id, title, text string) *doc.Document {
		return &doc.Document{ID: id, Title: title, Text: text, URL: "https://example.org/" + id}
	}
	put(t, s,
		mk("s1", "Harvest report", "Farmers in the valley reported a record harvest of apples this autumn, despite the drought."),
		mk("s2", "Drought deepens", "The drought deepened in the south as reservoirs fell to their lowest level in decades."),
		mk("s3", "Port strike", "Dock workers went on strike at the port, demanding higher wages and safer cranes."),
		mk("s4", "Apple growers", "Apple growers in the north asked for aid; the minister said the \"record harvest\" was a myth."),
	)
	cases := []struct {
		q    string
		want []string
	}{
		{"drought", []string{"Harvest report", "Drought deepens"}},
		{"harvest drought", []string{"Harvest report"}},
		{`"record harvest"`, []string{"Harvest report", "Apple growers"}},
		{"harvest -drought", []string{"Apple growers"}},
		{"strike OR reservoirs", []string{"Drought deepens", "Port strike"}},
		{"striking", []string{"Port strike"}}, // stemming
		{"growers", []string{"Apple growers"}},
		{"nothing-like-this", nil},
		{`"harvest record"`, nil},                      // both words, not as a phrase
		{`"apple growers"`, []string{"Apple growers"}}, // a phrase over the title
		{`drought -"record harvest"`, []string{"Drought deepens"}},
		{`"went on striking" OR "lowest levels"`, []string{"Drought deepens", "Port strike"}},
	}
	for _, c := range cases {
		hits, err := s.Search(ctx, store.SearchQuery{Text: c.q})
		if err != nil {
			t.Errorf("Search(%q): %v", c.q, err)
			continue
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Title)
			if h.Snippet == "" {
				t.Errorf("Search(%q): hit %q without snippet", c.q, h.Title)
			}
		}
		if !sameSet(got, c.want) {
			t.Errorf("Search(%q) = %v, want %v", c.q, got, c.want)
		}
	}
	if _, err := s.Search(ctx, store.SearchQuery{Text: "  "}); err == nil {
		t.Errorf("empty search: want an error")
	}
	hits, err := s.Search(ctx, store.SearchQuery{Text: "harvest OR drought OR strike", Limit: 2})
	if err != nil || len(hits) != 2 {
		t.Errorf("Limit 2: %d hits, %v", len(hits), err)
	}
	// Pages of a phrase query.
	var paged []string
	for off := 0; off < 3; off++ {
		hits, err := s.Search(ctx, store.SearchQuery{Text: `"record harvest"`, Limit: 1, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			paged = append(paged, h.Title)
		}
	}
	if !sameSet(paged, []string{"Harvest report", "Apple growers"}) {
		t.Errorf("pages of a phrase search: %v", paged)
	}
	docs := allDocs(t, s, store.DocQuery{Search: `"record harvest"`, Limit: 1})
	if len(docs) != 1 {
		t.Errorf("Documents of a phrase search, limit 1: %d", len(docs))
	}
	docs = allDocs(t, s, store.DocQuery{Search: `"harvest of apples"`})
	if len(docs) != 1 || docs[0].Title != "Harvest report" {
		t.Errorf("Documents of a phrase search: %d", len(docs))
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, v := range m {
		if v != 0 {
			return false
		}
	}
	return true
}

func testActors(t *testing.T, s store.Store) {
	ctx := context.Background()
	g := NewGen(7, 40)
	var docs []*doc.Document
	for i := 0; i < 30; i++ {
		docs = append(docs, g.Doc(i, 3))
	}
	put(t, s, docs...)
	wantMentions := map[string]int{}
	wantArticles := map[string]int{}
	for _, d := range docs {
		for _, a := range d.Actors {
			wantMentions[a.Name] += len(a.Mentions)
			wantArticles[a.Name]++
		}
	}
	all, err := s.Actors(ctx, store.ActorQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(wantMentions) {
		t.Errorf("got %d actors, want %d", len(all), len(wantMentions))
	}
	evs := events(t, s, store.EventQuery{})
	for i, a := range all {
		if a.Mentions != wantMentions[a.Name] || a.Articles != wantArticles[a.Name] {
			t.Errorf("%s: mentions %d articles %d, want %d %d", a.Name, a.Mentions, a.Articles, wantMentions[a.Name], wantArticles[a.Name])
		}
		n := 0
		for _, e := range evs {
			for _, p := range append(append([]store.Party{}, e.Source...), e.Target...) {
				if p.ActorID == a.ID {
					n++
					break
				}
			}
		}
		if a.Events != n {
			t.Errorf("%s: %d events, want %d", a.Name, a.Events, n)
		}
		if i > 0 && all[i-1].Mentions < a.Mentions {
			t.Errorf("actors not ordered by mentions")
		}
	}
	some, err := s.Actors(ctx, store.ActorQuery{Name: strings.ToLower(g.Actors[0].Name), Limit: 5})
	if err != nil || len(some) == 0 || some[0].Name != g.Actors[0].Name {
		t.Errorf("Actors(name) = %+v, %v", some, err)
	}

	// Spellings that differ in case and spacing only, ASCII or not, are
	// one actor (the first spelling names it); others are not.
	for i, c := range []struct{ name, text string }{
		{"Élysée  Palace", "Envoys met at the Élysée  Palace on Monday."},
		{"élysée palace", "The élysée palace said nothing."},
		{"ÉLYSÉE PALACE", "ÉLYSÉE PALACE staff left."},
		{"Elysee Palace", "The Elysee Palace is in Paris."},
		{"ELYSEE palace", "ELYSEE palace guards stood by."},
	} {
		d := &doc.Document{ID: fmt.Sprintf("spelling-%d", i), Text: c.text,
			Actors: []doc.Actor{{ID: "A1", Name: c.name, Kind: "ORG", Mentions: []doc.Mention{{Text: c.name, Start: 0, End: len(c.name)}}}}}
		put(t, s, d)
	}
	for _, c := range []struct {
		query, name string
		articles    int
	}{
		{"élysée palace", "Élysée  Palace", 3},
		{"ÉLYSÉE  PALACE", "Élysée  Palace", 3},
		{"elysee palace", "Elysee Palace", 2},
	} {
		got, err := s.Actors(ctx, store.ActorQuery{Name: c.query})
		if err != nil || len(got) != 1 || got[0].Name != c.name || got[0].Articles != c.articles {
			t.Errorf("Actors(%q) = %+v, %v; want %s in %d articles", c.query, got, err, c.name, c.articles)
		}
	}
}

func testDocumentsByQuery(t *testing.T, s store.Store) {
	g := NewGen(8, 40)
	var docs []*doc.Document
	for i := 0; i < 20; i++ {
		docs = append(docs, g.Doc(i, 2))
	}
	put(t, s, docs...)
	want := 0
	for _, d := range docs {
		for _, e := range d.Events {
			if e.Type == "ACCUSE" {
				want++
				break
			}
		}
	}
	got := allDocs(t, s, store.DocQuery{Events: &store.EventQuery{Type: "ACCUSE"}})
	if len(got) != want {
		t.Errorf("documents with an ACCUSE event: %d, want %d", len(got), want)
	}
	got = allDocs(t, s, store.DocQuery{IDs: []int64{2, 4}})
	if len(got) != 2 || got[0].ID != docs[1].ID || got[1].ID != docs[3].ID {
		t.Errorf("documents by ID: %d", len(got))
	}
	got = allDocs(t, s, store.DocQuery{Limit: 5})
	if len(got) != 5 {
		t.Errorf("Limit 5: %d", len(got))
	}
	stop := errors.New("stop")
	n := 0
	err := s.Documents(context.Background(), store.DocQuery{}, func(*doc.Document) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Documents did not stop at the callback's error: %v after %d", err, n)
	}
}

func testBadInput(t *testing.T, s store.Store) {
	ctx := context.Background()
	if _, err := s.Put(ctx, nil); err == nil {
		t.Errorf("Put(nil): want an error")
	}
	// Spans out of range and dangling actor references must not panic or fail.
	d := &doc.Document{ID: "bad", Text: "Short text.", Title: "t",
		Events: []doc.Event{{ID: "e1", Type: "CONSULT", Source: []doc.Participant{{Actor: "A9", Text: "Ghost"}},
			Evidence: doc.Evidence{Start: 5, End: 500}, Date: &doc.EventDate{Value: "PRESENT_REF"}}},
		Quotes: []doc.Quote{{ID: "q1", Text: "x", Start: 40, End: 41, Speaker: &doc.Speaker{Actor: "A7", Text: "Nobody"}}},
		Tokens: []doc.Token{{Start: 0, End: 5, Head: -1}},
	}
	res := put(t, s, d)
	if res[0].Status != store.PutStored {
		t.Fatalf("got %+v", res)
	}
	ev := events(t, s, store.EventQuery{})
	if len(ev) != 1 || len(ev[0].Mentions) != 1 {
		t.Fatalf("events %+v", ev)
	}
	// An empty, cancelled context must fail cleanly.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Put(cctx, &doc.Document{Text: "cancelled"}); err == nil {
		t.Errorf("Put with a cancelled context: want an error")
	}
	if _, err := s.Events(cctx, store.EventQuery{}); err == nil {
		t.Errorf("Events with a cancelled context: want an error")
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	g := NewGen(9, 60)
	put(t, s, g.Doc(0, 3))
	var wg sync.WaitGroup
	var queries atomic.Int64
	errs := make(chan error, 16)
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for ctx.Err() == nil {
				var err error
				switch r {
				case 0:
					_, err = s.Events(ctx, store.EventQuery{Limit: 50})
				case 1:
					_, err = s.Search(ctx, store.SearchQuery{Text: "talks", Limit: 10})
				case 2:
					_, err = s.Actors(ctx, store.ActorQuery{Limit: 20})
				default:
					_, err = s.Quotes(ctx, store.QuoteQuery{Text: "pressure", Limit: 10})
				}
				if err != nil && ctx.Err() == nil {
					errs <- fmt.Errorf("reader %d: %w", r, err)
					return
				}
				queries.Add(1)
			}
		}(r)
	}
	for i := 1; i <= 60; i++ {
		if _, err := s.Put(ctx, g.Doc(i, 3), g.Doc(1000+i, 2)); err != nil {
			t.Errorf("writer: %v", err)
			break
		}
	}
	cancel()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err) // e.g. "database is locked"
	}
	if queries.Load() == 0 {
		t.Errorf("no query ran during the writes")
	}
}
