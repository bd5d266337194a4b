//! The pass over a body: text copied, each tag and output run or left as written, and the lines
//! that moved remembered.

use super::scan::{next_start, token, Token};
use super::{values, Context, LineMap, Output, Problem, Reason};
use crate::kramdown::convert::{escape_html, Escape};
use crate::kramdown::patterns::is_space_char as is_space;
use crate::kramdown::scanner::count_newlines;

/// Runs the Liquid of `body`; `None` when the front matter says `render_with_liquid: false`.
pub fn run(body: &str, context: &Context) -> Option<Output> {
    let off = context.data.iter().any(|(k, v)| k == "render_with_liquid" && *v == crate::Value::Bool(false));
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
                    self.leave(start, start + 2, end, Reason::Unclosed);
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
                self.replace(tok, tok.end, &printed, None);
            }
            Err(reason) => self.leave(tok.start, tok.end, tok.end, reason),
        }
    }

    fn tag(&mut self, tok: Token, end: usize) {
        let (name, markup) = tok.tag(self.text);
        let closing = |pass: &Self, close: &str, nest: Option<&str>| pass.find_end(tok.end, end, close, nest);
        match name {
            "raw" => match closing(self, "endraw", None) {
                // Liquid 5.4 keeps the content whole, whatever the `-` inside the delimiters;
                // the opening tag's `-%}` trims what follows the closing one.
                Some(close) => self.replace(tok, close.end, &self.text[tok.end..close.start], Some(tok.end)),
                None => self.leave(tok.start, end, end, Reason::Unclosed),
            },
            "comment" => match closing(self, "endcomment", Some("comment")) {
                Some(close) => {
                    self.replace(tok, close.end, "", None);
                    self.trim_next = close.trim_after;
                }
                None => self.leave(tok.start, end, end, Reason::Unclosed),
            },
            "highlight" => self.highlight(tok, markup, end),
            "include" => {
                let file = markup.split(is_space).next().unwrap_or_default().to_owned();
                self.leave(tok.start, tok.end, tok.end, Reason::Include(file));
            }
            _ if name.is_empty() || name.starts_with("end") => self.leave(tok.start, tok.end, tok.end, Reason::Syntax),
            // Links to the site's other pages.
            "post_url" | "link" => self.leave(tok.start, tok.end, tok.end, Reason::Site),
            _ => {
                // A block (Liquid's, or a plugin's with its `end` tag written) stays whole.
                match closing(self, &format!("end{name}"), Some(name)) {
                    Some(close) => self.leave(tok.start, close.end, tok.end, Reason::Tag),
                    // Liquid's own blocks, whose end is required.
                    None if matches!(name, "if" | "unless" | "case" | "for" | "tablerow" | "capture") => {
                        self.leave(tok.start, tok.end, tok.end, Reason::Unclosed)
                    }
                    None => self.leave(tok.start, tok.end, tok.end, Reason::Tag),
                }
            }
        }
    }

    /// `{% highlight LANG %}`: the code (its Liquid run) escaped in Jekyll's markup, without its
    /// first and last line breaks.
    fn highlight(&mut self, tok: Token, markup: &str, end: usize) {
        let lang_ok = !markup.is_empty() && markup.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'#' | b'-'));
        let Some(close) = self.find_end(tok.end, end, "endhighlight", None) else {
            return self.leave(tok.start, end, end, Reason::Unclosed);
        };
        if !lang_ok {
            // Options (`linenos`) make rouge's table; other markup is an error in Jekyll.
            let reason = if markup.contains(is_space) { Reason::Tag } else { Reason::Syntax };
            return self.leave(tok.start, close.end, tok.end, reason);
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
        // Escaped as rouge's HTML formatter does, and kramdown's code blocks (`Escape::All`).
        escape_html(&mut html, code, Escape::All);
        html.push_str("</code></pre></figure>");
        self.replace(tok, close.end, &html, None);
        self.trim_next = close.trim_after;
    }

    /// The tag closing a block, `close`, from `from` (before `end`), counting `nest` blocks opened
    /// inside; a `raw` inside is skipped whole.
    fn find_end(&self, from: usize, end: usize, close: &str, nest: Option<&str>) -> Option<Token> {
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
            let name = tok.tag(self.text).0;
            // Liquid 5.4 does not see `{%- endraw` as the end of a raw block.
            if name == "endraw" && tok.trim_before {
                continue;
            }
            if name == close && close != "endraw" && depth > 0 {
                depth -= 1;
            } else if name == close {
                return Some(tok);
            } else if Some(name) == nest {
                depth += 1;
            } else if name == "raw" && close != "endraw" {
                at = self.find_end(at, end, "endraw", None)?.end;
            }
        }
        None
    }

    /// The text before `at`, the white space removed that whitespace control removes.
    fn text_until(&mut self, at: usize, trim_end: bool) {
        let mut text = &self.text[self.at..at];
        // Ruby's `lstrip` and `rstrip`: ASCII white space only (not a no-break space).
        if std::mem::take(&mut self.trim_next) {
            text = text.trim_start_matches(is_space);
        }
        if trim_end {
            text = text.trim_end_matches(is_space);
        }
        let from = text.as_ptr() as usize - self.text.as_ptr() as usize;
        self.emit(at, text, Some(from));
    }

    /// `tok` (and the text after it up to `end`) run: `printed` in its place, a copy of the
    /// text from `from` or made by Liquid (`None`).
    fn replace(&mut self, tok: Token, end: usize, printed: &str, from: Option<usize>) {
        self.text_until(tok.start, tok.trim_before);
        self.emit(end, printed, from);
        self.trim_next = tok.trim_after;
    }

    /// The text from `start` to `end` left as written, and why (quoting it up to `quote`).
    fn leave(&mut self, start: usize, end: usize, quote: usize, reason: Reason) {
        self.text_until(start, false);
        self.emit(end, &self.text[start..end], Some(start));
        self.problems.push((Problem::Left { text: self.clip(start, quote), reason }, start));
    }

    /// The text read up to `end` gives `written`: a copy of the text from `from`, or made by
    /// Liquid (`None`). Lines are placed where a line break is written: in a copy, the line
    /// after its first break is the text's line after it; in what Liquid made, the line after
    /// its last break shows the line where what it replaces ends.
    fn emit(&mut self, end: usize, written: &str, from: Option<usize>) {
        let newlines = |range: std::ops::Range<usize>| count_newlines(&self.text.as_bytes()[range]);
        if let Some(first) = written.find('\n') {
            let (after, line) = match from {
                Some(from) => (self.written_lines + 2, self.read_lines + newlines(self.at..from + first + 1) + 1),
                None => (self.written_lines + count_newlines(written.as_bytes()) + 1, self.read_lines + newlines(self.at..end) + 1),
            };
            self.lines.anchor(after, line);
        }
        self.read_lines += newlines(self.at..end);
        self.written_lines += count_newlines(written.as_bytes());
        self.out.push_str(written);
        self.at = end;
    }

    /// The first line of the text from `start` to `end`, cut short if long, to quote in a message.
    fn clip(&self, start: usize, end: usize) -> String {
        let text = &self.text[start..end];
        let line = text.lines().next().unwrap_or_default();
        let cut = line.char_indices().nth(60).map_or(line.len(), |(at, _)| at);
        let mut quoted = line[..cut].to_owned();
        if cut < text.len() {
            quoted.push('…');
        }
        quoted
    }
}


