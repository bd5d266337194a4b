//! The pass over a body: text copied, each tag and output run or left as written, and the lines
//! that moved remembered.

use super::scan::{next_start, token, Token};
use super::{key, values, Context, LineMap, Output, Problem, Reason};
use crate::kramdown::convert::{escape_html, Escape};
use crate::kramdown::scanner::count_newlines;

type Key = (u128, u64);
const RAW: Key = key(b"raw");
const ENDRAW: Key = key(b"endraw");
const COMMENT: Key = key(b"comment");
const ENDCOMMENT: Key = key(b"endcomment");
const HIGHLIGHT: Key = key(b"highlight");
const ENDHIGHLIGHT: Key = key(b"endhighlight");
const INCLUDE: Key = key(b"include");
/// Liquid's own block tags, whose end is looked for even when none is written.
const BLOCKS: [Key; 6] = [key(b"if"), key(b"unless"), key(b"case"), key(b"for"), key(b"tablerow"), key(b"capture")];
/// Tags that need the site's other pages.
const SITE_TAGS: [Key; 2] = [key(b"post_url"), key(b"link")];

/// Runs the Liquid of `body`; `None` when the front matter says `render_with_liquid: false`.
pub fn run(body: &str, context: &Context) -> Option<Output> {
    const RENDER_WITH_LIQUID: Key = key(b"render_with_liquid");
    let off = context.data.iter().any(|(k, v)| key(k.as_bytes()) == RENDER_WITH_LIQUID && *v == crate::Value::Bool(false));
    if off {
        return None;
    }
    let mut pass = Pass { text: body, context, out: String::with_capacity(body.len()), lines: LineMap::default(), problems: Vec::new(), at: 0, read_lines: 0, written_lines: 0, trim_next: false };
    pass.block(body.len());
    Some(Output { text: pass.out, lines: pass.lines, problems: pass.problems })
}

struct Pass<'a> {
    text: &'a str,
    context: &'a Context<'a>,
    out: String,
    lines: LineMap,
    problems: Vec<(Problem, usize)>,
    /// How far the text is read.
    at: usize,
    /// Line breaks read and written.
    read_lines: usize,
    written_lines: usize,
    /// The last tag run ended with `-%}` or `-}}`.
    trim_next: bool,
}

impl Pass<'_> {
    /// Runs the text up to `end`.
    fn block(&mut self, end: usize) {
        while let Some(start) = next_start(self.text, self.at).filter(|&start| start < end) {
            match token(self.text, start).filter(|t| t.end <= end && t.closed(self.text)) {
                Some(tok) if tok.is_tag => self.tag(tok, end),
                Some(tok) => self.output(tok),
                None => {
                    // `{{` or `{%` never closed: Jekyll stops; here it stays, and what follows runs.
                    self.leave(start, start + 2, Reason::Unclosed);
                }
            }
        }
        self.text_until(end, false);
    }

    fn output(&mut self, tok: Token) {
        let mut missing = false;
        match values::render(&self.text[tok.inner.0..tok.inner.1], self.context, &mut missing) {
            Ok(printed) => {
                if missing {
                    self.problems.push((Problem::Nothing { text: self.clip(tok.start, tok.end) }, tok.start));
                }
                self.replace(tok, tok.end, &printed);
            }
            Err(reason) => self.leave(tok.start, tok.end, reason),
        }
    }

    fn tag(&mut self, tok: Token, end: usize) {
        let (name, markup) = tok.tag(self.text);
        let name_key = key(name.as_bytes());
        let closing = |pass: &Self, close: Key, nest: Option<Key>| pass.find_end(tok.end, end, close, nest);
        match name_key {
            RAW => match closing(self, ENDRAW, None) {
                // Liquid 5.4 keeps the content whole, whatever the `-` inside the delimiters;
                // the opening tag's `-%}` trims what follows the closing one.
                Some(close) => self.replace(tok, close.end, &self.text[tok.end..close.start]),
                None => self.leave(tok.start, end, Reason::Unclosed),
            },
            COMMENT => match closing(self, ENDCOMMENT, Some(COMMENT)) {
                Some(close) => {
                    self.replace(tok, close.end, "");
                    self.trim_next = close.trim_after;
                }
                None => self.leave(tok.start, end, Reason::Unclosed),
            },
            HIGHLIGHT => self.highlight(tok, markup, end),
            INCLUDE => {
                let file = markup.split_whitespace().next().unwrap_or_default().to_owned();
                self.leave(tok.start, tok.end, Reason::Include(file));
            }
            _ if name.is_empty() || name.starts_with("end") => self.leave(tok.start, tok.end, Reason::Syntax),
            _ if SITE_TAGS.contains(&name_key) => self.leave(tok.start, tok.end, Reason::Site),
            _ => {
                // A block (Liquid's, or a plugin's with its `end` tag written) stays whole.
                let end_name = format!("end{name}");
                match closing(self, key(end_name.as_bytes()), Some(name_key)) {
                    Some(close) => self.leave(tok.start, close.end, Reason::Tag),
                    None if BLOCKS.contains(&name_key) => self.leave(tok.start, tok.end, Reason::Unclosed),
                    None => self.leave(tok.start, tok.end, Reason::Tag),
                }
            }
        }
    }

    /// `{% highlight LANG %}`: the code (its Liquid run) escaped in Jekyll's markup, without its
    /// first and last line breaks.
    fn highlight(&mut self, tok: Token, markup: &str, end: usize) {
        let lang_ok = !markup.is_empty() && markup.bytes().all(|b| b.is_ascii_alphanumeric() || b"._+#-".contains(&b));
        let Some(close) = self.find_end(tok.end, end, ENDHIGHLIGHT, None) else {
            return self.leave(tok.start, end, Reason::Unclosed);
        };
        if !lang_ok {
            // Options (`linenos`) make rouge's table; other markup is an error in Jekyll.
            let reason = if markup.contains(char::is_whitespace) { Reason::Tag } else { Reason::Syntax };
            return self.leave(tok.start, close.end, reason);
        }
        // The code's own Liquid runs, into a text of its own; its lines count as the tag's.
        let (out, lines, at, read, written) = (std::mem::take(&mut self.out), self.lines.clone(), self.at, self.read_lines, self.written_lines);
        self.at = tok.end;
        self.trim_next = tok.trim_after;
        self.block(close.start);
        let code = std::mem::replace(&mut self.out, out);
        (self.lines, self.at, self.read_lines, self.written_lines) = (lines, at, read, written);
        let code = code.trim_matches(['\n', '\r']);
        let lang = markup.to_ascii_lowercase();
        let mut html = format!("<figure class=\"highlight\"><pre><code class=\"language-{}\" data-lang=\"{lang}\">", lang.replace('+', "-"));
        escape_html(&mut html, code, Escape::All);
        html.push_str("</code></pre></figure>");
        self.replace(tok, close.end, &html);
        self.trim_next = close.trim_after;
    }

    /// The tag closing a block, `close`, from `from` (before `end`), counting `nest` blocks opened
    /// inside; a `raw` inside is skipped whole.
    fn find_end(&self, from: usize, end: usize, close: Key, nest: Option<Key>) -> Option<Token> {
        let (mut at, mut depth) = (from, 0);
        while let Some(start) = next_start(self.text, at).filter(|&start| start < end) {
            let Some(tok) = token(self.text, start).filter(|t| t.end <= end) else {
                at = start + 2;
                continue;
            };
            at = tok.end;
            if !tok.is_tag {
                continue;
            }
            let name = key(tok.tag(self.text).0.as_bytes());
            // Liquid 5.4 does not see `{%- endraw` as the end of a raw block.
            if name == ENDRAW && tok.trim_before {
                continue;
            }
            if name == close && close != ENDRAW && depth > 0 {
                depth -= 1;
            } else if name == close {
                return Some(tok);
            } else if Some(name) == nest {
                depth += 1;
            } else if name == RAW && close != ENDRAW {
                at = self.find_end(at, end, ENDRAW, None)?.end;
            }
        }
        None
    }

    /// The text before `at`, the white space removed that whitespace control removes.
    fn text_until(&mut self, at: usize, trim_end: bool) {
        let mut text = &self.text[self.at..at];
        if std::mem::take(&mut self.trim_next) {
            text = text.trim_start();
        }
        if trim_end {
            text = text.trim_end();
        }
        self.emit(at, text);
    }

    /// `tok` (and the text after it up to `end`) run: `printed` in its place.
    fn replace(&mut self, tok: Token, end: usize, printed: &str) {
        self.text_until(tok.start, tok.trim_before);
        self.emit(end, printed);
        self.trim_next = tok.trim_after;
    }

    /// The text from `start` to `end` left as written, and why.
    fn leave(&mut self, start: usize, end: usize, reason: Reason) {
        self.text_until(start, false);
        let text = self.text[start..end].to_owned();
        self.emit(end, &text);
        self.problems.push((Problem::Left { text: self.clip(start, end), reason }, start));
    }

    /// The text read up to `end` gives `written`.
    fn emit(&mut self, end: usize, written: &str) {
        self.read_lines += count_newlines(&self.text.as_bytes()[self.at..end]);
        self.written_lines += count_newlines(written.as_bytes());
        self.out.push_str(written);
        self.at = end;
        self.lines.anchor(self.written_lines + 1, self.read_lines + 1);
    }

    /// The first line of the text from `start` to `end`, cut short if long, to quote in a message.
    fn clip(&self, start: usize, end: usize) -> String {
        let text = &self.text[start..end];
        let line = text.lines().next().unwrap_or_default();
        match line.char_indices().nth(60) {
            Some((at, _)) => format!("{}…", &line[..at]),
            None if line.len() < text.len() => format!("{line}…"),
            None => line.to_owned(),
        }
    }
}
