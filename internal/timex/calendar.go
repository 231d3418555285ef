package timex

import (
	"strconv"
	"time"
)

// Calendar arithmetic and TIMEX3 value formatting. Dates are time.Time at
// midnight UTC; only their calendar fields matter.

func ymd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether y-m-d is a real calendar day.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return ymd(y, m, d).Day() == d
}

// isoWeekday returns 1 for Monday ... 7 for Sunday.
func isoWeekday(t time.Time) int {
	w := int(t.Weekday())
	if w == 0 {
		return 7
	}
	return w
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return s
	}
	for len(s) < width {
		s = "0" + s
	}
	return s
}

func yearVal(y int) string              { return pad(y, 4) }
func monthVal(y, m int) string          { return pad(y, 4) + "-" + pad(m, 2) }
func dayVal(t time.Time) string         { return t.Format("2006-01-02") }
func quarterVal(y, q int) string        { return pad(y, 4) + "-Q" + strconv.Itoa(q) }
func halfVal(y, h int) string           { return pad(y, 4) + "-H" + strconv.Itoa(h) }
func seasonVal(y, s int) string         { return pad(y, 4) + "-" + seasonCode[s] }
func decadeVal(y int) string            { return pad(y/10, 3) }
func centuryVal(c int) string           { return pad(c, 2) }
func partVal(t time.Time, p int) string { return dayVal(t) + "T" + partCode[p] }

// weekVal returns the ISO week of t, as 2021-W25.
func weekVal(t time.Time) string {
	y, w := t.ISOWeek()
	return pad(y, 4) + "-W" + pad(w, 2)
}

// weekday returns the day with ISO weekday wd relative to ref: dir < 0 the
// latest on or before ref, dir > 0 the first on or after ref; strict
// excludes ref itself.
func weekday(ref time.Time, wd, dir int, strict bool) time.Time {
	cur := isoWeekday(ref)
	var delta int
	if dir < 0 {
		delta = (cur - wd + 7) % 7
		if delta == 0 && strict {
			delta = 7
		}
		return ref.AddDate(0, 0, -delta)
	}
	delta = (wd - cur + 7) % 7
	if delta == 0 && strict {
		delta = 7
	}
	return ref.AddDate(0, 0, delta)
}

func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

// addMonths moves t by n months, keeping the month granularity.
func addMonths(y, m, n int) (int, int) {
	k := y*12 + (m - 1) + n
	return k / 12, k%12 + 1
}

func addQuarters(y, q, n int) (int, int) {
	k := y*4 + (q - 1) + n
	return k / 4, k%4 + 1
}

// easter returns Easter Sunday of year y (anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return ymd(y, month, day)
}

// nthWeekday returns the n-th (1-based; -1 for last) ISO weekday wd of month m in year y.
func nthWeekday(y, m, wd, n int) time.Time {
	if n < 0 {
		last := ymd(y, m+1, 1).AddDate(0, 0, -1)
		return weekday(last, wd, -1, false)
	}
	first := weekday(ymd(y, m, 1), wd, 1, false)
	return first.AddDate(0, 0, 7*(n-1))
}
