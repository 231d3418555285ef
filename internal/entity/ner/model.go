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
	ws := make([][]word, len(doc))
	feats := make([][][]uint32, len(doc))
	p1 := make([][]uint8, len(doc))
	for s, words := range doc {
		ws[s] = m.prepare(words)
		feats[s] = m.stage1Features(ws[s], s)
		p1[s] = m.stage1.predict(feats[s])
	}
	if m.stage2 == nil {
		for s := range doc {
			out[s] = decode(p1[s])
		}
		return out
	}
	info := newDocInfo(ws, p1)
	for s := range doc {
		gaz := make([][len(Types)]uint8, len(ws[s]))
		docFeatures(ws[s], p1[s], info, gaz, feats[s])
		out[s] = decode(m.stage2.predict(feats[s]))
	}
	return out
}

func (m *Model) stage1Features(ws []word, sentIndex int) [][]uint32 {
	gaz := make([][len(Types)]uint8, len(ws))
	m.Gaz.match(ws, gaz)
	feats := make([][]uint32, len(ws))
	buf := make([]uint32, 0, 96*len(ws))
	for i := range feats {
		feats[i] = buf[len(buf):len(buf)][:0:96]
		buf = buf[:len(buf)+96]
	}
	sentFeatures(ws, sentIndex, gaz, feats)
	return feats
}

func (ws *weights) predict(feats [][]uint32) []uint8 {
	scores := make([][NumTags]float32, len(feats))
	ws.emissions(feats, scores)
	return viterbi(scores, func(a, b int) float32 { return float32(ws.trans[a*NumTags+b]) })
}

// StageOne returns a copy of m without its document-level stage, for
// measuring what that stage adds.
func (m *Model) StageOne() *Model {
	c := *m
	c.stage2 = nil
	return &c
}
