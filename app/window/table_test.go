package window

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chronomap/app/feed"
	"chronomap/data/dataset"
	"chronomap/data/engine"
	"chronomap/data/events"
	"chronomap/data/server"
	"chronomap/data/server/servertest"
)

// tableWindow is an empty window at the size of a small laptop screen.
func tableWindow(t *testing.T) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	w := New(a, nil)
	t.Cleanup(func() {
		for _, v := range w.views {
			v.close()
		}
		w.Win.Close()
	})
	w.Win.Resize(fyne.NewSize(1280, 800))
	return w
}

// tested runs the Connect dialog's test and plays the UI goroutine until
// it has answered.
func tested(t *testing.T, w *Window, c *connectDialog) {
	t.Helper()
	answered := false
	c.done = func() { answered = true }
	pump(t, w, c.runTest, func() bool { return answered })
}

// shownCounts plays the UI goroutine until a table's status line says
// how many events are shown, as the engine counts them when asked
// directly (through src when given, else the tab's own source).
func shownCounts(t *testing.T, w *Window, v *fileView, f dataset.Filter, src ...*engine.Source) {
	t.Helper()
	s := v.file.Table.Src
	if len(src) > 0 {
		s = src[0]
	}
	l, err := s.Legend(t.Context(), f)
	if err != nil {
		t.Fatal(err)
	}
	want := counts{shown: int(l.Shown), mapped: int(l.Located), all: int(l.All)}.String()
	pump(t, w, v.refreshTable, func() bool { return v.status.Text == want && v.status.Importance == widget.MediumImportance })
}

// TestConnectDialog: File ▸ Connect to Database against each test server
// — a wrong password refused in one sentence that does not hold it, the
// right one listing the table imported, Open showing it in a tab whose
// status line counts its events as the engine does; no password in the
// tab, the recent list, or a workspace saved. The workspace opens again:
// the password asked for when the environment has none, not asked when it
// has, the search kept.
func TestConnectDialog(t *testing.T) {
	for _, e := range servertest.Engines {
		t.Run(e.Name, func(t *testing.T) {
			url, _ := servertest.Imported(t, e.Name, e.PasswordVar, 400)
			password := os.Getenv(e.PasswordVar)
			t.Setenv(e.PasswordVar, "") // the dialog's password, or none
			if e.Name == "POSTGRES" {
				t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
			}
			a, err := engine.Parse(url)
			if err != nil {
				t.Fatal(err)
			}
			w := tableWindow(t)
			c := w.connect()
			c.url.SetText(a.WithTable("").String())
			c.password.SetText("wrong-Pa55word")
			tested(t, w, c)
			if c.result.Importance != widget.DangerImportance || !strings.Contains(c.result.Text, "refused user") ||
				strings.Contains(c.result.Text, "wrong-Pa55word") {
				t.Errorf("a wrong password: %q", c.result.Text)
			}
			c.password.SetText(password)
			tested(t, w, c)
			if c.result.Importance == widget.DangerImportance || !strings.Contains(c.result.Text, "Connected to") {
				t.Fatalf("the right password: %q", c.result.Text)
			}
			if c.tables.Selected != "" {
				c.tables.ClearSelected()
			}
			c.tables.SetSelected(a.Table)
			waitIdle(t, w, c.openTable)
			if len(w.views) != 1 || w.views[0].file.Table == nil {
				t.Fatalf("Open made %d tabs; the first: %v", len(w.views), w.views[0].file.Err)
			}
			v := w.views[0]
			w.Win.Canvas().Capture()
			shownCounts(t, w, v, dataset.Filter{})

			// The search goes to the engine; the workspace keeps it.
			v.tableSearch.SetText("checkpoint")
			v.tableSearch.OnSubmitted("checkpoint")
			shownCounts(t, w, v, dataset.Filter{Query: "checkpoint"})

			// Few enough to list: the rows come a page at a time from
			// the engine, in time order, and one selected shows in full.
			l := v.file.Table.Legend()
			var n int
			pump(t, w, v.refreshRows, func() bool {
				var ok bool
				n, _, _, ok = v.file.Table.Rows(0)
				return ok
			})
			if rows, _ := v.rows.Length(); n != int(l.Shown) || rows != n || n == 0 {
				t.Fatalf("%d rows listed of %d shown (%d in the table)", n, l.Shown, rows)
			}
			if want := thousands(n) + " rows"; !strings.HasPrefix(v.rowsNote.Text, want) {
				t.Errorf("the rows' note %q", v.rowsNote.Text)
			}
			page, _ := v.file.Table.Src.Page(t.Context(), dataset.Filter{Query: "checkpoint"}, 0, 1)
			v.rows.Select(widget.TableCellID{Row: 0, Col: 0})
			if !strings.Contains(v.card.text, "checkpoint") || !strings.Contains(v.card.text, time.Unix(page.Start[0], 0).UTC().Format("2006-01-02")) {
				t.Errorf("the card of the first row: %q", v.card.text)
			}
			// Other roles, chosen in the roles dialog over the table's
			// first rows: the tab opens again with them, its lanes the
			// countries, and keeps the password typed.
			w.editRoles()
			if len(w.Win.Canvas().Overlays().List()) == 0 {
				t.Error("Columns and Roles… opens no dialog over a table")
			}
			w.closeDialog()
			m := v.file.Table.Src.Table.Mapping
			m.Columns = maps.Clone(m.Columns)
			m.Columns[events.Category] = []string{"country"}
			waitIdle(t, w, func() { w.tableRolesChosen(v, m) })
			if len(w.views) != 1 || w.views[0].file.Table == nil {
				t.Fatalf("the roles chosen: %d tabs, %v", len(w.views), w.views[0].file.Err)
			}
			v = w.views[0]
			if _, ok := v.file.Table.Legend().KeptBy["Fiji"]; !ok {
				t.Errorf("with the country as category the lanes are %v", v.file.Table.Lanes)
			}
			w.Win.Canvas().Capture()
			ws := filepath.Join(t.TempDir(), "tables.chronomap")
			if err := w.SaveWorkspace(ws); err != nil {
				t.Fatal(err)
			}
			saved, _ := os.ReadFile(ws)
			recent, _ := os.ReadFile(filepath.Join(w.dir, "recent.json"))
			for what, text := range map[string]string{"the workspace": string(saved), "the recent list": strings.Join(w.recent.List(), "\n"),
				"the recent file": string(recent), "the title": w.Win.Title(), "the tab": v.file.Title + v.file.Path} {
				if strings.Contains(text, password) {
					t.Errorf("%s holds the password", what)
				}
			}
			if r := w.recent.List(); !slices.Contains(r, a.String()) {
				t.Errorf("Open Recent lists %q, not %s", r, a)
			}
			if !strings.Contains(string(saved), a.String()) {
				t.Errorf("the workspace does not name %s:\n%s", a, saved)
			}

			// Opened again without a password in the environment: asked.
			w2 := tableWindow(t)
			asked := 0
			w2.askPassword = func(refused error, answer func(string, bool)) {
				asked++
				if !strings.Contains(refused.Error(), "refused user") {
					t.Errorf("asked for a password after %v", refused)
				}
				answer(password, true)
			}
			waitIdle(t, w2, func() { w2.OpenWorkspace(ws) })
			if asked != 1 || len(w2.views) != 1 || w2.views[0].file.Table == nil {
				t.Fatalf("asked %d times; %d tabs", asked, len(w2.views))
			}
			if q := w2.views[0].file.Table.Filter().Query; q != "checkpoint" {
				t.Errorf("the workspace reopens searching %q", q)
			}
			if c := w2.views[0].file.Table.Src.Table.Mapping.Get(events.Category); len(c) != 1 || c[0] != "country" {
				t.Errorf("the workspace reopens with category %v, not the country chosen", c)
			}
			// With the password in the engine's variable: not asked.
			t.Setenv(e.PasswordVar, password)
			asked = 0
			waitIdle(t, w2, func() { w2.OpenWorkspace(ws) })
			if asked != 0 || len(w2.views) != 1 || w2.views[0].file.Table == nil {
				t.Errorf("with %s set: asked %d times, %d tabs", e.PasswordVar, asked, len(w2.views))
			}
			// And Open Recent opens it again, in the same tab.
			waitIdle(t, w2, func() { w2.openRecent(a.String()) })
			if len(w2.views) != 1 || w2.views[0].file.Table == nil || asked != 0 {
				t.Errorf("Open Recent of %s: %d tabs, %v", a, len(w2.views), w2.views[0].file.Err)
			}
		})
	}
}

// TestConnectFaults: a server that is not there, and a table that is
// not, each said in one sentence naming where, without the password.
func TestConnectFaults(t *testing.T) {
	w := tableWindow(t)
	c := w.connect()
	c.url.SetText("postgres://ana:s3cret-word@127.0.0.1:1/events")
	tested(t, w, c)
	if !strings.Contains(c.result.Text, "no PostgreSQL server answers at 127.0.0.1:1") || strings.Contains(c.result.Text, "s3cret") {
		t.Errorf("a closed port: %q", c.result.Text)
	}
	if strings.Contains(c.url.Text, "s3cret") || c.password.Text != "s3cret-word" {
		t.Errorf("the password typed in the URL stays in sight: %q", c.url.Text)
	}
	c.url.SetText("mysql://host/db")
	c.runTest()
	if !strings.Contains(c.result.Text, "not an engine URL") {
		t.Errorf("another engine: %q", c.result.Text)
	}
	c.url.SetText("clickhouse://127.0.0.1:1/db")
	c.openTable()
	if !strings.Contains(c.result.Text, "Choose a table") {
		t.Errorf("Open with no table: %q", c.result.Text)
	}

	// Opened from the command line or Open Recent, with the password in
	// the URL: the tab says why in one sentence, and keeps no password.
	waitIdle(t, w, func() { w.Open("clickhouse://ana:s3cret-word@127.0.0.1:1/db?table=events") })
	v := w.views[0]
	if v.file.Err == nil || !strings.Contains(v.file.Err.Error(), "no ClickHouse server answers at 127.0.0.1:1") ||
		strings.Contains(v.file.Err.Error()+v.file.Path+v.file.Title, "s3cret") {
		t.Errorf("a closed port: %v, at %s", v.file.Err, v.file.Path)
	}
	if strings.Contains(strings.Join(w.recent.List(), " "), "s3cret") {
		t.Error("the recent list holds the password")
	}
}

// TestTableServerDropped: a table's server goes away while the tab is
// open — its status line says so in one sentence, the views keep the last
// answers — and comes back, which the tab finds by itself. A server too
// slow to answer is waited for with Cancel beside the status line, and
// stopped at the time limit.
func TestTableServerDropped(t *testing.T) {
	old := feed.Retry
	feed.Retry = 100 * time.Millisecond
	t.Cleanup(func() { feed.Retry = old })
	for _, e := range servertest.Engines {
		t.Run(e.Name, func(t *testing.T) {
			url, _ := servertest.Imported(t, e.Name, e.PasswordVar, 300)
			a, err := engine.Parse(url)
			if err != nil {
				t.Fatal(err)
			}
			direct, err := server.Open(t.Context(), url)
			if err != nil {
				t.Fatal(err)
			}
			defer direct.Close()
			p := servertest.NewProxy(t, a.Host)
			a.Host = p.Addr
			w := tableWindow(t)
			waitIdle(t, w, func() { w.Open(a.String()) })
			v := w.views[0]
			if v.file.Table == nil {
				t.Fatal(v.file.Err)
			}
			w.Win.Canvas().Capture()
			shownCounts(t, w, v, dataset.Filter{})
			before := v.file.Table.Legend()

			p.Stop()
			v.setTableFilter(func(f *dataset.Filter) { f.Query = "convoy" })
			pump(t, w, func() {}, func() bool { return v.status.Importance == widget.DangerImportance })
			if s := v.status.Text; !strings.Contains(s, a.Host) || !(strings.Contains(s, "lost") || strings.Contains(s, "answers")) {
				t.Errorf("the server gone: %q", s)
			}
			if l := v.file.Table.Legend(); l.All != before.All {
				t.Errorf("the last good counts went: %+v", l)
			}
			p.Start()
			shownCounts(t, w, v, dataset.Filter{Query: "convoy"}, direct)

			// Too slow: waited for, with Cancel; Cancel stops it.
			p.Freeze()
			v.setTableFilter(func(f *dataset.Filter) { f.Query = "village" })
			pump(t, w, func() {}, func() bool { return v.cancelAsk.Visible() })
			if !strings.Contains(v.status.Text, "Waiting for") {
				t.Errorf("waiting: %q", v.status.Text)
			}
			test.Tap(v.cancelAsk)
			if n, _ := v.file.Table.Waiting(); n != 0 || v.cancelAsk.Visible() || !strings.Contains(v.status.Text, "Stopped") {
				t.Errorf("after Cancel: %d questions, %q", n, v.status.Text)
			}
			// And the time limit stops what nobody cancels.
			v.file.Table.Limit = 300 * time.Millisecond
			v.setTableFilter(func(f *dataset.Filter) { f.Query = "sources" })
			pump(t, w, func() {}, func() bool { return v.status.Importance == widget.DangerImportance })
			if !strings.Contains(v.status.Text, "time limit") || strings.Contains(v.status.Text, "deadline exceeded") {
				t.Errorf("past the time limit: %q", v.status.Text)
			}
			p.Thaw()
		})
	}
}
