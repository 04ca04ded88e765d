package window

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// With no display the window's start died in a GLFW panic and a trace.
func TestDisplay(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("a display is asked for on Linux and the BSDs")
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	if err := Display(); err == nil || !strings.HasPrefix(err.Error(), "there is no display to open the window on") {
		t.Errorf("no display: %v", err)
	}
	t.Setenv("DISPLAY", ":0")
	if err := Display(); err != nil {
		t.Errorf("DISPLAY set: %v", err)
	}
	if msg, ok := Failed("NotInitialized: The GLFW library is not initialized"); !ok || !strings.HasPrefix(msg, "the window could not open: NotInitialized") {
		t.Errorf("GLFW panic: %q %v", msg, ok)
	}
	if _, ok := Failed("runtime error: index out of range"); ok {
		t.Error("a bug's panic taken for the display's")
	}
}

// A mistyped sub-command was taken for a file name and opened the window.
func TestNotAFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile(filepath.Join(dir, "notes"), []byte("date\n2023-11-07\n"), 0o644)
	for word, mistyped := range map[string]bool{
		"extract": true, "imprt": true, "render-all": true,
		"notes": false, "events.csv": false, "data/x": false, "Lage": false, "clickhouse://h:9000/db": false,
	} {
		if err := NotAFile(word); (err != nil) != mistyped {
			t.Errorf("%q: %v", word, err)
		}
	}
	if err := NotAFile("extract"); err.Error() != `"extract" is neither a sub-command nor a file; the sub-commands are inspect, render and geocode (chronomap help lists them)` {
		t.Errorf("message %q", err)
	}
}
