package frame

import (
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestReadKML reads placemarks as Google Earth and GIS tools write them:
// nested in folders, with a TimeStamp or a TimeSpan, points, a polygon, a
// line and a multi-geometry (placed by a representative point, flagged),
// Data and SchemaData fields, one without geometry, one BC, one broken.
func TestReadKML(t *testing.T) {
	for _, file := range []string{"testdata/kml_placemarks.kml", "testdata/kml_placemarks.kmz"} {
		f, err := ReadFile(file, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.TrimPrefix(file[len(file)-3:], "."); f.Source.Format != want {
			t.Errorf("%s: format %q, want %q", file, f.Source.Format, want)
		}
		want := []string{"name", "description", "start", "end", "lat", "lon", "elevation", "folder", "actor", "source", "fatalities", "geometry"}
		if got := f.Names(); !slices.Equal(got, want) {
			t.Fatalf("%s: columns %q, want %q", file, got, want)
		}
		if f.Rows() != 8 {
			t.Fatalf("%s: %d rows, want 8", file, f.Rows())
		}
		cell := func(row int, col string) string { return f.Text(row, f.Col(col)) }
		for _, c := range []struct {
			row       int
			col, want string
		}{
			{0, "name", "Shoigu receives Nicaragua's army chief"},
			{0, "description", "<p>Talks in <b>Moscow</b> on training.</p>"},
			{0, "start", "2023-11-07"}, {0, "lat", "55.7522"}, {0, "lon", "37.6156"}, {0, "elevation", "0"},
			{0, "folder", "Diplomacy"}, {0, "actor", "Sergei Shoigu"}, {0, "source", "TASS"}, {0, "geometry", "Point"},
			{1, "start", "2023-11-20T09:00:00Z"}, {1, "end", "2023-11-22T18:00:00Z"}, {1, "lat", "40.1811"},
			{2, "folder", "Areas"}, {2, "source", "MoD"}, {2, "fatalities", "0"}, {2, "geometry", "Polygon"},
			{3, "geometry", "LineString"}, {4, "geometry", "MultiGeometry"},
			{5, "folder", ""}, {5, "lat", ""}, {6, "start", "-0508"},
		} {
			if got := cell(c.row, c.col); got != c.want {
				t.Errorf("%s: row %d %s = %q, want %q", file, c.row+1, c.col, got, c.want)
			}
		}
		near := func(row int, lat, lon float64) {
			t.Helper()
			la, lo := f.Number(row, f.Col("lat")), f.Number(row, f.Col("lon"))
			if math.Abs(la-lat) > 1e-9 || math.Abs(lo-lon) > 1e-9 {
				t.Errorf("%s: row %d at %v, %v; want %v, %v", file, row+1, la, lo, lat, lon)
			}
		}
		near(2, 40.5, 44.5) // the polygon's centre
		near(3, 50, 31)     // halfway along the line
		near(4, 21, 21)     // the polygon, larger than the point
		if fl := f.Columns[f.Col("lat")].Flag; !strings.Contains(fl, "3 of 8 placemarks are not points") {
			t.Errorf("%s: lat flag %q", file, fl)
		}
		var got []string
		for _, p := range f.Problems {
			got = append(got, p.Column+" "+p.Reason)
		}
		if want := []string{"geometry placemark has no geometry", "geometry geometry cannot be read"}; !slices.Equal(got, want) || f.Problems[0].Row != 6 || f.Problems[1].Row != 8 {
			t.Errorf("%s: problems %+v, want %q in rows 6 and 8", file, f.Problems, want)
		}
	}
}

// TestReadKMLSniffed reads KML from a file without its extension, and
// says why other XML and a KMZ without KML cannot be read.
func TestReadKMLSniffed(t *testing.T) {
	b, err := os.ReadFile("testdata/kml_placemarks.kml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := ReadBytes("export", b, Options{})
	if err != nil || f.Source.Format != "kml" || f.Rows() != 8 {
		t.Fatalf("sniffed: %v", err)
	}
	for name, data := range map[string]string{
		"feed.kml":  `<?xml version="1.0"?><rss><channel/></rss>`,
		"half.kml":  `<kml><Document><Placemark><name>a</name>`,
		"plain.kml": "name,date\na,2023\n",
	} {
		if _, err := ReadBytes(name, []byte(data), Options{}); err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), "KML") {
			t.Errorf("%s: error %v", name, err)
		}
	}
	if _, err := ReadBytes("x.kmz", b, Options{}); err == nil || !strings.Contains(err.Error(), "KMZ") {
		t.Errorf("a KML file named .kmz: %v", err)
	}
}

// FuzzKML reads any bytes as KML: an error or a table whose columns all
// have a cell per placemark, never a panic.
func FuzzKML(f *testing.F) {
	b, err := os.ReadFile("testdata/kml_placemarks.kml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	for _, s := range []string{
		`<kml><Placemark><Point><coordinates>1,2</coordinates></Point></Placemark></kml>`,
		`<kml><Placemark><MultiGeometry><MultiGeometry><LineString><coordinates>1,2 3,4</coordinates></LineString></MultiGeometry></MultiGeometry></Placemark></kml>`,
		`<kml><Folder><name>a</name><Folder><Placemark/></Folder></Folder></kml>`,
		`<kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>1e400,2</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><kml><Placemark><name>M` + "\xfc" + `nchen</name></Placemark></kml>`,
		`<kml><Placemark><gx:Track><gx:coord>1 2 3</gx:coord></gx:Track></Placemark></kml>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := readKML(b)
		if err != nil {
			return
		}
		if len(tb.names) != len(tb.cols) {
			t.Fatalf("%d names, %d columns", len(tb.names), len(tb.cols))
		}
		for i, c := range tb.cols {
			if len(c) != len(tb.cols[0]) {
				t.Fatalf("column %q has %d cells, column %q %d", tb.names[i], len(c), tb.names[0], len(tb.cols[0]))
			}
		}
	})
}
