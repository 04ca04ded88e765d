package frame

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// updateXLSX rewrites the committed XLSX fixtures:
//
//	go test ./data/frame -run TestWriteXLSXFixtures -update-xlsx
var updateXLSX = flag.Bool("update-xlsx", false, "rewrite testdata/xlsx_*.xlsx")

// TestWriteXLSXFixtures writes the XLSX fixtures the other tests read. It
// only runs with -update-xlsx: the tests read the committed files, so that
// they test what excelize reads, not what it has just written.
func TestWriteXLSXFixtures(t *testing.T) {
	if !*updateXLSX {
		t.Skip("run with -update-xlsx to rewrite the fixtures")
	}
	for name, build := range map[string]func(*excelize.File) map[string]string{
		"xlsx_events.xlsx":       buildEventsWorkbook,
		"xlsx_first_empty.xlsx":  buildFirstEmptyWorkbook,
		"xlsx_two_sheets.xlsx":   buildTwoSheetsWorkbook,
		"xlsx_1904.xlsx":         build1904Workbook,
		"xlsx_hidden_first.xlsx": buildHiddenFirstWorkbook,
	} {
		f := excelize.NewFile()
		edits := build(f)
		var buf bytes.Buffer
		must(t, f.Write(&buf))
		b := buf.Bytes()
		if len(edits) > 0 {
			b = editSheetXML(t, b, "xl/worksheets/sheet1.xml", edits)
		}
		must(t, os.WriteFile(filepath.Join("testdata", name), b, 0o644))
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// buildEventsWorkbook writes the main fixture: a sheet whose table starts at
// B2, with every kind of cell, an empty row inside the data, a ragged row and
// formatted but empty cells after the data. It returns the formula cells
// edits that make its formula cells look as Excel saves them.
func buildEventsWorkbook(f *excelize.File) map[string]string {
	const s = "Ereignisse"
	f.SetSheetName("Sheet1", s)
	style := func(st *excelize.Style) int {
		id, err := f.NewStyle(st)
		if err != nil {
			panic(err)
		}
		return id
	}
	custom := func(code string) *excelize.Style { return &excelize.Style{CustomNumFmt: &code} }
	var (
		date      = style(&excelize.Style{NumFmt: 14})
		germanDay = style(custom("dd.mm.yyyy"))
		dateTime  = style(custom("yyyy-mm-dd hh:mm"))
		clock     = style(&excelize.Style{NumFmt: 21})
		thousands = style(&excelize.Style{NumFmt: 4})
		textFmt   = style(&excelize.Style{NumFmt: 49})
		fill      = style(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFF00"}}})
	)
	set := func(cell string, v any, styleID int) {
		if err := f.SetCellValue(s, cell, v); err != nil {
			panic(err)
		}
		if styleID != 0 {
			if err := f.SetCellStyle(s, cell, cell, styleID); err != nil {
				panic(err)
			}
		}
	}
	formula := func(cell, formula string, cached any, styleID int) {
		if cached != nil {
			set(cell, cached, styleID)
		} else if styleID != 0 {
			_ = f.SetCellStyle(s, cell, cell, styleID)
		}
		if err := f.SetCellFormula(s, cell, formula); err != nil {
			panic(err)
		}
	}
	day := func(y, m, d, hh, mm, ss int) time.Time {
		return time.Date(y, time.Month(m), d, hh, mm, ss, 0, time.UTC)
	}
	clockTime := func(hh, mm, ss int) float64 { return float64(hh*3600+mm*60+ss) / 86400 }

	for i, h := range []string{"ID", "Datum", "Zeit", "Uhrzeit", "Datum (Text)", "Serial", "Ort", "Anzahl", "Wert", "Ende", "Summe", "Geprüft", "Offen", "Fehler"} {
		cell, _ := excelize.CoordinatesToCellName(i+2, 2)
		set(cell, h, 0)
	}
	// Row 3: the ordinary case.
	set("B3", "01234", textFmt)
	set("C3", day(2023, 11, 7, 0, 0, 0), date)
	set("D3", day(2023, 11, 7, 10, 30, 0), dateTime)
	set("E3", clockTime(10, 30, 0), clock)
	set("F3", "7. November 2023", 0)
	set("G3", 45237, 0)
	set("H3", "Moskau", 0)
	set("I3", 3, 0)
	set("J3", 0.1+0.2, 0)
	formula("K3", "C3+1", day(2023, 11, 8, 0, 0, 0), date)
	formula("L3", "I3*2", 6, 0)
	set("M3", true, 0)
	formula("N3", "I3+1", nil, 0) // never calculated: no saved value
	formula("O3", "1/0", nil, 0)  // its saved error value is added below
	// Row 4: midnight in a date-time format, seconds, a missing count,
	// a number shown with thousands separators.
	set("B4", "00042", textFmt)
	set("C4", day(2023, 11, 3, 0, 0, 0), germanDay)
	set("D4", day(2023, 11, 3, 0, 0, 0), dateTime)
	set("E4", clockTime(9, 15, 30), clock)
	set("F4", "03.11.2023", 0)
	set("G4", 45233, 0)
	set("H4", "Jerewan", 0)
	set("J4", 1234567.891, thousands)
	formula("K4", "C4+1", day(2023, 11, 4, 0, 0, 0), germanDay)
	formula("L4", "I4*2", 0, 0)
	set("M4", false, 0)
	// Row 5 is empty. Row 6: a time of day inside a date-only format,
	// Cyrillic and umlauts.
	set("B6", "7", textFmt)
	set("C6", day(2023, 11, 7, 14, 0, 0), date)
	set("H6", "Гюмри", 0)
	set("I6", 12, 0)
	set("J6", -2.5, 0)
	set("M6", true, 0)
	// Row 7: one cell past the header.
	set("H7", "München – Straße", 0)
	set("P7", "überzählig", 0)
	// Formatted but empty cells after the data do not count.
	_ = f.SetCellStyle(s, "B9", "R9", fill)
	_ = f.SetCellStyle(s, "S2", "S7", fill)
	// excelize marks every formula cell as a string result ("str"); Excel
	// leaves a number's type out, and saves an error with type "e".
	edits := map[string]string{}
	for _, ref := range []string{"K3", "L3", "K4", "L4"} {
		edits[`(<c r="`+ref+`"[^>]*?) t="str"`] = "$1"
	}
	edits[`(<c r="O3"[^>]*?) t="str"><f>1/0</f></c>`] = `$1 t="e"><f>1/0</f><v>#DIV/0!</v></c>`
	return edits
}

// buildFirstEmptyWorkbook writes a workbook whose first sheet has only
// formatting, and whose second holds the table.
func buildFirstEmptyWorkbook(f *excelize.File) map[string]string {
	f.SetSheetName("Sheet1", "Leer")
	fill, _ := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FF0000"}}})
	_ = f.SetCellStyle("Leer", "A1", "C3", fill)
	_, _ = f.NewSheet("Daten")
	_ = f.SetSheetRow("Daten", "A1", &[]any{"Datum", "Ereignis"})
	_ = f.SetSheetRow("Daten", "A2", &[]any{"2023-11-07", "Treffen in Moskau"})
	_ = f.SetSheetRow("Daten", "A3", &[]any{"2023-11-03", "Treffen in Jerewan"})
	return nil
}

// buildTwoSheetsWorkbook writes two sheets with different tables.
func buildTwoSheetsWorkbook(f *excelize.File) map[string]string {
	f.SetSheetName("Sheet1", "Tabelle1")
	_ = f.SetSheetRow("Tabelle1", "A1", &[]any{"name", "x"})
	_ = f.SetSheetRow("Tabelle1", "A2", &[]any{"eins", 1})
	_, _ = f.NewSheet("Tabelle2")
	_ = f.SetSheetRow("Tabelle2", "A1", &[]any{"Ort", "Land"})
	_ = f.SetSheetRow("Tabelle2", "A2", &[]any{"Москва", "Россия"})
	_ = f.SetSheetRow("Tabelle2", "A3", &[]any{"Ереван", "Армения"})
	_ = f.SetSheetRow("Tabelle2", "A4", &[]any{"Гюмри", "Армения"})
	return nil
}

// buildHiddenFirstWorkbook writes a workbook whose first sheet, with data,
// is hidden.
func buildHiddenFirstWorkbook(f *excelize.File) map[string]string {
	f.SetSheetName("Sheet1", "Hilfswerte")
	_ = f.SetSheetRow("Hilfswerte", "A1", &[]any{"Schlüssel", "Wert"})
	_ = f.SetSheetRow("Hilfswerte", "A2", &[]any{"k", 1})
	_, _ = f.NewSheet("Ereignisse")
	_ = f.SetSheetRow("Ereignisse", "A1", &[]any{"Datum", "Ort"})
	_ = f.SetSheetRow("Ereignisse", "A2", &[]any{"2023-11-07", "Moskau"})
	f.SetActiveSheet(1)
	if err := f.SetSheetVisible("Hilfswerte", false); err != nil {
		panic(err)
	}
	return nil
}

// build1904Workbook writes a workbook that counts days from 1904, as old
// Mac Excel did.
func build1904Workbook(f *excelize.File) map[string]string {
	yes := true
	_ = f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes})
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"date"})
	_ = f.SetCellValue("Sheet1", "A2", time.Date(2023, 11, 7, 0, 0, 0, 0, time.UTC))
	_ = f.SetCellStyle("Sheet1", "A2", "A2", date)
	return nil
}

// editSheetXML applies regular-expression edits to the XML of one sheet of
// a workbook, to write what excelize cannot.
func editSheetXML(t *testing.T, b []byte, sheetPath string, edits map[string]string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	must(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		r, err := zf.Open()
		must(t, err)
		content, err := io.ReadAll(r)
		must(t, err)
		if zf.Name == sheetPath {
			for expr, repl := range edits {
				re := regexp.MustCompile(expr)
				if !re.Match(content) {
					t.Fatalf("%s does not match in %s", expr, sheetPath)
				}
				content = re.ReplaceAll(content, []byte(repl))
			}
		}
		w, err := zw.Create(zf.Name)
		must(t, err)
		_, err = w.Write(content)
		must(t, err)
	}
	must(t, zw.Close())
	return out.Bytes()
}

// columnRecords returns the cells of a frame column as text, failing when it is absent.
func columnRecords(t *testing.T, f *Frame, name string) []string {
	t.Helper()
	if !slices.Contains(f.Names(), name) {
		t.Fatalf("no column %q; columns are %q", name, f.Names())
	}
	return f.Texts(f.Col(name))
}

// tableCells returns the cells of a table column, failing when it is absent.
func tableCells(t *testing.T, tb *table, name string) []string {
	t.Helper()
	i := slices.Index(tb.names, name)
	if i < 0 {
		t.Fatalf("no column %q; columns are %q", name, tb.names)
	}
	return tb.cols[i]
}

func kindOfColumn(t *testing.T, f *Frame, name string) Kind {
	t.Helper()
	for _, c := range f.Columns {
		if c.Name == name {
			return c.Kind
		}
	}
	t.Fatalf("no column %q", name)
	return Text
}

func TestReadXLSXEvents(t *testing.T) {
	f, err := ReadFile(filepath.Join("testdata", "xlsx_events.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Source.Format != "xlsx" || f.Source.Sheet != "Ereignisse" || !f.Source.HasHeader {
		t.Errorf("source = %+v", f.Source)
	}
	wantNames := []string{"ID", "Datum", "Zeit", "Uhrzeit", "Datum (Text)", "Serial", "Ort", "Anzahl", "Wert", "Ende", "Summe", "Geprüft", "Offen", "Fehler", "column 15"}
	if got := f.Names(); !slices.Equal(got, wantNames) {
		t.Fatalf("names =\n%q\nwant\n%q", got, wantNames)
	}
	// Rows 3 to 7 of the sheet: the empty row 5 stays, row 9 (formatting
	// only) does not count.
	if f.Rows() != 5 {
		t.Fatalf("rows = %d, want 5", f.Rows())
	}
	// The cells as read, before gota turns numeric columns into floats.
	b, err := os.ReadFile(filepath.Join("testdata", "xlsx_events.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	tb, sheet, err := readXLSX(context.Background(), b, "")
	if err != nil || sheet != "Ereignisse" {
		t.Fatalf("readXLSX: sheet %q, err %v", sheet, err)
	}
	want := map[string][]string{
		"ID":           {"01234", "00042", "", "7", ""},
		"Datum":        {"2023-11-07", "2023-11-03", "", "2023-11-07T14:00:00", ""},
		"Zeit":         {"2023-11-07T10:30:00", "2023-11-03T00:00:00", "", "", ""},
		"Uhrzeit":      {"10:30:00", "09:15:30", "", "", ""},
		"Datum (Text)": {"7. November 2023", "03.11.2023", "", "", ""},
		"Serial":       {"45237", "45233", "", "", ""},
		"Ort":          {"Moskau", "Jerewan", "", "Гюмри", "München – Straße"},
		"Anzahl":       {"3", "", "", "12", ""},
		"Wert":         {"0.3", "1234567.891", "", "-2.5", ""},
		"Ende":         {"2023-11-08", "2023-11-04", "", "", ""},
		"Summe":        {"6", "0", "", "", ""},
		"Geprüft":      {"true", "false", "", "true", ""},
		"Offen":        {"", "", "", "", ""},
		"Fehler":       {"#DIV/0!", "", "", "", ""},
		"column 15":    {"", "", "", "", "überzählig"},
	}
	for name, w := range want {
		if got := tableCells(t, tb, name); !slices.Equal(got, w) {
			t.Errorf("%s = %q, want %q", name, got, w)
		}
	}
	// Through the frame, text columns keep their cells as read.
	if got := columnRecords(t, f, "Datum"); !slices.Equal(got, want["Datum"]) {
		t.Errorf("frame Datum = %q", got)
	}
	kinds := map[string]Kind{"ID": Text, "Datum": Text, "Uhrzeit": Text, "Ort": Text, "Geprüft": Text, "Serial": Number, "Anzahl": Number, "Wert": Number, "Summe": Number}
	for name, k := range kinds {
		if got := kindOfColumn(t, f, name); got != k {
			t.Errorf("kind of %s = %v, want %v", name, got, k)
		}
	}
	wantProblems := []Problem{
		{Row: 1, Column: "Offen", Value: "=I3+1", Reason: "formula has no saved value",
			Detail: "cell N3: the workbook was saved without calculating it; open and save it in Excel to fill it in"},
		{Row: 1, Column: "Fehler", Value: "#DIV/0!", Reason: "Excel error value", Detail: "cell O3 holds an error, not a value"},
	}
	if !slices.Equal(f.Problems, wantProblems) {
		t.Errorf("problems =\n%+v\nwant\n%+v", f.Problems, wantProblems)
	}
}

func TestReadXLSXFirstSheetEmpty(t *testing.T) {
	f, err := ReadFile(filepath.Join("testdata", "xlsx_first_empty.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Source.Sheet != "Daten" {
		t.Errorf("sheet = %q, want Daten", f.Source.Sheet)
	}
	if got := f.Names(); !slices.Equal(got, []string{"Datum", "Ereignis"}) {
		t.Errorf("names = %q", got)
	}
	if got := columnRecords(t, f, "Ereignis"); !slices.Equal(got, []string{"Treffen in Moskau", "Treffen in Jerewan"}) {
		t.Errorf("Ereignis = %q", got)
	}
	// Asking for the empty sheet by name is an error, not an empty frame.
	_, err = ReadFile(filepath.Join("testdata", "xlsx_first_empty.xlsx"), Options{Sheet: "Leer"})
	if err == nil || !strings.Contains(err.Error(), `sheet "Leer" is empty`) {
		t.Errorf("err = %v", err)
	}
}

func TestReadXLSXChooseSheet(t *testing.T) {
	path := filepath.Join("testdata", "xlsx_two_sheets.xlsx")
	f, err := ReadFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Source.Sheet != "Tabelle1" || f.Rows() != 1 {
		t.Errorf("default sheet = %q with %d rows, want Tabelle1 with 1", f.Source.Sheet, f.Rows())
	}
	for _, name := range []string{"Tabelle2", "tabelle2"} {
		f, err := ReadFile(path, Options{Sheet: name})
		if err != nil {
			t.Fatal(err)
		}
		if f.Source.Sheet != "Tabelle2" {
			t.Errorf("sheet %q read as %q", name, f.Source.Sheet)
		}
		if got := columnRecords(t, f, "Ort"); !slices.Equal(got, []string{"Москва", "Ереван", "Гюмри"}) {
			t.Errorf("Ort = %q", got)
		}
	}
	_, err = ReadFile(path, Options{Sheet: "Daten"})
	want := path + `: no sheet named "Daten"; the workbook has "Tabelle1", "Tabelle2"`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestReadXLSXHiddenFirstSheet(t *testing.T) {
	path := filepath.Join("testdata", "xlsx_hidden_first.xlsx")
	f, err := ReadFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Source.Sheet != "Ereignisse" || !slices.Equal(f.Names(), []string{"Datum", "Ort"}) {
		t.Errorf("read sheet %q with columns %q, want the visible sheet Ereignisse", f.Source.Sheet, f.Names())
	}
	// Chosen by name, a hidden sheet is read.
	f, err = ReadFile(path, Options{Sheet: "Hilfswerte"})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Names(); !slices.Equal(got, []string{"Schlüssel", "Wert"}) {
		t.Errorf("hidden sheet columns = %q", got)
	}
}

func TestReadXLSXDate1904(t *testing.T) {
	f, err := ReadFile(filepath.Join("testdata", "xlsx_1904.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := columnRecords(t, f, "date"); !slices.Equal(got, []string{"2023-11-07"}) {
		t.Errorf("date = %q", got)
	}
}

func TestReadXLSXNotAWorkbook(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "xlsx_events.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	var emptyZip bytes.Buffer
	zw := zip.NewWriter(&emptyZip)
	w, _ := zw.Create("hello.txt")
	_, _ = w.Write([]byte("hello"))
	_ = zw.Close()
	cases := map[string][]byte{
		"empty":     {},
		"text":      []byte("date,place\n2023-11-07,Moskau\n"),
		"zip magic": []byte("PK\x03\x04 and then nothing"),
		"old xls":   append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 600)...),
		"other zip": emptyZip.Bytes(),
	}
	for _, n := range []int{10, 100, 1000, len(good) / 2, len(good) - 100, len(good) - 1} {
		cases[fmt.Sprintf("truncated at %d", n)] = good[:n]
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ReadBytes("x.xlsx", b, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "x.xlsx: ") || strings.Contains(msg, "\n") {
				t.Errorf("err = %q, want one line after the file name", msg)
			}
		})
	}
	// Damage inside the zip (a byte flipped in every 97th position) must
	// never panic either.
	for i := 40; i < len(good); i += 97 {
		b := bytes.Clone(good)
		b[i] ^= 0x55
		_, _, _ = readXLSX(context.Background(), b, "")
	}
}

func TestNumFmtDateKind(t *testing.T) {
	cases := map[string]dateKind{
		"General":                     notDate,
		"0.00":                        notDate,
		"#,##0.00":                    notDate,
		"0.00E+00":                    notDate,
		`0.0 "days"`:                  notDate,
		"@":                           notDate,
		"[Red]#,##0;[Blue]-#,##0":     notDate,
		"yyyy-mm-dd":                  dateOnly,
		"dd.mm.yyyy":                  dateOnly,
		"mmm yy":                      dateOnly,
		`[$-407]d. mmmm yyyy`:         dateOnly,
		"[$-F800]dddd, mmmm dd, yyyy": dateOnly,
		`[$-411]ge.m.d`:               dateOnly,
		"yyyy-mm-dd hh:mm":            dateTime,
		"m/d/yy h:mm AM/PM":           dateTime,
		"hh:mm":                       timeOnly,
		"mm:ss":                       timeOnly,
		"h:mm:ss AM/PM":               timeOnly,
		`h "Uhr" mm`:                  timeOnly,
		"[h]:mm:ss":                   duration,
		"yyyy-mm-dd;@":                dateOnly,
	}
	for code, want := range cases {
		if got := numFmtDateKind(code); got != want {
			t.Errorf("numFmtDateKind(%q) = %d, want %d", code, got, want)
		}
	}
}

func TestSerialText(t *testing.T) {
	cases := []struct {
		v    float64
		kind dateKind
		want string
		ok   bool
	}{
		{45237, dateOnly, "2023-11-07", true},
		{45237.4375, dateOnly, "2023-11-07T10:30:00", true},
		{45237, dateTime, "2023-11-07T00:00:00", true},
		{0.4375, timeOnly, "10:30:00", true},
		{45237.4375, timeOnly, "2023-11-07T10:30:00", true},
		{1.5104166666666667, duration, "36:15:00", true},
		{-1, dateOnly, "", false},
		{1e300, dateOnly, "", false},
	}
	for _, c := range cases {
		got, ok := serialText(c.v, c.kind, false)
		if got != c.want || ok != c.ok {
			t.Errorf("serialText(%v, %d) = %q, %v; want %q, %v", c.v, c.kind, got, ok, c.want, c.ok)
		}
	}
}

func TestPlainNumber(t *testing.T) {
	cases := map[string]string{
		"45237":               "45237",
		"0.30000000000000004": "0.3",
		"1234567.891":         "1234567.891",
		"1.5E-3":              "0.0015",
		"-2.5":                "-2.5",
		"1E+25":               "1e+25",
		"12345678901234567":   "12345678901234600",
	}
	for raw, want := range cases {
		var v float64
		_, _ = fmt.Sscan(raw, &v)
		if got := plainNumber(raw, v); got != want {
			t.Errorf("plainNumber(%q) = %q, want %q", raw, got, want)
		}
	}
}

// isPlainNumber must agree with plainNumber wherever it says yes.
func TestIsPlainNumber(t *testing.T) {
	for _, raw := range []string{"0", "-0", "1", "12.5", "-12.5", "45237", "0.3", "0.30000000000000004", "1.0", "1.50", "01", "1e5", "1E-3",
		"0.000001", "0.0000001", "123456789012345", "1234567890123456", "12345678901234.5", "-", ".5", "5.", "1.2.3", "", "0.1234567890123456"} {
		v, err := strconv.ParseFloat(raw, 64)
		want := err == nil && plainNumber(raw, v) == raw
		if got := isPlainNumber(raw); got && !want {
			t.Errorf("isPlainNumber(%q) = true, but plainNumber writes %q", raw, plainNumber(raw, v))
		} else if !got && want && raw != "-0" {
			t.Logf("isPlainNumber(%q) = false: parsed, as it may be", raw)
		}
	}
}
