package frame

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// readJSONFixture reads a testdata file with readJSON.
func readJSONFixture(t *testing.T, name string) *table {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	tb, err := readJSON(context.Background(), b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return tb
}

func TestReadJSONArray(t *testing.T) {
	f, err := ReadFile(filepath.Join("testdata", "json_events.json"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Source.Format != "json" || !f.Source.HasHeader {
		t.Errorf("source = %+v", f.Source)
	}
	// In the order the keys first appear, not sorted; coords.alt and big
	// first appear in later records. "coords": null adds no column.
	wantNames := []string{"id", "date", "title", "coords.lat", "coords.lon", "actors", "fatalities", "confirmed",
		"source.name", "source.url", "mentions", "notes", "coords.alt", "big"}
	if got := f.Names(); !slices.Equal(got, wantNames) {
		t.Fatalf("names =\n%q\nwant\n%q", got, wantNames)
	}
	if f.Rows() != 4 {
		t.Fatalf("rows = %d, want 4", f.Rows())
	}
	wantProblems := []Problem{{Row: 3, Value: `"not a record"`, Reason: "not an object",
		Detail: "the record is a string, not an object of named values; its row is left empty"}}
	if !slices.Equal(f.Problems, wantProblems) {
		t.Errorf("problems = %+v, want %+v", f.Problems, wantProblems)
	}
	if got := columnRecords(t, f, "title"); got[0] != "Шойгу встретился с командующим армией Никарагуа" || got[2] != "" || got[3] != "Nur ein Titel" {
		t.Errorf("title = %q", got)
	}
	for name, want := range map[string]Kind{"id": Text, "title": Text, "coords.lat": Number, "fatalities": Number, "confirmed": Text} {
		if got := kindOfColumn(t, f, name); got != want {
			t.Errorf("kind of %s = %v, want %v", name, got, want)
		}
	}

	tb := readJSONFixture(t, "json_events.json")
	want := map[string][]string{
		"id":         {"01234", "00042", "", ""},
		"coords.lat": {"55.7522", "40.1811", "", ""},
		"coords.alt": {"", "1.50", "", ""},
		"actors":     {"Sergei Shoigu; Julio César Avilés Castillo", "Edvard Asryan; Steven Basham", "", ""},
		"fatalities": {"0", "1e3", "", ""},
		"confirmed":  {"true", "false", "", ""},
		"source.url": {"https://example.org/isw?a=1&b=2", "", "", ""},
		"mentions":   {`[{"url":"https://a.example","lang":"ru"},{"url":"https://b.example"}]`, "", "", ""},
		"notes":      {"", `Gyumri – 102. Basis "Russlands"`, "", ""},
		"big":        {"", "", "", "12345678901234567890"},
	}
	for name, w := range want {
		if got := tableCells(t, tb, name); !slices.Equal(got, w) {
			t.Errorf("%s = %q, want %q", name, got, w)
		}
	}
}

func TestReadJSONWrapped(t *testing.T) {
	// data.items (two levels down) wins over meta.deeper.decoy (three).
	tb := readJSONFixture(t, "json_wrapped.json")
	if !slices.Equal(tb.names, []string{"when", "where", "who"}) {
		t.Fatalf("names = %q", tb.names)
	}
	if got := tableCells(t, tb, "who"); !slices.Equal(got, []string{"Schoigu; Avilés", "Asrjan; Basham"}) {
		t.Errorf("who = %q", got)
	}

	tb, err := readJSON(context.Background(), []byte(`{"count": 2, "events": [{"b": 1, "a": 2}, {"a": 3, "c": null}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tb.names, []string{"b", "a", "c"}) || !slices.Equal(tableCells(t, tb, "a"), []string{"2", "3"}) || !slices.Equal(tableCells(t, tb, "b"), []string{"1", ""}) {
		t.Errorf("names %q, cells %q", tb.names, tb.cols)
	}
}

func TestReadJSONSingleObject(t *testing.T) {
	tb, err := readJSON(context.Background(), []byte("\xef\xbb\xbf{\"date\": \"2023-11-07\", \"place\": {\"name\": \"Moskau\", \"tags\": []}}"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tb.names, []string{"date", "place.name", "place.tags"}) || tb.cols[1][0] != "Moskau" || len(tb.cols[0]) != 1 {
		t.Errorf("names %q, cells %q", tb.names, tb.cols)
	}
}

func TestReadJSONLines(t *testing.T) {
	f, err := ReadFile(filepath.Join("testdata", "json_lines.ndjson"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Source.Format != "json" {
		t.Errorf("format = %q", f.Source.Format)
	}
	if got := f.Names(); !slices.Equal(got, []string{"date", "place", "lat", "extra.k"}) {
		t.Errorf("names = %q", got)
	}
	// Six records: the blank line is not one, the damaged lines are.
	if got := columnRecords(t, f, "place"); !slices.Equal(got, []string{"Moskau", "Jerewan", "", "", "", "Managua"}) {
		t.Errorf("place = %q", got)
	}
	want := []Problem{
		{Row: 3, Value: `{"date":"2023-11-0`, Reason: "not valid JSON", Detail: "line 4: the record ends early; its row is left empty"},
		{Row: 4, Value: `[1,2]`, Reason: "not an object", Detail: "the record is an array, not an object of named values; its row is left empty"},
		{Row: 5, Value: `{"date":"2023-11-10","place":"Гюмри"} trailing`, Reason: "not valid JSON",
			Detail: "line 6: unexpected text after the record; its row is left empty"},
	}
	if !slices.Equal(f.Problems, want) {
		t.Errorf("problems =\n%+v\nwant\n%+v", f.Problems, want)
	}
}

func TestReadJSONStreamOfObjects(t *testing.T) {
	// Pretty-printed objects one after another: read as a stream, strictly.
	tb, err := readJSON(context.Background(), []byte("{\n \"a\": 1\n}\n{\n \"a\": 2\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tableCells(t, tb, "a"), []string{"1", "2"}) {
		t.Errorf("a = %q", tb.cols)
	}
	_, err = readJSON(context.Background(), []byte("{\n \"a\": 1\n}\n{\n \"a\" 2\n}\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "invalid JSON at line 5, column 6") {
		t.Errorf("err = %v", err)
	}
}

func TestReadJSONErrors(t *testing.T) {
	for name, want := range map[string]string{
		"json_syntax_error.json": `json_syntax_error.json: invalid JSON at line 3, column 25 (byte 83): invalid character '"' after object key:value pair`,
		"json_truncated.json":    "json_truncated.json: JSON ends early at byte 76 (line 3)",
	} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		_, err = ReadBytes(name, b, Options{})
		if err == nil || err.Error() != want {
			t.Errorf("%s: err = %v\nwant %s", name, err, want)
		}
	}
	for in, want := range map[string]string{
		"":                        "the file is empty",
		" \n ":                    "the file is empty",
		"[]":                      "no records: the JSON array is empty",
		"[1, 2, 3]":               "no records: the JSON array holds no objects",
		`"just a string"`:         `not a JSON array or object: it starts with "\"just a string\""`,
		"[{\"a\": 1}] extra":      "unexpected text after the JSON array at line 1, column 12",
		"{\"a\": 1} {":            "JSON ends early at byte 10 (line 1)",
		"\xff\xfe[\x00]\x00":      "JSON must be UTF-8, but this file is UTF-16",
		`{"a": [1, 2}`:            "invalid JSON at line 1, column 12 (byte 12): invalid character '}' after array element",
		strings.Repeat("[", 5000): "JSON nested more than 1000 levels deep at byte 1001",
	} {
		_, err := readJSON(context.Background(), []byte(in))
		if err == nil || err.Error() != want {
			t.Errorf("readJSON(%.30q): err = %v\nwant %s", in, err, want)
		}
	}
}

// FuzzReadJSON checks that no input makes the JSON reader panic or build
// a table whose columns differ in length.
func FuzzReadJSON(f *testing.F) {
	for _, name := range []string{"json_events.json", "json_wrapped.json", "json_lines.ndjson", "json_syntax_error.json", "json_truncated.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		``, `[]`, `{}`, `null`, `[null]`, `[{}]`, `{"a":{"b":{"c":[1,{"d":2}]}}}`,
		`{"x":1}` + "\n" + `{"y":[` + "\n" + `{"z":3}`, `[{"a":1},{"a":{"b":2}},{"a":null}]`,
		`{"a":1,"a":null}`, "\xef\xbb\xbf[{\"\":\"\"}]", `[{"a":"\ud800"}]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := readJSON(context.Background(), b)
		if err != nil {
			return
		}
		checkTable(t, tb)
	})
}

// checkTable checks the invariants every reader's table must hold.
func checkTable(t *testing.T, tb *table) {
	t.Helper()
	if len(tb.cols) != len(tb.names) {
		t.Fatalf("%d names, %d columns", len(tb.names), len(tb.cols))
	}
	rows := -1
	for i, c := range tb.cols {
		if rows >= 0 && len(c) != rows {
			t.Fatalf("column %q has %d cells, want %d", tb.names[i], len(c), rows)
		}
		rows = len(c)
	}
	for _, p := range tb.problems {
		if p.Row < 0 || (rows >= 0 && p.Row > rows) {
			t.Fatalf("problem row %d outside 1..%d: %+v", p.Row, rows, p)
		}
	}
	if len(tb.names) > 0 {
		if _, err := tb.frame(context.Background(), Source{Path: "fuzz"}); err != nil {
			t.Fatalf("frame: %v", err)
		}
	}
}
