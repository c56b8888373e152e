#!/bin/sh
# Stand-in for `mvn` in the build suite's maven image: Maven Central is not reachable from these
# machines, so the real Maven cannot fetch its plugins. `package` does what the jar plugin would for
# a dependency-free project: javac src/main/java into target/classes and jar them as
# target/<artifactId>-<version>.jar with the pom's mainClass. Other goals (dependency:go-offline)
# have nothing to fetch and do nothing.
set -eu
goal=
for arg in "$@"; do
  case "$arg" in -*) ;; *) goal=$arg ;; esac
done
[ "$goal" = package ] || { echo "mvn stand-in: nothing to do for ${goal:-no goal}"; exit 0; }
field() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
artifact=$(field artifactId)
version=$(field version)
main=$(field mainClass)
mkdir -p target/classes
find src/main/java -name '*.java' >target/sources.txt
javac -d target/classes @target/sources.txt
jar --create --file "target/$artifact-$version.jar" ${main:+--main-class "$main"} -C target/classes .
echo "mvn stand-in: built target/$artifact-$version.jar"
