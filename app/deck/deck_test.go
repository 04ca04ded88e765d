package deck

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"path"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fixturePNG draws a small w×h picture whose colours depend on seed, so
// two slides never carry the same bytes and a mix-up shows.
func fixturePNG(t testing.TB, w, h int, seed uint8) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), seed, 255})
		}
	}
	// A dark band across the top stands for the picture's own title.
	for y := range h / 8 {
		for x := range w {
			img.Set(x, y, color.RGBA{20, 30, 40, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Text that must survive: XML's specials, umlauts, en dash, Cyrillic,
// and characters XML 1.0 cannot hold (dropped) or bytes that are not
// UTF-8 (marked with U+FFFD).
const (
	nastyTitle = "Lage <Ost> & \"Süd\" – 'Ärger' über Öl\x00\x01\x0b — Москва\uFFFE\xff"
	cleanTitle = "Lage <Ost> & \"Süd\" – 'Ärger' über Öl — Москва\uFFFD"
	nastyNotes = "Erste Zeile: Straße & Maß <b>\r\nВторая строка — «Киев»\x1f\n\n\tEingerückt\ttab\r  Ende  \n\n"
)

// cleanNotes is what nastyNotes reads back as: one line a paragraph,
// blank lines kept, trailing blank lines and spaces gone.
const cleanNotes = "Erste Zeile: Straße & Maß <b>\nВторая строка — «Киев»\n\n\tEingerückt\ttab\n  Ende"

func sampleDeck(t testing.TB) Deck {
	return Deck{
		Title:   "Lagebild <Ost> – Ärger & Москва\x07",
		Author:  "Analyst Ölmüller",
		Created: time.Date(2024, 3, 5, 14, 30, 0, 0, time.UTC),
		Slides: []Slide{
			{Title: nastyTitle, Image: fixturePNG(t, 160, 90, 10), Notes: nastyNotes},
			{Title: "Second scene", Image: fixturePNG(t, 160, 90, 200)},
			{Title: "Zwei Zeilen\nzweite Zeile", Notes: "Title-only slide: the title is shown."},
			{Title: "Square picture", Image: fixturePNG(t, 90, 90, 99), Notes: "  \n\t"},
		},
	}
}

func writeDeck(t testing.TB, d Deck) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WritePPTX(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// unzip returns the parts by name and their order in the archive.
func unzip(t testing.TB, data []byte) (map[string][]byte, []string) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	var order []string
	for _, f := range z.File {
		if _, dup := parts[f.Name]; dup {
			t.Errorf("part %s is in the zip twice", f.Name)
		}
		if strings.HasPrefix(f.Name, "/") || strings.HasSuffix(f.Name, "/") {
			t.Errorf("zip entry %q is not a part name", f.Name)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = b
		order = append(order, f.Name)
	}
	return parts, order
}

// wellFormed decodes every token of an XML part; encoding/xml rejects
// characters outside XML 1.0, unbalanced tags and unknown entities.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

type relationship struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

func parseRels(t testing.TB, name string, data []byte) []relationship {
	t.Helper()
	var rs struct {
		Rel []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &rs); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rs.Rel
}

// sourceOf is the part a relationships part belongs to ("" for the
// package itself).
func sourceOf(relsPart string) string {
	dir, file := path.Split(relsPart)
	return path.Join(strings.TrimSuffix(dir, "_rels/"), strings.TrimSuffix(file, ".rels"))
}

// resolve is the part a relationship of source points at.
func resolve(source, target string) string {
	if strings.HasPrefix(target, "/") {
		return target[1:]
	}
	return path.Join(path.Dir(source), target)
}

// relsOf returns the relationships of part by id.
func relsOf(t testing.TB, parts map[string][]byte, part string) map[string]relationship {
	t.Helper()
	name := relsName(part)
	if part == "" {
		name = "_rels/.rels"
	}
	m := map[string]relationship{}
	for _, r := range parseRels(t, name, parts[name]) {
		m[r.ID] = r
	}
	return m
}

// target follows the relationship of part with id.
func target(t testing.TB, parts map[string][]byte, part, id string) string {
	t.Helper()
	r, ok := relsOf(t, parts, part)[id]
	if !ok {
		t.Fatalf("%s: no relationship %s", part, id)
	}
	return resolve(part, r.Target)
}

// TestPackage checks the Open Packaging rules the readers rely on: every
// part well-formed and typed, every relationship and every r:id
// resolving, nothing unreachable, the parts PowerPoint needs present.
func TestPackage(t *testing.T) {
	parts, order := unzip(t, writeDeck(t, sampleDeck(t)))
	if order[0] != "[Content_Types].xml" {
		t.Errorf("first part is %s, want [Content_Types].xml", order[0])
	}
	for name, data := range parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			if err := wellFormed(data); err != nil {
				t.Errorf("%s is not well-formed XML: %v", name, err)
			}
		}
	}

	// Content types: every part typed, every override naming a part.
	var types struct {
		Default []struct {
			Ext  string `xml:"Extension,attr"`
			Type string `xml:"ContentType,attr"`
		}
		Override []struct {
			Part string `xml:"PartName,attr"`
			Type string `xml:"ContentType,attr"`
		}
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &types); err != nil {
		t.Fatal(err)
	}
	typeOf := map[string]string{}
	for _, o := range types.Override {
		name := strings.TrimPrefix(o.Part, "/")
		if _, ok := parts[name]; !ok {
			t.Errorf("[Content_Types].xml overrides %s, which is not in the package", o.Part)
		}
		typeOf[name] = o.Type
	}
	byExt := map[string]string{}
	for _, d := range types.Default {
		byExt[d.Ext] = d.Type
	}
	for name := range parts {
		if name == "[Content_Types].xml" {
			continue
		}
		ct, ok := typeOf[name]
		if !ok {
			ct = byExt[strings.TrimPrefix(path.Ext(name), ".")]
		}
		if ct == "" {
			t.Errorf("%s has no content type", name)
		}
		if strings.HasPrefix(name, "ppt/") && strings.HasSuffix(name, ".xml") && ct == "application/xml" {
			t.Errorf("%s is typed only as application/xml", name)
		}
	}

	// Relationships: unique ids, internal targets that exist; and from
	// _rels/.rels every part can be reached.
	reached := map[string]bool{}
	var walk func(source string)
	walk = func(source string) {
		for _, r := range relsOf(t, parts, source) {
			to := resolve(source, r.Target)
			if r.TargetMode == "External" {
				t.Errorf("%s: external relationship %s", source, r.Target)
				continue
			}
			if _, ok := parts[to]; !ok {
				t.Errorf("%s: relationship %s points at %s, which is not in the package", source, r.ID, to)
				continue
			}
			if !reached[to] {
				reached[to] = true
				if _, ok := parts[relsName(to)]; ok {
					walk(to)
				}
			}
		}
	}
	walk("")
	for name := range parts {
		if strings.HasSuffix(name, ".rels") {
			ids := map[string]bool{}
			for _, r := range parseRels(t, name, parts[name]) {
				if ids[r.ID] {
					t.Errorf("%s: relationship id %s twice", name, r.ID)
				}
				ids[r.ID] = true
			}
			if src := sourceOf(name); src != "" {
				if _, ok := parts[src]; !ok {
					t.Errorf("%s belongs to %s, which is not in the package", name, src)
				}
			}
			continue
		}
		if name != "[Content_Types].xml" && !reached[name] {
			t.Errorf("%s is not reached by any relationship", name)
		}
	}

	// Every r:id, r:embed … in a part names one of its relationships.
	for name, data := range parts {
		if !strings.HasSuffix(name, ".xml") || name == "[Content_Types].xml" {
			continue
		}
		var rels map[string]relationship
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			tok, err := d.Token()
			if err != nil {
				break
			}
			se, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			for _, a := range se.Attr {
				if a.Name.Space != nsR {
					continue
				}
				if rels == nil {
					rels = relsOf(t, parts, name)
				}
				if _, ok := rels[a.Value]; !ok {
					t.Errorf("%s: <%s r:%s=%q> names no relationship", name, se.Name.Local, a.Name.Local, a.Value)
				}
			}
		}
	}

	for _, want := range []string{
		"_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"ppt/presentation.xml", "ppt/_rels/presentation.xml.rels",
		"ppt/slideMasters/slideMaster1.xml", "ppt/slideLayouts/slideLayout1.xml",
		"ppt/theme/theme1.xml", "ppt/theme/theme2.xml",
		"ppt/notesMasters/notesMaster1.xml",
		"ppt/presProps.xml", "ppt/viewProps.xml", "ppt/tableStyles.xml",
		"ppt/slides/slide4.xml", "ppt/notesSlides/notesSlide3.xml",
	} {
		if _, ok := parts[want]; !ok {
			t.Errorf("%s is missing", want)
		}
	}
	// Slide 4's notes are only white space: no notes page for it.
	if _, ok := parts["ppt/notesSlides/notesSlide4.xml"]; ok {
		t.Error("a notes page was written for notes that are only white space")
	}
}

// readBack is what a reader finds in a written deck, slide by slide.
type readBack struct {
	title, notes string
	image        []byte
	hasNotes     bool
	titleOff     *[4]int64 // the title's own box, nil when inherited
	pic          [4]int64
	descr        string
}

// shape is the text and geometry of one placeholder or picture.
type shape struct {
	ph    string // placeholder type, "" for none
	text  strings.Builder
	paras int
	xfrm  *[4]int64
	embed string
	descr string
}

// shapes reads the shapes of a slide or notes page: placeholder type,
// text (paragraphs and line breaks as \n), box, and picture reference.
func shapes(t testing.TB, name string, data []byte) []*shape {
	t.Helper()
	var out []*shape
	var cur *shape
	inT := false
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attr := func(n string) string {
				for _, a := range tok.Attr {
					if a.Name.Local == n {
						return a.Value
					}
				}
				return ""
			}
			num := func(n string) int64 {
				v, err := strconv.ParseInt(attr(n), 10, 64)
				if err != nil {
					t.Fatalf("%s: <%s %s=%q>: %v", name, tok.Name.Local, n, attr(n), err)
				}
				return v
			}
			switch tok.Name.Local {
			case "sp", "pic":
				cur = &shape{}
				out = append(out, cur)
			case "cNvPr":
				if cur != nil {
					cur.descr = attr("descr")
				}
			case "ph":
				cur.ph = attr("type")
				if cur.ph == "" {
					cur.ph = "body"
				}
			case "off":
				if cur != nil {
					cur.xfrm = &[4]int64{num("x"), num("y")}
				}
			case "ext":
				if cur != nil && cur.xfrm != nil {
					cur.xfrm[2], cur.xfrm[3] = num("cx"), num("cy")
				}
			case "blip":
				cur.embed = attr("embed")
			case "p":
				if tok.Name.Space == nsA {
					if cur.paras > 0 {
						cur.text.WriteByte('\n')
					}
					cur.paras++
				}
			case "br":
				cur.text.WriteByte('\n')
			case "t":
				inT = true
			}
		case xml.EndElement:
			if tok.Name.Local == "t" {
				inT = false
			}
		case xml.CharData:
			if inT {
				cur.text.Write(tok)
			}
		}
	}
}

// read follows presentation.xml to each slide, its picture and its notes
// page, as PowerPoint would.
func read(t testing.TB, parts map[string][]byte) []readBack {
	t.Helper()
	var pres struct {
		// encoding/xml cannot tell id from r:id by field tags, so
		// the attributes are read as they come.
		SldIDs []struct {
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sldIdLst>sldId"`
		SldSz struct {
			CX int `xml:"cx,attr"`
			CY int `xml:"cy,attr"`
		} `xml:"sldSz"`
	}
	if err := xml.Unmarshal(parts["ppt/presentation.xml"], &pres); err != nil {
		t.Fatal(err)
	}
	if pres.SldSz.CX != 12192000 || pres.SldSz.CY != 6858000 {
		t.Errorf("slide size %d×%d EMU, want 12192000×6858000 (16:9)", pres.SldSz.CX, pres.SldSz.CY)
	}
	var out []readBack
	seen := map[int64]bool{}
	for _, s := range pres.SldIDs {
		var id int64
		var rid string
		for _, a := range s.Attr {
			switch a.Name {
			case xml.Name{Local: "id"}:
				id, _ = strconv.ParseInt(a.Value, 10, 64)
			case xml.Name{Space: nsR, Local: "id"}:
				rid = a.Value
			}
		}
		// Slide ids are unique and at least 256; PowerPoint refuses
		// others.
		if id < 256 || seen[id] {
			t.Errorf("slide id %d: below 256 or used twice", id)
		}
		seen[id] = true
		slide := target(t, parts, "ppt/presentation.xml", rid)
		var rb readBack
		for _, sh := range shapes(t, slide, parts[slide]) {
			switch {
			case sh.ph == "title":
				rb.title = sh.text.String()
				rb.titleOff = sh.xfrm
			case sh.embed != "":
				rb.image = parts[target(t, parts, slide, sh.embed)]
				rb.pic = *sh.xfrm
				rb.descr = sh.descr
			}
		}
		for _, r := range relsOf(t, parts, slide) {
			if strings.HasSuffix(r.Type, "/notesSlide") {
				notes := resolve(slide, r.Target)
				rb.hasNotes = true
				for _, sh := range shapes(t, notes, parts[notes]) {
					if sh.ph == "body" {
						rb.notes = sh.text.String()
					}
				}
				// The notes page points back at its slide.
				back := ""
				for _, nr := range relsOf(t, parts, notes) {
					if strings.HasSuffix(nr.Type, "/slide") {
						back = resolve(notes, nr.Target)
					}
				}
				if back != slide {
					t.Errorf("%s points back at %q, want %s", notes, back, slide)
				}
			}
		}
		out = append(out, rb)
	}
	return out
}

// TestRoundTrip reads titles, pictures and notes back the way a reader
// finds them and compares them with what was written.
func TestRoundTrip(t *testing.T) {
	d := sampleDeck(t)
	parts, _ := unzip(t, writeDeck(t, d))
	got := read(t, parts)
	if len(got) != len(d.Slides) {
		t.Fatalf("read %d slides, wrote %d", len(got), len(d.Slides))
	}
	want := []struct {
		title, notes string
		hasNotes     bool
	}{
		{cleanTitle, cleanNotes, true},
		{"Second scene", "", false},
		{"Zwei Zeilen\nzweite Zeile", "Title-only slide: the title is shown.", true},
		{"Square picture", "", false},
	}
	for i, w := range want {
		g := got[i]
		if g.title != w.title {
			t.Errorf("slide %d title %q, want %q", i+1, g.title, w.title)
		}
		if g.notes != w.notes || g.hasNotes != w.hasNotes {
			t.Errorf("slide %d notes %q (page %v), want %q (page %v)", i+1, g.notes, g.hasNotes, w.notes, w.hasNotes)
		}
		if !bytes.Equal(g.image, d.Slides[i].Image) {
			t.Errorf("slide %d: the picture's bytes differ from the Image given (%d vs %d bytes)", i+1, len(g.image), len(d.Slides[i].Image))
		}
	}
	if got[0].descr != cleanTitle {
		t.Errorf("picture alt text %q, want the title %q", got[0].descr, cleanTitle)
	}

	// Geometry: a 16:9 picture fills the slide and its title sits just
	// above it; a square one is centred at full height; a title-only
	// slide keeps the layout's title box.
	if got[0].pic != [4]int64{0, 0, slideW, slideH} {
		t.Errorf("16:9 picture at %v, want the whole slide", got[0].pic)
	}
	if o := got[0].titleOff; o == nil || o[1]+o[3] > 0 || o[1]+o[3] < -slideH/10 {
		t.Errorf("title box of a picture slide %v, want just above the slide", o)
	}
	if got[3].pic != [4]int64{(slideW - slideH) / 2, 0, slideH, slideH} {
		t.Errorf("square picture at %v, want centred at full height", got[3].pic)
	}
	if got[2].titleOff != nil {
		t.Errorf("title-only slide has its own title box %v, want the layout's", got[2].titleOff)
	}
}

// TestProperties checks docProps: title and creator escaped and cleaned,
// the creation date in W3CDTF, the counts in app.xml.
func TestProperties(t *testing.T) {
	parts, _ := unzip(t, writeDeck(t, sampleDeck(t)))
	var core struct {
		Title   string `xml:"title"`
		Creator string `xml:"creator"`
		Created string `xml:"created"`
	}
	if err := xml.Unmarshal(parts["docProps/core.xml"], &core); err != nil {
		t.Fatal(err)
	}
	if core.Title != "Lagebild <Ost> – Ärger & Москва" || core.Creator != "Analyst Ölmüller" || core.Created != "2024-03-05T14:30:00Z" {
		t.Errorf("core properties %+v", core)
	}
	var app struct {
		Slides, Notes int
	}
	if err := xml.Unmarshal(parts["docProps/app.xml"], &app); err != nil {
		t.Fatal(err)
	}
	if app.Slides != 4 || app.Notes != 2 {
		t.Errorf("app.xml counts %d slides, %d notes; want 4, 2", app.Slides, app.Notes)
	}

	// The zero time means now.
	d := sampleDeck(t)
	d.Created = time.Time{}
	before := time.Now().Add(-time.Second)
	parts, _ = unzip(t, writeDeck(t, d))
	if err := xml.Unmarshal(parts["docProps/core.xml"], &core); err != nil {
		t.Fatal(err)
	}
	created, err := time.Parse(time.RFC3339, core.Created)
	if err != nil || created.Before(before.Truncate(time.Second)) || created.After(time.Now()) {
		t.Errorf("created %q for a zero Created, want now (%v)", core.Created, err)
	}
}

// TestDeterministic: a fixed Created gives the same bytes each time, so
// a deck can be compared or cached.
func TestDeterministic(t *testing.T) {
	a, b := writeDeck(t, sampleDeck(t)), writeDeck(t, sampleDeck(t))
	if !bytes.Equal(a, b) {
		t.Error("the same deck written twice gives different bytes")
	}
}

// TestErrors: bad input is refused before anything is written, and the
// error names the slide.
func TestErrors(t *testing.T) {
	d := sampleDeck(t)
	d.Slides[1].Image = []byte("GIF89a not a png")
	var b bytes.Buffer
	err := WritePPTX(&b, d)
	if err == nil || !strings.Contains(err.Error(), `slide 2 ("Second scene")`) || !strings.Contains(err.Error(), "not a PNG") {
		t.Errorf("error %v, want one naming slide 2 and saying it is not a PNG", err)
	}
	if b.Len() != 0 {
		t.Errorf("%d bytes written before the error", b.Len())
	}
	if err := WritePPTX(&b, Deck{Title: "empty"}); err == nil || b.Len() != 0 {
		t.Errorf("a deck without slides: error %v, %d bytes written", err, b.Len())
	}
}

// TestClean covers the text rules on their own.
func TestClean(t *testing.T) {
	for _, c := range []struct{ in, esc string }{
		{`<&>"'`, "&lt;&amp;&gt;&#34;&#39;"},
		{"Ä–Ж\U0001F30D", "Ä–Ж\U0001F30D"},
		{"a\x00b\x08c\x0bd\x0ce\x1ff\x7fg", "abcdef\x7fg"},
		{"\ud7ff\ue000\ufffd\ufffe\uffff", "\ud7ff\ue000\ufffd"},
		{"bad\xc3(byte", "bad\ufffd(byte"},
		{"tab\tnl\n", "tab&#x9;nl&#xA;"},
	} {
		if got := esc(c.in); got != c.esc {
			t.Errorf("esc(%q) = %q, want %q", c.in, got, c.esc)
		}
	}
	if got := lines("a\r\nb\rc\n"); strings.Join(got, "|") != "a|b|c|" {
		t.Errorf("lines = %q", got)
	}
}
