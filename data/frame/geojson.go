package frame

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

// readGeoJSON reads a GeoJSON FeatureCollection, a single Feature, a bare
// geometry, or a sequence of features one per line, into one row per
// feature: lat and lon from the geometry (a representative point for
// anything but a point), the third coordinate of points when there is one,
// the feature id, the properties flattened like JSON records, and the
// geometry type.
//
// Geometries are parsed with orb; properties, ids and point coordinates are
// taken from the file itself so that members keep their order and numbers
// stay as written.
func readGeoJSON(ctx context.Context, b []byte) (*table, error) {
	b, err := jsonText(b)
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(b, 0x1e) >= 0 {
		// RFC 8142 text sequences put a record separator before each feature.
		b = bytes.ReplaceAll(b, []byte{0x1e}, []byte{' '})
	}
	g := &geoRows{src: b, props: newRecordColumns()}
	g.props.extra = 6 // lat, lon, the third coordinate, id, geometry, and one to spare
	r := newJSONReader(ctx, b, 0)
	r.skim = true
	streamed := 0
	r.features = func(f *jsonValue) error {
		streamed++
		g.addFeature(f)
		return g.props.err
	}
	root, err := readJSONStream(r, func(rec jsonRecord) error {
		if rec.bad != nil {
			g.addRow()
			g.problem("", rec.bad.text, "not valid JSON", fmt.Sprintf("line %d: %s; its row is left empty", rec.bad.line, rec.bad.detail))
		} else {
			g.addFeature(rec.v)
		}
		return g.props.err
	})
	if err != nil {
		return nil, err
	}
	if g.props.err != nil {
		return nil, g.props.err
	}
	if root == nil { // a sequence of features
		return g.table(), nil
	}
	if root.kind != jsonObject {
		return nil, errors.New("not GeoJSON: the top level is not an object")
	}
	typ := root.member("type")
	if typ == nil || typ.kind != jsonString {
		return nil, errors.New(`not GeoJSON: the top-level object has no "type"`)
	}
	switch typ.text {
	case "FeatureCollection":
		// Its features were read as they came.
		if features := root.member("features"); features == nil || features.kind != jsonArray {
			return nil, errors.New(`not GeoJSON: the FeatureCollection has no "features" array`)
		}
	case "Feature":
		g.addFeature(root)
	case "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection":
		g.addRow()
		g.addGeometry(root)
	default:
		return nil, fmt.Errorf("not GeoJSON: the top-level type is %q", clip(typ.text))
	}
	if streamed > 0 && typ.text != "FeatureCollection" {
		return nil, fmt.Errorf("not GeoJSON: a %s holds a \"features\" array", typ.text)
	}
	if g.props.err != nil {
		return nil, g.props.err
	}
	return g.table(), nil
}

// geoRows collects the rows of a GeoJSON file.
type geoRows struct {
	src                      []byte
	lat, lon, depth, id, geo []string
	props                    *recordColumns // also counts the rows
	problems                 []Problem
	nonPoints                int // features whose lat/lon is a representative point
	hasDepth, hasID          bool
	depthName                string
}

// depthName names the column for the third coordinate of points, from
// the first feature with properties. GeoJSON calls it altitude, but the
// USGS earthquake feeds put the depth in km there; recognise them by their
// magnitude properties.
func depthName(p *jsonValue) string {
	if p.member("mag") != nil && p.member("magType") != nil {
		return "depth"
	}
	return "elevation"
}

// addRow starts a row with every cell empty.
func (g *geoRows) addRow() {
	g.props.newRow()
	g.lat = append(g.lat, "")
	g.lon = append(g.lon, "")
	g.depth = append(g.depth, "")
	g.id = append(g.id, "")
	g.geo = append(g.geo, "")
}

// problem records a problem with the current row.
func (g *geoRows) problem(column, value, reason, detail string) {
	g.problems = append(g.problems, Problem{Row: g.props.rows, Column: column, Value: clip(value), Reason: reason, Detail: detail})
}

// addFeature adds the row for one feature.
func (g *geoRows) addFeature(f *jsonValue) {
	g.addRow()
	if f.kind != jsonObject {
		g.problem("", f.compact(g.src), "not a feature", fmt.Sprintf("the feature is %s, not a GeoJSON Feature object; its row is left empty", f.kind))
		return
	}
	row := g.props.rows - 1
	if id := f.member("id"); id != nil && (id.kind == jsonString || id.kind == jsonNumber) {
		g.id[row], g.hasID = id.text, true
	}
	switch p := f.member("properties"); {
	case p == nil || p.kind == jsonNull:
	case p.kind == jsonObject:
		if g.depthName == "" {
			g.depthName = depthName(p)
		}
		g.props.flatten(g.src, "", p)
	default:
		g.problem("", p.compact(g.src), "properties not an object", fmt.Sprintf("the feature's properties are %s, not an object of named values; they are left out", p.kind))
	}
	geom := f.member("geometry")
	if geom == nil || geom.kind == jsonNull {
		g.problem("geometry", "", "feature has no geometry", "lat and lon are left empty")
		return
	}
	g.addGeometry(geom)
}

// addGeometry fills lat, lon, the third coordinate and the geometry type of
// the current row from a geometry object.
func (g *geoRows) addGeometry(geom *jsonValue) {
	row := g.props.rows - 1
	typ := geom.member("type")
	if typ != nil && typ.kind == jsonString {
		g.geo[row] = typ.text
	}
	parsed, err := geojson.UnmarshalGeometry(geom.raw(g.src))
	if err != nil {
		g.problem("geometry", geom.compact(g.src), "geometry cannot be read", strings.TrimPrefix(err.Error(), "geojson: ")+"; lat and lon are left empty")
		return
	}
	shape := parsed.Geometry()
	if _, ok := shape.(orb.Point); ok {
		// Take the coordinates as written rather than as orb's floats.
		c := pointNumbers(geom.member("coordinates"), g.src)
		if len(c) < 2 {
			g.problem("geometry", geom.compact(g.src), "geometry cannot be read", "a Point needs two numbers, longitude and latitude; lat and lon are left empty")
			return
		}
		g.lon[row], g.lat[row] = c[0], c[1]
		if len(c) > 2 {
			g.depth[row], g.hasDepth = c[2], true
		}
		return
	}
	p, ok := representativePoint(shape)
	if !ok {
		g.problem("geometry", geom.compact(g.src), "geometry has no coordinates", "the "+g.geo[row]+" is empty; lat and lon are left empty")
		return
	}
	if math.IsNaN(p[0]+p[1]) || math.IsInf(p[0]+p[1], 0) {
		g.problem("geometry", geom.compact(g.src), "geometry cannot be read", "its coordinates are too large to find a point on it; lat and lon are left empty")
		return
	}
	g.lon[row] = strconv.FormatFloat(p[0], 'f', -1, 64)
	g.lat[row] = strconv.FormatFloat(p[1], 'f', -1, 64)
	g.nonPoints++
}

// pointNumbers returns a Point's coordinates as written, up to the first
// that is not a number; its array was kept as its span alone.
func pointNumbers(c *jsonValue, src []byte) []string {
	if c == nil || c.kind != jsonArray {
		return nil
	}
	raw := bytes.TrimSpace(c.raw(src))
	if len(raw) < 2 || raw[0] != '[' || raw[len(raw)-1] != ']' {
		return nil
	}
	var out []string
	for _, part := range bytes.Split(raw[1:len(raw)-1], []byte(",")) {
		n := string(bytes.TrimSpace(part))
		if !json.Valid(part) || n == "" || (n[0] != '-' && (n[0] < '0' || n[0] > '9')) {
			break
		}
		out = append(out, n)
	}
	return out
}

// table assembles the columns: lat, lon, the third coordinate, id, the
// properties in file order, and the geometry type.
func (g *geoRows) table() *table {
	props := g.props.table()
	n := g.props.rows
	t := &table{names: []string{"lat", "lon"}, cols: [][]string{g.lat, g.lon}}
	if g.nonPoints > 0 {
		flag := nonPointFlag(g.nonPoints, n)
		t.flags = []string{flag, flag}
	}
	if g.hasDepth {
		name := g.depthName
		if name == "" {
			name = "elevation"
		}
		t.names = append(t.names, name)
		t.cols = append(t.cols, g.depth)
		flag := "third coordinate of each point, as written; GeoJSON means altitude, but some feeds put depth there"
		if name == "depth" {
			flag = "third coordinate of each point, as written: depth in km below the surface (USGS)"
		}
		t.flags = setFlag(t.flags, len(t.names)-1, flag)
	}
	if g.hasID {
		t.names = append(t.names, "id")
		t.cols = append(t.cols, g.id)
	}
	t.names = append(t.names, props.names...)
	t.cols = append(t.cols, props.cols...)
	t.names = append(t.names, "geometry")
	t.cols = append(t.cols, g.geo)
	// A property may share a name with a column made here; name them apart
	// now so that the problems name the right column.
	t.names = uniqueNames(t.names)
	t.problems = g.problems
	for i, p := range t.problems {
		if p.Column == "geometry" {
			t.problems[i].Column = t.names[len(t.names)-1]
		}
	}
	return t
}

// setFlag sets the flag of column i, growing flags as needed.
func setFlag(flags []string, i int, flag string) []string {
	for len(flags) <= i {
		flags = append(flags, "")
	}
	flags[i] = flag
	return flags
}

// representativePoint returns a point that stands for g on a map: a point
// inside a polygon (its centroid when that lies inside), the midpoint along
// a line, and for multi-part geometries the representative point of their
// largest part. It reports false when g has no coordinates.
func representativePoint(g orb.Geometry) (orb.Point, bool) {
	switch g := g.(type) {
	case orb.Point:
		return g, true
	case orb.MultiPoint:
		// Points have no size to compare: the first one stands for all.
		if len(g) == 0 {
			return orb.Point{}, false
		}
		return g[0], true
	case orb.LineString:
		return lineMidpoint(g)
	case orb.MultiLineString:
		best, bestLen := -1, -1.0
		for i, ls := range g {
			if l := planar.Length(ls); len(ls) > 0 && l > bestLen {
				best, bestLen = i, l
			}
		}
		if best < 0 {
			return orb.Point{}, false
		}
		return lineMidpoint(g[best])
	case orb.Polygon:
		return polygonPoint(g)
	case orb.MultiPolygon:
		best, bestArea := -1, -1.0
		for i, p := range g {
			if a := planar.Area(p); len(p) > 0 && len(p[0]) > 0 && a > bestArea {
				best, bestArea = i, a
			}
		}
		if best < 0 {
			return orb.Point{}, false
		}
		return polygonPoint(g[best])
	case orb.Collection:
		// The largest part of the highest dimension: areas beat lines beat
		// points. Each part's point is found once: collections nest.
		var best orb.Point
		bestDim, bestSize := -1, -1.0
		for _, part := range g {
			p, ok := representativePoint(part)
			if !ok {
				continue
			}
			dim, size := part.Dimensions(), 0.0
			switch dim {
			case 2:
				size = planar.Area(part)
			case 1:
				size = planar.Length(part)
			}
			if dim > bestDim || (dim == bestDim && size > bestSize) {
				best, bestDim, bestSize = p, dim, size
			}
		}
		return best, bestDim >= 0
	case orb.Ring:
		return polygonPoint(orb.Polygon{g})
	case orb.Bound:
		return g.Center(), true
	}
	return orb.Point{}, false
}

// lineMidpoint returns the point halfway along a line, measured in the
// plane of its coordinates.
func lineMidpoint(ls orb.LineString) (orb.Point, bool) {
	if len(ls) == 0 {
		return orb.Point{}, false
	}
	half := planar.Length(ls) / 2
	for i := 1; i < len(ls); i++ {
		seg := planar.Distance(ls[i-1], ls[i])
		if seg > 0 && half <= seg {
			f := half / seg
			return orb.Point{ls[i-1][0] + f*(ls[i][0]-ls[i-1][0]), ls[i-1][1] + f*(ls[i][1]-ls[i-1][1])}, true
		}
		half -= seg
	}
	return ls[0], true // every point the same
}

// polygonPoint returns the polygon's centroid when it lies inside the
// polygon, and otherwise a point on its surface: the middle of the widest
// stretch of the horizontal line through the middle of its bounds that
// lies inside it (holes count as outside).
func polygonPoint(p orb.Polygon) (orb.Point, bool) {
	if len(p) == 0 || len(p[0]) == 0 {
		return orb.Point{}, false
	}
	c, area := planar.CentroidArea(p)
	if area > 0 && !math.IsNaN(c[0]) && !math.IsNaN(c[1]) && planar.PolygonContains(p, c) {
		return c, true
	}
	y := p[0].Bound().Center()[1]
	var xs []float64
	for _, ring := range p {
		for i := 1; i < len(ring); i++ {
			a, b := ring[i-1], ring[i]
			if (a[1] > y) != (b[1] > y) {
				xs = append(xs, a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]))
			}
		}
	}
	slices.Sort(xs)
	best, width := -1, -1.0
	for i := 0; i+1 < len(xs); i += 2 {
		if w := xs[i+1] - xs[i]; w > width {
			best, width = i, w
		}
	}
	if best < 0 {
		return p[0][0], true // a polygon without area: one of its corners
	}
	return orb.Point{(xs[best] + xs[best+1]) / 2, y}, true
}
