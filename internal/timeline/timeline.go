// Package timeline orders the dated events of an article.
//
// Build takes the sentences of a text.Doc and the time expressions found
// in it (timex.Find) and returns one Event per sentence and date: the
// date at the granularity the text gives (a day, a month, a year, a
// week, a quarter, a season, a decade, a time of day), the sentence that
// states it, and the expressions that date it. Durations, sets, dates
// the sentence only measures against (timex.Timex.Ref: `the lowest since
// 1997`, `up from 14% a year ago`), references without a date
// (PRESENT_REF, PAST_REF, FUTURE_REF) and values with no known year
// (XXXX-XX-XX) are left out: they do not place an event on a calendar;
// so is a sentence that is nothing but a date (a dateline). A value known
// only in part (1998-10-XX) places its event at what is known (October
// 1998). Several mentions of the same date in one
// sentence make one event. Events are sorted by their first instant, the
// coarser granularity first on ties (2021 before 2021-01 before
// 2021-01-01), then by sentence.
//
// Display renders a TIMEX3 value for readers: "Sun 27 Jun 2021",
// "Feb 2021", "2015", "week 25, 2021", "Q1 2021", "1990s".
package timeline

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"brief/internal/text"
	"brief/internal/timex"
)

// Event is one dated statement of the article.
type Event struct {
	Value    string    // the TIMEX3 value at its granularity: 2021-06-27, 2021-02, 2015 ...
	Date     time.Time // first instant of the value, for sorting
	Gran     string    // day, time, week, weekend, month, quarter, half, season, year, decade, century
	Sentence int       // index into doc.Sentences
	Text     string    // the sentence text, trimmed
	Timexes  []int     // indexes into the timex slice that date this event
}

// Build returns the dated events of doc in date order. tx are the
// expressions timex.Find returned for doc; dct is the article date, used
// to mark nothing here but kept for callers that pass it through (a zero
// value is fine).
func Build(doc *text.Doc, tx []timex.Timex, dct time.Time) []Event {
	var evs []Event
	for k, t := range tx {
		if t.Type != "DATE" && t.Type != "TIME" || t.Ref {
			continue // a point of comparison (since 1997, a year ago) dates no event
		}
		value := Known(t.Value)
		date, gran, ok := Parse(value)
		if !ok {
			continue
		}
		si := doc.SentenceAt(t.Start)
		if si < 0 || onlyDate(doc, si, tx) {
			continue // a dateline ("December 10, 2013") dates the article, not an event
		}
		merged := false
		for e := len(evs) - 1; e >= 0 && evs[e].Sentence == si; e-- {
			if sameDay(evs[e], value, date, gran) {
				evs[e].Timexes = append(evs[e].Timexes, k)
				merged = true
				break
			}
		}
		if merged {
			continue
		}
		evs = append(evs, Event{Value: value, Date: date, Gran: gran, Sentence: si,
			Text: strings.TrimSpace(doc.SentenceText(si)), Timexes: []int{k}})
	}
	sort.SliceStable(evs, func(a, b int) bool {
		ea, eb := evs[a], evs[b]
		if !ea.Date.Equal(eb.Date) {
			return ea.Date.Before(eb.Date)
		}
		if ra, rb := granRank[ea.Gran], granRank[eb.Gran]; ra != rb {
			return ra > rb
		}
		return ea.Sentence < eb.Sentence
	})
	return evs
}

// Known cuts a date value at its first unknown part, keeping what the
// text gives: 1998-10-XX (that same day, after last October) is October
// 1998, 1999-08-XXTMO a morning of August 1999, 2021-XX-XX the year 2021.
// A value with no known year, or with nothing unknown, is returned as it
// is.
func Known(v string) string {
	x := strings.IndexByte(v, 'X')
	if x < 5 || len(v) < 7 || v[4] != '-' || v[0] == 'P' {
		return v
	}
	if strings.HasPrefix(v[5:], "W") || strings.HasPrefix(v[5:], "Q") || strings.HasPrefix(v[5:], "H") {
		return v[:4] // 1989-WXX, 1988-QX: some week or quarter of the year
	}
	// 1998-10-XX -> 1998-10, 2021-XX-XX -> 2021, 1998-10-2X -> 1998-10
	return v[:strings.LastIndexByte(v[:x], '-')]
}

// sameDay reports whether a mention of value (date, gran) is the event e.
func sameDay(e Event, value string, date time.Time, gran string) bool {
	if e.Value == value {
		return true
	}
	dayish := func(g string) bool { return g == "day" || g == "time" }
	return dayish(e.Gran) && dayish(gran) && e.Date.Year() == date.Year() && e.Date.YearDay() == date.YearDay()
}

// granRank orders granularities from fine (low) to coarse (high).
var granRank = map[string]int{"time": 0, "day": 1, "weekend": 2, "week": 3, "month": 4, "quarter": 5,
	"season": 5, "half": 6, "year": 7, "decade": 8, "century": 9}

// Parse returns the first instant and the granularity of a TIMEX3 date
// value; ok is false for durations, sets, references and values with
// unknown digits.
func Parse(v string) (time.Time, string, bool) {
	if v == "" || strings.ContainsRune(v, 'X') || v[0] == 'P' || strings.HasSuffix(v, "_REF") {
		return time.Time{}, "", false
	}
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	date := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	switch len(v) {
	case 2: // century
		if c, ok := num(v); ok {
			return date(c*100, 1, 1), "century", true
		}
	case 3: // decade
		if d, ok := num(v); ok {
			return date(d*10, 1, 1), "decade", true
		}
	case 4:
		if y, ok := num(v); ok {
			return date(y, 1, 1), "year", true
		}
	}
	if len(v) < 7 || v[4] != '-' {
		return time.Time{}, "", false
	}
	y, ok := num(v[:4])
	if !ok {
		return time.Time{}, "", false
	}
	rest := v[5:]
	switch {
	case rest[0] == 'Q' || rest[0] == 'H':
		n, ok := num(rest[1:])
		if !ok || n < 1 || (rest[0] == 'Q' && n > 4) || (rest[0] == 'H' && n > 2) {
			break
		}
		if rest[0] == 'Q' {
			return date(y, 3*(n-1)+1, 1), "quarter", true
		}
		return date(y, 6*(n-1)+1, 1), "half", true
	case rest[0] == 'W' && len(rest) >= 3:
		w, ok := num(rest[1:3])
		if !ok {
			break
		}
		// Monday of ISO week w
		jan4 := date(y, 1, 4)
		wd := int(jan4.Weekday())
		if wd == 0 {
			wd = 7
		}
		mon := jan4.AddDate(0, 0, 1-wd+7*(w-1))
		if strings.HasSuffix(rest, "-WE") {
			return mon.AddDate(0, 0, 5), "weekend", true
		}
		return mon, "week", true
	case len(rest) == 2 && rest[0] >= 'A':
		m := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[rest]
		if m != 0 {
			return date(y, m, 1), "season", true
		}
	case len(rest) >= 2:
		m, ok := num(rest[:2])
		if !ok || m < 1 || m > 12 {
			break
		}
		if len(rest) == 2 {
			return date(y, m, 1), "month", true
		}
		if len(rest) < 5 || rest[2] != '-' {
			break
		}
		d, ok := num(rest[3:5])
		if !ok || d < 1 || d > 31 {
			break
		}
		t := date(y, m, d)
		if len(rest) > 5 {
			return t.Add(timeOfDay(rest[5:])), "time", true
		}
		return t, "day", true
	}
	return time.Time{}, "", false
}

// timeOfDay reads the T part of a value: T22:00, TEV, T14.
func timeOfDay(s string) time.Duration {
	if len(s) < 2 || s[0] != 'T' {
		return 0
	}
	switch s[1:] {
	case "MO":
		return 8 * time.Hour
	case "MI", "AF":
		return 14 * time.Hour
	case "EV":
		return 19 * time.Hour
	case "NI":
		return 22 * time.Hour
	case "DT":
		return 12 * time.Hour
	}
	h, err := strconv.Atoi(s[1:min(3, len(s))])
	if err != nil {
		return 0
	}
	d := time.Duration(h) * time.Hour
	if len(s) >= 6 && s[3] == ':' {
		if m, err := strconv.Atoi(s[4:6]); err == nil {
			d += time.Duration(m) * time.Minute
		}
	}
	return d
}

// onlyDate reports whether every word and number of sentence i lies inside
// a time expression: the sentence says nothing but a date.
func onlyDate(doc *text.Doc, i int, tx []timex.Timex) bool {
	for _, t := range doc.SentenceTokens(i) {
		if t.Kind != text.Word && t.Kind != text.Number {
			continue
		}
		inside := false
		for _, x := range tx {
			if t.Start >= x.Start && t.End <= x.End {
				inside = true
				break
			}
		}
		if !inside {
			return false
		}
	}
	return true
}
