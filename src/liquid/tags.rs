//! The tags Folio runs, as Liquid 5.4 and Jekyll 4.3 run them: `assign`, `capture`, `echo`,
//! `cycle`, `break`, `continue`, `if`, `unless`, `case`, `for` and
//! Jekyll's `highlight`; in a site, Jekyll's `include`, `post_url` and `link` (`site`).

use super::condition::{truthy, Condition};
use super::expression::{Expr, Parser, Tok};
use super::filters::print;
use super::number::ruby_value_to_i;
use super::pass::{Flow, Pass};
use super::scope::{entry, in_jekyll_payload};
use super::tree::{Block, Branch, Node};
use super::{Reason, MAX_STEPS};
use crate::kramdown::convert::{escape_html, Escape};
use crate::kramdown::patterns::is_space_char as is_space;
use crate::value::Value;

/// A variable's name as `assign` and `capture` take it.
fn name(markup: &str) -> Result<&str, Reason> {
    let ok = !markup.is_empty() && markup.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    ok.then_some(markup).ok_or(Reason::Lax)
}

impl Pass<'_, '_> {
    pub fn tag(&mut self, node: &Node, tag: &str, markup: &str) -> Result<Flow, Reason> {
        match tag {
            "assign" => {
                let (to, from) = markup.split_once('=').ok_or(Reason::Lax)?;
                let to = name(to.trim_matches(is_space))?;
                let value = self.value(from).and_then(|(value, _)| value.ok_or(Reason::Lax));
                let failed = value.as_ref().err().cloned();
                self.scope.assign(to, value);
                if let Some(why) = failed {
                    return Err(why);
                }
                self.skip_to(node.end);
            }
            "echo" => {
                let printed = self.output(markup, node.start, node.end)?;
                self.made(node, &printed);
            }
            "increment" | "decrement" => {
                let printed = self.count(markup, tag == "increment")?;
                self.made(node, &printed);
            }
            "cycle" => {
                let printed = self.cycle(markup, node.start)?;
                self.made(node, &printed);
            }
            "break" => return Ok(Flow::Break),
            "continue" => return Ok(Flow::Continue),
            "include" | "include_relative" | "post_url" | "link" => {
                #[cfg(not(target_arch = "wasm32"))]
                if let Some(site) = self.scope.context.site {
                    return self.site_tag(site, node, tag, markup);
                }
                return Err(match tag {
                    "include" => Reason::Include(markup.split(is_space).next().unwrap_or_default().to_owned()),
                    // An include of the article's folder, links to the site's other pages.
                    _ => Reason::Site,
                });
            }
            _ => return Err(Reason::Tag),
        }
        Ok(Flow::Go)
    }

    /// `{% increment name %}` (`up`) and `{% decrement name %}`: the counter's value before
    /// (from 0) or after (from -1), in Jekyll's payload, apart from the variables. Jekyll's
    /// payload is every page's of a build: this counts as a build of the one page does.
    fn count(&mut self, markup: &str, up: bool) -> Result<String, Reason> {
        // Jekyll's own keys are not numbers (`page` is an error in Jekyll).
        let name = markup.trim_matches(is_space);
        if in_jekyll_payload(name) {
            return Err(Reason::Site);
        }
        let counter = entry(&mut self.scope.counters, name, || Ok(0));
        let before = counter.clone()?;
        let after = if up { before + 1 } else { before - 1 };
        *counter = Ok(after);
        Ok(if up { before } else { after }.to_string())
    }

    /// `{% cycle "a", "b" %}` or `{% cycle group: "a", "b" %}`: the next value of its group.
    fn cycle(&mut self, markup: &str, at: usize) -> Result<String, Reason> {
        let mut p = Parser::new(markup)?;
        let mut values = vec![p.expression(false)?];
        let group = if p.eat(Tok::Punct(b':')) { Some(values.pop().expect("the group")) } else { None };
        if group.is_some() {
            values.push(p.expression(false)?);
        }
        while p.eat(Tok::Punct(b',')) {
            values.push(p.expression(false)?);
        }
        p.end()?;
        let key = match &group {
            Some(group) => print(&self.scope.eval(group)?)?,
            // Liquid names a group by its values' `inspect`, its variables' unique to the tag.
            None if values.iter().all(|v| matches!(v, Expr::Literal(_))) => format!("{values:?}"),
            None => format!("@{at}"),
        };
        if let Some((_, Err(why))) = self.scope.cycles.iter().find(|(k, _)| k.is_empty()) {
            return Err(why.clone());
        }
        let next = entry(&mut self.scope.cycles, &key, || Ok(Value::Int(0)));
        let Ok(Value::Int(i)) = next.clone() else { return Err(Reason::Tag) };
        *next = Ok(Value::Int(if i as usize + 1 >= values.len() { 0 } else { i + 1 }));
        // A group met before with more values may be past this tag's last: Liquid prints `nil`.
        values.get(i as usize).map_or(Ok(String::new()), |value| print(&self.scope.eval(value)?))
    }

    pub fn block(&mut self, node: &Node, block: &Block) -> Result<Flow, Reason> {
        let branches = &block.branches;
        match block.name {
            "if" | "unless" => {
                for (i, branch) in branches.iter().enumerate() {
                    let hit = branch.tag == "else" || Condition::parse(branch.markup, true)?.eval(&self.scope)? != (i == 0 && block.name == "unless");
                    if hit {
                        let flow = self.nodes(&branch.nodes)?;
                        self.skip_to(node.end);
                        return Ok(flow);
                    }
                }
                self.skip_to(node.end);
                Ok(Flow::Go)
            }
            "case" => self.detached_block(node, |pass| pass.case(branches)),
            "for" => self.detached_block(node, |pass| pass.for_loop(branches)),
            "tablerow" => self.detached_block(node, |pass| pass.table_row(&branches[0])),
            "capture" => {
                let to = name(branches[0].markup)?;
                let (text, flow) = self.strictly(&branches[0].nodes)?;
                self.scope.assign(to, Ok(Value::String(text)));
                self.skip_to(node.end);
                Ok(flow)
            }
            "liquid" => {
                let (text, flow) = self.strictly(&branches[0].nodes)?;
                self.made(node, &text);
                Ok(flow)
            }
            // What the body prints, unless the last `ifchanged` printed the same.
            "ifchanged" => {
                let (text, flow) = self.strictly(&branches[0].nodes)?;
                let text = Value::String(text);
                match self.scope.changed.clone()? == text {
                    true => self.skip_to(node.end),
                    false => self.made(node, text.as_str().unwrap_or_default()),
                }
                self.scope.changed = Ok(text);
                Ok(flow)
            }
            _ => {
                self.highlight(node, &branches[0])?;
                Ok(Flow::Go)
            }
        }
    }

    /// `nodes` run into a text of their own, where nothing can be left as written: what cannot
    /// run leaves the caller whole.
    fn strictly(&mut self, nodes: &[Node]) -> Result<(String, Flow), Reason> {
        self.strict += 1;
        let (text, flow) = self.detached(|pass| pass.nodes(nodes));
        self.strict -= 1;
        Ok((text, flow?))
    }

    /// A block run into a text of its own, put in its place; what it said of its nodes is
    /// taken back if it is left as written whole.
    fn detached_block(&mut self, node: &Node, f: impl FnOnce(&mut Self) -> Result<Flow, Reason>) -> Result<Flow, Reason> {
        let mark = self.problems.len();
        let (text, flow) = self.detached(f);
        if flow.is_err() {
            self.problems.truncate(mark);
        }
        let flow = flow?;
        self.made(node, &text);
        Ok(flow)
    }

    /// Each `when` runs once for each of its values that equals the `case`'s (Liquid makes a
    /// condition of each), and `else` if none did before it.
    fn case(&mut self, branches: &[Branch]) -> Result<Flow, Reason> {
        let mut p = Parser::new(branches[0].markup)?;
        let subject = p.expression(true)?;
        p.end()?;
        let mut ran = false;
        for branch in &branches[1..] {
            let hit = match branch.tag {
                "else" => usize::from(!ran),
                _ => {
                    let mut p = Parser::new(branch.markup)?;
                    let mut hits = 0;
                    loop {
                        let value = p.expression(true)?;
                        // `case empty` holds Jekyll's `Expression::MethodLiteral`, which is not
                        // the conditions' `empty`: it equals no value a `when` can write.
                        if !matches!(subject, Expr::Empty | Expr::Blank) {
                            hits += usize::from(Condition::equals(Expr::Literal(self.scope.eval(&subject)?), value).eval(&self.scope)?);
                        }
                        if !(p.eat(Tok::Punct(b',')) || p.word("or")) {
                            break;
                        }
                    }
                    p.end()?;
                    ran |= hits > 0;
                    hits
                }
            };
            for _ in 0..hit {
                match self.nodes(&branch.nodes)? {
                    Flow::Go => {}
                    flow => return Ok(flow),
                }
            }
        }
        Ok(Flow::Go)
    }

    /// `{% for x in list reversed limit: n offset: n %}`, with `forloop`, `break`, `continue`
    /// and `else` for an empty list.
    fn for_loop(&mut self, branches: &[Branch]) -> Result<Flow, Reason> {
        let mut p = Parser::new(branches[0].markup)?;
        let variable = p.id()?;
        if !p.word("in") {
            return Err(Reason::Lax);
        }
        let from_token = p.position();
        let collection = p.expression(false)?;
        // Liquid's name of the loop, which `offset: continue` and `forloop.name` use.
        let key = format!("{variable}-{}", p.text_since(from_token));
        let reversed = p.word("reversed");
        let (mut limit, mut offset, mut resume) = (None, None, false);
        while let (Tok::Id(key @ ("limit" | "offset")), Tok::Punct(b':')) = (p.look(0), p.look(1)) {
            p.next();
            p.next();
            if key == "offset" && p.word("continue") {
                resume = true;
            } else if key == "offset" {
                offset = Some(p.expression(false)?);
            } else {
                limit = Some(p.expression(false)?);
            }
        }
        p.end()?;
        let (items, text) = self.loop_items(&collection)?;
        let integer = |pass: &Self, e: &Option<Expr>| -> Result<Option<i64>, Reason> {
            match e.as_ref().map(|e| pass.scope.eval(e)).transpose()? {
                None | Some(Value::Null) => Ok(None),
                Some(v) => super::number::to_integer(&v).map(Some),
            }
        };
        let from = match resume {
            true => match self.scope.offsets.iter().find(|(k, _)| k.is_empty() || *k == key) {
                Some((_, Err(why))) => return Err(why.clone()),
                Some((_, Ok(Value::Int(n)))) => *n,
                _ => 0,
            },
            false => integer(self, &offset)?.unwrap_or(0),
        };
        let to = integer(self, &limit)?.map(|n| n + from);
        let mut segment = slice(items, text, from, to);
        if reversed {
            segment.reverse();
        }
        *entry(&mut self.scope.offsets, &key, || Ok(Value::Null)) = Ok(Value::Int(from + segment.len() as i64));
        if segment.is_empty() {
            return match branches.get(1) {
                Some(otherwise) => self.nodes(&otherwise.nodes),
                None => Ok(Flow::Go),
            };
        }
        let parent = self.scope.locals.iter().rev().find(|(k, _)| k == "forloop").map_or(Value::Null, |(_, v)| v.clone());
        let length = segment.len() as i64;
        self.loops += 1;
        let mut result = Ok(Flow::Go);
        for (i, item) in (0..).zip(segment) {
            if let Err(why) = self.step() {
                result = Err(why);
                break;
            }
            let mut forloop = counters(i, length);
            forloop.extend([("name".to_owned(), Value::String(key.clone())), ("parentloop".to_owned(), parent.clone())]);
            self.scope.locals.push(("forloop".to_owned(), Value::Map(forloop)));
            self.scope.locals.push((variable.to_owned(), item));
            result = self.nodes(&branches[0].nodes);
            self.scope.locals.truncate(self.scope.locals.len() - 2);
            if !matches!(result, Ok(Flow::Go | Flow::Continue)) {
                break;
            }
        }
        self.loops -= 1;
        result.map(|_| Flow::Go)
    }

    /// `{% tablerow x in list cols: n limit: n offset: n %}`: a table's rows of `cols` cells (one
    /// row if none), each cell the body run with `x` and `tablerowloop`. A `break` or `continue`
    /// there, which stops each cell after it in Liquid, leaves it as written.
    fn table_row(&mut self, branch: &Branch) -> Result<Flow, Reason> {
        let mut p = Parser::new(branch.markup)?;
        let variable = p.id()?;
        if !p.word("in") {
            return Err(Reason::Lax);
        }
        let collection = p.expression(false)?;
        // Liquid reads `key: value` pairs anywhere after, and ignores the rest (`reversed`).
        let mut attributes = Vec::new();
        while p.look(0) != Tok::End {
            if let (Tok::Id(key), Tok::Punct(b':')) = (p.look(0), p.look(1)) {
                p.next();
                p.next();
                attributes.push((key, p.expression(false)?));
            } else if !(p.eat(Tok::Punct(b',')) || p.word("reversed")) {
                return Err(Reason::Lax);
            }
        }
        if self.scope.range(&collection)?.is_none() && !truthy(&self.scope.eval(&collection)?) {
            return Ok(Flow::Go);
        }
        let (items, text) = self.loop_items(&collection)?;
        let attribute = |pass: &Self, name: &str| -> Result<Option<i64>, Reason> {
            let expr = attributes.iter().rev().find(|(key, _)| *key == name);
            expr.map(|(_, e)| pass.scope.eval(e).and_then(|v| ruby_value_to_i(&v))).transpose()
        };
        let from = attribute(self, "offset")?.unwrap_or(0);
        let to = attribute(self, "limit")?.map(|n| from + n);
        let items = slice(items, text, from, to);
        let cols = attribute(self, "cols")?.unwrap_or(0);
        let length = items.len() as i64;
        // Written straight into the block's own text (see `detached_block`).
        self.out.push_str("<tr class=\"row1\">\n");
        let (mut row, mut col) = (1, 1);
        for (i, item) in (0..).zip(items) {
            self.step()?;
            let mut tablerowloop = counters(i, length);
            let number = |name: &str, n: i64| (name.to_owned(), Value::Int(n));
            tablerowloop.extend([number("col", col), number("col0", col - 1), number("row", row)]);
            tablerowloop.extend([("col_first".to_owned(), Value::Bool(col == 1)), ("col_last".to_owned(), Value::Bool(col == cols))]);
            self.scope.locals.push(("tablerowloop".to_owned(), Value::Map(tablerowloop)));
            self.scope.locals.push((variable.to_owned(), item));
            self.out.push_str(&format!("<td class=\"col{col}\">"));
            let flow = self.nodes(&branch.nodes);
            self.scope.locals.truncate(self.scope.locals.len() - 2);
            if flow? != Flow::Go {
                return Err(Reason::Tag);
            }
            self.out.push_str("</td>");
            if col == cols && i + 1 < length {
                self.out.push_str(&format!("</tr>\n<tr class=\"row{}\">", row + 1));
            }
            (col, row) = if col == cols { (1, row + 1) } else { (col + 1, row) };
        }
        self.out.push_str("</tr>\n");
        Ok(Flow::Go)
    }

    /// What a loop (`for`, `tablerow`) runs over: a range's numbers, a list's items, a mapping's
    /// pairs, a text (and whether it is one); nothing for anything else.
    fn loop_items(&self, collection: &Expr) -> Result<(Vec<Value>, bool), Reason> {
        Ok(match self.scope.range(collection)? {
            Some((first, last)) if last.saturating_sub(first) >= (MAX_STEPS - self.steps) as i64 => return Err(Reason::TooLong),
            Some((first, last)) => ((first..=last).map(Value::Int).collect(), false),
            None => match self.scope.eval(collection)? {
                Value::Seq(items) => (items, false),
                Value::Map(entries) => (entries.into_iter().map(|(k, v)| Value::Seq(vec![Value::String(k), v])).collect(), false),
                Value::String(s) if !s.is_empty() => (vec![Value::String(s)], true),
                _ => (Vec::new(), false),
            },
        })
    }

    /// One more turn of a loop, if loops have not run [`MAX_STEPS`] times in all, nor made too much.
    fn step(&mut self) -> Result<(), Reason> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return Err(Reason::TooLong);
        }
        self.scope.spend(0)
    }

    /// `{% highlight LANG %}`: the code (its Liquid run) escaped in Jekyll's markup, without its
    /// first and last line breaks.
    fn highlight(&mut self, node: &Node, branch: &Branch) -> Result<(), Reason> {
        let lang = branch.markup;
        let lang_ok = !lang.is_empty() && lang.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'#' | b'-'));
        if !lang_ok {
            // Options (`linenos`) make rouge's table; other markup is an error in Jekyll.
            return Err(if lang.contains(is_space) { Reason::Tag } else { Reason::Syntax });
        }
        let (code, flow) = self.detached(|pass| pass.nodes(&branch.nodes));
        flow?;
        let code = code.trim_matches(['\n', '\r']);
        let lang = lang.to_ascii_lowercase();
        let mut html = format!("<figure class=\"highlight\"><pre><code class=\"language-{}\" data-lang=\"{lang}\">", lang.replace('+', "-"));
        // Escaped as rouge's HTML formatter does, and kramdown's code blocks (`Escape::All`).
        escape_html(&mut html, code, Escape::All);
        html.push_str("</code></pre></figure>");
        self.made(node, &html);
        Ok(())
    }
}

/// The items of a loop from `from` up to `to`, as Liquid's `slice_collection` takes them: a text
/// whole, whatever the limit and offset.
fn slice(items: Vec<Value>, text: bool, from: i64, to: Option<i64>) -> Vec<Value> {
    if text {
        return items;
    }
    let kept = |i: usize| i as i64 >= from && to.is_none_or(|to| (i as i64) < to);
    items.into_iter().enumerate().filter(|(i, _)| kept(*i)).map(|(_, v)| v).collect()
}

/// What `forloop` and `tablerowloop` count, at item `i` (from 0) of `length`.
fn counters(i: i64, length: i64) -> Vec<(String, Value)> {
    let number = |name: &str, n: i64| (name.to_owned(), Value::Int(n));
    vec![
        number("length", length),
        number("index", i + 1),
        number("index0", i),
        number("rindex", length - i),
        number("rindex0", length - i - 1),
        ("first".to_owned(), Value::Bool(i == 0)),
        ("last".to_owned(), Value::Bool(i == length - 1)),
    ]
}
