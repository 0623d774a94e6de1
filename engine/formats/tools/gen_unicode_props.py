#!/usr/bin/env python3
"""Generates engine/formats/unicode_props_data.inc: the Unicode data that idn-hostname needs.

Usage: python3 engine/formats/tools/gen_unicode_props.py [--check]
  writes engine/formats/unicode_props_data.inc; with --check, only compares and exits 1 if it differs.

Inputs: Python's unicodedata (NFKC, case folding, categories) and Perl's Unicode::UCD (binary
properties, Bidi_Class, Joining_Type, Script, ccc, Hangul_Syllable_Type). Both must be built on the
same Unicode version (Debian 12: Python 3.11 and Perl 5.36, Unicode 14.0.0); the script checks it.

What is derived, per code point:
  - the IDNA2008 derived property of RFC 5892 section 3 (PVALID / CONTEXTJ / CONTEXTO / DISALLOWED;
    unassigned code points are folded into DISALLOWED);
  - for code points that are not DISALLOWED only: General_Category=Mark, Bidi_Class (grouped as
    RFC 5893 needs it), Joining_Type, ccc=Virama, and the Scripts named by the CONTEXTO rules.
Properties of DISALLOWED code points are never looked at, so they are "don't care": this is what
keeps the table small (about 1,800 runs).

Encoding (see unicode_props.cc for the reader):
  kPalette[]  distinct property combinations, packed as uint16 (bit layout in unicode_props.h).
  kRuns[]     byte stream of runs covering U+0000..U+10FFFF in order. Each run is a header byte
              (bit 7: alternating run; bits 0..6: palette index) and its length as a little-endian
              base-128 varint. An alternating run gives its palette entry to the even offsets in the
              run and DISALLOWED to the odd ones (upper/lower case pairs in Latin, Greek, Cyrillic...).
  kCheckpoints[] for every kCheckpointEvery-th run: its first code point and its byte offset in
              kRuns, so a lookup binary-searches the checkpoints, then decodes at most that many runs.
"""
import os
import subprocess
import sys
import unicodedata

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "unicode_props_data.inc")

N = 0x110000
CHECKPOINT_EVERY = 32

PERL = r'''
use Unicode::UCD qw(prop_invmap prop_invlist);
print "V ", Unicode::UCD::UnicodeVersion(), "\n";
for my $p (qw(Default_Ignorable_Code_Point White_Space Noncharacter_Code_Point)) {
  print "L $p ", join(",", prop_invlist($p)), "\n";
}
for my $p (qw(Bidi_Class Joining_Type Script General_Category ccc Hangul_Syllable_Type)) {
  my ($l, $m) = prop_invmap($p);
  print "M $p ", join(",", map { "$l->[$_]:$m->[$_]" } 0..$#$l), "\n";
}
'''


def load_perl_properties():
    out = subprocess.run(["perl", "-e", PERL], capture_output=True, text=True, check=True).stdout
    props, version = {}, None
    for line in out.splitlines():
        kind, rest = line.split(" ", 1)
        if kind == "V":
            version = rest.strip()
            continue
        name, data = rest.split(" ", 1)
        values = [None] * N
        if kind == "L":
            bounds = [int(x) for x in data.split(",")] + [N]
            for i in range(0, len(bounds) - 1, 2):
                for c in range(bounds[i], bounds[i + 1]):
                    values[c] = True
        else:
            pairs = [(int(s.split(":", 1)[0]), s.split(":", 1)[1]) for s in data.split(",")] + [(N, None)]
            for (start, value), (end, _) in zip(pairs, pairs[1:]):
                for c in range(start, end):
                    values[c] = value
        props[name] = values
    return version, props


# RFC 5892 section 2.6 (Exceptions F).
EXCEPTIONS = {0x00DF: "P", 0x03C2: "P", 0x06FD: "P", 0x06FE: "P", 0x0F0B: "P", 0x3007: "P",
              0x00B7: "O", 0x0375: "O", 0x05F3: "O", 0x05F4: "O", 0x30FB: "O",
              0x0640: "D", 0x07FA: "D", 0x302E: "D", 0x302F: "D", 0x3031: "D", 0x3032: "D",
              0x3033: "D", 0x3034: "D", 0x3035: "D", 0x303B: "D"}
EXCEPTIONS.update({c: "O" for c in range(0x0660, 0x066A)})
EXCEPTIONS.update({c: "O" for c in range(0x06F0, 0x06FA)})


def idna_class(c, p):
    """RFC 5892 section 3: the derived property value, in its order of rules."""
    if c in EXCEPTIONS:
        return EXCEPTIONS[c]
    gc = p["General_Category"][c]
    if gc == "Cn":
        return "D"  # UNASSIGNED; never valid in a label either
    if 0x61 <= c <= 0x7A or 0x30 <= c <= 0x39 or c == 0x2D:
        return "P"  # LDH
    if c in (0x200C, 0x200D):
        return "J"  # JoinControl
    if gc == "Cs":
        return "D"
    s = chr(c)
    if unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", s).casefold()) != s:
        return "D"  # Unstable
    if p["Default_Ignorable_Code_Point"][c] or p["White_Space"][c] or p["Noncharacter_Code_Point"][c]:
        return "D"  # IgnorableProperties
    if 0x20D0 <= c <= 0x20FF or 0x1D100 <= c <= 0x1D24F:
        return "D"  # IgnorableBlocks
    if p["Hangul_Syllable_Type"][c] in ("L", "V", "T"):
        return "D"  # OldHangulJamo
    if gc in ("Ll", "Lu", "Lo", "Nd", "Lm", "Mn", "Mc"):
        return "P"  # LetterDigits
    return "D"


# Must match the enums in unicode_props.h.
IDNA = {"D": 0, "P": 1, "J": 2, "O": 3}
BIDI = {"L": 0, "R": 1, "AL": 2, "AN": 3, "EN": 4, "NSM": 5,
        "ES": 6, "CS": 6, "ET": 6, "ON": 6, "BN": 6}  # 6: allowed in both label directions; 7: other
JOINING = {"U": 0, "L": 1, "D": 2, "R": 3, "T": 4, "C": 5}
SCRIPT = {"Greek": 1, "Hebrew": 2, "Hiragana": 3, "Katakana": 3, "Han": 3}


def pack(c, p, cls):
    if cls == "D":
        return 0
    jt = p["Joining_Type"][c]
    value = IDNA[cls]
    value |= (1 if p["General_Category"][c] in ("Mn", "Mc", "Me") else 0) << 2
    value |= (1 if p["ccc"][c] == "9" else 0) << 3
    value |= BIDI.get(p["Bidi_Class"][c], 7) << 4
    value |= JOINING.get(jt if jt != "Non_Joining" else "U", 0) << 7
    value |= SCRIPT.get(p["Script"][c], 0) << 10
    return value


def build_runs(values):
    """Greedy: a plain run of equal values, or an alternating value/DISALLOWED run when longer."""
    runs, c = [], 0
    while c < N:
        v = values[c]
        plain = 1
        while c + plain < N and values[c + plain] == v:
            plain += 1
        alt = 0
        if v != 0 and plain == 1:
            while c + alt < N and values[c + alt] == (v if alt % 2 == 0 else 0):
                alt += 1
        if alt >= 3:
            runs.append((c, alt, v, True))
            c += alt
        else:
            runs.append((c, plain, v, False))
            c += plain
    return runs


def varint(n):
    out = []
    while True:
        if n < 0x80:
            out.append(n)
            return out
        out.append((n & 0x7F) | 0x80)
        n >>= 7


def main():
    version, p = load_perl_properties()
    if version != unicodedata.unidata_version:
        sys.exit(f"Unicode versions differ: Perl {version}, Python {unicodedata.unidata_version}")
    values = [pack(c, p, idna_class(c, p)) for c in range(N)]
    runs = build_runs(values)
    palette = sorted(set(r[2] for r in runs))
    assert len(palette) <= 128
    stream, checkpoints = [], []
    for i, (start, length, v, alternating) in enumerate(runs):
        if i % CHECKPOINT_EVERY == 0:
            checkpoints.append((start, len(stream)))
        stream.append(palette.index(v) | (0x80 if alternating else 0))
        stream.extend(varint(length))
    assert len(stream) < 0x10000

    # Self-check: decode everything the way unicode_props.cc does.
    c, i = 0, 0
    while i < len(stream):
        head = stream[i]
        i += 1
        length, shift = 0, 0
        while True:
            b = stream[i]
            i += 1
            length |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                break
        for k in range(length):
            expect = 0 if (head & 0x80 and k % 2) else palette[head & 0x7F]
            assert values[c + k] == expect, hex(c + k)
        c += length
    assert c == N

    lines = []
    w = lines.append
    w("// Generated by engine/formats/tools/gen_unicode_props.py from Unicode %s. Do not edit.\n" % version)
    w("// Layout: see that script and unicode_props.h. %d runs, %d palette entries.\n" % (len(runs), len(palette)))
    w("constexpr int kCheckpointEvery = %d;\n" % CHECKPOINT_EVERY)
    w("constexpr uint16_t kPalette[%d] = {\n" % len(palette))
    for k in range(0, len(palette), 12):
        w("    " + ", ".join("0x%03X" % x for x in palette[k:k + 12]) + ",\n")
    w("};\n")
    w("// (first code point of the run, byte offset of the run in kRuns)\n")
    w("constexpr Checkpoint kCheckpoints[%d] = {\n" % len(checkpoints))
    for k in range(0, len(checkpoints), 6):
        w("    " + " ".join("{0x%05X, %d}," % cp for cp in checkpoints[k:k + 6]) + "\n")
    w("};\n")
    w("constexpr uint8_t kRuns[%d] = {\n" % len(stream))
    for k in range(0, len(stream), 20):
        w("    " + ",".join("%d" % b for b in stream[k:k + 20]) + ",\n")
    w("};\n")
    text = "".join(lines)
    summary = "runs=%d palette=%d bytes=%d checkpoints=%d" % (len(runs), len(palette), len(stream), len(checkpoints))
    if "--check" in sys.argv[1:]:
        with open(OUTPUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit("engine/formats/unicode_props_data.inc is stale: run " + sys.argv[0])
        print("unicode_props_data.inc up to date (" + summary + ")")
    else:
        with open(OUTPUT, "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote unicode_props_data.inc (" + summary + ")")


if __name__ == "__main__":
    main()
