package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"chronomap/app/workspace"
)

// render runs the command and returns its exit code and stderr.
func render(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	done := make(chan int)
	go func() { done <- Run(args, &stdout, &stderr) }()
	select {
	case code := <-done:
		return code, stderr.String()
	case <-time.After(20 * time.Second):
		t.Fatalf("%v: still running after 20 s", args)
		return 0, ""
	}
}

// An unbalanced quote cost 2 of 3 rows without a word, and exit 0.
func TestRenderSaysWhatItCouldNotRead(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "quote.csv")
	os.WriteFile(csv, []byte("date,title,place\n2023-11-07,\"unbalanced,Moskau\n2023-11-08,two,Kyiv\n2023-11-09,three,Minsk\n"), 0o644)
	out := filepath.Join(dir, "x.png")
	code, stderr := render(t, "--view", "map", "--out", out, csv)
	for _, want := range []string{
		"chronomap: " + csv + ": 1 rows, 1 events, 0 located; 2 problems: 1 too few fields, 1 unclosed quote\n",
		"  row 1: ", "a quote opened in this row is never closed",
		"chronomap: wrote " + out + ", but it leaves out what " + csv + " holds: a quote that never closes swallowed its rows\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if code != 3 {
		t.Errorf("exit %d, want 3", code)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("the picture is not written: %v", err)
	}
	// A clean file says nothing.
	if code, stderr := render(t, "--view", "map", "--out", out, sample); code != 0 || stderr != "" {
		t.Errorf("the sample: exit %d, stderr %q", code, stderr)
	}
}

// A workspace whose mapping names a missing column, or whose file has no
// dates (such as /etc/shadow), drew a blank slide without a word.
func TestRenderWorkspaceSaysWhatItCouldNotUse(t *testing.T) {
	dir := t.TempDir()
	abs, _ := filepath.Abs(sample)
	noDates := filepath.Join(dir, "shadow")
	os.WriteFile(noDates, []byte("root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"), 0o644)
	for _, c := range []struct {
		name   string
		source workspace.Source
		says   []string
	}{
		{"missing column", workspace.Source{Path: abs, Mapping: workspace.Mapping{Roles: map[string][]string{"start": {"datum"}, "lat": {"lat"}, "lon": {"lon"}}}},
			[]string{`column "datum" is mapped as date but the file has no such column`, "a column its roles name is missing"}},
		{"no dates", workspace.Source{Path: noDates},
			[]string{"no column is mapped as the date", "no row has a date to draw"}},
	} {
		ws := filepath.Join(dir, c.name+".chronomap")
		if err := workspace.Save(ws, &workspace.Workspace{Version: 1, Sources: []workspace.Source{c.source, {Path: abs}}}); err != nil {
			t.Fatal(err)
		}
		code, stderr := render(t, "--workspace", ws, "--out", filepath.Join(dir, "x.png"))
		c.says = append(c.says, "only its first file, "+c.source.Path+", is drawn; its 1 other file is not")
		for _, want := range c.says {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", c.name, want, stderr)
			}
		}
		if code != 3 {
			t.Errorf("%s: exit %d, want 3", c.name, code)
		}
	}
}

// A workspace's file that is a device or a named pipe is refused at once.
func TestRenderWorkspaceRefusesDevicesAndPipes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes here")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.csv")
	mkfifo(t, fifo)
	sources := []string{fifo}
	if _, err := os.Stat("/dev/zero"); err == nil {
		sources = append(sources, "/dev/zero")
	}
	for _, src := range sources {
		ws := filepath.Join(dir, "w.chronomap")
		if err := workspace.Save(ws, &workspace.Workspace{Version: 1, Sources: []workspace.Source{{Path: src}}}); err != nil {
			t.Fatal(err)
		}
		code, stderr := render(t, "--workspace", ws, "--out", filepath.Join(dir, "x.png"))
		if code != 1 || !strings.Contains(stderr, "cannot read "+src+": it is a ") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q", src, code, stderr)
		}
		for _, args := range [][]string{{"--out", filepath.Join(dir, "x.png"), src}, {"--workspace", src, "--out", filepath.Join(dir, "x.png")}} {
			if code, stderr := render(t, args...); code != 1 || !strings.Contains(stderr, "cannot read "+src+": it is a ") {
				t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
			}
		}
	}
}

func TestRenderNegativeScene(t *testing.T) {
	code, stderr := render(t, "--workspace", briefing(t), "--scene", "-1", "--out", filepath.Join(t.TempDir(), "x.png"))
	if code != 2 || stderr != "chronomap: --scene -1: scenes count from 1\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// mkfifo makes a named pipe at path with the system's mkfifo, skipping
// the test where there is none.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if out, err := exec.Command("mkfifo", path).CombinedOutput(); err != nil {
		t.Skipf("no named pipes here: %v %s", err, out)
	}
}
