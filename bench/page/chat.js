// The benchmark chat page: renders the feed's history at load, then, when the runner calls
// window.benchRun(), appends the rest in bursts like a busy channel and reports its own cost.
'use strict';
(function () {
  var feed = window.FEED;
  var log = document.getElementById('log');
  var longTasks = [];
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { longTasks.push({ start: e.startTime, duration: e.duration }); });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* longtask not supported: the runner sees an empty list */ }

  function render(m, index) {
    var li = document.createElement('li');
    li.className = 'msg';
    li.setAttribute('data-heads-up-direction', m.direction === 'unknown' ? 'incoming' : m.direction);
    var avatar = document.createElement('div');
    avatar.className = 'avatar';
    avatar.style.background = 'hsl(' + ((index * 47) % 360) + ' 45% 45%)';
    var body = document.createElement('div');
    var meta = document.createElement('div');
    meta.className = 'meta';
    var author = document.createElement('span');
    author.className = 'author';
    author.textContent = m.author;
    var time = document.createElement('time');
    time.textContent = 'Today at ' + (10 + ((index / 60) | 0) % 12) + ':' + String(index % 60).padStart(2, '0');
    meta.append(author, time);
    var p = document.createElement('p');
    p.className = 'text';
    p.textContent = m.text;
    body.append(meta, p);
    li.append(avatar, body);
    return li;
  }

  // History already on the page when it opens (the content script reads it at start).
  var frag = document.createDocumentFragment();
  for (var h = 0; h < feed.history; h++) frag.append(render(feed.messages[h], h));
  log.append(frag);

  window.benchLongTasks = function () { return longTasks.slice(); };

  window.benchRun = function () {
    return new Promise(function (resolve) {
      var next = feed.history;
      var burst = 0;
      var appendMs = 0;
      var began = performance.now();
      function step() {
        var t = performance.now();
        var size = feed.bursts[burst % feed.bursts.length];
        var gap = feed.gaps[burst % feed.gaps.length];
        burst++;
        for (var k = 0; k < size && next < feed.messages.length; k++, next++) {
          log.append(render(feed.messages[next], next));
        }
        // Like Discord, keep a window of recent messages in the DOM and drop the oldest.
        while (log.childElementCount > feed.keep) log.firstElementChild.remove();
        log.scrollTop = log.scrollHeight;
        appendMs += performance.now() - t;
        if (next < feed.messages.length) setTimeout(step, gap);
        else {
          // Let the last frames (and the extension's last passes) run, then report.
          setTimeout(function () {
            resolve({ messages: feed.messages.length - feed.history, bursts: burst, appendMs: appendMs, wallMs: performance.now() - began });
          }, 500);
        }
      }
      step();
    });
  };
})();
