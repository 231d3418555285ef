package site

import (
	"strings"
)

// searchDoc is one entry of /search/index.json. Short keys keep the index
// small; the text is the start of the source, enough to find a phrase of
// the lead without shipping whole articles.
type searchDoc struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Date    string `json:"d"`
	Summary string `json:"s"`
	Actors  string `json:"a"`
	Text    string `json:"x"`
}

// SearchTextLimit is how much of each briefing's source text is indexed.
const SearchTextLimit = 1500

// search writes the search index and the search page.
func (b *builder) search(entries []*Entry) error {
	if err := b.file("search/index.json", func() ([]byte, error) { return b.searchIndex(entries) }, entries); err != nil {
		return err
	}
	return b.page(&Page{Kind: "search", Title: "Search", Path: "/search/", Description: "Search the briefings."})
}

func (b *builder) searchIndex(entries []*Entry) ([]byte, error) {
	docs := make([]searchDoc, 0, len(entries))
	for _, e := range entries {
		var names []string
		for _, a := range e.actors {
			names = append(names, a.Name)
		}
		docs = append(docs, searchDoc{Title: e.Title, URL: relURL(b.cfg, e.Path), Date: e.Date, Summary: e.Lead,
			Actors: strings.Join(names, "; "), Text: sourceText(e.Body, SearchTextLimit)})
	}
	return encodeJSON(docs)
}

// sourceText is the plain source text of a briefing body, up to limit bytes.
func sourceText(body string, limit int) string {
	i := strings.Index(body, "## Source text")
	if i < 0 {
		return ""
	}
	var b strings.Builder
	for _, line := range strings.Split(body[i:], "\n")[1:] {
		if strings.HasPrefix(line, "*Source:") || strings.HasPrefix(line, "## ") {
			continue
		}
		for _, f := range strings.Fields(line) {
			if strings.HasPrefix(f, "{#s") && strings.HasSuffix(f, "}") {
				continue
			}
			if b.Len()+len(f)+1 > limit {
				return b.String()
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.ReplaceAll(f, "\\", ""))
		}
	}
	return b.String()
}
