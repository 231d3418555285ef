// Package site renders briefings into a static site.
//
// Build takes parsed briefings, the site's configuration and the template
// and theme file systems (a site's own files over brief's defaults, see
// Overlay) and writes the site into a staging folder beside the output
// folder; only when every page rendered is the staging folder swapped in
// (renameat2 exchange on Linux), so the output is always a complete old
// site or a complete new one. `.git` and `CNAME` in the old output are
// carried over. Every path written is checked to stay inside the output
// folder.
//
// Builds are incremental without being less safe (output.go, stage.go,
// digest.go): every output file has a digest of what it shows, and a file
// whose digest is unchanged is not made again. The previous output is kept
// beside the output folder as .<name>.spare; the next build brings the
// spare up to date (hard links for what the output already holds, writes
// for what changed) and swaps it in, so a one-page change costs one page
// and one swap, and a build that changes nothing swaps nothing. A State
// (kept by package build in .brief-cache, or in memory by brief serve, which
// updates the output in place) says what each folder holds; it is checked
// against the files before it is trusted. brief serve also keeps the site's
// model across briefings (model.go: merged actors, stories, the timeline's
// years, digests) and updates it in place for an edit that keeps the
// site's shape. A command-line build given exactly what the last build of
// its output folder was given (InputKey) checks the folder's files and
// makes nothing (unchanged.go).
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
//	/timeline/                 every dated event of every briefing; a long timeline
//	                           has a page a year (/timeline/YYYY/), a long year pages
//	                           of whole months (/timeline/YYYY/page/N/)
//	/search/                   client-side search over /search/index.json (a list of shards)
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
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"brief/internal/briefing"
)

// Doc is a briefing to publish and where it was read from.
type Doc struct {
	*briefing.Briefing
	File     string // path for messages, e.g. content/briefings/x.md
	BodyLine int    // file line where the Markdown body starts
	Raw      []byte // the file, published as index.md
	// Read, when Raw is nil, reads the file: a build that knew it unchanged
	// did not read it, and a page needs its bytes only when made again.
	// Digest must then be set.
	Read func() ([]byte, error)
	// Digest, when set, is DocDigest(File, Raw), so that a caller that
	// has it spares the build computing it again.
	Digest [32]byte
	// LazyBody says the caller did not load Briefing.Body: it is the file
	// (Raw, or Read) from byte BodyAt on, read when a page shows it.
	LazyBody bool
	BodyAt   int
}

// Entry is a briefing as templates see it.
type Entry struct {
	*briefing.Briefing
	Path         string     // site path: /briefings/<slug>/
	MarkdownPath string     // /briefings/<slug>/index.md
	Time         time.Time  // the date, in the site's time zone
	Lead         string     // the bottom line as plain text, for descriptions
	Actors       []ActorRef // the briefing's actors, merged across briefings
	Related      []EntryRef // briefings sharing actors, then close in date
	Story        *StoryRef  // the story the briefing is part of, if any

	actors      []*ActorPage // Actors in full, for the cross-briefing steps
	related     []*Entry
	story       *Story
	idx         int        // position in the site's entries, for the cross-briefing steps
	eventActors [][]int    // for each event of Timeline, the actors (in actors) its text names
	matched     Digest     // namesDigest of the actors eventActors were matched against
	tl          []tlEvent  // its events as the site timeline takes them (tlEvents)
	dsum        kept       // its digest (see digester)
	memos       [3]memo    // the digests of its Markdown, page and JSON (see job)
	names       uint64     // nameSum, once known (0: not yet)
	slugHash    uint32     // fnv32a of the slug, once known (0: not yet), for the search shards
	search      searchMemo // its document in the search index
	skey        keyMemo    // its searchKey
	vkey        keyMemo    // its viewKey
	twin        *Entry     // while a build takes over the model: the model's entry this one is
	source      [32]byte   // DocDigest of the briefing file, see digest.go
	file        string
	bodyLine    int
	bodyFrom    func() ([]byte, error) // see Doc.LazyBody; nil once loaded
	bodyRaw     []byte                 // see Doc.LazyBody: the body is bodyRaw[bodyAt:], made a string on each use, never kept
	bodyAt      int
	bodyOnce    sync.Once
	bodyErr     error
	b           *builder
	mdMu        sync.Mutex // Content's conversion
	dropped     bool       // html was converted, then let go (dropContent)
	html        template.HTML
	warns       []string
	mdErr       error
	done        atomic.Bool
	card        sync.Once
	cardHTML    template.HTML
	cardErr     error
}

// fileNames is the entry's own files: its Markdown, page and JSON.
func (e *Entry) fileNames() [3]string {
	dir := strings.TrimPrefix(e.Path, "/")
	return [3]string{dir + "index.md", dir + "index.html", dir + "index.json"}
}

// nameSum is the sum of the hashes of its file names (see nameHash).
func (e *Entry) nameSum() uint64 {
	if e.names != 0 {
		return e.names
	}
	var sum uint64
	for _, n := range e.fileNames() {
		sum += nameHash(n)
	}
	e.names = sum
	return sum
}

// Content is the briefing's Markdown body as HTML, converted on first use
// (a page not rendered again does not need it).
func (e *Entry) Content() (template.HTML, error) {
	e.mdMu.Lock()
	defer e.mdMu.Unlock()
	if !e.done.Load() || e.dropped {
		body, err := e.body()
		if err == nil {
			var html []byte
			html, e.warns, err = renderMarkdown(e.b.md, e.file, e.bodyLine, []byte(body))
			e.html = template.HTML(html)
		}
		e.mdErr, e.dropped = err, false
		e.done.Store(true)
	}
	return e.html, e.mdErr
}

// dropContent lets the converted HTML go once the briefing's page is
// made, when nothing else shows it (no full-content feeds) and the build
// keeps no model: at 10,000 briefings it is 60-85 MB held to the end of
// the build, twice that in the heap's peak. Content converts again if
// asked; the warnings stay.
func (e *Entry) dropContent() {
	e.mdMu.Lock()
	if e.done.Load() {
		e.html, e.dropped = "", true
	}
	e.mdMu.Unlock()
}

// Body is the briefing's Markdown body, for templates; see body.
func (e *Entry) Body() (string, error) { return e.body() }

// body is the briefing's Markdown body, read from the file the first time
// when the build was given it lazily (Doc.LazyBody). A body in the file's
// bytes the build holds (Doc.Raw) is not kept as a string beside them: a
// page, the search document and the JSON feed each take it once. Safe for
// concurrent use; Content, the search document and templates read the body
// through it (Briefing.Body may be empty).
func (e *Entry) body() (string, error) {
	if e.bodyRaw != nil {
		if e.bodyAt > len(e.bodyRaw) {
			return "", fmt.Errorf("%s: changed during the build; build again", e.file)
		}
		return string(e.bodyRaw[e.bodyAt:]), nil
	}
	e.bodyOnce.Do(func() {
		if e.bodyFrom == nil {
			return
		}
		raw, err := e.bodyFrom()
		switch {
		case err != nil:
			e.bodyErr = err
		case e.bodyAt > len(raw):
			e.bodyErr = fmt.Errorf("%s: changed during the build; build again", e.file)
		default:
			e.Briefing.Body = string(raw[e.bodyAt:])
		}
		e.bodyFrom = nil
	})
	return e.Briefing.Body, e.bodyErr
}

func (e *Entry) converted() bool { return e.done.Load() }

// Card is the entry's card (partials/card.html), rendered once for all the
// lists it is in, on first use.
func (e *Entry) Card() (template.HTML, error) {
	e.card.Do(func() {
		var buf bytes.Buffer
		if err := e.b.ts["home"].ExecuteTemplate(&buf, "card", e); err != nil {
			e.cardErr = templateError(err)
			return
		}
		e.cardHTML = template.HTML(buf.String())
	})
	return e.cardHTML, e.cardErr
}

// DocDigest identifies a briefing file: its name and its bytes.
func DocDigest(file string, raw []byte) [32]byte { return SourceDigest(file, sha256.Sum256(raw)) }

// SourceDigest is DocDigest from the SHA-256 of the bytes.
func SourceDigest(file string, rawSum [32]byte) [32]byte {
	h := sha256.New()
	h.Write([]byte(file))
	h.Write([]byte{0})
	h.Write(rawSum[:])
	var d [32]byte
	h.Sum(d[:0])
	return d
}

// ActorRef is an actor as a page that is not the actor's own shows it: a
// name and a link. Refs, not the actor's page data, keep the data of a page
// a tree of what it shows, so that a page is rendered again exactly when
// what it shows changed (see digest.go).
//
// A ref holds nothing that other briefings decide (no count of briefings,
// no latest role): a briefing's page then changes when its own briefing
// does, or its actors' names, not each time another article names one of
// its actors. Those figures are on the actor's page and the actor lists.
type ActorRef struct {
	Name, Slug, Kind, Path string
}

// EntryRef is another briefing, linked.
type EntryRef struct {
	Title, Path string
	Time        time.Time
	Lead        string
}

// StoryRef is a story, linked. Like ActorRef, it holds nothing other
// briefings decide but the story's name: its count of briefings is on the
// story's page, so that a briefing joining a story of 400 does not
// rewrite the other 400 pages.
type StoryRef struct {
	Name, Slug, Path string
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
	Years        []Year       // the timeline (one year on a year's page)
	YearNav      []YearLink   // the years of the timeline or archive
	FilterActors []ActorRef   // the timeline's actor filter
	Generator    string
}

// Pager links the pages of a paginated list.
type Pager struct {
	Number, Total int
	Prev, Next    string // site paths, "" at the ends
	First         int    // the 1-based position of the page's first item in the whole list
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
	Made     int           // files made (the rest were kept: what they show had not changed)
	Mode     string        // how the output was written: "staged", "staged on the spare", "in place"
	// State and Spare are what the output folder and the spare now hold,
	// for the next build (see Outputs); nil when not known.
	State, Spare *State
	Unchanged    bool                  // neither the output folder nor the spare changed: State and Spare are what the build was given
	Notes        map[[32]byte][]string // Markdown warnings by briefing, for the next build (see Input)
	Model        *Model                // when Input.KeepModel: for the next build (see Input)
	Reused       bool                  // the build updated Input.Model rather than making the model again
	Steps        []Step                // where the render stage's time went, in order
}

// Ref is the entry as other pages link to it.
func (e *Entry) Ref() EntryRef {
	return EntryRef{Title: e.Title, Path: e.Path, Time: e.Time, Lead: e.Lead}
}
