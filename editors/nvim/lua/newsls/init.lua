-- Buffer settings for news articles (plain text under a folder with newsls.toml), and the
-- client-side commands of the newsls server.
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

--- The workspace folder of a buffer: the outermost folder above it holding newsls.toml (within
--- its git repository, if it is in one), so that a desk's subfolder with a newsls.toml of its own
--- is indexed with the rest of the newsroom's articles; else its git repository; else nil.
---@param bufnr integer
---@return string?
function M.workspace_root(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' then
    return nil
  end
  local git = vim.fs.root(name, '.git')
  local outermost
  local above = { path = vim.fs.dirname(name), upward = true, type = 'file', limit = math.huge }
  for _, file in ipairs(vim.fs.find('newsls.toml', above)) do
    local folder = vim.fs.dirname(file)
    if not git or vim.startswith(folder .. '/', git .. '/') then
      outermost = folder
    end
  end
  return outermost or git
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

--- Client-side commands the server's code lenses and fixes carry (see lsp/newsls.lua).
M.commands = {
  --- A code lens "mentioned in N articles": every mention across the workspace, in the quickfix list.
  ['newsls.showReferences'] = function(command, ctx)
    local client = assert(vim.lsp.get_client_by_id(ctx.client_id))
    local uri, position = command.arguments[1], command.arguments[2]
    local params = { textDocument = { uri = uri }, position = position, context = { includeDeclaration = true } }
    client:request('textDocument/references', params, function(err, result)
      if err or not result or vim.tbl_isempty(result) then
        vim.notify('newsls: no references' .. (err and (': ' .. err.message) or ''), vim.log.levels.INFO)
        return
      end
      local items = vim.lsp.util.locations_to_items(result, client.offset_encoding)
      vim.fn.setqflist({}, ' ', { title = command.title, items = items })
      vim.cmd('botright copen')
    end, ctx.bufnr)
  end,
  --- After a fix that leaves a placeholder ("[source]"): make it a snippet tab stop, selected, so
  --- typing replaces it.
  ['newsls.selectPlaceholder'] = function(command, ctx)
    local client = assert(vim.lsp.get_client_by_id(ctx.client_id))
    local uri, range = command.arguments[1], command.arguments[2]
    local bufnr = vim.uri_to_bufnr(uri)
    local row = range.start.line
    local line = vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1] or ''
    local first = vim.str_byteindex(line, client.offset_encoding, range.start.character, false)
    local last = vim.str_byteindex(line, client.offset_encoding, range['end'].character, false)
    local placeholder = line:sub(first + 1, last)
    for _, win in ipairs(vim.fn.win_findbuf(bufnr)) do
      vim.api.nvim_set_current_win(win)
      vim.api.nvim_buf_set_text(bufnr, row, first, row, last, {})
      vim.api.nvim_win_set_cursor(win, { row + 1, first })
      vim.snippet.expand('${1:' .. placeholder:gsub('[%$}\\]', '\\%0') .. '}')
      return
    end
  end,
}

return M
