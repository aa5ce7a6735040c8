//! Pressroom: a static site generator for collections of press texts.
//!
//! The pipeline runs in one direction, each stage a module with a typed output:
//! [`config`] → [`load`] → [`crosslink`] → [`render`] → [`write`].

pub mod config;
pub mod load;
pub mod text;
