package rouge

// L returns summary-level ROUGE-L of candidate sentences against reference
// sentences, each a list of tokens.
func L(cand, ref [][]string) Score {
	candN, refN := 0, 0
	cc := map[string]int{}
	rc := map[string]int{}
	for _, s := range cand {
		candN += len(s)
		for _, t := range s {
			cc[t]++
		}
	}
	for _, s := range ref {
		refN += len(s)
		for _, t := range s {
			rc[t]++
		}
	}
	hits := 0
	for _, r := range ref {
		for _, t := range unionLCS(r, cand) {
			if cc[t] > 0 && rc[t] > 0 {
				hits++
				cc[t]--
				rc[t]--
			}
		}
	}
	return newScore(hits, candN, refN)
}

// unionLCS returns the tokens of ref that lie on a longest common
// subsequence with any of the candidate sentences, in ref order.
func unionLCS(ref []string, cand [][]string) []string {
	in := make([]bool, len(ref))
	for _, c := range cand {
		for _, i := range lcsIndexes(ref, c) {
			in[i] = true
		}
	}
	var out []string
	for i, ok := range in {
		if ok {
			out = append(out, ref[i])
		}
	}
	return out
}

// lcsIndexes returns the indexes into a of one longest common subsequence
// of a and b, chosen by the usual backtrack (prefer dropping from a on ties).
func lcsIndexes(a, b []string) []int {
	w := len(b) + 1
	t := make([]int, (len(a)+1)*w)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				t[i*w+j] = t[(i-1)*w+j-1] + 1
			case t[(i-1)*w+j] >= t[i*w+j-1]:
				t[i*w+j] = t[(i-1)*w+j]
			default:
				t[i*w+j] = t[i*w+j-1]
			}
		}
	}
	var idx []int
	for i, j := len(a), len(b); i > 0 && j > 0; {
		switch {
		case a[i-1] == b[j-1]:
			idx = append(idx, i-1)
			i--
			j--
		case t[i*w+j-1] > t[(i-1)*w+j]:
			j--
		default:
			i--
		}
	}
	for l, r := 0, len(idx)-1; l < r; l, r = l+1, r-1 {
		idx[l], idx[r] = idx[r], idx[l]
	}
	return idx
}
