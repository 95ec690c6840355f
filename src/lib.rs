//! newsls: the analysis core (article model, attribution, rules) and the front ends over it.

pub mod article;
pub mod attribution;
pub mod span;
pub mod text;
