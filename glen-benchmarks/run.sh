#!/usr/bin/env bash
# Runs the Glen benchmark suite and prints the comparison table.
#
#   glen-benchmarks/run.sh [quick|full] [extra JMH arguments, e.g. a benchmark regex]
#   glen-benchmarks/run.sh search [vector sizes, default 100000] (vector and geo search, see README)
#
# quick: 1 fork, 1 x 0.5 s warm-up, 2 x 1 s measurement, 20k-document hot set, queries/recovery over
#        100k documents, heap per document over 100k documents (under 10 minutes on 2 cores).
# full:  1 fork, 3 x 2 s warm-up, 5 x 3 s measurement, queries/recovery/heap over 1M documents.
#
# Builds the JMH uber-jar first when it is missing or older than the sources. Results go to
# glen-benchmarks/target/results/<mode>-<timestamp>/ (jmh.json, heap-*.json, jmh.log, table.md).
# Data directories live under glen-benchmarks/target/bench-data and are removed at the end.
set -euo pipefail

MODE="${1:-quick}"
shift || true
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
JAR="$HERE/target/glen-benchmarks.jar"

case "$MODE" in
  search)
    ;;
  quick)
    JMH_OPTS=(-f 1 -wi 1 -w 500ms -i 2 -r 1s -p keys=20000 -p docs=100000)
    HEAP_DOCS=100000
    ;;
  full)
    JMH_OPTS=(-f 1 -wi 3 -w 2s -i 5 -r 3s -p docs=1000000)
    HEAP_DOCS=1000000
    ;;
  *)
    echo "usage: $0 [quick|full] [JMH arguments...] | $0 search [vector sizes...]" >&2
    exit 2
    ;;
esac

if [ ! -f "$JAR" ] || [ -n "$(find "$HERE/src" "$HERE/pom.xml" "$ROOT/glen-engine/src/main" "$ROOT/glen-engine/pom.xml" \
      "$ROOT/glen-spring-data/src/main" "$ROOT/glen-spring-data/pom.xml" -newer "$JAR" -print -quit)" ]; then
  echo "Building $JAR ..."
  (cd "$ROOT" && ./mvnw -q -B -pl glen-benchmarks -am package -DskipTests)
fi

OUT="$HERE/target/results/$MODE-$(date +%Y%m%d-%H%M%S)"
DATA="$HERE/target/bench-data"
mkdir -p "$OUT"
rm -rf "$DATA"
trap 'rm -rf "$DATA"' EXIT

# Chronicle Map generates and compiles classes at run time and reaches into JDK internals: it needs
# a JDK (not a JRE) and these flags on Java 17. Forked benchmark JVMs inherit the host's flags.
JVM_FLAGS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
  --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
  --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  --add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED
  -Dchronicle.analytics.disable=true
  -Dglen.bench.dir="$DATA"
  -Xms2g -Xmx6g
)

if [ "$MODE" = search ]; then
  # Search benchmarks (issue 17): single-shot mains, one fresh JVM per measurement, not JMH (a graph
  # build takes minutes and is measured once). They run from a copy of the jar so that a build in
  # this tree during a long run cannot change the code under measurement.
  SIZES=("$@")
  [ "${#SIZES[@]}" -eq 0 ] && SIZES=(100000)
  cp "$JAR" "$OUT/bench.jar"
  echo "== $(date -u +%FT%TZ) search run on $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/machine.txt"
  java -version 2>&1 | head -1 | tee -a "$OUT/machine.txt"
  SEARCH_JVM=(-Xms1g -Xmx8g -XX:+UseG1GC -Dglen.bench.dir="$DATA")
  echo "== geo: near / within queries per second against a scan and JTS -> $OUT/geo.jsonl"
  java "${SEARCH_JVM[@]}" -cp "$OUT/bench.jar" io.glen.bench.search.GeoSearchBench points=1000000 out="$OUT/geo.jsonl"
  for n in "${SIZES[@]}"; do
    for dist in clustered uniform; do
      for peer in exact glen lucene jvector; do
        extra=""
        [ "$peer" = glen ] && [ "$dist" = clustered ] && extra="extra=persist,deletes"
        echo "== vector: $peer, $dist, $n x 384 -> $OUT/vector.jsonl"
        java "${SEARCH_JVM[@]}" -cp "$OUT/bench.jar" io.glen.bench.search.VectorSearchBench peer=$peer dist=$dist \
          n="$n" dims=384 queries=500 efs=10,20,50,100,200 out="$OUT/vector.jsonl" $extra \
          || echo "vector run $peer $dist $n failed"
      done
    done
  done
  echo "== $(date -u +%FT%TZ) done, load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
  exit 0
fi

echo "== $(date -u +%FT%TZ) $MODE run on $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/machine.txt"
java -version 2>&1 | head -1 | tee -a "$OUT/machine.txt"

echo "== setup check (every store's operations on 5,000 documents)"
java "${JVM_FLAGS[@]}" -cp "$JAR" io.glen.bench.SetupCheck 5000

echo "== JMH ($MODE) -> $OUT/jmh.json"
java "${JVM_FLAGS[@]}" -jar "$JAR" "${JMH_OPTS[@]}" -foe false -rf json -rff "$OUT/jmh.json" "$@" \
  2>&1 | tee "$OUT/jmh.log" | grep --line-buffered -E '^(# Benchmark:|# Parameters:|Iteration|Result|<failure>)|Exception' || true

if [ "$#" -eq 0 ]; then
  echo "== the original Glen's own workload (puts, gets after a reopen, getMany, txn commits; 100k one-field documents)"
  java "${JVM_FLAGS[@]}" -cp "$JAR" io.glen.bench.OriginalWorkload 100000 5 | tee "$OUT/original.txt" \
    || echo "the original workload failed"
fi

if [ "$#" -eq 0 ]; then
  echo "== heap bytes per document ($HEAP_DOCS documents, one JVM per store)"
  for store in glen glen-nocache mapdb mvstore nitrite chronicle springkv chm; do
    java "${JVM_FLAGS[@]}" -Xms6g -XX:+UseG1GC -cp "$JAR" io.glen.bench.HeapPerDoc "$store" "$HEAP_DOCS" \
      "$OUT/heap-$store.json" || echo "heap measurement of $store failed"
  done
fi

echo "== results ($MODE; see $OUT)"
java -cp "$JAR" io.glen.bench.ResultsTable "$OUT" | tee "$OUT/table.md"
