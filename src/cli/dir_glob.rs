//! Ruby's `Dir.glob` without flags, as Jekyll expands a glob in `defaults:`' `path`: what exists
//! on disk that the pattern names. `*`, `?` and `[…]` match within a name and not a leading
//! `.`, unless the pattern's name starts with one; `**/` is any folders (hidden ones aside),
//! none included; `{a,b}` is either.

use super::fnmatch;
use std::path::Path;

/// The paths below `root` that `pattern` (relative to it) matches, relative to `root`, with `/`.
pub fn glob(root: &Path, pattern: &str) -> Vec<String> {
    let mut found = Vec::new();
    for pattern in braces_expanded(pattern) {
        let names: Vec<&str> = pattern.split('/').filter(|name| !name.is_empty()).collect();
        expand(root, "", &names, &mut found);
    }
    found.sort();
    found.dedup();
    found
}

/// Each path below `root` under `prefix` that `names` match, in `found`.
fn expand(root: &Path, prefix: &str, names: &[&str], found: &mut Vec<String>) {
    let Some((name, rest)) = names.split_first() else {
        found.push(prefix.to_owned());
        return;
    };
    let join = |entry: &str| if prefix.is_empty() { entry.to_owned() } else { format!("{prefix}/{entry}") };
    if *name == "**" && !rest.is_empty() {
        expand(root, prefix, rest, found);
        for entry in listing(&root.join(prefix)).into_iter().filter(|e| !e.starts_with('.') && root.join(prefix).join(e).is_dir()) {
            expand(root, &join(&entry), names, found);
        }
    } else if !name.contains(['*', '?', '[', '\\']) {
        if root.join(prefix).join(name).exists() {
            expand(root, &join(name), rest, found);
        }
    } else {
        let hidden = name.starts_with('.');
        for entry in listing(&root.join(prefix)).into_iter().filter(|e| (hidden || !e.starts_with('.')) && fnmatch::matches(name, e)) {
            if rest.is_empty() || root.join(prefix).join(&entry).is_dir() {
                expand(root, &join(&entry), rest, found);
            }
        }
    }
}

/// The names in `folder` (none when it does not read).
fn listing(folder: &Path) -> Vec<String> {
    let entries = std::fs::read_dir(folder).into_iter().flatten().flatten();
    entries.map(|entry| entry.file_name().to_string_lossy().into_owned()).collect()
}

/// The patterns `{a,b}` stands for, innermost braces first.
fn braces_expanded(pattern: &str) -> Vec<String> {
    let Some(close) = pattern.find('}') else { return vec![pattern.to_owned()] };
    let Some(open) = pattern[..close].rfind('{') else { return vec![pattern.to_owned()] };
    let (before, after) = (&pattern[..open], &pattern[close + 1..]);
    pattern[open + 1..close].split(',').flat_map(|choice| braces_expanded(&format!("{before}{choice}{after}"))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_match_within_names_but_not_hidden_ones_and_double_stars_cross_folders() {
        let root = std::env::temp_dir().join(format!("folio-dir-glob-{}", std::process::id()));
        for file in ["docs/a.md", "docs/sub/b.md", "docs/.hidden/c.md", "docs/.d.md", "blog/e.md"] {
            std::fs::create_dir_all(root.join(file).parent().unwrap()).unwrap();
            std::fs::write(root.join(file), "").unwrap();
        }
        assert_eq!(glob(&root, "docs/*"), ["docs/a.md", "docs/sub"]);
        assert_eq!(glob(&root, "docs/**/*.md"), ["docs/a.md", "docs/sub/b.md"]);
        assert_eq!(glob(&root, "{docs,blog}/*.md"), ["blog/e.md", "docs/a.md"]);
        assert_eq!(glob(&root, "*/sub/*"), ["docs/sub/b.md"]);
        assert!(glob(&root, "nowhere/*").is_empty());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
