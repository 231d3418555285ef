// Package stem is the Porter (1980) stemmer, shared by the summariser
// (to compare sentences by stemmed words) and the ROUGE scorer.
package stem

// Stem returns the Porter (1980) stem of a lower-case ASCII word, as in
// Martin Porter's reference C implementation, which is the stemmer the
// ROUGE-1.5.5 perl script applies with -m. Words of two letters or fewer,
// and words holding anything but a-z, are returned unchanged.
//
// It is not the Snowball "English" (Porter2) stemmer: the two disagree on
// words such as "generously" and "dying".
func Stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	var buf [64]byte
	var b []byte
	if len(w) <= len(buf) {
		b = append(buf[:0], w...)
	} else {
		b = []byte(w)
	}
	p := porter{b: b, k: len(b) - 1}
	p.step1ab()
	if p.k > 0 {
		p.step1c()
		p.step2()
		p.step3()
		p.step4()
		p.step5()
	}
	if st := p.b[:p.k+1]; len(st) <= len(w) && string(st) == w[:len(st)] {
		return w[:len(st)] // most stems are the word or a prefix of it: no copy
	}
	return string(p.b[:p.k+1])
}

// porter holds the word being stemmed: b[0..k] is the current word and
// j marks the end of the stem once ends has matched a suffix.
type porter struct {
	b    []byte
	k, j int
}

// cons reports whether b[i] is a consonant.
func (p *porter) cons(i int) bool {
	switch p.b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !p.cons(i-1)
	}
	return true
}

// m counts the VC sequences in b[0..j].
func (p *porter) m() int {
	n, i := 0, 0
	for {
		if i > p.j {
			return n
		}
		if !p.cons(i) {
			break
		}
		i++
	}
	i++
	for {
		for {
			if i > p.j {
				return n
			}
			if p.cons(i) {
				break
			}
			i++
		}
		i++
		n++
		for {
			if i > p.j {
				return n
			}
			if !p.cons(i) {
				break
			}
			i++
		}
		i++
	}
}

// vowelInStem reports whether b[0..j] holds a vowel.
func (p *porter) vowelInStem() bool {
	for i := 0; i <= p.j; i++ {
		if !p.cons(i) {
			return true
		}
	}
	return false
}

// doublec reports whether b[i-1..i] is a double consonant.
func (p *porter) doublec(i int) bool {
	return i >= 1 && p.b[i] == p.b[i-1] && p.cons(i)
}

// cvc reports whether b[i-2..i] is consonant-vowel-consonant with the
// last not w, x or y: the condition for restoring an e (hop(e), fil(e)).
func (p *porter) cvc(i int) bool {
	if i < 2 || !p.cons(i) || p.cons(i-1) || !p.cons(i-2) {
		return false
	}
	switch p.b[i] {
	case 'w', 'x', 'y':
		return false
	}
	return true
}

// ends reports whether b[0..k] ends with s, and sets j to the end of the stem.
func (p *porter) ends(s string) bool {
	n := len(s)
	if n > p.k+1 || string(p.b[p.k+1-n:p.k+1]) != s {
		return false
	}
	p.j = p.k - n
	return true
}

// setto replaces b[j+1..k] by s.
func (p *porter) setto(s string) {
	p.b = append(p.b[:p.j+1], s...)
	p.k = p.j + len(s)
}

// r replaces the suffix by s when the stem's measure is positive.
func (p *porter) r(s string) {
	if p.m() > 0 {
		p.setto(s)
	}
}

// step1ab removes plurals and -ed or -ing.
func (p *porter) step1ab() {
	if p.b[p.k] == 's' {
		switch {
		case p.ends("sses"):
			p.k -= 2
		case p.ends("ies"):
			p.setto("i")
		case p.k >= 1 && p.b[p.k-1] != 's':
			p.k--
		}
	}
	if p.ends("eed") {
		if p.m() > 0 {
			p.k--
		}
		return
	}
	if (p.ends("ed") || p.ends("ing")) && p.vowelInStem() {
		p.k = p.j
		switch {
		case p.ends("at"):
			p.setto("ate")
		case p.ends("bl"):
			p.setto("ble")
		case p.ends("iz"):
			p.setto("ize")
		case p.doublec(p.k):
			p.k--
			switch p.b[p.k] {
			case 'l', 's', 'z':
				p.k++
			}
		default:
			if p.m() == 1 && p.cvc(p.k) {
				p.setto("e")
			}
		}
	}
}

// step1c turns a terminal y into i when there is another vowel in the stem.
func (p *porter) step1c() {
	if p.ends("y") && p.vowelInStem() {
		p.b[p.k] = 'i'
	}
}

// rule is one suffix replacement of steps 2 to 4.
type rule struct{ suffix, repl string }

// step2Rules and step3Rules are grouped by the reference implementation's
// switch on the penultimate letter; within a group the first suffix that
// matches decides, whether or not its condition holds.
var step2Rules = byLetter(map[byte][]rule{
	'a': {{"ational", "ate"}, {"tional", "tion"}},
	'c': {{"enci", "ence"}, {"anci", "ance"}},
	'e': {{"izer", "ize"}},
	'l': {{"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"}},
	'o': {{"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}},
	's': {{"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"}},
	't': {{"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}},
	'g': {{"logi", "log"}},
})

var step3Rules = byLetter(map[byte][]rule{
	'e': {{"icate", "ic"}, {"ative", ""}, {"alize", "al"}},
	'i': {{"iciti", "ic"}},
	'l': {{"ical", "ic"}, {"ful", ""}},
	's': {{"ness", ""}},
})

var step4Suffixes = byLetter(map[byte][]string{
	'a': {"al"},
	'c': {"ance", "ence"},
	'e': {"er"},
	'i': {"ic"},
	'l': {"able", "ible"},
	'n': {"ant", "ement", "ment", "ent"},
	'o': {"ion", "ou"},
	's': {"ism"},
	't': {"ate", "iti"},
	'u': {"ous"},
	'v': {"ive"},
	'z': {"ize"},
})

// byLetter turns a map from letters to lists into a table indexed by the
// letter, read without hashing.
func byLetter[T any](m map[byte][]T) *[256][]T {
	var t [256][]T
	for c, l := range m {
		t[c] = l
	}
	return &t
}

func (p *porter) apply(rules *[256][]rule, pos int) {
	if pos < 0 {
		return
	}
	for _, r := range rules[p.b[pos]] {
		if p.ends(r.suffix) {
			p.r(r.repl)
			return
		}
	}
}

// step2 maps double suffixes to single ones (-ization to -ize).
func (p *porter) step2() { p.apply(step2Rules, p.k-1) }

// step3 deals with -ic-, -full, -ness.
func (p *porter) step3() { p.apply(step3Rules, p.k) }

// step4 removes -ant, -ence and the like in context <c>vcvc<v>.
func (p *porter) step4() {
	if p.k < 1 {
		return
	}
	for _, s := range step4Suffixes[p.b[p.k-1]] {
		if !p.ends(s) {
			continue
		}
		if s == "ion" && (p.j < 0 || (p.b[p.j] != 's' && p.b[p.j] != 't')) {
			continue
		}
		if p.m() > 1 {
			p.k = p.j
		}
		return
	}
}

// step5 removes a final -e when m > 1 (or m = 1 and not cvc) and turns
// -ll into -l when m > 1.
func (p *porter) step5() {
	p.j = p.k
	if p.b[p.k] == 'e' {
		a := p.m()
		if a > 1 || a == 1 && !p.cvc(p.k-1) {
			p.k--
		}
	}
	if p.b[p.k] == 'l' && p.doublec(p.k) && p.m() > 1 {
		p.k--
	}
}
