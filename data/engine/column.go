package engine

// Kind is what an engine column holds, as far as events are concerned.
type Kind uint8

const (
	Other   Kind = iota // arrays, maps, binary: shown as text, never a role
	Text                // strings
	Integer             // whole numbers
	Number              // decimal numbers
	Date                // calendar days
	Time                // instants: DateTime, timestamp, timestamptz
	Point               // a PostGIS geometry or geography
	Bool
)

func (k Kind) String() string {
	return [...]string{"other", "text", "integer", "number", "date", "time", "geometry", "boolean"}[k]
}

// numeric reports whether values of kind k are numbers.
func (k Kind) numeric() bool { return k == Integer || k == Number }

// Column is one column of an engine table.
type Column struct {
	Name string
	Type string // as the engine names it: "Nullable(Float64)", "timestamp with time zone"
	Kind Kind
}

// Columns written by `chronomap import` beside the file's own: what the
// reader made of each row, so that an imported table answers exactly as
// the file does in memory (dates in any language and precision, places
// found by name, text folded for search).
const (
	RowColumn   = "chronomap_row"   // the file's data row, 1-based
	StartColumn = "chronomap_start" // Unix seconds at which the event begins; NULL for a row without a usable date
	StopColumn  = "chronomap_stop"  // Unix seconds at which all it covers ends, exclusive
	LatColumn   = "chronomap_lat"   // degrees; NULL for an event not placed
	LonColumn   = "chronomap_lon"
	TextColumn  = "chronomap_text" // the row's text columns, folded as the search box folds them
)

// Imported lists the columns import adds, in their order.
var Imported = []string{RowColumn, StartColumn, StopColumn, LatColumn, LonColumn, TextColumn}
