package summary

import "bytes"

// phrases finds any of a fixed list of phrases in a text in one pass: a
// bit set of the phrases' first two bytes rejects most places at once,
// and the phrases that begin with the two bytes there are compared
// whole. It reports what strings.Contains reports for some phrase of the
// list, without scanning the text once per phrase.
type phrases struct {
	pair  [1 << 16 / 64]uint64 // bit set of the first two bytes
	start map[uint16][][]byte  // the phrases beginning with each pair
	short [][]byte             // phrases of fewer than two bytes
}

func newPhrases(list []string) *phrases {
	p := &phrases{start: map[uint16][][]byte{}}
	for _, s := range list {
		if len(s) < 2 {
			p.short = append(p.short, []byte(s))
			continue
		}
		k := uint16(s[0])<<8 | uint16(s[1])
		p.pair[k/64] |= 1 << (k % 64)
		p.start[k] = append(p.start[k], []byte(s))
	}
	return p
}

// in reports whether b contains one of the phrases.
func (p *phrases) in(b []byte) bool {
	for _, s := range p.short {
		if bytes.Contains(b, s) {
			return true
		}
	}
	for i := 0; i+1 < len(b); i++ {
		k := uint16(b[i])<<8 | uint16(b[i+1])
		if p.pair[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, s := range p.start[k] {
			if bytes.HasPrefix(b[i:], s) {
				return true
			}
		}
	}
	return false
}
