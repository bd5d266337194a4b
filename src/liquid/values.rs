//! Output tags: `{{ page.title | escape }}` read, its variable looked up in the front matter or
//! the profile, and printed as Liquid prints values.

use super::{filters, Context, Reason};
use crate::value::Value;

/// A literal or a variable's path.
enum Expr<'t> {
    Literal(Value),
    Path(Vec<&'t str>),
}

/// What an output prints, or why it is left as written. `missing` is set when a `page` key
/// the front matter does not have was looked up (Liquid prints nothing for it).
pub fn render(markup: &str, context: &Context, missing: &mut bool) -> Result<String, Reason> {
    let mut parts = Splitter { text: markup, at: 0 };
    parts.space();
    let mut value = eval(parts.expr().ok_or(Reason::Tag)?, context, missing)?;
    loop {
        parts.space();
        if parts.at == parts.text.len() {
            break;
        }
        if !parts.eat('|') {
            return Err(Reason::Tag);
        }
        parts.space();
        let name = parts.name().ok_or(Reason::Tag)?;
        let mut args = Vec::new();
        parts.space();
        if parts.eat(':') {
            loop {
                parts.space();
                args.push(eval(parts.expr().ok_or(Reason::Tag)?, context, missing)?);
                parts.space();
                if !parts.eat(',') {
                    break;
                }
            }
        }
        value = filters::apply(name, value, &args, context.profile)?;
        // A missing key given a default prints the default: nothing to say.
        if name == "default" {
            *missing = false;
        }
    }
    let mut out = String::new();
    print(&value, &mut out)?;
    Ok(out)
}

/// Liquid's `to_s` of a value: lists printed one element after another (nested ones too).
fn print(value: &Value, out: &mut String) -> Result<(), Reason> {
    match value {
        Value::Seq(items) => items.iter().try_for_each(|item| print(item, out)),
        Value::Map(_) => Err(Reason::Tag),
        scalar => {
            out.push_str(&scalar.to_scalar_string().unwrap_or_default());
            Ok(())
        }
    }
}

fn eval(expr: Expr, context: &Context, missing: &mut bool) -> Result<Value, Reason> {
    let path = match expr {
        Expr::Literal(value) => return Ok(value),
        Expr::Path(path) => path,
    };
    let mut value = match (path[0], path.get(1)) {
        ("page", Some(name)) => page(name, context, missing)?,
        ("site", Some(name)) => site(name, context)?,
        _ => return Err(Reason::Variable),
    };
    for name in &path[2..] {
        value = match &value {
            Value::Map(_) => value.get(name).cloned().unwrap_or_else(|| {
                *missing = true;
                Value::Null
            }),
            _ => return Err(Reason::Tag),
        };
    }
    Ok(value)
}

/// `page.NAME`: Jekyll's own keys as Jekyll derives them, the rest from the front matter.
fn page(name: &str, context: &Context, missing: &mut bool) -> Result<Value, Reason> {
    let page = context.page;
    let list = |items: &Vec<String>| Value::Seq(items.iter().cloned().map(Value::String).collect());
    let found = match name {
        "title" => page.title.clone().map(Value::String),
        // Without a date, Jekyll's is the time of the build.
        "date" => Some(Value::Time(page.date.ok_or(Reason::Site)?)),
        "tags" => Some(list(&page.tags)),
        "categories" => Some(list(&page.categories)),
        "slug" => page.slug.clone().map(Value::String),
        // What Jekyll computes from the site (its permalinks, collections, other posts).
        "url" | "id" | "path" | "relative_path" | "excerpt" | "content" | "next" | "previous" | "collection" | "output"
        | "draft" | "ext" | "name" => return Err(Reason::Site),
        _ => context.data.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()),
    };
    Ok(found.unwrap_or_else(|| {
        *missing = true;
        Value::Null
    }))
}

/// `site.url` and `site.baseurl`, from the profile; the rest of `site` needs the site.
fn site(name: &str, context: &Context) -> Result<Value, Reason> {
    match name {
        "url" => Ok(Value::String(context.profile.url.clone())),
        "baseurl" => Ok(Value::String(context.profile.baseurl.clone())),
        _ => Err(Reason::Site),
    }
}

/// Reads an output's markup from left to right.
struct Splitter<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Splitter<'t> {
    fn rest(&self) -> &'t str {
        &self.text[self.at..]
    }

    fn space(&mut self) {
        self.at = self.text.len() - self.rest().trim_start_matches(crate::kramdown::patterns::is_space_char).len();
    }

    fn eat(&mut self, c: char) -> bool {
        let ate = self.rest().starts_with(c);
        self.at += usize::from(ate);
        ate
    }

    /// A name: a letter or `_`, then letters, digits, `_` or `-`.
    fn name(&mut self) -> Option<&'t str> {
        let rest = self.rest();
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
            return None;
        }
        let len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(rest.len());
        self.at += len;
        Some(&rest[..len])
    }

    /// A quoted string, an integer, `true`, `false`, `nil`, or a dotted path.
    fn expr(&mut self) -> Option<Expr<'t>> {
        let rest = self.rest();
        if let Some(quote) = rest.chars().next().filter(|&c| c == '"' || c == '\'') {
            let len = rest[1..].find(quote)?;
            self.at += len + 2;
            return Some(Expr::Literal(Value::String(rest[1..1 + len].to_owned())));
        }
        let digits = rest.strip_prefix('-').unwrap_or(rest);
        let len = digits.find(|c: char| !c.is_ascii_digit()).unwrap_or(digits.len());
        if len > 0 {
            let end = rest.len() - digits.len() + len;
            // A float's digits after its point would be printed as Ruby prints floats: not here.
            if rest[end..].starts_with('.') {
                return None;
            }
            self.at += end;
            return rest[..end].parse().ok().map(|n| Expr::Literal(Value::Int(n)));
        }
        let mut path = vec![self.name()?];
        while self.rest().starts_with('.') {
            self.at += 1;
            path.push(self.name()?);
        }
        Some(match path[..] {
            ["true"] => Expr::Literal(Value::Bool(true)),
            ["false"] => Expr::Literal(Value::Bool(false)),
            ["nil"] => Expr::Literal(Value::Null),
            _ => Expr::Path(path),
        })
    }
}
