package args

import (
	"flag"
	"slices"
	"testing"
)

// TestInterleaved checks that flags after operands move before them, with
// their values, and that booleans and --flag=value take no value.
func TestInterleaved(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.Bool("json", false, "")
	fs.String("map", "", "")
	got := Interleaved(fs, []string{"a.csv", "--json", "b.csv", "--map", "start=Datum", "--map=lat=Breite", "--", "--odd.csv"})
	want := []string{"--json", "--map", "start=Datum", "--map=lat=Breite", "--", "a.csv", "b.csv", "--odd.csv"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
