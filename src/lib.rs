//! Pressroom: a static site generator for collections of press texts.
//!
//! The pipeline runs in one direction, each stage a module with a typed output:
//! [`config`] → [`load`] → [`crosslink`] → [`render`] → [`write`]; [`build`] runs them
//! in order.

pub mod build;
pub mod check;
pub mod config;
pub mod crosslink;
pub mod groups;
pub mod init;
pub mod inspect;
pub mod links;
pub mod load;
pub mod render;
pub mod serve;
pub mod text;
pub mod write;
