package window

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenShare is how much of the screen a first window takes, each way.
const screenShare = 0.8

// firstSize is the size of a window opened for the first time: 80 % of
// the screen each way where the screen can be asked (the desktop driver,
// once it has made a window), else size. Fyne has no call for the
// screen's size, so its windowing library is asked; under the test driver
// the library is not running, and its panic says so.
func firstSize() (s fyne.Size) {
	s = size
	defer func() {
		if recover() != nil {
			s = size
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return size
	}
	mode := m.GetVideoMode()
	if mode == nil || mode.Width < 640 || mode.Height < 400 {
		return size
	}
	// The mode is in pixels; Fyne lays out in its own units, which a
	// HiDPI screen makes larger than a pixel: its content scale says by
	// how much.
	sx, sy := m.GetContentScale()
	scale := max(sx, sy, 1)
	return fyne.NewSize(float32(float64(mode.Width)*screenShare/float64(scale)), float32(float64(mode.Height)*screenShare/float64(scale)))
}
