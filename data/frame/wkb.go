package frame

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
)

// A GeoParquet file (GeoPandas, DuckDB, GDAL and QGIS write them) keeps
// its geometries as WKB in the columns its "geo" metadata names, and a
// GeoArrow file marks them "geoarrow.wkb". They are read as GeoJSON's are:
// lat and lon come first, from the primary geometry (a representative
// point for lines and polygons, flagged), and each geometry column holds
// its geometries' types.

// geoMetadata reads a GeoParquet "geo" metadata value: the WKB columns
// it names and its primary column.
func geoMetadata(v string) (cols []string, primary string) {
	var geo struct {
		Primary string `json:"primary_column"`
		Columns map[string]struct {
			Encoding string `json:"encoding"`
		} `json:"columns"`
	}
	if json.Unmarshal([]byte(v), &geo) != nil {
		return nil, ""
	}
	for name, c := range geo.Columns {
		if strings.EqualFold(c.Encoding, "WKB") {
			cols = append(cols, name)
		}
	}
	return cols, geo.Primary
}

// geoColumns returns the WKB geometry columns of an Arrow schema, the
// primary one first: those its "geo" metadata names (as pyarrow keeps a
// GeoParquet file's) and those marked "geoarrow.wkb".
func geoColumns(schema *arrow.Schema) []int {
	var cols []int
	primary := ""
	if v, ok := schema.Metadata().GetValue("geo"); ok {
		var names []string
		names, primary = geoMetadata(v)
		for _, name := range names {
			cols = append(cols, schema.FieldIndices(name)...)
		}
	}
	for i, f := range schema.Fields() {
		if ext, ok := f.Metadata.GetValue("ARROW:extension:name"); ok && ext == "geoarrow.wkb" {
			cols = append(cols, i)
		}
	}
	fields := schema.Fields()
	cols = slices.DeleteFunc(cols, func(i int) bool {
		switch fields[i].Type.ID() {
		case arrow.BINARY, arrow.LARGE_BINARY, arrow.BINARY_VIEW:
			return false
		}
		return true // not WKB whatever the metadata says
	})
	slices.Sort(cols)
	cols = slices.Compact(cols)
	if k := slices.IndexFunc(cols, func(i int) bool { return fields[i].Name == primary }); k > 0 {
		cols[0], cols[k] = cols[k], cols[0]
	}
	return cols
}

// arrowWKB yields an Arrow column's WKB values, nil for a null.
func arrowWKB(chunks []arrow.Array) iter.Seq2[int, []byte] {
	return func(yield func(int, []byte) bool) {
		row := 0
		for _, a := range chunks {
			var value func(j int) []byte
			switch a := a.(type) {
			case *array.Binary:
				value = a.Value
			case *array.LargeBinary:
				value = a.Value
			case *array.BinaryView:
				value = a.Value
			default:
				return
			}
			for j := range a.Len() {
				var b []byte
				if !a.IsNull(j) {
					b = value(j)
					if b == nil {
						b = []byte{}
					}
				}
				if !yield(row, b) {
					return
				}
				row++
			}
		}
	}
}

// places are what a geometry column gives: each row's lat, lon and
// geometry type as cells, and the rows it could not place.
type places struct {
	lat, lon, kind []string
	problems       []Problem
	nonPoints      int
}

// placesOf reads a column of WKB geometries named name, of n rows; wkbs
// yields each row's value, nil for a null.
func placesOf(name string, wkbs iter.Seq2[int, []byte], n int) places {
	p := places{lat: make([]string, n), lon: make([]string, n), kind: make([]string, n)}
	problem := func(row int, value []byte, reason, detail string) {
		v := hex.EncodeToString(value[:min(len(value), 40)])
		p.problems = append(p.problems, Problem{Row: row + 1, Column: name, Value: clip(v), Reason: reason, Detail: detail})
	}
	for row, b := range wkbs {
		if row >= n {
			break
		}
		if b == nil {
			problem(row, nil, "row has no geometry", "lat and lon are left empty")
			continue
		}
		g, err := wkb.Unmarshal(b)
		if err != nil {
			problem(row, b, "geometry cannot be read", strings.TrimPrefix(err.Error(), "wkb: ")+"; lat and lon are left empty")
			continue
		}
		p.kind[row] = g.GeoJSONType()
		pt, ok := representativePoint(g)
		switch {
		case !ok || (math.IsNaN(pt[0]) && math.IsNaN(pt[1])):
			problem(row, b, "geometry has no coordinates", "the "+g.GeoJSONType()+" is empty; lat and lon are left empty")
		case math.IsNaN(pt[0]+pt[1]) || math.IsInf(pt[0]+pt[1], 0):
			problem(row, b, "geometry cannot be read", "its coordinates are too large to find a point on it; lat and lon are left empty")
		default:
			p.lon[row] = strconv.FormatFloat(pt[0], 'f', -1, 64)
			p.lat[row] = strconv.FormatFloat(pt[1], 'f', -1, 64)
			if _, point := g.(orb.Point); !point {
				p.nonPoints++
			}
		}
	}
	return p
}

// kindsOf reads a further geometry column for its types alone.
func kindsOf(wkbs iter.Seq2[int, []byte], n int) []string {
	kinds := make([]string, n)
	for row, b := range wkbs {
		if row >= n {
			break
		}
		if g, err := wkb.Unmarshal(b); b != nil && err == nil {
			kinds[row] = g.GeoJSONType()
		}
	}
	return kinds
}

// nonPointFlag is the flag of lat and lon when some geometries are not
// points, in GeoJSON's words.
func nonPointFlag(nonPoints, n int) string {
	return fmt.Sprintf("%d of %d features are not points: their lat/lon is a representative point (inside a polygon, the middle of a line, the largest part of a multi-part geometry)", nonPoints, n)
}

// geoTable makes the table of a columnar file from its columns' names:
// with where (the primary geometry's places, nil when the file has no
// geometry) lat and lon come first, as a GeoJSON file's do. Its build
// stores each column: lat and lon from where, the geometry columns geo
// as their types (the primary's from where, any other's from kinds),
// the rest through column. A column that cannot be read, or whose reader
// panics, is named in the error.
func geoTable(rows int, names []string, geo []int, where *places,
	kinds func(ctx context.Context, i int) ([]string, error),
	column func(ctx context.Context, i int, text func(iter.Seq2[int, string]) (values, Kind)) (values, Kind, error)) *table {
	t := &table{rows: rows}
	if where != nil {
		t.names = []string{"lat", "lon"}
		t.problems = where.problems
		if where.nonPoints > 0 {
			flag := nonPointFlag(where.nonPoints, rows)
			t.flags = []string{flag, flag}
		}
	}
	shift := len(t.names)
	t.names = append(t.names, names...)
	t.build = func(ctx context.Context, i int, text func(iter.Seq2[int, string]) (values, Kind)) (v values, k Kind, err error) {
		defer func() {
			if err != nil {
				v, k, err = values{}, Text, fmt.Errorf("column %q cannot be read: %w", t.names[i], err)
			}
		}()
		defer damaged(&err)
		switch {
		case shift == 2 && i == 0:
			v, k := text(slices.All(where.lat))
			return v, k, nil
		case shift == 2 && i == 1:
			v, k := text(slices.All(where.lon))
			return v, k, nil
		}
		i -= shift
		switch g := slices.Index(geo, i); {
		case g == 0 && where != nil:
			v, k := text(slices.All(where.kind))
			return v, k, nil
		case g >= 0:
			ks, err := kinds(ctx, i)
			if err != nil {
				return values{}, Text, err
			}
			v, k := text(slices.All(ks))
			return v, k, nil
		}
		return column(ctx, i, text)
	}
	return t
}
