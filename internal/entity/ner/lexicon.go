package ner

import "strings"

// lexicon holds, for each word form (raw string) seen near a scored word,
// what the tagger computes from the form alone, so that a form used again
// is looked up instead of worked out again: the details the features read
// (see word), and the summed weights in both stages of the word's own
// features outside capitals (wordFeatures), which are most of a word's
// features.
//
// A lexicon lives in Tag's scratch and is kept from one document to the
// next, as news articles share most of their words; it is emptied when it
// holds lexiconCap forms or when another model uses it (it holds the
// model's stages, so they cannot be freed and their addresses reused while
// it remembers them; a model's vocabulary is not changed after it is made
// by Train or Read). Sums of int16 weights are exact, so a score made
// of a form's sum and the sum of its context features is the score of all
// the features, whatever the lexicon held before.
type lexicon struct {
	stage1, stage2 *weights         // the model whose forms these are
	index          map[string]int32 // raw form (a copy) → index into entries
	entries        []lexEntry
}

// lexiconCap bounds a lexicon: about 200 bytes a form, 7 MB when full
// (the 121 Wikinews articles of the shared corpus have 4,000 forms near
// names).
const lexiconCap = 1 << 15

type lexEntry struct {
	hLow, hShape, hShort uint64
	lc                   uint8
	title, org           bool
	summed               bool // s1 and s2 hold the sums of wordFeatures
	s1, s2               [NumTags]int32
}

// prepare readies the lexicon for a document of m, emptying it when it
// is full or was another model's.
func (lx *lexicon) prepare(m *Model) {
	if lx.index == nil || len(lx.entries) >= lexiconCap || lx.stage1 != m.stage1 || lx.stage2 != m.stage2 {
		lx.stage1, lx.stage2 = m.stage1, m.stage2
		lx.index = map[string]int32{}
		lx.entries = lx.entries[:0]
	}
}

// details sets the details of w from its form's entry, making the entry
// when the form is new, and records the entry's index in w.
func (lx *lexicon) details(m *Model, w *word) {
	j, ok := lx.index[w.raw]
	if !ok {
		m.details(w)
		j = int32(len(lx.entries))
		lx.index[strings.Clone(w.raw)] = j
		lx.entries = append(lx.entries, lexEntry{hLow: w.hLow, hShape: w.hShape, hShort: w.hShort,
			lc: w.lc, title: w.title, org: w.org})
	} else {
		e := &lx.entries[j]
		w.hLow, w.hShape, w.hShort = e.hLow, e.hShape, e.hShort
		w.lc, w.title, w.org = e.lc, e.title, e.org
	}
	w.lex = j
}

// sums returns the entry of w's form with the sums of its wordFeatures
// (outside capitals) in stage one and, when there is one, stage two; buf
// is scratch room for the features.
func (lx *lexicon) sums(m *Model, w *word, buf []uint32) (*lexEntry, []uint32) {
	e := &lx.entries[w.lex]
	if !e.summed {
		buf = wordFeatures(w, false, buf[:0])
		e.s1 = m.stage1.sum(buf)
		if m.stage2 != nil {
			e.s2 = m.stage2.sum(buf)
		}
		e.summed = true
	}
	return e, buf
}
