package frame

// DecodeText turns the bytes of a text file into UTF-8 the way the CSV
// reader does (byte-order marks, UTF-16 with or without one, stray
// Windows-1252 bytes) and names the encoding it found. Other readers of
// plain text, such as a report's, use it so that a file reads the same
// everywhere.
func DecodeText(b []byte) (text []byte, encoding string) { return decode(b) }

// BinaryKind names what a file is when it is plainly not text ("a PDF
// document", "a ZIP archive", "a binary file"), or returns "" for anything
// that may be text.
func BinaryKind(b []byte) string { return binaryKind(b) }
