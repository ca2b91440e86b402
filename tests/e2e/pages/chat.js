// Test chat: appends the messages of scripts/<name>.json (?script=<name>) one by one,
// every ?interval= milliseconds (default 300). When the script is over,
// <body data-script-done="true">. The message list carries data-heads-up-conversation:
// ?conversation= when given, else a new id per page load, so tests that share this page do not
// share a conversation (Heads Up remembers each conversation's level). Shared parts: chat-page.js.
(function () {
  'use strict';
  var chat = window.testChat;
  var interval = Number(chat.params.get('interval') || 300);
  chat.list.setAttribute(
    'data-heads-up-conversation',
    chat.params.get('conversation') || (chat.params.get('script') || '') + '-' + Math.random().toString(36).slice(2, 10),
  );

  chat.loadScript(function (messages) {
    var index = 0;
    function next() {
      if (index >= messages.length) {
        document.body.setAttribute('data-script-done', 'true');
        return;
      }
      var message = messages[index++];
      chat.appendMessage(message.direction, message.text);
      setTimeout(next, interval);
    }
    setTimeout(next, interval);
  });
})();
