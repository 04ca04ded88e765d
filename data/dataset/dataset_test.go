package dataset

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"chronomap/data/events"
)

func sample(t testing.TB) *Dataset {
	t.Helper()
	d, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLoadSample(t *testing.T) {
	d := sample(t)
	if d.Len() != 6 || d.Index.Located != 6 {
		t.Fatalf("%d events, %d located; want 6, 6", d.Len(), d.Index.Located)
	}
	c := d.Categories
	if want := []string{"Military cooperation", "Diplomacy", "Information space"}; !slices.Equal(c.Names, want) {
		t.Errorf("categories %q, want %q (most frequent first)", c.Names, want)
	}
	if !slices.Equal(c.Counts, []int{3, 2, 1}) || c.Title != "category" {
		t.Errorf("counts %v, title %q", c.Counts, c.Title)
	}
	for i := range d.Len() {
		if name := d.Text(i, events.Category); c.Names[c.Of[i]] != name {
			t.Errorf("event %d: category %d (%s), its row says %q", i, c.Of[i], c.Names[c.Of[i]], name)
		}
		if d.Labels[i] != d.Text(i, events.Title) {
			t.Errorf("event %d labelled %q, want its title", i, d.Labels[i])
		}
		if d.RowEvent[d.Index.Row[i]] != int32(i) {
			t.Errorf("row %d does not lead back to event %d", d.Index.Row[i], i)
		}
	}
	// Three Moscow meetings came from Managua or Ouagadougou.
	arcs := 0
	for i := range d.Len() {
		if !math.IsNaN(d.OriginLat[i]) {
			arcs++
		}
	}
	if arcs != 3 {
		t.Errorf("%d events with an origin, want 3", arcs)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(context.Background(), File{Path: filepath.Join(t.TempDir(), "gone.csv")}, Options{}, nil)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want one wrapping fs.ErrNotExist", err)
	}
	if !strings.Contains(err.Error(), "gone.csv") {
		t.Errorf("%q does not name the file", err)
	}
}

func TestLoadOverridesAndOrder(t *testing.T) {
	csv := "when,what,where\n04/05/2023,a,Moscow\n05/06/2023,b,Yerevan\n"
	src := Bytes{Title: "x.csv", Data: []byte(csv)}
	d, err := Load(context.Background(), src, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 0 {
		t.Fatalf("ambiguous day/month read as %d events, want none until the order is chosen", d.Len())
	}
	d, err = Load(context.Background(), Bytes{Title: "x.csv", Data: []byte(csv)}, Options{Order: 1}, nil)
	if err != nil || d.Len() != 2 {
		t.Fatalf("with an order: %v, %d events", err, d.Len())
	}
	_, err = Load(context.Background(), Bytes{Title: "x.csv", Data: []byte(csv)}, Options{Overrides: []string{"start=nope"}}, nil)
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("an override naming no column: %v", err)
	}
}

func TestApplySearch(t *testing.T) {
	d := sample(t)
	m := d.Apply(Filter{Query: "shoigu"})
	if m.Counts.Shown != 3 || m.Counts.All != 6 || m.Counts.Located != 3 {
		t.Fatalf("counts %+v, want 3 of 6 shown, 3 located", m.Counts)
	}
	for i := range d.Len() {
		want := strings.Contains(d.Text(i, events.Title)+d.Text(i, events.Description), "Shoigu")
		if m.IsShown(i) != want {
			t.Errorf("event %d (%s): shown %v", i, d.Labels[i], m.IsShown(i))
		}
	}
	// Military cooperation: ev-03 and ev-05; Diplomacy: ev-04.
	if !slices.Equal(m.Counts.ShownBy, []int{2, 1, 0}) {
		t.Errorf("shown by category %v, want [2 1 0]", m.Counts.ShownBy)
	}
}

func TestApplyZeroShowsAll(t *testing.T) {
	d := sample(t)
	m := d.Apply(Filter{})
	if m.Shown != nil || m.Kept != nil || m.Narrowed() {
		t.Fatalf("the zero filter made masks")
	}
	if m.Counts.Shown != 6 || !slices.Equal(m.Counts.ShownBy, d.Categories.Counts) {
		t.Errorf("counts %+v", m.Counts)
	}
}

func TestApplyWindowCategoriesAndLocated(t *testing.T) {
	d := sample(t)
	day := func(s string) int64 {
		tm, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return tm.Unix()
	}
	// 7 November only: ev-02 (a range to the 7th), ev-03..05, and ev-06
	// (all of November) overlap it; ev-01 (3 November) does not.
	f := Filter{Window: &Window{From: day("2023-11-07"), To: day("2023-11-08")}}
	m := d.Apply(f)
	if m.Counts.Shown != 5 || m.Counts.Kept != 6 {
		t.Fatalf("window: %+v, want 5 shown, 6 kept (the window is the timeline's axis)", m.Counts)
	}
	f.HiddenCategories = []string{"Diplomacy", "no such category"}
	m = d.Apply(f)
	if m.Counts.Shown != 3 || m.Counts.Kept != 4 || !slices.Equal(m.Counts.KeptBy, []int{3, 0, 1}) {
		t.Fatalf("window, Diplomacy off: %+v", m.Counts)
	}
	m = d.Apply(Filter{LocatedOnly: true})
	if m.Counts.Shown != 6 {
		t.Errorf("located only: %d of 6 (every sample event is placed)", m.Counts.Shown)
	}
}

func TestApplyActors(t *testing.T) {
	d := sample(t)
	m := d.Apply(Filter{Actors: []string{"armenia"}})
	// ev-02's second actor and ev-06's first.
	if m.Counts.Shown != 2 {
		t.Fatalf("actor Armenia: %d events, want 2", m.Counts.Shown)
	}
}

func TestBoxAcrossAntimeridian(t *testing.T) {
	csv := "date,title,lat,lon\n" +
		"2024-01-01,Suva,-18.14,178.44\n" +
		"2024-01-02,Apia,-13.83,-171.76\n" +
		"2024-01-03,Nuku'alofa,-21.14,-175.2\n" +
		"2024-01-04,Greenwich,51.48,0\n" +
		"2024-01-05,Honolulu,21.31,-157.86\n" +
		"2024-01-06,no place,,\n"
	d, err := Load(context.Background(), Bytes{Title: "pacific.csv", Data: []byte(csv)}, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// From 170°E eastward over 180° to 170°W, 30°S to 0°.
	b := Box{MinLon: 170, MinLat: -30, MaxLon: -170, MaxLat: 0}
	if !b.CrossesAntimeridian() {
		t.Fatal("the box does not cross the antimeridian")
	}
	m := d.Apply(Filter{Box: &b})
	var got []string
	for i := range d.Len() {
		if m.IsShown(i) {
			got = append(got, d.Labels[i])
		}
	}
	if want := []string{"Suva", "Apia", "Nuku'alofa"}; !slices.Equal(got, want) {
		t.Errorf("box across the antimeridian keeps %q, want %q", got, want)
	}
	// The same box not crossing: from 170°W to 170°E, the other way round.
	m = d.Apply(Filter{Box: &Box{MinLon: -170, MinLat: -30, MaxLon: 170, MaxLat: 60}})
	got = got[:0]
	for i := range d.Len() {
		if m.IsShown(i) {
			got = append(got, d.Labels[i])
		}
	}
	if want := []string{"Greenwich", "Honolulu"}; !slices.Equal(got, want) {
		t.Errorf("box from 170°W to 170°E keeps %q, want %q", got, want)
	}
}

func TestBoxContainsEdges(t *testing.T) {
	b := Box{MinLon: 170, MinLat: -10, MaxLon: -170, MaxLat: 10}
	for _, c := range []struct {
		lon, lat float64
		in       bool
	}{{180, 0, true}, {-180, 0, true}, {170, 10, true}, {-170, -10, true}, {169.9, 0, false}, {-169.9, 0, false}, {0, 0, false}, {175, 10.1, false}, {math.NaN(), 0, false}} {
		if got := b.Contains(c.lon, c.lat); got != c.in {
			t.Errorf("Contains(%v, %v) = %v, want %v", c.lon, c.lat, got, c.in)
		}
	}
}

// bigCSV writes a CSV of n ACLED-like rows whose places are named, not
// given, so that every stage of a load has work to do.
func bigCSV(t testing.TB, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("event_date,event_type,actor1,location,country,notes\n")
	places := []string{"Moscow", "Yerevan", "Gyumri", "Managua", "Ouagadougou", "Kabul", "Herat"}
	types := []string{"Battles", "Protests", "Riots", "Explosions/Remote violence"}
	for i := range n {
		fmt.Fprintf(&b, "%04d-%02d-%02d,%s,Actor %d,%s,,note number %d about the event\n",
			2000+i%20, 1+i%12, 1+i%28, types[i%len(types)], i%97, places[i%len(places)], i)
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCancelEachStage cancels a load as each stage begins: the load must
// end with context.Canceled and no later stage may start. How long each
// took to stop is logged; BenchmarkCancel cancels halfway through each
// stage and reports it as a figure.
func TestCancelEachStage(t *testing.T) {
	path := bigCSV(t, 300_000)
	for _, stage := range []Stage{Reading, Parsing, Placing, Styling} {
		t.Run(fmt.Sprint(stage), func(t *testing.T) {
			took, seen, err := cancelAt(path, stage, 0)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if last := seen[len(seen)-1]; last != stage {
				t.Errorf("stages %v: went on to %v after the cancel", seen, last)
			}
			t.Logf("stopped %v after the cancel", took)
		})
	}
}

// cancelAt loads path and cancels after a delay from the moment stage
// begins; it returns how long the load took to return after the cancel,
// and the stages reported.
func cancelAt(path string, stage Stage, delay time.Duration) (time.Duration, []Stage, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	var at time.Time
	var seen []Stage
	armed := false // progress is told on the loading goroutine only
	_, err := Load(ctx, File{Path: path}, Options{}, func(p Progress) {
		if len(seen) == 0 || seen[len(seen)-1] != p.Stage {
			seen = append(seen, p.Stage)
		}
		if p.Stage == stage && !armed {
			armed = true
			stop := func() {
				mu.Lock()
				at = time.Now()
				mu.Unlock()
				cancel()
			}
			if delay == 0 {
				stop() // before the stage goes on
				return
			}
			time.AfterFunc(delay, stop)
		}
	})
	end := time.Now()
	mu.Lock()
	defer mu.Unlock()
	if at.IsZero() {
		return 0, seen, err
	}
	return end.Sub(at), seen, err
}

func (s Stage) String() string {
	return [...]string{"reading", "parsing", "placing", "styling", "done"}[s]
}

// BenchmarkCancel reports how long a load of 300,000 rows takes to stop
// when cancelled halfway through each stage, against the stage's length
// uncancelled.
func BenchmarkCancel(b *testing.B) {
	path := bigCSV(b, 300_000)
	for b.Loop() {
		begun := map[Stage]time.Time{}
		start := time.Now()
		if _, err := Load(context.Background(), File{Path: path}, Options{}, func(p Progress) {
			if _, ok := begun[p.Stage]; !ok {
				begun[p.Stage] = time.Now()
			}
		}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-whole-load")
		for _, s := range []Stage{Reading, Parsing, Placing, Styling} {
			length := begun[s+1].Sub(begun[s])
			took, _, _ := cancelAt(path, s, length/2)
			b.ReportMetric(float64(length.Microseconds())/1000, "ms-"+s.String())
			b.ReportMetric(float64(took.Microseconds())/1000, "ms-stop-"+s.String())
		}
	}
}

func TestBoxAround(t *testing.T) {
	csv := "date,title,lat,lon\n2024-01-01,Suva,-18.14,178.44\n2024-01-02,Apia,-13.83,-171.76\n2024-01-03,Greenwich,51.48,0\n2024-01-04,Moscow,55.75,37.62\n"
	d, err := Load(context.Background(), Bytes{Title: "x.csv", Data: []byte(csv)}, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ev := map[string]int{}
	for i := range d.Len() {
		ev[d.Labels[i]] = i
	}
	b := d.BoxAround([]int{ev["Suva"], ev["Apia"]})
	if b == nil || !b.CrossesAntimeridian() || b.MinLon != 178.44 || b.MaxLon != -171.76 || b.MinLat != -18.14 || b.MaxLat != -13.83 {
		t.Errorf("around Suva and Apia: %+v, want 178.44 to -171.76 across the antimeridian", b)
	}
	b = d.BoxAround([]int{ev["Greenwich"], ev["Moscow"]})
	if b == nil || b.CrossesAntimeridian() || b.MinLon != 0 || b.MaxLon != 37.62 {
		t.Errorf("around Greenwich and Moscow: %+v", b)
	}
	m := d.Apply(Filter{Box: d.BoxAround([]int{ev["Suva"], ev["Apia"]})})
	if m.Counts.Shown != 2 {
		t.Errorf("the box around Suva and Apia shows %d events, want them both", m.Counts.Shown)
	}
	if d.BoxAround(nil) != nil {
		t.Error("a box around nothing")
	}
}
