// Package server reaches the database server a URL names, whichever
// engine it runs: the one place that knows both data/clickhouse and
// data/postgres, so that the command line (and next the window) open,
// load and prepare engine tables without telling them apart.
package server

import (
	"context"
	"fmt"

	"chronomap/data/clickhouse"
	"chronomap/data/engine"
	"chronomap/data/events"
	"chronomap/data/postgres"
)

// Open connects to the table a URL names and describes it.
func Open(ctx context.Context, url string) (*engine.Source, error) {
	a, err := engine.Parse(url)
	if err != nil {
		return nil, err
	}
	return OpenAt(ctx, a, nil)
}

// OpenAt connects to the table an address names, with the address's
// password when it has one (else the engine's environment or password
// file), and describes it, its columns playing the roles given (nil:
// those detected).
func OpenAt(ctx context.Context, a engine.Address, roles *events.Mapping) (*engine.Source, error) {
	if a.Table == "" {
		return nil, fmt.Errorf("%s names no table: add ?table=NAME", a)
	}
	c, err := connect(ctx, a)
	if err != nil {
		return nil, err
	}
	s, err := c.Source(ctx, roles)
	if err != nil {
		c.Close()
		return nil, err
	}
	return s, nil
}

// Tables connects to the database an address names, as OpenAt does, and
// lists the tables and views in it that could be browsed: the Connect
// dialog's test and its table picker.
func Tables(ctx context.Context, a engine.Address) ([]string, error) {
	c, err := connect(ctx, a)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.Tables(ctx)
}

// conn is what both engines' connections do for this package.
type conn interface {
	Source(context.Context, *events.Mapping) (*engine.Source, error)
	Tables(context.Context) ([]string, error)
	Close() error
}

// connect connects to the server an address names.
func connect(ctx context.Context, a engine.Address) (conn, error) {
	switch a.Engine {
	case "clickhouse":
		c, err := clickhouse.Connect(ctx, a)
		if err != nil {
			return nil, err
		}
		return c, nil
	case "postgres":
		c, err := postgres.Connect(ctx, a)
		if err != nil {
			return nil, err
		}
		return c, nil
	}
	return nil, fmt.Errorf("%s: no engine %q", a, a.Engine)
}

// Import writes a dataset into the table an address names, telling
// progress how many rows are written, and returns what it created.
func Import(ctx context.Context, a engine.Address, l *engine.Load, progress func(done, total int)) ([]string, error) {
	if a.Engine == "clickhouse" {
		made, err := clickhouse.Import(ctx, a, l, progress)
		return made.Tables, err
	}
	made, err := postgres.Import(ctx, a, l, progress)
	return made.Tables, err
}

// Prepare builds the rollups of the source's table, up to a zoom level,
// and returns what it made.
func Prepare(ctx context.Context, s *engine.Source, maxZoom int) ([]string, error) {
	switch s.Table.Address.Engine {
	case "clickhouse":
		return engine.Prepare(ctx, s, clickhouse.Dialect{}, maxZoom)
	case "postgres":
		return engine.Prepare(ctx, s, postgres.Dialect{}, maxZoom)
	}
	return nil, fmt.Errorf("%s: no engine %q", s.Name(), s.Table.Address.Engine)
}
