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
		goose.NewGoMigration(5,
			&goose.GoFunc{RunTx: packArticles},
			&goose.GoFunc{RunTx: unpackArticles}),
	}
}

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
	// Quotes, whose texts are mostly offsets into their article's text.
	type quote struct {
		id, article int64
		text        string
		start, end  int
	}
	var textOf article // the last article read (quotes come in article order)
	last = 0
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
				if textOf.id != q.article {
					var raw []byte
					if err := tx.QueryRowContext(ctx, `SELECT text FROM articles WHERE id = ?`, q.article).Scan(&raw); err != nil {
						return fmt.Errorf("reindex quote %d: article %d: %w", q.id, q.article, err)
					}
					t, err := codec.DecompressText(raw)
					if err != nil {
						return fmt.Errorf("reindex quote %d: %w", q.id, err)
					}
					textOf = article{id: q.article, text: t}
				}
				if q.start >= 0 && q.start <= q.end && q.end <= len(textOf.text) {
					text = textOf.text[q.start:q.end]
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
