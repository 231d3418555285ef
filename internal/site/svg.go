package site

import (
	"fmt"
	"html"
	"html/template"
	"strings"
	"time"

	"brief/internal/briefing"
)

// timelineSVG draws a briefing's timeline as a compact inline SVG: one dot
// per distinct date in order, evenly spaced (the order matters to a reader
// more than the scale, which spans years and hours at once), labels
// alternating above and below, the article's own date as a ring. It returns
// "" when there are fewer than two dates.
func timelineSVG(b *briefing.Briefing) template.HTML {
	type stop struct {
		label   string
		value   string
		article bool
	}
	var stops []stop
	add := func(st stop) {
		st.label = shortLabel(st.label)
		if n := len(stops); n > 0 && stops[n-1].label == st.label {
			stops[n-1].article = stops[n-1].article || st.article
			return
		}
		stops = append(stops, st)
	}
	articleDone := false
	for _, e := range b.Timeline {
		if !articleDone && e.Value > b.Date && !strings.HasPrefix(e.Value, b.Date) {
			add(stop{label: articleLabel(b.Date), value: b.Date, article: true})
			articleDone = true
		}
		add(stop{label: e.Display, value: e.Value, article: strings.HasPrefix(e.Value, b.Date)})
	}
	if !articleDone && len(b.Timeline) > 0 {
		add(stop{label: articleLabel(b.Date), value: b.Date, article: true})
	}
	if len(stops) < 2 || len(stops) > 24 {
		return ""
	}
	const w, h, pad = 640, 120, 40
	step := float64(w-2*pad) / float64(len(stops)-1)
	var s strings.Builder
	fmt.Fprintf(&s, `<svg class="timeline-svg" viewBox="0 0 %d %d" role="img" aria-labelledby="tl-title"><title id="tl-title">Timeline: %d dates from %s to %s</title>`,
		w, h, len(stops), html.EscapeString(stops[0].label), html.EscapeString(stops[len(stops)-1].label))
	fmt.Fprintf(&s, `<line x1="%d" y1="60" x2="%d" y2="60" class="axis"/>`, pad, w-pad)
	for i, st := range stops {
		x := float64(pad) + step*float64(i)
		cls := "dot"
		if st.article {
			cls = "dot article"
		}
		fmt.Fprintf(&s, `<circle cx="%.1f" cy="60" r="6" class="%s"/>`, x, cls)
		y, anchor := 38, "middle"
		if i%2 == 1 {
			y = 92
		}
		if i == 0 {
			anchor = "start"
		} else if i == len(stops)-1 {
			anchor = "end"
		}
		fmt.Fprintf(&s, `<text x="%.1f" y="%d" text-anchor="%s">%s</text>`, x, y, anchor, html.EscapeString(st.label))
	}
	s.WriteString(`</svg>`)
	return template.HTML(s.String())
}

// articleLabel shows a YYYY-MM-DD date as "28 Jun 2021".
func articleLabel(date string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	return t.Format("2 Jan 2006")
}

// shortLabel drops the weekday and time of day from a display date.
func shortLabel(s string) string {
	if i := strings.Index(s, ", "); i > 0 {
		s = s[:i]
	}
	if len(s) > 4 && s[3] == ' ' && strings.Contains("Mon Tue Wed Thu Fri Sat Sun", s[:3]) {
		s = s[4:]
	}
	return s
}
