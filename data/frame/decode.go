package frame

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decode turns a file's bytes into UTF-8 text and names the encoding it
// found: a byte-order mark decides (UTF-8, UTF-16 LE/BE); UTF-16 without a
// mark is recognised by its zero bytes; valid UTF-8 is taken as it is; any
// other bytes are read as Windows-1252, the usual encoding of files saved
// by Western European Excel, which also covers printable Latin-1.
func decode(b []byte) (text []byte, encoding string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return validUTF8(b[3:]), "utf-8-bom"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return utf16(b, unicode.LittleEndian), "utf-16le"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return utf16(b, unicode.BigEndian), "utf-16be"
	}
	if e, ok := utf16WithoutBOM(b); ok {
		if e == unicode.LittleEndian {
			return utf16(b, e), "utf-16le"
		}
		return utf16(b, e), "utf-16be"
	}
	if utf8.Valid(b) {
		return b, "utf-8"
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil { // cannot happen: every byte has a meaning in Windows-1252
		return b, "utf-8"
	}
	return out, "windows-1252"
}

// utf16 decodes UTF-16 (a byte-order mark, if any, is dropped); invalid
// sequences become U+FFFD rather than failing the file.
func utf16(b []byte, e unicode.Endianness) []byte {
	out, err := unicode.UTF16(e, unicode.UseBOM).NewDecoder().Bytes(b)
	if err != nil {
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return out
}

// validUTF8 returns b when it is valid UTF-8, and otherwise a copy in which
// each byte that is not part of a valid sequence is read as Windows-1252:
// a file that says it is UTF-8 yet holds a stray "\xe4" still reads "ä".
func validUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/8)
	dec := charmap.Windows1252
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			r = dec.DecodeByte(b[0])
		}
		out = utf8.AppendRune(out, r)
		b = b[size:]
	}
	return out
}

// utf16WithoutBOM recognises UTF-16 text that lacks a byte-order mark: in
// mostly-Latin text every other byte is zero.
func utf16WithoutBOM(b []byte) (unicode.Endianness, bool) {
	head := b[:min(len(b), 4096)]
	if len(head) < 4 {
		return unicode.BigEndian, false
	}
	var even, odd int
	for i, c := range head {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(head) / 2
	switch {
	case odd > half*3/10 && even < half/20:
		return unicode.LittleEndian, true
	case even > half*3/10 && odd < half/20:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}
