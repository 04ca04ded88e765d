package report

// decoy says why a date is not an event's date, or "" when it is one:
//   - "since": the start of a state of affairs ("seit dem Jahr 2015",
//     "since January", "since the Beslan school siege in 2004");
//   - "until": a deadline ("bis Mittwoch", "by Friday");
//   - "publication": the report's own date ("Veröffentlicht am …",
//     "Updated March 24");
//   - "born": a birthday;
//   - "for": a period something is meant for ("für das kommende Jahr");
//   - "cancelled": what did not take place ("Ein für Freitag geplanter
//     Besuch wurde abgesagt");
//   - "said": the day something was said ("the air force said on
//     Friday"), which is the event's only when nothing else is.
func (sc *scanner) decoy(m mention) string {
	toks := sc.toks
	// Look back over the words before the date, within its clause.
	for k, n := m.i-1, 0; k >= 0 && n < 7; k, n = k-1, n+1 {
		t := toks[k]
		if t.kind == tPunct && t.s != "-" && t.s != "." {
			break
		}
		switch {
		case t.is("seit", "since", "seitdem", "ever"):
			return "since"
		case publicationWords[t.lower] && n < 5:
			return "publication"
		case t.is("geboren", "born", "geb"):
			return "born"
		case n <= 2 && t.is("bis", "until", "till", "by") && !sc.rangeBefore(k):
			return "until"
		case n <= 2 && t.is("für", "for") && m.spec.kind == dDeictic:
			return "for"
		case n == 0 && speechVerbs[t.lower], n == 1 && speechVerbs[t.lower] && toks[k+1].is("on", "am", "at"):
			return "said"
		case t.is("mit") && k+1 < len(toks) && toks[k+1].is("wirkung"):
			return "until"
		}
	}
	lo, hi := clause(toks, m)
	for k := lo; k < hi; k++ {
		if cancelWords[toks[k].lower] || toks[k].is("called") && k+1 < len(toks) && toks[k+1].is("off") {
			return "cancelled"
		}
	}
	for k := m.j; k < len(toks) && k < m.j+2; k++ {
		if toks[k].is("geboren", "geborene", "geborenen", "born") {
			return "born"
		}
	}
	// "Published March 23, 2024. Updated March 24, 2024.": a line of the
	// report's own dates.
	if m.i > 0 && publicationWords[toks[0].lower] && m.i < 8 {
		return "publication"
	}
	return ""
}

// rangeBefore reports a "vom", "from" or "between" shortly before token k,
// which makes its "bis" the end of a span rather than a deadline.
func (sc *scanner) rangeBefore(k int) bool {
	for q := k - 1; q >= 0 && q >= k-4; q-- {
		if sc.toks[q].is("vom", "von", "from", "between", "zwischen") {
			return true
		}
	}
	return false
}

// pubPhrase returns the words of a publication line up to its date, for
// why: "Veröffentlicht am 21. Juni 2024".
func pubPhrase(text string, toks []token, m mention) string {
	from := m.from
	for from > 0 && m.from-from < 3 && (toks[from-1].kind == tWord || toks[from-1].punct(":")) {
		from--
	}
	return join(text, toks, from, m.j)
}
