// Package entity finds the people, organisations and places of an article
// and merges their mentions into actors with roles and a salience.
//
//	ents := entity.Find(doc)   // every entity, by salience
//	key := entity.Key(ents, 8) // the key actors
//
// Recognition runs the embedded sequence model (package ner, trained on the
// CoNLL-2003 training annotations; see MODEL.md) over the sentences of a
// text.Doc, then applies rules where rules are right:
//
//   - A title (Mr, Mrs, Ms, Dr, Miss, with or without a full stop) before a
//     capitalised word makes a person mention that includes the title; so
//     does a known first name before a capitalised word (Steve Jobs).
//   - A name with an organisation word (Inc, Ltd, Party, Forces, Ministry,
//     Hezbollah...) is an organisation, even when it looks like a person.
//   - Weekdays, months and lone titles are never entities.
//   - A nationality (Iranian, Iraqi Kurdish) is a mention of its country; a
//     hyphenated pair of places (Iraq-Syria) is a mention of each; a
//     capital not used as a place (no reply from Tehran, Washington
//     blames; not in Tehran) is a mention of its country's government.
//   - An acronym taken for a place that is no known place (JCPOA) is a
//     "misc" name; a seat of government named for its institution (White
//     House, Kremlin) is an organisation.
//   - A sentence without capitals is searched for the names of the
//     training gazetteer and the place table instead.
//
// Actors: mentions with the same normalised name are one entity (legal
// forms dropped: Apple Inc. is Apple); a surname joins the full name it
// belongs to (Kirby, Mr Kirby → John Kirby), and so does a first name when
// one person has it (Steve → Steve Jobs); a shorter organisation name joins
// the one longer company name it begins (Ford → Ford Motor Company,
// Northrop → Northrop Grumman, not Apple → Apple Macintosh); an acronym
// joins the name it abbreviates or follows in brackets (GAO, GM, RAF);
// US/U.S./United States/America are one place, and single-vowel spelling
// variants of a place are one place (Erbil, Arbil).
//
// The canonical Name is the longest full form as written in running text:
// legal forms (Inc., Corp., Corporation, LLC...) are dropped from an
// organisation's name so that one company has one name across articles
// (Apple, General Motors; Ford Motor Company keeps its "Company"), a name
// only seen in a headline's capitals is title-cased (JOHN KIRBY → John
// Kirby), acronyms keep theirs (JCPOA). Kind weighs the mentions' types
// with what the name is known to be and how the text uses it (see
// settleKind: the place table, names typed once in training, company cues
// such as "CEO", "shares", model numbers, "Intel processors", and people
// being introduced by full name). Role is the first title or apposition
// the text gives a person (Pentagon spokesman, US Secretary of State),
// never a clause or another person's name.
//
// Salience, 0..1, rises with the number of mentions, mentions early in the
// article (the headline and first sentences count most) and mentions next
// to a speech verb (being quoted); the most salient entity has 1.
package entity

import "brief/internal/text"

// Mention is one place where an entity is named: byte offsets into doc.Src.
type Mention struct{ Start, End int }

// Entity is one actor of a document.
type Entity struct {
	Name     string    // canonical name: the longest full form ("John Kirby", "Iran")
	Kind     string    // "person", "organization", "place" or "misc"
	Role     string    // role given in the text ("Pentagon spokesman"), "" if none
	Aliases  []string  // other surface forms seen ("Mr Kirby", "Kirby", "Iranian")
	Salience float64   // 0..1
	Mentions []Mention // in document order

	lead bool // named in the headline or the first two sentences
}

// Find returns all entities of doc, ordered by salience (highest first),
// ties by first mention. It uses the embedded model, loaded on first use.
func Find(d *text.Doc) []Entity {
	doc := &tdoc{Doc: d, src: string(d.Src)}
	ms := recognise(doc, Model())
	ents := merge(doc, ms)
	assignRoles(doc, ents, ms)
	rank(doc, ents, ms)
	return ents
}

// Key returns the key actors: the first n entities (in the order Find gives)
// that are people, organisations or places named more than once, given a
// role, salient (0.3 or more) or named at the top of the article (headline
// and first two sentences), or other names ("misc": often a product)
// named at least three times.
func Key(ents []Entity, n int) []Entity {
	var out []Entity
	for _, e := range ents {
		if len(out) >= n {
			break
		}
		if e.Kind == "misc" && len(e.Mentions) < 3 || has(stopNames, e.Name) {
			continue
		}
		if len(e.Mentions) >= 2 || e.Role != "" || e.Salience >= 0.3 || e.lead {
			out = append(out, e)
		}
	}
	return out
}

// tdoc is a text.Doc whose token texts are slices of one string made once
// (text.Doc.Text allocates a string per call).
type tdoc struct {
	*text.Doc
	src string
}

// Text returns the text of token t.
func (d *tdoc) Text(t text.Token) string { return d.src[t.Start:t.End] }
