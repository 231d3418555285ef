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
	try(s.quarterCode(k))
	try(s.seasonExpr(k))
	try(s.quantity(k))
	try(s.bareUnits(k))
	try(s.setExpr(k))
	try(s.clock(k))
	try(s.holiday(k))
	try(s.reference(k))
	try(s.thePart(k))
	try(s.anchoredPart(k))
	try(s.dawnDusk(k))
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
	if s.lower(i) != "about" {
		// `about` stays outside the extent, as the annotators of TimeBank
		// and AQUAINT mostly leave it (9 of 11 times); its sense is in mod
		r.i = i
	}
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
		if s.lower(i+1) == "end" && s.lower(i-1) == "at" && s.lower(k) == "the" && s.lower(k+1) == "day" && s.punct(k+2, ',') {
			return res{}, false // at the end of the day, it's all about: an idiom
		}
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
