package gensite

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// prefixes vary titles; most titles have none.
var prefixes = []string{"", "", "", "", "Update: ", "Analysis: ", "Follow-up: ", "In brief: "}

// Article returns the i-th article of a site made with seed (see the
// package comment). It depends on i and seed only.
func (c *Corpus) Article(i int, seed uint64) File {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	base := c.Sources[r.IntN(len(c.Sources))]
	date := base.Date.AddDate(r.IntN(22)-18, 0, r.IntN(61)-30)

	units := append([]string(nil), base.Units...)
	if donors := c.byStory[base.Story]; len(donors) > 1 && r.IntN(10) < 7 {
		d := donors[r.IntN(len(donors))]
		if d != base && len(d.Units) > 2 {
			from := 1 + r.IntN(len(d.Units)-1)
			to := min(len(d.Units), from+2+r.IntN(4))
			at := 1 + r.IntN(len(units))
			units = append(units[:at], append(append([]string(nil), d.Units[from:to]...), units[at:]...)...)
		}
	}
	if len(units) > 4 && r.IntN(10) < 3 {
		k := 1 + r.IntN(len(units)-1)
		units = append(units[:k], units[k+1:]...)
	}
	if len(units) > 4 && r.IntN(10) < 3 {
		a, b := 1+r.IntN(len(units)-1), 1+r.IntN(len(units)-1)
		units[a], units[b] = units[b], units[a]
	}

	title := prefixes[r.IntN(len(prefixes))] + base.Title
	var b strings.Builder
	fmt.Fprintf(&b, "date %s\ntitle %s\n", date.Format("2006-01-02"), title)
	if base.Story != "seed" {
		fmt.Fprintf(&b, "source Wikinews\n")
		if base.URL != "" {
			fmt.Fprintf(&b, "url %s\n", base.URL)
		}
		fmt.Fprintf(&b, "license CC BY 2.5\n")
		if t := tags[base.Story]; t != "" {
			fmt.Fprintf(&b, "tags %s\n", t)
		}
	}
	b.WriteString("\n")
	if base.Dateline {
		b.WriteString(date.Format("January 02, 2006") + "\n\n")
	}
	for k := 0; k < len(units); {
		n := 1
		if !base.Grouped {
			n = 2 + r.IntN(3)
		}
		end := min(len(units), k+n)
		b.WriteString(strings.Join(units[k:end], " "))
		b.WriteString("\n\n")
		k = end
	}
	name := fmt.Sprintf("%04d/%s-%s-%s.txt", date.Year(), date.Format("2006-01-02"), slugWords(title, 6), base36(i))
	return File{Path: name, Data: []byte(strings.TrimRight(b.String(), "\n") + "\n")}
}
