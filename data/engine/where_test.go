package engine_test

import (
	"context"
	"strings"
	"testing"

	"chronomap/data/clickhouse"
	"chronomap/data/dataset"
	"chronomap/data/engine"
	"chronomap/data/postgres"
)

// TestWhereBindsEveryValue checks, without a server, that a filter's
// values never enter the SQL text and that hostile names enter it only
// quoted; the engines' own tests run the same against real servers.
func TestWhereBindsEveryValue(t *testing.T) {
	cols := []engine.Column{
		{Name: `when"; DROP TABLE t; --`, Type: "timestamp with time zone", Kind: engine.Time},
		{Name: `event type\`, Type: "text", Kind: engine.Text},
		{Name: `actor1 $1 ?`, Type: "text", Kind: engine.Text},
		{Name: "lat", Type: "double precision", Kind: engine.Number},
		{Name: "lon", Type: "double precision", Kind: engine.Number},
	}
	sample := [][]string{{"2020-03-01 00:00:00+00", "Riots", "JNIM", "12.5", "-1.5"}}
	evil := `'); DROP TABLE t; --`
	f := dataset.Filter{Query: evil + " zzz", HiddenCategories: []string{evil}, Actors: []string{evil},
		Window: &dataset.Window{From: 1, To: 2}, Box: &dataset.Box{MinLon: 170, MinLat: -20, MaxLon: -170, MaxLat: 20}}
	for _, d := range []engine.Dialect{postgres.Dialect{}, clickhouse.Dialect{}} {
		a, _ := engine.Parse("postgres://h/db?table=" + `t"x`)
		tb, err := engine.Describe(context.Background(), d, a, cols, sample, nil)
		if err != nil {
			t.Fatal(err)
		}
		sql, args := tb.Where(f)
		bare := sql
		for _, c := range cols {
			bare = strings.ReplaceAll(bare, d.Quote(c.Name), "NAME")
		}
		if strings.Contains(bare, "DROP") || strings.Contains(bare, "--") {
			t.Errorf("%s: a value or a name is in the SQL unquoted: %s", d.Name(), sql)
		}
		if !strings.Contains(sql, d.Quote(cols[0].Name)) || !strings.Contains(sql, d.Quote(cols[2].Name)) {
			t.Errorf("%s: names not quoted: %s", d.Name(), sql)
		}
		// The query's six words, a window, a category, an actor, a box of four.
		if len(args) != 6+2+1+1+4 {
			t.Errorf("%s: %d arguments %v for %s", d.Name(), len(args), args, sql)
		}
		if !strings.Contains(sql, "$14") || strings.Contains(sql, "$15") {
			t.Errorf("%s: placeholders do not run $1 to $14: %s", d.Name(), sql)
		}
	}
}
