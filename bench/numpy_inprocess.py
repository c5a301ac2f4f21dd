"""numpy timings inside one python3 process (time.perf_counter), for `npm run bench`.

argv[1] is JSON: {"op": "create"|"load"|"header", "path": ..., "dtype": "<f8", "shape": [..], "runs": N, "warmup": W}
Prints JSON: {"samples_ms": [...], "allocated": st_blocks*512 after the last run, "numpy": version}.
With "paths": [a, b, ...] instead of "path" (load/header only), the files are timed round-robin and the answer is
{"samples_by_path": {a: [...], b: [...]}, "numpy": version}.
Removing the previous file before a create is not timed.
"""
import json
import os
import sys
import time

import numpy as np
from numpy.lib import format as fmt


def main():
    cfg = json.loads(sys.argv[1])
    op = cfg["op"]
    paths = cfg.get("paths") or [cfg["path"]]
    runs, warmup = int(cfg["runs"]), int(cfg.get("warmup", 1))
    shape = tuple(int(d) for d in cfg.get("shape", []))
    dtype = cfg.get("dtype", "<f8")

    def create(path):
        m = fmt.open_memmap(path, mode="w+", dtype=dtype, shape=shape)
        del m  # unmaps; open_memmap has already closed its file

    def load(path):
        a = np.load(path, mmap_mode="r")
        del a

    def header(path):
        # The header alone, as inspect does: numpy's own reader, no mmap.
        with open(path, "rb") as f:
            major, _ = fmt.read_magic(f)
            read = fmt.read_array_header_1_0 if major == 1 else fmt.read_array_header_2_0
            read(f)

    action = {"create": create, "load": load, "header": header}[op]
    samples = {p: [] for p in paths}
    for i in range(warmup + runs):
        for path in paths:
            if op == "create" and os.path.exists(path):
                os.remove(path)
            t = time.perf_counter()
            action(path)
            dt = (time.perf_counter() - t) * 1e3
            if i >= warmup:
                samples[path].append(dt)
    if "paths" in cfg:
        print(json.dumps({"samples_by_path": samples, "numpy": np.__version__}))
        return
    st = os.stat(paths[0])
    print(json.dumps({"samples_ms": samples[paths[0]], "allocated": st.st_blocks * 512, "size": st.st_size, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
