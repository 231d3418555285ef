// Package briefing is the briefing document: what brief writes to
// content/briefings/<slug>.md for analysts to read and edit, and what the
// site is rendered from.
//
// A briefing file is TOML front matter between `+++` lines, then Markdown:
//
//	+++
//	title = "US strikes Iran-backed militias"
//	date = "2021-06-28"
//	slug = "us-strikes-iran-backed-militias"
//	source = "content/articles/2021-06-28-us-strikes-iran-backed-militias.txt"
//	source_hash = "…"          # SHA-256 of the article it was made from
//	…                           # url, credit, license, tags, draft
//	generator = "brief 0.1.0"
//	generated = "sha256:…"     # the last top-level key, before the tables
//	[[summary]]                 # the bottom line, each statement with its sentence
//	[[actors]] [[timeline]] [[quotes]] [[figures]]
//	+++
//
//	## Bottom line
//	…
//	## Source text
//
//	{#s0} The US on Sunday said … {#s1} …
//
// The front matter holds the structured analysis so that templates and
// cross-briefing pages need not re-analyse; the body is the same content as
// readable Markdown. In the body, `{#sN}` marks the start of source
// sentence N (0-based, as in `brief analyze --json`); statements link to
// `#sN`. Article text in the body is escaped so it is never read as Markdown
// or HTML.
//
// Hand edits: `generated` is the SHA-256 of the file as brief wrote it, less
// that line. A file whose bytes no longer match was edited by hand (Edited)
// and is never overwritten without --force.
package briefing

// Briefing is one briefing document. Sentence fields are indexes of source
// sentences (the `{#sN}` anchors), -1 when there is none.
type Briefing struct {
	Title      string     `toml:"title"`
	Date       string     `toml:"date"` // YYYY-MM-DD
	Slug       string     `toml:"slug"`
	Source     string     `toml:"source"`      // the article's path, slash-separated, relative to the site
	SourceHash string     `toml:"source_hash"` // hex SHA-256 of the article file
	URL        string     `toml:"url,omitempty"`
	Credit     string     `toml:"credit,omitempty"` // who wrote the article ("Wikinews", "Reuters")
	License    string     `toml:"license,omitempty"`
	Tags       []string   `toml:"tags,omitempty"`
	Draft      bool       `toml:"draft,omitempty"`
	Summary    []Sentence `toml:"summary,omitempty"`
	Actors     []Actor    `toml:"actors,omitempty"`
	Timeline   []Event    `toml:"timeline,omitempty"`
	Quotes     []Quote    `toml:"quotes,omitempty"`
	Figures    []Figure   `toml:"figures,omitempty"`
	Generator  string     `toml:"generator,omitempty"`
	Generated  string     `toml:"generated,omitempty"` // see Edited

	Body string `toml:"-"` // the Markdown after the front matter
}

// Sentence is a statement of the bottom line.
type Sentence struct {
	Text     string `toml:"text" json:"text"`
	Sentence int    `toml:"sentence" json:"sentence"`
}

// Actor is a key actor of the briefing.
type Actor struct {
	Name     string   `toml:"name" json:"name"`
	Kind     string   `toml:"kind" json:"kind"` // person, organization, place
	Role     string   `toml:"role,omitempty" json:"role,omitempty"`
	Aliases  []string `toml:"aliases,omitempty" json:"aliases,omitempty"`
	Salience float64  `toml:"salience" json:"salience"`
	Mentions int      `toml:"mentions" json:"mentions"`
	Sentence int      `toml:"sentence" json:"sentence"` // first mention
}

// Event is a dated event of the timeline.
type Event struct {
	Value    string `toml:"value" json:"value"`     // TIMEX3 value: 2021-06-27, 2021-02, 2015
	Display  string `toml:"display" json:"display"` // readable: Sun 27 Jun 2021
	Text     string `toml:"text" json:"text"`
	Sentence int    `toml:"sentence" json:"sentence"`
}

// Quote is a direct quote with its speaker.
type Quote struct {
	Speaker  string `toml:"speaker" json:"speaker"`
	Text     string `toml:"text" json:"text"`
	Sentence int    `toml:"sentence" json:"sentence"`
}

// Figure is a key number with what it counts.
type Figure struct {
	Text     string `toml:"text" json:"text"`
	Sentence int    `toml:"sentence" json:"sentence"`
}
