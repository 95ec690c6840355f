//! The `LanguageServer` implementation: protocol in, calls on the shared state and the core out.

use std::path::PathBuf;
use std::sync::Arc;

use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::analyses::{DocumentAnalysis, Unavailable};
use super::documents::DocumentStore;
use super::state::{ClientFlags, State, contained, context, path_of};
use super::transport::Outbox;
use super::{features, navigation};
use crate::analysis::{Analysis, Context};
use crate::baseline;
use crate::locks;
use crate::protocol::{self, Document};
use crate::span::Span;
use crate::text::PositionEncoding;

#[derive(Clone)]
pub struct Backend {
    state: Arc<State>,
}

impl Backend {
    pub fn new(client: Client, documents: Arc<DocumentStore>, outbox: Option<Outbox>) -> Backend {
        Backend { state: Arc::new(State::new(client, documents, outbox)) }
    }

    /// Runs `f` on the current analysis of an open document (see [`State::current_analysis`]).
    /// A panic in either is contained: the request gets no result and the log says why.
    async fn with_current<T>(&self, uri: &Uri, f: impl FnOnce(&DocumentAnalysis, &Document) -> T) -> Option<T> {
        let result = self.state.current_analysis(uri).await?.and_then(|current| {
            let document =
                Document { text: current.text(), lines: &current.lines, encoding: self.state.documents.encoding() };
            contained(|| f(&current, &document)).map_err(Unavailable::Panicked)
        });
        match result {
            Ok(value) => Some(value),
            Err(Unavailable::Panicked(_)) => {
                let message = format!("newsls: a request on {} failed with an internal error", uri.as_str());
                self.state.client.log_message(MessageType::ERROR, message).await;
                None
            }
            // Closed meanwhile, or the server is stopping: no result, and nothing went wrong.
            Err(Unavailable::Closed | Unavailable::ShuttingDown) => None,
        }
    }

    /// The answer to `textDocument/references` as JSON. [`super::Ordered`] sends it straight to
    /// the output when it can (see [`super::locations`]).
    pub async fn references_json(&self, params: ReferenceParams) -> Option<Vec<u8>> {
        let position = params.text_document_position;
        let uri = &position.text_document.uri;
        let include_introduction = params.context.include_declaration;
        self.with_analysis(uri, |analysis, document, _| {
            let offset = document.offset(position.position);
            navigation::references(&self.state, uri, analysis, document, offset, include_introduction)
        })
        .await
        .flatten()
    }

    /// [`Self::with_current`] for requests that need the analysis and its context.
    async fn with_analysis<T>(&self, uri: &Uri, f: impl FnOnce(&Analysis, &Document, &Context) -> T) -> Option<T> {
        self.with_current(uri, |current, document| {
            f(current.analysis(), document, &context(&current.settings, &current.people))
        })
        .await
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
        select_placeholder: caps
            .experimental
            .as_ref()
            .and_then(|e| e.get(features::SELECT_PLACEHOLDER_CAPABILITY))
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false),
        plaintext_hover: caps
            .text_document
            .as_ref()
            .and_then(|t| t.hover.as_ref())
            .and_then(|h| h.content_format.as_ref())
            .is_some_and(|formats| !formats.is_empty() && !formats.contains(&MarkupKind::Markdown)),
        code_lens_refresh: workspace
            .and_then(|w| w.code_lens.as_ref())
            .and_then(|c| c.refresh_support)
            .unwrap_or(false),
    }
}

#[allow(deprecated)] // `root_uri` is still what older clients send
fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    match &params.workspace_folders {
        Some(folders) => folders.iter().filter_map(|f| path_of(&f.uri)).collect(),
        None => params.root_uri.as_ref().and_then(path_of).into_iter().collect(),
    }
}

/// Whether an action of `kind` is of a kind the client asked for (`context.only`): that kind
/// or one under it ("quickfix" asks for "quickfix.spell" too), anything when it asks for none.
fn wanted(kind: Option<&CodeActionKind>, only: Option<&[CodeActionKind]>) -> bool {
    let Some(only) = only else { return true };
    let kind = kind.map_or("", |k| k.as_str());
    only.iter().any(|asked| {
        let asked = asked.as_str();
        kind == asked || kind.strip_prefix(asked).is_some_and(|rest| rest.starts_with('.'))
    })
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let _ = std::thread::Builder::new().name("newsls-warm-up".into()).spawn(crate::entities::warm_up);
        *locks::write(&self.state.flags) = flags(&params);
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
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(false) }),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![features::ACCEPT_COMMAND.to_string()],
                    work_done_progress_options: Default::default(),
                }),
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
            let roots = locks::read(&state.roots).iter().map(|r| r.path.clone()).collect();
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
        self.state.analyses.remove(&uri);
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
        let mut roots: Vec<PathBuf> = locks::read(&self.state.roots).iter().map(|r| r.path.clone()).collect();
        roots.retain(|r| !removed.contains(r));
        roots.extend(added.iter().cloned());
        self.state.set_roots(roots).await;
        if !self.state.flags().dynamic_watch {
            self.state.stop_watching();
            self.state.watch();
        }
        self.state.index_in_background(added);
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let paths = params.changes.iter().filter_map(|change| path_of(&change.uri)).collect();
        self.state.files_changed(paths).await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let position = params.text_document_position_params;
        let uri = &position.text_document.uri;
        let plaintext = self.state.flags().plaintext_hover;
        Ok(self
            .with_analysis(uri, |analysis, document, context| {
                let offset = document.offset(position.position);
                let sentence = features::hover(analysis, offset);
                let (markdown, span) = match analysis.entities.mention_at(offset) {
                    Some(mention) => {
                        let card = navigation::card(&self.state, uri, analysis, context, mention);
                        let about = sentence.map(|(markdown, _)| format!("\n\n---\n\n{markdown}")).unwrap_or_default();
                        (card + &about, mention.span)
                    }
                    None => sentence?,
                };
                let contents = match plaintext {
                    true => MarkupContent { kind: MarkupKind::PlainText, value: crate::text::plain_text(&markdown) },
                    false => MarkupContent { kind: MarkupKind::Markdown, value: markdown },
                };
                Some(Hover { contents: HoverContents::Markup(contents), range: Some(document.range(span)) })
            })
            .await
            .flatten())
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let position = params.text_document_position_params;
        let uri = &position.text_document.uri;
        let locations = self
            .with_analysis(uri, |analysis, document, _| {
                navigation::definition(&self.state, uri, analysis, document, document.offset(position.position))
            })
            .await
            .unwrap_or_default();
        Ok(match locations.len() {
            0 => None,
            1 => locations.into_iter().next().map(GotoDefinitionResponse::Scalar),
            _ => Some(GotoDefinitionResponse::Array(locations)),
        })
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        // Only in-process (tests): the server answers through `references_json` itself.
        let json = self.references_json(params).await;
        json.map(|json| serde_json::from_slice(&json)).transpose().map_err(|err| Error {
            code: ErrorCode::InternalError,
            message: format!("newsls wrote references that do not read back: {err}").into(),
            data: None,
        })
    }

    async fn document_highlight(&self, params: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
        let position = params.text_document_position_params;
        Ok(self
            .with_analysis(&position.text_document.uri, |analysis, document, _| {
                navigation::highlights(analysis, document, document.offset(position.position))
            })
            .await
            .filter(|h| !h.is_empty()))
    }

    async fn symbol(&self, params: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        let symbols = navigation::workspace_symbols(&self.state, &params.query);
        Ok(Some(WorkspaceSymbolResponse::Nested(symbols)))
    }

    async fn prepare_rename(&self, params: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        let answer = self
            .with_analysis(&params.text_document.uri, |analysis, document, _| {
                navigation::prepare_rename(analysis, document.offset(params.position)).map(|span| {
                    PrepareRenameResponse::RangeWithPlaceholder {
                        range: document.range(span),
                        placeholder: span.text(analysis.text).to_string(),
                    }
                })
            })
            .await;
        match answer {
            Some(Ok(response)) => Ok(Some(response)),
            Some(Err(reason)) => Err(tower_lsp_server::jsonrpc::Error::invalid_params(reason)),
            None => Ok(None),
        }
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let position = params.text_document_position;
        let uri = &position.text_document.uri;
        let answer = self
            .with_analysis(uri, |analysis, document, _| {
                let offset = document.offset(position.position);
                navigation::rename(&self.state, uri, analysis, offset, &params.new_name)
            })
            .await;
        match answer {
            Some(Ok(edit)) => Ok(Some(edit)),
            Some(Err(reason)) => Err(tower_lsp_server::jsonrpc::Error::invalid_params(reason)),
            None => Ok(None),
        }
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let uri = &params.text_document.uri;
        Ok(self
            .with_analysis(uri, |analysis, document, _| navigation::code_lenses(&self.state, uri, analysis, document))
            .await)
    }

    async fn semantic_tokens_full(&self, params: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> {
        Ok(self
            .with_analysis(&params.text_document.uri, |analysis, document, _| {
                let data = features::semantic_tokens(analysis, document);
                SemanticTokensResult::Tokens(SemanticTokens { result_id: None, data })
            })
            .await)
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        Ok(self
            .with_analysis(&params.text_document.uri, |analysis, document, _| {
                let within = Span::new(document.offset(params.range.start), document.offset(params.range.end));
                features::inlay_hints(analysis, document, within)
            })
            .await)
    }

    /// The fixes of the findings shown now that meet the range asked about, and accepting each:
    /// from the server's findings, not the diagnostics the client sends back, which may be stale.
    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let select_placeholder = self.state.flags().select_placeholder;
        let path = path_of(&uri);
        // Named from the workspace folder: a subfolder's newsls.toml has a baseline of its own.
        let workspace_folder = path.as_deref().and_then(|path| self.state.workspace_folder_of(path));
        let actions = self
            .with_current(&uri, |current, document| {
                let asked = Span::new(document.offset(params.range.start), document.offset(params.range.end));
                let settings = &current.settings;
                let from = workspace_folder.as_deref().unwrap_or(&settings.root);
                let baseline_name = baseline::relative_path(&settings.baseline, from);
                current
                    .shown_findings()
                    .iter()
                    .filter(|finding| finding.span.start <= asked.end && asked.start <= finding.span.end)
                    .flat_map(|finding| {
                        let diagnostic = protocol::diagnostic(finding, document, Some(&uri));
                        let fixes = features::code_actions(
                            current.analysis(),
                            document,
                            &uri,
                            finding,
                            &diagnostic,
                            select_placeholder,
                        );
                        // Only a file's findings can be recorded by path.
                        let accept = path.is_some().then(|| {
                            features::accept_action(&uri, &diagnostic, &baseline_name, current.analysis().language)
                        });
                        fixes.into_iter().chain(accept.flatten())
                    })
                    .filter(|action| wanted(action.kind.as_ref(), params.context.only.as_deref()))
                    .map(CodeActionOrCommand::CodeAction)
                    .collect::<Vec<_>>()
            })
            .await;
        Ok(actions.filter(|a| !a.is_empty()))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<serde_json::Value>> {
        let invalid = tower_lsp_server::jsonrpc::Error::invalid_params;
        if params.command != features::ACCEPT_COMMAND {
            return Err(invalid(format!("newsls has no command {:?}", params.command)));
        }
        let (uri, rule, range) = match params.arguments.as_slice() {
            [uri, rule, range] => (
                serde_json::from_value::<Uri>(uri.clone()),
                rule.as_str().and_then(crate::rules::by_name),
                serde_json::from_value::<Range>(range.clone()),
            ),
            _ => return Err(invalid(format!("{} takes [uri, rule, range]", features::ACCEPT_COMMAND))),
        };
        let (Ok(uri), Some(rule), Ok(range)) = (uri, rule, range) else {
            return Err(invalid(format!("{} takes [uri, rule, range]", features::ACCEPT_COMMAND)));
        };
        match self.state.accept(uri, rule.name, range).await {
            Ok(()) => Ok(None),
            Err(message) => {
                self.state.client.show_message(MessageType::ERROR, format!("newsls: {message}")).await;
                Err(tower_lsp_server::jsonrpc::Error { message: message.into(), ..invalid(String::new()) })
            }
        }
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        Ok(self
            .with_analysis(&params.text_document.uri, |analysis, document, _| {
                let mut symbols = features::document_symbols(analysis, document);
                symbols.extend(navigation::entity_symbols(analysis, document));
                DocumentSymbolResponse::Nested(symbols)
            })
            .await)
    }
}
