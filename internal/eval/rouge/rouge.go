// Package rouge scores a candidate summary against a reference summary
// with ROUGE-1, ROUGE-2 and ROUGE-L F1, computed as the ROUGE-1.5.5 perl
// script (options -m, no stop-word removal) and Google's rouge-score
// package (use_stemmer=True) compute them:
//
//   - Tokens: the text is lower-cased, every run of characters other than
//     a-z and 0-9 is a separator, and tokens longer than three letters are
//     reduced by the original Porter stemmer (package stem).
//   - ROUGE-N: clipped n-gram overlap; recall over the reference's n-grams,
//     precision over the candidate's, F1 their harmonic mean.
//   - ROUGE-L: the summary-level LCS of the ROUGE paper (rouge-score's
//     "rougeLsum", the perl script's ROUGE-L): for each reference sentence,
//     the union of its longest common subsequences with every candidate
//     sentence, each token counted at most as often as it occurs on both
//     sides. With one sentence on each side it is the plain LCS F1.
//
// Scores are fractions in [0, 1]; a side with no tokens scores 0.
package rouge

import "brief/internal/stem"

// Score is one ROUGE measure of one candidate against one reference.
type Score struct {
	P, R, F float64
}

func newScore(hits, candN, refN int) Score {
	var s Score
	if candN > 0 {
		s.P = float64(hits) / float64(candN)
	}
	if refN > 0 {
		s.R = float64(hits) / float64(refN)
	}
	if s.P+s.R > 0 {
		s.F = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Tokens returns the ROUGE tokens of s: lower-case, alphanumeric, stemmed.
func Tokens(s string) []string {
	var out []string
	word := make([]byte, 0, 32)
	flush := func() {
		if len(word) == 0 {
			return
		}
		w := string(word)
		if len(w) > 3 {
			w = stem.Stem(w)
		}
		out = append(out, w)
		word = word[:0]
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			word = append(word, byte(r))
		case r >= 'A' && r <= 'Z':
			word = append(word, byte(r-'A'+'a'))
		default:
			flush()
		}
	}
	flush()
	return out
}

// Result holds the three measures of one candidate.
type Result struct {
	R1, R2, RL Score
}

// Compare scores candidate sentences against reference sentences. Sentences
// only matter to ROUGE-L; ROUGE-N sees the concatenation.
func Compare(cand, ref []string) Result {
	c := tokenizeAll(cand)
	r := tokenizeAll(ref)
	return Result{
		R1: N(flatten(c), flatten(r), 1),
		R2: N(flatten(c), flatten(r), 2),
		RL: L(c, r),
	}
}

func tokenizeAll(sents []string) [][]string {
	out := make([][]string, 0, len(sents))
	for _, s := range sents {
		if t := Tokens(s); len(t) > 0 {
			out = append(out, t)
		}
	}
	return out
}

func flatten(ss [][]string) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s...)
	}
	return out
}
