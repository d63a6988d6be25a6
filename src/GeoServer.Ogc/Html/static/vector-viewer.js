// The vector tile viewer (/tiles?mode=vector): MapLibre GL draws a tileset's vector tiles with the style GeoSDI
// generates from the layers' styles. Once the map is idle it records the features drawn (data-features) and any
// errors (data-errors) on the map element, for the browser test.
(function () {
  'use strict';
  var root = document.getElementById('map');
  var errors = 0;
  var map = new maplibregl.Map({ container: 'map', style: root.dataset.style, center: [108, 16], zoom: 4.5 });
  map.on('error', function (e) { errors++; root.dataset.errors = String(errors); root.dataset.error = String(e.error && e.error.message); });
  map.once('idle', function () {
    root.dataset.features = String(map.queryRenderedFeatures().length);
    root.dataset.layers = String(new Set(map.queryRenderedFeatures().map(function (f) { return f.sourceLayer; })).size);
    root.dataset.errors = String(errors);
    root.dataset.rendered = 'true';
  });
})();
