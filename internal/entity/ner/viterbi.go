package ner

// viterbi writes to tags the best valid BILOU tag sequence for the
// emission scores; back is scratch space of the same length. Ties go to
// the lowest tag. Words that are not active (active nil: all are) are
// tagged O.
func viterbi(scores [][NumTags]int32, trans *[(NumTags + 1) * NumTags]int32, active []bool, back [][NumTags]uint8, tags []uint8) {
	newPaths(trans).best(scores, active, back, tags)
}

// paths is the transition table of a stage arranged for viterbi, made
// once per stage.
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
type paths struct {
	start [NumTags]int64 // 16·transition from the sentence start; neg where not allowed
	// tc[j][k]: the transition from closedTags[k] to closedNext[j], with
	// the tie code of k
	tc [nc][nc]int64
	// ti[t][p]: the transitions from B and I of type t (tie code 1 and 0)
	// to its I (p 0..1) and L (p 2..3)
	ti [len(Types)][4]int64
}

const (
	nc  = len(closedTags)
	neg = -1 << 55 * 16
)

func newPaths(trans *[(NumTags + 1) * NumTags]int32) *paths {
	p := new(paths)
	for b := 0; b < NumTags; b++ {
		p.start[b] = neg
		if allowed[NumTags][b] {
			p.start[b] = 16 * int64(trans[NumTags*NumTags+b])
		}
	}
	for j, b := range closedNext {
		for k, a := range closedTags {
			p.tc[j][k] = 16*int64(trans[int(a)*NumTags+int(b)]) + int64(15-k)
		}
	}
	for t := range p.ti {
		bt, it := 1+4*t, 2+4*t
		for q, b := range [2]int{it, it + 1} {
			p.ti[t][2*q] = 16*int64(trans[bt*NumTags+b]) + 1
			p.ti[t][2*q+1] = 16 * int64(trans[it*NumTags+b])
		}
	}
	return p
}

// best is viterbi with the stage's tables.
//
// After a word tagged O only (not active, or the first word when it is
// not), every state but O holds exactly neg, so the best predecessor of
// every state that follows O is O: those steps add O's score to the
// transitions without taking maxima, and give the same scores and back
// pointers as the full step.
func (p *paths) best(scores [][NumTags]int32, active []bool, back [][NumTags]uint8, tags []uint8) {
	n := len(scores)
	if n == 0 {
		return
	}
	cur := negRow
	oOnly := active != nil && !active[0]
	for b := 0; b < NumTags; b++ {
		if p.start[b] != neg && (!oOnly || b == 0) {
			cur[b] = 16*int64(scores[0][b]) + p.start[b]
		}
	}
	oo := p.tc[0][0] &^ 15 // O to O
	var next [NumTags]int64
	for i := 1; i < n; i++ {
		sc := &scores[i]
		bk := &back[i]
		if active != nil && !active[i] { // O only
			if oOnly {
				cur[0], bk[0] = cur[0]+oo+16*int64(sc[0]), 0
				continue
			}
			var cc [nc]int64 // the scores of the closed tags
			for k, a := range closedTags {
				cc[k] = cur[a]
			}
			m := bestOf(&cc, &p.tc[0])
			cur = negRow
			cur[0], bk[0] = m&^15+16*int64(sc[0]), tieTag[m&15]
			oOnly = true
			continue
		}
		// O, B and U follow O, L or U.
		if oOnly {
			for j := 0; j < nc; j++ {
				b := closedNext[j]
				next[b], bk[b] = cur[0]+p.tc[j][0]&^15+16*int64(sc[b]), 0
			}
		} else {
			// the scores of the closed tags, O, L and U of each type
			// (closedTags; TestClosedTags)
			c0, c1, c2, c3, c4 := cur[0], cur[3], cur[4], cur[7], cur[8]
			c5, c6, c7, c8 := cur[11], cur[12], cur[15], cur[16]
			for j := 0; j < nc; j++ {
				t := &p.tc[j]
				m := max(max(c0+t[0], c1+t[1], c2+t[2]), max(c3+t[3], c4+t[4], c5+t[5]),
					max(c6+t[6], c7+t[7], c8+t[8]))
				b := closedNext[j]
				next[b], bk[b] = m&^15+16*int64(sc[b]), tieTag[m&15]
			}
		}
		oOnly = false
		// I and L follow the B or I of their type.
		for t := 0; t < len(Types); t++ {
			bt, it := 1+4*t, 2+4*t
			x := &p.ti[t]
			for q := 0; q < 2; q++ {
				m := max(cur[bt]+x[2*q], cur[it]+x[2*q+1])
				b := it + q
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

// tieTag maps the tie code of a candidate from a closed tag (15 minus its
// index in closedTags) back to the tag.
var tieTag = func() (t [16]uint8) {
	for k, a := range closedTags {
		t[15-k] = a
	}
	return t
}()

var negRow = func() (r [NumTags]int64) {
	for i := range r {
		r[i] = neg
	}
	return r
}()
