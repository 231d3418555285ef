package ner

// viterbi writes to tags the best valid BILOU tag sequence for the
// emission scores; back is scratch space of the same length. Ties go to
// the lowest tag. Words that are not active (active nil: all are) are
// tagged O.
//
// Invalid states hold about neg, far below any real score (|score| <
// 2^21 per word, so 10^4-word sentences stay below 2^35) and far from
// overflowing, so no state needs a validity test.
//
// Scores are held times 16, and a candidate's low four bits hold 15 minus
// the index of its predecessor, so that the plain maximum of the
// candidates is both the best score and, among equal scores, the lowest
// predecessor: the loops take maxima without branches. (16·|score| stays
// below 2^60.)
func viterbi(scores [][NumTags]int32, trans *[(NumTags + 1) * NumTags]int32, active []bool, back [][NumTags]uint8, tags []uint8) {
	n := len(scores)
	if n == 0 {
		return
	}
	const neg = -1 << 55 * 16
	var cur, next [NumTags]int64
	for b := 0; b < NumTags; b++ {
		cur[b] = neg
		if allowed[NumTags][b] && (active == nil || active[0] || b == 0) {
			cur[b] = 16 * (int64(scores[0][b]) + int64(trans[NumTags*NumTags+b]))
		}
	}
	// tc[j][k]: the transition from closedTags[k] to closedNext[j], with
	// the tie code of k
	const nc = len(closedTags)
	var tc [nc][nc]int64
	for j, b := range closedNext {
		for k, a := range closedTags {
			tc[j][k] = 16*int64(trans[int(a)*NumTags+int(b)]) + int64(15-k)
		}
	}
	// ti[t][p]: the transitions from B and I of type t (tie code 1 and 0)
	// to its I (p 0..1) and L (p 2..3)
	var ti [len(Types)][4]int64
	for t := range ti {
		bt, it := 1+4*t, 2+4*t
		for p, b := range [2]int{it, it + 1} {
			ti[t][2*p] = 16*int64(trans[bt*NumTags+b]) + 1
			ti[t][2*p+1] = 16 * int64(trans[it*NumTags+b])
		}
	}
	for i := 1; i < n; i++ {
		sc := &scores[i]
		bk := &back[i]
		var cc [nc]int64 // the scores of the closed tags
		for k, a := range closedTags {
			cc[k] = cur[a]
		}
		if active != nil && !active[i] { // O only
			m := bestOf(&cc, &tc[0])
			cur = negRow
			cur[0], bk[0] = m&^15+16*int64(sc[0]), closedTags[15-m&15]
			continue
		}
		// O, B and U follow O, L or U.
		for j := 0; j < nc; j++ {
			m := bestOf(&cc, &tc[j])
			b := closedNext[j]
			next[b], bk[b] = m&^15+16*int64(sc[b]), closedTags[15-m&15]
		}
		// I and L follow the B or I of their type.
		for t := 0; t < len(Types); t++ {
			bt, it := 1+4*t, 2+4*t
			x := &ti[t]
			for p := 0; p < 2; p++ {
				m := max(cur[bt]+x[2*p], cur[it]+x[2*p+1])
				b := it + p
				next[b], bk[b] = m&^15+16*int64(sc[b]), uint8(it-int(m&15))
			}
		}
		cur = next
	}
	best, arg := int64(neg), 0
	for b := 0; b < NumTags; b++ {
		if canEnd(b) && cur[b] > best {
			best, arg = cur[b], b
		}
	}
	for i := n - 1; i >= 0; i-- {
		tags[i] = uint8(arg)
		arg = int(back[i][arg])
	}
}

// bestOf returns the maximum of cc[k]+t[k] (written out for the nine
// closed tags of four types; the array type makes another count fail to
// compile).
func bestOf(cc, t *[9]int64) int64 {
	a := max(cc[0]+t[0], cc[1]+t[1], cc[2]+t[2])
	b := max(cc[3]+t[3], cc[4]+t[4], cc[5]+t[5])
	c := max(cc[6]+t[6], cc[7]+t[7], cc[8]+t[8])
	return max(a, b, c)
}

var negRow = func() (r [NumTags]int64) {
	for i := range r {
		r[i] = -1 << 55 * 16
	}
	return r
}()
