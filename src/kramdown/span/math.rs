//! Inline math: `$$ x^2 $$` inside text. The HTML is MathJax's `\(x^2\)` with
//! `math_engine: mathjax` (Jekyll's), or `<span class="kdmath">$x^2$</span>` without an
//! engine. (A paragraph that is only `$$...$$` is block math, parsed as a block.)

use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::kramdown::element::{Category, Element, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::strip;

impl Parser<'_> {
    pub(crate) fn parse_inline_math(&mut self, el: &mut Element) -> bool {
        // INLINE_MATH_START: `\$\$(.*?)\$\$`, across lines
        let rest = self.src.rest();
        let Some(end) = rest.after_ascii(b"$$").and_then(|body| body.find("$$")) else { return false };
        let location = self.src.current_line_number();
        let mut math = Element::with_value(Kind::Math, strip(&rest[2..2 + end])).at(location);
        math.flags.category = Some(Category::Span);
        self.src.take(2 + end + 2);
        el.children.push(math);
        true
    }
}
