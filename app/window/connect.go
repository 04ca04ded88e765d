package window

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"chronomap/data/engine"
	"chronomap/data/server"
)

// testTime bounds the Connect dialog's test: connecting and listing the
// tables take well under a second on a server that answers.
const testTime = 15 * time.Second

// connectDialog is File ▸ Connect to Database: the database's URL, its
// password (held while the dialog and the table's tab are open, never
// written anywhere), a test of the connection that lists the tables and
// views to pick from, and Open, which opens the table picked in a tab of
// its own. Its widgets hold its state; the test runs in the background.
type connectDialog struct {
	w        *Window
	d        dialog.Dialog
	url      *escEntry
	password *escEntry
	test     *widget.Button
	result   *widget.Label
	tables   *widget.Select
	open     *widget.Button
	// gen numbers the tests, so that an older one's answer is dropped
	// when the URL was tested again.
	gen int
	// tested is the address the tables listed are of.
	tested engine.Address
	// done, when set, is called on the UI goroutine when a test has
	// answered: the tests wait on it.
	done func()
}

// connect opens File ▸ Connect to Database, starting from the URL of the
// table on show when it is one.
func (w *Window) connect() *connectDialog {
	c := &connectDialog{w: w}
	c.url = w.dialogEntry(false)
	c.url.SetPlaceHolder(lang.L("clickhouse://host:9000/database or postgres://user@host:5432/database"))
	if v := w.active(); v != nil && engine.IsURL(v.file.Path) {
		c.url.SetText(v.file.Path)
	}
	c.url.OnSubmitted = func(string) { c.runTest() }
	c.password = w.dialogEntry(false)
	c.password.Password = true
	c.password.SetPlaceHolder(lang.L("Password (else from PGPASSWORD, ~/.pgpass or CLICKHOUSE_PASSWORD)"))
	c.password.OnSubmitted = func(string) { c.runTest() }
	c.test = widget.NewButton(lang.L("Test Connection"), c.runTest)
	c.result = widget.NewLabel(lang.L("Test the connection to list the database's tables and views."))
	c.result.Wrapping = fyne.TextWrapWord
	c.tables = widget.NewSelect(nil, func(string) {})
	c.tables.PlaceHolder = lang.L("(test the connection first)")
	c.open = widget.NewButton(lang.L("Open"), c.openTable)
	c.open.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { c.d.Hide() })
	form := widget.NewForm(
		widget.NewFormItem(lang.L("URL"), c.url),
		widget.NewFormItem(lang.L("Password"), c.password),
		widget.NewFormItem("", container.NewBorder(nil, nil, c.test, nil)),
		widget.NewFormItem("", c.result),
		widget.NewFormItem(lang.L("Table"), c.tables),
	)
	note := widget.NewLabel(lang.L("The password is used for this session only: workspaces and Open Recent keep the URL without it."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	buttons := container.NewHBox(layout.NewSpacer(), cancel, c.open)
	body := container.NewVBox(form, note, buttons)
	c.d = dialog.NewCustomWithoutButtons(lang.L("Connect to Database"), body, w.Win)
	// Tall enough for a failure of three lines: a wrapped label's height
	// is known only once laid out, and the dialog does not grow with it.
	c.d.Resize(fyne.NewSize(min(760, w.Win.Canvas().Size().Width-40), min(460, w.Win.Canvas().Size().Height-40)))
	w.show(c.d)
	w.Win.Canvas().Focus(c.url)
	return c
}

// address is the URL typed, parsed, with the password typed (which wins
// over one written in the URL).
func (c *connectDialog) address() (engine.Address, error) {
	a, err := engine.Parse(strings.TrimSpace(c.url.Text))
	if err != nil {
		return a, err
	}
	if p := c.password.Text; p != "" {
		a = a.WithPassword(p)
	}
	return a, nil
}

// say shows the test's one sentence, in red when it is a failure.
func (c *connectDialog) say(text string, failed bool) {
	c.result.Importance = widget.MediumImportance
	if failed {
		c.result.Importance = widget.DangerImportance
	}
	c.result.SetText(text)
}

// runTest connects to the database in the background, lists its tables
// and views, and says in one sentence how it went. A password written in
// the URL moves to the password box, out of sight.
func (c *connectDialog) runTest() {
	a, err := c.address()
	if err != nil {
		c.say(err.Error(), true)
		return
	}
	if a.Password() != "" && c.password.Text == "" {
		c.password.SetText(a.Password())
	}
	c.url.SetText(a.String())
	c.gen++
	gen := c.gen
	c.test.Disable()
	c.say(fmt.Sprintf(lang.L("Connecting to %s…"), a.Host), false)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), testTime)
		defer cancel()
		names, err := server.Tables(ctx, a.WithTable(""))
		c.w.do(func() {
			if gen != c.gen {
				return
			}
			c.test.Enable()
			c.answered(a, names, err)
			if c.done != nil {
				c.done()
			}
		})
	}()
}

// answered shows what the test found: the tables to pick from, the table
// the URL names picked, or why it failed.
func (c *connectDialog) answered(a engine.Address, names []string, err error) {
	if err != nil {
		c.tables.Options = nil
		c.tables.ClearSelected()
		c.tables.Refresh()
		c.say(testFailure(a, err), true)
		return
	}
	c.tested = a
	c.tables.Options = names
	c.tables.PlaceHolder = lang.L("(choose a table or view)")
	c.tables.Refresh()
	engineName := map[string]string{"clickhouse": "ClickHouse", "postgres": "PostgreSQL"}[a.Engine]
	if len(names) == 0 {
		c.say(fmt.Sprintf(lang.L("Connected to %s at %s, but database %s has no tables or views."), engineName, a.Host, a.Database), true)
		return
	}
	c.say(fmt.Sprintf(lang.L("Connected to %s at %s: database %s has %s."), engineName, a.Host, a.Database,
		plural(len(names), "1 table or view", "%s tables and views")), false)
	switch {
	case a.Table != "" && slices.Contains(names, a.Table):
		c.tables.SetSelected(a.Table)
	case len(names) == 1:
		c.tables.SetSelected(names[0])
	}
}

// testFailure is the sentence a failed test shows: the engine's own, or,
// for a server that took too long to let the test in, where and how long.
func testFailure(a engine.Address, err error) string {
	if err == context.DeadlineExceeded { // the test's own time, not wrapped
		return fmt.Sprintf(lang.L("%s did not answer within %s seconds."), a.Host, thousands(int(testTime.Seconds())))
	}
	return err.Error()
}

// openTable opens the table picked, or the one the URL names, in a tab
// of its own, with the password typed, and closes the dialog.
func (c *connectDialog) openTable() {
	a, err := c.address()
	if err != nil {
		c.say(err.Error(), true)
		return
	}
	if t := c.tables.Selected; t != "" {
		a = a.WithTable(t)
	}
	if a.Table == "" {
		c.say(lang.L("Choose a table: Test Connection lists them."), true)
		return
	}
	c.d.Hide()
	c.w.enqueue(request{Path: a.String(), Password: a.Password()})
}

// passwordDialog asks for the password of a table whose server refused
// the one it had: a workspace or Open Recent opening it without one in
// the environment, or one that changed.
func (w *Window) passwordDialog(refused error, answer func(password string, ok bool)) {
	e := w.dialogEntry(false)
	e.Password = true
	e.SetPlaceHolder(lang.L("Password"))
	msg := widget.NewLabel(refused.Error())
	msg.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel(lang.L("The password is used for this session only: workspaces and Open Recent keep the URL without it."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	var d dialog.Dialog
	answered := false
	give := func(ok bool) {
		if answered {
			return
		}
		answered = true
		d.Hide()
		answer(e.Text, ok)
	}
	e.OnSubmitted = func(string) { give(true) }
	d = dialog.NewCustomConfirm(lang.L("Password Needed"), lang.L("Open"), lang.L("Cancel"),
		container.NewVBox(msg, e, note), give, w.Win)
	d.Resize(fyne.NewSize(min(640, w.Win.Canvas().Size().Width-40), 0))
	w.show(d)
	w.Win.Canvas().Focus(e)
}
