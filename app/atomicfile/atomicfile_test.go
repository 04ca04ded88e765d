package atomicfile

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// temporaries returns the temporary files in dir.
func temporaries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestWriteReplacesWholly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "slide.png")
	if err := Write(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); runtime.GOOS != "windows" && st.Mode().Perm() != 0o644 {
		t.Errorf("a new file has mode %v", st.Mode().Perm())
	}
	os.Chmod(path, 0o600)
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("new, "))
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("before Commit the file holds %q", b)
	}
	f.Write([]byte("all of it"))
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new, all of it" {
		t.Errorf("after Commit the file holds %q", b)
	}
	if st, _ := os.Stat(path); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("a replaced file has mode %v, want its own", st.Mode().Perm())
	}
	if tmp := temporaries(t, dir); len(tmp) != 0 {
		t.Errorf("left %v", tmp)
	}
}

func TestFailedWriteKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deck.pdf")
	if err := Write(path, []byte("old deck")); err != nil {
		t.Fatal(err)
	}
	full := errors.New("no space left on device")
	saved := writeData
	t.Cleanup(func() { writeData = saved })
	writeData = func(f *os.File, p []byte) (int, error) {
		n, _ := f.Write(p[:len(p)/2])
		return n, full
	}
	err := Write(path, []byte("a new deck, cut short"))
	if !errors.Is(err, full) || err.Error() != "cannot write "+path+": no space left on device" {
		t.Errorf("error %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old deck" {
		t.Errorf("the file holds %q", b)
	}
	if tmp := temporaries(t, dir); len(tmp) != 0 {
		t.Errorf("left %v", tmp)
	}
}

func TestCreateRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := Create(dir); err == nil || err.Error() != "cannot write "+dir+": it is not a regular file" {
		t.Errorf("error %v", err)
	}
}

// TestHelperWriter is the writer the kill test kills: it starts a write
// and waits to be killed.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv("ATOMICFILE_WRITE")
	if path == "" {
		t.Skip("run by TestCleanRemovesWhatKilledWritesLeft")
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half a slide"))
	os.Stdout.WriteString("writing\n")
	time.Sleep(time.Minute)
}

// Saves killed half-way left .NAME.*.tmp files beside the workspace: 32
// of them after 200 kills. The next write removes those of dead writes,
// and only those.
func TestCleanRemovesWhatKilledWritesLeft(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no file locks here: temporaries go by age")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.chronomap")
	for range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
		cmd.Env = append(os.Environ(), "ATOMICFILE_WRITE="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if line, _ := bufio.NewReader(out).ReadString('\n'); line != "writing\n" {
			t.Fatalf("the writer said %q", line)
		}
		cmd.Process.Kill()
		cmd.Wait()
	}
	// A write of this process that still runs.
	running, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Discard()
	// An unrelated file, and one of another name.
	for _, name := range []string{".brief.chronomap.notes.tmp", ".other.chronomap.123.tmp"} {
		os.WriteFile(filepath.Join(dir, name), nil, 0o644)
	}
	left := temporaries(t, dir)
	if len(left) != 6 {
		t.Fatalf("before: %v", left)
	}
	old := time.Now().Add(-2 * time.Second) // past the second a write has to lock
	for _, name := range left {
		os.Chtimes(filepath.Join(dir, name), old, old)
	}
	if err := Write(path, []byte("saved")); err != nil {
		t.Fatal(err)
	}
	got := temporaries(t, dir)
	want := []string{".brief.chronomap.notes.tmp", filepath.Base(running.tmp.Name()), ".other.chronomap.123.tmp"}
	if len(got) != 3 || !strings.Contains(strings.Join(got, " "), want[0]) || !strings.Contains(strings.Join(got, " "), want[1]) || !strings.Contains(strings.Join(got, " "), want[2]) {
		t.Errorf("after: %v, want %v", got, want)
	}
	if err := running.Commit(); err != nil {
		t.Errorf("the running write: %v", err)
	}
}
