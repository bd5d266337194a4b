//! Liquid's and Jekyll's filters of text.

use super::{Call, Which, REFUSED};
use crate::kramdown::patterns::{self, is_space_char};
use crate::liquid::number::to_integer;
use crate::liquid::{Failure, Reason};
use crate::ruby_case::{self, push_cased};
use crate::slug::{self, Mode};
use crate::value::Value;

/// `text` escaped as Ruby's `CGI.escapeHTML` or `encode(xml: :attr)`, by how they write `'`.
fn ruby_escaped(call: &Call, apostrophe: &'static str) -> Result<Value, Reason> {
    call.args(0, 0)?;
    let text = call.text()?;
    let mut out = String::with_capacity(text.len());
    crate::escape::ruby_html(&mut out, &text, apostrophe);
    Ok(Value::String(out))
}

/// Liquid's `escape` (nil for nil).
pub fn escape(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    match call.is_nil() {
        true => Ok(Value::Null),
        false => ruby_escaped(call, "&#39;"),
    }
}

/// Jekyll's `xml_escape`.
pub fn xml_escape(call: &Call) -> Result<Value, Reason> {
    ruby_escaped(call, "&apos;")
}

/// Jekyll's `slugify`, in the mode named (`default` if none, or `nil` or `false`; any other
/// value, as an unknown name, only lowers the case).
pub fn slugify(call: &Call) -> Result<Value, Reason> {
    let args = call.args(0, 1)?;
    // Jekyll gives `nil` back, and calls text's methods on anything else it is given.
    match call.input {
        Value::Null => return Ok(Value::Null),
        Value::String(_) => {}
        _ => return Err(Reason::Failed(Failure::NotText)),
    }
    let mode = match args.first() {
        None | Some(Value::Null | Value::Bool(false)) => Mode::Default,
        Some(Value::String(name)) => Mode::named(name),
        Some(_) => Mode::Other,
    };
    Ok(Value::String(slug::slugify(&call.text()?, mode, false)))
}

/// Ruby's `strip` (`start` and `end`), `lstrip` (`start`) and `rstrip` (`end`): ASCII white
/// space and NUL.
pub fn strip(call: &Call, start: bool, end: bool) -> Result<Value, Reason> {
    call.args(0, 0)?;
    let text = call.text()?;
    let mut kept = text.as_str();
    if start {
        kept = patterns::lstrip(kept);
    }
    if end {
        kept = patterns::rstrip(kept);
    }
    Ok(Value::String(kept.to_owned()))
}

/// `upcase` (`upper`) and `downcase`.
pub fn change_case(call: &Call, upper: bool) -> Result<Value, Reason> {
    call.args(0, 0)?;
    let mut out = String::new();
    push_cased(&mut out, &call.text()?, upper);
    Ok(Value::String(out))
}

/// `capitalize`: the first character in title case, the others in lower case.
pub fn capitalize(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    Ok(Value::String(ruby_case::capitalize(&call.text()?)))
}

/// Jekyll's `smartify`: kramdown's SmartyPants on the text (its smart quotes, entities and
/// typographic symbols, with the profile's options). Only text without HTML, which SmartyPants
/// reads as kramdown's HTML elements.
pub fn smartify(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    let text = call.text()?;
    if holds_html(&text) {
        return Err(REFUSED);
    }
    Ok(Value::String(crate::kramdown::smartypants(&text, &call.context.profile.options)))
}

/// Whether kramdown may read HTML in `text`: a `<` before a name, `!`, `/` or `?`, which is
/// not the second of a `<<` (a guillemet, read first).
fn holds_html(text: &str) -> bool {
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        match rest.chars().next() {
            Some('<') => rest = &rest[1..],
            Some(c) if c.is_ascii_alphabetic() || !c.is_ascii() || "_:!/?".contains(c) => return true,
            _ => {}
        }
    }
    false
}

/// `append`, or `prepend` (`before`).
pub fn append(call: &Call, before: bool) -> Result<Value, Reason> {
    call.args(1, 1)?;
    let text = call.text()?;
    let other = call.text_arg(0)?.unwrap_or_default();
    let (first, second) = if before { (other, text) } else { (text, other) };
    Ok(Value::String(first + &second))
}

/// `replace`, `replace_first`, `replace_last` (from `least` to `most` arguments, 2 at most)
/// and the `remove`s (1).
pub fn replace(call: &Call, which: Which, least: usize, most: usize) -> Result<Value, Reason> {
    call.args(least, most)?;
    let (text, from, to) = (call.text()?, call.text_arg(0)?.unwrap_or_default(), call.text_arg(1)?.unwrap_or_default());
    // Ruby's `gsub` reads `\\1`, `\\&`… in the replacement.
    if to.contains('\\') {
        return Err(REFUSED);
    }
    let at = match which {
        Which::All => return Ok(Value::String(text.replace(from.as_str(), &to))),
        Which::First => text.find(from.as_str()),
        Which::Last => text.rfind(from.as_str()),
    };
    Ok(Value::String(match at {
        Some(at) => [&text[..at], &to, &text[at + from.len()..]].concat(),
        None => text,
    }))
}

/// `truncate`: at most `length` characters (50), the ellipsis (`...`) in them (nil for nil).
pub fn truncate(call: &Call) -> Result<Value, Reason> {
    let args = call.args(0, 2)?;
    if call.is_nil() {
        return Ok(Value::Null);
    }
    let (text, length) = (call.text()?, args.first().map_or(Ok(50), to_integer)?);
    let ellipsis = call.text_arg(1)?.unwrap_or_else(|| "...".to_owned());
    if text.chars().count() as i64 <= length {
        return Ok(Value::String(text));
    }
    let keep = (length - ellipsis.chars().count() as i64).max(0) as usize;
    let end = text.char_indices().nth(keep).map_or(text.len(), |(at, _)| at);
    Ok(Value::String(text[..end].to_owned() + &ellipsis))
}

/// `truncatewords`: at most so many words (15), then the ellipsis (`...`) (nil for nil).
pub fn truncatewords(call: &Call) -> Result<Value, Reason> {
    let args = call.args(0, 2)?;
    if call.is_nil() {
        return Ok(Value::Null);
    }
    let (text, words) = (call.text()?, args.first().map_or(Ok(15), to_integer)?.max(1) as usize);
    let ellipsis = call.text_arg(1)?.unwrap_or_else(|| "...".to_owned());
    // Ruby's `split(" ", words + 1)`: the last piece is what follows, even empty.
    let mut rest = text.trim_start_matches(is_space_char);
    let mut kept = Vec::new();
    while kept.len() < words && !rest.is_empty() {
        let end = rest.find(is_space_char).unwrap_or(rest.len());
        kept.push(&rest[..end]);
        rest = &rest[end..];
        if kept.len() == words {
            break;
        }
        rest = rest.trim_start_matches(is_space_char);
    }
    match kept.len() == words && !rest.is_empty() {
        true => Ok(Value::String(kept.join(" ") + &ellipsis)),
        false => Ok(Value::String(text.clone())),
    }
}

/// The runs of `text` between Ruby's white space (and Han, Hiragana, Katakana and Hangul with
/// `cjk`), as `split` gives them without the empty ones.
fn words(text: &str, cjk: bool) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        let apart = is_space_char(c) || cjk && is_cjk(c);
        match (apart, start) {
            (true, Some(from)) => {
                words.push(&text[from..at]);
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(from) = start {
        words.push(&text[from..]);
    }
    words
}

/// Ruby's `split`: by white space runs for " ", by characters for "", without the empty pieces
/// at the end.
pub fn split(call: &Call) -> Result<Value, Reason> {
    call.args(1, 1)?;
    let (text, by) = (call.text()?, call.text_arg(0)?.unwrap_or_default());
    let mut pieces: Vec<Value> = match by.as_str() {
        " " => words(&text, false).into_iter().map(|w| Value::String(w.to_owned())).collect(),
        "" => text.chars().map(|c| Value::String(c.into())).collect(),
        by => text.split(by).map(|w| Value::String(w.to_owned())).collect(),
    };
    while matches!(pieces.last(), Some(Value::String(piece)) if piece.is_empty()) {
        pieces.pop();
    }
    Ok(Value::Seq(pieces))
}

/// `strip_newlines` (`br` empty) and `newline_to_br`: each line break, `\r\n` or `\n`, made `br`
/// (with a line break of its own, for `newline_to_br`).
pub fn newlines(call: &Call, br: &str) -> Result<Value, Reason> {
    call.args(0, 0)?;
    Ok(Value::String(call.text()?.replace("\r\n", "\n").replace("\n", br)))
}

/// `normalize_whitespace`: each run of white space one space.
pub fn normalize_whitespace(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    Ok(Value::String(words(&call.text()?, false).join(" ")))
}

/// Jekyll's `number_of_words`: white-space separated words, with each CJK character one
/// (`cjk`, or `auto` where there are any).
pub fn number_of_words(call: &Call) -> Result<Value, Reason> {
    call.args(0, 1)?;
    let Value::String(text) = &call.input else { return Err(Reason::Failed(Failure::NotText)) };
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    let count = match call.text_arg(0)?.as_deref() {
        Some("cjk") => cjk + words(text, true).len(),
        Some("auto") if cjk > 0 => cjk + words(text, true).len(),
        _ => words(text, false).len(),
    };
    Ok(Value::Int(count as i64))
}

/// Whether `c` is Han, Hiragana, Katakana or Hangul (`number_of_words`' CJK), by the blocks
/// that hold them.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3005 | 0x3007 | 0x3021..=0x3029 | 0x302E..=0x302F | 0x3038..=0x303B
        | 0x3041..=0x3096 | 0x309D..=0x309F | 0x30A1..=0x30FA | 0x30FD..=0x30FF | 0x3131..=0x318E | 0x31F0..=0x31FF
        | 0x3200..=0x321E | 0x3260..=0x327E | 0x32D0..=0x32FE | 0x3300..=0x3357 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA960..=0xA97C | 0xAC00..=0xD7A3 | 0xD7B0..=0xD7FB | 0xF900..=0xFAD9 | 0xFF66..=0xFF6F | 0xFF71..=0xFF9D
        | 0xFFA0..=0xFFDC | 0x1B000..=0x1B11F | 0x1F200 | 0x20000..=0x3134A)
}

/// Liquid's `escape_once`: `<>"'` escaped, and `&` unless it starts an entity.
pub fn escape_once(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    let text = call.text()?;
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        match c {
            '&' => {
                let rest = &text.as_bytes()[at + 1..];
                let run = |from: usize, of: fn(&u8) -> bool| rest[from..].iter().take_while(|b| of(b)).count();
                let name = run(0, u8::is_ascii_alphabetic);
                let number = if rest.first() == Some(&b'#') { run(1, u8::is_ascii_digit) } else { 0 };
                let entity = (name > 0 && rest.get(name) == Some(&b';')) || (number > 0 && rest.get(1 + number) == Some(&b';'));
                out.push_str(if entity { "&" } else { "&amp;" });
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    Ok(Value::String(out))
}

/// Liquid's `strip_html`: scripts, comments and styles removed whole, then every tag.
pub fn strip_html(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    let text = call.text()?;
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let close = [("<script", "</script>"), ("<!--", "-->"), ("<style", "</style>")]
            .into_iter()
            .find(|(open, close)| tail.starts_with(open) && tail.contains(close))
            .map_or(">", |(_, close)| close);
        match tail.find(close) {
            Some(end) => rest = &tail[end + close.len()..],
            None => {
                out.push_str(tail);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    Ok(Value::String(out))
}
