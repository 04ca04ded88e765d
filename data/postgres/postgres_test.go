package postgres

import (
	"context"
	"testing"

	"chronomap/data/engine"
	"chronomap/data/engine/enginetest"
)

// server returns the test server's address with a fresh table name, and
// drops the table afterwards.
func server(t *testing.T, prefix string) engine.Address {
	t.Helper()
	a, err := engine.Parse(enginetest.Server(t, "POSTGRES", "PGPASSWORD"))
	if err != nil {
		t.Fatal(err)
	}
	a.Table = enginetest.TableName(prefix)
	t.Cleanup(func() {
		c, err := Connect(context.Background(), a)
		if err != nil {
			return
		}
		defer c.Close()
		for _, suffix := range []string{"", "_chronomap_days", "_chronomap_tiles", "_chronomap_rollup"} {
			c.Exec(context.Background(), "DROP TABLE IF EXISTS "+Dialect{}.Quote(a.Table+suffix))
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
	a := server(t, "agree")
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
}
