//! Liquid's tokens, as Liquid 5's tokenizer cuts a template: text, `{% tag %}` and
//! `{{ output }}`, with their whitespace control (`{%-`, `-%}`, `{{-`, `-}}`).

/// A tag or an output, by byte offsets in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// `{%` (a tag) or `{{` (an output).
    pub is_tag: bool,
    pub start: usize,
    /// Past its closing `%}` or `}}`.
    pub end: usize,
    /// What is between the delimiters and their `-`.
    pub inner: (usize, usize),
    /// `{%-` / `{{-`: the white space before it is removed.
    pub trim_before: bool,
    /// `-%}` / `-}}`: the white space after it is removed.
    pub trim_after: bool,
}

/// Where the next tag or output starts, from `from`.
pub fn next_start(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    // A byte at a time: the chunked search would be one more function the first download exports
    // to the rare module (see the module's notes on size), and only articles with Liquid come.
    while let Some(i) = bytes[at..].iter().position(|&b| b == b'{') {
        at += i;
        if matches!(bytes.get(at + 1), Some(b'{' | b'%')) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// The tag or output starting at `start`, or `None` when it is never closed. As in Liquid, an
/// output ends at its first `}` (Liquid then requires a second).
pub fn token(text: &str, start: usize) -> Option<Token> {
    let is_tag = text.as_bytes()[start + 1] == b'%';
    let body = start + 2;
    let (close_at, end) = if is_tag {
        let at = body + text[body..].find("%}")?;
        (at, at + 2)
    } else {
        let at = body + text[body..].find('}')?;
        (at, if text[at + 1..].starts_with('}') { at + 2 } else { at + 1 })
    };
    let trim_before = text[body..close_at].starts_with('-');
    let inner_start = body + usize::from(trim_before);
    let trim_after = close_at > inner_start && text[..close_at].ends_with('-');
    Some(Token { is_tag, start, end, inner: (inner_start, close_at - usize::from(trim_after)), trim_before, trim_after })
}

impl Token {
    /// Whether an output is closed by `}}` (Liquid's syntax), not a lone `}`.
    pub fn closed(&self, text: &str) -> bool {
        self.is_tag || text[..self.end].ends_with("}}")
    }

    /// The tag's name and the markup after it: `highlight` and `ruby linenos`.
    pub fn tag<'t>(&self, text: &'t str) -> (&'t str, &'t str) {
        let inner = text[self.inner.0..self.inner.1].trim_matches(crate::kramdown::patterns::is_space_char);
        // Ruby's `\w`: ASCII letters, digits and `_`.
        let name_end = inner.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(inner.len());
        (&inner[..name_end], inner[name_end..].trim_matches(crate::kramdown::patterns::is_space_char))
    }
}
