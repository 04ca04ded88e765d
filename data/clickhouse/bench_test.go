package clickhouse

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"chronomap/data/dataset"
	"chronomap/data/engine"
	"chronomap/data/engine/enginetest"
)

// BenchmarkImport writes enginetest.ImportRows() rows of the load
// benchmarks' ACLED-like file into one server through Import. One op =
// every row. The file is read once, as `chronomap import` reads it, and
// that time is reported apart (read-s), since the frame reading is the
// load's and not the engine's: rows/s is the writing alone, and
// read+write-rows/s both. The yardstick is clickhouse-client's own CSV
// insert of the same file into a table of the file's columns, measured in
// the same run (BenchmarkImportClient), which parses on the server and
// writes none of the columns Chronomap adds.
func BenchmarkImport(b *testing.B) {
	n := enginetest.ImportRows()
	path := enginetest.BenchFile(b, n)
	start := time.Now()
	d, err := dataset.Load(context.Background(), dataset.File{Path: path}, dataset.Options{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	l, err := engine.NewLoad(d)
	if err != nil {
		b.Fatal(err)
	}
	read := time.Since(start)
	for b.Loop() {
		b.StopTimer()
		a := benchServer(b, "bench_import")
		b.StartTimer()
		if _, err := Import(context.Background(), a, l, nil); err != nil {
			b.Fatal(err)
		}
	}
	write := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(read.Seconds(), "read-s")
	b.ReportMetric(float64(l.Rows())/write, "rows/s")
	b.ReportMetric(float64(l.Rows())/(write+read.Seconds()), "read+write-rows/s")
}

// BenchmarkImportClient is the yardstick of BenchmarkImport.
func BenchmarkImportClient(b *testing.B) {
	if _, err := exec.LookPath("clickhouse-client"); err != nil {
		b.Skip("no clickhouse-client")
	}
	n := enginetest.ImportRows()
	path := enginetest.BenchFile(b, n)
	for b.Loop() {
		b.StopTimer()
		a := benchServer(b, "bench_client")
		c, err := Connect(context.Background(), a)
		if err != nil {
			b.Fatal(err)
		}
		err = c.Exec(context.Background(), "CREATE TABLE "+Dialect{}.Quote(a.Table)+` (a String, b String, c Nullable(Int64), d String, e String,
			f String, g String, h Nullable(Float64), i Nullable(Float64), j Nullable(Int64), k String) ENGINE = MergeTree ORDER BY tuple()`)
		c.Close()
		if err != nil {
			b.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		host, port, _ := strings.Cut(a.Host, ":")
		// This old client reads no password from the environment; the
		// test server's is made for the run.
		cmd := exec.Command("clickhouse-client", "--host", host, "--port", port, "--user", a.User, "--password", os.Getenv("CLICKHOUSE_PASSWORD"), "--database", a.Database,
			"-q", "INSERT INTO "+a.Table+" FORMAT CSVWithNames")
		cmd.Stdin = f
		b.StartTimer()
		out, err := cmd.CombinedOutput()
		f.Close()
		if err != nil {
			b.Fatalf("clickhouse-client: %v: %s", err, out)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// generate fills a table of the layout import writes with n generated
// ACLED-like events, made by the server itself (importing a hundred
// million rows through a client would take the benchmark's time), half
// on each shard of the test cluster, and a Distributed table over them.
func generate(b *testing.B, a engine.Address, n int) {
	ctx := context.Background()
	d := Dialect{}
	local := a.Table + "_local"
	cols := `event_id_cnty String, event_type String, actor1 String, country String, notes String, chronomap_row UInt32,
		chronomap_start Nullable(Int64), chronomap_stop Nullable(Int64), chronomap_lat Nullable(Float64), chronomap_lon Nullable(Float64), chronomap_text String`
	for shard, port := range []string{"9000", "9001"} {
		s := a
		s.Host = "127.0.0.1:" + port
		c, err := Connect(ctx, s)
		if err != nil {
			b.Fatal(err)
		}
		stmts := []string{
			fmt.Sprintf("CREATE TABLE %s (%s) ENGINE = MergeTree ORDER BY (%s, chronomap_row)", d.Quote(local), cols, d.Key("chronomap_start")),
			fmt.Sprintf("CREATE TABLE %s AS %s ENGINE = Distributed(%s, %s, %s, rand())", d.Quote(a.Table), d.Quote(local), d.String(a.Cluster), d.String(a.Database), d.String(local)),
			fmt.Sprintf(`INSERT INTO %s SELECT id, type, actor, country, notes, toUInt32(n + 1), start, start + 86400, lat, lon,
				lowerUTF8(concat(id, '\n', type, '\n', actor, '\n', country, '\n', notes))
			FROM (SELECT n, concat('EVT', toString(n)) AS id,
				['Battles', 'Protests', 'Riots', 'Explosions/Remote violence', 'Violence against civilians', 'Strategic developments'][cityHash64(n, 1) %% 6 + 1] AS type,
				['Military Forces of Russia (2000-)', 'Protesters (Armenia)', 'Police Forces of Nicaragua (2007-)', 'JNIM', 'Rioters (Georgia)', 'Civilians (Fiji)'][cityHash64(n, 2) %% 6 + 1] AS actor,
				cityHash64(n, 3) %% 8 + 1 AS p,
				['Russia', 'Nicaragua', 'Burkina Faso', 'Armenia', 'Spain', 'Ukraine', 'Fiji', 'Germany'][p] AS country,
				concat(['reported', 'clashes', 'forces'][cityHash64(n, 4) %% 3 + 1], ' ', ['near', 'the', 'checkpoint', 'village', 'convoy'][cityHash64(n, 5) %% 5 + 1], ' ', ['shelled', 'positions', 'said'][cityHash64(n, 6) %% 3 + 1]) AS notes,
				toInt64(757382400 + (cityHash64(n, 7) %% 10950) * 86400) AS start,
				if(cityHash64(n, 8) %% 50 = 0, NULL, [55.75, 12.13, 12.37, 40.17, 43.55, 49.99, -16.41, 52.52][p] + (cityHash64(n, 9) %% 100000) / 100000 - 0.5) AS lat,
				if(cityHash64(n, 8) %% 50 = 0, NULL, [37.61, -86.25, -1.51, 44.49, -5.92, 36.23, 179.38, 13.40][p] + (cityHash64(n, 10) %% 100000) / 100000 - 0.5) AS lon
				FROM (SELECT number * 2 + %d AS n FROM numbers(%d)))`, d.Quote(local), shard, n/2),
		}
		for _, q := range stmts {
			if err := c.Exec(ctx, q); err != nil {
				b.Fatalf("%v: %s", err, q)
			}
		}
		c.Close()
	}
}

// BenchmarkViews asks each view's question of BenchRows generated events on the two-shard cluster,
// before and after prepare. With $CHRONOMAP_BENCH_TABLE the table is
// kept, and used again when it is there.
func BenchmarkViews(b *testing.B) {
	a := serverTB(b, "bench_views", true)
	if name := enginetest.BenchTable(); name != "" {
		a.Table = name
	}
	open := func() (*engine.Source, error) { return Open(context.Background(), a.String()) }
	src := enginetest.BenchSource(b, open, func(n int) { generate(b, a, n) })
	defer src.Close()
	enginetest.BenchPrepared(b, src, Dialect{})
}
