// The source pane: CodeMirror 6 with line numbers, undo, search, the problems in the gutter and
// kramdown highlighting, and what the shell needs from it: the text, lines and columns as
// positions, the line at the top of the pane, and scrolling to a line.
import {
  EditorView, EditorState, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  highlightSpecialChars, history, defaultKeymap, historyKeymap, searchKeymap, highlightSelectionMatches,
  syntaxHighlighting, defaultHighlightStyle, setDiagnostics, lintGutter, lintKeymap,
} from "../../pkg/vendor/codemirror.js";
import { kramdown, kramdownHighlight } from "./kramdown-mode.js";

/**
 * A source editor in `parent`. `onChange(changes)` follows each change of the text, with
 * CodeMirror's ChangeSet;
 * `keys` are extra key bindings (CodeMirror's `{ key, run }`), tried before the default ones.
 */
export function createSource(parent, { onChange, keys = [], label = "Article source" }) {
  const extensions = [
    lineNumbers(),
    highlightActiveLineGutter(),
    lintGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    kramdown,
    syntaxHighlighting(kramdownHighlight),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    EditorView.lineWrapping,
    // Tab is left to the browser, so keyboard users can leave the editor (no focus trap).
    keymap.of([...keys, ...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
    // tabindex: in the tab order as it is already (contenteditable), but said so, as checkers (axe's
    // scrollable-region-focusable) look for it to know the scrolled source can be reached.
    EditorView.contentAttributes.of({ id: "source", "aria-label": label, tabindex: "0", spellcheck: "false", autocorrect: "off", autocapitalize: "off" }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.changes);
    }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc: "", extensions }) });
  view.extensions = extensions;
  return view;
}

/**
 * CodeMirror's changes as `LivePreview.edit` takes them: `from, removed, inserted` for each, in
 * order, `from` being its offset in the text as edited so far.
 */
export function edits(changes) {
  const out = [];
  changes.iterChanges((fromA, toA, fromB, _toB, inserted) => out.push(fromB, toA - fromA, inserted.toString()));
  return out;
}

/** Replaces the text and starts a fresh undo history (another draft is another document). */
export function setText(view, text) {
  view.setState(EditorState.create({ doc: text, extensions: view.extensions }));
}

/**
 * The position of 1-based `line` and `column` (columns count Unicode characters, as Folio's
 * diagnostics do; CodeMirror counts UTF-16 units), clamped to the document.
 */
export function position(doc, line, column = 1) {
  const target = doc.line(Math.min(Math.max(1, line), doc.lines));
  let offset = 0;
  for (let c = 1; c < column && offset < target.length; c++) {
    offset += target.text.codePointAt(offset) > 0xffff ? 2 : 1;
  }
  return target.from + offset;
}

/** Folio's diagnostics in CodeMirror's gutter (those positioned in the article). */
export function showDiagnostics(view, diagnostics) {
  const { doc } = view.state;
  const marks = diagnostics.filter((d) => d.line > 0).map((d) => {
    const from = position(doc, d.line, d.column);
    return { from, to: Math.max(from, doc.lineAt(from).to), severity: d.severity, message: d.message, source: "Folio" };
  });
  view.dispatch(setDiagnostics(view.state, marks));
}

/** Puts the caret at `line`:`column` and shows it (`y`: where in the pane, as CodeMirror says it). */
export function moveCaret(view, line, column = 1, { y = "center", focus = true } = {}) {
  const at = position(view.state.doc, line, column);
  view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y }) });
  if (focus) view.focus();
}

/** The source line at the top edge of the pane, fractional (12.5: halfway down line 12). */
export function topLine(view) {
  const height = view.scrollDOM.getBoundingClientRect().top - view.documentTop;
  const block = view.lineBlockAtHeight(Math.max(0, height));
  const line = view.state.doc.lineAt(block.from).number;
  const into = block.height > 0 ? (height - block.top) / block.height : 0;
  return line + Math.min(Math.max(into, 0), 0.999);
}

/** Scrolls so that fractional `line` is at the top edge of the pane; returns the new scrollTop. */
export function scrollToLine(view, line) {
  const { doc } = view.state;
  const number = Math.min(Math.max(1, Math.floor(line)), doc.lines);
  const block = view.lineBlockAt(doc.line(number).from);
  const scroller = view.scrollDOM;
  const documentOffset = view.documentTop - scroller.getBoundingClientRect().top + scroller.scrollTop;
  scroller.scrollTop = documentOffset + block.top + (line - number) * block.height;
  return scroller.scrollTop;
}

/** Whether a scroller is scrolled to its end. */
export function atEnd(scroller) {
  return scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
}
