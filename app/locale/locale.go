// Package locale settles the interface language before Fyne reads it.
//
// Fyne looks up the user's locale while its packages initialise and logs
// an error for the C and POSIX locales of servers, containers and CI
// ("Error parsing user locale C"), even for `chronomap inspect`, which
// prints no interface text at all. The C locale means "no localisation",
// which is English, so this package says so in the environment. It imports
// only the standard library and its path sorts before fyne.io, so Go's
// initialisation order (by import path, dependencies first) runs it before
// Fyne's packages; main imports it for that effect alone.
package locale

import (
	"os"
	"strings"
)

func init() {
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(key)
		if v == "" {
			continue
		}
		if isC(v) {
			os.Setenv(key, "en_US.UTF-8")
		}
		return // the first one set decides, as in libc
	}
	os.Setenv("LANG", "en_US.UTF-8")
}

// isC reports whether a locale name is the C or POSIX locale, with or
// without an encoding ("C.UTF-8").
func isC(v string) bool {
	base, _, _ := strings.Cut(v, ".")
	base, _, _ = strings.Cut(base, "@")
	return base == "C" || base == "POSIX"
}
