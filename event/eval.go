package event

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle/doc"
)

// ExtractFunc runs a pipeline over one article.
type ExtractFunc func(ctx context.Context, a doc.Article) (*doc.Document, error)

// PLOVERRecord is one record of the PLOVER gold standard.
type PLOVERRecord struct {
	ID     string
	Text   string
	Date   time.Time
	Type   string   // gold PLOVER 2.0 type (legacy labels mapped)
	Source []string // gold source country codes (first three letters)
	Target []string
}

// legacyPLOVER maps the gold standard's older labels to PLOVER 2.0.
var legacyPLOVER = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

// ReadPLOVERGold reads a PLOVER gold-standard JSON file (an array of
// records), skipping DOCUMENT records and mapping legacy labels.
func ReadPLOVERGold(path string) ([]PLOVERRecord, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("event: read PLOVER gold: %w", err)
	}
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("event: %s: %w", path, err)
	}
	var out []PLOVERRecord
	for _, r := range raw {
		var ev, text, id, date string
		_ = json.Unmarshal(r["event"], &ev)
		_ = json.Unmarshal(r["text"], &text)
		_ = json.Unmarshal(r["id"], &id)
		_ = json.Unmarshal(r["date"], &date)
		if ev == "" || ev == "DOCUMENT" || text == "" {
			continue
		}
		if m, ok := legacyPLOVER[ev]; ok {
			ev = m
		}
		rec := PLOVERRecord{ID: id, Text: text, Type: ev, Source: goldCodes(r["source"]), Target: goldCodes(r["target"])}
		if t, err := time.Parse("2006-01-02", date); err == nil {
			rec.Date = t
		}
		out = append(out, rec)
	}
	return out, nil
}

// goldCodes reads a source/target field: a list of {code}, or anything else
// (an empty string, a stray word) meaning none.
func goldCodes(raw json.RawMessage) []string {
	var list []struct {
		Code string `json:"code"`
	}
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var out []string
	for _, a := range list {
		if len(a.Code) >= 3 {
			out = append(out, strings.ToUpper(a.Code[:3]))
		}
	}
	return out
}

// PLOVERScore summarises a PLOVER evaluation.
type PLOVERScore struct {
	Records   int     // records scored
	Found     int     // gold type among the predicted types
	Predicted int     // distinct predicted types, summed over records
	Correct   int     // distinct predicted types equal to the gold type
	Dyad      int     // gold type found with source and target countries right
	Recall    float64 // Found / Records
	Precision float64 // Correct / Predicted
	DyadRate  float64 // Dyad / Records
	Misses    []PLOVERMiss
}

// PLOVERMiss is a record whose gold type or dyad was not found.
type PLOVERMiss struct {
	Rec  PLOVERRecord
	Got  []string // predicted "TYPE SRC→TGT" descriptions
	Kind string   // "type" (gold type not found), "dyad", or "extra" (other types predicted too)
}

// String formats the headline numbers.
func (s PLOVERScore) String() string {
	return fmt.Sprintf("records %d  type found %.1f%% (%d)  type precision %.1f%% (%d/%d)  type+source+target %.1f%% (%d)",
		s.Records, 100*s.Recall, s.Found, 100*s.Precision, s.Correct, s.Predicted, 100*s.DyadRate, s.Dyad)
}

// EvalPLOVER codes each record's sentence and scores it against the gold
// type and dyad: the gold type must be among the predicted event types;
// precision counts distinct predicted types per record; the dyad is right
// when an event of the gold type has a source among the gold source
// countries (or the gold has none) and a target among the gold target
// countries (or the gold has none). Countries are compared on their first
// three letters (CAMEO country or IGO code).
func EvalPLOVER(ctx context.Context, recs []PLOVERRecord, extract ExtractFunc) (PLOVERScore, error) {
	var s PLOVERScore
	for _, r := range recs {
		if err := ctx.Err(); err != nil {
			return s, err
		}
		d, err := extract(ctx, doc.Article{ID: r.ID, Text: r.Text, Published: r.Date, Source: r.ID})
		if err != nil {
			return s, fmt.Errorf("event: PLOVER record %s: %w", r.ID, err)
		}
		s.Records++
		types := map[string]bool{}
		var got []string
		dyad := false
		for i := range d.Events {
			e := &d.Events[i]
			if e.Type == "" {
				continue
			}
			types[e.Type] = true
			got = append(got, fmt.Sprintf("%s/%s %s→%s", e.Type, e.CAMEO, countries(d, e.Source), countries(d, e.Target)))
			if e.Type == r.Type && dyadOK(d, e.Source, r.Source, e, true) && dyadOK(d, e.Target, r.Target, e, false) {
				dyad = true
			}
		}
		s.Predicted += len(types)
		if types[r.Type] {
			s.Found++
			s.Correct++
			if len(types) > 1 {
				s.Misses = append(s.Misses, PLOVERMiss{Rec: r, Got: got, Kind: "extra"})
			}
		} else {
			s.Misses = append(s.Misses, PLOVERMiss{Rec: r, Got: got, Kind: "type"})
		}
		if dyad {
			s.Dyad++
		} else if types[r.Type] {
			s.Misses = append(s.Misses, PLOVERMiss{Rec: r, Got: got, Kind: "dyad"})
		}
	}
	if s.Records > 0 {
		s.Recall = float64(s.Found) / float64(s.Records)
		s.DyadRate = float64(s.Dyad) / float64(s.Records)
	}
	if s.Predicted > 0 {
		s.Precision = float64(s.Correct) / float64(s.Predicted)
	}
	return s, nil
}

func partCountry(d *doc.Document, p doc.Participant) string {
	if a := d.Actor(p.Actor); a != nil && (a.Country != "" || p.Code == a.Code) {
		if a.Country != "" {
			return a.Country
		}
		if len(a.Code) >= 3 {
			return a.Code[:3]
		}
	}
	if len(p.Code) >= 3 {
		return strings.ToUpper(p.Code[:3])
	}
	return ""
}

func countries(d *doc.Document, ps []doc.Participant) string {
	var s []string
	for _, p := range ps {
		c := partCountry(d, p)
		if c == "" {
			c = "?"
		}
		s = append(s, c)
	}
	return strings.Join(s, "+")
}

func coded(ps []doc.Participant) []doc.Participant {
	var out []doc.Participant
	for _, p := range ps {
		if p.Code != "" {
			out = append(out, p)
		}
	}
	return out
}

func partsDesc(ps []doc.Participant) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Text+"("+p.Code+")")
	}
	return strings.Join(s, "+")
}

// dyadOK: a reciprocal event's sources count as targets too.
func dyadOK(d *doc.Document, got []doc.Participant, gold []string, e *doc.Event, source bool) bool {
	if len(gold) == 0 {
		return true
	}
	cands := got
	if e.Reciprocal {
		cands = append(append([]doc.Participant(nil), e.Source...), e.Target...)
	}
	for _, p := range cands {
		c := partCountry(d, p)
		for _, g := range gold {
			if c == g {
				return true
			}
		}
	}
	return false
}

// ---- PETRARCH validation records ----

// PETRRecord is one PETRARCH unit-test record.
type PETRRecord struct {
	ID       string
	Category string
	Date     time.Time
	Text     string
	Expected []string // "SRC TGT CODE" triples, sorted; empty for no events
	Error    bool     // the record expects an error (skipped)
	// NoDyad is PETRARCH's require_dyad=false in effect for the record: an
	// event with only one coded side is coded, the other side "---".
	NoDyad bool
	// NewActorLen is PETRARCH's new_actor_length in effect for the record:
	// when positive, a source or target noun phrase of at most that many
	// words that the dictionaries do not code is coded as its own text in
	// upper case and quotes ("\"THE MINISTRY OF MAGIC\""); 0 turns it off.
	NewActorLen int
	// Comma is PETRARCH's comma-delimited clause deletion in effect for the
	// record (comma_* options).
	Comma CommaOptions
}

// CommaOptions are PETRARCH's comma_* options: before coding, PETRARCH
// deletes a comma-delimited clause of Min..Max words between two commas,
// of EMin..EMax words after the last comma (terminal) and of BMin..BMax
// words before the first one (initial); a Max of 0 turns that deletion
// off. Commas inside a noun phrase ("Mordor, the Shire and Bree") delimit
// no clause.
type CommaOptions struct {
	Min, Max, BMin, BMax, EMin, EMax int
}

// DefaultCommaOptions are PETRARCH's defaults (PETR_config.ini): internal
// clauses of 2–8 words and terminal ones of 2–8 words are deleted, initial
// ones are kept.
var DefaultCommaOptions = CommaOptions{Min: 2, Max: 8, EMin: 2, EMax: 8}

type petrXML struct {
	Env struct {
		Verbfile  string `xml:"Verbfile"`
		Actorfile string `xml:"Actorfile"`
		Agentfile string `xml:"Agentfile"`
	} `xml:"Environment"`
	Sentences []struct {
		ID       string `xml:"id,attr"`
		Date     string `xml:"date,attr"`
		Category string `xml:"category,attr"`
		Text     string `xml:"Text"`
		Codings  []struct {
			Source   string `xml:"sourcecode,attr"`
			Target   string `xml:"targetcode,attr"`
			Event    string `xml:"eventcode,attr"`
			NoEvents string `xml:"noevents,attr"`
			Error    string `xml:"error,attr"`
		} `xml:"EventCoding"`
	} `xml:"Sentences>Sentence"`
}

// PETREnv names the dictionaries a records file asks for (file names,
// relative to PETRARCH's dictionaries directory).
type PETREnv struct {
	Verbs, Actors, Agents string
}

// ReadPETRRecords reads PETRARCH's unit-test records file.
func ReadPETRRecords(r io.Reader) ([]PETRRecord, PETREnv, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, PETREnv{}, fmt.Errorf("event: PETRARCH records: %w", err)
	}
	cfg := recordConfigs(raw)
	var x petrXML
	dec := xml.NewDecoder(bytes.NewReader(raw))
	dec.Strict = false
	if err := dec.Decode(&x); err != nil {
		return nil, PETREnv{}, fmt.Errorf("event: PETRARCH records: %w", err)
	}
	env := PETREnv{Verbs: strings.TrimSpace(x.Env.Verbfile), Actors: strings.TrimSpace(x.Env.Actorfile), Agents: strings.TrimSpace(x.Env.Agentfile)}
	var out []PETRRecord
	for _, s := range x.Sentences {
		rec := PETRRecord{ID: s.ID, Category: s.Category, Text: strings.Join(strings.Fields(s.Text), " ")}
		if k := len(out); k < len(cfg) {
			rec.NoDyad, rec.NewActorLen, rec.Comma = cfg[k].noDyad, cfg[k].newActorLen, cfg[k].comma
		}
		if t, err := time.Parse("20060102", s.Date); err == nil {
			rec.Date = t
		}
		for _, c := range s.Codings {
			if c.Error != "" {
				rec.Error = true
			}
			if c.Event != "" {
				rec.Expected = append(rec.Expected, c.Source+" "+c.Target+" "+c.Event)
			}
		}
		sort.Strings(rec.Expected)
		out = append(out, rec)
	}
	return out, env, nil
}

// petrConfig is the part of PETRARCH's configuration a record runs under.
type petrConfig struct {
	noDyad      bool
	newActorLen int
	comma       CommaOptions
}

// recordConfigs reads the <Config> settings (require_dyad,
// new_actor_length) in document order and returns, for the n-th
// <Sentence>, the settings in effect there. PETRARCH's defaults are
// require_dyad true and new_actor_length 0.
func recordConfigs(raw []byte) []petrConfig {
	var out []petrConfig
	dec := xml.NewDecoder(bytes.NewReader(raw))
	dec.Strict = false
	cur := petrConfig{comma: DefaultCommaOptions}
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "Config":
			var opt, val string
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "option":
					opt = a.Value
				case "value":
					val = strings.TrimSpace(a.Value)
				}
			}
			switch strings.ToLower(opt) {
			case "require_dyad":
				cur.noDyad = strings.EqualFold(val, "false")
			case "new_actor_length":
				if n, err := strconv.Atoi(val); err == nil && n >= 0 {
					cur.newActorLen = n
				}
			default:
				n, err := strconv.Atoi(val)
				if err != nil || n < 0 {
					break
				}
				o := &cur.comma
				if f := map[string]*int{"comma_min": &o.Min, "comma_max": &o.Max, "comma_bmin": &o.BMin,
					"comma_bmax": &o.BMax, "comma_emin": &o.EMin, "comma_emax": &o.EMax}[strings.ToLower(opt)]; f != nil {
					*f = n
				}
			}
		case "Sentence":
			out = append(out, cur)
		}
	}
}

// newActors codes PETRARCH's way the participants the dictionaries left
// uncoded (new_actor_length): the noun phrase a participant heads, of at
// most n words, becomes the code "\"ITS WORDS\"" in upper case, without
// punctuation and possessive markers. Other participants are kept as they are.
func newActors(d *doc.Document, ps []doc.Participant, n int) []doc.Participant {
	var out []doc.Participant
	for _, p := range ps {
		if p.Code == "" {
			if w := npWords(d, p.Start, p.End); len(w) > 0 && len(w) <= n {
				p.Code = `"` + strings.ToUpper(strings.Join(w, " ")) + `"`
			}
		}
		out = append(out, p)
	}
	return out
}

// npWords returns the words of the noun phrase headed by the head of the
// tokens in [start,end): the head's subtree without clausal, coordinated,
// appositive and adverbial dependents, punctuation and possessive markers.
func npWords(d *doc.Document, start, end int) []string {
	a, b := d.TokensIn(doc.Span{Start: start, End: end})
	if a >= b || b > len(d.Tokens) {
		return nil
	}
	h := -1
	for i := a; i < b; i++ {
		if hd := int(d.Tokens[i].Head); hd < a || hd >= b {
			h = i
			break
		}
	}
	if h < 0 {
		return nil
	}
	s := d.Sentences[d.Tokens[h].Sent]
	in := make([]bool, s.EndToken-s.FirstToken)
	var tops []int // phrase heads, whose own prepositions are no words of the phrase
	phrase := func(h, hi int) {
		in[h-s.FirstToken] = true
		tops = append(tops, h)
		// tokens before hi are in the phrase when their chain of heads
		// reaches h through nominal dependents only (heads may come after
		// their dependents, so iterate to a fixed point)
		for changed := true; changed; {
			changed = false
			for i := s.FirstToken; i < hi; i++ {
				hd := int(d.Tokens[i].Head)
				if in[i-s.FirstToken] || hd < s.FirstToken || hd >= s.EndToken || !in[hd-s.FirstToken] {
					continue
				}
				switch rel, _, _ := strings.Cut(d.Tokens[i].Dep, ":"); rel {
				case "acl", "advcl", "conj", "cc", "appos", "parataxis", "punct", "advmod", "obl", "dep", "ccomp", "xcomp":
					continue
				case "nmod":
					if c := caseWord(d, i); c != "of" && c != "'s" && c != "’s" {
						continue // "the Ministry of Magic", not "… on Wednesday"
					}
				}
				in[i-s.FirstToken] = true
				changed = true
			}
		}
	}
	phrase(h, s.EndToken)
	// a name right after a common noun is one phrase with it whatever the
	// parse says: "Gryffindor's head Minerva McGonagall"
	if f := a; d.Tokens[h].UPOS == doc.PROPN && f-1 >= s.FirstToken && d.Tokens[f-1].UPOS == doc.NOUN {
		for f > s.FirstToken && in[f-1-s.FirstToken] {
			f--
		}
		if f-1 >= s.FirstToken && !in[f-1-s.FirstToken] && d.Tokens[f-1].UPOS == doc.NOUN {
			phrase(f-1, f-1)
		}
	}
	var words []string
	for i := s.FirstToken; i < s.EndToken; i++ {
		if !in[i-s.FirstToken] {
			continue
		}
		t := d.Tokens[i]
		w := d.Text[t.Start:t.End]
		if t.UPOS == doc.PUNCT || t.Dep == "case" && (w == "'s" || w == "’s" || w == "'" || slices.Contains(tops, int(t.Head))) {
			continue
		}
		words = append(words, w)
	}
	return words
}

// DeleteCommaClauses returns d's text without the comma-delimited clauses
// that PETRARCH's comma options delete (see CommaOptions), sentence by
// sentence: first an initial clause, then a terminal one, then internal
// ones, left to right. Words are tokens other than punctuation. ok is
// false when nothing is deleted.
func DeleteCommaClauses(d *doc.Document, o CommaOptions) (text string, ok bool) {
	var b strings.Builder
	last := 0
	for _, s := range d.Sentences {
		var commas []int
		for i := s.FirstToken; i < s.EndToken; i++ {
			if d.Text[d.Tokens[i].Start:d.Tokens[i].End] == "," && !npComma(d, i) {
				commas = append(commas, i)
			}
		}
		if len(commas) == 0 {
			continue
		}
		del := make([]bool, s.EndToken-s.FirstToken)
		words := func(a, b int) int { // words in tokens [a,b)
			n := 0
			for i := a; i < b; i++ {
				// a compound or name part is one word with its head, as
				// PETRARCH counts a noun phrase it reads as one actor
				// ("Calenardhon crowds")
				rel, _, _ := strings.Cut(d.Tokens[i].Dep, ":")
				if d.Tokens[i].UPOS != doc.PUNCT && !del[i-s.FirstToken] && rel != "compound" && rel != "flat" {
					n++
				}
			}
			return n
		}
		cut := func(a, b int) { // delete tokens [a,b)
			for i := a; i < b; i++ {
				del[i-s.FirstToken] = true
			}
		}
		end := s.EndToken // the sentence without its final punctuation
		for end > s.FirstToken && d.Tokens[end-1].UPOS == doc.PUNCT && d.Text[d.Tokens[end-1].Start:d.Tokens[end-1].End] != "," {
			end--
		}
		if c := commas[0]; o.BMax > 0 {
			if n := words(s.FirstToken, c); n >= o.BMin && n <= o.BMax {
				cut(s.FirstToken, c+1)
				commas = commas[1:]
			}
		}
		if k := len(commas) - 1; k >= 0 && o.EMax > 0 {
			if n := words(commas[k]+1, end); n >= o.EMin && n <= o.EMax {
				// the comma stays as the end of an internal clause before
				// it ("…, five years after …, a senior official said")
				cut(commas[k]+1, end)
			}
		}
		for k := 0; k+1 < len(commas) && o.Max > 0; {
			if n := words(commas[k]+1, commas[k+1]); n >= o.Min && n <= o.Max {
				cut(commas[k], commas[k+1]) // keep the second comma
				commas = append(commas[:k], commas[k+1:]...)
				continue
			}
			k++
		}
		if k := len(commas) - 1; k >= 0 && words(commas[k]+1, end) == 0 {
			cut(commas[k], commas[k]+1) // a comma left before the end
		}
		for i := s.FirstToken; i < s.EndToken; i++ {
			if del[i-s.FirstToken] {
				t := d.Tokens[i]
				b.WriteString(d.Text[last:t.Start])
				last = int(t.End)
				ok = true
			}
		}
	}
	if !ok {
		return d.Text, false
	}
	b.WriteString(d.Text[last:])
	return strings.Join(strings.Fields(b.String()), " "), true
}

// npComma reports whether the comma at token i lies inside a noun phrase:
// it separates conjuncts, appositions or modifiers of a nominal head
// ("Mordor, the Shire and Bree", "complete, full ties").
func npComma(d *doc.Document, i int) bool {
	h := int(d.Tokens[i].Head)
	s := d.Sentences[d.Tokens[i].Sent]
	for k := 0; k < 8 && h >= s.FirstToken && h < s.EndToken; k++ {
		rel, _, _ := strings.Cut(d.Tokens[h].Dep, ":")
		switch rel {
		case "conj", "appos", "amod", "compound", "flat", "nummod", "det":
			h = int(d.Tokens[h].Head)
			continue
		}
		switch d.Tokens[h].UPOS {
		case doc.NOUN, doc.PROPN, doc.PRON, doc.NUM:
			return k > 0 || rel != "obl" && rel != "nsubj" && rel != "obj" && rel != "root"
		}
		return false
	}
	return false
}

// caseWord returns the lower-case case marker of token i, "" if none.
func caseWord(d *doc.Document, i int) string {
	s := d.Sentences[d.Tokens[i].Sent]
	for j := s.FirstToken; j < s.EndToken; j++ {
		if int(d.Tokens[j].Head) == i && d.Tokens[j].Dep == "case" {
			return strings.ToLower(d.Text[d.Tokens[j].Start:d.Tokens[j].End])
		}
	}
	return ""
}

// PETRResult is the outcome of one record.
type PETRResult struct {
	Rec  PETRRecord
	Got  []string
	Pass bool
	// Events describes every event coded, dyadic or not, for debugging:
	// "CODE source-text(CODE) -> target-text(CODE) status [trigger]".
	Events []string
}

// ValidatePETRARCH codes each record and compares the sorted set of
// "SOURCE TARGET CODE" triples with the expected ones (exact match). Like
// PETRARCH, it keeps events of every status: the suite codes negation and
// modality through its dictionary patterns.
// Records that expect an error are skipped.
func ValidatePETRARCH(ctx context.Context, recs []PETRRecord, extract ExtractFunc) ([]PETRResult, error) {
	var out []PETRResult
	for _, r := range recs {
		if r.Error {
			continue
		}
		if err := ctx.Err(); err != nil {
			return out, err
		}
		d, err := extract(ctx, doc.Article{ID: r.ID, Text: r.Text, Published: r.Date, Source: r.ID})
		if err != nil {
			return out, fmt.Errorf("event: PETRARCH record %s: %w", r.ID, err)
		}
		if text, ok := DeleteCommaClauses(d, r.Comma); ok {
			// PETRARCH codes the sentence without its comma-delimited clauses
			if d, err = extract(ctx, doc.Article{ID: r.ID, Text: text, Published: r.Date, Source: r.ID}); err != nil {
				return out, fmt.Errorf("event: PETRARCH record %s: %w", r.ID, err)
			}
		}
		var got []string
		seen := map[string]bool{}
		for i := range d.Events {
			e := &d.Events[i]
			// PETRARCH pairs coded actors only; a compound source with no
			// coded target codes each member towards the others
			ce := *e
			if r.NewActorLen > 0 {
				ce.Source, ce.Target = newActors(d, e.Source, r.NewActorLen), newActors(d, e.Target, r.NewActorLen)
			}
			ce.Source, ce.Target = coded(ce.Source), coded(ce.Target)
			if len(ce.Target) == 0 && len(ce.Source) > 1 {
				ce.Reciprocal = true
			}
			for _, pr := range pairs(&ce) {
				src, tgt := "---", "---"
				if pr[0] != nil && pr[0].Code != "" {
					src = pr[0].Code
				}
				if pr[1] != nil && pr[1].Code != "" {
					tgt = pr[1].Code
				}
				if src == "---" && tgt == "---" || !r.NoDyad && (src == "---" || tgt == "---") {
					continue // require_dyad: PETRARCH codes dyads only
				}
				k := src + " " + tgt + " " + e.CAMEO
				if !seen[k] {
					seen[k] = true
					got = append(got, k)
				}
			}
		}
		sort.Strings(got)
		var desc []string
		for i := range d.Events {
			e := &d.Events[i]
			desc = append(desc, fmt.Sprintf("%s %s -> %s %s [%s]", e.CAMEO, partsDesc(e.Source), partsDesc(e.Target), e.Status, e.Evidence.Trigger.Text))
		}
		out = append(out, PETRResult{Rec: r, Got: got, Pass: strings.Join(got, "|") == strings.Join(r.Expected, "|"), Events: desc})
	}
	return out, nil
}
