package hostile

import "strings"

// hostileConfig is a site.toml whose every text field tries to break out.
const hostileConfig = `title = "</title><script>alert('site')</script> & <b>Co</b>"
description = "\"><script>alert('desc')</script> {{ .Site }} javascript:alert(1)"
copyright = "<a href=\"javascript:alert(1)\">©</a> ]]> &amp; &#0;"
language = "en\" onload=\"alert(1)"
pageSize = 3
[feed]
fullContent = true
[params]
x = "<script>alert('param')</script>"
`

var longWord = strings.Repeat("a", 100_000)

// hostileArticles are article files (path under the site → content) that
// must all build, and be shown as text.
var hostileArticles = map[string]string{
	"content/articles/2021-07-01-script.txt": "date 2021-07-01\ntitle <script>alert('t')</script> & co </title>\nsource <script>alert('src')</script>\nurl javascript:alert('url')\ntags <script>, \"><b>x</b>, javascript:alert(1)\n\n" +
		"The page said <script>alert(1)</script> and <SCRIPT SRC=//x.example/x.js></SCRIPT> loudly on Monday.\n\n" +
		"Officials showed <img src=x onerror=alert(1)> and <svg/onload=alert(1)> and <iframe src=\"javascript:alert(1)\"></iframe> to reporters.\n\n" +
		"A closing </title><script>alert(2)</script> and </textarea><script>alert(3)</script> were seen, with <!-- a comment --> and <![CDATA[ x ]]> and ]]> too.\n\n" +
		"<style>body{display:none}</style> was written at the end, and <meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"> as well.\n",

	"content/articles/2021-07-02-links.txt": "date 2021-07-02\ntitle Links that run code\n\n" +
		"Click [here](javascript:alert(1)) or [there](JaVaScRiPt:alert(1)) or [tab](java&#x09;script:alert(1)) or [entity](&#106;avascript:alert(1)) now, the minister said on Tuesday.\n\n" +
		"An autolink <javascript:alert(1)> and an image ![i](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=) and [vb](vbscript:msgbox(1)) followed.\n\n" +
		"A reference [ref][evil] and [evil] and [x][] appeared.\n\n[evil]: javascript:alert(1) \"title\"\n[x]: <javascript:alert(1)>\n\n" +
		"Bare javascript:alert(1) and www.example.com/\"onmouseover=\"alert(1) and https://example.com/<script> and mailto:a@b.c?x=\"<b> were typed.\n\n" +
		"A title [a](https://example.com \"t\\\" onmouseover=\\\"alert(1)\") and <a href=\"javascript:alert(1)\">raw</a> closed it.\n",

	"content/articles/2021-07-03-entities.txt": "date 2021-07-03\ntitle Entities &amp; escapes &lt;b&gt;\n\n" +
		"The text held &lt;script&gt;alert(1)&lt;/script&gt; and &amp;lt;b&amp;gt; and &#60;script&#62; and &#x3C;img&#x3E; on Wednesday.\n\n" +
		"It also held &nbsp; and &unknown; and &#0; and &#xD800; and &#1114112; and & && &; &#; &#x; alone.\n",

	"content/articles/2021-07-04-markdown.txt": "date 2021-07-04\ntitle Markdown injection\n\n" +
		"<div>\n<script>alert('block')</script>\n</div>\n\n" +
		"<details open ontoggle=alert(1)>summary</details>\n\n" +
		"# A heading in the body\n\n---\n\nSetext heading\n===\n\n| table | x |\n|---|---|\n| <b>a</b> | b |\n\n" +
		"* [ ] a task\n* [x] done <script>\n\n1. one\n2) two\n\n> quoted <script>alert(1)</script>\n\n" +
		"A footnote[^1] here.\n\n[^1]: <script>alert('fn')</script>\n\n" +
		"{#s99} a fake anchor and {#s0} a duplicate and {#s1} and {#sx} and {#s12345678901234567890} here.\n\n" +
		"`code <script>alert(1)</script>` and ***bold*** and ~~struck~~ and __under__ and \\*escaped\\* on Thursday.\n\n" +
		"```html\n<script>alert('fence')</script>\n```\n\n    <script>alert('indented')</script>\n\n" +
		"Term\n: <script>definition</script>\n\n" +
		"A line ending in two spaces  \nand a backslash\\\nbreak.\n",

	"content/articles/2021-07-05-templates.txt": "date 2021-07-05\ntitle {{ .Site.Title }} {{template \"base.html\" .}}\n\n" +
		"The template {{ .Site.Params }} and {{template \"base.html\" .}} and {{define \"main\"}}x{{end}} were written on Friday.\n\n" +
		"Also {{ printf \"%s\" \"<script>\" }} and {{/* comment */}} and [[ x ]] and ${7*7} and <%= 7*7 %> and #{7*7}.\n",

	"content/articles/2021-07-06-frontmatter.txt": "date 2021-07-06\ntitle Delimiters in the body\n\n" +
		"+++\ntitle = \"<script>alert('fm')</script>\"\ndraft = true\n+++\n\n" +
		"---\ntitle: <script>\nlayout: evil\n---\n\n" +
		"The delimiters above were in the body of the article, officials said on Saturday.\n\n+++\n",

	"content/articles/2021-07-07-toml.md": "+++\ntitle = \"TOML <script>alert('title')</script> \\\"quoted\\\"\"\ndate = 2021-07-07\nsource = \"<b>Source</b>\"\nurl = \"javascript:alert('url')\"\nlicense = \"<i>CC</i> javascript:x\"\ntags = [\"<script>\", \"javascript:alert(1)\", \"a\\\"b\", \"../../etc\", \"ÿ\", \"{{ . }}\"]\n+++\n\n" +
		"+++\ntitle = \"second front matter\"\n+++\n\nThe body of a front-matter article holds +++ lines, said a spokesman on Sunday.\n",

	"content/articles/2021-07-08-unicode.txt": "date 2021-07-08\ntitle Bidi \u202egnp.exe\u202c and zero\u200bwidth\n\n" +
		"Right-to-left override \u202eevil\u202c and isolates \u2066a\u2069 \u2067b\u2069 \u2068c\u2069 and marks \u200e\u200f were seen on Monday.\n\n" +
		"Zero-width space\u200bjoiner\u200dnon-joiner\u200c and a BOM \ufeff mid-text and line\u2028separator and para\u2029separator and NEL\u0085here.\n\n" +
		"Controls \x01 \x0b \x1b \x7f and combining e\u0301\u0301\u0301 and emoji 👩\u200d👩\u200d👧 and ﷽ and 𝕏 closed it.\n",

	"content/articles/2021-07-09-long.txt": "date 2021-07-09\ntitle A 100,000-character word\n\n" +
		"The word " + longWord + " was said on Tuesday.\n\n" +
		longWord + "\n\n" +
		strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + " and " + strings.Repeat("*", 5000) + " and " + strings.Repeat("<", 5000) + " and " + strings.Repeat("&", 5000) + ".\n\n" +
		strings.Repeat("> ", 500) + "deep quote.\n\n" + strings.Repeat("    ", 200) + "indented.\n",

	"content/articles/2021-07-10-long-title.txt": "date 2021-07-10\n" + longWord + "\n\nA body follows the 100,000-character title line, officials said on Wednesday.\n",

	"content/articles/2021-07-11-\"onmouseover=alert(1) <b>.txt": "date 2021-07-11\n\nA hostile file name holds quotes and angle brackets, a reporter said on Thursday.\n",

	"content/articles/2021-07-12-..%2f..%2fetc%2fpasswd.txt": "date 2021-07-12\n\nA file name with encoded traversal was read on Friday.\n",

	"content/articles/2021-07-13-crlf.txt": "date 2021-07-13\r\ntitle CRLF <script>\r\n\r\nWindows line ends\r\nand a lone\rcarriage return <b>here</b> on Saturday.\r\n",
}

// badArticles must each be reported as an error, the rest still built.
var badArticles = map[string]string{
	"content/articles/2021-08-01-invalid-utf8.txt": "date 2021-08-01\n\nBad bytes \xff\xfe here.\n",
	"content/articles/2021-08-02-nul.txt":          "date 2021-08-02\n\nA NUL \x00 byte.\n",
	"content/articles/2021-08-03-empty.txt":        "",
	"content/articles/2021-08-04-binary.txt":       "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
	"content/articles/no-date.txt":                 "Just text without any date at all.\n",
}

// hostileBriefing is a briefing an analyst wrote by hand (no generated
// hash), so brief keeps it and publishes it as it is: the Markdown it
// holds is trusted more than article text but must still never run.
const hostileBriefing = `+++
title = "Hand <script>alert('hb')</script>"
date = "2021-07-20"
slug = "hand-written"
source = "content/articles/gone.txt"
source_hash = "x"
url = "javascript:alert('hb-url')"
credit = "<script>alert('credit')</script>"
license = "<img src=x onerror=alert(1)>"
tags = ["<script>", "javascript:alert(1)"]

[[summary]]
text = "<script>alert('summary')</script> & <b>bold</b>"
sentence = 0

[[actors]]
name = "<script>alert('actor')</script>"
kind = "person\" onmouseover=\"x"
role = "<b>role</b>"
salience = 1.0
mentions = 1
sentence = 0

[[timeline]]
value = "2021-07-20\"><script>"
display = "<script>alert('display')</script>"
text = "<b>event</b>"
sentence = 0

[[quotes]]
speaker = "<script>"
text = "</blockquote><script>alert('q')</script>"
sentence = 0
+++

## Bottom line

[click](javascript:alert(1)) [Click](JAVASCRIPT:alert(1)) [tab](java	script:alert(1)) [nl](java
script:alert(1)) [ent](&#106;avascript:alert(1)) [pct](javascript%3Aalert(1))
![img](javascript:alert(1)) ![svg](data:image/svg+xml,<svg/onload=alert(1)>) [d](data:text/html,<script>alert(1)</script>)
<a href="javascript:alert(1)">raw link</a> <script>alert('raw')</script> <img src=x onerror=alert(1)>

<div onclick="alert(1)">raw block</div>

[ref] and [Ref2]

[ref]: javascript:alert(1)
[Ref2]: vbscript:msgbox(1)

{#s0} A sentence <b>with</b> markup {#s1} and another.
`
