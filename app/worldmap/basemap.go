package worldmap

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"chronomap/assets"
)

// Country is one country or territory of the basemap.
type Country struct {
	ISO2, ISO3 string // ISO 3166-1 codes; empty for places without one (Northern Cyprus)
	FIPS       string // FIPS 10-4, as GDELT writes countries
	Name       string // English
	// Names holds the name in other languages, by code: "de", "fr", "es", "ru".
	Names map[string]string
	// Label is where the name is written, inside the country's main part.
	Label orb.Point
	// MinLabel is the zoom (as Natural Earth counts it, 0 = whole world on
	// a 256-pixel tile) from which the name fits.
	MinLabel float64
	Shape    orb.MultiPolygon
	Bound    orb.Bound
}

// Basemap is the world's countries.
type Basemap struct {
	Countries []Country
}

var (
	coarse   = sync.OnceValues(func() (*Basemap, error) { return decodeBasemap(assets.Countries(false)) })
	detailed = sync.OnceValues(func() (*Basemap, error) { return decodeBasemap(assets.Countries(true)) })
)

// World returns the basemap: coarse (1:110m) for world views, detailed
// (1:10m) when zoomed in. Each is decoded once, on first use, so that
// start-up and commands that draw no map pay nothing.
func World(detail bool) (*Basemap, error) {
	if detail {
		return detailed()
	}
	return coarse()
}

// DecodeDetail decodes the detailed basemap now, if it is not yet: the
// window calls it in the background once a file is open, so that the
// first zoom past the world view does not decode it on the UI thread
// (half a second on a busy machine).
func DecodeDetail() { detailed() }

// decodeBasemap reads the gzipped GeoJSON the assets package embeds.
func decodeBasemap(gz []byte) (*Basemap, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("basemap: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("basemap: %w", err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return nil, fmt.Errorf("basemap: %w", err)
	}
	b := &Basemap{Countries: make([]Country, 0, len(fc.Features))}
	for _, f := range fc.Features {
		var shape orb.MultiPolygon
		switch g := f.Geometry.(type) {
		case orb.Polygon:
			shape = orb.MultiPolygon{g}
		case orb.MultiPolygon:
			shape = g
		default:
			continue
		}
		p := f.Properties
		c := Country{
			ISO2: p.MustString("iso_a2", ""), ISO3: p.MustString("iso_a3", ""), FIPS: p.MustString("fips", ""),
			Name:     p.MustString("name", ""),
			Names:    map[string]string{},
			Label:    orb.Point{p.MustFloat64("label_x", 0), p.MustFloat64("label_y", 0)},
			MinLabel: p.MustFloat64("min_label", 5),
			Shape:    shape,
			Bound:    shape.Bound(),
		}
		for _, lang := range []string{"en", "de", "fr", "es", "ru"} {
			if n := p.MustString("name_"+lang, ""); n != "" {
				c.Names[lang] = n
			}
		}
		if !c.Bound.Contains(c.Label) {
			c.Label = c.Bound.Center()
		}
		b.Countries = append(b.Countries, c)
	}
	return b, nil
}

// ByISO2 returns the country with an ISO 3166-1 alpha-2 code.
func (b *Basemap) ByISO2(code string) (Country, bool) {
	for _, c := range b.Countries {
		if c.ISO2 == code {
			return c, true
		}
	}
	return Country{}, false
}
