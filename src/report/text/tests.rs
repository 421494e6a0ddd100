//! Renderer tests on report structs.
