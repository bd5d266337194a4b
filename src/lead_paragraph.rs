//! The excerpt's HTML taken from the body's first paragraph.
//!
//! Jekyll renders the excerpt (by default the body up to its first blank line) as a document of
//! its own. Most often it is the body's first paragraph, which the body's render has just
//! parsed: rendering it again cost 3% of an article's render, 5% of a short one's. It is taken
//! from the body when rendering it alone provably gives the same HTML:
//!
//! - the body's render makes of the excerpt's lines one paragraph (after an empty line, if the
//!   excerpt starts with one, as a body after a front matter does), with the blank line after
//!   them as the next element: rendered alone, the same lines make the same
//!   paragraph (only what follows a blank line could have made them something else, and then
//!   they would not be a paragraph in the body either);
//! - nothing in it can read what the rest of the body defines: no `[` (links, footnotes,
//!   abbreviation definitions), no `<` (HTML of the author's, which safe mode filters with the
//!   whole body around it: without any, the paragraph is filtered alike alone and in the body), no
//!   `{` (attribute lists and their definitions, extensions), no abbreviation the body's found in
//!   it, and no `{::options}` anywhere in the body (options set further down change how the body
//!   parses it).

use crate::kramdown::element::{Element, Kind};
use crate::kramdown::scanner::count_newlines;
use crate::chunk;
use crate::HtmlPieces;

/// The body's first paragraph, followed while the body renders.
pub struct Lead {
    /// The excerpt's number of lines.
    lines: usize,
    /// Whether the excerpt starts with an empty line (the body does after a front matter).
    leading_blank: bool,
    state: State,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    First,
    /// After the excerpt's first empty line.
    LeadingBlank,
    /// After its paragraph; the next must be the blank line after the excerpt.
    Paragraph,
    /// The paragraph is the excerpt.
    Confirmed,
    /// The excerpt is rendered alone.
    Other,
}

impl Lead {
    /// For the excerpt `excerpt` of `body` (Jekyll's, without a separator of its own); `None`
    /// when the excerpt could render alone otherwise than in the body.
    pub fn new(excerpt: &str, body: &str) -> Option<Lead> {
        // `excerpt::extract` mostly borrows the body's start: then it is not compared again.
        let body_start = excerpt.len() <= body.len() && std::ptr::eq(excerpt.as_ptr(), body.as_ptr());
        let rest = if body_start { body.get(excerpt.len()..) } else { body.strip_prefix(excerpt) };
        let follows = rest.is_some_and(|rest| rest.starts_with("\n\n"));
        let self_contained = crate::chunk::find_any(excerpt.as_bytes(), b"[<{").is_none();
        let lines = count_newlines(excerpt.as_bytes()) + 1;
        let lead = Lead { lines, leading_blank: excerpt.starts_with('\n'), state: State::First };
        (follows && self_contained).then_some(lead)
    }

    /// Sees the body's next finished top-level elements (a step of `kramdown::render`).
    pub fn see(&mut self, holder: &Element) {
        let [el] = &holder.children[..] else { return self.state = State::Other };
        let paragraph_line = 1 + usize::from(self.leading_blank);
        self.state = match (self.state, el.kind) {
            (State::First, Kind::Blank) if self.leading_blank => State::LeadingBlank,
            (State::First | State::LeadingBlank, Kind::P) if el.location == paragraph_line && !has_abbreviation(el) => {
                State::Paragraph
            }
            // kramdown places an empty line one line further (a newline already counts as the
            // next line): the excerpt's blank line, line `lines + 1`, is at `lines + 2`.
            (State::Paragraph, Kind::Blank) if el.location == self.lines + 2 => State::Confirmed,
            (State::Confirmed, _) => State::Confirmed,
            _ => State::Other,
        };
    }

    /// The excerpt's HTML, once the body's render has shown it is the body's first paragraph,
    /// with the options it was given throughout (`options_fixed`: no `{::options}` in it): the
    /// body's HTML up to the end of that paragraph. The paragraph's source has no `<`, so its
    /// HTML holds no `</p>` but its own end.
    pub fn html_in(&self, body_html: &HtmlPieces, options_fixed: bool) -> Option<String> {
        if self.state != State::Confirmed || !options_fixed {
            return None;
        }
        let mut html = String::new();
        for piece in body_html.pieces() {
            // The end may straddle two pieces.
            let from = html.len().saturating_sub(4);
            html.push_str(piece);
            if let Some(at) = chunk::find_str(&html.as_bytes()[from..], b"</p>\n") {
                html.truncate(from + at + 5);
                return Some(html);
            }
        }
        None
    }
}

fn has_abbreviation(el: &Element) -> bool {
    el.children.iter().any(|child| child.kind == Kind::Abbreviation || has_abbreviation(child))
}

#[cfg(test)]
mod tests {
    use super::Lead;
    use crate::front_matter::excerpt::extract;
    use crate::{render, render_body, Options};

    /// Whether the body's render gives the excerpt's paragraph.
    fn taken(body: &str) -> bool {
        let excerpt = extract(body, "\n\n").expect("an excerpt");
        let Some(mut lead) = Lead::new(&excerpt, body) else { return false };
        let rendered = crate::kramdown::render(body.to_owned(), None, &Options::jekyll(), Default::default(), &mut |holder: &mut crate::kramdown::element::Element, finished| {
            if finished == crate::kramdown::Finished::Blocks {
                lead.see(holder);
            }
        });
        lead.html_in(&rendered.output.into_html().into(), rendered.options_fixed).is_some()
    }

    /// The excerpt rendered alone, as Jekyll renders it.
    fn alone(body: &str) -> String {
        render_body(&extract(body, "\n\n").expect("an excerpt"), &Options::jekyll())
    }

    #[test]
    fn a_first_paragraph_that_reads_nothing_else_is_taken_from_the_body_as_its_own_render_writes_it() {
        let bodies = ["Un « paragraphe » d'abord, *vite* -- et `code`...\nSuite.\n\nLe reste.\n", "Seul.\n\n\n\n# Titre\n", "\nAprès un front matter.\n\nSuite.\n"];
        for body in bodies {
            assert!(taken(body), "{body:?}");
            assert_eq!(render(body, &Options::jekyll()).excerpt_html, Some(alone(body)), "{body:?}");
        }
    }

    #[test]
    fn an_excerpt_is_found_at_the_body_s_start_whether_borrowed_from_it_or_a_copy() {
        let body = "Premier paragraphe.\n\nSuite.\n";
        let cases = [(19, true), (18, false), (body.len(), false)];
        for (len, follows) in cases {
            assert_eq!(Lead::new(&body[..len], body).is_some(), follows, "borrowed, {len} bytes");
            let copy = String::from(&body[..len]);
            assert_eq!(Lead::new(&copy, body).is_some(), follows, "a copy, {len} bytes");
        }
        let elsewhere = "Autre paragraphe.\n\nSuite.\n";
        assert!(Lead::new(&elsewhere[..17], body).is_none(), "the same length, other text");
        assert!(Lead::new(&body[1..20], body).is_none(), "the body's bytes, not at its start");
    }

    #[test]
    fn an_excerpt_that_could_read_otherwise_alone_is_rendered_alone() {
        let cases = [
            ("# Titre\n\nTexte.\n", "not a paragraph", false),
            ("Terme\n\n: définition\n", "a definition list, made by what follows the blank line", true),
            ("Texte\n# Titre\n\nSuite.\n", "a paragraph cut by a header (GFM)", false),
            ("Texte\n  \nsuite.\n\nFin.\n", "a line of spaces inside", false),
            ("Texte.\n{: .chapo}\n\nFin.\n", "an attribute list", false),
            ("Un <b>mot</b>.\n\nFin.\n", "HTML", false),
            ("Voir [ici].\n\n[ici]: /la\n", "a link defined further down (Jekyll appends its definition)", false),
            ("Le CSS.\n\n*[CSS]: Cascading Style Sheets\n", "an abbreviation defined further down", true),
            ("L'a.\n\n{::options smart_quotes=\"apos,apos,quot,quot\" /}\n", "options set further down", true),
        ];
        for (body, why, differs) in cases {
            assert!(!taken(body), "{why}");
            assert_eq!(render(body, &Options::jekyll()).excerpt_html, Some(alone(body)), "{why}");
            // Where the paragraph alone and in the body differ, that is why.
            assert_eq!(!render_body(body, &Options::jekyll()).starts_with(&alone(body)), differs, "{why}");
        }
    }
}
