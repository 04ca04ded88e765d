package engine

import "fmt"

// Error is one sentence about what went wrong at an address. Its text
// never holds the address's password, even where the cause's text does;
// the cause is kept for errors.Is and errors.As.
type Error struct {
	msg   string
	cause error
}

func (e *Error) Error() string { return e.msg }
func (e *Error) Unwrap() error { return e.cause }

// Errorf makes an Error: the address (without its password), a colon,
// and the formatted sentence. Text taken from a driver's error goes
// through Address.Hide first.
func Errorf(a Address, cause error, format string, args ...any) error {
	return &Error{msg: a.String() + ": " + fmt.Sprintf(format, args...), cause: cause}
}
