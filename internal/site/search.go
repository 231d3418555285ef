package site

import (
	"crypto/sha256"
	"encoding/json"
	"strconv"
	"strings"

	"brief/internal/binfmt"
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
const SearchTextLimit = 800

// SearchShard is about how many briefings one file of the search index
// holds: the index is /search/index.json, a list of shard files
// (/search/index-N.json), each the briefings whose slug hashes to it. An
// edit changes one shard, and the browser loads the shards in parallel.
const SearchShard = 500

// searchIndex is /search/index.json.
type searchIndex struct {
	Version int      `json:"version"`
	Count   int      `json:"count"`
	Shards  []string `json:"shards"` // URLs of the shards
}

// search writes the search index and the search page.
func (b *builder) search(entries []*Entry) error {
	n := 1
	for n*SearchShard < len(entries) {
		n *= 2
	}
	shards := make([][]*Entry, n)
	for _, e := range entries { // newest first, in each shard too
		if e.slugHash == 0 {
			e.slugHash = fnv32a(e.Slug)
		}
		k := int(e.slugHash % uint32(n))
		shards[k] = append(shards[k], e)
	}
	idx := searchIndex{Version: 2, Count: len(entries)}
	for k, part := range shards {
		name := "search/index-" + strconv.Itoa(k) + ".json"
		idx.Shards = append(idx.Shards, relURL(b.cfg, "/"+name))
		if err := b.file(name, func() ([]byte, error) { return b.searchShard(part) }, searchPart(part)); err != nil {
			return err
		}
	}
	data, err := encodeJSON(idx)
	if err != nil {
		return err
	}
	if err := b.file("search/index.json", func() ([]byte, error) { return data, nil }, data); err != nil {
		return err
	}
	return b.page(&Page{Kind: "search", Title: "Search", Path: "/search/", Description: "Search the briefings."})
}

// fnv32a is the 32-bit FNV-1a hash of s (hash/fnv's, without a hasher).
func fnv32a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

func (b *builder) searchShard(entries []*Entry) ([]byte, error) {
	data := []byte{'['}
	for i, e := range entries {
		if i > 0 {
			data = append(data, ',')
		}
		doc, err := b.searchDoc(e)
		if err != nil {
			return nil, err
		}
		data = append(data, doc...)
	}
	return append(data, ']', '\n'), nil
}

// searchDoc is the entry's document in the search index as JSON (what
// json.Marshal writes for it inside the shard's array), kept while its
// searchKey is the same: a shard made again for one edited briefing
// encodes that briefing only.
func (b *builder) searchDoc(e *Entry) ([]byte, error) {
	key := e.searchKey()
	if e.search.ok && e.search.of == key {
		return e.search.data, nil
	}
	var names []string
	for _, a := range e.actors {
		names = append(names, a.Name)
	}
	body, err := e.body()
	if err != nil {
		return nil, err
	}
	data, err := json.Marshal(searchDoc{Title: e.Title, URL: relURL(b.cfg, e.Path), Date: e.Date, Summary: e.Lead,
		Actors: strings.Join(names, "; "), Text: sourceText(body, SearchTextLimit)})
	if err == nil {
		e.search = searchMemo{data: data, of: key, ok: true}
	}
	return data, err
}

// searchMemo is an entry's search document and the searchKey it is of.
type searchMemo struct {
	data []byte
	of   Digest
	ok   bool
}

// searchPart is the entries of a search shard as the shard's digest sees
// them: each by its searchKey, not its whole digest. An edit that changes
// other briefings' related briefings or story (a story formed: 79 entries
// at 10k) changes their digests, not their documents, and so no longer
// makes 28 of the 32 shards again.
type searchPart []*Entry

// searchKey is the digest of what the entry's search document shows: its
// briefing file (title, date, lead, source text), its path and its
// actors' names; with the global digest (the site's address), the
// document. It is kept while the entry's digest, which covers all of
// these, is the same. Called on one core per entry (its shard's job).
func (e *Entry) searchKey() Digest {
	if e.skey.ok && e.dsum.ok && e.skey.of == e.dsum.sum {
		return e.skey.sum
	}
	b := make([]byte, 0, 64+len(e.Path)+16*len(e.actors))
	b = append(b, e.source[:]...)
	b = binfmt.AppendString(b, e.Path)
	b = binfmt.AppendUvarint(b, uint64(len(e.actors)))
	for _, a := range e.actors {
		b = binfmt.AppendString(b, a.Name)
	}
	sum := sha256.Sum256(b)
	var d Digest
	copy(d[:], sum[:])
	e.skey = keyMemo{sum: d, of: e.dsum.sum, ok: e.dsum.ok}
	return d
}

// keyMemo is a key kept with the entry digest it was made under.
type keyMemo struct {
	sum, of Digest
	ok      bool
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
