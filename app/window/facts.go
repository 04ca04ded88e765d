package window

import (
	"fmt"
	"strconv"
	"strings"

	"chronomap/data/frame"
)

// facts is the line under a file's title saying how it was read, e.g.
// `CSV · UTF-8 · delimiter "," · no preset · 6 rows · 17 columns`.
func facts(f *frame.Frame) string {
	s := f.Source
	var parts []string
	parts = append(parts, formatName(s))
	if s.Encoding != "" {
		parts = append(parts, encodingName(s.Encoding))
	}
	if s.Delimiter != "" {
		parts = append(parts, "delimiter "+delimiterName(s.Delimiter))
		if !s.HasHeader {
			parts = append(parts, "no header row")
		}
	}
	if s.DecimalComma {
		parts = append(parts, "decimal comma")
	}
	if s.Preset != "" {
		parts = append(parts, "preset "+presetName(s.Preset))
	} else {
		parts = append(parts, "no preset")
	}
	parts = append(parts, count(f.DF.Nrow(), "row", "rows"), count(f.DF.Ncol(), "column", "columns"))
	return strings.Join(parts, " · ")
}

// eventFacts says how many events the rows made and how many are on the
// map: "6 events · 6 placed (2 by place name)".
func eventFacts(l Loaded) string {
	if l.Events == 0 {
		return "no events"
	}
	s := count(l.Events, "event", "events") + " · " + fmt.Sprintf("%s placed", thousands(l.Located))
	if l.Geocoded > 0 {
		s += fmt.Sprintf(" (%s by place name)", thousands(l.Geocoded))
	}
	return s
}

// flagLines lists the columns whose reader asked for a second look, one
// line each.
func flagLines(f *frame.Frame) []string {
	var lines []string
	for _, c := range f.Columns {
		if c.Flag != "" {
			lines = append(lines, fmt.Sprintf("Column %q: %s", c.Name, c.Flag))
		}
	}
	return lines
}

func formatName(s frame.Source) string {
	switch s.Format {
	case "geojson":
		return "GeoJSON"
	case "xlsx":
		if s.Sheet != "" {
			return fmt.Sprintf("XLSX, sheet %q", s.Sheet)
		}
		return "XLSX"
	case "txt":
		return "text"
	case "":
		return "unknown format"
	}
	return strings.ToUpper(s.Format)
}

func encodingName(e string) string {
	switch e {
	case "utf-8":
		return "UTF-8"
	case "utf-8-bom":
		return "UTF-8 with BOM"
	case "utf-16le":
		return "UTF-16 LE"
	case "utf-16be":
		return "UTF-16 BE"
	case "windows-1252":
		return "Windows-1252"
	}
	return e
}

func delimiterName(d string) string {
	if d == "\t" {
		return "tab"
	}
	return strconv.Quote(d)
}

func presetName(p string) string {
	switch p {
	case "acled":
		return "ACLED"
	case "gdelt2":
		return "GDELT 2.0"
	case "gdelt1":
		return "GDELT 1.0"
	case "usgs":
		return "USGS"
	case "ucdp":
		return "UCDP GED"
	case "timelinejs":
		return "TimelineJS"
	}
	return p
}

// count writes n with thousands separators and the right noun:
// "1 row", "1,000,000 rows".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
