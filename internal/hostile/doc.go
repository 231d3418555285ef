// Package hostile holds no code: its tests build a whole site made of
// hostile articles (script tags, javascript: links, entities, Markdown and
// template injection, front matter delimiters in bodies, bidi and
// zero-width characters, 100,000-character words, bad files) through
// build.Build, then parse every file written — HTML with a strict
// tokenizer-level checker, XML with encoding/xml, JSON with encoding/json,
// briefing Markdown with briefing.Parse — and fail on anything that is not
// well-formed or lets article text act as markup or script.
//
//	go test ./internal/hostile/
package hostile
