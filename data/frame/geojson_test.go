package frame

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// usgsFixture is a real USGS feed, kept beside the project rather than in
// it; a fresh clone does not have it.
var usgsFixture = filepath.Join("..", "..", "..", "shared", "fixtures", "usgs_significant_month_2013-07.geojson")

func TestReadGeoJSONUSGS(t *testing.T) {
	if _, err := os.Stat(usgsFixture); err != nil {
		t.Skipf("shared fixture not available: %v", err)
	}
	f, err := ReadFile(usgsFixture, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Source.Format != "geojson" {
		t.Errorf("format = %q", f.Source.Format)
	}
	if f.Rows() != 6 {
		t.Fatalf("rows = %d, want 6", f.Rows())
	}
	if len(f.Problems) != 0 {
		t.Errorf("problems = %+v", f.Problems)
	}
	// lat, lon, the depth, the id, then the properties as the file has them.
	want := []string{"lat", "lon", "depth", "id", "mag", "place", "time", "updated", "tz", "url", "detail",
		"felt", "cdi", "mmi", "alert", "status", "tsunami", "sig", "net", "code", "ids", "sources", "types",
		"nst", "dmin", "rms", "gap", "magType", "type", "geometry"}
	if got := f.Names(); !slices.Equal(got, want) {
		t.Fatalf("names =\n%q\nwant\n%q", got, want)
	}
	for _, c := range f.Columns {
		if (c.Name == "lat" || c.Name == "lon") && c.Flag != "" {
			t.Errorf("%s flagged although every feature is a point: %q", c.Name, c.Flag)
		}
		if c.Name == "depth" && !strings.Contains(c.Flag, "depth in km") {
			t.Errorf("depth flag = %q", c.Flag)
		}
	}
	if got := columnRecords(t, f, "place"); got[0] != "13km E of Chabu, China" {
		t.Errorf("place = %q", got)
	}
	if got := columnRecords(t, f, "geometry"); !slices.Equal(got, []string{"Point", "Point", "Point", "Point", "Point", "Point"}) {
		t.Errorf("geometry = %q", got)
	}

	b, err := os.ReadFile(usgsFixture)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := readGeoJSON(context.Background(), b)
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]string{"lat": "34.4991", "lon": "104.2427", "depth": "9.84", "id": "usb000ije3",
		"time": "1374450356960", "tz": "480", "tsunami": "", "magType": "Mwp"}
	for name, w := range cells {
		if got := tableCells(t, tb, name)[0]; got != w {
			t.Errorf("first feature %s = %q, want %q", name, got, w)
		}
	}
	if got := tableCells(t, tb, "felt")[2]; got != "" {
		t.Errorf("felt of the third feature (null) = %q", got)
	}
}

func TestReadGeoJSONShapes(t *testing.T) {
	path := filepath.Join("testdata", "geojson_shapes.geojson")
	f, err := ReadFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantNames := []string{"lat", "lon", "elevation", "id", "name", "date", "info.source", "info.rank", "zone", "geometry"}
	if got := f.Names(); !slices.Equal(got, wantNames) {
		t.Fatalf("names = %q, want %q", got, wantNames)
	}
	if f.Rows() != 10 {
		t.Fatalf("rows = %d, want 10", f.Rows())
	}
	wantFlag := "6 of 10 features are not points: their lat/lon is a representative point"
	for _, c := range f.Columns[:2] {
		if !strings.HasPrefix(c.Flag, wantFlag) {
			t.Errorf("%s flag = %q, want it to start %q", c.Name, c.Flag, wantFlag)
		}
	}
	if c := f.Columns[2]; !strings.Contains(c.Flag, "third coordinate") {
		t.Errorf("elevation flag = %q", c.Flag)
	}
	wantProblems := []Problem{
		{Row: 7, Column: "geometry", Reason: "feature has no geometry", Detail: "lat and lon are left empty"},
		{Row: 10, Column: "geometry", Value: `{"type":"Circle","coordinates":[1,2],"radius":5}`, Reason: "geometry cannot be read",
			Detail: "invalid geometry; lat and lon are left empty"},
	}
	if !slices.Equal(f.Problems, wantProblems) {
		t.Errorf("problems =\n%+v\nwant\n%+v", f.Problems, wantProblems)
	}

	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := readGeoJSON(context.Background(), b)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		// point, square (centroid), U shape (centroid outside: a point
		// inside), line (halfway along), multipoint (first), multipolygon
		// (larger part), no geometry, point with height, collection (its
		// line), unreadable geometry.
		"lat":         {"55.7522", "2", "3", "10", "30", "45", "", "40.7942", "0", ""},
		"lon":         {"37.6156", "2", "1", "20", "30", "65", "", "43.8465", "-10", ""},
		"elevation":   {"", "", "", "", "", "", "", "1550.0", "", ""},
		"id":          {"a1", "2", "", "", "", "", "", "höhe", "", ""},
		"info.source": {"ISW", "", "", "Reuters", "", "", "", "", "", ""},
		"date":        {"2023-11-07", "2023-11-03", "2023-11-04", "", "", "", "2023-11-10", "", "", ""},
		"geometry":    {"Point", "Polygon", "Polygon", "LineString", "MultiPoint", "MultiPolygon", "", "Point", "GeometryCollection", "Circle"},
	}
	for name, w := range want {
		if got := tableCells(t, tb, name); !slices.Equal(got, w) {
			t.Errorf("%s =\n%q\nwant\n%q", name, got, w)
		}
	}
}

func TestReadGeoJSONFeature(t *testing.T) {
	f, err := ReadFile(filepath.Join("testdata", "geojson_feature.geojson"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Properties come after "geometry" in this file: their order still holds.
	if got := f.Names(); !slices.Equal(got, []string{"lat", "lon", "id", "title", "time", "tags", "empty", "geometry"}) {
		t.Errorf("names = %q", got)
	}
	if got := columnRecords(t, f, "tags"); !slices.Equal(got, []string{"nicaragua; russia"}) {
		t.Errorf("tags = %q", got)
	}
	if got := columnRecords(t, f, "title"); !slices.Equal(got, []string{"Avilés Castillo in Moskau"}) {
		t.Errorf("title = %q", got)
	}
}

func TestReadGeoJSONOtherShapes(t *testing.T) {
	// A bare geometry is one row.
	tb, err := readGeoJSON(context.Background(), []byte(`{"type": "Point", "coordinates": [13.4050, 52.5200, 34]}`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tb.names, []string{"lat", "lon", "elevation", "geometry"}) || tb.cols[0][0] != "52.5200" || tb.cols[2][0] != "34" {
		t.Errorf("bare point: names %q, cells %q", tb.names, tb.cols)
	}
	// Features one per line (RFC 8142 with record separators), one damaged.
	seq := "\x1e{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":{\"n\":1}}\n" +
		"\x1e{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[3,4]},\"properties\":{\"n\":2}}\n" +
		"\x1e{\"type\":\"Feature\",\"geometry\":{\"type\":\"Po\n"
	tb, err = readGeoJSON(context.Background(), []byte(seq))
	if err != nil {
		t.Fatal(err)
	}
	if got := tableCells(t, tb, "lat"); !slices.Equal(got, []string{"2", "4", ""}) {
		t.Errorf("sequence lat = %q", got)
	}
	if len(tb.problems) != 1 || tb.problems[0].Row != 3 || tb.problems[0].Reason != "not valid JSON" {
		t.Errorf("sequence problems = %+v", tb.problems)
	}
	// An empty collection is a valid file with no rows.
	tb, err = readGeoJSON(context.Background(), []byte(`{"type":"FeatureCollection","features":[]}`))
	if err != nil || len(tb.cols[0]) != 0 {
		t.Errorf("empty collection: %v, %+v", err, tb)
	}
	// Odd features still give a row each.
	tb, err = readGeoJSON(context.Background(), []byte(`{"type":"FeatureCollection","features":[
		42,
		{"type":"Feature","properties":[1],"geometry":{"type":"Point","coordinates":[5]}},
		{"type":"Feature","properties":{"geometry":"mine"},"geometry":{"type":"LineString","coordinates":[]}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	wantProblems := []Problem{
		{Row: 1, Value: "42", Reason: "not a feature", Detail: "the feature is a number, not a GeoJSON Feature object; its row is left empty"},
		{Row: 2, Value: "[1]", Reason: "properties not an object", Detail: "the feature's properties are an array, not an object of named values; they are left out"},
		{Row: 2, Column: "geometry (2)", Value: `{"type":"Point","coordinates":[5]}`, Reason: "geometry cannot be read",
			Detail: "a Point needs two numbers, longitude and latitude; lat and lon are left empty"},
		{Row: 3, Column: "geometry (2)", Value: `{"type":"LineString","coordinates":[]}`, Reason: "geometry has no coordinates",
			Detail: "the LineString is empty; lat and lon are left empty"},
	}
	if !slices.Equal(tb.problems, wantProblems) {
		t.Errorf("problems =\n%+v\nwant\n%+v", tb.problems, wantProblems)
	}
	if !slices.Equal(tb.names, []string{"lat", "lon", "geometry", "geometry (2)"}) {
		t.Errorf("names = %q", tb.names)
	}
}

func TestReadGeoJSONErrors(t *testing.T) {
	for in, want := range map[string]string{
		``:                                    "the file is empty",
		`[1,2]`:                               "not GeoJSON: the top level is not an object",
		`{"features": []}`:                    `not GeoJSON: the top-level object has no "type"`,
		`{"type": "Topology", "objects": {}}`: `not GeoJSON: the top-level type is "Topology"`,
		`{"type": "FeatureCollection"}`:       `not GeoJSON: the FeatureCollection has no "features" array`,
		`{"type": "FeatureCollection", "features": [`: "JSON ends early at byte 43 (line 1)",
	} {
		_, err := readGeoJSON(context.Background(), []byte(in))
		if err == nil || err.Error() != want {
			t.Errorf("readGeoJSON(%q): err = %v\nwant %s", in, err, want)
		}
	}
}

func TestRepresentativePoint(t *testing.T) {
	square := orb.Polygon{{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}}
	// A square with a square hole in its middle: the centroid is in the hole.
	holed := orb.Polygon{square[0], {{1, 1}, {3, 1}, {3, 3}, {1, 3}, {1, 1}}}
	cases := []struct {
		name string
		g    orb.Geometry
		want orb.Point
		ok   bool
	}{
		{"point", orb.Point{1, 2}, orb.Point{1, 2}, true},
		{"square", square, orb.Point{2, 2}, true},
		{"holed square", holed, orb.Point{0.5, 2}, true},
		{"line", orb.LineString{{0, 0}, {2, 0}, {2, 6}}, orb.Point{2, 2}, true},
		{"line of one point", orb.LineString{{5, 5}}, orb.Point{5, 5}, true},
		{"longest line", orb.MultiLineString{{{0, 0}, {1, 0}}, {{10, 0}, {20, 0}}}, orb.Point{15, 0}, true},
		{"flat polygon", orb.Polygon{{{0, 0}, {1, 1}, {2, 2}, {0, 0}}}, orb.Point{1, 1}, true},
		{"empty polygon", orb.Polygon{}, orb.Point{}, false},
		{"empty multipoint", orb.MultiPoint{}, orb.Point{}, false},
		{"empty collection", orb.Collection{orb.LineString{}}, orb.Point{}, false},
	}
	// Collections nest; finding a point must not take time exponential in
	// the depth.
	var nested orb.Geometry = orb.Point{7, 8}
	for range 300 {
		nested = orb.Collection{nested, orb.Collection{}}
	}
	cases = append(cases, struct {
		name string
		g    orb.Geometry
		want orb.Point
		ok   bool
	}{"deeply nested collection", nested, orb.Point{7, 8}, true})
	for _, c := range cases {
		got, ok := representativePoint(c.g)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: got %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
		if p, isPoly := c.g.(orb.Polygon); isPoly && ok && planar.Area(p) > 0 && !planar.PolygonContains(p, got) {
			t.Errorf("%s: %v is not inside", c.name, got)
		}
	}
}

// FuzzReadGeoJSON checks that no input makes the GeoJSON reader panic or
// build a table whose columns differ in length.
func FuzzReadGeoJSON(f *testing.F) {
	for _, name := range []string{"geojson_shapes.geojson", "geojson_feature.geojson"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		`{"type":"Point","coordinates":[1,2,3]}`,
		`{"type":"GeometryCollection","geometries":[{"type":"GeometryCollection","geometries":[]}]}`,
		`{"type":"MultiPolygon","coordinates":[[[]],[[[0,0],[1e308,0],[1e308,1e308],[0,0]]]]}`,
		`{"type":"Polygon","coordinates":[[[0,0],[0,0],[0,0]]]}`,
		`{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[0,0]]},"properties":null}`,
		`{"type":"FeatureCollection","features":[null,{"type":"Feature","geometry":{"type":"Point","coordinates":["a","b"]}}]}`,
		"{\"type\":\"Feature\",\"properties\":{\"a\":1}}\n{\"type\":\"Feature\"}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := readGeoJSON(context.Background(), b)
		if err != nil {
			return
		}
		checkTable(t, tb)
	})
}

func TestReadGeoJSONHugeCoordinates(t *testing.T) {
	// The centroid overflows; the point inside comes from the scan line.
	tb, err := readGeoJSON(context.Background(), []byte(`{"type":"Polygon","coordinates":[[[0,0],[1e308,0],[1e308,1e308],[0,1e308],[0,0]]]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := strconv.FormatFloat(5e307, 'f', -1, 64)
	if lat, lon := tableCells(t, tb, "lat")[0], tableCells(t, tb, "lon")[0]; lat != want || lon != want {
		t.Errorf("lat, lon = %.20s…, %.20s…; want 5e307 for both", lat, lon)
	}
	// Coordinates orb cannot hold make a problem, not "+Inf" in a number column.
	tb, err = readGeoJSON(context.Background(), []byte(`{"type":"LineString","coordinates":[[0,0],[1e400,0]]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := tableCells(t, tb, "lat")[0]; got != "" || len(tb.problems) != 1 || tb.problems[0].Reason != "geometry cannot be read" {
		t.Errorf("lat = %q, problems %+v", got, tb.problems)
	}
}
