package engine

import (
	"context"
	"fmt"
	"strings"
)

// sampleRows is how many rows role detection reads, as it reads a file's.
const sampleRows = 1000

// NewSource describes the table a connection's address names, whose
// columns the engine's catalog gave: it reads the first rows as text to
// detect the columns' roles, and looks for the table's rollups. It is
// the one way either engine's package makes a Source.
func NewSource(ctx context.Context, c Conn, d Dialect, a Address, cols []Column) (*Source, error) {
	sample, err := sample(ctx, c, d, a, cols)
	if err != nil {
		return nil, err
	}
	t, err := Describe(ctx, d, a, cols, sample)
	if err != nil {
		return nil, err
	}
	s := &Source{Conn: c, Table: t}
	if s.Rollups, err = FindRollups(ctx, s); err != nil {
		return nil, err
	}
	return s, nil
}

// sample reads the first rows of the table, every value as text.
func sample(ctx context.Context, c Conn, d Dialect, a Address, cols []Column) ([][]string, error) {
	sel := make([]string, len(cols))
	for i, col := range cols {
		sel[i] = d.Text(d.Quote(col.Name), col.Kind)
	}
	rows, err := c.Query(ctx, fmt.Sprintf("SELECT %s FROM %s LIMIT %d", strings.Join(sel, ", "), d.Quote(a.Table), sampleRows))
	if err != nil {
		return nil, c.Explain(err)
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		row := make([]string, len(cols))
		dest := make([]any, len(cols))
		for i := range row {
			dest[i] = &row[i]
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, c.Explain(err)
		}
		out = append(out, row)
	}
	return out, c.Explain(rows.Err())
}
