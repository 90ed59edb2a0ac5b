// Package gazetteer answers questions about places and names from compact data
// embedded in the binary: countries (ISO 3166 codes, names, alternative names,
// demonyms, capitals, coordinates), cities and first-level regions with
// coordinates, country and population, and given names.
//
// The data are generated from maintained npm packages by `go generate`
// (see SOURCES.md and internal/gen) plus the small hand-maintained
// supplement.tsv. Use Default for the embedded gazetteer; it is parsed once,
// on first use, and is immutable and safe for concurrent use afterwards.
//
//	g := gazetteer.Default()
//	c, ok := g.Country("Russian")        // RUS, by demonym
//	p, ok := g.Place("Geneva", "")       // Genève, CHE (largest population wins)
//	p, ok = g.Place("Geneva", "Illinois")// Geneva, USA (the hint narrows)
//	iso3, ok := g.Demonym("Ukrainians")  // UKR
//	g.IsGivenName("Sergei")              // true
//
// Lookups are case-insensitive for names (diacritics and dots are ignored:
// "Zurich" finds Zürich, "U.S." finds the United States) but codes and
// acronyms ("US", "UK", "DRC") match only in upper case, so the pronoun "us"
// is not a country.
package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./internal/gen -npm /tmp/gazetteer-npm -out .

//go:embed data/countries.tsv
var countriesTSV []byte

//go:embed data/places.tsv.gz
var placesGz []byte

//go:embed data/names.txt.gz
var namesGz []byte

//go:embed supplement.tsv
var supplementTSV []byte

// Place kinds.
const (
	KindCity    = "city"
	KindRegion  = "region"
	KindCountry = "country"
)

// Country is one country or territory.
type Country struct {
	ISO2        string   // ISO 3166-1 alpha-2 ("RU")
	ISO3        string   // ISO 3166-1 alpha-3 ("RUS")
	Name        string   // common English name ("Russia")
	Official    string   // official name ("Russian Federation")
	Capital     string   // capital city, "" if none
	Lat, Lon    float64  // a representative point
	Independent bool     // a sovereign state (not a dependent territory)
	AltNames    []string // other names ("Russian Federation", "Burma", "Holland")
	Demonyms    []string // nationality adjectives/nouns ("Russian")
}

// Place is a city, first-level region or country.
type Place struct {
	Name       string  // gazetteer name ("Genève")
	Kind       string  // KindCity, KindRegion or KindCountry
	Country    string  // ISO 3166-1 alpha-3
	Admin1     string  // first-level administrative code, if known ("TX", "GE")
	Lat, Lon   float64 // coordinates; valid when HasCoords
	HasCoords  bool    // false for regions whose position the data lack
	Population int     // 0 when unknown (regions, some seats)
	Capital    bool    // national capital
}

// Gazetteer is an immutable set of countries, places and given names.
type Gazetteer struct {
	countries []Country
	byISO3    map[string]int
	byISO2    map[string]int
	byName    map[string]int // folded name → country index
	byAcro    map[string]int // upper-case acronym without dots → country index
	demonyms  map[string]int // folded demonym → country index
	demAcro   map[string]int // acronym demonym ("US") → country index
	places    []Place
	byPlace   map[string][]int32 // folded name → place indexes
	given     map[string]Gender
}

var (
	defOnce sync.Once
	defG    *Gazetteer
	defErr  error
)

// Default returns the embedded gazetteer, parsing it on first use. It panics
// only if the embedded data are corrupt, which the package tests rule out.
func Default() *Gazetteer {
	defOnce.Do(func() { defG, defErr = Load() })
	if defErr != nil {
		panic(fmt.Sprintf("gazetteer: embedded data: %v", defErr))
	}
	return defG
}

// Load parses the embedded data into a new Gazetteer. Most callers want Default.
func Load() (*Gazetteer, error) {
	g := &Gazetteer{
		byISO3: map[string]int{}, byISO2: map[string]int{}, byName: map[string]int{},
		byAcro: map[string]int{}, demonyms: map[string]int{}, demAcro: map[string]int{},
		byPlace: map[string][]int32{}, given: map[string]Gender{},
	}
	if err := g.loadCountries(countriesTSV); err != nil {
		return nil, fmt.Errorf("countries.tsv: %w", err)
	}
	places, err := gunzip(placesGz)
	if err != nil {
		return nil, fmt.Errorf("places.tsv.gz: %w", err)
	}
	if err := g.loadPlaces(places); err != nil {
		return nil, fmt.Errorf("places.tsv.gz: %w", err)
	}
	if err := g.loadSupplement(supplementTSV); err != nil {
		return nil, fmt.Errorf("supplement.tsv: %w", err)
	}
	names, err := gunzip(namesGz)
	if err != nil {
		return nil, fmt.Errorf("names.txt.gz: %w", err)
	}
	for _, l := range strings.Split(string(names), "\n") {
		n, gd, _ := strings.Cut(l, "\t")
		if n == "" {
			continue
		}
		switch gd {
		case "m":
			g.given[n] = Male
		case "f":
			g.given[n] = Female
		default:
			g.given[n] = UnknownGender
		}
	}
	return g, nil
}

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

func lines(b []byte, f func(no int, fields []string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for no := 1; sc.Scan(); no++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if err := f(no, strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("line %d: %w", no, err)
		}
	}
	return sc.Err()
}

func (g *Gazetteer) loadCountries(b []byte) error {
	return lines(b, func(_ int, f []string) error {
		if len(f) != 10 {
			return fmt.Errorf("want 10 fields, have %d", len(f))
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("bad coordinates %q %q", f[4], f[5])
		}
		c := Country{ISO2: f[0], ISO3: f[1], Name: f[2], Official: f[3], Lat: lat, Lon: lon, Capital: f[6], Independent: f[7] == "1"}
		if f[8] != "" {
			c.AltNames = strings.Split(f[8], "|")
		}
		if f[9] != "" {
			c.Demonyms = strings.Split(f[9], "|")
		}
		i := len(g.countries)
		g.countries = append(g.countries, c)
		g.byISO3[c.ISO3] = i
		g.byISO2[c.ISO2] = i
		g.addCountryName(c.Name, i)
		g.addCountryName(c.Official, i)
		for _, a := range c.AltNames {
			g.addCountryName(a, i)
		}
		for _, d := range c.Demonyms {
			g.addDemonym(d, i)
		}
		return nil
	})
}

// acronym returns s without dots if it is an upper-case acronym ("U.S." →
// "US", "UAE"), else "".
func acronym(s string) string {
	var b [8]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
		case c >= 'A' && c <= 'Z':
			if n == len(b) {
				return ""
			}
			b[n] = c
			n++
		default:
			return ""
		}
	}
	if n < 2 || n > 5 {
		return ""
	}
	return string(b[:n])
}

func (g *Gazetteer) addCountryName(name string, i int) {
	if a := acronym(name); a != "" {
		g.setPreferring(g.byAcro, a, i)
		return
	}
	k := Fold(name)
	if k == "" {
		return
	}
	g.setPreferring(g.byName, strings.TrimPrefix(k, "the "), i)
}

// setPreferring sets m[k] = i unless k already names an independent country
// (so "American" is the United States, not the Northern Mariana Islands).
func (g *Gazetteer) setPreferring(m map[string]int, k string, i int) {
	if j, ok := m[k]; ok && (g.countries[j].Independent || !g.countries[i].Independent) {
		return
	}
	m[k] = i
}

func (g *Gazetteer) addDemonym(d string, i int) {
	if a := acronym(d); a != "" {
		g.setPreferring(g.demAcro, a, i)
		return
	}
	if k := Fold(d); k != "" {
		g.setPreferring(g.demonyms, k, i)
	}
}

func (g *Gazetteer) loadPlaces(b []byte) error {
	seats := map[string]int{} // "ISO3/admin1" → index of the admin seat
	var regions []int
	err := lines(b, func(_ int, f []string) error {
		switch f[0] {
		case "c":
			if len(f) != 8 {
				return fmt.Errorf("city: want 8 fields, have %d", len(f))
			}
			pop, err := strconv.Atoi(f[5])
			if err != nil {
				return fmt.Errorf("city %q: population: %w", f[1], err)
			}
			lat, err1 := strconv.ParseFloat(f[6], 64)
			lon, err2 := strconv.ParseFloat(f[7], 64)
			if err1 != nil || err2 != nil {
				return fmt.Errorf("city %q: bad coordinates", f[1])
			}
			p := Place{Name: f[1], Kind: KindCity, Country: f[2], Admin1: f[4], Lat: lat, Lon: lon, HasCoords: true,
				Population: pop, Capital: f[3] == "PPLC"}
			if f[3] == "PPLA" && p.Admin1 != "" {
				seats[p.Country+"/"+p.Admin1] = len(g.places)
			}
			g.addPlace(p.Name, p)
		case "r":
			if len(f) != 4 {
				return fmt.Errorf("region: want 4 fields, have %d", len(f))
			}
			regions = append(regions, len(g.places))
			g.addPlace(f[1], Place{Name: f[1], Kind: KindRegion, Country: f[2], Admin1: f[3]})
		default:
			return fmt.Errorf("unknown record kind %q", f[0])
		}
		return nil
	})
	if err != nil {
		return err
	}
	// A region whose code matches an administrative seat's (US states, for
	// example) takes the seat's position as its point.
	for _, ri := range regions {
		r := &g.places[ri]
		if si, ok := seats[r.Country+"/"+r.Admin1]; ok {
			r.Lat, r.Lon, r.HasCoords = g.places[si].Lat, g.places[si].Lon, true
		}
	}
	return nil
}

func (g *Gazetteer) addPlace(name string, p Place) {
	i := int32(len(g.places))
	g.places = append(g.places, p)
	g.indexPlace(name, i)
}

func (g *Gazetteer) indexPlace(name string, i int32) {
	k := Fold(name)
	if k == "" {
		return
	}
	g.byPlace[k] = append(g.byPlace[k], i)
	// Regions are often named without their generic word: "Khersonska
	// oblast", "Aceh Province", "Bavaria"; index the head name too.
	if g.places[i].Kind == KindRegion {
		for _, suf := range []string{" province", " oblast", " region", " state", " governorate", " prefecture", " county", " district"} {
			if h, ok := strings.CutSuffix(k, suf); ok && h != "" {
				g.byPlace[h] = append(g.byPlace[h], i)
			}
		}
	}
}

func (g *Gazetteer) loadSupplement(b []byte) error {
	return lines(b, func(_ int, f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want at least 3 fields, have %d", len(f))
		}
		ci, ok := g.byISO3[f[1]]
		if !ok {
			return fmt.Errorf("unknown country %q", f[1])
		}
		switch f[0] {
		case "country":
			g.addCountryName(f[2], ci)
			g.countries[ci].AltNames = append(g.countries[ci].AltNames, f[2])
		case "demonym":
			g.addDemonym(f[2], ci)
			g.countries[ci].Demonyms = append(g.countries[ci].Demonyms, f[2])
		case "place":
			if len(f) != 4 {
				return fmt.Errorf("place: want 4 fields, have %d", len(f))
			}
			found := false
			for _, pi := range g.byPlace[Fold(f[2])] {
				if g.places[pi].Country == f[1] {
					g.indexPlace(f[3], pi)
					found = true
					break
				}
			}
			if !found {
				return fmt.Errorf("place %q not in %s", f[2], f[1])
			}
		default:
			return fmt.Errorf("unknown record kind %q", f[0])
		}
		return nil
	})
}

// Countries returns every country, ordered by ISO alpha-3 code. The slice is
// shared: do not modify it.
func (g *Gazetteer) Countries() []Country { return g.countries }

// Country finds a country by name ("Russia", "Russian Federation", "the
// Netherlands"), demonym ("Russian", "Russians"), or code ("RU", "RUS", "U.S.";
// codes and acronyms only in upper case).
func (g *Gazetteer) Country(s string) (Country, bool) {
	if i, ok := g.countryIndex(s); ok {
		return g.countries[i], true
	}
	return Country{}, false
}

// ByISO3 returns the country with the given alpha-3 code.
func (g *Gazetteer) ByISO3(code string) (Country, bool) {
	if i, ok := g.byISO3[code]; ok {
		return g.countries[i], true
	}
	return Country{}, false
}

func (g *Gazetteer) countryIndex(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if a := acronym(s); a != "" {
		if len(a) == 3 {
			if i, ok := g.byISO3[a]; ok {
				return i, true
			}
		}
		if len(a) == 2 && !strings.Contains(s, ".") {
			if i, ok := g.byISO2[a]; ok {
				return i, true
			}
		}
		if i, ok := g.byAcro[a]; ok {
			return i, true
		}
		if i, ok := g.demAcro[a]; ok {
			return i, true
		}
	}
	var buf [64]byte
	k := trimThe(foldInto(buf[:0], s))
	if i, ok := g.byName[string(k)]; ok {
		return i, true
	}
	return g.demonymIndex(k)
}

// Demonym returns the ISO alpha-3 code of the country that a nationality
// word names: "Russian", "Russians", "Ukrainian", "U.S.", "Briton".
func (g *Gazetteer) Demonym(s string) (iso3 string, ok bool) {
	if a := acronym(s); a != "" {
		if i, ok := g.demAcro[a]; ok {
			return g.countries[i].ISO3, true
		}
		return "", false
	}
	var buf [64]byte
	if i, ok := g.demonymIndex(foldInto(buf[:0], s)); ok {
		return g.countries[i].ISO3, true
	}
	return "", false
}

func (g *Gazetteer) demonymIndex(k []byte) (int, bool) {
	if i, ok := g.demonyms[string(k)]; ok {
		return i, true
	}
	// Plural nouns: Russians, Israelis, Britons.
	if n := len(k); n > 3 && k[n-1] == 's' {
		if i, ok := g.demonyms[string(k[:n-1])]; ok {
			return i, true
		}
	}
	return 0, false
}

// IsGivenName reports whether s is a known given name ("Sergei", "marco").
func (g *Gazetteer) IsGivenName(s string) bool {
	var buf [64]byte
	_, ok := g.given[string(foldInto(buf[:0], s))]
	return ok
}

// Gender is the gender a given name tells, when it tells one.
type Gender uint8

// Genders of given names.
const (
	UnknownGender Gender = iota // unknown, unisex, or different in different languages
	Male
	Female
)

// NameGender returns the gender of given name s: Male for "Donald",
// Female for "Hillary", UnknownGender for "Lindsey" (female in English,
// male in other languages and for Lindsey Graham), "Andrea" or an unknown
// name. See SOURCES.md for how the lists were merged.
func (g *Gazetteer) NameGender(s string) Gender {
	var buf [64]byte
	return g.given[string(foldInto(buf[:0], s))]
}

// Places returns every place called name (cities, regions and the country of
// that name), unranked.
func (g *Gazetteer) Places(name string) []Place {
	var out []Place
	var buf [64]byte
	k := foldInto(buf[:0], name)
	for _, i := range g.byPlace[string(k)] {
		out = append(out, g.places[i])
	}
	if ci, ok := g.countryNameIndex(name, k); ok {
		out = append(out, g.countryPlace(ci))
	}
	return out
}

func (g *Gazetteer) countryNameIndex(name string, k []byte) (int, bool) {
	if a := acronym(name); a != "" {
		i, ok := g.byAcro[a]
		return i, ok
	}
	i, ok := g.byName[string(trimThe(k))]
	return i, ok
}

func trimThe(k []byte) []byte {
	if len(k) > 4 && string(k[:4]) == "the " {
		return k[4:]
	}
	return k
}

func (g *Gazetteer) countryPlace(ci int) Place {
	c := g.countries[ci]
	return Place{Name: c.Name, Kind: KindCountry, Country: c.ISO3, Lat: c.Lat, Lon: c.Lon, HasCoords: true}
}

// Place finds the place a name most likely refers to. countryHint, which may
// be empty, narrows the search: a country name, code or demonym
// ("Switzerland", "CHE", "Swiss") or a first-level region ("Illinois", "TX"),
// as in "Geneva, Switzerland" or "Paris, Texas". Without a hint a country of
// that name wins, then the candidate with the largest population, national
// capitals counting four times their size and regions as half a million.
func (g *Gazetteer) Place(name, countryHint string) (Place, bool) {
	var buf [64]byte
	k := foldInto(buf[:0], name)
	cands := g.byPlace[string(k)]
	ci, isCountry := g.countryNameIndex(name, k)
	hintISO, hintAdmin := "", ""
	if h := strings.TrimSpace(countryHint); h != "" {
		if i, ok := g.countryIndex(h); ok {
			hintISO = g.countries[i].ISO3
		} else if r, ok := g.bestOf(g.byPlace[Fold(h)], "", "", func(p Place) bool { return p.Kind == KindRegion }); ok {
			hintISO, hintAdmin = r.Country, r.Admin1
		} else {
			for _, p := range g.places {
				if p.Kind == KindRegion && p.Admin1 == h {
					hintISO, hintAdmin = p.Country, p.Admin1
					break
				}
			}
		}
	}
	if isCountry && (hintISO == "" || hintISO == g.countries[ci].ISO3) {
		return g.countryPlace(ci), true
	}
	if p, ok := g.bestOf(cands, hintISO, hintAdmin, nil); ok {
		return p, true
	}
	if hintAdmin != "" { // the region hint may be wrong about the admin code
		if p, ok := g.bestOf(cands, hintISO, "", nil); ok {
			return p, true
		}
	}
	return Place{}, false
}

func (g *Gazetteer) bestOf(cands []int32, iso, admin string, keep func(Place) bool) (Place, bool) {
	best, bestScore := -1, -1
	var cityIn [4]string // countries with a city of this name: there the city beats the region
	nc := 0
	for _, i := range cands {
		if p := g.places[i]; p.Kind == KindCity && nc < len(cityIn) {
			cityIn[nc] = p.Country
			nc++
		}
	}
	for _, i := range cands {
		p := g.places[i]
		if (iso != "" && p.Country != iso) || (admin != "" && p.Admin1 != admin) || (keep != nil && !keep(p)) {
			continue
		}
		s := p.Population
		if p.Capital {
			s *= 4
		}
		if p.Kind == KindRegion {
			s = 500_000
			for _, c := range cityIn[:nc] {
				if c == p.Country {
					s = 0
				}
			}
		}
		if s > bestScore {
			best, bestScore = int(i), s
		}
	}
	if best < 0 {
		return Place{}, false
	}
	return g.places[best], true
}
