package worldmap

import (
	"image"
	"image/color"
	"math"
)

// samePlace reports whether two basemaps differ only in where they stand
// and at what scale: the same projection, theme, size and labels.
func samePlace(a, b baseKey) bool {
	a.center, a.metresPerPx = b.center, b.metresPerPx
	return a == b
}

// preview draws into dst the basemap of view v rescaled from a sharp one
// drawn before (src, of view from), nearest pixel for pixel: a frame of a
// zoom costs a copy rather than the countries. Pixels src does not cover
// get the background bg. It reports false when the scales are too far
// apart for a picture worth looking at.
func preview(dst *image.RGBA, v Viewport, src *image.RGBA, from baseKey, pad int, bg color.RGBA) bool {
	ratio := v.MetresPerPx / from.metresPerPx
	if !(ratio > 0.25 && ratio < 4) {
		return false
	}
	w, h := dst.Rect.Dx(), dst.Rect.Dy()
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	// Plane coordinates of dst's pixel (x, y) are origin + (x, -y)·mpp;
	// src's pixel of a plane point p is (p - srcOrigin)/srcMpp.
	ox := v.Center[0] - float64(w)/2*v.MetresPerPx
	oy := v.Center[1] + float64(h)/2*v.MetresPerPx
	sox := from.center[0] - (float64(from.w)/2+float64(pad))*from.metresPerPx
	soy := from.center[1] + (float64(from.h)/2+float64(pad))*from.metresPerPx
	fill := [4]byte{bg.R, bg.G, bg.B, bg.A}
	cols := make([]int, w)
	for x := range cols {
		sx := math.Floor((ox + (float64(x)+0.5)*v.MetresPerPx - sox) / from.metresPerPx)
		cols[x] = -1
		if sx >= 0 && sx < float64(sw) {
			cols[x] = int(sx) * 4
		}
	}
	for y := range h {
		drow := dst.Pix[y*dst.Stride : y*dst.Stride+w*4]
		sy := math.Floor((soy - (oy - (float64(y)+0.5)*v.MetresPerPx)) / from.metresPerPx)
		if sy < 0 || sy >= float64(sh) {
			for x := range w {
				copy(drow[x*4:x*4+4], fill[:])
			}
			continue
		}
		srow := src.Pix[int(sy)*src.Stride:]
		for x, sx := range cols {
			if sx >= 0 {
				copy(drow[x*4:x*4+4], srow[sx:sx+4])
			} else {
				copy(drow[x*4:x*4+4], fill[:])
			}
		}
	}
	return true
}
