package events

import (
	"math"
	"testing"
)

func TestParseCoordPair(t *testing.T) {
	tests := []struct {
		in       string
		lat, lon float64
	}{
		{"55.75, 37.62", 55.75, 37.62},
		{"55.75,37.62", 55.75, 37.62},
		{"55.75 37.62", 55.75, 37.62},
		{"55,75; 37,62", 55.75, 37.62},
		{"55,75, 37,62", 55.75, 37.62},
		{"POINT(37.62 55.75)", 55.75, 37.62},
		{"point (37.62, 55.75)", 55.75, 37.62},
		{"SRID=4326;POINT Z (37.62 55.75 120)", 55.75, 37.62},
		{"55°45′N 37°37′E", 55.75, 37.6166667},
		{"55°45'21\"N, 37°37'04\"E", 55 + 45/60.0 + 21/3600.0, 37 + 37/60.0 + 4/3600.0},
		{"37°37′O 55°45′N", 55.75, 37.6166667}, // German Ost, longitude first
		{"37.62E 55.75N", 55.75, 37.62},
		{"N55.75 E37.62", 55.75, 37.62},
		{"N 55.75, E 37.62", 55.75, 37.62},
		{"S33.87 E151.21", -33.87, 151.21},
		{"33°52′S 151°12′E", -(33 + 52/60.0), 151.2},
		{"40°26′N 79°58′W", 40 + 26/60.0, -(79 + 58/60.0)},
		{"-33.87, 151.21", -33.87, 151.21},
		{"−33.87, 151.21", -33.87, 151.21}, // a typographic minus
		{"  12.5 , -86.25  ", 12.5, -86.25},
	}
	for _, tt := range tests {
		lat, lon, ok := parseCoordPair(tt.in)
		if !ok || !near(lat, tt.lat) || !near(lon, tt.lon) {
			t.Errorf("parseCoordPair(%q) = %v, %v, %v; want %v, %v, true", tt.in, lat, lon, ok, tt.lat, tt.lon)
		}
		if !isCoordPair(tt.in) {
			t.Errorf("isCoordPair(%q) = false", tt.in)
		}
	}
}

func TestParseCoordPairRejects(t *testing.T) {
	for _, in := range []string{
		"hello",
		"95, 10",          // latitude out of range
		"10, 190",         // longitude out of range
		"POINT(37.62 95)", // WKT is lon lat: 95 is the latitude
		"55N 37S",         // two latitudes
		"37E 55W",         // two longitudes
		"",
		"1 2 3",
		"55.75",
		"55.75, abc",
		"NaN, NaN",
		"Inf, 1",
		"2023-11-07",
		"Moscow, Russia",
		"55°75′N 37°37′E", // 75 minutes
	} {
		if lat, lon, ok := parseCoordPair(in); ok {
			t.Errorf("parseCoordPair(%q) = %v, %v, true; want false", in, lat, lon)
		}
	}
}

func TestParseAngle(t *testing.T) {
	tests := []struct {
		in   string
		v    float64
		hemi byte
	}{
		{"55.75", 55.75, 0},
		{"-33.87", -33.87, 0},
		{"+12", 12, 0},
		{"55,7522", 55.7522, 0},
		{"55°45′", 55.75, 0},
		{"55°45′N", 55.75, 'N'},
		{"55° 45′ 36″ N", 55.76, 'N'},
		{"55°45'36\"N", 55.76, 'N'},
		{"55:45:36", 55.76, 0},
		{"55d45m36s", 55.76, 0},
		{"N55.75", 55.75, 'N'},
		{"S 33.5", -33.5, 'S'},
		{"33°30′S", -33.5, 'S'},
		{"79°58′W", -(79 + 58/60.0), 'W'},
		{"w79.5", -79.5, 'W'},
		{"37°37′O", 37 + 37/60.0, 'E'}, // O for Ost is east
		{"37.62E", 37.62, 'E'},
	}
	for _, tt := range tests {
		v, h, ok := parseAngle(tt.in)
		if !ok || !near(v, tt.v) || h != tt.hemi {
			t.Errorf("parseAngle(%q) = %v, %q, %v; want %v, %q, true", tt.in, v, h, ok, tt.v, tt.hemi)
		}
	}
	for _, in := range []string{"", "N", "abc", "55°61′", "55°45′70″", "1:2:3:4", "NaN", "-55S", "-79W"} {
		if v, h, ok := parseAngle(in); ok {
			t.Errorf("parseAngle(%q) = %v, %q, true; want false", in, v, h)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// FuzzParseCoordPair checks that any value either reads as coordinates in
// range or is refused, without panicking.
func FuzzParseCoordPair(f *testing.F) {
	for _, s := range []string{"55.75, 37.62", "55,75; 37,62", "POINT(37.62 55.75)", "SRID=4326;POINT Z (37.62 55.75 120)",
		"55°45′N 37°37′E", "55°45'21\"N, 37°37'04\"E", "37°37′O 55°45′N", "N55.75 E37.62", "55d45m36s, 1", "N", "-", "°′″"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lat, lon, ok := parseCoordPair(s)
		if ok && (!validLat(lat) || !validLon(lon)) {
			t.Errorf("parseCoordPair(%q) = %v, %v, true: out of range", s, lat, lon)
		}
	})
}
