package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/chronicle-news/chronicle/store"
	"github.com/chronicle-news/chronicle/store/sqlstore"
	"github.com/pressly/goose/v3"
)

// The full-text index definitions. Schema v1 kept word positions (FTS5
// detail=full); schema v3 keeps none (detail=none, no column sizes), a
// third of the size: phrases are then checked against the texts
// (sqlstore.Matcher) and hits are ordered by date, as no relevance rank is
// left without positions.
const (
	tokenizer     = `tokenize='porter unicode61 remove_diacritics 2'`
	articlesFTSv1 = `CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', ` + tokenizer + `)`
	quotesFTSv1   = `CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='', ` + tokenizer + `)`
	articlesFTSv3 = `CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', detail=none, columnsize=0, ` + tokenizer + `)`
	quotesFTSv3   = `CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='', detail=none, columnsize=0, ` + tokenizer + `)`
)

// goMigrations are the schema changes that need Go: the contentless
// full-text indexes can only be rebuilt from the decompressed texts.
func goMigrations() []*goose.Migration {
	return []*goose.Migration{
		goose.NewGoMigration(3,
			&goose.GoFunc{RunTx: func(ctx context.Context, tx *sql.Tx) error { return rebuildFTS(ctx, tx, articlesFTSv3, quotesFTSv3) }},
			&goose.GoFunc{RunTx: func(ctx context.Context, tx *sql.Tx) error { return rebuildFTS(ctx, tx, articlesFTSv1, quotesFTSv1) }}),
		goose.NewGoMigration(packsVersion,
			&goose.GoFunc{RunTx: packArticles},
			&goose.GoFunc{RunTx: unpackArticles}),
		goose.NewGoMigration(6,
			&goose.GoFunc{RunTx: quotesByArticle},
			&goose.GoFunc{RunTx: quotesFTSBack}),
		goose.NewGoMigration(8,
			&goose.GoFunc{RunTx: hashBytes},
			&goose.GoFunc{RunTx: hashText}),
		goose.NewGoMigration(slimVersion,
			&goose.GoFunc{RunTx: slimTables},
			&goose.GoFunc{RunTx: fatTables}),
		goose.NewGoMigration(enumVersion,
			&goose.GoFunc{RunTx: enumTables},
			&goose.GoFunc{RunTx: textTables}),
		goose.NewGoMigration(partyIDsVersion,
			&goose.GoFunc{RunTx: partyIDs},
			&goose.GoFunc{RunTx: noPartyIDs}),
		goose.NewGoMigration(slimActorsVersion,
			&goose.GoFunc{RunTx: slimActors},
			&goose.GoFunc{RunTx: fatActors}),
		goose.NewGoMigration(shortBandsVersion,
			&goose.GoFunc{RunTx: shortBands},
			&goose.GoFunc{RunTx: longBands}),
		goose.NewGoMigration(sourcePrefixesVersion,
			&goose.GoFunc{RunTx: sourcePrefixes},
			&goose.GoFunc{RunTx: wholeSources}),
	}
}

// hashBytes is schema v8: articles.content_hash keeps the first 16 bytes of
// the SHA-256 (sqlstore.HashKey) instead of its 64 hex digits. The unique
// index is built again after the update, so that it is packed.
func hashBytes(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		`DROP INDEX articles_hash`,
		`UPDATE articles SET content_hash = unhex(substr(content_hash, 1, 32)) WHERE typeof(content_hash) = 'text' AND unhex(substr(content_hash, 1, 32)) IS NOT NULL`,
		`CREATE UNIQUE INDEX articles_hash ON articles(content_hash)`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("hash bytes: %w", err)
		}
	}
	return nil
}

// hashText undoes hashBytes: the full hashes are computed again from the
// texts.
func hashText(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DROP INDEX articles_hash`); err != nil {
		return fmt.Errorf("hash text: %w", err)
	}
	texts, err := newTextReader(ctx, tx)
	if err != nil {
		return err
	}
	err = texts.each(ctx, "hash text", `SELECT id FROM articles WHERE id > ? AND typeof(content_hash) = 'blob' ORDER BY id LIMIT 500`,
		func(id int64, text string) error {
			_, err := tx.ExecContext(ctx, `UPDATE articles SET content_hash = ? WHERE id = ?`, store.ContentHash(text), id)
			return err
		})
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `CREATE UNIQUE INDEX articles_hash ON articles(content_hash)`); err != nil {
		return fmt.Errorf("hash text: %w", err)
	}
	return nil
}

// quotesByArticle is schema v6: quotes_fts goes; a quote search finds the
// articles that hold the words in articles_fts, reads their quotes through
// the articles' new quote ranges (quote_lo, quote_hi: the first and last ID
// of the article's quotes) and checks each quote's text. Quotes whose text
// is not their article's text at their span (none in the corpora measured)
// are added to their article's index entry so that the search still finds
// them.
func quotesByArticle(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		`ALTER TABLE articles ADD COLUMN quote_lo INTEGER`,
		`ALTER TABLE articles ADD COLUMN quote_hi INTEGER`,
		`UPDATE articles SET quote_lo = r.lo, quote_hi = r.hi
			FROM (SELECT article_id, min(id) AS lo, max(id) AS hi FROM quotes GROUP BY article_id) AS r
			WHERE r.article_id = articles.id`,
		`DROP TABLE quotes_fts`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("quotes by article: %w", err)
		}
	}
	// Quotes with texts of their own, by article.
	type extra struct {
		id    int64
		title string
		more  string
	}
	var extras []extra
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.title, group_concat(q.text, char(10)) FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE q.text <> '' AND a.dup_of IS NULL GROUP BY a.id ORDER BY a.id`)
	if err != nil {
		return fmt.Errorf("quotes by article: %w", err)
	}
	for rows.Next() {
		var e extra
		if err := rows.Scan(&e.id, &e.title, &e.more); err != nil {
			rows.Close()
			return fmt.Errorf("quotes by article: %w", err)
		}
		extras = append(extras, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("quotes by article: %w", err)
	}
	if len(extras) == 0 {
		return nil
	}
	texts, err := newTextReader(ctx, tx)
	if err != nil {
		return err
	}
	for _, e := range extras {
		text, err := texts.text(ctx, e.id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)`, e.id, e.title, text); err != nil {
			return fmt.Errorf("reindex article %d: %w", e.id, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`, e.id, e.title, text+"\n"+e.more); err != nil {
			return fmt.Errorf("reindex article %d: %w", e.id, err)
		}
	}
	return nil
}

// quotesFTSBack undoes quotesByArticle: quotes_fts is built again (article
// index entries keep the extra quote texts).
func quotesFTSBack(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		quotesFTSv3,
		`ALTER TABLE articles DROP COLUMN quote_lo`,
		`ALTER TABLE articles DROP COLUMN quote_hi`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("quotes index back: %w", err)
		}
	}
	texts, err := newTextReader(ctx, tx)
	if err != nil {
		return err
	}
	return reindexQuotes(ctx, tx, texts.text)
}

// textReader reads article texts inside a migration, from the row or the
// packs.
type textReader struct {
	tx    *sql.Tx
	codec *store.Codec
	size  int64 // pack size, 0 before v5
}

func newTextReader(ctx context.Context, tx *sql.Tx) (*textReader, error) {
	codec, err := store.NewCodec()
	if err != nil {
		return nil, err
	}
	size, err := sqlstore.PackSize(ctx, tx)
	if err != nil {
		return nil, err
	}
	return &textReader{tx: tx, codec: codec, size: size}, nil
}

// each calls fn with the ID and text of every article that query lists:
// query takes the last ID seen as its one parameter and returns the next
// page of IDs in ascending order (a statement is not read while the same
// transaction writes). Errors are wrapped with what.
func (r *textReader) each(ctx context.Context, what, query string, fn func(id int64, text string) error) error {
	var last int64
	for {
		var ids []int64
		rows, err := r.tx.QueryContext(ctx, query, last)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("%s: %w", what, err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if len(ids) == 0 {
			return nil
		}
		for _, id := range ids {
			text, err := r.text(ctx, id)
			if err != nil {
				return err
			}
			if err := fn(id, text); err != nil {
				return fmt.Errorf("%s: article %d: %w", what, id, err)
			}
		}
		last = ids[len(ids)-1]
	}
}

func (r *textReader) text(ctx context.Context, id int64) (string, error) {
	var raw []byte
	var err error
	if r.size > 0 {
		raw, err = sqlstore.ArticleTextTx(ctx, r.tx, r.size, id)
	} else {
		err = r.tx.QueryRowContext(ctx, `SELECT text FROM articles WHERE id = ?`, id).Scan(&raw)
	}
	if err != nil {
		return "", fmt.Errorf("article %d: %w", id, err)
	}
	return r.codec.DecompressText(raw)
}

// packsVersion is the schema version that moves texts and layers into
// packs; Open compacts a database migrated across it.
const packsVersion = 5

// packArticles is schema v5: article texts and layers move out of the rows
// into page-sized packs (sqlstore's pack.go), so that articles share full
// pages instead of each leaving most of its last page empty.
func packArticles(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		`CREATE TABLE packs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)`,
		`ALTER TABLE articles ADD COLUMN pack_off INTEGER`, // NULL: text and layers in the row
		`ALTER TABLE articles ADD COLUMN text_len INTEGER`,
		`ALTER TABLE articles ADD COLUMN layers_len INTEGER`,
		`INSERT INTO chronicle_meta (key, value) SELECT 'pack_bytes', page_size - ` + strconv.Itoa(sqlstore.PackOverhead) + ` FROM pragma_page_size()`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("pack articles: %w", err)
		}
	}
	size, err := sqlstore.PackSize(ctx, tx)
	if err != nil {
		return err
	}
	return sqlstore.PackArticles(ctx, tx, size)
}

// unpackArticles undoes packArticles.
func unpackArticles(ctx context.Context, tx *sql.Tx) error {
	size, err := sqlstore.PackSize(ctx, tx)
	if err != nil {
		return err
	}
	if err := sqlstore.UnpackArticles(ctx, tx, size); err != nil {
		return err
	}
	for _, q := range []string{
		`DROP TABLE packs`,
		`ALTER TABLE articles DROP COLUMN pack_off`,
		`ALTER TABLE articles DROP COLUMN text_len`,
		`ALTER TABLE articles DROP COLUMN layers_len`,
		`DELETE FROM chronicle_meta WHERE key = 'pack_bytes'`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("unpack articles: %w", err)
		}
	}
	return nil
}

// rebuildFTS replaces the full-text indexes with new definitions and
// indexes every original article and every quote again.
func rebuildFTS(ctx context.Context, tx *sql.Tx, articlesDef, quotesDef string) error {
	codec, err := store.NewCodec()
	if err != nil {
		return err
	}
	for _, q := range []string{`DROP TABLE IF EXISTS articles_fts`, `DROP TABLE IF EXISTS quotes_fts`, articlesDef, quotesDef} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("rebuild full-text indexes: %w", err)
		}
	}
	type article struct {
		id          int64
		title, text string
	}
	// Articles, a page at a time (a statement is not read while the same
	// transaction writes).
	var last int64
	for {
		rows, err := tx.QueryContext(ctx, `SELECT id, title, text FROM articles WHERE id > ? AND dup_of IS NULL ORDER BY id LIMIT 500`, last)
		if err != nil {
			return fmt.Errorf("reindex articles: %w", err)
		}
		var page []article
		for rows.Next() {
			var a article
			var raw []byte
			if err := rows.Scan(&a.id, &a.title, &raw); err != nil {
				rows.Close()
				return fmt.Errorf("reindex articles: %w", err)
			}
			if a.text, err = codec.DecompressText(raw); err != nil {
				rows.Close()
				return fmt.Errorf("reindex article %d: %w", a.id, err)
			}
			page = append(page, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("reindex articles: %w", err)
		}
		if len(page) == 0 {
			break
		}
		for _, a := range page {
			if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`, a.id, a.title, a.text); err != nil {
				return fmt.Errorf("reindex article %d: %w", a.id, err)
			}
		}
		last = page[len(page)-1].id
	}
	texts, err := newTextReader(ctx, tx)
	if err != nil {
		return err
	}
	return reindexQuotes(ctx, tx, texts.text)
}

// reindexQuotes indexes every quote in quotes_fts; textOf reads the article
// texts that quote texts are spans of.
func reindexQuotes(ctx context.Context, tx *sql.Tx, textOf func(context.Context, int64) (string, error)) error {
	// Quotes, whose texts are mostly offsets into their article's text.
	type quote struct {
		id, article int64
		text        string
		start, end  int
	}
	var cur struct { // the last article read (quotes come in article order)
		id   int64
		text string
	}
	var last int64
	for {
		rows, err := tx.QueryContext(ctx, `SELECT id, article_id, text, start_off, end_off FROM quotes WHERE id > ? ORDER BY id LIMIT 1000`, last)
		if err != nil {
			return fmt.Errorf("reindex quotes: %w", err)
		}
		var page []quote
		for rows.Next() {
			var q quote
			if err := rows.Scan(&q.id, &q.article, &q.text, &q.start, &q.end); err != nil {
				rows.Close()
				return fmt.Errorf("reindex quotes: %w", err)
			}
			page = append(page, q)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("reindex quotes: %w", err)
		}
		if len(page) == 0 {
			break
		}
		for _, q := range page {
			text := q.text
			if text == "" {
				if cur.id != q.article {
					t, err := textOf(ctx, q.article)
					if err != nil {
						return fmt.Errorf("reindex quote %d: %w", q.id, err)
					}
					cur.id, cur.text = q.article, t
				}
				if q.start >= 0 && q.start <= q.end && q.end <= len(cur.text) {
					text = cur.text[q.start:q.end]
				}
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)`, q.id, text); err != nil {
				return fmt.Errorf("reindex quote %d: %w", q.id, err)
			}
		}
		last = page[len(page)-1].id
	}
	return nil
}
