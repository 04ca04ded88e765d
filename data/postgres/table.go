package postgres

import (
	"context"
	"fmt"

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
	if a.Engine != "postgres" {
		return nil, fmt.Errorf("%s is not a PostgreSQL URL", a)
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

// columns reads the table's (or view's) columns from the catalog, in
// order.
func (c *Conn) columns(ctx context.Context) ([]engine.Column, error) {
	rows, err := c.db.Query(ctx, `SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typname
		FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
		WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`, Dialect{}.Quote(c.addr.Table))
	if err != nil {
		return nil, c.Explain(err)
	}
	defer rows.Close()
	var cols []engine.Column
	for rows.Next() {
		var col engine.Column
		var typname string
		if err := rows.Scan(&col.Name, &col.Type, &typname); err != nil {
			return nil, c.Explain(err)
		}
		col.Kind = kind(typname)
		cols = append(cols, col)
	}
	if err := rows.Err(); err != nil {
		return nil, c.Explain(err)
	}
	if len(cols) == 0 {
		return nil, engine.Errorf(c.addr, nil, "database %q has no table %q", c.addr.Database, c.addr.Table)
	}
	return cols, nil
}

// kind tells what a PostgreSQL type, by its pg_type name, holds.
func kind(typname string) engine.Kind {
	switch typname {
	case "text", "varchar", "bpchar", "name", "citext", "uuid", "char":
		return engine.Text
	case "int2", "int4", "int8":
		return engine.Integer
	case "float4", "float8", "numeric":
		return engine.Number
	case "date":
		return engine.Date
	case "timestamp", "timestamptz":
		return engine.Time
	case "geometry", "geography":
		return engine.Point
	case "bool":
		return engine.Bool
	}
	return engine.Other
}
