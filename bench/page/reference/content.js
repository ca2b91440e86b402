// The page benchmark's yardstick (bench/page/run.ts): the least any extension that reads a chat's
// new messages must do, which is the scale figure: a MutationObserver on the document and,
// for each added node, its text read with a TreeWalker, straight in the observer's callback. No
// batching, matching, state or messages. Runs in an isolated world like Heads Up's content
// script, on 127.0.0.3 only, so its cost is measured in the same browser as Heads Up's.
'use strict';
(function () {
  var stats = { messages: 0, chars: 0 };
  // Read through the DevTools protocol in this script's world; the characters counted keep the
  // reads from being optimised away and show the reader saw what Heads Up sees.
  globalThis.__referenceReaderStats = stats;
  function read(node) {
    if (node.nodeType === Node.TEXT_NODE) return node.nodeValue;
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    var parts = [];
    for (var text = walker.nextNode(); text; text = walker.nextNode()) parts.push(text.nodeValue);
    return parts.join(' ');
  }
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      var added = records[i].addedNodes;
      for (var k = 0; k < added.length; k++) {
        var text = read(added[k]);
        if (text) {
          stats.messages++;
          stats.chars += text.length;
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
})();
