//go:build ignore

// Gen writes the embedded basemap from Natural Earth's admin-0 countries
// (public domain), as the Go module github.com/sams96/rgeo v1.3.0 ships
// them (ne_110m and ne_10m_admin_0_countries, gzipped GeoJSON). It keeps
// the geometry and the few properties the map and the gazetteer use, and
// thins the 1:10m outlines to what a screen can show (0.005°, about 500 m).
//
//	go mod download github.com/sams96/rgeo@v1.3.0
//	dir=$(go env GOMODCACHE)/github.com/sams96/rgeo@v1.3.0/data
//	go run assets/basemap/gen.go -in $dir -out assets/basemap
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/simplify"
)

func main() {
	in := flag.String("in", "", "rgeo's data folder")
	out := flag.String("out", "assets/basemap", "where to write")
	flag.Parse()
	for _, c := range []struct {
		src, dst  string
		tolerance float64
		decimals  int
	}{
		{"Countries110.gz", "countries110.geojson.gz", 0, 3},
		{"Countries10.gz", "countries10.geojson.gz", 0.005, 4},
	} {
		if err := convert(filepath.Join(*in, c.src), filepath.Join(*out, c.dst), c.tolerance, c.decimals); err != nil {
			log.Fatalf("%s: %v", c.src, err)
		}
	}
}

// keep lists the properties written, under the names the project reads.
var keep = map[string]string{
	"ISO_A3": "iso_a3", "FIPS_10": "fips", "NAME": "name", "NAME_LONG": "name_long",
	"NAME_EN": "name_en", "NAME_DE": "name_de", "NAME_FR": "name_fr", "NAME_ES": "name_es", "NAME_RU": "name_ru",
	"LABEL_X": "label_x", "LABEL_Y": "label_y", "MIN_LABEL": "min_label", "LABELRANK": "labelrank",
	"POP_EST": "pop_est", "CONTINENT": "continent",
}

func convert(src, dst string, tolerance float64, decimals int) error {
	raw, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return err
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return err
	}
	out := geojson.NewFeatureCollection()
	for _, f := range fc.Features {
		g := f.Geometry
		if tolerance > 0 {
			g = simplify.DouglasPeucker(tolerance).Simplify(orb.Clone(g))
		}
		g = round(g, decimals)
		nf := geojson.NewFeature(g)
		for from, to := range keep {
			if v, ok := f.Properties[from]; ok && v != nil && v != "-99" && v != -99.0 {
				nf.Properties[to] = v
			}
		}
		// Natural Earth leaves ISO_A2 as -99 for France and Norway, whose
		// overseas parts complicate their codes; ISO_A2_EH has them.
		iso := f.Properties.MustString("ISO_A2", "-99")
		if iso == "-99" {
			iso = f.Properties.MustString("ISO_A2_EH", "-99")
		}
		if iso != "-99" {
			nf.Properties["iso_a2"] = iso
		}
		out.Append(nf)
	}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	fmt.Printf("%s: %d countries, %d KB\n", dst, len(out.Features), z.Len()>>10)
	return os.WriteFile(dst, z.Bytes(), 0o644)
}

// round cuts coordinates to a number of decimals: 3 is about 100 m, 4
// about 10 m, finer than the outlines themselves.
func round(g orb.Geometry, decimals int) orb.Geometry {
	f := math.Pow(10, float64(decimals))
	r := func(p orb.Point) orb.Point { return orb.Point{math.Round(p[0]*f) / f, math.Round(p[1]*f) / f} }
	switch g := g.(type) {
	case orb.Polygon:
		return roundPolygon(g, r)
	case orb.MultiPolygon:
		for i := range g {
			g[i] = roundPolygon(g[i], r)
		}
		return g
	}
	return g
}

func roundPolygon(p orb.Polygon, r func(orb.Point) orb.Point) orb.Polygon {
	for i, ring := range p {
		for j := range ring {
			ring[j] = r(ring[j])
		}
		p[i] = ring
	}
	return p
}
