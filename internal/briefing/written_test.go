package briefing_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"brief/internal/analyze"
	"brief/internal/article"
	"brief/internal/briefing"
	"brief/internal/testcorpus"
)

// TestWritten checks, on every corpus article, that Written gives what
// parsing the written briefing gives.
func TestWritten(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testcorpus.Root(), "*", "*.txt"))
	if len(files) == 0 {
		t.Skip("shared corpus not present")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.Parse(filepath.Base(f), src)
		if err != nil {
			t.Fatal(err)
		}
		b := briefing.New(a, analyze.Run(a, analyze.Options{}), "slug", "content/articles/"+filepath.Base(f), "brief test")
		data, err := briefing.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		want, err := briefing.Parse("x.md", data)
		if err != nil {
			t.Fatal(err)
		}
		if got := briefing.Written(b, data); !reflect.DeepEqual(got, want) {
			gv, wv := reflect.ValueOf(*got), reflect.ValueOf(*want)
			for i := range gv.NumField() {
				if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
					t.Errorf("%s: %s differs:\n got %#v\nwant %#v", filepath.Base(f), gv.Type().Field(i).Name, gv.Field(i).Interface(), wv.Field(i).Interface())
				}
			}
		}
	}
}
