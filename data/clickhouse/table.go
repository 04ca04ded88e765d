package clickhouse

import (
	"context"
	"fmt"
	"strings"

	"chronomap/data/engine"
)

// Open connects to the table an address names and describes it: the
// source the views ask. Its errors are one sentence each, without the
// password.
func Open(ctx context.Context, raw string) (*engine.Source, error) {
	a, err := engine.Parse(raw)
	if err != nil {
		return nil, err
	}
	if a.Engine != "clickhouse" {
		return nil, fmt.Errorf("%s is not a ClickHouse URL", a)
	}
	if a.Table == "" {
		return nil, fmt.Errorf("%s names no table: add ?table=NAME", a)
	}
	c, err := Connect(ctx, a)
	if err != nil {
		return nil, err
	}
	s, err := c.Source(ctx)
	if err != nil {
		c.Close()
		return nil, err
	}
	return s, nil
}

// Source describes the connection's table.
func (c *Conn) Source(ctx context.Context) (*engine.Source, error) {
	cols, err := c.columns(ctx)
	if err != nil {
		return nil, err
	}
	return engine.NewSource(ctx, c, Dialect{}, c.addr, cols)
}

// columns reads the table's columns from the catalog, in order.
func (c *Conn) columns(ctx context.Context) ([]engine.Column, error) {
	return c.columnsOf(ctx, c.addr.Table)
}

// columnsOf reads a table's columns from the catalog, in order.
func (c *Conn) columnsOf(ctx context.Context, table string) ([]engine.Column, error) {
	rows, err := c.db.Query(ctx, "SELECT name, type FROM system.columns WHERE database = $1 AND table = $2", c.addr.Database, table)
	if err != nil {
		return nil, c.Explain(err)
	}
	defer rows.Close()
	var cols []engine.Column
	for rows.Next() {
		var col engine.Column
		if err := rows.Scan(&col.Name, &col.Type); err != nil {
			return nil, c.Explain(err)
		}
		col.Kind = kind(col.Type)
		cols = append(cols, col)
	}
	if err := rows.Err(); err != nil {
		return nil, c.Explain(err)
	}
	if len(cols) == 0 {
		return nil, engine.Errorf(c.addr.WithTable(table), nil, "database %q has no table %q", c.addr.Database, table)
	}
	return cols, nil
}

// kind tells what a ClickHouse type holds.
func kind(typ string) engine.Kind {
	t := typ
	for _, wrap := range []string{"Nullable(", "LowCardinality("} {
		for strings.HasPrefix(t, wrap) {
			t = strings.TrimSuffix(strings.TrimPrefix(t, wrap), ")")
		}
	}
	switch {
	case t == "String", strings.HasPrefix(t, "FixedString"), strings.HasPrefix(t, "Enum"), t == "UUID":
		return engine.Text
	case strings.HasPrefix(t, "Int"), strings.HasPrefix(t, "UInt"):
		return engine.Integer
	case strings.HasPrefix(t, "Float"), strings.HasPrefix(t, "Decimal"):
		return engine.Number
	case t == "Date":
		return engine.Date
	case strings.HasPrefix(t, "DateTime"):
		return engine.Time
	}
	return engine.Other
}
