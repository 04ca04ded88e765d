package window

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

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
		parts = append(parts, fmt.Sprintf(lang.L("delimiter %s"), delimiterName(s.Delimiter)))
		if !s.HasHeader {
			parts = append(parts, lang.L("no header row"))
		}
	}
	if s.DecimalComma {
		parts = append(parts, lang.L("decimal comma"))
	}
	if s.Preset != "" {
		parts = append(parts, fmt.Sprintf(lang.L("preset %s"), presetName(s.Preset)))
	} else {
		parts = append(parts, lang.L("no preset"))
	}
	parts = append(parts, plural(f.Rows(), "1 row", "%s rows"), plural(len(f.Columns), "1 column", "%s columns"))
	return strings.Join(parts, " · ")
}

// eventFacts says how many events the rows made and how many are on the
// map: "6 events · 6 placed (2 by place name)".
func eventFacts(l Loaded) string {
	x := l.index()
	if x == nil || x.Len() == 0 {
		return lang.L("no events")
	}
	s := plural(x.Len(), "1 event", "%s events") + " · " + fmt.Sprintf(lang.L("%s placed"), thousands(x.Located))
	if x.Geocoded > 0 {
		s += " " + fmt.Sprintf(lang.L("(%s by place name)"), thousands(x.Geocoded))
	}
	return s
}

// flagLines lists the columns whose reader asked for a second look, one
// line each.
func flagLines(f *frame.Frame) []string {
	var lines []string
	for _, c := range f.Columns {
		if c.Flag != "" {
			lines = append(lines, fmt.Sprintf(lang.L(`Column "%s": %s`), escaped(c.Name), c.Flag))
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
			return fmt.Sprintf(lang.L(`XLSX, sheet "%s"`), escaped(s.Sheet))
		}
		return "XLSX"
	case "txt":
		return lang.L("text")
	case "":
		return lang.L("unknown format")
	}
	return strings.ToUpper(s.Format)
}

func encodingName(e string) string {
	switch e {
	case "utf-8":
		return "UTF-8"
	case "utf-8-bom":
		return lang.L("UTF-8 with BOM")
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
		return lang.L("tab")
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
