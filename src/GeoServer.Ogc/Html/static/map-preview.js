// Draws the GeoJSON named by #map's data-geojson on a Leaflet map and fits the view to it.
// No base map is loaded from third parties: the page must work on a closed network.
(function () {
  const el = document.getElementById('map');
  const script = document.currentScript;
  const map = L.map(el, { attributionControl: true });
  map.attributionControl.setPrefix('GeoSDI · Leaflet');
  const attribution = script && script.dataset.attribution;
  if (attribution) map.attributionControl.addAttribution(attribution);
  const esc = v => String(v ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  const style = { color: '#0b5d7a', weight: 1.5, fillOpacity: 0.25 };
  fetch(el.dataset.geojson, { headers: { Accept: 'application/geo+json' } })
    .then(r => r.json())
    .then(data => {
      const layer = L.geoJSON(data, {
        style: () => style,
        pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 5, ...style, fillOpacity: 0.8 }),
        onEachFeature: (f, l) => l.bindPopup('<b>' + esc(f.id) + '</b><br>' +
          Object.entries(f.properties || {}).map(([k, v]) => esc(k) + ': ' + esc(v)).join('<br>'))
      }).addTo(map);
      const bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { maxZoom: 16 }); else map.setView([16, 106], 5);
      el.dataset.features = String(data.type === 'Feature' ? 1 : (data.features || []).length);
      el.dataset.ready = 'true';
    })
    .catch(() => { el.dataset.ready = 'error'; });
})();
