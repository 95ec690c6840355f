-- End-to-end tests of newsls in a real Neovim (0.11+), headless:
--   NEWSLS_BIN=/path/to/newsls nvim --headless -l editors/nvim/test/e2e.lua WORKSPACE
-- WORKSPACE is a scratch copy of editors/fixtures/workspace (the tests write to it).
-- Prints TAP-like `ok` / `not ok` lines and `nvim: N passed, M failed`; exits non-zero on failure.

local here = vim.fs.dirname(vim.fs.abspath(debug.getinfo(1, 'S').source:sub(2)))
local nvim_dir = vim.fs.dirname(here)
local workspace = assert(_G.arg[1], 'usage: nvim --headless -l e2e.lua WORKSPACE')
workspace = vim.fs.normalize(vim.uv.fs_realpath(workspace))
local bin = vim.fs.abspath(os.getenv('NEWSLS_BIN') or vim.fs.joinpath(nvim_dir, '..', '..', 'target', 'release', 'newsls'))
local TIMEOUT = tonumber(os.getenv('NEWSLS_TEST_TIMEOUT') or '') or 15000

-- The user's setup, as editors/README.md tells it: the folder on 'runtimepath', then enable.
vim.opt.runtimepath:prepend(nvim_dir)
vim.cmd('filetype plugin on')
-- Filetype detection is on before this script runs (--clean): load our ftdetect as a plugin
-- manager would (init.lua setups that prepend before startup's `filetype on` need not).
vim.cmd('runtime! ftdetect/newsls.lua')
vim.lsp.config('newsls', { cmd = { bin, 'server' } })
vim.lsp.enable('newsls')

-- Record what the server asks of the client.
local registrations = {}
local default_register = vim.lsp.handlers['client/registerCapability']
vim.lsp.handlers['client/registerCapability'] = function(err, params, ctx)
  for _, r in ipairs(params.registrations or {}) do
    table.insert(registrations, r.method)
  end
  return default_register(err, params, ctx)
end

-- print() in -l mode can interleave with other output: write whole lines to stdout.
local function say(line)
  io.stdout:write(line, '\n')
  io.stdout:flush()
end

local passed, failed, skipped = 0, 0, 0
local function test(name, fn, opts)
  if opts and opts.skip then
    skipped = skipped + 1
    say(('ok - %s # SKIP %s'):format(name, opts.skip))
    return
  end
  local started = vim.uv.hrtime()
  local ok, err = xpcall(fn, debug.traceback)
  local ms = math.floor((vim.uv.hrtime() - started) / 1e6)
  if ok then
    passed = passed + 1
    say(('ok - %s (%d ms)'):format(name, ms))
  else
    failed = failed + 1
    say(('not ok - %s (%d ms)\n  %s'):format(name, ms, tostring(err):gsub('\n', '\n  ')))
  end
end

local function wait_for(what, predicate, timeout)
  local value
  local ok = vim.wait(timeout or TIMEOUT, function()
    value = predicate()
    return value ~= nil and value ~= false
  end, 20)
  if not ok then
    error('timed out waiting for ' .. what, 2)
  end
  return value
end

local function eq(expected, actual, what)
  if not vim.deep_equal(expected, actual) then
    error(('%s: expected %s, got %s'):format(what or 'value', vim.inspect(expected), vim.inspect(actual)), 2)
  end
end

local function path(name)
  return vim.fs.joinpath(workspace, name)
end

--- Sorted rule names (diagnostic codes) of a file, open or not.
local function codes(file)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(vim.uri_to_bufnr(vim.uri_from_fname(file)))) do
    table.insert(out, tostring(d.code))
  end
  table.sort(out)
  return out
end

local function count(list, value)
  local n = 0
  for _, v in ipairs(list) do
    n = n + (v == value and 1 or 0)
  end
  return n
end

--- The (0-based) position of `needle` (plus `shift` bytes) in a buffer, as an LSP position.
local function position_of(bufnr, needle, shift)
  for row, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then
      local byte = col - 1 + (shift or 0)
      return { line = row - 1, character = vim.str_utfindex(line, 'utf-16', byte) }, row - 1, byte
    end
  end
  error('no ' .. needle .. ' in the buffer')
end

local function request(bufnr, method, params)
  local results = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  for _, r in pairs(results or {}) do
    if r.error then
      error(method .. ': ' .. vim.inspect(r.error))
    end
    return r.result
  end
end

local client, ferry

say(('# Neovim %s, newsls %s, workspace %s'):format(tostring(vim.version()), bin, workspace))
if vim.fn.executable(bin) ~= 1 then
  say('not ok - the newsls binary: ' .. bin .. ' is not executable (build it, or set NEWSLS_BIN)')
  say('nvim: 0 passed, 1 failed')
  os.exit(1)
end

test('opening an article starts newsls, rooted at newsls.toml', function()
  vim.cmd.edit(vim.fn.fnameescape(path('ferry-terminal.txt')))
  ferry = vim.api.nvim_get_current_buf()
  eq('text', vim.bo[ferry].filetype, 'filetype')
  client = wait_for('newsls to attach', function()
    return vim.lsp.get_clients({ bufnr = ferry, name = 'newsls' })[1]
  end)
  wait_for('initialize', function()
    return client.initialized
  end)
  eq(workspace, client.root_dir, 'root_dir')
  eq(true, client.server_capabilities.hoverProvider, 'hoverProvider')
  eq(true, client.server_capabilities.definitionProvider, 'definitionProvider')
end)

test('ftplugin: an article under newsls.toml gets article settings', function()
  eq(true, vim.b[ferry].newsls_article, 'b:newsls_article')
  eq(0, vim.bo[ferry].textwidth, 'textwidth')
  eq(true, vim.wo.linebreak, 'linebreak')
end)

test('diagnostics arrive in the buffer, with rule names as codes', function()
  wait_for('three diagnostics', function()
    return #vim.diagnostic.get(ferry) == 3
  end)
  eq({ 'unattributed-claim', 'unattributed-claim', 'vague-attribution' }, codes(path('ferry-terminal.txt')), 'codes')
  local vague = vim.diagnostic.get(ferry, { severity = vim.diagnostic.severity.INFO })
  eq(1, #vague, 'one information')
  eq(8, vague[1].lnum, 'line of "Critics say"')
  eq('newsls', vague[1].source, 'source')
  local warnings = vim.diagnostic.get(ferry, { severity = vim.diagnostic.severity.WARN, lnum = 6 })
  eq(1, #warnings, 'the prediction on line 7 is a warning')
end)

test('closed articles get diagnostics too; newsls.toml exclude is honoured', function()
  wait_for('quote-problems.txt diagnostics', function()
    return #codes(path('quote-problems.txt')) == 3
  end)
  eq({ 'unattributed-claim', 'unattributed-quote', 'unbalanced-quote' }, codes(path('quote-problems.txt')), 'codes')
  eq({}, codes(path('school-roof.txt')), 'a clean article')
  eq({}, codes(path('archive/old-story.txt')), 'archive/** excluded')
end)

test('hover (the request) names the quotation\'s speaker', function()
  local pos = position_of(ferry, 'This terminal will carry', 5)
  local result = request(ferry, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(ferry) }, position = pos })
  assert(result and result.contents, 'a hover result')
  local value = result.contents.value
  assert(value:find('Quotation', 1, true), value)
  assert(value:find('Ines Calder', 1, true), value)
end)

test('hover (K, the floating window) shows the speaker and the cue', function()
  local _, row, byte = position_of(ferry, 'This terminal will carry', 5)
  vim.api.nvim_win_set_cursor(0, { row + 1, byte })
  vim.lsp.buf.hover()
  local float = wait_for('the hover window', function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then
        return win
      end
    end
  end)
  local text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false), '\n')
  assert(text:find('Ines Calder', 1, true), text)
  assert(text:find('said', 1, true), text)
  vim.api.nvim_win_close(float, true)
end)

test('hover on an unattributed sentence says so', function()
  local pos = position_of(ferry, 'tourist numbers')
  local result = request(ferry, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(ferry) }, position = pos })
  assert(result and result.contents.value:find('No attribution', 1, true), vim.inspect(result))
end)

test('document symbols: the headline first', function()
  local result = request(ferry, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(ferry) } })
  assert(result and #result >= 5, vim.inspect(result))
  eq('headline', result[1].detail, 'detail')
end)

test('editing the buffer makes diagnostics follow (and undo brings them back)', function()
  local _, row, byte = position_of(ferry, 'within five years', #'within five years')
  vim.api.nvim_buf_set_text(ferry, row, byte, row, byte, { ', the port authority said' })
  wait_for('the prediction attributed', function()
    return count(codes(path('ferry-terminal.txt')), 'unattributed-claim') == 1
  end)
  eq({ 'unattributed-claim', 'vague-attribution' }, codes(path('ferry-terminal.txt')), 'after the edit')
  -- A new unattributed line typed at the end.
  local last = vim.api.nvim_buf_line_count(ferry)
  vim.api.nvim_buf_set_lines(ferry, last, last, false, { '', 'Fares will rise sharply next year.' })
  wait_for('the new claim flagged', function()
    local d = vim.diagnostic.get(ferry, { lnum = last + 1 })
    return #d == 1 and d[1].code == 'unattributed-claim'
  end)
  vim.cmd('silent undo')
  vim.cmd('silent undo')
  wait_for('the original diagnostics back', function()
    return vim.deep_equal(codes(path('ferry-terminal.txt')), { 'unattributed-claim', 'unattributed-claim', 'vague-attribution' })
  end)
end)

test('settings (vim.lsp.config settings → workspace/configuration) apply', function()
  client.settings = vim.tbl_deep_extend('force', client.settings, {
    newsls = { rules = { ['vague-attribution'] = 'off', ['unattributed-claim'] = 'error' } },
  })
  client:notify('workspace/didChangeConfiguration', { settings = client.settings })
  wait_for('vague-attribution off, claims as errors', function()
    local d = vim.diagnostic.get(ferry)
    return #d == 2 and #vim.diagnostic.get(ferry, { severity = vim.diagnostic.severity.ERROR }) == 2
  end)
  client.settings.newsls.rules = nil
  client:notify('workspace/didChangeConfiguration', { settings = client.settings })
  wait_for('the defaults back', function()
    return #vim.diagnostic.get(ferry) == 3
  end)
end)

test('Neovim registers no file watcher here: the server watches by itself', function()
  local caps = client.capabilities.workspace.didChangeWatchedFiles
  if vim.fn.has('linux') == 1 then
    eq(false, caps.dynamicRegistration, "Neovim's didChangeWatchedFiles.dynamicRegistration on Linux")
  end
  eq(0, count(registrations, 'workspace/didChangeWatchedFiles'), 'watcher registrations')
end)

test('a closed file changed on disk: its diagnostics update (server-side watcher)', function()
  local file = path('school-roof.txt')
  local f = assert(io.open(file, 'a'))
  f:write('\nPrices at the school canteen will double next year.\n')
  f:close()
  wait_for('school-roof.txt flagged', function()
    return count(codes(file), 'unattributed-claim') == 1
  end)
end)

test('a new file on disk gets diagnostics; a deleted one loses them', function()
  local file = path('new-story.txt')
  local f = assert(io.open(file, 'w'))
  f:write('Bridge to reopen in May\n\nThe bridge will reopen in May, "at the latest."\n')
  f:close()
  wait_for('new-story.txt flagged', function()
    return #codes(file) > 0
  end)
  os.remove(file)
  wait_for('new-story.txt cleared', function()
    return #codes(file) == 0
  end)
end)

test('definition and references, across articles', function()
  local uri = vim.uri_from_bufnr(ferry)
  local later = position_of(ferry, 'Calder told reporters', 2)
  local definition = request(ferry, 'textDocument/definition', { textDocument = { uri = uri }, position = later })
  assert(definition, 'a definition')
  if definition.uri or definition.targetUri then
    definition = { definition }
  end
  local target = definition[1]
  eq(uri, target.uri or target.targetUri, 'definition in the same article')
  local range = target.range or target.targetSelectionRange
  eq((position_of(ferry, 'Mayor Ines Calder')).line, range.start.line, "the speaker's introduction")
  local references = request(ferry, 'textDocument/references', {
    textDocument = { uri = uri },
    position = position_of(ferry, 'Ines Calder', 6),
    context = { includeDeclaration = true },
  })
  assert(references and #references >= 2, vim.inspect(references))
  local elsewhere = false
  for _, r in ipairs(references) do
    elsewhere = elsewhere or r.uri == vim.uri_from_fname(path('school-roof.txt'))
  end
  assert(elsewhere, 'a reference in school-roof.txt: ' .. vim.inspect(references))
end)

test('hover on a person shows the entity card with its introduction', function()
  local pos = position_of(ferry, 'Calder told reporters', 2)
  local result = request(ferry, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(ferry) }, position = pos })
  local value = result and result.contents.value or ''
  assert(value:find('**Ines Calder**', 1, true), value)
  assert(value:find('Mentioned in 2 articles', 1, true), value)
end)

test('code lens: "mentioned in 2 articles", and running it lists the mentions', function()
  vim.lsp.codelens.refresh({ bufnr = ferry })
  local lens = wait_for('the code lenses', function()
    for _, l in ipairs(vim.lsp.codelens.get(ferry)) do
      if l.command and l.command.title:find('Ines Calder', 1, true) then
        return l
      end
    end
  end)
  eq('Ines Calder: mentioned in 2 articles', lens.command.title, 'title')
  vim.fn.setqflist({}, 'r')
  client:exec_cmd(lens.command, { bufnr = ferry })
  local items = wait_for('the quickfix list of mentions', function()
    local list = vim.fn.getqflist()
    return #list >= 3 and list
  end)
  local files = {}
  for _, item in ipairs(items) do
    files[vim.fs.basename(vim.api.nvim_buf_get_name(item.bufnr))] = true
  end
  eq({ ['ferry-terminal.txt'] = true, ['school-roof.txt'] = true }, files, 'files of the mentions')
  vim.cmd('cclose')
end)

test('quick fix: attribute a claim, the [source] placeholder becomes a snippet', function()
  local _, row = position_of(ferry, 'The project will double tourist numbers')
  wait_for('the claim flagged', function()
    return #vim.diagnostic.get(ferry, { lnum = row }) == 1
  end)
  vim.api.nvim_win_set_cursor(0, { row + 1, 4 })
  vim.lsp.buf.code_action({
    apply = true,
    filter = function(action)
      return action.title:find('Attribute', 1, true) ~= nil
    end,
  })
  local line = wait_for('the fix applied', function()
    local l = vim.api.nvim_buf_get_lines(ferry, row, row + 1, false)[1]
    return l:find('[source] said.', 1, true) and l
  end)
  eq('The project will double tourist numbers within five years, [source] said.', line, 'the fixed line')
  wait_for('the placeholder as an active snippet', function()
    return vim.snippet.active()
  end)
  vim.snippet.stop()
  vim.cmd('stopinsert')
  vim.cmd('silent undo')
  wait_for('the text back', function()
    return not vim.api.nvim_buf_get_lines(ferry, row, row + 1, false)[1]:find('[source]', 1, true)
  end)
end)

test('semantic tokens and the speaker inlay hint', function()
  local uri = vim.uri_from_bufnr(ferry)
  local legend = client.server_capabilities.semanticTokensProvider.legend.tokenTypes
  eq({ 'string', 'variable', 'keyword', 'type' }, legend, 'legend')
  local tokens = request(ferry, 'textDocument/semanticTokens/full', { textDocument = { uri = uri } })
  assert(tokens and #tokens.data >= 5 * 4, vim.inspect(tokens))
  local kinds = {}
  for i = 4, #tokens.data, 5 do
    kinds[legend[tokens.data[i] + 1]] = true
  end
  eq({ string = true, variable = true, keyword = true }, kinds, 'quotations, speakers (Ines Calder) and cues')
  -- In school-roof.txt Ines Calder is named without speaking: an entity.
  vim.cmd.split(vim.fn.fnameescape(path('school-roof.txt')))
  local school = vim.api.nvim_get_current_buf()
  wait_for('newsls on school-roof.txt', function()
    return vim.lsp.get_clients({ bufnr = school, name = 'newsls' })[1]
  end)
  local school_tokens = request(school, 'textDocument/semanticTokens/full', { textDocument = { uri = vim.uri_from_bufnr(school) } })
  local types = {}
  for i = 4, #school_tokens.data, 5 do
    types[legend[school_tokens.data[i] + 1]] = true
  end
  assert(types.type, 'an entity token: ' .. vim.inspect(types))
  vim.cmd.close()
  local hints = request(ferry, 'textDocument/inlayHint', {
    textDocument = { uri = uri },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(ferry), character = 0 } },
  })
  assert(hints and hints[1], 'an inlay hint')
  eq('— Mayor Ines Calder', hints[1].label, 'the speaker of the quotation')
end)

test('opt-in filetype newsarticle for *.txt under newsls.toml only', function()
  -- Outside an article folder (a file in a fresh temporary folder).
  local outside_dir = vim.fn.tempname()
  vim.fn.mkdir(outside_dir, 'p')
  local outside = vim.fn.bufadd(vim.fs.joinpath(outside_dir, 'notes.txt'))
  eq('text', vim.filetype.match({ buf = ferry }), 'default')
  vim.g.newsls_filetype = 'newsarticle'
  eq('newsarticle', vim.filetype.match({ buf = ferry }), 'opted in')
  eq('text', vim.filetype.match({ buf = outside }), 'outside an article folder')
  vim.g.newsls_filetype = nil
  vim.api.nvim_buf_delete(outside, { force = true })
  vim.fn.delete(outside_dir, 'rf')
end)

test('an article under a subfolder with a newsls.toml of its own joins the workspace, under its rules', function()
  local desk = path('desk')
  vim.fn.mkdir(desk, 'p')
  vim.fn.writefile({ '[rules]', 'unattributed-claim = "error"' }, vim.fs.joinpath(desk, 'newsls.toml'))
  local story = vim.fs.joinpath(desk, 'desk-story.txt')
  vim.fn.writefile({ 'Desk', '', 'Prices will double next year.' }, story)
  vim.cmd.edit(vim.fn.fnameescape(story))
  local buf = vim.api.nvim_get_current_buf()
  eq(workspace, require('newsls').workspace_root(buf), 'workspace_root')
  local attached = wait_for('newsls to attach', function()
    return vim.lsp.get_clients({ bufnr = buf, name = 'newsls' })[1]
  end)
  eq(client.id, attached.id, 'the workspace\'s client')
  local diagnostics = wait_for('diagnostics', function()
    local found = vim.diagnostic.get(buf)
    return #found > 0 and found
  end)
  eq(vim.diagnostic.severity.ERROR, diagnostics[1].severity, 'the desk\'s own level')
  vim.cmd.buffer(ferry)
  vim.api.nvim_buf_delete(buf, { force = true })
end)

test('the server shuts down cleanly', function()
  -- Nothing unsaved may block; the buffer was restored by undo but is still 'modified'.
  vim.bo[ferry].modified = false
  client:stop()
  wait_for('the client to stop', function()
    return client:is_stopped()
  end, 5000)
end)

say(('nvim: %d passed, %d failed%s'):format(passed, failed, skipped > 0 and (', %d skipped'):format(skipped) or ''))
os.exit(failed == 0 and 0 or 1)
