package summary

import "bytes"

// phrases finds any of fixed lists of phrases in a text in one pass: a
// bit set of the phrases' first two bytes rejects most places at once,
// and the phrases that begin with the two bytes there are compared
// whole. It reports, for each list, what strings.Contains reports for
// some phrase of the list, without scanning the text once per phrase or
// per list.
type phrases struct {
	pair  [1 << 16 / 64]uint64 // bit set of the first two bytes
	start map[uint16][]phrase  // the phrases beginning with each pair
	short []phrase             // phrases of fewer than two bytes
	all   uint8                // the bits of all lists
}

// phrase is one phrase and the bit of its list.
type phrase struct {
	b    []byte
	list uint8
}

// newPhrases makes the finder of the lists (at most eight); list i has
// bit 1<<i in the results of find.
func newPhrases(lists ...[]string) *phrases {
	p := &phrases{start: map[uint16][]phrase{}}
	for i, list := range lists {
		bit := uint8(1) << i
		p.all |= bit
		for _, s := range list {
			if len(s) < 2 {
				p.short = append(p.short, phrase{[]byte(s), bit})
				continue
			}
			k := uint16(s[0])<<8 | uint16(s[1])
			p.pair[k/64] |= 1 << (k % 64)
			p.start[k] = append(p.start[k], phrase{[]byte(s), bit})
		}
	}
	return p
}

// in reports whether b contains a phrase of any list.
func (p *phrases) in(b []byte) bool { return p.find(b) != 0 }

// find returns the bits of the lists that have a phrase in b.
func (p *phrases) find(b []byte) uint8 {
	found := uint8(0)
	for _, s := range p.short {
		if found&s.list == 0 && bytes.Contains(b, s.b) {
			found |= s.list
		}
	}
	for i := 0; i+1 < len(b) && found != p.all; i++ {
		k := uint16(b[i])<<8 | uint16(b[i+1])
		if p.pair[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, s := range p.start[k] {
			if found&s.list == 0 && bytes.HasPrefix(b[i:], s.b) {
				found |= s.list
			}
		}
	}
	return found
}
