package window

import (
	"os"
	"testing"
)

// TestMain keeps the tests' recent files, remembered mappings and
// recovery files out of the user's configuration, and has the window
// speak English whatever the locale of the machine running the tests
// (TestWindowGerman asks for German itself).
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "chronomap-window-test")
	if err != nil {
		panic(err)
	}
	// The test app's storage folder, where the window keeps them, is
	// the temporary folder.
	os.Setenv("TMPDIR", dir)
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
		os.Unsetenv(k)
	}
	os.Setenv("LANG", "en_US.UTF-8")
	if err := addTranslations(); err != nil {
		// go-i18n's error lists every key of the file: the start says what.
		msg := err.Error()
		panic("translations: " + msg[:min(len(msg), 300)])
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
