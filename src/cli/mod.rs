//! The command line's own modules: native only, as the binary is, so none of it reaches the
//! WebAssembly.

pub mod site_config;
pub mod sites;
pub mod targets;
