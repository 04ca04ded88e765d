package pacer

import (
	"runtime/debug"
	"testing"
)

// TestTightRestores checks that overlapping builds share the tight target
// and that the last one to end restores the caller's setting.
func TestTightRestores(t *testing.T) {
	old := debug.SetGCPercent(150)
	defer debug.SetGCPercent(old)

	endA := Tight()
	endB := Tight()
	if got := debug.SetGCPercent(buildGCPercent); got != buildGCPercent {
		t.Errorf("during builds the target is %d, want %d", got, buildGCPercent)
	}
	endA()
	if got := debug.SetGCPercent(buildGCPercent); got != buildGCPercent {
		t.Errorf("with one build left the target is %d, want %d", got, buildGCPercent)
	}
	endB()
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("after the builds the target is %d, want 150 again", got)
	}
}

// TestTightKeepsTighter checks that a setting already tighter than the
// build target is left alone.
func TestTightKeepsTighter(t *testing.T) {
	old := debug.SetGCPercent(5)
	defer debug.SetGCPercent(old)
	end := Tight()
	if got := debug.SetGCPercent(5); got != 5 {
		t.Errorf("the target became %d, want the tighter 5 kept", got)
	}
	end()
	if got := debug.SetGCPercent(5); got != 5 {
		t.Errorf("after the build the target is %d, want 5", got)
	}
}
