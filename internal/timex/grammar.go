package timex

import (
	"strings"
	"time"
)

// The grammar: match tries, at one piece, every rule and keeps the longest
// match. Each rule reads pieces from k and returns the piece after its
// match; prefixes (approximators, position words) wrap the core rules.

// match returns the longest expression starting at piece i.
func (s *scanner) match(i int) (res, bool) {
	p := s.ps[i]
	if p.w == "" && p.kind != pNum && p.r != '\'' && p.r != '’' {
		return res{}, false
	}
	best, ok := s.core(i)
	if r, good := s.approx(i); good && (!ok || r.j > best.j) {
		best, ok = r, true
	}
	if r, good := s.position(i); good && (!ok || r.j > best.j) {
		best, ok = r, true
	}
	if ok && s.ps[best.j-1].cat == cUnit && s.punct(best.j, '-') && s.attached(best.j) && s.lower(best.j+1) == "to" &&
		best.j+3 < len(s.ps) && s.punct(best.j+2, '-') && s.ps[best.j+3].cat == cUnit {
		return res{}, false // the quarter-to-quarter comparison, day-to-day running
	}
	if ok {
		best = s.suffixes(best)
	}
	return best, ok
}

// core tries the core rules at k.
func (s *scanner) core(k int) (res, bool) {
	var best res
	ok := false
	try := func(r res, good bool) {
		if good && r.j > k && (!ok || r.j > best.j) {
			best, ok = r, true
		}
	}
	try(s.numericDate(k))
	try(s.monthDate(k))
	try(s.dayMonth(k))
	try(s.yearExpr(k))
	try(s.weekdayExpr(k))
	try(s.deictic(k))
	try(s.detUnit(k))
	try(s.quarterExpr(k))
	try(s.seasonExpr(k))
	try(s.quantity(k))
	try(s.bareUnits(k))
	try(s.setExpr(k))
	try(s.clock(k))
	try(s.holiday(k))
	try(s.reference(k))
	try(s.thePart(k))
	try(s.ordinalDay(k))
	return best, ok
}

// approx wraps a core match in an approximator: about, nearly, more than...
func (s *scanner) approx(i int) (res, bool) {
	k, mod := i, ""
	switch s.lower(i) {
	case "about", "around", "approximately", "roughly", "some":
		k, mod = i+1, "APPROX"
	case "nearly", "almost":
		k, mod = i+1, "EQUAL_OR_LESS"
	case "over":
		// over a year: more than one unit; `over three years` is as often
		// a stretch something is spread over, and stays out
		if w := s.lower(i + 1); w != "a" && w != "an" {
			return res{}, false
		}
		k, mod = i+1, "MORE_THAN"
	case "under":
		k, mod = i+1, "LESS_THAN"
		if s.lower(k) == "the" {
			return res{}, false
		}
	case "more", "less", "fewer":
		if s.lower(i+1) != "than" {
			return res{}, false
		}
		k, mod = i+2, "MORE_THAN"
		if s.lower(i) != "more" {
			mod = "LESS_THAN"
		}
	case "at":
		if s.lower(i+1) == "least" {
			k, mod = i+2, "EQUAL_OR_MORE"
		}
	case "up":
		if s.lower(i+1) == "to" {
			k, mod = i+2, "EQUAL_OR_LESS"
		}
	case "no":
		if s.lower(i+1) == "more" && s.lower(i+2) == "than" {
			k, mod = i+3, "EQUAL_OR_LESS"
		}
	}
	if k == i {
		return res{}, false
	}
	r, ok := s.core(k)
	if !ok || s.apostropheS(r.j) {
		return res{}, false // get around Wednesday's ruling
	}
	if s.lower(i) == "over" && r.typ != "DURATION" {
		return res{}, false
	}
	switch r.typ {
	case "DURATION", "TIME":
	default:
		// Dates take an approximator only when they are counted back (about
		// two years ago) or precise (around Nov. 1).
		if !r.hasDay && s.lower(r.j-1) != "ago" {
			return res{}, false
		}
	}
	r.i = i
	if r.mod == "" {
		r.mod = mod
	}
	return r, true
}

// position wraps a core match in a position word: early, late, mid-, the
// end of, earlier this, later this.
func (s *scanner) position(i int) (res, bool) {
	k, mod := i, ""
	switch s.lower(i) {
	case "early":
		k, mod = i+1, "START"
	case "late":
		k, mod = i+1, "END"
	case "mid", "middle":
		k, mod = i+1, "MID"
	case "earlier":
		k, mod = i+1, "START"
	case "later":
		k, mod = i+1, "END"
	case "the":
		switch s.lower(i + 1) {
		case "beginning", "start", "turn", "dawn":
			mod = "START"
		case "end", "close":
			mod = "END"
		case "middle":
			mod = "MID"
		case "early", "late", "mid":
			// the early 1980s, the mid-1990s: the article belongs to the
			// decade or century as it does in `the 1980s`
			if r, ok := s.position(i + 1); ok && len(r.val) <= 3 && allDigits(r.val) {
				r.i = i
				return r, true
			}
			return res{}, false
		default:
			return res{}, false
		}
		if s.lower(i+2) != "of" {
			return res{}, false
		}
		k = i + 3
	}
	if k == i {
		return res{}, false
	}
	if s.punct(k, '-') {
		k++
	}
	if r, ok := s.partOfDay(i, k, mod); ok {
		return r, true
	}
	earlierLater := s.lower(i) == "earlier" || s.lower(i) == "later"
	if earlierLater && s.lower(k) == "in" && s.lower(k+1) == "the" {
		// earlier in the year / later in the day
		if u := s.ps[min(k+2, len(s.ps)-1)]; k+2 < len(s.ps) && u.cat == cUnit {
			r := s.unitNow(u.n, 0)
			r.i, r.j, r.mod = i, k+3, mod
			return r, true
		}
		return res{}, false
	}
	var r res
	ok := false
	if k < len(s.ps) && (mod != "" && s.lower(i) == "the") {
		// the end of the year / the start of the month
		if s.lower(k) == "the" && k+1 < len(s.ps) && s.ps[k+1].cat == cUnit && !plural(s.ps[k+1].w) {
			r, ok = s.unitNow(s.ps[k+1].n, 0), true
			r.j = k + 2
		}
	}
	if !ok {
		r, ok = s.core(k)
	}
	if !ok || r.typ == "DURATION" || r.typ == "SET" {
		return res{}, false
	}
	if earlierLater && !(s.lower(k) == "this" || s.lower(k) == "today" || s.lower(k) == "yesterday" ||
		s.lower(k) == "tonight" || s.lower(k) == "that" || s.ps[k].cat == cWeekday || s.lower(k) == "tomorrow") {
		return res{}, false
	}
	if len(r.val) > 0 && (r.val[0] == 'P' || strings.HasSuffix(r.val, "_REF")) {
		return res{}, false // PRESENT_REF, PAST_REF: not positions (but `later this afternoon`, TAF, is)
	}
	r.i = i
	r.mod = mod
	return r, true
}

// partOfDay matches a part of the day after early, late or mid, at piece
// k, and the day it is on when one follows (`mid-afternoon yesterday`,
// `by late evening`): the day named, else the latest day named in the
// sentence or the article's day. Without a day it needs a preposition
// before it: `late night revellers` is an adjective.
func (s *scanner) partOfDay(i, k int, mod string) (res, bool) {
	if k >= len(s.ps) || s.ps[k].cat != cPart || plural(s.ps[k].w) || s.lower(i) == "earlier" || s.lower(i) == "later" || s.lower(i) == "the" {
		return res{}, false
	}
	part, j := s.ps[k].n, k+1
	r := res{i: i, j: j, typ: "TIME", mod: mod, suffix: "T" + partCode[part]}
	if d, ok := s.deictic(j); ok && d.typ == "DATE" {
		d.i, d.typ, d.suffix, d.mod = i, "TIME", r.suffix, mod
		d.val = d.val + r.suffix
		return d, true
	}
	if d, ok := s.weekdayFrom(j, i); ok && d.typ == "DATE" {
		d.i, d.typ, d.mod = i, "TIME", mod
		d.val = d.val + r.suffix
		return d, true
	}
	switch s.lowerWord(max(i-1, 0)) {
	case "by", "at", "in", "until", "till", "since", "before", "after", "around", "about", "from", "through":
		if i == 0 {
			return res{}, false
		}
	default:
		return res{}, false // late night revellers: an adjective
	}
	if n := len(s.sentRes); n > 0 && s.sentRes[n-1].hasDay {
		r.val = dayVal(s.sentRes[n-1].day) + r.suffix
		return r, true
	}
	if !s.hasDCT {
		r.val = "XXXX-XX-XX" + r.suffix
		return r, true
	}
	r.val, r.day, r.hasDay, r.deictic = dayVal(s.dct)+r.suffix, s.dct, true, true
	return r, true
}

// thePart matches `the morning` (afternoon, evening) after `in` in a
// past-tense clause once a day has been named: that day's (`dashed
// Friday. Dealers placed orders in the morning`). Without a day named, or
// spoken of as a habit (`he runs in the morning`), it is left out.
func (s *scanner) thePart(k int) (res, bool) {
	if k == 0 || s.lower(k) != "the" || s.lower(k-1) != "in" || k+1 >= len(s.ps) {
		return res{}, false
	}
	p := s.ps[k+1]
	if p.cat != cPart || plural(p.w) || p.n == 4 || !s.hasLastDay || !s.hasDCT || s.lastDay.After(s.dct) || s.dct.Sub(s.lastDay) > 7*24*time.Hour {
		return res{}, false
	}
	if s.tense(k, k+2) >= 0 {
		return res{}, false
	}
	suffix := "T" + partCode[p.n]
	return res{i: k, j: k + 2, typ: "TIME", val: dayVal(s.lastDay) + suffix, suffix: suffix}, true
}

// ordinalDay matches `the eighth day` of something that the present
// tense says is today: `today is the eighth day of Desert Shield`, `it's
// the second day of an offensive`.
func (s *scanner) ordinalDay(k int) (res, bool) {
	i := k
	if s.lower(k) == "the" {
		k++
	}
	if k+2 >= len(s.ps) || s.ps[k].cat != cOrd || s.lower(k+1) != "day" || s.lower(k+2) != "of" || !s.hasDCT {
		return res{}, false
	}
	switch {
	case i > 0 && s.lowerWord(i-1) == "is":
	case i > 1 && s.apostropheS(i-2):
	default:
		return res{}, false
	}
	r := dayRes(s.dct)
	r.i, r.j, r.deictic = i, k+2, true
	return r, true
}

// suffixes extends a match with `or so`, `or later`, `and beyond`, `-old`.
func (s *scanner) suffixes(r res) res {
	switch {
	case s.lower(r.j) == "or" && s.lower(r.j+1) == "so":
		r.j += 2
		r.mod = "APPROX"
	case r.typ == "DATE" && s.lower(r.j) == "or" && s.lower(r.j+1) == "later",
		r.typ == "DATE" && s.lower(r.j) == "and" && s.lower(r.j+1) == "beyond":
		r.j += 2
		r.mod = "ON_OR_AFTER"
	}
	return r
}

// unitNow returns the period of unit u that contains the article date,
// moved by n periods.
func (s *scanner) unitNow(u, n int) res {
	r := res{typ: "DATE"}
	if !s.hasDCT {
		r.val = unknownOf(u)
		return r
	}
	d := s.dct
	switch u {
	case uDay:
		t := d.AddDate(0, 0, n)
		r.val, r.day, r.hasDay, r.year = dayVal(t), t, true, t.Year()
		r.deictic, r.off = true, n
	case uWeek:
		r.val = weekVal(d.AddDate(0, 0, 7*n))
	case uWeekend:
		r.val = weekVal(d.AddDate(0, 0, 7*n)) + "-WE"
	case uMonth:
		y, m := addMonths(d.Year(), int(d.Month()), n)
		r.val, r.year = monthVal(y, m), y
	case uQuarter:
		y, q := addQuarters(d.Year(), quarterOf(d), n)
		r.val, r.year, r.quarter = quarterVal(y, q), y, q
	case uYear:
		r.val, r.year = yearVal(d.Year()+n), d.Year()+n
	case uDecade:
		r.val = decadeVal(d.Year() + 10*n)
	case uCentury:
		r.val = centuryVal((d.Year() + 100*n) / 100) // 2009 is in century "20", the 21st
	default:
		r.val = dayVal(d)
	}
	return r
}

// unknownOf is the value of a period of unit u with unknown digits.
func unknownOf(u int) string {
	switch u {
	case uWeek:
		return "XXXX-WXX"
	case uWeekend:
		return "XXXX-WXX-WE"
	case uMonth:
		return "XXXX-XX"
	case uQuarter:
		return "XXXX-QX"
	case uYear:
		return "XXXX"
	case uDecade:
		return "XXX"
	case uCentury:
		return "XX"
	}
	return "XXXX-XX-XX"
}

// allDigits reports whether v is a non-empty run of ASCII digits.
func allDigits(v string) bool {
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return v != ""
}

func plural(w string) bool {
	return len(w) > 1 && w[len(w)-1] == 's' || w == "millennia"
}

// punct reports whether piece k is the punctuation character r.
func (s *scanner) punct(k int, r rune) bool {
	return k >= 0 && k < len(s.ps) && s.ps[k].kind == pPunct && s.ps[k].r == r
}

// attached reports whether piece k follows piece k-1 with no space.
func (s *scanner) attached(k int) bool {
	return k > 0 && k < len(s.ps) && !s.ps[k].space
}

// apostropheS reports whether pieces k, k+1 are a possessive 's.
func (s *scanner) apostropheS(k int) bool {
	return (s.punct(k, '\'') || s.punct(k, '’')) && k+1 < len(s.ps) && s.attached(k+1) &&
		s.ps[k+1].kind == pWord && s.ps[k+1].end-s.ps[k+1].start == 1 &&
		(s.src[s.ps[k+1].start] == 's' || s.src[s.ps[k+1].start] == 'S')
}

// dayRes makes a day-precise DATE result.
func dayRes(t time.Time) res {
	return res{typ: "DATE", val: dayVal(t), day: t, hasDay: true, year: t.Year()}
}
