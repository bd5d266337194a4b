//! Smart quotes: straight quotes `'` and `"` become curly ones, opening or closing as
//! SmartyPants' rules decide from the characters around them (`l'association` and
//! `it's` get a right single quote, `"mot"` a left and a right double one, `'80s` a right
//! one). The `smart_quotes` option names the four entities used (`lsquo,rsquo,ldquo,rdquo`
//! by default; French sites may set guillemets). The HTML is the entities, as
//! `entity_output` says.
//!
//! The rules are kramdown's `SQ_RULES`, tried in order at the character before the quote
//! (where the span loop stops); see [`quote_rule`].

use crate::chunk;
use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::kramdown::element::{Element, Kind, Symbol};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::{is_space, is_word, is_word_char};
use crate::put::put;

impl Parser<'_> {
    pub(crate) fn parse_smart_quotes(&mut self, el: &mut Element) -> bool {
        // SMART_QUOTES_RE: `[^\\]?["']`
        let rest = self.src.rest();
        let mut chars = rest.chars();
        let starts = match chars.next() {
            Some(c) if is_quote(c) => true,
            Some(c) => c != '\\' && chars.next().is_some_and(is_quote),
            None => false,
        };
        if !starts {
            return false;
        }
        let rule = quote_rule(rest);
        self.take_text(rule.text_len, el);
        if rule.quotes == [Some(Symbol::Rsquo), None] && self.apostrophe_is_text() {
            self.src.take(1);
            self.add_text("\u{2019}", el);
            return true;
        }
        // Only a quote element has a line: an apostrophe kept in the text is not counted to.
        let location = self.src.current_line_number();
        for symbol in rule.quotes.into_iter().flatten() {
            let mut quote = Element::new(Kind::SmartQuote).at(location);
            quote.flags.symbol = Some(symbol);
            el.children.push(quote);
        }
        self.src.take(rule.quotes.iter().flatten().count());
        true
    }

    /// Whether the right single quote at the current position can stay in the text as the
    /// character itself: an apostrophe inside a word (`l'a`, `n'hésite`), written as the
    /// character (`entity_output: as_char`, `rsquo` kept, for the whole text). The HTML, the
    /// words counted and the ids are then those of a quote element, without splitting the text
    /// in three: a quote element cost about as much as the rest of a short paragraph. Not where
    /// an abbreviation holds `’`: abbreviations are matched in text, and one could then match
    /// across the quote (others match the same either way, as `’` is no word character).
    fn apostrophe_is_text(&self) -> bool {
        self.apostrophes_are_text() && self.src.rest()[1..].chars().next().is_some_and(char::is_alphanumeric)
    }

    /// Whether apostrophes inside words stay in their text (see [`Self::apostrophe_is_text`]):
    /// what holds for the whole text.
    pub(super) fn apostrophes_are_text(&self) -> bool {
        self.options_fixed && self.rsquo_as_char && !self.abbreviations.hold_apostrophe()
    }

    /// Moves past the next `len` bytes, adding them to `el` as text with each `'` in them written
    /// `’`: the apostrophes inside words the span scan passed over (see [`in_word_apostrophe`]).
    ///
    /// `apostrophes` is how many there are, counted by the scan as it passed over them: any other
    /// `'` would have started a span, and ended the text before it.
    pub(super) fn take_text_with_apostrophes(&mut self, len: usize, apostrophes: usize, el: &mut Element) {
        let start = self.src.pos;
        self.src.pos += len;
        let mut rest = &self.src.text()[start..self.src.pos];
        debug_assert!(apostrophes > 0, "taken with apostrophes where the scan passed over none");
        debug_assert_eq!(apostrophes, chunk::count(rest.as_bytes(), b'\''), "an apostrophe the scan did not pass over");
        // Room for all of it at once (`’` is three bytes): added a piece at a time, the text grew
        // about every other apostrophe.
        let text = Parser::text_with_room(el, self.text_kind, len + 2 * apostrophes);
        // Found a chunk at a time: `str::split`'s search reads a word at a time in WebAssembly.
        while let Some(at) = chunk::find(rest.as_bytes(), b'\'') {
            put(text, &rest[..at]);
            put(text, "\u{2019}");
            rest = &rest[at + 1..];
        }
        put(text, rest);
    }
}

/// Whether the `'` at byte `i` of `text` is an apostrophe inside a word, a letter or digit on each
/// side, the one before it at or after `from` (where the span scan started). There the quote's
/// rules give the right single quote that [`Parser::apostrophe_is_text`] keeps in the text: the
/// scan passes over it (where [`Parser::apostrophes_are_text`]) instead of stopping before the
/// letter, and the text is taken with it written `’`. French has one every few words: stopping at
/// each and trying the quote's rules was 5% of the 13.4 KB article's render in WebAssembly.
pub(super) fn in_word_apostrophe(text: &str, from: usize, i: usize) -> bool {
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    i > from && alphanumeric(text[..i].chars().next_back()) && alphanumeric(text[i + 1..].chars().next())
}

fn is_quote(c: char) -> bool {
    c == '"' || c == '\''
}

/// What a rule makes of the text: the length of the text kept before the quotes, and the
/// quotes (one quote character each).
#[derive(Debug, PartialEq, Eq)]
struct QuoteRule {
    text_len: usize,
    quotes: [Option<Symbol>; 2],
}

/// `:lquote1`/`:lquote2` for this quote character.
fn opening(q: u8) -> Symbol {
    if q == b'"' {
        Symbol::Ldquo
    } else {
        Symbol::Lsquo
    }
}

/// `:rquote1`/`:rquote2` for this quote character.
fn closing(q: u8) -> Symbol {
    if q == b'"' {
        Symbol::Rdquo
    } else {
        Symbol::Rsquo
    }
}

/// kramdown's `SQ_PUNCT`: ASCII punctuation but `&`.
fn is_sq_punct(b: u8) -> bool {
    b.is_ascii_punctuation() && b != b'&'
}

/// kramdown's `SQ_CLOSE` (`[^\ \\\t\r\n\[{(-]`).
fn is_sq_close(c: char) -> bool {
    !matches!(c, ' ' | '\\' | '\t' | '\r' | '\n' | '[' | '{' | '(' | '-')
}

/// Whether a Unicode word character (for `\b`) starts `s`.
fn word_at(s: &str) -> bool {
    s.chars().next().is_some_and(is_word_char)
}

/// The first of kramdown's `SQ_RULES` that matches at the start of `s`, which holds a quote
/// as its first or second character.
fn quote_rule(s: &str) -> QuoteRule {
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied();
    let quote_at = |i: usize| at(i).filter(|&c| c == b'"' || c == b'\'');
    let one = |text_len: usize, symbol: Symbol| QuoteRule { text_len, quotes: [Some(symbol), None] };
    if let Some(q) = quote_at(0) {
        // `("|')(?=[_*]{1,2}\S)`
        if matches!(at(1), Some(b'_' | b'*')) && at(2).is_some_and(|c| !is_space(c)) {
            return one(0, opening(q));
        }
        // `("|')(?=SQ_PUNCT(?!\.\.)\B)`
        if let Some(p) = at(1).filter(|&p| is_sq_punct(p)) {
            let next_is_word = word_at(&s[2..]);
            if !s[2..].starts_with_ascii(b"..") && (p == b'_') == next_is_word {
                return one(0, closing(q));
            }
        }
    }
    // `(\s?)"'(?=\w)`, `(\s?)'"(?=\w)`, `(\s?)'(?=\d\ds)`
    let space = usize::from(at(0).is_some_and(is_space));
    let word_after = |i: usize| at(i).is_some_and(is_word);
    if s[space..].starts_with("\"'") && word_after(space + 2) {
        return QuoteRule { text_len: space, quotes: [Some(Symbol::Ldquo), Some(Symbol::Lsquo)] };
    }
    if s[space..].starts_with("'\"") && word_after(space + 2) {
        return QuoteRule { text_len: space, quotes: [Some(Symbol::Lsquo), Some(Symbol::Ldquo)] };
    }
    if s[space..].starts_with_byte(b'\'')
        && at(space + 1).is_some_and(|c| c.is_ascii_digit())
        && at(space + 2).is_some_and(|c| c.is_ascii_digit())
        && at(space + 3) == Some(b's')
    {
        return one(space, Symbol::Rsquo);
    }
    // `(\s)('|")(?=\w)`
    if space == 1 {
        if let Some(q) = quote_at(1).filter(|_| word_after(2)) {
            return one(1, opening(q));
        }
    }
    // `(SQ_CLOSE)('|")`
    let first = s.chars().next().expect("a quote follows");
    let first_len = first.len_utf8();
    if is_sq_close(first) {
        if let Some(q) = quote_at(first_len) {
            return one(first_len, closing(q));
        }
    }
    // `("|')(?=\s|s\b|$)`
    if let Some(q) = quote_at(0) {
        if at(1).is_none_or(is_space) || (at(1) == Some(b's') && !word_at(&s[2..])) {
            return one(0, closing(q));
        }
    }
    // `(.?)'` and `(.?)"`, across lines: the quote after the first character if there is
    // one, else the first character.
    for (q, symbol) in [(b'\'', Symbol::Lsquo), (b'"', Symbol::Ldquo)] {
        if at(first_len) == Some(q) {
            return one(first_len, symbol);
        }
        if at(0) == Some(q) {
            return one(0, symbol);
        }
    }
    unreachable!("the span loop stops only before a quote")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Symbol::*;

    fn rule(s: &str) -> (usize, Vec<Symbol>) {
        let r = quote_rule(s);
        (r.text_len, r.quotes.into_iter().flatten().collect())
    }

    #[test]
    fn apostrophes_inside_words_close() {
        assert_eq!(rule("l'association"), (1, vec![Rsquo]));
        assert_eq!(rule("é'"), (2, vec![Rsquo]));
        assert_eq!(rule("'s "), (0, vec![Rsquo]));
    }

    #[test]
    fn quotes_after_space_before_words_open() {
        assert_eq!(rule(" \"mot\""), (1, vec![Ldquo]));
        assert_eq!(rule("\n'mot'"), (1, vec![Lsquo]));
        assert_eq!(rule(" \"'Quoted"), (1, vec![Ldquo, Lsquo]));
        assert_eq!(rule("'\"Quoted"), (0, vec![Lsquo, Ldquo]));
    }

    #[test]
    fn special_cases() {
        assert_eq!(rule("'80s"), (0, vec![Rsquo]));
        assert_eq!(rule("\"*a"), (0, vec![Ldquo]));
        assert_eq!(rule("\". "), (0, vec![Rdquo]));
        assert_eq!(rule("\"..."), (0, vec![Ldquo]));
        assert_eq!(rule("\".é"), (0, vec![Ldquo]));
        assert_eq!(rule("\"_a"), (0, vec![Ldquo]));
        assert_eq!(rule("\""), (0, vec![Rdquo]));
        assert_eq!(rule("(\"a"), (1, vec![Ldquo]));
        assert_eq!(rule("''"), (0, vec![Rsquo]));
        assert_eq!(rule(" 'é"), (1, vec![Lsquo]));
    }

    /// The kinds of the elements `render` writes for `body`, and its HTML.
    fn rendered(body: &str, options: &crate::Options) -> (Vec<Vec<Kind>>, String) {
        let mut kinds = Vec::new();
        let rendered = crate::kramdown::render(body.to_owned(), None, options, Default::default(), &mut |holder: &mut crate::kramdown::element::Element, _| {
            kinds.extend(holder.children.iter().map(|el| el.children.iter().map(|c| c.kind).collect()));
        });
        (kinds, rendered.output.into_html())
    }

    #[test]
    fn apostrophes_inside_words_stay_in_the_text_with_the_html_of_quote_elements() {
        let jekyll = crate::Options::jekyll();
        let body = "L'activiste n'hésite pas, l'a dit : \"oui\" et 'non'.\n";
        let (kinds, html) = rendered(body, &jekyll);
        // What kramdown 2.4 writes.
        assert_eq!(html, "<p>L’activiste n’hésite pas, l’a dit : “oui” et ‘non’.</p>\n");
        use Kind::{SmartQuote as Q, Text as T};
        assert_eq!(kinds, [vec![T, Q, T, Q, T, Q, T, Q, T]], "quotes that open or close stay elements");
        assert_eq!(crate::kramdown::Document::parse(body, &jekyll).to_html(), html, "the tree kramdown builds");
    }

    #[test]
    fn a_text_taken_with_apostrophes_is_made_once_with_room_for_all_of_it() {
        let mut texts = Vec::new();
        let body = "*Vu* l'a dit, qu'il n'hésite pas d'où l'on vient\n";
        crate::kramdown::render(body.to_owned(), None, &crate::Options::jekyll(), Default::default(), &mut |holder: &mut crate::kramdown::element::Element, _| {
            let spans = holder.children.iter().flat_map(|el| &el.children);
            texts.extend(spans.filter(|c| c.kind == Kind::Text).map(|c| (c.value.clone(), c.value.capacity())));
        });
        let text = " l’a dit, qu’il n’hésite pas d’où l’on vient";
        assert_eq!(texts, [(text.to_owned(), text.len())], "one text after the emphasis, grown by none of its pieces");
    }

    #[test]
    fn the_span_scan_passes_over_apostrophes_between_letters_or_digits_after_its_start() {
        assert!(in_word_apostrophe("l'a", 0, 1));
        assert!(in_word_apostrophe("é'日", 0, 2));
        assert!(in_word_apostrophe("1'2", 0, 1));
        assert!(!in_word_apostrophe("l'a", 1, 1), "the letter before it is before the scan's start");
        assert!(!in_word_apostrophe("l' a", 0, 1));
        assert!(!in_word_apostrophe("l'", 0, 1));
        assert!(!in_word_apostrophe("\\'a", 0, 1));
        assert!(!in_word_apostrophe("*'a", 0, 1));
        assert!(!in_word_apostrophe("l''a", 0, 2));
    }

    #[test]
    fn apostrophes_stay_elements_where_options_or_abbreviations_could_tell_them_apart() {
        let kinds = |body: &str, options: &crate::Options| rendered(body, options).0[0].clone();
        let mut numeric = crate::Options::jekyll();
        numeric.set("entity_output", &crate::value::Value::String("numeric".into())).unwrap();
        assert!(kinds("l'a\n", &numeric).contains(&Kind::SmartQuote), "written as an entity");
        assert!(kinds("l'a\n\n{::options smart_quotes=\"apos,apos,quot,quot\" /}\n", &crate::Options::jekyll()).contains(&Kind::SmartQuote), "options set later");
        assert!(kinds("l'a\n\n*[l’a]: b\n", &crate::Options::jekyll()).contains(&Kind::SmartQuote), "an abbreviation holding the apostrophe");
        assert_eq!(kinds("l'a\n\n*[a]: b\n", &crate::Options::jekyll()), [Kind::Text, Kind::Abbreviation, Kind::Text], "other abbreviations");
        assert_eq!(kinds("l'a\n", &crate::Options::jekyll()), [Kind::Text]);
    }
}
