//! A test client for the language server: in-process over its tower service, or over the pipes
//! of the real binary. It answers the server's requests (progress tokens, registrations,
//! configuration) and records everything the server sends.

#![allow(dead_code)] // each test file uses part of it

use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};

pub const TIMEOUT: Duration = Duration::from_secs(10);

pub fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// An article written for these tests: a headline, an unattributed claim, and a quotation whose
/// speaker is named once after it.
pub const ARTICLE: &str = "Andean ministers meet on trade\n\n\
The trade bloc will double its exports by 2030.\n\n\
“We are ready to work. Nobody will stop this process,” Minister Ana Ruiz said in Lima.\n";

pub mod in_process {
    use std::collections::VecDeque;

    use futures::{SinkExt, StreamExt};
    use tokio::sync::mpsc;
    use tower::{Service, ServiceExt};
    use tower_lsp_server::jsonrpc::{Request, Response};
    use tower_lsp_server::{ExitedError, LspService};

    use super::*;

    /// How the client answers server-to-client requests.
    #[derive(Clone)]
    pub struct Answers {
        /// The `newsls` section returned for workspace/configuration.
        pub configuration: Value,
    }

    impl Default for Answers {
        fn default() -> Self {
            Answers { configuration: Value::Null }
        }
    }

    pub struct Client {
        service: newsls::server::Ordered<LspService<newsls::server::Backend>>,
        from_server: mpsc::UnboundedReceiver<Value>,
        pub seen: VecDeque<Value>,
        next_id: i64,
    }

    impl Client {
        pub fn start(answers: Answers) -> Client {
            let (service, socket) = newsls::server::service();
            let (tx, from_server) = mpsc::unbounded_channel();
            tokio::spawn(async move {
                let (mut requests, mut responses) = socket.split();
                while let Some(request) = requests.next().await {
                    let value = serde_json::to_value(&request).unwrap();
                    if let Some(id) = request.id().cloned() {
                        let result = match request.method() {
                            "workspace/configuration" => json!([answers.configuration.clone()]),
                            _ => Value::Null,
                        };
                        let _ = responses.send(Response::from_ok(id, result)).await;
                    }
                    if tx.send(value).is_err() {
                        break;
                    }
                }
            });
            Client { service, from_server, seen: VecDeque::new(), next_id: 1 }
        }

        async fn call(&mut self, request: Request) -> Result<Option<Response>, ExitedError> {
            let service = self.service.ready().await?;
            service.call(request).await
        }

        pub async fn request(&mut self, method: &'static str, params: Value) -> Value {
            let value = self.response(method, params).await;
            assert!(value.get("error").is_none(), "{method} failed: {value}");
            value["result"].clone()
        }

        /// The whole response, an error or a result.
        pub async fn response(&mut self, method: &'static str, params: Value) -> Value {
            let id = self.next_id;
            self.next_id += 1;
            let request = Request::build(method).id(id).params(params).finish();
            let response = tokio::time::timeout(TIMEOUT, self.call(request))
                .await
                .expect("request timed out")
                .expect("server exited")
                .expect("a request gets a response");
            serde_json::to_value(&response).unwrap()
        }

        pub async fn raw_request(
            &mut self,
            method: &'static str,
            params: Value,
        ) -> Result<Option<Response>, ExitedError> {
            let id = self.next_id;
            self.next_id += 1;
            self.call(Request::build(method).id(id).params(params).finish()).await
        }

        pub async fn notify(&mut self, method: &'static str, params: Value) {
            let request = Request::build(method).params(params).finish();
            let response = tokio::time::timeout(TIMEOUT, self.call(request)).await.expect("notification timed out");
            assert!(matches!(response, Ok(None)), "{method}: {response:?}");
        }

        /// Waits for the next message from the server that satisfies `pred`, keeping the others.
        pub async fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
            if let Some(i) = self.seen.iter().position(&pred) {
                return self.seen.remove(i).unwrap();
            }
            let deadline = tokio::time::Instant::now() + TIMEOUT;
            loop {
                let message = tokio::time::timeout_at(deadline, self.from_server.recv())
                    .await
                    .unwrap_or_else(|_| panic!("timed out waiting for {what}; seen: {:#?}", self.seen))
                    .expect("server closed");
                if pred(&message) {
                    return message;
                }
                self.seen.push_back(message);
            }
        }

        /// The next diagnostics published for `uri` that satisfy `pred`.
        pub async fn diagnostics_where(&mut self, uri: &str, pred: impl Fn(&Value) -> bool) -> Value {
            self.wait_for(&format!("diagnostics for {uri}"), |m| {
                m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri && pred(&m["params"])
            })
            .await["params"]
                .clone()
        }

        pub async fn initialize(&mut self, root: &Path, capabilities: Value) -> Value {
            let result = self
                .request(
                    "initialize",
                    json!({
                        "processId": null,
                        "rootUri": uri(root),
                        "capabilities": capabilities,
                        "workspaceFolders": [{"uri": uri(root), "name": "workspace"}],
                    }),
                )
                .await;
            self.notify("initialized", json!({})).await;
            result
        }

        pub async fn open(&mut self, uri: &str, text: &str, version: i32) {
            self.notify(
                "textDocument/didOpen",
                json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": version, "text": text}}),
            )
            .await;
        }
    }
}

/// Codes of the diagnostics in a publishDiagnostics params object.
pub fn codes(params: &Value) -> Vec<String> {
    params["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
}

pub mod pipes {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::process::{Child, ChildStdin, Command, Stdio};
    use std::sync::mpsc;
    use std::time::Instant;

    use super::*;

    /// The real `newsls server` binary, spoken to over its stdin and stdout.
    pub struct Server {
        pub child: Child,
        stdin: ChildStdin,
        messages: mpsc::Receiver<Value>,
        pub seen: Vec<Value>,
        next_id: i64,
    }

    impl Server {
        pub fn spawn() -> Server {
            Server::spawn_with_env(&[])
        }

        pub fn spawn_with_env(env: &[(&str, &str)]) -> Server {
            let mut child = Command::new(env!("CARGO_BIN_EXE_newsls"))
                .arg("server")
                .envs(env.iter().copied())
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("newsls server starts");
            let stdin = child.stdin.take().unwrap();
            let mut stdout = BufReader::new(child.stdout.take().unwrap());
            let (tx, messages) = mpsc::channel();
            std::thread::spawn(move || {
                loop {
                    let mut length = None;
                    loop {
                        let mut line = String::new();
                        if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                            return;
                        }
                        let line = line.trim_end();
                        if line.is_empty() {
                            break;
                        }
                        if let Some(n) = line.strip_prefix("Content-Length: ") {
                            length = n.parse::<usize>().ok();
                        }
                    }
                    let mut body = vec![0; length.expect("Content-Length header")];
                    if stdout.read_exact(&mut body).is_err() || tx.send(serde_json::from_slice(&body).unwrap()).is_err()
                    {
                        return;
                    }
                }
            });
            Server { child, stdin, messages, seen: Vec::new(), next_id: 1 }
        }

        pub fn send_raw(&mut self, body: &[u8]) {
            self.send_bytes(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
            self.send_bytes(body);
        }

        /// Bytes as they are, headers and all.
        pub fn send_bytes(&mut self, bytes: &[u8]) {
            self.stdin.write_all(bytes).unwrap();
            self.stdin.flush().unwrap();
        }

        pub fn notify(&mut self, method: &str, params: Value) {
            self.send_raw(json!({"jsonrpc": "2.0", "method": method, "params": params}).to_string().as_bytes());
        }

        /// Sends a request and returns its id.
        pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
            let id = self.next_id;
            self.next_id += 1;
            self.send_raw(
                json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}).to_string().as_bytes(),
            );
            id
        }

        pub fn request(&mut self, method: &str, params: Value) -> Value {
            let id = self.send_request(method, params);
            self.wait_for(&format!("response to {method}"), |m| m["id"] == id && m.get("method").is_none())
        }

        pub fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
            if let Some(i) = self.seen.iter().position(&pred) {
                return self.seen.remove(i);
            }
            let deadline = Instant::now() + TIMEOUT;
            loop {
                let left = deadline.saturating_duration_since(Instant::now());
                let message = self
                    .messages
                    .recv_timeout(left)
                    .unwrap_or_else(|_| panic!("timed out waiting for {what}; seen: {:#?}", self.seen));
                // Answer the server's own requests so it never waits on us.
                if message.get("method").is_some() && message.get("id").is_some() {
                    let answer = json!({"jsonrpc": "2.0", "id": message["id"], "result": null});
                    self.send_raw(answer.to_string().as_bytes());
                }
                if pred(&message) {
                    return message;
                }
                self.seen.push(message);
            }
        }

        pub fn diagnostics_where(&mut self, uri: &str, pred: impl Fn(&Value) -> bool) -> Value {
            self.wait_for(&format!("diagnostics for {uri}"), |m| {
                m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri && pred(&m["params"])
            })["params"]
                .clone()
        }

        /// Waits for the process to end and returns its exit code.
        pub fn wait_exit(&mut self) -> Option<i32> {
            let deadline = Instant::now() + TIMEOUT;
            while Instant::now() < deadline {
                if let Some(status) = self.child.try_wait().unwrap() {
                    return status.code();
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            panic!("the server did not exit");
        }
    }

    impl Drop for Server {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
