package frame

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// A workbook's sheets and its shared strings are the only parts of it
// that grow with the data, and they are read here, streamed: a scanner of
// just the XML that SpreadsheetML writes (elements, attributes, text,
// entities, CDATA; comments and processing instructions skipped) that
// never holds more than a window of the text. encoding/xml reads 40 MB a
// second and holds a text node whole; a sheet is read at several times
// that, and a 1.5 GB cell costs no more than the cell limit.

// tokKind is the kind of a token.
type tokKind uint8

const (
	tokEOF   tokKind = iota
	tokStart         // <name attrs>
	tokEnd           // </name>
	tokEmpty         // <name attrs/>
	tokText          // a piece of text: a node may come in several
)

// maxTag is the longest tag read; a SpreadsheetML tag is a few dozen
// bytes.
const maxTag = 64 << 10

// xmlScanner reads the tokens of an XML stream.
type xmlScanner struct {
	r        io.Reader
	buf      []byte
	pos, end int
	eof      bool
	part     string // the part's name, for errors
	// name and attrs are the last tag's local name and raw attributes;
	// text the last piece of text, entities decoded. All are views into
	// the scanner's buffer, valid until the next call.
	name, attrs, text []byte
	scratch           []byte
	cdata, comment    bool // inside a CDATA section, a comment
}

func newXMLScanner(r io.Reader, part string) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, 1<<20), part: part}
}

// fill reads more of the stream, keeping what is unread; it reports
// whether anything was added.
func (s *xmlScanner) fill() (bool, error) {
	if s.eof {
		return false, nil
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		return false, nil
	}
	n, err := io.ReadAtLeast(s.r, s.buf[s.end:], 1)
	s.end += n
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		s.eof = true
		return n > 0, nil
	}
	if err != nil {
		return n > 0, fmt.Errorf("%s cannot be unpacked: %w", s.part, err)
	}
	return true, nil
}

// malformed says what is wrong with the part.
func (s *xmlScanner) malformed(what string) error {
	return fmt.Errorf("%s is damaged: %s", s.part, what)
}

// next returns the next token.
func (s *xmlScanner) next() (tokKind, error) {
	for {
		if s.pos == s.end {
			if ok, err := s.fill(); err != nil || !ok {
				return tokEOF, err
			}
		}
		if s.comment {
			if i := bytes.Index(s.buf[s.pos:s.end], []byte("-->")); i >= 0 {
				s.pos += i + 3
				s.comment = false
				continue
			}
			s.pos = max(s.pos, s.end-2) // what may begin "-->"
			if ok, err := s.fill(); err != nil {
				return tokEOF, err
			} else if !ok {
				return tokEOF, s.malformed("a comment is not closed")
			}
			continue
		}
		if s.cdata {
			i := bytes.Index(s.buf[s.pos:s.end], []byte("]]>"))
			if i >= 0 {
				s.text = s.buf[s.pos : s.pos+i]
				s.pos += i + 3
				s.cdata = false
				return tokText, nil
			}
			// All but a possible start of "]]>" is text.
			n := max(s.end-s.pos-2, 0)
			if n == 0 {
				if ok, err := s.fill(); err != nil {
					return tokEOF, err
				} else if !ok {
					return tokEOF, s.malformed("a CDATA section is not closed")
				}
				continue
			}
			s.text = s.buf[s.pos : s.pos+n]
			s.pos += n
			return tokText, nil
		}
		if s.buf[s.pos] != '<' {
			return tokText, s.textPiece()
		}
		return s.tag()
	}
}

// textPiece reads text up to the next tag or the end of the window, not
// cutting an entity in two.
func (s *xmlScanner) textPiece() error {
	raw := s.buf[s.pos:s.end]
	// Most text in a sheet is a short number: look at it byte by byte
	// before asking IndexByte, whose start costs more than that.
	short := -1
	for i := 0; i < min(len(raw), 24); i++ {
		if raw[i] == '<' {
			short = i
			break
		}
	}
	for {
		i := short
		if i < 0 {
			i = bytes.IndexByte(raw, '<')
		}
		if i >= 0 {
			raw = raw[:i]
			break
		}
		amp := bytes.LastIndexByte(raw, '&')
		if s.eof || amp < 0 || amp < len(raw)-16 || bytes.IndexByte(raw[amp:], ';') >= 0 {
			break
		}
		if amp > 0 {
			raw = raw[:amp] // the entity comes whole with the next piece
			break
		}
		// The window holds nothing but the start of an entity.
		if _, err := s.fill(); err != nil {
			return err
		}
		raw, short = s.buf[s.pos:s.end], -1
	}
	s.pos += len(raw)
	if bytes.IndexByte(raw, '&') < 0 {
		s.text = raw
		return nil
	}
	s.scratch = decodeEntities(s.scratch[:0], raw)
	s.text = s.scratch
	return nil
}

// tag reads the tag at pos.
func (s *xmlScanner) tag() (tokKind, error) {
	for {
		w := s.buf[s.pos:s.end]
		if len(w) >= 2 && (w[1] == '!' || w[1] == '?') {
			k, done, err := s.special(w)
			if err != nil || done {
				return k, err
			}
		} else if end := tagEnd(w); end > 0 {
			s.pos += end + 1
			return s.parseTag(w[1:end])
		} else if end == -2 {
			return tokEOF, s.malformed("a tag is not closed")
		}
		if s.end-s.pos >= maxTag {
			return tokEOF, s.malformed("a tag runs over 64 KiB")
		}
		if ok, err := s.fill(); err != nil {
			return tokEOF, err
		} else if !ok {
			return tokEOF, s.malformed("it ends inside a tag")
		}
	}
}

// special handles "<!" and "<?": comments and processing instructions are
// skipped, a CDATA section opens; done is false when the window must grow
// to tell.
func (s *xmlScanner) special(w []byte) (k tokKind, done bool, err error) {
	switch {
	case bytes.HasPrefix(w, []byte("<![CDATA[")):
		s.pos += 9
		s.cdata = true
	case bytes.HasPrefix(w, []byte("<!--")):
		s.pos += 4
		s.comment = true
	case bytes.HasPrefix(w, []byte("<!DOCTYPE")), bytes.HasPrefix(w, []byte("<!ENTITY")):
		return tokEOF, true, s.malformed("it declares a document type, which workbooks never do")
	case w[1] == '?':
		i := bytes.Index(w, []byte("?>"))
		if i < 0 {
			return 0, false, nil
		}
		s.pos += i + 2
	case len(w) < 9:
		return 0, false, nil
	default:
		return tokEOF, true, s.malformed("it holds an unknown <! declaration")
	}
	k, err = s.next()
	return k, true, err
}

// tagEnd returns the position of the '>' closing the tag at the start of
// w, outside quoted attribute values; -1 when w ends first, -2 when
// another tag begins first.
func tagEnd(w []byte) int {
	var quote byte
	for i := 1; i < len(w); i++ {
		switch c := w[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		case c == '<':
			return -2
		}
	}
	return -1
}

// parseTag splits a tag's inside (without < and >) into its local name
// and attributes.
func (s *xmlScanner) parseTag(in []byte) (tokKind, error) {
	k := tokStart
	if len(in) > 0 && in[0] == '/' {
		k, in = tokEnd, in[1:]
	} else if len(in) > 0 && in[len(in)-1] == '/' {
		k, in = tokEmpty, in[:len(in)-1]
	}
	n, colon := 0, -1
	for n < len(in) && !isSpace(in[n]) {
		if in[n] == ':' && colon < 0 {
			colon = n
		}
		n++
	}
	if n == 0 {
		return tokEOF, s.malformed("a tag has no name")
	}
	s.name, s.attrs = in[colon+1:n], in[n:]
	return k, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// localName drops a name's namespace prefix: files written by some tools
// spell every element "x:c".
func localName(b []byte) []byte {
	if i := bytes.IndexByte(b, ':'); i >= 0 {
		return b[i+1:]
	}
	return b
}

// attr returns the value of the attribute with the local name key in a
// tag's raw attributes, entities decoded, and whether it is there.
func attr(attrs []byte, key string) (string, bool) {
	for len(attrs) > 0 {
		i := 0
		for i < len(attrs) && isSpace(attrs[i]) {
			i++
		}
		attrs = attrs[i:]
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return "", false
		}
		name := bytes.TrimSpace(attrs[:eq])
		rest := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return "", false
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return "", false
		}
		val := rest[1 : 1+end]
		if string(localName(name)) == key {
			if bytes.IndexByte(val, '&') >= 0 {
				return string(decodeEntities(nil, val)), true
			}
			return string(val), true
		}
		attrs = rest[2+end:]
	}
	return "", false
}

// decodeEntities appends raw to dst with XML's entities and character
// references decoded; an unknown or broken one is kept as written.
func decodeEntities(dst, raw []byte) []byte {
	for {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			return append(dst, raw...)
		}
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		semi := bytes.IndexByte(raw[:min(len(raw), 16)], ';')
		if semi < 0 {
			dst = append(dst, '&')
			raw = raw[1:]
			continue
		}
		name := raw[1:semi]
		switch string(name) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			r, ok := charRef(name)
			if !ok {
				dst = append(dst, raw[:semi+1]...)
				raw = raw[semi+1:]
				continue
			}
			dst = utf8.AppendRune(dst, r)
		}
		raw = raw[semi+1:]
	}
}

// charRef reads "#123" or "#x7B".
func charRef(name []byte) (rune, bool) {
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	base, digits := 10, name[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// unescapeOOXML undoes the _xHHHH_ escapes with which Office writes
// characters XML cannot hold ("_x000D_" for a CR); "_x005F_" is an
// escaped underscore, so "_x005F_x000D_" reads "_x000D_".
func unescapeOOXML(b []byte) []byte {
	if bytes.Index(b, []byte("_x")) < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if b[i] == '_' && i+7 <= len(b) && b[i+1] == 'x' && b[i+6] == '_' {
			if n, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16); err == nil {
				r := rune(n)
				if !utf8.ValidRune(r) {
					r = utf8.RuneError
				}
				out = utf8.AppendRune(out, r)
				i += 7
				continue
			}
		}
		out = append(out, b[i])
		i++
	}
	return out
}

// errStop ends a scan early from inside its callback.
var errStop = errors.New("stop")
