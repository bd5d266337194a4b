//! A body's Liquid parsed as Liquid 5 parses a template: text, outputs, tags, and blocks with
//! their branches (`elsif`, `else`, `when`), whitespace control applied to the text, and the
//! white space of blocks that print nothing removed. Errors Jekyll stops on are found here,
//! in every branch whether it runs or not.

use super::scan::{next_start, token, Token};
use super::{Problem, Reason};
use crate::kramdown::patterns::is_space_char as is_space;

/// A piece of the body, by its byte offsets (the whole tag or block, to leave as written).
#[derive(Debug)]
pub struct Node<'t> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind<'t>,
}

#[derive(Debug)]
pub enum Kind<'t> {
    /// Text, copied (whitespace control has trimmed `start..end`).
    Text,
    /// `{{ markup }}`, the end of its opening delimiter first.
    Output(&'t str),
    /// A tag without a body: its name and markup.
    Tag(&'t str, &'t str),
    Block(Block<'t>),
    /// `{% raw %}`: its content, copied.
    Raw(usize, usize),
    /// A comment: nothing.
    Nothing,
    /// Left as written, with this reason (said where it is run).
    Left(Reason),
    /// Left as written, an error already said.
    Broken,
}

#[derive(Debug)]
pub struct Block<'t> {
    pub name: &'t str,
    /// Where its opening tag ends (to quote it).
    pub head_end: usize,
    /// The first branch is the block's own (`if`, `for`…), then `elsif`, `else`, `when`.
    pub branches: Vec<Branch<'t>>,
}

#[derive(Debug)]
pub struct Branch<'t> {
    pub tag: &'t str,
    pub markup: &'t str,
    pub nodes: Vec<Node<'t>>,
}

/// How deep Liquid nests blocks.
const MAX_DEPTH: usize = 100;

/// Tags that have no body, Liquid's and Jekyll's (`liquid` is read apart).
const SIMPLE: [&str; 11] =
    ["assign", "echo", "increment", "decrement", "cycle", "break", "continue", "include", "include_relative", "post_url", "link"];

/// The tags that open branches of each block Folio runs, and the tag that ends it.
fn branch_tags(block: &str) -> Option<&'static [&'static str]> {
    Some(match block {
        "if" => &["elsif", "else", "endif"],
        "unless" => &["elsif", "else", "endunless"],
        "case" => &["when", "else", "endcase"],
        "for" => &["else", "endfor"],
        "tablerow" => &["endtablerow"],
        "ifchanged" => &["endifchanged"],
        "capture" => &["endcapture"],
        "highlight" => &["endhighlight"],
        "comment" => &["endcomment"],
        _ => return None,
    })
}

pub fn parse<'t>(text: &'t str, problems: &mut Vec<(Problem, usize)>) -> Vec<Node<'t>> {
    let mut parser = Parser { text, at: 0, trim_next: false, depth: 0, lines_end: None, unknown: false, problems };
    let (nodes, _) = parser.body(None);
    nodes
}

struct Parser<'t, 'p> {
    text: &'t str,
    at: usize,
    /// The last tag ended with `-%}` or `-}}`: the text after it is trimmed.
    trim_next: bool,
    /// Blocks open around what is read.
    depth: usize,
    /// Inside `{% liquid %}`, where its markup ends: each of its lines is a tag.
    lines_end: Option<usize>,
    /// A tag Folio does not know met in the lines of a `liquid` tag.
    unknown: bool,
    problems: &'p mut Vec<(Problem, usize)>,
}

impl<'t> Parser<'t, '_> {
    /// Nodes up to the end of the text, or to a tag of `block`'s (returned, with its name).
    fn body(&mut self, block: Option<&str>) -> (Vec<Node<'t>>, Option<(Token, &'t str, &'t str)>) {
        let mut nodes = Vec::new();
        let len = self.text.len();
        while let Some(start) = self.next_start() {
            let Some(tok) = self.token_at(start) else {
                // `{{` or `{%` never closed: Jekyll stops; here it stays, and what follows runs.
                self.text_node(&mut nodes, start, false);
                self.error(start, start + 2, len, Reason::Unclosed, &mut nodes);
                continue;
            };
            self.text_node(&mut nodes, start, tok.trim_before);
            self.at = tok.end;
            self.trim_next = tok.trim_after;
            if !tok.is_tag {
                let markup = &self.text[tok.inner.0..tok.inner.1];
                nodes.push(Node { start, end: tok.end, kind: Kind::Output(markup) });
                continue;
            }
            let (name, markup) = tok.tag(self.text);
            if block.and_then(branch_tags).is_some_and(|tags| tags.contains(&name)) {
                return (nodes, Some((tok, name, markup)));
            }
            let closing = |p: &Self, close: &str, nest: Option<&str>| p.find_end(tok.end, close, nest);
            let node = match name {
                // Lines are tags, never a raw's end; and no `liquid` tag nests in another.
                "raw" | "liquid" if self.lines_end.is_some() => {
                    let reason = if name == "raw" { Reason::Unclosed } else { Reason::Syntax };
                    self.error(start, tok.end, tok.end, reason, &mut nodes);
                    continue;
                }
                "liquid" => self.liquid(tok, markup),
                "raw" => match closing(self, "endraw", None) {
                    // Liquid 5.4 keeps the content whole, whatever the `-` inside the delimiters;
                    // the opening tag's `-%}` trims what follows the closing one.
                    Some(close) => {
                        self.at = close.end;
                        Node { start, end: close.end, kind: Kind::Raw(tok.end, close.start) }
                    }
                    None => self.left_to_the_end(start),
                },
                "comment" => self.comment(tok),
                // Liquid 5.4's inline comment, `{% # note %}`.
                "" if markup.starts_with('#') => Node { start, end: tok.end, kind: Kind::Nothing },
                // A comment ignores the tags it does not know, stray ones too.
                "else" | "elsif" | "when" if block == Some("comment") => Node { start, end: tok.end, kind: Kind::Nothing },
                _ if name.starts_with("end") && block == Some("comment") => Node { start, end: tok.end, kind: Kind::Nothing },
                "" | "else" | "elsif" | "when" => {
                    self.error(start, tok.end, tok.end, Reason::Syntax, &mut nodes);
                    continue;
                }
                _ if name.starts_with("end") => {
                    self.error(start, tok.end, tok.end, Reason::Syntax, &mut nodes);
                    continue;
                }
                _ if branch_tags(name).is_some() && self.depth >= MAX_DEPTH => {
                    self.error(start, tok.end, tok.end, Reason::TooDeep, &mut nodes);
                    continue;
                }
                _ if branch_tags(name).is_some() => self.block(tok, name, markup),
                _ if SIMPLE.contains(&name) => Node { start, end: tok.end, kind: Kind::Tag(name, markup) },
                _ if self.lines_end.is_some() => {
                    // A comment ignores the tags it does not know.
                    self.unknown |= block != Some("comment");
                    Node { start, end: tok.end, kind: Kind::Tag(name, markup) }
                }
                _ => match closing(self, &format!("end{name}"), Some(name)) {
                    // A block Folio does not run (Liquid's, or a plugin's with its `end` tag
                    // written) stays whole.
                    Some(close) => {
                        self.at = close.end;
                        Node { start, end: close.end, kind: Kind::Left(Reason::Tag) }
                    }
                    _ => Node { start, end: tok.end, kind: Kind::Tag(name, markup) },
                },
            };
            nodes.push(node);
        }
        self.text_node(&mut nodes, len, false);
        (nodes, None)
    }

    /// A block, its branches parsed up to its end tag; never closed, only its tag is left, an
    /// error, and what follows it is read again outside it.
    fn block(&mut self, open: Token, name: &'t str, markup: &'t str) -> Node<'t> {
        let (mark, mut branches) = (self.problems.len(), vec![Branch { tag: name, markup, nodes: Vec::new() }]);
        loop {
            self.depth += 1;
            let (nodes, next) = self.body(Some(name));
            self.depth -= 1;
            branches.last_mut().expect("a branch").nodes = nodes;
            match next {
                Some((close, tag, _)) if tag.starts_with("end") => {
                    let mut block = Block { name, head_end: open.end, branches };
                    if matches!(name, "if" | "unless" | "case" | "for") && block.is_blank(self.text) {
                        // Liquid drops the white space of a block that would print only that.
                        block.branches.iter_mut().for_each(|b| b.nodes.retain(|n| !matches!(n.kind, Kind::Text)));
                    }
                    return Node { start: open.start, end: close.end, kind: Kind::Block(block) };
                }
                Some((_, tag, markup)) => branches.push(Branch { tag, markup, nodes: Vec::new() }),
                None => {
                    self.problems.truncate(mark);
                    (self.at, self.trim_next) = (open.end, open.trim_after);
                    let mut nodes = Vec::new();
                    self.error(open.start, open.end, open.end, Reason::Unclosed, &mut nodes);
                    return nodes.pop().expect("the error's node");
                }
            }
        }
    }

    /// A comment: Liquid 5.4 parses its body as a block's, so that the errors there stop Jekyll
    /// too, and prints nothing of it. Never closed, it is left up to the end.
    fn comment(&mut self, open: Token) -> Node<'t> {
        if self.depth >= MAX_DEPTH {
            let mut nodes = Vec::new();
            self.error(open.start, open.end, open.end, Reason::TooDeep, &mut nodes);
            return nodes.pop().expect("the error's node");
        }
        let mark = self.problems.len();
        self.depth += 1;
        let (_, close) = self.body(Some("comment"));
        self.depth -= 1;
        match close {
            Some((close, ..)) => Node { start: open.start, end: close.end, kind: Kind::Nothing },
            None => {
                self.problems.truncate(mark);
                self.left_to_the_end(open.start)
            }
        }
    }

    /// `{% liquid %}`: each line of its markup a tag, read as a body (`# …` a comment). A tag
    /// Folio does not know leaves it whole, as elsewhere; one that does not parse is an error.
    fn liquid(&mut self, open: Token, markup: &'t str) -> Node<'t> {
        let from = markup.as_ptr() as usize - self.text.as_ptr() as usize;
        let mark = self.problems.len();
        (self.at, self.lines_end, self.unknown) = (from, Some(from + markup.len()), false);
        let (nodes, _) = self.body(None);
        (self.at, self.trim_next, self.lines_end) = (open.end, open.trim_after, None);
        let kind = if self.unknown {
            self.problems.truncate(mark);
            Kind::Left(Reason::Tag)
        } else if self.problems.len() > mark {
            Kind::Broken
        } else {
            Kind::Block(Block { name: "liquid", head_end: open.end, branches: vec![Branch { tag: "liquid", markup, nodes }] })
        };
        Node { start: open.start, end: open.end, kind }
    }

    /// Where the next tag or output starts: in a `liquid` tag, the next line that is not blank.
    fn next_start(&self) -> Option<usize> {
        let Some(end) = self.lines_end else { return next_start(self.text, self.at) };
        let rest = &self.text[self.at..end];
        let start = end - rest.trim_start_matches(is_space).len();
        (start < end).then_some(start)
    }

    /// The tag or output at `start`, if it is closed: in a `liquid` tag, the line.
    fn token_at(&self, start: usize) -> Option<Token> {
        let Some(end) = self.lines_end else { return token(self.text, start).filter(|t| t.closed(self.text)) };
        let line_end = self.text[start..end].find('\n').map_or(end, |at| start + at);
        Some(Token { is_tag: true, start, end: line_end, inner: (start, line_end), trim_before: false, trim_after: false })
    }

    /// The text before `end`, trimmed as whitespace control says, as a node (none between the
    /// lines of a `liquid` tag).
    fn text_node(&mut self, nodes: &mut Vec<Node<'t>>, end: usize, trim_end: bool) {
        if self.lines_end.is_some() {
            self.at = end;
            return;
        }
        let (mut start, mut stop) = (self.at, end);
        // Ruby's `lstrip` and `rstrip`: ASCII white space only (not a no-break space).
        if std::mem::take(&mut self.trim_next) {
            start = end - self.text[start..end].trim_start_matches(is_space).len();
        }
        if trim_end {
            stop = start + self.text[start..stop].trim_end_matches(is_space).len();
        }
        if start < stop {
            nodes.push(Node { start, end: stop, kind: Kind::Text });
        }
        self.at = end;
    }

    /// An error Jekyll stops on, at `start..end` (quoted up to `quote`), left as written.
    fn error(&mut self, start: usize, end: usize, quote: usize, reason: Reason, nodes: &mut Vec<Node<'t>>) {
        self.problems.push((Problem::Left { text: clip(self.text, start, quote), reason }, start));
        nodes.push(Node { start, end, kind: Kind::Broken });
        self.at = end;
    }

    /// A `raw` or `comment` never closed, whose content Liquid would not read: left up to the end.
    fn left_to_the_end(&mut self, start: usize) -> Node<'t> {
        let mut nodes = Vec::new();
        let end = self.lines_end.unwrap_or(self.text.len());
        self.error(start, end, end, Reason::Unclosed, &mut nodes);
        nodes.pop().expect("the error's node")
    }

    /// The tag closing a block, `close`, from `from`, counting `nest` blocks opened inside; a
    /// `raw` inside is skipped whole.
    fn find_end(&self, from: usize, close: &str, nest: Option<&str>) -> Option<Token> {
        let (mut at, mut depth) = (from, 0);
        while let Some(start) = next_start(self.text, at) {
            let Some(tok) = token(self.text, start) else {
                at = start + 2;
                continue;
            };
            at = tok.end;
            if close == "endraw" {
                match raw_end(self.text, &tok) {
                    Some(start) => return Some(Token { start, ..tok }),
                    None => continue,
                }
            }
            if !tok.is_tag {
                continue;
            }
            let name = tok.tag(self.text).0;
            if name == close && close != "endraw" && depth > 0 {
                depth -= 1;
            } else if name == close {
                return Some(tok);
            } else if Some(name) == nest {
                depth += 1;
            } else if name == "raw" && close != "endraw" {
                at = self.find_end(at, "endraw", None)?.end;
            }
        }
        None
    }
}

impl Block<'_> {
    /// Whether it prints nothing but white space: Liquid's `blank?`.
    fn is_blank(&self, text: &str) -> bool {
        self.branches.iter().all(|b| {
            b.nodes.iter().all(|n| match &n.kind {
                Kind::Text => text[n.start..n.end].trim_matches(is_space).is_empty(),
                Kind::Nothing | Kind::Tag("assign", _) => true,
                Kind::Raw(start, end) => start == end,
                Kind::Block(block) => block.name == "capture" || block.is_blank(text),
                _ => false,
            })
        })
    }
}

/// Where `tok` ends a raw block, as Liquid 5.4's `Raw` reads each token with
/// `/\A(.*)\{%\s*(\w+)\s*(.*)?%\}\z/m`: the token ends in `%}` and the last `{%` followed by
/// a name names `endraw` (not `{%- endraw`). An output counts too: `{{{% endraw %}` is one token,
/// its first `}` being the tag's. What is before that `{%` is the raw's content.
fn raw_end(text: &str, tok: &Token) -> Option<usize> {
    let token = &text[tok.start..tok.end];
    if !token.ends_with("%}") {
        return None;
    }
    let body = &token[..token.len() - 2];
    let (at, name) = body.rmatch_indices("{%").find_map(|(at, _)| {
        let rest = body[at + 2..].trim_start_matches(is_space);
        let len = rest.bytes().take_while(|&b| crate::kramdown::patterns::is_word(b)).count();
        (len > 0).then(|| (at, &rest[..len]))
    })?;
    (name == "endraw").then_some(tok.start + at)
}

/// The first line of `text[start..end]`, cut short if long, to quote in a message.
pub fn clip(text: &str, start: usize, end: usize) -> String {
    let text = &text[start..end];
    let line = text.lines().next().unwrap_or_default();
    let cut = line.char_indices().nth(60).map_or(line.len(), |(at, _)| at);
    let mut quoted = line[..cut].to_owned();
    if cut < text.len() {
        quoted.push('…');
    }
    quoted
}
