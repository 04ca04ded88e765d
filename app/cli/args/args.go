// Package args holds what the sub-commands share in reading their
// command lines.
package args

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// Interleaved returns args with every flag moved before the operands, so
// that flags typed after the files (`inspect data.csv --json`) count as
// people expect; the standard flag package stops at the first operand. A
// flag of fs that is not a boolean takes the next argument as its value,
// unless written --flag=value; "--" ends the flags.
func Interleaved(fs *flag.FlagSet, args []string) []string {
	var flags, operands []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			operands = append(operands, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && len(a) > 1:
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") || isBool(fs, name) {
				continue
			}
			if i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			operands = append(operands, a)
		}
	}
	return append(append(flags, "--"), operands...)
}

// isBool reports whether a flag of fs is a boolean (or unknown, which the
// flag package will refuse by itself).
func isBool(fs *flag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	if f == nil {
		return true
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// Flags returns the flag set of a sub-command: errors and the usage go to
// stderr, the usage being its one-line synopsis and then its flags.
func Flags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: "+synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// Multi collects a repeated flag, such as --map.
type Multi []string

func (m *Multi) String() string     { return strings.Join(*m, " ") }
func (m *Multi) Set(v string) error { *m = append(*m, v); return nil }
