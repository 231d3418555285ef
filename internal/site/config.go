package site

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"strings"
	"time"

	"brief/internal/frontmatter"
)

// Config is site.toml. Every field is optional; the default is written on it.
// Unknown keys and values of the wrong type are errors naming the line.
type Config struct {
	Title       string            `toml:"title"`            // default "Briefings"
	Description string            `toml:"description"`      // the home page's description
	BaseURL     string            `toml:"baseURL"`          // absolute URL of the site, may have a path; default "/"
	Language    string            `toml:"language"`         // BCP 47; default "en"
	Timezone    string            `toml:"timezone"`         // IANA name dates are shown in; default "UTC"
	Output      string            `toml:"output"`           // output folder; default "public"
	PageSize    int               `toml:"pageSize"`         // briefings per home page; default 10
	Summary     int               `toml:"summarySentences"` // bottom-line sentences; default 3
	Copyright   string            `toml:"copyright"`        // footer text
	Feed        Feed              `toml:"feed"`
	Params      map[string]string `toml:"params"` // free theme parameters, .Site.Params in templates

	Location *time.Location `toml:"-"`
	base     string         // the path of BaseURL, set by SetBaseURL
}

// Feed configures the Atom feed.
type Feed struct {
	Items       int  `toml:"items"`       // entries; default 20
	FullContent bool `toml:"fullContent"` // whole briefing in each entry, not only the bottom line
}

// LoadConfig reads site.toml at path. A missing file gives the defaults.
func LoadConfig(path string) (*Config, error) {
	c := &Config{}
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	if err == nil {
		if err := frontmatter.Decode(path, data, 1, c); err != nil {
			return nil, err
		}
	}
	if err := c.defaults(path); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Config) defaults(path string) error {
	if c.Title == "" {
		c.Title = "Briefings"
	}
	if c.BaseURL == "" {
		c.BaseURL = "/"
	}
	if c.Language == "" {
		c.Language = "en"
	}
	if c.Timezone == "" {
		c.Timezone = "UTC"
	}
	if c.Output == "" {
		c.Output = "public"
	}
	if c.PageSize <= 0 {
		c.PageSize = 10
	}
	if c.Summary <= 0 {
		c.Summary = 3
	}
	if c.Feed.Items <= 0 {
		c.Feed.Items = 20
	}
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		return fmt.Errorf("%s: timezone %q is not a known IANA time zone", path, c.Timezone)
	}
	c.Location = loc
	return c.SetBaseURL(c.BaseURL)
}

// SetBaseURL checks and sets the base URL; it always ends in "/".
func (c *Config) SetBaseURL(s string) error {
	u, err := url.Parse(s)
	switch {
	case err != nil,
		u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https",
		u.Scheme != "" && u.Host == "",
		u.Scheme == "" && (u.Host != "" || !strings.HasPrefix(u.Path, "/")),
		u.RawQuery != "" || u.Fragment != "":
		return fmt.Errorf("baseURL %q must be an absolute http(s) URL (https://example.org/project/) or a path from / (/project/)", s)
	}
	// The path is cleaned: "//sub/" would make every link "//sub/...",
	// which a browser reads as another host (found by FuzzConfigSite).
	u.Path, u.RawPath = path.Clean("/"+u.Path), ""
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	c.BaseURL = u.String()
	c.base = u.Path
	return nil
}

// basePath is the path part of BaseURL, ending in "/": "/" or "/project/".
func (c *Config) basePath() string {
	if c.base == "" {
		return "/"
	}
	return c.base
}

// absURL returns the absolute URL of site path p ("/briefings/x/").
func (c *Config) absURL(p string) string {
	base := strings.TrimSuffix(c.BaseURL, "/")
	return base + p
}

// BasePath is the path of the site's base URL, ending in "/": "/" or "/project/".
func BasePath(c *Config) string { return c.basePath() }
