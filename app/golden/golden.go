// Package golden compares the pictures views draw with reference images
// kept in testdata/ and reviewed by eye. `go test -update` rewrites the
// references; look at every one it changes before committing it.
package golden

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"testing"
)

// Update is the -update flag of the test binaries that use this package.
var Update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// Check compares img with the PNG at path, or writes it there with
// -update. Pictures are compared pixel by pixel with a small tolerance (a
// channel may differ a little, and 0.2% of pixels by more), so that any
// change a person would see fails and rounding in a library does not.
func Check(t testing.TB, path string, img image.Image) {
	t.Helper()
	if *Update {
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it, then look at it)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if want.Bounds() != b {
		t.Fatalf("%s: size %v, want %v", path, b, want.Bounds())
	}
	differ := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r1, g1, b1, _ := img.At(x, y).RGBA()
			r2, g2, b2, _ := want.At(x, y).RGBA()
			if absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2) > 3*0x1800 {
				differ++
			}
		}
	}
	if share := float64(differ) / float64(b.Dx()*b.Dy()); share > 0.002 {
		t.Errorf("%s: %.2f%% of pixels differ from the golden image", path, share*100)
	}
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
