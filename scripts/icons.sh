#!/usr/bin/env bash
# Exports resources/icons/icon.svg (drawn once, by hand) to the files each system's installer
# wants, and is how every generated icon in resources/icons was made:
#   png/NxN.png  Linux (AppImage, .deb) and the window icon, 16 to 1024 pixels
#   icon.icns    macOS (.dmg, the app bundle)
#   icon.ico     Windows (NSIS installer, the .exe), 16 to 256 pixels
# Needs rsvg-convert, png2icns and ImageMagick's convert (Debian: apt-get install librsvg2-bin
# icnsutils imagemagick). Run it again after changing the SVG, and commit what it writes.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" icon.svg --output "png/${size}x${size}.png"
done
png2icns icon.icns png/16x16.png png/32x32.png png/48x48.png png/128x128.png png/256x256.png \
  png/512x512.png png/1024x1024.png >/dev/null
convert png/16x16.png png/24x24.png png/32x32.png png/48x48.png png/64x64.png png/128x128.png \
  png/256x256.png icon.ico
