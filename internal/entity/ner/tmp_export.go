package ner

import "time"

func TmpParts(m *Model, doc [][]string, reps int) (d [6]time.Duration, feats int) {
	for r := 0; r < reps; r++ {
		for s, words := range doc {
			t0 := time.Now()
			ws := m.prepare(words)
			act := make([]bool, len(ws))
			activeWords(ws, act)
			t1 := time.Now()
			gaz := make([][len(Types)]uint8, len(ws))
			m.Gaz.match(ws, gaz)
			t2 := time.Now()
			fs := make([][]uint32, len(ws))
			buf := make([]uint32, 64*len(ws))
			for i := range fs {
				fs[i] = buf[i*64 : i*64 : i*64+64]
			}
			sentFeatures(ws, s, gaz, act, fs)
			t3 := time.Now()
			sc := make([][NumTags]int32, len(ws))
			m.stage1.emissions(fs, act, sc)
			t4 := time.Now()
			tags := make([]uint8, len(ws))
			viterbi(sc, m.stage1.transitions(), act, make([][NumTags]uint8, len(ws)), tags)
			t5 := time.Now()
			d[0] += t1.Sub(t0)
			d[1] += t2.Sub(t1)
			d[2] += t3.Sub(t2)
			d[3] += t4.Sub(t3)
			d[4] += t5.Sub(t4)
			if r == 0 {
				for _, f := range fs {
					feats += len(f)
				}
			}
		}
	}
	for i := range d {
		d[i] /= time.Duration(reps)
	}
	return
}
