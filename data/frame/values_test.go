package frame

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestTextForms checks that a text column reads back every cell as given,
// whichever form it is stored in, across page borders and with empty
// cells, and that the form follows the values: repeated values make a
// dictionary, nearly all distinct ones pages of rows.
func TestTextForms(t *testing.T) {
	n := dictProbe + 2*pageRows + 3
	few, many, distinct := make([]string, n), make([]string, n), make([]string, n)
	for i := range n {
		few[i] = []string{"Москва", "", "Yerevan", "Ouagadougou"}[i%4]
		many[i] = strings.Repeat("x", i%1000%7) + fmt.Sprint(i%1000) // 1,000 values: four pages
		distinct[i] = strings.Repeat("y", i%7) + fmt.Sprint(i)
		if i%100 == 0 {
			distinct[i] = ""
		}
	}
	for _, c := range []struct {
		name  string
		cells []string
		dict  bool
	}{
		{"few values", few, true},
		{"many values", many, true},
		{"distinct values", distinct, false},
		{"distinct but short", distinct[:dictProbe], true}, // not worth a second look
		{"one row", []string{"a"}, true},
		{"no rows", nil, true},
	} {
		tx := buildText(len(c.cells), slices.All(c.cells))
		if got := tx.codes != nil || len(c.cells) == 0; got != c.dict {
			t.Errorf("%s: dictionary %v, want %v", c.name, got, c.dict)
		}
		for i, want := range c.cells {
			if got := tx.at(i); got != want {
				t.Errorf("%s: cell %d = %q, want %q", c.name, i, got, want)
				break
			}
		}
	}
}

// TestColumnKinds checks the kind each column is given and that its cells
// read back through Text and Number as the file wrote them.
func TestColumnKinds(t *testing.T) {
	f, err := ReadBytes("k.csv", []byte("id,n,x,code,gap,note\n"+
		"1,2023,55.7522,01234,7,\"a \"\"b\"\" c\"\n"+
		"2,-509,,007,,NaN\n"+
		"3,0,-1.5,42,12,\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Kind{"id": Integer, "n": Integer, "x": Number, "code": Text, "gap": Number, "note": Text}
	for name, k := range want {
		if got := f.Columns[f.Col(name)].Kind; got != k {
			t.Errorf("column %q is %v, want %v", name, got, k)
		}
	}
	rows := csvRows(f)
	wantRows := [][]string{
		{"1", "2023", "55.7522", "01234", "7", `a "b" c`},
		{"2", "-509", "", "007", "", "NaN"},
		{"3", "0", "-1.5", "42", "12", ""},
	}
	if !slices.EqualFunc(rows, wantRows, slices.Equal) {
		t.Errorf("rows %q, want %q", rows, wantRows)
	}
	if got := f.Number(1, f.Col("n")); got != -509 {
		t.Errorf("Number(n) = %v", got)
	}
	if got := f.Number(0, f.Col("code")); got == got {
		t.Errorf("Number of a text cell = %v, want NaN", got)
	}
}

// TestColumnAllocations guards the point of the storage: a column costs a
// few allocations, not one a cell.
func TestColumnAllocations(t *testing.T) {
	repeated, distinct := make([]string, 10_000), make([]string, 10_000)
	for i := range repeated {
		repeated[i] = "Ouagadougou"
		distinct[i] = fmt.Sprint("note ", i)
	}
	for name, cells := range map[string][]string{"repeated": repeated, "distinct": distinct} {
		allocs := testing.AllocsPerRun(5, func() { column(len(cells), slices.All(cells), false) })
		// distinct: 40 pages and the page buffer growing, after a dictionary
		// given up
		if allocs > 200 {
			t.Errorf("%s: %v allocations for 10,000 cells, want a few", name, allocs)
		}
	}
}

// TestKeptCellsDoNotPinTheFile checks that cells kept after their frame is
// gone, as labels and categories are, keep almost nothing alive: neither
// the file's bytes nor the rest of their column.
func TestKeptCellsDoNotPinTheFile(t *testing.T) {
	const rows = 200_000 // about 32 MB
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	size := 0
	kept := func() []string {
		var b bytes.Buffer
		b.WriteString("id,country,note\n")
		for i := range rows {
			fmt.Fprintf(&b, "ev-%d,%s,\"On day %d \"\"forces\"\" %s\"\n", i, []string{"Armenia", "Nicaragua", "Russia"}[i%3], i, strings.Repeat("shelled positions near the village ", 3))
		}
		size = b.Len()
		f, err := ReadBytes("big.csv", b.Bytes(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return []string{f.Text(rows/2, f.Col("id")), f.Text(rows/2, f.Col("country")), f.Text(rows/2, f.Col("note"))}
	}()
	after := heap()
	if kept[0] != fmt.Sprint("ev-", rows/2) || kept[1] != "Nicaragua" || !strings.HasPrefix(kept[2], `On day 100000 "forces"`) {
		t.Fatalf("kept %q", kept)
	}
	if grown := int64(after) - int64(before); grown > 1<<20 {
		t.Errorf("three cells kept from a %d MB file hold %d KB", size>>20, grown>>10)
	}
	runtime.KeepAlive(kept)
}

// BenchmarkBuildText stores a million cells of each shape a file has:
// few values (countries), many (dates over thirty years), all distinct
// (notes). One op is one column.
func BenchmarkBuildText(b *testing.B) {
	const n = 1_000_000
	for _, shape := range []struct {
		name   string
		values int
	}{{"few", 6}, {"many", 11_000}, {"distinct", n}} {
		cells := make([]string, n)
		for i := range cells {
			cells[i] = fmt.Sprintf("value %d of the column", (i*7919)%shape.values)
		}
		b.Run(shape.name, func(b *testing.B) {
			for b.Loop() {
				buildText(n, slices.All(cells))
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/cell")
		})
	}
}

// TestDistinct checks that a repeating text column gives its values once
// and each row's place among them, and that other columns give none.
func TestDistinct(t *testing.T) {
	f, err := ReadBytes("d.csv", []byte("country,n\nArmenia,1\nRussia,2\nArmenia,3\n,4\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	vals, ok := f.Distinct(0)
	if !ok || !slices.Equal(vals, []string{"Armenia", "Russia", ""}) {
		t.Fatalf("Distinct = %q, %v", vals, ok)
	}
	for r := range f.Rows() {
		if got := vals[f.Code(r, 0)]; got != f.Text(r, 0) {
			t.Errorf("row %d: code gives %q, Text %q", r, got, f.Text(r, 0))
		}
	}
	if _, ok := f.Distinct(1); ok {
		t.Error("a number column answers Distinct")
	}
}
