package postgres

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

// server returns the test server's address with a fresh table name, and
// drops the table afterwards.
func server(t *testing.T, prefix string) engine.Address {
	t.Helper()
	return serverTB(t, prefix)
}

func serverTB(t testing.TB, prefix string) engine.Address {
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
		for _, suffix := range append([]string{""}, engine.Suffixes...) {
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
	enginetest.AgreePrepared(t, src, engine.Memory{D: d}, Dialect{})
}

func TestHostileNamesStayNames(t *testing.T) {
	a := server(t, "unused")
	a.Table = enginetest.HostileTable
	ctx := context.Background()
	c, err := Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	canary := enginetest.TableName("canary")
	if err := c.Exec(ctx, "CREATE TABLE "+Dialect{}.Quote(canary)+" (x int)"); err != nil {
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
	hostile := dataset.Filter{Query: `'); DROP TABLE canary; -- \ $1 ? %_`, HiddenCategories: []string{`' OR 1=1 --`}, Actors: []string{`x' OR '1'='1`}}
	if l, err := src.Legend(ctx, hostile); err != nil || l.Kept != 0 {
		t.Errorf("hostile filter: %+v, %v", l, err)
	}
	b := a
	b.Table = canary
	c2 := &Conn{addr: b, db: c.db}
	if _, err := c2.columns(ctx); err != nil {
		t.Errorf("the canary table is gone: %v", err)
	}
}

func TestFaultsAreOneSentence(t *testing.T) {
	a := server(t, "faults")
	ctx := context.Background()
	password := os.Getenv("PGPASSWORD")
	c, err := Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	t.Run("server down", func(t *testing.T) {
		b := a
		b.Host = "127.0.0.1:1"
		_, err := Open(ctx, b.String())
		enginetest.OneSentence(t, err, "no PostgreSQL server answers at 127.0.0.1:1", password)
	})
	t.Run("wrong password", func(t *testing.T) {
		t.Setenv("PGPASSWORD", "wrong-"+password)
		_, err := Open(ctx, a.String())
		enginetest.OneSentence(t, err, `refused user "chronomap"`, password, "wrong-"+password)
	})
	t.Run("password in the URL", func(t *testing.T) {
		u := strings.Replace(a.String(), "chronomap@", "chronomap:s3cr%21t@", 1)
		_, err := Open(ctx, u)
		enginetest.OneSentence(t, err, `refused user "chronomap"`, "s3cr!t", "s3cr%21t")
	})
	t.Run("password file", func(t *testing.T) {
		host, port, _ := strings.Cut(a.Host, ":")
		pass := t.TempDir() + "/pgpass"
		if err := os.WriteFile(pass, []byte(host+":"+port+":*:chronomap:"+password+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		t.Setenv("PGPASSWORD", "")
		t.Setenv("PGPASSFILE", pass)
		if _, err := Open(ctx, a.WithTable("no_such_table").String()); err == nil || strings.Contains(err.Error(), "refused") {
			t.Errorf("with the password file: %v, want the missing table", err)
		}
	})
	t.Run("missing table", func(t *testing.T) {
		_, err := Open(ctx, a.WithTable("no_such_table").String())
		enginetest.OneSentence(t, err, `has no table "no_such_table"`, password)
	})
	t.Run("time as text", func(t *testing.T) {
		name := a.Table + "_text"
		if err := c.Exec(ctx, "CREATE TABLE "+Dialect{}.Quote(name)+" AS SELECT '2020-03-01'::text AS date, 1.0::float8 AS lat, 2.0::float8 AS lon"); err != nil {
			t.Fatal(err)
		}
		defer c.Exec(ctx, "DROP TABLE "+Dialect{}.Quote(name))
		_, err := Open(ctx, a.WithTable(name).String())
		enginetest.OneSentence(t, err, `column "date" holds text (text)`, password)
	})

	// A view too big to count in time: ten billion generated events, made
	// as they are read (a function scan holds its rows: a hundred thousand
	// each).
	slow := a.Table + "_slow"
	if err := c.Exec(ctx, "CREATE VIEW "+Dialect{}.Quote(slow)+` AS SELECT to_timestamp(a * 100000 + b) AS event_date, ((a + b) % 7)::text AS event_type
		FROM generate_series(1, 100000) AS a, generate_series(1, 100000) AS b`); err != nil {
		t.Fatal(err)
	}
	defer c.Exec(ctx, "DROP VIEW "+Dialect{}.Quote(slow))
	src, err := Open(ctx, a.WithTable(slow).String())
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if got := src.Table.Mapping.Get(events.Start); len(got) != 1 || got[0] != "event_date" {
		t.Fatalf("start is %v, want the timestamptz column", got)
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
		waitStopped(t, c)
	})
	t.Run("cancel", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() {
			_, err := src.Histogram(cctx, dataset.Filter{}, engine.Bins{From: 0, Width: 86400, N: 800})
			done <- err
		}()
		for deadline := time.Now().Add(10 * time.Second); running(t, c) == 0; time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("the query never started")
			}
		}
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("a cancelled query gave %v, want context.Canceled", err)
		}
		waitStopped(t, c)
	})
}

// running counts the server's active queries of Chronomap but this one.
func running(t *testing.T, c *Conn) int64 {
	var n int64
	err := c.db.QueryRow(context.Background(), `SELECT count(*) FROM pg_stat_activity
		WHERE application_name = 'chronomap' AND state = 'active' AND pid <> pg_backend_pid()`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func waitStopped(t *testing.T, c *Conn) {
	for deadline := time.Now().Add(10 * time.Second); running(t, c) > 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the server still runs the query 10 s after it was given up")
		}
	}
}

// TestTypedTableWithGeometry reads a table that import did not write:
// a date column and a PostGIS point, found by their types, answer as
// the file does in memory.
func TestTypedTableWithGeometry(t *testing.T) {
	a := server(t, "typed")
	ctx := context.Background()
	c, err := Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var postgis bool
	if err := c.db.QueryRow(ctx, "SELECT count(*) > 0 FROM pg_extension WHERE extname = 'postgis'").Scan(&postgis); err != nil || !postgis {
		t.Skip("no PostGIS in the test database")
	}
	d := enginetest.Dataset(t, 10_000)
	l, err := engine.NewLoad(d)
	if err != nil {
		t.Fatal(err)
	}
	staged := a.WithTable(a.Table + "_staged")
	if _, err := Import(ctx, staged, l, nil); err != nil {
		t.Fatal(err)
	}
	q := Dialect{}.Quote
	defer c.Exec(ctx, "DROP TABLE IF EXISTS "+q(staged.Table))
	// Every event of the file is of a day: a date column holds it whole.
	if err := c.Exec(ctx, "CREATE TABLE "+q(a.Table)+` AS SELECT "event_id_cnty" AS ident,
		(DATE '1970-01-01' + (chronomap_start / 86400)::int) AS "when", event_type AS kind, actor1, actor2,
		ST_SetSRID(ST_MakePoint(chronomap_lon, chronomap_lat), 4326) AS geom FROM `+q(staged.Table)); err != nil {
		t.Fatal(err)
	}
	src, err := Open(ctx, a.String())
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	m := src.Table.Mapping
	if src.Table.Imported || !slices.Equal(m.Get(events.Start), []string{"when"}) || !slices.Equal(m.Get(events.Coords), []string{"geom"}) || !slices.Equal(m.Get(events.Category), []string{"kind"}) {
		t.Fatalf("roles %v (imported %v)", m.Columns, src.Table.Imported)
	}
	enginetest.AgreeOn(t, src, engine.Memory{D: d}, []string{"none", "window", "hidden", "actors", "located", "box", "antimeridian"}, false)
}
