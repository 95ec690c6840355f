//! newsls: the analysis core (article model, attribution, rules) and the front ends over it.
//! See ARCHITECTURE.md for the pipeline and which module may depend on which.

pub mod analysis;
pub mod article;
pub mod attribution;
pub mod baseline;
pub mod claims;
pub mod cli;
pub mod config;
pub mod entities;
pub mod files;
pub mod kb;
pub mod language;
pub mod locks;
pub mod protocol;
pub mod rules;
pub mod server;
pub mod span;
pub mod text;
pub mod workspace;
