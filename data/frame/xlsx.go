package frame

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readXLSX reads one sheet of an XLSX workbook: the sheet named by sheet
// (matched without regard to case, as Excel does), or else the first
// visible sheet holding data. The first non-empty row is the header; empty
// rows and columns around the data are left out, empty rows inside it are
// kept. It returns the name of the sheet read.
//
// Cells read as text the way a user means them: dates in date-formatted
// cells as ISO 8601, numbers as full-precision plain numbers (not as
// displayed), booleans as "true"/"false", formulas as their saved result.
func readXLSX(b []byte, sheet string) (t *table, name string, err error) {
	defer func() {
		// excelize is a large parser of untrusted input; a panic in it must
		// become an unreadable file, not a crash.
		if r := recover(); r != nil {
			t, name, err = nil, "", fmt.Errorf("not a readable XLSX workbook: %v", r)
		}
	}()
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		if bytes.HasPrefix(b, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
			return nil, "", errors.New("not an XLSX workbook: this is an old-style .xls or an encrypted workbook; save it as .xlsx in Excel")
		}
		return nil, "", errors.New("not an XLSX workbook")
	}
	// The unzip limit keeps a zip bomb from taking all memory; 2 GiB of
	// XML is far beyond the largest sheet Excel itself writes.
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: 2 << 30})
	if err != nil {
		if _, zerr := zip.NewReader(bytes.NewReader(b), int64(len(b))); zerr != nil {
			// The zip directory sits at the end: a cut-off download lands here.
			return nil, "", errors.New("not a readable XLSX workbook: the file is damaged or incomplete")
		}
		return nil, "", fmt.Errorf("not a readable XLSX workbook: the zip archive holds no workbook Excel could open (%w)", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, "", errors.New("the workbook has no sheets")
	}
	var rows [][]string
	if sheet != "" {
		name = findSheet(sheets, sheet)
		if name == "" {
			quoted := make([]string, len(sheets))
			for i, s := range sheets {
				quoted[i] = strconv.Quote(s)
			}
			return nil, "", fmt.Errorf("no sheet named %q; the workbook has %s", sheet, strings.Join(quoted, ", "))
		}
		if rows, err = f.GetRows(name, excelize.Options{RawCellValue: true}); err != nil {
			return nil, "", fmt.Errorf("sheet %q cannot be read: %w", name, err)
		}
	} else {
		// The first sheet with data that the user can see; a hidden one
		// only when no visible sheet has data.
		for _, wantVisible := range []bool{true, false} {
			for _, s := range sheets {
				if visible, _ := f.GetSheetVisible(s); visible != wantVisible {
					continue
				}
				r, err := f.GetRows(s, excelize.Options{RawCellValue: true})
				if err == nil && len(r) > 0 { // GetRows leaves out trailing empty rows
					name, rows = s, r
					break
				}
			}
			if name != "" {
				break
			}
		}
		if name == "" {
			return nil, "", errors.New("every sheet of the workbook is empty")
		}
	}
	x := &xlsxSheet{f: f, sheet: name, dateKinds: make(map[int]dateKind)}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		x.date1904 = *props.Date1904
	}
	t, err = x.table(rows)
	if err != nil {
		return nil, "", err
	}
	return t, name, nil
}

// findSheet returns the sheet called name, matched as Excel does, without
// regard to case; empty if there is none.
func findSheet(sheets []string, name string) string {
	for _, s := range sheets {
		if s == name {
			return s
		}
	}
	for _, s := range sheets {
		if strings.EqualFold(s, name) {
			return s
		}
	}
	return ""
}

// xlsxSheet reads the cells of one sheet.
type xlsxSheet struct {
	f         *excelize.File
	sheet     string
	date1904  bool
	dateKinds map[int]dateKind // by style id
}

// xlsxCell is a cell's text and, when it could not be read as it stands,
// why.
type xlsxCell struct {
	text, value, reason, detail string
}

// table turns the raw rows of the sheet into a table.
func (x *xlsxSheet) table(rows [][]string) (*table, error) {
	cells := make([][]xlsxCell, len(rows))
	for r, row := range rows {
		cells[r] = make([]xlsxCell, len(row))
		for c, raw := range row {
			cells[r][c] = x.cell(r, c, raw)
		}
	}
	// The data box: from the first to the last row and column with anything.
	used := func(c xlsxCell) bool { return c.text != "" || c.reason != "" }
	top, bottom, left, right := -1, -1, math.MaxInt, -1
	for r, row := range cells {
		for c, cell := range row {
			if used(cell) {
				if top < 0 {
					top = r
				}
				bottom = r
				left, right = min(left, c), max(right, c)
			}
		}
	}
	if top < 0 {
		return nil, fmt.Errorf("sheet %q is empty", x.sheet)
	}
	width := right - left + 1
	cellAt := func(r, c int) xlsxCell {
		if c < len(cells[r]) {
			return cells[r][c]
		}
		return xlsxCell{}
	}
	t := &table{names: make([]string, width), cols: make([][]string, width)}
	for c := range width {
		t.names[c] = strings.TrimSpace(cellAt(top, left+c).text)
		t.cols[c] = make([]string, bottom-top)
	}
	t.names = uniqueNames(t.names)
	for r := top + 1; r <= bottom; r++ {
		for c := range width {
			cell := cellAt(r, left+c)
			t.cols[c][r-top-1] = cell.text
			if cell.reason != "" {
				t.problems = append(t.problems, Problem{Row: r - top, Column: t.names[c], Value: clip(cell.value), Reason: cell.reason, Detail: cell.detail})
			}
		}
	}
	return t, nil
}

// cell reads the cell at 0-based row r and column c, whose raw value is raw.
func (x *xlsxSheet) cell(r, c int, raw string) xlsxCell {
	ref, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return xlsxCell{text: raw}
	}
	if raw == "" {
		// An empty cell, or a formula that was never calculated (files
		// written by programs rather than by Excel often have these).
		if formula, _ := x.f.GetCellFormula(x.sheet, ref); formula != "" {
			return xlsxCell{value: "=" + formula, reason: "formula has no saved value",
				detail: "cell " + ref + ": the workbook was saved without calculating it; open and save it in Excel to fill it in"}
		}
		return xlsxCell{}
	}
	if raw[0] == '#' {
		if typ, _ := x.f.GetCellType(x.sheet, ref); typ == excelize.CellTypeError {
			return xlsxCell{text: raw, value: raw, reason: "Excel error value", detail: "cell " + ref + " holds an error, not a value"}
		}
		return xlsxCell{text: raw}
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return xlsxCell{text: raw} // text, as it stands
	}
	// Text that looks like a number ("01234") must stay text, and booleans
	// are stored as 1 and 0: only the cell type tells them apart.
	switch typ, _ := x.f.GetCellType(x.sheet, ref); typ {
	case excelize.CellTypeBool:
		switch raw {
		case "1":
			return xlsxCell{text: "true"}
		case "0":
			return xlsxCell{text: "false"}
		}
		return xlsxCell{text: raw}
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
	default:
		return xlsxCell{text: raw}
	}
	style, _ := x.f.GetCellStyle(x.sheet, ref)
	kind := x.dateKind(style)
	if kind == notDate {
		return xlsxCell{text: plainNumber(raw, v)}
	}
	if s, ok := serialText(v, kind, x.date1904); ok {
		return xlsxCell{text: s}
	}
	return xlsxCell{text: plainNumber(raw, v), value: raw, reason: "date cell out of range",
		detail: "cell " + ref + " is formatted as a date, but its number is outside Excel's calendar; kept as a number"}
}

// plainNumber writes a cell's number the way Excel shows it in the formula
// bar: at most 15 significant digits (so that 0.30000000000000004 reads
// 0.3), no exponent for everyday magnitudes, no thousands separators.
func plainNumber(raw string, v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return raw
	}
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if a := math.Abs(v); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// dateKind says what a number format shows of a serial number.
type dateKind uint8

const (
	notDate  dateKind = iota
	dateOnly          // a calendar date
	dateTime          // a date and a time of day
	timeOnly          // a time of day
	duration          // elapsed time: [h]:mm:ss
)

// dateKind returns what the number format of style id shows.
func (x *xlsxSheet) dateKind(id int) dateKind {
	if k, ok := x.dateKinds[id]; ok {
		return k
	}
	k := notDate
	if style, err := x.f.GetStyle(id); err == nil && style != nil {
		if style.CustomNumFmt != nil {
			k = numFmtDateKind(*style.CustomNumFmt)
		} else {
			k = builtInDateKind(style.NumFmt)
		}
	}
	x.dateKinds[id] = k
	return k
}

// builtInDateKind classifies Excel's built-in number formats by id.
func builtInDateKind(id int) dateKind {
	switch {
	case id >= 14 && id <= 17:
		return dateOnly
	case id == 22:
		return dateTime
	case id >= 18 && id <= 21, id == 45, id == 47:
		return timeOnly
	case id == 46:
		return duration
	case id >= 32 && id <= 35:
		// East Asian locales: times in local script.
		return timeOnly
	case id >= 27 && id <= 36, id >= 50 && id <= 81:
		// East Asian locales: dates in local script or era.
		return dateOnly
	}
	return notDate
}

// numFmtDateKind classifies a custom number format code by the date and
// time codes in its first section, ignoring quoted text, escaped
// characters, colours and locales.
func numFmtDateKind(code string) dateKind {
	var b strings.Builder
	elapsed := false
scan:
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				break scan
			}
			i += j + 1
		case '\\', '_', '*': // an escaped character, a space as wide as one, a fill
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				break scan
			}
			switch strings.ToLower(code[i+1 : i+j]) {
			case "h", "hh", "m", "mm", "s", "ss":
				elapsed = true
			}
			i += j
		case ';':
			break scan
		default:
			b.WriteByte(c | 0x20) // lower case for letters; other bytes do not matter here
		}
	}
	s := b.String()
	for _, word := range []string{"general", "am/pm", "a/p"} {
		s = strings.ReplaceAll(s, word, "")
	}
	if elapsed {
		return duration
	}
	hasTime := strings.ContainsAny(s, "hs")
	hasDate := strings.ContainsAny(s, "yd") || (strings.Contains(s, "m") && !hasTime)
	// "e" is an era year in East Asian dates, but the exponent in 0.00E+00.
	for i := 0; i < len(s); i++ {
		if s[i] == 'e' && (i+1 == len(s) || (s[i+1] != '+' && s[i+1] != '-')) {
			hasDate = true
		}
	}
	switch {
	case hasDate && hasTime:
		return dateTime
	case hasDate:
		return dateOnly
	case hasTime:
		return timeOnly
	}
	return notDate
}

// maxSerial is 9999-12-31, the last day Excel can show.
const maxSerial = 2958466

// serialText writes an Excel serial number shown with a date or time
// format as ISO 8601: "2023-11-07", "2023-11-07T10:30:00" when the format
// shows a time or the value has one, "10:30:00" for a time of day, and
// "36:15:00" for elapsed time.
func serialText(v float64, kind dateKind, date1904 bool) (string, bool) {
	if kind == duration {
		secs := int64(math.Round(math.Abs(v) * 86400))
		sign := ""
		if v < 0 {
			sign = "-"
		}
		return fmt.Sprintf("%s%d:%02d:%02d", sign, secs/3600, secs/60%60, secs%60), true
	}
	if v < 0 || v >= maxSerial {
		return "", false
	}
	t, err := excelize.ExcelDateToTime(v, date1904)
	if err != nil {
		return "", false
	}
	if kind == timeOnly && v < 1 {
		return t.Format("15:04:05"), true
	}
	if kind == dateOnly && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02"), true
	}
	return t.Format("2006-01-02T15:04:05"), true
}
