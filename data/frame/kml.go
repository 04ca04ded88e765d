package frame

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"golang.org/x/text/encoding/charmap"
)

// readKML reads the Placemarks of a KML file, wherever they sit among its
// Documents and Folders, into one row each: its name and description,
// its time (a TimeStamp's when, or a TimeSpan's begin and end) as start
// and end, lat and lon from its geometry (a representative point for
// anything but a point, as for GeoJSON), the altitude of points when one
// is given, the Folder it is in, its ExtendedData (Data and SchemaData
// fields, as Google Earth and GIS tools write them) and the geometry's
// type when not every placemark is a point.
func readKML(b []byte) (*table, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false // stray entities and unclosed HTML in descriptions are common
	d.CharsetReader = kmlCharset
	k := &kmlRows{data: newRecordColumns()}
	var stack []string // local names of the open elements
	var folders []string
	sawKML := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if !sawKML {
				return nil, fmt.Errorf("not KML: %v", err)
			}
			return nil, fmt.Errorf("not valid KML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "kml":
				sawKML = true
			case "Placemark":
				var p kmlPlacemark
				if err := d.DecodeElement(&p, &t); err != nil {
					return nil, fmt.Errorf("not valid KML: placemark %d: %v", k.data.rows+1, err)
				}
				folder := ""
				if len(folders) > 0 {
					folder = folders[len(folders)-1]
				}
				k.add(p, folder)
				continue
			case "Folder":
				folders = append(folders, "")
			case "name":
				if len(stack) > 0 && stack[len(stack)-1] == "Folder" {
					var name string
					if err := d.DecodeElement(&name, &t); err != nil {
						return nil, fmt.Errorf("not valid KML: %v", err)
					}
					folders[len(folders)-1] = strings.TrimSpace(name)
					continue
				}
			}
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if t.Name.Local == "Folder" && len(folders) > 0 {
				folders = folders[:len(folders)-1]
			}
		}
	}
	if !sawKML {
		return nil, errors.New("not KML: there is no <kml> element")
	}
	return k.table(), nil
}

// readKMZ reads a KMZ archive: the KML file in it (doc.kml, as Google
// Earth names it, else the first .kml at the top, else the first
// anywhere).
func readKMZ(b []byte) (*table, error) {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("not a KMZ archive: %v", err)
	}
	var best *zip.File
	rank := func(f *zip.File) int {
		switch {
		case f.Name == "doc.kml":
			return 3
		case !strings.Contains(f.Name, "/"):
			return 2
		}
		return 1
	}
	for _, f := range z.File {
		if strings.EqualFold(path.Ext(f.Name), ".kml") && (best == nil || rank(f) > rank(best)) {
			best = f
		}
	}
	if best == nil {
		return nil, errors.New("the KMZ archive holds no .kml file")
	}
	r, err := best.Open()
	if err != nil {
		return nil, fmt.Errorf("cannot read %s in the KMZ archive: %w", best.Name, err)
	}
	defer r.Close()
	doc, err := io.ReadAll(io.LimitReader(r, 1<<31))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s in the KMZ archive: %w", best.Name, err)
	}
	return readKML(doc)
}

// kmlCharset reads the 8-bit encodings older GIS exports declare; KML is
// UTF-8 by its standard.
func kmlCharset(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252":
		return charmap.Windows1252.NewDecoder().Reader(r), nil
	case "iso-8859-15":
		return charmap.ISO8859_15.NewDecoder().Reader(r), nil
	}
	return nil, fmt.Errorf("the file is in %s; save it as UTF-8", label)
}

// kmlPlacemark is what a Placemark holds that becomes its row. Field
// names are matched whatever their namespace (kml:, gx:).
type kmlPlacemark struct {
	Name        string `xml:"name"`
	Description string `xml:"description"`
	TimeStamp   struct {
		When string `xml:"when"`
	} `xml:"TimeStamp"`
	TimeSpan struct {
		Begin string `xml:"begin"`
		End   string `xml:"end"`
	} `xml:"TimeSpan"`
	Data []struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value"`
	} `xml:"ExtendedData>Data"`
	SimpleData []struct {
		Name  string `xml:"name,attr"`
		Value string `xml:",chardata"`
	} `xml:"ExtendedData>SchemaData>SimpleData"`
	kmlGeometry
}

// kmlGeometry holds the geometries of a Placemark or a MultiGeometry.
type kmlGeometry struct {
	Points   []kmlCoordinates `xml:"Point"`
	Lines    []kmlCoordinates `xml:"LineString"`
	Rings    []kmlCoordinates `xml:"LinearRing"`
	Polygons []struct {
		Outer kmlCoordinates   `xml:"outerBoundaryIs>LinearRing"`
		Inner []kmlCoordinates `xml:"innerBoundaryIs>LinearRing"`
	} `xml:"Polygon"`
	Tracks []struct {
		Coords []string `xml:"coord"` // gx:coord: "lon lat alt"
	} `xml:"Track"`
	Multi []kmlGeometry `xml:"MultiGeometry"`
}

type kmlCoordinates struct {
	Coordinates string `xml:"coordinates"`
}

// kmlRows collects the rows of a KML file.
type kmlRows struct {
	name, description, start, end, lat, lon, alt, folder, geo []string
	data                                                      *recordColumns // ExtendedData; also counts the rows
	problems                                                  []Problem
	nonPoints                                                 int
}

// add adds the row of one placemark.
func (k *kmlRows) add(p kmlPlacemark, folder string) {
	k.data.rows++
	row := k.data.rows
	start := strings.TrimSpace(p.TimeStamp.When)
	if start == "" {
		start = strings.TrimSpace(p.TimeSpan.Begin)
	}
	lat, lon, alt, geo := k.place(row, p.kmlGeometry)
	for _, c := range []struct {
		col *[]string
		v   string
	}{{&k.name, strings.TrimSpace(p.Name)}, {&k.description, strings.TrimSpace(p.Description)}, {&k.start, start},
		{&k.end, strings.TrimSpace(p.TimeSpan.End)}, {&k.lat, lat}, {&k.lon, lon}, {&k.alt, alt}, {&k.folder, folder}, {&k.geo, geo}} {
		*c.col = append(*c.col, c.v)
	}
	for _, f := range p.Data {
		if n := strings.TrimSpace(f.Name); n != "" {
			k.data.set(n, strings.TrimSpace(f.Value))
		}
	}
	for _, f := range p.SimpleData {
		if n := strings.TrimSpace(f.Name); n != "" {
			k.data.set(n, strings.TrimSpace(f.Value))
		}
	}
}

// place reads a placemark's geometry: a point's coordinates as written,
// or a representative point of anything else; a problem when it has
// none or they cannot be read.
func (k *kmlRows) place(row int, g kmlGeometry) (lat, lon, alt, geo string) {
	if len(g.Points) == 1 && len(g.Lines)+len(g.Rings)+len(g.Polygons)+len(g.Tracks)+len(g.Multi) == 0 {
		c := strings.TrimSpace(g.Points[0].Coordinates)
		f := strings.Split(strings.Join(strings.Fields(c), ""), ",")
		if len(f) < 2 || !isNumber(f[0]) || !isNumber(f[1]) {
			k.problem(row, c, "geometry cannot be read", "a Point needs its coordinates as longitude,latitude; lat and lon are left empty")
			return "", "", "", "Point"
		}
		if len(f) > 2 && isNumber(f[2]) {
			alt = f[2]
		}
		return f[1], f[0], alt, "Point"
	}
	shape, typ, err := g.orb()
	switch {
	case err != nil:
		k.problem(row, err.Error(), "geometry cannot be read", fmt.Sprintf("%v; lat and lon are left empty", err))
		return "", "", "", typ
	case shape == nil:
		k.problem(row, "", "placemark has no geometry", "the placemark has no point, line or polygon; lat and lon are left empty")
		return "", "", "", ""
	}
	p, ok := representativePoint(shape)
	if !ok || math.IsNaN(p[0]+p[1]) || math.IsInf(p[0]+p[1], 0) {
		k.problem(row, "", "geometry has no coordinates", "the "+typ+" has no coordinates to place it by; lat and lon are left empty")
		return "", "", "", typ
	}
	k.nonPoints++
	return strconv.FormatFloat(p[1], 'f', -1, 64), strconv.FormatFloat(p[0], 'f', -1, 64), "", typ
}

// problem records a problem with the geometry of a row.
func (k *kmlRows) problem(row int, value, reason, detail string) {
	k.problems = append(k.problems, Problem{Row: row, Column: "geometry", Value: clip(value), Reason: reason, Detail: detail})
}

// orb turns a KML geometry into orb's, with its KML type name; nil when
// there is none. Several geometries make a collection.
func (g kmlGeometry) orb() (orb.Geometry, string, error) {
	var parts orb.Collection
	var types []string
	for _, p := range g.Points {
		ls, err := kmlLine(p.Coordinates)
		if err != nil || len(ls) == 0 {
			return nil, "Point", fmt.Errorf("point %q: %w", clip(p.Coordinates), orNoCoords(err))
		}
		parts, types = append(parts, ls[0]), append(types, "Point")
	}
	for _, l := range g.Lines {
		ls, err := kmlLine(l.Coordinates)
		if err != nil {
			return nil, "LineString", fmt.Errorf("line: %w", err)
		}
		parts, types = append(parts, ls), append(types, "LineString")
	}
	for _, r := range g.Rings {
		ls, err := kmlLine(r.Coordinates)
		if err != nil {
			return nil, "LinearRing", fmt.Errorf("ring: %w", err)
		}
		parts, types = append(parts, orb.Polygon{orb.Ring(ls)}), append(types, "LinearRing")
	}
	for _, p := range g.Polygons {
		outer, err := kmlLine(p.Outer.Coordinates)
		if err != nil {
			return nil, "Polygon", fmt.Errorf("polygon: %w", err)
		}
		poly := orb.Polygon{orb.Ring(outer)}
		for _, in := range p.Inner {
			hole, err := kmlLine(in.Coordinates)
			if err != nil {
				return nil, "Polygon", fmt.Errorf("polygon hole: %w", err)
			}
			poly = append(poly, orb.Ring(hole))
		}
		parts, types = append(parts, poly), append(types, "Polygon")
	}
	for _, t := range g.Tracks {
		var ls orb.LineString
		for _, c := range t.Coords {
			f := strings.Fields(c)
			if len(f) < 2 || !isNumber(f[0]) || !isNumber(f[1]) {
				return nil, "Track", fmt.Errorf("track position %q is not longitude latitude", clip(c))
			}
			x, _ := strconv.ParseFloat(f[0], 64)
			y, _ := strconv.ParseFloat(f[1], 64)
			ls = append(ls, orb.Point{x, y})
		}
		parts, types = append(parts, ls), append(types, "Track")
	}
	for _, m := range g.Multi {
		shape, _, err := m.orb()
		if err != nil {
			return nil, "MultiGeometry", err
		}
		if shape != nil {
			parts, types = append(parts, shape), append(types, "MultiGeometry")
		}
	}
	switch len(parts) {
	case 0:
		return nil, "", nil
	case 1:
		return parts[0], types[0], nil
	}
	return parts, "MultiGeometry", nil
}

func orNoCoords(err error) error {
	if err == nil {
		return errors.New("no coordinates")
	}
	return err
}

// kmlLine reads a KML coordinates list: "lon,lat[,alt]" tuples apart by
// white space.
func kmlLine(s string) (orb.LineString, error) {
	var ls orb.LineString
	for _, tuple := range strings.Fields(s) {
		f := strings.Split(tuple, ",")
		if len(f) < 2 || !isNumber(f[0]) || !isNumber(f[1]) {
			return nil, fmt.Errorf("%q is not longitude,latitude", clip(tuple))
		}
		x, _ := strconv.ParseFloat(f[0], 64)
		y, _ := strconv.ParseFloat(f[1], 64)
		ls = append(ls, orb.Point{x, y})
	}
	return ls, nil
}

// isNumber reports whether s is a decimal number as KML writes them.
func isNumber(s string) bool {
	v, err := strconv.ParseFloat(s, 64)
	return err == nil && !math.IsInf(v, 0) && !math.IsNaN(v)
}

// table assembles the columns: name, description, start, end, lat, lon,
// then the altitude, folder, ExtendedData fields and geometry type where
// any placemark has one.
func (k *kmlRows) table() *table {
	t := &table{}
	add := func(name string, col []string, always bool) {
		for _, v := range col {
			if v != "" {
				always = true
				break
			}
		}
		if always {
			t.names = append(t.names, name)
			t.cols = append(t.cols, col)
		}
	}
	add("name", k.name, true)
	add("description", k.description, false)
	add("start", k.start, true)
	add("end", k.end, false)
	add("lat", k.lat, true)
	add("lon", k.lon, true)
	if k.nonPoints > 0 {
		flag := fmt.Sprintf("%d of %d placemarks are not points: their lat/lon is a representative point (inside a polygon, the middle of a line, the largest part of a multi-part geometry)", k.nonPoints, k.data.rows)
		t.flags = setFlag(setFlag(t.flags, len(t.names)-2, flag), len(t.names)-1, flag)
	}
	add("elevation", k.alt, false)
	add("folder", k.folder, false)
	data := k.data.table()
	t.names = append(t.names, data.names...)
	t.cols = append(t.cols, data.cols...)
	if k.nonPoints > 0 || len(k.problems) > 0 {
		t.names = append(t.names, "geometry")
		t.cols = append(t.cols, k.geo)
	}
	t.names = uniqueNames(t.names)
	t.problems = k.problems
	for i, p := range t.problems {
		if p.Column == "geometry" { // named apart from an ExtendedData "geometry"
			t.problems[i].Column = t.names[len(t.names)-1]
		}
	}
	return t
}
