package engine

import (
	"errors"
	"fmt"
)

// Error is one sentence about what went wrong at an address. Its text
// never holds the address's password, even where the cause's text does;
// the cause is kept for errors.Is and errors.As.
type Error struct {
	msg   string
	cause error
	// refused marks a server that turned the user or the password down,
	// so that the window can ask for a password (errors.Is ErrRefused).
	refused bool
}

func (e *Error) Error() string { return e.msg }
func (e *Error) Unwrap() error { return e.cause }

// Is reports whether the error is ErrRefused, for a refused login.
func (e *Error) Is(target error) bool { return e.refused && target == ErrRefused }

// ErrRefused is what errors.Is finds in an error of a server that
// refused the user name or the password.
var ErrRefused = errors.New("the server refused the user name or password")

// Errorf makes an Error: the address (without its password), a colon,
// and the formatted sentence. Text taken from a driver's error goes
// through Address.Hide first.
func Errorf(a Address, cause error, format string, args ...any) error {
	return &Error{msg: a.String() + ": " + fmt.Sprintf(format, args...), cause: cause}
}

// Refusedf is Errorf for a server that refused the user name or the
// password: errors.Is(err, ErrRefused) holds for it.
func Refusedf(a Address, cause error, format string, args ...any) error {
	return &Error{msg: a.String() + ": " + fmt.Sprintf(format, args...), cause: cause, refused: true}
}
