#!/bin/sh
# Packs every package from this checkout and installs the rosenblatt tool from them into a temporary folder, the way a
# stranger would (no source but the packages just made), then runs `rosenblatt --version` and `rosenblatt demo`.
# Prints each package's size and the installed tool's size. Works on a fresh clone: nothing beside it is needed.
#
# usage: scripts/pack-and-install.sh [work-dir]     (default: a new temporary folder, removed at the end)
set -e
cd "$(dirname "$0")/.."
WORK=${1:-$(mktemp -d)}
[ -n "$1" ] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/packages"

echo "== dotnet pack -c Release -o $WORK/packages"
dotnet pack -c Release -o "$WORK/packages" -v q -nologo
for id in Rosenblatt Rosenblatt.Onnx Rosenblatt.Cli; do
  ls "$WORK/packages/$id".[0-9]*.nupkg >/dev/null 2>&1 || { echo "missing package $id" >&2; exit 1; }
done
ls -l "$WORK/packages" | awk 'NR > 1 { printf "%12d bytes  %s\n", $5, $9 }'

# Only the folder of packages as a source: the install must not need anything else.
cat > "$WORK/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$WORK/packages" />
  </packageSources>
</configuration>
XML
echo "== dotnet tool install Rosenblatt.Cli --tool-path $WORK/tool"
dotnet tool install Rosenblatt.Cli --tool-path "$WORK/tool" --configfile "$WORK/nuget.config"
echo "installed size: $(du -sk "$WORK/tool" | cut -f1) KB"

echo "== rosenblatt --version"
"$WORK/tool/rosenblatt" --version
echo "== rosenblatt demo"
"$WORK/tool/rosenblatt" demo --out-dir "$WORK/demo"
ls "$WORK/demo"/*.png >/dev/null
echo "pack-and-install: the packages install and the tool runs"
