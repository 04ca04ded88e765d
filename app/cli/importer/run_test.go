package importer

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"chronomap/app/cli/prepare"
	"chronomap/data/dataset"
	"chronomap/data/engine"
	"chronomap/data/engine/enginetest"
	"chronomap/data/server"
)

func TestWrongCommandLines(t *testing.T) {
	for _, argv := range [][]string{{}, {"x.csv"}, {"--into", "postgres://h/db?table=t"}, {"x.csv", "--into", "mysql://h/db?table=t"}, {"x.csv", "--into", "postgres://h/db"}} {
		var out, errb bytes.Buffer
		if code := Run(argv, &out, &errb); code != 2 {
			t.Errorf("%q: exit %d, want 2", argv, code)
		}
		if errb.Len() == 0 {
			t.Errorf("%q: nothing said", argv)
		}
	}
}

// TestImportThenPrepare imports a generated file into each engine, as a
// person would, prepares it, and reads the table back.
func TestImportThenPrepare(t *testing.T) {
	for _, e := range []struct{ name, passwordVar string }{{"CLICKHOUSE", "CLICKHOUSE_PASSWORD"}, {"POSTGRES", "PGPASSWORD"}} {
		t.Run(e.name, func(t *testing.T) {
			a, err := engine.Parse(enginetest.Server(t, e.name, e.passwordVar))
			if err != nil {
				t.Fatal(err)
			}
			a.Table = enginetest.TableName("cli")
			path := enginetest.File(t, 5000)
			var out, errb bytes.Buffer
			if code := Run([]string{path, "--into", a.String()}, &out, &errb); code != 0 {
				t.Fatalf("import: exit %d: %s", code, errb.String())
			}
			src, err := server.Open(context.Background(), a.String())
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			defer func() {
				for _, suffix := range append([]string{"", "_local"}, engine.Suffixes...) {
					src.Conn.Exec(context.Background(), "DROP TABLE IF EXISTS "+src.Table.Dialect().Quote(a.Table+suffix))
				}
			}()
			if !strings.Contains(out.String(), "5000 rows") || !strings.Contains(out.String(), "created") {
				t.Errorf("import said %q", out.String())
			}
			d := enginetest.Dataset(t, 5000)
			l, err := src.Legend(context.Background(), dataset.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			if l.All != int64(d.Len()) || l.Located != int64(d.Index.Located) {
				t.Errorf("the table has %d events, %d located; the file %d, %d", l.All, l.Located, d.Len(), d.Index.Located)
			}
			out.Reset()
			if code := prepare.Run([]string{a.String()}, &out, &errb); code != 0 {
				t.Fatalf("prepare: exit %d: %s", code, errb.String())
			}
			for _, want := range append([]string{"zoom levels 0 to 10"}, engine.Suffixes...) {
				if !strings.Contains(out.String(), want) {
					t.Errorf("prepare said %q, without %q", out.String(), want)
				}
			}
			errb.Reset()
			if code := prepare.Run([]string{a.WithTable("no_such_table").String()}, &out, &errb); code != 1 || !strings.Contains(errb.String(), `no table "no_such_table"`) {
				t.Errorf("prepare of a missing table: exit %d, %q", code, errb.String())
			}
		})
	}
}
