// Highlighting for the source pane: a small CodeMirror stream tokenizer for what Jekyll articles
// are made of (front matter, headings, emphasis, code, links, kramdown attribute lists, Liquid), instead of
// a Markdown language package that brings HTML, JavaScript and CSS with it. It only colours: what
// the text means is the renderer's business (src/kramdown/).
import { StreamLanguage, HighlightStyle, tags } from "../../pkg/vendor/codemirror.js";

const FENCE = /^(`{3,}|~{3,})/;
const LIST = /^\s*(?:[*+-]|\d+\.)(?=\s)/;

function startState() {
  return { line: 0, frontMatter: false, fence: null, target: false };
}

function copyState(state) {
  return { ...state };
}

/** A line-level construct at the start of a line, or null to go on with spans. */
function lineStart(stream, state) {
  state.line += 1;
  if (state.line === 1 && stream.match(/^---\s*$/)) {
    state.frontMatter = true;
    return "meta";
  }
  if (state.frontMatter) {
    if (stream.match(/^(---|\.\.\.)\s*$/)) {
      state.frontMatter = false;
      return "meta";
    }
    return null;
  }
  if (state.fence) {
    const close = stream.match(FENCE, false);
    if (close && close[1][0] === state.fence[0] && close[1].length >= state.fence.length) state.fence = null;
    stream.skipToEnd();
    return "monospace";
  }
  const open = stream.match(FENCE);
  if (open) {
    state.fence = open[1];
    stream.skipToEnd();
    return "monospace";
  }
  if (stream.match(/^#{1,6}(?=\s|$)/)) {
    stream.skipToEnd();
    return "heading";
  }
  if (stream.match(/^\{:{1,2}.*\}\s*$/)) return "meta";           // block attribute list, ALD, extension
  if (stream.match(/^ {0,3}\[[^\]]+\]:/)) {                        // link definition
    stream.skipToEnd();
    return "url";
  }
  if (stream.match(/^ {0,3}\*\[[^\]]+\]:/)) return "meta";        // abbreviation
  if (stream.match(/^(?:[=-]{3,}|(?:\* *){3,})\s*$/)) return "contentSeparator";
  if (stream.match(/^ {0,3}>/)) return "quote";
  if (stream.match(LIST)) return "list";
  return null;
}

/** Front matter lines: keys, values, comments. */
function frontMatterToken(stream) {
  if (stream.sol() && stream.match(/^\s*-?\s*[\w.-]+(?=:(\s|$))/)) return "propertyName";
  if (stream.match(/^\s*#.*/)) return "comment";
  stream.skipToEnd();
  return "string";
}

function span(stream, state) {
  if (state.target) {
    state.target = false;
    if (stream.match(/^\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/) || stream.match(/^\[[^\]]*\]/)) return "url";
  }
  if (stream.match(/^\\./)) return "escape";
  if (stream.match(/^(`+)[^]*?\1/) || stream.match(/^`+/)) return "monospace";
  if (stream.match(/^(\*\*|__)(?=\S)[^]*?\S\1/)) return "strong";
  if (stream.match(/^([*_])(?=[^\s*_])[^]*?[^\s\\]\1/)) return "emphasis";
  if (stream.match(/^!?\[[^\]]*\]/)) {
    state.target = stream.peek() === "(" || stream.peek() === "[";
    return "link";
  }
  // Liquid, which Jekyll runs before kramdown: an output or a tag, within the line.
  if (stream.match(/^\{\{[^]*?\}\}/) || stream.match(/^\{%[^]*?%\}/)) return "processingInstruction";
  if (stream.match(/^\{:?[^{}]*\}/)) return "meta";               // span attribute list
  if (stream.match(/^<\/?[A-Za-z][^>]*>/) || stream.match(/^<!--[^]*?-->/)) return "tagName";
  if (stream.match(/^\$\$[^]*?\$\$/)) return "monospace";
  if (!stream.match(/^[^\\`*_!\[({<$]+/)) stream.next();
  return null;
}

export const kramdown = StreamLanguage.define({
  name: "kramdown",
  startState,
  copyState,
  token(stream, state) {
    if (stream.sol()) {
      const style = lineStart(stream, state);
      if (style) return style;
    }
    if (state.frontMatter) return frontMatterToken(stream);
    if (state.fence) {
      stream.skipToEnd();
      return "monospace";
    }
    return span(stream, state);
  },
  blankLine(state) {
    state.line += 1;
  },
  languageData: { commentTokens: { block: { open: "<!--", close: "-->" } } },
});

/** Colours for the tokens above, on top of CodeMirror's default style. */
export const kramdownHighlight = HighlightStyle.define([
  { tag: tags.heading, fontWeight: "bold", color: "var(--source-heading)" },
  { tag: tags.strong, fontWeight: "bold" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.monospace, fontFamily: "ui-monospace, monospace", color: "var(--source-code)" },
  { tag: tags.link, color: "var(--source-link)" },
  { tag: tags.url, color: "var(--source-muted)" },
  { tag: [tags.meta, tags.contentSeparator, tags.list, tags.quote], color: "var(--source-meta)" },
  { tag: tags.tagName, color: "var(--source-tag)" },
  { tag: tags.processingInstruction, color: "var(--source-liquid)" },
  { tag: tags.propertyName, color: "var(--source-key)" },
  { tag: tags.string, color: "var(--source-value)" },
  { tag: [tags.comment, tags.escape], color: "var(--source-muted)" },
]);
