//! Liquid 5's expressions as its strict parser reads them: literals, ranges, variables with
//! their lookups (`page.tags[0]`, `list.size`), and an output's filters.

use super::Reason;
use crate::kramdown::patterns::is_space_char as is_space;
use crate::value::Value;

/// A token of Liquid's lexer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tok<'t> {
    Id(&'t str),
    /// A quoted string, with its quotes.
    Str(&'t str),
    Number(&'t str),
    /// `==`, `!=`, `<>`, `<`, `>`, `<=`, `>=`, `contains`.
    Comparison(&'t str),
    DotDot,
    /// One of `|.:,[]()?-`.
    Punct(u8),
    End,
}

/// The tokens of `markup`, as Liquid 5's lexer cuts them; `None` where it would stop.
pub fn lex(markup: &str) -> Option<Vec<Tok<'_>>> {
    let mut toks = Vec::new();
    let mut rest = markup;
    loop {
        rest = rest.trim_start_matches(is_space);
        let Some(first) = rest.bytes().next() else { break };
        let word_end = |r: &str| r.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(r.len());
        let (tok, len) = if let Some(op) = ["==", "!=", "<>", "<=", ">=", "<", ">"].into_iter().find(|op| rest.starts_with(op)) {
            (Tok::Comparison(op), op.len())
        } else if rest.starts_with("contains") && rest[8..].starts_with(is_space) {
            (Tok::Comparison("contains"), 8)
        } else if first == b'"' || first == b'\'' {
            let len = rest[1..].find(char::from(first))?;
            (Tok::Str(&rest[..len + 2]), len + 2)
        } else if let Some(len) = number_len(rest) {
            (Tok::Number(&rest[..len]), len)
        } else if first.is_ascii_alphabetic() || first == b'_' {
            let mut len = word_end(rest);
            len += usize::from(rest[len..].starts_with('?'));
            (Tok::Id(&rest[..len]), len)
        } else if rest.starts_with("..") {
            (Tok::DotDot, 2)
        } else if b"|.:,[]()?-".contains(&first) {
            (Tok::Punct(first), 1)
        } else {
            return None;
        };
        toks.push(tok);
        rest = &rest[len..];
    }
    toks.push(Tok::End);
    Some(toks)
}

/// `-?\d+(\.\d+)?` at the start of `text`.
fn number_len(text: &str) -> Option<usize> {
    let digits = |from: usize| text[from..].bytes().take_while(u8::is_ascii_digit).count();
    let sign = usize::from(text.starts_with('-'));
    let whole = digits(sign);
    if whole == 0 {
        return None;
    }
    let end = sign + whole;
    let fraction = if text[end..].starts_with('.') { digits(end + 1) } else { 0 };
    Some(if fraction > 0 { end + 1 + fraction } else { end })
}

/// A step from a value to one inside it.
#[derive(Debug)]
pub enum Lookup<'t> {
    /// `.name`: a key, or `size`, `first`, `last`.
    Key(&'t str),
    /// `[expression]`: a key or an index.
    Index(Expr<'t>),
}

#[derive(Debug)]
pub enum Expr<'t> {
    Literal(Value),
    /// `(first..last)`.
    Range(Box<Expr<'t>>, Box<Expr<'t>>),
    Variable(&'t str, Vec<Lookup<'t>>),
    /// `empty` and `blank` compared in a condition (elsewhere they are `''`).
    Empty,
    Blank,
}

/// A filter and its arguments.
pub struct Filter<'t> {
    pub name: &'t str,
    pub args: Vec<Expr<'t>>,
    /// Its `key: value` arguments, which Liquid gives it as one mapping after the others
    /// (`default`'s `allow_false` is Liquid's only).
    pub keywords: Vec<(&'t str, Expr<'t>)>,
}

/// Reads tokens from left to right, as Liquid's `Parser`.
pub struct Parser<'t> {
    toks: Vec<Tok<'t>>,
    at: usize,
    /// Expressions open around the one read (`a[b[c]]`), kept few for the stack's sake.
    depth: usize,
}

impl<'t> Parser<'t> {
    pub fn new(markup: &'t str) -> Result<Self, Reason> {
        Ok(Parser { toks: lex(markup).ok_or(Reason::Lax)?, at: 0, depth: 0 })
    }

    pub fn look(&self, ahead: usize) -> Tok<'t> {
        self.toks.get(self.at + ahead).copied().unwrap_or(Tok::End)
    }

    pub fn next(&mut self) -> Tok<'t> {
        let tok = self.look(0);
        self.at += usize::from(tok != Tok::End);
        tok
    }

    /// Where the parser is, to give [`Parser::text_since`].
    pub fn position(&self) -> usize {
        self.at
    }

    /// The tokens read since `position`, written together as Liquid's parser gives an
    /// expression's text (`(1..3)`, `page.tags`).
    pub fn text_since(&self, position: usize) -> String {
        let mut text = String::new();
        for tok in &self.toks[position..self.at] {
            match tok {
                Tok::Id(t) | Tok::Str(t) | Tok::Number(t) | Tok::Comparison(t) => text.push_str(t),
                Tok::DotDot => text.push_str(".."),
                Tok::Punct(c) => text.push(char::from(*c)),
                Tok::End => {}
            }
        }
        text
    }

    /// Takes `tok` if it is next.
    pub fn eat(&mut self, tok: Tok) -> bool {
        let ate = self.look(0) == tok;
        self.at += usize::from(ate);
        ate
    }

    pub fn expect(&mut self, tok: Tok) -> Result<(), Reason> {
        self.eat(tok).then_some(()).ok_or(Reason::Lax)
    }

    /// Takes the identifier `word` if it is next.
    pub fn word(&mut self, word: &str) -> bool {
        self.eat(Tok::Id(word))
    }

    pub fn end(&mut self) -> Result<(), Reason> {
        self.expect(Tok::End)
    }

    pub fn id(&mut self) -> Result<&'t str, Reason> {
        match self.next() {
            Tok::Id(name) => Ok(name),
            _ => Err(Reason::Lax),
        }
    }

    /// An expression; `empty` and `blank` are themselves where `method_literals`.
    pub fn expression(&mut self, method_literals: bool) -> Result<Expr<'t>, Reason> {
        if self.depth > 20 {
            return Err(Reason::Lax);
        }
        self.depth += 1;
        let expr = self.expression_here(method_literals);
        self.depth -= 1;
        expr
    }

    fn expression_here(&mut self, method_literals: bool) -> Result<Expr<'t>, Reason> {
        Ok(match self.next() {
            Tok::Str(text) => Expr::Literal(Value::String(text[1..text.len() - 1].to_owned())),
            Tok::Number(text) => Expr::Literal(match text.contains('.') {
                true => Value::Float(crate::float::parse(text).ok_or(Reason::Lax)?),
                // Past i64 is a Ruby Bignum, which Folio does not have.
                false => Value::Int(text.parse().map_err(|_| Reason::Lax)?),
            }),
            Tok::Punct(b'(') => {
                let first = self.expression(false)?;
                self.expect(Tok::DotDot)?;
                let last = self.expression(false)?;
                self.expect(Tok::Punct(b')'))?;
                Expr::Range(Box::new(first), Box::new(last))
            }
            Tok::Id(name) => {
                let mut lookups = Vec::new();
                loop {
                    if self.eat(Tok::Punct(b'[')) {
                        lookups.push(Lookup::Index(self.expression(false)?));
                        self.expect(Tok::Punct(b']'))?;
                    } else if self.eat(Tok::Punct(b'.')) {
                        lookups.push(Lookup::Key(self.id()?));
                    } else {
                        break;
                    }
                }
                if !lookups.is_empty() {
                    return Ok(Expr::Variable(name, lookups));
                }
                match name {
                    "nil" | "null" => Expr::Literal(Value::Null),
                    "true" | "false" => Expr::Literal(Value::Bool(name == "true")),
                    "empty" if method_literals => Expr::Empty,
                    "blank" if method_literals => Expr::Blank,
                    "empty" | "blank" => Expr::Literal(Value::String(String::new())),
                    _ => Expr::Variable(name, lookups),
                }
            }
            _ => return Err(Reason::Lax),
        })
    }

    /// An output's markup: an expression (none in `{{ }}`) and its filters; `empty` and `blank`
    /// are themselves, which filters see (see `Pass::value`).
    pub fn output(&mut self) -> Result<(Option<Expr<'t>>, Vec<Filter<'t>>), Reason> {
        if self.look(0) == Tok::End {
            return Ok((None, Vec::new()));
        }
        let expr = self.expression(true)?;
        let mut filters = Vec::new();
        while self.eat(Tok::Punct(b'|')) {
            let name = self.id()?;
            let (mut args, mut keywords) = (Vec::new(), Vec::new());
            if self.eat(Tok::Punct(b':')) {
                loop {
                    match (self.look(0), self.look(1)) {
                        (Tok::Id(key), Tok::Punct(b':')) => {
                            self.at += 2;
                            keywords.push((key, self.expression(false)?));
                        }
                        _ => args.push(self.expression(false)?),
                    }
                    if !self.eat(Tok::Punct(b',')) {
                        break;
                    }
                }
            }
            filters.push(Filter { name, args, keywords });
        }
        self.end()?;
        Ok((Some(expr), filters))
    }
}
