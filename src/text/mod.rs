//! Raw text handling: decoding article bytes and mapping byte offsets to line/column positions.

mod decode;
mod line_index;

pub use decode::{DecodeError, Decoded, decode};
pub use line_index::{LineCol, LineIndex, PositionEncoding};
