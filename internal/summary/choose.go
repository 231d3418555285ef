package summary

import "math"

// choose picks up to n sentences greedily by score less the redundancy
// penalty; weak sentences only when no usable one is left. Ties go to the
// earlier sentence.
func choose(sents []sentence, scores []float64, n int, w *weights) []int {
	var picked []int
	for _, weakPass := range []bool{false, true} {
		for len(picked) < n {
			best, bestV := -1, math.Inf(-1)
			for i, s := range sents {
				if s.exclude || s.weak != weakPass || contains(picked, i) {
					continue
				}
				red := 0.0
				repeat := false
				for _, j := range picked {
					o := overlap(s.terms, sents[j].terms)
					red = max(red, o)
					if o > w.dup || len(s.terms) == 0 && len(sents[j].terms) == 0 && same(s, sents[j]) {
						repeat = true
					}
				}
				if repeat {
					continue
				}
				if v := scores[i] - w.redundancy*red; v > bestV {
					best, bestV = i, v
				}
			}
			if best < 0 {
				break
			}
			picked = append(picked, best)
		}
	}
	return picked
}

// overlap is the share of a's terms found in b, over the smaller of the two.
func overlap(a, b []int32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(common) / float64(min(len(a), len(b)))
}

// same reports two sentences without content words as repeats of each other.
func same(a, b sentence) bool { return a.words == b.words }

func contains(a []int, x int) bool {
	for _, y := range a {
		if y == x {
			return true
		}
	}
	return false
}
