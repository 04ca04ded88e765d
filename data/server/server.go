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
	"chronomap/data/postgres"
)

// Open connects to the table a URL names and describes it.
func Open(ctx context.Context, url string) (*engine.Source, error) {
	a, err := engine.Parse(url)
	if err != nil {
		return nil, err
	}
	if a.Engine == "clickhouse" {
		return clickhouse.Open(ctx, url)
	}
	return postgres.Open(ctx, url)
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
