//! Liquid's and Jekyll's filters of text.

use super::{to_s, url, REFUSED};
use crate::kramdown::patterns::is_space_char as is_space;
use crate::liquid::number::to_integer;
use crate::liquid::{Failure, Reason};
use crate::value::Value;

/// `text` escaped as Ruby's `CGI.escapeHTML` or `encode(xml: :attr)`, by how they write `'`.
pub fn ruby_escaped(text: &str, apostrophe: &'static str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::escape::ruby_html(&mut out, text, apostrophe);
    out
}

/// Jekyll's `slugify` in its default mode: each run of characters that are not letters, marks
/// or digits one `-`, none at the ends, in lower case. Only for the Latin letters whose Unicode
/// classes Folio can tell without tables.
fn slugify(text: &str) -> Option<String> {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        let kept = c.is_ascii_alphanumeric() || matches!(c, 'À'..='ſ') && c != '×' && c != '÷';
        if !c.is_ascii() && !kept {
            return None;
        }
        if kept {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.strip_prefix('-').unwrap_or(&slug);
    Some(slug.strip_suffix('-').unwrap_or(slug).to_owned())
}


/// The filters of this module; `None` for another.
pub fn apply(name: &str, input: &Value, args: &[Value]) -> Option<Result<Value, Reason>> {
    let arg = |i: usize| args.get(i).map(to_s).transpose();
    let string = |s: String| Ok(Value::String(s));
    let text = || to_s(input);
    Some(match (name, args.len()) {
        // Liquid's `escape` and `url_encode` give nil for nil.
        ("escape" | "url_encode" | "url_decode" | "truncate" | "truncatewords", _) if *input == Value::Null => Ok(Value::Null),
        ("escape", 0) => text().map(|t| Value::String(ruby_escaped(&t, "&#39;"))),
        ("xml_escape", 0) => text().map(|t| Value::String(ruby_escaped(&t, "&apos;"))),
        ("escape_once", 0) => text().map(|t| Value::String(escape_once(&t))),
        // Ruby's `strip`: ASCII white space, and NUL at the end.
        ("strip", 0) => text().map(|t| Value::String(t.trim_start_matches(is_space).trim_end_matches(|c| is_space(c) || c == '\0').to_owned())),
        ("lstrip", 0) => text().map(|t| Value::String(t.trim_start_matches(is_space).to_owned())),
        ("rstrip", 0) => text().map(|t| Value::String(t.trim_end_matches(|c| is_space(c) || c == '\0').to_owned())),
        // Character by character, as Ruby does (`str::to_lowercase` would also make a final
        // capital sigma ς, with tables the first download would hold).
        ("downcase", 0) => text().map(|t| Value::String(t.chars().flat_map(char::to_lowercase).collect())),
        ("upcase", 0) => text().map(|t| Value::String(t.chars().flat_map(char::to_uppercase).collect())),
        ("capitalize", 0) => text().map(|t| {
            let mut chars = t.chars();
            let first = chars.next().into_iter().flat_map(char::to_uppercase);
            Value::String(first.chain(chars.flat_map(char::to_lowercase)).collect())
        }),
        ("append", 1) => text().and_then(|t| string(t + &arg(0)?.unwrap_or_default())),
        ("prepend", 1) => text().and_then(|t| string(arg(0)?.unwrap_or_default() + &t)),
        ("slugify", 0) if !matches!(input, Value::String(_) | Value::Null) => Err(Reason::Failed(Failure::NotText)),
        ("slugify", 0) => text().and_then(|t| slugify(&t).map(Value::String).ok_or(REFUSED)),
        ("replace" | "replace_first" | "replace_last", 1 | 2) | ("remove" | "remove_first" | "remove_last", 1) => (|| {
            let (t, from, to) = (text()?, arg(0)?.unwrap_or_default(), arg(1)?.unwrap_or_default());
            // Ruby's `gsub` reads `\\1`, `\\&`… in the replacement.
            if to.contains('\\') {
                return Err(REFUSED);
            }
            string(match name.rsplit('_').next() {
                Some("first") => t.replacen(&from, &to, 1),
                Some("last") => match t.rfind(&from) {
                    Some(at) => format!("{}{to}{}", &t[..at], &t[at + from.len()..]),
                    None => t,
                },
                _ => t.replace(&from, &to),
            })
        })(),
        ("truncate", 0..=2) => (|| {
            let (t, length) = (text()?, args.first().map_or(Ok(50), to_integer)?);
            let ellipsis = arg(1)?.unwrap_or_else(|| "...".to_owned());
            if t.chars().count() as i64 <= length {
                return string(t);
            }
            let keep = (length - ellipsis.chars().count() as i64).max(0) as usize;
            string(t.chars().take(keep).collect::<String>() + &ellipsis)
        })(),
        ("truncatewords", 0..=2) => (|| {
            let (t, words) = (text()?, args.first().map_or(Ok(15), to_integer)?.max(1) as usize);
            let ellipsis = arg(1)?.unwrap_or_else(|| "...".to_owned());
            // Ruby's `split(" ", words + 1)`: the last piece is what follows, even empty.
            let mut rest = t.trim_start_matches(ruby_space);
            let mut kept = Vec::new();
            while kept.len() < words && !rest.is_empty() {
                let end = rest.find(ruby_space).unwrap_or(rest.len());
                kept.push(&rest[..end]);
                rest = &rest[end..];
                if kept.len() == words {
                    break;
                }
                rest = rest.trim_start_matches(ruby_space);
            }
            match kept.len() == words && !rest.is_empty() {
                true => string(kept.join(" ") + &ellipsis),
                false => string(t.clone()),
            }
        })(),
        ("split", 1) => (|| {
            let (t, by) = (text()?, arg(0)?.unwrap_or_default());
            // Ruby's `split`: by white space runs for " ", by characters for "", without the
            // empty pieces at the end.
            let mut pieces: Vec<String> = match by.as_str() {
                " " => t.split(ruby_space).filter(|w| !w.is_empty()).map(str::to_owned).collect(),
                "" => t.chars().map(String::from).collect(),
                _ => t.split(&by).map(str::to_owned).collect(),
            };
            while pieces.last().is_some_and(String::is_empty) {
                pieces.pop();
            }
            Ok(Value::Seq(pieces.into_iter().map(Value::String).collect()))
        })(),
        ("strip_html", 0) => text().map(|t| Value::String(strip_html(&t))),
        ("strip_newlines", 0) => text().map(|t| Value::String(t.replace("\r\n", "").replace('\n', ""))),
        ("newline_to_br", 0) => text().map(|t| Value::String(t.replace("\r\n", "\n").replace('\n', "<br />\n"))),
        ("normalize_whitespace", 0) => text().map(|t| Value::String(t.split(ruby_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))),
        ("number_of_words", 0 | 1) => (|| {
            let Value::String(t) = input else { return Err(Reason::Failed(Failure::NotText)) };
            let words = || t.split(ruby_space).filter(|w| !w.is_empty()).count();
            let cjk = t.chars().filter(|&c| is_cjk(c)).count();
            let other = || t.split(|c| ruby_space(c) || is_cjk(c)).filter(|w| !w.is_empty()).count();
            Ok(Value::Int(match arg(0)?.as_deref() {
                Some("cjk") => cjk + other(),
                Some("auto") if cjk > 0 => cjk + other(),
                _ => words(),
            } as i64))
        })(),
        ("url_encode", 0) => text().map(|t| Value::String(url::cgi_escape(&t))),
        ("cgi_escape", 0) => input.as_str().map(|t| Value::String(url::cgi_escape(t))).ok_or(REFUSED),
        ("url_decode", 0) => text().and_then(|t| url::cgi_unescape(&t).map(Value::String).ok_or(Reason::Failed(Failure::NotUtf8))),
        _ => return None,
    })
}

/// Ruby's white space in `split` and `\s`: ASCII only.
fn ruby_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r')
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
fn escape_once(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        match c {
            '&' => {
                let rest = &text[at + 1..];
                let name = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
                let number = rest.strip_prefix('#').map(|r| r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len()));
                let entity = (name > 0 && rest[name..].starts_with(';')) || number.is_some_and(|n| n > 0 && rest[1 + n..].starts_with(';'));
                out.push_str(if entity { "&" } else { "&amp;" });
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Liquid's `strip_html`: scripts, comments and styles removed whole, then every tag.
fn strip_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
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
    out
}
