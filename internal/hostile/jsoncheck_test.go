package hostile

import (
	"encoding/json"
	"fmt"
	"strings"
)

// urlKeys are JSON keys whose string values readers use as links.
var urlKeys = map[string]bool{
	"u": true, "url": true, "href": true, "link": true, "id": true, "external_url": true,
	"home_page_url": true, "feed_url": true, "original": true, "image": true, "icon": true,
	"favicon": true, "banner_image": true, "avatar": true, "markdown": true,
}

// htmlKeys are JSON keys whose string values are HTML (JSON Feed).
var htmlKeys = map[string]bool{"content_html": true, "html": true}

// checkJSON decodes data and returns its structural problems and, apart,
// the script URLs it hands to readers as links.
func checkJSON(data []byte) (probs, scriptURLs []string) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return []string{"not valid JSON: " + err.Error()}, nil
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				key := strings.ToLower(k)
				if s, ok := x.(string); ok {
					if urlKeys[key] && scriptURL(s) {
						scriptURLs = append(scriptURLs, fmt.Sprintf("%s.%s = %q", path, k, s))
					}
					if htmlKeys[key] {
						for _, p := range checkHTML(s, true) {
							probs = append(probs, fmt.Sprintf("%s.%s: %s", path, k, p))
						}
					}
				}
				walk(path+"."+k, x)
			}
		case []any:
			for i, x := range v {
				walk(fmt.Sprintf("%s[%d]", path, i), x)
			}
		}
	}
	walk("", v)
	return probs, scriptURLs
}

// unsafeJS are ways a theme script could turn data into markup or code.
var unsafeJS = []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setTimeout(\"", "setTimeout('"}
