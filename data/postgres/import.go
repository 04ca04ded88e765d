package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"chronomap/data/engine"
)

// chunkRows is how many rows one COPY sends: small enough to show
// progress.
const chunkRows = 100_000

// Created says what an import made.
type Created struct {
	Tables []string // the tables and indexes created
	Rows   int      // rows written
}

// sqlType is the PostgreSQL type a column is written as.
func sqlType(c engine.Column) string {
	switch c.Kind {
	case engine.Integer:
		return "bigint"
	case engine.Number:
		return "double precision"
	}
	return "text"
}

// Import writes the load into the table the address names with COPY,
// creating it (with an index on the events' start) when it is not there,
// or adding to it when it has the same columns. progress, when not nil,
// hears how many rows are written.
func Import(ctx context.Context, a engine.Address, l *engine.Load, progress func(done, total int)) (Created, error) {
	if a.Table == "" {
		return Created{}, fmt.Errorf("%s names no table to import into: add ?table=NAME", a)
	}
	c, err := Connect(ctx, a)
	if err != nil {
		return Created{}, err
	}
	defer c.Close()
	d := Dialect{}
	names := make([]string, len(l.Columns))
	defs := make([]string, len(l.Columns))
	for i, col := range l.Columns {
		names[i] = col.Name
		defs[i] = d.Quote(col.Name) + " " + sqlType(col)
	}
	var made Created
	have, err := c.columns(ctx)
	switch {
	case err == nil:
		var got, want []string
		for i, h := range have {
			got = append(got, h.Name+" "+h.Type)
			if i < len(l.Columns) {
				want = append(want, l.Columns[i].Name+" "+sqlType(l.Columns[i]))
			}
		}
		if !slices.Equal(got, want) {
			return Created{}, engine.Errorf(c.addr, nil, "table %q is there with other columns than the file's; name a new table with ?table=", a.Table)
		}
	default:
		if err := c.Exec(ctx, fmt.Sprintf("CREATE TABLE %s (%s)", d.Quote(a.Table), strings.Join(defs, ", "))); err != nil {
			return Created{}, c.explain(ctx, err)
		}
		made.Tables = append(made.Tables, fmt.Sprintf("table %s in database %s", a.Table, a.Database))
	}
	total := l.Rows()
	for lo := 0; lo < total; lo += chunkRows {
		hi := min(lo+chunkRows, total)
		src := &chunk{cols: l.Chunk(lo, hi), n: hi - lo, row: -1}
		if _, err := c.db.CopyFrom(ctx, pgx.Identifier{a.Table}, names, src); err != nil {
			return made, c.explain(ctx, err)
		}
		made.Rows = hi
		if progress != nil {
			progress(hi, total)
		}
	}
	if len(made.Tables) > 0 {
		idx := a.Table + "_chronomap_start"
		if err := c.Exec(ctx, fmt.Sprintf("CREATE INDEX %s ON %s (%s, %s)", d.Quote(idx), d.Quote(a.Table), d.Quote(engine.StartColumn), d.Quote(engine.RowColumn))); err != nil {
			return made, c.explain(ctx, err)
		}
		made.Tables = append(made.Tables, "index "+idx)
	}
	if err := c.Exec(ctx, "ANALYZE "+d.Quote(a.Table)); err != nil {
		return made, c.explain(ctx, err)
	}
	return made, nil
}

func (c *Conn) explain(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return c.Explain(err)
}

// chunk hands COPY a chunk's rows, one at a time.
type chunk struct {
	cols []any
	n    int
	row  int
	vals []any
}

func (c *chunk) Next() bool { c.row++; return c.row < c.n }
func (c *chunk) Err() error { return nil }
func (c *chunk) Values() ([]any, error) {
	if c.vals == nil {
		c.vals = make([]any, len(c.cols))
	}
	for i, col := range c.cols {
		switch v := col.(type) {
		case []string:
			c.vals[i] = v[c.row]
		case []*int64:
			c.vals[i] = v[c.row]
		case []*float64:
			c.vals[i] = v[c.row]
		case []uint32:
			c.vals[i] = int64(v[c.row])
		default:
			return nil, fmt.Errorf("internal: a column of %T", col)
		}
	}
	return c.vals, nil
}
