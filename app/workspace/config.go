package workspace

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// configVersion is the version of the small files kept in the config
// folder (remembered mappings, recent files).
const configVersion = 1

// readConfig reads the config file at path into v, which has a Version
// field read into version. A missing file is not an error: ok is false.
func readConfig(path string, v any, version *int) (ok bool, err error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return false, jsonError(path, data, err)
	}
	if *version > configVersion {
		return false, fmt.Errorf("%s was saved by a newer Chronomap (format %d); this one reads format %d", path, *version, configVersion)
	}
	return true, nil
}

// writeConfig saves v at path, atomically, making its folder if need be.
func writeConfig(path string, v any) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("cannot save %s: %w", path, unwrapPath(err))
	}
	return writeJSON(path, v)
}
