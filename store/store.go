// Package store keeps a corpus of processed articles — text, metadata and
// every annotation layer — and answers the questions an analyst asks of it:
// which events happened, between whom, when and where, who said what, and
// which articles mention something.
//
// Store is the contract; store/sqlite (the default, embedded) and
// store/postgres implement it over one relational schema (see
// store/sqlstore), and store/storetest is the contract test suite both run.
//
// Events are merged across articles: the same real-world event reported by
// several articles (same event type, same actors, compatible dates) is one
// Event with GDELT-style NumMentions, NumArticles and NumSources, and every
// piece of evidence is kept as a Mention.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/chronicle-news/chronicle/doc"
)

// ErrNewerSchema is returned (wrapped) by Open when the database was written
// by a newer Chronicle whose schema this binary does not know.
var ErrNewerSchema = errors.New("database schema is newer than this chronicle supports")

// Store is a corpus of processed articles. Implementations are safe for
// concurrent use: queries may run while Put writes.
type Store interface {
	// Put stores documents in one transaction. An article whose URL or
	// content hash is already stored is skipped (PutDuplicate); a
	// near-duplicate of a stored article (a syndicated copy) is stored and
	// linked to the original, but its events, quotes and actors are not
	// counted again (PutSyndicated).
	Put(ctx context.Context, docs ...*doc.Document) ([]PutResult, error)
	// Seen reports whether an article with this URL (when not empty) or this
	// content hash (see ContentHash) is already stored.
	Seen(ctx context.Context, url, contentHash string) (bool, error)
	// Events returns merged events matching q, ordered by date.
	Events(ctx context.Context, q EventQuery) ([]Event, error)
	// Quotes returns quotes matching q, newest article first.
	Quotes(ctx context.Context, q QuoteQuery) ([]QuoteHit, error)
	// Search runs a full-text query over article titles and texts. Hits
	// come best first where the index ranks them (PostgreSQL), else newest
	// first (SQLite, whose index keeps no word positions).
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)
	// Actors lists actors with their mention, article and event counts,
	// most mentioned first.
	Actors(ctx context.Context, q ActorQuery) ([]ActorCount, error)
	// Documents calls fn with each stored document matching q (text,
	// metadata and every layer), in storage order, until fn returns an error.
	Documents(ctx context.Context, q DocQuery, fn func(*doc.Document) error) error
	// Stats summarises the store.
	Stats(ctx context.Context) (Stats, error)
	// Close releases the store's connections.
	Close() error
}

// Compacter is implemented by stores that can rewrite themselves smaller
// after a large batch (SQLite merges its full-text index into one segment
// and rebuilds the file, with every B-tree packed).
type Compacter interface {
	// Compact compacts the store when added, the number of articles a
	// batch just stored, is a large share of it (a quarter or more: the
	// work is proportional to the whole store), and reports whether it
	// did.
	Compact(ctx context.Context, added int64) (bool, error)
}

// PutStatus says what Put did with one document.
type PutStatus int

// The outcomes of Put for one document.
const (
	PutStored     PutStatus = iota // stored as a new article
	PutDuplicate                   // same URL or content hash already stored: skipped
	PutSyndicated                  // near-duplicate text of a stored article: stored and linked
)

// String names the status.
func (s PutStatus) String() string {
	switch s {
	case PutStored:
		return "stored"
	case PutDuplicate:
		return "duplicate"
	case PutSyndicated:
		return "syndicated"
	}
	return "unknown"
}

// PutResult is the outcome of Put for one document.
type PutResult struct {
	Status    PutStatus
	ArticleID int64 // the stored article, or the existing one for duplicates
	DupOf     int64 // for syndicated copies, the original article
	// NewEvents and MergedEvents count the document's events that created
	// a new merged event or joined an existing one.
	NewEvents, MergedEvents int
}

// EventQuery filters merged events. Empty fields do not filter.
type EventQuery struct {
	// Actor matches a source or target actor by name (case-insensitive,
	// exact), by CAMEO code ("RUSGOV") or by code prefix of at least three
	// letters ("RUS" matches RUSGOV and RUSMIL).
	Actor string
	// Type is a PLOVER type (CONSULT); CAMEO is a CAMEO code or prefix
	// ("04" matches 040 and 043).
	Type, CAMEO string
	// Status is a factuality status (occurred, planned, …).
	Status string
	// From and To bound the event date (inclusive, YYYY-MM-DD, a month
	// YYYY-MM or a year YYYY); an event matches when its date range
	// overlaps [From, To].
	From, To string
	// Place matches the location name or its country code, case-insensitive.
	Place string
	// Limit caps the number of events (0: no limit); Offset skips the first.
	Limit, Offset int
	// Desc orders newest first.
	Desc bool
	// NoEvidence skips loading the mentions of each event.
	NoEvidence bool
}

// Party is an actor taking part in an event.
type Party struct {
	ActorID int64  `json:"actor_id"`
	Name    string `json:"name"`
	Code    string `json:"code"`
}

// Event is one real-world event, merged over every article that reports it.
type Event struct {
	ID        int64   `json:"id"`
	Type      string  `json:"type"`
	Mode      string  `json:"mode,omitempty"`
	CAMEO     string  `json:"cameo"`
	Quad      int     `json:"quad"`
	Goldstein float64 `json:"goldstein"`
	// Status is the status reported by the most recently published mention.
	Status string `json:"status"`
	// Date is the most precise date any mention gives (a TimeML value);
	// DateStart and DateEnd are the day range it denotes.
	Date        string  `json:"date,omitempty"`
	DateStart   string  `json:"date_start,omitempty"`
	DateEnd     string  `json:"date_end,omitempty"`
	Granularity string  `json:"granularity,omitempty"`
	Source      []Party `json:"source"`
	Target      []Party `json:"target"`
	Place       *Place  `json:"place,omitempty"`
	// NumMentions counts every piece of evidence, NumArticles the distinct
	// articles and NumSources the distinct outlets (or web hosts) that
	// report the event, as in GDELT.
	NumMentions int `json:"num_mentions"`
	NumArticles int `json:"num_articles"`
	NumSources  int `json:"num_sources"`
	// Mentions is the evidence, one entry per article report, oldest first
	// (nil when the query asked for no evidence).
	Mentions []Mention `json:"mentions,omitempty"`
}

// Place is where an event happened.
type Place struct {
	Name    string  `json:"name"`
	Country string  `json:"country,omitempty"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Kind    string  `json:"kind,omitempty"`
}

// Mention is one article's report of an event.
type Mention struct {
	ArticleID int64     `json:"article_id"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Published time.Time `json:"published,omitzero"`
	EventID   string    `json:"event"` // the event's ID within the article ("e3")
	Status    string    `json:"status"`
	Date      string    `json:"date,omitempty"` // the date this article gives
	// Evidence holds the sentences that report the event, main one first.
	Evidence []Evidence `json:"evidence"`
}

// Evidence is one sentence reporting an event, with its trigger.
type Evidence struct {
	Start   int    `json:"start"` // sentence span in the article text
	End     int    `json:"end"`
	Text    string `json:"text"`
	Trigger string `json:"trigger"`
}

// QuoteQuery filters quotes. Empty fields do not filter.
type QuoteQuery struct {
	// Speaker matches the speaker's text or actor name (case-insensitive
	// substring) or the actor's CAMEO code.
	Speaker string
	// Text is a full-text query over the quote text.
	Text          string
	Limit, Offset int
}

// QuoteHit is a stored quote with its article.
type QuoteHit struct {
	ID        int64     `json:"id"`
	ArticleID int64     `json:"article_id"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Text      string    `json:"text"`
	Speaker   string    `json:"speaker"`
	Actor     string    `json:"actor,omitempty"` // the speaker's actor name
	Code      string    `json:"code,omitempty"`  // the speaker's CAMEO code
	Cue       string    `json:"cue,omitempty"`
	Direct    bool      `json:"direct"`
	Anonymous bool      `json:"anonymous,omitempty"`
}

// SearchQuery is a full-text search over articles. Query words are ANDed;
// "double quotes" make a phrase, a leading - excludes a word, OR between
// words makes an alternative.
type SearchQuery struct {
	Text          string
	Limit, Offset int
}

// SearchHit is an article matching a search.
type SearchHit struct {
	ArticleID int64     `json:"article_id"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Snippet   string    `json:"snippet"`
	// Copies counts syndicated copies linked to this article.
	Copies int `json:"copies"`
}

// ActorQuery filters the actor list.
type ActorQuery struct {
	// Name is a case-insensitive substring of the name, or a code prefix.
	Name          string
	Limit, Offset int
}

// ActorCount is an actor and how often the corpus refers to it.
type ActorCount struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind,omitempty"`
	Code     string `json:"code,omitempty"`
	Mentions int    `json:"mentions"` // mentions over all articles
	Articles int    `json:"articles"` // articles that mention it
	Events   int    `json:"events"`   // merged events it takes part in
}

// DocQuery selects stored documents. The zero value selects all articles
// that are not syndicated copies.
type DocQuery struct {
	// Events restricts to the articles that report one of the events that
	// match it, when not nil.
	Events *EventQuery
	// Search restricts to the articles that match a full-text query.
	Search string
	// IDs restricts to these article IDs.
	IDs []int64
	// Copies includes syndicated copies.
	Copies bool
	Limit  int
}

// Stats summarises a store.
type Stats struct {
	Articles   int   `json:"articles"`
	Syndicated int   `json:"syndicated"`
	Events     int   `json:"events"`
	Mentions   int   `json:"mentions"`
	Actors     int   `json:"actors"`
	Quotes     int   `json:"quotes"`
	TextBytes  int64 `json:"text_bytes"`
	// SizeBytes is the database size on disk, when known.
	SizeBytes     int64 `json:"size_bytes"`
	SchemaVersion int64 `json:"schema_version"`
}
