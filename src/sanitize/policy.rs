//! The safe-mode policy, as data: which elements and attributes an article may keep, which
//! URL schemes, which CSS properties, which hosts may be framed. Every sanitising path
//! (the tree filter, ammonia natively, the browser's parser in the page) reads this.

/// Elements an article may keep, each with the attributes it may have besides the global ones.
pub const ELEMENTS: &[(&str, &[&str])] = &[
    // `rel` is always set (see `rules::forced_attributes`), never taken from the article.
    ("a", &["href", "title", "target", "hreflang"]),
    ("abbr", &["title"]),
    ("address", &[]),
    ("article", &[]),
    ("aside", &[]),
    ("b", &[]),
    ("bdi", &[]),
    ("bdo", &[]),
    ("blockquote", &["cite"]),
    ("br", &[]),
    ("caption", &[]),
    ("cite", &[]),
    ("code", &[]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("dd", &[]),
    ("del", &["cite", "datetime"]),
    ("details", &["open"]),
    ("dfn", &[]),
    ("div", &[]),
    ("dl", &[]),
    ("dt", &[]),
    ("em", &[]),
    ("figcaption", &[]),
    ("figure", &[]),
    ("footer", &[]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("header", &[]),
    ("hr", &[]),
    ("i", &[]),
    ("iframe", &["src", "width", "height", "allow", "allowfullscreen", "frameborder", "loading"]),
    ("img", &["src", "alt", "width", "height", "loading"]),
    // Only GFM task-list boxes (`rules::element` checks the type); always disabled.
    ("input", &["type", "checked"]),
    ("ins", &["cite", "datetime"]),
    ("kbd", &[]),
    ("li", &["value"]),
    ("mark", &[]),
    ("ol", &["start", "reversed", "type"]),
    ("p", &[]),
    ("picture", &[]),
    ("pre", &[]),
    ("q", &["cite"]),
    ("rp", &[]),
    ("rt", &[]),
    ("ruby", &[]),
    ("s", &[]),
    ("samp", &[]),
    ("section", &[]),
    ("small", &[]),
    ("source", &["src", "type", "media"]),
    ("span", &[]),
    ("strong", &[]),
    ("sub", &[]),
    ("summary", &[]),
    ("sup", &[]),
    ("table", &[]),
    ("tbody", &[]),
    ("td", &["colspan", "rowspan"]),
    ("tfoot", &[]),
    ("th", &["colspan", "rowspan", "scope"]),
    ("thead", &[]),
    ("time", &["datetime"]),
    ("tr", &[]),
    ("u", &[]),
    ("ul", &[]),
    ("var", &[]),
    ("video", &["src", "controls", "width", "height", "poster", "preload", "muted", "loop", "playsinline"]),
    ("audio", &["src", "controls", "preload", "muted", "loop"]),
    ("wbr", &[]),
];

/// Attributes every kept element may have.
pub const GLOBAL_ATTRIBUTES: &[&str] = &["class", "id", "title", "lang", "dir", "role", "style", "aria-label", "aria-hidden"];

/// Elements removed with everything inside them (their content is not text for a reader).
pub const REMOVED_WITH_CONTENT: &[&str] = &[
    "script", "style", "template", "noscript", "object", "embed", "applet", "math", "svg", "select", "textarea",
    "button", "form", "frameset", "frame", "head", "title", "meta", "link", "base",
];

/// Attributes that hold a URL.
pub const URL_ATTRIBUTES: &[&str] = &["href", "src", "cite", "poster"];

/// URL schemes a link or image may use; scheme-less (relative) URLs are fine too.
pub const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// CSS properties a `style` attribute keeps (values are checked too: see `css.rs`).
pub const CSS_PROPERTIES: &[&str] = &[
    "color", "background-color", "text-align", "text-decoration", "font-weight", "font-style", "font-size",
    "font-variant", "line-height", "letter-spacing", "vertical-align", "white-space", "width", "max-width",
    "min-width", "height", "max-height", "min-height", "margin", "margin-top", "margin-right", "margin-bottom",
    "margin-left", "padding", "padding-top", "padding-right", "padding-bottom", "padding-left", "float", "clear",
    "border", "border-top", "border-right", "border-bottom", "border-left", "border-color", "border-style",
    "border-width", "border-radius", "border-collapse", "list-style-type", "text-indent", "text-transform",
    "display",
];

/// Video hosts whose players an article may frame, by default.
pub const DEFAULT_IFRAME_HOSTS: &[&str] = &[
    "www.youtube.com",
    "youtube.com",
    "www.youtube-nocookie.com",
    "player.vimeo.com",
    "www.dailymotion.com",
    "peertube.fr",
];

/// What framed players may do: run their own scripts in their own origin, go full screen.
pub const IFRAME_SANDBOX: &str = "allow-scripts allow-same-origin allow-presentation allow-popups";

/// The `rel` that links opening a new browsing context get.
pub const BLANK_TARGET_REL: &str = "noopener noreferrer";

/// The configurable part of the policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// Hosts whose `https` pages an `<iframe>` may show.
    pub iframe_hosts: Vec<String>,
    /// Put before every id (and every `#fragment` link), so an article's ids cannot clash
    /// with the host page's.
    pub id_prefix: String,
}

impl Default for Policy {
    fn default() -> Self {
        Policy { iframe_hosts: DEFAULT_IFRAME_HOSTS.iter().map(|h| h.to_string()).collect(), id_prefix: "folio-".into() }
    }
}

/// The attributes `element` may have besides the global ones; `None` when it is not allowed.
pub fn element_attributes(element: &str) -> Option<&'static [&'static str]> {
    ELEMENTS.iter().find(|(name, _)| *name == element).map(|(_, attrs)| *attrs)
}

pub fn is_removed_with_content(element: &str) -> bool {
    REMOVED_WITH_CONTENT.contains(&element)
}
