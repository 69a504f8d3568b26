#!/usr/bin/env bash
# Set up, then run the main job on the offline default: a recommendation report for the seeds'
# fake-news classifier, as Markdown, HTML and JSON under out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# shellcheck disable=SC1091
. .venv/bin/activate
mkdir -p out
for fmt in md html json; do
  whichmodel recommend --requirements examples/fake-news.yaml --format "$fmt" --out "out/fake-news.$fmt"
done
# Probe: the seeds' advice is to test on your own examples. Offline, the built-in fake-news sample set runs
# against the real local model (SmolLM2-135M on a loopback server); the figures go into a second report.
whichmodel probe --sample fake-news-en --models local:smollm2-135m --out out/probe-fake-news.json
for fmt in md html json; do
  whichmodel recommend --requirements examples/fake-news.yaml --probe-results out/probe-fake-news.json \
    --format "$fmt" --out "out/fake-news-probed.$fmt"
done
# The knowledge-base index the chat uses for side questions (about a minute the first time).
whichmodel index
echo
sed -n '1,40p' out/fake-news.md
echo
echo "Reports written: out/fake-news.{md,html,json}; with the probe figures: out/fake-news-probed.{md,html,json}"
echo "Chat in the browser: .venv/bin/whichmodel serve   (then open http://127.0.0.1:8000)"
