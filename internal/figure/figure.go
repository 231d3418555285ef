// Package figure finds the key figures of an article: numbers that count
// something, with their qualifiers and what they count, such as "more than
// 40 attacks", "2,500 American troops", "14 were rocket attacks", "at least
// three other people", "$40 billion" or "12 percent".
//
// A figure is a cardinal number, in digits ("2,500", "3.5m", "1.2bn") or
// in words ("three", "a dozen", "twenty-five"), together with
//
//   - a qualifier before it: more than, at least, up to, nearly, about ...;
//   - a currency before or after it ($, £, €, US$, dollars, pounds, euros);
//   - a scale after it: hundred, thousand, million, billion, trillion;
//   - a unit after it: percent (%, per cent), or a short noun phrase ending
//     at its head noun ("American troops", "other people", "child"),
//     possibly after a copula ("14 were rocket attacks").
//
// A number must carry a unit, a currency or a qualifier to be a figure, and
// "one" (and other number words) only with a noun right after it, so
// pronoun uses ("one in Iraq", "one of them") are not figures. Not figures
// either: dates and years ("June 28", "2015 accord"), times ("10:30",
// "3pm"), ordinals ("24th"), decades ("1990s"), ages ("39-year-old"), scores
// and ranges ("6-3"), and page furniture ("page 3", "No 4", "Photo 2").
//
// Value is the number with its scale applied (40e9 for "$40 billion");
// Unit is "USD", "GBP", "EUR", "percent", or the head noun as written, in
// lower case ("attacks", "troops", "child").
package figure

import "brief/internal/text"

// Figure is one key figure.
type Figure struct {
	Start, End int     // byte offsets of the figure phrase in the Doc's Src
	Text       string  // the phrase, e.g. "more than 40 attacks"
	Sentence   int     // index of its sentence in Doc.Sentences
	Value      float64 // the number, scale applied: 40, 2500, 40e9, 12
	Unit       string  // what it counts, when found: "attacks", "USD", "percent"
}

// Find returns the figures of doc in text order.
func Find(doc *text.Doc) []Figure {
	if doc == nil {
		return nil
	}
	var out []Figure
	for i := range doc.Sentences {
		out = appendSentence(out, doc, i)
	}
	return out
}

func appendSentence(out []Figure, doc *text.Doc, si int) []Figure {
	toks := doc.SentenceTokens(si)
	last := -1 // where the sentence's last figure ended
	for k := 0; k < len(toks); k++ {
		f, next, ok := parseFigure(doc, toks, k)
		if !ok {
			continue
		}
		if f.Start < last {
			// What the figure took in before its number (a currency's
			// country, a qualifier) is the last figure's: start after it.
			f.Start = f.End
			for _, t := range toks {
				if t.Start >= last {
					f.Start = t.Start
					break
				}
			}
			if f.Start >= f.End {
				continue
			}
		}
		last = f.End
		f.Sentence = si
		f.Text = string(doc.Src[f.Start:f.End])
		out = append(out, f)
		k = next - 1
	}
	return out
}
