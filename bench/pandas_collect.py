"""The pandas peer of `xyz collect`: read every cell's CSV, concatenate, write one CSV (and one
Parquet file when an engine is installed). Usage: pandas_collect.py RESULTS OUT"""
import glob, os, sys
import pandas as pd

results, out = sys.argv[1], sys.argv[2]
frames = []
for path in sorted(glob.glob(os.path.join(results, "cells", "*", "observations.csv"))):
    df = pd.read_csv(path)
    df.insert(0, "cell_id", os.path.basename(os.path.dirname(path)))
    frames.append(df)
data = pd.concat(frames, ignore_index=True)
data.to_csv(os.path.join(out, "observations.csv"), index=False)
try:
    data.to_parquet(os.path.join(out, "observations.parquet"))
    print("parquet: written")
except ImportError:
    print("parquet: none, no engine installed (pyarrow or fastparquet)")
