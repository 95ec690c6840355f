//! Entities across the workspace: hover cards, go to definition, references, highlights, entity
//! symbols, workspace symbols, rename and mention-count code lenses. The current document comes
//! from its live analysis; every other article from the workspace index.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{
    CodeLens, Command, DocumentHighlight, DocumentHighlightKind, DocumentSymbol, Location, OneOf, Position, Range,
    SymbolKind, TextEdit, Uri, WorkspaceEdit, WorkspaceSymbol,
};

use super::locations::LocationsJson;
use super::state::{State, context, path_of};
use crate::analysis::{Analysis, Context};
use crate::article::Article;
use crate::entities::{Entity, EntityKind, Mention, MentionForm, Origin};
use crate::language::Language;
use crate::protocol::Document;
use crate::span::Span;
use crate::text::{LineCol, LineIndex};
use crate::workspace::{LineRange, Place};

/// The command a mention-count lens runs; the editor integrations show the references of the
/// position it carries (`[uri, position]`).
pub const SHOW_REFERENCES_COMMAND: &str = "newsls.showReferences";
/// Most workspace symbols answered at once.
const WORKSPACE_SYMBOL_LIMIT: usize = 200;
/// Longest introducing sentence a hover card quotes, in characters.
const CARD_SENTENCE_CHARS: usize = 240;

fn lsp_range(range: LineRange) -> Range {
    Range::new(Position::new(range.start.line, range.start.col), Position::new(range.end.line, range.end.col))
}

fn location(place: Place<Uri>) -> Location {
    Location { uri: place.file, range: lsp_range(place.range) }
}

fn symbol_kind(kind: EntityKind) -> SymbolKind {
    match kind {
        EntityKind::Organization => SymbolKind::CLASS,
        EntityKind::Country => SymbolKind::MODULE,
        EntityKind::Agency => SymbolKind::INTERFACE,
        EntityKind::Person => SymbolKind::OBJECT,
        EntityKind::Other => SymbolKind::CONSTANT,
    }
}

fn plural(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organization => "Organizations",
        EntityKind::Country => "Countries",
        EntityKind::Agency => "News agencies",
        EntityKind::Person => "People",
        EntityKind::Other => "Other entities",
    }
}

fn file_name(uri: &Uri) -> String {
    path_of(uri)
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| uri.as_str().to_string())
}

/// "1 article", "7 articles", in `language`.
fn articles(count: usize, language: Language) -> String {
    let (one, many) = language.pick(("article", "articles"), ("artículo", "artículos"), ("artigo", "artigos"));
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The sentence of `article` around `offset`, on one line and shortened for a card.
fn sentence_around(text: &str, article: &Article, offset: usize) -> Option<String> {
    let sentence = article.sentence_at(offset)?;
    let words: Vec<&str> = article.sentences[sentence].span.text(text).split_whitespace().collect();
    let mut out = words.join(" ");
    if out.chars().count() > CARD_SENTENCE_CHARS {
        out = out.chars().take(CARD_SENTENCE_CHARS).collect::<String>() + "…";
    }
    Some(out)
}

/// Where and how an article of the workspace (not this one) introduces the entity.
fn introduction_elsewhere(state: &State, uri: &Uri, id: &str) -> Option<(Uri, String)> {
    let place = state.workspace().introductions(id).into_iter().find(|p| &p.file != uri)?;
    let text = state.article_text(&place.file).ok()?;
    let lines = LineIndex::new(&text);
    let offset = lines.offset(&text, place.range.start, state.workspace().encoding());
    Some((place.file.clone(), sentence_around(&text, &Article::parse(&text), offset)?))
}

/// The hover card of the entity mentioned at `mention`.
pub fn card(state: &State, uri: &Uri, analysis: &Analysis, context: &Context, mention: &Mention) -> String {
    let (text, language) = (analysis.text, analysis.language);
    let entity = analysis.entities.entity_of(mention);
    let mut card = match entity.origin {
        Origin::Kb(_) | Origin::Glossary(_) => entity.card_markdown(text, context.glossary, language),
        Origin::Article | Origin::Person => {
            let acronym = entity.acronym.as_ref().map(|a| format!(" ({a})")).unwrap_or_default();
            let mut lines = vec![format!("**{}**{acronym}", entity.name), entity.kind.name_in(language).to_string()];
            let here = entity.introduction.and_then(|intro| sentence_around(text, &analysis.article, intro.start));
            match here {
                Some(sentence) => {
                    let introduced = language.pick("Introduced here", "Presentado aquí", "Apresentado aqui");
                    lines.push(format!("{introduced}: “{sentence}”"));
                }
                None => {
                    if let Some((other, sentence)) = introduction_elsewhere(state, uri, &entity.id) {
                        let introduced = language.pick("Introduced in", "Presentado en", "Apresentado em");
                        lines.push(format!("{introduced} {}: “{sentence}”", file_name(&other)));
                    }
                }
            }
            lines.join("  \n")
        }
    };
    let count = state.workspace().article_count(&entity.id);
    if count > 0 {
        let so_far = if state.is_indexing() {
            language.pick(
                " so far (the workspace is still being indexed)",
                " por ahora (el espacio de trabajo aún se está indexando)",
                " até agora (o espaço de trabalho ainda está sendo indexado)",
            )
        } else {
            ""
        };
        let mentioned = language.pick("Mentioned in", "Mencionado en", "Mencionado em");
        let of_the_workspace = language.pick("of the workspace", "del espacio de trabajo", "do espaço de trabalho");
        card.push_str(&format!("  \n{mentioned} {} {of_the_workspace}{so_far}", articles(count, language)));
    }
    card
}

/// Go to definition: the entity's introduction in this article; else where other articles
/// introduce it, and its glossary entry.
pub fn definition(state: &State, uri: &Uri, analysis: &Analysis, document: &Document, offset: usize) -> Vec<Location> {
    let Some(mention) = analysis.entities.mention_at(offset) else { return Vec::new() };
    let entity = analysis.entities.entity_of(mention);
    if let Some(intro) = entity.introduction {
        return vec![Location { uri: uri.clone(), range: document.range(intro) }];
    }
    let mut out: Vec<Location> =
        state.workspace().introductions(&entity.id).into_iter().filter(|p| &p.file != uri).map(location).collect();
    out.extend(glossary_location(state, uri, entity));
    out
}

fn glossary_location(state: &State, uri: &Uri, entity: &Entity) -> Option<Location> {
    let Origin::Glossary(index) = entity.origin else { return None };
    let settings = state.settings_for(path_of(uri).as_deref());
    let source = settings.glossary.source(index)?;
    let text = std::fs::read_to_string(&source.path).ok()?;
    let lines = LineIndex::new(&text);
    let LineCol { line, col } = lines.position(&text, source.offset, state.workspace().encoding());
    let position = Position::new(line, col);
    Some(Location { uri: Uri::from_file_path(&source.path)?, range: Range::new(position, position) })
}

/// Every mention of the entity at `offset` across the workspace, as a JSON `Location[]` (`None`
/// for none): this document's from its live text, the others' from the index.
pub fn references(
    state: &State,
    uri: &Uri,
    analysis: &Analysis,
    document: &Document,
    offset: usize,
    include_introduction: bool,
) -> Option<Vec<u8>> {
    let mention = analysis.entities.mention_at(offset)?;
    let entity = analysis.entities.entity_of(mention);
    let here: Vec<Range> = analysis
        .entities
        .mentions_of(mention.entity)
        .filter(|m| include_introduction || !m.introduction)
        .map(|m| document.range(m.span))
        .collect();
    let mut json = LocationsJson::with_capacity(here.len() + state.workspace().mention_count(&entity.id));
    json.file(uri);
    for range in here {
        json.push(range);
    }
    state.workspace().visit_references(&entity.id, |file, mentions| {
        if file == uri {
            return;
        }
        json.file(file);
        for m in mentions.iter().filter(|m| include_introduction || !m.introduction) {
            json.push(lsp_range(m.range));
        }
    });
    json.finish()
}

/// The mentions in this document of the entity at `offset`; its introduction as a write.
pub fn highlights(analysis: &Analysis, document: &Document, offset: usize) -> Vec<DocumentHighlight> {
    let Some(mention) = analysis.entities.mention_at(offset) else { return Vec::new() };
    analysis
        .entities
        .mentions_of(mention.entity)
        .map(|m| DocumentHighlight {
            range: document.range(m.span),
            kind: Some(if m.introduction { DocumentHighlightKind::WRITE } else { DocumentHighlightKind::READ }),
        })
        .collect()
}

/// The article's entities grouped by kind, each at its introduction (else first mention).
#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be set
pub fn entity_symbols(analysis: &Analysis, document: &Document) -> Vec<DocumentSymbol> {
    let mut by_kind: Vec<(EntityKind, Vec<DocumentSymbol>)> = Vec::new();
    for entity in &analysis.entities.entities {
        let span = entity.introduction.unwrap_or(entity.first_mention);
        let symbol = DocumentSymbol {
            name: entity.name.clone(),
            detail: entity.acronym.clone(),
            kind: symbol_kind(entity.kind),
            tags: None,
            deprecated: None,
            range: document.range(span),
            selection_range: document.range(span),
            children: None,
        };
        match by_kind.iter_mut().find(|(kind, _)| *kind == entity.kind) {
            Some((_, symbols)) => symbols.push(symbol),
            None => by_kind.push((entity.kind, vec![symbol])),
        }
    }
    by_kind.sort_by_key(|(kind, _)| *kind);
    by_kind
        .into_iter()
        .map(|(kind, children)| {
            let range =
                children.iter().map(|c| c.range).reduce(|a, b| Range::new(a.start.min(b.start), a.end.max(b.end)));
            let range = range.unwrap_or_default();
            DocumentSymbol {
                name: plural(kind).to_string(),
                detail: Some(children.len().to_string()),
                kind: SymbolKind::PACKAGE,
                tags: None,
                deprecated: None,
                range,
                selection_range: Range::new(range.start, range.start),
                children: Some(children),
            }
        })
        .collect()
}

/// Entities of the whole workspace matching `query` loosely.
pub fn workspace_symbols(state: &State, query: &str) -> Vec<WorkspaceSymbol> {
    state
        .workspace()
        .search(query, WORKSPACE_SYMBOL_LIMIT)
        .into_iter()
        .map(|found| {
            let name = match &found.entity.acronym {
                Some(acronym) if *acronym != found.entity.name => format!("{} ({acronym})", found.entity.name),
                _ => found.entity.name.clone(),
            };
            WorkspaceSymbol {
                name,
                kind: symbol_kind(found.entity.kind),
                tags: None,
                container_name: Some(format!(
                    "{} · {}",
                    found.entity.kind.as_str(),
                    articles(found.articles, Language::English)
                )),
                location: OneOf::Left(location(found.place)),
                data: None,
            }
        })
        .collect()
}

/// "mentioned in N articles" on each entity this article introduces.
pub fn code_lenses(state: &State, uri: &Uri, analysis: &Analysis, document: &Document) -> Vec<CodeLens> {
    analysis
        .entities
        .entities
        .iter()
        .enumerate()
        .filter_map(|(index, entity)| {
            let intro = entity.introduction?;
            let count = state.workspace().article_count(&entity.id).max(1);
            let range = document.range(intro);
            // The references of the name, not of a title before it ("Mayor Ines Calder").
            let name = analysis.entities.mentions_of(index).find(|m| intro.contains_span(m.span)).map(|m| m.span);
            let at = document.range(name.unwrap_or(intro)).start;
            let arguments = vec![serde_json::json!(uri), serde_json::json!(at)];
            Some(CodeLens {
                range,
                command: Some(Command {
                    title: format!(
                        "{}: {} {}",
                        entity.name,
                        analysis.language.pick("mentioned in", "mencionado en", "mencionado em"),
                        articles(count, analysis.language)
                    ),
                    command: SHOW_REFERENCES_COMMAND.into(),
                    arguments: Some(arguments),
                }),
                data: None,
            })
        })
        .collect()
}

/// Why the entity at `offset` cannot be renamed, or its mention's span.
pub fn prepare_rename(analysis: &Analysis, offset: usize) -> Result<Span, String> {
    let mention = analysis.entities.mention_at(offset).ok_or("Rename works on an entity's name.")?;
    let entity = analysis.entities.entity_of(mention);
    match entity.origin {
        Origin::Kb(_) => Err(format!("{} comes from the knowledge base; it cannot be renamed.", entity.name)),
        Origin::Glossary(_) => Err(format!("{} is in the glossary: rename it in newsls.toml.", entity.name)),
        Origin::Article | Origin::Person => Ok(mention.span),
    }
}

/// The replacement of one mention when the form at the cursor is renamed to `new_name`. A person's
/// surname follows the full name's last word and the reverse; acronyms and names of an
/// organization are renamed separately.
fn replacement(renamed: MentionForm, mention: MentionForm, written: &str, new_name: &str) -> Option<String> {
    let last_word = |s: &str| s.split_whitespace().last().unwrap_or(s).to_string();
    match (renamed, mention) {
        (a, b) if a == b => Some(new_name.to_string()),
        (MentionForm::Name, MentionForm::Surname) => Some(last_word(new_name)),
        (MentionForm::Surname, MentionForm::Name) => {
            let surname = last_word(written);
            Some(format!("{}{new_name}", &written[..written.len() - surname.len()]))
        }
        _ => None,
    }
}

/// Renames the workspace entity at `offset` in every article that mentions it, as one edit.
/// Closed articles are read again so that the edit matches what is on disk now.
pub fn rename(
    state: &State,
    uri: &Uri,
    analysis: &Analysis,
    offset: usize,
    new_name: &str,
) -> Result<WorkspaceEdit, String> {
    prepare_rename(analysis, offset)?;
    let new_name = new_name.trim();
    if new_name.is_empty() {
        return Err("The new name is empty.".into());
    }
    let mention = analysis.entities.mention_at(offset).ok_or("Rename works on an entity's name.")?;
    let id = analysis.entities.entity_of(mention).id.clone();
    let renamed = mention.form;
    let mut files = state.workspace().files_mentioning(&id);
    if !files.contains(uri) {
        files.push(uri.clone());
    }
    let encoding = state.workspace().encoding();
    let mut changes = HashMap::new();
    for file in files {
        let Ok(text) = state.article_text(&file) else { continue };
        let settings = state.settings_for(path_of(&file).as_deref());
        let people = state.workspace().known_people_for(Some(&file));
        let context = context(&settings, &people);
        let other = Analysis::with_context(&text, context);
        let Some(index) = other.entities.entities.iter().position(|e| e.id == id) else { continue };
        let lines = LineIndex::new(&text);
        let document = Document { text: &text, lines: &lines, encoding };
        let edits: Vec<TextEdit> = other
            .entities
            .mentions_of(index)
            .filter_map(|m| {
                let new_text = replacement(renamed, m.form, m.span.text(&text), new_name)?;
                Some(TextEdit { range: document.range(m.span), new_text })
            })
            .collect();
        if !edits.is_empty() {
            changes.insert(file, edits);
        }
    }
    Ok(WorkspaceEdit { changes: Some(changes), ..Default::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacements_follow_the_renamed_form() {
        use MentionForm::*;
        assert_eq!(replacement(Name, Name, "Ana Ruiz", "Ana Ruiz Soto").as_deref(), Some("Ana Ruiz Soto"));
        assert_eq!(replacement(Name, Surname, "Ruiz", "Ana Ruiz Soto").as_deref(), Some("Soto"));
        assert_eq!(replacement(Surname, Name, "Ana Ruiz", "Ruiz-Soto").as_deref(), Some("Ana Ruiz-Soto"));
        assert_eq!(replacement(Acronym, Name, "Andean Water Council", "AWB"), None);
    }
}
