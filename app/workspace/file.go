package workspace

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"chronomap/app/atomicfile"
	"chronomap/data/engine"
	"chronomap/data/input"
)

// file is a .chronomap file as it is written: the workspace with its
// sources' paths as saved, and, in a recovery file, where it came from.
type file struct {
	Workspace
	// Sources hides Workspace.Sources: a shallower field wins in JSON.
	Sources  []fileSource  `json:"sources,omitempty"`
	Autosave *autosaveInfo `json:"autosave,omitempty"`
}

type fileSource struct {
	Source
	// Absolute is where a relative Path pointed when it was saved, so
	// that a workspace file copied elsewhere without its data still finds
	// the data where it was.
	Absolute string `json:"absolute,omitempty"`
}

// MaxZoom is the closest map zoom a workspace may keep. The map stops at
// 2 metres a pixel, a zoom of about 10,000 on a slide and more in a small
// window; a million is beyond any.
const MaxZoom = 1_000_000

// MaxFileBytes is the largest workspace file read, 64 MiB: thousands of
// scenes with their notes take a few megabytes.
const MaxFileBytes = 64 << 20

// Load reads the workspace saved at path. Its sources' paths come back
// absolute: a relative one is read from the workspace's folder, or, when
// nothing is there, from where it was when saved. Errors name the file
// and, for broken JSON, the line and column. Only a regular file of at
// most MaxFileBytes is read: a device or a named pipe is refused before it
// is read.
func Load(path string) (*Workspace, error) {
	atomicfile.Clean(path) // what saves that died left beside it
	data, err := readFile(path)
	if err != nil {
		return nil, err // "cannot read PATH: …" already
	}
	ws, _, err := decode(path, data)
	return ws, err
}

// Save writes ws to path atomically: a failure at any point, a full disk
// or a crash, leaves the file as it was. Sources in the workspace's folder
// or in folders beside it are written relative to it, so that the project
// folder can move as a whole; others are written absolute. ws is not
// changed.
func Save(path string, ws *Workspace) error {
	if err := check(ws); err != nil {
		return fmt.Errorf("cannot save %s: %w", path, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("cannot save %s: %w", path, err)
	}
	f, err := toFile(ws, filepath.Dir(abs))
	if err != nil {
		return fmt.Errorf("cannot save %s: %w", path, err)
	}
	return writeJSON(abs, f)
}

// readFile reads one of the files of this package within MaxFileBytes.
func readFile(path string) ([]byte, error) {
	return input.Read(context.Background(), path, MaxFileBytes, nil)
}

// toFile returns ws as written in a file in dir; dir "" writes every path
// absolute.
func toFile(ws *Workspace, dir string) (*file, error) {
	f := &file{Workspace: *ws}
	f.Version = FormatVersion
	f.Workspace.Sources = nil
	for _, s := range ws.Sources {
		if s.IsTable() {
			// A table's URL as it is, but never with a password: that
			// comes from the engine's environment, or is asked for.
			u, err := tableURL(s.Path)
			if err != nil {
				return nil, err
			}
			fs := fileSource{Source: s}
			fs.Path = u
			f.Sources = append(f.Sources, fs)
			continue
		}
		abs, err := filepath.Abs(s.Path)
		if err != nil {
			return nil, fmt.Errorf("source %s: %w", s.Path, err)
		}
		fs := fileSource{Source: s}
		fs.Path = abs
		if dir != "" {
			if rel, ok := relative(abs, dir); ok {
				fs.Path, fs.Absolute = rel, abs
			}
		}
		f.Sources = append(f.Sources, fs)
	}
	return f, nil
}

// decode reads a .chronomap file's content; name is the file's path, for
// errors and for the folder relative paths start from. The file's
// autosave block is returned too, nil when it has none.
func decode(name string, data []byte) (*Workspace, *autosaveInfo, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, fmt.Errorf("%s is empty", name)
	}
	// The version is read first, alone: a newer format may not fit the
	// types below, and its reader deserves to hear about the version
	// rather than about a field.
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field == "" {
			return nil, nil, fmt.Errorf("%s is not a Chronomap workspace: it holds %s, not an object", name, jsonKind(te.Value))
		}
		return nil, nil, jsonError(name, data, err)
	}
	switch {
	case head.Version == nil:
		return nil, nil, fmt.Errorf("%s is not a Chronomap workspace: it has no format version", name)
	case *head.Version < 1:
		return nil, nil, fmt.Errorf("%s: format version %d is not one (versions count from 1)", name, *head.Version)
	case *head.Version > FormatVersion:
		return nil, nil, fmt.Errorf("%s was saved by a newer Chronomap (format %d); this one reads format %d", name, *head.Version, FormatVersion)
	}
	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, nil, jsonError(name, data, err)
	}
	dir := filepath.Dir(name)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	ws := f.Workspace
	ws.Sources = nil
	for _, fs := range f.Sources {
		s := fs.Source
		switch {
		case s.IsTable():
			u, err := tableURL(s.Path)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", name, err)
			}
			s.Path = u
		case s.Path != "":
			s.Path = resolve(s.Path, fs.Absolute, dir)
		}
		ws.Sources = append(ws.Sources, s)
	}
	normalise(&ws)
	if err := check(&ws); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return &ws, f.Autosave, nil
}

// tableURL is a table's URL without its password.
func tableURL(u string) (string, error) {
	a, err := engine.Parse(u)
	if err != nil {
		return "", err // names the URL without its password
	}
	return a.String(), nil
}

// normalise makes empty lists and maps nil, as a file that leaves them out
// reads, so that a workspace reads the same however they were written.
func normalise(ws *Workspace) {
	for i := range ws.Sources {
		m := &ws.Sources[i].Mapping
		for r, cols := range m.Roles {
			if len(cols) == 0 {
				delete(m.Roles, r)
			}
		}
		if len(m.Roles) == 0 {
			m.Roles = nil
		}
		if len(m.Why) == 0 {
			m.Why = nil
		}
	}
	if len(ws.Sources) == 0 {
		ws.Sources = nil
	}
	if len(ws.Scenes) == 0 {
		ws.Scenes = nil
	}
	normaliseView(&ws.Filter, &ws.Timeline)
	for i := range ws.Scenes {
		normaliseView(&ws.Scenes[i].Filter, &ws.Scenes[i].Timeline)
	}
}

func normaliseView(f *Filter, t *TimelineView) {
	if len(f.HiddenCategories) == 0 {
		f.HiddenCategories = nil
	}
	if len(f.Actors) == 0 {
		f.Actors = nil
	}
	if len(t.Collapsed) == 0 {
		t.Collapsed = nil
	}
}

var colourPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// check returns what is wrong in ws, saying where: the window relies on
// every field being usable, and a hand-edited file deserves to hear which
// part to fix.
func check(ws *Workspace) error {
	switch ws.Theme {
	case "", ThemeSystem, ThemeLight, ThemeDark:
	default:
		return fmt.Errorf("theme %q is not %q, %q or %q", ws.Theme, ThemeLight, ThemeDark, ThemeSystem)
	}
	for i, s := range ws.Sources {
		where := fmt.Sprintf("source %d", i+1)
		if s.Path == "" {
			return fmt.Errorf("%s has no path", where)
		}
		where += " (" + filepath.Base(s.Path) + ")"
		if s.Colour != "" && !colourPattern.MatchString(s.Colour) {
			return fmt.Errorf("%s: colour %q is not written #rrggbb", where, s.Colour)
		}
		if _, err := s.Mapping.Events(); err != nil {
			return fmt.Errorf("%s: mapping: %w", where, err)
		}
	}
	if err := checkView(ws.Filter, ws.Map, ws.Timeline, ws.Selection, len(ws.Sources)); err != nil {
		return err
	}
	for i, sc := range ws.Scenes {
		if err := checkView(sc.Filter, sc.Map, sc.Timeline, sc.Selection, len(ws.Sources)); err != nil {
			return fmt.Errorf("scene %d (%q): %w", i+1, sc.Title, err)
		}
	}
	return nil
}

func checkView(f Filter, m MapView, t TimelineView, sel *Selection, sources int) error {
	if _, _, err := f.Span(); err != nil {
		return err
	}
	if b := f.Box; b != nil {
		if !lonLat(b[0], b[1]) || !lonLat(b[2], b[3]) || b[1] > b[3] {
			return fmt.Errorf("filter box %v is not minimum longitude, minimum latitude, maximum longitude, maximum latitude in degrees", *b)
		}
	}
	if !lonLat(m.Center[0], m.Center[1]) {
		return fmt.Errorf("map centre %v is not a longitude and a latitude in degrees", m.Center)
	}
	if !(m.Zoom >= 0) || math.IsInf(m.Zoom, 0) {
		return fmt.Errorf("map zoom %v is not a positive number (or 0, to fit the data)", m.Zoom)
	}
	if m.Zoom > MaxZoom {
		return fmt.Errorf("map zoom %v is closer than a map goes (the most is %d)", m.Zoom, MaxZoom)
	}
	if _, _, _, err := t.Window(); err != nil {
		return err
	}
	if sel != nil {
		if sel.Source < 0 {
			return fmt.Errorf("the selection's source %d is negative", sel.Source)
		}
		if sel.Source >= sources {
			return fmt.Errorf("the selection is in source %d, but there are %d sources", sel.Source+1, sources)
		}
		if sel.Row < 0 {
			return fmt.Errorf("the selection's row %d is negative", sel.Row)
		}
	}
	return nil
}

func lonLat(lon, lat float64) bool {
	return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90
}

// jsonError says where in data encoding/json stopped, by line and column
// rather than by byte offset.
func jsonError(name string, data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		line, col := position(data, se.Offset)
		return fmt.Errorf("%s line %d, column %d: %w (the file is not valid JSON)", name, line, col, se)
	case errors.As(err, &te):
		line, col := position(data, te.Offset)
		return fmt.Errorf("%s line %d, column %d: %s should be %s, not %s", name, line, col, fieldPath(te.Field), goKind(te.Type), jsonKind(te.Value))
	}
	return fmt.Errorf("%s: %w", name, err)
}

// fieldPath returns a field's path as the file writes it: encoding/json
// puts in the Go names of embedded structs ("sources.Source.hidden"),
// which the file's lower-case names never are.
func fieldPath(p string) string {
	parts := strings.Split(p, ".")
	parts = slices.DeleteFunc(parts, func(s string) bool { return s != "" && unicode.IsUpper(rune(s[0])) })
	return strings.Join(parts, ".")
}

// position returns the 1-based line and column (in characters) of the
// byte before offset, the last one encoding/json read: for a file cut
// short, the end of its last line.
func position(data []byte, offset int64) (line, col int) {
	if len(data) == 0 {
		return 1, 1
	}
	off := int(min(max(offset, 1), int64(len(data))))
	before := data[:off-1]
	line = 1 + bytes.Count(before, []byte{'\n'})
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(data[start:off])
}

// jsonKind names a JSON value as encoding/json's UnmarshalTypeError gives
// it ("string", "number 1.5", "array", ...).
func jsonKind(v string) string {
	switch v {
	case "array":
		return "a list"
	case "object":
		return "an object"
	case "string":
		return "text"
	case "bool":
		return "true or false"
	}
	return v
}

// goKind says what JSON a Go type takes.
func goKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "a whole number"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Pointer:
		return goKind(t.Elem())
	}
	return t.String()
}
