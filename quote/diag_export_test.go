package quote

import (
	"context"

	"github.com/chronicle-news/chronicle/doc"
)

// SetPreQuote sets the pre-quote pipeline of the diagnostics.
func SetPreQuote(f func(context.Context, doc.Article) (*doc.Document, error)) { preQuote = f }
