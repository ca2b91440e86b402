// What the test chat pages share (chat.html, threads.html): the message list, appending a message
// (with data-heads-up-direction and data-appended-at, performance.now() when it was appended),
// the composer, and loading scripts/<name>.json for ?script=<name>. Exposes window.testChat and
// window.appendMessage(direction, text), which tests use to add one more message.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var list = document.getElementById('messages');

  function appendMessage(direction, text) {
    var item = document.createElement('li');
    item.setAttribute('data-heads-up-direction', direction);
    item.textContent = text;
    list.appendChild(item);
    item.setAttribute('data-appended-at', String(performance.now()));
    list.scrollTop = list.scrollHeight;
    return item;
  }

  document.getElementById('composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = document.getElementById('composer-input');
    if (input.value.trim()) appendMessage('outgoing', input.value.trim());
    input.value = '';
  });

  /** Loads the ?script= named script and hands its data on; errors land on <body data-script-error>. */
  function loadScript(onData) {
    var name = params.get('script') || '';
    if (!/^[a-z0-9-]+$/.test(name)) {
      document.body.setAttribute('data-script-error', 'bad or missing ?script=');
      return;
    }
    fetch('scripts/' + name + '.json')
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(onData)
      .catch(function (error) {
        document.body.setAttribute('data-script-error', String(error));
      });
  }

  window.appendMessage = appendMessage;
  window.testChat = { params: params, list: list, appendMessage: appendMessage, loadScript: loadScript };
})();
