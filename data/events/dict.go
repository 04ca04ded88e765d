package events

import (
	"bytes"
	"hash/maphash"
	"math"
)

// dict numbers distinct words in the order they are added. It keeps them
// in one byte slice and finds them through an open-addressing table of
// word numbers: a million distinct words (a million-row file's event ids)
// then cost no allocation each and nothing for the garbage collector to
// scan, where a map[string]uint32 made building the search index spend
// more time in the collector than in reading the text.
type dict struct {
	seed maphash.Seed
	// slots holds, for each word, the high half of its hash and its
	// number + 1 in the low half; 0 is an empty slot.
	slots []uint64
	words []byte   // every word followed by '\n'
	start []uint32 // word w is words[start[w] : start[w+1]-1]
	// full is set when the words pass the 4 GiB that start can address;
	// add then numbers nothing more.
	full bool
}

func newDict(seed maphash.Seed) *dict {
	return &dict{seed: seed, slots: make([]uint64, 1024), start: []uint32{0}}
}

// len returns the number of words.
func (d *dict) len() int { return len(d.start) - 1 }

// word returns word number w.
func (d *dict) word(w uint32) []byte { return d.words[d.start[w] : d.start[w+1]-1] }

// add returns the number of word w, numbering it when it is new.
func (d *dict) add(w []byte) uint32 {
	if 2*(d.len()+1) > len(d.slots) {
		d.grow()
	}
	h := maphash.Bytes(d.seed, w)
	mask := uint64(len(d.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := d.slots[i]
		if s == 0 {
			if len(d.words)+len(w)+1 > math.MaxUint32 {
				d.full = true
				return 0
			}
			id := uint32(d.len())
			d.words = append(append(d.words, w...), '\n')
			d.start = append(d.start, uint32(len(d.words)))
			d.slots[i] = h&^math.MaxUint32 | uint64(id+1)
			return id
		}
		if s>>32 == h>>32 && bytes.Equal(d.word(uint32(s)-1), w) {
			return uint32(s) - 1
		}
	}
}

// grow doubles the table, placing every word anew.
func (d *dict) grow() { d.resize(2 * len(d.slots)) }

// reserve makes room for n words in all without growing the table: each
// doubling rehashes every word and leaves the old table behind.
func (d *dict) reserve(n int) {
	size := len(d.slots)
	for 2*n > size {
		size *= 2
	}
	if size > len(d.slots) {
		d.resize(size)
	}
}

// resize places every word anew in a table of size slots, a power of two.
func (d *dict) resize(size int) {
	d.slots = make([]uint64, size)
	mask := uint64(len(d.slots) - 1)
	for id := range d.len() {
		h := maphash.Bytes(d.seed, d.word(uint32(id)))
		i := h & mask
		for d.slots[i] != 0 {
			i = (i + 1) & mask
		}
		d.slots[i] = h&^math.MaxUint32 | uint64(id+1)
	}
}
