package timex

import "strconv"

// Quantities of time (durations and the dates counted from them), sets
// and clock times.

// durCode is the TIMEX3 designator of unit u, with T for times of day.
func durCode(u int) string {
	switch u {
	case uSecond:
		return "TS"
	case uMinute:
		return "TM"
	case uHour:
		return "TH"
	case uDay:
		return "D"
	case uWeek:
		return "W"
	case uWeekend:
		return "WE"
	case uMonth:
		return "M"
	case uQuarter:
		return "Q"
	case uDecade:
		return "DE"
	case uCentury:
		return "CE"
	case uMillennium:
		return "ML"
	}
	return "Y"
}

// durVal returns the TIMEX3 duration of n units (plus a half when half),
// PX<unit> when n is unknown (fuzzy).
func durVal(n int, half, fuzzy bool, u int) string {
	code := durCode(u)
	t := ""
	if code[0] == 'T' {
		t, code = "T", code[1:]
	}
	if fuzzy {
		if u == uDecade || u == uCentury || u == uMillennium {
			code = "Y" // decades are counted in years, as TimeBank writes them
		}
		return "P" + t + "X" + code
	}
	switch u {
	case uDecade:
		n, code = n*10, "Y"
	case uCentury:
		n, code = n*100, "Y"
	case uMillennium:
		n, code = n*1000, "Y"
	}
	v := "P" + t + strconv.Itoa(n) + code
	if half {
		switch u {
		case uYear:
			v += "6M"
		case uMonth:
			v += "15D"
		case uDay:
			v += "T12H"
		case uHour:
			v += "30M"
		case uMinute:
			v += "30S"
		}
	}
	return v
}

// count reads a count of units at k: 3, 2 1/2, three, twenty-four, a, an,
// a few, several, a couple of. It returns the value, whether a half is
// added, whether it is fuzzy, and the piece after it.
func (s *scanner) count(k int) (n int, half, fuzzy bool, j int, ok bool) {
	if k >= len(s.ps) {
		return
	}
	p := s.ps[k]
	switch {
	case p.kind == pNum:
		if p.digits > 6 {
			return
		}
		n, j = p.n, k+1
		// 2,500 is a count too, but not of units of time that we date
		if s.punct(j, '.') && j+1 < len(s.ps) && s.ps[j+1].kind == pNum && s.attached(j) && s.attached(j+1) {
			if s.ps[j+1].n == 5 && s.ps[j+1].digits == 1 {
				return n, true, false, j + 2, true
			}
			return
		}
		if s.punct(j, ',') && s.attached(j) && j+1 < len(s.ps) && s.attached(j+1) && s.ps[j+1].kind == pNum {
			return
		}
		if j+3 < len(s.ps) && s.ps[j].kind == pNum && s.ps[j].n == 1 && s.punct(j+1, '/') && s.ps[j+2].kind == pNum && s.ps[j+2].n == 2 {
			return n, true, false, j + 3, true
		}
		return n, false, false, j, true
	case p.w == "a" || p.w == "an":
		switch s.lower(k + 1) {
		case "few":
			return 0, false, true, k + 2, true
		case "couple":
			if s.lower(k+2) == "of" {
				return 2, false, false, k + 3, true
			}
			return 2, false, false, k + 2, true
		case "hundred", "thousand", "dozen":
			v, j2, ok2 := s.numberWords(k + 1)
			return v, false, false, j2, ok2
		}
		return 1, false, false, k + 1, true
	case p.w == "several" || p.w == "few" || p.w == "many":
		return 0, false, true, k + 1, true
	case p.w == "couple":
		if s.lower(k+1) == "of" {
			return 2, false, false, k + 2, true
		}
	case p.cat == cNum:
		v, j2, ok2 := s.numberWords(k)
		if s.lower(j2) == "and" && s.lower(j2+1) == "a" && s.lower(j2+2) == "half" {
			return v, true, false, j2 + 3, ok2
		}
		return v, false, false, j2, ok2
	}
	return
}

// numberWords reads a number in words: twenty-four, a hundred and ten,
// two thousand.
func (s *scanner) numberWords(k int) (int, int, bool) {
	total, cur, j := 0, 0, k
	if s.lower(j) == "a" || s.lower(j) == "an" {
		cur = 1
		j++
	}
	seen := false
	for j < len(s.ps) && j < k+12 && s.ps[j].cat == cNum {
		v := s.ps[j].n
		switch {
		case v == 100:
			cur = max(cur, 1) * 100
		case v == 1000:
			total += max(cur, 1) * 1000
			cur = 0
		case v == 12 && s.ps[j].w == "dozen":
			cur = max(cur, 1) * 12
		default:
			if cur%100 != 0 && cur%10 == 0 && v < 10 || cur == 0 || cur%100 == 0 {
				cur += v
			} else {
				return total + cur, j, seen
			}
		}
		seen = true
		j++
		if s.punct(j, '-') && j+1 < len(s.ps) && s.ps[j+1].cat == cNum && s.attached(j) && s.attached(j+1) {
			j++
		} else if s.lower(j) == "and" && j+1 < len(s.ps) && s.ps[j+1].cat == cNum && cur >= 100 {
			j++
		}
	}
	return total + cur, j, seen
}

// quantity matches counted units of time: durations (three years, the
// past two months, the first nine months, 30-year, a few days) and the
// dates counted from them (two weeks ago, a year earlier).
func (s *scanner) quantity(k int) (res, bool) {
	i := k
	lead := ""
	if s.lower(k) == "each" && s.lower(k+1) == "of" && s.lower(k+2) == "the" {
		k += 3
	}
	if s.lower(k) == "the" {
		k++
		lead = "the"
	}
	switch w := s.lower(k); w {
	case "past", "last", "next", "first", "coming", "previous", "following", "latest", "final", "remaining", "initial", "recent":
		if s.lower(k+1) == "few" || s.lower(k+1) == "several" || s.lower(k+1) == "couple" || s.ps[min(k+1, len(s.ps)-1)].kind == pNum || s.ps[min(k+1, len(s.ps)-1)].cat == cNum {
			lead = w
			k++
		}
	}
	if lead == "the" && s.lower(k) == "year" {
		// the year-earlier nine months
		if s.punct(k+1, '-') && (s.lower(k+2) == "earlier" || s.lower(k+2) == "ago") {
			k += 3
		}
	}
	n, half, fuzzy, j, ok := s.count(k)
	if !ok {
		// day-long, year-long, decades-long
		if k < len(s.ps) && s.ps[k].cat == cUnit && s.punct(k+1, '-') && s.attached(k+1) && k+2 < len(s.ps) && s.lowerWord(k+2) == "long" && lead == "" {
			u := s.ps[k].n
			return res{i: i, j: k + 3, typ: "DURATION", val: durVal(1, false, plural(s.ps[k].w), u)}, true
		}
		return res{}, false
	}
	if to, ok2 := s.rangeEnd(j, n, fuzzy); ok2 {
		if lead == "" && !half {
			// two to six days, between 60 and 90 days: each end is an
			// expression, the first taking the second's unit, as the
			// annotators split them twice (TimeBank, MEANTIME) and
			// joined them once (TimeBank)
			return res{i: i, j: j, typ: "DURATION", val: durVal(n, false, false, s.ps[to].n)}, true
		}
		j, fuzzy = to, true // the next two to three weeks: one stretch of unknown length
	}
	a := s.lower(k) == "a" || s.lower(k) == "an"
	hyphen := false
	if s.punct(j, '-') && s.attached(j) && s.attached(j+1) {
		hyphen = true
		j++
	}
	for n := 0; n < 4 && (s.lower(j) == "more" || s.lower(j) == "additional" || s.lower(j) == "straight" || s.lower(j) == "consecutive" || s.lower(j) == "successive" || s.lower(j) == "full" || s.lower(j) == "trading" || s.lower(j) == "business" || s.lower(j) == "calendar"); n++ {
		j++
	}
	if j >= len(s.ps) || s.ps[j].cat != cUnit {
		return res{}, false
	}
	u := s.ps[j].n
	uw := s.ps[j].w
	if a && lead == "" && !hyphen && !plural(uw) && s.punct(j+1, '-') && s.attached(j+1) && s.lower(j+2) == "long" {
		// a day-long meeting: the adjective is the expression
		return res{i: j, j: j + 3, typ: "DURATION", val: durVal(1, false, false, u)}, true
	}
	if a && s.punct(j+1, '-') && s.attached(j+1) && (s.lower(j+2) == "earlier" || s.lower(j+2) == "ago") {
		return res{}, false // a year-earlier loss: the adjective is the expression
	}
	if s.someDay(k) {
		return res{}, false // a reference, not a day's length (reference)
	}
	if a && lead == "" && s.rate(i) && s.lower(j+1) != "ago" && s.lower(j+1) != "earlier" {
		return res{}, false // $2 million a year: a rate, not a time
	}
	if s.ps[k].kind == pNum && s.ps[k].digits == 4 && !hyphen && lead == "" && n >= 1000 {
		return res{}, false // 1990 years is rare; 2000 years is a duration we skip
	}
	if a && (u == uSecond || u == uQuarter) && s.lower(j+1) != "ago" && s.lower(j+1) != "earlier" {
		return res{}, false // a second term, a quarter of
	}
	if u == uQuarter && hyphen && plural(uw) && s.lower(j+1) == "of" {
		return res{}, false // three-quarters of its food: a fraction
	}
	if plural(uw) && n == 1 && !fuzzy && !half {
		if s.lower(k) == "a" || s.lower(k) == "an" {
			return res{}, false
		}
	}
	if !plural(uw) && n > 1 && !hyphen && !half {
		// five year, four year: TimeBank tags them; keep
	}
	j++
	if s.lower(j) == "old" || (s.punct(j, '-') && s.lowerWord(min(j+1, len(s.ps)-1)) == "old") {
		return res{}, false // ages are not times
	}
	if !half && s.lower(j) == "and" && s.lower(j+1) == "a" && s.lower(j+2) == "half" {
		half, j = true, j+3
	}
	r := res{i: i, j: j, typ: "DURATION", val: durVal(n, half, fuzzy, u)}
	if lead == "the" && hyphen && s.lower(i) == "the" {
		r.i = i + 1 // the 30-day period: the adjective is the expression
	}
	if u == uWeekend {
		r.val = "P" + strconv.Itoa(2*max(n, 1)) + "D"
		if fuzzy {
			r.val = "PXD"
		}
	}
	if s.lower(j) == "or" && s.lower(j+1) == "so" && (s.lower(j+2) == "ago" || s.lower(j+2) == "earlier") && lead == "" {
		j += 2 // a week or so ago
		r.j, r.mod = j, "APPROX"
	}
	switch next := s.lower(j); {
	case next == "ago" && lead == "" && !hyphen:
		r.j = j + 1
		r = s.countedBack(r, n, fuzzy, u, -1, false)
	case next == "earlier" && lead == "" && !hyphen:
		r.j = j + 1
		r = s.countedBack(r, n, fuzzy, u, -1, true)
	case next == "from" && s.lower(j+1) == "now":
		r.j = j + 2
		r = s.countedBack(r, n, fuzzy, u, 1, false)
	}
	// `a year` after `once`, `twice`, `times`, or after a counted unit or
	// part of the day (`two nights a week`, `one day a month`): a set
	if r.typ == "DURATION" && a && i > 0 {
		switch w := s.lowerWord(i - 1); {
		case w == "twice" || w == "once" || w == "times":
			r.typ = "SET"
		case i >= 2 && (s.ps[i-1].cat == cUnit || s.ps[i-1].cat == cPart) && (s.ps[i-2].kind == pNum || s.ps[i-2].cat == cNum):
			r.typ = "SET"
		}
	}
	return r, true
}

// rangeEnd reads the upper end of a range of counts at j, after a count
// n: `to three` in `two to three weeks`, `to 18` in `12 to 18 months`. It
// returns the piece after the second count when the unit follows it and
// the range rises (`from 10 to 5 years` is a change, not a range).
func (s *scanner) rangeEnd(j, n int, fuzzy bool) (int, bool) {
	if fuzzy || n == 0 || s.lower(j-1) == "a" || s.lower(j-1) == "an" {
		return 0, false
	}
	if w := s.lower(j); w != "to" && !(w == "and" && s.lowerWord(j-2) == "between") && !(s.punct(j, '-') && s.attached(j) && s.attached(j+1)) {
		return 0, false
	}
	m, _, fz, j2, ok := s.count(j + 1)
	if !ok || fz || m <= n || s.lower(j+1) == "a" || s.lower(j+1) == "an" || j2 >= len(s.ps) || s.ps[j2].cat != cUnit {
		return 0, false
	}
	return j2, true
}

// countedBack turns a duration into the date n units before (dir -1) or
// after (+1) the article date, or the anchor when anchored.
func (s *scanner) countedBack(r res, n int, fuzzy bool, u, dir int, anchored bool) res {
	r.typ = "DATE"
	if fuzzy || n == 0 {
		if dir < 0 {
			r.val = "PAST_REF"
		} else {
			r.val = "FUTURE_REF"
		}
		return r
	}
	if !s.hasDCT {
		r.val = unknownOf(u)
		return r
	}
	ref := s.dct
	if anchored && s.hasLastDay && u <= uMonth {
		ref = s.lastDay
	}
	switch u {
	case uSecond, uMinute, uHour, uDay:
		if u != uDay {
			r.val = dayVal(ref)
			return r
		}
		d := ref.AddDate(0, 0, dir*n)
		res := dayRes(d)
		res.i, res.j, res.mod = r.i, r.j, r.mod
		return res
	case uWeek, uWeekend:
		r.val = weekVal(ref.AddDate(0, 0, 7*dir*n))
	case uMonth:
		y, m := addMonths(ref.Year(), int(ref.Month()), dir*n)
		r.val, r.year = monthVal(y, m), y
	case uQuarter:
		y, q := addQuarters(ref.Year(), quarterOf(ref), dir*n)
		r.val, r.year, r.quarter = quarterVal(y, q), y, q
	case uYear, uDecade, uCentury, uMillennium:
		mult := map[int]int{uYear: 1, uDecade: 10, uCentury: 100, uMillennium: 1000}[u]
		base := ref.Year()
		if anchored && s.lastYear != 0 {
			base = s.lastYear
		}
		if u == uYear && s.lastQ != 0 && n == 1 && !s.spanYear {
			// a year earlier, in a report of quarters: the same quarter
			r.val, r.year = quarterVal(s.mainQYear+dir, s.mainQ), s.mainQYear+dir
			r.compare = true
			return r
		}
		if anchored || u == uYear && n == 1 && s.lastQ != 0 {
			// a year earlier than what was spoken of; a year ago, in a
			// report of quarters and years, compares too
			r.compare = true
		}
		r.val, r.year = yearVal(base+dir*n*mult), base+dir*n*mult
	}
	return r
}

// setExpr matches every/each + unit, weekday, month, season or part of
// day, and daily, weekly, monthly, annually, yearly, hourly, nightly.
func (s *scanner) setExpr(k int) (res, bool) {
	w := s.lower(k)
	switch w {
	case "daily", "weekly", "monthly", "annually", "yearly", "hourly":
		if s.rate(k) || s.lowerWord(max(k-1, 0)) == "average" && k > 0 {
			return res{}, false // 8.5% annually, average daily volume: rates
		}
	}
	switch w {
	case "daily", "weekly", "monthly":
		// the China Daily, the Daily Mail: a newspaper's name (the party
		// daily Granma is left a set, as annotators mostly read it)
		if k > 0 && s.ps[k].upper {
			return res{}, false
		}
	}
	switch w {
	case "daily":
		return res{i: k, j: k + 1, typ: "SET", val: "P1D"}, true
	case "weekly":
		return res{i: k, j: k + 1, typ: "SET", val: "P1W"}, true
	case "monthly":
		return res{i: k, j: k + 1, typ: "SET", val: "P1M"}, true
	case "annually", "yearly":
		return res{i: k, j: k + 1, typ: "SET", val: "P1Y"}, true
	case "hourly":
		return res{i: k, j: k + 1, typ: "SET", val: "PT1H"}, true
	case "nightly":
		return res{i: k, j: k + 1, typ: "SET", val: "XXXX-XX-XXTNI"}, true
	case "every", "each", "per":
	default:
		return res{}, false
	}
	j := k + 1
	n := 1
	if s.lower(j) == "other" {
		n = 2
		j++
	} else if c, _, fz, j2, ok := s.count(j); ok && !fz && s.lower(j) != "a" {
		n, j = c, j2
	}
	if j >= len(s.ps) {
		return res{}, false
	}
	p := s.ps[j]
	r := res{i: k, j: j + 1, typ: "SET"}
	switch p.cat {
	case cUnit:
		if plural(p.w) && n == 1 {
			return res{}, false
		}
		r.val = durVal(n, false, false, p.n)
	case cWeekday:
		r.val = "XXXX-WXX-" + pad(p.n, 1)
	case cMonth:
		if !p.upper {
			return res{}, false
		}
		r.val = "XXXX-" + pad(p.n, 2)
	case cSeason:
		r.val = "XXXX-" + seasonCode[p.n]
	case cPart:
		r.val = "XXXX-XX-XXT" + partCode[p.n]
	default:
		return res{}, false
	}
	if w == "each" && s.lower(j+1) == "of" {
		return res{}, false
	}
	return r, true
}

// clock matches clock times: 10 p.m., 7:15 a.m. EST, noon, midnight, 5
// o'clock, each optionally followed by the day (10 p.m. Wednesday, 5 p.m.
// EST Nov. 9, noon Saturday).
func (s *scanner) clock(k int) (res, bool) {
	i := k
	h, m := 0, 0
	j := k
	switch s.lower(k) {
	case "noon", "midday":
		if k > 0 && s.lowerWord(k-1) == "high" {
			return res{}, false // High Noon, high noon: a showdown
		}
		h, j = 12, k+1
	case "midnight":
		h, j = 24, k+1
	default:
		hh, ok := s.num(k)
		if ok && s.ps[k].digits == 4 && k+1 < len(s.ps) && s.ps[k+1].cat == cTZ && s.ps[k+1].upper && hh/100 < 24 && hh%100 < 60 {
			// 0600 GMT, as wire copy writes it; not the restatement in
			// `10:35 a.m. (0735 GMT)`, which the time before it carries
			if s.punct(k-1, '(') && len(s.sentRes) > 0 && s.sentRes[len(s.sentRes)-1].j == k-1 {
				return res{}, false
			}
			h, m, j = hh/100, hh%100, k+1
			break
		}
		if !ok || s.ps[k].digits > 2 || hh > 24 {
			return res{}, false
		}
		h, j = hh, k+1
		hasMin := false
		if (s.punct(j, ':') || s.punct(j, '.')) && s.attached(j) && j+1 < len(s.ps) && s.attached(j+1) {
			if mm, ok := s.num(j + 1); ok && s.ps[j+1].digits == 2 && mm < 60 {
				m, j, hasMin = mm, j+2, true
			}
		}
		ap, j2 := s.ampm(j)
		if ap != 0 && !hasMin && (s.lower(j) == "in" || s.lower(j) == "at") {
			// 4 in the morning needs a preposition of time before it (at
			// 4 in the morning), not `scored 2 in the afternoon`
			switch s.lowerWord(i - 1) {
			case "at", "by", "until", "till", "around", "about", "from", "before", "after", "to", "since":
			default:
				ap = 0
			}
		}
		switch {
		case ap != 0:
			if h > 12 || h == 0 {
				return res{}, false
			}
			if ap == 2 && h != 12 {
				h += 12
			} else if ap == 1 && h == 12 {
				h = 0
			}
			j = j2
		case s.lower(j) == "o" && (s.punct(j+1, '\'') || s.punct(j+1, '’')) && s.lowerWord(j+2) == "clock":
			j += 3
		case hasMin && j < len(s.ps) && s.ps[j].cat == cTZ,
			hasMin && s.lower(i-1) == "at" && s.punct(i+1, ':'): // at 2.46 billion is not a time
		default:
			return res{}, false
		}
	}
	zone := ""
	if j < len(s.ps) && s.ps[j].cat == cTZ && s.ps[j].upper {
		if w := s.ps[j].w; w == "utc" || w == "gmt" {
			zone = "Z" // ISO 8601: a time in UTC ends in Z
		}
		j++
	}
	if s.lower(j) == "local" && s.lower(j+1) == "time" {
		j += 2 // 8 p.m. local time
	}
	suffix := "T" + pad(h, 2) + ":" + pad(m, 2) + zone
	// the day that follows: [,] [(0735 GMT)] weekday | today | yesterday |
	// tomorrow | month day
	q := j
	if s.punct(q, '(') {
		for e := q + 1; e < len(s.ps) && e <= q+10; e++ {
			if !s.punct(e, ')') {
				continue
			}
			// 4 in the morning (4 a.m. EDT Thursday): the same time
			// restated, with its day. The closing parenthesis is found
			// first, so that nested ones cannot recurse far.
			if r, ok := s.clock(q + 1); ok && r.hasDay && r.j == e && s.dayWord(r.j-1) {
				return res{i: i, j: j, typ: "TIME", val: dayVal(r.day) + suffix, suffix: suffix, day: r.day, hasDay: true, year: r.day.Year()}, true
			}
			q = e + 1
			break
		}
	}
	if s.punct(q, ',') {
		q++
	}
	if s.lower(q) == "on" {
		q++
	}
	// Set off by a comma or a parenthesis (`10:35 a.m. (0735 GMT)
	// Friday`, `16:15 UTC, June 1st`), the day is an expression of its
	// own, as AQUAINT and MEANTIME annotate it; the time still takes it.
	apart := q > j && (s.punct(j, '(') || s.punct(j, ','))
	day := func(r res) res {
		if apart {
			return res{i: i, j: j, typ: "TIME", val: dayVal(r.day) + suffix, suffix: suffix, day: r.day, hasDay: true, year: r.year}
		}
		r.i, r.typ = i, "TIME"
		r.val = dayVal(r.day) + suffix
		return r
	}
	if r, ok := s.weekdayFrom(q, i); ok && r.hasDay {
		return day(r), true
	}
	if r, ok := s.monthDate(q); ok && r.hasDay {
		return day(r), true
	}
	if r, ok := s.deictic(q); ok && r.suffix == "" && s.lower(q) != "tonight" {
		r.i, r.typ, r.suffix = i, "TIME", suffix
		r.val = "XXXX-XX-XX" + suffix
		if r.hasDay {
			r.val = dayVal(r.day) + suffix
		}
		return r, true
	}
	// a bare time: the article's day, or the day of a weekday just before
	r := res{i: i, j: j, typ: "TIME", deictic: true, suffix: suffix}
	if n := len(s.sentRes); n > 0 && s.sentRes[n-1].hasDay && (s.sentRes[n-1].j >= i-3 || !s.sentRes[n-1].deictic && s.sentRes[n-1].day.Before(s.dct)) {
		r.val, r.deictic = dayVal(s.sentRes[n-1].day)+suffix, false
		return r, true
	}
	if !s.hasDCT {
		r.val = "XXXX-XX-XX" + suffix
		return r, true
	}
	if s.hasLastDay && s.lastDay.Before(s.dct) && s.tense(i, j) < 0 {
		// was shot at 10 p.m., after Oct. 23 was named: that day's
		r.val, r.deictic = dayVal(s.lastDay)+suffix, false
		return r, true
	}
	r.val, r.day, r.hasDay = dayVal(s.dct)+suffix, s.dct, true
	return r, true
}

// dayWord reports whether piece k ends the name of a day: a weekday,
// today, yesterday, tomorrow, or a month's day number.
func (s *scanner) dayWord(k int) bool {
	switch s.lower(k) {
	case "today", "yesterday", "tomorrow":
		return true
	}
	return k >= 0 && k < len(s.ps) && (s.ps[k].cat == cWeekday || s.ps[k].kind == pNum && s.ps[k].digits <= 2)
}

// ampm reads a.m./p.m./am/pm at k: 1 for a.m., 2 for p.m., 0 when absent.
func (s *scanner) ampm(k int) (int, int) {
	if k >= len(s.ps) || s.ps[k].kind != pWord {
		return 0, k
	}
	b := s.src[s.ps[k].start:s.ps[k].end]
	if len(b) == 2 && (b[1]|0x20) == 'm' {
		switch b[0] | 0x20 {
		case 'a':
			return 1, k + 1
		case 'p':
			return 2, k + 1
		}
	}
	if len(b) == 1 && s.punct(k+1, '.') && k+2 < len(s.ps) && s.attached(k+2) && s.ps[k+2].kind == pWord &&
		s.ps[k+2].end-s.ps[k+2].start == 1 && (s.src[s.ps[k+2].start]|0x20) == 'm' {
		ap := 0
		switch b[0] | 0x20 {
		case 'a':
			ap = 1
		case 'p':
			ap = 2
		default:
			return 0, k
		}
		j := k + 3
		if s.punct(j, '.') && s.attached(j) {
			j++
		}
		return ap, j
	}
	// 4 in the morning, 9 in the evening, 11 at night
	if w := s.lower(k); (w == "in" && s.lower(k+1) == "the" || w == "at") && k+2 < len(s.ps) {
		q := k + 2
		if w == "at" {
			q = k + 1
		}
		if p := s.ps[q]; p.cat == cPart && !plural(p.w) {
			switch p.n {
			case 1: // morning
				return 1, q + 1
			case 2, 3: // afternoon, evening
				return 2, q + 1
			case 4: // night
				if w == "at" {
					return 2, q + 1
				}
			}
		}
	}
	return 0, k
}

// bareUnits matches a plural unit with no count after a preposition of
// time span: `for years`, `within days`, `over decades` — a duration of
// unknown length (PXY, PXD).
func (s *scanner) bareUnits(k int) (res, bool) {
	if k == 0 || k >= len(s.ps) {
		return res{}, false
	}
	if s.lower(k) == "the" {
		return s.theUnits(k)
	}
	if s.ps[k].cat != cUnit || !plural(s.ps[k].w) {
		return res{}, false
	}
	switch s.lowerWord(k - 1) {
	case "for", "in", "within", "over", "after":
	default:
		return res{}, false
	}
	switch s.lowerWord(min(k+1, len(s.ps)-1)) {
	case "ago", "earlier", "later", "before", "after", "of", "old", "to", "from":
		if k+1 < len(s.ps) {
			return res{}, false
		}
	}
	u := s.ps[k].n
	if u == uWeekend || u == uQuarter || u == uSecond {
		return res{}, false
	}
	if u == uHour && s.lowerWord(k-1) == "after" && s.lowerWord(min(k+1, len(s.ps)-1)) == "trading" {
		return res{}, false // after hours trading: the session after the close
	}
	return res{i: k, j: k + 1, typ: "DURATION", val: durVal(0, false, true, u)}, true
}

// theUnits matches `the years` over which something happens and the
// ones ahead: `over the years`, `in the weeks ahead`, `in the years that
// followed` — a duration of unknown length. `In the days before the
// shooting` is left out: it is a date counted from an event.
func (s *scanner) theUnits(k int) (res, bool) {
	u := k + 1
	if u >= len(s.ps) || s.ps[u].cat != cUnit || !plural(s.ps[u].w) {
		return res{}, false
	}
	switch s.ps[u].n {
	case uDay, uWeek, uMonth, uYear, uDecade, uCentury:
	default:
		return res{}, false
	}
	j := u + 1
	next := s.lowerWord(min(j, len(s.ps)-1))
	if j >= len(s.ps) {
		next = ""
	}
	switch {
	case next == "ahead":
		j++
	case next == "that" && s.lowerWord(min(j+1, len(s.ps)-1)) == "followed", next == "since":
	default:
		switch s.lowerWord(max(k-1, 0)) {
		case "over", "throughout":
		default:
			return res{}, false
		}
		switch next {
		case "before", "after", "of", "to", "from", "ago", "earlier", "later", "when", "between":
			return res{}, false
		}
	}
	return res{i: k, j: j, typ: "DURATION", val: durVal(0, false, true, s.ps[u].n)}, true
}

// rate reports whether the piece before i ends an amount (`$1.76`,
// `500 million`, `5%`, `10 cents`), so that `a year` after it is a rate.
func (s *scanner) rate(i int) bool {
	if i == 0 {
		return false
	}
	p := s.ps[i-1]
	if p.kind == pNum || p.kind == pPunct && p.r == '%' {
		return true
	}
	switch s.lowerWord(i - 1) {
	case "million", "billion", "trillion", "thousand", "hundred", "cents", "percent", "dollars", "shares", "barrels", "tons", "pounds", "yen", "marks", "francs":
		return true
	}
	// 10,000 units annually: a count of something
	if i >= 2 && s.ps[i-2].kind == pNum && plural(s.lowerWord(i-1)) && s.lowerWord(i-1) != "times" {
		return true
	}
	return false
}
