package rouge

import "strings"

// N returns ROUGE-N of candidate tokens against reference tokens.
func N(cand, ref []string, n int) Score {
	cc := ngrams(cand, n)
	rc := ngrams(ref, n)
	hits := 0
	for g, c := range cc {
		hits += min(c, rc[g])
	}
	return newScore(hits, max(len(cand)-n+1, 0), max(len(ref)-n+1, 0))
}

func ngrams(toks []string, n int) map[string]int {
	m := make(map[string]int)
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
	}
	return m
}
