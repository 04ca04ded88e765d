package frame

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// utf16Bytes encodes s as UTF-16 with the given byte order and, when bom
// is set, a byte-order mark.
func utf16Bytes(s string, e unicode.Endianness, bom bool) []byte {
	policy := unicode.IgnoreBOM
	if bom {
		policy = unicode.UseBOM
	}
	b, err := unicode.UTF16(e, policy).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

// TestDecode checks each encoding decode recognises, and the text it gives.
func TestDecode(t *testing.T) {
	const events = "Datum\tOrt\n07.11.2023\tMoskau\n03.11.2023\tJerewan\n08.11.2023\tGjumri\n"
	cp1252 := func(s string) []byte {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		if err != nil {
			panic(err)
		}
		return b
	}
	cases := []struct {
		name string
		in   []byte
		enc  string
		text string
	}{
		{"utf-8", []byte("Ort\nKöln\nМосква\n"), "utf-8", "Ort\nKöln\nМосква\n"},
		{"ascii", []byte("Ort\nJerewan\n"), "utf-8", "Ort\nJerewan\n"},
		{"utf-8 bom", []byte("\xef\xbb\xbfOrt\nKöln\n"), "utf-8-bom", "Ort\nKöln\n"},
		{"utf-8 bom only", []byte("\xef\xbb\xbf"), "utf-8-bom", ""},
		{"utf-8 bom, stray windows-1252 byte", []byte("\xef\xbb\xbfOrt\nK\xf6ln \xe2\x80\x93 M\xfcnchen\n"), "utf-8-bom", "Ort\nKöln – München\n"},
		{"utf-16le bom", utf16Bytes("Ort\tLand\r\nМосква\tРоссия\r\n", unicode.LittleEndian, true), "utf-16le", "Ort\tLand\r\nМосква\tРоссия\r\n"},
		{"utf-16be bom", utf16Bytes("Ort\nGjumri\n€\n", unicode.BigEndian, true), "utf-16be", "Ort\nGjumri\n€\n"},
		{"utf-16le without bom", utf16Bytes(events, unicode.LittleEndian, false), "utf-16le", events},
		{"utf-16be without bom", utf16Bytes(events, unicode.BigEndian, false), "utf-16be", events},
		{"utf-16le odd length", append(utf16Bytes("Ort\n", unicode.LittleEndian, true), 'x'), "utf-16le", "Ort\n\uFFFD"},
		{"utf-16le lone surrogate", append(utf16Bytes("Ort\n", unicode.LittleEndian, true), 0x00, 0xD8, 'a', 0), "utf-16le", "Ort\n\uFFFDa"},
		{"bom alone utf-16le", []byte("\xff\xfe"), "utf-16le", ""},
		{"windows-1252", []byte("Ort;Kosten\nK\xf6ln;5 \x80\nJ\x96G\n\xe4\xf6\xfc\xdf\n"), "windows-1252", "Ort;Kosten\nKöln;5 €\nJ–G\näöüß\n"},
		{"windows-1252 quotes", cp1252("„Außenpolitik“ – Düsseldorf"), "windows-1252", "„Außenpolitik“ – Düsseldorf"},
		{"latin-1", []byte("lieu\nArm\xe9nie\nc\xf4t\xe9 \xab russe \xbb\n"), "windows-1252", "lieu\nArménie\ncôté « russe »\n"},
		{"empty", nil, "utf-8", ""},
	}
	for _, c := range cases {
		text, enc := decode(bytes.Clone(c.in))
		if enc != c.enc || string(text) != c.text {
			t.Errorf("%s: %q, %q; want %q, %q", c.name, text, enc, c.text, c.enc)
		}
		if !utf8.Valid(text) {
			t.Errorf("%s: not valid UTF-8: %q", c.name, text)
		}
	}
}

// TestDecodeKeepsUTF8InPlace checks that valid UTF-8 is used as it is,
// without a copy: the reader's cells are views into it.
func TestDecodeKeepsUTF8InPlace(t *testing.T) {
	b := []byte("\xef\xbb\xbfOrt\nJerewan\n")
	text, _ := decode(b)
	if &text[0] != &b[3] {
		t.Error("UTF-8 with a BOM was copied")
	}
	b = []byte("Ort\nGjumri\n")
	if text, _ = decode(b); &text[0] != &b[0] {
		t.Error("UTF-8 was copied")
	}
}

// TestDecodeNotUTF16 checks that text with a few NUL bytes, or a short
// file, is not taken for UTF-16.
func TestDecodeNotUTF16(t *testing.T) {
	for _, in := range []string{
		"Ort\nMoskau\x00\nJerewan\n",
		"a\x00b",
		"\x00\x00",
		"Datum,Ort\n2023-11-07,Moskau\n",
	} {
		if _, enc := decode([]byte(in)); enc != "utf-8" {
			t.Errorf("%q decoded as %s", in, enc)
		}
	}
}

// TestBinaryRefused checks that files that are plainly not text get one
// sentence saying what they are, while UTF-16 text with its zero bytes is
// still read.
func TestBinaryRefused(t *testing.T) {
	for name, b := range map[string][]byte{
		"a PNG image":                           []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		"a PDF document":                        []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
		"gzip-compressed (decompress it first)": {0x1f, 0x8b, 8, 0, 0, 0},
		"a binary file":                         []byte("date,place\n2023-11-07,Moskau\x00\x01\x02\n"),
	} {
		_, err := ReadBytes("x.csv", b, Options{})
		if err == nil || !strings.Contains(err.Error(), "x.csv is "+name+", not a table of text") {
			t.Errorf("%s: error %v", name, err)
		}
	}
	utf16 := []byte{0xFF, 0xFE, 'a', 0, ',', 0, 'b', 0, '\n', 0, '1', 0, ',', 0, '2', 0, '\n', 0}
	if f, err := ReadBytes("u.csv", utf16, Options{}); err != nil || f.Rows() != 1 {
		t.Errorf("UTF-16 text refused: %v", err)
	}
}
