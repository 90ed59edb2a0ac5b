package ingest

import (
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Progress shows how an ingest is going. Update is called a few times a
// second from one goroutine; Finish once at the end.
type Progress interface {
	Update(s Stats)
	Finish(s Stats)
}

// BarProgress draws a progress bar on a terminal: bytes read of the total
// (which gives the ETA), with the article count and rate beside it.
type BarProgress struct {
	bar *progressbar.ProgressBar
}

// NewBarProgress makes a progress bar that writes to w.
func NewBarProgress(w io.Writer) *BarProgress {
	bar := progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(28),
		progressbar.OptionThrottle(150*time.Millisecond),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionFullWidth(),
		progressbar.OptionClearOnFinish(),
	)
	return &BarProgress{bar: bar}
}

// Update implements Progress.
func (p *BarProgress) Update(s Stats) {
	if s.BytesTotal > 0 && p.bar.GetMax64() != s.BytesTotal {
		p.bar.ChangeMax64(s.BytesTotal)
	}
	p.bar.Describe(fmt.Sprintf("%d articles, %.1f/s, %d skipped, %d failed", s.Stored+s.Syndicated, s.Rate(), s.Duplicates, s.Failed))
	_ = p.bar.Set64(s.BytesDone)
}

// Println writes a line above the bar (the bar is redrawn on the next update).
func (p *BarProgress) Println(w io.Writer, line string) {
	_ = p.bar.Clear()
	fmt.Fprintln(w, line)
}

// Finish implements Progress.
func (p *BarProgress) Finish(s Stats) {
	p.Update(s)
	_ = p.bar.Finish()
}

// LogProgress writes a log line every Every (default 10s) when the output is
// not a terminal.
type LogProgress struct {
	Log   *slog.Logger
	Every time.Duration
	last  time.Time
}

// Update implements Progress.
func (p *LogProgress) Update(s Stats) {
	every := p.Every
	if every <= 0 {
		every = 10 * time.Second
	}
	if time.Since(p.last) < every {
		return
	}
	p.last = time.Now()
	attrs := []any{"stored", s.Stored, "syndicated", s.Syndicated, "skipped", s.Duplicates, "failed", s.Failed,
		"rate", fmt.Sprintf("%.1f/s", s.Rate())}
	if s.BytesTotal > 0 && s.BytesDone > 0 {
		frac := float64(s.BytesDone) / float64(s.BytesTotal)
		eta := time.Duration(float64(s.Elapsed) * (1 - frac) / frac).Round(time.Second)
		attrs = append(attrs, "done", fmt.Sprintf("%.0f%%", 100*frac), "eta", eta)
	}
	p.Log.Info("ingest progress", attrs...)
}

// Finish implements Progress.
func (p *LogProgress) Finish(s Stats) {
	p.Log.Info("ingest done", "stored", s.Stored, "syndicated", s.Syndicated, "skipped", s.Duplicates, "failed", s.Failed,
		"new_events", s.NewEvents, "merged_events", s.Merged, "took", s.Elapsed.Round(time.Millisecond), "rate", fmt.Sprintf("%.1f/s", s.Rate()))
}
