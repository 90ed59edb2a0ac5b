package ingest_test

import (
	"github.com/chronicle-news/chronicle/doc"
	"github.com/chronicle-news/chronicle/read"
)

func readJSONL() read.Options { return read.Options{Kind: read.JSONL} }

func docArticle(text string) doc.Article { return doc.Article{Text: text} }
