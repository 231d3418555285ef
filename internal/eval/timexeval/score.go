package timexeval

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Counts are the tallies behind the scores of one slice of the data.
type Counts struct {
	Gold, Sys             int // expressions annotated and found
	StrictGold, StrictSys int // matched exactly
	RelaxGold, RelaxSys   int // matched by overlap
	ValueOK               int // relaxed matches with the gold value
	TypeOK                int // relaxed matches with the gold type
}

func prf(tpSys, sys, tpGold, gold int) (p, r, f float64) {
	if sys > 0 {
		p = float64(tpSys) / float64(sys)
	}
	if gold > 0 {
		r = float64(tpGold) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Strict returns strict extent P, R, F1.
func (c Counts) Strict() (float64, float64, float64) {
	return prf(c.StrictSys, c.Sys, c.StrictGold, c.Gold)
}

// Relaxed returns relaxed extent P, R, F1.
func (c Counts) Relaxed() (float64, float64, float64) {
	return prf(c.RelaxSys, c.Sys, c.RelaxGold, c.Gold)
}

// ValueAcc is the share of relaxed matches whose value is right.
func (c Counts) ValueAcc() float64 {
	if c.RelaxGold == 0 {
		return 0
	}
	return float64(c.ValueOK) / float64(c.RelaxGold)
}

// ValueF1 is relaxed F1 × value accuracy, the TempEval-3 ranking score.
func (c Counts) ValueF1() float64 {
	_, _, f := c.Relaxed()
	return f * c.ValueAcc()
}

func (c *Counts) add(o Counts) {
	c.Gold += o.Gold
	c.Sys += o.Sys
	c.StrictGold += o.StrictGold
	c.StrictSys += o.StrictSys
	c.RelaxGold += o.RelaxGold
	c.RelaxSys += o.RelaxSys
	c.ValueOK += o.ValueOK
	c.TypeOK += o.TypeOK
}

// Error is one mistake of the tagger.
type Error struct {
	Doc  string
	Kind string // missed, spurious, extent, value
	Gold Span   // zero for spurious
	Sys  Span   // zero for missed
}

// Report is the result of scoring.
type Report struct {
	All    Counts
	ByType map[string]*Counts // by gold type (recall side) and system type (precision side)
	ByDoc  map[string]*Counts
	Errors []Error
	Right  []Error // relaxed matches with the right value (Kind "ok"), for listings
}

// Score matches the system spans of each document (sys[i] for docs[i],
// already restricted to the scored range) against the gold.
func Score(docs []Doc, sys [][]Span) Report {
	rep := Report{ByType: map[string]*Counts{}, ByDoc: map[string]*Counts{}}
	typ := func(t string) *Counts {
		if rep.ByType[t] == nil {
			rep.ByType[t] = &Counts{}
		}
		return rep.ByType[t]
	}
	for di := range docs {
		d := &docs[di]
		var dc Counts
		gold, found := d.Gold, sys[di]
		dc.Gold, dc.Sys = len(gold), len(found)
		used := make([]bool, len(found))
		for _, g := range gold {
			typ(g.Type).Gold++
		}
		for _, s := range found {
			typ(s.Type).Sys++
		}
		for _, g := range gold {
			// the best overlapping system span: exact first, then largest overlap
			best, bestOv := -1, 0
			for k, s := range found {
				if used[k] || s.End <= g.Start || s.Start >= g.End {
					continue
				}
				ov := min(s.End, g.End) - max(s.Start, g.Start)
				if s.Start == g.Start && s.End == g.End {
					ov = 1 << 30
				}
				if ov > bestOv {
					best, bestOv = k, ov
				}
			}
			if best < 0 {
				rep.Errors = append(rep.Errors, Error{Doc: d.Name, Kind: "missed", Gold: g})
				continue
			}
			used[best] = true
			s := found[best]
			dc.RelaxGold++
			dc.RelaxSys++
			typ(g.Type).RelaxGold++
			typ(s.Type).RelaxSys++
			exact := s.Start == g.Start && s.End == g.End
			if exact {
				dc.StrictGold++
				dc.StrictSys++
				typ(g.Type).StrictGold++
				typ(s.Type).StrictSys++
			} else {
				rep.Errors = append(rep.Errors, Error{Doc: d.Name, Kind: "extent", Gold: g, Sys: s})
			}
			if s.Value == g.Value {
				dc.ValueOK++
				typ(g.Type).ValueOK++
				rep.Right = append(rep.Right, Error{Doc: d.Name, Kind: "ok", Gold: g, Sys: s})
			} else {
				rep.Errors = append(rep.Errors, Error{Doc: d.Name, Kind: "value", Gold: g, Sys: s})
			}
			if s.Type == g.Type {
				dc.TypeOK++
				typ(g.Type).TypeOK++
			}
		}
		for k, s := range found {
			if !used[k] {
				rep.Errors = append(rep.Errors, Error{Doc: d.Name, Kind: "spurious", Sys: s})
			}
		}
		rep.All.add(dc)
		c := dc
		rep.ByDoc[d.Name] = &c
	}
	return rep
}

// Write prints the scores, the worst documents and the most frequent
// errors (worst of each).
func (r Report) Write(w io.Writer, worst int) {
	fmt.Fprintf(w, "%-9s %5s %5s  %-20s %-20s %6s %6s %6s\n", "", "gold", "sys", "strict P/R/F1", "relaxed P/R/F1", "valAcc", "valF1", "typAcc")
	line := func(name string, c Counts) {
		sp, sr, sf := c.Strict()
		rp, rr, rf := c.Relaxed()
		ta := 0.0
		if c.RelaxGold > 0 {
			ta = float64(c.TypeOK) / float64(c.RelaxGold)
		}
		fmt.Fprintf(w, "%-9s %5d %5d  %.3f %.3f %.3f  %.3f %.3f %.3f  %6.3f %6.3f %6.3f\n",
			name, c.Gold, c.Sys, sp, sr, sf, rp, rr, rf, c.ValueAcc(), c.ValueF1(), ta)
	}
	for _, t := range []string{"DATE", "TIME", "DURATION", "SET"} {
		if c := r.ByType[t]; c != nil {
			line(t, *c)
		}
	}
	line("overall", r.All)
	if worst <= 0 {
		return
	}
	names := make([]string, 0, len(r.ByDoc))
	for n := range r.ByDoc {
		names = append(names, n)
	}
	lost := func(n string) int {
		c := r.ByDoc[n]
		return (c.Gold - c.ValueOK) + (c.Sys - c.RelaxSys)
	}
	sort.Slice(names, func(a, b int) bool {
		if lost(names[a]) != lost(names[b]) {
			return lost(names[a]) > lost(names[b])
		}
		return names[a] < names[b]
	})
	fmt.Fprintf(w, "\nworst documents (missed or wrong values + spurious):\n")
	for _, n := range names[:min(worst, len(names))] {
		c := r.ByDoc[n]
		fmt.Fprintf(w, "  %-28s lost %3d  gold %3d  sys %3d  valF1 %.3f\n", n, lost(n), c.Gold, c.Sys, c.ValueF1())
	}
	kinds := map[string]int{}
	patterns := map[string]int{}
	examples := map[string]string{}
	for _, e := range r.Errors {
		kinds[e.Kind]++
		p := e.Kind + "  " + pattern(e)
		patterns[p]++
		if _, ok := examples[p]; !ok {
			examples[p] = e.Doc
		}
	}
	fmt.Fprintf(w, "\nerrors: missed %d, spurious %d, wrong extent %d, wrong value %d\n", kinds["missed"], kinds["spurious"], kinds["extent"], kinds["value"])
	ps := make([]string, 0, len(patterns))
	for p := range patterns {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(a, b int) bool {
		if patterns[ps[a]] != patterns[ps[b]] {
			return patterns[ps[a]] > patterns[ps[b]]
		}
		return ps[a] < ps[b]
	})
	fmt.Fprintf(w, "most frequent error patterns:\n")
	for _, p := range ps[:min(worst*3, len(ps))] {
		fmt.Fprintf(w, "  %4d  %s   (e.g. %s)\n", patterns[p], p, examples[p])
	}
}

// pattern describes an error by its shape: digits become 9 and the value
// is reduced to its form, so that like errors group.
func pattern(e Error) string {
	shape := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if r >= '0' && r <= '9' {
				r = '9'
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	switch e.Kind {
	case "missed":
		return fmt.Sprintf("%q %s %s", shape(e.Gold.Text), e.Gold.Type, shape(e.Gold.Value))
	case "spurious":
		return fmt.Sprintf("%q %s %s", shape(e.Sys.Text), e.Sys.Type, shape(e.Sys.Value))
	case "extent":
		return fmt.Sprintf("gold %q sys %q", shape(e.Gold.Text), shape(e.Sys.Text))
	}
	return fmt.Sprintf("%q gold %s sys %s", shape(e.Gold.Text), shape(e.Gold.Value), shape(e.Sys.Value))
}
