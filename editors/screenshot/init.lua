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
vim.lsp.config('newsls', { cmd = { os.getenv('NEWSLS_BIN') or 'newsls', 'server' } })
vim.lsp.enable('newsls')
