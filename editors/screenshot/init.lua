-- Neovim setup for editors/screenshot.sh: the README's setup plus visible diagnostics.
local editors = vim.fs.dirname(vim.fs.dirname(vim.fs.abspath(debug.getinfo(1, 'S').source:sub(2))))
vim.opt.runtimepath:prepend(vim.fs.joinpath(editors, 'nvim'))
vim.o.termguicolors = true
vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.linebreak = true
vim.o.breakindent = true
vim.o.laststatus = 2
vim.o.cmdheight = 1
vim.o.shortmess = vim.o.shortmess .. 'FIW'
vim.o.winborder = 'rounded'
vim.o.swapfile = false
-- Each finding in full under its line: the rule, then the message's first sentence.
vim.diagnostic.config({
  virtual_lines = {
    format = function(d)
      return ('%s: %s'):format(d.code, (d.message:match('^(.-%.)%s') or d.message))
    end,
  },
  signs = true,
  underline = true,
  severity_sort = true,
})
-- The status line: the file, the findings newsls reports in it, the cursor ('readonly' left out:
-- the example article is a read-only file).
function _G.newsls_screenshot_findings()
  local n = vim.diagnostic.count(0)
  local parts = {}
  for severity, name in ipairs({ 'error', 'warning', 'information', 'hint' }) do
    local k = n[severity] or 0
    if k > 0 then parts[#parts + 1] = ('%d %s%s'):format(k, name, (k > 1 and name ~= 'information') and 's' or '') end
  end
  return #parts > 0 and ('newsls: ' .. table.concat(parts, ', ')) or ''
end
vim.o.statusline = ' %f   %{v:lua.newsls_screenshot_findings()}%=%l,%c   %P '
vim.api.nvim_create_autocmd('DiagnosticChanged', { command = 'redrawstatus' })
vim.lsp.config('newsls', { cmd = { os.getenv('NEWSLS_BIN') or 'newsls', 'server' } })
vim.lsp.enable('newsls')
