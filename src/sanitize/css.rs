//! `style` attributes reduced to a safe list of properties ([`super::policy::CSS_PROPERTIES`])
//! with plain values: no `url()`, `expression()`, escapes, comments or at-rules, and no
//! `position`, so an article cannot load anything, run anything, or cover the host page.

use super::policy::CSS_PROPERTIES;

/// The declarations of `style` that may stay, or `None` when none may.
pub fn filter(style: &str) -> Option<String> {
    let mut kept = String::new();
    for declaration in style.split(';') {
        let Some((property, value)) = declaration.split_once(':') else { continue };
        let property = property.trim().to_ascii_lowercase();
        let value = value.trim();
        if CSS_PROPERTIES.contains(&property.as_str()) && is_plain_value(value) {
            let separator = if kept.is_empty() { "" } else { "; " };
            kept.extend([separator, &property, ": ", value]);
        }
    }
    (!kept.is_empty()).then_some(kept)
}

/// Letters, digits, spaces and `# % . , - + ( ) !`, with no function other than colour and
/// size arithmetic.
fn is_plain_value(value: &str) -> bool {
    if value.is_empty() || !value.chars().all(|c| c.is_ascii_alphanumeric() || " #%.,-+()!".contains(c)) {
        return false;
    }
    let lower = value.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(open) = rest.find('(') {
        let function = rest[..open].rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).next().unwrap_or("");
        if !matches!(function, "rgb" | "rgba" | "hsl" | "hsla" | "calc") {
            return false;
        }
        rest = &rest[open + 1..];
    }
    true
}

#[cfg(test)]
mod tests {
    use super::filter;

    #[test]
    fn layout_and_colour_declarations_stay() {
        assert_eq!(filter("width: 40%; margin-right: 10px;").as_deref(), Some("width: 40%; margin-right: 10px"));
        assert_eq!(filter("color: rgb(1, 2, 3)").as_deref(), Some("color: rgb(1, 2, 3)"));
    }

    #[test]
    fn loading_running_and_covering_declarations_go() {
        assert_eq!(filter("background: url(javascript:alert(1))"), None);
        assert_eq!(filter("width: expression(alert(1))"), None);
        assert_eq!(filter("position: fixed; top: 0"), None);
        assert_eq!(filter("color: red; background-image: url(x)").as_deref(), Some("color: red"));
        assert_eq!(filter("color: \\72 ed"), None);
        assert_eq!(filter("color: red /* x */"), None);
    }
}
