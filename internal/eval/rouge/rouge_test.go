package rouge

import (
	"math"
	"strings"
	"testing"
)

// Porter's own examples from the 1980 paper and his reference vocabulary.
func TestStem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"caresses", "caress"}, {"ponies", "poni"}, {"ties", "ti"}, {"caress", "caress"},
		{"cats", "cat"}, {"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"},
		{"bled", "bled"}, {"motoring", "motor"}, {"sing", "sing"}, {"conflated", "conflat"},
		{"troubled", "troubl"}, {"sized", "size"}, {"hopping", "hop"}, {"tanned", "tan"},
		{"falling", "fall"}, {"hissing", "hiss"}, {"fizzed", "fizz"}, {"failing", "fail"},
		{"filing", "file"}, {"happy", "happi"}, {"sky", "sky"}, {"relational", "relat"},
		{"conditional", "condit"}, {"rational", "ration"}, {"valenci", "valenc"},
		{"hesitanci", "hesit"}, {"digitizer", "digit"}, {"conformabli", "conform"},
		{"radicalli", "radic"}, {"differentli", "differ"}, {"vileli", "vile"},
		{"analogousli", "analog"}, {"vietnamization", "vietnam"}, {"predication", "predic"},
		{"operator", "oper"}, {"feudalism", "feudal"}, {"decisiveness", "decis"},
		{"hopefulness", "hope"}, {"callousness", "callous"}, {"formaliti", "formal"},
		{"sensitiviti", "sensit"}, {"sensibiliti", "sensibl"}, {"triplicate", "triplic"},
		{"formative", "form"}, {"formalize", "formal"}, {"electriciti", "electr"},
		{"electrical", "electr"}, {"hopeful", "hope"}, {"goodness", "good"},
		{"revival", "reviv"}, {"allowance", "allow"}, {"inference", "infer"},
		{"airliner", "airlin"}, {"gyroscopic", "gyroscop"}, {"adjustable", "adjust"},
		{"defensible", "defens"}, {"irritant", "irrit"}, {"replacement", "replac"},
		{"adjustment", "adjust"}, {"dependent", "depend"}, {"adoption", "adopt"},
		{"homologou", "homolog"}, {"communism", "commun"}, {"activate", "activ"},
		{"angulariti", "angular"}, {"homologous", "homolog"}, {"effective", "effect"},
		{"bowdlerize", "bowdler"}, {"probate", "probat"}, {"rate", "rate"},
		{"cease", "ceas"}, {"controlling", "control"}, {"roll", "roll"},
		{"generously", "gener"}, {"dying", "dy"}, {"strikes", "strike"},
		{"militias", "militia"}, {"attacks", "attack"}, {"is", "is"}, {"a", "a"},
		{"archaeology", "archaeolog"}, {"sensibly", "sensibl"},
	} {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

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
