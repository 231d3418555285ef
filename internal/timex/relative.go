package timex

import (
	"strconv"
	"time"
)

// Relative expressions: weekdays, deictic days, this/last/next periods,
// quarters, seasons and the PRESENT/PAST/FUTURE references.

// weekdayExpr matches [last|next|this|coming|the previous|the following]
// weekday['s] [morning|afternoon|evening|night], and plural weekdays
// (`on Tuesdays`) as sets.
func (s *scanner) weekdayExpr(k int) (res, bool) {
	return s.weekdayFrom(k, k)
}

// weekdayFrom is weekdayExpr for a weekday that ends a longer expression
// starting at piece from (`9 a.m. Tuesday`): its tense is read from there.
func (s *scanner) weekdayFrom(k, from int) (res, bool) {
	i := k
	det := ""
	switch w := s.lower(k); w {
	case "last", "next", "this", "coming", "past":
		det = w
		k++
		if w == "this" && (s.lower(k) == "coming" || s.lower(k) == "past") {
			det = s.lower(k)
			k++
		}
	case "the":
		if w2 := s.lower(k + 1); w2 == "previous" || w2 == "following" || w2 == "next" || w2 == "same" {
			det = w2
			k += 2
		}
	}
	if k >= len(s.ps) || s.ps[k].cat != cWeekday {
		return res{}, false
	}
	wd := s.ps[k].n
	j := k + 1
	part := 0
	if plural(s.ps[k].w) && det == "" {
		r := res{i: i, j: j, typ: "SET", val: "XXXX-WXX-" + pad(wd, 1)}
		if j < len(s.ps) && s.ps[j].cat == cPart {
			r.val += "T" + partCode[s.ps[j].n]
			r.j++
		}
		return r, true
	}
	// Tuesday nights, Monday and Tuesday nights: a part in the plural
	// makes the weekday a set
	if det == "" {
		q := j
		if (s.lower(q) == "and" || s.lower(q) == "or") && q+1 < len(s.ps) && s.ps[q+1].cat == cWeekday && !plural(s.ps[q+1].w) {
			q += 2
		}
		if q < len(s.ps) && s.ps[q].cat == cPart && plural(s.ps[q].w) {
			r := res{i: i, j: j, typ: "SET", val: "XXXX-WXX-" + pad(wd, 1) + "T" + partCode[s.ps[q].n]}
			if q == j {
				r.j = q + 1
			}
			return r, true
		}
	}
	if j < len(s.ps) && s.ps[j].cat == cPart && !plural(s.ps[j].w) {
		part = s.ps[j].n
		j++
	}
	if !s.hasDCT {
		r := res{i: i, j: j, typ: "DATE", val: "XXXX-WXX-" + pad(wd, 1)}
		if part != 0 {
			r.typ, r.val = "TIME", r.val+"T"+partCode[part]
		}
		return r, true
	}
	ref := s.dct
	var d time.Time
	switch det {
	case "last", "past":
		d = weekday(ref, wd, -1, true)
	case "next", "coming":
		d = weekday(ref, wd, 1, true)
	case "this":
		if s.tense(from, j) > 0 {
			d = weekday(ref, wd, 1, false)
		} else {
			d = weekday(ref, wd, -1, false)
		}
	case "previous", "following", "same":
		if s.hasLastDay {
			ref = s.lastDay
		}
		switch det {
		case "previous":
			d = weekday(ref, wd, -1, true)
		case "following":
			d = weekday(ref, wd, 1, true)
		default:
			d = weekday(ref, wd, -1, false)
		}
	default:
		// Wednesday's ruling: a day already spoken of
		if !s.apostropheS(j) && s.tense(from, j) > 0 {
			d = weekday(ref, wd, 1, false)
		} else {
			d = weekday(ref, wd, -1, false)
		}
	}
	r := dayRes(d)
	r.i, r.j = i, j
	if part != 0 {
		r.typ, r.val = "TIME", partVal(d, part)
	}
	return r, true
}

// deictic matches today, yesterday, tomorrow, tonight, [this|last|
// yesterday|tomorrow] morning/afternoon/evening/night.
func (s *scanner) deictic(k int) (res, bool) {
	w := s.lower(k)
	off, part, j := 0, 0, k+1
	switch w {
	case "today":
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	case "tonight":
		part = 4
	case "this", "last":
		if k+1 >= len(s.ps) || s.ps[k+1].cat != cPart || plural(s.ps[k+1].w) {
			return res{}, false
		}
		part = s.ps[k+1].n
		j = k + 2
		if w == "last" {
			if part != 4 {
				return res{}, false
			}
			off = -1
		}
	default:
		return res{}, false
	}
	if (w == "today" || w == "tomorrow") && s.generic(k) {
		return res{}, false
	}
	if w == "tomorrow" && s.lower(k-1) == "of" && !s.apostropheS(k+1) && k >= 2 && s.ps[k-2].kind == pWord && s.ps[k-2].cat != cPart && s.ps[k-2].cat != cUnit {
		// the people of tomorrow, the cars of tomorrow: the age to come
		return res{}, false
	}
	if w == "today" || w == "yesterday" || w == "tomorrow" {
		if j < len(s.ps) && s.ps[j].cat == cPart && !plural(s.ps[j].w) {
			part = s.ps[j].n
			j++
		}
	}
	r := res{i: k, j: j, typ: "DATE", deictic: true, off: off}
	if part != 0 && w != "tonight" {
		r.typ, r.suffix = "TIME", "T"+partCode[part]
	}
	if !s.hasDCT {
		r.val = "XXXX-XX-XX" + r.suffix
		return r, true
	}
	d := s.dct.AddDate(0, 0, off)
	r.val, r.day, r.hasDay, r.year = dayVal(d)+r.suffix, d, true, d.Year()
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

// anchoredPart matches a part of a day named before: `that night`, `the
// next morning`, `the following evening`, `the previous night`, `that
// same afternoon`. It is that day's, or the day after or before it; with
// no day named before it is left out.
func (s *scanner) anchoredPart(k int) (res, bool) {
	i, n := k, 0
	switch s.lower(k) {
	case "that":
		k++
		if s.lower(k) == "same" {
			k++
		}
	case "the":
		switch s.lower(k + 1) {
		case "next", "following":
			n = 1
		case "previous", "preceding":
			n = -1
		case "same":
		default:
			return res{}, false
		}
		k += 2
	default:
		return res{}, false
	}
	if k >= len(s.ps) || s.ps[k].cat != cPart || plural(s.ps[k].w) || !s.hasLastDay && !s.monthLatest {
		return res{}, false
	}
	suffix := "T" + partCode[s.ps[k].n]
	if s.monthLatest {
		// the following morning, after `in August 1999 ... a dreadful
		// night`: a morning of that month
		return res{i: i, j: k + 1, typ: "TIME", val: monthVal(s.lastMYear, s.lastM) + "-XX" + suffix, suffix: suffix}, true
	}
	d := s.lastDay.AddDate(0, 0, n)
	return res{i: i, j: k + 1, typ: "TIME", val: dayVal(d) + suffix, suffix: suffix, day: d, hasDay: true, year: d.Year()}, true
}

// dawnDusk matches `at dawn`, `before dusk`, `by nightfall` and the
// like, with the day that follows (`at dawn on Sunday`), else the latest
// day named in the sentence, else the article's: TIMEX3 has no code for
// them, so dawn is the morning (TMO) and dusk the evening (TEV).
func (s *scanner) dawnDusk(k int) (res, bool) {
	code := ""
	switch s.lower(k) {
	case "dawn", "daybreak", "sunrise":
		code = "MO"
	case "dusk", "nightfall", "sunset":
		code = "EV"
	default:
		return res{}, false
	}
	switch s.lower(k - 1) {
	case "at", "before", "after", "by", "until", "till", "around", "from", "since":
		if k == 0 {
			return res{}, false
		}
	default:
		return res{}, false
	}
	suffix := "T" + code
	q := k + 1
	if s.lower(q) == "on" {
		q++
	}
	if d, ok := s.weekdayFrom(q, k); ok && d.hasDay {
		d.i, d.typ, d.val, d.suffix = k, "TIME", dayVal(d.day)+suffix, suffix
		return d, true
	}
	if d, ok := s.deictic(q); ok && d.hasDay && d.suffix == "" {
		d.i, d.typ, d.val, d.suffix = k, "TIME", dayVal(d.day)+suffix, suffix
		return d, true
	}
	r := res{i: k, j: k + 1, typ: "TIME", suffix: suffix}
	switch {
	case len(s.sentRes) > 0 && s.sentRes[len(s.sentRes)-1].hasDay:
		r.day = s.sentRes[len(s.sentRes)-1].day
	case s.hasDCT:
		r.day, r.deictic = s.dct, true
	default:
		r.val = "XXXX-XX-XX" + suffix
		return r, true
	}
	r.val, r.hasDay = dayVal(r.day)+suffix, true
	return r, true
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

// generic reports whether today or tomorrow at piece k means the present
// or future age rather than a day: `today's world`, `today's youth`,
// `tomorrow's generation` (but `today's meeting` is the day's).
func (s *scanner) generic(k int) bool {
	return s.apostropheS(k+1) && ageNouns[s.lowerWord(k+3)]
}

// ageNouns after today's speak of the present age, not of the day.
var ageNouns = map[string]bool{"world": true, "society": true, "youth": true, "young": true,
	"generation": true, "generations": true, "children": true, "kids": true, "teenagers": true,
	"families": true, "standards": true, "culture": true, "technology": true, "economy": true}

// detUnit matches this/last/next/past/coming/previous/following/current
// week, month, year, weekend, decade, century, and the weekend, that day,
// the same year, the previous day, year-end.
func (s *scanner) detUnit(k int) (res, bool) {
	i := k
	the := false
	if s.lower(k) == "the" {
		the = true
		k++
	}
	if the {
		if r, ok := s.weekOfMonth(k); ok {
			r.i = i
			return r, true
		}
	}
	det := s.lower(k)
	switch det {
	case "this", "last", "next", "past", "coming", "previous", "following", "current", "same", "that", "latest", "prior", "preceding", "upcoming":
		k++
		if det == "that" && s.lower(k) == "same" {
			det = "same" // that same day
			k++
		}
		if det == "this" && (s.lower(k) == "past" || s.lower(k) == "coming") {
			det = s.lower(k) // this past weekend, this coming week
			k++
		}
	case "year":
		// year-end, year end, year's end
		j := k + 1
		if s.punct(j, '-') && s.attached(j) {
			j++
		} else if s.apostropheS(j) {
			j += 2
		}
		if s.lower(j) == "end" && !the {
			n := 0
			if i > 0 && s.lowerWord(i-1) == "since" && s.hasDCT && s.dct.Month() < time.December {
				n = -1 // since year-end: the end of the year before
			}
			r := s.unitNow(uYear, n)
			r.i, r.j, r.mod = i, j+1, "END"
			return r, true
		}
		if s.punct(k+1, '-') && (s.lower(k+2) == "ago" || s.lower(k+2) == "earlier") && s.attached(k+1) && s.attached(k+2) {
			// year-ago, year-earlier: the same period a year before the
			// one reported on (the article's, or the quarter spoken of)
			r := s.countedBack(res{}, 1, false, uYear, -1, false)
			r.i, r.j, r.compare = k, k+3, true
			return r, true
		}
		det = ""
	default:
		det = ""
	}
	if (s.lower(k) == "fiscal" || the && det == "" && s.lower(k) == "full") && s.lower(k+1) == "year" {
		k++ // the fiscal year, the full year, the current fiscal year
	}
	if k >= len(s.ps) || s.ps[k].cat != cUnit || plural(s.ps[k].w) {
		return res{}, false
	}
	u := s.ps[k].n
	j := k + 1
	if s.ps[k].upper && the && s.lowerWord(i-1) == "of" && i >= 2 && s.ps[i-2].upper {
		return res{}, false // Player of the Year, Fan of the Year: an award
	}
	if det == "" {
		// the weekend, the week; a bare `the year` is a stretch of time
		if !the {
			return res{}, false
		}
		if w := s.lower(j); (w == "previous" || w == "prior" && s.lower(j+1) != "to") && (u == uYear || u == uMonth || u == uWeek || u == uDay) {
			// the year previous, the day prior: the previous year, day
			r := s.fromAnchor(u, -1)
			r.i, r.j = i, j+1
			return r, true
		}
		if w := s.lower(j); (w == "before" || w == "after") && (j+1 >= len(s.ps) || s.ps[j+1].kind == pPunct && s.ps[j+1].r != '\'' && s.ps[j+1].r != '’') && (u == uYear || u == uMonth || u == uWeek || u == uDay) {
			// the week before, the day after: the one before or after the
			// time named last (`the day before the vote` is counted from
			// an event, and stays out)
			n := -1
			if w == "after" {
				n = 1
			}
			r := s.fromAnchor(u, n)
			r.i, r.j = i, j+1
			return r, true
		}
		switch u {
		case uWeekend:
			if !s.hasDCT {
				return res{i: i, j: j, typ: "DATE", val: "XXXX-WXX-WE"}, true
			}
			d := weekday(s.dct, 6, -1, false)
			if s.tense(i, j) > 0 {
				d = weekday(s.dct, 6, 1, false)
			}
			return res{i: i, j: j, typ: "DATE", val: weekVal(d) + "-WE"}, true
		case uYear:
			if s.lower(j) == "before" || s.lower(j) == "earlier" || s.lower(j) == "after" {
				return res{}, false
			}
			// `the year ended Sept. 30` is a stretch of twelve months;
			// `for the year`, `a high for the year` is the year itself.
			switch s.lowerWord(min(j, len(s.ps)-1)) {
			case "ended", "ending", "ends", "through", "to", "before", "since":
				if j < len(s.ps) {
					return res{i: i, j: j, typ: "DURATION", val: "P1Y"}, true
				}
			}
			r := s.unitNow(uYear, 0)
			r.i, r.j = i, j
			return r, true
		case uWeek:
			if s.lower(j) == "of" {
				// the week of March 6: the week that holds the day
				if d, ok := s.monthDate(j + 1); ok && d.hasDay {
					return res{i: i, j: d.j, typ: "DATE", val: weekVal(d.day), year: d.year}, true
				}
			}
			if i >= 2 && s.lower(i-1) == "of" && s.lower(i-2) == "day" {
				return res{}, false // whatever day of the week
			}
			// for the week, the week's most active session: the week of
			// the day spoken of (Friday's), else the article's
			r := s.fromAnchor(uWeek, 0)
			r.i, r.j = i, j
			return r, true
		case uDay:
			// the day before last Tuesday('s hearing), the day after
			// Christmas: the day next to a day named
			if w := s.lower(j); w == "before" || w == "after" {
				if d, ok := s.core(j + 1); ok && d.hasDay && d.typ == "DATE" {
					off := -1
					if w == "after" {
						off = 1
					}
					r := dayRes(d.day.AddDate(0, 0, off))
					r.i, r.j = i, d.j
					return r, true
				}
			}
			// the index closed the day up, fell 3% for the day: the
			// trading day spoken of
			if i > 0 && dayClosers[s.lowerWord(i-1)] {
				r := s.fromAnchor(uDay, 0)
				r.i, r.j = i, j
				return r, true
			}
		}
		return res{}, false
	}
	if det == "that" && the {
		return res{}, false
	}
	n := 0
	anchored := false
	switch det {
	case "last", "past", "previous", "prior", "preceding":
		n = -1
		anchored = det != "last" && det != "past"
	case "next", "coming", "following", "upcoming":
		n = 1
		anchored = det == "following"
	case "same", "that":
		anchored = true
	case "latest":
		if u != uWeek {
			return res{}, false
		}
	}
	if !the && (det == "previous" || det == "following" || det == "prior" || det == "preceding") {
		anchored = false
	}
	if u == uDay && !anchored {
		return res{}, false // `last day` is not a date
	}
	if u == uQuarter || u == uSecond || u == uMinute || u == uHour {
		return res{}, false // quarters have their own rule
	}
	var r res
	switch {
	case anchored && u == uDay && (det == "same" || det == "that") && s.monthLatest:
		// that same day, after `last October, when he was shot`: a day
		// of that month (`the day` after a month is still the day named)
		r = res{typ: "DATE", val: monthVal(s.lastMYear, s.lastM) + "-XX", year: s.lastMYear}
	case anchored:
		r = s.fromAnchor(u, n)
	case u == uYear && det == "last" && !the && s.lastQ != 0 && !s.spanYear && s.comparing(i):
		// compared with $33 million last year, up from last year's $1.55
		// billion, after a quarter's results: that quarter a year back
		r = res{typ: "DATE", val: quarterVal(s.mainQYear-1, s.mainQ), year: s.mainQYear - 1, compare: true}
	default:
		r = s.unitNow(u, n)
		r.deictic = false
	}
	r.i, r.j = i, j
	return r, true
}

// comparing reports whether the clause before piece i compares a figure
// with an earlier one (`compared with`, `up from`, `versus`): the period
// at i is then the one the figure is compared with.
func (s *scanner) comparing(i int) bool {
	var buf [16]byte
	q := s.ps[i].quote
	for k := i - 1; k >= max(i-tenseBack, 0); k-- {
		p := s.ps[k]
		if p.quote != q || p.r == ';' || p.r == '.' || p.r == ',' {
			return false
		}
		switch string(s.word(k, &buf)) {
		case "compared", "from", "versus", "vs", "against":
			return true
		}
	}
	return false
}

// weekOfMonth matches `first week of March [2009]` (after `the`) at k:
// the week that holds the month's 4th (first), 11th (second), 18th
// (third), 25th (fourth) or its fourth-last day (last, final).
func (s *scanner) weekOfMonth(k int) (res, bool) {
	n := 0
	switch s.lower(k) {
	case "last", "final":
		n = -1
	default:
		if k < len(s.ps) && s.ps[k].cat == cOrd && s.ps[k].n <= 4 {
			n = s.ps[k].n
		} else if s.lower(k) == "second" {
			n = 2
		}
	}
	if n == 0 || s.lower(k+1) != "week" || s.lower(k+2) != "of" {
		return res{}, false
	}
	m, ok := s.monthDate(k + 3)
	if !ok || m.hasDay || m.year == 0 {
		return res{}, false
	}
	y, mo, ok := monthOf(m.val)
	if !ok {
		return res{}, false
	}
	d := ymd(y, mo, 7*(n-1)+4)
	if n < 0 {
		d = ymd(y, mo+1, 1).AddDate(0, 0, -4)
	}
	return res{j: m.j, typ: "DATE", val: weekVal(d), year: y}, true
}

// fromAnchor returns the period of unit u moved by n from the latest
// expression of that granularity (the article date when there is none).
func (s *scanner) fromAnchor(u, n int) res {
	switch u {
	case uDay:
		if s.hasLastDay {
			return dayRes(s.lastDay.AddDate(0, 0, n))
		}
	case uYear:
		if s.lastYear != 0 {
			return res{typ: "DATE", val: yearVal(s.lastYear + n), year: s.lastYear + n}
		}
	case uWeek:
		if s.hasLastDay {
			return res{typ: "DATE", val: weekVal(s.lastDay.AddDate(0, 0, 7*n))}
		}
	case uMonth:
		if s.lastM != 0 {
			y, m := addMonths(s.lastMYear, s.lastM, n)
			return res{typ: "DATE", val: monthVal(y, m), year: y}
		}
	}
	r := s.unitNow(u, n)
	r.deictic = false
	return r
}

// ordQuarter reads a quarter's ordinal at k: first, 1st, fiscal-first.
func (s *scanner) ordinal(k int) (int, int, bool) {
	if k >= len(s.ps) {
		return 0, 0, false
	}
	if s.ps[k].cat == cOrd {
		return s.ps[k].n, k + 1, true
	}
	if s.ps[k].w == "second" {
		return 2, k + 1, true
	}
	if d, ok := s.num(k); ok && s.ps[k].digits == 1 && k+1 < len(s.ps) && s.attached(k+1) {
		switch s.lowerRaw(k + 1) {
		case "st", "nd", "rd", "th":
			return d, k + 2, true
		}
	}
	return 0, 0, false
}

// quarterExpr matches quarters and halves: the third quarter, third-quarter,
// the fiscal first quarter, the 1988 second quarter, the year-ago quarter,
// the latest quarter, last year's quarter, the third quarter of 1990, the
// first half of 1990, the year-earlier period.
func (s *scanner) quarterExpr(k int) (res, bool) {
	if w := s.lower(k); w == "its" || w == "their" || w == "that" && s.ps[min(k+1, len(s.ps)-1)].cat == cOrd {
		k++
	}
	i := k
	if s.lower(k) == "the" {
		k++
	}
	yearShift, year, q, anchoredQ, named := 0, 0, 0, false, false
	latest, same := false, false
	for start := k; k < len(s.ps) && k < start+8; k++ {
		w := s.lower(k)
		switch {
		case w == "fiscal" || w == "calendar" || w == "comparable" || w == "corresponding" || w == "same" || w == "flat":
			if s.punct(k+1, '-') {
				k++
			}
			named = named || w == "comparable" || w == "corresponding" || w == "same"
			same = same || w == "same"
			anchoredQ = anchoredQ || w != "fiscal" && w != "calendar" && w != "flat"
			continue
		case w == "latest" || w == "current" || w == "that" || w == "this" || w == "recent" || w == "last" || w == "next" || w == "previous":
			if (w == "last" || w == "this" || w == "next") && s.lower(k+1) == "year" && s.apostropheS(k+2) {
				switch w {
				case "last":
					yearShift = -1
				case "next":
					yearShift = 1
				}
				k += 3 // on the s of year's; the loop steps past it
				named = true
				continue
			}
			if w == "last" || w == "next" || w == "previous" {
				// last quarter: the quarter before the article's
				if s.lower(k+1) == "quarter" && q == 0 {
					r := s.unitNow(uQuarter, -1)
					if w == "next" {
						r = s.unitNow(uQuarter, 1)
					}
					r.i, r.j = i, k+2
					return r, true
				}
				if s.lower(k+1) == "half" {
					continue
				}
				return res{}, false
			}
			if w == "current" || w == "this" {
				named = true
				// the current quarter is the article's; this quarter may
				// be the one just reported on
				if s.lower(k+1) == "quarter" && q == 0 && (w == "current" || s.lastQ == 0) && s.hasDCT {
					r := s.unitNow(uQuarter, 0)
					r.i, r.j = i, k+2
					return r, true
				}
			}
			anchoredQ = true
			named = named || w == "latest"
			latest = latest || w == "latest" || w == "recent"
			continue
		case w == "year" && (s.punct(k+1, '-') || s.lower(k+1) == "earlier" || s.lower(k+1) == "ago"):
			// year-ago, year-earlier
			q2 := k + 1
			if s.punct(q2, '-') {
				q2++
			}
			if s.lower(q2) != "ago" && s.lower(q2) != "earlier" {
				return res{}, false
			}
			yearShift = -1
			anchoredQ, named = true, true
			k = q2
			continue
		}
		if y, j, ok := s.yearAt(k); ok && s.ps[k].kind == pNum {
			year = y
			if s.apostropheS(j) {
				j += 2
			}
			k = j - 1
			named = true
			continue
		}
		o, j, ok := s.ordinal(k)
		if !ok && s.lowerWord(k) == "final" {
			o, j, ok = 4, k+1, true // the final quarter
		}
		if ok && o >= 1 && o <= 4 {
			q = o
			if s.punct(j, '-') && s.attached(j) && (s.lower(j+1) == "quarter" || s.lower(j+1) == "half") {
				// third-quarter: an adjective, written without its determiner
				if i < k && s.lower(i) == "the" && k == i+1 {
					i = k
				}
				j++
			}
			k = j
			break
		}
		break
	}
	w := s.lower(k)
	half := false
	switch {
	case w == "quarter" && s.punct(k+1, '-') && s.attached(k+1) && s.attached(k+2) && finals[s.lowerWord(min(k+2, len(s.ps)-1))]:
		return res{}, false // the quarter-finals: a round of a tournament
	case w == "quarter":
	case w == "half" && (q == 1 || q == 2 || s.lower(k-1) == "last"):
		half = true
		if q == 0 {
			q = 2
		}
	case w == "period" && named:
	case w == "two" && q == 1 && s.lower(k+1) == "quarters":
		// the first two quarters (of 1990): the first half
		half = true
		k++
	default:
		return res{}, false
	}
	j := k + 1
	if s.lower(j) == "of" {
		if d, ok := s.yearExpr(j + 1); ok && half && len(d.val) == 3 && allDigits(d.val) {
			// the last half of the '80s: a part of the decade
			mod := "START"
			if q == 2 {
				mod = "END"
			}
			return res{i: i, j: d.j, typ: "DATE", val: d.val, mod: mod}, true
		}
		if y, j2, ok := s.yearAt(j + 1); ok {
			year, j = y, j2
		} else if w := s.lower(j + 1); (w == "last" || w == "this" || w == "next") && s.lower(j+2) == "year" {
			// the first quarter of last year
			switch w {
			case "last":
				yearShift = -1
			case "next":
				yearShift = 1
			}
			j += 3
		}
	} else if (s.lower(j) == "last" || s.lower(j) == "this") && s.lower(j+1) == "year" {
		if s.lower(j) == "last" {
			yearShift = -1
		}
		j += 2
	} else if s.lower(j) == "a" && s.lower(j+1) == "year" && (s.lower(j+2) == "ago" || s.lower(j+2) == "earlier") {
		// the quarter a year ago: the same quarter of the year before
		yearShift = -1
		anchoredQ = true
		j += 3
	} else if y, j2, ok := s.yearAt(j); ok && q != 0 && year == 0 && s.ps[j].kind == pNum && s.ps[j].digits == 4 {
		year, j = y, j2 // fourth-quarter 2006 growth
	}
	if same && q == 0 && s.lastQ == 0 && yearShift != 0 && len(s.sentRes) > 0 {
		// in February, against the same period last year: the period
		// just named, in the other year
		if r, ok := shiftYear(s.sentRes[len(s.sentRes)-1], yearShift); ok {
			r.i, r.j = i, j
			return r, true
		}
	}
	if q == 0 && !anchoredQ && !named && i == k {
		return res{}, false // a bare `quarter`
	}
	if half && year == 0 && yearShift == 0 && j == k+1 && !named {
		// the first half, Lennon's first-half strike: a match's half far
		// more often than a year's; a year's is named (the first half of
		// 1990, last year's second half)
		return res{}, false
	}
	if q == 0 && s.lower(i) != "the" && s.lower(i) != "its" && !named {
		return res{}, false
	}
	if !s.hasDCT && year == 0 {
		v := "XXXX-Q" + pad(q, 1)
		if q == 0 {
			v = "XXXX-QX"
		}
		return res{i: i, j: j, typ: "DATE", val: v}, true
	}
	if half {
		if year == 0 {
			year = s.dct.Year() + yearShift
		}
		return res{i: i, j: j, typ: "DATE", val: halfVal(year, q), year: year}, true
	}
	noAnchor := yearShift != 0
	if q == 0 && !half && s.lastQ == 0 && j+1 < len(s.ps) && (s.lowerWord(j) == "ended" || s.lowerWord(j) == "ending") {
		// the quarter ended July 31: the calendar quarter that holds
		// most of the three months before that day (a fiscal quarter
		// named before keeps its name: the fiscal first quarter ended
		// Sept. 29 is Q1)
		if e, ok := s.monthDate(j + 1); ok && e.hasDay {
			mid := e.day.AddDate(0, 0, -45)
			year, q, yearShift = mid.Year(), quarterOf(mid), 0
		}
	}
	// the 1988 period: the quarter spoken of, in another year, is a
	// comparison, not a new quarter to anchor on
	inferred, explicitYear := q == 0, year != 0
	noAnchor = noAnchor || inferred && explicitYear
	switch {
	case q == 0 && latest && s.mainQ != 0 && yearShift == 0 && s.mainQYear == s.dct.Year():
		// the latest period, after fourth-quarter results: that quarter
		year, q = s.mainQYear, s.mainQ
	case q == 0 && latest:
		year, q = addQuarters(s.dct.Year(), quarterOf(s.dct), -1)
		year += yearShift
	case q == 0 && s.lastQ != 0:
		// the quarter, the 1988 period: the quarter spoken of, or the
		// same quarter of another year; either way it names no new
		// quarter, so a comparison (`in the 1988 period`) does not
		// become the quarter that a later `the quarter` means
		q = s.lastQ
		if year == 0 {
			year = s.lastQYear + yearShift
		}
		if yearShift != 0 || explicitYear {
			// the year-earlier period, the 1989 period: the quarter
			// reported on, in that year
			q = s.mainQ
			if !explicitYear {
				year = s.mainQYear + yearShift
			}
		}
		noAnchor = true
	case q == 0:
		y, qq := addQuarters(s.dct.Year(), quarterOf(s.dct), -1)
		q = qq
		if year == 0 {
			year = y + yearShift
		}
	case year == 0:
		year = s.dct.Year()
		if s.lastQ != 0 && yearShift != 0 {
			year = s.lastQYear
		}
		if q > quarterOf(s.dct) && s.tense(i, j) <= 0 && yearShift == 0 {
			year--
		}
		year += yearShift
	}
	r := res{i: i, j: j, typ: "DATE", val: quarterVal(year, q), year: year, quarter: q, compare: inferred && (explicitYear || yearShift != 0)}
	if r.compare && w == "period" && s.spanYear {
		// the 1988 period, after the first nine months: the year
		r.val = yearVal(year)
	}
	// Only quarters already over anchor `the quarter`, `a year earlier`;
	// the article's own quarter does when it is spoken of in the past
	// tense or ended on a day named (a fiscal quarter: the fourth quarter
	// ended Aug. 26, in an article of October).
	current := s.hasDCT && year == s.dct.Year() && q == quarterOf(s.dct)
	if noAnchor || (s.hasDCT && (year > s.dct.Year() || year == s.dct.Year() && q > quarterOf(s.dct))) || current && (inferred || !s.over(i, j)) {
		r.quarter = 0
	}
	return r, true
}

// quarterCode matches the business shorthand for quarters, halves and
// fiscal years: `Q3 2021`, `Q3`, `H1 2021`, `FY2020`, `FY 2020`. A half
// needs its year, as `the first half` does; a bare quarter is resolved as
// `the third quarter` is.
func (s *scanner) quarterCode(k int) (res, bool) {
	code := s.lower(k)
	if k+1 >= len(s.ps) || !s.ps[k].upper || !s.attached(k+1) && code != "fy" || s.ps[k+1].kind != pNum {
		return res{}, false
	}
	n := s.ps[k+1].n
	j := k + 2
	if j < len(s.ps) && s.attached(j) && s.ps[j].kind != pPunct {
		return res{}, false // Q3X, H1N1: a name
	}
	if code == "fy" {
		if s.ps[k+1].digits != 4 {
			return res{}, false
		}
		return res{i: k, j: j, typ: "DATE", val: yearVal(n), year: n}, true
	}
	if s.ps[k+1].digits != 1 || code != "q" && code != "h" || n < 1 || code == "q" && n > 4 || code == "h" && n > 2 {
		return res{}, false
	}
	year, hasYear := 0, false
	q := j
	if s.lower(q) == "of" {
		q++
	}
	if y, j2, ok := s.yearAt(q); ok && s.ps[q].kind == pNum && s.ps[q].digits == 4 {
		year, hasYear, j = y, true, j2
	} else if s.punct(q, '-') || s.punct(q, '/') {
		return res{}, false // Q3-2021 stays out rather than be half read
	}
	if code == "h" {
		if !hasYear {
			return res{}, false
		}
		return res{i: k, j: j, typ: "DATE", val: halfVal(year, n), year: year}, true
	}
	if !hasYear {
		if !s.hasDCT {
			return res{i: k, j: j, typ: "DATE", val: "XXXX-Q" + pad(n, 1)}, true
		}
		year = s.dct.Year()
		if n > quarterOf(s.dct) && s.tense(k, j) <= 0 {
			year--
		}
	}
	return res{i: k, j: j, typ: "DATE", val: quarterVal(year, n), year: year, quarter: n}, true
}

// shiftYear moves a date named earlier by n years, keeping its
// granularity: a month, a day (or its month, when the day is not in the
// other year), a quarter, a half, a season, a year.
func shiftYear(p res, n int) (res, bool) {
	v := p.val
	if len(v) < 4 || !allDigits(v[:4]) || len(v) > 4 && v[4] != '-' {
		return res{}, false
	}
	y, _ := strconv.Atoi(v[:4])
	y += n
	r := res{typ: "DATE", year: y, val: yearVal(y) + v[4:]}
	if p.hasDay {
		d := p.day
		if !validDay(y, int(d.Month()), d.Day()) {
			r.val = monthVal(y, int(d.Month()))
			return r, true
		}
		t := ymd(y, int(d.Month()), d.Day())
		r.val = dayVal(t) + v[10:]
		r.day, r.hasDay = t, true
	}
	return r, true
}

// finals after `quarter-` name a round of a tournament, not a quarter.
var finals = map[string]bool{"final": true, "finals": true, "finalist": true, "finalists": true}

// over reports whether the period at pieces [i, j) is spoken of as over:
// in the past tense, ended on a day before the article date (`the
// quarter ended Sept. 30`), or its results reported (`reported a 47%
// decline in fourth-quarter earnings`: only a quarter that is over has
// results to report).
func (s *scanner) over(i, j int) bool {
	if w := s.lowerWord(min(j, len(s.ps)-1)); j < len(s.ps) && (w == "ended" || w == "ending") {
		if e, ok := s.monthDate(j + 1); ok && e.hasDay && e.day.Before(s.dct) {
			return true
		}
	}
	t := s.tense(i, j)
	return t < 0 || t == 0 && s.reportedBefore(i)
}

// reportedBefore reports whether a verb that makes results public
// (reported, posted, announced) stands in the clause before piece i,
// within the tense window, on the same side of any quotation mark. The
// caller has found no future cue nearer (`announced it expects a loss in
// the fourth quarter` is not over).
func (s *scanner) reportedBefore(i int) bool {
	var buf [16]byte
	q := s.ps[i].quote
	for k := i - 1; k >= max(i-tenseBack, 0); k-- {
		p := s.ps[k]
		if p.quote != q || p.r == ';' || p.r == '.' {
			return false
		}
		switch string(s.word(k, &buf)) {
		case "reported", "posted", "announced":
			return true
		}
	}
	return false
}

// seasonExpr matches [this|last|next|the|early|late] season [of] [year].
func (s *scanner) seasonExpr(k int) (res, bool) {
	i := k
	det := ""
	switch w := s.lower(k); w {
	case "the", "this", "last", "next", "past", "coming":
		det = w
		k++
		if w == "this" && (s.lower(k) == "past" || s.lower(k) == "coming") {
			det = s.lower(k)
			k++
		}
	}
	mod := ""
	switch s.lower(k) {
	case "early": // in early summer, the late fall
		mod = "START"
	case "late":
		mod = "END"
	case "mid":
		mod = "MID"
	}
	if mod != "" {
		k++
		if s.punct(k, '-') {
			k++
		}
	}
	if k >= len(s.ps) || s.ps[k].cat != cSeason {
		return res{}, false
	}
	se := s.ps[k].n
	j := k + 1
	if plural(s.ps[k].w) {
		return res{}, false
	}
	if s.ps[k].upper && k > 0 && s.ps[k-1].kind == pWord && (s.ps[k-1].upper || j < len(s.ps) && s.ps[j].upper && s.ps[j].kind == pWord) {
		return res{}, false // Dominic Winter auctioneers, the Winter Olympics, the Arab Spring
	}
	q := j
	if s.lower(q) == "of" {
		q++
	}
	if y, j2, ok := s.yearAt(q); ok {
		return res{i: i, j: j2, typ: "DATE", val: seasonVal(y, se), year: y, mod: mod}, true
	}
	if s.lower(j) == "of" {
		return res{}, false // the fall of the Berlin Wall
	}
	if det == "" {
		if !s.ps[k].upper && s.lower(i-1) != "in" && s.lower(i-1) != "during" && s.lower(i-1) != "since" {
			return res{}, false
		}
		if se == 3 && s.ps[k].w == "fall" && mod == "" {
			return res{}, false
		}
	}
	if det == "the" && mod == "" && s.ps[k].w == "fall" && s.lower(i-1) != "in" && s.lower(i-1) != "during" && s.lower(i-1) != "since" && s.lower(i-1) != "until" && s.lower(i-1) != "by" {
		return res{}, false
	}
	if !s.hasDCT {
		return res{i: i, j: j, typ: "DATE", val: "XXXX-" + seasonCode[se], mod: mod}, true
	}
	// The winter that spans New Year is named by the year it starts in, so
	// in January and February the current season is last year's winter.
	y := s.dct.Year()
	if s.dct.Month() <= 2 {
		y--
	}
	cur := seasonOf(s.dct)
	switch det {
	case "last", "past":
		if se >= cur {
			y--
		}
	case "next", "coming":
		if se <= cur {
			y++
		}
	case "this":
		if se != cur {
			y = s.dct.Year() // this spring, in February: the coming one
		}
	default:
		t := s.tense(i, j)
		if t < 0 && se > cur {
			y--
		} else if t > 0 && se < cur {
			y++
		}
	}
	return res{i: i, j: j, typ: "DATE", val: seasonVal(y, se), year: y, mod: mod}, true
}

// seasonOf returns the season index of t: spring 1 (Mar-May) ... winter 4.
func seasonOf(t time.Time) int {
	switch m := t.Month(); {
	case m >= 3 && m <= 5:
		return 1
	case m >= 6 && m <= 8:
		return 2
	case m >= 9 && m <= 11:
		return 3
	}
	return 4
}

// someDay reports whether pieces k, k+1 are `one day` meaning some day
// ahead, not a day's length: after a modal or a hope (`Islam will one
// day be`, `she hopes that one day it will`), before a word.
func (s *scanner) someDay(k int) bool {
	if s.lower(k) != "one" || s.lower(k+1) != "day" || k+2 >= len(s.ps) || s.ps[k+2].kind != pWord {
		return false
	}
	switch s.lowerWord(k - 1) {
	case "will", "would", "could", "might", "may", "can", "shall", "that", "hope", "hopes", "hoped":
		return k > 0
	case "of", "to":
		// dreams of one day playing, hopes to one day run
		switch s.lowerWord(k - 2) {
		case "dream", "dreams", "dreamed", "dreaming", "hope", "hopes", "hoped", "hoping", "want", "wants", "wanted", "plans", "aims":
			return k > 1
		}
	}
	return false
}

// reference matches now, currently, recently, the past, the future and
// their kin.
func (s *scanner) reference(k int) (res, bool) {
	w := s.lower(k)
	r := res{i: k, j: k + 1, typ: "DATE"}
	switch w {
	case "now", "currently", "nowadays":
		if w == "now" && (k == 0 || s.ps[k-1].kind == pPunct) && s.punct(k+1, ',') {
			return res{}, false // `Now, he says...`: a discourse marker
		}
		r.val = "PRESENT_REF"
		if s.lower(k-1) == "just" { // TimeBank leaves `right` in `right now` out
			r.i = k - 1
		}
	case "current":
		// the current weakness: the present, unless a unit follows (the
		// current quarter is a date of its own) or an earlier time does
		// (the then current price)
		if k+1 >= len(s.ps) || s.ps[k+1].cat == cUnit || s.ps[k+1].kind != pWord || k > 0 && s.lowerWord(k-1) == "then" {
			return res{}, false
		}
		switch s.lowerWord(k + 1) {
		case "fiscal", "calendar", "account", "accounts", "assets", "liabilities":
			return res{}, false
		}
		r.val = "PRESENT_REF"
	case "one":
		if !s.someDay(k) {
			return res{}, false
		}
		r.j, r.val = k+2, "FUTURE_REF"
	case "soon":
		// will soon move, may soon seek: the near future; not as soon as,
		// soon after (a time counted from an event), too soon, nor a
		// past soon (it soon became a flood)
		switch s.lower(k - 1) {
		case "as", "too", "how", "so":
			return res{}, false
		}
		var buf [16]byte
		switch string(s.word(k+1, &buf)) {
		case "after", "before", "afterward", "afterwards", "thereafter", "as", "enough":
			return res{}, false
		}
		if s.tense(k, k+1) < 0 || s.punct(k+1, '-') && s.attached(k+1) {
			return res{}, false // it soon became; the soon-to-open terminal
		}
		r.val = "FUTURE_REF"
	case "recently":
		r.val = "PAST_REF"
		if s.lower(k-1) == "more" || s.lower(k-1) == "most" || s.lower(k-1) == "until" {
			r.i = k - 1
		}
		if s.lower(k-1) == "until" {
			r.i = k
		}
	case "these":
		if s.lower(k+1) != "days" {
			return res{}, false
		}
		r.val, r.j = "PRESENT_REF", k+2
	case "the":
		switch s.lower(k + 1) {
		case "past":
			if nx := s.ps[min(k+2, len(s.ps)-1)]; k+2 < len(s.ps) && (nx.cat == cNum || nx.cat == cUnit || nx.cat == cFuzzy || nx.kind == pNum || nx.w == "a" || nx.w == "several" || nx.w == "few" || nx.cat == cSeason || nx.cat == cWeekday || nx.cat == cMonth) {
				return res{}, false
			}
			r.val, r.j = "PAST_REF", k+2
		case "future":
			r.val, r.j = "FUTURE_REF", k+2
		case "present":
			r.val, r.j = "PRESENT_REF", k+2
		case "near", "short", "long":
			if s.lower(k+2) == "future" || s.lower(k+2) == "term" {
				r.val, r.j = "FUTURE_REF", k+3
			} else {
				return res{}, false
			}
		case "recent":
			if s.lower(k+2) == "past" {
				r.val, r.j = "PAST_REF", k+3
			} else {
				return res{}, false
			}
		default:
			return res{}, false
		}
	case "recent", "coming":
		nx := s.lower(k + 1)
		if k+1 >= len(s.ps) || s.ps[k+1].cat != cUnit || !plural(nx) {
			return res{}, false
		}
		r.j = k + 2
		if w == "recent" {
			r.val = "PAST_REF"
			if nx != "years" {
				r.typ, r.val = "DURATION", "PX"+durCode(s.ps[k+1].n)
			}
		} else {
			r.val = "FUTURE_REF"
		}
		if s.lower(k-1) == "the" || s.lower(k-1) == "in" && false {
			r.i = k - 1
		}
	default:
		return res{}, false
	}
	return r, true
}

// dayClosers are the words before `the day` that make it a date: the
// trading day that a market ends or is measured for.
var dayClosers = map[string]bool{"close": true, "closed": true, "closing": true, "end": true, "ended": true,
	"ending": true, "finish": true, "finished": true, "finishing": true, "for": true}
