// Package gazetteer holds the embedded data of Chronomap's gazetteer:
// populated places and countries with their names in many languages, as
// gzipped tab-separated text written by gen.go. The package
// chronomap/data/places reads it; README.md says where it comes from and
// how to write it again.
package gazetteer

import _ "embed"

// Places is the gzipped list of populated places, one a line: name,
// ISO 3166-1 alpha-2 country, latitude, longitude, kind (c capital,
// s regional seat, p other place), population, and the place's other
// names folded by places.Fold, comma-separated. Lines starting with '#'
// are comments. The bytes are shared: callers must not change them.
//
//go:embed places.tsv.gz
var Places []byte

// Countries is the gzipped list of countries, one a line: ISO 3166-1
// alpha-2, alpha-3, FIPS 10-4 code (as GDELT uses), English name,
// latitude, longitude of a representative point, population, and the
// country's names in many languages folded by places.Fold,
// comma-separated. The bytes are shared: callers must not change them.
//
//go:embed countries.tsv.gz
var Countries []byte
