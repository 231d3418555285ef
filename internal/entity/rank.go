package entity

import (
	"math"
	"sort"
)

// rank sets each entity's salience and sorts ents by it (ties: first
// mention first).
func rank(doc *tdoc, ents []Entity, ms []mention) {
	score := make([]float64, len(ents))
	for _, m := range ms {
		if m.sent < 3 {
			ents[m.ent].lead = true
		}
		v := 1.0
		switch {
		case m.sent == 0:
			v += 1.5
		case m.sent < 3:
			v += 0.5
		}
		if quoted(doc, m) {
			v += 1
		}
		score[m.ent] += v
	}
	max := 0.0
	for i := range ents {
		if ents[i].Role != "" {
			score[i] += 0.5
		}
		max = math.Max(max, score[i])
	}
	for i := range ents {
		if max > 0 {
			ents[i].Salience = math.Round(1000*score[i]/max) / 1000
		}
	}
	sort.SliceStable(ents, func(i, j int) bool {
		if ents[i].Salience != ents[j].Salience {
			return ents[i].Salience > ents[j].Salience
		}
		return ents[i].Mentions[0].Start < ents[j].Mentions[0].Start
	})
}

// quoted reports whether a speech verb is next to the mention: "Kirby
// said", "said Mr Kirby", "Kirby, ..., said" is not counted.
func quoted(doc *tdoc, m mention) bool {
	s := doc.Sentences[m.sent]
	for i := m.last; i < s.Last && i < m.last+2; i++ {
		if has(speechVerbs, doc.Text(doc.Tokens[i])) {
			return true
		}
	}
	return m.first > s.First && has(speechVerbs, doc.Text(doc.Tokens[m.first-1]))
}
