// The parts of CodeMirror 6 the editor uses, bundled by scripts/build.sh (esbuild) into
// pkg/vendor/codemirror.js, so the page loads one file and needs no bundler.
export {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, highlightSpecialChars,
} from "@codemirror/view";
export { EditorState, EditorSelection } from "@codemirror/state";
export { defaultKeymap, history, historyKeymap, indentWithTab, undo, redo } from "@codemirror/commands";
export { StreamLanguage, HighlightStyle, syntaxHighlighting, defaultHighlightStyle, foldGutter } from "@codemirror/language";
export { setDiagnostics, lintGutter, lintKeymap } from "@codemirror/lint";
export { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
export { tags } from "@lezer/highlight";
