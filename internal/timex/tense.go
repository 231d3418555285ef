package timex

// Tense: whether the clause around an expression speaks of the future or
// the past, read from a few words on either side. It decides the direction
// of bare weekdays, months and days without a year, and seasons.

// tense looks at the clause around pieces [i, j) for a future cue (+1) or
// a past-tense cue (-1); 0 when there is neither. The nearest cue before
// the expression decides; a reporting verb just before it (`said
// Monday`) makes it past, one further back ends the search, since what
// precedes it belongs to another clause. Only without a cue before does
// the clause after the expression count. Cues on the other side of a
// quotation mark do not count.
func (s *scanner) tense(i, j int) int {
	q := s.ps[i].quote
	if s.lowerWord(max(i-1, 0)) == "since" && i > 0 {
		return -1 // since March: the period began before the article
	}
	var buf, pbuf [16]byte
	until := false
	switch string(s.word(i-1, &buf)) {
	case "effective":
		return 1 // a change effective Feb. 1 takes effect then
	case "until", "till", "by":
		// postponed until Tuesday, to pay it down by February: ahead,
		// unless the clause is past (by March it had sold them)
		until = true
	case "as":
		// as early as Tuesday, as soon as Monday
		if w := string(s.word(i-2, &buf)); (w == "early" || w == "soon") && s.lowerWord(max(i-3, 0)) == "as" {
			return 1
		}
	}
	lo := max(i-tenseBack, 0)
	for k := i - 1; k >= lo; k-- {
		p := s.ps[k]
		if p.quote != q || p.r == ';' {
			break
		}
		if w := s.word(k, &buf); w != nil && reporting[string(w)] {
			if k >= i-3 {
				return -1
			}
			break
		} else if w != nil && (k == i-2 && s.lowerWord(i-1) == "on" || k == i-1) && (string(w) == "is" || string(w) == "are") && s.ps[i].cat == cWeekday {
			return 1 // the game is on Sunday, the vote is Tuesday: a timetable
		} else if w != nil && k >= i-2 && scheduled[string(w)] && !notScheduled[string(s.word(k-1, &pbuf))] {
			if s.pastPlan(k) {
				return -1
			}
			return 1
		} else if w != nil && relative[string(w)] && s.punct(k-1, ',') {
			break // ..., where the blasts killed: a clause of its own
		}
		if t := s.cue(k); t > 0 {
			if s.pastPlan(k) {
				return -1
			}
			return 1
		} else if t < 0 && (!until || pastWords[string(s.word(k, &buf))]) {
			return -1
		}
	}
	if k := s.modalBefore(i, lo, q); k >= 0 {
		return 1
	}
	hi := min(j+4, len(s.ps))
	// On Tuesday, the league plans to...: a sentence that opens with the
	// expression reads its clause past the comma.
	opens := i == 0 || i == 1 && s.ps[0].kind == pWord
	intro := false // past the comma of an opening expression
	for k := j; k < hi; k++ {
		p := s.ps[k]
		if p.r == ',' && (k == j && opens || intro) {
			// In January, a week after the anniversary, a bombing killed:
			// the main clause may come after an apposition
			if !intro {
				hi = min(k+openReach, len(s.ps))
			}
			intro = true
			continue
		}
		if p.quote != q || p.r == ';' || p.r == ',' || p.r == '.' && !intro {
			break // inside a sentence, a full stop ends an abbreviation (vs., Ala.)
		}
		if w := s.word(k, &buf); w != nil && reporting[string(w)] {
			return -1 // In September, it announced...
		} else if w != nil && intentVerbs[string(w)] {
			return -1 // On Friday, it planned to...
		}
		if t := s.cue(k); t == 1 {
			return 1
		} else if t < 0 && (!until || pastWords[string(s.word(k, &buf))]) {
			return -1
		}
	}
	if until {
		return 1
	}
	return 0
}

// modalBefore looks further back than the window (past piece lo) to the
// start of the clause, for the future modal that governs it (`will be
// named commander of the shuttle for a mission in December`): no comma,
// semicolon, quotation mark, reporting verb or past-tense word between.
// It returns the modal's piece, or -1.
func (s *scanner) modalBefore(i, lo int, q bool) int {
	var buf [16]byte
	for k := i - 1; k >= 0 && k >= i-modalReach; k-- {
		p := s.ps[k]
		if p.quote != q || p.kind == pPunct && (p.r == ';' || p.r == ',' || p.r == ':' || p.r == '(') {
			return -1
		}
		w := s.word(k, &buf)
		if w == nil {
			continue
		}
		if reporting[string(w)] || s.cue(k) < 0 {
			return -1
		}
		switch string(w) {
		case "will", "shall":
			if k < lo {
				return k
			}
			return -1
		case "that", "which", "who", "when", "while", "after", "before", "because", "but", "and":
			return -1
		}
	}
	return -1
}

// modalReach is how far back modalBefore looks for a governing modal.
const modalReach = 25

// pastPlan reports whether the future cue at piece k is in the past
// perfect (`had been due to expire Friday`, `had been scheduled to
// expire`, `had planned to`): a plan made in the past for a day that has
// passed by the time of the report.
func (s *scanner) pastPlan(k int) bool {
	for q := k - 1; q >= max(k-4, 0); q-- {
		if s.ps[q].kind != pWord {
			return false
		}
		if s.lowerWord(q) == "had" {
			return true
		}
	}
	return false
}

// openReach is how many pieces past its comma a sentence that opens with
// the expression is read for its verb.
const openReach = 30

// tenseBack is how many pieces before an expression tense looks at.
const tenseBack = 10

// reporting verbs are past tense but say nothing of the reported event.
var reporting = map[string]bool{"said": true, "reported": true, "announced": true, "added": true,
	"stated": true, "noted": true, "told": true,
	"indicated": true, "confirmed": true, "predicted": true, "estimated": true, "projected": true}

// pastWords are irregular past-tense verbs and other words that put a
// clause in the past.
var pastWords = map[string]bool{"was": true, "were": true, "had": true, "did": true, "ago": true,
	"came": true, "took": true, "began": true, "went": true, "fell": true, "rose": true, "hit": true,
	"made": true, "met": true, "won": true, "lost": true, "sold": true, "paid": true, "left": true,
	"gave": true, "got": true, "saw": true, "ran": true, "held": true, "led": true, "brought": true,
	"bought": true, "spent": true, "struck": true, "shot": true, "fought": true, "thought": true,
	"became": true, "wrote": true, "spoke": true, "broke": true, "chose": true, "drove": true,
	"flew": true, "found": true, "kept": true, "knew": true, "sent": true, "sat": true, "stood": true,
	"swore": true, "threw": true, "wore": true, "last": true}

// notPast are words in -ed that are not past tenses.
var notPast = map[string]bool{"succeed": true, "proceed": true, "exceed": true, "indeed": true,
	"speed": true, "breed": true, "bleed": true, "hundred": true, "sacred": true, "naked": true,
	"wicked": true, "rugged": true, "beloved": true, "alleged": true, "supposed": true, "proposed": true,
	"planned": true, "scheduled": true, "expected": true, "limited": true, "united": true, "related": true,
	"based": true, "needed": true, "required": true, "intended": true, "designed": true}

// futureWords put a clause in the future; some only before `to`.
var futureWords = map[string]int{
	"will": 1, "ll": 1, "shall": 1, "expected": 1, "scheduled": 1, "tomorrow": 1, "next": 1,
	"expect": 1, "expects": 1, "payable": 1, "upcoming": 1, "intends": 1, "would": 3,
	"might": 3, "may": 3,
	"plans": 2, "plan": 2, "due": 2, "set": 2, "going": 2, "is": 2, "are": 2, "planning": 2, "hopes": 2, "hope": 2,
	"aims": 2, "wants": 2, "able": 2, "preparing": 2,
}

// forFuture are the futureWords that look ahead before `for` as well as
// before `to` (`set for`, `due for`, `planning for`).
var forFuture = map[string]bool{"planning": true, "due": true, "set": true,
	"preparing": true}

// intentVerbs, before `to`, commit to an act that lies ahead of them
// (`agreed to buy it in February`, `decided to admit them in March`).
// They count only before the expression: in `On Friday, it planned to
// pay`, Friday is when the planning happened.
var intentVerbs = map[string]bool{"agreed": true, "decided": true, "voted": true, "promised": true,
	"pledged": true, "vowed": true, "threatened": true, "planned": true, "intended": true,
	"proposed": true, "hoped": true, "aimed": true, "agrees": true, "decides": true, "threatens": true,
	"proposes": true}

// participleAfter: an -ed word after these is an adjective or a passive
// participle, not a past tense (`to be completed`, `the reduced dividend`).
var participleAfter = map[string]bool{"be": true, "been": true, "being": true, "is": true,
	"are": true, "to": true, "the": true, "a": true, "an": true, "its": true, "their": true,
	"his": true, "her": true, "newly": true, "recently": true, "of": true, "and": true}

// word writes piece k in lower case into buf and returns it; nil when it
// is not an ASCII word of at most 16 letters.
func (s *scanner) word(k int, buf *[16]byte) []byte {
	if k < 0 || k >= len(s.ps) || s.ps[k].kind != pWord {
		return nil
	}
	w := s.src[s.ps[k].start:s.ps[k].end]
	if len(w) > len(buf) {
		return nil
	}
	for i, c := range w {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)]
}

// cue classifies piece k as a future cue (+1), a past cue (-1) or neither.
func (s *scanner) cue(k int) int {
	var buf, pbuf [16]byte
	lw := s.word(k, &buf)
	if lw == nil {
		return 0
	}
	switch futureWords[string(lw)] {
	case 1:
		if string(lw) == "ll" && (k == 0 || s.ps[k-1].r != '\'' && s.ps[k-1].r != '’') {
			return 0
		}
		return 1
	case 3:
		if w := s.lowerWord(min(k+1, len(s.ps)-1)); w == "have" || w == "not" && s.lowerWord(min(k+2, len(s.ps)-1)) == "have" {
			return 0 // could have been: a past possibility
		}
		if string(lw) == "may" && s.ps[k].upper {
			return 0 // May, the month
		}
		return 2 // weak: counts only before the expression
	case 2:
		if k+1 < len(s.ps) {
			switch s.lowerWord(k + 1) {
			case "to":
				return 1
			case "for":
				// set for April, planning for the summit in April
				if forFuture[string(lw)] {
					return 1
				}
			}
		}
		return 0
	}
	if intentVerbs[string(lw)] && s.lowerWord(min(k+1, len(s.ps)-1)) == "to" && k+1 < len(s.ps) {
		return 1 // agreed to buy in February: the act agreed on is ahead
	}
	if (string(lw) == "planned" || string(lw) == "slated") && s.lowerWord(min(k+1, len(s.ps)-1)) == "for" && k+1 < len(s.ps) {
		return 1 // the accession was planned for early March
	}
	switch string(lw) {
	case "be":
		// to be completed, to be held
		if pw := s.word(k-1, &pbuf); string(pw) == "to" {
			return 1
		}
	case "record":
		// holders of record Nov. 15: a dividend's record date is ahead
		if pw := s.word(k-1, &pbuf); string(pw) == "of" {
			return 1
		}
	}
	if pastWords[string(lw)] {
		if string(lw) == "last" {
			return 0
		}
		if pw := s.word(k-1, &pbuf); pw != nil && participleAfter[string(pw)] && string(pw) != "the" {
			return 0
		}
		return -1
	}
	if len(lw) > 4 && lw[len(lw)-2] == 'e' && lw[len(lw)-1] == 'd' {
		if reporting[string(lw)] || notPast[string(lw)] || unAdjective(lw) {
			return 0
		}
		if pw := s.word(k-1, &pbuf); pw != nil && participleAfter[string(pw)] {
			return 0
		}
		return -1
	}
	return 0
}

// unAdjective reports whether lw is an un-...-ed word, which is almost
// always an adjective (a still unspecified date, an undisclosed sum),
// unless it is one of the few un- verbs (unveiled, uncovered).
func unAdjective(lw []byte) bool {
	return len(lw) > 6 && lw[0] == 'u' && lw[1] == 'n' && !unVerbs[string(lw)]
}

var unVerbs = map[string]bool{"unveiled": true, "unleashed": true, "uncovered": true, "unfolded": true,
	"unloaded": true, "unlocked": true, "unraveled": true, "unravelled": true, "unearthed": true,
	"unseated": true, "unplugged": true, "unpacked": true, "untied": true, "unblocked": true,
	"unified": true, "undermined": true, "underlined": true, "underscored": true, "understated": true,
	"underestimated": true, "underwrote": true, "underpinned": true, "undercut": true, "unfroze": true}

// scheduled: present-tense verbs of the timetable. With a day right after
// them (`the Senate votes Tuesday`, `they meet Monday`) the present speaks
// of what is planned, so the day is ahead.
var scheduled = map[string]bool{"meets": true, "begins": true, "starts": true, "opens": true,
	"resumes": true, "visits": true, "arrives": true, "leaves": true, "travels": true, "heads": true,
	"votes": true, "returns": true, "expires": true, "convenes": true, "reconvenes": true,
	"testifies": true, "hosts": true, "meet": true, "begin": true, "start": true, "open": true,
	"resume": true, "visit": true, "arrive": true, "leave": true, "travel": true, "head": true,
	"vote": true, "return": true, "expire": true, "convene": true, "reconvene": true, "testify": true}

// notScheduled are words before a present form that make it something
// else: a noun (`the votes`), a negated or modal past (`did not meet`).
var notScheduled = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true,
	"his": true, "her": true, "our": true, "did": true, "not": true, "never": true, "t": true,
	"could": true, "would": true, "might": true, "should": true, "must": true, "can": true, "may": true,
	"of": true, "for": true, "s": true}

// relative pronouns that open a clause of their own after a comma.
var relative = map[string]bool{"where": true, "which": true, "who": true, "whom": true, "whose": true, "when": true}
