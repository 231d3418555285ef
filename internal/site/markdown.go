package site

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns the goldmark instance every page is rendered with:
// GFM (tables, strikethrough, linkify, task lists), footnotes, typographer,
// definition lists, heading IDs that keep non-ASCII letters, and the
// `{#sN}` sentence anchors of briefings. Raw HTML is never rendered
// (goldmark's default); renderMarkdown reports it. A goldmark.Markdown is
// safe for concurrent use.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer, extension.DefinitionList, sentenceAnchors{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(html.WithXHTML()),
	)
}

// renderMarkdown converts body to HTML. bodyLine is the file line on which
// body starts; warnings name file:line for each raw HTML element dropped.
func renderMarkdown(md goldmark.Markdown, file string, bodyLine int, body []byte) ([]byte, []string, error) {
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]bool{}}))
	doc := md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
	var warnings []string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		off := -1
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				off = n.Lines().At(0).Start
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				off = n.Segments.At(0).Start
			}
		}
		if off >= 0 {
			line := bodyLine + bytes.Count(body[:off], []byte("\n"))
			w := fmt.Sprintf("%s:%d: raw HTML is not rendered; write Markdown instead", file, line)
			if len(warnings) == 0 || warnings[len(warnings)-1] != w {
				warnings = append(warnings, w)
			}
		}
		return ast.WalkContinue, nil
	})
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, body, doc); err != nil {
		return nil, warnings, fmt.Errorf("%s: rendering Markdown: %w", file, err)
	}
	return out.Bytes(), warnings, nil
}

// headingIDs makes heading IDs that keep letters of every script:
// lower-cased letters and digits, other runs become '-', duplicates get -1, -2.
type headingIDs struct{ seen map[string]bool }

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b []byte
	dash := false
	for len(value) > 0 {
		r, w := utf8.DecodeRune(value)
		value = value[w:]
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if dash && len(b) > 0 {
				b = append(b, '-')
			}
			dash = false
			b = utf8.AppendRune(b, unicode.ToLower(r))
		} else {
			dash = true
		}
	}
	if len(b) == 0 {
		b = []byte("section")
	}
	id := string(b)
	for i := 1; h.seen[id]; i++ {
		id = string(b) + "-" + strconv.Itoa(i)
	}
	h.seen[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }

// sentenceAnchors is the `{#sN}` extension: the marker opens source
// sentence N, which runs to the next marker or the end of its paragraph,
// and renders as <span class="sent" id="sN">…</span>.
type sentenceAnchors struct{}

var kindSentence = ast.NewNodeKind("Sentence")

// sentenceNode is a source sentence; its children are the sentence's inlines.
type sentenceNode struct {
	ast.BaseInline
	N int
}

func (n *sentenceNode) Kind() ast.NodeKind { return kindSentence }
func (n *sentenceNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"N": strconv.Itoa(n.N)}, nil)
}

func (sentenceAnchors) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(anchorParser{}, 50)),
		parser.WithASTTransformers(util.Prioritized(anchorGrouper{}, 50)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(anchorRenderer{}, 50)))
}

type anchorParser struct{}

func (anchorParser) Trigger() []byte { return []byte{'{'} }

func (anchorParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 5 || line[1] != '#' || line[2] != 's' {
		return nil
	}
	i := 3
	for i < len(line) && i < 12 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i == 3 || i >= len(line) || line[i] != '}' {
		return nil
	}
	n, _ := strconv.Atoi(string(line[3:i]))
	block.Advance(i + 1)
	// Drop the space after the marker.
	if l, _ := block.PeekLine(); len(l) > 0 && l[0] == ' ' {
		block.Advance(1)
	}
	return &sentenceNode{N: n}
}

// anchorGrouper moves the inlines after each marker into its node.
type anchorGrouper struct{}

func (anchorGrouper) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var paras []ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindParagraph || n.Kind() == ast.KindTextBlock) {
			paras = append(paras, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		var cur *sentenceNode
		for c := p.FirstChild(); c != nil; {
			next := c.NextSibling()
			if s, ok := c.(*sentenceNode); ok {
				cur = s
			} else if cur != nil {
				p.RemoveChild(p, c)
				cur.AppendChild(cur, c)
			}
			c = next
		}
	}
}

type anchorRenderer struct{}

func (anchorRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindSentence, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			fmt.Fprintf(w, `<span class="sent" id="s%d">`, n.(*sentenceNode).N)
		} else {
			w.WriteString("</span> ")
		}
		return ast.WalkContinue, nil
	})
}
