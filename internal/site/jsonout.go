package site

import (
	"encoding/json"
	"strings"
)

// briefingData is /briefings/<slug>/index.json: the briefing's analysis for
// other tools.
type briefingData struct {
	Title    string   `json:"title"`
	Date     string   `json:"date"`
	URL      string   `json:"url"`
	Markdown string   `json:"markdown"`
	Source   string   `json:"source"`
	Original string   `json:"original,omitempty"`
	Credit   string   `json:"credit,omitempty"`
	License  string   `json:"license,omitempty"`
	Tags     []string `json:"tags"`
	Summary  []any    `json:"summary"`
	Actors   []any    `json:"actors"`
	Timeline []any    `json:"timeline"`
	Quotes   []any    `json:"quotes"`
	Figures  []any    `json:"figures"`
}

func list[T any](xs []T) []any {
	out := make([]any, 0, len(xs))
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func (b *builder) briefingJSON(e *Entry) error {
	return b.file(strings.TrimPrefix(e.Path, "/")+"index.json", func() ([]byte, error) { return b.briefingData(e) }, e)
}

func (b *builder) briefingData(e *Entry) ([]byte, error) {
	tags := e.Tags
	if tags == nil {
		tags = []string{}
	}
	d := briefingData{Title: e.Title, Date: e.Date, URL: b.cfg.absURL(e.Path), Markdown: b.cfg.absURL(e.MarkdownPath),
		Source: e.Source, Original: e.URL, Credit: e.Credit, License: e.License, Tags: tags,
		Summary: list(e.Summary), Actors: list(e.Briefing.Actors), Timeline: list(e.Timeline), Quotes: list(e.Quotes), Figures: list(e.Figures)}
	return encodeJSON(d)
}

// jsonFeed writes /feed.json (JSON Feed 1.1).
func (b *builder) jsonFeed(entries []*Entry) error {
	entries = entries[:min(len(entries), b.cfg.Feed.Items)]
	return b.file("feed.json", func() ([]byte, error) { return b.jsonFeedData(entries) }, b.feedEntries(entries))
}

func (b *builder) jsonFeedData(entries []*Entry) ([]byte, error) {
	type item struct {
		ID            string   `json:"id"`
		URL           string   `json:"url"`
		Title         string   `json:"title"`
		Summary       string   `json:"summary"`
		ContentHTML   string   `json:"content_html,omitempty"`
		DatePublished string   `json:"date_published"`
		Tags          []string `json:"tags,omitempty"`
		ExternalURL   string   `json:"external_url,omitempty"`
	}
	feed := struct {
		Version     string `json:"version"`
		Title       string `json:"title"`
		HomePage    string `json:"home_page_url"`
		FeedURL     string `json:"feed_url"`
		Description string `json:"description,omitempty"`
		Language    string `json:"language"`
		Items       []item `json:"items"`
	}{"https://jsonfeed.org/version/1.1", b.cfg.Title, b.cfg.absURL("/"), b.cfg.absURL("/feed.json"), b.cfg.Description, b.cfg.Language, []item{}}
	for _, e := range entries {
		it := item{ID: b.cfg.absURL(e.Path), URL: b.cfg.absURL(e.Path), Title: e.Title, Summary: e.Lead,
			DatePublished: e.Time.Format("2006-01-02T15:04:05Z07:00"), Tags: e.Tags, ExternalURL: safeHTTP(e.URL)}
		if b.cfg.Feed.FullContent {
			html, err := e.Content()
			if err != nil {
				return nil, err
			}
			it.ContentHTML = string(html)
		}
		feed.Items = append(feed.Items, it)
	}
	return encodeJSON(feed)
}

func safeHTTP(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return ""
}

func encodeJSON(v any) ([]byte, error) {
	data, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}
