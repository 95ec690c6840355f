// The names of the client-side commands the server's code lenses and fixes carry (no `vscode`
// import, so the Node tests can use them).

/** A code lens "mentioned in N articles": [uri, position] → the references view. */
export const SHOW_REFERENCES = "newsls.showReferences";
/** After a fix that leaves a placeholder ("[source]"): [uri, range] → a snippet tab stop over it. */
export const SELECT_PLACEHOLDER = "newsls.selectPlaceholder";
