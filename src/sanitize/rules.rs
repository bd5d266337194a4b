//! The decisions every sanitising path makes, element by element and attribute by
//! attribute, from the policy.

use super::policy::{self, Policy, BLANK_TARGET_REL, GLOBAL_ATTRIBUTES, IFRAME_SANDBOX, URL_ATTRIBUTES};
use super::{css, url};

/// What happens to an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementRule {
    Keep,
    /// The tag goes, its content stays.
    Unwrap,
    /// The element goes with everything inside it.
    Remove,
}

/// The rule for element `name` (lowercase) with its attribute lookup `attr`.
pub fn element(policy: &Policy, name: &str, attr: &dyn Fn(&str) -> Option<String>) -> ElementRule {
    if policy::is_removed_with_content(name) {
        return ElementRule::Remove;
    }
    if policy::element_attributes(name).is_none() {
        return ElementRule::Unwrap;
    }
    match name {
        "iframe" if !attr("src").is_some_and(|src| is_framable(policy, &src)) => ElementRule::Remove,
        "input" if !attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("checkbox")) => ElementRule::Remove,
        _ => ElementRule::Keep,
    }
}

/// The value attribute `name` of a kept `element` may have (rewritten where the policy
/// says so), or `None` when it must go. `value` is decoded.
pub fn attribute(policy: &Policy, element: &str, name: &str, value: &str) -> Option<String> {
    let name = name.to_ascii_lowercase();
    if let Some((_, forced)) = forced_attributes(element).iter().find(|(n, _)| *n == name) {
        return Some((*forced).to_owned());
    }
    let allowed = GLOBAL_ATTRIBUTES.contains(&name.as_str())
        || policy::element_attributes(element).is_some_and(|attrs| attrs.contains(&name.as_str()));
    if !allowed {
        return None;
    }
    match name.as_str() {
        "style" => css::filter(value),
        "id" => Some(format!("{}{value}", policy.id_prefix)),
        "src" if element == "iframe" => is_framable(policy, value).then(|| value.to_owned()),
        _ if URL_ATTRIBUTES.contains(&name.as_str()) => {
            if !url::is_allowed(value) {
                return None;
            }
            match value.strip_prefix('#') {
                Some(fragment) if name == "href" => Some(format!("#{}{fragment}", policy.id_prefix)),
                _ => Some(value.to_owned()),
            }
        }
        _ => Some(value.to_owned()),
    }
}

/// Attributes a kept element always gets: links open nothing that can reach back, frames
/// are sandboxed, task-list boxes cannot be ticked.
pub fn forced_attributes(element: &str) -> &'static [(&'static str, &'static str)] {
    match element {
        "a" => &[("rel", BLANK_TARGET_REL)],
        "iframe" => &[("sandbox", IFRAME_SANDBOX)],
        "input" => &[("disabled", "disabled")],
        _ => &[],
    }
}

/// Whether an `<iframe src>` is an `https` page of an allowed host.
fn is_framable(policy: &Policy, src: &str) -> bool {
    let src = src.trim();
    let Some(rest) = src.get(..8).filter(|s| s.eq_ignore_ascii_case("https://")).map(|_| &src[8..]) else {
        return false;
    };
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    // No user info or port: they could make a listed name point elsewhere.
    !host.contains(['@', ':', '\\']) && policy.iframe_hosts.iter().any(|allowed| host.eq_ignore_ascii_case(allowed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_handlers_and_unknown_attributes_go() {
        let policy = Policy::default();
        assert_eq!(attribute(&policy, "p", "onclick", "alert(1)"), None);
        assert_eq!(attribute(&policy, "img", "onerror", "x"), None);
        assert_eq!(attribute(&policy, "p", "data-x", "1"), None);
        assert_eq!(attribute(&policy, "p", "class", "encadre").as_deref(), Some("encadre"));
    }

    #[test]
    fn ids_and_fragment_links_are_prefixed() {
        let policy = Policy::default();
        assert_eq!(attribute(&policy, "h2", "id", "intro").as_deref(), Some("folio-intro"));
        assert_eq!(attribute(&policy, "a", "href", "#fn:1").as_deref(), Some("#folio-fn:1"));
        assert_eq!(attribute(&policy, "a", "href", "https://x/#a").as_deref(), Some("https://x/#a"));
    }

    #[test]
    fn only_listed_video_hosts_may_be_framed() {
        let policy = Policy::default();
        let src = |s: &'static str| move |name: &str| (name == "src").then(|| s.to_owned());
        assert_eq!(element(&policy, "iframe", &src("https://www.youtube.com/embed/x")), ElementRule::Keep);
        assert_eq!(element(&policy, "iframe", &src("http://www.youtube.com/embed/x")), ElementRule::Remove);
        assert_eq!(element(&policy, "iframe", &src("https://www.youtube.com@evil.example/")), ElementRule::Remove);
        assert_eq!(element(&policy, "iframe", &src("https://evil.example/")), ElementRule::Remove);
    }

    #[test]
    fn scripts_are_removed_and_unknown_tags_unwrapped() {
        let policy = Policy::default();
        assert_eq!(element(&policy, "script", &|_| None), ElementRule::Remove);
        assert_eq!(element(&policy, "font", &|_| None), ElementRule::Unwrap);
        assert_eq!(element(&policy, "input", &|_| Some("text".into())), ElementRule::Remove);
    }
}
