package summary

import "math"

// weights are the scorer's parameters. They were set on half of the
// CNN/DailyMail development articles (brief-eval summary -split) and
// checked on the other half; they are not fitted to any one article.
type weights struct {
	posScale   float64 // position prior exp(-rank/posScale) over usable sentences
	pos, cent  float64 // weights of the position prior and the centrality
	lenPow     float64 // centrality divides by len(terms)^lenPow
	lead       float64 // weight of the overlap with the first usable sentence
	caption    float64 // penalties
	quote      float64
	dangling   float64
	connect    float64
	question   float64
	short      float64 // fewer than shortWords words
	shortWords int
	long       float64 // per word beyond longWords
	longWords  int
	dated      float64 // bonus for a dated event
	actors     float64 // bonus per unit of (normalised) actor salience; 0: with brief's entity salience it cost 0.2 ROUGE-1 on the dev set (brief-eval summary, 2026-11-25)
	redundancy float64 // MMR penalty times the overlap with chosen sentences
	dup        float64 // overlap above which a sentence is a repeat
}

var defaultWeights = weights{
	posScale: 6, pos: 1, cent: 0.5, lenPow: 1, lead: 0.5,
	caption: 0.2, quote: 0.3, dangling: 0.2, connect: 0.05, question: 0.3,
	short: 0.3, shortWords: 8, long: 0.005, longWords: 45,
	dated: 0.05, actors: 0, redundancy: 0.3, dup: 0.7,
}

// score returns each sentence's score; excluded sentences get -Inf.
func score(sents []sentence, sig Signals, w *weights) []float64 {
	// sentence frequency of each term over usable sentences
	nterms := int32(0)
	for _, s := range sents {
		for _, t := range s.terms {
			nterms = max(nterms, t+1)
		}
	}
	sf := make([]int32, nterms)
	for _, s := range sents {
		if s.exclude {
			continue
		}
		for _, t := range s.terms {
			sf[t]++
		}
	}
	cent := make([]float64, len(sents))
	maxCent := 0.0
	for i, s := range sents {
		if s.exclude || len(s.terms) == 0 {
			continue
		}
		c := 0.0
		for _, t := range s.terms {
			c += math.Log(float64(sf[t]))
		}
		c /= math.Pow(float64(len(s.terms)), w.lenPow)
		cent[i] = c
		maxCent = max(maxCent, c)
	}
	maxActors := 0.0
	for _, a := range sig.Actors {
		maxActors = max(maxActors, a)
	}
	lead := -1
	for i, s := range sents {
		if !s.exclude && !s.weak {
			lead = i
			break
		}
	}
	out := make([]float64, len(sents))
	rank := 0
	for i, s := range sents {
		if s.exclude {
			out[i] = math.Inf(-1)
			continue
		}
		v := w.pos * math.Exp(-float64(rank)/w.posScale)
		if !s.weak {
			rank++
		}
		if maxCent > 0 {
			v += w.cent * cent[i] / maxCent
		}
		if lead >= 0 && i != lead {
			v += w.lead * overlap(s.terms, sents[lead].terms)
		}
		if s.caption {
			v -= w.caption
		}
		if s.quote {
			v -= w.quote
		}
		if s.dangling {
			v -= w.dangling
		}
		if s.connect {
			v -= w.connect
		}
		if s.question {
			v -= w.question
		}
		if s.words < w.shortWords {
			v -= w.short
		}
		if s.words > w.longWords {
			v -= w.long * float64(s.words-w.longWords)
		}
		if i < len(sig.Dated) && sig.Dated[i] {
			v += w.dated
		}
		if i < len(sig.Actors) && maxActors > 0 {
			v += w.actors * sig.Actors[i] / maxActors
		}
		out[i] = v
	}
	return out
}
