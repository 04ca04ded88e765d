package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestRecentOrderDedupeLimit(t *testing.T) {
	dir := t.TempDir()
	r, err := OpenRecent(dir)
	if err != nil {
		t.Fatal(err)
	}
	if l := r.List(); len(l) != 0 {
		t.Errorf("a new list holds %v", l)
	}
	files := filepath.Join(dir, "files")
	for i := range 12 {
		if err := r.Add(filepath.Join(files, fmt.Sprint(i, ".csv"))); err != nil {
			t.Fatal(err)
		}
	}
	// 5.csv again, by another spelling of its path.
	if err := r.Add(filepath.Join(files, "sub", "..", "5.csv")); err != nil {
		t.Fatal(err)
	}
	want := []string{"5", "11", "10", "9", "8", "7", "6", "4", "3", "2"}
	for i, w := range want {
		want[i] = filepath.Join(files, w+".csv")
	}
	if got := r.List(); !slices.Equal(got, want) {
		t.Errorf("List = %v\nwant %v", got, want)
	}
	if err := r.Remove(filepath.Join(files, "9.csv")); err != nil {
		t.Fatal(err)
	}
	want = slices.DeleteFunc(want, func(p string) bool { return strings.HasSuffix(p, "/9.csv") })

	again, err := OpenRecent(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := again.List(); !slices.Equal(got, want) {
		t.Errorf("after reopening: %v\nwant %v", got, want)
	}
}

func TestRecentRelativePathsAreMadeAbsolute(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	r, _ := OpenRecent(filepath.Join(dir, "config"))
	r.Add("a.csv")
	r.Add(filepath.Join(dir, "a.csv"))
	if got, want := r.List(), []string{filepath.Join(dir, "a.csv")}; !slices.Equal(got, want) {
		t.Errorf("List = %v, want %v", got, want)
	}
}

func TestRecentFileTidiedOnOpen(t *testing.T) {
	// A file edited by hand, or by an older build: duplicates and too many
	// entries are tidied, the first place of each kept.
	dir := t.TempDir()
	var files []string
	for i := range 14 {
		files = append(files, fmt.Sprintf("/data/%d.csv", i%12))
	}
	data := fmt.Sprintf(`{"version": 1, "files": ["%s"]}`, strings.Join(files, `", "`))
	os.WriteFile(filepath.Join(dir, "recent.json"), []byte(data), 0o644)
	r, err := OpenRecent(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := range 10 {
		want = append(want, absolute(fmt.Sprintf("/data/%d.csv", i)))
	}
	if got := r.List(); !slices.Equal(got, want) {
		t.Errorf("List = %v\nwant %v", got, want)
	}
}

func TestRecentListIsACopy(t *testing.T) {
	r, _ := OpenRecent(t.TempDir())
	r.Add("/a.csv")
	l := r.List()
	l[0] = "changed"
	if r.List()[0] == "changed" {
		t.Error("List shares its slice with the store")
	}
}

// TestRecentTables: a table's URL goes on the list as it is, not as a
// path under the current folder, and without its password.
func TestRecentTables(t *testing.T) {
	r, err := OpenRecent(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	r.Add("postgres://ana:s3cret@db.example:5432/events?table=acled")
	r.Add("/tmp/x.csv")
	r.Add("postgres://ana@db.example:5432/events?table=acled")
	want := []string{"postgres://ana@db.example:5432/events?table=acled", "/tmp/x.csv"}
	if got := r.List(); !slices.Equal(got, want) {
		t.Errorf("recent %q, want %q", got, want)
	}
}
