/* Material's search worker, with stemming that also works while the reader types.

   Material adds a trailing wildcard to every query term ("registrazioni" -> "registrazioni*"),
   and lunr skips its stemmer for wildcard terms, so a stemmed index (Italian stemmer for the
   Italian index) would never match whole words. Here each such term is stemmed before lunr reads
   it, keeping the wildcard: "registrazioni*" -> "registr*", which finds "registrazione" too.
   The index keeps each word both stemmed and as written, so that a word still being typed
   ("registrazion", longer than its stem "registr") finds it as well.
   This file sits beside Material's worker so that the worker finds its lunr language files. */
importScripts("search.a7633da7.min.js");

(function () {
  "use strict";
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
  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function () {
    var results = query.apply(this, arguments);
    results.forEach(function (result) {
      var taken = {};
      var metadata = result.matchData.metadata;
      Object.keys(metadata).forEach(function (term) {
        Object.keys(metadata[term]).forEach(function (field) {
          var found = metadata[term][field];
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
})();
