//! What Liquid's variables hold as the body runs: what `assign`, `capture` and `for` set (or
//! that Folio cannot know what they set), the positions of `cycle`, and `page`
//! and `site` as far as the article and its profile tell.

use super::expression::{Expr, Lookup};
use super::number::{ruby_to_i, to_integer};
use super::{Context, Reason, MAX_MADE};
use crate::datetime::Mode;
use crate::value::Value;
use std::cell::Cell;

/// A variable's value, or why Folio cannot know it.
pub type Known = Result<Value, Reason>;

pub struct Scope<'a> {
    pub context: &'a Context<'a>,
    /// What `assign` and `capture` set: Liquid's outermost scope.
    globals: Vec<(String, Known)>,
    /// A `for` loop's variable and `forloop`, innermost last.
    pub locals: Vec<(String, Value)>,
    /// Each `cycle` group's next position.
    pub cycles: Vec<(String, Known)>,
    /// Where `offset: continue` resumes each loop.
    pub offsets: Vec<(String, Known)>,
    /// What `increment` and `decrement` count, apart from the variables (Jekyll's payload).
    pub counters: Vec<(String, Result<i64, Reason>)>,
    /// What the last `ifchanged` printed (Liquid's register), `nil` before the first.
    pub changed: Known,
    /// What a variable nothing set holds: `nil`, unless a tag left as written (an include, a
    /// plugin's) may have set any.
    pub unset: Known,
    /// Bytes made so far, against [`MAX_MADE`]: counted where values are read (each read
    /// copies), where filters make them, and where loops and captures write.
    made: Cell<usize>,
}

/// The entry named `name` in `list`, made with `new` if there is none.
pub fn entry<'l, T>(list: &'l mut Vec<(String, T)>, name: &str, new: impl FnOnce() -> T) -> &'l mut T {
    let at = match list.iter().position(|(k, _)| k == name) {
        Some(at) => at,
        None => {
            list.push((name.to_owned(), new()));
            list.len() - 1
        }
    };
    &mut list[at].1
}

impl<'a> Scope<'a> {
    pub fn new(context: &'a Context<'a>) -> Self {
        Scope {
            context,
            globals: Vec::new(),
            locals: Vec::new(),
            cycles: Vec::new(),
            offsets: Vec::new(),
            counters: Vec::new(),
            changed: Ok(Value::Null),
            unset: Ok(Value::Null),
            made: Cell::new(0),
        }
    }

    /// Counts `bytes` made; past [`MAX_MADE`] in all, what makes them is left as written.
    pub fn spend(&self, bytes: usize) -> Result<(), Reason> {
        self.made.set(self.made.get().saturating_add(bytes));
        match self.made.get() > MAX_MADE {
            true => Err(Reason::TooBig),
            false => Ok(()),
        }
    }

    pub fn assign(&mut self, name: &str, value: Known) {
        *entry(&mut self.globals, name, || Ok(Value::Null)) = value;
    }

    /// A top-level variable, as Liquid looks it up: loop variables, then assigned ones, then
    /// Jekyll's payload: its own keys, then the counters.
    fn variable(&self, name: &str) -> Known {
        if let Some((_, value)) = self.locals.iter().rev().find(|(k, _)| k == name) {
            return Ok(value.clone());
        }
        if let Some((_, value)) = self.globals.iter().find(|(k, _)| k == name) {
            return value.clone();
        }
        if in_jekyll_payload(name) {
            return Err(Reason::Site);
        }
        match self.counters.iter().find(|(k, _)| k == name) {
            Some((_, count)) => count.clone().map(Value::Int),
            None => self.unset.clone(),
        }
    }

    /// Whether `expr` is a variable nothing set, printed as `nil`.
    pub fn unset_variable(&self, expr: &Expr) -> bool {
        let Expr::Variable(name, _) = expr else { return false };
        !self.user_set(name) && !in_jekyll_payload(name) && self.unset.is_ok() && !self.counters.iter().any(|(k, _)| k == name)
    }

    /// Whether `expr` is `page.KEY` for a key the front matter does not have (Liquid prints
    /// nothing for it).
    pub fn missing_page_key(&self, expr: &Expr) -> bool {
        let Expr::Variable("page", lookups) = expr else { return false };
        let Some(Lookup::Key(key)) = lookups.first() else { return false };
        !self.user_set("page") && matches!(self.page(key), Ok(Value::Null)) && !self.context.data.iter().any(|(k, _)| k == key)
    }

    pub fn eval(&self, expr: &Expr) -> Known {
        match expr {
            Expr::Literal(value) => Ok(value.clone()),
            // A range is a value of its own in Ruby (it prints `1..3`): Folio runs it in `for` only.
            Expr::Range(..) => Err(Reason::Tag),
            Expr::Empty | Expr::Blank => Ok(Value::String(String::new())),
            Expr::Variable(name, lookups) => {
                let mut lookups = lookups.iter();
                let mut value = match (*name, lookups.as_slice().first()) {
                    ("page", Some(Lookup::Key(key))) if !self.user_set("page") => {
                        lookups.next();
                        self.page(key)?
                    }
                    ("site", Some(Lookup::Key(key))) if !self.user_set("site") => {
                        lookups.next();
                        self.site(key)?
                    }
                    _ => self.variable(name)?,
                };
                for lookup in lookups {
                    value = match lookup {
                        Lookup::Key(key) => step(value, &Value::String((*key).to_owned()), true),
                        Lookup::Index(index) => step(value, &self.eval(index)?, false),
                    };
                }
                self.spend(weight(&value))?;
                Ok(value)
            }
        }
    }

    /// A range's bounds, as Liquid's `RangeLookup` makes them whole numbers: nil and text by
    /// Ruby's `to_i`, and a float by `to_i` too when both bounds are literals (read as the
    /// template is parsed), else by `Utils.to_integer`, which refuses it.
    pub fn range(&self, expr: &Expr) -> Result<Option<(i64, i64)>, Reason> {
        let Expr::Range(first, last) = expr else { return Ok(None) };
        let literals = matches!((&**first, &**last), (Expr::Literal(_), Expr::Literal(_)));
        let bound = |e: &Expr| -> Result<i64, Reason> {
            match self.eval(e)? {
                Value::Null => Ok(0),
                Value::String(s) => ruby_to_i(&s),
                Value::Float(f) if literals => Ok(f as i64),
                value => to_integer(&value),
            }
        };
        Ok(Some((bound(first)?, bound(last)?)))
    }

    /// Whether the body set a variable `name` (which hides Jekyll's).
    fn user_set(&self, name: &str) -> bool {
        self.locals.iter().any(|(k, _)| k == name) || self.globals.iter().any(|(k, _)| k == name)
    }

    /// `page.NAME`: Jekyll's own keys as Jekyll derives them, the rest from the front matter.
    fn page(&self, name: &str) -> Known {
        let page = self.context.page;
        let list = |items: &Vec<String>| Value::Seq(items.iter().cloned().map(Value::String).collect());
        let found = match name {
            "title" => page.title.clone().map(Value::String),
            // Without a date, Jekyll's is the time of the build.
            "date" => Some(Value::Time(page.date.ok_or(Reason::Site)?)),
            "tags" => Some(list(&page.tags)),
            // A post's own, and natively the folders above its `_posts`.
            "categories" => Some(self.computed(name).unwrap_or_else(|_| list(&page.categories))),
            "slug" => page.slug.clone().map(Value::String),
            // What Jekyll computes from the site (its permalinks, collections, other posts).
            "url" | "id" | "path" | "relative_path" | "excerpt" | "content" | "next" | "previous" | "collection" | "output"
            | "draft" | "ext" | "name" => return self.computed(name),
            _ if self.context.big_integers.iter().any(|k| k == name) => return Err(Reason::Inexact),
            _ => self.context.data.iter().find(|(k, _)| k == name).map(|(_, v)| self.shown(v.clone())),
        };
        Ok(found.unwrap_or(Value::Null))
    }

    /// `value` with its times read without an offset shown in the site's zone, as Psych makes
    /// them local times.
    fn shown(&self, value: Value) -> Value {
        match value {
            Value::Time(time) if time.mode == Mode::Local => Value::Time(self.context.zone.show(time)),
            Value::Seq(items) => Value::Seq(items.into_iter().map(|v| self.shown(v)).collect()),
            Value::Map(entries) => Value::Map(entries.into_iter().map(|(k, v)| (k, self.shown(v))).collect()),
            value => value,
        }
    }

    /// A key of `page` Jekyll computes from the site: natively, what the site tells
    /// (`page.url`, `page.id`).
    fn computed(&self, name: &str) -> Known {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(value) = self.context.site.and_then(|site| site.page_key(name)) {
            return Ok(value);
        }
        let _ = name;
        Err(Reason::Site)
    }

    /// `site.url` and `site.baseurl`, from the profile; the rest of `site` needs the site.
    fn site(&self, name: &str) -> Known {
        match name {
            "url" => Ok(Value::String(self.context.profile.url.clone())),
            "baseurl" => Ok(Value::String(self.context.profile.baseurl.clone())),
            _ => Err(Reason::Site),
        }
    }
}

/// Whether `name` is a key of Jekyll's payload: its variables made from the site and the
/// layout, and the methods its drop answers to (`keys`, `to_hash`…).
pub fn in_jekyll_payload(name: &str) -> bool {
    matches!(
        name,
        "site" | "page" | "layout" | "content" | "paginator" | "jekyll" | "theme" | "highlighter_prefix" | "highlighter_suffix"
            | "content_methods" | "count" | "each_key" | "fetch" | "first" | "hash_for_json" | "keys" | "max" | "merge"
            | "min" | "sort" | "to_hash" | "to_liquid"
    )
}

/// Liquid's `VariableLookup` step: a key of a mapping, an index of a list (from the end when
/// negative), or, written `.size`, `.first`, `.last`, what they say; anything else `nil`.
fn step(value: Value, key: &Value, dotted: bool) -> Value {
    let command = if dotted { key.as_str() } else { None };
    match (value, key) {
        (Value::Map(entries), Value::String(k)) if entries.iter().any(|(name, _)| name == k) => {
            entries.into_iter().find(|(name, _)| name == k).map(|(_, v)| v).unwrap_or(Value::Null)
        }
        (Value::Seq(items), Value::Int(i)) => {
            let at = if *i < 0 { i + items.len() as i64 } else { *i };
            usize::try_from(at).ok().and_then(|at| items.into_iter().nth(at)).unwrap_or(Value::Null)
        }
        (Value::Seq(items), _) => match command {
            Some("size") => Value::Int(items.len() as i64),
            Some("first") => items.into_iter().next().unwrap_or(Value::Null),
            Some("last") => items.into_iter().last().unwrap_or(Value::Null),
            _ => Value::Null,
        },
        (Value::Map(entries), _) if command == Some("size") => Value::Int(entries.len() as i64),
        (Value::String(s), _) if command == Some("size") => Value::Int(s.chars().count() as i64),
        _ => Value::Null,
    }
}

/// About how many bytes `value` takes: its texts, and a value's size for each item (a text
/// split into its characters takes many times its length).
pub fn weight(value: &Value) -> usize {
    const ITEM: usize = std::mem::size_of::<Value>();
    match value {
        Value::String(text) => text.len(),
        Value::Seq(items) => items.iter().map(|item| ITEM + weight(item)).sum(),
        Value::Map(entries) => entries.iter().map(|(key, value)| ITEM + key.len() + weight(value)).sum(),
        _ => 1,
    }
}
