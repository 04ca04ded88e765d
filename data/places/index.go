package places

import "strings"

// primaryBit marks, in a keyRef's place, that the key is the place's own
// name rather than one of its other names.
const primaryBit = 1 << 31

// keyRef is one folded name in the gazetteer's text: it starts at off and
// ends at the next zero byte, and names the place (with primaryBit).
type keyRef struct {
	off, place uint32
}

// nameIndex finds places by folded name: an open-addressing hash table of
// keyRefs with linear probing. Entries with the same key sit in the same
// probe run, so a lookup collects them all before the first empty slot.
// It is built in one pass, without sorting, and costs 8 bytes a slot.
type nameIndex struct {
	text  string
	slots []keyRef // place 0 with off 0 is empty: no key starts at offset 0, a name does
	mask  uint32
}

func buildIndex(text string, keys []keyRef) nameIndex {
	n := uint32(1)
	for n < uint32(len(keys))*3/2+1 { // at most two thirds full
		n <<= 1
	}
	ix := nameIndex{text: text, slots: make([]keyRef, n), mask: n - 1}
	for _, k := range keys {
		i := hashKey(ix.key(k.off)) & ix.mask
		for ix.slots[i].off != 0 {
			i = (i + 1) & ix.mask
		}
		ix.slots[i] = k
	}
	return ix
}

// key returns the key starting at off.
func (ix *nameIndex) key(off uint32) string {
	end := strings.IndexByte(ix.text[off:], 0)
	return ix.text[off : off+uint32(end)]
}

// lookup appends to dst the places named key (with primaryBit where it
// is their own name).
func (ix *nameIndex) lookup(key string, dst []uint32) []uint32 {
	if len(ix.slots) == 0 || key == "" {
		return dst
	}
	for i := hashKey(key) & ix.mask; ix.slots[i].off != 0; i = (i + 1) & ix.mask {
		s := ix.slots[i]
		t := ix.text[s.off:]
		if len(t) > len(key) && t[len(key)] == 0 && t[:len(key)] == key {
			dst = append(dst, s.place)
		}
	}
	return dst
}

// hashKey is 32-bit FNV-1a.
func hashKey(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
