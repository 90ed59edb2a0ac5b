package ner

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/chronicle-news/chronicle/internal/shared"
)

// Corpus names known to LoadCorpus.
const (
	CorpusCoNLLTrain = "conll-train"
	CorpusCoNLLTestA = "conll-testa"
	CorpusUNERTrain  = "uner-train"
	CorpusUNERDev    = "uner-dev"
	CorpusUNERTest   = "uner-test"
	CorpusMEANTIME   = "meantime"
)

// LoadCorpus reads a named corpus from the shared data directory.
func LoadCorpus(name string) ([]Doc, error) {
	p := func(elems ...string) (string, error) { return shared.Path(append([]string{"data"}, elems...)...) }
	var path string
	var err error
	switch name {
	case CorpusCoNLLTrain:
		path, err = p("conll2003", "eng.train")
	case CorpusCoNLLTestA:
		path, err = p("conll2003", "eng.testa")
	case CorpusUNERTrain:
		path, err = p("uner-english-ewt", "en_ewt-ud-train.iob2")
	case CorpusUNERDev:
		path, err = p("uner-english-ewt", "en_ewt-ud-dev.iob2")
	case CorpusUNERTest:
		path, err = p("uner-english-ewt", "en_ewt-ud-test.iob2")
	case CorpusMEANTIME:
		dir, err := p("meantime-en", "intra-doc_annotation")
		if err != nil {
			return nil, err
		}
		docs, err := ReadMEANTIME(dir)
		SetDomain(docs, DomainWiki)
		return docs, err
	default:
		return nil, fmt.Errorf("ner: unknown corpus %q", name)
	}
	if err != nil {
		return nil, err
	}
	f := CoNLL2003
	if filepath.Ext(path) == ".iob2" {
		f = UNER
	}
	docs, err := ReadColumnFile(path, f)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	SetDomain(docs, DomainNews)
	if f == UNER {
		markNoMISC(docs)
		SetDomain(docs, DomainWeb)
	}
	return docs, nil
}

// TrainDefault trains the standard model: CoNLL-2003 train, Universal NER
// EWT train and MEANTIME, clusters from those and the TempEval-3 silver
// text, model selection on CoNLL-2003 eng.testa.
func TrainDefault(ctx context.Context, o TrainOptions) (*Model, error) {
	names := o.Corpora
	if len(names) == 0 {
		names = []string{CorpusCoNLLTrain, CorpusUNERTrain, CorpusMEANTIME}
	}
	for _, name := range names {
		if name == CorpusCoNLLTestA || name == CorpusUNERDev || name == CorpusUNERTest {
			return nil, fmt.Errorf("ner: %s is an evaluation set, not for training", name)
		}
		docs, err := LoadCorpus(name)
		if err != nil {
			return nil, err
		}
		o.Train = append(o.Train, docs...)
	}
	dev, err := LoadCorpus(CorpusCoNLLTestA)
	if err != nil {
		return nil, err
	}
	o.Dev = dev
	dir, err := shared.Path("data", "unlabeled-news", "te3-silver")
	if err != nil {
		return nil, err
	}
	lines, err := unlabelledText(ctx, []string{dir}, nil)
	if err != nil {
		return nil, err
	}
	o.Unlabelled = lines
	if o.Gazetteer == nil {
		g, err := BuildGazetteer()
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		o.Gazetteer = g
	}
	return Train(ctx, o)
}
