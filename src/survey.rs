//! What an article's text holds that decides work for its whole render, found in one pass
//! over it: four searches each read the whole text before (a 13.4 KB article: four passes of
//! 840 chunks, for a few `{` and no `\r`).

use crate::chunk;
use crate::kramdown::ascii_prefix::has_prefix;

/// The facts [`Survey::of`] finds in a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Survey {
    /// A `\r`: its line ends are normalised (`adapt_source`).
    pub carriage_return: bool,
    /// A backslash: a text may hold GFM's hard break (a backslash and a newline).
    pub backslash: bool,
    /// `{::options`: a span may change the options, so blocks wait to be written.
    pub options_extension: bool,
    /// `{{` or `{%`: Jekyll runs Liquid on the article.
    pub liquid: bool,
}

impl Survey {
    /// The facts of `text`, each of its `\r`, `\` and `{` seen once.
    pub fn of(text: &str) -> Survey {
        let bytes = text.as_bytes();
        let mut survey = Survey::default();
        let mut from = 0;
        while let Some(i) = chunk::find_any(&bytes[from..], b"\r\\{") {
            let at = from + i;
            match bytes[at] {
                b'\r' => survey.carriage_return = true,
                b'\\' => survey.backslash = true,
                _ => {
                    survey.liquid |= matches!(bytes.get(at + 1), Some(b'{' | b'%'));
                    survey.options_extension |= has_prefix(&bytes[at..], b"{::options");
                }
            }
            from = at + 1;
        }
        survey
    }
}

#[cfg(test)]
mod tests {
    use super::Survey;

    #[test]
    fn each_fact_is_found_wherever_it_is_and_alone() {
        let facts = [
            ("\r", Survey { carriage_return: true, ..Survey::default() }),
            ("\\", Survey { backslash: true, ..Survey::default() }),
            ("{::options smart_quotes=\"apos,apos,quot,quot\" /}", Survey { options_extension: true, ..Survey::default() }),
            ("{{ page.title }}", Survey { liquid: true, ..Survey::default() }),
            ("{% raw %}", Survey { liquid: true, ..Survey::default() }),
        ];
        // Before, inside and after a chunk's width of text, after other `{`s.
        let arounds = [("", ""), ("Un texte {: .x} de plus de seize octets ", " et la suite {"), (&"é{ ".repeat(40), "")];
        for (fact, expected) in facts {
            for (before, after) in arounds {
                let body = format!("{before}{fact}{after}");
                assert_eq!(Survey::of(&body), expected, "{body:?}");
            }
        }
    }

    #[test]
    fn an_options_extension_cut_short_or_spelled_otherwise_is_not_one() {
        for body in ["{::option", "{::opt} {:options", "{: :options}", "{ ::options"] {
            assert!(!Survey::of(body).options_extension, "{body:?}");
        }
        assert!(Survey::of("{{::options /}").options_extension);
    }

    #[test]
    fn liquid_is_looked_for_only_where_a_tag_or_an_output_opens() {
        for text in ["{{", "a {% raw %}", "x\n{{ page.title }}", "{{{", "{ {%", "}}{{", "a longer line, with { and {: before it, {{ page.x }}"] {
            assert!(Survey::of(text).liquid, "{text:?}");
        }
        for text in ["", "{", "a { b", "{: .class}", "{::comment}", "}}", "%}", "{ {", "{:%", "text {", "a longer line, with { and {: in it, and % {"] {
            assert!(!Survey::of(text).liquid, "{text:?}");
        }
    }

    #[test]
    fn a_body_with_all_three_has_all_three_and_one_with_none_none() {
        let all = Survey::of("a\r\nb\\\n{::options auto_ids=\"false\" /}\n{{ x }}");
        assert_eq!(all, Survey { carriage_return: true, backslash: true, options_extension: true, liquid: true });
        assert_eq!(Survey::of("Du texte {: .encadre} et {:target=\"_blank\"}, rien d’autre.\n"), Survey::default());
    }
}
