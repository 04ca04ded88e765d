package frame

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// csvWantProblem is a problem a fixture must report: its row and reason,
// and a piece of its value.
type csvWantProblem struct {
	row    int
	reason string
	value  string // a substring of Problem.Value
}

// csvFixture is what reading one testdata/csv_* file must give.
type csvFixture struct {
	file                    string
	format, encoding, delim string
	header, decimalComma    bool
	rows                    int
	names                   []string
	text                    map[string][]string  // column → Records()
	numbers                 map[string][]float64 // column → Float(), NaN for missing
	kinds                   map[string]Kind
	problems                []csvWantProblem
}

var csvFixtures = []csvFixture{
	{
		file: "csv_comma_quoted.csv", format: "csv", encoding: "utf-8", delim: ",", header: true, rows: 4,
		names: []string{"date", "place", "country", "lat", "lon", "title", "notes"},
		text: map[string][]string{
			"place": {"Moskau", "Moskau", "Jerewan", "Gjumri"},
			"title": {"Treffen Schoigu, Avilés Castillo", "Treffen Schoigu – Coulibaly", "Asryan trifft Basham (EUCOM)", `Blogger: "102. Basis" in Gefahr`},
			"notes": {`Shoigu: Russland und Nicaragua lehnen "Diktate" des Westens ab`,
				"Burkina Faso:\nVerteidigungsminister Kassoum Coulibaly\nin Moskau", "",
				"Reaktion auf das Treffen vom 3. November"},
		},
		numbers: map[string][]float64{"lat": {55.7522, 55.7522, 40.1811, 40.7942}},
		kinds:   map[string]Kind{"date": Text, "lat": Number, "lon": Number, "notes": Text},
	},
	{
		file: "csv_semicolon_de.csv", format: "csv", encoding: "utf-8", delim: ";", header: true, decimalComma: true, rows: 4,
		names: []string{"ID", "Datum", "Ort", "Breite", "Länge", "Kosten", "Teilnehmer", "Dauer", "Quelle"},
		text: map[string][]string{
			"ID":     {"01234", "0042", "00917", "10001"},
			"Datum":  {"07.11.2023", "07.11.2023", "03.11.2023", "08.11.2023"},
			"Quelle": {"ISW", "ISW", "ISW", "ISW"},
		},
		numbers: map[string][]float64{
			"Breite":     {55.7522, 55.7522, 40.1811, 40.7942},
			"Länge":      {37.6156, 37.6156, 44.5136, 43.8453},
			"Kosten":     {1234.5, 250, 12000.75, math.NaN()},
			"Teilnehmer": {12, 8, math.NaN(), 5},
			"Dauer":      {1.5, 2, 0.75, 3},
		},
		kinds: map[string]Kind{"ID": Text, "Datum": Text, "Breite": Number, "Kosten": Number, "Teilnehmer": Number, "Dauer": Number},
	},
	{
		file: "csv_tab.tsv", format: "tsv", encoding: "utf-8", delim: "\t", header: true, rows: 3,
		names: []string{"date", "place", "country", "actor", "lat", "lon"},
		text: map[string][]string{
			"place": {"Москва", "Ереван", "Гюмри"},
			"actor": {"Сергей Шойгу", "Эдвард Асрян", "военный блогер"},
		},
		numbers: map[string][]float64{"lon": {37.6156, 44.5136, 43.8453}},
	},
	{
		file: "csv_pipe.txt", format: "csv", encoding: "utf-8", delim: "|", header: true, rows: 3,
		names: []string{"date", "place", "country", "title"},
		text: map[string][]string{
			"place": {"Managua", "Ouagadougou", "Jerewan"},
			"title": {"Armee, Marine und Luftwaffe", "Verteidigung, Ausbildung", "Generalstab, EUCOM"},
		},
	},
	{
		file: "csv_utf8_bom_crlf.csv", format: "csv", encoding: "utf-8-bom", delim: ",", header: true, rows: 3,
		names: []string{"date", "lieu", "pays", "titre"},
		text: map[string][]string{
			"date":  {"2023-11-07", "2023-11-03", "2023-11-08"},
			"pays":  {"Russie", "Arménie", "Arménie"},
			"titre": {"Rencontre Choïgou, Avilés Castillo", "Réunion à l'état-major", "« 102e base » en question"},
		},
	},
	{
		file: "csv_headerless.csv", format: "csv", encoding: "utf-8", delim: ",", header: false, rows: 3,
		names: []string{"column 1", "column 2", "column 3", "column 4", "column 5"},
		text: map[string][]string{
			"column 1": {"2023-11-07", "2023-11-07", "2023-11-03"},
			"column 5": {"Treffen mit Avilés Castillo", "Treffen mit Coulibaly", "Asryan trifft Basham"},
		},
		numbers: map[string][]float64{"column 3": {55.7522, 55.7522, 40.1811}},
	},
	{
		file: "csv_ragged.csv", format: "csv", encoding: "utf-8", delim: ",", header: true, rows: 4,
		names: []string{"date", "place", "country", "title"},
		text: map[string][]string{
			"place":   {"Moskau", "Moskau", "Jerewan", "Gjumri"},
			"country": {"Russland", "", "Armenien", "Armenien"},
			"title":   {"Treffen mit Avilés Castillo", "", "Asryan trifft Basham", "Reaktion eines Bloggers"},
		},
		problems: []csvWantProblem{
			{2, "too few fields", "2023-11-07,Moskau"},
			{3, "too many fields", `EUCOM,"Generalleutnant Basham`},
		},
	},
	{
		file: "csv_unclosed_quote.csv", format: "csv", encoding: "utf-8", delim: ",", header: true, rows: 3,
		names: []string{"date", "place", "title"},
		text: map[string][]string{
			"place": {"Moskau", "Moskau", "Jerewan"},
			"title": {"Treffen mit Avilés Castillo", "Treffen mit Coulibaly", "Asryan trifft Basham\n2023-11-08,Gjumri,Reaktion eines Bloggers\n"},
		},
		problems: []csvWantProblem{{3, "unclosed quote", `"Asryan trifft Basham`}},
	},
	{
		file: "csv_header_only.csv", format: "csv", encoding: "utf-8", delim: ";", header: true, rows: 0,
		names: []string{"Datum", "Ort", "Breite", "Länge", "Ereignis"},
		kinds: map[string]Kind{"Datum": Text, "Breite": Text},
	},
	{
		file: "csv_single_column.csv", format: "csv", encoding: "utf-8", delim: ",", header: true, rows: 5,
		names: []string{"Ort"},
		text:  map[string][]string{"Ort": {"Moskau", "Managua", "Ouagadougou", "Jerewan", "Gjumri"}},
	},
	{
		// A delimiter at the end of every line makes an unnamed, empty last
		// column: kept, like any column, and no row is ragged.
		file: "csv_trailing_delimiter.csv", format: "csv", encoding: "utf-8", delim: ";", header: true, rows: 2,
		names: []string{"Datum", "Ort", "Land", "column 4"},
		text: map[string][]string{
			"Land":     {"Russland", "Armenien"},
			"column 4": {"", ""},
		},
		kinds: map[string]Kind{"column 4": Text},
	},
	{
		file: "csv_utf16le_excel.txt", format: "tsv", encoding: "utf-16le", delim: "\t", header: true, decimalComma: true, rows: 4,
		names: []string{"Datum", "Ort", "Land", "Breite", "Länge", "Ereignis"},
		text: map[string][]string{
			"Ort":      {"Moskau", "Jerewan", "Gjumri", "Москва"},
			"Land":     {"Russland", "Armenien", "Armenien", "Россия"},
			"Ereignis": {"Treffen mit Julio César Avilés Castillo", "Asryan trifft Basham", `Blogger: 102. Basis, "Affront"`, "Встреча с Кассумом Кулибали"},
		},
		numbers: map[string][]float64{"Breite": {55.7522, 40.1811, 40.7942, 55.7522}},
		kinds:   map[string]Kind{"Länge": Number},
	},
	{
		file: "csv_utf16be.csv", format: "csv", encoding: "utf-16be", delim: ",", header: true, rows: 3,
		names: []string{"date", "place", "country"},
		text: map[string][]string{
			"place":   {"Москва", "Ереван", "Gjumri"},
			"country": {"Россия", "Армения", "Armenien"},
		},
	},
	{
		file: "csv_windows1252.csv", format: "csv", encoding: "windows-1252", delim: ";", header: true, rows: 3,
		names: []string{"Datum", "Ort", "Land", "Kosten", "Ereignis"},
		text: map[string][]string{
			"Ort":      {"Köln", "Jerewan", "Düsseldorf"},
			"Kosten":   {"1.500,50 €", "250 €", "99,90 €"},
			"Ereignis": {"Pressekonferenz – Lage in Armenien", "Gespräch über Gjumri", "Bürgerversammlung „Außenpolitik“"},
		},
	},
	{
		file: "csv_latin1.csv", format: "csv", encoding: "windows-1252", delim: ",", header: true, rows: 3,
		names: []string{"date", "lieu", "pays", "titre"},
		text: map[string][]string{
			"pays":  {"Russie", "Arménie", "Arménie"},
			"titre": {"Rencontre à Moscou", "Réunion de l'état-major", "Base militaire (côté russe)"},
		},
	},
	{
		file: "csv_numbers_en.csv", format: "csv", encoding: "utf-8", delim: ",", header: true, rows: 4,
		names: []string{"event_no", "gdelt_id", "code", "killed", "cost", "score", "special"},
		text: map[string][]string{
			"gdelt_id": {"123456789012345678901", "123456789012345678902", "123456789012345678903", "123456789012345678904"},
			"code":     {"0042", "0107", "1200", "0003"},
			"special":  {"Inf", "NaN", "Inf", "-Inf"},
			"event_no": {"1", "2", "3", "4"},
			"killed":   {"3", "0", "12", "1"},
		},
		numbers: map[string][]float64{
			"cost":  {1234.5, 250, 12000, 99.95},
			"score": {math.NaN(), 2.5, math.NaN(), -1},
		},
		kinds: map[string]Kind{"event_no": Integer, "gdelt_id": Text, "code": Text, "killed": Integer,
			"cost": Number, "score": Number, "special": Text},
	},
}

// TestReadDelimitedFixtures reads every delimited fixture through ReadFile
// and checks what was learnt about it, its cells and its problems.
func TestReadDelimitedFixtures(t *testing.T) {
	for _, fx := range csvFixtures {
		t.Run(fx.file, func(t *testing.T) {
			f, err := ReadFile(filepath.Join("testdata", fx.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			src := f.Source
			if src.Format != fx.format || src.Encoding != fx.encoding || src.Delimiter != fx.delim ||
				src.HasHeader != fx.header || src.DecimalComma != fx.decimalComma {
				t.Errorf("source: format %q encoding %q delimiter %q header %v decimal comma %v; want %q %q %q %v %v",
					src.Format, src.Encoding, src.Delimiter, src.HasHeader, src.DecimalComma,
					fx.format, fx.encoding, fx.delim, fx.header, fx.decimalComma)
			}
			if src.Preset != "" {
				t.Errorf("preset %q recognised in a plain file", src.Preset)
			}
			if n := f.Rows(); n != fx.rows {
				t.Errorf("%d rows, want %d", n, fx.rows)
			}
			if names := f.Names(); !slices.Equal(names, fx.names) {
				t.Errorf("names %q, want %q", names, fx.names)
			}
			if len(f.Columns) != len(fx.names) {
				t.Fatalf("%d columns described, want %d", len(f.Columns), len(fx.names))
			}
			for name, want := range fx.text {
				if got := csvRecords(t, f, name); !slices.Equal(got, want) {
					t.Errorf("column %q = %q, want %q", name, got, want)
				}
			}
			for name, want := range fx.numbers {
				if k := csvKind(t, f, name); k != Number {
					t.Errorf("column %q is %v, want number", name, k)
				}
				got := csvNumbers(f, name)
				if !csvSameFloats(got, want) {
					t.Errorf("column %q = %v, want %v", name, got, want)
				}
			}
			for name, want := range fx.kinds {
				if k := csvKind(t, f, name); k != want {
					t.Errorf("column %q is %v, want %v", name, k, want)
				}
			}
			csvCheckProblems(t, f.Problems, fx.problems)
		})
	}
}

// csvRecords returns a column's cells as text.
func csvRecords(t *testing.T, f *Frame, name string) []string {
	t.Helper()
	if !slices.Contains(f.Names(), name) {
		t.Fatalf("no column %q in %q", name, f.Names())
	}
	return f.Texts(f.Col(name))
}

// csvKind returns the kind the reader gave a column.
func csvKind(t *testing.T, f *Frame, name string) Kind {
	t.Helper()
	for _, c := range f.Columns {
		if c.Name == name {
			return c.Kind
		}
	}
	t.Fatalf("no column %q described", name)
	return Text
}

// csvSameFloats compares numbers, NaN equal to NaN, to 1e-9.
func csvSameFloats(got, want []float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if math.IsNaN(want[i]) != math.IsNaN(got[i]) || (!math.IsNaN(want[i]) && math.Abs(got[i]-want[i]) > 1e-9) {
			return false
		}
	}
	return true
}

// csvCheckProblems compares problems with what was expected, in order.
func csvCheckProblems(t *testing.T, got []Problem, want []csvWantProblem) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d: %+v", len(got), len(want), got)
		return
	}
	for i, w := range want {
		p := got[i]
		if p.Row != w.row || p.Reason != w.reason || !strings.Contains(p.Value, w.value) || p.Detail == "" {
			t.Errorf("problem %d = %+v, want row %d reason %q value containing %q and a detail", i, p, w.row, w.reason, w.value)
		}
	}
}

// TestReadDelimitedProblemDetails checks the sentences of the ragged rows:
// how many fields, and that the extra values are listed.
func TestReadDelimitedProblemDetails(t *testing.T) {
	f, err := ReadFile("testdata/csv_ragged.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Problems) != 2 {
		t.Fatalf("problems %+v", f.Problems)
	}
	if d := f.Problems[0].Detail; !strings.Contains(d, "2 of 4 fields") {
		t.Errorf("too few fields detail %q", d)
	}
	if p := f.Problems[1]; !strings.Contains(p.Detail, "6 fields, 2 more") || p.Value != `EUCOM,"Generalleutnant Basham` {
		t.Errorf("too many fields: value %q detail %q", p.Value, p.Detail)
	}
}

// TestReadDelimitedErrors checks that files without any data say so
// clearly instead of giving an empty frame.
func TestReadDelimitedErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		b    []byte
	}{
		{"testdata/csv_empty.csv", nil},
		{"testdata/csv_whitespace.csv", nil},
		{"bom.csv", []byte("\xef\xbb\xbf")},
		{"bom-crlf.csv", []byte("\xef\xbb\xbf\r\n\r\n")},
		{"utf16.txt", []byte("\xff\xfe")},
		{"utf16-blank.txt", []byte("\xff\xfe\r\x00\n\x00 \x00")},
	} {
		var err error
		if c.b == nil {
			_, err = ReadFile(c.name, Options{})
		} else {
			_, err = ReadBytes(c.name, c.b, Options{})
		}
		if err == nil || !strings.Contains(err.Error(), c.name+" is empty") {
			t.Errorf("%s: error %v, want %q", c.name, err, c.name+" is empty")
		}
	}
	if _, err := ReadFile("testdata/csv_missing.csv", Options{}); err == nil || !strings.Contains(err.Error(), "csv_missing.csv") {
		t.Errorf("missing file: error %v", err)
	}
}

// TestReadBytesRecords checks record splitting on small inputs: line ends,
// quoting, blank lines and blanks around fields.
func TestReadBytesRecords(t *testing.T) {
	cases := []struct {
		name     string
		in       string
		cells    [][]string // rows, header excluded
		problems []string   // reasons
	}{
		{"lf", "a,b\n1,x\n2,y\n", [][]string{{"1", "x"}, {"2", "y"}}, nil},
		{"crlf", "a,b\r\n1,x\r\n2,y\r\n", [][]string{{"1", "x"}, {"2", "y"}}, nil},
		{"no final newline", "a,b\n1,x\n2,y", [][]string{{"1", "x"}, {"2", "y"}}, nil},
		{"crlf no final newline", "a,b\r\n1,x\r\n2,\"y\"", [][]string{{"1", "x"}, {"2", "y"}}, nil},
		{"lone cr line ends", "a,b\r1,x\r2,y\r", [][]string{{"1", "x"}, {"2", "y"}}, nil},
		{"blank lines", "\n\na,b\n\n1,x\r\n\r\n2,y\n\n", [][]string{{"1", "x"}, {"2", "y"}}, nil},
		{"blank-only lines", "a,b\n  \n1,x\n\t \r\n2,y\n   ", [][]string{{"1", "x"}, {"2", "y"}}, nil},
		{"blanks around fields", "a,b\n 1 , x \n\t2,\"y\" \n", [][]string{{"1", "x"}, {"2", "y"}}, nil},
		{"quoted delimiter", "a,b\n1,\"x,y\"\n", [][]string{{"1", "x,y"}}, nil},
		{"doubled quotes", "a,b\n1,\"sagte \"\"nein\"\"\"\n", [][]string{{"1", `sagte "nein"`}}, nil},
		{"only doubled quotes", "a,b\n1,\"\"\"\"\n2,\"\"\n", [][]string{{"1", `"`}, {"2", ""}}, nil},
		{"quoted newline crlf", "a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n", [][]string{{"1", "x\r\ny"}, {"2", "z"}}, nil},
		{"stray quote in unquoted field", "a,b\n1,5\" Rohr\n2,y\n", [][]string{{"1", `5" Rohr`}, {"2", "y"}}, nil},
		{"stray quote in quoted field", "a,b\n1,\"x\"y\"\n2,z\n", [][]string{{"1", `x"y`}, {"2", "z"}}, nil},
		{"quoted field then cr at end", "a,b\n1,\"x\"\r", [][]string{{"1", "x"}}, nil},
		{"quoted field then cr at end too few", "a,b\n\"x\"\r", [][]string{{"x", ""}}, []string{"too few fields"}},
		// A lone CR ends a line outside quotes, as in Excel, LibreOffice
		// and Python; it once merged the rows around it into one of "too
		// many fields".
		{"lone cr after quote ends the line", "a,b\n1,\"x\"\ry\"\n2,z\n", [][]string{{"1", "x"}, {"y\"", ""}, {"2", "z"}}, []string{"too few fields"}},
		{"lone cr among lf line ends", "a,b\n1,x\r2,y\n3,z\n", [][]string{{"1", "x"}, {"2", "y"}, {"3", "z"}}, nil},
		{"lone cr in quotes is text", "a,b\n1,\"x\ry\"\n2,z\n", [][]string{{"1", "x\ry"}, {"2", "z"}}, nil},
		{"cr blank lines", "a,b\r\r1,x\r \r2,y\r", [][]string{{"1", "x"}, {"2", "y"}}, nil},
		{"trailing delimiter on data only", "a,b\n1,x,\n2,y,\n", [][]string{{"1", "x", ""}, {"2", "y", ""}}, nil},
		{"trailing delimiter at end of text", "a,b\n1,", [][]string{{"1", ""}}, nil},
		{"too few", "a,b,c\n1\n2,y,z\n", [][]string{{"1", "", ""}, {"2", "y", "z"}}, []string{"too few fields"}},
		{"too many", "a,b\n1,x\n2,y,z,w\n3,u\n", [][]string{{"1", "x"}, {"2", "y"}, {"3", "u"}}, []string{"too many fields"}},
		{"unclosed quote", "a,b\n1,\"x\n2,y\n", [][]string{{"1", "x\n2,y\n"}}, []string{"unclosed quote"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := ReadBytes("x.csv", []byte(c.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !f.Source.HasHeader || f.Source.Delimiter != "," {
				t.Errorf("header %v delimiter %q", f.Source.HasHeader, f.Source.Delimiter)
			}
			if got := csvRows(f); !slices.EqualFunc(got, c.cells, slices.Equal) {
				t.Errorf("rows %q, want %q", got, c.cells)
			}
			var reasons []string
			for _, p := range f.Problems {
				reasons = append(reasons, p.Reason)
			}
			if !slices.Equal(reasons, c.problems) {
				t.Errorf("problems %+v, want %q", f.Problems, c.problems)
			}
		})
	}
}

// csvRows returns a frame's cells row by row, as text.
func csvRows(f *Frame) [][]string {
	var rows [][]string
	for r := range f.Rows() {
		row := make([]string, len(f.Columns))
		for c := range row {
			row[c] = f.Text(r, c)
		}
		rows = append(rows, row)
	}
	return rows
}

// csvNumbers returns a column's cells as numbers.
func csvNumbers(f *Frame, name string) []float64 {
	c := f.Col(name)
	out := make([]float64, f.Rows())
	for r := range out {
		out[r] = f.Number(r, c)
	}
	return out
}

// TestReadBytesTSVByName checks that a .tsv name decides the delimiter even
// where commas would split the records just as consistently.
func TestReadBytesTSVByName(t *testing.T) {
	in := "Ort\nMoskau, Russland\nJerewan, Armenien\n"
	for _, c := range []struct {
		name  string
		opt   Options
		delim string
		cols  int
	}{
		{"orte.tsv", Options{}, "\t", 1},
		{"orte.tab", Options{}, "\t", 1},
		{"orte.txt", Options{Format: "tsv"}, "\t", 1},
		{"orte.txt", Options{}, ",", 2},
	} {
		f, err := ReadBytes(c.name, []byte(in), c.opt)
		if err != nil {
			t.Fatal(err)
		}
		if f.Source.Delimiter != c.delim || len(f.Columns) != c.cols {
			t.Errorf("%s %+v: delimiter %q, %d columns; want %q, %d", c.name, c.opt, f.Source.Delimiter, len(f.Columns), c.delim, c.cols)
		}
	}
}

// TestReadBytesHeaderless checks that a first row with numbers or dates is
// data, and that the columns are named by position.
func TestReadBytesHeaderless(t *testing.T) {
	f, err := ReadBytes("x.csv", []byte("2023;7;Moskau\n2023;3;Jerewan\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Source.HasHeader || f.Rows() != 2 {
		t.Fatalf("header %v, %d rows", f.Source.HasHeader, f.Rows())
	}
	if got := csvRecords(t, f, "column 3"); !slices.Equal(got, []string{"Moskau", "Jerewan"}) {
		t.Errorf("column 3 = %q", got)
	}
	if k := csvKind(t, f, "column 2"); k != Integer {
		t.Errorf("column 2 is %v", k)
	}
}

// csvBigFile builds a well-formed delimited file of at least size bytes in
// which many quoted cells span lines, some of them across the places where
// parseChunks first cuts the text for n cores (n = 1..8), plus stray quotes
// inside unquoted fields when stray is set.
func csvBigFile(size int, stray bool) []byte {
	var b bytes.Buffer
	b.WriteString("id,date,place,notes,lat\n")
	start := b.Len()
	// The first cuts for n cores, close enough: the file will end near size.
	var cuts []int
	for n := 2; n <= 8; n++ {
		for i := 1; i < n; i++ {
			cuts = append(cuts, start+i*(size-start)/n)
		}
	}
	slices.Sort(cuts)
	places := []string{"Moskau", "Jerewan", "Gjumri", "Köln", "Ouagadougou", "Managua", "Москва"}
	for i := 0; b.Len() < size; i++ {
		place := places[i%len(places)]
		fmt.Fprintf(&b, "%d,2023-11-%02d,%s,", i, i%30+1, place)
		switch {
		case len(cuts) > 0 && b.Len()+40 >= cuts[0]:
			// A quoted cell whose newlines straddle the next cut.
			b.WriteString(`"Treffen, Teil 1`)
			// The file ends up to a row past size, which moves the real
			// cuts by less than that.
			for b.Len() <= cuts[0]+400 {
				b.WriteString("\n")
			}
			b.WriteString(`Teil 2 ""zitiert""` + "\n" + `Ende"`)
			cuts = cuts[1:]
		case stray && i%5 == 0:
			fmt.Fprintf(&b, `ein 5" Rohr in %s`, place)
		case i%3 == 0:
			fmt.Fprintf(&b, "\"Bericht aus %s,\nzweite Zeile\"", place)
		default:
			fmt.Fprintf(&b, "Bericht %d", i)
		}
		fmt.Fprintf(&b, ",%d.%04d\n", 40+i%20, i%10000)
		if i%97 == 0 {
			b.WriteString("\n") // a blank line
		}
	}
	return b.Bytes()
}

// csvChunkCells flattens parsed chunks into rows of cells, undoing doubled
// quotes on a copy of text so that text stays as it was.
func csvChunkCells(text []byte, chunks []*chunk, ncols int) [][]string {
	text = bytes.Clone(text)
	var rows [][]string
	for _, c := range chunks {
		for r := range c.rows {
			row := make([]string, ncols)
			for i := range ncols {
				row[i] = strings.Clone(value(text, &c.cols[i][r]))
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// TestParseChunksMatchesSequential checks that the parallel parse of files
// larger than 1 MiB gives exactly the rows and problems of one sequential
// parse, whatever the number of cores, where quoted newlines sit at the
// chunk borders and stray quotes make the quote-parity guess wrong.
func TestParseChunksMatchesSequential(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, stray := range []bool{false, true} {
		text := csvBigFile(1<<20+300_000, stray)
		start := bytes.IndexByte(text, '\n') + 1
		const ncols = 5
		seq := parseRange(context.Background(), text, start, len(text), ',', ncols, 80, &rowCount{max: MaxCells})
		if seq.end != len(text) {
			t.Fatalf("sequential parse ended at %d of %d", seq.end, len(text))
		}
		want := csvChunkCells(text, []*chunk{seq}, ncols)
		if !stray {
			// For a well-formed file, encoding/csv is the reference.
			r := csv.NewReader(bytes.NewReader(text[start:]))
			r.LazyQuotes = true
			ref, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(ref, want, slices.Equal) {
				t.Fatalf("sequential parse differs from encoding/csv (%d and %d rows)", len(want), len(ref))
			}
		}
		for _, procs := range []int{1, 2, 3, 4, 7} {
			runtime.GOMAXPROCS(procs)
			chunks, _ := parseChunks(context.Background(), text, start, ',', ncols, 80, MaxCells)
			if procs > 1 && len(chunks) < 2 {
				t.Errorf("stray %v, %d procs: the text was not split", stray, procs)
			}
			got := csvChunkCells(text, chunks, ncols)
			if len(got) != len(want) {
				t.Errorf("stray %v, %d procs: %d rows, want %d", stray, procs, len(got), len(want))
				continue
			}
			for i := range want {
				if !slices.Equal(got[i], want[i]) {
					t.Errorf("stray %v, %d procs: row %d = %q, want %q", stray, procs, i+1, got[i], want[i])
					break
				}
			}
			var problems int
			for _, c := range chunks {
				problems += len(c.problems)
			}
			if problems != len(seq.problems) {
				t.Errorf("stray %v, %d procs: %d problems, want %d", stray, procs, problems, len(seq.problems))
			}
		}
	}
}

// TestParseChunksLongRecords checks files whose records run over whole
// chunks: a quoted cell longer than a chunk, one whose stray quotes make
// every border guess land inside it, and a quote that never closes.
func TestParseChunksLongRecords(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var long, stray, unclosed bytes.Buffer
	long.WriteString("id,notes\n1,\"")
	stray.WriteString("id,notes\n1,\"")
	unclosed.WriteString("id,notes\n1,\"")
	for long.Len() < 1_500_000 {
		long.WriteString("Moskau,\nJerewan\n")
		stray.WriteString("ein 5\" Rohr,\nJerewan\n")
		unclosed.WriteString("Moskau,\nJerewan\n")
	}
	long.WriteString("\"\n")
	stray.WriteString("\"\n")
	for long.Len() < 2_500_000 {
		long.WriteString("2,\"Gjumri\"\n")
		stray.WriteString("2,\"Gjumri\"\n")
		unclosed.WriteString("2,Gjumri \"Basis\" 102\n")
	}
	for _, c := range []struct {
		name string
		text []byte
	}{
		{"long cell", long.Bytes()},
		{"stray quotes in a long cell", stray.Bytes()},
		{"unclosed", unclosed.Bytes()},
	} {
		start := bytes.IndexByte(c.text, '\n') + 1
		seq := parseRange(context.Background(), c.text, start, len(c.text), ',', 2, 20, &rowCount{max: MaxCells})
		for _, procs := range []int{1, 2, 4, 8} {
			runtime.GOMAXPROCS(procs)
			chunks, _ := parseChunks(context.Background(), c.text, start, ',', 2, 20, MaxCells)
			rows, problems := 0, 0
			for _, ch := range chunks {
				rows += ch.rows
				problems += len(ch.problems)
			}
			if rows != seq.rows || problems != len(seq.problems) {
				t.Errorf("%s, %d procs: %d rows, %d problems; sequential %d, %d", c.name, procs, rows, problems, seq.rows, len(seq.problems))
			}
		}
		if c.name == "unclosed" && (seq.rows != 1 || len(seq.problems) != 1) {
			t.Errorf("unclosed: %d rows, %d problems", seq.rows, len(seq.problems))
		}
	}
}

// TestReadBytesLargeFile reads a file that is parsed in chunks through
// ReadBytes and checks rows, cells and row numbers of its problems.
func TestReadBytesLargeFile(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	text := csvBigFile(1<<20+100_000, true)
	// A ragged row near the end, to check that problem rows count across
	// chunks.
	text = append(text, "99999,2023-11-30\n"...)
	r := csv.NewReader(bytes.NewReader(text))
	r.LazyQuotes, r.FieldsPerRecord = true, -1
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		f, err := ReadBytes("big.csv", bytes.Clone(text), Options{})
		if err != nil {
			t.Fatal(err)
		}
		n := f.Rows()
		if len(f.Problems) != 1 || f.Problems[0].Row != n || f.Problems[0].Reason != "too few fields" {
			t.Errorf("%d procs: problems %+v, want one at row %d", procs, f.Problems, n)
		}
		ids := csvNumbers(f, "id")
		for i, id := range ids[:n-1] {
			if id != float64(i) {
				t.Errorf("%d procs: row %d has id %v", procs, i+1, id)
				break
			}
		}
		if ids[n-1] != 99999 {
			t.Errorf("%d procs: last id %v", procs, ids[n-1])
		}
		if k := csvKind(t, f, "lat"); k != Number {
			t.Errorf("lat is %v", k)
		}
	}
}

// TestReadFileDoesNotTouchFixtures guards the in-place unescaping: reading
// a file twice gives the same cells.
func TestReadFileDoesNotTouchFixtures(t *testing.T) {
	b, err := os.ReadFile("testdata/csv_comma_quoted.csv")
	if err != nil {
		t.Fatal(err)
	}
	f1, err := ReadBytes("a.csv", bytes.Clone(b), Options{})
	if err != nil {
		t.Fatal(err)
	}
	f2, err := ReadBytes("b.csv", bytes.Clone(b), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r1, r2 := csvRows(f1), csvRows(f2); !slices.EqualFunc(r1, r2, slices.Equal) {
		t.Errorf("two reads differ:\n%q\n%q", r1, r2)
	}
}
