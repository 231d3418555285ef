package build

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestLaterPagesKeepOnEdit: an actor's later pages carry no counts, so an
// edit that changes an actor's mentions, but not which briefings a page
// lists, leaves those pages byte for byte as they were, while the first
// page shows the new count. (A story's later pages are made the same way;
// a story of more than a page needs a site of thousands of briefings.)
func TestLaterPagesKeepOnEdit(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 55 articles")
	}
	dir := t.TempDir()
	write(t, dir, "site.toml", "title = \"Pages\"\n")
	for i := range 55 {
		day := fmt.Sprintf("2021-%02d-%02d", 1+i/28, 1+i%28)
		write(t, dir, fmt.Sprintf("content/articles/%s-order-%d.txt", day, i), fmt.Sprintf(
			"date %s\ntitle Boeing wins order %d\n\nBoeing said on Monday that Lufthansa had ordered %d jets. Lufthansa chief executive Carsten Spohr said the jets would replace older Airbus models.\n", day, i, 10+i))
	}
	build1(t, dir, nil)
	pages := []string{"public/actors/boeing/index.html", "public/actors/boeing/page/2/index.html"}
	before := map[string]string{}
	for _, p := range pages {
		before[p] = read(t, dir, p)
	}
	newest := filepath.Join(dir, "content/articles/2021-02-27-order-54.txt")
	b, _ := os.ReadFile(newest)
	write(t, dir, "content/articles/2021-02-27-order-54.txt", string(b)+"\nBoeing also said that Boeing would hire more staff, and Airbus said Boeing was wrong.\n")
	build1(t, dir, nil)
	if read(t, dir, pages[0]) == before[pages[0]] {
		t.Errorf("%s is unchanged: its mentions should be counted again", pages[0])
	}
	for _, p := range pages[1:] {
		if read(t, dir, p) != before[p] {
			t.Errorf("%s changed, though it lists the same briefings", p)
		}
	}
}
