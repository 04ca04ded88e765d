package dataset

import (
	"context"
	"slices"
	"testing"
)

func loadFile(t *testing.T, path string, o Options) *Dataset {
	t.Helper()
	d, err := Load(context.Background(), File{Path: path}, o, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCodedCategories loads a GDELT 1.0 file, whose category is the CAMEO
// root code: the categories are the codes, ranked, and their labels the
// codes' names in the language asked for; the filter keeps to the codes.
func TestCodedCategories(t *testing.T) {
	en := loadFile(t, "testdata/gdelt1_codes.export.CSV", Options{})
	de := loadFile(t, "testdata/gdelt1_codes.export.CSV", Options{Language: "de"})
	if want := []string{"04", "19", "14"}; !slices.Equal(en.Categories.Names, want) || !slices.Equal(de.Categories.Names, want) {
		t.Errorf("categories %v and %v, want %v", en.Categories.Names, de.Categories.Names, want)
	}
	if want := []string{"Consult", "Fight", "Protest"}; !slices.Equal(en.Categories.Labels, want) {
		t.Errorf("English labels %v, want %v", en.Categories.Labels, want)
	}
	if want := []string{"Beratung", "Kampf", "Protest"}; !slices.Equal(de.Categories.Labels, want) {
		t.Errorf("German labels %v, want %v", de.Categories.Labels, want)
	}
	if got := de.Categories.Label("19"); got != "Kampf" {
		t.Errorf("Label(19) = %q", got)
	}
	m := de.Apply(Filter{HiddenCategories: []string{"04"}})
	if m.Counts.Shown != 3 {
		t.Errorf("hiding 04 shows %d of 6, want 3", m.Counts.Shown)
	}
	// The roles chosen again keep the language; several files merged
	// keep the labels.
	re, err := de.Rebuild(context.Background(), de.Mapping)
	if err != nil || !slices.Equal(re.Categories.Labels, de.Categories.Labels) {
		t.Errorf("rebuilt: %v, labels %v", err, re.Categories.Labels)
	}
	merged, err := Merge(context.Background(), "both", []*Dataset{de, sample(t)})
	if err != nil {
		t.Fatal(err)
	}
	if got := merged.Categories.Label("04"); got != "Beratung" {
		t.Errorf("merged: 04 is labelled %q", got)
	}
	if got := merged.Categories.Label("Diplomacy"); got != "Diplomacy" {
		t.Errorf("merged: Diplomacy is labelled %q", got)
	}
}

// TestPlainCategoriesLabelThemselves checks that categories of a file
// without codes are their own labels.
func TestPlainCategoriesLabelThemselves(t *testing.T) {
	d := sample(t)
	if !slices.Equal(d.Categories.Labels, d.Categories.Names) {
		t.Errorf("labels %v, names %v", d.Categories.Labels, d.Categories.Names)
	}
}
