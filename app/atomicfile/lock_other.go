//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package atomicfile

import "os"

// lock does nothing where there are no advisory file locks: temporary
// files are then removed by age alone.
func lock(*os.File) {}

// abandoned cannot tell here.
func abandoned(string) bool { return false }
