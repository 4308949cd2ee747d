#!/usr/bin/env python3
"""Writes the fuzz seed corpora under tests/fuzz/corpus/ from the files in
corpus/ (see corpus/SOURCES.md for their origin). Run from the repository
root after `make`; the output is committed, so this only documents how the
seeds were made and remakes them when corpus/ changes.

  python3 tests/fuzz/make_seeds.py

Seeds are kept small (the whole tree well under 2 MB): a fuzzer mutates
small inputs faster, and a few entries of each format reach the same code
as many.
"""
import base64
import glob
import gzip
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

OUT = "tests/fuzz/corpus"
CTSCAN = os.environ.get("CTSCAN", "./ctscan")


def put(folder, name, data):
    os.makedirs(os.path.join(OUT, folder), exist_ok=True)
    with open(os.path.join(OUT, folder, name), "wb") as f:
        f.write(data)


def pem_der(path):
    text = open(path, "rb").read().decode("latin-1")
    m = re.search(r"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----",
                  text, re.S)
    return base64.b64decode("".join(m.group(1).split())) if m else None


def tileleaves(data, count):
    """The first count TileLeaf records of a data tile (C2SP static-ct-api)."""
    out, p = [], 0
    for _ in range(count):
        start = p
        p += 8
        (etype,) = struct.unpack(">H", data[p:p + 2])
        p += 2
        if etype == 1:
            p += 32
        n = int.from_bytes(data[p:p + 3], "big")
        p += 3 + n
        (n,) = struct.unpack(">H", data[p:p + 2])
        p += 2 + n
        if etype == 1:
            n = int.from_bytes(data[p:p + 3], "big")
            p += 3 + n
        (n,) = struct.unpack(">H", data[p:p + 2])
        p += 2 + n
        out.append(data[start:p])
    return out


def zstd(data):
    return subprocess.run(["zstd", "-q", "-c", "-3"], input=data,
                          capture_output=True, check=True).stdout


def seeds_certs():
    # Every sixth zlint certificate: about 180 certificates covering most
    # extensions, name forms and key types the sieve and the lints read.
    for path in sorted(glob.glob("corpus/zlint/*.pem"))[::6]:
        der = pem_der(path)
        if der:
            put("certs", os.path.basename(path)[:-4] + ".der", der)


def seeds_container():
    tile = open("corpus/navigli2025h2/tile/data/000", "rb").read()
    leaves = tileleaves(tile, 3)
    put("container", "tile-3-leaves", b"".join(leaves))
    put("container", "tile-1-leaf.gz", gzip.compress(leaves[0], mtime=0))
    put("container", "tile-2-leaves.zst", zstd(b"".join(leaves[:2])))
    ge = json.load(open("corpus/rfc6962/get-entries-2013-pilot.json"))
    put("container", "get-entries-1.json",
        json.dumps({"entries": ge["entries"][:1]}).encode())
    put("container", "get-entries-2.jsonl",
        b"".join(json.dumps(e).encode() + b"\n" for e in ge["entries"][:2]))
    put("container", "cert.pem",
        open("corpus/zlint/RFC5280example2.pem", "rb").read())
    put("container", "cert.der", pem_der("corpus/zlint/RFC5280example2.pem"))
    for kind in ("x509", "precert"):
        leaf = open(f"corpus/rfc6962/scrape-{kind}_leaf_input.bin", "rb").read()
        extra = open(f"corpus/rfc6962/scrape-{kind}_extra_data.bin", "rb").read()
        # fuzz_container and fuzz_merkle: two bytes give the split point.
        split = struct.pack(">H", len(leaf))
        put("container", f"merkle-{kind}", split + leaf + extra)
        put("merkle", f"merkle-{kind}", split + leaf + extra)
    put("merkle", "tileleaf-x509-like", struct.pack(">H", 0) + leaves[0])
    put("stream", "raw", leaves[0][:600])
    put("stream", "gzip", gzip.compress(leaves[0], mtime=0))
    put("stream", "gzip-2-members", gzip.compress(b"ab" * 64, mtime=0) +
        gzip.compress(b"cd" * 64, mtime=0))
    put("stream", "zstd", zstd(leaves[0]))
    put("stream", "zstd-skippable", struct.pack("<II", 0x184D2A50, 4) +
        b"skip" + zstd(b"x" * 1000))


def seeds_config():
    put("config", "lints.yaml",
        b"lints:\n  disable: [e_sub_cert_aia_missing]\n  severity:\n"
        b"    w_rsa_mod_not_odd: info\n")
    put("config", "enable.yaml",
        b"lints:\n  enable: [e_dnsname_not_valid_tld, w_rsa_mod_not_odd]\n")
    put("config", "owners.yaml",
        b"owners:\n  - name: Hash Owner\n    issuer_key_hash: "
        b"046c797842c7c58b1dbd6db8911171a60fc6c9baf6165b49835b48266d953670\n"
        b"  - name: Key Owner\n    key_id: a17406c1ad95\n"
        b"  - name: DN Owner\n    issuer_dn: \"C=US, O=Example, CN=Example CA\"\n")
    # fuzz_config: what follows the first NUL is the CCADB CSV that
    # ccadb_csv names (written next to the YAML as ccadb.csv).
    put("config", "ccadb.yaml",
        b"ccadb_csv: ccadb.csv\n\0"
        b"\"CA Owner\",\"Certificate Name\",\"Subject Key Identifier\"\r\n"
        b"\"Example, Inc.\",\"Root \"\"X\"\"\",\"oXQaBm1Qt4YtSizBfrSNiElszRY=\"\r\n"
        b"Other,Y,00112233\r\n")
    put("config", "flow.yaml",
        b"{lints: {disable: [w_rsa_mod_not_odd]}, owners: []}\n")
    put("config", "bad.yaml", b"x: 1\na: b: c\n")


def seeds_stats_json():
    # Stats files of small scans; fuzz_stats_json puts this build's lint
    # set where the seed says @LINT_SET@, so seeds outlive new lints.
    with tempfile.TemporaryDirectory() as tmp:
        inputs = {
            "zlint-few": sorted(glob.glob("corpus/zlint/*.pem"))[::150],
            "pilot": ["corpus/rfc6962/get-entries-2013-pilot.json"],
            "one-cert": ["corpus/zlint/RFC5280example2.pem"],
        }
        for name, paths in inputs.items():
            out = os.path.join(tmp, name + ".json")
            subprocess.run([CTSCAN, "scan", "--quiet", "--json", out] +
                           paths, capture_output=True, check=True)
            doc = json.load(open(out))
            doc["lint_set"] = "@LINT_SET@"
            put("stats_json", name + ".json", json.dumps(doc).encode())


def seeds_dump():
    with tempfile.TemporaryDirectory() as tmp:
        tile = open("corpus/navigli2025h2/tile/data/000", "rb").read()
        for n, k in ((2, 1), (5, 1)):
            src = os.path.join(tmp, f"leaves-{n}")
            with open(src, "wb") as f:
                f.write(b"".join(tileleaves(tile, n)))
            out = os.path.join(tmp, "d.tiles.zst")
            subprocess.run([CTSCAN, "pack", "-K", str(k), "-o", out, src],
                           capture_output=True, check=True)
            put("dump", f"dump-{n}-entries", open(out, "rb").read())


def member(name, method):
    # A fixed date, so the seeds are the same on every run.
    info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
    info.compress_type = method
    return info


def seeds_zip():
    tile = open("corpus/navigli2025h2/tile/data/000", "rb").read()
    leaves = b"".join(tileleaves(tile, 2))
    for method, name in ((zipfile.ZIP_DEFLATED, "deflated"),
                         (zipfile.ZIP_STORED, "stored")):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", method) as z:
            z.writestr(member("tile/data/000.p/2", method), leaves)
            z.writestr(member("issuer/00", method), b"\x30\x03\x02\x01\x01")
        put("zip", name + ".zip", buf.getvalue())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED,
                         allowZip64=True) as z:
        with z.open(member("tile/data/000.p/1", zipfile.ZIP_DEFLATED), "w",
                    force_zip64=True) as f:
            f.write(tileleaves(tile, 1)[0])
    put("zip", "zip64.zip", buf.getvalue())


def main():
    if not os.path.isdir("corpus/zlint"):
        sys.exit("run from the repository root")
    for folder in ("certs", "container", "merkle", "stream", "config",
                   "stats_json", "dump", "zip"):
        shutil.rmtree(os.path.join(OUT, folder), ignore_errors=True)
    seeds_certs()
    seeds_container()
    seeds_config()
    seeds_stats_json()
    seeds_dump()
    seeds_zip()


if __name__ == "__main__":
    main()
