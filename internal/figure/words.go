package figure

// numberWords are cardinal numbers in words.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
	"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9,
	"hundreds": 100, "thousands": 1000, "millions": 1e6, "billions": 1e9, "dozens": 12,
}

// scales multiply the number before them.
var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3, "tn": 1e12, "trn": 1e12,
}

// currencySymbols before a number, and currency words after it.
var currencySymbols = map[string]string{"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}

var currencyWords = map[string]string{
	"dollars": "USD", "dollar": "USD", "pounds": "GBP", "pound": "GBP", "euros": "EUR",
	"euro": "EUR", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "francs": "CHF",
}

// qualifiers2 and qualifiers1 are the words that may qualify a figure.
var qualifiers2 = map[[2]string]bool{
	{"more", "than"}: true, {"less", "than"}: true, {"fewer", "than"}: true,
	{"at", "least"}: true, {"at", "most"}: true, {"up", "to"}: true,
	{"as", "many"}: true, {"as", "much"}: true, {"as", "few"}: true, {"close", "to"}: true,
	{"an", "estimated"}: true, {"well", "over"}: true,
}

var qualifiers1 = map[string]bool{
	"nearly": true, "almost": true, "about": true, "around": true, "approximately": true,
	"roughly": true, "some": true, "over": true, "under": true, "only": true, "just": true,
	"estimated": true,
}

// months, before or after a day number, make a date.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true,
}

// furniture words before a number make it a label, not a figure.
var furniture = map[string]bool{
	"page": true, "pages": true, "photo": true, "photos": true, "picture": true,
	"image": true, "images": true, "comments": true, "share": true, "shares": true,
	"no": true, "number": true, "chapter": true, "section": true, "step": true,
	"episode": true, "season": true, "flight": true, "room": true, "route": true,
	"interstate": true, "highway": true, "channel": true, "version": true, "level": true,
	"grade": true, "article": true, "paragraph": true, "line": true, "rule": true,
	"item": true, "exhibit": true, "figure": true, "table": true, "act": true, "part": true,
	"tier": true, "bus": true, "gate": true, "pier": true, "platform": true, "apartment": true,
}

// determiners before a number word make it a pronoun ("the one", "no one").
var determiners = map[string]bool{
	"the": true, "this": true, "that": true, "which": true, "each": true, "every": true,
	"any": true, "no": true, "someone": true, "anyone": true, "only": true, "last": true,
}

// times after a number make it a clock time.
var clockWords = map[string]bool{
	"am": true, "pm": true, "a.m": true, "p.m": true, "a.m.": true, "p.m.": true,
	"gmt": true, "bst": true, "utc": true, "et": true, "est": true, "edt": true,
	"pst": true, "pdt": true, "cet": true, "o'clock": true, "hrs": true,
}

// stop words end a unit phrase; a few adjectives may sit inside one.
var stopwords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "from": true, "by": true, "with": true, "and": true,
	"or": true, "but": true, "as": true, "than": true, "that": true, "this": true,
	"these": true, "those": true, "is": true, "are": true, "was": true, "were": true,
	"be": true, "been": true, "being": true, "had": true, "has": true, "have": true,
	"will": true, "would": true, "could": true, "should": true, "may": true, "might": true,
	"can": true, "did": true, "do": true, "does": true, "not": true, "who": true,
	"which": true, "what": true, "when": true, "where": true, "while": true, "it": true,
	"its": true, "their": true, "they": true, "them": true, "he": true, "she": true,
	"his": true, "her": true, "we": true, "our": true, "you": true, "your": true,
	"i": true, "me": true, "my": true, "us": true, "him": true, "said": true, "says": true,
	"into": true, "over": true, "under": true, "after": true, "before": true, "since": true,
	"per": true, "each": true, "about": true, "all": true, "if": true, "so": true,
	"up": true, "out": true, "off": true, "across": true, "during": true, "between": true,
	"against": true, "near": true, "among": true, "more": true, "less": true, "then": true,
	"there": true, "here": true, "also": true, "just": true, "only": true, "ago": true,
	"later": true, "earlier": true, "old": true, "apart": true, "away": true,
}

var copulas = map[string]bool{"were": true, "was": true, "are": true, "is": true}

// irregularPlurals are plural head nouns without a final s.
var irregularPlurals = map[string]bool{
	"people": true, "children": true, "men": true, "women": true, "police": true,
	"staff": true, "personnel": true, "cattle": true, "feet": true, "mice": true,
	"teeth": true, "geese": true, "data": true, "crew": true, "sheep": true, "fish": true,
	"deer": true, "livestock": true, "aircraft": true, "offspring": true, "clergy": true,
	"infantry": true,
}

// measureUnits are singular-looking units that head a figure ("30 mph").
var measureUnits = map[string]bool{
	"mph": true, "km": true, "kph": true, "kg": true, "lb": true, "lbs": true, "ft": true,
	"mm": true, "cm": true, "mw": true, "gw": true, "kw": true, "kwh": true,
	"mb": true, "gb": true, "tb": true, "sq": true, "acres": true, "tonnes": true,
}

// adjectives that may sit inside a unit phrase although they are stop words.
var unitAdjectives = map[string]bool{"other": true, "additional": true, "extra": true, "new": true}

// durations are time units: "two days" is a time expression, not a figure.
var durations = map[string]bool{
	"seconds": true, "minutes": true, "hours": true, "days": true, "weeks": true,
	"months": true, "years": true, "decades": true, "centuries": true, "nights": true,
	"second": true, "minute": true, "hour": true, "day": true, "week": true,
	"month": true, "year": true, "decade": true, "century": true, "night": true,
	"weekends": true, "weekend": true, "times": true, "time": true,
}
