// The live preview of the staged level, with the rule the engine's `staged` model follows
// (docs/scoring.md). Not-applicable criteria are left out; a tier is used by an area when the area
// has an applicable criterion of that tier. Walking the tiers from the lowest: at a used tier whose
// applicable criteria are all met the level becomes that tier's number, at a used tier with one not
// met the walk stops, and an unused tier is passed through without changing the level (so a tier
// is never reached on its own). An area with no applicable criterion is not applicable (null); a
// domain's level is the lowest of its applicable areas', the overall level the lowest of the
// applicable domains'. The browser tests check this against `routemap score --model staged`.

function areaLevel(area, statusOf) {
  var level = 0, used = false, stopped = false;
  for (var t = 0; t < FW.tiers.length; t++) {
    var applicable = area.criteria.filter(function (c) {
      return c.tier === t && statusOf(c.id) !== "not_applicable";
    });
    if (applicable.length === 0) continue;
    used = true;
    if (stopped) continue;
    if (applicable.every(function (c) { return statusOf(c.id) === "met"; })) level = t + 1;
    else stopped = true;
  }
  return used ? level : null;
}

function lowest(levels) {
  var applicable = levels.filter(function (l) { return l !== null; });
  return applicable.length ? Math.min.apply(null, applicable) : null;
}

// { areas: {area id: level}, domains: {domain id: level}, overall: level }; null = not applicable.
function previewLevels(statusOf) {
  var out = { areas: {}, domains: {}, overall: null };
  var domainLevels = FW.domains.map(function (domain) {
    var levels = domain.areas.map(function (area) {
      return (out.areas[area.id] = areaLevel(area, statusOf));
    });
    return (out.domains[domain.id] = lowest(levels));
  });
  out.overall = lowest(domainLevels);
  return out;
}

function levelName(level) {
  if (level === null) return "Not applicable";
  return level === 0 ? "Not yet" : FW.tiers[level - 1].name;
}
