package window

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Display returns why the window cannot open here, nil when it may: on
// Linux and the BSDs a window needs an X11 or a Wayland display, and
// without one GLFW panics deep inside Fyne.
func Display() error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); inspect, render and geocode work without one")
	}
	return nil
}

// Failed says in one sentence why the window could not open, when a
// panic is the windowing system's (a display that is set but does not
// answer); false for any other panic, which is a bug to be shown whole.
func Failed(p any) (string, bool) {
	msg := fmt.Sprint(p)
	for _, sign := range []string{"GLFW", "PlatformError", "X11", "Wayland", "display"} {
		if strings.Contains(msg, sign) {
			return fmt.Sprintf("the window could not open: %s; inspect, render and geocode work without one", msg), true
		}
	}
	return "", false
}

// NotAFile returns why a word given on the command line is taken for a
// mistyped sub-command rather than a file to open: it names no file,
// holds no folder or extension, and reads as a word ("extract").
func NotAFile(word string) error {
	if word == "" || strings.ContainsAny(word, `/\.:`) || filepath.Ext(word) != "" {
		return nil
	}
	if _, err := os.Stat(word); err == nil {
		return nil
	}
	for _, r := range word {
		if (r < 'a' || r > 'z') && r != '-' {
			return nil
		}
	}
	return fmt.Errorf("%q is neither a sub-command nor a file; the sub-commands are inspect, render and geocode (chronomap help lists them)", word)
}
