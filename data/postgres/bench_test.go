package postgres

import (
	"context"
	"fmt"
	"testing"

	"chronomap/data/engine"
	"chronomap/data/engine/enginetest"
)

// BenchmarkImport writes 100,000 generated ACLED-like rows with COPY.
// One op = every row.
func BenchmarkImport(b *testing.B) {
	d := enginetest.Dataset(b, 100_000)
	l, err := engine.NewLoad(d)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		a := serverTB(b, "bench_import")
		b.StartTimer()
		if _, err := Import(context.Background(), a, l, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(l.Rows()*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// generate fills a table of the layout import writes with n generated
// ACLED-like events, made by the server itself, in import's order (by
// start) and with its index.
func generate(b *testing.B, a engine.Address, n int) {
	ctx := context.Background()
	c, err := Connect(ctx, a)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	t := Dialect{}.Quote(a.Table)
	h := func(k int) string { return fmt.Sprintf("abs(hashint8(g * 16 + %d))", k) }
	stmts := []string{
		fmt.Sprintf(`CREATE TABLE %s AS SELECT id AS event_id_cnty, type AS event_type, actor AS actor1, country, notes,
			(g + 1)::bigint AS chronomap_row, start AS chronomap_start, start + 86400 AS chronomap_stop, lat AS chronomap_lat, lon AS chronomap_lon,
			lower(id || E'\n' || type || E'\n' || actor || E'\n' || country || E'\n' || notes) AS chronomap_text
		FROM (SELECT g, 'EVT' || g AS id,
			(ARRAY['Battles', 'Protests', 'Riots', 'Explosions/Remote violence', 'Violence against civilians', 'Strategic developments'])[%[2]s %% 6 + 1] AS type,
			(ARRAY['Military Forces of Russia (2000-)', 'Protesters (Armenia)', 'Police Forces of Nicaragua (2007-)', 'JNIM', 'Rioters (Georgia)', 'Civilians (Fiji)'])[%[3]s %% 6 + 1] AS actor,
			(ARRAY['Russia', 'Nicaragua', 'Burkina Faso', 'Armenia', 'Spain', 'Ukraine', 'Fiji', 'Germany'])[p] AS country,
			(ARRAY['reported', 'clashes', 'forces'])[%[4]s %% 3 + 1] || ' ' || (ARRAY['near', 'the', 'checkpoint', 'village', 'convoy'])[%[5]s %% 5 + 1] || ' ' || (ARRAY['shelled', 'positions', 'said'])[%[6]s %% 3 + 1] AS notes,
			(757382400 + (%[7]s %% 10950) * 86400)::bigint AS start,
			CASE WHEN %[8]s %% 50 = 0 THEN NULL ELSE (ARRAY[55.75, 12.13, 12.37, 40.17, 43.55, 49.99, -16.41, 52.52])[p] + (%[9]s %% 100000) / 100000.0 - 0.5 END::double precision AS lat,
			CASE WHEN %[8]s %% 50 = 0 THEN NULL ELSE (ARRAY[37.61, -86.25, -1.51, 44.49, -5.92, 36.23, 179.38, 13.40])[p] + (%[10]s %% 100000) / 100000.0 - 0.5 END::double precision AS lon
			FROM (SELECT g, (%[11]s %% 8 + 1)::int AS p FROM generate_series(0, %[12]d - 1) AS g) AS s) AS e
		ORDER BY start`,
			t, h(1), h(2), h(4), h(5), h(6), h(7), h(8), h(9), h(10), h(3), n),
		fmt.Sprintf("CREATE INDEX ON %s (chronomap_start, chronomap_row)", t),
		"ANALYZE " + t,
	}
	for _, q := range stmts {
		if err := c.Exec(ctx, q); err != nil {
			b.Fatalf("%v: %s", err, q)
		}
	}
}

// BenchmarkViews asks each view's question of BenchRows generated events,
// before and after prepare. With $CHRONOMAP_BENCH_TABLE the table is
// kept, and used again when it is there.
func BenchmarkViews(b *testing.B) {
	a := serverTB(b, "bench_views")
	if name := enginetest.BenchTable(); name != "" {
		a.Table = name
	}
	open := func() (*engine.Source, error) { return Open(context.Background(), a.String()) }
	src := enginetest.BenchSource(b, open, func(n int) { generate(b, a, n) })
	defer src.Close()
	enginetest.BenchPrepared(b, src, Dialect{})
}
