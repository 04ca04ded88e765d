package dataset_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"chronomap/data/dataset"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// columnar_events.parquet was written by DuckDB 1.5 from
// columnar_events.csv, its columns typed (INTEGER, DATE, TIMESTAMP,
// TIMESTAMPTZ, VARCHAR, DOUBLE, nulls for the empty cells):
//
//	COPY (SELECT id::INTEGER AS id, event_date::DATE AS event_date, …
//	      FROM read_csv('columnar_events.csv', all_varchar=true))
//	TO 'columnar_events.parquet' (FORMAT parquet)
//
// The Arrow files are written here, from the CSV's cells, by arrow-go's
// own writers, typed as DuckDB typed them.

// arrowFiles writes the CSV fixture's table, typed, as an Arrow IPC file
// (Feather v2) and as an Arrow IPC stream, in batches of three rows, and
// returns their paths.
func arrowFiles(t *testing.T, csv *frame.Frame) (fileName, stream string) {
	t.Helper()
	utc := &arrow.TimestampType{Unit: arrow.Second, TimeZone: "UTC"}
	local := &arrow.TimestampType{Unit: arrow.Second}
	typeOf := map[string]arrow.DataType{
		"id": arrow.PrimitiveTypes.Int32, "event_date": arrow.FixedWidthTypes.Date32,
		"reported_at": local, "updated": utc,
		"latitude": arrow.PrimitiveTypes.Float64, "longitude": arrow.PrimitiveTypes.Float64,
		"fatalities": arrow.PrimitiveTypes.Int32,
	}
	var fields []arrow.Field
	for _, name := range csv.Names() {
		typ, ok := typeOf[name]
		if !ok {
			typ = arrow.BinaryTypes.String
		}
		fields = append(fields, arrow.Field{Name: name, Type: typ, Nullable: true})
	}
	schema := arrow.NewSchema(fields, nil)
	var batches []arrow.RecordBatch
	for lo := 0; lo < csv.Rows(); lo += 3 {
		b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
		for c := range fields {
			for row := lo; row < min(lo+3, csv.Rows()); row++ {
				cell := csv.Text(row, c)
				if cell == "" {
					b.Field(c).AppendNull()
					continue
				}
				var err error
				switch fb := b.Field(c).(type) {
				case *array.Int32Builder:
					var n int64
					n, err = strconv.ParseInt(cell, 10, 32)
					fb.Append(int32(n))
				case *array.Float64Builder:
					var f float64
					f, err = strconv.ParseFloat(cell, 64)
					fb.Append(f)
				case *array.Date32Builder:
					var d time.Time
					d, err = time.Parse(time.DateOnly, cell)
					fb.Append(arrow.Date32FromTime(d))
				case *array.TimestampBuilder:
					layout := time.DateTime // reported_at, without a zone
					if strings.HasSuffix(cell, "Z") {
						layout = time.RFC3339
					}
					var ts time.Time
					ts, err = time.Parse(layout, cell)
					fb.Append(arrow.Timestamp(ts.Unix()))
				case *array.StringBuilder:
					fb.Append(cell)
				}
				if err != nil {
					t.Fatalf("row %d, %s: %v", row+1, fields[c].Name, err)
				}
			}
		}
		batches = append(batches, b.NewRecordBatch())
		b.Release()
	}
	dir := t.TempDir()
	write := func(name string, w interface {
		Write(arrow.RecordBatch) error
		Close() error
	}, out *os.File) string {
		defer out.Close()
		for _, r := range batches {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return out.Name()
	}
	create := func(name string) *os.File {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	out := create("columnar_events.arrow")
	fw, err := ipc.NewFileWriter(out, ipc.WithSchema(schema))
	if err != nil {
		t.Fatal(err)
	}
	fileName = write("columnar_events.arrow", fw, out)
	out = create("columnar_events.arrows")
	stream = write("columnar_events.arrows", ipc.NewWriter(out, ipc.WithSchema(schema)), out)
	return fileName, stream
}

func load(t *testing.T, path string) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Load(context.Background(), dataset.File{Path: path}, dataset.Options{}, nil)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

// TestColumnarSameAsCSV: a Parquet file, an Arrow IPC file and an Arrow
// stream of the same table give the frame, the roles, the events and the
// problems of the CSV file it came from.
func TestColumnarSameAsCSV(t *testing.T) {
	csv := load(t, filepath.Join("testdata", "columnar_events.csv"))
	parquet := filepath.Join("testdata", "columnar_events.parquet")
	arrowFile, arrowStream := arrowFiles(t, csv.Frame)
	for _, tc := range []struct{ path, format string }{
		{parquet, "parquet"},
		{arrowFile, "arrow"},
		{arrowStream, "arrow"},
	} {
		t.Run(filepath.Ext(tc.path), func(t *testing.T) {
			d := load(t, tc.path)
			if d.Frame.Source.Format != tc.format || !d.Frame.Source.HasHeader {
				t.Errorf("source = %+v, want format %q with a header", d.Frame.Source, tc.format)
			}
			sameAsCSV(t, d, csv)
		})
	}
	// What the fixture holds, so that agreement is not agreement on nothing:
	// seven dated events of eight rows, five placed (no coordinates, a
	// latitude beyond the poles), timestamps in UTC.
	if csv.Len() != 7 || csv.Index.Located != 5 {
		t.Errorf("%d events, %d located; want 7, 5", csv.Len(), csv.Index.Located)
	}
	if got := csv.Mapping.Get(events.Start); !slices.Equal(got, []string{"event_date"}) {
		t.Errorf("start from %q, want event_date", got)
	}
	if len(csv.Problems) == 0 {
		t.Error("no problems listed for the undated and unplaced rows")
	}
	f := csv.Frame
	if got := f.Text(0, f.Col("updated")); got != "2023-11-08T09:00:00Z" {
		t.Errorf("updated = %q", got)
	}
	if got := f.Text(1, f.Col("notes")); !strings.Contains(got, "Москва") {
		t.Errorf("notes = %q", got)
	}
}

// sameAsCSV checks that d has the frame, roles, events, problems and
// categories of csv, the same table read from CSV.
func sameAsCSV(t *testing.T, d, csv *dataset.Dataset) {
	t.Helper()
	f, g := d.Frame, csv.Frame
	if !slices.Equal(f.Names(), g.Names()) || f.Rows() != g.Rows() {
		t.Fatalf("%d rows of %q, want %d of %q", f.Rows(), f.Names(), g.Rows(), g.Names())
	}
	for c, col := range f.Columns {
		if col.Kind != g.Columns[c].Kind {
			t.Errorf("column %q is %v, in the CSV %v", col.Name, col.Kind, g.Columns[c].Kind)
		}
		if got, want := f.Texts(c), g.Texts(c); !slices.Equal(got, want) {
			t.Errorf("column %q:\n%q\nin the CSV\n%q", col.Name, got, want)
		}
	}
	if !reflect.DeepEqual(d.Mapping.Columns, csv.Mapping.Columns) {
		t.Errorf("roles %v, in the CSV %v", d.Mapping.Columns, csv.Mapping.Columns)
	}
	if !slices.Equal(d.Index.Start, csv.Index.Start) || !slices.Equal(d.Index.Row, csv.Index.Row) || d.Index.Located != csv.Index.Located {
		t.Errorf("events start %v at rows %v, %d located; in the CSV %v at %v, %d",
			d.Index.Start, d.Index.Row, d.Index.Located, csv.Index.Start, csv.Index.Row, csv.Index.Located)
	}
	if !slices.Equal(d.Problems, csv.Problems) {
		t.Errorf("problems\n%+v\nin the CSV\n%+v", d.Problems, csv.Problems)
	}
	if !reflect.DeepEqual(d.Categories, csv.Categories) {
		t.Errorf("categories %+v, in the CSV %+v", d.Categories, csv.Categories)
	}
}

// TestParquetDictionariesSameAsCSV: 600 rows of the ACLED-like benchmark
// data, which DuckDB writes in three row groups with dictionary-encoded
// integers and text beside plain ones, read as the CSV they came from.
//
//	COPY (SELECT * FROM read_csv('acled_like_600.csv'))
//	TO 'acled_like_600.parquet' (FORMAT parquet, ROW_GROUP_SIZE 250)
func TestParquetDictionariesSameAsCSV(t *testing.T) {
	csv := load(t, filepath.Join("testdata", "acled_like_600.csv"))
	d := load(t, filepath.Join("testdata", "acled_like_600.parquet"))
	sameAsCSV(t, d, csv)
	if d.Len() != 600 || d.Frame.Source.Preset != "acled" {
		t.Errorf("%d events, preset %q", d.Len(), d.Frame.Source.Preset)
	}
}

// TestColumnarRefused: a Feather v1 file, a truncated Parquet file and
// one that is not Parquet at all are refused in one sentence naming the
// file, never a panic.
func TestColumnarRefused(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "columnar_events.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, content := range map[string][]byte{
		"old.feather":       append([]byte("FEA1"), make([]byte, 64)...),
		"cut.parquet":       b[:len(b)/2],
		"head.parquet":      b[:8],
		"noise.parquet":     []byte("PAR1 this is not a Parquet file at all PAR1"),
		"cut.arrow":         []byte("ARROW1\x00\x00\xff\xff\xff\xff"),
		"empty.arrows":      {},
		"truncated.parquet": append(append([]byte{}, b[:4]...), b[len(b)-8:]...),
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := dataset.Load(context.Background(), dataset.File{Path: path}, dataset.Options{}, nil)
		if err == nil {
			t.Errorf("%s: read without an error", name)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, name) || strings.Contains(msg, "\n") || strings.Contains(msg, "goroutine") {
			t.Errorf("%s: %q, want one line naming the file", name, msg)
		}
	}
}

// TestGeoParquetAsGeoJSON: a GeoParquet file (DuckDB 1.5 wrote it, its
// geometries WKB) is placed as the GeoJSON file of the same features:
// lat and lon first, from points as they are and representative points
// of a polygon and a line (flagged), the geometry column holding types,
// and the empty and missing geometries listed for the same rows.
//
//	COPY (SELECT id::INTEGER AS id, event_date::DATE AS event_date,
//	      event_type, "location", wkt::GEOMETRY AS geometry
//	      FROM read_csv('geoparquet_events.csv', all_varchar=true))
//	TO 'geoparquet_events.parquet' (FORMAT parquet)
func TestGeoParquetAsGeoJSON(t *testing.T) {
	gp := load(t, filepath.Join("testdata", "geoparquet_events.parquet"))
	gj := load(t, filepath.Join("testdata", "geoparquet_events.geojson"))
	f, g := gp.Frame, gj.Frame
	if !slices.Equal(f.Names(), g.Names()) {
		t.Fatalf("columns %q, from GeoJSON %q", f.Names(), g.Names())
	}
	for _, name := range []string{"lat", "lon", "geometry", "location"} {
		got, want := f.Texts(f.Col(name)), g.Texts(g.Col(name))
		if !slices.Equal(got, want) {
			t.Errorf("%s:\n%q\nfrom GeoJSON\n%q", name, got, want)
		}
	}
	if lat := f.Columns[f.Col("lat")]; lat.Flag == "" || lat.Flag != g.Columns[g.Col("lat")].Flag {
		t.Errorf("lat flagged %q, from GeoJSON %q", lat.Flag, g.Columns[g.Col("lat")].Flag)
	}
	if !reflect.DeepEqual(gp.Mapping.Columns, gj.Mapping.Columns) {
		t.Errorf("roles %v, from GeoJSON %v", gp.Mapping.Columns, gj.Mapping.Columns)
	}
	same := func(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }
	if !slices.EqualFunc(gp.Index.Lat, gj.Index.Lat, same) || !slices.EqualFunc(gp.Index.Lon, gj.Index.Lon, same) || gp.Index.Located != 5 || gj.Index.Located != 5 {
		t.Errorf("placed at %v %v (%d), from GeoJSON %v %v (%d)", gp.Index.Lat, gp.Index.Lon, gp.Index.Located, gj.Index.Lat, gj.Index.Lon, gj.Index.Located)
	}
	where := func(ps []frame.Problem) (out []string) {
		for _, p := range ps {
			out = append(out, fmt.Sprintf("row %d %s", p.Row, p.Column))
		}
		return out
	}
	if got, want := where(gp.Problems), where(gj.Problems); !slices.Equal(got, want) || len(got) != 3 {
		t.Errorf("problems at %q, from GeoJSON %q", got, want)
	}
	// Geometry types are no titles: the events are labelled by place.
	if got := gp.Mapping.Get(events.Title); len(got) != 0 {
		t.Errorf("titles from %q", got)
	}
	if gp.Labels[len(gp.Labels)-1] != "Moscow" {
		t.Errorf("labels %q", gp.Labels)
	}
	if got := f.Text(0, f.Col("lat")); got != "55.7558" {
		t.Errorf("Moscow's lat = %q", got)
	}
}

// TestArrowJSSameAsCSV: Arrow files written by another implementation,
// Apache Arrow's JavaScript library 21.2 (scripts/fixtures/arrow-js.mjs:
// a dictionary-encoded category, DateDay, TimestampSecond, Int32 with a
// null), read as the same columns of the CSV file.
func TestArrowJSSameAsCSV(t *testing.T) {
	csv := load(t, filepath.Join("testdata", "columnar_events.csv"))
	for _, name := range []string{"columnar_events_js.arrow", "columnar_events_js.arrows"} {
		t.Run(name, func(t *testing.T) {
			d := load(t, filepath.Join("testdata", name))
			f, g := d.Frame, csv.Frame
			if f.Rows() != g.Rows() || len(f.Names()) != 8 {
				t.Fatalf("%d rows of %q", f.Rows(), f.Names())
			}
			for c, col := range f.Columns {
				k := g.Col(col.Name)
				if k < 0 {
					t.Fatalf("no column %q in the CSV", col.Name)
				}
				if col.Kind != g.Columns[k].Kind {
					t.Errorf("column %q is %v, in the CSV %v", col.Name, col.Kind, g.Columns[k].Kind)
				}
				if got, want := f.Texts(c), g.Texts(k); !slices.Equal(got, want) {
					t.Errorf("column %q:\n%q\nin the CSV\n%q", col.Name, got, want)
				}
			}
			if !slices.Equal(d.Index.Start, csv.Index.Start) || d.Index.Located != csv.Index.Located {
				t.Errorf("events start %v, %d located; in the CSV %v, %d", d.Index.Start, d.Index.Located, csv.Index.Start, csv.Index.Located)
			}
			if !reflect.DeepEqual(d.Categories.Names, csv.Categories.Names) || !reflect.DeepEqual(d.Categories.Of, csv.Categories.Of) {
				t.Errorf("categories %q, in the CSV %q", d.Categories.Names, csv.Categories.Names)
			}
		})
	}
}
