// The live page: draws each snapshot pushed on /events onto the SVG and the side panel.
(function () {
  'use strict';
  var svg = document.querySelector('svg.tributary-topology');
  var details = document.getElementById('details');
  var status = document.getElementById('status');
  var config = {};
  var last = null;
  var selected = null;

  function rate(r) {
    if (r >= 1e6) { return (r / 1e6).toFixed(1) + 'M'; }
    if (r >= 1e4) { return (r / 1e3).toFixed(1) + 'k'; }
    return r >= 100 ? r.toFixed(0) : r.toFixed(1);
  }
  function nanos(ns) {
    if (ns >= 1e9) { return (ns / 1e9).toFixed(2) + 's'; }
    if (ns >= 1e6) { return (ns / 1e6).toFixed(1) + 'ms'; }
    if (ns >= 1e3) { return (ns / 1e3).toFixed(0) + 'us'; }
    return ns + 'ns';
  }
  // a fused node has no meter of its own; what it counts (conflated, throttled, late…) goes under it
  function eventText(counts) {
    return Object.keys(counts).filter(function (k) { return counts[k] > 0; })
      .map(function (k) { return k + ' ' + counts[k]; }).join(' · ');
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function row(dl, name, value, metric) {
    dl.appendChild(el('dt', name));
    var dd = el('dd', value);
    if (metric) { dd.setAttribute('data-metric', metric); }
    dl.appendChild(dd);
  }

  function showDetails() {
    if (selected === null) { return; }
    details.textContent = '';
    details.setAttribute('data-node', selected);
    details.appendChild(el('h3', selected));
    var dl = el('dl');
    var node = last ? last.nodes.filter(function (n) { return n.name === selected; })[0] : null;
    var c = config[selected];
    if (!c && !node) {
      row(dl, 'topic', selected);
      details.appendChild(dl);
      return;
    }
    if (node) {
      if (node.metered) {
        row(dl, 'in msg/s', rate(node.inRate), 'inRate');
        row(dl, 'out msg/s', rate(node.outRate), 'outRate');
        row(dl, 'in', node['in'], 'in');
        row(dl, 'out', node.out, 'out');
        row(dl, 'errors', node.errors, 'errors');
        row(dl, 'p99 latency', nanos(node.latencyP99Nanos), 'latencyP99');
      } else {
        row(dl, 'metrics', node.stage ? 'fused into stage ' + node.stage + ' (metered there)' : 'not run by the plan');
      }
      Object.keys(node.events).forEach(function (k) { row(dl, k, node.events[k], 'event-' + k); });
    }
    if (c) {
      row(dl, 'kind', c.kind);
      row(dl, 'type', c.type);
      row(dl, 'lane', c.lane + (c.routedLane ? ' (routed)' : ''));
      if (c.stage) { row(dl, 'stage', c.stage); }
      if (c.topics.length) { row(dl, 'topics', c.topics.join(', ')); }
      if (c.plugin) { row(dl, 'plugin', c.plugin); }
      Object.keys(c.pluginConfig).forEach(function (k) { row(dl, 'config ' + k, c.pluginConfig[k]); });
      Object.keys(c.attributes).forEach(function (k) { row(dl, k, c.attributes[k]); });
      if (c.predecessors.length) { row(dl, 'from', c.predecessors.join(', ')); }
      if (c.successors.length) { row(dl, 'to', c.successors.join(', ')); }
    }
    details.appendChild(dl);
  }

  function showLanes(snap) {
    var body = document.querySelector('#lanes tbody');
    body.textContent = '';
    snap.lanes.forEach(function (l) {
      var tr = el('tr');
      tr.id = 'lane-' + l.lane;
      tr.appendChild(el('td', l.lane, 'lane-' + l.lane));
      tr.appendChild(el('td', rate(l.deliveredRate)));
      tr.appendChild(el('td', l.depth));
      tr.appendChild(el('td', nanos(l.waitP99Nanos)));
      tr.appendChild(el('td', nanos(l.waitMaxNanos)));
      tr.appendChild(el('td', l.dropped, l.dropped > 0 ? 'bad' : ''));
      tr.appendChild(el('td', l.conflated));
      tr.appendChild(el('td', l.rejected, l.rejected > 0 ? 'bad' : ''));
      body.appendChild(tr);
    });
    var t = snap.totals;
    document.getElementById('totals').textContent = 'dropped ' + t.dropped + ' · conflated ' + t.conflated
      + ' · rejected ' + t.rejected + ' · handler errors ' + t.handlerErrors + ' · dead letters ' + t.deadLetters
      + ' · workers ' + t.workers;
  }

  function showAlerts(snap) {
    var list = document.getElementById('alerts');
    list.textContent = '';
    if (!snap.alerts.length) { list.appendChild(el('li', 'none', 'none')); }
    snap.alerts.forEach(function (a) {
      list.appendChild(el('li', a.severity + ' ' + a.message, a.severity));
    });
  }

  function show(snap) {
    last = snap;
    snap.nodes.forEach(function (n) {
      var t = document.getElementById('rate-' + n.id);
      if (t) { t.textContent = n.metered ? rate(n.inRate) + ' msg/s' : eventText(n.events); }
    });
    showLanes(snap);
    showAlerts(snap);
    document.getElementById('clock').textContent = 'up ' + snap.uptimeSeconds.toFixed(1) + 's · snapshot ' + snap.sequence;
    showDetails();
  }

  function select(g) {
    svg.querySelectorAll('.node.selected').forEach(function (s) { s.classList.remove('selected'); });
    g.classList.add('selected');
    selected = g.getAttribute('data-name');
    showDetails();
  }
  svg.querySelectorAll('.node').forEach(function (g) {
    g.addEventListener('click', function () {
      select(g);
      history.replaceState(null, '', '#node=' + encodeURIComponent(selected));
    });
  });
  // a link to the page can name the node to show: #node=<name>
  if (location.hash.indexOf('#node=') === 0) {
    var name = decodeURIComponent(location.hash.substring(6));
    svg.querySelectorAll('.node').forEach(function (g) {
      if (g.getAttribute('data-name') === name) { select(g); }
    });
  }

  fetch('api/topology').then(function (r) { return r.json(); }).then(function (t) {
    t.nodes.forEach(function (n) { config[n.name] = n; });
    showDetails();
  });

  // a failing script would leave the numbers frozen while the badge says live: say so instead
  window.addEventListener('error', function (e) {
    status.textContent = 'page error: ' + e.message;
    status.className = 'status lost';
  });
  var stream = new EventSource('events');
  stream.addEventListener('snapshot', function (e) {
    show(JSON.parse(e.data));
    status.textContent = 'live';
    status.className = 'status live';
  });
  stream.onerror = function () { status.textContent = 'reconnecting…'; status.className = 'status lost'; };
})();
