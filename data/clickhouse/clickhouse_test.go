package clickhouse

import (
	"context"
	"testing"

	"chronomap/data/engine"
	"chronomap/data/engine/enginetest"
)

// server returns the test server's address with a fresh table name, on
// the two-shard cluster when cluster, and drops the tables afterwards.
func server(t *testing.T, prefix string, cluster bool) engine.Address {
	t.Helper()
	a, err := engine.Parse(enginetest.Server(t, "CLICKHOUSE", "CLICKHOUSE_PASSWORD"))
	if err != nil {
		t.Fatal(err)
	}
	if !cluster {
		a.Cluster = ""
	}
	a.Table = enginetest.TableName(prefix)
	t.Cleanup(func() {
		for _, port := range []string{"9000", "9001"} {
			b := a
			b.Host = "127.0.0.1:" + port
			c, err := Connect(context.Background(), b)
			if err != nil {
				continue
			}
			for _, name := range []string{a.Table, a.Table + "_local"} {
				c.Exec(context.Background(), "DROP TABLE IF EXISTS "+Dialect{}.Quote(name))
			}
			c.Close()
		}
	})
	return a
}

func TestAgreesWithMemory(t *testing.T) {
	d := enginetest.Dataset(t, 20_000)
	l, err := engine.NewLoad(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, cluster := range []bool{false, true} {
		name := "one server"
		if cluster {
			name = "two shards"
		}
		t.Run(name, func(t *testing.T) {
			a := server(t, "agree", cluster)
			ctx := context.Background()
			made, err := Import(ctx, a, l, nil)
			if err != nil {
				t.Fatal(err)
			}
			if made.Rows != l.Rows() {
				t.Fatalf("wrote %d rows, want %d", made.Rows, l.Rows())
			}
			src, err := Open(ctx, a.String())
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			if !src.Table.Imported {
				t.Fatalf("the imported table is not recognised as such: columns %v", src.Table.Columns)
			}
			enginetest.Agree(t, src, engine.Memory{D: d})
		})
	}
}
