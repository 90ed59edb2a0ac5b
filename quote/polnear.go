package quote

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/doc"
)

// GoldAttribution is one PolNeAR attribution relation, as byte spans into
// the article text. Discontinuous spans are reduced to their envelope.
type GoldAttribution struct {
	Content doc.Span
	// Parts are the content's segments (one for a continuous content; the
	// pieces around an interrupting "he said" otherwise), in text order.
	Parts     []doc.Span
	Cue       doc.Span
	Source    doc.Span
	HasSource bool
}

// GoldArticle is one PolNeAR article with its attributions.
type GoldArticle struct {
	Name  string
	Text  string
	Attrs []GoldAttribution
}

// ReadPolNeAR reads a PolNeAR split ("train", "dev") from dir, the corpus
// directory holding <split>/text/*.txt and <split>/attributions/*.ann (brat
// standoff with character offsets). When an article was annotated by several
// annotators, the first annotation file in name order is used.
func ReadPolNeAR(dir, split string) ([]GoldArticle, error) {
	annDir := filepath.Join(dir, split, "attributions")
	anns, err := filepath.Glob(filepath.Join(annDir, "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("polnear: no .ann files in %s", annDir)
	}
	sort.Strings(anns)
	seen := map[string]bool{}
	var out []GoldArticle
	for _, ann := range anns {
		base := filepath.Base(ann)
		base = base[:len(base)-len(".ann")]
		if k := strings.LastIndexByte(base, '_'); k > 0 {
			base = base[:k]
		}
		if seen[base] {
			continue
		}
		seen[base] = true
		textPath := filepath.Join(dir, split, "text", base+".txt")
		tb, err := os.ReadFile(textPath)
		if err != nil {
			return nil, fmt.Errorf("polnear: %w", err)
		}
		a := GoldArticle{Name: base, Text: string(tb)}
		ab, err := os.ReadFile(ann)
		if err != nil {
			return nil, fmt.Errorf("polnear: %w", err)
		}
		if a.Attrs, err = parseAnn(string(ab), a.Text); err != nil {
			return nil, fmt.Errorf("polnear: %s: %w", ann, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// parseAnn reads the brat annotations of one article.
func parseAnn(ann, text string) ([]GoldAttribution, error) {
	// Character offset → byte offset.
	idx := make([]int, 0, len(text)+1)
	for i := range text {
		idx = append(idx, i)
	}
	idx = append(idx, len(text))
	spans := map[string]doc.Span{}
	parts := map[string][]doc.Span{}
	var events [][]string
	sc := bufio.NewScanner(strings.NewReader(ann))
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 || f[0] == "" {
			continue
		}
		switch f[0][0] {
		case 'T':
			_, rng, ok := strings.Cut(f[1], " ")
			if !ok {
				return nil, fmt.Errorf("bad text-bound line %q", sc.Text())
			}
			sp := doc.Span{Start: -1}
			var segs []doc.Span
			for seg := range strings.SplitSeq(rng, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(seg), " ")
				if !ok {
					return nil, fmt.Errorf("bad range %q", rng)
				}
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || s < 0 || e < s || e >= len(idx) {
					return nil, fmt.Errorf("bad range %q", rng)
				}
				if sp.Start < 0 || idx[s] < sp.Start {
					sp.Start = idx[s]
				}
				if idx[e] > sp.End {
					sp.End = idx[e]
				}
				segs = append(segs, doc.Span{Start: idx[s], End: idx[e]})
			}
			spans[f[0]] = sp
			parts[f[0]] = segs
		case 'E':
			events = append(events, strings.Fields(f[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []GoldAttribution
	for _, ev := range events {
		var g GoldAttribution
		hasContent := false
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			sp, ok := spans[id]
			if !ok {
				continue
			}
			switch {
			case strings.HasPrefix(role, "Content"):
				if !hasContent {
					g.Content = sp
				} else {
					g.Content = doc.Span{Start: min(g.Content.Start, sp.Start), End: max(g.Content.End, sp.End)}
				}
				g.Parts = append(g.Parts, parts[id]...)
				hasContent = true
			case role == "Cue":
				g.Cue = sp
			case role == "Source":
				g.Source, g.HasSource = sp, true
			}
		}
		if hasContent {
			out = append(out, g)
		}
	}
	return out, nil
}

// Scores are attribution scores over a corpus.
type Scores struct {
	Gold, Pred, Matched int
	// WithSource counts matched attributions whose gold has a source;
	// SourceOK those whose predicted speaker overlaps it.
	WithSource, SourceOK int
	// Direct and DirectMatched count predicted attributions with a direct
	// quote, and how many of them matched.
	Direct, DirectMatched int
	// SegMatched counts the attributions matched when overlaps and lengths
	// are taken over the content segments (in characters) rather than over
	// their envelopes: an interrupted quote's attribution in the middle
	// then counts on neither side.
	SegMatched int
}

// Add accumulates o into s.
func (s *Scores) Add(o Scores) {
	s.Gold += o.Gold
	s.Pred += o.Pred
	s.Matched += o.Matched
	s.WithSource += o.WithSource
	s.SourceOK += o.SourceOK
	s.Direct += o.Direct
	s.DirectMatched += o.DirectMatched
	s.SegMatched += o.SegMatched
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Precision is the share of predicted attributions that match a gold one.
func (s Scores) Precision() float64 { return pct(s.Matched, s.Pred) }

// Recall is the share of gold attributions matched.
func (s Scores) Recall() float64 { return pct(s.Matched, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Scores) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// SegmentF1 is the F1 of the segment-wise matching (see SegMatched).
func (s Scores) SegmentF1() float64 {
	p, r := pct(s.SegMatched, s.Pred), pct(s.SegMatched, s.Gold)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// SourceAccuracy is the share of matched attributions with a gold source
// whose predicted speaker overlaps it.
func (s Scores) SourceAccuracy() float64 { return pct(s.SourceOK, s.WithSource) }

// String formats the scores as one line.
func (s Scores) String() string {
	return fmt.Sprintf("content P %.1f R %.1f F1 %.1f (gold %d, predicted %d, matched %d); source accuracy %.1f (%d/%d); direct-quote precision %.1f (%d); segment-wise F1 %.1f (matched %d)",
		s.Precision(), s.Recall(), s.F1(), s.Gold, s.Pred, s.Matched, s.SourceAccuracy(), s.SourceOK, s.WithSource,
		pct(s.DirectMatched, s.Direct), s.Direct, s.SegmentF1(), s.SegMatched)
}

// Predicted is one predicted attribution: the quotes that share a cue,
// merged (the parts of an interrupted quote, a mixed statement and its
// quoted fragments).
type Predicted struct {
	Content doc.Span
	// Parts are the contents of the grouped quotes.
	Parts   []doc.Span
	Speaker *doc.Speaker
	Lemma   string
	Direct  bool
}

// Attributions groups a document's quotes into attributions: quotes with the
// same cue span in the same paragraph form one, with the envelope of their
// contents.
func Attributions(d *doc.Document) []Predicted {
	var out []Predicted
	byCue := map[[2]int]int{}
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if q.Cue != nil {
			key := [2]int{q.Cue.Start, q.Cue.End}
			if k, ok := byCue[key]; ok && !hasBreak(d.Text, out[k].Content.End, q.Start) {
				p := &out[k]
				p.Content = doc.Span{Start: min(p.Content.Start, q.Start), End: max(p.Content.End, q.End)}
				p.Parts = append(p.Parts, q.Span())
				p.Direct = p.Direct || q.Direct
				if p.Speaker == nil {
					p.Speaker = q.Speaker
				}
				continue
			}
			byCue[key] = len(out)
		}
		p := Predicted{Content: q.Span(), Parts: []doc.Span{q.Span()}, Speaker: q.Speaker, Direct: q.Direct}
		if q.Cue != nil {
			p.Lemma = q.Cue.Lemma
		}
		out = append(out, p)
	}
	return out
}

// hasBreak reports whether a paragraph break separates offsets a and b.
func hasBreak(text string, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	if a < 0 || b > len(text) {
		return true
	}
	return strings.IndexByte(text[a:b], '\n') >= 0
}

// Match pairs predicted and gold attributions one to one: a pair matches
// when their content spans overlap by at least half of the longer span,
// and pairs are taken by decreasing overlap. It returns, for each
// prediction, the index of its gold attribution or -1.
func Match(pred []Predicted, gold []GoldAttribution) []int {
	return match(pred, gold, func(p Predicted, g GoldAttribution) (int, int, int) {
		return min(p.Content.End, g.Content.End) - max(p.Content.Start, g.Content.Start), p.Content.Len(), g.Content.Len()
	})
}

// MatchSegments is Match with overlaps and lengths counted in characters
// over the content segments (the gold's discontinuous pieces, the grouped
// quotes' contents) instead of their envelopes.
func MatchSegments(text string, pred []Predicted, gold []GoldAttribution) []int {
	return match(pred, gold, func(p Predicted, g GoldAttribution) (int, int, int) {
		gp := g.Parts
		if len(gp) == 0 {
			gp = []doc.Span{g.Content}
		}
		pp := p.Parts
		if len(pp) == 0 {
			pp = []doc.Span{p.Content}
		}
		return segOverlap(text, pp, gp), runeLen(text, pp), runeLen(text, gp)
	})
}

// runeLen counts the characters of the union of spans (which may overlap).
func runeLen(text string, sp []doc.Span) int {
	return segOverlap(text, sp, []doc.Span{{Start: 0, End: len(text)}})
}

// segOverlap counts the characters covered by both span sets.
func segOverlap(text string, a, b []doc.Span) int {
	n := 0
	for i := range text {
		in := func(sp []doc.Span) bool {
			for _, s := range sp {
				if s.Start <= i && i < s.End {
					return true
				}
			}
			return false
		}
		if in(a) && in(b) {
			n++
		}
	}
	return n
}

// match pairs predictions and gold attributions by the overlap function ov
// (overlap, predicted length, gold length).
func match(pred []Predicted, gold []GoldAttribution, ovf func(Predicted, GoldAttribution) (int, int, int)) []int {
	type pair struct{ p, g, ov int }
	var pairs []pair
	for i, p := range pred {
		for j, g := range gold {
			if !p.Content.Overlaps(g.Content) {
				continue
			}
			ov, lp, lg := ovf(p, g)
			if ov > 0 && 2*ov >= max(lp, lg) {
				pairs = append(pairs, pair{i, j, ov})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].ov != pairs[b].ov {
			return pairs[a].ov > pairs[b].ov
		}
		if pairs[a].p != pairs[b].p {
			return pairs[a].p < pairs[b].p
		}
		return pairs[a].g < pairs[b].g
	})
	m := make([]int, len(pred))
	for i := range m {
		m[i] = -1
	}
	used := make([]bool, len(gold))
	for _, p := range pairs {
		if m[p.p] < 0 && !used[p.g] {
			m[p.p] = p.g
			used[p.g] = true
		}
	}
	return m
}

// Score compares a processed document with the gold attributions.
func Score(d *doc.Document, gold []GoldAttribution) Scores {
	pred := Attributions(d)
	m := Match(pred, gold)
	s := Scores{Gold: len(gold), Pred: len(pred)}
	for _, g := range MatchSegments(d.Text, pred, gold) {
		if g >= 0 {
			s.SegMatched++
		}
	}
	for i, g := range m {
		if pred[i].Direct {
			s.Direct++
		}
		if g < 0 {
			continue
		}
		s.Matched++
		if pred[i].Direct {
			s.DirectMatched++
		}
		if gold[g].HasSource {
			s.WithSource++
			if sp := pred[i].Speaker; sp != nil && sp.Start < gold[g].Source.End && gold[g].Source.Start < sp.End {
				s.SourceOK++
			}
		}
	}
	return s
}

// Extractor runs a pipeline over an article.
type Extractor func(context.Context, doc.Article) (*doc.Document, error)

// EvalPolNeAR runs ex over every article and scores the quotes it finds.
func EvalPolNeAR(ctx context.Context, arts []GoldArticle, ex Extractor) (Scores, error) {
	var total Scores
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		if !utf8.ValidString(a.Text) {
			return total, fmt.Errorf("polnear: %s: text is not valid UTF-8", a.Name)
		}
		d, err := ex(ctx, doc.Article{ID: a.Name, Text: a.Text, Source: a.Name})
		if err != nil {
			return total, fmt.Errorf("polnear: %s: %w", a.Name, err)
		}
		total.Add(Score(d, a.Attrs))
	}
	return total, nil
}
