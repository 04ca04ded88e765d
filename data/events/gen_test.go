package events

import "chronomap/data/events/eventstest"

// acledLike generates n rows of an ACLED-like CSV export (see
// eventstest.ACLEDLike).
func acledLike(n int) []byte { return eventstest.ACLEDLike(n) }
