package ner

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
	out := make([][]Span, len(doc))
	if m.stage1 == nil {
		return out
	}
	// One allocation of each kind for the whole document; feature room
	// only for the words that are scored.
	total := 0
	for _, words := range doc {
		total += len(words)
	}
	ws := make([][]word, len(doc))
	wbuf := make([]word, total)
	active := make([]bool, total)
	nActive, off := 0, 0
	for s, words := range doc {
		n := len(words)
		ws[s] = wbuf[off : off+n : off+n]
		basicInto(words, ws[s])
		activeWords(ws[s], active[off:off+n])
		m.detailNear(ws[s], active[off:off+n])
		for _, a := range active[off : off+n] {
			if a {
				nActive++
			}
		}
		off += n
	}
	feats := make([][][]uint32, len(doc))
	p1 := make([][]uint8, len(doc))
	allFeats := make([][]uint32, total)
	buf := make([]uint32, featCap*nActive)
	scores := make([][NumTags]int32, total)
	back := make([][NumTags]uint8, total)
	tags := make([]uint8, 2*total)
	gaz := make([][len(Types)]uint8, total)
	t1 := m.stage1.transitions()
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
		sentFeatures(ws[s], s, gaz[off:off+n], act, feats[s])
		m.stage1.emissions(feats[s], act, scores[off:off+n])
		p1[s] = tags[off : off+n : off+n]
		viterbi(scores[off:off+n], t1, act, back[off:off+n], p1[s])
		off += n
	}
	if m.stage2 == nil {
		for s := range doc {
			out[s] = decode(p1[s])
		}
		return out
	}
	info := newDocInfo(ws, p1)
	t2 := m.stage2.transitions()
	off = 0
	for s := range doc {
		n := len(ws[s])
		act := active[off : off+n]
		docFeatures(ws[s], p1[s], info, gaz[off:off+n], act, feats[s])
		m.stage2.emissions(feats[s], act, scores[off:off+n])
		p2 := tags[total+off : total+off+n]
		viterbi(scores[off:off+n], t2, act, back[off:off+n], p2)
		out[s] = decode(p2)
		off += n
	}
	return out
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
