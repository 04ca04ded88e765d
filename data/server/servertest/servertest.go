// Package servertest gives the tests of commands and views a table of
// generated events in each test server that scripts/engines starts, read
// from a file as `chronomap import` reads it, and dropped afterwards.
package servertest

import (
	"context"
	"testing"

	"chronomap/data/clickhouse"
	"chronomap/data/dataset"
	"chronomap/data/engine"
	"chronomap/data/engine/enginetest"
	"chronomap/data/postgres"
	"chronomap/data/server"
)

// Engines are the test servers, each with its engine's password variable.
var Engines = []struct{ Name, PasswordVar string }{{"CLICKHOUSE", "CLICKHOUSE_PASSWORD"}, {"POSTGRES", "PGPASSWORD"}}

// Imported writes enginetest.File(n) and imports it into a fresh table of
// the named test server (on its two-shard cluster for ClickHouse), or
// skips in one line when there is no such server. It returns the table's
// URL, without a password (the password is in the engine's variable), and
// the file's path.
func Imported(t testing.TB, name, passwordVar string, n int) (url, path string) {
	t.Helper()
	a, err := engine.Parse(enginetest.Server(t, name, passwordVar))
	if err != nil {
		t.Fatal(err)
	}
	a.Table = enginetest.TableName("cli")
	path = enginetest.File(t, n)
	ctx := context.Background()
	d, err := dataset.Load(ctx, dataset.File{Path: path}, dataset.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	l, err := engine.NewLoad(d)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { Drop(t, a) })
	if _, err := server.Import(ctx, a, l, nil); err != nil {
		t.Fatal(err)
	}
	return a.String(), path
}

// Drop drops a table and what import and prepare made beside it, on
// every server of the test cluster.
func Drop(t testing.TB, a engine.Address) {
	ctx := context.Background()
	names := []string{a.Table, a.Table + "_local"}
	for _, s := range engine.Suffixes {
		names = append(names, a.Table+s)
	}
	if a.Engine == "postgres" {
		c, err := postgres.Connect(ctx, a)
		if err != nil {
			return
		}
		defer c.Close()
		for _, n := range names {
			c.Exec(ctx, "DROP TABLE IF EXISTS "+postgres.Dialect{}.Quote(n))
		}
		return
	}
	for _, h := range []string{"127.0.0.1:9000", "127.0.0.1:9001"} {
		b := a
		b.Host = h
		c, err := clickhouse.Connect(ctx, b)
		if err != nil {
			continue
		}
		for _, n := range names {
			c.Exec(ctx, "DROP TABLE IF EXISTS "+clickhouse.Dialect{}.Quote(n))
		}
		c.Close()
	}
}
