package release

import (
	"os"
	"strings"
	"testing"
)

// TestTheProjectsFile reads the FyneApp.toml main embeds.
func TestTheProjectsFile(t *testing.T) {
	b, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	info, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if info.Name != "Chronomap" || info.ID != "org.chronomap.app" || !strings.Contains(string(b), `Version = "`+info.Version+`"`) {
		t.Errorf("read %+v", info)
	}
	if !strings.HasPrefix(info.String(), "chronomap "+info.Version) {
		t.Errorf("String() = %q", info.String())
	}
}

func TestParseRefuses(t *testing.T) {
	for _, in := range []string{"[Details\n", "[Details]\nName = \"x\"\n", "Version = 3"} {
		if _, err := Parse([]byte(in)); err == nil || !strings.HasPrefix(err.Error(), "FyneApp.toml: ") {
			t.Errorf("Parse(%q) = %v", in, err)
		}
	}
}
