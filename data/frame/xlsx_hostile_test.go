package frame

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// workbookParts makes a workbook of one sheet whose sheetData is cells
// and, when sst is not empty, with that shared string table (its <si>
// items).
func workbookParts(t *testing.T, cells, sst string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	put := func(name, s string) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(s))
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	put("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	put("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<workbook `+ns+` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Daten" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)
	put("xl/worksheets/sheet1.xml", `<?xml version="1.0"?><worksheet `+ns+`><sheetData>`+cells+`</sheetData></worksheet>`)
	if sst != "" {
		put("xl/sharedStrings.xml", `<sst `+ns+`>`+sst+`</sst>`)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// readWorkbook reads a workbook's bytes within 5 s.
func readWorkbook(t *testing.T, b []byte) (*Frame, error) {
	t.Helper()
	var (
		f   *Frame
		err error
	)
	within(t, 5*time.Second, func() { f, err = ReadBytes("x.xlsx", b, Options{}) })
	return f, err
}

func TestReadXLSXStreamsSheetsAndSharedStrings(t *testing.T) {
	// Prefixed elements, as some tools write them, rich text, phonetic
	// runs left out, escapes, entities and CDATA.
	b := workbookParts(t, `<x:row xmlns:x="urn:x"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Ort</x:t></x:is></x:c></x:row>`+
		`<!-- a comment --><row r="2"><c r="A2"><v>45237.5</v></c><c r="B2" t="s"><v>1</v></c></row>`+
		`<row r="3"><c r="A3" t="str"><v>2023-11-08</v></c><c r="B3" t="inlineStr"><is><t><![CDATA[Jerewan <Armenien>]]></t></is></c></row>`,
		`<si><t>Datum</t></si><si><r><t>Mos</t></r><r><t xml:space="preserve">kau &amp; </t></r><rPh><t>モスクワ</t></rPh><r><t>Umland_x000D_</t></r></si>`)
	f, err := readWorkbook(t, b)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.Names(), "|"); got != "Datum|Ort" {
		t.Fatalf("names %q", got)
	}
	if got := f.Texts(f.Col("Ort")); strings.Join(got, "|") != "Moskau & Umland\r|Jerewan <Armenien>" {
		t.Errorf("Ort %q", got)
	}
	if got := f.Texts(f.Col("Datum")); strings.Join(got, "|") != "45237.5|2023-11-08" {
		t.Errorf("Datum %q", got)
	}
}

func TestReadXLSXRefusesBombs(t *testing.T) {
	row := func(r int, cells string) string { return fmt.Sprintf(`<row r="%d">%s</row>`, r, cells) }
	cases := map[string]struct {
		cells, sst, says string
	}{
		"row past Excel's last": {row(1, `<c><v>1</v></c>`) + row(1048577, `<c><v>2</v></c>`), "", `sheet "Daten" has rows past row 1048576, the last that Excel has`},
		"rows counted past it":  {strings.Repeat("<row/>", 1048577), "", `sheet "Daten" has rows past row 1048576`},
		"column past XFD":       {row(1, `<c r="XFE1"><v>1</v></c>`), "", `sheet "Daten" has columns past XFD`},
		"empty cells past XFD":  {"<row>" + strings.Repeat("<c/>", 16385) + "</row>", "", `sheet "Daten" has columns past XFD`},
		"document type":         {`<!DOCTYPE x [<!ENTITY a "aaaa">]>`, "", "is damaged: it declares a document type"},
		"unclosed tag":          {`<row><c r="A1"`, "", "xl/worksheets/sheet1.xml is damaged"},
	}
	for name, c := range cases {
		_, err := readWorkbook(t, workbookParts(t, c.cells, c.sst))
		if err == nil || !strings.HasPrefix(err.Error(), "x.xlsx: ") || !strings.Contains(err.Error(), c.says) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want %q", name, err, c.says)
		}
	}
}

func TestReadXLSXLimits(t *testing.T) {
	withLimits(t, limits{cells: 1000, rows: MaxRows, columns: 50, cellBytes: 1000, text: 20_000})
	var many strings.Builder
	for r := 1; r <= 200; r++ {
		fmt.Fprintf(&many, `<row r="%d">%s</row>`, r, strings.Repeat(`<c><v>1</v></c>`, 10))
	}
	wide := `<row><c r="A1"><v>1</v></c><c r="AZ1"><v>1</v></c></row><row><c r="A2"><v>1</v></c></row>`
	refs := `<row><c t="s"><v>0</v></c></row>` + strings.Repeat(`<row><c t="s"><v>1</v></c></row>`, 100)
	for name, c := range map[string]struct{ cells, sst, says string }{
		"cells":   {many.String(), "", `sheet "Daten" has more than 1000 cells`},
		"columns": {wide, "", `sheet "Daten" has 52 columns, and Chronomap reads up to 50`},
		// 100 cells showing one string of 500 bytes: 50 KB of cells
		// from a few hundred bytes of workbook.
		"text": {refs, `<si><t>Ort</t></si><si><t>` + strings.Repeat("x", 500) + `</t></si>`, `sheet "Daten" holds more than 19.5 KiB of text in its cells`},
	} {
		_, err := readWorkbook(t, workbookParts(t, c.cells, c.sst))
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: error %v, want %q", name, err, c.says)
		}
	}
	// A shared string over the cell limit is cut, with a problem.
	f, err := readWorkbook(t, workbookParts(t, `<row><c t="s"><v>0</v></c></row><row><c t="s"><v>1</v></c></row><row><c t="s"><v>7</v></c></row>`,
		`<si><t>Ort</t></si><si><t>`+strings.Repeat("ü", 700)+`</t></si>`))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Text(0, 0); got != strings.Repeat("ü", 500) {
		t.Errorf("cut cell of %d bytes", len(got))
	}
	var reasons []string
	for _, p := range f.Problems {
		reasons = append(reasons, fmt.Sprintf("%d %s %s", p.Row, p.Column, p.Reason))
	}
	if got := strings.Join(reasons, "|"); got != "1 Ort value too long|2 Ort damaged cell" {
		t.Errorf("problems %q: %+v", got, f.Problems)
	}
}

// A 1.5 GB shared string died in a 6 GB allocation. Streamed, one of
// 64 MB costs no more than the cell limit.
func TestReadXLSXHugeSharedString(t *testing.T) {
	var sst bytes.Buffer
	sst.WriteString(`<si><t>Ort</t></si><si><t>`)
	sst.Write(bytes.Repeat([]byte("Ortschaft "), 6_400_000))
	sst.WriteString(`</t></si>`)
	b := workbookParts(t, `<row><c t="s"><v>0</v></c></row><row><c t="s"><v>1</v></c></row>`, sst.String())
	sst = bytes.Buffer{}
	var (
		f   *Frame
		err error
	)
	if n := allocated(func() { f, err = readWorkbook(t, b) }); n > 24<<20 {
		t.Errorf("%d MB allocated for a 64 MB cell", n>>20)
	}
	if err != nil || len(f.Text(0, 0)) != MaxCellBytes || f.Problems[0].Reason != "value too long" {
		t.Errorf("error %v", err)
	}
}

// The zip directory says how much a part unpacks to, and archive/zip
// holds the unpacking to it: a bomb is refused before it is unpacked, and
// one whose directory lies fails when it passes what it said.
func TestReadXLSXUnpackedSize(t *testing.T) {
	sheet := func(declared uint64, content []byte) []byte {
		base := workbookParts(t, `<row><c><v>1</v></c></row>`, "")
		zr, _ := zip.NewReader(bytes.NewReader(base), int64(len(base)))
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for _, f := range zr.File {
			if f.Name != "xl/worksheets/sheet1.xml" {
				zw.Copy(f)
				continue
			}
			var packed bytes.Buffer
			fw, _ := flate.NewWriter(&packed, flate.BestSpeed)
			fw.Write(content)
			fw.Close()
			w, _ := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: 0, CompressedSize64: uint64(packed.Len()), UncompressedSize64: declared})
			w.Write(packed.Bytes())
		}
		zw.Close()
		return out.Bytes()
	}
	content := []byte(`<worksheet><sheetData>` + strings.Repeat(`<row><c><v>1</v></c></row>`, 1000) + `</sheetData></worksheet>`)
	_, err := readWorkbook(t, sheet(2<<30, content))
	if err == nil || err.Error() != "x.xlsx: not a readable XLSX workbook: its sheets unpack to 2 GiB, and Chronomap reads workbooks of up to 1.5 GiB unpacked" {
		t.Errorf("declared 2 GiB: %v", err)
	}
	_, err = readWorkbook(t, sheet(100, content))
	if err == nil || !strings.Contains(err.Error(), "xl/worksheets/sheet1.xml cannot be unpacked") {
		t.Errorf("declared less than it holds: %v", err)
	}
}

func TestReadXLSXLeavesNoTemporaryFiles(t *testing.T) {
	before, _ := filepath.Glob(filepath.Join(os.TempDir(), "excelize-*"))
	var cells strings.Builder
	for r := range 20_000 {
		fmt.Fprintf(&cells, `<row><c t="inlineStr"><is><t>Ort %d</t></is></c><c><v>%d</v></c></row>`, r, r)
	}
	b := workbookParts(t, cells.String(), "") // 1.2 MB of sheet: excelize unpacked those over 16 MB to disk
	if _, err := readWorkbook(t, b); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadContext(ctx, "x.xlsx", b, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	after, _ := filepath.Glob(filepath.Join(os.TempDir(), "excelize-*"))
	if len(after) > len(before) {
		t.Errorf("temporary files left: %v", after)
	}
}
