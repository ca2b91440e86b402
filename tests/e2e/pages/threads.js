// A single-page test chat with several conversations (scripts/<name>.json, ?script=<name>), like
// the web apps Heads Up watches: the links switch conversation with history.pushState (?thread=)
// and redraw the whole history at once, without a page load. The message list carries
// data-heads-up-conversation, the conversation's id (prefixed with ?case= when given, so each
// test has conversations of its own). When a conversation is drawn,
// <body data-thread="<id>">. window.appendMessage(direction, text) adds one more message.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var name = params.get('script') || '';
  var prefix = params.get('case') ? params.get('case') + ':' : '';
  var list = document.getElementById('messages');
  var nav = document.getElementById('threads');
  var threads = {};

  function appendMessage(direction, text) {
    var item = document.createElement('li');
    item.setAttribute('data-heads-up-direction', direction);
    item.textContent = text;
    list.appendChild(item);
    list.scrollTop = list.scrollHeight;
    return item;
  }
  window.appendMessage = appendMessage;

  function draw(id) {
    var thread = threads[id];
    if (!thread) return;
    list.replaceChildren();
    list.setAttribute('data-heads-up-conversation', prefix + id);
    thread.messages.forEach(function (message) { appendMessage(message.direction, message.text); });
    nav.querySelectorAll('a').forEach(function (link) {
      if (link.dataset.thread === id) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    });
    document.body.setAttribute('data-thread', id);
  }

  function urlFor(id) {
    var next = new URLSearchParams(location.search);
    next.set('thread', id);
    return '?' + next.toString();
  }

  document.getElementById('composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = document.getElementById('composer-input');
    if (input.value.trim()) appendMessage('outgoing', input.value.trim());
    input.value = '';
  });
  window.addEventListener('popstate', function () {
    draw(new URLSearchParams(location.search).get('thread'));
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
    .then(function (data) {
      threads = data;
      Object.keys(threads).forEach(function (id) {
        var link = document.createElement('a');
        link.href = urlFor(id);
        link.dataset.thread = id;
        link.textContent = threads[id].name;
        link.addEventListener('click', function (event) {
          event.preventDefault();
          history.pushState(null, '', urlFor(id));
          draw(id);
        });
        nav.appendChild(link);
      });
      draw(params.get('thread') || Object.keys(threads)[0]);
    })
    .catch(function (error) {
      document.body.setAttribute('data-script-error', String(error));
    });
})();
