package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The end-to-end test runs the real binary on a virtual X display (Xvfb),
// looks at it with ImageMagick's import and works it with xdotool, as a
// user would: it skips when those tools are missing (scripts/test installs
// them) or with -short.

// display is a running Xvfb.
type display struct {
	name string
	cmd  *exec.Cmd
}

// startDisplay starts Xvfb on a free display number at 1280×800.
func startDisplay(t *testing.T) *display {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed; scripts/test installs it", tool)
		}
	}
	for n := 90 + os.Getpid()%50; n < 200; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			continue
		}
		name := fmt.Sprintf(":%d", n)
		cmd := exec.Command("Xvfb", name, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
		if err := cmd.Start(); err != nil {
			t.Skipf("Xvfb does not start: %v", err)
		}
		d := &display{name: name, cmd: cmd}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		// Ready when a client can ask it something.
		for range 50 {
			if d.run(t, "xdotool", "getmouselocation") == nil {
				return d
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("Xvfb %s did not come up", name)
	}
	t.Skip("no free X display number")
	return nil
}

// run runs an X client on the display.
func (d *display) run(t *testing.T, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+d.name)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// output runs an X client and returns what it printed.
func (d *display) output(name string, args ...string) string {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+d.name)
	out, _ := cmd.Output()
	return strings.TrimSpace(string(out))
}

// screenshot takes the whole screen and checks it is a picture of a
// window, not a blank or nearly blank screen: many colours, and no colour
// covering nearly all of it.
func (d *display) screenshot(t *testing.T, name string) image.Image {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := d.run(t, "import", "-window", "root", path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	counts := map[[3]uint32]int{}
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			c0, c1, c2, _ := img.At(x, y).RGBA()
			counts[[3]uint32{c0 >> 8, c1 >> 8, c2 >> 8}]++
		}
	}
	most, all := 0, r.Dx()*r.Dy()/4
	for _, n := range counts {
		most = max(most, n)
	}
	if len(counts) < 200 || most > all*9/10 {
		t.Errorf("screenshot %s looks blank: %d colours, the commonest on %d%% of it", name, len(counts), most*100/all)
	}
	if dir := os.Getenv("CHRONOMAP_SHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	return img
}

// running is the binary running on the display.
type running struct {
	cmd    *exec.Cmd
	done   chan error
	stderr *bytes.Buffer
}

// start runs the binary with args on d, with a home of its own so that
// the user's preferences are neither read nor changed.
func start(t *testing.T, d *display, bin string, args ...string) *running {
	t.Helper()
	cmd := exec.Command(bin, args...)
	home := t.TempDir()
	cmd.Env = append(os.Environ(), "DISPLAY="+d.name, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "LANG=C.UTF-8")
	a := &running{cmd: cmd, done: make(chan error, 1), stderr: &bytes.Buffer{}}
	cmd.Stderr = a.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { a.done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-a.done
		}
	})
	return a
}

// waitTitle waits until a window of the app has the given title, and
// returns its id.
func waitTitle(t *testing.T, d *display, a *running, title string) string {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-a.done:
			t.Fatalf("the app ended before showing %q: %v\n%s", title, err, a.stderr)
		default:
		}
		// xdotool's patterns are not UTF-8 aware: match the names here.
		for _, id := range strings.Fields(d.output("xdotool", "search", "--name", "Chronomap")) {
			if d.output("xdotool", "getwindowname", id) == title {
				return id
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	var names []string
	for _, id := range strings.Fields(d.output("xdotool", "search", "--name", "Chronomap")) {
		names = append(names, d.output("xdotool", "getwindowname", id))
	}
	t.Fatalf("no window titled %q after 60 s; windows: %q\n%s", title, names, a.stderr)
	return ""
}

// quit presses Ctrl+Q and expects the app to end cleanly.
func quit(t *testing.T, d *display, a *running, win string) {
	t.Helper()
	// The window found may be gone already when the app replaced it while
	// loading: ask again for one named Chronomap, a few times.
	var err error
	for range 10 {
		if err = d.run(t, "xdotool", "key", "--window", win, "ctrl+q"); err == nil {
			break
		}
		time.Sleep(300 * time.Millisecond)
		if ids := strings.Fields(d.output("xdotool", "search", "--name", "Chronomap")); len(ids) > 0 {
			win = ids[len(ids)-1]
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-a.done:
		if err != nil {
			t.Errorf("the app ended with %v\n%s", err, a.stderr)
		}
	case <-time.After(15 * time.Second):
		t.Errorf("the app did not end within 15 s of Ctrl+Q\n%s", a.stderr)
	}
	if s := a.stderr.String(); strings.Contains(s, "panic") || strings.Contains(s, "should have been called in fyne.Do") {
		t.Errorf("the app's error output:\n%s", s)
	}
}

// TestWindowEndToEnd opens the window on the sample, opens a file through
// Ctrl+L with xdotool, and quits; then opens a real export given on the
// command line.
func TestWindowEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	d := startDisplay(t)
	bin := filepath.Join(t.TempDir(), "chronomap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	t.Run("sample", func(t *testing.T) {
		a := start(t, d, bin)
		win := waitTitle(t, d, a, "Chronomap — Sample data")
		time.Sleep(time.Second) // the first frames
		d.screenshot(t, "sample.png")
		file, err := filepath.Abs("data/frame/testdata/preset_acled.csv")
		if err != nil {
			t.Fatal(err)
		}
		d.run(t, "xdotool", "windowfocus", "--sync", win)
		if err := d.run(t, "xdotool", "key", "--window", win, "ctrl+l"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(700 * time.Millisecond)
		d.screenshot(t, "open-location.png")
		if err := d.run(t, "xdotool", "type", "--delay", "5", file); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		d.screenshot(t, "typed.png")
		if err := d.run(t, "xdotool", "key", "Return"); err != nil {
			t.Fatal(err)
		}
		win = waitTitle(t, d, a, "Chronomap — preset_acled.csv")
		time.Sleep(time.Second)
		d.screenshot(t, "opened.png")
		quit(t, d, a, win)
	})

	t.Run("fixture", func(t *testing.T) {
		file, _ := filepath.Abs("../shared/fixtures/usgs_significant_month_2013-07.geojson")
		if _, err := os.Stat(file); err != nil {
			t.Skip("../shared/fixtures is not beside this checkout")
		}
		a := start(t, d, bin, file)
		win := waitTitle(t, d, a, "Chronomap — "+filepath.Base(file))
		time.Sleep(time.Second)
		d.screenshot(t, "fixture.png")
		quit(t, d, a, win)
	})
}
