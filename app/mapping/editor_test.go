package mapping

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	_ "chronomap/app/locale" // quiets Fyne about the C locale tests run in
	"chronomap/data/dates"
	"chronomap/data/events"
	"chronomap/data/frame"
)

// protests is a small file with two date columns: "day" in ISO form and
// "when", the same dates written 04/05/2023, which no value settles as
// day-first or month-first. Row 4 has no date; row 6 no coordinates.
const protests = `ref,day,when,headline,north,east,notes
1,2023-05-04,04/05/2023,Protest in Lyon,45.76,4.84,first of the spring
2,2023-02-03,03/02/2023,Strike in Nantes,47.22,-1.55,
3,2023-12-11,11/12/2023,March in Paris,48.86,2.35,
4,n/a,n/a,Rally,,,date lost
5,2023-08-07,07/08/2023,Vigil in Lille,50.63,3.06,
6,2023-01-02,01/02/2023,Sit-in in Rouen,,,no coordinates given
`

func fixture(t *testing.T) *frame.Frame {
	t.Helper()
	f, err := frame.ReadBytes("protests.csv", []byte(protests), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// harness runs an editor as the window would, with a short pause before
// counting: counts reach the widgets through ui, which the test goroutine
// drains as the UI goroutine drains fyne.Do's queue.
type harness struct {
	e   *Editor
	ui  chan func()
	got chan Counts
}

func newHarness(t *testing.T, e *Editor) *harness {
	t.Helper()
	h := &harness{e: e, ui: make(chan func(), 64), got: make(chan Counts, 64)}
	e.counter.delay = 5 * time.Millisecond
	e.counter.do = func(fn func()) { h.ui <- fn }
	e.OnCounted = func(c Counts) { h.got <- c }
	t.Cleanup(func() { e.stop(); e.counter.jobs.Wait() })
	return h
}

// shown puts an editor in a test window.
func shown(t *testing.T, e *Editor) *harness {
	t.Helper()
	h := newHarness(t, e)
	w := test.NewWindow(e)
	w.Resize(fyne.NewSize(1000, 600))
	t.Cleanup(w.Close)
	return h
}

// next runs what the counter hands to the UI goroutine until counts arrive.
func (h *harness) next(t *testing.T) Counts {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case c := <-h.got:
			return c
		case fn := <-h.ui:
			fn()
		case <-timeout:
			t.Fatal("no counts arrived")
		}
	}
}

// pick chooses a role in a column's menu as the user would.
func pick(t *testing.T, e *Editor, col string, r events.Role) {
	t.Helper()
	i := slices.Index(e.frame.Names(), col)
	if i < 0 {
		t.Fatalf("no column %q", col)
	}
	e.roles[i].SetSelected(roleLabel(r))
}

func TestStartMakesEvents(t *testing.T) {
	test.NewTempApp(t)
	f := fixture(t)
	e := NewEditor(f, events.Mapping{})
	h := shown(t, e)

	c := h.next(t)
	if c.Rows != 6 || c.Events != 0 || c.Problems != 1 { // the problem: no date column
		t.Errorf("without a start: %+v, want 6 rows, 0 events, 1 problem", c)
	}
	pick(t, e, "day", events.Start)
	if e.status.Text != countingLine() {
		t.Errorf("status while counting = %q", e.status.Text)
	}
	c = h.next(t)
	if c.Events != 5 || c.Located != 0 || c.Problems != 1 { // row 4's "n/a"
		t.Errorf("start=day: %+v, want 5 events, 0 located, 1 problem", c)
	}
	if want := "5 events · 0 located · 1 problem"; e.status.Text != want {
		t.Errorf("status = %q, want %q", e.status.Text, want)
	}
	if got := e.Mapping().Get(events.Start); !slices.Equal(got, []string{"day"}) {
		t.Errorf("mapping's start = %q, want [day]", got)
	}

	pick(t, e, "day", "")
	if c = h.next(t); c.Events != 0 {
		t.Errorf("start cleared: %d events, want 0", c.Events)
	}
}

func TestLatLonLocate(t *testing.T) {
	test.NewTempApp(t)
	f := fixture(t)
	var m events.Mapping
	if err := m.Apply(f, []string{"start=day"}); err != nil {
		t.Fatal(err)
	}
	e := NewEditor(f, m)
	h := shown(t, e)
	if c := h.next(t); c.Located != 0 {
		t.Fatalf("before lat/lon: %d located", c.Located)
	}

	var changes []events.Mapping
	e.OnChanged = func(m events.Mapping) { changes = append(changes, m) }
	pick(t, e, "north", events.Lat)
	pick(t, e, "east", events.Lon)
	c := h.next(t)
	// Rows 1, 2, 3 and 5 have coordinates; row 4 has no date, so no
	// event; the fifth event is not placed, and listed.
	if c.Events != 5 || c.Located != 4 || c.Problems != 2 {
		t.Errorf("lat/lon: %+v, want 5 events, 4 located, 2 problems", c)
	}
	if len(changes) != 2 || changes[1].RoleOf("north") != events.Lat || changes[1].RoleOf("east") != events.Lon {
		t.Errorf("OnChanged got %v", changes)
	}
	if e.Mapping().Why[events.Lat] == "" {
		t.Error("latitude set without a reason")
	}
}

func TestAmbiguousOrder(t *testing.T) {
	test.NewTempApp(t)
	f := fixture(t)
	var m events.Mapping
	if err := m.Apply(f, []string{"start=when"}); err != nil {
		t.Fatal(err)
	}
	e := NewEditor(f, m)
	h := shown(t, e)

	c := h.next(t)
	// One problem for the column, one for each of its five dates that read
	// both ways, and row 4's "n/a".
	if c.Events != 0 || c.Problems != 7 || len(c.Ambiguous) != 1 || c.Ambiguous[0].Column != "when" {
		t.Errorf("ambiguous: %+v, want 0 events, 7 problems, \"when\" ambiguous", c)
	}
	if !e.orderBand.Visible() {
		t.Error("the order choice is hidden while the dates are ambiguous")
	}
	if c.Ambiguous[0].Example != "04/05/2023" {
		t.Errorf("example = %q", c.Ambiguous[0].Example)
	}

	e.order.SetSelected(orderLabels()[1]) // month first, then changed
	h.next(t)
	e.order.SetSelected(orderLabels()[0]) // day first
	c = h.next(t)
	if c.Events != 5 || c.Problems != 1 {
		t.Errorf("day first: %+v, want 5 events, 1 problem", c)
	}
	if e.Mapping().Order != dates.DayFirst {
		t.Errorf("order = %v, want day-first", e.Mapping().Order)
	}
	if !e.orderBand.Visible() {
		t.Error("the order choice went away once made; the user could not change it")
	}
	x, _ := events.Build(f, e.Mapping())
	if first := x.StartTime(0).String(); first != "2023-02-01" { // "01/02/2023" read day first
		t.Errorf("earliest event %s, want 2023-02-01", first)
	}

	e.order.SetSelected("") // the choice taken back
	if c = h.next(t); c.Events != 0 || e.Mapping().Order != dates.Unknown {
		t.Errorf("choice cleared: %d events, order %v; want 0, unknown", c.Events, e.Mapping().Order)
	}

	pick(t, e, "day", events.Start) // ISO dates: nothing to choose
	if c = h.next(t); len(c.Ambiguous) != 0 || e.orderBand.Visible() {
		t.Errorf("start=day: ambiguous %v, choice visible %v", c.Ambiguous, e.orderBand.Visible())
	}
}

// TestDetectedReasons checks that the editor starts from the detected
// mapping and shows each role's reason.
func TestDetectedReasons(t *testing.T) {
	test.NewTempApp(t)
	f := fixture(t)
	m := events.Detect(f)
	e := NewEditor(f, m)
	h := shown(t, e)
	h.next(t)
	i := slices.Index(f.Names(), "headline")
	if e.roles[i].Selected != roleLabel(events.Title) {
		t.Errorf("headline's menu shows %q, want %q", e.roles[i].Selected, roleLabel(events.Title))
	}
	r := test.WidgetRenderer(e.sheet).(*sheetRenderer)
	if why := r.reasons[i][0].Text; why == "" || why != m.Why[events.Title][:len(why)] {
		t.Errorf("headline's reason reads %q, want the start of %q", why, m.Why[events.Title])
	}
	if n := slices.Index(f.Names(), "notes"); r.reasons[n][0].Text != "" && m.RoleOf("notes") == "" {
		t.Errorf("notes plays no role but shows reason %q", r.reasons[n][0].Text)
	}
}

// TestStaleCount checks that a count finishing after the mapping changed
// is dropped, and that only the newest mapping is counted.
func TestStaleCount(t *testing.T) {
	test.NewTempApp(t)
	f := fixture(t)
	e := NewEditor(f, events.Mapping{})
	release := make(chan struct{})
	calls := make(chan events.Mapping, 8)
	first := true
	e.counter.count = func(f *frame.Frame, m events.Mapping) Counts {
		calls <- m
		if first { // the count of the first mapping outlasts the change
			first = false
			<-release
		}
		return count(f, m)
	}
	h := shown(t, e)
	<-calls // the first count is running
	pick(t, e, "day", events.Start)
	pick(t, e, "north", events.Lat)
	pick(t, e, "east", events.Lon)
	// Past the pause, the last change waits for the running count.
	paused := func() bool {
		e.counter.mu.Lock()
		defer e.counter.mu.Unlock()
		return !e.counter.waiting
	}
	for deadline := time.Now().Add(20 * time.Second); !paused(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the pause after the last change did not end in 20 s")
		}
	}
	close(release)

	c := h.next(t)
	if c.Events != 5 || c.Located != 4 {
		t.Errorf("counts shown %+v, want the newest mapping's 5 events, 4 located", c)
	}
	m := <-calls
	if m.RoleOf("east") != events.Lon {
		t.Errorf("second count was of %v, want the newest mapping", m.Columns)
	}
	e.counter.jobs.Wait()
	select {
	case fn := <-h.ui:
		fn()
		t.Errorf("a further count was handed over: %+v", <-h.got)
	case m := <-calls:
		t.Errorf("an intermediate mapping was counted: %v", m.Columns)
	case <-time.After(100 * time.Millisecond):
	}
	if want := "5 events · 4 located · 2 problems"; e.status.Text != want { // no date, no place
		t.Errorf("status = %q, want %q", e.status.Text, want)
	}
}

// TestDebounce checks that a burst of changes is counted once, with the
// last mapping.
func TestDebounce(t *testing.T) {
	test.NewTempApp(t)
	f := fixture(t)
	var counted []events.Mapping
	done := make(chan Counts, 8)
	c := newCounter(f, func(n Counts) { done <- n })
	c.delay = 50 * time.Millisecond
	c.count = func(f *frame.Frame, m events.Mapping) Counts {
		counted = append(counted, m)
		return count(f, m)
	}
	var m events.Mapping
	for _, col := range []string{"ref", "day", "when", "day"} {
		m, _ = withRole(f, m, col, events.Start)
		c.request(m)
	}
	var n Counts
	select {
	case n = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("no counts arrived")
	}
	c.jobs.Wait()
	if len(counted) != 1 || counted[0].RoleOf("day") != events.Start || n.Events != 5 {
		t.Errorf("counted %d mappings (%v), last gave %d events; want one, start=day, 5 events", len(counted), counted, n.Events)
	}
}

// TestStopDropsCounts checks that nothing arrives once the dialog closed.
func TestStopDropsCounts(t *testing.T) {
	test.NewTempApp(t)
	f := fixture(t)
	done := make(chan Counts, 1)
	c := newCounter(f, func(n Counts) { done <- n })
	c.delay = time.Millisecond
	c.request(events.Mapping{})
	c.stop()
	time.Sleep(20 * time.Millisecond)
	c.jobs.Wait()
	select {
	case n := <-done:
		t.Errorf("counts arrived after stop: %+v", n)
	default:
	}
}

// TestHeaderOnly checks that a file of a header alone shows and counts.
func TestHeaderOnly(t *testing.T) {
	test.NewTempApp(t)
	f, err := frame.ReadBytes("empty.csv", []byte("date,title\n"), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := NewEditor(f, events.Detect(f))
	h := shown(t, e)
	if c := h.next(t); c.Rows != 0 || c.Events != 0 {
		t.Errorf("header only: %+v", c)
	}
}
