package timex

import (
	"brief/internal/testcorpus"
	"strings"
	"testing"
	"time"

	"brief/internal/text"
)

// find tags one sentence of text written here, against dct.
func find(src, dct string) []Timex {
	d, _ := time.Parse("2006-01-02", dct)
	return Find(text.Parse([]byte(src), 0, len(src)), d)
}

func TestFind(t *testing.T) {
	cases := []struct {
		dct, src string
		want     string // "text|TYPE|value" joined by "; "
	}{
		{"2021-06-28", "The meeting is on Monday.", "Monday|DATE|2021-06-28"},
		{"2021-06-28", "The talks will resume on Wednesday.", "Wednesday|DATE|2021-06-30"},
		{"2021-06-30", "It happened last Wednesday.", "last Wednesday|DATE|2021-06-23"},
		{"2021-06-28", "He may go, and we hope the Sun shines; it cost $20 and 50 a head.", ""},
		{"2021-06-28", "Prices rose 3 percent in May and fell in December.", "May|DATE|2021-05; December|DATE|2020-12"},
		{"2021-06-28", "The deal dates from 2015 and runs for three years.", "2015|DATE|2015; three years|DURATION|P3Y"},
		{"2021-06-28", "Sales rose in the third quarter and in the 1990s.", "the third quarter|DATE|2020-Q3; the 1990s|DATE|199"},
		{"2021-06-28", "He arrived two weeks ago, not 10 days ago.", "two weeks ago|DATE|2021-W24; 10 days ago|DATE|2021-06-18"},
		{"2021-06-28", "It is due on 2021-13-45 or 31/02/2021.", "2021-13-45|DATE|2021-XX-XX; 31/02/2021|DATE|2021-02-XX"},
		{"2021-06-28", "Now the group meets every week, as it has recently.", "Now|DATE|PRESENT_REF; every week|SET|P1W; recently|DATE|PAST_REF"},
		{"2021-06-28", "The strike came at 10 p.m. yesterday, in mid-June.", "10 p.m. yesterday|TIME|2021-06-27T22:00; mid-June|DATE|2021-06"},
		{"2021-06-28", "It was signed on June 3, 1998 and on 27 June 2021.", "June 3, 1998|DATE|1998-06-03; 27 June 2021|DATE|2021-06-27"},
		{"2021-06-28", "Boeing 747 and model A330-200 flew 1,200 miles.", ""},
		{"", "It happened yesterday and on Friday, in 2019.", "yesterday|DATE|XXXX-XX-XX; Friday|DATE|XXXX-WXX-5; 2019|DATE|2019"},
		{"2000-04-03", "It has given them until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday|TIME|2000-04-04T09:00"},
		{"1989-10-25", "Profit rose in the third quarter; it sees a loss in the current quarter.", "the third quarter|DATE|1989-Q3; the current quarter|DATE|1989-Q4"},
		{"2021-06-28", "It imports three-quarters of its food, sells 10,000 units annually, up 8% yearly, at average daily volume; it meets 3 times a year.", "a year|SET|P1Y"},
		{"2021-06-28", "The current crisis widened the current account deficit at the then current price.", "current|DATE|PRESENT_REF"},
		{"2021-06-28", "The decades-long feud led to a day-long strike.", "decades-long|DURATION|PXY; day-long|DURATION|P1D"},
		{"2021-06-28", "On Friday the index fell 2% but closed the day up; the day was calm.", "Friday|DATE|2021-06-25; the day|DATE|2021-06-25"},
		{"2021-06-28", "It rose after six straight days of losses and three consecutive weeks.", "six straight days|DURATION|P6D; three consecutive weeks|DURATION|P3W"},
		{"2021-06-28", "They meet every other week at 5 o'clock, in 2030 and beyond.", "every other week|SET|P2W; 5 o'clock|TIME|2021-06-28T05:00; 2030 and beyond|DATE|2030"},
		{"2009-06-04", "At the turn of the century, in the final two weeks, this century.", "the turn of the century|DATE|20; the final two weeks|DURATION|P2W; this century|DATE|20"},
		{"2009-06-04", "The lowest since '82, above October '08; iLife '11 is out.", "'82|DATE|1982; October '08|DATE|2008-10"},
		{"1998-08-18", "She hoped to bring aid to Kenya, where the Aug. 7 blasts killed 257 people.", "Aug. 7|DATE|1998-08-07"},
		{"1998-10-25", "In January, a bomb exploded at a clinic.", "January|DATE|1998-01"},
		{"1998-10-26", "On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a rally.", "Tuesday|DATE|1998-10-27"},
		{"1989-11-01", "Profit will rise in next year's first quarter after last year's fourth quarter.", "next year's first quarter|DATE|1990-Q1; last year's fourth quarter|DATE|1988-Q4"},
		{"1998-08-08", "Sales were flat at 2.46 billion; the blast came at 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.|TIME|1998-08-07T10:35; Friday|DATE|1998-08-07"},
		{"2021-06-28", "For Poland, high noon comes at noon.", "noon|TIME|2021-06-28T12:00"},
		{"1989-10-26", "Orders rose from the low levels of the early summer; in late fall they fell.", "the early summer|DATE|1989-SU; late fall|DATE|1989-FA"},
		{"1998-02-06", "Hiring surged last fall and will slow next spring; this summer and this winter.", "last fall|DATE|1997-FA; next spring|DATE|1998-SP; this summer|DATE|1998-SU; this winter|DATE|1997-WI"},
		{"1998-09-30", "The team planned to leave Nairobi on Thursday.", "Thursday|DATE|1998-10-01"},
		{"1998-09-30", "On Friday, the government planned to pay the claims.", "Friday|DATE|1998-09-25"},
		{"1999-02-10", "NATO has decided to admit the three nations in March.", "March|DATE|1999-03"},
		{"1989-10-26", "It created a new office, effective Feb. 1, and set up a board in May.", "Feb. 1|DATE|1990-02-01; May|DATE|1989-05"},
		{"2021-06-28", "The 30-day truce ended after the two-year talks.", "30-day|DURATION|P30D; two-year|DURATION|P2Y"},
		{"1998-05-01", "They meet separately Monday; the Senate votes Tuesday; he did not meet Sunday; they counted the votes Thursday.", "Monday|DATE|1998-05-04; Tuesday|DATE|1998-05-05; Sunday|DATE|1998-04-26; Thursday|DATE|1998-04-30"},
		{"1989-10-26", "The split would be paid on a still unspecified date in January; the unveiled plan starts in March.", "January|DATE|1990-01; March|DATE|1990-03"},
		{"1989-10-30", "In the quarter ended July 31, it had 5.6 million shares, against 5 million a year earlier.", "the quarter|DATE|1989-Q2; July 31|DATE|1989-07-31; a year earlier|DATE|1988-Q2"},
		{"2021-06-28", "It lasted over a week, then over three years, and over the weekend over an hour.", "over a week|DURATION|P1W; three years|DURATION|P3Y; the weekend|DATE|2021-W25-WE; over an hour|DURATION|PT1H"},
		{"2021-06-28", "Earlier this month and last year, this week and next month.", "Earlier this month|DATE|2021-06; last year|DATE|2020; this week|DATE|2021-W26; next month|DATE|2021-07"},
		{"1989-10-30", "It rose to a high in June from $29.75 in March.", "June|DATE|1989-06; March|DATE|1989-03"},
		{"1989-11-01", "Debt must be cut by February, and by March it had fallen.", "February|DATE|1990-02; March|DATE|1989-03"},
		{"2000-01-15", "They want the boy back by Jan. 14.", "Jan. 14|DATE|2000-01-14"},
		{"1998-12-05", "They take part in planning for the summit in April.", "April|DATE|1999-04"},
		{"1989-10-30", "The offer was extended to Nov. 16. It had been due to expire Friday evening.", "Nov. 16|DATE|1989-11-16; Friday evening|TIME|1989-10-27TEV"},
		{"1989-10-26", "It earned $5 million in the fiscal first quarter, against $4 million in the 1988 period; in the quarter it shipped 28,000 systems.", "the fiscal first quarter|DATE|1989-Q1; the 1988 period|DATE|1988-Q1; the quarter|DATE|1989-Q1"},
		{"1989-10-26", "For the nine months, it earned $5 million, compared with $3 million a year earlier; the year-ago results and the 1988 period were restated.", "the nine months|DURATION|P9M; a year earlier|DATE|1988; year-ago|DATE|1988; the 1988 period|DATE|1988"},
		{"1989-10-26", "In the third quarter, it earned $2 million, up from $1 million a year earlier.", "the third quarter|DATE|1989-Q3; a year earlier|DATE|1988-Q3"},
		{"1989-10-27", "In March, it received a bid. The following month, it put itself up for sale.", "March|DATE|1989-03; The following month|DATE|1989-04"},
		{"1998-10-25", "In January, a week after the anniversary of the Roe vs. Wade decision, a bombing in Birmingham, Ala., killed a guard.", "January|DATE|1998-01; a week|DURATION|P1W"},
		{"1999-02-10", "The official said the accession was planned for early March.", "early March|DATE|1999-03"},
		{"2015-04-25", "Almagro beat him in the quarter-finals and the quarter-final; it was the third quarter.", "the third quarter|DATE|2014-Q3"},
		{"1989-11-02", "Ralston reported a decline in fourth-quarter earnings to $45 million from $85 million a year earlier.", "fourth-quarter|DATE|1989-Q4; a year earlier|DATE|1988-Q4"},
		{"1989-10-27", "In the latest quarter, it earned $23 million, compared with $33 million last year; last year it sold a unit.", "the latest quarter|DATE|1989-Q3; last year|DATE|1988-Q3; last year|DATE|1988"},
		{"1989-10-27", "In the third quarter, sales rose. It sees $4 a share for this year, up from last year's $3.27 and from $3 a year ago.", "the third quarter|DATE|1989-Q3; this year|DATE|1989; last year|DATE|1988; a year ago|DATE|1988"},
		{"1989-10-25", "Third-quarter net rose. After a flat second quarter, the gain came from prices; charges in the year-earlier period helped.", "Third-quarter|DATE|1989-Q3; flat second quarter|DATE|1989-Q2; the year-earlier period|DATE|1988-Q3"},
		{"2010-01-28", "Costs fell last year, $19.8 billion less than the year previous; the year prior to that they rose.", "last year|DATE|2009; the year previous|DATE|2008; the year|DATE|2010"},
		{"1989-11-02", "He chose the people of tomorrow, not the cars of today; the end of tomorrow's session.", "today|DATE|1989-11-02; the end of tomorrow|DATE|1989-11-03"},
		{"1989-11-02", "It announced it expects a loss in the fourth quarter, against a profit a year earlier.", "the fourth quarter|DATE|1989-Q4; a year earlier|DATE|1988"},
		{"1989-11-02", "Prosecutors may soon seek an indictment; it soon became a flood, soon after the crash, as soon as Tuesday, at the soon-to-open terminal.", "soon|DATE|FUTURE_REF; Tuesday|DATE|1989-11-07"},
		{"2009-03-01", "The quarter-to-quarter comparison and day-to-day running; up 8% this year-to-date.", "this year|DATE|2009"},
		{"1989-10-26", "It will last through at least the first two quarters of 1990.", "the first two quarters of 1990|DATE|1990-H1"},
		{"2000-02-24", "It may be resolved at a hearing the week of March 6.", "the week of March 6|DATE|2000-W10"},
		{"2000-01-07", "It is for today's youth, in today's world, what today's ruling and the events of today mean.", "today|DATE|2000-01-07; today|DATE|2000-01-07"},
		{"1989-10-30", "Shipments resume within two to three weeks, after the next 12 to 18 months, cut from 10 to 5 years.", "two|DURATION|P2W; three weeks|DURATION|P3W; the next 12 to 18 months|DURATION|PXM; 5 years|DURATION|P5Y"},
		{"1989-10-30", "For the quarter a year ago, it earned $16 million.", "the quarter a year ago|DATE|1988-Q3"},
		{"1990-08-13", `Baker said on ABC's "This Week" and on ''60 Minutes'' this week.`, "this week|DATE|1990-W33"},
		{"1989-10-27", "Stock peaked in the early 1980s and will fall by the mid-1990s, as in the late 1970s.", "the early 1980s|DATE|198; the mid-1990s|DATE|199; the late 1970s|DATE|197"},
		{"1989-10-27", "It earned $3 million for the fourth quarter ended Aug. 26. A year earlier it earned $2 million. The latest period includes a gain.", "the fourth quarter|DATE|1989-Q4; Aug. 26|DATE|1989-08-26; A year earlier|DATE|1988-Q4; The latest period|DATE|1989-Q4"},
		{"1989-11-01", "The trend will continue into the fourth quarter. In the year-ago period it earned $1 million.", "the fourth quarter|DATE|1989-Q4; the year-ago period|DATE|1988-Q3"},
		{"2015-06-24", "He came ashore Thursday evening. He walked into the hospital at about 7:30 p.m. The hearing is at 10 a.m.", "Thursday evening|TIME|2015-06-18TEV; 7:30 p.m.|TIME|2015-06-18T19:30; 10 a.m.|TIME|2015-06-24T10:00"},
		{"2009-04-02", "Sales rebounded in the last week of March and the first week of April 2008.", "the last week of March|DATE|2009-W13; the first week of April 2008|DATE|2008-W14"},
		{"2000-02-24", "The day before last Tuesday's hearing he called; the day after Christmas he left.", "The day before last Tuesday|DATE|2000-02-21; the day after Christmas|DATE|1999-12-26"},
		{"1989-10-30", "Over the years it grew, and in the weeks ahead it will sell; in the years that followed it won; in the days before the vote it fell.", "the years|DURATION|PXY; the weeks ahead|DURATION|PXW; the years|DURATION|PXY"},
		{"1989-10-30", "The index fell 1.2% on Friday. For the week, it dropped 3.8%, whatever day of the week it was.", "Friday|DATE|1989-10-27; the week|DATE|1989-W43"},
		{"1989-10-30", "The change is since year-end; it will close by year-end.", "year-end|DATE|1988; year-end|DATE|1989"},
		{"1989-11-02", "At mid-afternoon yesterday shares were up. By late evening, late night revellers left. He meets Aziz later this afternoon.", "mid-afternoon yesterday|TIME|1989-11-01TAF; late evening|TIME|1989-11-02TEV; later this afternoon|TIME|1989-11-02TAF"},
		{"1989-10-30", "Hopes were dashed Friday. Dealers placed orders in the morning. He runs in the morning.", "Friday|DATE|1989-10-27; the morning|TIME|1989-10-27TMO"},
		{"1990-08-15", "Today is the eighth day of the operation. It's the second day of an offensive; the first day of school was fun.", "Today|DATE|1990-08-15; the eighth day|DATE|1990-08-15; the second day|DATE|1990-08-15"},
		{"1998-03-04", "Eileen Collins will be named commander of the Space Shuttle Columbia for a mission in December.", "December|DATE|1998-12"},
		{"1998-03-04", "Eileen Collins will say that she was named commander of the Space Shuttle Columbia for a mission in December.", "December|DATE|1997-12"},
		{"1998-02-13", "Two flights leave from March 30, with the third departing each Thursday from August 6.", "March 30|DATE|1998-03-30; each Thursday|SET|XXXX-WXX-4; August 6|DATE|1998-08-06"},
		{"1998-02-13", "Flights leave on Monday and Tuesday nights; he left Monday night.", "Monday|SET|XXXX-WXX-1TNI; Tuesday nights|SET|XXXX-WXX-2TNI; Monday night|TIME|1998-02-09TNI"},
		{"1991-02-25", "Then, a week or so ago, he picked Saturday night.", "a week or so ago|DATE|1991-W08; Saturday night|TIME|1991-02-23TNI"},
		{"2000-04-17", "Protesters prayed as Easter week began, as in the first half of the 1990s and the last half of the '80s.", "Easter week|DATE|2000-W16; the first half of the 1990s|DATE|199; the last half of the '80s|DATE|198"},
		{"1999-02-10", "The summit is on April 24 and 25, and 25 members meet on May 3 or 4 percent.", "April 24|DATE|1999-04-24; 25|DATE|1999-04-25; May 3|DATE|1999-05-03"},
		{"1999-02-06", "The site went down Thursday. He was shot last October, and his name was crossed out that same day.", "Thursday|DATE|1999-02-04; last October|DATE|1998-10; that same day|DATE|1998-10-XX"},
		{"2009-04-04", "Shares rose Friday after a report on jobs in March, and the index ended the day up.", "Friday|DATE|2009-04-03; March|DATE|2009-03; the day|DATE|2009-04-03"},
		{"2000-02-24", "He was hounded on Tuesday. The next morning he left. That night he slept; he had not slept the previous night.", "Tuesday|DATE|2000-02-22; The next morning|TIME|2000-02-23TMO; That night|TIME|2000-02-23TNI; the previous night|TIME|2000-02-22TNI"},
		// CNN/DailyMail dev errors, session 12
		{"2015-07-24", "It was sold by Dominic Winter auctioneers before the Winter Olympics; this winter will be cold.", "this winter|DATE|2015-WI"},
		{"2015-07-24", "She hopes that one day it will change, after one day of talks; Islam will one day be big.", "one day|DATE|FUTURE_REF; one day|DURATION|P1D; one day|DATE|FUTURE_REF"},
		{"2015-04-25", "He dreams of one day playing for Madrid and hopes to one day win.", "one day|DATE|FUTURE_REF; one day|DATE|FUTURE_REF"},
		{"2015-07-24", "He works two nights a week and one day a month.", "a week|SET|P1W; one day|DURATION|P1D; a month|SET|P1M"},
		{"2015-04-09", "The likely voters were Michelle, June and Andy; in Paris, June and July are hot.", "June|DATE|2015-06; July|DATE|2015-07"},
		{"2015-04-09", "He won on Sunday. His first game was in August, 1999. The following morning he left.", "Sunday|DATE|2015-04-05; August, 1999|DATE|1999-08; The following morning|TIME|1999-08-XXTMO"},
		{"2015-04-09", "At the end of the day, it is about winning; the shop shuts at the end of the day.", "the end of the day|DATE|2015-04-09"},
		{"2009-06-01", "At a press conference at 16:15 UTC, June 1st, he said it would take between 60 and 90 days.", "16:15 UTC|TIME|2009-06-01T16:15Z; June 1st|DATE|2009-06-01; 60|DURATION|P60D; 90 days|DURATION|P90D"},
		{"2007-02-09", "It rid Detroit of the boxy cars of the 70s and 80s; he scored 80s in tests.", "the 70s|DATE|197; 80s|DATE|198"},
		{"2015-04-24", "They were demoted after the win on Easter Monday; shops closed on Good Friday; a good Friday for all.", "Easter Monday|DATE|2015-04-06; Good Friday|DATE|2015-04-03; Friday|DATE|2015-04-24"},
		{"2015-04-25", "The game is on Sunday and the vote is Tuesday; the game was on Thursday.", "Sunday|DATE|2015-04-26; Tuesday|DATE|2015-04-28; Thursday|DATE|2015-04-23"},
		{"2015-04-24", "He was named Fan of the Year after the first half of the match, sang White Christmas and wished a Merry Christmas.", ""},
		{"2015-04-24", "Profit rose in the first half of 2014 and in last year's second half; this year he won.", "the first half of 2014|DATE|2014-H1; last year's second half|DATE|2014-H2; this year|DATE|2015"},
		{"2006-05-05", "It will be released in the second half of this year, after this year's first half.", "the second half of this year|DATE|2006-H2; this year's first half|DATE|2006-H1"},
		{"2000-04-05", "He will leave at 4 in the morning (4 a.m. EDT Thursday), woke at 6 in the evening, slept at 11 at night; he scored 2 in the afternoon.", "4 in the morning|TIME|2000-04-06T04:00; 4 a.m. EDT Thursday|TIME|2000-04-06T04:00; 6 in the evening|TIME|2000-04-05T18:00; 11 at night|TIME|2000-04-05T23:00; the afternoon|TIME|2000-04-05TAF"},
		{"2021-06-28", "In Q3 2021, in Q1, in H1 2021, in FY2020 and FY 2021, H1N1 and Q3X spread; in the first half they scored.", "Q3 2021|DATE|2021-Q3; Q1|DATE|2021-Q1; H1 2021|DATE|2021-H1; FY2020|DATE|2020; FY 2021|DATE|2021"},
		{"2021-06-28", "This past weekend they met. Revenue fell to $300 million in 2020, down from $450 million the year before. He left the day before the vote.", "This past weekend|DATE|2021-W25-WE; 2020|DATE|2020; the year before|DATE|2019"},
		{"2021-06-28", "The raid began at dawn on Sunday and ended by dusk; the truce began at 0600 GMT. Talks on 21-22 June and 24 and 25 March 2022 failed; he won 2-1 in June.", "dawn on Sunday|TIME|2021-06-27TMO; dusk|TIME|2021-06-27TEV; 0600 GMT|TIME|2021-06-27T06:00Z; 21|DATE|2021-06-21; 22 June|DATE|2021-06-22; 24|DATE|2022-03-24; 25 March 2022|DATE|2022-03-25; June|DATE|2021-06"},
		{"2009-12-16", "The 787 made its first test flight Tuesday in Everett, Washington at 18:00 UTC.", "Tuesday|DATE|2009-12-15; 18:00 UTC|TIME|2009-12-15T18:00Z"},
		{"2021-06-28", "The law took effect on Jan. 1 last year; polls will close at 8 p.m. local time on Nov. 3.", "Jan. 1 last year|DATE|2020-01-01; 8 p.m. local time on Nov. 3|TIME|2021-11-03T20:00"},
		{"2021-06-28", "On the 27th it rained. He lives on the 27th floor, up from the 18.7% it owned. The vote was held on the 30th. In May, talks began on the 3rd.", "the 27th|DATE|2021-06-27; the 30th|DATE|2021-05-30; May|DATE|2021-05; the 3rd|DATE|2021-05-03"},
		// Wikinews errors, session 12
		{"2010-03-03", "Sales rose 43% in February compared to the same period last year.", "February|DATE|2010-02; the same period last year|DATE|2009-02"},
		{"2009-04-04", "It rose between September and October of 2007, and in December and January 2008.", "September|DATE|2007-09; October of 2007|DATE|2007-10; December|DATE|2007-12; January 2008|DATE|2008-01"},
		{"2007-02-27", "It will revise its estimate of fourth-quarter 2006 GDP growth.", "fourth-quarter 2006|DATE|2006-Q4"},
		{"2006-03-28", "In the late 1980's Apple added audio; 1980's elections were won.", "the late 1980's|DATE|198; 1980|DATE|1980"},
		{"2009-06-18", "The China Daily newspaper said so, as did the party daily Granma.", "daily|SET|P1D"},
		{"2007-02-27", "It was the worst fall since the September 11th terrorist attacks.", "September 11th|DATE|2001-09-11"},
		{"2011-08-25", "Shares slid in after hours trading, after hours of talks.", ""},
		{"2009-02-18", "It has warned that it might run out of money by March; it may have run out by January.", "March|DATE|2009-03; January|DATE|2009-01"},
		{"2008-09-04", "An expected announcement Friday of August unemployment data could lift it.", "Friday|DATE|2008-09-05; August|DATE|2008-08"},
		{"2009-01-08", "The December figures will be out Friday; the plant will open in February.", "December|DATE|2008-12; Friday|DATE|2009-01-09; February|DATE|2009-02"},
		{"2008-12-08", "Talks were set for January, and sales fell in November.", "January|DATE|2009-01; November|DATE|2008-11"},
	}
	for _, c := range cases {
		var got []string
		for _, x := range find(c.src, c.dct) {
			got = append(got, x.Text+"|"+x.Type+"|"+x.Value)
		}
		if g := strings.Join(got, "; "); g != c.want {
			t.Errorf("%s %q:\n got  %s\n want %s", c.dct, c.src, g, c.want)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	doc, dct := testcorpus.Seed(b)
	b.SetBytes(int64(len(doc.Src)))
	b.ReportAllocs()
	for b.Loop() {
		Find(doc, dct)
	}
}

// BenchmarkParseFind includes the text layer, as the analyser runs it.
func BenchmarkParseFind(b *testing.B) {
	doc, dct := testcorpus.Seed(b)
	b.ReportAllocs()
	for b.Loop() {
		Find(text.Parse(doc.Src, 15, len(doc.Src)), dct)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On Sunday, 27 June 2021, at 10 p.m. EST, the 1990s ended 3 years ago.",
		"2021-13-45 31/02/2021 99/99/99 0/0/0000 the 0th century",
		"1 2 3 4 5 6 7 8 9 10 11 12 13 1999 2000 2001 1,000,000 $2000",
		"the the the third third quarter of of 1990 mid- early late - - ' ''s",
		"\"We will meet on Friday\", he said. \"Tonight\" and this evening's news",
		"nineteen ninety-seven twenty-four hours a hundred and ten years two thousand and",
		"Jan. Feb Sept. 31 May 30th, March 2 1/2 years ago 5:99 p.m. 25:00 a.m.",
		"the day before last Tuesday, April 24 and 25 or 99, ''60 Minutes'' \"This Week\" two to three weeks 12 to",
		"the last week of March the final week of Feb. the fourth week of mid-afternoon yesterday by late",
		"It's the second day of; over the years ahead, in the morning since year-end the quarter a year ago",
		"reported fourth-quarter net, compared with $3 last year; After a flat second quarter the year-earlier period",
		"the quarter- quarter-finals the year previous the day prior to of tomorrow cars of tomorrow's soon-to as soon soon",
		"in February, the same period last year; September and October of 2007, fourth-quarter 2006; the late 1980's",
		"last October. that same day, the next morning, That night; Dominic Winter; will one day; two nights a week",
		"At the end of the day, Michelle, June and Andy; the China Daily; after hours trading; might by March",
		"Q3 2021 Q FY FY 20 H1N1 H2 Q0 Q5- Q3/ this past weekend the week before. at 4 in the morning (4 a.m. EDT Thursday)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		doc := text.Parse(src, 0, len(src))
		for _, dct := range []time.Time{{}, time.Date(2021, 6, 28, 0, 0, 0, 0, time.UTC)} {
			prev := 0
			for _, x := range Find(doc, dct) {
				if x.Start < prev || x.End <= x.Start || x.End > len(src) {
					t.Fatalf("bad span %d-%d after %d in %q", x.Start, x.End, prev, s)
				}
				if x.Text != string(src[x.Start:x.End]) || x.Value == "" || x.Type == "" {
					t.Fatalf("bad timex %+v", x)
				}
				prev = x.End
			}
		}
		// Nothing on an empty doc either.
		Find(&text.Doc{Src: src}, time.Time{})
	})
}

// TestLinear feeds long runs of words the grammar loops over, in one
// sentence; a quadratic matcher shows here as a slow test (the time is
// logged, not asserted).
func TestLinear(t *testing.T) {
	for _, w := range []string{"fiscal ", "hundred ", "1999 ", "the ", "more ", "a ", "Monday ", "- ", "one ", "from 5 in 2005 ", "since the lowest 1999 ", "at 4 pm (4 pm (4 pm ", "at 4 pm (4 pm Monday) "} {
		src := []byte(strings.Repeat(w, 20000))
		start := time.Now()
		Find(&text.Doc{Src: src}, time.Date(2021, 6, 28, 0, 0, 0, 0, time.UTC))
		t.Logf("%q x 20000: %v", w, time.Since(start))
	}
}

// TestRef checks which dates are marked as points of comparison.
func TestRef(t *testing.T) {
	cases := []struct {
		src  string
		refs string // texts of the Ref expressions, joined by "; "
	}{
		{"On Monday the Nikkei fell to lows not seen since October 1982.", "October 1982"},
		{"It was its worst showing since August 1995 and the lowest since 2002.", "August 1995; 2002"},
		{"The index has not closed above 8,000 since February.", "February"},
		{"He has been fighting cancer since 2004 and was treated in 2009.", ""},
		{"Sales rose 43% in February compared to the same period last year.", "the same period last year"},
		{"Its share rose to 17%, up from 14% a year ago.", "a year ago"},
		{"It will receive aircraft from 2009 to 2011, since March.", ""},
		{"Revenue made up $7.1 billion in 2006, having boosted from $5.8 billion in 2005.", "2005"},
	}
	for _, c := range cases {
		var got []string
		for _, x := range find(c.src, "2009-02-24") {
			if x.Ref {
				got = append(got, x.Text)
			}
		}
		if g := strings.Join(got, "; "); g != c.refs {
			t.Errorf("%q: refs %q, want %q", c.src, g, c.refs)
		}
	}
}
