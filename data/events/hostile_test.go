package events

import (
	"runtime"
	"strings"
	"testing"

	"chronomap/data/frame"
)

// A place of 50 MB was quoted whole in its problem; clip turned a value
// whole into runes (6 GB for a 1.5 GB cell).
func TestHugeValuesAreQuotedShort(t *testing.T) {
	huge := strings.Repeat("Ortschaft ", 500_000) // 5 MB, cut by the reader to 1 MiB
	f, err := frame.ReadBytes("x.csv", []byte("date,place,lat\n2023-11-07,"+huge+",x"+huge+"\n"), frame.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, probs := Build(f, Detect(f))
	all := AllProblems(f, probs)
	runtime.ReadMemStats(&after)
	if len(all) < 2 {
		t.Fatalf("problems %+v", all)
	}
	for _, p := range all {
		if len(p.Value) > 4*80+3 || len(p.Detail) > 4*maxDetail+3 {
			t.Errorf("%s: value of %d bytes, detail of %d", p.Reason, len(p.Value), len(p.Detail))
		}
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("%d MB allocated for one row", grew>>20)
	}
	if got := clip(strings.Repeat("ж", 100)); got != strings.Repeat("ж", 80)+"…" || clip(got) != got || clip("kurz") != "kurz" {
		t.Errorf("clip: %q", got)
	}
}

// A column of counts, "100" on every row, became the date: the year AD 100.
func TestConstantWholeNumbersAreNoDate(t *testing.T) {
	for in, want := range map[string]string{
		"name,count\na,100\nb,100\nc,100\n":        "",
		"name,n\na,1914\nb,1914\nc,1914\n":         "",
		"name,n\na,1914\nb,1939\nc,1945\n":         "n",
		"name,stamp\na,1699315200\nb,1699401600\n": "stamp",
		"name,compact\na,20231107\nb,20231108\n":   "compact",
		"name,year\na,100\nb,100\n":                "year",
	} {
		f, err := frame.ReadBytes("x.csv", []byte(in), frame.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(Detect(f).Columns[Start], "+"); got != want {
			t.Errorf("%q: start %q, want %q", in, got, want)
		}
	}
}
