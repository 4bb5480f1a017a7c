#!/usr/bin/env bash
# Vendor the precompiled GOV.UK Frontend (CSS, JS, fonts, images) into the frontend app.
#
# The version is the one govuk-frontend-django 0.22.0 and govuk-frontend-jinja 4.0.0 are
# built against (their compatibility tables name GOV.UK Frontend v6.0.0). Nothing runs npm
# at run time: the copied files are committed. Re-run this after changing the version.
#
#   scripts/vendor_govuk_frontend.sh [version]     # needs npm and network access to the registry
set -euo pipefail

VERSION="${1:-6.0.0}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/lineofsight/frontend/static/govuk"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "govuk-frontend@$VERSION" >/dev/null && tar -xzf "govuk-frontend-$VERSION.tgz")
DIST="$WORK/package/dist/govuk"
test -f "$DIST/govuk-frontend.min.css" || { echo "no dist/govuk in govuk-frontend@$VERSION" >&2; exit 1; }

rm -rf "$DEST"
mkdir -p "$DEST"
cp "$DIST/govuk-frontend.min.js" "$DIST/govuk-frontend.min.js.map" "$DEST/"
cp "$DIST/govuk-frontend.min.css.map" "$DEST/"
cp -R "$DIST/assets" "$DEST/assets"
find "$DEST" -type f -exec chmod 0644 {} +

# The precompiled CSS points at /assets/ on the site root. Make those URLs relative to the
# stylesheet, so they resolve under STATIC_URL (and ManifestStaticFilesStorage can hash them).
sed 's#url(/assets/#url(assets/#g' "$DIST/govuk-frontend.min.css" >"$DEST/govuk-frontend.min.css"
if grep -q 'url(/' "$DEST/govuk-frontend.min.css"; then
  echo "an absolute url( remains in govuk-frontend.min.css; update this script" >&2
  exit 1
fi

cat >"$DEST/VERSION.txt" <<NOTE
GOV.UK Frontend $VERSION (npm: govuk-frontend@$VERSION, dist/govuk/), vendored by
scripts/vendor_govuk_frontend.sh. Code: MIT licence, (c) Crown copyright.
Changed from upstream: url(/assets/...) made relative (url(assets/...)) in govuk-frontend.min.css.
The GDS Transport font and the GOV.UK crest are for services on GOV.UK only. Line of Sight
shows no crown or crest; a council running it outside GOV.UK should also replace the font.
NOTE

echo "vendored govuk-frontend $VERSION into ${DEST#"$ROOT"/}"
