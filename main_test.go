package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"chronomap/app/release"
	"chronomap/app/workspace"
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

// startDisplay starts Xvfb on a free display number at 1280×800 (or the
// one CHRONOMAP_DISPLAY names).
func startDisplay(t *testing.T) *display {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed; scripts/test installs it", tool)
		}
	}
	// CHRONOMAP_DISPLAY (":93") names the one display to take, on a
	// machine whose other displays belong to others; else a free one.
	first, last := 90+os.Getpid()%50, 199
	if v := os.Getenv("CHRONOMAP_DISPLAY"); v != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(v, ":"))
		if err != nil {
			t.Fatalf("CHRONOMAP_DISPLAY=%q is not a display such as :93", v)
		}
		first, last = n, n
	}
	for n := first; n <= last; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil && first != last {
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
		waitFor(t, 30*time.Second, "Xvfb "+name+" to answer", func() (bool, string) {
			err := d.run(t, "xdotool", "getmouselocation")
			return err == nil, fmt.Sprint(err)
		})
		return d
	}
	t.Skip("no free X display number")
	return nil
}

// clientLimit is how long an X client may take: none may hang the test.
const clientLimit = 20 * time.Second

// run runs an X client on the display.
func (d *display) run(t *testing.T, name string, args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), clientLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+d.name)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// output runs an X client and returns what it printed.
func (d *display) output(name string, args ...string) string {
	ctx, cancel := context.WithTimeout(context.Background(), clientLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+d.name)
	out, _ := cmd.Output()
	return strings.TrimSpace(string(out))
}

// waitFor asks cond every 100 ms until it holds, and fails the test when
// it still does not after limit, with cond's last word on why not. The
// limits are generous: a loaded machine is slow, not wrong.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() (ok bool, why string)) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		ok, why := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s: %s", limit, what, why)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// shot is a screenshot: the PNG as taken and its picture.
type shot struct {
	png []byte
	img image.Image
}

// capture takes the whole screen into the file at path.
func (d *display) capture(t *testing.T, path string) (shot, error) {
	if err := d.run(t, "import", "-window", "root", path); err != nil {
		return shot{}, err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return shot{}, err
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return shot{}, err
	}
	return shot{b, img}, nil
}

// blank says why img is not a picture of a window, or "" when it is one:
// many colours, and no colour covering nearly all of it.
func blank(img image.Image) string {
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
		return fmt.Sprintf("it looks blank: %d colours, the commonest on %d%% of it", len(counts), most*100/all)
	}
	return ""
}

// changed is the share of the pixels of a in r that differ from b's.
func changed(a, b image.Image, r image.Rectangle) float64 {
	r = r.Intersect(a.Bounds()).Intersect(b.Bounds())
	if r.Empty() {
		return 0
	}
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return float64(n) / float64(r.Dx()*r.Dy())
}

// differs is a condition for screenshot: that at least a share of the
// pixels in r (the whole screen when r is empty) differ from before.
func differs(before image.Image, r image.Rectangle, share float64) func(image.Image) string {
	return func(img image.Image) string {
		if r.Empty() {
			r = img.Bounds()
		}
		if c := changed(img, before, r); c < share {
			return fmt.Sprintf("%.2f%% of %v changed, want %.2f%%", c*100, r, share*100)
		}
		return ""
	}
}

// screenshot takes the whole screen until it is a picture of a window
// (see blank) for which each condition says nothing against it, and
// returns it: the app draws its first frames, opens a dialog and shows a
// file some time after it was asked to.
func (d *display) screenshot(t *testing.T, name string, conds ...func(image.Image) string) image.Image {
	t.Helper()
	var s shot
	path := filepath.Join(t.TempDir(), name)
	waitFor(t, 60*time.Second, "screenshot "+name, func() (bool, string) {
		var err error
		if s, err = d.capture(t, path); err != nil {
			return false, err.Error()
		}
		if why := blank(s.img); why != "" {
			return false, why
		}
		for _, c := range conds {
			if why := c(s.img); why != "" {
				return false, why
			}
		}
		return true, ""
	})
	if dir := os.Getenv("CHRONOMAP_SHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, name), s.png, 0o644)
	}
	return s.img
}

// running is the binary running on the display.
type running struct {
	home   string // its HOME, with XDG_CONFIG_HOME at .config in it
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
	a := &running{home: home, cmd: cmd, done: make(chan error, 1), stderr: &bytes.Buffer{}}
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
	var win string
	waitFor(t, 60*time.Second, fmt.Sprintf("a window titled %q", title), func() (bool, string) {
		select {
		case err := <-a.done:
			t.Fatalf("the app ended before showing %q: %v\n%s", title, err, a.stderr)
		default:
		}
		// xdotool's patterns are not UTF-8 aware: match the names here.
		var names []string
		for _, id := range strings.Fields(d.output("xdotool", "search", "--name", "Chronomap")) {
			name := d.output("xdotool", "getwindowname", id)
			if name == title {
				win = id
				return true, ""
			}
			names = append(names, name)
		}
		return false, fmt.Sprintf("windows: %q\n%s", names, a.stderr)
	})
	return win
}

// quit presses Ctrl+Q and expects the app to end cleanly.
func quit(t *testing.T, d *display, a *running, win string) {
	t.Helper()
	var ended error
	// The window found may be gone already when the app replaced it while
	// loading: ask again for one named Chronomap until one takes the key.
	// Without a window manager the focus may stay on the root, which
	// sends keys to the window under the pointer: the pointer goes there,
	// then the keys are pressed as a keyboard would (XTEST), and pressed
	// again until the app has ended.
	waitFor(t, 60*time.Second, "the app to end on Ctrl+Q", func() (bool, string) {
		if ids := strings.Fields(d.output("xdotool", "search", "--name", "Chronomap")); len(ids) > 0 && !slices.Contains(ids, win) {
			win = ids[len(ids)-1]
		}
		d.run(t, "xdotool", "windowfocus", "--sync", win)
		d.run(t, "xdotool", "mousemove", "--window", win, "200", "200")
		err := d.run(t, "xdotool", "key", "ctrl+q")
		select {
		case ended = <-a.done:
			return true, ""
		case <-time.After(2 * time.Second):
		}
		if err != nil {
			return false, err.Error()
		}
		return false, "the app is still running\n" + a.stderr.String()
	})
	if ended != nil {
		t.Errorf("the app ended with %v\n%s", ended, a.stderr)
	}
	if s := a.stderr.String(); strings.Contains(s, "panic") || strings.Contains(s, "should have been called in fyne.Do") {
		t.Errorf("the app's error output:\n%s", s)
	}
}

// stored checks that a session that opened file kept what outlives it
// where Fyne's storage and preferences APIs put the app's files on Linux
// ($XDG_CONFIG_HOME/fyne/ID: preferences.json, and recent.json beside it),
// and nothing in a folder of its own making.
func stored(t *testing.T, home, file string) {
	t.Helper()
	toml, _ := os.ReadFile("FyneApp.toml")
	info, err := release.Parse(toml)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(home, ".config", "fyne", info.ID)
	// Which keys are in it depends on Fyne's debounced saving (the last
	// ones set on Quit may be lost); that it is there, and ours, does not.
	var prefs map[string]any
	if b, err := os.ReadFile(filepath.Join(dir, "preferences.json")); err != nil || json.Unmarshal(b, &prefs) != nil || len(prefs) == 0 {
		t.Errorf("no preferences of the session in %s: %v %s", dir, err, b)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "recent.json")); err != nil || !strings.Contains(string(b), strconv.Quote(file)) {
		t.Errorf("%s is not on the recent files in %s: %v %s", file, dir, err, b)
	}
	entries, _ := os.ReadDir(filepath.Join(home, ".config"))
	for _, e := range entries {
		if e.Name() != "fyne" {
			t.Errorf("the session wrote %s outside Fyne's storage", filepath.Join(home, ".config", e.Name()))
		}
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
	t.Run("version", func(t *testing.T) {
		out, err := exec.Command(bin, "--version").Output()
		toml, _ := os.ReadFile("FyneApp.toml")
		info, perr := release.Parse(toml)
		if err != nil || perr != nil || !strings.HasPrefix(string(out), "chronomap "+info.Version) || !strings.Contains(string(toml), `Version = "`+info.Version+`"`) {
			t.Errorf("chronomap --version says %q (%v), FyneApp.toml %q (%v)", out, err, info.Version, perr)
		}
	})

	t.Run("sample", func(t *testing.T) {
		a := start(t, d, bin)
		win := waitTitle(t, d, a, "Chronomap — Sample data")
		shown := d.screenshot(t, "sample.png")
		// A first window takes 80 % of the 1280×800 screen each way.
		if g := d.output("xdotool", "getwindowgeometry", win); !strings.Contains(g, "Geometry: 1024x640") {
			t.Errorf("the first window is not 80 %% of the screen: %s", g)
		}
		file, err := filepath.Abs("data/frame/testdata/preset_acled.csv")
		if err != nil {
			t.Fatal(err)
		}
		d.run(t, "xdotool", "windowfocus", "--sync", win)
		if err := d.run(t, "xdotool", "key", "--window", win, "ctrl+l"); err != nil {
			t.Fatal(err)
		}
		// The dialog dims the window behind it.
		dialog := d.screenshot(t, "open-location.png", differs(shown, image.Rectangle{}, 0.2))
		if err := d.run(t, "xdotool", "type", "--delay", "5", file); err != nil {
			t.Fatal(err)
		}
		// The path typed: some 2,000 pixels of text; half of them will do,
		// as the Return pressed next comes after the last key typed.
		d.screenshot(t, "typed.png", differs(dialog, image.Rectangle{}, 0.001))
		if err := d.run(t, "xdotool", "key", "Return"); err != nil {
			t.Fatal(err)
		}
		win = waitTitle(t, d, a, "Chronomap — preset_acled.csv")
		// The window is titled after the file from the start of its
		// loading: wait for the file's heading to replace the sample's at
		// the top (some 7% of its pixels).
		d.screenshot(t, "opened.png", differs(shown, image.Rect(0, 0, 1280, 110), 0.02))
		quit(t, d, a, win)
		stored(t, a.home, file)
	})

	// A double-click on a workspace runs the .desktop entry's
	// "Exec=chronomap %F": the binary with the workspace's path, spaces
	// and all, as one argument.
	t.Run("workspace", func(t *testing.T) {
		file, err := filepath.Abs("data/frame/testdata/preset_acled.csv")
		if err != nil {
			t.Fatal(err)
		}
		ws := filepath.Join(t.TempDir(), "brief 1.chronomap")
		err = workspace.Save(ws, &workspace.Workspace{Version: workspace.FormatVersion, Sources: []workspace.Source{{Path: file}}})
		if err != nil {
			t.Fatal(err)
		}
		a := start(t, d, bin, ws)
		win := waitTitle(t, d, a, "Chronomap — brief 1")
		d.screenshot(t, "workspace.png")
		quit(t, d, a, win)
		b, err := os.ReadFile(filepath.Join(a.home, ".config", "fyne", "org.chronomap.app", "recent.json"))
		if err != nil || !strings.Contains(string(b), strconv.Quote(ws)) {
			t.Errorf("the workspace opened is not on the recent files: %v %s", err, b)
		}
	})

	t.Run("fixture", func(t *testing.T) {
		file, _ := filepath.Abs("../shared/fixtures/usgs_significant_month_2013-07.geojson")
		if _, err := os.Stat(file); err != nil {
			t.Skip("../shared/fixtures is not beside this checkout")
		}
		a := start(t, d, bin, file)
		win := waitTitle(t, d, a, "Chronomap — "+filepath.Base(file))
		d.screenshot(t, "fixture.png")
		quit(t, d, a, win)
	})
}
