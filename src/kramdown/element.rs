//! The kramdown document tree: what the parser builds and the HTML converter writes.
//!
//! It mirrors `Kramdown::Element`: a kind, a value (text, tag name, code...), ordered
//! attributes, children, and the few options kramdown keeps on an element. Keeping the
//! same shape as kramdown makes its rules (which are written against that tree) portable
//! one to one.

use std::borrow::Cow;
use super::patterns;

/// What an element is (`Kramdown::Element#type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Root,
    /// Blank lines between blocks; the value holds them.
    Blank,
    /// Text: `RawText` before span parsing, `Text` after.
    Text,
    RawText,
    P,
    Header,
    Blockquote,
    Codeblock,
    Hr,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    /// End of block marker; its value says what made it (`^`, an IAL, a definition...).
    Eob,
    /// Raw HTML element, block or span; value is the tag name.
    HtmlElement,
    XmlComment,
    XmlPi,
    /// `{::comment}`: written as an HTML comment.
    Comment,
    /// Output written as is (`{::nomarkdown}`, footnote back links).
    Raw,
    Em,
    Strong,
    A,
    Img,
    Codespan,
    Br,
    /// A footnote reference; `options.name` names the definition.
    Footnote,
    /// An HTML entity; `options.entity` holds it.
    Entity,
    /// `--`, `...`, `<<`: `flags.symbol` says which.
    TypographicSym,
    /// A smart quote: `flags.symbol` is lsquo, rsquo, ldquo or rdquo.
    SmartQuote,
    /// An abbreviation occurrence; the value is the abbreviation.
    Abbreviation,
    Math,
    /// A container used while parsing list items; never output.
    Temp,
}

/// Whether an element is block or span level (`Element.category`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Block,
    Span,
}

/// How the inside of a raw HTML element is read (`:content_model`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentModel {
    Raw,
    Span,
    Block,
}

/// Table column alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alignment {
    Default,
    Left,
    Center,
    Right,
}

/// Attributes in the order they were set, as Ruby's hashes keep them. Most elements have
/// none, and hold only a pointer until one is set.
#[derive(Clone, Debug, Default)]
// The box is the point: one word in every element instead of a vector's three.
#[allow(clippy::box_collection)]
pub struct Attrs(Option<Box<Vec<Attr>>>);

/// An attribute's name and value.
type Attr = (Cow<'static, str>, String);

// Most elements have no attributes and no options: dropping them is a test inlined into the
// element's drop, where the compiler's own glue called a function to make it.
impl Drop for Attrs {
    #[inline(always)]
    fn drop(&mut self) {
        if let Some(list) = self.0.take() {
            drop_boxed(list);
        }
    }
}

impl Drop for LazyOptions {
    #[inline(always)]
    fn drop(&mut self) {
        if let Some(options) = self.0.take() {
            drop_boxed(options);
        }
    }
}

#[inline(never)]
fn drop_boxed<T>(boxed: Box<T>) {
    drop(boxed);
}

/// Attribute names most elements get (kramdown's writer, GFM's header ids, links, images,
/// tables, attribute lists) are kept without a copy. A `match` compares the length first: a
/// search of a list of names called `memcmp` for each.
fn name(key: &str) -> Cow<'static, str> {
    Cow::Borrowed(match key {
        "class" => "class",
        "id" => "id",
        "href" => "href",
        "title" => "title",
        "src" => "src",
        "alt" => "alt",
        "style" => "style",
        "target" => "target",
        "rel" => "rel",
        "role" => "role",
        "start" => "start",
        _ => return Cow::Owned(key.to_owned()),
    })
}

impl Attrs {
    fn list(&self) -> &[Attr] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    fn list_mut(&mut self) -> &mut Vec<Attr> {
        // Room for two from the start: an empty vector grows on its first push through calls
        // that made room for four, where most elements get one attribute, or a class and an id.
        self.0.get_or_insert_with(|| Box::new(Vec::with_capacity(2)))
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.list().iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    pub fn contains(&self, key: &str) -> bool {
        self.list().iter().any(|(k, _)| k == key)
    }

    /// Sets `key`, keeping its place when it is already there.
    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        let value = value.into();
        let list = self.list_mut();
        match list.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value,
            None => list.push((name(key), value)),
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<String> {
        let list = self.0.as_mut()?;
        let index = list.iter().position(|(k, _)| k == key)?;
        Some(list.remove(index).1)
    }

    pub fn is_empty(&self) -> bool {
        self.list().is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.list().iter().map(|(k, v)| (k.as_ref(), v.as_str()))
    }

    /// The values, to change in place.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut String> {
        self.0.iter_mut().flat_map(|list| list.iter_mut().map(|(_, v)| v))
    }

    /// Adds `class` to the class attribute (kramdown: `"#{attr['class']} #{v}".lstrip`).
    pub fn add_class(&mut self, class: &str) {
        let list = self.list_mut();
        match list.iter_mut().find(|(k, _)| k == "class") {
            Some((_, v)) => {
                v.push(' ');
                v.push_str(class);
                let trimmed = patterns::lstrip(v).len();
                v.drain(..v.len() - trimmed);
            }
            None => list.push((Cow::Borrowed("class"), patterns::lstrip(class).to_owned())),
        }
    }
}

/// Equal when they hold the same attributes in the same order (none set or all removed alike).
impl PartialEq for Attrs {
    fn eq(&self, other: &Self) -> bool {
        self.list() == other.list()
    }
}

impl Eq for Attrs {}

/// An inline attribute list (`{: .cls #id key="v" ref}`): attributes plus references to
/// attribute list definitions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ial {
    pub attrs: Attrs,
    pub refs: Vec<String>,
}

impl Ial {
    /// Merges `other` into this list (`update_ial_with_ial`): classes add up, the rest is replaced.
    pub fn merge(&mut self, other: &Ial) {
        self.refs.extend(other.refs.iter().cloned());
        for (key, value) in other.attrs.iter() {
            if key == "class" {
                self.attrs.add_class(value);
            } else {
                self.attrs.set(key, value);
            }
        }
    }

    pub fn has_ref(&self, name: &str) -> bool {
        self.refs.iter().any(|r| r == name)
    }
}

/// What made an end-of-block marker (`Element.new(:eob, value)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EobKind {
    /// The `^` marker itself.
    Marker,
    Ial,
    Ald,
    LinkDef,
    AbbrevDef,
    FootnoteDef,
    Extension,
}

/// An HTML entity: its code point and, where it has one, its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entity {
    pub code_point: u32,
    pub name: Option<&'static str>,
}

/// The named symbols that typographic conversion and smart quotes produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Symbol {
    Mdash,
    Ndash,
    Hellip,
    LaquoSpace,
    RaquoSpace,
    Laquo,
    Raquo,
    Lsquo,
    Rsquo,
    Ldquo,
    Rdquo,
}

impl Symbol {
    /// The symbol's kramdown name, as used by the `typographic_symbols` option.
    pub fn name(self) -> &'static str {
        match self {
            Symbol::Mdash => "mdash",
            Symbol::Ndash => "ndash",
            Symbol::Hellip => "hellip",
            Symbol::LaquoSpace => "laquo_space",
            Symbol::RaquoSpace => "raquo_space",
            Symbol::Laquo => "laquo",
            Symbol::Raquo => "raquo",
            Symbol::Lsquo => "lsquo",
            Symbol::Rsquo => "rsquo",
            Symbol::Ldquo => "ldquo",
            Symbol::Rdquo => "rdquo",
        }
    }
}

/// The small options kramdown keeps on elements (`el.options`), kept on the element itself:
/// paragraphs made transparent, smart quotes, HTML elements and end-of-block markers need
/// nothing else, and a quote or a paragraph in a list should not cost an allocation. Every
/// element has them, so they are a few bytes: the yes-or-no ones are bits ([`Mark`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    pub category: Option<Category>,
    pub level: u8,
    pub content_model: Option<ContentModel>,
    pub symbol: Option<Symbol>,
    pub eob: Option<EobKind>,
    marks: u8,
}

/// The yes-or-no flags of an element, a bit each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// A paragraph written without `<p>` (tight list items, definitions).
    Transparent = 1,
    /// An HTML element whose end tag was found.
    IsClosed = 2,
    /// A definition whose first paragraph stays a paragraph.
    FirstAsPara = 4,
    /// A paragraph of the body whose text is still where it is in the body
    /// (`Parser::body_texts`), not copied into a child.
    TextInBody = 8,
}

impl Flags {
    pub fn has(&self, mark: Mark) -> bool {
        self.marks & mark as u8 != 0
    }

    pub fn set(&mut self, mark: Mark, on: bool) {
        if on {
            self.marks |= mark as u8;
        } else {
            self.marks &= !(mark as u8);
        }
    }
}

/// The other options kramdown keeps on elements (`el.options`), as typed fields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ElementOptions {
    pub ial: Option<Ial>,
    /// The header text before span parsing, for automatic ids.
    pub raw_text: Option<String>,
    pub lang: Option<String>,
    pub first_list_marker: Option<String>,
    pub alignment: Vec<Alignment>,
    /// Footnote name (references) or the `type` list of `{::nomarkdown}`.
    pub name: Option<String>,
    pub raw_types: Vec<String>,
    pub entity: Option<Entity>,
    /// How an entity was written in the source, for `entity_output: as_input`.
    pub original: Option<String>,
}

/// No option set: what `ElementOptions::default()` gives, for elements that have none.
static NO_OPTIONS: ElementOptions = ElementOptions {
    ial: None,
    raw_text: None,
    lang: None,
    first_list_marker: None,
    alignment: Vec::new(),
    name: None,
    raw_types: Vec::new(),
    entity: None,
    original: None,
};

/// An element's options, allocated when one is first set: most elements (text, paragraphs,
/// blank lines) never have any, and allocating them for every element cost a tenth of a
/// render's time and most of the tree's memory. Reading an unset one reads the defaults.
#[derive(Clone, Debug, Default)]
pub struct LazyOptions(Option<Box<ElementOptions>>);

impl std::ops::Deref for LazyOptions {
    type Target = ElementOptions;

    fn deref(&self) -> &ElementOptions {
        self.0.as_deref().unwrap_or(&NO_OPTIONS)
    }
}

impl std::ops::DerefMut for LazyOptions {
    fn deref_mut(&mut self) -> &mut ElementOptions {
        self.0.get_or_insert_with(Box::default)
    }
}

impl PartialEq for LazyOptions {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

/// One node of the tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub kind: Kind,
    pub value: String,
    pub attr: Attrs,
    /// The source line the element starts on (in the body).
    pub location: usize,
    pub flags: Flags,
    pub options: LazyOptions,
    pub children: Vec<Element>,
}

impl Element {
    pub fn new(kind: Kind) -> Self {
        Element {
            kind,
            value: String::new(),
            attr: Attrs::default(),
            location: 0,
            flags: Flags::default(),
            options: LazyOptions::default(),
            children: Vec::new(),
        }
    }

    pub fn with_value(kind: Kind, value: impl Into<String>) -> Self {
        Element { value: value.into(), ..Element::new(kind) }
    }

    pub fn at(mut self, location: usize) -> Self {
        self.location = location;
        self
    }

    /// Block or span (`Element.category`): fixed for most kinds, an option for the others.
    pub fn category(&self) -> Option<Category> {
        use Kind::*;
        match self.kind {
            Blank | P | Header | Blockquote | Codeblock | Ul | Ol | Li | Dl | Dt | Dd | Table | Td | Hr => {
                Some(Category::Block)
            }
            _ => self.flags.category,
        }
    }

    pub fn is_block(&self) -> bool {
        self.category() == Some(Category::Block)
    }

    pub fn last_kind(&self) -> Option<Kind> {
        self.children.last().map(|c| c.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_add_up_and_other_attributes_are_replaced_in_place() {
        let mut attrs = Attrs::default();
        attrs.set("id", "a");
        attrs.add_class("one");
        attrs.add_class("two");
        attrs.set("id", "b");
        assert_eq!(attrs.iter().collect::<Vec<_>>(), [("id", "b"), ("class", "one two")]);
    }

    #[test]
    fn marks_are_set_and_cleared_one_by_one() {
        let mut flags = Flags::default();
        flags.set(Mark::Transparent, true);
        flags.set(Mark::TextInBody, true);
        flags.set(Mark::Transparent, false);
        assert!(!flags.has(Mark::Transparent) && flags.has(Mark::TextInBody) && !flags.has(Mark::IsClosed));
    }

    #[test]
    fn merging_lists_keeps_references_and_adds_classes() {
        let mut ial = Ial::default();
        ial.attrs.add_class("a");
        let mut other = Ial::default();
        other.attrs.add_class("b");
        other.attrs.set("title", "t");
        other.refs.push("ref".into());
        ial.merge(&other);
        assert_eq!(ial.attrs.get("class"), Some("a b"));
        assert_eq!(ial.attrs.get("title"), Some("t"));
        assert!(ial.has_ref("ref"));
    }
}
