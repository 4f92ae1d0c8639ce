"""Cuts the small MNIST and Fashion-MNIST fixtures the tests read from the real sets. Run from the repository root:

    python3 tests/Rosenblatt.Tests/Fixtures/data/make_fixtures.py ../shared/data

It keeps the first 300 images and labels of each file (train and t10k, both sets), in the official IDX layout,
gzip-compressed with no file name and time 0 so the output is the same every run. See README.md beside it.
"""
import gzip
import os
import struct
import sys

COUNT = 300
source = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
here = os.path.dirname(os.path.abspath(__file__))

for dataset in ("mnist", "fashion-mnist"):
    os.makedirs(os.path.join(here, dataset), exist_ok=True)
    for part in ("train", "t10k"):
        for kind, magic, item in (("images", 0x803, 28 * 28), ("labels", 0x801, 1)):
            name = f"{part}-{kind}-idx{3 if kind == 'images' else 1}-ubyte.gz"
            with gzip.open(os.path.join(source, dataset, name), "rb") as f:
                data = f.read()
            (found,) = struct.unpack(">I", data[:4])
            assert found == magic, (name, hex(found))
            header = 16 if kind == "images" else 8
            dims = list(struct.unpack(">" + "I" * ((header - 4) // 4), data[4:header]))
            dims[0] = COUNT
            body = data[header:header + COUNT * item]
            out = struct.pack(">I", magic) + struct.pack(">" + "I" * len(dims), *dims) + body
            with open(os.path.join(here, dataset, name), "wb") as raw:
                with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as g:
                    g.write(out)
print(f"wrote the first {COUNT} images of each file of mnist and fashion-mnist")
