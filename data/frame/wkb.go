package frame

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
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

// geoColumns returns the WKB geometry columns of a schema, the primary
// one first; none when the schema declares no such column. geo is the
// file's "geo" metadata, if any.
func geoColumns(schema *arrow.Schema, geoMeta string) []int {
	var cols []int
	primary := ""
	if v, ok := schema.Metadata().GetValue("geo"); ok && geoMeta == "" {
		geoMeta = v
	}
	if v := geoMeta; v != "" {
		var geo struct {
			Primary string `json:"primary_column"`
			Columns map[string]struct {
				Encoding string `json:"encoding"`
			} `json:"columns"`
		}
		if json.Unmarshal([]byte(v), &geo) == nil {
			primary = geo.Primary
			for name, c := range geo.Columns {
				if strings.EqualFold(c.Encoding, "WKB") {
					cols = append(cols, schema.FieldIndices(name)...)
				}
			}
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

// places are what a geometry column gives: each row's lat, lon and
// geometry type as cells, and the rows it could not place.
type places struct {
	lat, lon, kind []string
	problems       []Problem
	nonPoints      int
}

// placesOf reads a column of WKB geometries named name.
func placesOf(name string, chunks []arrow.Array, n int) places {
	p := places{lat: make([]string, n), lon: make([]string, n), kind: make([]string, n)}
	problem := func(row int, value []byte, reason, detail string) {
		v := hex.EncodeToString(value[:min(len(value), 40)])
		p.problems = append(p.problems, Problem{Row: row + 1, Column: name, Value: clip(v), Reason: reason, Detail: detail})
	}
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
			return p
		}
		for j := range a.Len() {
			if a.IsNull(j) {
				problem(row, nil, "row has no geometry", "lat and lon are left empty")
				row++
				continue
			}
			b := value(j)
			g, err := wkb.Unmarshal(b)
			if err != nil {
				problem(row, b, "geometry cannot be read", strings.TrimPrefix(err.Error(), "wkb: ")+"; lat and lon are left empty")
				row++
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
			row++
		}
	}
	return p
}

// kindsOf reads a further geometry column for its types alone.
func kindsOf(chunks []arrow.Array, n int) []string {
	kinds := make([]string, n)
	row := 0
	for _, a := range chunks {
		for j := range a.Len() {
			var b []byte
			switch a := a.(type) {
			case *array.Binary:
				b = a.Value(j)
			case *array.LargeBinary:
				b = a.Value(j)
			case *array.BinaryView:
				b = a.Value(j)
			}
			if !a.IsNull(j) {
				if g, err := wkb.Unmarshal(b); err == nil {
					kinds[row] = g.GeoJSONType()
				}
			}
			row++
		}
	}
	return kinds
}

// nonPointFlag is the flag of lat and lon when some geometries are not
// points, in GeoJSON's words.
func nonPointFlag(nonPoints, n int) string {
	return fmt.Sprintf("%d of %d features are not points: their lat/lon is a representative point (inside a polygon, the middle of a line, the largest part of a multi-part geometry)", nonPoints, n)
}
