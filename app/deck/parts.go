package deck

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// template holds the parts that are the same in every deck: the slide
// master with its one layout, the notes master, the theme and the
// presentation-wide settings PowerPoint expects to find. ("all:" keeps
// the _rels folders, which embed leaves out otherwise.)
//
//go:embed all:template
var template embed.FS

// part is one file of the package.
type part struct {
	name  string // path inside the zip, without a leading slash
	ctype string // content type
	data  []byte
}

// Namespaces and relationship types of Office Open XML.
const (
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsP   = "http://schemas.openxmlformats.org/presentationml/2006/main"
	nsPml = `xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `"`

	relOffice = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relCore   = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

	xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	ctPml   = "application/vnd.openxmlformats-officedocument.presentationml."
)

// contentType gives the content type of a part by where it lives.
// "" means the package has no such kind of part.
func contentType(name string) string {
	switch {
	case strings.HasSuffix(name, ".rels"):
		return "application/vnd.openxmlformats-package.relationships+xml"
	case strings.HasSuffix(name, ".png"):
		return "image/png"
	case name == "ppt/presentation.xml":
		return ctPml + "presentation.main+xml"
	case strings.HasPrefix(name, "ppt/slides/"):
		return ctPml + "slide+xml"
	case strings.HasPrefix(name, "ppt/slideLayouts/"):
		return ctPml + "slideLayout+xml"
	case strings.HasPrefix(name, "ppt/slideMasters/"):
		return ctPml + "slideMaster+xml"
	case strings.HasPrefix(name, "ppt/notesSlides/"):
		return ctPml + "notesSlide+xml"
	case strings.HasPrefix(name, "ppt/notesMasters/"):
		return ctPml + "notesMaster+xml"
	case strings.HasPrefix(name, "ppt/theme/"):
		return "application/vnd.openxmlformats-officedocument.theme+xml"
	case name == "ppt/presProps.xml":
		return ctPml + "presProps+xml"
	case name == "ppt/viewProps.xml":
		return ctPml + "viewProps+xml"
	case name == "ppt/tableStyles.xml":
		return ctPml + "tableStyles+xml"
	case name == "docProps/core.xml":
		return "application/vnd.openxmlformats-package.core-properties+xml"
	case name == "docProps/app.xml":
		return "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	}
	return ""
}

// rel is one relationship of a part.
type rel struct {
	id     string
	typ    string // full type URI
	target string // relative to the source part's folder
}

// relsXML is a relationships part holding rs.
func relsXML(rs []rel) []byte {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range rs {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s" Target="%s"/>`, r.id, r.typ, esc(r.target))
	}
	b.WriteString(`</Relationships>`)
	return []byte(b.String())
}

// relsName is the name of the relationships part of the part name.
func relsName(name string) string {
	dir, file := path.Split(name)
	return dir + "_rels/" + file + ".rels"
}

// pptxParts lays out the whole package for d; pics[i] places slide i's
// image.
func pptxParts(d Deck, pics []picture) ([]part, error) {
	var parts []part
	add := func(name string, data []byte) {
		parts = append(parts, part{name: name, ctype: contentType(name), data: data})
	}

	add("_rels/.rels", relsXML([]rel{
		{"rId1", relOffice + "officeDocument", "ppt/presentation.xml"},
		{"rId2", relCore, "docProps/core.xml"},
		{"rId3", relOffice + "extended-properties", "docProps/app.xml"},
	}))
	add("docProps/core.xml", coreXML(d))

	// Presentation relationships: the fixed parts first, then slides.
	presRels := []rel{
		{"rId1", relOffice + "slideMaster", "slideMasters/slideMaster1.xml"},
		{"rId2", relOffice + "notesMaster", "notesMasters/notesMaster1.xml"},
		{"rId3", relOffice + "theme", "theme/theme1.xml"},
		{"rId4", relOffice + "presProps", "presProps.xml"},
		{"rId5", relOffice + "viewProps", "viewProps.xml"},
		{"rId6", relOffice + "tableStyles", "tableStyles.xml"},
	}
	notes := 0
	for i, s := range d.Slides {
		n := i + 1
		presRels = append(presRels, rel{fmt.Sprintf("rId%d", 7+i), relOffice + "slide", fmt.Sprintf("slides/slide%d.xml", n)})

		slide := fmt.Sprintf("ppt/slides/slide%d.xml", n)
		slideRels := []rel{{"rId1", relOffice + "slideLayout", "../slideLayouts/slideLayout1.xml"}}
		imageID := ""
		if len(s.Image) > 0 {
			imageID = "rId2"
			media := fmt.Sprintf("ppt/media/image%d.png", n)
			slideRels = append(slideRels, rel{imageID, relOffice + "image", "../media/" + path.Base(media)})
			add(media, s.Image)
		}
		if hasText(s.Notes) {
			notes++
			noteSlide := fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", n)
			slideRels = append(slideRels, rel{fmt.Sprintf("rId%d", len(slideRels)+1), relOffice + "notesSlide", "../notesSlides/" + path.Base(noteSlide)})
			add(noteSlide, notesXML(s.Notes))
			add(relsName(noteSlide), relsXML([]rel{
				{"rId1", relOffice + "notesMaster", "../notesMasters/notesMaster1.xml"},
				{"rId2", relOffice + "slide", "../slides/" + path.Base(slide)},
			}))
		}
		add(slide, slideXML(s, imageID, pics[i]))
		add(relsName(slide), relsXML(slideRels))
	}
	add("ppt/presentation.xml", presentationXML(len(d.Slides)))
	add("ppt/_rels/presentation.xml.rels", relsXML(presRels))
	add("docProps/app.xml", appXML(len(d.Slides), notes))

	err := fs.WalkDir(template, "template", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := template.ReadFile(name)
		if err != nil {
			return err
		}
		if name == "template/theme.xml" {
			// The slide master and the notes master each need a theme
			// part of their own; PowerPoint does not share one.
			add("ppt/theme/theme1.xml", data)
			add("ppt/theme/theme2.xml", data)
			return nil
		}
		add(strings.TrimPrefix(name, "template/"), data)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("deck: reading the built-in template: %w", err)
	}

	for _, p := range parts {
		if p.ctype == "" {
			return nil, fmt.Errorf("deck: no content type for part %s", p.name)
		}
	}
	return append([]part{{name: "[Content_Types].xml", ctype: "application/xml", data: contentTypesXML(parts)}}, parts...), nil
}

// hasText reports whether s holds anything but white space once cleaned.
func hasText(s string) bool { return strings.TrimSpace(clean(s)) != "" }

// contentTypesXML declares rels and png by extension and every other part
// by name.
func contentTypesXML(parts []part) []byte {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="` + contentType(".rels") + `"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	for _, p := range parts {
		if strings.HasSuffix(p.name, ".rels") || strings.HasSuffix(p.name, ".png") {
			continue
		}
		fmt.Fprintf(&b, `<Override PartName="/%s" ContentType="%s"/>`, p.name, p.ctype)
	}
	b.WriteString(`</Types>`)
	return []byte(b.String())
}

// presentationXML is ppt/presentation.xml for a deck of the given number
// of slides, whose relationships are rId7 on (see pptxParts).
func presentationXML(slides int) []byte {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<p:presentation ` + nsPml + ` saveSubsetFonts="1">`)
	// Master ids live in one number space with the layout ids
	// (slideMaster1.xml uses 2147483649 for its layout).
	b.WriteString(`<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>`)
	b.WriteString(`<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>`)
	b.WriteString(`<p:sldIdLst>`)
	for i := range slides {
		// Slide ids start at 256, the lowest the format allows.
		fmt.Fprintf(&b, `<p:sldId id="%d" r:id="rId%d"/>`, 256+i, 7+i)
	}
	b.WriteString(`</p:sldIdLst>`)
	fmt.Fprintf(&b, `<p:sldSz cx="%d" cy="%d"/>`, slideW, slideH)
	b.WriteString(`<p:notesSz cx="6858000" cy="9144000"/>`)
	b.WriteString(`<p:defaultTextStyle><a:defPPr><a:defRPr lang="en-US"/></a:defPPr>` +
		`<a:lvl1pPr marL="0" algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1">` +
		`<a:defRPr sz="1800" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>` +
		`<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr>` +
		`</p:defaultTextStyle>`)
	b.WriteString(`</p:presentation>`)
	return []byte(b.String())
}

// groupHead opens a shape tree: the group's own properties, always the
// same, with shape id 1.
const groupHead = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
	`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`

// Where the title placeholder goes on a slide with a picture: the
// layout's title box moved up until its bottom edge meets the slide's
// top. Off the slide, it is not shown or printed and covers nothing of
// the picture, yet it is the slide's real title — the outline, the
// slide sorter's names, navigation and screen readers use it. Moving a
// title off the slide is the way Microsoft's accessibility guidance
// gives for a title the slide already shows in another form; a hidden
// shape (cNvPr hidden="1") is instead left out by readers that skip
// hidden content.
const (
	titleX = 838200
	titleW = 10515600
	titleH = 1325563
)

// slideXML is one slide: its title placeholder and, when imageID names
// the picture's relationship, the picture at pic.
func slideXML(s Slide, imageID string, pic picture) []byte {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<p:sld ` + nsPml + `><p:cSld><p:spTree>` + groupHead)

	// The title comes first: the order of the shape tree is the reading
	// order.
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
		`<p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>`)
	if imageID != "" {
		fmt.Fprintf(&b, `<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm></p:spPr>`,
			titleX, -titleH, titleW, titleH)
	} else {
		b.WriteString(`<p:spPr/>`) // the layout's place, on the slide
	}
	b.WriteString(`<p:txBody><a:bodyPr/><a:lstStyle/><a:p>`)
	for i, l := range lines(s.Title) {
		if i > 0 {
			b.WriteString(`<a:br><a:rPr/></a:br>`)
		}
		if l != "" {
			b.WriteString(`<a:r><a:rPr dirty="0"/><a:t>` + esc(l) + `</a:t></a:r>`)
		}
	}
	b.WriteString(`<a:endParaRPr dirty="0"/></a:p></p:txBody></p:sp>`)

	if imageID != "" {
		fmt.Fprintf(&b, `<p:pic><p:nvPicPr><p:cNvPr id="3" name="Picture 2" descr="%s"/>`+
			`<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>`+
			`<p:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>`+
			`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>`+
			`</p:pic>`, esc(oneLine(s.Title)), imageID, pic.x, pic.y, pic.w, pic.h)
	}
	b.WriteString(`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`)
	return []byte(b.String())
}

// notesXML is a notes page: the slide's picture above (the sldImg
// placeholder, filled in by the application) and the notes below, one
// paragraph a line. Both placeholders repeat the notes master's boxes so
// readers that do not inherit positions still lay them out.
func notesXML(notes string) []byte {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<p:notes ` + nsPml + `><p:cSld><p:spTree>` + groupHead)
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/>` +
		`<p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr>` +
		`<p:spPr><a:xfrm><a:off x="685800" y="1143000"/><a:ext cx="5486400" cy="3086100"/></a:xfrm></p:spPr></p:sp>`)
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/>` +
		`<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>` +
		`<p:spPr><a:xfrm><a:off x="685800" y="4400550"/><a:ext cx="5486400" cy="3600450"/></a:xfrm></p:spPr>` +
		`<p:txBody><a:bodyPr/><a:lstStyle/>`)
	for _, l := range lines(strings.TrimRight(notes, " \t\r\n")) {
		if l == "" {
			b.WriteString(`<a:p><a:endParaRPr dirty="0"/></a:p>`)
			continue
		}
		b.WriteString(`<a:p><a:r><a:rPr dirty="0"/><a:t>` + esc(l) + `</a:t></a:r></a:p>`)
	}
	b.WriteString(`</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`)
	return []byte(b.String())
}

// coreXML is docProps/core.xml: title, creator and dates.
func coreXML(d Deck) []byte {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	if t := oneLine(d.Title); t != "" {
		b.WriteString(`<dc:title>` + esc(t) + `</dc:title>`)
	}
	if a := oneLine(d.Author); a != "" {
		b.WriteString(`<dc:creator>` + esc(a) + `</dc:creator><cp:lastModifiedBy>` + esc(a) + `</cp:lastModifiedBy>`)
	}
	stamp := d.Created.Format("2006-01-02T15:04:05Z")
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return []byte(b.String())
}

// appXML is docProps/app.xml: the application and the counts
// PowerPoint shows in the file's properties.
func appXML(slides, notes int) []byte {
	return []byte(xmlHead + fmt.Sprintf(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"`+
		` xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`+
		`<TotalTime>0</TotalTime><Application>Chronomap</Application><PresentationFormat>Widescreen</PresentationFormat>`+
		`<Slides>%d</Slides><Notes>%d</Notes><HiddenSlides>0</HiddenSlides><MMClips>0</MMClips>`+
		`<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>`+
		`<HyperlinksChanged>false</HyperlinksChanged></Properties>`, slides, notes))
}
