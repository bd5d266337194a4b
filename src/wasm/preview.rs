//! The editor's live preview: renders the article with a source map and patches the page in
//! place. Only the header parts, body blocks and files section whose HTML changed are replaced
//! (`crate::preview::splice` over their content keys); the others stay the same nodes, so their
//! images do not reload and the scroll position, selection and focus stay put. It also maps
//! source lines to heights in the preview and back, for scroll sync and click-to-source.

use super::dom_sanitize::set_html;
use super::{js_error, to_js, Settings};
use crate::article::OutlineEntry;
use crate::diagnostic::Diagnostic;
use crate::edited_text::EditedText;
use crate::json::{Member, ToJson, Writer};
use crate::preview::{self, content_key, Extent, Lines};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlTemplateElement, Node, Performance};

/// Marks each top-level element of the body with its lines in the file.
const LINES_ATTRIBUTE: &str = "data-source-line";

/// A live preview of an article into an `<article>` element; see the module's documentation.
#[wasm_bindgen]
pub struct LivePreview {
    article: Element,
    /// The element that scrolls the preview (the article or one of its ancestors).
    scroller: Element,
    header: Element,
    body: Element,
    template: HtmlTemplateElement,
    settings: Settings,
    /// The text shown: `edit` changes it in place.
    source: EditedText,
    /// The last text rendered and its article, from which an edit inside one paragraph is
    /// rendered without the rest (`crate::incremental`); none after the options changed.
    last: Option<(String, crate::Article)>,
    header_parts: Vec<Piece>,
    blocks: Vec<Piece>,
    /// The attached files section: none or one piece, after the body.
    files: Vec<Piece>,
    /// The front matter's lines, which the page's header shows (none without a front matter).
    front_matter: Option<Lines>,
    /// What scroll sync maps through: the lines of each element that has some, in order.
    anchors: Vec<Lines>,
    anchor_elements: Vec<Anchor>,
    panels: Panels,
    shown: Shown,
    performance: Option<Performance>,
}

/// Top-level nodes of the page that came from one piece of HTML.
struct Piece {
    key: u64,
    lines: Lines,
    nodes: Vec<Node>,
    /// The first node, when it is an element.
    element: Option<Element>,
    /// Whether that element carries `data-source-line` (body blocks that start with a tag).
    marked: bool,
    /// The white space after the piece's content (the blank lines after a block), and the text
    /// node holding it when it is one of `nodes`.
    tail: String,
    tail_node: Option<Node>,
}

/// A piece of HTML to show.
struct Wanted<'a> {
    key: u64,
    lines: Lines,
    html: &'a str,
}

#[derive(Clone, Copy)]
enum Anchor {
    Header,
    Block(usize),
}

/// The editor's panels the preview fills, when given.
struct Panels {
    diagnostics: Option<Element>,
    outline: Option<Element>,
    stats: Option<Element>,
}

/// What the panels and the article show now, to touch them only when it changes (a live
/// region that is rewritten is read out again).
#[derive(Default)]
struct Shown {
    diagnostics: Option<Vec<Diagnostic>>,
    outline: Option<Vec<OutlineEntry>>,
    stats: String,
    lang: String,
}

/// What one update did, for the shell.
struct Update<'a> {
    /// Whether only the edited paragraph was rendered again (`crate::incremental`).
    incremental: bool,
    title: Option<&'a str>,
    lang: &'a str,
    word_count: usize,
    reading_minutes: usize,
    /// The body's top-level blocks.
    blocks: usize,
    /// Pieces (body blocks, header parts, files section) whose nodes were replaced or added.
    replaced_blocks: usize,
    /// Top-level nodes put into the page, and taken out.
    inserted_nodes: usize,
    removed_nodes: usize,
    /// Kept blocks whose `data-source-line` changed (a line added or removed above them).
    moved_blocks: usize,
    /// The diagnostics, only when they differ from the last update's.
    diagnostics: Option<&'a [Diagnostic]>,
    /// Milliseconds spent rendering (the core) and patching the page (the DOM).
    render_ms: f64,
    patch_ms: f64,
}

/// `PreviewUpdate` (below): camelCase keys, `diagnostics` only when given.
impl ToJson for Update<'_> {
    fn write_json(&self, json: &mut Writer) {
        let mut members: Vec<Member> = vec![
            ("incremental", &self.incremental),
            ("title", &self.title),
            ("lang", &self.lang),
            ("wordCount", &self.word_count),
            ("readingMinutes", &self.reading_minutes),
            ("blocks", &self.blocks),
            ("replacedBlocks", &self.replaced_blocks),
            ("insertedNodes", &self.inserted_nodes),
            ("removedNodes", &self.removed_nodes),
            ("movedBlocks", &self.moved_blocks),
        ];
        if let Some(diagnostics) = &self.diagnostics {
            members.push(("diagnostics", diagnostics));
        }
        members.extend_from_slice(&[("renderMs", &self.render_ms), ("patchMs", &self.patch_ms)]);
        json.object(&members);
    }
}

#[derive(Default)]
struct Count {
    replaced: usize,
    inserted: usize,
    removed: usize,
    moved: usize,
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Elements of the editor the live preview fills, each optional. */
export interface PreviewPanels {
  /** A list (`<ul>`): one item per problem, a button with `data-line` and `data-column`. */
  diagnostics?: Element;
  /** A list (`<ol>`): one item per heading, a button with `data-line`. */
  outline?: Element;
  /** Words and reading time, as text. */
  stats?: Element;
}

/** What `LivePreview.update` did. */
export interface PreviewUpdate {
  /** Only the edited paragraph was rendered again, the rest kept from the last render. */
  incremental: boolean;
  title: string | null;
  lang: string;
  wordCount: number;
  readingMinutes: number;
  /** The body's top-level blocks. */
  blocks: number;
  /** Pieces (body blocks, header parts, the files section) whose nodes were replaced or added. */
  replacedBlocks: number;
  /** Top-level nodes put into the page, and taken out. */
  insertedNodes: number;
  removedNodes: number;
  /** Kept blocks whose `data-source-line` changed (lines added or removed above them). */
  movedBlocks: number;
  /** Present when the diagnostics differ from the previous update's. */
  diagnostics?: Diagnostic[];
  /** Milliseconds rendering (the core) and patching the page (the DOM). */
  renderMs: number;
  patchMs: number;
}
"#;

#[wasm_bindgen]
impl LivePreview {
    /// A preview into `article` (emptied), scrolled by `scroller`. `options` are `render`'s
    /// (profile, file name, kramdown options, `safe`, off by default for a trusted author);
    /// the source map is always on.
    #[wasm_bindgen(constructor)]
    pub fn new(
        article: Element,
        scroller: Element,
        #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PreviewPanels | undefined")] panels: JsValue,
    ) -> Result<LivePreview, JsError> {
        let document = article.owner_document().ok_or_else(|| JsError::new("the article is not in a document"))?;
        let template: HtmlTemplateElement = create(&document, "template")?.unchecked_into();
        let header = create(&document, "header")?;
        let body = create(&document, "div")?;
        body.set_class_name("article-body");
        article.set_text_content(None);
        append(&article, &header)?;
        append(&article, &body)?;
        let panel = |name: &str| -> Option<Element> {
            let value = js_sys::Reflect::get(&panels, &name.into()).ok()?;
            value.dyn_into::<Element>().ok()
        };
        let panels = if panels.is_object() {
            Panels { diagnostics: panel("diagnostics"), outline: panel("outline"), stats: panel("stats") }
        } else {
            Panels { diagnostics: None, outline: None, stats: None }
        };
        Ok(LivePreview {
            performance: web_sys::window().and_then(|w| w.performance()),
            settings: Self::settings(options)?,
            source: EditedText::default(),
            last: None,
            article,
            scroller,
            header,
            body,
            template,
            header_parts: Vec::new(),
            blocks: Vec::new(),
            files: Vec::new(),
            front_matter: None,
            anchors: Vec::new(),
            anchor_elements: Vec::new(),
            panels,
            shown: Shown::default(),
        })
    }

    /// New render options (another profile, safe mode on or off); the next `update` uses them.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&mut self, #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue) -> Result<(), JsError> {
        self.settings = Self::settings(options)?;
        self.last = None;
        Ok(())
    }

    /// Renders `source` and patches the page where it changed.
    #[wasm_bindgen(unchecked_return_type = "PreviewUpdate")]
    pub fn update(&mut self, source: &js_sys::JsString) -> Result<JsValue, JsError> {
        self.source.set(&super::text::utf8_of(source));
        self.refresh()
    }

    /// Edits the text last shown, then renders and patches as `update` does. `edits` holds
    /// triples `from, removed, inserted` (UTF-16 offsets and lengths, each at its offset in the
    /// text as edited so far, as CodeMirror's `iterChanges` gives `fromB` and `toA - fromA`);
    /// `length` is the edited text's length. `undefined` when the edits do not fit this copy
    /// of the text or the result is not `length` long: then `update` with the whole text.
    #[wasm_bindgen(unchecked_return_type = "PreviewUpdate | undefined")]
    pub fn edit(&mut self, edits: js_sys::Array, length: u32) -> Result<JsValue, JsError> {
        let unit = |value: JsValue| value.as_f64().filter(|n| *n >= 0.0 && n.fract() == 0.0).map(|n| n as usize);
        for i in (0..edits.length()).step_by(3) {
            let (Some(from), Some(removed), Some(inserted)) = (unit(edits.get(i)), unit(edits.get(i + 1)), edits.get(i + 2).as_string()) else {
                return Err(JsError::new("edit: expected triples of from, removed, inserted"));
            };
            if self.source.splice(from, removed, &inserted).is_err() {
                return Ok(JsValue::UNDEFINED);
            }
        }
        if self.source.units() != length as usize {
            return Ok(JsValue::UNDEFINED);
        }
        self.refresh()
    }

    /// Renders the text kept and patches the page where it changed.
    fn refresh(&mut self) -> Result<JsValue, JsError> {
        // Kept as the last text rendered, for the next edit.
        let shown = self.source.as_str().to_owned();
        let source = shown.as_str();
        let started = self.now();
        let quick = self.last.as_ref().and_then(|(old, previous)| crate::incremental::rerender(previous, old, source, &self.settings.request()));
        let incremental = quick.is_some();
        let mut article = quick.unwrap_or_else(|| self.settings.render(source.to_owned()));
        Diagnostic::in_file_order(&mut article.diagnostics);
        let rendered = self.now();
        let mut count = Count::default();

        let header_html = crate::page::header_parts(&article);
        let wanted: Vec<Wanted> = header_html.iter().map(|html| Wanted { key: content_key(html.trim_end()), lines: Lines::default(), html }).collect();
        patch(&self.template, &self.header, true, &mut self.header_parts, &wanted, &mut count).map_err(js_error)?;

        let wanted: Vec<Wanted> = article
            .body_blocks
            .iter()
            .map(|b| Wanted { key: b.key, lines: Lines { start: b.start_line, end: b.end_line }, html: &b.html })
            .collect();
        patch(&self.template, &self.body, true, &mut self.blocks, &wanted, &mut count).map_err(js_error)?;

        let files_html = crate::page::files_html(&article);
        let wanted: Vec<Wanted> = if files_html.is_empty() {
            Vec::new()
        } else {
            vec![Wanted { key: content_key(files_html.trim_end()), lines: Lines::default(), html: &files_html }]
        };
        patch(&self.template, &self.article, false, &mut self.files, &wanted, &mut count).map_err(js_error)?;

        if self.shown.lang != article.lang {
            self.article.set_attribute("lang", &article.lang).map_err(js_error)?;
            self.shown.lang = article.lang.clone();
        }
        let body_line = crate::source_map::body_first_line(source);
        self.front_matter = (body_line > 1).then(|| Lines { start: 1, end: body_line - 1 });
        self.index_anchors();
        let diagnostics_changed = self.show_panels(&article).map_err(js_error)?;
        let patched = self.now();

        let update = to_js(&Update {
            incremental,
            title: article.jekyll.title.as_deref(),
            lang: &article.lang,
            word_count: article.word_count.unwrap_or_default(),
            reading_minutes: article.reading_minutes.unwrap_or_default(),
            blocks: self.blocks.len(),
            replaced_blocks: count.replaced,
            inserted_nodes: count.inserted,
            removed_nodes: count.removed,
            moved_blocks: count.moved,
            diagnostics: diagnostics_changed.then_some(&article.diagnostics[..]),
            render_ms: rendered - started,
            patch_ms: patched - rendered,
        });
        self.last = Some((shown, article));
        update
    }

    /// The `scrollTop` of the scroller that shows source line `line` (fractional: 12.5 is
    /// halfway down line 12) at its top edge; `undefined` with nothing shown.
    #[wasm_bindgen(js_name = scrollTopForLine)]
    pub fn scroll_top_for_line(&self, line: f64) -> Option<f64> {
        let origin = self.origin();
        preview::line_to_y(&self.anchors, line, |i| self.extent(i, origin))
    }

    /// The source line (fractional) shown at the top edge of the scroller.
    #[wasm_bindgen(js_name = lineAtScrollTop)]
    pub fn line_at_scroll_top(&self) -> Option<f64> {
        let origin = self.origin();
        let y = f64::from(self.scroller.scroll_top());
        preview::y_to_line(&self.anchors, y, |i| self.extent(i, origin))
    }

    /// The first source line of what `node` belongs to: its top-level block of the body, or the
    /// front matter for the page's header; `undefined` elsewhere (the files section, outside).
    #[wasm_bindgen(js_name = lineAt)]
    pub fn line_at(&self, node: &Node) -> Option<u32> {
        let body: &Node = self.body.as_ref();
        let header: &Node = self.header.as_ref();
        let mut node = node.clone();
        loop {
            let parent = node.parent_node()?;
            if &parent == header || &node == header {
                return self.front_matter.map(|lines| lines.start);
            }
            if &parent == body {
                break;
            }
            node = parent;
        }
        if let Some(lines) = node.dyn_ref::<Element>().and_then(|e| e.get_attribute(LINES_ATTRIBUTE)).and_then(|a| parse_lines(&a)) {
            return Some(lines.start);
        }
        self.blocks.iter().find(|p| p.nodes.iter().any(|n| n == &node)).map(|p| p.lines.start)
    }

    /// The element of the body's block holding source line `line`, if one does.
    #[wasm_bindgen(js_name = elementForLine)]
    pub fn element_for_line(&self, line: u32) -> Option<Element> {
        let i = self.blocks.partition_point(|p| p.lines.start <= line).checked_sub(1)?;
        let piece = &self.blocks[i];
        (line <= piece.lines.end).then(|| piece.element.clone()).flatten()
    }
}

impl LivePreview {
    fn settings(options: JsValue) -> Result<Settings, JsError> {
        let mut settings = Settings::read(options)?;
        settings.source_map = true;
        // Images and links as on the article's site: the editor is not served from it, and a
        // root-relative `/uploads/a.jpg` is the site's (the profile's `url`; none for `jekyll`).
        settings.resolve_links = true;
        // The panels show them, and the paragraph-only render keeps the count up to date.
        (settings.outline, settings.word_count) = (true, true);
        Ok(settings)
    }

    fn now(&self) -> f64 {
        self.performance.as_ref().map_or(0.0, Performance::now)
    }

    /// The scroller's top edge, in the viewport, less its scroll: add an element's viewport top
    /// to get its height in the scrolled content.
    fn origin(&self) -> f64 {
        let rect = self.scroller.get_bounding_client_rect();
        rect.top() + f64::from(self.scroller.client_top()) - f64::from(self.scroller.scroll_top())
    }

    fn extent(&self, anchor: usize, origin: f64) -> Extent {
        let element = match self.anchor_elements[anchor] {
            Anchor::Header => Some(&self.header),
            Anchor::Block(i) => self.blocks[i].element.as_ref(),
        };
        let Some(rect) = element.map(Element::get_bounding_client_rect) else { return Extent { top: 0.0, bottom: 0.0 } };
        Extent { top: rect.top() - origin, bottom: rect.bottom() - origin }
    }

    /// The elements scroll sync maps through: the header (for the front matter's lines) and each
    /// block that has an element.
    fn index_anchors(&mut self) {
        self.anchors.clear();
        self.anchor_elements.clear();
        if let Some(lines) = self.front_matter {
            if !self.header_parts.is_empty() {
                self.anchors.push(lines);
                self.anchor_elements.push(Anchor::Header);
            }
        }
        for (i, piece) in self.blocks.iter().enumerate() {
            if piece.element.is_some() && self.anchors.last().is_none_or(|last| last.end < piece.lines.start) {
                self.anchors.push(piece.lines);
                self.anchor_elements.push(Anchor::Block(i));
            }
        }
    }

    /// Fills the panels where what they show changed; tells whether the diagnostics did.
    fn show_panels(&mut self, article: &crate::Article) -> Result<bool, JsValue> {
        let diagnostics_changed = self.shown.diagnostics.as_deref() != Some(&article.diagnostics[..]);
        if diagnostics_changed {
            if let Some(list) = &self.panels.diagnostics {
                set_html(list, &preview::diagnostics_html(&article.diagnostics).into())?;
            }
            self.shown.diagnostics = Some(article.diagnostics.clone());
        }
        let outline = article.outline.as_deref().unwrap_or_default();
        if self.shown.outline.as_deref() != Some(outline) {
            if let Some(list) = &self.panels.outline {
                set_html(list, &preview::outline_html(outline).into())?;
            }
            self.shown.outline = Some(outline.to_vec());
        }
        let stats = preview::stats_text(article.word_count.unwrap_or_default(), article.reading_minutes.unwrap_or_default());
        if self.shown.stats != stats {
            if let Some(element) = &self.panels.stats {
                element.set_text_content(Some(&stats));
            }
            self.shown.stats = stats;
        }
        Ok(diagnostics_changed)
    }
}

/// Makes `container`'s pieces those `wanted`: the splice of their keys says which to keep; the
/// others' nodes are taken out and the new ones parsed (through the inert `template`) and put in
/// their place. Kept pieces whose lines changed get their `data-source-line` updated, and those
/// with other white space after them their last text node, so the page stays exactly the parse
/// of the HTML. The pieces are the last children of `container`; `owns`: its only children.
fn patch(
    template: &HtmlTemplateElement,
    container: &Element,
    owns: bool,
    pieces: &mut Vec<Piece>,
    wanted: &[Wanted],
    count: &mut Count,
) -> Result<(), JsValue> {
    let old_keys: Vec<u64> = pieces.iter().map(|p| p.key).collect();
    let new_keys: Vec<u64> = wanted.iter().map(|w| w.key).collect();
    let splice = preview::splice(&old_keys, &new_keys);
    if owns && splice.remove > 0 && splice.remove == pieces.len() {
        // Everything goes (another article): at once.
        count.removed += pieces.iter().map(|p| p.nodes.len()).sum::<usize>();
        pieces.clear();
        container.set_text_content(None);
    } else {
        for piece in pieces.drain(splice.start..splice.start + splice.remove) {
            for node in &piece.nodes {
                container.remove_child(node)?;
            }
            count.removed += piece.nodes.len();
        }
    }
    let reference = pieces[splice.start..].iter().find_map(|p| p.nodes.first().cloned());
    let new = &wanted[splice.start..splice.start + splice.insert];
    let groups = insert(template, container, reference.as_ref(), new)?;
    let inserted = new.iter().zip(groups).map(|(want, nodes)| {
        let element = nodes.first().and_then(|n| n.dyn_ref::<Element>().cloned());
        let marked = element.as_ref().is_some_and(|e| e.has_attribute(LINES_ATTRIBUTE));
        let tail = tail_of(want.html).to_owned();
        let tail_node = nodes.last().filter(|n| !tail.is_empty() && n.node_type() == Node::TEXT_NODE).cloned();
        count.inserted += nodes.len();
        count.replaced += 1;
        Piece { key: want.key, lines: want.lines, nodes, element, marked, tail, tail_node }
    });
    pieces.splice(splice.start..splice.start, inserted.collect::<Vec<_>>());
    for i in 0..pieces.len() {
        let tail = tail_of(wanted[i].html);
        if pieces[i].tail != tail {
            let after = pieces[i + 1..].iter().find_map(|p| p.nodes.first().cloned());
            set_tail(container, &mut pieces[i], tail, after.as_ref())?;
        }
        let (piece, want) = (&mut pieces[i], &wanted[i]);
        if piece.lines != want.lines {
            piece.lines = want.lines;
            if let (true, Some(element)) = (piece.marked, &piece.element) {
                element.set_attribute(LINES_ATTRIBUTE, &want.lines.attribute())?;
            }
            count.moved += 1;
        }
    }
    Ok(())
}

/// Pieces parsed together, with this comment between them, when there are many (opening an
/// article): one parse instead of thousands. Taken out again before they are shown.
const SEPARATOR: &str = "folio:piece";
const TOGETHER: usize = 16;

/// Parses `wanted` and puts the nodes before `reference` (`None`: at the end); returns each
/// piece's nodes. Many pieces are parsed at once, separated by comments, unless a piece's HTML
/// does not parse on its own (the separators would not all be where they were put), and then
/// one by one.
fn insert(template: &HtmlTemplateElement, container: &Element, reference: Option<&Node>, wanted: &[Wanted]) -> Result<Vec<Vec<Node>>, JsValue> {
    let content = template.content();
    if wanted.len() >= TOGETHER {
        let separator = format!("<!--{SEPARATOR}-->");
        set_html(template, &wanted.iter().map(|w| w.html).collect::<Vec<_>>().join(&separator).into())?;
        let children = content.child_nodes();
        let mut groups: Vec<Vec<Node>> = vec![Vec::new()];
        let mut separators = Vec::new();
        for node in (0..children.length()).filter_map(|i| children.item(i)) {
            if node.node_type() == Node::COMMENT_NODE && node.node_value().as_deref() == Some(SEPARATOR) {
                separators.push(node);
                groups.push(Vec::new());
            } else if let Some(group) = groups.last_mut() {
                group.push(node);
            }
        }
        if groups.len() == wanted.len() {
            for node in &separators {
                content.remove_child(node)?;
            }
            container.insert_before(&content, reference)?;
            return Ok(groups);
        }
        content.set_text_content(None);
    }
    let mut groups = Vec::with_capacity(wanted.len());
    for want in wanted {
        set_html(template, &want.html.into())?;
        let children = content.child_nodes();
        groups.push((0..children.length()).filter_map(|i| children.item(i)).collect());
        container.insert_before(&content, reference)?;
    }
    Ok(groups)
}

/// Changes the white space after a kept piece in place: its last text node's end, a text node
/// added (before `after`) or taken out.
fn set_tail(container: &Element, piece: &mut Piece, tail: &str, after: Option<&Node>) -> Result<(), JsValue> {
    match piece.tail_node.clone() {
        Some(node) => {
            let text = node.node_value().unwrap_or_default();
            let content = text.trim_end();
            if content.is_empty() && tail.is_empty() {
                container.remove_child(&node)?;
                piece.nodes.retain(|n| n != &node);
                piece.tail_node = None;
            } else {
                node.set_node_value(Some(&format!("{content}{tail}")));
            }
        }
        None if !tail.is_empty() => {
            let document = container.owner_document().ok_or_else(|| JsValue::from_str("no document"))?;
            let node: Node = document.create_text_node(tail).into();
            let before = piece.nodes.last().map_or_else(|| after.cloned(), Node::next_sibling);
            container.insert_before(&node, before.as_ref())?;
            piece.nodes.push(node.clone());
            piece.tail_node = Some(node);
        }
        None => {}
    }
    piece.tail = tail.to_owned();
    Ok(())
}

/// The white space at the end of a piece of HTML.
fn tail_of(html: &str) -> &str {
    &html[html.trim_end().len()..]
}

/// `START-END` back into lines.
fn parse_lines(attribute: &str) -> Option<Lines> {
    let (start, end) = attribute.split_once('-')?;
    Some(Lines { start: start.parse().ok()?, end: end.parse().ok()? })
}

fn create(document: &Document, tag: &str) -> Result<Element, JsError> {
    document.create_element(tag).map_err(js_error)
}

fn append(parent: &Element, child: &Element) -> Result<(), JsError> {
    parent.append_child(child).map(drop).map_err(js_error)
}
