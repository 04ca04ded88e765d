package clickhouse

import (
	"context"
	"fmt"
	"strings"

	"chronomap/data/engine"
	"chronomap/data/events"
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
	s, err := c.Source(ctx, nil)
	if err != nil {
		c.Close()
		return nil, err
	}
	return s, nil
}

// Source describes the connection's table, its columns playing the
// roles given (nil: those detected).
func (c *Conn) Source(ctx context.Context, roles *events.Mapping) (*engine.Source, error) {
	cols, err := c.columns(ctx)
	if err != nil {
		return nil, err
	}
	return engine.NewSource(ctx, c, Dialect{}, c.addr, cols, roles)
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

// Tables lists the tables and views of the connection's database, to
// choose one from (see engine.Browsable).
func (c *Conn) Tables(ctx context.Context) ([]string, error) {
	rows, err := c.db.Query(ctx, "SELECT name FROM system.tables WHERE database = $1", c.addr.Database)
	if err != nil {
		return nil, c.Explain(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, c.Explain(err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		return nil, c.Explain(err)
	}
	return engine.Browsable(names), nil
}
