package clickhouse

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"chronomap/data/dataset"
	"chronomap/data/events"

	"chronomap/data/engine"
	"chronomap/data/engine/enginetest"
)

// server returns the test server's address with a fresh table name, on
// the two-shard cluster when cluster, and drops the tables afterwards.
func server(t *testing.T, prefix string, cluster bool) engine.Address {
	t.Helper()
	return serverTB(t, prefix, cluster)
}

// benchServer is server for benchmarks, on one server.
func benchServer(b *testing.B, prefix string) engine.Address { return serverTB(b, prefix, false) }

func serverTB(t testing.TB, prefix string, cluster bool) engine.Address {
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
			for _, suffix := range append([]string{"", "_local"}, engine.Suffixes...) {
				c.Exec(context.Background(), "DROP TABLE IF EXISTS "+Dialect{}.Quote(a.Table+suffix))
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
			enginetest.AgreePrepared(t, src, engine.Memory{D: d}, Dialect{})
		})
	}
}

func TestHostileNamesStayNames(t *testing.T) {
	a := server(t, "unused", false)
	a.Table = enginetest.HostileTable
	ctx := context.Background()
	c, err := Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	canary := enginetest.TableName("canary")
	if err := c.Exec(ctx, "CREATE TABLE "+Dialect{}.Quote(canary)+" (x UInt8) ENGINE = Memory"); err != nil {
		t.Fatal(err)
	}
	defer c.Exec(ctx, "DROP TABLE IF EXISTS "+Dialect{}.Quote(canary))
	defer c.Exec(ctx, "DROP TABLE IF EXISTS "+Dialect{}.Quote(a.Table))
	d := enginetest.HostileDataset(t, 3000)
	l, err := engine.NewLoad(d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import(ctx, a, l, nil); err != nil {
		t.Fatal(err)
	}
	src, err := Open(ctx, a.String())
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	enginetest.Agree(t, src, engine.Memory{D: d})
	// A filter's values are values too.
	hostile := dataset.Filter{Query: `'); DROP TABLE canary; -- \ $1 ? %_`, HiddenCategories: []string{`' OR 1=1 --`}, Actors: []string{`x' OR '1'='1`}}
	if l, err := src.Legend(ctx, hostile); err != nil || l.Kept != 0 {
		t.Errorf("hostile filter: %+v, %v", l, err)
	}
	if _, err := c.columnsOf(ctx, canary); err != nil {
		t.Errorf("the canary table is gone: %v", err)
	}
}

func TestFaultsAreOneSentence(t *testing.T) {
	a := server(t, "faults", false)
	ctx := context.Background()
	password := os.Getenv("CLICKHOUSE_PASSWORD")
	c, err := Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	t.Run("server down", func(t *testing.T) {
		b := a
		b.Host = "127.0.0.1:1"
		_, err := Open(ctx, b.String())
		enginetest.OneSentence(t, err, "no ClickHouse server answers at 127.0.0.1:1", password)
	})
	t.Run("wrong password", func(t *testing.T) {
		t.Setenv("CLICKHOUSE_PASSWORD", "wrong-"+password)
		_, err := Open(ctx, a.String())
		enginetest.OneSentence(t, err, `refused user "chronomap"`, password, "wrong-"+password)
	})
	t.Run("password in the URL", func(t *testing.T) {
		u := strings.Replace(a.String(), "chronomap@", "chronomap:s3cr%21t@", 1)
		_, err := Open(ctx, u)
		enginetest.OneSentence(t, err, `refused user "chronomap"`, "s3cr!t", "s3cr%21t")
	})
	t.Run("missing table", func(t *testing.T) {
		_, err := Open(ctx, a.WithTable("no_such_table").String())
		enginetest.OneSentence(t, err, `has no table "no_such_table"`, password)
	})
	t.Run("time as text", func(t *testing.T) {
		name := a.Table + "_text"
		if err := c.Exec(ctx, "CREATE TABLE "+Dialect{}.Quote(name)+" (date String, lat Float64, lon Float64) ENGINE = Memory"); err != nil {
			t.Fatal(err)
		}
		defer c.Exec(ctx, "DROP TABLE "+Dialect{}.Quote(name))
		if err := c.Exec(ctx, "INSERT INTO "+Dialect{}.Quote(name)+" SELECT '2020-03-01', 1, 2"); err != nil {
			t.Fatal(err)
		}
		_, err := Open(ctx, a.WithTable(name).String())
		enginetest.OneSentence(t, err, `column "date" holds text (String)`, password)
	})

	// A table too big to count in time: ten billion generated events.
	slow := a.Table + "_slow"
	if err := c.Exec(ctx, "CREATE VIEW "+Dialect{}.Quote(slow)+` AS SELECT toDateTime(number % 1000000000) AS event_date, toString(number % 7) AS event_type FROM system.numbers LIMIT 10000000000`); err != nil {
		t.Fatal(err)
	}
	defer c.Exec(ctx, "DROP TABLE "+Dialect{}.Quote(slow))
	src, err := Open(ctx, a.WithTable(slow).String())
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if got := src.Table.Mapping.Get(events.Start); len(got) != 1 || got[0] != "event_date" {
		t.Fatalf("start is %v, want the DateTime column", got)
	}
	t.Run("time limit", func(t *testing.T) {
		tctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := src.Legend(tctx, dataset.Filter{})
		enginetest.OneSentence(t, err, "ran past its time limit", password)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%v is not a deadline", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("stopped after %v", d)
		}
		waitStopped(t, c, slow)
	})
	t.Run("cancel", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() {
			_, err := src.Histogram(cctx, dataset.Filter{}, engine.Bins{From: 0, Width: 86400, N: 800})
			done <- err
		}()
		waitRunning(t, c, slow)
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("a cancelled query gave %v, want context.Canceled", err)
		}
		waitStopped(t, c, slow)
	})
}

// running counts the server's queries that read the named table.
func running(t *testing.T, c *Conn, table string) int64 {
	var n int64
	rows, err := c.Query(context.Background(), "SELECT toInt64(count()) FROM system.processes WHERE position(query, $1) > 0 AND position(query, 'system.processes') = 0", table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		rows.Scan(&n)
	}
	return n
}

func waitRunning(t *testing.T, c *Conn, table string) {
	for deadline := time.Now().Add(10 * time.Second); running(t, c, table) == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the query never started")
		}
	}
}

func waitStopped(t *testing.T, c *Conn, table string) {
	for deadline := time.Now().Add(10 * time.Second); running(t, c, table) > 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the server still runs the query 10 s after it was given up")
		}
	}
}

// TestTypedTable reads a table that import did not write: a Date column
// and coordinates as numbers, found by their names and types, answer as
// the file does in memory.
func TestTypedTable(t *testing.T) {
	a := server(t, "typed", false)
	ctx := context.Background()
	d := enginetest.Dataset(t, 10_000)
	l, err := engine.NewLoad(d)
	if err != nil {
		t.Fatal(err)
	}
	staged := a.WithTable(a.Table + "_local") // dropped with the test's tables
	if _, err := Import(ctx, staged, l, nil); err != nil {
		t.Fatal(err)
	}
	c, err := Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	q := Dialect{}.Quote
	// Every event of the file is of a day: a Date column holds it whole.
	if err := c.Exec(ctx, "CREATE TABLE "+q(a.Table)+` ENGINE = MergeTree ORDER BY tuple() AS SELECT "event_id_cnty" AS ident,
		toDate(toDateTime(chronomap_start)) AS day, event_type AS type, actor1, actor2, chronomap_lat AS latitude, chronomap_lon AS longitude FROM `+q(staged.Table)); err != nil {
		t.Fatal(err)
	}
	src, err := Open(ctx, a.String())
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	m := src.Table.Mapping
	if src.Table.Imported || !slices.Equal(m.Get(events.Start), []string{"day"}) || !slices.Equal(m.Get(events.Lat), []string{"latitude"}) || !slices.Equal(m.Get(events.Category), []string{"type"}) {
		t.Fatalf("roles %v (imported %v)", m.Columns, src.Table.Imported)
	}
	enginetest.AgreeOn(t, src, engine.Memory{D: d}, []string{"none", "window", "hidden", "actors", "located", "box", "antimeridian"}, false)
}
