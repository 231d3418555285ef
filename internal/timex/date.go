package timex

import "time"

// Calendar dates: numeric dates, month names with or without day and
// year, day-month order, years, decades, centuries and holidays.

// numericDate matches 2021-06-27, 6/27/2021, 27/6/2021 and 6/27/21.
func (s *scanner) numericDate(k int) (res, bool) {
	a, ok := s.num(k)
	if !ok {
		return res{}, false
	}
	sep := s.ps[min(k+1, len(s.ps)-1)].r
	if k+4 >= len(s.ps) || (sep != '-' && sep != '/') || !s.punct(k+3, sep) {
		return res{}, false
	}
	for q := k + 1; q <= k+4; q++ {
		if !s.attached(q) {
			return res{}, false
		}
	}
	b, ok1 := s.num(k + 2)
	c, ok2 := s.num(k + 4)
	if !ok1 || !ok2 {
		return res{}, false
	}
	if k+5 < len(s.ps) && s.attached(k+5) && (s.ps[k+5].kind != pPunct || s.punct(k+5, sep) || s.punct(k+5, '-')) {
		return res{}, false
	}
	var y, m, d int
	switch {
	case s.ps[k].digits == 4 && sep == '-': // ISO
		y, m, d = a, b, c
	case s.ps[k+4].digits == 4 && sep == '/': // US month/day/year, or day/month/year
		y, m, d = c, a, b
		if a > 12 && b <= 12 {
			m, d = b, a
		}
	case s.ps[k+4].digits == 2 && sep == '/' && a <= 12 && b <= 31:
		y, m, d = 1900+c, a, b
		if s.hasDCT && c <= (s.dct.Year()%100)+1 {
			y = 2000 + c
		}
	default:
		return res{}, false
	}
	r := res{i: k, j: k + 5, typ: "DATE", year: y}
	switch {
	case validDay(y, m, d):
		r = dayRes(ymd(y, m, d))
		r.i, r.j = k, k+5
	case m >= 1 && m <= 12:
		r.val = monthVal(y, m) + "-XX"
	default:
		r.val = yearVal(y) + "-XX-XX"
	}
	return r, true
}

// num returns the value of a number piece of at most 9 digits.
func (s *scanner) num(k int) (int, bool) {
	if k < 0 || k >= len(s.ps) || s.ps[k].kind != pNum || s.ps[k].digits > 9 {
		return 0, false
	}
	return s.ps[k].n, true
}

// isMonth reports whether piece k is a month name used as one, and
// returns the month and the piece after it (and after an abbreviation's
// full stop). May, March and abbreviations need a date context.
func (s *scanner) isMonth(k int) (int, int, bool) {
	if k >= len(s.ps) || s.ps[k].cat != cMonth || !s.ps[k].upper {
		return 0, 0, false
	}
	p := s.ps[k]
	j := k + 1
	abbr := len(p.w) <= 4 && p.w != "june" && p.w != "july" && p.w != "may"
	if abbr && s.punct(j, '.') && s.attached(j) {
		j++
	} else if abbr {
		if _, ok := s.num(j); !ok {
			return 0, 0, false
		}
	}
	return p.n, j, true
}

// dayNum reads a day of the month at k: 27, 27th, eighth, twenty-first.
func (s *scanner) dayNum(k int) (int, int, bool) {
	if d, ok := s.num(k); ok && s.ps[k].digits <= 2 && d >= 1 && d <= 31 {
		j := k + 1
		if j < len(s.ps) && s.attached(j) && s.ps[j].kind == pWord {
			switch s.lowerRaw(j) {
			case "st", "nd", "rd", "th":
				j++
			default:
				return 0, 0, false
			}
		}
		return d, j, true
	}
	if k < len(s.ps) && s.ps[k].cat == cOrd {
		return s.ps[k].n, k + 1, true
	}
	if k < len(s.ps) && s.lower(k) == "twenty" || s.lower(k) == "thirty" {
		if s.punct(k+1, '-') && k+2 < len(s.ps) && s.ps[k+2].cat == cOrd && s.ps[k+2].n < 10 {
			base := 20
			if s.lower(k) == "thirty" {
				base = 30
			}
			return base + s.ps[k+2].n, k + 3, true
		}
	}
	return 0, 0, false
}

// lowerRaw returns piece k in lower case when it is a short ASCII word.
func (s *scanner) lowerRaw(k int) string {
	if s.ps[k].w != "" {
		return s.ps[k].w
	}
	b := s.src[s.ps[k].start:s.ps[k].end]
	if len(b) > 2 {
		return ""
	}
	switch {
	case len(b) == 2 && (b[0]|0x20) == 's' && (b[1]|0x20) == 't':
		return "st"
	case len(b) == 2 && (b[0]|0x20) == 'n' && (b[1]|0x20) == 'd':
		return "nd"
	case len(b) == 2 && (b[0]|0x20) == 'r' && (b[1]|0x20) == 'd':
		return "rd"
	case len(b) == 2 && (b[0]|0x20) == 't' && (b[1]|0x20) == 'h':
		return "th"
	case len(b) == 1 && (b[0]|0x20) == 's':
		return "s"
	}
	return ""
}

// yearAt reads a year at k: 1998, nineteen ninety-seven, two thousand.
func (s *scanner) yearAt(k int) (int, int, bool) {
	if y, ok := s.num(k); ok && s.ps[k].digits == 4 && y >= 1000 && y <= 2999 {
		if k+1 < len(s.ps) && s.attached(k+1) && !(s.ps[k+1].kind == pPunct && s.ps[k+1].r != '-' && s.ps[k+1].r != '/') {
			return 0, 0, false
		}
		return y, k + 1, true
	}
	if k >= len(s.ps) || s.ps[k].cat != cNum {
		return 0, 0, false
	}
	hi := s.ps[k].n
	if hi >= 10 && hi <= 20 && k+1 < len(s.ps) && s.ps[k+1].cat == cNum {
		// nineteen ninety-seven, nineteen oh five is rare: tens only
		lo := s.ps[k+1].n
		if lo >= 20 && lo <= 90 && lo%10 == 0 {
			j := k + 2
			if s.punct(j, '-') && j+1 < len(s.ps) && s.ps[j+1].cat == cNum && s.ps[j+1].n < 10 && s.ps[j+1].n > 0 {
				lo += s.ps[j+1].n
				j += 2
			}
			return hi*100 + lo, j, true
		}
		if lo >= 10 && lo < 20 {
			return hi*100 + lo, k + 2, true
		}
	}
	if hi == 2 && s.lower(k+1) == "thousand" {
		j, y := k+2, 2000
		if s.lower(j) == "and" && j+1 < len(s.ps) && s.ps[j+1].cat == cNum && s.ps[j+1].n < 100 {
			y += s.ps[j+1].n
			j += 2
		} else if j < len(s.ps) && s.ps[j].cat == cNum && s.ps[j].n < 100 && s.ps[j].n > 0 {
			y += s.ps[j].n
			j++
		}
		return y, j, true
	}
	return 0, 0, false
}

// monthDate matches [weekday [,]] month [day][,] [year], month year, and
// a bare month.
func (s *scanner) monthDate(k int) (res, bool) {
	i := k
	wd := 0
	if k < len(s.ps) && s.ps[k].cat == cWeekday && !plural(s.ps[k].w) {
		wd = s.ps[k].n
		k++
		if s.punct(k, ',') {
			k++
		}
	} else if (s.lower(k) == "this" || s.lower(k) == "next") && k+2 < len(s.ps) {
		// this coming Sunday, March 8
		q := k + 1
		if s.lower(q) == "coming" {
			q++
		}
		if q < len(s.ps) && s.ps[q].cat == cWeekday {
			wd = s.ps[q].n
			k = q + 1
			if s.punct(k, ',') {
				k++
			}
		}
	}
	det := ""
	if wd == 0 {
		switch w := s.lower(k); w {
		case "last", "this", "next", "past", "coming":
			det = w
			k++
		}
	}
	m, j, ok := s.isMonth(k)
	if !ok {
		return res{}, false
	}
	if det != "" {
		if _, _, isDay := s.dayNum(j); !isDay {
			if _, _, isYear := s.yearAt(j); !isYear {
				return s.detMonth(i, j, det, m), true
			}
		}
		return res{}, false
	}
	if d, j2, ok := s.dayNum(j); ok {
		j = j2
		y, hasY := 0, false
		q := j
		if s.punct(q, ',') {
			q++
		}
		if yy, j3, ok := s.yearAt(q); ok {
			y, hasY, j = yy, true, j3
		} else if yy, ok := s.relYear(j); ok {
			y, hasY, j = yy, true, j+2 // Jan. 1 last year, March 3 next year
		}
		if !hasY && m == 9 && d == 11 && attacks[s.lowerWord(min(j, len(s.ps)-1))] && j < len(s.ps) {
			y, hasY = 2001, true // the September 11 attacks
		}
		if !hasY {
			y = s.yearFor(m, d, i, j)
		}
		r := res{i: i, j: j, typ: "DATE"}
		switch {
		case y == 0:
			r.val = "XXXX-" + pad(m, 2) + "-" + pad(d, 2)
		case validDay(y, m, d):
			r = dayRes(ymd(y, m, d))
			r.i, r.j = i, j
		default:
			r.val, r.year = monthVal(y, m)+"-XX", y
		}
		return r, true
	}
	if wd != 0 {
		return res{}, false
	}
	// month year
	q := j
	if s.punct(q, ',') {
		q++
	}
	if s.lower(q) == "of" {
		q++
	}
	if y, j3, ok := s.yearAt(q); ok {
		return res{i: i, j: j3, typ: "DATE", val: monthVal(y, m), year: y}, true
	}
	if r, ok := s.shortYear(q); ok && q == j {
		return res{i: i, j: r.j, typ: "DATE", val: monthVal(r.year, m), year: r.year}, true
	}
	// June last year, January this year, October of next year
	if s.lower(j) == "of" && (s.lower(j+1) == "last" || s.lower(j+1) == "this" || s.lower(j+1) == "next") && s.lower(j+2) == "year" {
		j++
	}
	if y, ok := s.relYear(j); ok {
		return res{i: i, j: j + 2, typ: "DATE", val: monthVal(y, m), year: y}, true
	}

	// a bare month: May and March need a date context before them.
	if s.ps[k].w == "may" || s.ps[k].w == "march" || s.ps[k].w == "mar" {
		switch s.lower(i - 1) {
		case "in", "since", "until", "by", "of", "during", "from", "through", "last", "next", "this", "early", "late", "mid", "before", "after", "to":
		default:
			return res{}, false
		}
	}
	if s.inNameList(i, j) {
		return res{}, false // Michelle, June and Andy: a name
	}
	if y, ok := s.coordYear(j, m); ok {
		// between September and October of 2007: the year named with
		// the second month holds for the first
		return res{i: i, j: j, typ: "DATE", val: monthVal(y, m), year: y}, true
	}
	y := s.yearFor(m, 0, i, j)
	r := res{i: i, j: j, typ: "DATE", year: y}
	if y == 0 {
		r.val = "XXXX-" + pad(m, 2)
	} else {
		r.val = monthVal(y, m)
	}
	return r, true
}

// inNameList reports whether the bare month at pieces [i, j) stands in
// a list of capitalized words that are not months (`Michelle, June and
// Andy`): a name, as June, April and May often are.
func (s *scanner) inNameList(i, j int) bool {
	name := func(k int) bool {
		return k >= 0 && k < len(s.ps) && s.ps[k].kind == pWord && s.ps[k].upper && s.ps[k].cat != cMonth && s.ps[k].cat != cWeekday
	}
	before := s.punct(i-1, ',') && name(i-2)
	after := (s.lower(j) == "and" || s.lower(j) == "or" || s.punct(j, ',')) && name(j+1)
	return before && after
}

// coordYear reads the year of a month joined at piece j to a second
// month with a year (`September and October of 2007`, `August or
// September of this year`, `December to March 2009`): the first month is
// in that year, or the year before when it comes later in the calendar.
func (s *scanner) coordYear(j, m int) (int, bool) {
	switch s.lower(j) {
	case "and", "or", "to", "through", "until":
	default:
		if !s.punct(j, '-') {
			return 0, false
		}
	}
	m2, q, ok := s.isMonth(j + 1)
	if !ok {
		return 0, false
	}
	if s.punct(q, ',') {
		q++
	}
	if s.lower(q) == "of" {
		q++
	}
	y, _, ok := s.yearAt(q)
	if !ok {
		if y, ok = s.relYear(q); !ok {
			return 0, false
		}
	}
	if m > m2 {
		y--
	}
	return y, true
}

// relYear reads `last year`, `this year`, `next year` at piece q: the
// article's year, or the one before or after it.
func (s *scanner) relYear(q int) (int, bool) {
	w := s.lower(q)
	if !s.hasDCT || s.lower(q+1) != "year" || w != "last" && w != "this" && w != "next" {
		return 0, false
	}
	switch y := s.dct.Year(); w {
	case "last":
		return y - 1, true
	case "next":
		return y + 1, true
	default:
		return y, true
	}
}

// yearFor chooses the year of month m (day d, 0 for the whole month)
// mentioned without one in pieces [i, j): the nearest such month in the
// direction of the clause's tense, or the year of a year named just
// before in the same sentence. 0 when there is no article date.
func (s *scanner) yearFor(m, d, i, j int) int {
	if !s.hasDCT {
		return 0
	}
	y := s.dct.Year()
	dm, dd := int(s.dct.Month()), s.dct.Day()
	after := m > dm || (m == dm && d > dd) // later in the year than the article
	// A day within a few weeks of the article keeps its year whatever the
	// tense: a deadline just past (`to return him by Jan. 14`, written a
	// day late) or a date just ahead spoken of in the past (`the offer
	// was extended to Nov. 16`) is not a year away.
	near := false
	if d > 0 && validDay(y, m, d) {
		gap := ymd(y, m, d).Sub(s.dct)
		near = gap >= -14*24*time.Hour && gap <= 31*24*time.Hour
	}
	t := s.tense(i, j)
	// A bare month next to the article's is that one, whatever the tense:
	// `the August figures, due Friday` in September, `was set for
	// October` in September, `the December figures` in January. A month
	// eleven away would be `next August`.
	if d == 0 && t != 0 {
		switch (m - dm + 12) % 12 {
		case 11: // the month before the article's
			if m > dm {
				return y - 1
			}
			return y
		case 1: // the month after
			if m < dm {
				return y + 1
			}
			return y
		}
	}
	switch t {
	case 1:
		if !after && !(m == dm && d == 0) && !(m == dm && d == dd) && !near {
			return y + 1
		}
		return y
	case -1:
		if after && (d == 0 || m != dm) && !near {
			return y - 1
		}
		return y
	}
	// no cue, after a date ahead of the article in the same sentence
	// (flights from March 30, the third from August 6): not before it
	for k := len(s.sentRes) - 1; k >= 0; k-- {
		p := s.sentRes[k]
		if !p.hasDay {
			continue
		}
		if p.day.After(s.dct) && !s.coordinated(p.j, i-1) {
			for yy := p.day.Year(); yy <= p.day.Year()+1; yy++ {
				if !ymd(yy, m, max(d, 1)).Before(p.day) {
					return yy
				}
			}
		}
		break
	}
	// no cue: the nearest, but news looks back more than ahead: an
	// untensed month more than a quarter ahead is the past one
	this := ymd(y, m, max(d, 15))
	if !after {
		next := ymd(y+1, m, max(d, 15))
		if next.Sub(s.dct) <= 122*24*time.Hour && s.dct.Sub(this) > next.Sub(s.dct) {
			return y + 1
		}
		return y
	}
	if this.Sub(s.dct) > 122*24*time.Hour || this.Sub(s.dct) > s.dct.Sub(ymd(y-1, m, max(d, 15))) {
		return y - 1
	}
	return y
}

// dayMonth matches 27 June [2021] and the 27th of June [2021].
func (s *scanner) dayMonth(k int) (res, bool) {
	i := k
	if s.lower(k) == "the" {
		k++
	}
	d, j, ok := s.dayNum(k)
	if !ok {
		return res{}, false
	}
	first := -1 // 21-22 June, 21 and 22 June: the first day of two
	if i == k && (s.punct(j, '-') || s.lower(j) == "and" || s.lower(j) == "to") {
		if d2, j2, ok := s.dayNum(j + 1); ok && d2 > d && s.ps[k].kind == pNum && s.ps[j+1].kind == pNum {
			if _, _, isM := s.isMonth(j2); isM {
				first, j = j, j2
			}
		}
	}
	if s.lower(j) == "of" {
		j++
	} else if i != k {
		return s.theNth(i, k, d, j)
	}
	m, j, ok := s.isMonth(j)
	if !ok {
		return res{}, false
	}
	y := 0
	q := j
	if s.punct(q, ',') {
		q++
	}
	if yy, j3, ok := s.yearAt(q); ok {
		y, j = yy, j3
	} else {
		y = s.yearFor(m, d, i, j)
	}
	if first >= 0 {
		j = first // the month and year are the second day's; the extent is the first day
	}
	r := res{i: i, j: j, typ: "DATE", year: y}
	switch {
	case y == 0:
		r.val = "XXXX-" + pad(m, 2) + "-" + pad(d, 2)
	case validDay(y, m, d):
		r = dayRes(ymd(y, m, d))
		r.i, r.j = i, j
	default:
		r.val = monthVal(y, m) + "-XX"
	}
	return r, true
}

// theNth matches a day of the month named by its number alone, `on the
// 27th`, at pieces [i, j) (the day number at k): a day of the month
// named last, else of the article's month; of the month before when that
// day is still ahead of the article and the clause is past. It needs
// a preposition before and nothing but punctuation after, so that `the
// 27th floor` and `the 27th Infantry` stay out.
func (s *scanner) theNth(i, k, d, j int) (res, bool) {
	if s.ps[k].kind != pNum || j != k+2 {
		return res{}, false // on the 27th, not from the 18.7% nor the twenty-seventh
	}
	switch s.lowerWord(i - 1) {
	case "on", "by", "until", "till", "since", "from", "before", "after":
	default:
		return res{}, false
	}
	if j < len(s.ps) && s.ps[j].kind != pPunct && i-1 != 0 {
		return res{}, false // On the 27th it rained: an opening phrase
	}
	if !s.hasDCT {
		return res{i: i, j: j, typ: "DATE", val: "XXXX-XX-" + pad(d, 2)}, true
	}
	y, m := s.dct.Year(), int(s.dct.Month())
	if s.lastM != 0 {
		y, m = s.lastMYear, s.lastM
	}
	if validDay(y, m, d) && ymd(y, m, d).After(s.dct) && s.tense(i, j) < 0 {
		y, m = addMonths(y, m, -1) // was held on the 30th, written on the 28th
	}
	if !validDay(y, m, d) {
		return res{i: i, j: j, typ: "DATE", val: monthVal(y, m) + "-XX", year: y}, true
	}
	r := dayRes(ymd(y, m, d))
	r.i, r.j = i, j
	return r, true
}

// coordinated reports whether pieces [a, b) hold a conjunction or a
// semicolon that starts a clause of its own (`effective Feb. 1, and set
// up a board in May`).
func (s *scanner) coordinated(a, b int) bool {
	for k := a; k < b; k++ {
		if w := s.lower(k); w == "and" || w == "or" || s.punct(k, ';') {
			return true
		}
	}
	return false
}

// nextDay matches a second day of the month just named at piece k: the
// 25 of `April 24 and 25`, `May 3 or 4`, `June 5 through 7`.
func (s *scanner) nextDay(k int) (res, bool) {
	if k < 2 || len(s.sentRes) == 0 || s.ps[k].kind != pNum || s.ps[k].digits > 2 {
		return res{}, false
	}
	prev := s.sentRes[len(s.sentRes)-1]
	switch s.lower(k - 1) {
	case "and", "or", "to", "through":
	default:
		return res{}, false
	}
	if prev.j != k-1 || !prev.hasDay || s.ps[prev.j-1].kind != pNum {
		return res{}, false
	}
	d := s.ps[k].n
	if d <= prev.day.Day() || d > 31 {
		return res{}, false
	}
	if k+1 < len(s.ps) {
		if n := s.ps[k+1]; n.cat == cUnit || n.kind == pNum || n.kind == pPunct && (n.r == '%' || n.r == '.' && k+2 < len(s.ps) && s.ps[k+2].kind == pNum && s.attached(k+2)) || notYearAfter[s.lowerWord(k+1)] {
			return res{}, false
		}
	}
	y, m := prev.day.Year(), int(prev.day.Month())
	if !validDay(y, m, d) {
		return res{}, false
	}
	r := dayRes(ymd(y, m, d))
	r.i, r.j = k, k+1
	return r, true
}

// currency and count words after a number show it is not a year.
var notYearAfter = map[string]bool{"percent": true, "people": true, "troops": true, "times": true,
	"points": true, "shares": true, "feet": true, "miles": true, "tons": true, "dollars": true,
	"members": true, "workers": true, "jobs": true, "cars": true, "units": true, "pounds": true,
	"euros": true, "yen": true, "barrels": true, "meters": true, "metres": true, "km": true, "kilometres": true,
	"kilometers": true, "employees": true, "soldiers": true, "votes": true, "deaths": true}

// yearExpr matches years (2015, fiscal 1989, the year 2000, nineteen
// ninety-seven), decades (the 1990s, the '80s, the nineties) and
// centuries (the 20th century).
func (s *scanner) yearExpr(k int) (res, bool) {
	i := k
	the := false
	if s.lower(k) == "the" {
		the = true
		k++
	}
	// decades
	if r, ok := s.decade(i, k); ok {
		return r, true
	}
	// centuries: the 20th century, the nineteenth century
	if c, j, ok := s.dayNum(k); ok && j < len(s.ps) && s.lower(j) == "century" {
		return res{i: i, j: j + 1, typ: "DATE", val: centuryVal(c - 1)}, true
	}
	if r, ok := s.shortYear(k); ok && !the {
		return r, true
	}
	if s.lower(k) == "fiscal" || s.lower(k) == "calendar" {
		k++
	} else if the && s.lower(k) == "year" {
		k++
	} else if the {
		return res{}, false
	}
	y, j, ok := s.yearAt(k)
	if !ok {
		return res{}, false
	}
	if s.ps[k].kind == pNum {
		// guards: $1990, 1,990, No. 1990, 1990 people
		if k > 0 {
			prev := s.ps[k-1]
			if prev.kind == pPunct && !s.ps[k].space && prev.r != '(' && prev.r != '-' && prev.r != '"' && prev.r != '\'' && prev.r != '“' {
				return res{}, false
			}
			if prev.kind == pPunct && (prev.r == '$' || prev.r == '#' || prev.r == '£' || prev.r == '€') {
				return res{}, false
			}
			if prev.kind == pNum {
				return res{}, false
			}
		}
		if j < len(s.ps) {
			nx := s.ps[j]
			if nx.kind == pPunct && nx.r == '%' || nx.kind == pNum {
				return res{}, false
			}
			if nx.kind == pPunct && (nx.r == ',' || nx.r == '.') && j+1 < len(s.ps) && s.ps[j+1].kind == pNum && s.attached(j+1) {
				return res{}, false
			}
			if nx.kind == pWord && (notYearAfter[s.lowerWord(j)] || nx.cat == cUnit) {
				return res{}, false
			}
		}
		if y < 1600 || y > 2200 {
			if !(s.lower(k-1) == "in" || s.lower(k-1) == "since" || s.lower(k-1) == "of") {
				return res{}, false
			}
		}
	} else if k == i && !(s.lower(i-1) == "in" || s.lower(i-1) == "since" || s.lower(i-1) == "of" || s.lower(i-1) == "until" || s.lower(i-1) == "by") {
		// a year in words needs a preposition or `the year`
		if y < 1900 {
			return res{}, false
		}
	}
	return res{i: i, j: j, typ: "DATE", val: yearVal(y), year: y}, true
}

// lowerWord returns piece k in lower case for short ASCII words ("" out
// of range); it allocates, so it is used only on rare paths.
func (s *scanner) lowerWord(k int) string {
	if k < 0 || k >= len(s.ps) {
		return ""
	}
	if s.ps[k].w != "" {
		return s.ps[k].w
	}
	b := s.src[s.ps[k].start:s.ps[k].end]
	if len(b) > 12 {
		return ""
	}
	var buf [12]byte
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return string(buf[:len(b)])
}

// attacks are the words after `September 11` that name the 2001 attacks.
var attacks = map[string]bool{"attacks": true, "attack": true, "terrorist": true, "terror": true,
	"hijackers": true, "hijackings": true, "attackers": true, "commission": true, "bombers": true}

// decade matches 1990s, the 1990s, the '80s, the 80s, the nineties, and
// the (late) 1980's.
func (s *scanner) decade(i, k int) (res, bool) {
	the := k > i
	if y, ok := s.num(k); ok && (s.ps[k].digits == 4 || s.ps[k].digits == 2) && y%10 == 0 &&
		k+1 < len(s.ps) && s.attached(k+1) && s.lowerRaw(k+1) == "s" {
		if s.ps[k].digits == 2 {
			if !the && !s.afterDecade(k) {
				return res{}, false
			}
			y += 1900
		}
		return res{i: i, j: k + 2, typ: "DATE", val: decadeVal(y)}, true
	}
	if y, ok := s.num(k); ok && s.ps[k].digits == 4 && y%10 == 0 && s.attached(k+1) && s.apostropheS(k+1) {
		// the 1980's, the late 1980's; 1980's elections is a possessive
		switch s.lowerWord(k - 1) {
		case "the", "early", "late", "mid":
			return res{i: i, j: k + 3, typ: "DATE", val: decadeVal(y)}, true
		}
	}
	if (s.punct(k, '\'') || s.punct(k, '’')) && k+2 < len(s.ps) {
		if y, ok := s.num(k + 1); ok && s.ps[k+1].digits == 2 && y%10 == 0 && s.attached(k+1) && s.attached(k+2) && s.lowerRaw(k+2) == "s" {
			return res{i: i, j: k + 3, typ: "DATE", val: decadeVal(1900 + y)}, true
		}
	}
	if the && k < len(s.ps) && s.ps[k].kind == pWord {
		switch w := s.lowerWord(k); w {
		case "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties":
			n := map[string]int{"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}[w]
			return res{i: i, j: k + 1, typ: "DATE", val: decadeVal(1900 + 10*n)}, true
		}
	}
	return res{}, false
}

// afterDecade reports whether piece k follows a decade named just
// before it and joined to it (`the 70s and 80s`, `the 1970s to 80s`).
func (s *scanner) afterDecade(k int) bool {
	switch s.lower(k - 1) {
	case "and", "or", "to", "through":
	default:
		if !s.punct(k-1, '-') {
			return false
		}
	}
	n := len(s.sentRes)
	if n == 0 || s.sentRes[n-1].j != k-1 {
		return false
	}
	v := s.sentRes[n-1].val
	return len(v) == 3 && allDigits(v)
}

// holiday matches Christmas, Thanksgiving, Easter, New Year's Day and the
// like, resolved to the nearest one in the clause's tense.
func (s *scanner) holiday(k int) (res, bool) {
	if k+1 < len(s.ps) && s.ps[k].upper && s.lower(k) == "good" && s.lower(k+1) == "friday" && s.ps[k+1].upper {
		return s.holidayOn(k, k+2, func(y int) (int, int, int) {
			t := easter(y).AddDate(0, 0, -2) // Good Friday
			return y, int(t.Month()), t.Day()
		})
	}
	if k >= len(s.ps) || s.ps[k].cat != cHoliday || !s.ps[k].upper {
		return res{}, false
	}
	switch s.lowerWord(k - 1) {
	case "merry", "happy", "white":
		if k > 0 && s.ps[k-1].upper {
			return res{}, false // Merry Christmas, White Christmas: a greeting, a song
		}
	}
	j := k + 1
	day := func(y int) (int, int, int) { return 0, 0, 0 }
	switch s.ps[k].w {
	case "christmas":
		day = func(y int) (int, int, int) { return y, 12, 25 }
		if s.lower(j) == "eve" {
			day = func(y int) (int, int, int) { return y, 12, 24 }
			j++
		} else if s.lower(j) == "day" {
			j++
		}
	case "thanksgiving":
		day = func(y int) (int, int, int) { t := nthWeekday(y, 11, 4, 4); return y, 11, t.Day() }
		if s.lower(j) == "day" {
			j++
		}
	case "easter":
		shift := 0
		switch s.lower(j) {
		case "sunday":
			j++
		case "monday":
			shift, j = 1, j+1 // Easter Monday
		}
		day = func(y int) (int, int, int) {
			t := easter(y).AddDate(0, 0, shift)
			return y, int(t.Month()), t.Day()
		}
	case "halloween":
		day = func(y int) (int, int, int) { return y, 10, 31 }
	case "new":
		if !(s.lowerWord(j) == "year" && s.apostropheS(j+1)) {
			return res{}, false
		}
		j += 3
		switch s.lower(j) {
		case "day":
			day = func(y int) (int, int, int) { return y, 1, 1 }
		case "eve":
			day = func(y int) (int, int, int) { return y, 12, 31 }
		default:
			return res{}, false
		}
		j++
	case "independence", "election", "memorial", "labor", "labour", "veterans":
		if s.lower(j) != "day" {
			return res{}, false
		}
		w := s.ps[k].w
		day = func(y int) (int, int, int) {
			switch w {
			case "independence":
				return y, 7, 4
			case "election":
				t := weekday(nthWeekday(y, 11, 1, 1).AddDate(0, 0, 1), 2, 1, false)
				return y, 11, t.Day()
			case "memorial":
				return y, 5, nthWeekday(y, 5, 1, -1).Day()
			case "veterans":
				return y, 11, 11
			}
			return y, 9, nthWeekday(y, 9, 1, 1).Day()
		}
		j++
	default:
		return res{}, false
	}
	return s.holidayOn(k, j, day)
}

// holidayOn resolves the holiday at pieces [k, j), whose day in a year is
// day(year), to the nearest one in the clause's tense; `week` after it
// makes it the week that holds the day.
func (s *scanner) holidayOn(k, j int, day func(int) (int, int, int)) (res, bool) {
	if !s.hasDCT {
		return res{i: k, j: j, typ: "DATE", val: "XXXX-XX-XX"}, true
	}
	_, m, d := day(s.dct.Year())
	y := s.yearFor(m, d, k, j)
	y, m, d = day(y)
	r := dayRes(ymd(y, m, d))
	r.i, r.j = k, j
	if s.lower(j) == "week" {
		// Easter week, Thanksgiving week: the week that holds the day
		return res{i: k, j: j + 1, typ: "DATE", val: weekVal(r.day), year: y}, true
	}
	return r, true
}

// detMonth resolves last/this/next/past/coming + month: the latest such
// month before the article's month, the one in its year, the first after.
func (s *scanner) detMonth(i, j int, det string, m int) res {
	r := res{i: i, j: j, typ: "DATE"}
	if !s.hasDCT {
		r.val = "XXXX-" + pad(m, 2)
		return r
	}
	y, dm := s.dct.Year(), int(s.dct.Month())
	switch det {
	case "last", "past":
		if m >= dm {
			y--
		}
	case "next", "coming":
		if m <= dm {
			y++
		}
	}
	r.val, r.year = monthVal(y, m), y
	return r
}

// shortYear matches a year written with two digits after an apostrophe
// (`since '82`, `October '08`) where a preposition or a month comes
// before it, so that `iLife '11` stays a name. The century is the one
// that does not put the year after the article date.
func (s *scanner) shortYear(k int) (res, bool) {
	if !(s.punct(k, '\'') || s.punct(k, '’')) || k+1 >= len(s.ps) || k == 0 {
		return res{}, false
	}
	if s.ps[k+1].kind != pNum || s.ps[k+1].digits != 2 || !s.attached(k+1) || k+2 < len(s.ps) && s.attached(k+2) && s.ps[k+2].kind != pPunct {
		return res{}, false
	}
	switch s.lowerWord(k - 1) {
	case "in", "since", "of", "until", "by", "from", "to", "through", "before", "after":
	default:
		if s.ps[k-1].cat != cMonth {
			return res{}, false
		}
	}
	y := 1900 + s.ps[k+1].n
	if s.hasDCT && y+100 <= s.dct.Year() {
		y += 100
	}
	return res{i: k, j: k + 2, typ: "DATE", val: yearVal(y), year: y}, true
}
