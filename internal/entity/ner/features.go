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

var pad = word{raw: "<s>", low: "<s>", shape: "<s>", short: "<s>"}

// sentFeatures appends the stage-one features of each word of a sentence
// to feats (one slice per word). sentIndex is the sentence's place in its
// document; gaz holds gazetteer matches from Gazetteer.match. Words that
// are not active (see activeWords; nil: all are) get no features.
func sentFeatures(ws []word, sentIndex int, gaz [][len(Types)]uint8, active []bool, feats [][]uint32) {
	caps := false
	{
		raw := make([]string, len(ws))
		for i := range ws {
			raw[i] = ws[i].raw
		}
		caps = allCaps(raw)
	}
	at := func(i int) *word {
		if i < 0 || i >= len(ws) {
			return &pad
		}
		return &ws[i]
	}
	for i := range ws {
		if active != nil && !active[i] {
			continue
		}
		w := &ws[i]
		f := feats[i][:0]
		add := func(h fh) { f = append(f, h.key()) }
		add(newHash(tBias))
		if !caps {
			add(newHash(tRaw).str(w.raw))
		}
		add(newHash(tLow).str(w.low))
		n := len(w.low)
		for k := 1; k <= 4 && k < n; k++ {
			add(newHash(tPre).b(byte(k)).str(w.low[:k]))
			add(newHash(tSuf).b(byte(k)).str(w.low[n-k:]))
		}
		add(newHash(tShape).str(w.shape))
		add(newHash(tShort).str(w.short))
		for _, d := range [...]int{-2, -1, 1, 2} {
			add(newHash(tCtx).b(byte(d + 2)).str(at(i + d).low))
		}
		add(newHash(tCtx).b(10).str(at(i - 1).short))
		add(newHash(tCtx).b(11).str(at(i + 1).short))
		add(newHash(tShapeBi).b(0).str(at(i - 1).short).str(w.short))
		add(newHash(tShapeBi).b(1).str(w.short).str(at(i + 1).short))
		add(newHash(tLowBi).b(0).str(at(i - 1).low).str(w.low))
		add(newHash(tLowBi).b(1).str(w.low).str(at(i + 1).low))
		if i == 0 {
			add(newHash(tFirst).str(w.short))
			add(newHash(tFirst).b(1).b(w.lc))
		}
		if caps {
			add(newHash(tCaps))
			add(newHash(tCaps).b(1).b(w.lc))
			add(newHash(tCaps).b(2).b(at(i - 1).lc).b(w.lc).b(at(i + 1).lc))
		}
		add(newHash(tLC).b(w.lc).str(w.short))
		add(newHash(tLC).b(100).b(at(i - 1).lc).b(w.lc))
		if titles[at(i-1).low] {
			add(newHash(tTitle).b(0))
		}
		if titles[w.low] {
			add(newHash(tTitle).b(1))
		}
		if orgWords[w.low] {
			add(newHash(tOrg).b(0))
		}
		if orgWords[at(i+1).low] {
			add(newHash(tOrg).b(1))
		}
		if orgWords[at(i+2).low] {
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
			add(newHash(tHead).str(w.short))
		}
		feats[i] = f
	}
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
	words map[string]*[len(Types) + 1]int // last slot: outside any name
	names Gazetteer
}

func newDocInfo(doc [][]word, tags [][]uint8) *docInfo {
	d := &docInfo{words: map[string]*[len(Types) + 1]int{}}
	for s, ws := range doc {
		for i := range ws {
			if !ws[i].cap {
				continue
			}
			c := d.words[ws[i].low]
			if c == nil {
				c = new([len(Types) + 1]int)
				d.words[ws[i].low] = c
			}
			if t := tagType(int(tags[s][i])); t >= 0 {
				c[t]++
			} else if i > 0 {
				c[len(Types)]++
			}
		}
		for _, sp := range decode(tags[s]) {
			raw := make([]string, sp.End-sp.Start)
			for j := range raw {
				raw[j] = ws[sp.Start+j].raw
			}
			d.names.add(raw, sp.Type)
			if sp.Type == 0 && len(raw) > 1 { // a surname alone names the same person
				d.names.add(raw[len(raw)-1:], sp.Type)
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
		if c := d.words[w.low]; c != nil && w.cap {
			// the majority type of the word elsewhere (this occurrence removed)
			cc := *c
			if t := tagType(int(p1[i])); t >= 0 {
				cc[t]--
			} else if i > 0 {
				cc[len(Types)]--
			}
			best, bn, total := -1, 0, 0
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
