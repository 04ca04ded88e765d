package frame

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/encoding"
	"github.com/parquet-go/parquet-go/format"

	"chronomap/data/input"
)

// Parquet files are read with parquet-go, a column at a time and a page at
// a time: numbers straight from the pages' typed values, text stored as a
// dictionary as codes into that dictionary, dates and timestamps coded by
// value, and any other text through the frame's text path, as CSV's cells
// are. (arrow-go's reader was measured beside it: 30% slower to decode the
// 1M-row benchmark file, and 37 MB more in the binary.)

// readParquet reads a Parquet file.
func readParquet(ctx context.Context, b []byte) (t *table, err error) {
	defer damaged(&err)
	// parquet-go allocates the footer's length as the file states it.
	if len(b) < 12 || !bytes.HasPrefix(b, []byte("PAR1")) || !bytes.HasSuffix(b, []byte("PAR1")) {
		return nil, errors.New("not a readable Parquet file: it does not begin and end with PAR1")
	}
	footer := int64(binary.LittleEndian.Uint32(b[len(b)-8:]))
	if footer > int64(len(b))-12 {
		return nil, errors.New("not a readable Parquet file: its end is missing")
	}
	if _, err := checkThrift(b[int64(len(b))-8-footer : len(b)-8]); err != nil {
		return nil, errors.New("not a readable Parquet file: its footer is damaged")
	}
	f, err := pq.OpenFile(bytes.NewReader(b), int64(len(b)), pq.SkipPageIndex(true), pq.SkipBloomFilters(true))
	if err != nil {
		return nil, fmt.Errorf("not a readable Parquet file: %w", err)
	}
	var unpacked int64
	for _, rg := range f.Metadata().RowGroups {
		unpacked += max(rg.TotalByteSize, 0)
	}
	if unpacked > limit.text {
		return nil, tooMuchText("it")
	}
	var leaves []*pq.Column
	var walk func(c *pq.Column)
	walk = func(c *pq.Column) {
		if c.Leaf() {
			leaves = append(leaves, c)
			return
		}
		for _, k := range c.Columns() {
			walk(k)
		}
	}
	walk(f.Root())
	repeated := make([]bool, len(leaves))
	for i, c := range leaves {
		repeated[i] = c.MaxRepetitionLevel() > 0
	}
	if err := checkPages(b, f.Metadata(), repeated); err != nil {
		return nil, err
	}
	rows := f.NumRows()
	switch {
	case len(leaves) == 0:
		return nil, errors.New("it has no columns")
	case len(leaves) > limit.columns:
		return nil, tooManyColumns("it", len(leaves))
	case rows < 0 || rows > int64(maxRows(len(leaves)+2)):
		return nil, tooManyRows("it", len(leaves)+2)
	case rows*int64(len(leaves)) > 4*int64(len(b))+4096:
		// Run-length encoding lets a few bytes stand for millions of
		// empty cells, each of which the frame holds: a file that
		// claims far more cells than it has bytes would be a bomb.
		return nil, fmt.Errorf("it claims %d rows of %d columns in only %s: it is damaged, or not a table of events", rows, len(leaves), input.Size(int64(len(b))))
	}
	n := int(rows)
	names := make([]string, len(leaves))
	for i, c := range leaves {
		// Nested fields are named by their path, as JSON's are.
		names[i] = strings.Join(c.Path(), ".")
	}

	// GeoParquet: lat and lon first, from the primary geometry.
	geo := pqGeoColumns(leaves, names, f)
	var where *places
	if len(geo) > 0 {
		var failed error
		p := placesOf(names[geo[0]], pqWKB(ctx, leaves[geo[0]], &failed), n)
		if failed != nil {
			return nil, fmt.Errorf("column %q cannot be read: %w", names[geo[0]], failed)
		}
		where = &p
	}
	kinds := func(ctx context.Context, i int) ([]string, error) {
		var failed error
		ks := kindsOf(pqWKB(ctx, leaves[i], &failed), n)
		return ks, failed
	}
	column := func(ctx context.Context, i int, text func(iter.Seq2[int, string]) (values, Kind)) (values, Kind, error) {
		return pqColumn{col: leaves[i], rows: n}.store(ctx, text)
	}
	return geoTable(n, names, geo, where, kinds, column), nil
}

// pqGeoColumns returns the WKB geometry columns the file's "geo"
// metadata names, the primary one first.
func pqGeoColumns(leaves []*pq.Column, names []string, f *pq.File) []int {
	meta, ok := f.Lookup("geo")
	if !ok {
		return nil
	}
	geo, primary := geoMetadata(meta)
	var cols []int
	for i, c := range leaves {
		if slices.Contains(geo, names[i]) && c.Type().Kind() == pq.ByteArray && c.MaxRepetitionLevel() == 0 {
			cols = append(cols, i)
		}
	}
	if k := slices.IndexFunc(cols, func(i int) bool { return names[i] == primary }); k > 0 {
		cols[0], cols[k] = cols[k], cols[0]
	}
	return cols
}

// data returns a page's values, the non-null ones, as typed slices; the
// values of a dictionary-encoded page are looked up in its dictionary
// (numbers and dates too are stored so).
func data(p pq.Page) *encoding.Values {
	v := p.Data()
	dict := p.Dictionary()
	if dict == nil {
		return &v
	}
	idx := v.Int32()
	d := dict.Page().Data()
	var out encoding.Values
	switch dict.Type().Kind() {
	case pq.Int32:
		out = encoding.Int32Values(gather(idx, d.Int32()))
	case pq.Int64:
		out = encoding.Int64Values(gather(idx, d.Int64()))
	case pq.Float:
		out = encoding.FloatValues(gather(idx, d.Float()))
	case pq.Double:
		out = encoding.DoubleValues(gather(idx, d.Double()))
	case pq.Int96:
		out = encoding.Int96Values(gather(idx, d.Int96()))
	default:
		return &v
	}
	return &out
}

// gather returns the dictionary values src that idx points at, the zero
// value for an index outside it.
func gather[T any](idx []int32, src []T) []T {
	out := make([]T, len(idx))
	for j, i := range idx {
		if i >= 0 && int(i) < len(src) {
			out[j] = src[i]
		}
	}
	return out
}

// pqColumn is one leaf column of a Parquet file.
type pqColumn struct {
	col  *pq.Column
	rows int
}

// pages calls each for every page of the column, in row order.
func (c pqColumn) pages(ctx context.Context, each func(p pq.Page) error) error {
	pages := c.col.Pages()
	defer pages.Close()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		p, err := pages.ReadPage()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := each(p); err != nil {
			return err
		}
	}
}

// errTooManyValues is a column with more values than the file has rows.
var errTooManyValues = errors.New("it has more values than the file has rows")

// slots calls each for every row of a page of a column that is not
// repeated: null, or the index of its value among the page's values.
func (c pqColumn) slots(p pq.Page, row *int, each func(row, value int, null bool)) error {
	n := int(p.NumValues())
	if *row+n > c.rows {
		return errTooManyValues
	}
	defs, maxDef := p.DefinitionLevels(), byte(c.col.MaxDefinitionLevel())
	if len(defs) != 0 && len(defs) != n {
		return errors.New("its definition levels do not match its values")
	}
	k := 0
	for s := range n {
		if len(defs) != 0 && defs[s] < maxDef {
			each(*row, -1, true)
		} else {
			each(*row, k, false)
			k++
		}
		*row++
	}
	return nil
}

// store stores the column: as numbers, as codes, or through text.
func (c pqColumn) store(ctx context.Context, text func(iter.Seq2[int, string]) (values, Kind)) (values, Kind, error) {
	typ := c.col.Type()
	if c.col.MaxRepetitionLevel() == 0 {
		if num, ok := pqNumber(typ); ok {
			return c.numbers(ctx, num)
		}
		if key, format, ok := pqKey(typ); ok {
			v, ok, err := c.coded(ctx, key, format)
			if err != nil || ok {
				return v, Text, err
			}
		}
		if typ.Kind() == pq.ByteArray {
			v, ok, err := c.dictionary(ctx)
			if err != nil || ok {
				return v, Text, err
			}
		}
	}
	var failed error
	v, kind := text(func(yield func(int, string) bool) {
		failed = c.cells(ctx, yield)
	})
	return v, kind, failed
}

// cells yields every row's cell as text, whatever the column holds; lists
// (repeated columns) as their values in brackets.
func (c pqColumn) cells(ctx context.Context, yield func(int, string) bool) error {
	typ := c.col.Type()
	cell := pqCell(typ)
	maxRep, maxDef := c.col.MaxRepetitionLevel(), c.col.MaxDefinitionLevel()
	row := -1
	var list []string
	inList := false
	flush := func() bool {
		if row < 0 {
			return true
		}
		s := ""
		if inList {
			s = "[" + strings.Join(list, ", ") + "]"
		}
		list, inList = list[:0], false
		return yield(row, s)
	}
	buf := make([]pq.Value, 1024)
	var strs []string // a plain page's strings, copied once
	err := c.pages(ctx, func(p pq.Page) error {
		if maxRep == 0 && typ.Kind() == pq.ByteArray && p.Dictionary() == nil {
			// The fast way: one copy of the page's bytes, cells sliced
			// from it.
			data, offs := data(p).ByteArray()
			whole := string(data)
			strs = strs[:0]
			for j := 0; j+1 < len(offs); j++ {
				strs = append(strs, validText(whole[offs[j]:offs[j+1]]))
			}
			r := row + 1
			var stop bool
			err := c.slots(p, &r, func(row, k int, null bool) {
				if stop {
					return
				}
				s := ""
				if !null && k < len(strs) {
					s = strs[k]
				}
				stop = !yield(row, s)
			})
			row = r - 1
			if stop {
				return errStop
			}
			return err
		}
		vals := p.Values()
		for {
			k, err := vals.ReadValues(buf)
			for _, v := range buf[:k] {
				if maxRep == 0 {
					if row++; row >= c.rows {
						return errTooManyValues
					}
					s := ""
					if !v.IsNull() {
						s = cell(v)
					}
					if !yield(row, s) {
						return errStop
					}
					continue
				}
				if v.RepetitionLevel() == 0 {
					if !flush() {
						return errStop
					}
					if row++; row >= c.rows {
						return errTooManyValues
					}
				}
				switch {
				case v.DefinitionLevel() == maxDef:
					list, inList = append(list, cell(v)), true
				case v.DefinitionLevel() > 0:
					inList = true // an empty list, or a null in one
				}
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	})
	if maxRep > 0 && err == nil && !flush() {
		return nil
	}
	if errors.Is(err, errStop) {
		return nil
	}
	if err == nil && row+1 != c.rows {
		return fmt.Errorf("it has %d values for %d rows", row+1, c.rows)
	}
	return err
}

// numberOf reads a page's values as float64s, in order.
type numberOf func(p pq.Page) []float64

// pqNumber says how a column of numbers is read; false for a column of
// anything else (dates and times are numbers in Parquet, but not here).
func pqNumber(typ pq.Type) (numberOf, bool) {
	lt := typ.LogicalType()
	scale, unsigned := 0, false
	if lt != nil {
		switch v := lt.Value.(type) {
		case *format.IntType:
			unsigned = !v.IsSigned
		case *format.DecimalType:
			scale = int(v.Scale)
		case nil:
		default:
			return nil, false
		}
	}
	if ct := typ.ConvertedType(); lt == nil && ct != nil {
		switch *ct {
		case deprecated.Uint8, deprecated.Uint16, deprecated.Uint32, deprecated.Uint64:
			unsigned = true
		case deprecated.Int8, deprecated.Int16, deprecated.Int32, deprecated.Int64:
		default:
			return nil, false
		}
	}
	div := math.Pow10(scale)
	out := func(fs []float64) []float64 {
		if scale != 0 {
			for i := range fs {
				fs[i] /= div
			}
		}
		return fs
	}
	switch typ.Kind() {
	case pq.Int32:
		return func(p pq.Page) []float64 {
			vs := data(p).Int32()
			fs := make([]float64, len(vs))
			for i, v := range vs {
				if unsigned {
					fs[i] = float64(uint32(v))
				} else {
					fs[i] = float64(v)
				}
			}
			return out(fs)
		}, true
	case pq.Int64:
		return func(p pq.Page) []float64 {
			vs := data(p).Int64()
			fs := make([]float64, len(vs))
			for i, v := range vs {
				// A whole number beyond maxWhole is an identifier, as
				// in CSV: +Inf here makes the column text.
				switch {
				case unsigned && uint64(v) > maxWhole, !unsigned && (v > maxWhole || v < -maxWhole):
					if scale == 0 {
						fs[i] = math.Inf(1)
						continue
					}
				}
				if unsigned {
					fs[i] = float64(uint64(v))
				} else {
					fs[i] = float64(v)
				}
			}
			return out(fs)
		}, true
	case pq.Float:
		if lt != nil {
			return nil, false
		}
		return func(p pq.Page) []float64 {
			vs := data(p).Float()
			fs := make([]float64, len(vs))
			for i, v := range vs {
				fs[i] = float64(v)
			}
			return fs
		}, true
	case pq.Double:
		if lt != nil {
			return nil, false
		}
		return func(p pq.Page) []float64 { return slices.Clone(data(p).Double()) }, true
	}
	return nil, false
}

// numbers stores a column of numbers: Integer when whole and without
// nulls, Number otherwise. A whole number too long for a float sends the
// column to the text path, as in CSV, and so does a column of nulls.
func (c pqColumn) numbers(ctx context.Context, of numberOf) (values, Kind, error) {
	nums := make([]float64, c.rows)
	row, nulls, whole, tooLong := 0, 0, true, false
	err := c.pages(ctx, func(p pq.Page) error {
		fs := of(p)
		return c.slots(p, &row, func(row, k int, null bool) {
			switch {
			case null || k >= len(fs):
				nums[row] = math.NaN()
				nulls++
			case math.IsInf(fs[k], 0):
				// A whole number too long for a float (its reader made
				// it +Inf) or an infinity: text in a CSV file.
				tooLong = true
			default:
				f := fs[k]
				nums[row] = f
				whole = whole && f == math.Trunc(f) && !math.IsInf(f, 0)
			}
		})
	})
	switch {
	case err != nil:
		return values{}, Text, err
	case row != c.rows:
		return values{}, Text, fmt.Errorf("it has %d values for %d rows", row, c.rows)
	case tooLong || nulls == c.rows:
		// Through the text path, as a CSV file's long digits would go.
		var failed error
		var v values
		t := func(yield func(int, string) bool) { failed = c.cells(ctx, yield) }
		v, kind := column(c.rows, t, false)
		return v, kind, failed
	}
	kind := Number
	if whole && nulls == 0 && c.col.Type().Kind() != pq.Float && c.col.Type().Kind() != pq.Double && !isDecimal(c.col.Type()) {
		kind = Integer
	}
	return values{nums: nums}, kind, nil
}

func isDecimal(typ pq.Type) bool {
	lt := typ.LogicalType()
	if lt == nil {
		return false
	}
	_, ok := lt.Value.(*format.DecimalType)
	return ok
}

// keyOf reads a page's values as the int64 keys of their cells.
type keyOf func(p pq.Page) []int64

// pqKey says how a column of dates or timestamps is keyed and written.
func pqKey(typ pq.Type) (keyOf, func(int64) string, bool) {
	int32Keys := func(p pq.Page) []int64 {
		vs := data(p).Int32()
		ks := make([]int64, len(vs))
		for i, v := range vs {
			ks[i] = int64(v)
		}
		return ks
	}
	int64Keys := func(p pq.Page) []int64 { return slices.Clone(data(p).Int64()) }
	stamp := func(unit time.Duration, utc bool) func(int64) string {
		layout := "2006-01-02 15:04:05.999999999"
		if utc {
			layout = "2006-01-02T15:04:05.999999999Z07:00"
		}
		return func(k int64) string {
			return time.Unix(0, 0).Add(time.Duration(k) * unit).UTC().Format(layout)
		}
	}
	date := func(k int64) string { return time.Unix(k*86400, 0).UTC().Format(time.DateOnly) }
	if lt := typ.LogicalType(); lt != nil {
		switch v := lt.Value.(type) {
		case *format.DateType:
			if typ.Kind() == pq.Int32 {
				return int32Keys, date, true
			}
		case *format.TimestampType:
			if typ.Kind() == pq.Int64 && v.Unit.Value != nil {
				return int64Keys, stamp(v.Unit.Value.Duration(), v.IsAdjustedToUTC), true
			}
		}
		return nil, nil, false
	}
	if ct := typ.ConvertedType(); ct != nil {
		switch {
		case *ct == deprecated.Date && typ.Kind() == pq.Int32:
			return int32Keys, date, true
		case *ct == deprecated.TimestampMillis && typ.Kind() == pq.Int64:
			return int64Keys, stamp(time.Millisecond, true), true
		case *ct == deprecated.TimestampMicros && typ.Kind() == pq.Int64:
			return int64Keys, stamp(time.Microsecond, true), true
		}
		return nil, nil, false
	}
	if typ.Kind() == pq.Int96 {
		// Impala's and Spark's old timestamps: nanoseconds of the day and
		// a Julian day.
		return func(p pq.Page) []int64 {
			vs := data(p).Int96()
			ks := make([]int64, len(vs))
			for i, v := range vs {
				nanos := int64(v[1])<<32 | int64(v[0])
				ks[i] = (int64(v[2])-2440588)*86400e9 + nanos
			}
			return ks
		}, stamp(time.Nanosecond, false), true
	}
	return nil, nil, false
}

// coded stores a column of dates or timestamps as a dictionary of their
// cells; false when its values are too many distinct ones.
func (c pqColumn) coded(ctx context.Context, key keyOf, format func(int64) string) (values, bool, error) {
	codes := make([]uint32, c.rows)
	d := newDict(c.rows)
	local := map[int64]uint32{}
	row := 0
	err := c.pages(ctx, func(p pq.Page) error {
		ks := key(p)
		if err := c.slots(p, &row, func(row, k int, null bool) {
			if null || k >= len(ks) {
				codes[row] = d.code("")
				return
			}
			code, ok := local[ks[k]]
			if !ok {
				code = d.code(format(ks[k]))
				local[ks[k]] = code
			}
			codes[row] = code
		}); err != nil {
			return err
		}
		if d.full() {
			return errStop
		}
		return nil
	})
	return c.coding(err, row, d, codes)
}

// coding ends the coding of a column's rows into d: false when it
// stopped (errStop: the column is not one to code), the error when the
// pages were damaged or did not give every row a value.
func (c pqColumn) coding(err error, row int, d *dict, codes []uint32) (values, bool, error) {
	if errors.Is(err, errStop) {
		return values{}, false, nil
	}
	if err == nil && row != c.rows {
		err = fmt.Errorf("it has %d values for %d rows", row, c.rows)
	}
	if err != nil {
		return values{}, false, err
	}
	v, ok := d.text(codes)
	return v, ok, nil
}

// dictionary stores a text column that the file keeps as a dictionary in
// every page: each dictionary's values are copied once, and each row gets
// the code of its value. False when a page is not dictionary-encoded (the
// writer's dictionary overflowed) or the values are too many.
func (c pqColumn) dictionary(ctx context.Context) (values, bool, error) {
	codes := make([]uint32, c.rows)
	d := newDict(c.rows)
	var last pq.Dictionary
	var local []uint32 // code+1 of each value of the last dictionary; 0 for not yet seen
	row := 0
	err := c.pages(ctx, func(p pq.Page) error {
		dict := p.Dictionary()
		if dict == nil {
			return errStop
		}
		if dict != last {
			last, local = dict, make([]uint32, dict.Len())
		}
		idx := data(p).Int32()
		if err := c.slots(p, &row, func(row, k int, null bool) {
			if null || k >= len(idx) || idx[k] < 0 || int(idx[k]) >= len(local) {
				codes[row] = d.code("")
				return
			}
			code := local[idx[k]]
			if code == 0 {
				code = d.code(validText(string(dict.Index(idx[k]).ByteArray()))) + 1
				local[idx[k]] = code
			}
			codes[row] = code - 1
		}); err != nil {
			return err
		}
		if d.full() {
			return errStop
		}
		return nil
	})
	return c.coding(err, row, d, codes)
}

// pqCell returns how one value of a column is written as a cell.
func pqCell(typ pq.Type) func(v pq.Value) string {
	lt := typ.LogicalType()
	if lt != nil {
		switch t := lt.Value.(type) {
		case *format.UUIDType:
			return func(v pq.Value) string {
				b := v.ByteArray()
				if len(b) != 16 {
					return hex.EncodeToString(b)
				}
				h := hex.EncodeToString(b)
				return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
			}
		case *format.TimeType:
			unit := time.Millisecond
			if t.Unit.Value != nil {
				unit = t.Unit.Value.Duration()
			}
			return func(v pq.Value) string {
				n := v.Int64()
				if typ.Kind() == pq.Int32 {
					n = int64(v.Int32())
				}
				return time.Unix(0, 0).Add(time.Duration(n) * unit).UTC().Format("15:04:05.999999999")
			}
		case *format.DecimalType:
			if typ.Kind() == pq.ByteArray || typ.Kind() == pq.FixedLenByteArray {
				scale := int(t.Scale)
				return func(v pq.Value) string { return decimalText(v.ByteArray(), scale) }
			}
		}
	}
	if num, ok := pqNumber(typ); ok && num != nil {
		return func(v pq.Value) string {
			switch v.Kind() {
			case pq.Int32:
				return strconv.FormatInt(int64(v.Int32()), 10)
			case pq.Int64:
				return strconv.FormatInt(v.Int64(), 10)
			case pq.Float:
				return strconv.FormatFloat(float64(v.Float()), 'f', -1, 32)
			case pq.Double:
				return strconv.FormatFloat(v.Double(), 'f', -1, 64)
			}
			return v.String()
		}
	}
	if _, format, ok := pqKey(typ); ok {
		return func(v pq.Value) string {
			switch v.Kind() {
			case pq.Int32:
				return format(int64(v.Int32()))
			case pq.Int96:
				i := v.Int96()
				return format((int64(i[2])-2440588)*86400e9 + (int64(i[1])<<32 | int64(i[0])))
			}
			return format(v.Int64())
		}
	}
	switch typ.Kind() {
	case pq.Boolean:
		return func(v pq.Value) string { return strconv.FormatBool(v.Boolean()) }
	case pq.ByteArray, pq.FixedLenByteArray:
		return func(v pq.Value) string { return validText(string(v.ByteArray())) }
	}
	return pq.Value.String
}

// decimalText writes a decimal stored as big-endian two's complement.
func decimalText(b []byte, scale int) string {
	n := new(big.Int).SetBytes(b)
	if len(b) > 0 && b[0]&0x80 != 0 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	f, _ := new(big.Float).Quo(new(big.Float).SetInt(n), new(big.Float).SetFloat64(math.Pow10(scale))).Float64()
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// pqWKB yields a geometry column's WKB values, nil for a null; failed
// tells why the column could not be read to its end.
func pqWKB(ctx context.Context, col *pq.Column, failed *error) iter.Seq2[int, []byte] {
	c := pqColumn{col: col}
	return func(yield func(int, []byte) bool) {
		row := 0
		buf := make([]pq.Value, 256)
		*failed = c.pages(ctx, func(p pq.Page) error {
			vals := p.Values()
			for {
				k, err := vals.ReadValues(buf)
				for _, v := range buf[:k] {
					var b []byte
					if !v.IsNull() {
						b = append([]byte{}, v.ByteArray()...)
					}
					if !yield(row, b) {
						return errStop
					}
					row++
				}
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return err
				}
			}
		})
		if errors.Is(*failed, errStop) {
			*failed = nil
		}
	}
}

// validText makes s valid UTF-8, as the text of every other file is:
// Parquet promises it for strings but does not check, and binary columns
// promise nothing.
func validText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}
