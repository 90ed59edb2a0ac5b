package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Packs: since schema v5 the SQLite store keeps article texts and layer
// blobs out of the article rows, appended to one byte stream that is cut
// into the rows of the packs table, each a page long (chronicle_meta's
// pack_bytes: the page size less the cell and record overhead, so that a
// pack row fills one leaf page and needs no overflow page). An article keeps
// where its bytes start in the stream (pack_off) and the lengths of its
// compressed text and its layer blob, which follows the text. Rows of 2–4 KB
// used to fill a page once and leave the rest of it, or of an overflow page,
// empty; packed, many articles share full pages, and an article's text is
// read from the one or two packs it lies in.
//
// Articles with a NULL pack_off keep their text and layers in the row (every
// PostgreSQL article, whose TOAST storage already keeps large values out of
// line, and SQLite stores before the migration).

// PackOverhead is what a pack row needs beside its data on a page: the page
// header, cell pointer, payload size and rowid, and the record header, with
// the margin SQLite's limit on a cell's local payload (usable size − 35)
// asks for.
const PackOverhead = 40

// packSpan is where an article's bytes lie in the pack stream.
type packSpan struct {
	off          int64 // first byte of the compressed text
	text, layers int   // lengths
}

// packWriter appends article bytes to the pack stream inside one write
// transaction and writes the packs it changed on flush.
type packWriter struct {
	size   int64  // bytes per pack
	start  int64  // stream offset of buf[0], a multiple of size
	buf    []byte // the open pack's bytes and everything appended after
	loaded bool
	dirty  bool
}

// load reads the open (last, not full) pack.
func (p *packWriter) load(ctx context.Context, tx *sql.Tx) error {
	if p.loaded {
		return nil
	}
	var id int64
	var data []byte
	err := tx.QueryRowContext(ctx, `SELECT id, data FROM packs ORDER BY id DESC LIMIT 1`).Scan(&id, &data)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		p.start, p.buf = 0, nil
	case err != nil:
		return fmt.Errorf("open pack: %w", err)
	case int64(len(data)) >= p.size:
		p.start, p.buf = (id+1)*p.size, nil
	default:
		p.start, p.buf = id*p.size, data
	}
	p.loaded = true
	return nil
}

// add appends an article's compressed text and layers and returns where
// they lie.
func (p *packWriter) add(ctx context.Context, tx *sql.Tx, text, layers []byte) (packSpan, error) {
	if err := p.load(ctx, tx); err != nil {
		return packSpan{}, err
	}
	sp := packSpan{off: p.start + int64(len(p.buf)), text: len(text), layers: len(layers)}
	p.buf = append(append(p.buf, text...), layers...)
	p.dirty = true
	return sp, nil
}

// flush writes the packs that changed: every full one is final and leaves
// the buffer.
func (p *packWriter) flush(ctx context.Context, tx *sql.Tx) error {
	if !p.dirty {
		return nil
	}
	for i := int64(0); i < int64(len(p.buf)); i += p.size {
		data := p.buf[i:min(i+p.size, int64(len(p.buf)))]
		id := (p.start + i) / p.size
		if _, err := tx.ExecContext(ctx, `INSERT INTO packs (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data`, id, data); err != nil {
			return fmt.Errorf("write pack %d: %w", id, err)
		}
	}
	full := int64(len(p.buf)) / p.size * p.size
	p.start += full
	p.buf = slices.Clone(p.buf[full:])
	p.dirty = false
	return nil
}

// PackSize returns the pack size recorded in the database, or 0 when the
// schema has no packs (before v5, and PostgreSQL).
func PackSize(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int64, error) {
	var n int64
	err := q.QueryRowContext(ctx, `SELECT value FROM chronicle_meta WHERE key = 'pack_bytes'`).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: pack size: %w", err)
	}
	return n, nil
}

// readPacks returns the bytes of each span, its text and, when layers is
// true, its layers after it, read from the packs (one query per 500
// packs).
func readPacks(ctx context.Context, db *sql.DB, size int64, spans []packSpan, layers bool) ([][]byte, error) {
	if size <= 0 {
		return nil, fmt.Errorf("store: no packs in this schema")
	}
	length := func(sp packSpan) int64 {
		if layers {
			return int64(sp.text + sp.layers)
		}
		return int64(sp.text)
	}
	// The part of each pack that the spans need: only that leaves SQLite
	// (substr of a blob on its page copies just those bytes).
	type part struct{ lo, hi int64 }
	need := map[int64]part{}
	for _, sp := range spans {
		n := length(sp)
		for pos := sp.off; pos < sp.off+n; {
			id, at := pos/size, pos%size
			take := min(size-at, sp.off+n-pos)
			p, ok := need[id]
			if !ok {
				p = part{at, at + take}
			}
			p.lo, p.hi = min(p.lo, at), max(p.hi, at+take)
			need[id] = p
			pos += take
		}
	}
	ids := make([]int64, 0, len(need))
	for id := range need {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	type got struct {
		lo   int64
		data []byte
	}
	packs := make(map[int64]got, len(ids))
	for _, chunk := range chunks(ids, 300) {
		if len(chunk) == 0 {
			continue
		}
		args := make([]any, 0, 3*len(chunk))
		for _, id := range chunk {
			p := need[id]
			args = append(args, id, p.lo+1, p.hi-p.lo)
		}
		rows, err := db.QueryContext(ctx, `WITH want(id, lo, n) AS (VALUES `+strings.TrimSuffix(strings.Repeat("(?, ?, ?),", len(chunk)), ",")+`)
			SELECT want.id, substr(p.data, want.lo, want.n) FROM want JOIN packs p ON p.id = want.id`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: read packs: %w", err)
		}
		for rows.Next() {
			var id int64
			var data []byte
			if err := rows.Scan(&id, &data); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: read packs: %w", err)
			}
			packs[id] = got{need[id].lo, data}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: read packs: %w", err)
		}
	}
	out := make([][]byte, len(spans))
	for i, sp := range spans {
		n := length(sp)
		b := make([]byte, 0, n)
		for pos := sp.off; pos < sp.off+n; {
			g := packs[pos/size]
			at := pos%size - g.lo
			if at < 0 || at >= int64(len(g.data)) {
				return nil, fmt.Errorf("store: pack %d is short: want byte %d", pos/size, pos%size)
			}
			take := min(int64(len(g.data))-at, sp.off+n-pos)
			b = append(b, g.data[at:at+take]...)
			pos += take
		}
		out[i] = b
	}
	return out, nil
}

// PackArticles moves the texts and layers of every article kept in its row
// into packs of size bytes (schema v5's migration; the packs table, the
// articles' pack columns and chronicle_meta's pack_bytes must exist).
func PackArticles(ctx context.Context, tx *sql.Tx, size int64) error {
	p := &packWriter{size: size}
	var last int64
	for {
		type row struct {
			id           int64
			text, layers []byte
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, text, layers FROM articles WHERE id > ? AND pack_off IS NULL ORDER BY id LIMIT 500`, last)
		if err != nil {
			return fmt.Errorf("pack articles: %w", err)
		}
		var page []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.text, &r.layers); err != nil {
				rows.Close()
				return fmt.Errorf("pack articles: %w", err)
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("pack articles: %w", err)
		}
		if len(page) == 0 {
			break
		}
		for _, r := range page {
			sp, err := p.add(ctx, tx, r.text, r.layers)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET text = x'', layers = NULL, pack_off = ?, text_len = ?, layers_len = ? WHERE id = ?`,
				sp.off, sp.text, sp.layers, r.id); err != nil {
				return fmt.Errorf("pack article %d: %w", r.id, err)
			}
		}
		if err := p.flush(ctx, tx); err != nil {
			return err
		}
		last = page[len(page)-1].id
	}
	return nil
}

// UnpackArticles moves the texts and layers of packed articles back into
// their rows (schema v5's down migration).
func UnpackArticles(ctx context.Context, tx *sql.Tx, size int64) error {
	var last int64
	for {
		var ids []int64
		var spans []packSpan
		rows, err := tx.QueryContext(ctx, `SELECT id, pack_off, text_len, layers_len FROM articles WHERE id > ? AND pack_off IS NOT NULL ORDER BY id LIMIT 500`, last)
		if err != nil {
			return fmt.Errorf("unpack articles: %w", err)
		}
		for rows.Next() {
			var id int64
			var sp packSpan
			if err := rows.Scan(&id, &sp.off, &sp.text, &sp.layers); err != nil {
				rows.Close()
				return fmt.Errorf("unpack articles: %w", err)
			}
			ids, spans = append(ids, id), append(spans, sp)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("unpack articles: %w", err)
		}
		if len(ids) == 0 {
			return nil
		}
		for i, id := range ids {
			b, err := readPacksTx(ctx, tx, size, spans[i])
			if err != nil {
				return err
			}
			var layers any
			if spans[i].layers > 0 {
				layers = b[spans[i].text:]
			}
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET text = ?, layers = ?, pack_off = NULL WHERE id = ?`, b[:spans[i].text], layers, id); err != nil {
				return fmt.Errorf("unpack article %d: %w", id, err)
			}
		}
		last = ids[len(ids)-1]
	}
}

// readPacksTx reads one span, text and layers, inside a transaction.
func readPacksTx(ctx context.Context, tx *sql.Tx, size int64, sp packSpan) ([]byte, error) {
	n := int64(sp.text + sp.layers)
	b := make([]byte, 0, n)
	if n == 0 {
		return b, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, data FROM packs WHERE id BETWEEN ? AND ? ORDER BY id`, sp.off/size, (sp.off+n-1)/size)
	if err != nil {
		return nil, fmt.Errorf("read packs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var data []byte
		if err := rows.Scan(&id, &data); err != nil {
			return nil, fmt.Errorf("read packs: %w", err)
		}
		lo := max(sp.off-id*size, 0)
		hi := min(sp.off+n-id*size, int64(len(data)))
		if lo < hi {
			b = append(b, data[lo:hi]...)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read packs: %w", err)
	}
	if int64(len(b)) != n {
		return nil, fmt.Errorf("read packs: %d of %d bytes at %d", len(b), n, sp.off)
	}
	return b, nil
}

// ArticleTextTx returns an article's compressed text inside a transaction
// (migrations), from its row or its packs.
func ArticleTextTx(ctx context.Context, tx *sql.Tx, size, id int64) ([]byte, error) {
	var raw []byte
	var pk packRef
	if err := tx.QueryRowContext(ctx, `SELECT text, pack_off, text_len, layers_len FROM articles WHERE id = ?`, id).Scan(&raw, &pk.off, &pk.text, &pk.layers); err != nil {
		return nil, err
	}
	sp, ok := pk.span()
	if !ok {
		return raw, nil
	}
	sp.layers = 0
	return readPacksTx(ctx, tx, size, sp)
}
