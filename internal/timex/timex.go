// Package timex finds time expressions in English news and normalises
// them to TimeML TIMEX3 types and values against the article date.
//
// Find reads the sentences of a text.Doc and returns, in text order, every
// expression it recognises:
//
//   - DATE: calendar dates (`June 27`, `27 June 2021`, `2021-06-27`,
//     `6/27/2021`), weekdays (`on Sunday`, `last Wednesday`), months with
//     and without years, years (`2015`, `fiscal 1989`, `nineteen
//     ninety-seven`), seasons, quarters and halves (`the third quarter`,
//     `third-quarter`), decades and centuries (`the 1990s`, `the nineties`,
//     `the 20th century`), the business shorthand (`Q3 2021`, `H1 2021`,
//     `FY2020`), deictic days (`today`, `yesterday`), relative
//     periods (`this week`, `last month`, `next year`, `a year ago`,
//     `earlier this month`, `the previous day`, `the year previous`, `the
//     week before` (ending its clause), `this past weekend`, `the
//     day before last Tuesday`, `it's the second day of` the offensive,
//     `since the start of the year`, `the last week of March`, `Easter
//     week`, `the last half of the '80s`), and references (`now`
//     PRESENT_REF, `recently` PAST_REF, `the future` FUTURE_REF, `will soon
//     move` FUTURE_REF; not `as soon as`, `soon after`, nor a past `it soon
//     became`). `today's world`, `today's youth`, `the cars of tomorrow` and
//     the like speak of the age, not the day, and are left out, as are `the
//     quarter-finals` (a round of a tournament, not a quarter), a half
//     with no year named (`the first half` of a match), names (`the China
//     Daily`, `Dominic Winter`, `the Winter Olympics`, `Fan of the Year`,
//     `White Christmas`, `Michelle, June and Andy`) and idioms (`at the end
//     of the day,`).
//   - TIME: clock times and parts of days (`10 p.m. Wednesday`, `this
//     evening`, `last night`, `later this afternoon`, `by mid-afternoon`; `in the morning` of a
//     day named in the past week, in the past tense; `that night`, `the
//     next morning`, `the previous evening` of the latest day named, or of
//     a month named after it: 1999-08-XXTMO). A day set off from its time
//     by a comma or a parenthesis (`16:15 UTC, June 1st`, `10:35 a.m.
//     (0735 GMT) Friday`) is an expression of its own; the time takes it.
//     `at 4 in the morning`, `at 11 at night` are clock times, and one
//     restated in parentheses with its day takes that day (`4 in the
//     morning (4 a.m. EDT Thursday)`).
//   - DURATION: `three years` P3Y, `the past two months` P2M, `30-year`
//     P30Y, `a few days` PXD, `over the years` and `the weeks ahead` PXY,
//     PXW. Each end of a range of counts is an expression, the first
//     taking the unit (`two to six days`: `two` P2D, `six days` P6D;
//     `between 60 and 90 days`); with a determiner the range is one
//     stretch of unknown length (`the next two to three weeks` PXW).
//   - SET: `every week` P1W, `daily` P1D, `each July` XXXX-07, `Monday and
//     Tuesday nights` XXXX-WXX-1TNI, XXXX-WXX-2TNI.
//
// A second day after a date (`April 24 and 25`) is a date of the same
// month, and a first day before one (`21-22 June`, `24 and 25 March
// 2022`) takes the second's month and year. A day by its number alone
// (`on the 27th`) is of the month named last, else of the article's. `At dawn`, `by dusk` are
// the morning and evening of their day; `0600 GMT` is a clock time. A time word inside a quoted title (`"This Week"`, every word
// capitalised) is part of a name, not an expression.
//
// Extents follow TimeML: a leading preposition is left out (`Sunday` in
// `on Sunday`), determiners and modifiers are kept (`the last week`,
// `nearly two years`, `mid-June`, `the early 1980s`), but for `about`,
// which the TimeBank and AQUAINT annotators mostly leave out (`about
// [five hours]`). Mod carries the TIMEX3 mod of such modifiers (START,
// MID, END, APPROX, LESS_THAN, MORE_THAN, ...).
//
// Ref marks a date its clause only measures against: the object of
// `since` after a superlative, `first`, `record` or a negation (`its
// lowest level since October 1997`), or one after `compared`, `versus`,
// `up`/`down from` or `from` and an amount (`up from 14% a year ago`).
// The value is resolved as any other; a timeline leaves it out.
//
// Resolution. A bare weekday is the most recent one, the article date
// itself included, unless the clause carries a future cue (`will`, `is due
// to`, `expected`, `scheduled`, `set to`, `set for`, `planned for`, `next`,
// an intention verb before `to` such as `agreed to`, `effective`, `until`,
// `by`, a timetable verb in the present just before the day: `they meet
// Monday`, or `will` further back in the same clause: `will be named
// commander of the shuttle for a mission in December`) outside quotation
// marks that the expression is not inside; a cue in the past perfect (`had
// been due to expire Friday`) is past; a sentence that opens with the
// expression takes the tense of its main clause, past appositions (`In
// January, a week after ..., a bomb killed`). `last`/`next` weekdays are
// strictly before/after the article date. A month or a day without a year
// is the nearest one in the direction of the tense (past tense looks back,
// future cues look forward, no cue takes the nearest, but not more than
// four months ahead, nor before a day ahead named earlier in the sentence:
// `from March 30, ... from August 6`); a day within two weeks before or a month after the
// article date keeps the article's year whatever the tense (`was extended
// to Nov. 16`), and so does a month next to the article's (`the August
// figures, due Friday`, in September). A month joined to a second one
// with a year takes that year (`between September and October of
// 2007`). `Is on Sunday`, `the vote is Tuesday` are ahead; `might` and
// `may` before the expression are future cues (`might run out of money
// by March`). A clock time without a day is on a past day named earlier in its
// sentence (`flew Tuesday in Everett at 18:00 UTC`), else on the
// article's day, or, in
// the past tense, on the latest day named before (`came ashore Thursday
// evening ... reached the hospital at about 7:30 p.m.`).
//
// Expressions anchored to another expression (`a year earlier`, `the
// following year`, `that day`, `the following month`, `the quarter`, `the
// quarter a year ago`) resolve against the latest expression of that
// granularity or finer before them (`that same day` after `last October,
// when he was shot`: 1998-10-XX; `the same period last year` after `in
// February`: February a year before; a month named, or the month of a day
// named), not against the article date. Periods named for comparison (`a
// year earlier`, `year-ago`, `the 1988 period`) are not anchors themselves;
// after a period longer than a quarter (`the first nine months`) or a
// whole year named (`earnings for this year`) they compare years (1988),
// after a quarter the same quarter (1988-Q3): the quarter reported on, the
// latest named but for one named as a backdrop (`after a flat second
// quarter`, `up from the second quarter`). So does `last year` when its
// clause compares a quarter's figure with it (`compared with $33 million
// last year`, `up from last year's $1.55 billion`: 1988-Q3). Only
// quarters already over are anchors: the article's own quarter is one when
// spoken of in the past tense, as ended on a day before the article (a
// fiscal `fourth quarter ended Aug. 26` in October) or as reported on
// (`reported a decline in fourth-quarter earnings`). `The latest period` is
// the latest quarter named in the article's year, else the quarter before
// the article's.
//
// Deictic words inside quotation marks (`"earlier this evening"`) resolve
// against the day the speaker spoke: a day named outside the quotes in the
// same sentence, else the latest day named in the last week before the
// article date.
//
// With a zero dct, values that would depend on it are written with X in
// place of unknown digits (`XXXX-XX-XX`); invalid calendar parts
// (`2021-13-45`) are X as well, never guessed.
//
// Find allocates only its result and one reusable work buffer, and runs
// in time linear in the length of the text.
package timex

import (
	"time"

	"brief/internal/text"
)

// Timex is one time expression.
type Timex struct {
	Start, End int    // byte offsets into the doc's Src, End exclusive
	Text       string // Src[Start:End]
	Type       string // DATE, TIME, DURATION or SET
	Value      string // TIMEX3 value: 2021-06-27, 2021-02, 2021-W25, 2015, PRESENT_REF, P2D, XXXX-WXX-1 ...
	Mod        string // TIMEX3 mod (START, MID, END, APPROX, BEFORE, AFTER, MORE_THAN, ...), "" when none
	// Ref marks a date the clause measures against, not when its event
	// happened: the object of `since` after a superlative or a negation
	// (`the lowest since October 1982`, `not seen since 2004`), or of a
	// comparison (`compared with the same period last year`, `up from 14%
	// a year ago`). A timeline leaves it out.
	Ref bool
}

// Find returns the time expressions of doc in text order, resolved against
// dct, the document creation time (the article date). A zero dct leaves
// relative values unresolved (X digits).
func Find(doc *text.Doc, dct time.Time) []Timex {
	s := scanner{src: doc.Src}
	if !dct.IsZero() {
		s.dct = ymd(dct.Year(), int(dct.Month()), dct.Day())
		s.hasDCT = true
	}
	if len(doc.Sentences) == 0 {
		s.sentence(0, len(doc.Src))
		return s.out
	}
	for _, st := range doc.Sentences {
		s.sentence(st.Start, st.End)
	}
	return s.out
}
