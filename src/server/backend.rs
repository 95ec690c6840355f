//! The `LanguageServer` implementation: protocol in, calls on the shared state and the core out.

use std::path::PathBuf;
use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::documents::DocumentStore;
use super::features;
use super::state::{ClientFlags, State, path_of};
use crate::analysis::Analysis;
use crate::entities::Glossary;
use crate::protocol::Document;
use crate::span::Span;
use crate::text::{LineIndex, PositionEncoding};

pub struct Backend {
    state: Arc<State>,
}

impl Backend {
    pub fn new(client: Client, documents: Arc<DocumentStore>) -> Backend {
        Backend { state: Arc::new(State::new(client, documents)) }
    }

    /// Runs `f` on the analysis of an open document. A panic in it is contained: the request gets
    /// no result and the log says why.
    async fn with_analysis<T>(&self, uri: &Uri, f: impl FnOnce(&Analysis, &Document) -> T) -> Option<T> {
        let (text, _) = self.state.documents.snapshot(uri)?;
        let encoding = self.state.documents.encoding();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let lines = LineIndex::new(&text);
            let document = Document { text: &text, lines: &lines, encoding };
            f(&Analysis::new(&text), &document)
        }));
        match result {
            Ok(value) => Some(value),
            Err(_) => {
                let message = format!("newsls: a request on {} failed with an internal error", uri.as_str());
                self.state.client.log_message(MessageType::ERROR, message).await;
                None
            }
        }
    }
}

fn flags(params: &InitializeParams) -> ClientFlags {
    let caps = &params.capabilities;
    let workspace = caps.workspace.as_ref();
    ClientFlags {
        work_done_progress: caps.window.as_ref().and_then(|w| w.work_done_progress).unwrap_or(false),
        dynamic_watch: workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false),
        configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
    }
}

#[allow(deprecated)] // `root_uri` is still what older clients send
fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    match &params.workspace_folders {
        Some(folders) => folders.iter().filter_map(|f| path_of(&f.uri)).collect(),
        None => params.root_uri.as_ref().and_then(path_of).into_iter().collect(),
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let _ = std::thread::Builder::new().name("newsls-warm-up".into()).spawn(crate::entities::warm_up);
        *self.state.flags.write().unwrap_or_else(|e| e.into_inner()) = flags(&params);
        if let Some(options) = params.initialization_options.clone() {
            self.state.apply_client_settings(options.get("settings").cloned().unwrap_or(options)).await;
        }
        self.state.set_roots(workspace_roots(&params)).await;
        let encoding = match self.state.documents.encoding() {
            PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
            PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        };
        Ok(InitializeResult {
            server_info: Some(ServerInfo { name: "newsls".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    ..Default::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
                    SemanticTokensOptions {
                        legend: SemanticTokensLegend {
                            token_types: features::TOKEN_TYPES.to_vec(),
                            token_modifiers: Vec::new(),
                        },
                        full: Some(SemanticTokensFullOptions::Bool(true)),
                        range: None,
                        work_done_progress_options: Default::default(),
                    },
                )),
                inlay_hint_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..Default::default()
            },
            ..Default::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let state = self.state.clone();
        tokio::spawn(async move {
            if state.flags().configuration {
                state.pull_client_settings().await;
                state.reload_roots().await;
                for uri in state.documents.open_uris() {
                    state.schedule(uri);
                }
            }
            state.watch();
            let roots = state.roots.read().unwrap_or_else(|e| e.into_inner()).iter().map(|r| r.path.clone()).collect();
            state.index(roots).await;
        });
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.stop_watching();
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        self.state.schedule(params.text_document.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        self.state.schedule(params.text_document.uri);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        match path_of(&uri) {
            // A closed article on disk goes back to the index, with its saved text's diagnostics.
            Some(path) if path.is_file() => self.state.refresh_from_disk(path),
            _ => self.state.clear(uri).await,
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if self.state.flags().configuration {
            self.state.pull_client_settings().await;
        } else {
            let section = params.settings.get("newsls").cloned().unwrap_or(params.settings);
            self.state.apply_client_settings(section).await;
        }
        self.state.reload_roots().await;
        self.state.reanalyse_everything().await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let removed: Vec<PathBuf> = params.event.removed.iter().filter_map(|f| path_of(&f.uri)).collect();
        let added: Vec<PathBuf> = params.event.added.iter().filter_map(|f| path_of(&f.uri)).collect();
        for path in &removed {
            self.state.forget_under(path).await;
        }
        let mut roots: Vec<PathBuf> =
            self.state.roots.read().unwrap_or_else(|e| e.into_inner()).iter().map(|r| r.path.clone()).collect();
        roots.retain(|r| !removed.contains(r));
        roots.extend(added.iter().cloned());
        self.state.set_roots(roots).await;
        if !self.state.flags().dynamic_watch {
            self.state.stop_watching();
            self.state.watch();
        }
        self.state.index(added).await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let paths = params.changes.iter().filter_map(|change| path_of(&change.uri)).collect();
        self.state.files_changed(paths).await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let position = params.text_document_position_params;
        Ok(self
            .with_analysis(&position.text_document.uri, |analysis, document| {
                let offset = document.offset(position.position);
                features::hover(analysis, offset).map(|(markdown, span)| Hover {
                    contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: markdown }),
                    range: Some(document.range(span)),
                })
            })
            .await
            .flatten())
    }

    async fn semantic_tokens_full(&self, params: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> {
        Ok(self
            .with_analysis(&params.text_document.uri, |analysis, document| {
                let entities = crate::entities::recognise_article(analysis.text, &analysis.article, Glossary::empty());
                let data = features::semantic_tokens(analysis, &entities, document);
                SemanticTokensResult::Tokens(SemanticTokens { result_id: None, data })
            })
            .await)
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        Ok(self
            .with_analysis(&params.text_document.uri, |analysis, document| {
                let within = Span::new(document.offset(params.range.start), document.offset(params.range.end));
                features::inlay_hints(analysis, document, within)
            })
            .await)
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let actions = self
            .with_analysis(&uri, |analysis, document| {
                let entities = crate::entities::recognise_article(analysis.text, &analysis.article, Glossary::empty());
                params
                    .context
                    .diagnostics
                    .iter()
                    .filter(|d| d.code == Some(NumberOrString::String("undefined-acronym".into())))
                    .filter_map(|d| features::spell_out_action(analysis.text, &entities, document, &uri, d))
                    .map(CodeActionOrCommand::CodeAction)
                    .collect::<Vec<_>>()
            })
            .await;
        Ok(actions.filter(|a| !a.is_empty()))
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        Ok(self
            .with_analysis(&params.text_document.uri, |analysis, document| {
                DocumentSymbolResponse::Nested(features::document_symbols(analysis, document))
            })
            .await)
    }
}
