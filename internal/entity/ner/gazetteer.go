package ner

// Gazetteer maps a hash of a lower-cased word sequence to the set of types
// (bit i for Types[i]) it was annotated with in training, and for single
// words whether they began (FirstName) or ended (LastName) a person's name
// of two or more words. The name bits are not features of the tagger.
type Gazetteer struct {
	Names    map[uint64]uint8
	MaxLen   int
	prefixes bool // Names holds the Prefix entries
}

func gazKey(ws []word) uint64 {
	h := newHash(200)
	for i := range ws {
		h = h.str(ws[i].low)
	}
	return uint64(h)
}

func gazKeyStrings(low []string) uint64 {
	h := newHash(200)
	for _, s := range low {
		h = h.str(s)
	}
	return uint64(h)
}

// Add records the words of a span as a name of type typ.
func (g *Gazetteer) add(words []string, typ int) {
	low := make([]string, len(words))
	for i, w := range words {
		low[i] = foldWord(w)
	}
	g.addLow(low, typ)
}

// addLow is add for words already folded (foldWord).
func (g *Gazetteer) addLow(low []string, typ int) {
	if g.Names == nil {
		g.Names = map[uint64]uint8{}
		g.prefixes = true
	}
	g.Names[gazKeyStrings(low)] |= 1 << typ
	for k := 1; k < len(low); k++ {
		g.Names[gazKeyStrings(low[:k])] |= Prefix
	}
	if typ == 0 && len(low) > 1 {
		g.Names[gazKeyStrings(low[:1])] |= FirstName
		g.Names[gazKeyStrings(low[len(low)-1:])] |= LastName
	}
	if len(low) > g.MaxLen {
		g.MaxLen = len(low)
	}
}

// match returns, for each word, for each type, the BILOU position+1 of the
// longest gazetteer name of that type covering the word (0: none).
func (g *Gazetteer) match(ws []word, out [][len(Types)]uint8) {
	for i := range out {
		out[i] = [len(Types)]uint8{}
	}
	if len(g.Names) == 0 {
		return
	}
	// the length of the match recorded (on the stack for most sentences)
	var stack [64][len(Types)]int32
	var best [][len(Types)]int32
	if len(ws) <= len(stack) {
		best = stack[:len(ws)]
	} else {
		best = make([][len(Types)]int32, len(ws))
	}
	for i := range ws {
		if !ws[i].upper && !startsDigit(ws[i].raw) {
			continue // names begin with a capital or a number
		}
		h := newHash(200)
		for n := 1; n <= g.MaxLen && i+n <= len(ws); n++ {
			h = h.str(ws[i+n-1].low)
			mask, ok := g.Names[uint64(h)]
			if !ok {
				if g.prefixes {
					break // no name goes on with these words
				}
				continue
			}
			for t := range Types {
				if mask&(1<<t) == 0 {
					continue
				}
				for j := i; j < i+n; j++ {
					if int32(n) <= best[j][t] {
						continue
					}
					best[j][t] = int32(n)
					var p int
					switch {
					case n == 1:
						p = posU
					case j == i:
						p = posB
					case j == i+n-1:
						p = posL
					default:
						p = posI
					}
					out[j][t] = uint8(p + 1)
				}
			}
		}
	}
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// Bits of Gazetteer.Names beyond the types.
const (
	FirstName uint8 = 1 << 4 // began a person's name in training
	LastName  uint8 = 1 << 5 // ended one
	Prefix    uint8 = 1 << 6 // began a longer name (match stops where no name goes on)
)

// NameTypes returns the types (bit i for Types[i]) the words were
// annotated with as a whole name in training, with FirstName and
// LastName for a single word; 0 when never.
func (m *Model) NameTypes(words []string) uint8 {
	h := newHash(200)
	for _, w := range words {
		h = h.strFold(w)
	}
	return m.Gaz.Names[uint64(h)]
}
