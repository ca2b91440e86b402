// Test chat: appends the messages of scripts/<name>.json (?script=<name>) one by one,
// every ?interval= milliseconds (default 300). Each message element carries
// data-heads-up-direction and data-appended-at (performance.now() when it was appended).
// When the script is over, <body data-script-done="true">. window.appendMessage(direction, text)
// lets a test add one more message. The message list carries data-heads-up-conversation:
// ?conversation= when given, else a new id per page load, so tests that share this page do not
// share a conversation (Heads Up remembers each conversation's level).
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var name = params.get('script') || '';
  var interval = Number(params.get('interval') || 300);
  var list = document.getElementById('messages');
  list.setAttribute(
    'data-heads-up-conversation',
    params.get('conversation') || name + '-' + Math.random().toString(36).slice(2, 10),
  );

  function appendMessage(direction, text) {
    var item = document.createElement('li');
    item.setAttribute('data-heads-up-direction', direction);
    item.textContent = text;
    list.appendChild(item);
    item.setAttribute('data-appended-at', String(performance.now()));
    list.scrollTop = list.scrollHeight;
    return item;
  }
  window.appendMessage = appendMessage;

  document.getElementById('composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = document.getElementById('composer-input');
    if (input.value.trim()) appendMessage('outgoing', input.value.trim());
    input.value = '';
  });

  if (!/^[a-z0-9-]+$/.test(name)) {
    document.body.setAttribute('data-script-error', 'bad or missing ?script=');
    return;
  }
  fetch('scripts/' + name + '.json')
    .then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    })
    .then(function (messages) {
      var index = 0;
      function next() {
        if (index >= messages.length) {
          document.body.setAttribute('data-script-done', 'true');
          return;
        }
        var message = messages[index++];
        appendMessage(message.direction, message.text);
        setTimeout(next, interval);
      }
      setTimeout(next, interval);
    })
    .catch(function (error) {
      document.body.setAttribute('data-script-error', String(error));
    });
})();
