//! Raw text handling: decoding article bytes and mapping byte offsets to line/column positions.

mod char_set;
mod decode;
mod line_index;

pub use char_set::CharSet;
pub use decode::{DecodeError, Decoded, decode};
pub use line_index::{LineCol, LineIndex, PositionEncoding, line_breaks};
