// The Heads Up demo chat: plays a scripted conversation, one message about every 1.2 seconds.
// Scripts are data in scripts/<name>.json; pick one with ?script=<name> (default: "default").
// Every message element carries data-heads-up-direction="incoming" | "outgoing".
(function () {
  'use strict';

  var INTERVAL_MS = 1200;
  var params = new URLSearchParams(location.search);
  var scriptName = params.get('script') || 'default';

  var list = document.getElementById('messages');
  var typing = document.getElementById('typing');
  var composer = document.getElementById('composer');
  var input = document.getElementById('composer-input');
  var replay = document.getElementById('replay');

  var contact = 'Nova_Rider';
  var script = null;
  var run = 0; // bumped by Replay so a stale timer does nothing

  function clock() {
    return new Date().toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
  }

  function scrollToEnd() {
    list.scrollTop = list.scrollHeight;
  }

  // One <li> per message, carrying data-heads-up-direction. The avatar and the time are drawn by CSS
  // from data attributes, so the element's text is "<author>: <message>" and nothing else.
  function appendMessage(direction, text) {
    var outgoing = direction === 'outgoing';
    var row = document.createElement('li');
    row.className = 'row row--' + (outgoing ? 'out' : 'in');
    row.setAttribute('data-heads-up-direction', outgoing ? 'outgoing' : 'incoming');
    row.setAttribute('data-initial', contact.charAt(0).toUpperCase());
    row.setAttribute('data-time', clock());

    var who = document.createElement('span');
    who.className = 'visually-hidden';
    who.textContent = (outgoing ? 'You' : contact) + ': ';
    row.appendChild(who);

    var body = document.createElement('p');
    body.className = 'msg';
    body.textContent = text;
    row.appendChild(body);

    list.appendChild(row);
    scrollToEnd();
  }

  function play(thisRun, index) {
    if (thisRun !== run || !script) return;
    var messages = script.messages;
    if (index >= messages.length) {
      typing.hidden = true;
      return;
    }
    var next = messages[index];
    // Show "is typing…" while the other person's next message is on its way.
    typing.hidden = next.direction !== 'incoming';
    setTimeout(function () {
      if (thisRun !== run) return;
      appendMessage(next.direction, next.text);
      var following = messages[index + 1];
      typing.hidden = !following || following.direction !== 'incoming';
      play(thisRun, index + 1);
    }, INTERVAL_MS);
  }

  function start() {
    run += 1;
    list.textContent = '';
    // Each play is a new conversation for Heads Up (data-heads-up-conversation): it remembers a
    // conversation's level and counts a message it has seen once, so a replay of the same one
    // would stay quiet.
    list.setAttribute('data-heads-up-conversation', 'demo-' + Date.now() + '-' + run);
    typing.hidden = true;
    play(run, 0);
  }

  function showProblem(text) {
    var row = document.createElement('li');
    row.className = 'row row--system';
    row.textContent = text;
    list.appendChild(row);
  }

  composer.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (text) appendMessage('outgoing', text);
    input.value = '';
    input.focus();
  });

  replay.addEventListener('click', start);

  if (!/^[a-z0-9-]+$/.test(scriptName)) {
    showProblem('Unknown demo script “' + scriptName + '”.');
    return;
  }
  fetch('scripts/' + scriptName + '.json')
    .then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then(function (data) {
      script = data;
      contact = data.contact || contact;
      document.getElementById('contact-name').textContent = contact;
      document.getElementById('typing-name').textContent = contact;
      document.getElementById('contact-initial').textContent = contact.charAt(0).toUpperCase();
      start();
    })
    .catch(function () {
      showProblem('Could not load the demo script “' + scriptName + '”.');
    });
})();
