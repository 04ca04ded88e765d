// Package frame reads files of events into data frames: CSV and its
// relatives, XLSX, JSON, GeoJSON, KML (or KMZ), Parquet and Arrow IPC
// (Feather), in whatever encoding
// they come, and recognises well-known export schemas (ACLED, GDELT,
// USGS, UCDP, TimelineJS).
//
// A Frame keeps every data row of the file. What could not be read cleanly is
// listed as a Problem beside the frame, never dropped.
//
// A frame stores its cells itself, a typed column each (see values.go),
// and is read through Text, Number and Texts. At the edge of the data
// layer it is a gota data frame: DataFrame builds one, through gota's
// public API, for code that wants gota's operations.
package frame

// Frame is one loaded file: its table and what was learnt reading it. Row
// i is data row i+1 of the file (the header is not a data row). A Frame is
// made by the readers, FromColumns or FromDataFrame, and never changes.
type Frame struct {
	// Source says where the table came from and how it was read.
	Source Source
	// Columns describes each column, in order.
	Columns []Column
	// Problems lists what could not be read cleanly, in row order.
	Problems []Problem

	rows   int
	vals   []values       // per column, its cells
	byName map[string]int // column positions by name, for Col
}

// Source is what was learnt about a file while reading it.
type Source struct {
	Path      string // as given by the caller
	Format    string // "csv", "tsv", "xlsx", "json", "geojson", "kml", "kmz", "parquet", "arrow"
	Encoding  string // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"; empty for binary formats
	Delimiter string // for delimited text: ",", ";", "\t" or "|"; empty otherwise
	HasHeader bool   // whether the first row named the columns
	Sheet     string // the XLSX sheet read, empty otherwise
	Preset    string // a recognised schema: "acled", "gdelt2", "gdelt1", "usgs", "ucdp", "timelinejs"; empty if none
	// DecimalComma is set when numbers in the file use a comma before
	// their decimals ("55,7522").
	DecimalComma bool
	// Roles, for a recognised schema, names the column that plays each role
	// (role name → column names, several for split dates or several actors).
	Roles map[string][]string
	// Codes, for a recognised schema, names the code list some columns
	// hold (column name → FIPS, CAMEORoot, QuadClass): see CodeName.
	Codes map[string]string
}

// Column describes one column of a frame.
type Column struct {
	Name string
	// Kind is what the values are: Text, Integer or Number.
	Kind Kind
	// Flag, when not empty, says why the column deserves a second look,
	// e.g. that it holds representative points of non-point geometries.
	Flag string
}

// Kind is the kind of values a column holds, decided by the reader rather
// than by gota's guessing, so that identifiers such as "01234" stay text.
type Kind uint8

const (
	Text    Kind = iota // strings, kept as written
	Integer             // whole numbers without leading zeros
	Number              // decimal numbers, read with the file's decimal mark
)

func (k Kind) String() string {
	switch k {
	case Integer:
		return "integer"
	case Number:
		return "number"
	}
	return "text"
}

// Problem is one value, or one row, that could not be read as it stands.
type Problem struct {
	Row    int    // data row, 1-based; 0 for a problem with the file or the header
	Column string // column name; empty when the problem concerns the whole row
	Value  string // the offending value as written, shortened when long
	// Reason is the kind of problem in a few plain words, the same for
	// every row with that kind of problem, so problems can be counted and
	// grouped: "unparseable date", "too many fields".
	Reason string
	// Detail says what exactly is wrong with this row, as a sentence
	// fragment an analyst can act on; may be empty.
	Detail string
}

// displayName is how a file is named in messages: its path as given, or
// "input" when it came without one.
func displayName(path string) string {
	if path == "" {
		return "input"
	}
	return path
}
