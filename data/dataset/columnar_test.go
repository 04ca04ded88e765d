package dataset_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"chronomap/data/dataset"
	"chronomap/data/events"
)

// columnar_events.parquet was written by DuckDB 1.5 from
// columnar_events.csv, its columns typed (INTEGER, DATE, TIMESTAMP,
// TIMESTAMPTZ, VARCHAR, DOUBLE, nulls for the empty cells):
//
//	COPY (SELECT id::INTEGER AS id, event_date::DATE AS event_date, …
//	      FROM read_csv('columnar_events.csv', all_varchar=true))
//	TO 'columnar_events.parquet' (FORMAT parquet)
//
// The Arrow files are written here from it by arrow-go's own writers.

// arrowFiles writes the Parquet fixture's table as an Arrow IPC file
// (Feather v2) and as an Arrow IPC stream, and returns their paths.
func arrowFiles(t *testing.T, parquet string) (fileName, stream string) {
	t.Helper()
	b, err := os.ReadFile(parquet)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := file.NewParquetReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Release()
	dir := t.TempDir()
	write := func(name string, open func(*os.File) (interface {
		Write(arrow.RecordBatch) error
		Close() error
	}, error)) string {
		path := filepath.Join(dir, name)
		out, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		w, err := open(out)
		if err != nil {
			t.Fatal(err)
		}
		// Batches of three rows, so that columns come in several chunks.
		r := array.NewTableReader(tbl, 3)
		defer r.Release()
		for r.Next() {
			if err := w.Write(r.RecordBatch()); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return path
	}
	fileName = write("columnar_events.arrow", func(f *os.File) (interface {
		Write(arrow.RecordBatch) error
		Close() error
	}, error) {
		return ipc.NewFileWriter(f, ipc.WithSchema(tbl.Schema()))
	})
	stream = write("columnar_events.arrows", func(f *os.File) (interface {
		Write(arrow.RecordBatch) error
		Close() error
	}, error) {
		return ipc.NewWriter(f, ipc.WithSchema(tbl.Schema())), nil
	})
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
	arrowFile, arrowStream := arrowFiles(t, parquet)
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
