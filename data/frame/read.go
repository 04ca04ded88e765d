package frame

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"chronomap/data/input"
)

// Options change how a file is read. The zero value reads any supported
// file with everything detected.
type Options struct {
	// Format forces a format ("csv", "tsv", "xlsx", "json", "geojson",
	// "kml", "kmz", "parquet", "arrow")
	// instead of guessing it from the name and content.
	Format string
	// Sheet chooses an XLSX sheet by name; empty means the first sheet
	// that holds data.
	Sheet string
}

// ReadFile reads the file at path into a frame.
func ReadFile(path string, opt Options) (*Frame, error) {
	return ReadFileContext(context.Background(), path, opt, nil)
}

// ReadFileContext reads the file at path into a frame, telling progress
// (when not nil) how many of its bytes have been read, and stopping with
// ctx.Err() within a few milliseconds when ctx is cancelled. The report
// with every byte read comes last, once the reading is over: the parse
// follows it. Only a regular file of at most MaxFileBytes is read: a
// device, a named pipe or a larger file is refused before it is read.
func ReadFileContext(ctx context.Context, path string, opt Options, progress func(done, total int64)) (*Frame, error) {
	b, err := input.Read(ctx, path, MaxFileBytes, progress)
	if err != nil {
		return nil, err
	}
	return ReadContext(ctx, path, b, opt)
}

// ReadBytes reads a file's content into a frame; name is used for messages
// and to guess the format from its extension. The frame keeps no
// reference to b, but b is the reader's while it reads and rewritten
// there (a CSV's doubled quotes are undone in place): the caller must
// neither change it meanwhile nor read it afterwards.
func ReadBytes(name string, b []byte, opt Options) (*Frame, error) {
	return ReadContext(context.Background(), name, b, opt)
}

// ReadContext is ReadBytes stopping with ctx.Err() when ctx is cancelled.
func ReadContext(ctx context.Context, name string, b []byte, opt Options) (*Frame, error) {
	format := opt.Format
	if format == "" {
		format = sniffFormat(name, b)
	}
	src := Source{Path: name, Format: format, Encoding: "utf-8"} // JSON is UTF-8, as is a workbook's XML
	if bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
		src.Encoding = "utf-8-bom"
	}

	var (
		t   *table
		err error
	)
	switch format {
	case "xlsx":
		t, src.Sheet, err = readXLSX(ctx, b, opt.Sheet)
		src.HasHeader = true
	case "json":
		t, err = readJSON(ctx, b)
		src.HasHeader = true
	case "geojson":
		t, err = readGeoJSON(ctx, b)
		src.HasHeader = true
	case "kml":
		t, err = readKML(b)
		src.HasHeader = true
	case "kmz":
		t, err = readKMZ(b)
		src.HasHeader = true
	case "parquet":
		t, err = readParquet(ctx, b)
		src.HasHeader, src.Encoding = true, ""
	case "arrow":
		t, err = readArrow(ctx, b)
		src.HasHeader, src.Encoding = true, ""
	case "csv", "tsv", "txt":
		return readDelimited(ctx, name, b, opt)
	default:
		return nil, fmt.Errorf("%s: %s files are not supported; Chronomap reads CSV, TSV, XLSX, JSON, GeoJSON, KML, Parquet and Arrow", displayName(name), format)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(name), err)
	}
	// Known schemas come in workbooks and JSON too (ACLED's export tool
	// writes XLSX; USGS publishes GeoJSON).
	if p, ok := detectPreset(t.names, true, nil); ok {
		src.Preset, src.Roles, src.Codes = p.Name, p.Roles, p.Codes
	}
	return t.frame(ctx, src)
}

// formatOf is each extension Chronomap reads and the format it names;
// JSON may turn out to be GeoJSON.
var formatOf = map[string]string{
	".csv": "csv", ".txt": "txt", ".tsv": "tsv", ".tab": "tsv",
	".xlsx": "xlsx", ".xlsm": "xlsx",
	".json": "json", ".ndjson": "json", ".jsonl": "json", ".geojson": "geojson",
	".kml": "kml", ".kmz": "kmz",
	".parquet": "parquet", ".pq": "parquet",
	".arrow": "arrow", ".arrows": "arrow", ".feather": "arrow", ".ipc": "arrow",
}

// Extensions are the file name extensions Chronomap reads, sorted, each
// with its dot: what an Open dialog lists.
func Extensions() []string {
	return slices.Sorted(maps.Keys(formatOf))
}

// sniffFormat guesses a file's format from its extension, then from its
// first bytes when the extension says nothing.
func sniffFormat(name string, b []byte) string {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".json":
		if looksGeoJSON(b) {
			return "geojson"
		}
		return "json"
	case ".xls":
		return "xls"
	default:
		if f, ok := formatOf[ext]; ok {
			return f
		}
	}
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return "xlsx"
	}
	if bytes.HasPrefix(b, []byte("PAR1")) {
		return "parquet"
	}
	if bytes.HasPrefix(b, []byte("ARROW1")) {
		return "arrow"
	}
	head := bytes.TrimLeft(b[:min(len(b), 4096)], " \t\r\n\xef\xbb\xbf")
	if bytes.HasPrefix(head, []byte("<")) && bytes.Contains(head, []byte("<kml")) {
		return "kml"
	}
	if len(head) > 0 && (head[0] == '{' || head[0] == '[') {
		if looksGeoJSON(b) {
			return "geojson"
		}
		return "json"
	}
	return "csv"
}

// geoJSONType matches the type member of a GeoJSON feature or collection;
// a property that merely says "Feature" does not.
var geoJSONType = regexp.MustCompile(`"type"\s*:\s*"Feature(Collection)?"`)

// looksGeoJSON reports whether JSON content is a GeoJSON feature collection
// or feature, from its first few kilobytes.
func looksGeoJSON(b []byte) bool {
	return geoJSONType.Match(b[:min(len(b), 8192)])
}

// magics are the first bytes of binary files people pick by mistake.
var magics = []struct{ prefix, kind string }{
	{"%PDF", "a PDF document"},
	{"\x89PNG", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\x1f\x8b", "gzip-compressed (decompress it first)"},
	{"\xd0\xcf\x11\xe0", "an old Excel (.xls) or other Office 97 file (save it as .xlsx or CSV)"},
	{"PK\x03\x04", "a ZIP archive"},
	{"SQLite format 3\x00", "an SQLite database"},
}

// binaryKind names what a file is when it is plainly not text: a known
// binary format, or NUL bytes in its first 64 KB that no text but UTF-16
// has. It returns "" for anything that may be text.
func binaryKind(b []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(b, []byte(m.prefix)) {
			return m.kind
		}
	}
	if _, ok := utf16WithoutBOM(b); ok || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return ""
	}
	if bytes.IndexByte(b[:min(len(b), 64<<10)], 0) >= 0 {
		return "a binary file"
	}
	return ""
}
