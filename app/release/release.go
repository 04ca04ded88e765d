// Package release says which release of Chronomap this is. The one
// version is FyneApp.toml's, which the packaging tool reads too: main
// embeds that file and hands it to Parse, so the command line, Help ▸
// About and the packages' names cannot disagree.
package release

import (
	"fmt"
	"runtime/debug"

	"github.com/BurntSushi/toml"
)

// Info is what FyneApp.toml says of the application.
type Info struct {
	Name    string
	ID      string
	Version string
	Build   int
}

// Parse reads FyneApp.toml's [Details].
func Parse(b []byte) (Info, error) {
	var f struct{ Details Info }
	if _, err := toml.Decode(string(b), &f); err != nil {
		return Info{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	if f.Details.Version == "" {
		return Info{}, fmt.Errorf("FyneApp.toml: no Version in [Details]")
	}
	return f.Details, nil
}

// Revision is the git commit the binary was built from, as the Go tool
// stamps it ("3f2a9c1", "3f2a9c1+changes" for a build with uncommitted
// changes), or "" when the build has none (go run, a build outside git).
func Revision() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 7 {
		rev = rev[:7]
	}
	if rev != "" && dirty {
		rev += "+changes"
	}
	return rev
}

// String is the version as `chronomap --version` prints it:
// "chronomap 0.1.0", with the commit where it is known
// ("chronomap 0.1.0 (3f2a9c1)").
func (i Info) String() string {
	s := "chronomap " + i.Version
	if r := Revision(); r != "" {
		s += " (" + r + ")"
	}
	return s
}
