package ner

const (
	tBias byte = iota + 1
	tRaw
	tLow
	tPre
	tSuf
	tShape
	tShort
	tCtx
	tShapeBi
	tLowBi
	tFirst
	tCaps
	tLC
	tTitle
	tOrg
	tGaz
	tHead
	tP1
	tP1Bi
	tDocType
	tDocGaz
	tDocTypeShape
)

// pad stands for the words before and after a sentence.
var pad = func() word {
	h := strHash("<s>")
	return word{raw: "<s>", low: "<s>", hLow: h, hShape: h, hShort: h}
}()

// sentFeatures appends the stage-one features of each word of a sentence
// to feats (one slice per word): the word's own (wordFeatures) and those of
// its context (contextFeatures). sentIndex is the sentence's place in its
// document; gaz holds gazetteer matches from Gazetteer.match. Words that
// are not active (see activeWords; nil: all are) get no features.
func sentFeatures(ws []word, sentIndex int, gaz [][len(Types)]uint8, active []bool, feats [][]uint32) {
	caps := capsSentence(ws)
	for i := range ws {
		if active != nil && !active[i] {
			continue
		}
		f := wordFeatures(&ws[i], caps, feats[i][:0])
		feats[i] = contextFeatures(ws, i, sentIndex, caps, gaz, f)
	}
}

// capsSentence reports whether a sentence is written in capitals, as
// headlines are (see allCaps).
func capsSentence(ws []word) bool {
	letters := int32(0)
	for i := range ws {
		if ws[i].lower {
			return false
		}
		letters += ws[i].letters
	}
	return letters >= 4
}

// wordFeatures appends the stage-one features that read only the word
// itself (and whether its sentence is in capitals): the same for every
// occurrence of a word form outside capitals, so that Tag sums their
// weights once per form (see lexicon).
//
// Features that read a word's strings combine the word's hashes computed
// once (see wordKey and detailNear); the others hash small numbers.
func wordFeatures(w *word, caps bool, f []uint32) []uint32 {
	add := func(h fh) { f = append(f, h.key()) }
	addK := func(k wordKey) { f = append(f, k.key()) }
	add(newHash(tBias))
	if !caps {
		hRaw := w.hLow
		if w.raw != w.low {
			hRaw = strHash(w.raw)
		}
		addK(wk(tRaw, 0).h(hRaw))
	}
	addK(wk(tLow, 0).h(w.hLow))
	pre, suf, na := affixHashes(w.low)
	for k := 0; k < na; k++ {
		addK(wk(tPre, byte(k+1)).h(pre[k]))
		addK(wk(tSuf, byte(k+1)).h(suf[k]))
	}
	addK(wk(tShape, 0).h(w.hShape))
	addK(wk(tShort, 0).h(w.hShort))
	if caps {
		add(newHash(tCaps))
		add(newHash(tCaps).b(1).b(w.lc))
	}
	addK(wk(tLC, w.lc).h(w.hShort))
	if w.title {
		add(newHash(tTitle).b(1))
	}
	if w.org {
		add(newHash(tOrg).b(0))
	}
	return f
}

// contextFeatures appends the stage-one features of word i that read its
// neighbours, its place in the sentence and document, or gazetteer
// matches.
func contextFeatures(ws []word, i, sentIndex int, caps bool, gaz [][len(Types)]uint8, f []uint32) []uint32 {
	at := func(i int) *word {
		if i < 0 || i >= len(ws) {
			return &pad
		}
		return &ws[i]
	}
	w := &ws[i]
	prev, next, next2 := at(i-1), at(i+1), at(i+2)
	add := func(h fh) { f = append(f, h.key()) }
	addK := func(k wordKey) { f = append(f, k.key()) }
	addK(wk(tCtx, 0).h(at(i - 2).hLow))
	addK(wk(tCtx, 1).h(prev.hLow))
	addK(wk(tCtx, 3).h(next.hLow))
	addK(wk(tCtx, 4).h(next2.hLow))
	addK(wk(tCtx, 10).h(prev.hShort))
	addK(wk(tCtx, 11).h(next.hShort))
	addK(wk(tShapeBi, 0).h(prev.hShort).h(w.hShort))
	addK(wk(tShapeBi, 1).h(w.hShort).h(next.hShort))
	addK(wk(tLowBi, 0).h(prev.hLow).h(w.hLow))
	addK(wk(tLowBi, 1).h(w.hLow).h(next.hLow))
	if i == 0 {
		addK(wk(tFirst, 0).h(w.hShort))
		add(newHash(tFirst).b(1).b(w.lc))
	}
	if caps {
		add(newHash(tCaps).b(2).b(prev.lc).b(w.lc).b(next.lc))
	}
	add(newHash(tLC).b(100).b(prev.lc).b(w.lc))
	if prev.title {
		add(newHash(tTitle).b(0))
	}
	if next.org {
		add(newHash(tOrg).b(1))
	}
	if next2.org {
		add(newHash(tOrg).b(2))
	}
	for t := range Types {
		if p := gaz[i][t]; p > 0 {
			add(newHash(tGaz).b(byte(t)).b(p))
			add(newHash(tGaz).b(byte(t)).b(p).b(boolByte(w.cap)))
		}
		if i > 0 && gaz[i-1][t] > 0 {
			add(newHash(tGaz).b(10 + byte(t)).b(gaz[i-1][t]))
		}
		if i+1 < len(ws) && gaz[i+1][t] > 0 {
			add(newHash(tGaz).b(20 + byte(t)).b(gaz[i+1][t]))
		}
	}
	if sentIndex == 0 {
		addK(wk(tHead, 0).h(w.hShort))
	}
	return f
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// docInfo is what stage one found in a document: for each lower-cased
// capitalised word, how often it was inside a name of each type, and the
// names themselves as a gazetteer.
type docInfo struct {
	words  map[string]int32        // index into counts
	counts [][len(Types) + 1]int32 // last slot: outside any name
	names  Gazetteer
}

func newDocInfo(doc [][]word, tags [][]uint8) *docInfo {
	d := &docInfo{words: map[string]int32{}}
	var low []string
	for s, ws := range doc {
		for i := range ws {
			if !ws[i].cap {
				continue
			}
			ci, ok := d.words[ws[i].low]
			if !ok {
				ci = int32(len(d.counts))
				d.counts = append(d.counts, [len(Types) + 1]int32{})
				d.words[ws[i].low] = ci
			}
			c := &d.counts[ci]
			if t := tagType(int(tags[s][i])); t >= 0 {
				c[t]++
			} else if i > 0 {
				c[len(Types)]++
			}
		}
		for _, sp := range decode(tags[s]) {
			low = low[:0]
			for j := sp.Start; j < sp.End; j++ {
				low = append(low, ws[j].low) // foldWord(raw), as add folds
			}
			d.names.addLow(low, sp.Type)
			if sp.Type == 0 && len(low) > 1 { // a surname alone names the same person
				d.names.addLow(low[len(low)-1:], sp.Type)
			}
		}
	}
	return d
}

// docFeatures appends stage-two features: the stage-one tags of the
// sentence and what stage one found elsewhere in the document.
func docFeatures(ws []word, p1 []uint8, d *docInfo, gaz [][len(Types)]uint8, active []bool, feats [][]uint32) {
	d.names.match(ws, gaz)
	tagAt := func(i int) byte {
		if i < 0 || i >= len(p1) {
			return 255
		}
		return p1[i]
	}
	for i := range ws {
		if active != nil && !active[i] {
			continue
		}
		w := &ws[i]
		f := feats[i]
		add := func(h fh) { f = append(f, h.key()) }
		add(newHash(tP1).b(p1[i]))
		add(newHash(tP1Bi).b(0).b(tagAt(i - 1)).b(p1[i]))
		add(newHash(tP1Bi).b(1).b(p1[i]).b(tagAt(i + 1)))
		if ci, ok := d.words[w.low]; ok && w.cap {
			// the majority type of the word elsewhere (this occurrence removed)
			cc := d.counts[ci]
			if t := tagType(int(p1[i])); t >= 0 {
				cc[t]--
			} else if i > 0 {
				cc[len(Types)]--
			}
			best, bn, total := -1, int32(0), int32(0)
			for t, n := range cc {
				total += n
				if n > bn {
					best, bn = t, n
				}
			}
			if best >= 0 {
				add(newHash(tDocType).b(byte(best)))
				add(newHash(tDocTypeShape).b(byte(best)).b(p1[i]))
				if bn == total {
					add(newHash(tDocType).b(100 + byte(best)))
				}
			}
		}
		for t := range Types {
			if p := gaz[i][t]; p > 0 {
				add(newHash(tDocGaz).b(byte(t)).b(p))
				add(newHash(tDocGaz).b(byte(t)).b(p).b(p1[i]))
			}
		}
		feats[i] = f
	}
}

// activeWords marks the words the tagger scores: those with a capital
// letter and their neighbours. The others (lower-case words, numbers and
// punctuation between lower-case words) are outside any name: CoNLL names
// do not run through such a word, and skipping them saves most of the
// work on running text.
func activeWords(ws []word, active []bool) {
	for i := range active {
		active[i] = false
	}
	for i := range ws {
		if ws[i].upper {
			for j := max(i-1, 0); j <= i+1 && j < len(ws); j++ {
				active[j] = true
			}
		}
	}
}
