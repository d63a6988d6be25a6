// The tile viewer (/tiles): shows the chosen tilesets with OpenLayers, as XYZ tiles (through their TileJSON) or as
// WMTS layers (through the capabilities document and its RESTful ResourceURL templates), and counts the tiles
// loaded and failed on the map element (data-tiles-loaded, data-tile-errors, data-rendered once all are drawn) so a
// browser test can check them.
(function () {
  'use strict';
  var root = document.getElementById('map');
  var ids = JSON.parse(root.dataset.tilesets);
  var loaded = 0, errors = 0;
  function update() {
    root.dataset.tilesLoaded = String(loaded);
    root.dataset.tileErrors = String(errors);
  }
  function track(source) {
    source.on('tileloadend', function () { loaded++; update(); });
    source.on('tileloaderror', function () { errors++; update(); });
    return source;
  }
  var map = new ol.Map({
    target: 'map',
    view: new ol.View({ center: ol.proj.fromLonLat([108, 16]), zoom: 5 }),
  });
  function add(source) { map.addLayer(new ol.layer.Tile({ source: track(source) })); }
  function done() {
    // OpenLayers fires rendercomplete once every tile in view has loaded and been drawn; listened to only now,
    // after the layers are added, since an empty map is "complete" at once.
    map.once('rendercomplete', function () { root.dataset.rendered = 'true'; update(); });
    map.render();
    root.dataset.ready = 'true';
    update();
  }
  function failed(e) { root.dataset.ready = 'error'; root.dataset.error = String(e); }

  if (root.dataset.mode === 'wmts') {
    fetch(root.dataset.capabilities).then(function (r) { return r.text(); }).then(function (text) {
      var capabilities = new ol.format.WMTSCapabilities().read(text);
      ids.forEach(function (id) {
        add(new ol.source.WMTS(ol.source.WMTS.optionsFromCapabilities(capabilities, { layer: id, matrixSet: 'WebMercatorQuad' })));
      });
      done();
    }).catch(failed);
  } else {
    Promise.all(ids.map(function (id) {
      return fetch(root.dataset.tiles + encodeURIComponent(id) + '.json').then(function (r) { return r.json(); });
    })).then(function (tilejsons) {
      tilejsons.forEach(function (tj) { add(new ol.source.XYZ({ url: tj.tiles[0], attributions: tj.attribution })); });
      done();
    }).catch(failed);
  }
})();
