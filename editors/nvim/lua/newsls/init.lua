-- Buffer settings for news articles (plain text under a folder with newsls.toml).
local M = {}

--- The article folder of a buffer: the nearest folder above it holding newsls.toml, or nil.
---@param bufnr integer
---@return string?
function M.article_root(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' then
    return nil
  end
  return vim.fs.root(name, { 'newsls.toml' })
end

--- Whether a buffer is a news article: filetype newsarticle, or text under a newsls.toml folder.
---@param bufnr integer
---@return boolean
function M.is_article(bufnr)
  if vim.bo[bufnr].filetype == 'newsarticle' then
    return true
  end
  return M.article_root(bufnr) ~= nil
end

--- Articles are written one paragraph a line: wrap at word boundaries on screen, never hard-wrap,
--- keep wrapped lines indented and move by screen lines. Off with vim.g.newsls_article_options = false.
---@param bufnr integer
function M.setup_buffer(bufnr)
  if vim.g.newsls_article_options == false or not M.is_article(bufnr) then
    return
  end
  vim.b[bufnr].newsls_article = true
  vim.bo[bufnr].textwidth = 0
  vim.bo[bufnr].formatoptions = vim.bo[bufnr].formatoptions:gsub('[ta]', '')
  vim.bo[bufnr].spelllang = vim.g.newsls_spelllang or 'en'
  for _, win in ipairs(vim.fn.win_findbuf(bufnr)) do
    vim.wo[win][0].wrap = true
    vim.wo[win][0].linebreak = true
    vim.wo[win][0].breakindent = true
  end
  -- Typographic quotation marks are part of the rules: make them easy to type.
  vim.keymap.set('i', '<M-">', '“”<Left>', { buffer = bufnr, desc = 'newsls: typographic quotation marks' })
  local undo = 'setlocal textwidth< formatoptions< spelllang< | silent! iunmap <buffer> <M-">'
  vim.b[bufnr].undo_ftplugin = (vim.b[bufnr].undo_ftplugin and (vim.b[bufnr].undo_ftplugin .. ' | ') or '') .. undo
end

return M
