// Package assets holds the files Chronomap carries inside its binary: the
// bundled sample data, the application icon and the basemap. It imports no GUI code so
// that the command-line tools and tests can use it without a display.
//
// LICENSES.md says where each file comes from; icongen/main.go redraws the
// icon and basemap/gen.go rewrites the basemap.
package assets

import _ "embed"

// SampleTitle names the bundled sample wherever it is shown; it says
// "sample data" so that nobody mistakes it for a real, complete picture.
const SampleTitle = "Sample — Russia's outreach, November 2023 (sample data)"

// sampleName is the sample's file name; its extension tells the frame
// reader it is CSV.
const sampleName = "chronomap-sample.csv"

//go:embed sample/chronomap-sample.csv
var sampleCSV []byte

// IconPNG is the application icon, a 512×512 PNG. The window wraps it in a
// Fyne resource; this package stays free of Fyne.
//
//go:embed icon.png
var IconPNG []byte

// Sample returns the bundled sample: a file name ending in ".csv" and its
// UTF-8 content. The bytes are a copy, so callers may change them.
func Sample() (name string, data []byte) {
	return sampleName, append([]byte(nil), sampleCSV...)
}

//go:embed basemap/countries110.geojson.gz
var countries110 []byte

//go:embed basemap/countries10.geojson.gz
var countries10 []byte

// Countries returns Natural Earth's country outlines as gzipped GeoJSON:
// coarse (1:110m, 177 countries) for world views, or detailed (1:10m
// thinned to about 500 m, 258 countries and territories) for zoomed-in
// ones. The bytes are shared: callers must not change them.
func Countries(detailed bool) []byte {
	if detailed {
		return countries10
	}
	return countries110
}
