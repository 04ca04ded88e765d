package frame

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
)

// Columnar files, Arrow IPC (Feather v2) here and Parquet in parquet.go,
// are already typed column by column, so they skip the text path where
// they can: integer and float columns go straight into the frame's
// numbers, dictionaries and dates are coded, and only other strings pass
// through the cells, so that their kinds, cuts and date reading are
// exactly those of a CSV file.

// columns reads one column of a columnar file as its chunks; release
// frees them once the column is stored.
type columns struct {
	schema *arrow.Schema
	rows   int
	read   func(ctx context.Context, i int) (chunks []arrow.Array, release func(), err error)
}

// readArrow reads an Arrow IPC file (Feather v2) or stream.
func readArrow(ctx context.Context, b []byte) (t *table, err error) {
	defer damaged(&err)
	if bytes.HasPrefix(b, []byte("FEA1")) {
		return nil, errors.New("this is a Feather version 1 file, which Chronomap does not read; write it again as Feather version 2 (Arrow IPC), the default of pyarrow and R's arrow since 2020")
	}
	if err := checkArrow(b); err != nil {
		if errors.Is(err, errArrowDamaged) {
			return nil, fmt.Errorf("not a readable Arrow file or stream: %w", err)
		}
		return nil, err
	}
	// No message may claim more than the file holds.
	sizes := []ipc.Option{ipc.WithMetadataSizeLimit(int64(len(b))), ipc.WithBodySizeLimit(int64(len(b)))}
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
		fr, err := ipc.NewFileReader(bytes.NewReader(b), sizes...)
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
		sr, err := ipc.NewReader(bytes.NewReader(b), sizes...)
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
	t, err = cols.table(ctx)
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
// count, and a build that stores each column from its chunks. A file
// with WKB geometries has lat and lon first, read here from the primary
// one, as a GeoJSON file has.
func (c columns) table(ctx context.Context) (*table, error) {
	fields := c.schema.Fields()
	switch {
	case len(fields) > limit.columns:
		return nil, tooManyColumns("it", len(fields))
	case c.rows > maxRows(len(fields)+2):
		return nil, tooManyRows("it", len(fields)+2)
	}
	geo := geoColumns(c.schema)
	var where *places
	if len(geo) > 0 {
		chunks, release, err := c.read(ctx, geo[0])
		if err != nil {
			return nil, fmt.Errorf("column %q cannot be read: %w", fields[geo[0]].Name, err)
		}
		n := 0
		for _, a := range chunks {
			n += a.Len()
		}
		if n != c.rows {
			release()
			return nil, fmt.Errorf("column %q has %d values for %d rows", fields[geo[0]].Name, n, c.rows)
		}
		p := placesOf(fields[geo[0]].Name, arrowWKB(chunks), c.rows)
		release()
		where = &p
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
	}
	kinds := func(ctx context.Context, i int) ([]string, error) {
		chunks, release, err := c.read(ctx, i)
		if err != nil {
			return nil, err
		}
		defer release()
		return kindsOf(arrowWKB(chunks), c.rows), nil
	}
	return geoTable(c.rows, names, geo, where, kinds, c.column), nil
}

// column stores field i from its chunks: numbers as they are, dates and
// dictionaries coded, anything else through the text path.
func (c columns) column(ctx context.Context, i int, text func(iter.Seq2[int, string]) (values, Kind)) (values, Kind, error) {
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
	if v, ok := coded(chunks, n); ok {
		return v, Text, nil
	}
	v, kind := text(cellsOf(chunks))
	return v, kind, nil
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

// coded stores a column of few distinct values, a dictionary or dates,
// as the text path would, without writing each row's cell: each chunk's
// keys are mapped to codes in the order their values first appear, as
// buildDict numbers them. It reports false, for the text path to decide,
// when the column is of another type or has many distinct values, when a
// value needs cutting, or when its first value is a number, which would
// make it a numeric column in a CSV file.
func coded(chunks []arrow.Array, n int) (values, bool) {
	for _, a := range chunks {
		switch a.(type) {
		case *array.Dictionary, *array.Date32, *array.Date64, *array.Timestamp:
		default:
			return values{}, false
		}
	}
	codes := make([]uint32, n)
	d := newDict(n)
	row := 0
	for _, a := range chunks {
		cell := cellFunc(a)
		// key is what stands for a row's value in this chunk: its
		// dictionary index, or its date. Keys in a small range are looked
		// up in a slice, others in a map.
		var key func(j int) int64
		lo, hi := int64(0), int64(-1)
		switch a := a.(type) {
		case *array.Dictionary:
			key = func(j int) int64 { return int64(a.GetValueIndex(j)) }
			hi = int64(a.Dictionary().Len()) - 1
		case *array.Date32:
			key = func(j int) int64 { return int64(a.Value(j)) }
		case *array.Date64:
			key = func(j int) int64 { return int64(a.Value(j)) }
		case *array.Timestamp:
			key = func(j int) int64 { return int64(a.Value(j)) }
		}
		if hi < lo {
			lo, hi = math.MaxInt64, math.MinInt64
			for j := range a.Len() {
				if !a.IsNull(j) {
					lo, hi = min(lo, key(j)), max(hi, key(j))
				}
			}
		}
		var slot []uint32 // code+1 of key lo+i; 0 for none yet
		var local map[int64]uint32
		if hi >= lo && uint64(hi-lo) < 1<<16 {
			slot = make([]uint32, hi-lo+1)
		} else {
			local = map[int64]uint32{}
		}
		for j := range a.Len() {
			if a.IsNull(j) {
				codes[row] = d.code("")
			} else if k := key(j); slot != nil {
				c := slot[k-lo]
				if c == 0 {
					c = d.code(cell(j)) + 1
					slot[k-lo] = c
				}
				codes[row] = c - 1
			} else {
				c, ok := local[k]
				if !ok {
					c = d.code(cell(j))
					local[k] = c
				}
				codes[row] = c
			}
			row++
		}
		if d.full() {
			return values{}, false
		}
	}
	return d.text(codes)
}

// dict gathers a coded column's distinct cells, in the order they first
// appear, as buildDict numbers them.
type dict struct {
	distinct []string
	seen     map[string]uint32
	most     int
}

// newDict makes a dict for a column of n rows, which holds as many
// distinct values as buildDict would keep.
func newDict(n int) *dict {
	return &dict{seen: map[string]uint32{}, most: max(dictLimit, n/16)}
}

// code returns the code of cell s, giving it the next one if it is new.
func (d *dict) code(s string) uint32 {
	c, ok := d.seen[s]
	if !ok {
		c = uint32(len(d.distinct))
		d.distinct = append(d.distinct, s)
		d.seen[s] = c
	}
	return c
}

// full reports that the column has too many distinct values to code.
func (d *dict) full() bool { return len(d.distinct) > d.most }

// text stores the coded column as the text path would, or reports false
// for the text path to decide: when it has too many distinct values, when
// a value needs cutting, or when its first value is a number, which would
// make it a numeric column in a CSV file.
func (d *dict) text(codes []uint32) (values, bool) {
	if d.full() {
		return values{}, false
	}
	for _, s := range d.distinct {
		if len(s) > limit.cellBytes {
			return values{}, false
		}
	}
	for _, s := range d.distinct {
		if !isMissing(s) {
			if firstIsNumber(func(yield func(int, string) bool) { yield(0, s) }, false) {
				return values{}, false
			}
			break
		}
	}
	t := buildPages(len(d.distinct), slices.All(d.distinct))
	t.codes = codes
	return values{text: t}, true
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

// valid makes the strings value gives valid UTF-8, as the text of every
// other file is: Arrow promises it for strings but does not check, and
// binary columns promise nothing.
func valid(value func(int) string) func(int) string {
	return func(j int) string { return validText(value(j)) }
}

// cellFunc returns how one chunk's values are written as cells.
func cellFunc(a arrow.Array) func(int) string {
	switch a := a.(type) {
	case *array.String:
		return valid(a.Value)
	case *array.LargeString:
		return valid(a.Value)
	case *array.StringView:
		return valid(a.Value)
	case *array.Binary:
		return valid(func(j int) string { return string(a.Value(j)) })
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
