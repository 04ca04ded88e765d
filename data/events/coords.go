package events

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// wktPoint matches a WKT point, which writes longitude first:
// "POINT(37.62 55.75)", "SRID=4326;POINT Z (37.62 55.75 120)".
var wktPoint = regexp.MustCompile(`(?i)^(?:srid=\d+;)?\s*point\s*z?\s*\(\s*([-+0-9.eE]+)[\s,]+([-+0-9.eE]+)(?:\s+[-+0-9.eE]+)?\s*\)$`)

// parseCoordPair reads one value holding both coordinates: "55.75, 37.62"
// (latitude first, as people write them), "55,75; 37,62", a WKT point
// (longitude first, as WKT writes them), or degrees with hemispheres in
// either order: "55°45′N 37°37′E", "37.62E 55.75N", "N55.75 E37.62".
// ok is false unless both coordinates are in range.
func parseCoordPair(s string) (lat, lon float64, ok bool) {
	lat, lon, ok = readCoordPair(s)
	return lat, lon, ok && validLat(lat) && validLon(lon)
}

// readCoordPair reads a coordinate pair as parseCoordPair does, without
// checking the range, so that a pair out of range can be told from
// something that is no pair at all.
func readCoordPair(s string) (lat, lon float64, ok bool) {
	s = strings.TrimSpace(s)
	if m := wktPoint.FindStringSubmatch(s); m != nil {
		x, err1 := strconv.ParseFloat(m[1], 64)
		y, err2 := strconv.ParseFloat(m[2], 64)
		if err1 != nil || err2 != nil {
			return 0, 0, false
		}
		return y, x, true
	}
	a, b, ok := splitPair(s)
	if !ok {
		return 0, 0, false
	}
	v1, h1, ok1 := parseAngle(a)
	v2, h2, ok2 := parseAngle(b)
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	switch {
	case isLonHemi(h1) && (h2 == 0 || isLatHemi(h2)):
		lat, lon = v2, v1
	case isLatHemi(h1) && (h2 == 0 || isLonHemi(h2)), h1 == 0 && (h2 == 0 || isLonHemi(h2)):
		lat, lon = v1, v2
	default: // "55N 37S": two latitudes
		return 0, 0, false
	}
	return lat, lon, true
}

// isCoordPair reports whether a value reads as a coordinate pair.
func isCoordPair(s string) bool {
	_, _, ok := parseCoordPair(s)
	return ok
}

// splitPair cuts a coordinate pair into its two halves.
func splitPair(s string) (string, string, bool) {
	// At a hemisphere letter between the halves: after it when letters
	// end each half ("55°45′N 37°37′E"), before it when they begin each
	// half ("N55.75 E37.62").
	prefix := len(s) > 0 && isHemiLetter(s[0])
	for i := 1; i < len(s)-1; i++ {
		if isHemiLetter(s[i]) && !isLetter(s[i-1]) && !isLetter(s[i+1]) && strings.ContainsAny(s[:i], "0123456789") &&
			strings.ContainsAny(s[i+1:], "0123456789") {
			if prefix {
				return strings.Trim(s[:i], " ,;/"), strings.TrimSpace(s[i:]), true
			}
			return strings.TrimSpace(s[:i+1]), strings.Trim(s[i+1:], " ,;/"), true
		}
	}
	if a, b, ok := strings.Cut(s, ";"); ok {
		return strings.TrimSpace(a), strings.TrimSpace(b), true
	}
	if strings.Count(s, ",") == 1 {
		a, b, _ := strings.Cut(s, ",")
		return strings.TrimSpace(a), strings.TrimSpace(b), true
	}
	if a, b, ok := strings.Cut(s, ", "); ok { // "55,75, 37,62"
		return strings.TrimSpace(a), strings.TrimSpace(b), true
	}
	if f := strings.Fields(s); len(f) == 2 {
		return f[0], f[1], true
	}
	return "", "", false
}

// parseAngle reads one coordinate: a decimal number (with a point or a
// comma), or degrees, minutes and seconds, with an optional sign or
// hemisphere letter before or after (N, S, E, W, and O for German Ost).
// It returns the signed value in degrees and the hemisphere letter, if any.
func parseAngle(s string) (float64, byte, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, 0, false
	}
	var hemi byte
	if isHemiLetter(s[0]) {
		hemi, s = upper(s[0]), strings.TrimSpace(s[1:])
	} else if n := len(s); isHemiLetter(s[n-1]) && !(s[n-1] == 's' && strings.Contains(s, "m")) {
		// A final "s" after minutes ("55d45m36s") marks seconds, not south.
		hemi, s = upper(s[n-1]), strings.TrimSpace(s[:n-1])
	}
	neg := false
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		if hemi != 0 {
			return 0, 0, false // "-55S": a sign and a hemisphere contradict or repeat each other
		}
		neg = true
		s = strings.TrimLeft(strings.TrimPrefix(s, "−"), "-")
	}
	// Split into up to three numbers at degree, minute and second marks.
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '°', 'º', '′', '\'', '’', '″', '"', '”', ':', ' ', 'd', 'm', 's':
			return true
		}
		return false
	})
	if len(parts) == 0 || len(parts) > 3 {
		return 0, 0, false
	}
	var v float64
	for i, p := range parts {
		x, err := strconv.ParseFloat(strings.Replace(p, ",", ".", 1), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || (i > 0 && (x < 0 || x >= 60)) {
			return 0, 0, false
		}
		v += x / math.Pow(60, float64(i))
	}
	if neg || hemi == 'S' || hemi == 'W' {
		v = -v
	}
	if hemi == 'O' {
		hemi = 'E'
	}
	return v, hemi, true
}

func isHemiLetter(c byte) bool { return strings.IndexByte("NSEWOnsewo", c) >= 0 }
func isLatHemi(h byte) bool    { return h == 'N' || h == 'S' }
func isLonHemi(h byte) bool    { return h == 'E' || h == 'W' }
func isLetter(c byte) bool     { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
func upper(c byte) byte        { return c &^ 0x20 }

func validLat(v float64) bool { return v >= -90 && v <= 90 && !math.IsNaN(v) }
func validLon(v float64) bool { return v >= -180 && v <= 180 && !math.IsNaN(v) }
