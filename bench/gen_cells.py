"""Writes every cell of a plan (from `xyz plan --json`) as ended, with S steps each, into
RESULTS/cells as xyz would, with a CSV copy of each cell's observations for the pandas peer.
Usage: gen_cells.py RESULTS PLAN_JSON S"""
import json, os, sys

results, plan_file, steps = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(plan_file) as f:
    plan = json.load(f)["cells"]
cells = os.path.join(results, "cells")
os.makedirs(cells, exist_ok=True)
status = {"state": "done", "exit_code": 0, "signal": None, "attempt": 1,
          "started": "2026-12-03T19:10:00.000Z", "ended": "2026-12-03T19:10:01.000Z",
          "seconds": 1.0, "host": "bench", "error": None}
for k, cell in enumerate(plan):
    cid = cell["id"]
    d = os.path.join(cells, cid)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "params.json"), "w") as f:
        json.dump({"cell_id": cid, "index": cell["index"], "params": cell["params"]}, f)
    with open(os.path.join(d, "status.json"), "w") as f:
        json.dump(dict(status, cell_id=cid), f)
    base = 0.5 + (k % 97) / 200.0
    lines, rows = [], ["step,v"]
    for s in range(1, steps + 1):
        v = round(base * (1 - 0.9 ** s), 6)
        lines.append('{"step": %d, "v": %r}' % (s, v))
        rows.append("%d,%r" % (s, v))
    with open(os.path.join(d, "observations.jsonl"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, "observations.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")
