package ner

import (
	"slices"
	"testing"
)

// viterbiRef is the straightforward Viterbi that viterbi replaced, kept to
// check that the faster one gives the same tags and back pointers.
func viterbiRef(scores [][NumTags]int32, trans *[(NumTags + 1) * NumTags]int32, active []bool, back [][NumTags]uint8, tags []uint8) {
	n := len(scores)
	if n == 0 {
		return
	}
	const neg = -1 << 55
	var cur, next [NumTags]int64
	for b := 0; b < NumTags; b++ {
		cur[b] = neg
		if allowed[NumTags][b] && (active == nil || active[0] || b == 0) {
			cur[b] = int64(scores[0][b]) + int64(trans[NumTags*NumTags+b])
		}
	}
	// tc[j][k]: the transition from closedTags[k] to closedNext[j]
	const nc = len(closedTags)
	var tc [nc][nc]int64
	for j, b := range closedNext {
		for k, a := range closedTags {
			tc[j][k] = int64(trans[int(a)*NumTags+int(b)])
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
			best, arg := cc[0]+tc[0][0], 0
			for k := 1; k < nc; k++ {
				if v := cc[k] + tc[0][k]; v > best {
					best, arg = v, k
				}
			}
			cur = negRowRef
			cur[0], bk[0] = best+int64(sc[0]), closedTags[arg]
			continue
		}
		// O, B and U follow O, L or U.
		for j := 0; j < nc; j++ {
			t := &tc[j]
			best, arg := cc[0]+t[0], 0
			for k := 1; k < nc; k++ {
				if v := cc[k] + t[k]; v > best {
					best, arg = v, k
				}
			}
			b := closedNext[j]
			next[b], bk[b] = best+int64(sc[b]), closedTags[arg]
		}
		// I and L follow the B or I of their type.
		for t := 0; t < len(Types); t++ {
			bt, it := 1+4*t, 2+4*t
			for _, b := range [2]int{it, it + 1} {
				best, arg := cur[bt]+int64(trans[bt*NumTags+b]), uint8(bt)
				if v := cur[it] + int64(trans[it*NumTags+b]); v > best {
					best, arg = v, uint8(it)
				}
				next[b], bk[b] = best+int64(sc[b]), arg
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

var negRowRef = func() (r [NumTags]int64) {
	for i := range r {
		r[i] = -1 << 55
	}
	return r
}()

// TestViterbiSame checks viterbi against viterbiRef on random scores and
// transitions, some drawn from a few values so that ties are common, with
// and without inactive words.
func TestViterbiSame(t *testing.T) {
	seed := uint32(11)
	rnd := func(span int32) int32 {
		seed = seed*1664525 + 1013904223
		return int32(seed>>8)%span - span/2
	}
	for round := 0; round < 3000; round++ {
		span := []int32{3, 5, 64, 1 << 16}[round%4]
		var trans [(NumTags + 1) * NumTags]int32
		for i := range trans {
			trans[i] = rnd(span)
		}
		n := 1 + round%37
		scores := make([][NumTags]int32, n)
		var active []bool
		if round%3 != 0 {
			active = make([]bool, n)
		}
		for i := range scores {
			for b := range scores[i] {
				scores[i][b] = rnd(span)
			}
			if active != nil {
				active[i] = rnd(4) >= 0
			}
		}
		got, want := make([]uint8, n), make([]uint8, n)
		gb, wb := make([][NumTags]uint8, n), make([][NumTags]uint8, n)
		viterbi(scores, &trans, active, gb, got)
		viterbiRef(scores, &trans, active, wb, want)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: tags %v, want %v", round, got, want)
		}
		for i := 1; i < n; i++ {
			if gb[i] != wb[i] {
				t.Fatalf("round %d: back[%d] = %v, want %v", round, i, gb[i], wb[i])
			}
		}
	}
}

// BenchmarkViterbi runs viterbi (and viterbiRef, for comparison) on a
// 30-word sentence of random scores, two words in three active.
func BenchmarkViterbi(b *testing.B) {
	seed := uint32(5)
	rnd := func() int32 { seed = seed*1664525 + 1013904223; return int32(seed>>16) - 32768 }
	var trans [(NumTags + 1) * NumTags]int32
	for i := range trans {
		trans[i] = rnd()
	}
	const n = 30
	scores := make([][NumTags]int32, n)
	active := make([]bool, n)
	for i := range scores {
		for t := range scores[i] {
			scores[i][t] = rnd()
		}
		active[i] = i%3 != 2
	}
	tags, back := make([]uint8, n), make([][NumTags]uint8, n)
	for _, v := range []struct {
		name string
		f    func([][NumTags]int32, *[(NumTags + 1) * NumTags]int32, []bool, [][NumTags]uint8, []uint8)
	}{{"new", viterbi}, {"ref", viterbiRef}} {
		b.Run(v.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				v.f(scores, &trans, active, back, tags)
			}
		})
	}
}

// TestClosedTags checks the closed tags that the full step of paths.best
// reads by number.
func TestClosedTags(t *testing.T) {
	if want := [nc]uint8{0, 3, 4, 7, 8, 11, 12, 15, 16}; closedTags != want {
		t.Errorf("closedTags = %v, want %v", closedTags, want)
	}
}
