#!/bin/sh
# Packs every package from this checkout and installs the rosenblatt tool from them into a temporary folder, the way a
# stranger would (no source but the packages just made), checks that the installed assemblies are ReadyToRun
# (scripts/check-readytorun.cs), then runs `rosenblatt --version` and `rosenblatt demo`. If the portable "any" package
# was packed, it also runs that one's `--version` through `dotnet`. Prints each package's size and the installed size.
# Works on a fresh clone: nothing beside it is needed.
#
# usage: scripts/pack-and-install.sh [--rids "linux-x64;any"] [work-dir]
#   --rids   the tool's platforms to pack (default: all in Rosenblatt.Cli.csproj: five ReadyToRun packages and "any",
#            about 6 minutes on 2 cores); this machine's platform must be among them.
#   work-dir default: a new temporary folder, removed at the end
set -e
cd "$(dirname "$0")/.."
RIDS=""
if [ "$1" = "--rids" ]; then RIDS=$2; shift 2; fi
WORK=${1:-$(mktemp -d)}
[ -n "$1" ] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/packages"
HOST_RID=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')

echo "== dotnet pack -c Release -o $WORK/packages ${RIDS:+-p:ToolPackageRuntimeIdentifiers=\"$RIDS\"}   (host $HOST_RID)"
if [ -n "$RIDS" ]; then
  dotnet pack -c Release -o "$WORK/packages" -v q -nologo -p:ToolPackageRuntimeIdentifiers=\""$RIDS"\"
else
  dotnet pack -c Release -o "$WORK/packages" -v q -nologo
fi
for id in Rosenblatt Rosenblatt.Onnx Rosenblatt.Cli "Rosenblatt.Cli.$HOST_RID"; do
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

echo "== ReadyToRun check of the installed tool"
INSTALLED=$(dirname "$(find "$WORK/tool/.store" -name Rosenblatt.Cli.dll | head -n 1)")
case "$INSTALLED" in */$HOST_RID) ;; *) echo "installed from $INSTALLED, not the $HOST_RID package" >&2; exit 1 ;; esac
dotnet run scripts/check-readytorun.cs -- "$INSTALLED" Rosenblatt.dll Rosenblatt.Cli.dll | tail -n 1

echo "== rosenblatt --version"
"$WORK/tool/rosenblatt" --version
echo "== rosenblatt demo"
"$WORK/tool/rosenblatt" demo --out-dir "$WORK/demo"
ls "$WORK/demo"/*.png >/dev/null

ANY=$(ls "$WORK/packages"/Rosenblatt.Cli.any.[0-9]*.nupkg 2>/dev/null || true)
if [ -n "$ANY" ]; then
  echo "== the portable package ($(basename "$ANY")): dotnet Rosenblatt.Cli.dll --version"
  mkdir -p "$WORK/any" && (cd "$WORK/any" && unzip -q "$ANY")
  dotnet "$(find "$WORK/any" -name Rosenblatt.Cli.dll | head -n 1)" --version
fi
echo "pack-and-install: the packages install, the installed tool is ReadyToRun, and it runs"
