//go:build ignore

// Icongen draws Chronomap's application icon, assets/icon.png: a map pin
// standing on a globe, dropping a line to the one highlighted event on a
// timeline track below it — "where" above "when".
//
// Run from the module root:
//
//	go run assets/icongen/main.go -out assets/icon.png
//
// It uses only the standard library: every shape is an inside test, and each
// pixel is sampled on a grid so that edges come out anti-aliased.
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

// size is the icon's width and height in pixels; Fyne scales it down.
const size = 512

// samples is the number of samples per pixel along each axis.
const samples = 5

// The palette is Okabe–Ito's, which stays distinct under the common kinds of
// colour blindness, with two darker blues of the same hue for the ground.
var (
	navyTop    = rgb(0x0B, 0x2F, 0x55)
	navyBottom = rgb(0x06, 0x1A, 0x33)
	blue       = rgb(0x00, 0x72, 0xB2) // Okabe–Ito blue
	skyBlue    = rgb(0x56, 0xB4, 0xE9) // Okabe–Ito sky blue
	orange     = rgb(0xE6, 0x9F, 0x00) // Okabe–Ito orange
	vermillion = rgb(0xD5, 0x5E, 0x00) // Okabe–Ito vermillion
	green      = rgb(0x00, 0x9E, 0x73) // Okabe–Ito bluish green
	yellow     = rgb(0xF0, 0xE4, 0x42) // Okabe–Ito yellow
	white      = rgb(0xFF, 0xFF, 0xFF)
)

// Geometry, in pixels of the 512×512 canvas.
const (
	margin = 24.0  // transparent border around the tile, as desktop icons have
	corner = 104.0 // tile corner radius

	globeX, globeY, globeR = 256.0, 226.0, 142.0

	pinX, pinY, pinR = 256.0, 150.0, 64.0 // centre and radius of the pin's head
	pinTip           = 284.0              // y of the pin's point
	pinHole          = 25.0

	trackY, trackLeft, trackRight, trackW = 420.0, 92.0, 420.0, 12.0
)

func main() {
	out := flag.String("out", "assets/icon.png", "where to write the PNG")
	flag.Parse()
	img := render()
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// layer is one shape of the icon, painted over the ones before it.
type layer struct {
	inside func(x, y float64) bool
	paint  func(x, y float64) rgba // colour at a point, alpha included
}

// rgba is a straight (not premultiplied) colour with components in 0..1.
type rgba struct{ r, g, b, a float64 }

func rgb(r, g, b uint8) rgba { return rgba{float64(r) / 255, float64(g) / 255, float64(b) / 255, 1} }

func (c rgba) alpha(a float64) rgba { c.a *= a; return c }

func solid(c rgba) func(x, y float64) rgba { return func(x, y float64) rgba { return c } }

// mix blends a towards b by t.
func mix(a, b rgba, t float64) rgba {
	t = math.Max(0, math.Min(1, t))
	return rgba{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t, a.a + (b.a-a.a)*t}
}

func layers() []layer {
	tile := func(x, y float64) bool { return inRoundedRect(x, y, margin, margin, size-margin, size-margin, corner) }
	globe := func(x, y float64) bool { return inCircle(x, y, globeX, globeY, globeR) }
	onGlobe := func(f func(x, y float64) bool) func(x, y float64) bool {
		return func(x, y float64) bool { return globe(x, y) && f(x, y) }
	}
	pin := func(x, y float64) bool { return inPin(x, y) }
	var ls []layer
	// The tile: a deep navy with a soft vertical gradient.
	ls = append(ls, layer{tile, func(x, y float64) rgba { return mix(navyTop, navyBottom, (y-margin)/(size-2*margin)) }})
	// The globe: a blue disc, lit from the upper left, with a graticule.
	ls = append(ls, layer{globe, func(x, y float64) rgba {
		d := math.Hypot(x-(globeX-60), y-(globeY-70)) / (2 * globeR)
		return mix(mix(blue, skyBlue, 0.25), mix(blue, navyBottom, 0.35), d)
	}})
	line := skyBlue.alpha(0.55)
	for _, a := range []float64{0.4, 0.8} { // meridians: ellipses of half-width a·R
		a := a
		ls = append(ls, layer{onGlobe(func(x, y float64) bool {
			return nearEllipse(x, y, globeX, globeY, a*globeR, globeR, 2.6)
		}), solid(line)})
	}
	for _, lat := range []float64{-0.5, 0, 0.5} { // parallels: chords at sin(latitude)·R
		lat := lat
		ls = append(ls, layer{onGlobe(func(x, y float64) bool { return math.Abs(y-(globeY+lat*globeR)) < 2.6 }), solid(line)})
	}
	ls = append(ls, layer{func(x, y float64) bool {
		d := math.Hypot(x-globeX, y-globeY)
		return d <= globeR && d > globeR-5
	}, solid(skyBlue.alpha(0.9))})
	// A soft shadow where the pin stands on the globe.
	ls = append(ls, layer{globe, func(x, y float64) rgba {
		d := math.Hypot((x-pinX)/34, (y-pinTip)/10)
		return rgba{0, 0, 0, 0.35 * math.Max(0, 1-d)}
	}})
	// The time line: a dashed drop from the pin's point to its event.
	ls = append(ls, layer{func(x, y float64) bool {
		if math.Abs(x-pinX) > 3.5 || y < pinTip+6 || y > trackY-24 {
			return false
		}
		return math.Mod(y-(pinTip+6), 20) < 11
	}, solid(white.alpha(0.85))})
	// The track and its events.
	ls = append(ls, layer{func(x, y float64) bool {
		return nearSegment(x, y, trackLeft, trackY, trackRight, trackY, trackW/2)
	}, solid(white.alpha(0.9))})
	for _, e := range []struct {
		x float64
		c rgba
	}{{132, skyBlue}, {186, green}, {326, yellow}, {380, skyBlue}} {
		e := e
		ls = append(ls, layer{func(x, y float64) bool { return inCircle(x, y, e.x, trackY, 15) }, solid(navyBottom)})
		ls = append(ls, layer{func(x, y float64) bool { return inCircle(x, y, e.x, trackY, 11) }, solid(e.c)})
	}
	ls = append(ls, layer{func(x, y float64) bool { return inCircle(x, y, pinX, trackY, 26) }, solid(white)})
	ls = append(ls, layer{func(x, y float64) bool { return inCircle(x, y, pinX, trackY, 19) }, solid(orange)})
	// The pin, drawn last so that it stands in front of everything.
	ls = append(ls, layer{pin, func(x, y float64) rgba {
		return mix(orange, vermillion, (y-(pinY-pinR))/(pinTip-(pinY-pinR)))
	}})
	ls = append(ls, layer{func(x, y float64) bool { return inCircle(x, y, pinX, pinY, pinHole) }, solid(white)})
	return ls
}

// render paints the layers with samples×samples samples per pixel.
func render() *image.NRGBA {
	ls := layers()
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var acc [4]float64 // premultiplied sum over samples
			for sy := 0; sy < samples; sy++ {
				for sx := 0; sx < samples; sx++ {
					x := float64(px) + (float64(sx)+0.5)/samples
					y := float64(py) + (float64(sy)+0.5)/samples
					var c [4]float64 // premultiplied, painted back to front
					for _, l := range ls {
						if !l.inside(x, y) {
							continue
						}
						p := l.paint(x, y)
						c[0] = p.r*p.a + c[0]*(1-p.a)
						c[1] = p.g*p.a + c[1]*(1-p.a)
						c[2] = p.b*p.a + c[2]*(1-p.a)
						c[3] = p.a + c[3]*(1-p.a)
					}
					for i := range acc {
						acc[i] += c[i]
					}
				}
			}
			n := float64(samples * samples)
			a := acc[3] / n
			if a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{
				R: to8(acc[0] / n / a), G: to8(acc[1] / n / a), B: to8(acc[2] / n / a), A: to8(a),
			})
		}
	}
	return img
}

func to8(v float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255)) }

func inCircle(x, y, cx, cy, r float64) bool { return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r }

func inRoundedRect(x, y, x0, y0, x1, y1, r float64) bool {
	if x < x0 || x > x1 || y < y0 || y > y1 {
		return false
	}
	cx := math.Max(x0+r, math.Min(x, x1-r))
	cy := math.Max(y0+r, math.Min(y, y1-r))
	return inCircle(x, y, cx, cy, r)
}

// nearEllipse reports whether (x, y) lies within w/2 of the ellipse with
// the given centre and half-axes, using the first-order distance estimate
// |f|/|∇f|; a zero half-width is a vertical line.
func nearEllipse(x, y, cx, cy, a, b, w float64) bool {
	if a == 0 {
		return math.Abs(x-cx) < w/2
	}
	u, v := (x-cx)/a, (y-cy)/b
	f := u*u + v*v - 1
	g := 2 * math.Hypot(u/a, v/b)
	return math.Abs(f)/g < w/2
}

func nearSegment(x, y, x0, y0, x1, y1, r float64) bool {
	dx, dy := x1-x0, y1-y0
	t := math.Max(0, math.Min(1, ((x-x0)*dx+(y-y0)*dy)/(dx*dx+dy*dy)))
	return math.Hypot(x-(x0+t*dx), y-(y0+t*dy)) <= r
}

// inPin is the classic map-pin outline: the head circle joined to the point
// below it by the two tangents from the point.
func inPin(x, y float64) bool {
	if inCircle(x, y, pinX, pinY, pinR) {
		return true
	}
	h := pinTip - pinY // distance from the head's centre to the point
	if y < pinY || y > pinTip {
		return false
	}
	// The tangents touch the circle at angle θ from the vertical, where
	// sin θ = R/h; below the touching points the outline is straight.
	s := pinR / h
	touchY := pinY + pinR*s
	if y < touchY {
		return false
	}
	half := (pinTip - y) * math.Tan(math.Asin(s))
	return math.Abs(x-pinX) <= half
}
