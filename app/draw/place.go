package draw

// Box is a rectangle in pixels, from its top-left (X0, Y0) to its
// bottom-right (X1, Y1) corner.
type Box struct{ X0, Y0, X1, Y1 float64 }

// Overlaps reports whether b and o share any area.
func (b Box) Overlaps(o Box) bool {
	return b.X0 < o.X1 && o.X0 < b.X1 && b.Y0 < o.Y1 && o.Y0 < b.Y1
}

// Occupied is the list of boxes labels and marks already take, for
// placing labels that never overprint: a label goes where Free says, and
// then Takes its box. A plain list is enough for the few hundred labels a
// picture can hold; rows of a timeline use Row instead.
type Occupied []Box

// Free reports whether b overlaps none of the boxes taken.
func (o Occupied) Free(b Box) bool {
	for _, t := range o {
		if t.Overlaps(b) {
			return false
		}
	}
	return true
}

// Take adds b to the boxes taken.
func (o *Occupied) Take(b Box) { *o = append(*o, b) }

// Fit returns text as it fits in width pixels: whole, else cut at a letter
// and ended with "…", else "" when not even three letters and the ellipsis
// fit. Labels are shortened rather than overprinted.
func Fit(f Face, text string, width float64) string {
	if text == "" || f.Width(text) <= width {
		return text
	}
	r := []rune(text)
	// The longest prefix that fits, found by halving: Width is the cost.
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if f.Width(string(r[:mid])+"…") <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo < 3 && lo < len(r) {
		return ""
	}
	cut := r[:lo]
	for len(cut) > 0 && cut[len(cut)-1] == ' ' {
		cut = cut[:len(cut)-1]
	}
	return string(cut) + "…"
}
