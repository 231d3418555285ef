package timeline

import (
	"strconv"
	"strings"
)

var monthAbbr = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

var seasonName = map[string]string{"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}

var partName = map[string]string{"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime", "MI": "midday"}

// Display renders a TIMEX3 value for readers: "Sun 27 Jun 2021",
// "Sun 27 Jun 2021, evening", "Sun 27 Jun 2021 22:00", "Sun 27 Jun 2021
// 06:00 UTC", "Feb 2021", "2015",
// "week 25, 2021", "weekend of week 25, 2021", "Q1 2021", "H2 2021",
// "summer 2021", "1990s", "20th century", "now", "the past", "the future".
// Durations and sets, and values it cannot read, are returned unchanged.
func Display(value string) string {
	switch value {
	case "PRESENT_REF":
		return "now"
	case "PAST_REF":
		return "the past"
	case "FUTURE_REF":
		return "the future"
	}
	t, gran, ok := Parse(value)
	if !ok {
		return value
	}
	y := strconv.Itoa(t.Year())
	switch gran {
	case "century":
		c := t.Year()/100 + 1
		return strconv.Itoa(c) + ordSuffix(c) + " century"
	case "decade":
		return y + "s"
	case "year":
		return y
	case "quarter":
		return "Q" + value[6:] + " " + y
	case "half":
		return "H" + value[6:] + " " + y
	case "season":
		return seasonName[value[5:7]] + " " + y
	case "month":
		return monthAbbr[t.Month()] + " " + y
	case "week", "weekend":
		wy, w := t.ISOWeek()
		s := "week " + strconv.Itoa(w) + ", " + strconv.Itoa(wy)
		if gran == "weekend" {
			return "weekend of " + s
		}
		return s
	}
	day := t.Format("Mon 2 Jan 2006")
	if gran == "time" {
		i := strings.IndexByte(value, 'T')
		if p, ok := partName[value[i+1:]]; ok {
			return day + ", " + p
		}
		if strings.HasSuffix(value, "Z") {
			return day + " " + t.Format("15:04") + " UTC"
		}
		return day + " " + t.Format("15:04")
	}
	return day
}

func ordSuffix(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return "th"
	case n%10 == 1:
		return "st"
	case n%10 == 2:
		return "nd"
	case n%10 == 3:
		return "rd"
	}
	return "th"
}
