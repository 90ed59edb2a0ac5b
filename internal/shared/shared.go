// Package shared locates the shared corpora directory (../shared beside the
// repository, or $CHRONICLE_SHARED) used by training, evaluation and tests.
package shared

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared directory: $CHRONICLE_SHARED if set, else the
// "shared" directory beside the module root found by walking up from the
// working directory.
func Dir() (string, error) {
	if d := os.Getenv("CHRONICLE_SHARED"); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(d), "shared")
			if fi, err := os.Stat(s); err == nil && fi.IsDir() {
				return s, nil
			}
			return "", errors.New("shared directory not found beside " + d + " (set CHRONICLE_SHARED)")
		}
		if filepath.Dir(d) == d {
			return "", errors.New("module root not found from " + wd)
		}
	}
}

// Path joins elems under the shared directory.
func Path(elems ...string) (string, error) {
	d, err := Dir()
	if err != nil {
		return "", err
	}
	return filepath.Join(append([]string{d}, elems...)...), nil
}

// TestPath returns a path under the shared directory for a test, skipping
// the test when the shared data is not present (CI always has it).
func TestPath(tb testing.TB, elems ...string) string {
	tb.Helper()
	p, err := Path(elems...)
	if err != nil {
		tb.Skip(err)
	}
	if _, err := os.Stat(p); err != nil {
		tb.Skip(err)
	}
	return p
}

// Example returns the path of the example article.
func Example() (string, error) {
	return Path("examples", "epochtimes-2025-02-22-putin-trump-meeting.txt")
}
