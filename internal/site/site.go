// Package site renders briefings into a static site.
//
// Build takes parsed briefings, the site's configuration and the template
// and theme file systems (a site's own files over brief's defaults, see
// Overlay) and writes the whole site into a staging folder beside the output
// folder; only when every page rendered is the staging folder swapped in, so
// the output is always a complete old site or a complete new one. `.git`
// and `CNAME` in the old output are carried over. Every path written is
// checked to stay inside the output folder.
//
// The site (all URLs relative to baseURL, which may have a path):
//
//	/                          latest briefings, Config.PageSize a page
//	/page/N/                   older pages
//	/briefings/<slug>/         one briefing; index.md beside it is its Markdown
//	/archive/                  every briefing by month
//	/briefings/<slug>/index.json  its analysis as JSON
//	/tags/  /tags/<tag>/       tags (each with feed.xml)
//	/actors/ /actors/<slug>/   people and organisations across briefings (each with feed.xml)
//	/places/ /places/<slug>/   places across briefings
//	/stories/ /stories/<slug>/ briefings grouped into stories by shared actors (each with feed.xml)
//	/timeline/                 every dated event of every briefing
//	/search/                   client-side search over /search/index.json
//	/feed.xml /feed.json       Atom feed and JSON Feed (bottom lines, or full content)
//	/sitemap.xml /robots.txt /404.html
//	/theme/...                 the theme's static files
//
// Templates are html/template files: base.html defines the page frame with
// blocks "title" and "main"; each page kind has a file that fills them:
// home.html, briefing.html, archive.html, tags.html, tag.html, actors.html
// (the actor and place indexes), actor.html (one actor or place),
// stories.html, story.html,
// timeline.html, search.html, 404.html. Files
// in partials/ are shared by all. Template data is a Page. Output is
// byte-for-byte deterministic.
package site

import (
	"html/template"
	"time"

	"brief/internal/briefing"
)

// Doc is a briefing to publish and where it was read from.
type Doc struct {
	*briefing.Briefing
	File     string // path for messages, e.g. content/briefings/x.md
	BodyLine int    // file line where the Markdown body starts
	Raw      []byte // the file, published as index.md
}

// Entry is a briefing as templates see it.
type Entry struct {
	*briefing.Briefing
	Path         string        // site path: /briefings/<slug>/
	MarkdownPath string        // /briefings/<slug>/index.md
	Time         time.Time     // the date, in the site's time zone
	Content      template.HTML // the rendered Markdown body
	Lead         string        // the bottom line as plain text, for descriptions
	Actors       []*ActorPage  // the briefing's actors, merged across briefings
	Related      []*Entry      // briefings sharing actors, then close in date
	Story        *Story        // the story the briefing is part of, if any
	Card         template.HTML // the "card" template (partials/card.html) of this entry, rendered once for every list it is in
}

// Page is the data of one template execution.
type Page struct {
	Site         *Config
	Kind         string // the template: home, briefing, archive, tags, tag, actors, actor, stories, story, timeline, search, 404
	Title        string
	Description  string
	Path         string   // this page's site path
	Entry        *Entry   // briefing pages
	Entries      []*Entry // lists, newest first
	Pager        *Pager
	Months       []Month
	Tags         []Tag
	Tag          string
	Actor        *ActorPage   // actor and place pages
	Story        *Story       // story pages
	Stories      []*Story     // the story index
	Groups       []ActorGroup // actor index pages, by kind
	Years        []Year       // the timeline
	FilterActors []*ActorPage // the timeline's actor filter
	Generator    string
}

// Pager links the pages of a paginated list.
type Pager struct {
	Number, Total int
	Prev, Next    string // site paths, "" at the ends
}

// Month groups the archive.
type Month struct {
	Label   string // "June 2021"
	ID      string // "2021-06"
	Entries []*Entry
}

// Tag is a tag and its briefings.
type Tag struct {
	Name, Slug string
	Path       string
	Entries    []*Entry
}

// Result tells what a build wrote.
type Result struct {
	Pages    int           // HTML pages written
	Files    int           // all files written
	Warnings []string      // file:line messages that did not stop the build
	Skipped  []error       // briefings left out (bad slug or date), with file names
	Render   time.Duration // Markdown, templates and writing files to the staging folder (on all cores)
	Write    time.Duration // swapping the staging folder in
}
