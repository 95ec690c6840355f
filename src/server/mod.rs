//! The language server: a thin front end over the analysis core and the workspace index.
//!
//! tower-lsp-server runs handlers concurrently and resumes them out of order at every `.await`,
//! so text edits never wait for a handler: [`Ordered`] applies didOpen/didChange/didClose to the
//! [`DocumentStore`] as each message is read, in the order the client sent them, and only then
//! hands the message on. Analysis runs on blocking threads; a newer edit supersedes it.

mod analyses;
mod backend;
mod documents;
mod features;
mod locations;
mod navigation;
mod settings;
mod state;
mod transport;
mod watch;

use std::future::Future;
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use serde::de::DeserializeOwned;
use tower::Service;
use tower_lsp_server::jsonrpc::{Request, Response};
use tower_lsp_server::{ClientSocket, ExitedError, LspService, Server};

pub use backend::Backend;
pub use documents::DocumentStore;
use transport::Outbox;

/// Applies document edits to the store in arrival order, then forwards the message.
pub struct Ordered<S> {
    inner: S,
    documents: Arc<DocumentStore>,
    shutdown_requested: Arc<AtomicBool>,
    /// Where requests that skip tower-lsp-server's reply path are answered; `None` in-process.
    direct: Option<Direct>,
}

/// The backend and output for requests answered straight to the output (see [`Backend::references_json`]).
struct Direct {
    backend: Backend,
    outbox: Outbox,
    /// True between an accepted `initialize` and the first `shutdown`: tower-lsp-server answers
    /// the requests it rejects outside that window with the right errors.
    serving: Arc<AtomicBool>,
}

fn params<T: DeserializeOwned>(request: &Request) -> Option<T> {
    request.params().and_then(|p| serde_json::from_value(p.clone()).ok())
}

type Answer = Pin<Box<dyn Future<Output = Result<Option<Response>, ExitedError>> + Send>>;

/// The answer of `response`, setting `flag` when it is a success.
fn flag_on_success(
    response: impl Future<Output = Result<Option<Response>, ExitedError>> + Send + 'static,
    flag: Arc<AtomicBool>,
) -> Answer {
    Box::pin(async move {
        let response = response.await;
        if let Ok(Some(answer)) = &response
            && answer.is_ok()
        {
            flag.store(true, Ordering::SeqCst);
        }
        response
    })
}

impl<S> Service<Request> for Ordered<S>
where
    S: Service<Request, Response = Option<Response>, Error = ExitedError>,
    S::Future: Send + 'static,
{
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = Answer;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        match request.method() {
            "initialize" => {
                if let Some(p) = params(&request) {
                    self.documents.negotiate(&p);
                }
                if let Some(direct) = &self.direct {
                    return flag_on_success(self.inner.call(request), direct.serving.clone());
                }
            }
            "textDocument/references" => {
                if let Some(direct) = &self.direct
                    && direct.serving.load(Ordering::SeqCst)
                    && let Some(id) = request.id().cloned()
                    && let Some(p) = params(&request)
                {
                    let backend = direct.backend.clone();
                    let outbox = direct.outbox.clone();
                    return Box::pin(async move {
                        outbox.reply(&id, backend.references_json(p).await.as_deref());
                        Ok(None)
                    });
                }
            }
            "textDocument/didOpen" => {
                if let Some(p) = params(&request) {
                    self.documents.open(p);
                }
            }
            "textDocument/didChange" => {
                if let Some(p) = params(&request) {
                    self.documents.change(p);
                }
            }
            "textDocument/didClose" => {
                if let Some(p) = params(&request) {
                    self.documents.close(p);
                }
            }
            "shutdown" => {
                if let Some(direct) = &self.direct {
                    direct.serving.store(false, Ordering::SeqCst);
                }
                // Only a shutdown the server accepted (not one before `initialize`) makes `exit` a success.
                return flag_on_success(self.inner.call(request), self.shutdown_requested.clone());
            }
            _ => {}
        }
        Box::pin(self.inner.call(request))
    }
}

/// The server as a tower service, for in-process tests: everything it sends goes to the socket.
pub fn service() -> (Ordered<LspService<Backend>>, ClientSocket) {
    service_with(None)
}

fn service_with(outbox: Option<Outbox>) -> (Ordered<LspService<Backend>>, ClientSocket) {
    let documents = Arc::new(DocumentStore::default());
    let store = documents.clone();
    let backend_outbox = outbox.clone();
    let (inner, socket) = LspService::new(move |client| Backend::new(client, store, backend_outbox));
    let direct = outbox.map(|outbox| Direct { backend: inner.inner().clone(), outbox, serving: Arc::default() });
    (Ordered { inner, documents, shutdown_requested: Arc::default(), direct }, socket)
}

/// Standard output without its line buffering, which scans each frame for a newline; the output
/// thread writes whole frames through a buffer of its own.
fn unbuffered_stdout() -> Box<dyn std::io::Write + Send> {
    #[cfg(unix)]
    if let Ok(fd) = std::os::fd::AsFd::as_fd(&std::io::stdout()).try_clone_to_owned() {
        enlarge_pipe(&fd);
        return Box::new(std::fs::File::from(fd));
    }
    Box::new(std::io::stdout())
}

/// Bytes of pipe asked for, Linux's default most an unprivileged process may have.
#[cfg(target_os = "linux")]
const OUTPUT_PIPE_BYTES: usize = 1 << 20;

/// A reply of megabytes (references of an entity that thousands of articles mention) crosses a
/// 64 KiB pipe in dozens of writes, each waiting for the editor to read; a larger pipe halves the
/// time. Nothing happens when the output is not a pipe, or the system says no.
#[cfg(target_os = "linux")]
fn enlarge_pipe(fd: &std::os::fd::OwnedFd) {
    let _ = rustix::pipe::fcntl_setpipe_size(fd, OUTPUT_PIPE_BYTES);
}

#[cfg(all(unix, not(target_os = "linux")))]
fn enlarge_pipe(_: &std::os::fd::OwnedFd) {}

pub fn run() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("newsls: cannot start the server's runtime: {err}");
            return ExitCode::from(crate::cli::EXIT_TROUBLE);
        }
    };
    let (outbox, outbox_frames) = Outbox::new();
    let (service, socket) = service_with(Some(outbox.clone()));
    let shutdown_requested = service.shutdown_requested.clone();
    let output = (outbox, outbox_frames);
    runtime.block_on(transport::serve(tokio::io::stdin(), unbuffered_stdout(), output, |input, output| async move {
        Server::new(input, output, socket).serve(service).await;
    }));
    // Blocking analysis or indexing threads may still run; the process ends with the protocol.
    runtime.shutdown_background();
    // LSP: exit code 0 after a shutdown request, 1 for an exit (or end of input) without one.
    if shutdown_requested.load(Ordering::SeqCst) { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
