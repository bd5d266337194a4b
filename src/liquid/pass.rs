//! The pass over a body: its tree run node by node, text copied, what runs replaced by what it
//! prints, what cannot run left as written, and the lines that moved remembered.

use super::condition::Condition;
use super::expression::{Expr, Parser};
use super::scope::{entry, Scope};
use super::tree::{self, clip, Kind, Node};
use super::{filters, Context, Failure, LineMap, Output, Problem, Reason};
use crate::kramdown::patterns::is_space_char as is_space;
use crate::kramdown::scanner::count_newlines;
use crate::value::Value;

/// Runs the Liquid of `body`; `None` when the front matter says `render_with_liquid: false`.
pub fn run(body: &str, context: &Context) -> Option<Output> {
    let off = context.data.iter().any(|(k, v)| k == "render_with_liquid" && *v == Value::Bool(false));
    if off {
        return None;
    }
    let mut problems = Vec::new();
    let nodes = tree::parse(body, &mut problems);
    let mut pass = Pass::new(body, Scope::new(context), problems);
    #[cfg(not(target_arch = "wasm32"))]
    if context.site.is_some() {
        pass.parse_errors(&nodes);
    }
    // At the top, nothing is strict and no loop runs: whatever cannot run is left where it is.
    // A `break` there ends the body, as in Liquid.
    let _ = pass.nodes(&nodes);
    pass.skip_to(body.len());
    pass.problems.sort_by_key(|p| p.1);
    Some(Output { text: pass.out, lines: pass.lines, problems: pass.problems })
}

/// How a run of nodes ended: on, or at a `break` or `continue` for the loop around it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Go,
    Break,
    Continue,
}

/// A pass over `text` (the body's, or an include's), with variables of the article `'a`.
pub struct Pass<'t, 'a> {
    pub text: &'t str,
    pub scope: Scope<'a>,
    pub out: String,
    lines: LineMap,
    pub problems: Vec<(Problem, usize)>,
    /// How far the text is read.
    at: usize,
    /// Line breaks read and written.
    read_lines: usize,
    written_lines: usize,
    /// Writing a text of its own (a loop's, a capture's), not the body: no lines to place.
    detached: usize,
    /// Inside a `capture`, whose value cannot hold Liquid left as written: what cannot run
    /// leaves the capture whole.
    pub strict: usize,
    /// `for` loops around: a `break` left as written leaves its loop whole.
    pub loops: usize,
    /// Times loops ran, up to [`super::MAX_STEPS`].
    pub steps: usize,
    /// Includes around what runs.
    #[cfg(not(target_arch = "wasm32"))]
    pub includes: usize,
}

impl<'t, 'a> Pass<'t, 'a> {
    fn new(text: &'t str, scope: Scope<'a>, problems: Vec<(Problem, usize)>) -> Self {
        Pass {
            text,
            scope,
            out: String::with_capacity(text.len()),
            lines: LineMap::default(),
            problems,
            at: 0,
            read_lines: 0,
            written_lines: 0,
            detached: 0,
            strict: 0,
            loops: 0,
            steps: 0,
            #[cfg(not(target_arch = "wasm32"))]
            includes: 0,
        }
    }

    /// Runs `text`, a template of its own (an include's, a file name with Liquid in it), in
    /// this scope: what it prints, its problems (at offsets in `text`), and how it ended.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn run_apart(&mut self, text: &str) -> (String, Vec<(Problem, usize)>, Result<Flow, Reason>) {
        let mut problems = Vec::new();
        let nodes = tree::parse(text, &mut problems);
        let context = self.scope.context;
        let scope = std::mem::replace(&mut self.scope, Scope::new(context));
        let mut pass = Pass::new(text, scope, problems);
        (pass.detached, pass.loops, pass.steps, pass.includes) = (1, self.loops, self.steps, self.includes);
        pass.parse_errors(&nodes);
        let flow = pass.nodes(&nodes);
        pass.skip_to(text.len());
        (self.scope, self.steps) = (pass.scope, pass.steps);
        (pass.out, pass.problems, flow)
    }

    /// Runs `nodes`, each left as written where it cannot run (unless the caller must leave
    /// more: then why).
    pub fn nodes(&mut self, nodes: &[Node]) -> Result<Flow, Reason> {
        for node in nodes {
            match self.node(node) {
                Ok(Flow::Go) => {}
                Ok(flow) => return Ok(flow),
                Err(why) => self.left(node, why)?,
            }
        }
        Ok(Flow::Go)
    }

    fn node(&mut self, node: &Node) -> Result<Flow, Reason> {
        match &node.kind {
            Kind::Text | Kind::Broken => self.copy(node.start, node.end),
            Kind::Raw(start, end) => {
                self.skip_to(*start);
                self.copy(*start, *end);
                self.skip_to(node.end);
            }
            Kind::Nothing => self.skip_to(node.end),
            Kind::Left(why) => return Err(why.clone()),
            Kind::Output(markup) => {
                let printed = self.output(markup, node.start, node.end)?;
                self.made(node, &printed);
            }
            Kind::Tag(name, markup) => return self.tag(node, name, markup),
            Kind::Block(block) => return self.block(node, block),
        }
        Ok(Flow::Go)
    }

    /// What an output's markup (an expression and filters) prints.
    pub fn output(&mut self, markup: &str, start: usize, end: usize) -> Result<String, Reason> {
        let (value, missing) = self.value(markup)?;
        if let Some(why) = missing {
            self.problem(Problem::Nothing { text: clip(self.text, start, end), why }, start);
        }
        value.map_or(Ok(String::new()), |v| filters::print(&v))
    }

    /// The value of an expression and its filters (none for `{{ }}`), and why it is nothing
    /// the author may not mean (likely a typo): a `page` key the front matter does not have,
    /// or a variable nothing sets, with no default.
    pub fn value(&mut self, markup: &str) -> Result<(Option<Value>, Option<&'static str>), Reason> {
        let (expr, filters) = Parser::new(markup)?.output()?;
        let Some(expr) = expr else { return Ok((None, None)) };
        let mut value = self.scope.eval(&expr)?;
        let mut first = 0;
        if matches!(expr, Expr::Empty | Expr::Blank) {
            match filters.first().map(|f| f.name) {
                // Liquid's `empty` and `blank` are objects of their own that print as `''`:
                // these filters call text's or a list's methods on them, `default` keeps them.
                Some("number_of_words" | "slugify" | "cgi_escape" | "uri_escape") => return Err(Reason::Failed(Failure::NotText)),
                Some("sort" | "array_to_sentence_string") => return Err(Reason::Failed(Failure::NotAList)),
                Some("default") => first = 1,
                _ => {}
            }
        }
        for filter in &filters[first..] {
            let mut args = filter.args.iter().map(|arg| self.scope.eval(arg)).collect::<Result<Vec<_>, _>>()?;
            if !filter.keywords.is_empty() {
                let mut options = Vec::new();
                for (key, expr) in &filter.keywords {
                    *entry(&mut options, key, || Value::Null) = self.scope.eval(expr)?;
                }
                args.push(Value::Map(options));
            }
            value = match (filter.name, args.as_slice()) {
                ("where_exp", [Value::String(variable), Value::String(condition)]) => self.where_exp(value, variable, condition, false)?,
                ("find_exp", [Value::String(variable), Value::String(condition)]) => self.where_exp(value, variable, condition, true)?,
                ("group_by_exp", [Value::String(variable), Value::String(expression)]) => self.group_by_exp(value, variable, expression)?,
                _ => filters::apply(filter.name, value, &args, self.scope.context)?,
            };
            self.scope.spend(super::scope::weight(&value))?;
        }
        let missing = match filters.iter().any(|f| f.name == "default") {
            true => None,
            false if self.scope.missing_page_key(&expr) => Some("no such front matter key"),
            false => self.scope.unset_variable(&expr).then_some("nothing sets it"),
        };
        Ok((Some(value), missing))
    }

    /// Jekyll's `where_exp`: the items for which `condition` holds with `variable` set to each;
    /// or `find_exp` (`first`): the first of them, `nil` if none.
    fn where_exp(&mut self, input: Value, variable: &str, condition: &str, first: bool) -> Result<Value, Reason> {
        let items = match input {
            Value::Seq(items) => items,
            Value::Map(entries) => entries.into_iter().map(|(_, v)| v).collect(),
            _ => return Ok(input),
        };
        let condition = Condition::parse(condition, false)?;
        let mut kept = Vec::new();
        for item in items {
            let (item, hit) = self.with_local(variable, item, |pass| condition.eval(&pass.scope));
            if hit? {
                kept.push(item);
                if first {
                    break;
                }
            }
        }
        Ok(match first {
            true => kept.pop().unwrap_or(Value::Null),
            false => Value::Seq(kept),
        })
    }

    /// Jekyll's `group_by_exp`: the items in groups by the value of `expression` (filters and
    /// all) with `variable` set to each, in the order each value first comes, as `group_by`'s.
    fn group_by_exp(&mut self, input: Value, variable: &str, expression: &str) -> Result<Value, Reason> {
        let items = match input {
            Value::Seq(items) => items,
            Value::Map(entries) => entries.into_iter().map(|(k, v)| Value::Seq(vec![Value::String(k), v])).collect(),
            _ => return Ok(input),
        };
        let mut keyed = Vec::new();
        for item in items {
            let (item, key) = self.with_local(variable, item, |pass| pass.value(expression));
            keyed.push((key?.0.unwrap_or(Value::Null), item));
        }
        Ok(filters::groups(keyed))
    }

    /// `f` run with `variable` set to `value`, in a scope of its own (Jekyll's
    /// `@context.stack`): the value back, and what `f` gives.
    fn with_local<T>(&mut self, variable: &str, value: Value, f: impl FnOnce(&mut Self) -> T) -> (Value, T) {
        self.scope.locals.push((variable.to_owned(), value));
        let result = f(self);
        (self.scope.locals.pop().expect("the local").1, result)
    }

    /// `node` left as written, and why; what it would have set becomes unknown. Inside a
    /// capture, or a loop it might `break` or that runs too long, it is the caller that is
    /// left (`Err`).
    fn left(&mut self, node: &Node, why: Reason) -> Result<(), Reason> {
        let interrupts = self.taint(node, &why, false);
        // A loop too long leaves the outermost loop: the loops around it would run it again.
        if self.strict > 0 || (self.loops > 0 && (interrupts || matches!(why, Reason::TooLong | Reason::TooBig))) {
            return Err(why);
        }
        // A block is quoted by its opening tag.
        let quote = match &node.kind {
            Kind::Block(block) => block.head_end,
            Kind::Left(_) => super::scan::token(self.text, node.start).map_or(node.end, |t| t.end),
            _ => node.end,
        };
        self.copy(node.start, node.end);
        self.problem(Problem::Left { text: clip(self.text, node.start, quote), reason: why }, node.start);
        Ok(())
    }

    /// Makes unknown what `node`, left as written, might have set; whether it holds a `break`
    /// or `continue` for a loop outside it.
    fn taint(&mut self, node: &Node, why: &Reason, in_loop: bool) -> bool {
        let scope = &mut self.scope;
        let name = |markup: &str| markup.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')).next().unwrap_or_default().to_owned();
        match &node.kind {
            Kind::Tag("assign", markup) => scope.assign(&name(markup), Err(why.clone())),
            // Every group and loop: which one a tag names is known only as it runs.
            Kind::Tag("cycle", _) => scope.cycles = vec![(String::new(), Err(why.clone()))],
            Kind::Tag("increment" | "decrement", markup) => *entry(&mut scope.counters, markup.trim_matches(is_space), || Ok(0)) = Err(why.clone()),
            Kind::Tag("break" | "continue", _) => return !in_loop,
            Kind::Tag("echo" | "post_url" | "link", _) => {}
            // An include or a plugin's tag may set any variable.
            Kind::Tag(..) | Kind::Left(_) => scope.unset = Err(Reason::Variable),
            Kind::Block(block) => {
                if block.name == "capture" {
                    scope.assign(&name(block.branches[0].markup), Err(why.clone()));
                }
                if block.name == "for" {
                    scope.offsets = vec![(String::new(), Err(why.clone()))];
                }
                if block.name == "ifchanged" {
                    scope.changed = Err(why.clone());
                }
                let in_loop = in_loop || block.name == "for";
                let nodes = block.branches.iter().flat_map(|b| &b.nodes);
                return nodes.fold(false, |interrupts, node| self.taint(node, why, in_loop) | interrupts);
            }
            _ => {}
        }
        false
    }

    pub fn problem(&mut self, problem: Problem, at: usize) {
        // A loop runs its nodes again: each says its problem once.
        if !self.problems.iter().any(|(p, a)| *a == at && *p == problem) {
            self.problems.push((problem, at));
        }
    }

    /// Runs `f` into a text of its own, returned with what `f` gives.
    pub fn detached<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> (String, T) {
        let out = std::mem::take(&mut self.out);
        self.detached += 1;
        let result = f(self);
        self.detached -= 1;
        (std::mem::replace(&mut self.out, out), result)
    }

    /// The text from `start` to `end`, copied.
    pub fn copy(&mut self, start: usize, end: usize) {
        self.skip_to(start);
        self.emit(end, &self.text[start..end], Some(start));
    }

    /// `node` replaced by `printed`.
    pub fn made(&mut self, node: &Node, printed: &str) {
        self.skip_to(node.start);
        self.emit(node.end, printed, None);
    }

    /// Reads on to `at`, writing nothing.
    pub fn skip_to(&mut self, at: usize) {
        if at > self.at {
            self.emit(at, "", None);
        }
    }

    /// The text read up to `end` gives `written`: a copy of the text from `from`, or made by
    /// Liquid (`None`). Lines are placed where a line break is written: in a copy, the line
    /// after its first break is the text's line after it; in what Liquid made, the line after
    /// its last break shows the line where what it replaces ends.
    fn emit(&mut self, end: usize, written: &str, from: Option<usize>) {
        if self.detached > 0 {
            // A loop's or a capture's text: checked at the loop's next step, or where it is read.
            let _ = self.scope.spend(written.len());
            self.out.push_str(written);
            return;
        }
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
}
