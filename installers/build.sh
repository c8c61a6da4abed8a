#!/usr/bin/env bash
# Builds the workbench's native application image and .deb with jpackage (JDK 17), from the app module's jar and
# libraries (run `mvn -B -Pinstaller -DskipTests package` from the project root, which builds them first and then
# runs this). Output: installers/target/igw (the application image) and installers/target/igw_<version>_amd64.deb.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
version="${1:-0.1.0}"
version="${version%%-*}"          # jpackage wants numbers only: 0.1.0-SNAPSHOT packages as 0.1.0
out="$here/target"
input="$out/input"

if ! command -v jpackage >/dev/null; then
  echo "installers: jpackage (part of JDK 14 and later) is needed; install a full JDK 17." >&2
  exit 1
fi
if [ ! -f "$root/app/target/igw.jar" ]; then
  echo "installers: build the app first (mvn -B -Pinstaller -DskipTests package from the project root)." >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$input"
cp "$root/app/target/igw.jar" "$input/"
cp -r "$root/app/target/lib" "$input/lib"
# The text model's runtimes ship natives for every platform (ONNX Runtime's Windows debug symbols alone are 300 MB
# unpacked); a Linux x86-64 package keeps only its own.
if command -v zip >/dev/null; then
  for jar in "$input"/lib/onnxruntime-*.jar; do
    [ -f "$jar" ] && zip -q -d "$jar" 'ai/onnxruntime/native/osx-*' 'ai/onnxruntime/native/win-*' 'ai/onnxruntime/native/linux-aarch64/*' || true
  done
  for jar in "$input"/lib/tokenizers-*.jar; do
    [ -f "$jar" ] && zip -q -d "$jar" 'native/lib/win-*' 'native/lib/osx-*' 'native/lib/linux-aarch64/*' || true
  done
else
  echo "installers: zip not found; the package keeps the text model's natives for every platform" >&2
fi
cp -r "$root/sample-data" "$input/sample-data"
cp "$here/linux/igw-workbench.desktop" "$input/"

# JavaFX goes on the module path, as ./igw puts it; everything else stays on the jar's class path
fx="$(cd "$input" && ls lib/javafx-*-linux.jar | sed 's|^|$APPDIR/|' | paste -sd: -)"
common=(--name igw --app-version "$version" --vendor "Interest Graph Workbench"
        --description "Interest Graph Workbench: user interest graphs from e-commerce behaviour logs"
        --input "$input" --main-jar igw.jar --main-class io.igw.app.Launcher
        --java-options "-XX:MaxRAMPercentage=50" --java-options "--module-path=$fx"
        --java-options "--add-modules=javafx.controls,javafx.swing"
        --java-options "-Digw.sampleData=\$APPDIR/sample-data"
        --dest "$out")

echo "installers: application image..." >&2
jpackage --type app-image "${common[@]}"
echo "installers: .deb (needs dpkg-deb and fakeroot)..." >&2
# no --linux-shortcut: it makes the package depend on xdg-utils and fail to configure where there is no desktop
# menu; linux/postinst adds the menu entry itself where it can
jpackage --type deb "${common[@]}" --resource-dir "$here/linux" --linux-app-category misc \
  --linux-deb-maintainer "igw@localhost"
rm -rf "$input"
du -sh "$out/igw" "$out"/*.deb >&2
