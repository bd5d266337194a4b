//! Typographic symbols: `---` (em dash), `--` (en dash), `...` (ellipsis), `<<` and `>>`
//! (guillemets, with a non-breaking space when written `<< ` and ` >>`); `\<<` and `\>>`
//! stay as `<<` and `>>`. The `typographic_symbols` option replaces a symbol's HTML by its
//! own text (`{hellip: "..."}`); GFM's `no_auto_typographic` quirk turns the parser off.

use crate::kramdown::element::{Element, Kind, Symbol};
use crate::kramdown::entities;
use crate::kramdown::parser::Parser;

/// What a symbol becomes: a typographic symbol, or two `<` or `>` entities.
enum Typographic {
    Symbol(Symbol),
    Twice(&'static str),
}

/// `TYPOGRAPHIC_SYMS`, in the order the alternatives are tried.
const SYMBOLS: &[(&str, Typographic)] = &[
    ("---", Typographic::Symbol(Symbol::Mdash)),
    ("--", Typographic::Symbol(Symbol::Ndash)),
    ("...", Typographic::Symbol(Symbol::Hellip)),
    ("\\<<", Typographic::Twice("lt")),
    ("\\>>", Typographic::Twice("gt")),
    ("<< ", Typographic::Symbol(Symbol::LaquoSpace)),
    (" >>", Typographic::Symbol(Symbol::RaquoSpace)),
    ("<<", Typographic::Symbol(Symbol::Laquo)),
    (">>", Typographic::Symbol(Symbol::Raquo)),
];

/// The start pattern (`--|\.\.\.|(?:\\| )?(?:<<|>>)`).
pub(super) fn span_start(s: &[u8]) -> bool {
    matches!(
        s,
        [b'-', b'-', ..] | [b'.', b'.', b'.', ..] | [b'\\' | b' ', b'<', b'<', ..] | [b'\\' | b' ', b'>', b'>', ..] | [b'<', b'<', ..] | [b'>', b'>', ..]
    )
}

impl Parser<'_> {
    pub(crate) fn parse_typographic_syms(&mut self, el: &mut Element) -> bool {
        let rest = self.src.rest();
        let Some((text, typographic)) = SYMBOLS.iter().find(|(text, _)| rest.starts_with(text)) else { return false };
        let location = self.src.current_line_number();
        self.src.take(text.len());
        match typographic {
            Typographic::Symbol(symbol) => {
                let mut sym = Element::new(Kind::TypographicSym).at(location);
                sym.flags.symbol = Some(*symbol);
                el.children.push(sym);
            }
            Typographic::Twice(name) => {
                for _ in 0..2 {
                    let mut entity = Element::new(Kind::Entity).at(location);
                    entity.options.entity = entities::by_name(name);
                    el.children.push(entity);
                }
            }
        }
        true
    }
}
