package site

import (
	"bytes"
	"io/fs"
	"os"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"brief/internal/briefing"
)

// TestListView holds the default templates to listKinds: on every list
// page, changing any field of a briefing that viewKey leaves out (its
// related briefings, story, actors, lead, body...) leaves the page's
// bytes as they were, so a page digested by view keys is never stale. A
// field the templates start to show fails here: add it to makeViewKey,
// or take the page kind out of listKinds. Changing a field viewKey covers
// changes some page (the test can fail).
func TestListView(t *testing.T) {
	cfg := &Config{Title: "T", BaseURL: "/", Language: "en", Location: time.UTC}
	pt, _, err := loadTemplates(os.DirFS("../../templates"), cfg, nil)
	ts := pt.ts
	if err != nil {
		t.Fatal(err)
	}
	if !usesDefaults(Overlay{Base: os.DirFS("../../templates")}, pt.lists) {
		t.Fatal("the default templates are not recognised as such")
	}
	b := &builder{cfg: cfg, ts: ts, md: newMarkdown()}

	// render makes every list page from two briefings, the first built
	// by first (called on the entry before it is shown).
	render := func(first func(e *Entry)) map[string][]byte {
		e1, e2 := viewEntry(b, 1), viewEntry(b, 2)
		first(e1)
		actor := &ActorPage{Name: "Joe Biden", Slug: "joe-biden", Kind: "person", Path: "/actors/joe-biden/", Role: "president",
			Aliases: []string{"Biden"}, Roles: []RoleAt{{Role: "president", First: e1, Last: e2, Count: 2}},
			Entries: []*Entry{e1, e2}, Quotes: []QuoteAt{{Text: "We act.", Entry: e1, Sentence: 3}},
			CoActors: []ActorRef{{Name: "Iran", Slug: "iran", Kind: "place", Path: "/places/iran/"}}, Mentions: 4, Count: 2,
			Events: []*TimelineEvent{{Event: briefing.Event{Value: "2021-06-27", Display: "Sun 27 Jun 2021", Text: "strikes", Sentence: 1},
				Time: e1.Time, Sources: []Source{{e1.Link(), 1}}}}}
		story := &Story{Name: "Strikes", Slug: "strikes", Path: "/stories/strikes/", Entries: []*Entry{e1, e2},
			Actors: []ActorRef{{Name: "Joe Biden", Slug: "joe-biden", Kind: "person", Path: "/actors/joe-biden/"}}, Count: 2}
		pages := []*Page{
			{Kind: "home", Title: "T", Path: "/", Entries: []*Entry{e1, e2}, Pager: &Pager{Number: 1, Total: 2, Next: "/page/2/", First: 1}},
			{Kind: "archive", Title: "Archive", Path: "/archive/", Entries: []*Entry{e1, e2},
				Months: []Month{{Label: "June 2021", ID: "2021-06", Entries: []*Entry{e1, e2}}}, YearNav: []YearLink{{Year: "2021", Current: true}}},
			{Kind: "tags", Title: "Tags", Path: "/tags/", Tags: []Tag{{Name: "Iran", Slug: "iran", Path: "/tags/iran/", Entries: []*Entry{e1, e2}}}},
			{Kind: "tag", Title: "Iran", Path: "/tags/iran/", Tag: "Iran", Entries: []*Entry{e1, e2}},
			{Kind: "actors", Title: "Actors", Path: "/actors/", Groups: []ActorGroup{{Kind: "person", Label: "People", ID: "kind-person", Actors: []*ActorPage{actor}}}},
			{Kind: "actor", Title: "Joe Biden", Path: "/actors/joe-biden/", Actor: actor, Entries: []*Entry{e1, e2}},
			{Kind: "actor", Title: "Joe Biden", Path: "/actors/joe-biden/page/2/", Actor: actor, Entries: []*Entry{e1, e2},
				Pager: &Pager{Number: 2, Total: 2, Prev: "/actors/joe-biden/", First: 51}},
			{Kind: "stories", Title: "Stories", Path: "/stories/", Stories: []*Story{story}},
			{Kind: "story", Title: "Strikes", Path: "/stories/strikes/", Story: story, Entries: []*Entry{e1, e2}},
		}
		out := map[string][]byte{}
		for _, p := range pages {
			if !listKinds[p.Kind] {
				t.Fatalf("%s is not a list kind", p.Kind)
			}
			p.Site = cfg
			var buf bytes.Buffer
			if err := ts[p.Kind].ExecuteTemplate(&buf, "base.html", p); err != nil {
				t.Fatalf("%s: %v", p.Path, err)
			}
			out[p.Path] = buf.Bytes()
		}
		return out
	}
	want := render(func(*Entry) {})

	covered := viewCovered()
	listShows := map[string]bool{"Title": true, "Path": true, "Time": true, "Credit": true, "Tags": true, "Summary": true}
	changed := func(edit func(e *Entry)) bool {
		got := render(edit)
		for p := range want {
			if !bytes.Equal(got[p], want[p]) {
				return true
			}
		}
		return false
	}
	for _, f := range viewFields() {
		edit := func(e *Entry) { f.set(e, f.other) }
		switch {
		case covered[f.name]:
			if listShows[f.name] && !changed(edit) {
				t.Errorf("%s is in viewKey but no list page shows it (the test cannot fail on it)", f.name)
			}
		case changed(edit):
			t.Errorf("a list page shows %s, which viewKey leaves out: add it to makeViewKey or take the kind out of listKinds", f.name)
		}
	}
}

// viewCovered is the fields of Entry and briefing.Briefing makeViewKey
// hashes.
func viewCovered() map[string]bool {
	return map[string]bool{"Title": true, "Path": true, "Time": true, "Credit": true, "Tags": true, "Summary": true, "URL": true, "Lead": true}
}

// TestFeedView holds the feeds without content (Atom, JSON Feed) to
// makeViewKey, as TestListView holds the list pages: a field it leaves
// out changes no byte of a feed, one it covers changes one.
func TestFeedView(t *testing.T) {
	cfg := &Config{Title: "T", BaseURL: "https://example.org/", Language: "en", Location: time.UTC}
	cfg.Feed.Items = 20
	pt, _, err := loadTemplates(os.DirFS("../../templates"), cfg, nil)
	ts := pt.ts
	if err != nil {
		t.Fatal(err)
	}
	b := &builder{cfg: cfg, ts: ts, md: newMarkdown(), generator: "brief"}
	render := func(first func(e *Entry)) []byte {
		e1, e2 := viewEntry(b, 1), viewEntry(b, 2)
		first(e1)
		atom, err := b.atomXML("/feed.xml", "T", "/", []*Entry{e1, e2})
		if err != nil {
			t.Fatal(err)
		}
		js, err := b.jsonFeedData([]*Entry{e1, e2})
		if err != nil {
			t.Fatal(err)
		}
		return append(atom, js...)
	}
	want := render(func(*Entry) {})
	covered := viewCovered()
	for _, f := range viewFields() {
		changed := !bytes.Equal(render(func(e *Entry) { f.set(e, f.other) }), want)
		switch {
		case covered[f.name] && !changed && f.name != "Summary": // Summary: shown through Lead, made from it
			t.Errorf("%s is in viewKey but no feed shows it (the test cannot fail on it)", f.name)
		case !covered[f.name] && changed:
			t.Errorf("a feed shows %s, which viewKey leaves out: add it to makeViewKey", f.name)
		}
	}
}

// viewEntry is a briefing with every field set, as a list page gets it.
func viewEntry(b *builder, n int) *Entry {
	e := &Entry{Briefing: &briefing.Briefing{}, b: b}
	for _, f := range viewFields() {
		f.set(e, f.value)
	}
	e.Path = "/briefings/b" + string(rune('0'+n)) + "/"
	e.Time = time.Date(2021, 6, 27-n, 0, 0, 0, 0, time.UTC)
	return e
}

// viewField is an exported field of Entry or of its Briefing, with a value
// and another.
type viewField struct {
	name         string
	value, other any
	set          func(e *Entry, v any)
}

// viewFields is every exported field of Entry and briefing.Briefing (by
// reflection, so a new field is covered), each with two values.
func viewFields() []viewField {
	var fs []viewField
	add := func(t reflect.Type, get func(e *Entry) reflect.Value, skip map[string]bool) {
		for i := range t.NumField() {
			sf := t.Field(i)
			if !sf.IsExported() || skip[sf.Name] {
				continue
			}
			v1, v2 := sample(sf.Type, 1), sample(sf.Type, 2)
			if sf.Name == "URL" { // shown only when it is an http(s) URL
				v1, v2 = reflect.ValueOf("https://example.com/1"), reflect.ValueOf("https://example.com/2")
			}
			fs = append(fs, viewField{name: sf.Name, value: v1.Interface(), other: v2.Interface(), set: func(e *Entry, v any) {
				get(e).Field(i).Set(reflect.ValueOf(v))
			}})
		}
	}
	add(reflect.TypeFor[Entry](), func(e *Entry) reflect.Value { return reflect.ValueOf(e).Elem() }, map[string]bool{"Briefing": true})
	add(reflect.TypeFor[briefing.Briefing](), func(e *Entry) reflect.Value { return reflect.ValueOf(e.Briefing).Elem() }, nil)
	return fs
}

// sample is a value of type t, different for each n.
func sample(t reflect.Type, n int) reflect.Value {
	v := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.String:
		v.SetString("v" + string(rune('0'+n)))
	case reflect.Int:
		v.SetInt(int64(n))
	case reflect.Float64:
		v.SetFloat(float64(n) / 3)
	case reflect.Bool:
		v.SetBool(n == 1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(t, n, n))
		for i := range n {
			v.Index(i).Set(sample(t.Elem(), n+i))
		}
	case reflect.Pointer:
		v.Set(reflect.New(t.Elem()))
		v.Elem().Set(sample(t.Elem(), n))
	case reflect.Struct:
		if t == timeType {
			v.Set(reflect.ValueOf(time.Date(2020, 1, n, 0, 0, 0, 0, time.UTC)))
			break
		}
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				v.Field(i).Set(sample(t.Field(i).Type, n+i))
			}
		}
	default:
		panic("sample: no value for " + t.String())
	}
	return v
}

// BenchmarkUsesDefaults: the check every build makes, on templates held
// in memory as the embedded ones are.
func BenchmarkUsesDefaults(b *testing.B) {
	mem := fstest.MapFS{}
	fs.WalkDir(os.DirFS("../../templates"), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(os.DirFS("../../templates"), p)
			mem[p] = &fstest.MapFile{Data: data}
		}
		return nil
	})
	tmpl := Overlay{Base: mem}
	srcs, _, _ := readTemplates(tmpl)
	sum := listSum(srcs)
	for b.Loop() {
		usesDefaults(tmpl, sum)
	}
}

// TestUsesDefaults: a site's own templates keep the list pages' view keys
// (see listKinds) only when the list pages render through the defaults.
func TestUsesDefaults(t *testing.T) {
	defaults := os.DirFS("../../templates")
	own := func(name, text string) fs.FS {
		return Overlay{Top: fstest.MapFS{name: {Data: []byte(text)}}, Base: defaults}
	}
	card, _ := fs.ReadFile(defaults, "partials/card.html")
	for _, c := range []struct {
		name string
		tmpl fs.FS
		view bool
	}{
		{"the defaults", Overlay{Base: defaults}, true},
		{"a 404 page of its own", own("404.html", `{{define "main"}}gone{{end}}`), true},
		{"a briefing page of its own", own("briefing.html", `{{define "main"}}{{.Entry.Title}} {{.Entry.Related}}{{end}}`), true},
		{"a default file copied as it is", own("partials/card.html", string(card)), true},
		{"its own base.html", own("base.html", `{{template "main" .}}{{range .Entries}}{{.Related}}{{end}}`), false},
		{"its own card", own("partials/card.html", `{{.Title}} {{.Related}}`), false},
		{"a partial of its own", own("partials/extra.html", `{{define "card"}}{{.Related}}{{end}}`), false},
		{"its own actor page", own("actor.html", `{{define "main"}}{{range .Entries}}{{.Related}}{{end}}{{end}}`), false},
		{"its own home page", own("home.html", `{{define "main"}}{{range .Entries}}{{.Story}}{{end}}{{end}}`), false},
		{"no defaults under it", fstest.MapFS{"base.html": {}}, false},
	} {
		srcs, _, err := readTemplates(c.tmpl)
		got := err == nil && usesDefaults(c.tmpl, listSum(srcs))
		if c.name == "no defaults under it" {
			got = usesDefaults(c.tmpl, Digest{})
		}
		if got != c.view {
			t.Errorf("%s: view %v, want %v", c.name, got, c.view)
		}
	}
}

// TestTemplatesKept: a build takes over the last build's parsed
// templates only when their text and the configuration the template
// functions read are the same.
func TestTemplatesKept(t *testing.T) {
	defaults := os.DirFS("../../templates")
	cfg := func(base string) *Config {
		c := &Config{Title: "T", BaseURL: base, Language: "en", Location: time.UTC}
		if err := c.SetBaseURL(base); err != nil {
			t.Fatal(err)
		}
		return c
	}
	first, _, err := loadTemplates(defaults, cfg("https://a.example/"), nil)
	if err != nil {
		t.Fatal(err)
	}
	prev := &Model{tmpl: first}
	same := func(p parsedTemplates) bool { return p.ts["home"] == first.ts["home"] }
	edited := Overlay{Top: fstest.MapFS{"404.html": {Data: []byte(`{{define "main"}}gone{{end}}`)}}, Base: defaults}
	for _, c := range []struct {
		name string
		fsys fs.FS
		cfg  *Config
		kept bool
	}{
		{"same text and configuration", defaults, cfg("https://a.example/"), true},
		{"another base URL (rel and abs read it)", defaults, cfg("https://b.example/sub/"), false},
		{"a template edited", edited, cfg("https://a.example/"), false},
	} {
		got, _, err := loadTemplates(c.fsys, c.cfg, prev)
		if err != nil {
			t.Fatal(err)
		}
		if same(got) != c.kept {
			t.Errorf("%s: kept %v, want %v", c.name, same(got), c.kept)
		}
	}
	// What a kept set renders is what a fresh one does (the functions
	// read a configuration equal to this build's).
	got, _, _ := loadTemplates(defaults, cfg("https://a.example/"), prev)
	fresh, _, _ := loadTemplates(defaults, cfg("https://a.example/"), nil)
	var a, b bytes.Buffer
	p := &Page{Kind: "404", Title: "Not found", Path: "/404.html", Site: cfg("https://a.example/")}
	if err := got.ts["404"].ExecuteTemplate(&a, "base.html", p); err != nil {
		t.Fatal(err)
	}
	if err := fresh.ts["404"].ExecuteTemplate(&b, "base.html", p); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) || a.Len() == 0 {
		t.Errorf("kept templates render %d bytes, fresh ones %d, not the same", a.Len(), b.Len())
	}
}
