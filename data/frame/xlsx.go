package frame

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/xuri/excelize/v2"

	"chronomap/data/input"
)

// The limits of a workbook, beyond those of every table (limits.go).
const (
	// maxUnpacked is the most XML a workbook's sheets and shared strings
	// may unpack to, as its zip directory declares (and the unpacking
	// holds it to): 1.5 GiB, a million rows of 30 columns as Excel
	// writes them. A bomb of more is refused before a byte of it is
	// unpacked.
	maxUnpacked = 3 << 29
	// maxSmallPart is the most the parts read whole (the workbook, its
	// relationships and styles) may unpack to.
	maxSmallPart = 64 << 20
	// maxParts is the most parts a workbook's zip archive may hold: the
	// archive's directory is read whole, and a workbook has a few dozen.
	maxParts = 100_000
	// Excel's own sheet: rows and columns past these are damage.
	excelRows, excelColumns = 1_048_576, 16_384
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
//
// The sheet is streamed twice, never held as a tree: once to find the data
// and check it against the limits before anything is kept, once to keep
// its cells. Nothing is written to disk.
func readXLSX(ctx context.Context, b []byte, sheet string) (t *table, name string, err error) {
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		if bytes.HasPrefix(b, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
			return nil, "", errors.New("not an XLSX workbook: this is an old-style .xls or an encrypted workbook; save it as .xlsx in Excel")
		}
		return nil, "", errors.New("not an XLSX workbook")
	}
	if n, ok := zipEntries(b); ok && n > maxParts {
		return nil, "", fmt.Errorf("not a readable XLSX workbook: its zip archive holds %d parts, and a workbook has a few dozen", n)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		// The zip directory sits at the end: a cut-off download lands here.
		return nil, "", errors.New("not a readable XLSX workbook: the file is damaged or incomplete")
	}
	wb, err := openWorkbook(zr)
	if err != nil {
		return nil, "", err
	}
	if len(wb.sheets) == 0 {
		return nil, "", errors.New("the workbook has no sheets")
	}
	if err := wb.readSharedStrings(ctx); err != nil {
		return nil, "", err
	}
	var (
		chosen wbSheet
		box    sheetBox
	)
	if sheet != "" {
		names := make([]string, len(wb.sheets))
		for i, s := range wb.sheets {
			names[i] = s.name
		}
		found := findSheet(names, sheet)
		if found == "" {
			quoted := make([]string, len(names))
			for i, s := range names {
				quoted[i] = strconv.Quote(s)
			}
			return nil, "", fmt.Errorf("no sheet named %q; the workbook has %s", sheet, strings.Join(quoted, ", "))
		}
		for _, s := range wb.sheets {
			if s.name == found {
				chosen = s
			}
		}
		if box, err = wb.measure(ctx, chosen); err != nil {
			return nil, "", err
		}
		if box.top < 0 {
			return nil, "", fmt.Errorf("sheet %q is empty", chosen.name)
		}
	} else {
		// The first sheet with data that the user can see; a hidden one
		// only when no visible sheet has data.
	search:
		for _, wantHidden := range []bool{false, true} {
			for _, s := range wb.sheets {
				if s.hidden != wantHidden {
					continue
				}
				bx, err := wb.measure(ctx, s)
				if err != nil {
					return nil, "", err
				}
				if bx.top >= 0 {
					chosen, box = s, bx
					break search
				}
			}
		}
		if box.top < 0 || chosen.name == "" {
			return nil, "", errors.New("every sheet of the workbook is empty")
		}
	}
	t, err = wb.table(ctx, chosen, box)
	if err != nil {
		return nil, "", err
	}
	return t, chosen.name, nil
}

// zipEntries reads how many parts a zip archive's end record says it
// holds, before archive/zip reads a directory entry for each.
func zipEntries(b []byte) (int64, bool) {
	tail := b[max(0, len(b)-(1<<16+22)):]
	i := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if i < 0 || i+22 > len(tail) {
		return 0, false
	}
	n := int64(binary.LittleEndian.Uint16(tail[i+10:]))
	if n != 0xFFFF || i < 20 || !bytes.HasPrefix(tail[i-20:], []byte("PK\x06\x07")) {
		return n, true
	}
	// Zip64: the locator points at the zip64 end record.
	at := binary.LittleEndian.Uint64(tail[i-20+8:])
	if at > uint64(len(b))-56 || !bytes.HasPrefix(b[at:], []byte("PK\x06\x06")) {
		return 0, false
	}
	return int64(min(binary.LittleEndian.Uint64(b[at+32:]), math.MaxInt64)), true
}

// workbook is what a workbook's small parts say, and its shared strings.
type workbook struct {
	parts    map[string]*zip.File // by name, in lower case
	sstPart  string               // the shared strings' part
	sheets   []wbSheet
	date1904 bool
	styles   []dateKind // what each cell style's number format shows
	sst      []string   // shared strings, each cut to the cell limit
	sstLen   []int      // for a cut shared string, its length before; nil if none
	text     arena
}

// wbSheet is one sheet of the workbook.
type wbSheet struct {
	name, part string // the part is "" for a sheet of another kind (a chart)
	hidden     bool
}

// openWorkbook reads the workbook's part list, sheets, calendar and
// number formats.
func openWorkbook(zr *zip.Reader) (*workbook, error) {
	wb := &workbook{parts: map[string]*zip.File{}}
	var unpacked uint64
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		wb.parts[name] = f
		if strings.HasPrefix(name, "xl/worksheets/") || strings.HasSuffix(name, "sharedstrings.xml") {
			unpacked += f.UncompressedSize64
		}
	}
	if unpacked > maxUnpacked {
		return nil, fmt.Errorf("not a readable XLSX workbook: its sheets unpack to %s, and Chronomap reads workbooks of up to %s unpacked",
			input.Size(int64(min(unpacked, math.MaxInt64))), input.Size(maxUnpacked))
	}
	// The workbook part is where the package's relationships say.
	book := "xl/workbook.xml"
	var rels xmlRels
	if err := wb.readSmall("_rels/.rels", &rels); err == nil {
		for _, r := range rels.Rel {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				book = partPath("", r.Target)
			}
		}
	}
	var w struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name     string `xml:"name,attr"`
			State    string `xml:"state,attr"`
			ID       string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			IDStrict string `xml:"http://purl.oclc.org/ooxml/officeDocument/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if _, ok := wb.parts[book]; !ok {
		return nil, errors.New("not a readable XLSX workbook: the zip archive holds no workbook (" + book + " is missing)")
	}
	if err := wb.readSmall(book, &w); err != nil {
		return nil, err
	}
	wb.date1904 = w.Pr.Date1904 == "1" || w.Pr.Date1904 == "true"
	dir := path.Dir(book)
	var bookRels xmlRels
	targets := map[string]xmlRel{}
	if err := wb.readSmall(path.Join(dir, "_rels", path.Base(book)+".rels"), &bookRels); err == nil {
		for _, r := range bookRels.Rel {
			targets[r.ID] = r
		}
	}
	stylesPart, sstPart := path.Join(dir, "styles.xml"), path.Join(dir, "sharedstrings.xml")
	for _, r := range bookRels.Rel {
		switch {
		case strings.HasSuffix(r.Type, "/styles"):
			stylesPart = partPath(dir, r.Target)
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			sstPart = partPath(dir, r.Target)
		}
	}
	for i, s := range w.Sheets {
		id := cmpOr(s.ID, s.IDStrict)
		sh := wbSheet{name: s.Name, hidden: s.State == "hidden" || s.State == "veryHidden"}
		if r, ok := targets[id]; ok && strings.HasSuffix(r.Type, "/worksheet") {
			sh.part = partPath(dir, r.Target)
		} else if !ok && len(targets) == 0 {
			sh.part = path.Join(dir, "worksheets", fmt.Sprintf("sheet%d.xml", i+1)) // no relationships: where Excel puts it
		}
		wb.sheets = append(wb.sheets, sh)
	}
	if err := wb.readStyles(stylesPart); err != nil {
		return nil, err
	}
	wb.sstPart = sstPart
	return wb, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

type xmlRels struct {
	Rel []xmlRel `xml:"Relationship"`
}

type xmlRel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// partPath resolves a relationship's target against the folder of the
// part it is from, in lower case as parts are kept.
func partPath(dir, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(target, "/") {
		return strings.ToLower(strings.TrimPrefix(path.Clean(target), "/"))
	}
	return strings.ToLower(strings.TrimPrefix(path.Join("/", dir, target), "/"))
}

// readSmall decodes one of the small parts, of at most maxSmallPart.
func (wb *workbook) readSmall(name string, v any) error {
	f, ok := wb.parts[name]
	if !ok {
		return fmt.Errorf("%s is missing", name)
	}
	if f.UncompressedSize64 > maxSmallPart {
		return fmt.Errorf("not a readable XLSX workbook: %s unpacks to %s, more than such a part ever holds", name, input.Size(int64(min(f.UncompressedSize64, math.MaxInt64))))
	}
	r, err := f.Open()
	if err != nil {
		return fmt.Errorf("not a readable XLSX workbook: %s cannot be unpacked: %v", name, err)
	}
	defer r.Close()
	d := xml.NewDecoder(io.LimitReader(r, maxSmallPart))
	d.Strict = false
	if err := d.Decode(v); err != nil {
		return fmt.Errorf("not a readable XLSX workbook: %s is damaged: %v", name, err)
	}
	return nil
}

// readStyles reads what the number format of each cell style shows.
func (wb *workbook) readStyles(part string) error {
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if _, ok := wb.parts[part]; !ok {
		return nil // no styles: every cell in General
	}
	if err := wb.readSmall(part, &st); err != nil {
		return err
	}
	codes := map[int]string{}
	for _, f := range st.NumFmts {
		codes[f.ID] = f.Code
	}
	for _, xf := range st.Xfs {
		k := builtInDateKind(xf.NumFmt)
		if code, ok := codes[xf.NumFmt]; ok {
			k = numFmtDateKind(code)
		}
		wb.styles = append(wb.styles, k)
	}
	return nil
}

// dateKind returns what the number format of cell style id shows.
func (wb *workbook) dateKind(id int) dateKind {
	if id < 0 || id >= len(wb.styles) {
		return notDate
	}
	return wb.styles[id]
}

// open streams a part.
func (wb *workbook) open(name string) (io.ReadCloser, error) {
	f := wb.parts[name]
	if f == nil {
		return nil, fmt.Errorf("not a readable XLSX workbook: %s is missing", name)
	}
	r, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("not a readable XLSX workbook: %s cannot be unpacked: %v", name, err)
	}
	return r, nil
}

// readSharedStrings reads the shared string table, streamed: each string
// is cut to the cell limit as it is read, and no more of the table than
// the text limit is kept.
func (wb *workbook) readSharedStrings(ctx context.Context) error {
	f := wb.parts[wb.sstPart]
	if f == nil {
		return nil
	}
	r, err := f.Open()
	if err != nil {
		return fmt.Errorf("not a readable XLSX workbook: %s cannot be unpacked: %v", f.Name, err)
	}
	defer r.Close()
	s := newXMLScanner(r, f.Name)
	var (
		acc      xmlText
		inSI     bool
		inT, rph int
		total    int64
		items    int
	)
	for {
		if items%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		k, err := s.next()
		if err != nil {
			return fmt.Errorf("not a readable XLSX workbook: %w", err)
		}
		switch k {
		case tokEOF:
			return nil
		case tokStart, tokEmpty:
			switch string(s.name) {
			case "si":
				inSI, acc = true, xmlText{b: acc.b[:0]}
				if k == tokEmpty {
					wb.addShared(&acc)
					inSI = false
				}
			case "rPh":
				if k == tokStart {
					rph++
				}
			case "t":
				if k == tokStart && inSI && rph == 0 {
					inT++
				}
			}
		case tokEnd:
			switch string(s.name) {
			case "si":
				if inSI {
					total += int64(acc.n)
					if total > limit.text {
						return fmt.Errorf("its shared strings hold more than %s of text, and Chronomap reads up to %s from one file", input.Size(limit.text), input.Size(limit.text))
					}
					items++
					if items > limit.cells {
						return fmt.Errorf("its shared strings number more than %s, and Chronomap reads up to %s cells from one file", count(limit.cells), count(limit.cells))
					}
					wb.addShared(&acc)
				}
				inSI = false
			case "rPh":
				rph = max(rph-1, 0)
			case "t":
				inT = max(inT-1, 0)
			}
		case tokText:
			if inT > 0 {
				acc.add(s.text)
			}
		}
	}
}

// addShared adds a shared string.
func (wb *workbook) addShared(acc *xmlText) {
	v := unescapeOOXML(acc.b)
	wb.sst = append(wb.sst, wb.text.add(v))
	if acc.n > len(acc.b) {
		if wb.sstLen == nil {
			wb.sstLen = make([]int, len(wb.sst)-1, len(wb.sst)+16)
		}
		wb.sstLen = append(wb.sstLen, acc.n)
	} else if wb.sstLen != nil {
		wb.sstLen = append(wb.sstLen, 0)
	}
}

// xmlText gathers a cell's text, keeping no more than the cell limit;
// n counts all of it.
type xmlText struct {
	b []byte
	n int
}

func (c *xmlText) add(p []byte) {
	c.n += len(p)
	if room := limit.cellBytes - len(c.b); room > 0 {
		c.b = append(c.b, p[:min(len(p), room)]...)
	}
}

// text returns the text, and when it was cut its length before; the cut
// falls between characters.
func (c *xmlText) text() ([]byte, int) {
	if c.n <= len(c.b) {
		return c.b, 0
	}
	b := c.b
	i := len(b) - 1
	for i > 0 && !utf8.RuneStart(b[i]) {
		i--
	}
	if i >= 0 && !utf8.FullRune(b[i:]) {
		b = b[:i]
	}
	return b, c.n
}

// arena keeps the cells' text in large blocks rather than one allocation
// a cell: a block is never moved or written again, so the strings are
// views into it, held until the frame's columns have copied them.
type arena struct{ block []byte }

func (a *arena) add(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(a.block)-len(a.block) < len(b) {
		a.block = make([]byte, 0, max(1<<20, len(b)))
	}
	start := len(a.block)
	a.block = append(a.block, b...)
	return unsafe.String(&a.block[start], len(b))
}

// rawCell is a cell as the sheet writes it.
type rawCell struct {
	row, col int  // from 0
	style    int  // index into the cell styles
	typ      byte // 'n' number, 'b' boolean, 'd' date, 'e' error, 's' shared string, 'S' formula string, 'i' inline string
	v        xmlText
	formula  bool
	f        xmlText
}

// ref is the cell's name: "N3".
func (c *rawCell) ref() string {
	name, err := excelize.CoordinatesToCellName(c.col+1, c.row+1)
	if err != nil {
		return fmt.Sprintf("R%dC%d", c.row+1, c.col+1)
	}
	return name
}

// scanSheet streams a sheet's cells to each, in file order. It stops at
// the first error each returns (errStop ends it without error).
func (wb *workbook) scanSheet(ctx context.Context, sh wbSheet, each func(*rawCell) error) error {
	if sh.part == "" {
		return nil // a chart sheet holds no cells
	}
	r, err := wb.open(sh.part)
	if err != nil {
		return err
	}
	defer r.Close()
	s := newXMLScanner(r, sh.part)
	var (
		c        rawCell
		inData   bool
		inCell   bool
		into     *xmlText // the text being gathered: <v>, <f>, or an inline <t>
		inline   bool
		rph      int
		row, col = -1, -1
		seen     int
	)
	fail := func(err error) error {
		if err == errStop {
			return nil
		}
		return err
	}
	for {
		k, err := s.next()
		if err != nil {
			return fmt.Errorf("not a readable XLSX workbook: %w", err)
		}
		switch k {
		case tokEOF:
			return nil
		case tokText:
			if into != nil {
				into.add(s.text)
			}
			continue
		}
		if !inData {
			if string(s.name) == "sheetData" && k == tokStart {
				inData = true
			}
			continue
		}
		switch k {
		case tokStart, tokEmpty:
			switch string(s.name) {
			case "row":
				row++
				if v, ok := attr(s.attrs, "r"); ok {
					if n, err := strconv.Atoi(v); err == nil && n >= 1 {
						row = n - 1
					}
				}
				if row >= excelRows {
					return fmt.Errorf("sheet %q has rows past row %d, the last that Excel has", sh.name, excelRows)
				}
				col = -1
			case "c":
				seen++
				if seen%16384 == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				if seen > 2*limit.cells {
					return fmt.Errorf("sheet %q has more than %s cells, and Chronomap reads up to %s cells from one file", sh.name, count(2*limit.cells), count(limit.cells))
				}
				col++
				if ref, ok := attr(s.attrs, "r"); ok {
					if rr, cc, ok := parseRef(ref); ok {
						row, col = rr, cc
					}
				}
				if col >= excelColumns {
					return fmt.Errorf("sheet %q has columns past XFD, the last that Excel has", sh.name)
				}
				c.row, c.col, c.style, c.typ, c.formula = max(row, 0), col, 0, 'n', false
				c.v.b, c.v.n, c.f.b, c.f.n = c.v.b[:0], 0, c.f.b[:0], 0
				if v, ok := attr(s.attrs, "s"); ok {
					c.style, _ = strconv.Atoi(v)
				}
				if v, ok := attr(s.attrs, "t"); ok {
					switch v {
					case "b", "d", "e", "s":
						c.typ = v[0]
					case "str":
						c.typ = 'S'
					case "inlineStr":
						c.typ = 'i'
					}
				}
				inCell, inline, rph, into = true, false, 0, nil
				if k == tokEmpty {
					inCell = false
					if err := each(&c); err != nil {
						return fail(err)
					}
				}
			case "v":
				if inCell && k == tokStart {
					into = &c.v
				}
			case "f":
				if inCell {
					c.formula = true
					if k == tokStart {
						into = &c.f
					}
				}
			case "is":
				inline = inCell && k == tokStart
			case "rPh":
				if k == tokStart {
					rph++
				}
			case "t":
				if inline && rph == 0 && k == tokStart {
					into = &c.v
				}
			}
		case tokEnd:
			switch string(s.name) {
			case "v", "f", "t":
				into = nil
			case "rPh":
				rph = max(rph-1, 0)
			case "is":
				inline = false
			case "c":
				if inCell {
					inCell, into = false, nil
					if c.typ == 'i' {
						c.v.b = unescapeOOXML(c.v.b)
					}
					if err := each(&c); err != nil {
						return fail(err)
					}
				}
			case "sheetData":
				return nil
			}
		}
	}
}

// parseRef reads a cell reference such as "AB12" into a 0-based row and
// column.
func parseRef(ref string) (row, col int, ok bool) {
	i := 0
	for i < len(ref) && i < 4 {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		i++
	}
	if i == 0 || i == len(ref) {
		return 0, 0, false
	}
	r, err := strconv.Atoi(ref[i:])
	if err != nil || r < 1 {
		return 0, 0, false
	}
	return r - 1, col - 1, true
}

// sheetBox is where a sheet's data lies: the first and last row and
// column with anything in them; top is -1 for an empty sheet.
type sheetBox struct {
	top, bottom, left, right int
}

// measure streams a sheet once to find its data, checking it against the
// limits before a cell is kept.
func (wb *workbook) measure(ctx context.Context, sh wbSheet) (sheetBox, error) {
	box := sheetBox{top: -1, left: math.MaxInt, right: -1}
	var text int64
	err := wb.scanSheet(ctx, sh, func(c *rawCell) error {
		n, used := wb.usedLen(c)
		if !used {
			return nil
		}
		if box.top < 0 {
			box.top = c.row
		}
		box.top, box.bottom = min(box.top, c.row), max(box.bottom, c.row)
		box.left, box.right = min(box.left, c.col), max(box.right, c.col)
		// The box only grows: past the limit, stop.
		if (box.bottom-box.top)*(box.right-box.left+1) > limit.cells {
			return tooManyCells("sheet "+strconv.Quote(sh.name), box.bottom-box.top, box.right-box.left+1)
		}
		if text += int64(n); text > limit.text {
			return tooMuchText("sheet " + strconv.Quote(sh.name))
		}
		return nil
	})
	return box, err
}

// usedLen says whether a cell holds anything (a value, or a problem) and
// how long its text is, without making it.
func (wb *workbook) usedLen(c *rawCell) (int, bool) {
	if c.typ == 's' && c.v.n > 0 {
		i, err := strconv.Atoi(strings.TrimSpace(string(c.v.b)))
		if err != nil || i < 0 || i >= len(wb.sst) {
			return 0, true // a damaged cell, listed
		}
		return len(wb.sst[i]), wb.sst[i] != "" || c.formula
	}
	return c.v.n, c.v.n > 0 || c.formula
}

// table streams a sheet a second time to keep the cells of its data box.
func (wb *workbook) table(ctx context.Context, sh wbSheet, box sheetBox) (*table, error) {
	width, rows := box.right-box.left+1, box.bottom-box.top
	if width > limit.columns {
		return nil, tooManyColumns("sheet "+strconv.Quote(sh.name), width)
	}
	if rows*width > limit.cells {
		return nil, tooManyCells("sheet "+strconv.Quote(sh.name), rows, width)
	}
	t := &table{names: make([]string, width), cols: make([][]string, width)}
	for c := range t.cols {
		t.cols[c] = make([]string, rows)
	}
	type cellProblem struct {
		row, col int
		p        Problem
	}
	var probs []cellProblem
	err := wb.scanSheet(ctx, sh, func(c *rawCell) error {
		if c.row < box.top || c.row > box.bottom || c.col < box.left || c.col > box.right {
			return nil
		}
		if _, used := wb.usedLen(c); !used {
			return nil
		}
		cell := wb.cell(c)
		r, k := c.row-box.top, c.col-box.left
		if r == 0 {
			t.names[k] = strings.TrimSpace(cell.text)
			return nil
		}
		t.cols[k][r-1] = cell.text
		if cell.reason != "" {
			probs = append(probs, cellProblem{r, k, Problem{Row: r, Value: clip(cell.value), Reason: cell.reason, Detail: cell.detail}})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	t.names = uniqueNames(t.names)
	// In row order, then column order, as a reader lists them.
	slices.SortFunc(probs, func(a, b cellProblem) int {
		if a.row != b.row {
			return a.row - b.row
		}
		return a.col - b.col
	})
	for _, cp := range probs {
		cp.p.Column = t.names[cp.col]
		t.problems = append(t.problems, cp.p)
	}
	return t, nil
}

// xlsxCell is a cell's text and, when it could not be read as it stands,
// why.
type xlsxCell struct {
	text, value, reason, detail string
}

// cell reads a cell as the user means it.
func (wb *workbook) cell(c *rawCell) xlsxCell {
	v, long := c.v.text()
	var raw string
	switch {
	case c.typ == 's' && len(v) > 0:
		i, err := strconv.Atoi(strings.TrimSpace(string(v)))
		if err != nil || i < 0 || i >= len(wb.sst) {
			return xlsxCell{value: string(v), reason: "damaged cell",
				detail: fmt.Sprintf("cell %s refers to shared string %s, and the workbook has %d", c.ref(), clip(string(v)), len(wb.sst))}
		}
		raw = wb.sst[i]
		if wb.sstLen != nil && wb.sstLen[i] > 0 {
			long = wb.sstLen[i]
		}
	default:
		raw = wb.text.add(v)
	}
	out := wb.interpret(c, raw)
	if long > 0 && out.reason == "" {
		p := cutProblem(0, "", raw, long)
		out.value, out.reason, out.detail = p.Value, p.Reason, "cell "+c.ref()+": "+p.Detail
	}
	return out
}

// interpret reads a cell's raw value by its type and number format.
func (wb *workbook) interpret(c *rawCell, raw string) xlsxCell {
	if raw == "" {
		// An empty cell, or a formula that was never calculated (files
		// written by programs rather than by Excel often have these).
		if c.formula {
			formula, _ := c.f.text()
			return xlsxCell{value: "=" + string(formula), reason: "formula has no saved value",
				detail: "cell " + c.ref() + ": the workbook was saved without calculating it; open and save it in Excel to fill it in"}
		}
		return xlsxCell{}
	}
	if raw[0] == '#' {
		if c.typ == 'e' {
			return xlsxCell{text: raw, value: raw, reason: "Excel error value", detail: "cell " + c.ref() + " holds an error, not a value"}
		}
		return xlsxCell{text: raw}
	}
	if c.typ == 'n' && c.style == 0 && isPlainNumber(raw) {
		return xlsxCell{text: raw} // most cells of a big sheet: no need to parse them
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return xlsxCell{text: raw} // text, as it stands
	}
	// Text that looks like a number ("01234") must stay text, and booleans
	// are stored as 1 and 0: only the cell type tells them apart.
	switch c.typ {
	case 'b':
		switch raw {
		case "1":
			return xlsxCell{text: "true"}
		case "0":
			return xlsxCell{text: "false"}
		}
		return xlsxCell{text: raw}
	case 'n':
	default:
		return xlsxCell{text: raw}
	}
	kind := wb.dateKind(c.style)
	if kind == notDate {
		if p := plainNumber(raw, v); p != raw {
			return xlsxCell{text: p}
		}
		return xlsxCell{text: raw}
	}
	if s, ok := serialText(v, kind, wb.date1904); ok {
		return xlsxCell{text: s}
	}
	return xlsxCell{text: plainNumber(raw, v), value: raw, reason: "date cell out of range",
		detail: "cell " + c.ref() + " is formatted as a date, but its number is outside Excel's calendar; kept as a number"}
}

// isPlainNumber reports whether raw is a number as plainNumber writes it
// already: "-12.5", "45237", at most 15 significant digits, no exponent,
// no trailing zeros.
func isPlainNumber(raw string) bool {
	s := strings.TrimPrefix(raw, "-")
	intPart, frac, dot := strings.Cut(s, ".")
	if intPart == "" || (len(intPart) > 1 && intPart[0] == '0') || (dot && (frac == "" || frac[len(frac)-1] == '0')) {
		return false
	}
	for _, part := range []string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return false
			}
		}
	}
	sig := strings.TrimLeft(intPart+frac, "0")
	if intPart == "0" && (len(frac)-len(strings.TrimLeft(frac, "0")) >= 6 || !dot) {
		return !dot && raw == "0" // tiny numbers take an exponent; "-0" stays as parsed
	}
	return len(sig) <= 15
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
