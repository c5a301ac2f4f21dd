"""numpy timings inside one python3 process (time.perf_counter), for `npm run bench`.

argv[1] is JSON: {"op": "create"|"load"|"header", "path": ..., "dtype": "<f8", "shape": [..], "runs": N, "warmup": W}
Prints JSON: {"samples_ms": [...], "allocated": st_blocks*512 after the last run, "numpy": version}.
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
    op, path = cfg["op"], cfg["path"]
    runs, warmup = int(cfg["runs"]), int(cfg.get("warmup", 1))
    shape = tuple(int(d) for d in cfg.get("shape", []))
    dtype = cfg.get("dtype", "<f8")

    def create():
        m = fmt.open_memmap(path, mode="w+", dtype=dtype, shape=shape)
        del m  # unmaps; open_memmap has already closed its file

    def load():
        a = np.load(path, mmap_mode="r")
        del a

    def header():
        # The header alone, as inspect does: numpy's own reader, no mmap.
        with open(path, "rb") as f:
            major, _ = fmt.read_magic(f)
            read = fmt.read_array_header_1_0 if major == 1 else fmt.read_array_header_2_0
            read(f)

    action = {"create": create, "load": load, "header": header}[op]
    samples = []
    for i in range(warmup + runs):
        if op == "create" and os.path.exists(path):
            os.remove(path)
        t = time.perf_counter()
        action()
        dt = (time.perf_counter() - t) * 1e3
        if i >= warmup:
            samples.append(dt)
    st = os.stat(path)
    print(json.dumps({"samples_ms": samples, "allocated": st.st_blocks * 512, "size": st.st_size, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
