// cargo-profile-advisor rule catalogue: filters the entries of the page by search text, kind, severity and setting.
// Plain script, no framework, nothing fetched: it works from file://. Without it every entry is shown.
(function () {
  'use strict';
  var search = document.getElementById('search');
  var kind = document.getElementById('kind');
  var severity = document.getElementById('severity');
  var setting = document.getElementById('setting');
  var count = document.getElementById('count');
  var nothing = document.getElementById('nothing');
  var entries = Array.prototype.slice.call(document.querySelectorAll('article.entry'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('main > section'));
  var text = entries.map(function (e) { return e.textContent.toLowerCase(); });

  function matches(i, terms, exact) {
    var e = entries[i];
    if (kind.value && e.dataset.kind !== kind.value) return false;
    if (severity.value && e.dataset.severity !== severity.value) return false;
    if (setting.value && e.dataset.settings.split(' ').indexOf(setting.value) < 0) return false;
    if (exact) return e === exact; // a whole rule id finds that rule, not every rule that mentions it
    return terms.every(function (t) { return text[i].indexOf(t) >= 0; });
  }

  function apply() {
    var query = search.value.trim().toLowerCase();
    var terms = query.split(/\s+/).filter(Boolean);
    var exact = entries.filter(function (e) { return e.classList.contains('rule') && e.id === query; })[0];
    var shown = 0;
    entries.forEach(function (e, i) {
      e.hidden = !matches(i, terms, exact);
      if (!e.hidden) shown++;
    });
    sections.forEach(function (s) { s.hidden = !s.querySelector('article.entry:not([hidden])'); });
    nothing.hidden = shown > 0;
    count.textContent = shown === entries.length ? entries.length + ' entries' : shown + ' of ' + entries.length + ' entries';
  }

  // following a link to an entry the filters hide clears them, so the link lands where it points
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.closest('article.entry') && target.closest('article.entry').hidden) {
      search.value = ''; kind.value = ''; severity.value = ''; setting.value = '';
      apply();
      target.scrollIntoView();
    }
  }

  search.addEventListener('input', apply);
  [kind, severity, setting].forEach(function (s) { s.addEventListener('change', apply); });
  window.addEventListener('hashchange', reveal);
  apply();
})();
