package server_test

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"chronomap/data/dataset"
	"chronomap/data/engine"
	"chronomap/data/events"
	"chronomap/data/server"
	"chronomap/data/server/servertest"
)

// TestTablesAndRoles lists each test server's tables, finds a table
// imported there and not its rollups or shards, and opens it with roles
// chosen by hand in place of those detected.
func TestTablesAndRoles(t *testing.T) {
	for _, e := range servertest.Engines {
		t.Run(e.Name, func(t *testing.T) {
			url, _ := servertest.Imported(t, e.Name, e.PasswordVar, 300)
			a, err := engine.Parse(url)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			src, err := server.OpenAt(ctx, a, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := server.Prepare(ctx, src, 4); err != nil {
				t.Fatal(err)
			}
			detected := src.Table.Mapping
			src.Close()
			names, err := server.Tables(ctx, a.WithTable(""))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(names, a.Table) {
				t.Fatalf("tables %v lack %q", names, a.Table)
			}
			for _, n := range names {
				if strings.HasPrefix(n, a.Table) && n != a.Table {
					t.Errorf("tables list %q beside %q", n, a.Table)
				}
			}
			if len(detected.Get(events.Category)) == 0 || src.Table.Sample == nil || src.Table.Sample.Rows() == 0 {
				t.Fatalf("detected roles %v, sample %v", detected.Columns, src.Table.Sample)
			}
			m := events.Mapping{Columns: map[events.Role][]string{}, Why: map[events.Role]string{}}
			for r, c := range detected.Columns {
				m.Columns[r] = c
			}
			m.Columns[events.Category] = []string{"country"}
			m.Columns[events.Actor] = []string{"no_such_column"}
			src, err = server.OpenAt(ctx, a, &m)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			if got := src.Table.Mapping.Get(events.Category); !slices.Equal(got, []string{"country"}) {
				t.Errorf("category %v, want the country chosen", got)
			}
			if got := src.Table.Mapping.Get(events.Actor); got != nil {
				t.Errorf("actor %v: a column the table lacks was kept", got)
			}
			l, err := src.Legend(ctx, dataset.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := l.KeptBy["Fiji"]; !ok {
				t.Errorf("the legend's lanes %v are not the countries chosen", l.KeptBy)
			}
		})
	}
}

// TestRefused: a wrong password is refused in one sentence that
// errors.Is finds as ErrRefused, and that does not hold the password.
func TestRefused(t *testing.T) {
	for _, e := range servertest.Engines {
		t.Run(e.Name, func(t *testing.T) {
			url, _ := servertest.Imported(t, e.Name, e.PasswordVar, 10)
			a, err := engine.Parse(url)
			if err != nil {
				t.Fatal(err)
			}
			const wrong = "not-the-Pa55word"
			_, err = server.Tables(context.Background(), a.WithPassword(wrong))
			if !errors.Is(err, engine.ErrRefused) {
				t.Fatalf("a wrong password gives %v, not ErrRefused", err)
			}
			if strings.Contains(err.Error(), wrong) || strings.Contains(err.Error(), os.Getenv("CHRONOMAP_TEST_PASSWORD")) {
				t.Errorf("the error holds a password: %v", err)
			}
			_, err = server.OpenAt(context.Background(), a.WithTable("no_such_table"), nil)
			if err == nil || errors.Is(err, engine.ErrRefused) || !strings.Contains(err.Error(), `no table "no_such_table"`) {
				t.Errorf("a missing table gives %v", err)
			}
		})
	}
}
