package ner

// weights is a trained stage: an open-addressing hash table from feature
// key to a sparse row of weights, and transition weights (row NumTags:
// start).
//
// Most features have only two or three non-zero tags, so a slot holds the
// key and up to three entries, each tag<<16 | uint16(weight): one cache
// line is read per feature. A row with more entries (frequent features,
// read for most words) is kept whole in dense, and its slot holds the
// overflow mark and the row's index. Unused entries are empty (tag 31,
// weight 0). Key 0 marks an empty slot.
type weights struct {
	slots []slot // len a power of two
	dense [][NumTags]int16
	// packed holds the dense rows for adding two tags at a time: word j
	// has tag 2j in its low half and 2j+1 in its high half, each weight
	// biased by +2^15 so that sums of many rows never carry across.
	packed [][packedLen]uint64
	n      int // features stored
	trans  [(NumTags + 1) * NumTags]int16
}

type slot struct {
	key uint32
	e   [3]uint32
}

const (
	emptyEnt = 31 << 16
	overflow = 30 << 16
)

func newWeights(n int) *weights {
	size := 1
	for size < n+n/2 {
		size <<= 1
	}
	// about a quarter of the rows are dense
	return &weights{slots: make([]slot, size), dense: make([][NumTags]int16, 0, n/4),
		packed: make([][packedLen]uint64, 0, n/4)}
}

func slotOf(k uint32, mask uint32) uint32 { return k * 2654435761 & mask }

// insert adds the row of feature k; a key already present is left as it is
// (keys are unique in trained models and in well-formed files).
func (ws *weights) insert(k uint32, row []int16) {
	mask := uint32(len(ws.slots) - 1)
	for i := slotOf(k, mask); ; i = (i + 1) & mask {
		s := &ws.slots[i]
		if s.key == k {
			return
		}
		if s.key != 0 {
			continue
		}
		var buf [NumTags]uint32
		es := buf[:0]
		for t, v := range row {
			if v != 0 {
				es = append(es, uint32(t)<<16|uint32(uint16(v)))
			}
		}
		s.key = k
		s.e = [3]uint32{emptyEnt, emptyEnt, emptyEnt}
		if len(es) <= 3 {
			copy(s.e[:], es)
		} else {
			s.e = [3]uint32{overflow, uint32(len(ws.dense)), 0}
			ws.dense = append(ws.dense, [NumTags]int16(row))
			ws.packed = append(ws.packed, pack(row))
		}
		ws.n++
		return
	}
}

// row returns the weights of feature k (zero when absent).
func (ws *weights) row(k uint32) (row [NumTags]int16) {
	mask := uint32(len(ws.slots) - 1)
	for i := slotOf(k, mask); ; i = (i + 1) & mask {
		s := &ws.slots[i]
		if s.key == 0 {
			return row
		}
		if s.key == k {
			if s.e[0] == overflow {
				return ws.dense[s.e[1]]
			}
			for _, e := range s.e {
				if t := int(e >> 16); t < NumTags {
					row[t] = int16(uint16(e))
				}
			}
			return row
		}
	}
}

// keys returns the stored feature keys (in table order).
func (ws *weights) keys() []uint32 {
	out := make([]uint32, 0, ws.n)
	for _, s := range ws.slots {
		if s.key != 0 {
			out = append(out, s.key)
		}
	}
	return out
}

func (ws *weights) len() int { return ws.n }

const packedLen = (NumTags + 1) / 2

const packBias = 1 << 15

func pack(row []int16) (p [packedLen]uint64) {
	for t := 0; t < 2*packedLen; t++ {
		v := uint64(packBias)
		if t < len(row) {
			v = uint64(int64(row[t]) + packBias)
		}
		p[t/2] |= v << (32 * (t % 2))
	}
	return p
}

// add adds the weights of the features fs: sparse rows to s (indexed by
// tag; entries 17..31 are scratch), dense rows to acc, counting them in
// nd.
func (ws *weights) add(s *[32]int32, acc *[packedLen]uint64, nd *int64, fs []uint32) {
	slots := ws.slots
	mask := uint32(len(slots) - 1)
	for _, k := range fs {
		for j := slotOf(k, mask); ; j = (j + 1) & mask {
			sl := &slots[j]
			if sl.key == k {
				if sl.e[0] == overflow {
					p := &ws.packed[sl.e[1]]
					acc[0] += p[0]
					acc[1] += p[1]
					acc[2] += p[2]
					acc[3] += p[3]
					acc[4] += p[4]
					acc[5] += p[5]
					acc[6] += p[6]
					acc[7] += p[7]
					acc[8] += p[8]
					*nd++
				} else {
					s[sl.e[0]>>16&31] += int32(int16(uint16(sl.e[0])))
					s[sl.e[1]>>16&31] += int32(int16(uint16(sl.e[1])))
					s[sl.e[2]>>16&31] += int32(int16(uint16(sl.e[2])))
				}
				break
			}
			if sl.key == 0 {
				break
			}
		}
	}
}

// emissions sets scores[i] to the summed weights of word i's features;
// a word that is not active (active nil: all are) is forced to O.
func (ws *weights) emissions(feats [][]uint32, active []bool, scores [][NumTags]int32) {
	for i, f := range feats {
		if active != nil && !active[i] {
			scores[i] = forcedO
			continue
		}
		scores[i] = ws.sum(f)
	}
}

// sum returns the summed weights of the features fs.
func (ws *weights) sum(fs []uint32) (out [NumTags]int32) {
	var s [32]int32
	var acc [packedLen]uint64
	var nd int64
	ws.add(&s, &acc, &nd, fs)
	for t := range out {
		lane := int64(acc[t/2] >> (32 * (t % 2)) & 0xffffffff)
		out[t] = s[t] + int32(lane-nd*packBias)
	}
	return out
}

var forcedO = func() (s [NumTags]int32) {
	for t := 1; t < NumTags; t++ {
		s[t] = -1 << 30
	}
	return s
}()

// transitions returns the transition weights as int32 for viterbi.
func (ws *weights) transitions() *[(NumTags + 1) * NumTags]int32 {
	var t [(NumTags + 1) * NumTags]int32
	for i, v := range ws.trans {
		t[i] = int32(v)
	}
	return &t
}

// paths returns the transition weights arranged for viterbi.
func (ws *weights) paths() *paths { return newPaths(ws.transitions()) }

// closedTags end a name or are outside one (O, L, U); closedNext may
// follow them (O, B, U). Both in increasing order.
var closedTags, closedNext = func() (c, o [1 + 2*len(Types)]uint8) {
	for t := 0; t < len(Types); t++ {
		c[1+2*t], c[2+2*t] = uint8(tagOf(t, posL)), uint8(tagOf(t, posU))
		o[1+2*t], o[2+2*t] = uint8(tagOf(t, posB)), uint8(tagOf(t, posU))
	}
	return c, o
}()
