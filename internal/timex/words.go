package timex

// cat is the lexical category of a known word.
type cat uint8

const (
	cNone    cat = iota
	cMonth       // n = 1..12
	cWeekday     // n = 1..7, Monday = 1 (ISO)
	cUnit        // n = unit; plural when the word ends in s
	cNum         // n = value of a number word
	cOrd         // n = value of an ordinal word (first = 1)
	cSeason      // n = season index (spring, summer, fall, winter)
	cPart        // n = part of day (morning, afternoon, evening, night)
	cRel         // deictic word: today, yesterday, now ...
	cDet         // this, last, next, past, coming, previous, following ...
	cPos         // early, late, mid, middle, end, beginning, start ...
	cApprox      // about, around, nearly, almost ...
	cSetAdv      // daily, weekly, annually ...
	cEvery       // every, each, per
	cFuzzy       // several, few, couple, many, some
	cTZ          // time zones: est, gmt ...
	cHoliday     // christmas, thanksgiving ...
	cWord        // other words the grammar looks at
)

// Units, in increasing size.
const (
	uSecond = iota + 1
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
	uMillennium
)

// Parts of day, with their TIMEX3 codes.
var partCode = [...]string{"", "MO", "AF", "EV", "NI", "DT"}

// Seasons, with their TIMEX3 codes.
var seasonCode = [...]string{"", "SP", "SU", "FA", "WI"}

type entry struct {
	word string
	cat  cat
	n    int
}

// lexicon maps a lower-case word to its entry. It is built once at init
// and only read afterwards.
var lexicon = map[string]entry{}

func add(c cat, n int, words ...string) {
	for _, w := range words {
		lexicon[w] = entry{w, c, n}
	}
}

func init() {
	// Generic words first: the main categories below override them.
	add(cRel, 0, "today", "yesterday", "tomorrow", "tonight", "now", "currently", "recently",
		"nowadays", "overnight", "noon", "midnight", "midday", "future", "past", "present", "soon")

	add(cDet, 0, "this", "last", "next", "past", "coming", "previous", "following", "current",
		"recent", "latest", "same", "that", "these", "upcoming", "prior", "preceding")

	add(cPos, 0, "early", "late", "mid", "middle", "end", "beginning", "start", "close", "earlier", "later")

	add(cApprox, 0, "about", "around", "nearly", "almost", "approximately", "roughly", "some",
		"over", "more", "less", "least", "up", "under", "fewer", "just", "within")

	add(cSetAdv, 0, "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly")
	add(cEvery, 0, "every", "each", "per")
	add(cFuzzy, 0, "several", "few", "couple", "many", "some")

	add(cTZ, 0, "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "et")

	add(cHoliday, 0, "christmas", "thanksgiving", "easter", "halloween", "new", "independence", "election",
		"valentine", "memorial", "labor", "labour", "veterans")

	add(cWord, 0, "the", "a", "an", "of", "ago", "before", "after", "earlier", "later", "hence", "from", "and", "or",
		"fiscal", "half", "year's", "than", "to", "at", "in", "on", "its", "their", "period", "periods",
		"term", "near", "short", "long", "time", "times", "o'clock", "old", "so", "ahead", "once", "since",
		"last", "no", "post", "pre", "corresponding", "comparable", "year-ago", "eve", "day", "full", "trading", "business", "calendar", "eastern",
		"straight", "consecutive", "additional", "successive", "beyond", "by", "during", "most", "o", "other", "until",
		"turn", "dawn", "final", "remaining", "initial", "flat", "through", "good",
		"q", "h", "fy", "dusk", "daybreak", "sunrise", "sunset", "nightfall", "local")

	months := [][]string{
		{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"},
		{"september", "sep", "sept"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"},
	}
	for i, ws := range months {
		add(cMonth, i+1, ws...)
	}
	days := [][]string{
		{"monday", "mondays"}, {"tuesday", "tuesdays"}, {"wednesday", "wednesdays"},
		{"thursday", "thursdays"}, {"friday", "fridays"}, {"saturday", "saturdays"}, {"sunday", "sundays"},
	}
	for i, ws := range days {
		add(cWeekday, i+1, ws...)
	}
	add(cUnit, uSecond, "second", "seconds")
	add(cUnit, uMinute, "minute", "minutes")
	add(cUnit, uHour, "hour", "hours")
	add(cUnit, uDay, "day", "days")
	add(cUnit, uWeek, "week", "weeks")
	add(cUnit, uWeekend, "weekend", "weekends")
	add(cUnit, uMonth, "month", "months")
	add(cUnit, uQuarter, "quarter", "quarters")
	add(cUnit, uYear, "year", "years")
	add(cUnit, uDecade, "decade", "decades")
	add(cUnit, uCentury, "century", "centuries")
	add(cUnit, uMillennium, "millennium", "millennia", "millenniums")

	ones := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range ones {
		add(cNum, i, w)
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		add(cNum, (i+2)*10, w)
	}
	add(cNum, 100, "hundred")
	add(cNum, 1000, "thousand")
	add(cNum, 12, "dozen")
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
		"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
		"eighteenth", "nineteenth", "twentieth"}
	for i, w := range ords[1:] {
		add(cOrd, i+1, w)
	}
	add(cOrd, 30, "thirtieth")

	add(cSeason, 1, "spring")
	add(cSeason, 2, "summer", "summers")
	add(cSeason, 3, "fall", "autumn")
	add(cSeason, 4, "winter", "winters")

	add(cPart, 1, "morning", "mornings")
	add(cPart, 2, "afternoon", "afternoons")
	add(cPart, 3, "evening", "evenings")
	add(cPart, 4, "night", "nights")

}

// futureCue holds words that put a clause in the future.
var futureCue = map[string]bool{
	"will": true, "ll": true, "shall": true, "expected": true, "scheduled": true,
	"due": true, "set": true, "going": true, "tomorrow": true, "next": true,
}
