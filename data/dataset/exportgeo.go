package dataset

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Format is a kind of file the events are exported as.
type Format string

// The export formats, each read back by chronomap/data/frame to the same
// events.
const (
	CSV     Format = "csv"
	GeoJSON Format = "geojson"
	KML     Format = "kml"
)

// FormatOf returns the export format a file name asks for by its
// extension: .csv, .geojson (or .json) or .kml.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return CSV, nil
	case ".geojson", ".json":
		return GeoJSON, nil
	case ".kml":
		return KML, nil
	}
	return "", fmt.Errorf("%s: events are exported as .csv, .geojson or .kml", path)
}

// Export writes the events the masks show of one or more datasets, one
// mask per dataset, as one file of format f: the columns of WriteCSV,
// each event telling its file and row.
func Export(w io.Writer, f Format, ds []*Dataset, masks []Mask) error {
	if len(masks) != len(ds) {
		return fmt.Errorf("exporting %d datasets with %d masks", len(ds), len(masks))
	}
	switch f {
	case CSV:
		return writeCSV(w, ds, masks)
	case GeoJSON:
		return writeGeoJSON(w, ds, masks)
	case KML:
		return writeKML(w, ds, masks)
	}
	return fmt.Errorf("events are exported as csv, geojson or kml, not %q", f)
}

// WriteGeoJSON writes the events a mask shows as a GeoJSON
// FeatureCollection: a point feature per placed event (a feature without
// geometry for the others), its roles, start and end, file and row as
// properties named as WriteCSV names its columns.
func (d *Dataset) WriteGeoJSON(w io.Writer, m Mask) error {
	return writeGeoJSON(w, []*Dataset{d}, []Mask{m})
}

// WriteKML writes the events a mask shows as KML placemarks, as Google
// Earth reads them: the title (else the label) as the name, the
// description, the start as a TimeStamp (with an end, a TimeSpan), the
// place as a point, and the other roles, the file and the row as
// ExtendedData named as WriteCSV names its columns. Years before 1 AD
// are written in astronomical numbering ("-0508" is 509 BC), as
// everywhere in Chronomap.
func (d *Dataset) WriteKML(w io.Writer, m Mask) error {
	return writeKML(w, []*Dataset{d}, []Mask{m})
}

func writeGeoJSON(w io.Writer, ds []*Dataset, masks []Mask) error {
	header, actors, origins := exportHeader(ds)
	fc := geojson.NewFeatureCollection()
	err := eachRecord(ds, masks, header, actors, origins, func(d *Dataset, i int, rec []string) error {
		var g orb.Geometry
		if d.Index.IsLocated(i) {
			g = orb.Point{d.Index.Lon[i], d.Index.Lat[i]}
		}
		f := geojson.NewFeature(g)
		for k, name := range header {
			switch {
			case name == "lat" || name == "lon" || rec[k] == "":
			case name == "data_row":
				n, _ := strconv.Atoi(rec[k])
				f.Properties[name] = n
			default:
				f.Properties[name] = rec[k]
			}
		}
		fc.Append(f)
		return nil
	})
	if err != nil {
		return err
	}
	b, err := json.Marshal(fc)
	if err != nil {
		return fmt.Errorf("writing events as GeoJSON: %w", err)
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	return nil
}

func writeKML(w io.Writer, ds []*Dataset, masks []Mask) error {
	header, actors, origins := exportHeader(ds)
	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s)) // never fails on a strings.Builder
		return b.String()
	}
	names := make([]string, len(ds))
	for k, d := range ds {
		names[k] = d.Name
	}
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<name>%s</name>\n", esc(strings.Join(names, ", ")))
	col := func(name string) int {
		for k, h := range header {
			if h == name {
				return k
			}
		}
		return -1
	}
	title, desc := col("title"), col("description")
	err := eachRecord(ds, masks, header, actors, origins, func(d *Dataset, i int, rec []string) error {
		name := d.Labels[i]
		if title >= 0 && rec[title] != "" {
			name = rec[title]
		}
		fmt.Fprintf(bw, "<Placemark>\n<name>%s</name>\n", esc(name))
		if desc >= 0 && rec[desc] != "" {
			fmt.Fprintf(bw, "<description>%s</description>\n", esc(rec[desc]))
		}
		if rec[colEnd] == "" {
			fmt.Fprintf(bw, "<TimeStamp><when>%s</when></TimeStamp>\n", rec[colStart])
		} else {
			fmt.Fprintf(bw, "<TimeSpan><begin>%s</begin><end>%s</end></TimeSpan>\n", rec[colStart], rec[colEnd])
		}
		bw.WriteString("<ExtendedData>\n")
		for k, h := range header {
			switch {
			case k == colStart || k == colEnd || k == colLat || k == colLon || k == title || k == desc || rec[k] == "":
			default: // start, end, lat and lon are written above and below
				fmt.Fprintf(bw, "<Data name=\"%s\"><value>%s</value></Data>\n", esc(h), esc(rec[k]))
			}
		}
		bw.WriteString("</ExtendedData>\n")
		if d.Index.IsLocated(i) {
			fmt.Fprintf(bw, "<Point><coordinates>%s,%s</coordinates></Point>\n", rec[colLon], rec[colLat])
		}
		_, err := bw.WriteString("</Placemark>\n")
		return err
	})
	if err != nil {
		return fmt.Errorf("writing events as KML: %w", err)
	}
	bw.WriteString("</Document>\n</kml>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	return nil
}
