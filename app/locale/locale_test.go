package locale

import "testing"

// TestIsC checks which locale names count as the C locale.
func TestIsC(t *testing.T) {
	for v, want := range map[string]bool{
		"C": true, "C.UTF-8": true, "POSIX": true, "C.utf8": true, "C@euro": true,
		"de_DE.UTF-8": false, "en_US": false, "": false, "Ca_ES": false,
	} {
		if got := isC(v); got != want {
			t.Errorf("isC(%q) = %v, want %v", v, got, want)
		}
	}
}
