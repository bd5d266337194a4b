//! Safe mode: an article from an untrusted author shown without running its script.
//!
//! The policy is data ([`policy`]); [`rules`] turns it into decisions per element and per
//! attribute ([`url`] and [`css`] judge values). Two passes apply it:
//!
//! 1. on the kramdown tree, to what Folio generates itself (links, images, attribute lists),
//!    before any HTML is written ([`tree`]);
//! 2. on the whole HTML output, with a real HTML parser: ammonia natively ([`native`]), the
//!    browser's own parser in the page (`crate::wasm::dom_sanitize`), so raw HTML from the
//!    author is read exactly as a browser reads it.

pub mod css;
#[cfg(not(target_arch = "wasm32"))]
pub mod native;
pub mod policy;
pub mod rules;
pub mod tree;
pub mod url;

pub use policy::Policy;

/// The final pass over written HTML with a real HTML parser: ammonia natively, the
/// browser's parser in the page. `None` where there is no parser to use (WebAssembly
/// outside a browser), and the caller must then show nothing.
pub fn html(html: &str, policy: &Policy) -> Option<String> {
    #[cfg(not(target_arch = "wasm32"))]
    return Some(native::sanitize(html, policy));
    #[cfg(target_arch = "wasm32")]
    return crate::wasm::dom_sanitize::sanitize(html, policy);
}

/// Whether a URL Folio writes from front-matter data (hero image, attached file) may stay.
pub fn url_is_safe(url: &str) -> bool {
    self::url::is_allowed(&self::url::decode_references(url))
}
