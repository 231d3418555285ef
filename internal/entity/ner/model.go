package ner

import "sync"

// Model is a trained tagger. The zero Model tags nothing; build one with
// Train or Read.
type Model struct {
	Vocab  map[string]uint8 // vocabulary class of lower-cased words (lc*)
	Gaz    Gazetteer        // names seen in training
	stage1 *weights
	stage2 *weights
}

// Tag labels a document (sentences of words) and returns the names found
// in each sentence. It is safe for concurrent use.
func (m *Model) Tag(doc [][]string) [][]Span {
	if m.stage1 == nil {
		return make([][]Span, len(doc))
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	return m.tag(doc, sc)
}

// tag is Tag with the working memory sc.
func (m *Model) tag(doc [][]string, sc *scratch) [][]Span {
	out := make([][]Span, len(doc))
	// One slice of each kind for the whole document, from a scratch
	// reused across calls; feature room only for the words that are scored.
	total := 0
	for _, words := range doc {
		total += len(words)
	}
	sc.grow(len(doc), total)
	lx := &sc.lex
	lx.prepare(m)
	ws := sc.ws[:len(doc)]
	wbuf := sc.wbuf[:total]
	active := sc.active[:total]
	nActive, off := 0, 0
	for s, words := range doc {
		n := len(words)
		ws[s] = wbuf[off : off+n : off+n]
		basicInto(words, ws[s])
		activeWords(ws[s], active[off:off+n])
		m.detailNear(ws[s], active[off:off+n], lx)
		for _, a := range active[off : off+n] {
			if a {
				nActive++
			}
		}
		off += n
	}
	feats := sc.feats[:len(doc)]
	p1 := sc.p1[:len(doc)]
	allFeats := sc.allFeats[:total]
	sc.buf = grow(sc.buf, featCap*nActive)
	buf := sc.buf[:featCap*nActive]
	scores := sc.scores[:total]
	back := sc.back[:total]
	tags := sc.tags[:2*total]
	gaz := sc.gaz[:total]
	caps := sc.caps[:len(doc)]
	t1 := m.stage1.paths()
	off = 0
	b := 0
	for s := range doc {
		n := len(ws[s])
		act := active[off : off+n]
		feats[s] = allFeats[off : off+n : off+n]
		for i, a := range act {
			if a {
				feats[s][i] = buf[b : b : b+featCap]
				b += featCap
			}
		}
		m.Gaz.match(ws[s], gaz[off:off+n])
		caps[s] = capsSentence(ws[s])
		if caps[s] {
			sentFeatures(ws[s], s, gaz[off:off+n], act, feats[s])
			m.stage1.emissions(feats[s], act, scores[off:off+n])
		} else {
			// the word's own features are summed once per form
			for i, a := range act {
				if !a {
					scores[off+i] = forcedO
					continue
				}
				var e *lexEntry
				e, sc.wordBuf = lx.sums(m, &ws[s][i], sc.wordBuf)
				feats[s][i] = contextFeatures(ws[s], i, s, false, gaz[off:off+n], feats[s][i])
				scores[off+i] = m.stage1.sum(feats[s][i])
				addScores(&scores[off+i], &e.s1)
			}
		}
		p1[s] = tags[off : off+n : off+n]
		t1.best(scores[off:off+n], act, back[off:off+n], p1[s])
		off += n
	}
	if m.stage2 == nil {
		for s := range doc {
			out[s] = decode(p1[s])
		}
		return out
	}
	info := newDocInfo(ws, p1)
	t2 := m.stage2.paths()
	off = 0
	for s := range doc {
		n := len(ws[s])
		act := active[off : off+n]
		docFeatures(ws[s], p1[s], info, gaz[off:off+n], act, feats[s])
		m.stage2.emissions(feats[s], act, scores[off:off+n])
		if !caps[s] {
			for i, a := range act {
				if a {
					addScores(&scores[off+i], &lx.entries[ws[s][i].lex].s2)
				}
			}
		}
		p2 := tags[total+off : total+off+n]
		t2.best(scores[off:off+n], act, back[off:off+n], p2)
		out[s] = decode(p2)
		off += n
	}
	return out
}

// scratch is the working memory of one Tag call, kept in scratchPool
// between calls (a document needs about 300 KB of it). grow clears what
// it hands out, so a call sees it as freshly allocated.
type scratch struct {
	ws       [][]word
	wbuf     []word
	active   []bool
	feats    [][][]uint32
	p1       [][]uint8
	allFeats [][]uint32
	buf      []uint32
	scores   [][NumTags]int32
	back     [][NumTags]uint8
	tags     []uint8
	gaz      [][len(Types)]uint8
	caps     []bool
	lex      lexicon
	wordBuf  []uint32 // room for one word's own features
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// grow makes room for a document of sents sentences and total words and
// clears it. (buf is grown and cleared by Tag, which knows its size later.)
func (sc *scratch) grow(sents, total int) {
	sc.ws = grow(sc.ws, sents)
	sc.feats = grow(sc.feats, sents)
	sc.p1 = grow(sc.p1, sents)
	sc.wbuf = grow(sc.wbuf, total)
	sc.active = grow(sc.active, total)
	sc.allFeats = grow(sc.allFeats, total)
	sc.scores = grow(sc.scores, total)
	sc.back = grow(sc.back, total)
	sc.tags = grow(sc.tags, 2*total)
	sc.gaz = grow(sc.gaz, total)
	sc.caps = grow(sc.caps, sents)
}

// addScores adds the scores b to a.
func addScores(a, b *[NumTags]int32) {
	for t := range a {
		a[t] += b[t]
	}
}

// grow returns s with length n, cleared: reallocated when it is too short.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// featCap is the room for features of one word; sentFeatures and
// docFeatures add fewer (appending beyond it would still be correct).
const featCap = 64

func (m *Model) stage1Features(ws []word, sentIndex int) [][]uint32 {
	gaz := make([][len(Types)]uint8, len(ws))
	m.Gaz.match(ws, gaz)
	feats := make([][]uint32, len(ws))
	buf := make([]uint32, featCap*len(ws))
	for i := range feats {
		feats[i] = buf[i*featCap : i*featCap : (i+1)*featCap]
	}
	sentFeatures(ws, sentIndex, gaz, nil, feats)
	return feats
}

func (ws *weights) predict(feats [][]uint32) []uint8 {
	scores := make([][NumTags]int32, len(feats))
	ws.emissions(feats, nil, scores)
	tags := make([]uint8, len(feats))
	viterbi(scores, ws.transitions(), nil, make([][NumTags]uint8, len(feats)), tags)
	return tags
}

// StageOne returns a copy of m without its document-level stage, for
// measuring what that stage adds.
func (m *Model) StageOne() *Model {
	c := *m
	c.stage2 = nil
	return &c
}
