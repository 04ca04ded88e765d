package engine

import (
	"fmt"
	"strings"
)

// Dialect is how an engine writes what the queries need. Everything else
// in the SQL of this package is written once, for both engines.
type Dialect interface {
	// Name is the engine's name, for messages: "ClickHouse".
	Name() string
	// Quote writes a name as a quoted identifier that means exactly that
	// name, whatever characters it holds.
	Quote(name string) string
	// Int and Float cast an expression to a 64-bit integer or float.
	Int(expr string) string
	Float(expr string) string
	// Text writes a column of kind k as text, '' where it is NULL.
	Text(expr string, k Kind) string
	// Epoch gives the Unix seconds of a time column of kind k (NULL where
	// it is NULL); for numbers, the number read as Unix seconds, or as
	// milliseconds when millis.
	Epoch(expr string, k Kind, millis bool) string
	// Lon and Lat are a geometry column's coordinates.
	Lon(expr string) string
	Lat(expr string) string
	// Contains is true where the text holds the word given by the
	// parameter param, ignoring case; Word is the argument bound to it.
	Contains(text, param string) string
	Word(w string) any
	// Holds is true where the text holds the word given by the
	// parameter (bound as Word writes it), case as it is.
	Holds(text, param string) string
	// Lower lower-cases text and trims the white space around it.
	Lower(expr string) string
	// Div divides a non-negative integer by a positive one, rounding
	// down.
	Div(a, b string) string
	// In is the operator that tests a value against a subquery's rows
	// wherever the table's shards are.
	In() string
	// Floor rounds a float down to a 64-bit integer.
	Floor(expr string) string
	// Key writes an event's start as import sorts its tables by it, so
	// that a condition on a range of starts reads that range only: the
	// time windows and pages of a hundred million events.
	Key(start string) string
}

// param is the n-th (1-based) query parameter: both drivers take $n.
func param(n int) string { return fmt.Sprintf("$%d", n) }

// args collects a query's parameters, numbering them.
type args struct{ list []any }

// add binds a value and returns its placeholder.
func (a *args) add(v any) string {
	a.list = append(a.list, v)
	return param(len(a.list))
}

// QuoteDoubled quotes an identifier in double quotes, doubling the
// double quotes inside: standard SQL, as PostgreSQL reads it.
func QuoteDoubled(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
