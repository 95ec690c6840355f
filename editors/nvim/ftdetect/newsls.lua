-- Articles keep the `text` filetype by default (every text-file plugin still applies).
-- With vim.g.newsls_filetype = 'newsarticle' (set before `filetype on`, or any time before the
-- file is opened), *.txt files under a folder holding newsls.toml get the `newsarticle` filetype.
vim.filetype.add({
  pattern = {
    ['.*%.txt'] = {
      function(path)
        if vim.g.newsls_filetype ~= 'newsarticle' then
          return nil
        end
        if vim.fs.root(path, { 'newsls.toml' }) then
          return 'newsarticle'
        end
      end,
      { priority = 10 },
    },
  },
})
