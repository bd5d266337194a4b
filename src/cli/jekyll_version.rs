//! Which Jekyll builds a site, as its `Gemfile.lock` says: the options Jekyll hands kramdown's
//! syntax highlighter changed with its versions, and every code span and unlabelled code block's
//! HTML with them. Folio's `jekyll` profile is Jekyll 3.8's; a site locked to a later Jekyll is
//! rendered with that Jekyll's options (`KramdownParser#setup`).

use folio::{Diagnostic, Options, Position, Value};
use std::fmt;

/// A version of Jekyll, its pre-release suffix left out (`4.0.0.pre.alpha1` is 4.0.0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(pub u32, pub u32, pub u32);

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

/// The Jekyll a `Gemfile.lock` locks, and the line that says so: its `jekyll (X.Y.Z)` spec,
/// which a `github-pages` lock lists too (as its dependency).
pub fn locked(lock: &str) -> Option<(Version, Position)> {
    lock.lines().enumerate().find_map(|(i, line)| {
        // Specs are indented four spaces; their own dependencies, six.
        let version = line.strip_prefix("    jekyll (")?.strip_suffix(')')?;
        let mut numbers = version.split('.').map(str::parse::<u32>);
        let mut next = || numbers.next().and_then(Result::ok);
        let version = Version(next()?, next()?, next().unwrap_or(0));
        Some((version, Position { line: u32::try_from(i + 1).ok()?, column: 5 }))
    })
}

/// Whether a `Gemfile.lock` locks the `github-pages` gem, which loads GitHub Pages' default
/// plugins (`jekyll-optional-front-matter` among them) whatever the configuration lists.
pub fn is_github_pages(lock: &str) -> bool {
    lock.lines().any(|line| line.starts_with("    github-pages ("))
}

/// What a Jekyll passes kramdown's syntax highlighter beyond Jekyll 3.8's options.
#[derive(Debug, PartialEq)]
pub enum Highlighting {
    /// Jekyll 3.8 and before: nothing more (Folio's `jekyll` profile).
    AsJekyll38,
    /// Jekyll 4.0: the site's `guess_lang` (true unless it says otherwise) without
    /// `default_lang`, so rouge guesses the language of code that names none. Folio, without
    /// rouge's lexers, takes plain text: rouge's guess for prose, not always for code.
    Guessed(Version),
    /// Jekyll 3.9, 3.10 and 4.1 on: `default_lang: plaintext` unless the site names one, and
    /// the site's `guess_lang` (true unless it says otherwise).
    Plaintext,
}

impl Highlighting {
    pub fn of(version: Version) -> Self {
        match version {
            Version(major, minor, _) if (major, minor) < (3, 9) => Highlighting::AsJekyll38,
            Version(4, 0, _) => Highlighting::Guessed(version),
            _ => Highlighting::Plaintext,
        }
    }

    /// Sets the options as this Jekyll's `KramdownParser#setup` does, over the site's and the
    /// command line's. `guess_lang`: the `guess_lang` kramdown option they set, if any, as
    /// written (the highlighter takes any value but `false` and `nil` for true, as Ruby does).
    pub fn apply(&self, options: &mut Options, guess_lang: Option<&Value>) {
        if *self == Highlighting::AsJekyll38 {
            return;
        }
        let opts = &mut options.syntax_highlighter_opts;
        if *self == Highlighting::Plaintext && !opts.iter().any(|(key, _)| key == "default_lang") {
            opts.push(("default_lang".into(), Value::String("plaintext".into())));
        }
        opts.retain(|(key, _)| key != "guess_lang");
        opts.push(("guess_lang".into(), guess_lang.cloned().unwrap_or(Value::Bool(true))));
    }

    /// What the site's articles lose, said at the lock's line; nothing when they lose nothing.
    pub fn warning(&self, at: Position) -> Option<Diagnostic> {
        let Highlighting::Guessed(version) = self else { return None };
        Some(Diagnostic::warning(
            at,
            format!(
                "Jekyll {version} lets rouge guess the language of code that names none; Folio takes \
                 plain text, which is rouge's guess for prose but not always for code"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GITHUB_PAGES: &str = "GEM\n  remote: https://rubygems.org/\n  specs:\n    github-pages (228)\n      jekyll (= 3.9.3)\n      jekyll-feed (= 0.15.1)\n    jekyll (3.9.3)\n      addressable (~> 2.4)\n    jekyll-feed (0.15.1)\n      jekyll (>= 3.7, < 5.0)\n";

    #[test]
    fn the_lock_s_own_jekyll_spec_gives_the_version_not_a_dependency_on_it() {
        assert_eq!(locked(GITHUB_PAGES), Some((Version(3, 9, 3), Position { line: 7, column: 5 })));
        assert_eq!(locked("  specs:\n    jekyll (4.0.0.pre.alpha1)\n").map(|(v, _)| v), Some(Version(4, 0, 0)));
        assert_eq!(locked("  specs:\n    jekyll-seo-tag (2.8.0)\n      jekyll (>= 3.8, < 5.0)\n"), None);
        assert_eq!(locked(""), None);
    }

    #[test]
    fn each_jekyll_hands_the_highlighter_what_its_kramdown_parser_sets() {
        assert_eq!(Highlighting::of(Version(3, 8, 7)), Highlighting::AsJekyll38);
        assert_eq!(Highlighting::of(Version(4, 0, 1)), Highlighting::Guessed(Version(4, 0, 1)));
        for version in [Version(3, 9, 0), Version(3, 10, 0), Version(4, 1, 0), Version(4, 3, 1), Version(5, 0, 0)] {
            assert_eq!(Highlighting::of(version), Highlighting::Plaintext, "{version}");
        }
    }

    #[test]
    fn a_later_jekyll_adds_plaintext_unless_the_site_names_a_language_and_its_guess_lang_always() {
        let opts = |options: &Options| options.syntax_highlighter_opts.clone();
        let mut options = Options::jekyll();
        Highlighting::Plaintext.apply(&mut options, None);
        assert_eq!(opts(&options), opts(&Options::jekyll4()));

        let mut options = Options::jekyll();
        options.syntax_highlighter_opts = vec![("default_lang".into(), Value::String("ruby".into())), ("guess_lang".into(), Value::Bool(true))];
        Highlighting::Plaintext.apply(&mut options, Some(&Value::Bool(false)));
        assert_eq!(opts(&options), [("default_lang".into(), Value::String("ruby".into())), ("guess_lang".into(), Value::Bool(false))]);

        let mut options = Options::jekyll();
        Highlighting::AsJekyll38.apply(&mut options, Some(&Value::Bool(true)));
        assert_eq!(opts(&options), opts(&Options::jekyll()));
    }

    #[test]
    fn jekyll_4_0_lets_the_highlighter_guess_without_a_default_language_and_says_what_folio_takes() {
        let mut options = Options::jekyll();
        let jekyll_4_0 = Highlighting::of(Version(4, 0, 1));
        jekyll_4_0.apply(&mut options, None);
        assert_eq!(options.syntax_highlighter_opts, [("guess_lang".into(), Value::Bool(true))]);
        let at = Position { line: 9, column: 5 };
        let warning = jekyll_4_0.warning(at).expect("a warning");
        assert_eq!((warning.position(), warning.message.as_str()), (at, "Jekyll 4.0.1 lets rouge guess the language of code that names none; Folio takes plain text, which is rouge's guess for prose but not always for code"));
        assert_eq!(Highlighting::Plaintext.warning(at), None);
    }
}
