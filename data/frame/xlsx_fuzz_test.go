package frame

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzXLSXParts reads workbooks whose sheet and shared strings are
// random: SpreadsheetML is read by a scanner of its own, which must never
// panic, hang or hold more than the limits, and which either reads a
// table whose columns agree or says in one line why not.
func FuzzXLSXParts(f *testing.F) {
	for _, s := range [][2]string{
		{`<row><c t="s"><v>0</v></c><c t="inlineStr"><is><t>Ort</t></is></c></row><row r="2"><c r="A2"><v>45237</v></c><c r="B2" t="s"><v>1</v></c></row>`, `<si><t>Datum</t></si><si><r><t>Mos</t></r><rPh><t>x</t></rPh><r><t>kau_x000D_</t></r></si>`},
		{`<x:row><x:c r="B3" s="1" t="e"><x:v>#N/A</x:v></x:c></x:row>`, ``},
		{`<row><c><f>A1+1</f></c><c t="b"><v>1</v></c><c t="str"><v><![CDATA[a<b]]></v></c></row>`, ``},
		{`<row r="1048577"><c/></row>`, ``},
		{`<row><c r="XFE1"><v>1</v></c></row>`, ``},
		{`<!DOCTYPE x><row/>`, ``},
		{`<row><c t="s"><v>99</v></c></row>`, `<si><t>&amp;&#x41;&#66;&bogus;&</t></si>`},
		{`<row><c r="A1"`, `<si><t>`},
		{`<!-- <row> --><row><c><v>1</v></c></row>`, `<si/><si><t/></si>`},
		{`<row><c t="inlineStr"><is><t>` + strings.Repeat("ü", 100) + `&am`, ``},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, sheet, sst string) {
		withLimits(t, limits{cells: 10_000, rows: 5_000, columns: 500, cellBytes: 300, text: 100_000})
		fr, err := readWorkbook(t, workbookParts(t, sheet, sst))
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "x.xlsx: ") || strings.Contains(msg, "\n") {
				t.Fatalf("error %q is not one line after the file name", msg)
			}
			return
		}
		if fr.Rows()*len(fr.Columns) > 10_000 || len(fr.Columns) > 500 {
			t.Fatalf("%d rows of %d columns passed the limits", fr.Rows(), len(fr.Columns))
		}
		for i := range fr.Columns {
			for r := range fr.Rows() {
				if c := fr.Text(r, i); len(c) > 300 || !utf8.ValidString(c) && utf8.ValidString(sheet+sst) {
					t.Fatalf("cell %q", c)
				}
			}
		}
		for _, p := range fr.Problems {
			if p.Row < 1 || p.Row > fr.Rows() || p.Reason == "" {
				t.Fatalf("problem %+v", p)
			}
		}
	})
}

// FuzzXLSXBytes reads damaged workbooks: the fixtures with bytes changed.
func FuzzXLSXBytes(f *testing.F) {
	paths, _ := filepath.Glob("testdata/xlsx_*.xlsx")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := readWorkbook(t, b); err != nil && (!strings.HasPrefix(err.Error(), "x.xlsx: ") || strings.Contains(err.Error(), "\n")) {
			t.Fatalf("error %q", err)
		}
	})
}
