package timex

import (
	"sort"
	"time"
)

// res is one match of the grammar: pieces [i, j) of the sentence.
type res struct {
	i, j int
	typ  string
	val  string
	mod  string

	// For anchoring and for re-resolving deictic words inside quotes.
	day     time.Time // the day, when the value is day-precise
	hasDay  bool
	deictic bool   // value is dct + off days, then suffix
	off     int    // days from the article date
	suffix  string // appended to a deictic day value: TEV, T22:00 ...
	year    int    // the year, when the value names one (or a part of one)
	quarter int    // the quarter, when the value is a quarter
	// compare marks a period named for comparison with the one spoken of
	// (`a year earlier`, `year-ago`, `the 1988 period`): it refers back
	// and is not an anchor for the expressions after it.
	compare bool
}

// scanner holds the state of one Find call.
type scanner struct {
	src    []byte
	dct    time.Time
	hasDCT bool
	ps     []piece // pieces of the current sentence
	out    []Timex

	// Anchors: the latest expression of each granularity.
	lastDay          time.Time
	hasLastDay       bool
	lastYear         int
	lastQYear, lastQ int
	// mainQYear, mainQ: the quarter a report is about, the latest named
	// but for an earlier one named as a backdrop (`after a flat second
	// quarter`); periods named for comparison (`a year earlier`, `the
	// year-earlier period`) compare with it.
	mainQYear, mainQ int
	lastMYear, lastM int // the latest month named, or the month of the latest day
	// monthLatest: a month was named after the latest day (`last October,
	// when he was shot`), so that `that same day` is a day of that month.
	monthLatest bool
	// spanYear: the latest period spoken of is longer than a quarter
	// (`the first nine months`, `the year ended Sept. 30`), so that `a
	// year earlier` and `the year-ago period` compare years, not quarters.
	spanYear bool

	sentRes []res // matches of the current sentence
}

// sentence finds the expressions of src[start:end].
func (s *scanner) sentence(start, end int) {
	s.ps = lexSentence(s.ps[:0], s.src, start, end)
	s.sentRes = s.sentRes[:0]
	prevDay, hadDay := s.lastDay, s.hasLastDay
	for i := 0; i < len(s.ps); {
		if !s.boundary(i) {
			i++
			continue
		}
		r, ok := s.match(i)
		if !ok {
			r, ok = s.nextDay(i)
		}
		if !ok || r.j <= i {
			i++
			continue
		}
		r = s.trim(r)
		if s.title(r) {
			i = r.j
			continue
		}
		s.sentRes = append(s.sentRes, r)
		s.anchor(r)
		i = r.j
	}
	if s.requote(prevDay, hadDay) {
		for _, r := range s.sentRes {
			if r.hasDay {
				s.lastDay = r.day
			}
		}
	}
	for _, r := range s.sentRes {
		a, b := s.ps[r.i].start, s.ps[r.j-1].end
		ref := (r.typ == "DATE" || r.typ == "TIME") && s.baseline(r.i)
		s.out = append(s.out, Timex{Start: a, End: b, Text: string(s.src[a:b]), Type: r.typ, Value: r.val, Mod: r.mod, Ref: ref})
	}
}

// baseline reports whether the expression at piece i is a point its
// clause measures against (Timex.Ref): after `since` when the clause
// before it holds a superlative, `first`, `record` or a negation (`its
// worst showing since August 1995`, `lows not seen since October 1982`),
// or after `compared`, `versus`, or `up`/`down from` in its clause
// (`compared to the same period last year`, `up from 14% a year ago`).
// `Since 2004` alone starts a state that lasts (`has fought cancer since
// 2004`) and is not one.
func (s *scanner) baseline(i int) bool {
	var buf [16]byte
	q := s.ps[i].quote
	since := i > 0 && s.lower(i-1) == "since"
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		p := s.ps[k]
		if p.quote != q || p.r == ';' || p.r == ',' && !(s.attached(k) && s.attached(k+1) && k > 0 && s.ps[k-1].kind == pNum) {
			return false // a clause ends at a comma, but not at 8,000's
		}
		w := s.word(k, &buf)
		if w == nil {
			continue
		}
		switch string(w) {
		case "compared", "versus", "vs":
			return !since
		case "from":
			if since {
				break
			}
			switch s.lowerWord(k - 1) {
			case "up", "down":
				return k > 0
			}
			// boosted from $5.8 billion in 2005, fell from 4.5% in March:
			// an amount then, against the one now
			if n := k + 1; n < i && !s.startsMatch(n) && (s.ps[n].kind == pNum || s.ps[n].cat == cNum || s.punct(n, '$') || s.punct(n, '£') || s.punct(n, '€')) {
				return true
			}
		}
		if !since || k == i-1 {
			continue
		}
		switch string(w) {
		case "worst", "best", "first", "most", "least", "record", "not", "never", "no",
			"t": // hasn't: the t after the apostrophe
			return true
		}
		if n := len(w); n > 5 && w[n-3] == 'e' && w[n-2] == 's' && w[n-1] == 't' && !notSuperlative[string(w)] {
			return true // lowest, highest, biggest, largest, longest
		}
	}
	return false
}

// notSuperlative are words in -est that are not superlatives.
var notSuperlative = map[string]bool{"latest": true, "interest": true, "protest": true, "request": true,
	"arrest": true, "contest": true, "honest": true, "modest": true, "suggest": true, "invest": true,
	"digest": true, "forest": true, "harvest": true, "manifest": true, "conquest": true, "inquest": true}

// startsMatch reports whether an expression of the sentence starts at
// piece n (from 2009 to 2011: 2009 is a date, not an amount). The
// sentence's matches are in text order, so it searches them by halves:
// a sentence of thousands of matches stays linear.
func (s *scanner) startsMatch(n int) bool {
	k := sort.Search(len(s.sentRes), func(k int) bool { return s.sentRes[k].i >= n })
	return k < len(s.sentRes) && s.sentRes[k].i == n
}

// boundary reports whether a match may start at piece i: not inside a
// word or number such as `A330` or `F16`.
func (s *scanner) boundary(i int) bool {
	p := s.ps[i]
	if p.kind == pPunct && p.r != '\'' && p.r != '’' {
		return false
	}
	if i == 0 || p.space {
		return true
	}
	return s.ps[i-1].kind == pPunct
}

// title reports whether r opens a quoted title: right after a quotation
// mark (straight, curly, or the doubled backquote and apostrophe of wire
// copy), with each of its words capitalised, the unit too (ABC's "This
// Week", CBS's "60 Minutes"). Running text never capitalises the unit.
func (s *scanner) title(r res) bool {
	if r.i == 0 || r.j-r.i < 2 || !s.attached(r.i) {
		return false
	}
	switch s.ps[r.i-1].r {
	case '"', '“', '\'', '‘', '`':
	default:
		return false
	}
	words := 0
	for k := r.i; k < r.j; k++ {
		switch p := s.ps[k]; p.kind {
		case pWord:
			if !p.upper {
				return false
			}
			words++
		case pPunct:
			return false
		}
	}
	return words > 0 && s.ps[r.j-1].kind == pWord
}

// trim drops trailing punctuation pieces from a match.
func (s *scanner) trim(r res) res {
	for r.j-1 > r.i && s.ps[r.j-1].kind == pPunct && s.ps[r.j-1].r != '.' {
		r.j--
	}
	// A trailing full stop belongs to an abbreviation only (Sept., p.m.).
	if r.j-1 > r.i && s.ps[r.j-1].r == '.' {
		prev := s.ps[r.j-2]
		if !(prev.kind == pWord && (prev.end-prev.start <= 4 || prev.cat == cMonth)) {
			r.j--
		}
	}
	return r
}

// anchor records r as the latest expression of its granularity.
func (s *scanner) anchor(r res) {
	if r.typ == "DURATION" && yearSpan(r.val) {
		s.spanYear = true
	}
	if r.typ != "DATE" && r.typ != "TIME" || r.compare {
		return
	}
	if len(r.val) == 7 && r.val[5] == 'Q' {
		s.spanYear = false // a quarter spoken of again
	}
	if len(r.val) == 4 && allDigits(r.val) && r.mod == "" {
		// a whole year spoken of (earnings for this year, up from last
		// year's): a year earlier compares years; by year-end does not
		s.spanYear = true
	}
	if r.hasDay {
		s.lastDay, s.hasLastDay = r.day, true
	}
	if r.year != 0 {
		s.lastYear = r.year
	}
	if y, m, ok := monthOf(r.val); ok {
		s.lastMYear, s.lastM = y, m
		s.monthLatest = !r.hasDay
	}
	if r.quarter != 0 {
		s.lastQYear, s.lastQ = r.year, r.quarter
		if r.year > s.mainQYear || r.year == s.mainQYear && r.quarter > s.mainQ || !s.backdrop(r.i) {
			s.mainQYear, s.mainQ = r.year, r.quarter
		}
	}
}

// backdrop reports whether the expression at piece i is the object of a
// preposition that sets it behind what is reported (`after a flat second
// quarter`, `up from the second quarter`), an article between.
func (s *scanner) backdrop(i int) bool {
	var buf [16]byte
	for k := i - 1; k >= max(i-3, 0); k-- {
		switch string(s.word(k, &buf)) {
		case "after", "following", "since", "from", "than":
			return true
		case "a", "an", "the", "its", "their":
			continue
		}
		return false
	}
	return false
}

// monthOf returns the year and month of a value of month precision or
// finer (2021-06, 2021-06-27, 2021-06-27T10:00).
func monthOf(v string) (int, int, bool) {
	if len(v) < 7 || v[4] != '-' || len(v) > 7 && v[7] != '-' {
		return 0, 0, false
	}
	y, m := 0, 0
	for k := 0; k < 7; k++ {
		c := v[k]
		switch {
		case k == 4:
		case c < '0' || c > '9':
			return 0, 0, false
		case k < 4:
			y = 10*y + int(c-'0')
		default:
			m = 10*m + int(c-'0')
		}
	}
	return y, m, m >= 1 && m <= 12
}

// yearSpan reports whether a duration value is a reporting period of
// more than a quarter and at most a year: P4M to P11M, P1Y, P2Q to P4Q.
func yearSpan(v string) bool {
	if len(v) < 3 || v[0] != 'P' {
		return false
	}
	n := 0
	for _, c := range v[1 : len(v)-1] {
		if c < '0' || c > '9' {
			return false
		}
		n = 10*n + int(c-'0')
	}
	switch v[len(v)-1] {
	case 'M':
		return n >= 4 && n <= 11
	case 'Q':
		return n >= 2 && n <= 4
	case 'Y':
		return n == 1
	}
	return false
}

// requote re-resolves deictic expressions inside quotation marks against
// the day the speaker spoke: a day named outside the quotes in the same
// sentence, else the latest day named in the week before the article.
func (s *scanner) requote(lastDay time.Time, hasLastDay bool) bool {
	if !s.hasDCT {
		return false
	}
	changed := false
	for k, r := range s.sentRes {
		if !r.deictic || !s.ps[r.i].quote {
			continue
		}
		var speech time.Time
		found := false
		for _, o := range s.sentRes {
			if o.hasDay && !o.deictic && !s.ps[o.i].quote {
				speech, found = o.day, true
			}
		}
		if !found && hasLastDay && !lastDay.After(s.dct) && s.dct.Sub(lastDay) <= 7*24*time.Hour {
			speech, found = lastDay, true
		}
		if !found {
			continue
		}
		d := speech.AddDate(0, 0, r.off)
		s.sentRes[k].val = dayVal(d) + r.suffix
		s.sentRes[k].day = d
		changed = true
	}
	return changed
}

// lower returns the lexicon form of piece k ("" out of range, not a word
// or not in the lexicon).
func (s *scanner) lower(k int) string {
	if k < 0 || k >= len(s.ps) {
		return ""
	}
	return s.ps[k].w
}
