// Organization settings → MCP: sign in with an admin key, then list, create and revoke MCP tokens.
// Plain JavaScript, no build step, no external resources (the page's CSP allows none).
'use strict';

(function () {
  const NAME_MAX = 64;
  const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
  const SNIPPETS = ['claude-code', 'cursor', 'claude-desktop', 'windsurf'];

  const $ = (id) => document.getElementById(id);
  const ui = {
    loading: $('loading-view'),
    loginView: $('login-view'),
    loginForm: $('login-form'),
    adminKey: $('admin-key-input'),
    loginSubmit: $('login-submit'),
    loginError: $('login-error'),
    settingsView: $('settings-view'),
    account: $('account'),
    orgName: $('org-name'),
    mcpUrl: $('mcp-url'),
    logout: $('logout-button'),
    bannerWrap: $('error-banner-wrap'),
    banner: $('error-banner'),
    bannerDismiss: $('error-banner-dismiss'),
    createButton: $('create-token-button'),
    rows: $('token-rows'),
    createDialog: $('create-dialog'),
    createForm: $('create-form'),
    nameInput: $('token-name-input'),
    createSubmit: $('create-submit'),
    createCancel: $('create-cancel'),
    createError: $('create-error'),
    tokenDialog: $('token-dialog'),
    plaintext: $('token-plaintext'),
    tokenDialogClose: $('token-dialog-close'),
    copyStatus: $('copy-status'),
    revokeDialog: $('revoke-dialog'),
    revokeName: $('revoke-token-name'),
    revokeConfirm: $('revoke-confirm'),
    revokeCancel: $('revoke-cancel'),
  };

  /** The signed-in org and its MCP URL; null while signed out. */
  let session = null;
  /** The token whose revocation awaits confirmation. */
  let pendingRevoke = null;
  /** The rows last listed, to re-render relative times. */
  let lastTokens = [];
  /** Set while the page is being left, so that closing dialogs does not call the server. */
  let leaving = false;
  /** Whether the shown-once token (or a snippet holding it) was copied since the dialog opened. */
  let tokenCopied = false;

  // --- API ----------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  const FALLBACK_MESSAGES = {
    401: 'Your session has ended. Sign in again.',
    403: 'The server refused this request.',
    404: 'That was not found. It may have been removed.',
    413: 'The request was too large.',
    503: 'Token management is temporarily unavailable. Try again in a few seconds.',
  };

  /** Calls the admin API; resolves with the parsed body, rejects with an ApiError carrying a readable message. */
  async function api(method, path, body) {
    const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch('api/' + path, init);
    } catch (networkError) {
      throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
    }
    let data = null;
    if (response.status !== 204) {
      try {
        data = await response.json();
      } catch (notJson) {
        data = null;
      }
    }
    if (!response.ok) {
      const message = data && typeof data.message === 'string' && data.message
        ? data.message
        : (FALLBACK_MESSAGES[response.status] || 'Something went wrong (HTTP ' + response.status + '). Try again.');
      throw new ApiError(response.status, data && typeof data.error === 'string' ? data.error : 'http_' + response.status, message);
    }
    return data;
  }

  // --- views --------------------------------------------------------------------------------------

  function showBanner(message) {
    ui.banner.textContent = message;
    ui.bannerWrap.hidden = false;
  }

  function hideBanner() {
    ui.banner.textContent = '';
    ui.bannerWrap.hidden = true;
  }

  function showLogin(message) {
    session = null;
    lastTokens = [];
    closeAllDialogs();
    ui.rows.replaceChildren();
    ui.orgName.textContent = '';
    ui.account.hidden = true;
    ui.settingsView.hidden = true;
    ui.loading.hidden = true;
    ui.loginView.hidden = false;
    if (message) {
      showBanner(message);
    }
    ui.adminKey.focus();
  }

  function showSettings(current) {
    session = { org: current.org, mcpUrl: current.mcp_url };
    ui.orgName.textContent = current.org;
    ui.mcpUrl.textContent = current.mcp_url;
    ui.loading.hidden = true;
    ui.loginView.hidden = true;
    ui.account.hidden = false;
    ui.settingsView.hidden = false;
    return loadTokens();
  }

  /** After signing in, focus goes to the page's heading, where a screen reader starts reading the new view. */
  async function showSettingsAndFocus(current) {
    const loaded = showSettings(current);
    $('settings-title').focus();
    await loaded;
  }

  /** Shows an API failure where the user looks: a lost session sends back to sign-in, anything else to the banner. */
  function report(error) {
    if (error instanceof ApiError && error.status === 401 && error.code !== 'invalid_admin_key') {
      showLogin('Your session has ended. Sign in again.');
      return;
    }
    showBanner(error instanceof ApiError ? error.message : 'Something went wrong in this page. Reload it and try again.');
  }

  // --- sign in / out ------------------------------------------------------------------------------

  async function start() {
    try {
      showSettings(await api('GET', 'session'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        showLogin();
      } else {
        ui.loading.hidden = true;
        showLogin();
        report(error);
      }
    }
  }

  async function signIn(event) {
    event.preventDefault();
    hideBanner();
    ui.loginError.hidden = true;
    const key = ui.adminKey.value.trim();
    if (!key) {
      showFieldError(ui.loginError, ui.adminKey, 'Enter your admin key.');
      return;
    }
    ui.loginSubmit.disabled = true;
    try {
      const started = await api('POST', 'session', { admin_key: key });
      ui.adminKey.value = '';
      ui.adminKey.removeAttribute('aria-invalid');
      await showSettingsAndFocus(started);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        showFieldError(ui.loginError, ui.adminKey, error.message);
      } else if (error instanceof ApiError && error.status === 400) {
        showFieldError(ui.loginError, ui.adminKey, 'That does not look like an admin key. It starts with luc_adm_.');
      } else {
        showFieldError(ui.loginError, ui.adminKey, error instanceof ApiError ? error.message : 'Could not sign in. Try again.');
      }
    } finally {
      ui.loginSubmit.disabled = false;
    }
  }

  async function signOut() {
    hideBanner();
    try {
      await api('DELETE', 'session');
      showLogin();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        showLogin();
      } else {
        report(error);
      }
    }
  }

  function showFieldError(element, input, message) {
    element.textContent = message;
    element.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }

  // --- token table --------------------------------------------------------------------------------

  async function loadTokens() {
    try {
      const listing = await api('GET', 'tokens');
      lastTokens = Array.isArray(listing && listing.tokens) ? listing.tokens : [];
      renderTokens();
    } catch (error) {
      report(error);
    }
  }

  function renderTokens() {
    if (lastTokens.length === 0) {
      const row = element('tr', { className: 'empty' });
      row.append(element('td', { colSpan: 6, textContent: 'No tokens yet. Create one to connect an MCP client.' }));
      ui.rows.replaceChildren(row);
      return;
    }
    ui.rows.replaceChildren(...lastTokens.map(tokenRow));
  }

  function tokenRow(token) {
    const revoked = token.revoked_at !== null && token.revoked_at !== undefined;
    const row = element('tr', { className: revoked ? 'revoked' : '' });
    row.dataset.testid = 'token-row';
    row.dataset.tokenId = token.id;

    const name = element('td', { className: 'name', textContent: token.name });
    name.dataset.testid = 'token-name';

    const kind = element('td', { textContent: token.kind || 'Token' });
    kind.dataset.testid = 'token-kind';

    const created = element('td', { textContent: formatDate(token.created_at), title: token.created_at });
    created.dataset.testid = 'token-created';

    const lastUsed = element('td');
    lastUsed.dataset.testid = 'token-last-used';
    if (token.last_used_at) {
      lastUsed.textContent = relativeTime(token.last_used_at);
      lastUsed.title = token.last_used_at;
    } else {
      lastUsed.textContent = 'Never';
      lastUsed.className = 'muted';
    }

    const status = element('td');
    const badge = element('span', {
      className: 'badge ' + (revoked ? 'badge-revoked' : 'badge-active'),
      textContent: revoked ? 'Revoked' : 'Active',
    });
    status.dataset.testid = 'token-status';
    if (revoked) {
      status.title = 'Revoked ' + token.revoked_at;
    }
    status.append(badge);

    const actions = element('td', { className: 'actions-cell' });
    if (!revoked) {
      const revoke = element('button', {
        type: 'button',
        className: 'button button-danger-quiet button-small',
        textContent: 'Revoke',
      });
      revoke.dataset.testid = 'revoke-button';
      revoke.setAttribute('aria-label', 'Revoke ' + token.name);
      revoke.addEventListener('click', () => askToRevoke(token));
      actions.append(revoke);
    }
    row.append(name, kind, created, lastUsed, status, actions);
    return row;
  }

  function element(tag, properties) {
    return Object.assign(document.createElement(tag), properties || {});
  }

  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

  function formatDate(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
  }

  /** "just now", "3 minutes ago", "2 days ago" … */
  function relativeTime(iso) {
    const then = new Date(iso).getTime();
    if (Number.isNaN(then)) {
      return iso;
    }
    const seconds = Math.max(0, Math.round((Date.now() - then) / 1000));
    if (seconds < 45) {
      return 'just now';
    }
    const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
    for (const [unit, size] of units) {
      if (seconds >= size) {
        return relativeFormat.format(-Math.floor(seconds / size), unit);
      }
    }
    return relativeFormat.format(-1, 'minute');
  }

  // --- create -------------------------------------------------------------------------------------

  function openCreate() {
    hideBanner();
    ui.nameInput.value = '';
    ui.nameInput.removeAttribute('aria-invalid');
    ui.createError.textContent = '';
    ui.createError.hidden = true;
    ui.createSubmit.disabled = false;
    showNameCount();
    ui.createDialog.showModal();
    ui.nameInput.focus();
  }

  function showNameCount() {
    $('token-name-count').textContent = [...ui.nameInput.value].length + '/' + NAME_MAX;
  }

  /** The client-side twin of the server's rule; the server's message wins when they disagree. */
  function nameProblem(name) {
    if (name.length === 0) {
      return 'name must not be blank';
    }
    if ([...name].length > NAME_MAX) {
      return 'name must be at most ' + NAME_MAX + ' characters';
    }
    if (CONTROL.test(name)) {
      return 'name must not contain control characters';
    }
    return null;
  }

  async function createToken(event) {
    event.preventDefault();
    const name = ui.nameInput.value.trim();
    const problem = nameProblem(name);
    if (problem) {
      showFieldError(ui.createError, ui.nameInput, problem);
      return;
    }
    ui.createError.hidden = true;
    ui.createSubmit.disabled = true;
    try {
      const created = await api('POST', 'tokens', { name });
      ui.createDialog.close();
      showToken(created.token, created.mcp_url || (session && session.mcpUrl) || '');
      loadTokens();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        showFieldError(ui.createError, ui.nameInput, error.message);
      } else if (error instanceof ApiError && error.status === 401) {
        report(error);
      } else {
        showFieldError(ui.createError, ui.nameInput, error instanceof ApiError ? error.message : 'Could not create the token.');
      }
    } finally {
      ui.createSubmit.disabled = false;
    }
  }

  // --- the shown-once dialog ----------------------------------------------------------------------

  function snippets(token, mcpUrl) {
    const bearer = 'Bearer ' + token;
    const pretty = (value) => JSON.stringify(value, null, 2);
    return {
      'claude-code': 'claude mcp add --transport http lucent ' + mcpUrl + ' \\\n  --header "Authorization: ' + bearer + '"',
      cursor: pretty({ mcpServers: { lucent: { url: mcpUrl, headers: { Authorization: bearer } } } }),
      'claude-desktop': pretty({
        mcpServers: {
          lucent: {
            command: 'npx',
            args: mcpRemoteArgs(mcpUrl),
            env: { AUTH_HEADER: bearer },
          },
        },
      }),
      windsurf: pretty({ mcpServers: { lucent: { serverUrl: mcpUrl, headers: { Authorization: bearer } } } }),
    };
  }

  /** mcp-remote refuses a plain-http URL unless it is localhost or 127.0.0.1, or it is given --allow-http. */
  function mcpRemoteArgs(mcpUrl) {
    const args = ['-y', 'mcp-remote', mcpUrl, '--header', 'Authorization:${AUTH_HEADER}'];
    let url = null;
    try {
      url = new URL(mcpUrl);
    } catch (invalid) {
      return args;
    }
    if (url.protocol === 'http:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') {
      args.push('--allow-http');
    }
    return args;
  }

  // The token lives only in the text of these elements while the dialog is open: no variable keeps it.
  function showToken(token, mcpUrl) {
    ui.plaintext.textContent = token;
    const texts = snippets(token, mcpUrl);
    for (const id of SNIPPETS) {
      $('snippet-' + id).textContent = texts[id];
    }
    selectTab($('tab-claude-code'), false);
    ui.copyStatus.textContent = '';
    tokenCopied = false;
    ui.tokenDialog.showModal();
    $('copy-token').focus();
  }

  function forgetToken() {
    ui.plaintext.textContent = '';
    for (const id of SNIPPETS) {
      $('snippet-' + id).textContent = '';
    }
    ui.copyStatus.textContent = '';
    for (const button of ui.tokenDialog.querySelectorAll('button.copy')) {
      resetCopyButton(button);
    }
    const selection = window.getSelection();
    if (selection) {
      selection.removeAllRanges();
    }
  }

  function selectTab(tab, focus) {
    for (const other of ui.tokenDialog.querySelectorAll('[role=tab]')) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      $(other.getAttribute('aria-controls')).hidden = !selected;
    }
    if (focus) {
      tab.focus();
    }
  }

  function onTabKey(event) {
    const tabs = [...ui.tokenDialog.querySelectorAll('[role=tab]')];
    const index = tabs.indexOf(event.target);
    let next = null;
    if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
    if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
    if (event.key === 'Home') next = tabs[0];
    if (event.key === 'End') next = tabs[tabs.length - 1];
    if (next) {
      event.preventDefault();
      selectTab(next, true);
    }
  }

  // --- copy ---------------------------------------------------------------------------------------

  const copyTimers = new WeakMap();

  async function copyFrom(button) {
    const target = $(button.dataset.copyTarget);
    const text = target.textContent;
    try {
      if (!navigator.clipboard || !window.isSecureContext) {
        throw new Error('no clipboard');
      }
      await navigator.clipboard.writeText(text);
      tokenCopied = true;
      button.textContent = 'Copied';
      button.classList.add('copied');
      ui.copyStatus.textContent = 'Copied to the clipboard.';
      clearTimeout(copyTimers.get(button));
      copyTimers.set(button, setTimeout(() => resetCopyButton(button), 2000));
    } catch (failed) {
      selectText(target);
      ui.copyStatus.textContent = 'Copying is not available here: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it.';
    }
  }

  function resetCopyButton(button) {
    clearTimeout(copyTimers.get(button));
    button.textContent = 'Copy';
    button.classList.remove('copied');
  }

  function selectText(target) {
    const range = document.createRange();
    range.selectNodeContents(target);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // --- revoke -------------------------------------------------------------------------------------

  function askToRevoke(token) {
    hideBanner();
    pendingRevoke = { id: token.id, name: token.name };
    ui.revokeName.textContent = token.name;
    ui.revokeConfirm.disabled = false;
    ui.revokeDialog.showModal();
    ui.revokeCancel.focus();
  }

  async function confirmRevoke() {
    if (!pendingRevoke) {
      ui.revokeDialog.close();
      return;
    }
    const { id } = pendingRevoke;
    ui.revokeConfirm.disabled = true;
    try {
      await api('POST', 'tokens/' + encodeURIComponent(id) + '/revoke');
      ui.revokeDialog.close();
      await loadTokens();
      focusRevoked(id);
    } catch (error) {
      ui.revokeDialog.close();
      if (error instanceof ApiError && error.status === 404) {
        showBanner('That token no longer exists in your organization.');
        await loadTokens();
      } else {
        report(error);
      }
    }
  }

  /** The Revoke button that had focus is gone: focus moves to the row's new status, else to Create token. */
  function focusRevoked(id) {
    const status = ui.rows.querySelector('tr[data-token-id="' + CSS.escape(id) + '"] [data-testid="token-status"]');
    if (status) {
      status.tabIndex = -1;
      status.focus();
    } else {
      ui.createButton.focus();
    }
  }

  // --- dialogs ------------------------------------------------------------------------------------

  function closeAllDialogs() {
    for (const dialog of [ui.createDialog, ui.tokenDialog, ui.revokeDialog]) {
      if (dialog.open) {
        dialog.close();
      }
    }
    forgetToken();
  }

  // --- wiring -------------------------------------------------------------------------------------

  ui.loginForm.addEventListener('submit', signIn);
  ui.logout.addEventListener('click', signOut);
  ui.bannerDismiss.addEventListener('click', hideBanner);
  ui.createButton.addEventListener('click', openCreate);
  ui.createForm.addEventListener('submit', createToken);
  ui.createCancel.addEventListener('click', () => ui.createDialog.close());
  ui.nameInput.addEventListener('input', () => {
    ui.createError.hidden = true;
    ui.nameInput.removeAttribute('aria-invalid');
    showNameCount();
  });
  ui.adminKey.addEventListener('input', () => {
    ui.loginError.hidden = true;
    ui.adminKey.removeAttribute('aria-invalid');
  });

  // Closing before anything was copied (the button or Escape) asks first: the token would stay active while nobody has it.
  function closeTokenDialog() {
    if (tokenCopied || window.confirm('You have not copied the token. It cannot be shown again, and it stays active '
        + 'until you revoke it. Close anyway?')) {
      ui.tokenDialog.close();
    } else {
      $('copy-token').focus();
    }
  }
  ui.tokenDialogClose.addEventListener('click', closeTokenDialog);
  ui.tokenDialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      closeTokenDialog();
    }
  });
  ui.tokenDialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    closeTokenDialog();
  });
  // Any way out of the dialog (the button, Escape, signing out) forgets the token and refreshes the table.
  ui.tokenDialog.addEventListener('close', () => {
    forgetToken();
    if (session && !leaving) {
      loadTokens();
    }
  });
  for (const button of ui.tokenDialog.querySelectorAll('button.copy')) {
    button.addEventListener('click', () => copyFrom(button));
  }
  for (const tab of ui.tokenDialog.querySelectorAll('[role=tab]')) {
    tab.addEventListener('click', () => selectTab(tab, false));
    tab.addEventListener('keydown', onTabKey);
  }

  ui.revokeConfirm.addEventListener('click', confirmRevoke);
  ui.revokeCancel.addEventListener('click', () => ui.revokeDialog.close());
  ui.revokeDialog.addEventListener('close', () => {
    pendingRevoke = null;
    ui.revokeName.textContent = '';
  });

  // Leaving the page (or putting it into the back/forward cache) forgets a token that is still shown.
  window.addEventListener('pagehide', () => {
    leaving = true;
    closeAllDialogs();
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      leaving = false;
      start();
    }
  });
  // Keep "3 minutes ago" true while the page stays open.
  setInterval(() => {
    if (session && lastTokens.length > 0 && !ui.settingsView.hidden) {
      renderTokens();
    }
  }, 60000);

  start();
}());
