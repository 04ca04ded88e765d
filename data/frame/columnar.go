package frame

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"math"
	"strconv"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// Columnar files, Parquet and Arrow IPC (Feather v2), are already typed
// column by column, so they skip the text path where they can: integer
// and float columns go straight into the frame's numbers, and only
// strings, dates and times pass through the cells, so that their kinds,
// cuts and date reading are exactly those of a CSV file.

// columns reads one column of a columnar file as its chunks; release
// frees them once the column is stored.
type columns struct {
	schema *arrow.Schema
	rows   int
	read   func(ctx context.Context, i int) (chunks []arrow.Array, release func(), err error)
}

// readParquet reads a Parquet file.
func readParquet(ctx context.Context, b []byte) (t *table, err error) {
	defer damaged(&err)
	pf, err := file.NewParquetReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("not a readable Parquet file: %w", err)
	}
	meta := pf.MetaData()
	var unpacked int64
	for g := range pf.NumRowGroups() {
		unpacked += meta.RowGroup(g).TotalByteSize()
	}
	if unpacked > limit.text {
		return nil, tooMuchText("it")
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 64 << 10}, memory.DefaultAllocator)
	if err != nil {
		return nil, fmt.Errorf("not a readable Parquet file: %w", err)
	}
	schema, err := fr.Schema()
	if err != nil {
		return nil, fmt.Errorf("its schema cannot be read: %w", err)
	}
	groups := make([]int, pf.NumRowGroups())
	for g := range groups {
		groups[g] = g
	}
	cols := columns{schema: schema, rows: int(meta.NumRows)}
	cols.read = func(ctx context.Context, i int) ([]arrow.Array, func(), error) {
		// A nested field (a struct, a list) spans several of the file's
		// leaf columns: all of them are read, as one value per row.
		leaves := map[int]bool{}
		var walk func(f pqarrow.SchemaField)
		walk = func(f pqarrow.SchemaField) {
			if f.IsLeaf() {
				leaves[f.ColIndex] = true
			}
			for _, c := range f.Children {
				walk(c)
			}
		}
		walk(fr.Manifest.Fields[i])
		cr, err := fr.GetFieldReader(ctx, i, leaves, groups)
		if err != nil {
			return nil, nil, err
		}
		defer cr.Release()
		ch, err := cr.NextBatch(meta.NumRows)
		if err != nil {
			return nil, nil, err
		}
		return ch.Chunks(), ch.Release, nil
	}
	return cols.table()
}

// readArrow reads an Arrow IPC file (Feather v2) or stream.
func readArrow(ctx context.Context, b []byte) (t *table, err error) {
	defer damaged(&err)
	if bytes.HasPrefix(b, []byte("FEA1")) {
		return nil, errors.New("this is a Feather version 1 file, which Chronomap does not read; write it again as Feather version 2 (Arrow IPC), the default of pyarrow and R's arrow since 2020")
	}
	var (
		schema  *arrow.Schema
		records []arrow.RecordBatch
	)
	release := func() {
		for _, r := range records {
			r.Release()
		}
	}
	if bytes.HasPrefix(b, []byte("ARROW1")) {
		fr, err := ipc.NewFileReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("not a readable Arrow file: %w", err)
		}
		defer fr.Close()
		schema = fr.Schema()
		for i := range fr.NumRecords() {
			if err := ctx.Err(); err != nil {
				release()
				return nil, err
			}
			r, err := fr.RecordBatch(i)
			if err != nil {
				release()
				return nil, fmt.Errorf("record batch %d cannot be read: %w", i+1, err)
			}
			r.Retain()
			records = append(records, r)
		}
	} else {
		sr, err := ipc.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("not a readable Arrow file or stream: %w", err)
		}
		defer sr.Release()
		schema = sr.Schema()
		for sr.Next() {
			if err := ctx.Err(); err != nil {
				release()
				return nil, err
			}
			r := sr.RecordBatch()
			r.Retain()
			records = append(records, r)
		}
		if err := sr.Err(); err != nil {
			release()
			return nil, fmt.Errorf("record batch %d cannot be read: %w", len(records)+1, err)
		}
	}
	cols := columns{schema: schema}
	for _, r := range records {
		cols.rows += int(r.NumRows())
	}
	cols.read = func(_ context.Context, i int) ([]arrow.Array, func(), error) {
		chunks := make([]arrow.Array, len(records))
		for k, r := range records {
			chunks[k] = r.Column(i)
		}
		return chunks, func() {}, nil
	}
	t, err = cols.table()
	if err != nil {
		release()
		return nil, err
	}
	done := 0
	t.release = func(int) {
		// The batches hold every column: they go once the last is stored.
		if done++; done == len(t.names) {
			release()
		}
	}
	return t, nil
}

// damaged turns a panic of the Parquet or Arrow reader, which trust a
// file's own lengths and offsets in places, into an error: a damaged file
// is refused in a sentence.
func damaged(err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("the file is damaged (%v)", p)
	}
}

// table makes the frame's table of a columnar file: its names, its row
// count, and a build that stores each column from its chunks.
func (c columns) table() (*table, error) {
	fields := c.schema.Fields()
	switch {
	case len(fields) > limit.columns:
		return nil, tooManyColumns("it", len(fields))
	case c.rows > maxRows(len(fields)):
		return nil, tooManyRows("it", len(fields))
	}
	t := &table{rows: c.rows}
	for _, f := range fields {
		t.names = append(t.names, f.Name)
	}
	t.build = func(ctx context.Context, i int, text func(iter.Seq2[int, string]) (values, Kind)) (v values, k Kind, err error) {
		// A column that cannot be read, or whose reader panics, is named.
		defer func() {
			if err != nil {
				v, k, err = values{}, Text, fmt.Errorf("column %q cannot be read: %w", fields[i].Name, err)
			}
		}()
		defer damaged(&err)
		chunks, release, err := c.read(ctx, i)
		if err != nil {
			return values{}, Text, err
		}
		defer release()
		n := 0
		for _, a := range chunks {
			n += a.Len()
		}
		if n != c.rows {
			return values{}, Text, fmt.Errorf("it has %d values for %d rows", n, c.rows)
		}
		if nums, kind, ok := numbers(chunks, n); ok {
			return values{nums: nums}, kind, nil
		}
		v, kind := text(cellsOf(chunks))
		return v, kind, nil
	}
	return t, nil
}

// maxWhole is the largest whole number read as a number, as for CSV
// (maxDigits digits): a longer one is an identifier, and stays text.
const maxWhole = 999_999_999_999_999

// numbers stores an integer, float or decimal column as numbers: Integer
// when it is whole and has no nulls, Number otherwise (NaN for a null). It
// reports false for any other type, for integers beyond maxWhole, and for
// a column of nothing but nulls, which is text as in a CSV file.
func numbers(chunks []arrow.Array, n int) ([]float64, Kind, bool) {
	nulls := 0
	for _, a := range chunks {
		nulls += a.NullN()
	}
	if len(chunks) == 0 || nulls == n {
		return nil, Text, false
	}
	kind := Integer
	switch chunks[0].DataType().ID() {
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64, arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64:
	case arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64, arrow.DECIMAL128, arrow.DECIMAL256:
		kind = Number
	default:
		return nil, Text, false
	}
	nums := make([]float64, 0, n)
	for _, a := range chunks {
		for j := range a.Len() {
			if a.IsNull(j) {
				nums = append(nums, math.NaN())
				kind = Number
				continue
			}
			var f float64
			switch a := a.(type) {
			case *array.Int8:
				f = float64(a.Value(j))
			case *array.Int16:
				f = float64(a.Value(j))
			case *array.Int32:
				f = float64(a.Value(j))
			case *array.Int64:
				v := a.Value(j)
				if v > maxWhole || v < -maxWhole {
					return nil, Text, false
				}
				f = float64(v)
			case *array.Uint8:
				f = float64(a.Value(j))
			case *array.Uint16:
				f = float64(a.Value(j))
			case *array.Uint32:
				f = float64(a.Value(j))
			case *array.Uint64:
				v := a.Value(j)
				if v > maxWhole {
					return nil, Text, false
				}
				f = float64(v)
			case *array.Float16:
				f = float64(a.Value(j).Float32())
			case *array.Float32:
				f = float64(a.Value(j))
			case *array.Float64:
				f = a.Value(j)
			case *array.Decimal128:
				f = a.Value(j).ToFloat64(a.DataType().(*arrow.Decimal128Type).Scale)
			case *array.Decimal256:
				f = a.Value(j).ToFloat64(a.DataType().(*arrow.Decimal256Type).Scale)
			default:
				return nil, Text, false
			}
			nums = append(nums, f)
		}
	}
	return nums, kind, true
}

// cellsOf yields a column's values as the text a CSV export of it would
// hold: strings as they are, dates as 2006-01-02, times of day as
// 15:04:05, timestamps in ISO 8601 (with Z when the column has a time
// zone, as UTC), nulls as empty cells, and anything else (lists,
// structs) as Arrow writes it.
func cellsOf(chunks []arrow.Array) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		row := 0
		for _, a := range chunks {
			cell := cellFunc(a)
			for j := range a.Len() {
				c := ""
				if !a.IsNull(j) {
					c = cell(j)
				}
				if !yield(row, c) {
					return
				}
				row++
			}
		}
	}
}

// cellFunc returns how one chunk's values are written as cells.
func cellFunc(a arrow.Array) func(int) string {
	switch a := a.(type) {
	case *array.String:
		return a.Value
	case *array.LargeString:
		return a.Value
	case *array.StringView:
		return a.Value
	case *array.Binary:
		return func(j int) string { return string(a.Value(j)) }
	case *array.Boolean:
		return func(j int) string { return strconv.FormatBool(a.Value(j)) }
	case *array.Date32:
		return func(j int) string { return a.Value(j).ToTime().Format(time.DateOnly) }
	case *array.Date64:
		return func(j int) string { return a.Value(j).ToTime().Format(time.DateOnly) }
	case *array.Timestamp:
		typ := a.DataType().(*arrow.TimestampType)
		layout := "2006-01-02 15:04:05.999999999"
		if typ.TimeZone != "" {
			layout = "2006-01-02T15:04:05.999999999Z07:00"
		}
		return func(j int) string { return a.Value(j).ToTime(typ.Unit).UTC().Format(layout) }
	case *array.Time32:
		unit := a.DataType().(*arrow.Time32Type).Unit
		return func(j int) string { return a.Value(j).ToTime(unit).Format("15:04:05.999999999") }
	case *array.Time64:
		unit := a.DataType().(*arrow.Time64Type).Unit
		return func(j int) string { return a.Value(j).ToTime(unit).Format("15:04:05.999999999") }
	case *array.Dictionary:
		values := cellFunc(a.Dictionary())
		return func(j int) string { return values(a.GetValueIndex(j)) }
	case *array.Int64:
		return func(j int) string { return strconv.FormatInt(a.Value(j), 10) }
	case *array.Uint64:
		return func(j int) string { return strconv.FormatUint(a.Value(j), 10) }
	}
	return a.ValueStr
}
