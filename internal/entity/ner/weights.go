package ner

// weights is a trained stage: a hash table from feature key to a row of
// NumTags int16 weights, and transition weights (row NumTags: start).
type weights struct {
	keys  []uint32 // open addressing, len a power of two, 0 = empty
	rows  []int32  // row index for each slot
	w     []int16  // len(rows used) * NumTags
	trans [(NumTags + 1) * NumTags]int16
}

func newWeights(n int) *weights {
	size := 1
	for size < 2*n {
		size <<= 1
	}
	return &weights{keys: make([]uint32, size), rows: make([]int32, size)}
}

func (ws *weights) insert(k uint32, row []int16) {
	mask := uint32(len(ws.keys) - 1)
	for i := k * 2654435761 & mask; ; i = (i + 1) & mask {
		if ws.keys[i] == 0 {
			ws.keys[i] = k
			ws.rows[i] = int32(len(ws.w) / NumTags)
			ws.w = append(ws.w, row...)
			return
		}
		if ws.keys[i] == k {
			r := ws.w[int(ws.rows[i])*NumTags:]
			for t := range row {
				r[t] += row[t]
			}
			return
		}
	}
}

func (ws *weights) lookup(k uint32) []int16 {
	mask := uint32(len(ws.keys) - 1)
	for i := k * 2654435761 & mask; ; i = (i + 1) & mask {
		switch ws.keys[i] {
		case 0:
			return nil
		case k:
			r := int(ws.rows[i]) * NumTags
			return ws.w[r : r+NumTags]
		}
	}
}

// emissions fills scores[i] with the summed weights of word i's features.
func (ws *weights) emissions(feats [][]uint32, scores [][NumTags]float32) {
	for i, f := range feats {
		var s [NumTags]int32
		for _, k := range f {
			if r := ws.lookup(k); r != nil {
				for t := range s {
					s[t] += int32(r[t])
				}
			}
		}
		for t := range s {
			scores[i][t] = float32(s[t])
		}
	}
}

// viterbi returns the best valid BILOU tag sequence.
func viterbi(scores [][NumTags]float32, trans func(a, b int) float32) []uint8 {
	n := len(scores)
	tags := make([]uint8, n)
	if n == 0 {
		return tags
	}
	const neg = -1e300
	back := make([][NumTags]uint8, n)
	var cur, next [NumTags]float64
	for b := 0; b < NumTags; b++ {
		if allowed[NumTags][b] {
			cur[b] = float64(scores[0][b] + trans(NumTags, b))
		} else {
			cur[b] = neg
		}
	}
	for i := 1; i < n; i++ {
		for b := 0; b < NumTags; b++ {
			best, arg := float64(neg), 0
			for a := 0; a < NumTags; a++ {
				if !allowed[a][b] || cur[a] <= neg {
					continue
				}
				if v := cur[a] + float64(trans(a, b)); v > best {
					best, arg = v, a
				}
			}
			if best > neg {
				best += float64(scores[i][b])
			}
			next[b], back[i][b] = best, uint8(arg)
		}
		cur = next
	}
	best, arg := float64(neg), 0
	for b := 0; b < NumTags; b++ {
		if canEnd(b) && cur[b] > best {
			best, arg = cur[b], b
		}
	}
	for i := n - 1; i >= 0; i-- {
		tags[i] = uint8(arg)
		arg = int(back[i][arg])
	}
	return tags
}
