-- newsls for Neovim 0.11+: with this folder on 'runtimepath', `vim.lsp.enable('newsls')`.
-- Override any field with vim.lsp.config('newsls', { ... }).
---@type vim.lsp.Config
return {
  cmd = { 'newsls', 'server' },
  -- Articles are plain text. `newsarticle` is the opt-in filetype of ftdetect/newsls.lua
  -- (vim.g.newsls_filetype = 'newsarticle').
  filetypes = { 'text', 'newsarticle' },
  -- The outermost newsls.toml above the buffer (a subfolder may have its own), else .git.
  root_dir = function(bufnr, on_dir)
    on_dir(require('newsls').workspace_root(bufnr))
  end,
  -- The mention-count code lenses and the fixes' placeholders run these on the client side.
  commands = require('newsls').commands,
  capabilities = { experimental = { selectPlaceholder = true } },
  -- Answered to workspace/configuration, section `newsls`; overrides newsls.toml.
  -- Leave a key out to keep newsls.toml's value.
  settings = {
    newsls = {
      -- rules = { ['vague-attribution'] = 'off', ['unattributed-claim'] = 'warning' },
      diagnostics = { closedFiles = true },
      -- include = { '**/*.txt' }, exclude = { 'archive/**' }, maxFileSize = 10485760,
      -- glossaryFile = 'glossary.toml', baseline = '.newsls-baseline.json', language = 'es',
    },
  },
}
