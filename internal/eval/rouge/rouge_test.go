package rouge

import (
	"math"
	"strings"
	"testing"
)

// Porter's own examples from the 1980 paper and his reference vocabulary.

func TestTokens(t *testing.T) {
	got := strings.Join(Tokens("The U.S. strikes, on Iran-backed militias (2,500 troops) — café!"), " ")
	want := "the u s strike on iran back militia 2 500 troop caf"
	if got != want {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScores(t *testing.T) {
	for _, c := range []struct {
		name      string
		cand, ref []string
		metric    func(Result) Score
		want      Score
	}{
		{"rouge1", []string{"testing"}, []string{"testing one two"},
			func(r Result) Score { return r.R1 }, Score{1, 1.0 / 3, 0.5}},
		{"rouge2", []string{"testing one"}, []string{"testing one two"},
			func(r Result) Score { return r.R2 }, Score{1, 0.5, 2.0 / 3}},
		{"rouge1 clipped", []string{"the the the"}, []string{"the cat"},
			func(r Result) Score { return r.R1 }, Score{1.0 / 3, 0.5, 0.4}},
		// The ROUGE paper's summary-level example: r = w1..w5, c1 = w1 w2 w6 w7 w8,
		// c2 = w1 w3 w8 w9 w5; the union LCS is w1 w2 w3 w5.
		{"rougeL union", []string{"w1 w2 w6 w7 w8", "w1 w3 w8 w9 w5"}, []string{"w1 w2 w3 w4 w5"},
			func(r Result) Score { return r.RL }, Score{0.4, 0.8, 2 * 0.4 * 0.8 / 1.2}},
		{"rougeL plain", []string{"police shot the gunman"}, []string{"police kill the gunman"},
			func(r Result) Score { return r.RL }, Score{0.75, 0.75, 0.75}},
		{"empty", nil, []string{"a b"},
			func(r Result) Score { return r.R1 }, Score{}},
	} {
		got := c.metric(Compare(c.cand, c.ref))
		if !near(got.P, c.want.P) || !near(got.R, c.want.R) || !near(got.F, c.want.F) {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}
