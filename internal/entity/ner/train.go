package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand"
	"sort"
)

// TrainOptions configure Train. The zero value trains the shipped model.
type TrainOptions struct {
	Epochs int       // passes over the data per stage; default 10
	Folds  int       // jackknife folds for stage-two inputs; default 5
	Seed   int64     // shuffling seed; default 1
	Prune  float64   // drop features whose largest averaged weight is below this; default 0.02
	Log    io.Writer // progress, when not nil
}

// Train builds a model from annotated documents. The result depends only
// on the documents and the options.
func Train(docs []Document, opt TrainOptions) *Model {
	if opt.Epochs == 0 {
		opt.Epochs = 10
	}
	if opt.Folds == 0 {
		opt.Folds = 5
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Prune == 0 {
		opt.Prune = 0.02
	}
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format, a...)
		}
	}
	fold := func(d int) int { return d % opt.Folds }

	// Fold-wise vocabulary and gazetteer: the features of a training
	// document come from the other folds, as an unseen document's would.
	counts := make([]map[string]*[2]int, opt.Folds)
	gazs := make([]Gazetteer, opt.Folds+1)
	for k := range counts {
		counts[k] = map[string]*[2]int{}
	}
	for d, doc := range docs {
		for _, s := range doc {
			countCase(counts[fold(d)], s.Words)
			for _, sp := range s.Spans {
				for k := 0; k <= opt.Folds; k++ {
					if k != fold(d) {
						gazs[k].add(s.Words[sp.Start:sp.End], sp.Type)
					}
				}
			}
		}
	}
	foldModels := make([]*Model, opt.Folds)
	for k := range foldModels {
		foldModels[k] = &Model{Vocab: vocabulary(counts, k), Gaz: gazs[k]}
	}
	final := &Model{Vocab: vocabulary(counts, -1), Gaz: gazs[opt.Folds]}

	// Stage-one features and gold tags.
	words := make([][][]word, len(docs))
	feats := make([][][][]uint32, len(docs))
	gold := make([][][]uint8, len(docs))
	for d, doc := range docs {
		fm := foldModels[fold(d)]
		for s, sent := range doc {
			ws := fm.prepare(sent.Words)
			words[d] = append(words[d], ws)
			feats[d] = append(feats[d], fm.stage1Features(ws, s))
			gold[d] = append(gold[d], encode(len(sent.Words), sent.Spans))
		}
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	all := make([]int, len(docs))
	for i := range all {
		all[i] = i
	}

	// Jackknifed stage-one tags for stage-two training.
	p1 := make([][][]uint8, len(docs))
	for k := 0; k < opt.Folds; k++ {
		var train []int
		for _, d := range all {
			if fold(d) != k {
				train = append(train, d)
			}
		}
		w := trainStage(feats, gold, train, opt.Epochs, rng, opt.Prune)
		for d := range docs {
			if fold(d) == k {
				for s := range feats[d] {
					p1[d] = append(p1[d], w.predict(feats[d][s]))
				}
			}
		}
		logf("fold %d/%d trained\n", k+1, opt.Folds)
	}
	final.stage1 = trainStage(feats, gold, all, opt.Epochs, rng, opt.Prune)
	logf("stage one: %d features\n", final.stage1.len())

	for d := range docs {
		info := newDocInfo(words[d], p1[d])
		for s := range feats[d] {
			gaz := make([][len(Types)]uint8, len(words[d][s]))
			docFeatures(words[d][s], p1[d][s], info, gaz, nil, feats[d][s])
		}
	}
	final.stage2 = trainStage(feats, gold, all, opt.Epochs, rng, opt.Prune)
	logf("stage two: %d features\n", final.stage2.len())
	return final
}

// countCase counts, for each lower-cased word in running text (not first
// in its sentence, not in a capitals-only sentence), how often it is
// written in lower case and capitalised.
func countCase(c map[string]*[2]int, words []string) {
	if allCaps(words) {
		return
	}
	for i, w := range words {
		if i == 0 || !hasLetter(w) {
			continue
		}
		low := foldWord(w)
		n := c[low]
		if n == nil {
			n = new([2]int)
			c[low] = n
		}
		if isCap(w) {
			n[1]++
		} else {
			n[0]++
		}
	}
}

// vocabulary merges the case counts of all folds but skip into classes.
func vocabulary(counts []map[string]*[2]int, skip int) map[string]uint8 {
	sum := map[string][2]int{}
	for k, c := range counts {
		if k == skip {
			continue
		}
		for w, n := range c {
			s := sum[w]
			s[0] += n[0]
			s[1] += n[1]
			sum[w] = s
		}
	}
	v := make(map[string]uint8, len(sum))
	for w, n := range sum {
		tot := float64(n[0] + n[1])
		switch {
		case float64(n[0]) >= 0.9*tot:
			v[w] = lcLower
		case float64(n[1]) >= 0.9*tot:
			v[w] = lcCap
		default:
			v[w] = lcMixed
		}
	}
	return v
}

// trainer is an averaged structured perceptron over hashed features.
type trainer struct {
	index         map[uint32]int32
	w, u          []float32 // weights and their time-weighted updates
	trans, transU [(NumTags + 1) * NumTags]float32
	c             float32
}

func (tr *trainer) row(k uint32, create bool) int {
	r, ok := tr.index[k]
	if !ok {
		if !create {
			return -1
		}
		r = int32(len(tr.w) / NumTags)
		tr.index[k] = r
		tr.w = append(tr.w, make([]float32, NumTags)...)
		tr.u = append(tr.u, make([]float32, NumTags)...)
	}
	return int(r) * NumTags
}

func (tr *trainer) predict(feats [][]uint32) []uint8 {
	// The weights are sums of whole updates, so int32 scores are exact.
	scores := make([][NumTags]int32, len(feats))
	for i, f := range feats {
		var s [NumTags]float32
		for _, k := range f {
			if r := tr.row(k, false); r >= 0 {
				for t := 0; t < NumTags; t++ {
					s[t] += tr.w[r+t]
				}
			}
		}
		for t := range s {
			scores[i][t] = int32(s[t])
		}
	}
	var trans [(NumTags + 1) * NumTags]int32
	for i, v := range tr.trans {
		trans[i] = int32(v)
	}
	tags := make([]uint8, len(feats))
	viterbi(scores, &trans, nil, make([][NumTags]uint8, len(feats)), tags)
	return tags
}

func (tr *trainer) update(feats [][]uint32, gold, pred []uint8) {
	prevG, prevP := NumTags, NumTags
	for i := range gold {
		g, p := int(gold[i]), int(pred[i])
		if g != p {
			for _, k := range feats[i] {
				r := tr.row(k, true)
				tr.w[r+g]++
				tr.u[r+g] += tr.c
				tr.w[r+p]--
				tr.u[r+p] -= tr.c
			}
		}
		if g != p || prevG != prevP {
			tr.trans[prevG*NumTags+g]++
			tr.transU[prevG*NumTags+g] += tr.c
			tr.trans[prevP*NumTags+p]--
			tr.transU[prevP*NumTags+p] -= tr.c
		}
		prevG, prevP = g, p
	}
}

func trainStage(feats [][][][]uint32, gold [][][]uint8, docs []int, epochs int, rng *rand.Rand, prune float64) *weights {
	tr := &trainer{index: map[uint32]int32{}, c: 1}
	order := append([]int(nil), docs...)
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, d := range order {
			for s := range feats[d] {
				pred := tr.predict(feats[d][s])
				tr.update(feats[d][s], gold[d][s], pred)
				tr.c++
			}
		}
	}
	return tr.finish(prune)
}

// finish averages the weights, drops weak features and quantises to int16.
func (tr *trainer) finish(prune float64) *weights {
	avg := func(w, u float32) float64 { return float64(w) - float64(u)/float64(tr.c) }
	max := 0.0
	for i := range tr.w {
		max = math.Max(max, math.Abs(avg(tr.w[i], tr.u[i])))
	}
	for i := range tr.trans {
		max = math.Max(max, math.Abs(avg(tr.trans[i], tr.transU[i])))
	}
	if max == 0 {
		max = 1
	}
	scale := 32000 / max
	keys := make([]uint32, 0, len(tr.index))
	for k := range tr.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var kept []uint32
	for _, k := range keys {
		r := int(tr.index[k]) * NumTags
		big := 0.0
		for t := 0; t < NumTags; t++ {
			big = math.Max(big, math.Abs(avg(tr.w[r+t], tr.u[r+t])))
		}
		if big >= prune {
			kept = append(kept, k)
		}
	}
	ws := newWeights(len(kept))
	row := make([]int16, NumTags)
	for _, k := range kept {
		r := int(tr.index[k]) * NumTags
		for t := range row {
			row[t] = int16(math.Round(avg(tr.w[r+t], tr.u[r+t]) * scale))
		}
		ws.insert(k, row)
	}
	for i := range tr.trans {
		ws.trans[i] = int16(math.Round(avg(tr.trans[i], tr.transU[i]) * scale))
	}
	return ws
}
