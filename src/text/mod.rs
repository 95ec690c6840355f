//! Raw text handling: decoding article bytes, mapping byte offsets to line/column positions, and
//! newsls's own Markdown as plain text.

mod char_set;
mod decode;
mod line_index;
mod markdown;

pub use char_set::CharSet;
pub use decode::{DecodeError, Decoded, decode};
pub use line_index::{LineCol, LineIndex, PositionEncoding, line_breaks};
pub use markdown::plain_text;
