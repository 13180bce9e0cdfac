/* Material's search worker, loaded at the reader's first search, with stemming that also works
   while the reader types.

   Material's worker, loaded with the page, would read lunr and its language files and index the
   whole site on every page opened, searched or not: ~0.1 s of a desktop's CPU on this site, more
   on a phone and with more calls. Here the page's setup message is kept and answered at once, and
   Material's worker is loaded, and the index built, when the first words to look for arrive. The
   empty query that the page sends as soon as search is ready needs no index.

   Material adds a trailing wildcard to every query term ("registrazioni" -> "registrazioni*"),
   and lunr skips its stemmer for wildcard terms, so a stemmed index (Italian stemmer for the
   Italian index) would never match whole words. Here each such term is stemmed before lunr reads
   it, keeping the wildcard: "registrazioni*" -> "registr*", which finds "registrazione" too.
   The index keeps each word both stemmed and as written, so that a word still being typed
   ("registrazion", longer than its stem "registr") finds it as well.
   This file sits beside Material's worker so that the worker finds its lunr language files. */
(function () {
  "use strict";
  // Material's messages (integrations/search/worker/message): the page sends SETUP, then QUERY;
  // the worker answers READY, then RESULT.
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var setup = null;              // the page's SETUP message, until Material's worker has read it
  var material = null;           // Material's message listener, once its worker is loaded
  var answered = Promise.resolve();  // Material answers each message once the one before is done

  // The page was told READY at once: Material's own READY, once its index is built, is not sent.
  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (!(message && message.type === READY)) post(message);
  };

  self.addEventListener("message", function (event) {
    var message = event.data;
    // Kept, and answered at once; Material builds the index from it before the next query.
    if (message.type === SETUP) {
      setup = event;
      post({ type: READY });
      return;
    }
    if (!material && message.type === QUERY && !/\S/.test(message.data)) {
      post({ type: RESULT, data: { items: [] } });
      return;
    }
    if (!material) {
      try {
        loadMaterial();
      } catch (err) {  // offline, say: loaded again at the next query
        console.warn(err);
        post({ type: RESULT, data: { items: [] } });
        return;
      }
    }
    if (setup) {
      run(setup);
      setup = null;
    }
    run(event);
  });

  // Material answers one message at a time, in order. A query that fails is answered with no
  // results, and a setup that fails (a language file not loaded) is run again before the next
  // query: one failure does not leave every later query unanswered.
  function run(event) {
    answered = answered
      .then(function () { return material(event); })
      .catch(function (err) {
        console.warn(err);
        if (event.data.type !== SETUP) post({ type: RESULT, data: { items: [] } });
        else if (!setup) setup = event;
      });
  }

  // Material's worker adds its message listener when it loads: it is kept here instead, and called
  // by the listener above.
  function loadMaterial() {
    var listen = self.addEventListener;
    self.addEventListener = function (type, listener) {
      if (type === "message") material = listener;
      else listen.apply(self, arguments);
    };
    try {
      importScripts("search.a7633da7.min.js");
    } finally {
      self.addEventListener = listen;
    }
    stemQueries();
  }

  function stemQueries() {
    var searchPipeline = null;  // the stemmer of the language of the index being searched

    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function () {
      if (!this.pipeline.unstemmed) {
        var stemmed = this.pipeline;
        var unstemmed = new lunr.Pipeline();
        stemmed._stack.forEach(function (fn) { if (!/stemmer/.test(fn.label)) unstemmed.add(fn); });
        this.pipeline = new lunr.Pipeline();
        this.pipeline.unstemmed = unstemmed;
        this.pipeline.run = function (tokens) {
          var copies = tokens.map(function (token) { return token.clone(); });
          return stemmed.run(tokens).concat(unstemmed.run(copies));
        };
      }
      return add.apply(this, arguments);
    };

    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      var index = build.apply(this, arguments);
      searchPipeline = index.pipeline;
      return index;
    };

    // A word is in the index twice (stemmed and as written) at one position, and a query term may
    // match both: Material then marks the same letters twice, and its second mark lands inside the
    // first ("<mark><m<mark>ark>Go"). Each position is kept for the first term that found it.
    // A result's match data can be the index's own (lunr shares it when one field of one term
    // matched): it is read, and each result given new match data, so that no query changes what the
    // next one finds ("glossar" then "glossary" had left "glossary" with nothing to mark).
    var query = lunr.Index.prototype.query;
    lunr.Index.prototype.query = function () {
      var results = query.apply(this, arguments);
      results.forEach(function (result) {
        var taken = {};
        var metadata = result.matchData.metadata;
        var kept = new lunr.MatchData();
        Object.keys(metadata).forEach(function (term) {
          kept.metadata[term] = Object.create(null);
          Object.keys(metadata[term]).forEach(function (field) {
            var found = Object.assign(Object.create(null), metadata[term][field]);
            kept.metadata[term][field] = found;
            if (!found.position) return;
            var seen = taken[field] || (taken[field] = {});
            found.position = found.position.filter(function (position) {
              var key = String(position);
              if (seen[key]) return false;
              seen[key] = true;
              return true;
            });
          });
        });
        result.matchData = kept;
      });
      return results;
    };

    var parse = lunr.QueryParser.prototype.parse;
    lunr.QueryParser.prototype.parse = function () {
      var query = parse.apply(this, arguments);
      if (searchPipeline) {
        query.clauses.forEach(function (clause) {
          var match = /^([^*]+)\*$/.exec(clause.term);
          if (!match) return;
          var stem = searchPipeline.runString(match[1])[0];
          if (stem) clause.term = stem + "*";
        });
      }
      return query;
    };
  }
})();
