package main

import (
	"context"
	"fmt"
	"io"
)

// contextLike is the context the timex commands pass to the tagger.
type contextLike = context.Context

// timexMaxBytes bounds plain-text input of "chronicle timex".
const timexMaxBytes = 64 << 20

func readAllLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, timexMaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > timexMaxBytes {
		return nil, fmt.Errorf("larger than %d bytes", timexMaxBytes)
	}
	return b, nil
}
