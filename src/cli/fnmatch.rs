//! Ruby's `File.fnmatch?` without flags, as Jekyll matches `exclude:` and `include:` patterns.
//!
//! Without `FNM_PATHNAME`, `*` and `?` match `/` too (`*.md` matches `a/b.md`); `[…]` is a class
//! (`!` or `^` negates it, `a-z` is a range; one never closed, or empty, matches nothing), `\`
//! takes the next character as it is; no braces, no `**` of its own, and case counts. Jekyll's patterns are joined to the site's folder, so
//! the leading-dot rule never applies: every path matched starts with `/`.

/// Whether `text` matches `pattern` whole.
pub fn matches(pattern: &str, text: &str) -> bool {
    let (pattern, text): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut p, mut t) = (0, 0);
    // The last `*` seen and the text position it was tried at: a mismatch retries it one further.
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        let step = match pattern.get(p) {
            Some('*') => {
                star = Some((p + 1, t));
                p += 1;
                continue;
            }
            Some('?') => Some(1),
            Some('[') => class(&pattern[p..], text[t]),
            Some('\\') => pattern.get(p + 1).filter(|c| **c == text[t]).map(|_| 2),
            Some(c) => (*c == text[t]).then_some(1),
            None => None,
        };
        match (step, star) {
            (Some(length), _) => (p, t) = (p + length, t + 1),
            (None, Some((after_star, tried))) => {
                (p, t) = (after_star, tried + 1);
                star = Some((after_star, tried + 1));
            }
            (None, None) => return false,
        }
    }
    // What is left matches nothing but stars, and a `\\` at the very end, which escapes nothing.
    let rest = &pattern[p..];
    rest.strip_suffix(&['\\']).unwrap_or(rest).iter().all(|c| *c == '*')
}

/// The length of the class that `pattern` starts with, when it matches `c`.
fn class(pattern: &[char], c: char) -> Option<usize> {
    let negated = matches!(pattern.get(1), Some('!' | '^'));
    let mut i = 1 + usize::from(negated);
    let mut found = false;
    loop {
        let low = match pattern.get(i)? {
            ']' => break,
            '\\' => {
                i += 1;
                *pattern.get(i)?
            }
            other => *other,
        };
        i += 1;
        let high = match (pattern.get(i), pattern.get(i + 1)) {
            (Some('-'), Some(high)) if *high != ']' => {
                i += 2;
                *high
            }
            _ => low,
        };
        found |= (low..=high).contains(&c);
    }
    (found != negated).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn stars_and_question_marks_match_across_slashes() {
        assert!(matches("/*.md", "/a.md"));
        assert!(matches("/*.md", "/docs/a.md"), "no FNM_PATHNAME: * matches /");
        assert!(matches("/docs/*", "/docs/a/b.md"));
        assert!(matches("/a?c", "/a/c"));
        assert!(!matches("/*.md", "/a.markdown"));
        assert!(matches("/*", "/"));
        assert!(matches("/a*b*c", "/aXbYbZc"));
        assert!(!matches("/a*b*c", "/aXbYbZ"));
    }

    #[test]
    fn classes_ranges_negation_and_escapes() {
        assert!(matches("/[ab].md", "/b.md"));
        assert!(!matches("/[!ab].md", "/b.md"));
        assert!(matches("/[^ab].md", "/c.md"));
        assert!(matches("/201[0-9]", "/2015"));
        assert!(matches("/[a-]", "/-"));
        assert!(matches("/[\\]]", "/]"));
        assert!(!matches("/[z-a]", "/m"));
        assert!(matches("/\\*", "/*"));
        assert!(!matches("/\\*", "/a"));
        assert!(!matches("/a\\", "/a\\"), "a \\ at the end escapes nothing…");
        assert!(matches("/a*\\", "/ab"), "…and matches nothing");
        assert!(!matches("/[a", "/[a"), "a class never closed matches nothing");
        assert!(!matches("/[]a]", "/]"), "nor does an empty one");
        assert!(matches("/[é]*", "/éa"));
    }

    #[test]
    fn case_counts_and_the_whole_text_must_match() {
        assert!(!matches("/Readme.md", "/README.md"));
        assert!(!matches("/a", "/ab"));
        assert!(!matches("/ab", "/a"));
    }
}
