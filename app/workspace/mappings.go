package workspace

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

// maxMappings is how many mappings are remembered; the one used longest
// ago goes first.
const maxMappings = 300

// Mappings remembers the mapping the user settled on for a file, keyed by
// the file's set of column names, so that next month's export of the same
// table is mapped the same way. The names are compared without regard to
// order, case, surrounding spaces or Unicode normal form. Its methods may
// be called from any goroutine.
type Mappings struct {
	path string
	// keep, when set, is why the file must not be overwritten: it was
	// written by a newer Chronomap.
	keep error

	mu      sync.Mutex
	entries []rememberedMapping // most recently remembered first
}

type rememberedMapping struct {
	Columns []string `json:"columns"` // as the file wrote them
	Mapping Mapping  `json:"mapping"`
}

type mappingsFile struct {
	Version  int                 `json:"version"`
	Mappings []rememberedMapping `json:"mappings"`
}

// OpenMappings opens the mappings remembered in dir (mappings.json). The
// store is usable even with an error: a file that cannot be read starts
// it empty, and is replaced on the next Remember unless a newer Chronomap
// wrote it.
func OpenMappings(dir string) (*Mappings, error) {
	s := &Mappings{path: filepath.Join(dir, "mappings.json")}
	var f mappingsFile
	_, err := readConfig(s.path, &f, &f.Version)
	if err != nil {
		if f.Version > configVersion {
			s.keep = err
		}
		return s, err
	}
	s.entries = f.Mappings
	return s, nil
}

// Recall returns the mapping remembered for a file with these columns,
// its column names spelt as columns spells them.
func (s *Mappings) Recall(columns []string) (Mapping, bool) {
	key := signature(columns)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.entries {
		if signature(e.Columns) == key {
			return respell(e.Mapping, columns), true
		}
	}
	return Mapping{}, false
}

// Remember keeps m for files with these columns, replacing what was kept
// for them, and saves the store.
func (s *Mappings) Remember(columns []string, m Mapping) error {
	if len(columns) == 0 {
		return nil
	}
	key := signature(columns)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries = slices.DeleteFunc(s.entries, func(e rememberedMapping) bool { return signature(e.Columns) == key })
	s.entries = slices.Insert(s.entries, 0, rememberedMapping{Columns: slices.Clone(columns), Mapping: m.clone()})
	if len(s.entries) > maxMappings {
		s.entries = s.entries[:maxMappings]
	}
	if s.keep != nil {
		return s.keep
	}
	return writeConfig(s.path, mappingsFile{Version: configVersion, Mappings: s.entries})
}

// signature is the key of a set of column names.
func signature(columns []string) string {
	keys := make([]string, len(columns))
	for i, c := range columns {
		keys[i] = columnKey(c)
	}
	slices.Sort(keys)
	return strings.Join(keys, "\x00")
}

func columnKey(c string) string {
	return strings.ToLower(norm.NFC.String(strings.TrimSpace(c)))
}

// respell returns m with each column name as columns writes it: a
// mapping remembered for "Event_Date" applies to "event_date".
func respell(m Mapping, columns []string) Mapping {
	m = m.clone()
	for r, cols := range m.Roles {
		for i, c := range cols {
			if slices.Contains(columns, c) {
				continue
			}
			for _, have := range columns {
				if columnKey(have) == columnKey(c) {
					cols[i] = have
					break
				}
			}
		}
		m.Roles[r] = cols
	}
	return m
}
