// Package summary picks the sentences of an article that make its bottom
// line: an extractive summary of N sentences (default 3), returned as
// sentence indexes in reading order.
//
// Every sentence gets a score from
//
//   - its position: news puts what matters first, so earlier sentences
//     start ahead (the Lead-3 baseline is the strongest simple summariser);
//   - its centrality: how much of its content (stop words dropped,
//     Porter-stemmed) the rest of the article repeats, divided by a
//     power of its length so long sentences do not win on size alone;
//   - its style: sentences that cannot stand alone or are not news are
//     pushed down — opening quotation marks (a quote, not a report),
//     opening pronouns ("He said ...", "This ..."), connectives ("But"),
//     questions, photo captions and labels run into the text ("Wanted:
//     Police in ...", "(pictured)"), and very short or very long sentences;
//   - the hints of other analysers (Signals): a dated event, key actors.
//
// Sentences are then chosen greedily by score less a penalty for overlap
// with those already chosen (maximal marginal relevance); a sentence whose
// content is mostly in a chosen one is never added, so identical sentences
// count once.
//
// Some sentences are never chosen: those without a word, page furniture
// ("Scroll down for video", "PUBLISHED: ...", "Click here"), and bylines
// ("By . Jane Smith ."). Lines without a closing full stop (captions,
// titles, datelines, such as a caption repeating a later quote) and
// fragments of fewer than four words are chosen only when the article has
// nothing else. So Select returns N indexes unless the article has fewer
// usable distinct sentences.
//
// Select is deterministic, linear in the article's length for a fixed N,
// and allocates only per call.
package summary

import (
	"sort"

	"brief/internal/text"
)

// Signals are optional hints from other analysers, indexed by sentence.
// Slices may be nil or shorter than the sentence list; the zero value works.
type Signals struct {
	Dated  []bool    // sentence holds a dated event (timex timeline)
	Actors []float64 // summed salience of the key actors the sentence mentions
}

// Options configure Select.
type Options struct {
	N int // sentences to choose; if zero or negative, 3
}

// Select returns the indexes of the summary sentences of doc in reading order.
func Select(doc *text.Doc, opt Options, sig Signals) []int {
	return selectWith(doc, opt, sig, &defaultWeights)
}

func selectWith(doc *text.Doc, opt Options, sig Signals, w *weights) []int {
	n := opt.N
	if n <= 0 {
		n = 3
	}
	if doc == nil || len(doc.Sentences) == 0 {
		return nil
	}
	sents, _ := analyse(doc)
	scores := score(sents, sig, w)
	picked := choose(sents, scores, n, w)
	sort.Ints(picked)
	return picked
}
