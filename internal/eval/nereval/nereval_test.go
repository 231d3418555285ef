package nereval

import "testing"

func TestScore(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []Span
		keep       []string
		want       Counts
	}{
		{"exact", []Span{{0, 2, "PER"}}, []Span{{0, 2, "PER"}}, nil, Counts{1, 1, 1}},
		{"wrong type", []Span{{0, 2, "PER"}}, []Span{{0, 2, "ORG"}}, nil, Counts{0, 1, 1}},
		{"wrong extent", []Span{{0, 2, "PER"}}, []Span{{1, 2, "PER"}}, nil, Counts{0, 1, 1}},
		{"filtered", []Span{{0, 2, "MISC"}, {3, 4, "LOC"}}, []Span{{0, 2, "MISC"}, {3, 4, "LOC"}}, []string{"LOC"}, Counts{1, 1, 1}},
		{"duplicate prediction", []Span{{0, 1, "LOC"}}, []Span{{0, 1, "LOC"}, {0, 1, "LOC"}}, nil, Counts{1, 2, 1}},
	}
	for _, tt := range tests {
		var s Score
		s.Add(tt.gold, tt.pred, tt.keep...)
		if got := s.Total(); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
	c := Counts{TP: 1, Pred: 2, Gold: 4}
	if c.P() != 0.5 || c.R() != 0.25 || c.F1() < 0.333 || c.F1() > 0.334 {
		t.Errorf("P/R/F1 = %v %v %v", c.P(), c.R(), c.F1())
	}
}
