//! URL filters: Jekyll's `relative_url` and `absolute_url` for the paths Folio can normalise
//! exactly, and Ruby's CGI escaping (`url_encode`, `cgi_escape`, `url_decode`).

use super::{Call, REFUSED};
use crate::kramdown::patterns;
use crate::liquid::{Failure, Reason};
use crate::profile::Profile;
use crate::sanitize::url;
use crate::value::Value;

/// `relative_url`.
pub fn relative_url(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    // Jekyll's `return if input.nil?`.
    if call.is_nil() {
        return Ok(Value::Null);
    }
    relative(&call.text()?, call.context.profile).map(Value::String).ok_or(REFUSED)
}

/// `absolute_url`.
pub fn absolute_url(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    if call.is_nil() {
        return Ok(Value::Null);
    }
    absolute(&call.text()?, call.context.profile).map(Value::String).ok_or(REFUSED)
}

/// Liquid's `url_encode` (nil for nil).
pub fn url_encode(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    if call.is_nil() {
        return Ok(Value::Null);
    }
    Ok(Value::String(escape(&call.text()?)))
}

/// Jekyll's `cgi_escape`, of text only.
pub fn cgi_escape(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    call.input.as_str().map(|t| Value::String(escape(t))).ok_or(REFUSED)
}

/// Liquid's `url_decode` (nil for nil).
pub fn url_decode(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    if call.is_nil() {
        return Ok(Value::Null);
    }
    String::from_utf8(decoded(&call.text()?, true)).map(Value::String).map_err(|_| Reason::Failed(Failure::NotUtf8))
}

/// Jekyll's `uri_escape`, Addressable's `normalize_component`: percent-encoded bytes decoded,
/// then all but URIs' reserved and unreserved characters percent-encoded (nil for nil). Only
/// text without combining marks (from U+0300), which Addressable composes first (Unicode's
/// NFC, whose tables Folio does not have).
pub fn uri_escape(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    let text = match &call.input {
        Value::Null => return Ok(Value::Null),
        Value::String(text) => text,
        _ => return Err(Reason::Failed(Failure::NotText)),
    };
    let bytes = decoded(text, false);
    if std::str::from_utf8(&bytes).is_ok_and(|text| text.chars().any(|c| c >= '\u{300}')) {
        return Err(REFUSED);
    }
    let mut out = String::with_capacity(bytes.len());
    for byte in bytes {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(byte)),
            b':' | b'/' | b'?' | b'#' | b'[' | b']' | b'@' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' => {
                out.push(char::from(byte));
            }
            _ => percent(&mut out, byte),
        }
    }
    Ok(Value::String(out))
}

/// Jekyll's `relative_url`: the site's `baseurl` and the path, each with a leading `/`,
/// normalised as Addressable does. Only paths Folio can normalise exactly: letters, digits,
/// `-._~/`, spaces and non-ASCII text (percent-encoded), no `.` or `..` segments.
fn relative(path: &str, profile: &Profile) -> Option<String> {
    if url::scheme(path).is_some() {
        return Some(path.to_owned());
    }
    let base = profile.baseurl.strip_suffix('/').unwrap_or(&profile.baseurl);
    let mut joined = String::new();
    for part in [base, path] {
        if !part.is_empty() && !part.starts_with('/') {
            joined.push('/');
        }
        joined.push_str(part);
    }
    if joined.split('/').any(|segment| segment == "." || segment == "..") {
        return None;
    }
    let mut out = String::with_capacity(joined.len());
    // Addressable's `normalize` strips the white space Ruby's `strip` does off the end.
    for byte in patterns::rstrip(&joined).bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(char::from(byte)),
            b' ' | 0x80.. => percent(&mut out, byte),
            _ => return None,
        }
    }
    Some(out)
}

/// Jekyll's `absolute_url`: the site's `url` before [`relative`]'s, for a `url` that is a
/// scheme and a lower-case host only (which Addressable leaves as they are).
fn absolute(path: &str, profile: &Profile) -> Option<String> {
    if url::scheme(path).is_some() {
        return Some(path.to_owned());
    }
    let relative = relative(path, profile)?;
    let site = &profile.url;
    if site.is_empty() {
        return Some(relative);
    }
    let host = site.strip_prefix("https://").or_else(|| site.strip_prefix("http://"))?;
    if host.is_empty() || !host.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-') {
        return None;
    }
    // Addressable gives an http(s) URL with no path the path `/`.
    Some(site.to_owned() + if relative.is_empty() { "/" } else { &relative })
}

/// Ruby's `CGI.escape`: all but letters, digits and `_.-~` percent-encoded, spaces as `+`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => out.push(char::from(byte)),
            b' ' => out.push('+'),
            _ => percent(&mut out, byte),
        }
    }
    out
}

/// The bytes `%XX` stand for, decoded, and each `+` a space where `plus` (Ruby's `CGI.unescape`).
fn decoded(text: &str, plus: bool) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes.get(at + 1..at + 3).and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match (bytes[at], hex) {
            (b'+', _) if plus => out.push(b' '),
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 2;
            }
            (byte, _) => out.push(byte),
        }
        at += 1;
    }
    out
}

/// `%XX`: `byte` percent-encoded.
fn percent(out: &mut String, byte: u8) {
    let hex = |n: u8| char::from(b"0123456789ABCDEF"[usize::from(n)]);
    out.push('%');
    out.push(hex(byte >> 4));
    out.push(hex(byte & 15));
}
