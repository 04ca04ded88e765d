package postgres

import (
	"context"
	"fmt"

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

// postgisTables are the catalog tables and views PostGIS adds to a
// database: not events.
var postgisTables = []string{"spatial_ref_sys", "geometry_columns", "geography_columns", "raster_columns", "raster_overviews"}

// Tables lists the tables, views and materialized views on the search
// path of the connection's database, to choose one from (see
// engine.Browsable); the columns are read by name, as the search path
// finds it.
func (c *Conn) Tables(ctx context.Context) ([]string, error) {
	rows, err := c.db.Query(ctx, `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND pg_table_is_visible(c.oid)
		AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND NOT c.relname = ANY($1)`, postgisTables)
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
