-- The opt-in `newsarticle` filetype: text's settings, then the article's.
if vim.b.did_ftplugin then
  return
end
vim.cmd.runtime({ 'ftplugin/text.vim', bang = true })
vim.b.did_ftplugin = 1
require('newsls').setup_buffer(vim.api.nvim_get_current_buf())
