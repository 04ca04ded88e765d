package timeline

import "testing"

// TestCount checks the number of events a lane's note gives, grouped as
// the chart's language groups digits.
func TestCount(t *testing.T) {
	for _, c := range []struct {
		lang Lang
		n    int
		want string
	}{
		{English, 1, "1 event"},
		{English, 0, "0 events"},
		{English, 1234567, "1,234,567 events"},
		{German, 1, "1 Ereignis"},
		{German, 1234567, "1.234.567 Ereignisse"},
	} {
		if got := (&Chart{Lang: c.lang}).count(c.n); got != c.want {
			t.Errorf("count(%d) in language %d = %q, want %q", c.n, c.lang, got, c.want)
		}
	}
}
