package inspect

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"chronomap/data/engine/enginetest"
	"chronomap/data/server/servertest"
)

// TestURLAsFile inspects a generated file and the same file imported into
// each engine: the table reports the file's rows, events, located events,
// span and columns with their roles, its problems counted by the engine,
// in the same JSON shape, without the password.
func TestURLAsFile(t *testing.T) {
	for _, e := range servertest.Engines {
		t.Run(e.Name, func(t *testing.T) {
			url, path := servertest.Imported(t, e.Name, e.PasswordVar, 3000)
			var out, errb bytes.Buffer
			if code := Run([]string{"--json", path, url}, &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			var got []map[string]any
			if err := json.Unmarshal(out.Bytes(), &got); err != nil || len(got) != 2 {
				t.Fatalf("not two reports (%v): %s", err, out.String())
			}
			file, table := got[0], got[1]
			// The same keys, in the contract's shape.
			for k := range file {
				if _, ok := table[k]; !ok {
					t.Errorf("the table's report has no %q", k)
				}
			}
			for _, k := range []string{"rows", "events", "located", "time"} {
				if !reflect.DeepEqual(table[k], file[k]) {
					t.Errorf("%s: table %v, file %v", k, table[k], file[k])
				}
			}
			if table["file"] != url || table["format"] != strings.ToLower(e.Name) {
				t.Errorf("named %v, format %v", table["file"], table["format"])
			}
			type col struct{ Name, Type, Role string }
			cols := func(r map[string]any) []col {
				var cs []col
				for _, c := range r["columns"].([]any) {
					m := c.(map[string]any)
					cs = append(cs, col{m["name"].(string), m["type"].(string), m["role"].(string)})
				}
				return cs
			}
			if !reflect.DeepEqual(cols(table), cols(file)) {
				t.Errorf("columns:\n table %v\n  file %v", cols(table), cols(file))
			}
			probs := table["problems"].(map[string]any)
			by := probs["by_reason"].(map[string]any)
			rows, evs, located := file["rows"].(float64), file["events"].(float64), file["located"].(float64)
			if by[ReasonUntimed] != rows-evs || by[ReasonUnplaced] != evs-located || probs["total"] != rows-located {
				t.Errorf("problems %v; the file has %v rows, %v events, %v located", probs, rows, evs, located)
			}
			if strings.Contains(out.String(), os.Getenv("CHRONOMAP_TEST_PASSWORD")) {
				t.Errorf("the report shows the password")
			}
			out.Reset()
			if code := Run([]string{url}, &out, &errb); code != 0 || !strings.Contains(out.String(), "located") {
				t.Errorf("text: exit %d, %q %q", code, out.String(), errb.String())
			}
		})
	}
}

// TestURLFaults: a table that is not there, a server that does not answer
// and a wrong password are one line each on stderr, exit 1, without the
// password; --map is refused for a table.
func TestURLFaults(t *testing.T) {
	url, _ := servertest.Imported(t, "POSTGRES", "PGPASSWORD", 100)
	missing := strings.Replace(url, "table=cli_", "table=nosuch_", 1)
	down := strings.Replace(url, "127.0.0.1:55432", "127.0.0.1:1", 1)
	wrong := strings.Replace(url, "chronomap@", "chronomap:wrong-secret@", 1)
	for _, c := range []struct{ url, says string }{
		{missing, "has no table"}, {down, "no PostgreSQL server answers"}, {wrong, "wrong user name or password"},
	} {
		var out, errb bytes.Buffer
		if code := Run([]string{"--json", c.url}, &out, &errb); code != 1 {
			t.Errorf("%s: exit %d, want 1", c.url, code)
		}
		msg := strings.TrimSpace(errb.String())
		enginetest.OneSentence(t, errorString(msg), c.says, "wrong-secret", os.Getenv("CHRONOMAP_TEST_PASSWORD"))
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"--map", "start=x", url}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "--map") {
		t.Errorf("--map with a table: exit %d, %q", code, errb.String())
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
