// Package nereval scores named-entity spans as conlleval does: a predicted
// entity counts only when its extent and type both match a gold entity
// exactly; precision, recall and F1 are micro-averaged over entities, per
// type and overall. Spans are half-open [Start, End) in any unit (token
// indexes, byte or character offsets), as long as gold and predicted use
// the same.
package nereval

import (
	"fmt"
	"io"
	"sort"
)

// Span is one entity: an extent and a type.
type Span struct {
	Start, End int
	Type       string
}

// Counts are true positives, predicted and gold totals.
type Counts struct{ TP, Pred, Gold int }

// P returns precision, R recall, F1 their harmonic mean (0 when undefined).
func (c Counts) P() float64 { return ratio(c.TP, c.Pred) }
func (c Counts) R() float64 { return ratio(c.TP, c.Gold) }
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score accumulates counts per type. The zero value is ready to use.
type Score struct {
	ByType map[string]*Counts
}

// Add scores the entities of one unit (a sentence or a document). Only the
// types listed in keep are counted, or all when keep is empty.
func (s *Score) Add(gold, pred []Span, keep ...string) {
	if s.ByType == nil {
		s.ByType = map[string]*Counts{}
	}
	ok := func(t string) bool {
		if len(keep) == 0 {
			return true
		}
		for _, k := range keep {
			if k == t {
				return true
			}
		}
		return false
	}
	c := func(t string) *Counts {
		if s.ByType[t] == nil {
			s.ByType[t] = &Counts{}
		}
		return s.ByType[t]
	}
	golds := map[Span]int{}
	for _, g := range gold {
		if ok(g.Type) {
			golds[g]++
			c(g.Type).Gold++
		}
	}
	for _, p := range pred {
		if !ok(p.Type) {
			continue
		}
		c(p.Type).Pred++
		if golds[p] > 0 {
			golds[p]--
			c(p.Type).TP++
		}
	}
}

// Total sums the counts over all types.
func (s *Score) Total() Counts {
	var t Counts
	for _, c := range s.ByType {
		t.TP += c.TP
		t.Pred += c.Pred
		t.Gold += c.Gold
	}
	return t
}

// Write prints a conlleval-style table: one line per type and the overall.
func (s *Score) Write(w io.Writer, title string) {
	fmt.Fprintf(w, "%s\n", title)
	types := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	line := func(name string, c Counts) {
		fmt.Fprintf(w, "  %-8s precision %6.2f%%  recall %6.2f%%  F1 %6.2f  (gold %d, found %d, correct %d)\n",
			name, 100*c.P(), 100*c.R(), 100*c.F1(), c.Gold, c.Pred, c.TP)
	}
	for _, t := range types {
		line(t, *s.ByType[t])
	}
	line("overall", s.Total())
}
