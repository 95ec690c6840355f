//! Stdio framing in front of tower-lsp-server. Its reader stops for good at the first malformed
//! message (tokio-util's `FramedRead` ends after a decode error), so this layer frames messages
//! itself, answers a malformed one with a JSON-RPC parse error and JSON that is not a JSON-RPC
//! message with an invalid-request error, and passes only well-formed messages on. All output
//! goes through one writer a whole frame at a time, so replies never interleave. The server's own
//! notifications, and replies it writes itself, skip tower-lsp-server's output path through an
//! [`Outbox`].

use std::io::{self, Write};

use serde::Serialize;
use serde::de::IgnoredAny;
use serde_json::Value;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::Id;

/// No client message is larger; a bigger Content-Length is answered with a parse error.
const MAX_MESSAGE_BYTES: usize = 256 * 1024 * 1024;
const PIPE_BYTES: usize = 1 << 16;

enum Frame {
    Body(Vec<u8>),
    /// Headers without a usable Content-Length, or a body that is not JSON.
    Malformed(String),
    /// JSON that is not a JSON-RPC 2.0 message tower-lsp-server can read (its reader would stop
    /// for good at it), with the id to answer it under.
    Invalid {
        id: Value,
        detail: String,
    },
}

fn frame(body: &[u8]) -> Vec<u8> {
    frame_of(&[body])
}

/// The frame of a body given in parts, copied once into it.
fn frame_of(parts: &[&[u8]]) -> Vec<u8> {
    let length: usize = parts.iter().map(|part| part.len()).sum();
    let mut out = format!("Content-Length: {length}\r\n\r\n").into_bytes();
    out.reserve_exact(length);
    for part in parts {
        out.extend_from_slice(part);
    }
    out
}

fn error_reply(id: &Value, code: i64, message: String) -> Vec<u8> {
    let body = serde_json::json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    frame(body.to_string().as_bytes())
}

/// The parts of a message that decide whether it is one: the params, results and the rest are
/// skipped unread, as cheaply as checking the JSON alone.
#[derive(serde::Deserialize)]
struct Envelope {
    jsonrpc: Option<String>,
    id: Option<Value>,
    method: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    result: bool,
    #[serde(default, deserialize_with = "present")]
    error: bool,
}

/// Whether the field is there, even as `null` (a response's `"result": null`).
fn present<'de, D: serde::Deserializer<'de>>(value: D) -> Result<bool, D::Error> {
    serde::Deserialize::deserialize(value).map(|_: IgnoredAny| true)
}

/// The next message as the server may read it: JSON-RPC 2.0 (a request, a notification or a
/// response), else the error to answer.
fn checked(body: Vec<u8>) -> Frame {
    let is_object = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    let envelope = match serde_json::from_slice::<Envelope>(&body) {
        Ok(envelope) if is_object => envelope,
        _ => {
            return match serde_json::from_slice::<IgnoredAny>(&body) {
                Ok(_) if !is_object => Frame::Invalid { id: Value::Null, detail: "a message is a JSON object".into() },
                Ok(_) => {
                    Frame::Invalid { id: Value::Null, detail: "a field of the wrong type, or one given twice".into() }
                }
                Err(err) => Frame::Malformed(err.to_string()),
            };
        }
    };
    let id = envelope.id.unwrap_or_default();
    let id_is_usable = id.is_null() || id.is_string() || id.as_i64().is_some();
    let detail = if envelope.jsonrpc.as_deref() != Some("2.0") {
        "\"jsonrpc\" must be \"2.0\""
    } else if !id_is_usable {
        "an id is a string or an integer"
    } else {
        match &envelope.method {
            Some(method) if method.is_string() => return Frame::Body(body),
            Some(_) => "a method is a string",
            None if (envelope.result || envelope.error) && !id.is_null() => return Frame::Body(body),
            None => "a message has a method, or it is a response with an id",
        }
    };
    Frame::Invalid { id: if id_is_usable { id } else { Value::Null }, detail: detail.into() }
}

/// Whole frames for the output writer, from any thread.
#[derive(Clone)]
pub struct Outbox(mpsc::UnboundedSender<Vec<u8>>);

/// The writer's end of an [`Outbox`].
pub struct OutboxFrames(mpsc::UnboundedReceiver<Vec<u8>>);

impl Outbox {
    pub fn new() -> (Outbox, OutboxFrames) {
        let (sender, receiver) = mpsc::unbounded_channel();
        (Outbox(sender), OutboxFrames(receiver))
    }

    /// Sends a notification serialised straight to bytes. tower-lsp-server's client builds a
    /// `serde_json::Value` first and writes it through a pipe, which costs more than the
    /// serialisation itself for a large publishDiagnostics. Once the output has closed, the
    /// notification is dropped, as the client's would be.
    pub fn notify(&self, method: &str, params: &impl Serialize) {
        #[derive(Serialize)]
        struct Notification<'a, P> {
            jsonrpc: &'static str,
            method: &'a str,
            params: &'a P,
        }
        if let Ok(body) = serde_json::to_vec(&Notification { jsonrpc: "2.0", method, params }) {
            let _ = self.0.send(frame(&body));
        }
    }

    /// Answers request `id` with `result`, JSON already written (`None` for `null`).
    pub fn reply(&self, id: &Id, result: Option<&[u8]>) {
        let result = result.unwrap_or(b"null");
        // An id is a number or a string, which always serialise.
        let head = format!(
            "{{\"jsonrpc\":\"2.0\",\"id\":{},\"result\":",
            serde_json::to_string(id).unwrap_or_else(|_| "null".into())
        );
        let _ = self.0.send(frame_of(&[head.as_bytes(), result, b"}"]));
    }
}

/// Reads the next message, checking that its body is a JSON-RPC message; `None` at the end of
/// input.
async fn read_frame(reader: &mut (impl AsyncBufRead + Unpin)) -> io::Result<Option<Frame>> {
    Ok(match read_body(reader).await? {
        Some(Frame::Body(body)) => Some(checked(body)),
        other => other,
    })
}

/// Reads the next message's body as it is; `None` at the end of input.
async fn read_body(reader: &mut (impl AsyncBufRead + Unpin)) -> io::Result<Option<Frame>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if length.is_some() {
                break;
            }
            continue;
        }
        // Header names are case-insensitive, as in HTTP. A header may follow garbage on the same
        // line ("...}Content-Length: 52").
        const CONTENT_LENGTH: &str = "content-length:";
        if let Some(at) = text.to_ascii_lowercase().find(CONTENT_LENGTH) {
            let value = text[at + CONTENT_LENGTH.len()..].trim();
            length = Some(value.parse::<usize>().map_err(|_| format!("bad Content-Length {value:?}")));
        } else if length.is_none() && !is_header(text) {
            return Ok(Some(Frame::Malformed("expected a Content-Length header".into())));
        }
    }
    let length = match length {
        Some(Ok(n)) if n <= MAX_MESSAGE_BYTES => n,
        Some(Ok(n)) => return Ok(Some(Frame::Malformed(format!("message of {n} bytes is too large")))),
        Some(Err(detail)) => return Ok(Some(Frame::Malformed(detail))),
        None => return Ok(None),
    };
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await?;
    Ok(Some(Frame::Body(body)))
}

/// Whether `line` is a header, "Name: value" (another than Content-Length, such as
/// Content-Type); not, say, a JSON body sent without headers.
fn is_header(line: &str) -> bool {
    line.split_once(':')
        .is_some_and(|(name, _)| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// Copies whole frames from `from` (the server's output, well-formed by construction) to the
/// shared writer.
async fn forward_frames(from: impl AsyncRead + Unpin, to: mpsc::UnboundedSender<Vec<u8>>) {
    let mut reader = BufReader::new(from);
    while let Ok(Some(Frame::Body(body))) = read_body(&mut reader).await {
        if to.send(frame(&body)).is_err() {
            break;
        }
    }
}

/// Writes frames from `frames` to `output` on a thread of its own, flushing only when no more
/// are queued, so a flood of notifications costs one write system call per burst, not per message.
/// An empty frame ends it.
fn spawn_writer(
    mut frames: mpsc::UnboundedReceiver<Vec<u8>>,
    output: impl Write + Send + 'static,
) -> io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new().name("newsls-stdout".into()).spawn(move || {
        let mut output = io::BufWriter::with_capacity(1 << 16, output);
        'frames: while let Some(first) = frames.blocking_recv() {
            let mut next = Some(first);
            while let Some(bytes) = next.take() {
                if bytes.is_empty() || output.write_all(&bytes).is_err() {
                    break 'frames;
                }
                next = frames.try_recv().ok();
            }
            if output.flush().is_err() {
                break;
            }
        }
        let _ = output.flush();
    })
}

/// Serves the protocol over `input` and `output` through `serve`, which gets the filtered streams;
/// frames sent to `outbox` are written too.
pub async fn serve<I, O, F, Fut>(input: I, output: O, outbox: (Outbox, OutboxFrames), serve: F)
where
    I: AsyncRead + Unpin + Send + 'static,
    O: Write + Send + 'static,
    F: FnOnce(tokio::io::DuplexStream, tokio::io::DuplexStream) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let (server_input, mut to_server) = tokio::io::duplex(PIPE_BYTES);
    let (server_output, from_server) = tokio::io::duplex(PIPE_BYTES);
    let (Outbox(frames), OutboxFrames(frames_out)) = outbox;
    let writer = match spawn_writer(frames_out, output) {
        Ok(writer) => writer,
        Err(err) => {
            eprintln!("newsls: cannot start the output thread: {err}");
            return;
        }
    };
    let forwarder = tokio::spawn(forward_frames(from_server, frames.clone()));
    let end_marker = frames.clone();
    tokio::spawn(async move {
        let mut reader = BufReader::new(input);
        while let Ok(Some(message)) = read_frame(&mut reader).await {
            match message {
                Frame::Body(body) => {
                    if to_server.write_all(&frame(&body)).await.is_err() {
                        break;
                    }
                }
                Frame::Malformed(detail) => {
                    let _ = frames.send(error_reply(&Value::Null, -32700, format!("Parse error: {detail}")));
                }
                Frame::Invalid { id, detail } => {
                    let _ = frames.send(error_reply(&id, -32600, format!("Invalid request: {detail}")));
                }
            }
        }
        // Dropping `to_server` ends the server's input, as the end of stdin would.
    });
    serve(server_input, server_output).await;
    let _ = forwarder.await;
    let _ = end_marker.send(Vec::new());
    let _ = tokio::task::spawn_blocking(move || writer.join()).await;
}
