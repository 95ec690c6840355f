-- Plain text under a newsls.toml folder: article settings (see lua/newsls/init.lua).
require('newsls').setup_buffer(vim.api.nvim_get_current_buf())
