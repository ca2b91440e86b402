// A single-page test chat with several conversations (scripts/<name>.json, ?script=<name>), like
// the web apps Heads Up watches: the links switch conversation with history.pushState (?thread=)
// and redraw the whole history at once, without a page load. The message list carries
// data-heads-up-conversation, the conversation's id (prefixed with ?case= when given, so each
// test has conversations of its own). When a conversation is drawn, <body data-thread="<id>">.
// Shared parts: chat-page.js.
(function () {
  'use strict';
  var chat = window.testChat;
  var prefix = chat.params.get('case') ? chat.params.get('case') + ':' : '';
  var nav = document.getElementById('threads');
  var threads = {};

  function draw(id) {
    var thread = threads[id];
    if (!thread) return;
    chat.list.replaceChildren();
    chat.list.setAttribute('data-heads-up-conversation', prefix + id);
    thread.messages.forEach(function (message) { chat.appendMessage(message.direction, message.text); });
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

  window.addEventListener('popstate', function () {
    draw(new URLSearchParams(location.search).get('thread'));
  });

  chat.loadScript(function (data) {
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
    draw(chat.params.get('thread') || Object.keys(threads)[0]);
  });
})();
