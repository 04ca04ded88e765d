package window

import (
	"os"
	"testing"
)

// TestMain keeps the tests' recent files, remembered mappings and
// recovery files out of the user's configuration.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "chronomap-window-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
