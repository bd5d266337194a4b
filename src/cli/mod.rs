//! The command line's own modules: native only, as the binary is, so none of it reaches the
//! WebAssembly.

pub mod dir_glob;
pub mod fnmatch;
pub mod front_matter_defaults;
pub mod jekyll_version;
pub mod permalink;
pub mod site_config;
pub mod site_files;
pub mod site_links;
pub mod sites;
pub mod targets;
pub mod yaml_places;
