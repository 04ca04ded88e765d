package window

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"chronomap/app/worldmap"
	"chronomap/assets"
)

// translated are the packages whose text the window's translations cover:
// the window and its parts. The views' own drawing (timeline axis, map
// legend) has its own language setting and is not among them.
var translated = []string{".", "../mapping", "../mapview", "../timelineview", "../tooltip"}

// lookups is what the Go source of dirs looks up, tests left out: the
// string literal each call of lang.L, lang.N, lang.X or lang.XN passes as
// its key, and the literals passed to plural. A key that is not a literal
// cannot be read from the source; such calls are counted by file in
// dynamic, and their keys must come from dynamicKeys.
//
// It reads the source with go/parser rather than a regexp so that calls
// spread over lines, raw strings and escapes are read as Go reads them.
func lookups(t *testing.T, dirs []string) (keys map[string]string, dynamic map[string]int) {
	t.Helper()
	keys, dynamic = map[string]string{}, map[string]int{}
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				args := call.Args
				switch fn := call.Fun.(type) {
				case *ast.SelectorExpr:
					pkg, ok := fn.X.(*ast.Ident)
					if !ok || pkg.Name != "lang" || !slices.Contains([]string{"L", "N", "X", "XN"}, fn.Sel.Name) {
						return true
					}
					args = args[:1]
				case *ast.Ident:
					if fn.Name != "plural" || len(args) != 3 {
						return true
					}
					args = args[1:]
				default:
					return true
				}
				for _, a := range args {
					lit, ok := a.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						dynamic[filepath.Base(path)]++
						continue
					}
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					keys[s] = fset.Position(lit.Pos()).String()
				}
				return true
			})
		}
	}
	return keys, dynamic
}

// dynamicCalls is how many lookups of each file take their key from a
// variable, and where those keys come from (dynamicKeys). A new one fails
// the test until its keys are added there.
var dynamicCalls = map[string]int{
	"translate.go": 3, // plural's one and other; reason: problemReasons
	"text.go":      2, // mapping's plural: its callers' literals are read as plural's
	"menu.go":      1, // worldmap.Projections
	"export.go":    2, // layouts, exportFormats
	"window.go":    1, // assets.SampleTitle
	"about.go":     1, // credits
}

// dynamicKeys are the keys that reach lang.L through a variable.
func dynamicKeys(t *testing.T) []string {
	keys := []string{assets.SampleTitle}
	for _, p := range worldmap.Projections {
		keys = append(keys, p.Name)
	}
	for _, l := range layouts {
		keys = append(keys, l.label)
	}
	for _, f := range exportFormats {
		keys = append(keys, f.label)
	}
	for _, c := range credits {
		keys = append(keys, c.what)
	}
	return append(keys, problemReasons(t)...)
}

// composedReasons are the reasons data/events builds from a prefix and
// what was read ("unparseable " + "end date").
var composedReasons = []string{"ambiguous date", "ambiguous end date", "unparseable date", "unparseable end date"}

// problemReasons lists the reasons of row problems the data packages
// give, read from their source: the Reason fields of the Problems they
// build (and the reason fields that become them), the reasons passed to
// the GeoJSON reader's problem method, and the composed ones. A reason
// built otherwise fails the test.
func problemReasons(t *testing.T) []string {
	t.Helper()
	out := slices.Clone(composedReasons)
	add := func(fset *token.FileSet, e ast.Expr) {
		switch e := e.(type) {
		case *ast.BasicLit:
			s, _ := strconv.Unquote(e.Value)
			out = append(out, s)
			return
		case *ast.BinaryExpr: // "ambiguous " + what
			if lit, ok := e.X.(*ast.BasicLit); ok {
				prefix, _ := strconv.Unquote(lit.Value)
				if slices.ContainsFunc(composedReasons, func(r string) bool { return strings.HasPrefix(r, prefix) }) {
					return
				}
			}
		case *ast.Ident: // a parameter or field passed on
			return
		case *ast.SelectorExpr: // cell.reason
			return
		}
		t.Errorf("%s: a problem's reason is built in a way this test cannot read; list it in composedReasons", fset.Position(e.Pos()))
	}
	for _, dir := range []string{"../../data/frame", "../../data/events"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.KeyValueExpr:
					if k, ok := n.Key.(*ast.Ident); ok && strings.EqualFold(k.Name, "reason") {
						add(fset, n.Value)
					}
				case *ast.AssignStmt:
					for i, l := range n.Lhs {
						if s, ok := l.(*ast.SelectorExpr); ok && s.Sel.Name == "Reason" && i < len(n.Rhs) {
							add(fset, n.Rhs[i])
						}
					}
				case *ast.CallExpr:
					if s, ok := n.Fun.(*ast.SelectorExpr); ok && s.Sel.Name == "problem" && len(n.Args) == 4 {
						add(fset, n.Args[2])
					}
				}
				return true
			})
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// readTranslations reads a translation file as the flat object it is.
func readTranslations(t *testing.T, name string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("translations", name))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// TestTranslationsComplete fails when a key the window looks up has no
// German (or no English entry for translators), when de.json keeps a key
// no longer looked up, or when a translation loses a format verb or a
// template field of its key.
func TestTranslationsComplete(t *testing.T) {
	keys, dynamic := lookups(t, translated)
	for file, n := range dynamic {
		if n != dynamicCalls[file] {
			t.Errorf("%s looks up %d keys that are not literals, want %d: list where their keys come from in dynamicKeys and dynamicCalls", file, n, dynamicCalls[file])
		}
	}
	for _, k := range dynamicKeys(t) {
		if _, ok := keys[k]; !ok {
			keys[k] = "a table or a data package"
		}
	}
	if len(keys) < 100 {
		t.Fatalf("only %d keys found in the source: the scan is broken", len(keys))
	}
	en, de := readTranslations(t, "en.json"), readTranslations(t, "de.json")
	for k, where := range keys {
		if _, ok := de[k]; !ok {
			t.Errorf("%s: %q has no German", where, k)
		}
		if _, ok := en[k]; !ok {
			t.Errorf("%s: %q is missing from en.json", where, k)
		}
	}
	for name, m := range map[string]map[string]string{"de.json": de, "en.json": en} {
		for k := range m {
			if _, ok := keys[k]; !ok {
				t.Errorf("%s: %q is no longer looked up", name, k)
			}
		}
	}
	for k, v := range de {
		if a, b := verbs(k), verbs(v); !slices.Equal(a, b) {
			t.Errorf("%q: German %q has the verbs %q, the key %q", k, v, b, a)
		}
		if a, b := fields(k), fields(v); !slices.Equal(a, b) {
			t.Errorf("%q: German %q has the fields %q, the key %q", k, v, b, a)
		}
	}
}

var (
	verbRE  = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	fieldRE = regexp.MustCompile(`{{\s*\.\w+\s*}}`)
)

// verbs are the format verbs of s in the order fmt fills them.
func verbs(s string) []string { return verbRE.FindAllString(s, -1) }

// fields are the template fields of s, sorted: a template names them.
func fields(s string) []string {
	f := fieldRE.FindAllString(s, -1)
	slices.Sort(f)
	return f
}

// useLanguage makes Fyne speak the language of the locale loc (such as
// "de_DE.UTF-8") until the test ends, by setting the environment it reads
// the locale from and adding the translations again, which makes it read
// it.
func useLanguage(t *testing.T, loc string) {
	t.Helper()
	vars := []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}
	old := map[string]*string{}
	for _, k := range vars {
		if v, ok := os.LookupEnv(k); ok {
			old[k] = &v
		}
		os.Unsetenv(k)
	}
	os.Setenv("LANG", loc)
	if err := addTranslations(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, k := range vars {
			if v := old[k]; v != nil {
				os.Setenv(k, *v)
			} else {
				os.Unsetenv(k)
			}
		}
		addTranslations()
	})
}

func TestTranslationsLoad(t *testing.T) {
	// A key go-i18n reserves ("Description") would make it read the whole
	// file as one message, and fail.
	if err := addTranslations(); err != nil {
		t.Fatal(err)
	}
	useLanguage(t, "de_DE.UTF-8")
	if got := lang.L("Open Recent"); got != "Zuletzt geöffnet" {
		t.Errorf("Open Recent in German: %q", got)
	}
	if got := thousands(1234567); got != "1.234.567" {
		t.Errorf("thousands in German: %q", got)
	}
	if got := marks().Fixed(1234.56, 1); got != "1.234,6" {
		t.Errorf("a decimal in German: %q", got)
	}
}

func TestWindowGerman(t *testing.T) {
	useLanguage(t, "de_DE.UTF-8")
	a := test.NewTempApp(t)
	w := New(a, []Loaded{sampleLoaded(t)})
	defer w.Win.Close()
	w.Win.Resize(fyne.NewSize(1200, 740))

	var menus []string
	for _, m := range w.Win.MainMenu().Items {
		menus = append(menus, m.Label)
	}
	if got := strings.Join(menus, " "); got != "Datei Bearbeiten Ansicht Briefing Hilfe" {
		t.Errorf("menus %q", got)
	}
	if got := w.Win.Title(); got != "Chronomap – Beispieldaten" {
		t.Errorf("title %q", got)
	}
	texts := shownTexts(w.Win.Canvas().Content())
	for _, s := range []string{"Beispieldaten", "Ereignis", "Wählen Sie eine Zelle, um sie vollständig zu lesen.", "Nur verortete"} {
		if !texts[s] {
			t.Errorf("%q is not shown", s)
		}
	}
	v := w.active()
	if got := v.status.Text; !strings.Contains(got, " von ") || !strings.Contains(got, "Ereignissen sichtbar") {
		t.Errorf("status line %q", got)
	}
	if got := v.grid.caption(0); strings.Contains(got, "text") {
		t.Errorf("first column's header %q is in English", got)
	}
}
