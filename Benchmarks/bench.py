#!/usr/bin/env python3
"""claimpack's throughput and memory, side by side with the tools people use today.

    python3 Benchmarks/bench.py [--runs 3] [--quick] [--only tmpfs|disk|kit] [--rows 1,2,...]
                                [--binary PATH] [--compare PATH] [--output docs/benchmarks/benchmark-DATE.md]

Generates its data — 1 GiB in four files, 5,000 files of 40 KB, one 4 GiB file, 20,000
and 64,000 files of 1 KB (64,000 short names are about the most a manifest.xml of 16 MiB,
the tag-file limit, admits) — as claim folders, once on tmpfs (/dev/shm) and once on disk
(.build-bench/), and measures the median wall-clock time of --runs runs, the median CPU
time (user + system) and the peak memory (/usr/bin/time -v) of:
`claimpack build`, `claimpack verify`, `openssl dgst -sha256` over the same bytes (the
reference: one pass of the hash), `cat` of the same bytes into one file (what writing
them costs on that file system), `zip -0 -r`, and bagit-python (`--sha256` on a copy,
then `zip -0 -r`; and `--validate`). Every build and zip run starts without its output;
verify reads a bundle in the page cache, as openssl does its input.
The commands take turns, one run of each per round, so that all see the machine alike. The 4 GiB file is measured with claimpack and
openssl only (a bag and a zip of it as well would need 16 GiB of tmpfs). Prints a
Markdown table with the ratios to openssl; --output also writes it to a file.
The rows of many small files give the peak memory per file above the base: the peak of
the same command on a folder of one file, measured in the same run.
--quick uses a tenth of the sizes, to try the script; --rows picks datasets by number
(1 to 5); --binary measures a claimpack built elsewhere instead of building this one; --compare PATH
measures another binary (an earlier version) in the same rounds, interleaved, as
`claimpack build (PATH)` and `claimpack verify (PATH)`: a change to the engine is
measured before and after this way.

--only kit measures the printed kit instead (`kit_benchmark`): `claimpack letter` of a
bundle with 50 enclosures — a 40-page PDF, a 12,000 × 1,080 px screenshot, JPEG photos,
PNG screenshots and Markdown notes — its median time and peak memory, its pages, and
whether each JPEG is embedded once (`pdfimages -list`). The target is under 10 s.
"""
import argparse, datetime, os, re, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(command, cwd=None):
    """Runs `command` under /usr/bin/time -v; returns (seconds, peak RSS in MiB, CPU
    seconds: user + system). The CPU time says more than the wall time on a machine that
    others share."""
    start = time.perf_counter()
    result = subprocess.run(['/usr/bin/time', '-v'] + command, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f'failed: {" ".join(command)}\n{result.stderr[-2000:]}')
    peak = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', result.stderr).group(1)) / 1024
    cpu = sum(float(re.search(rf'{kind} time \(seconds\): ([\d.]+)', result.stderr).group(1)) for kind in ('User', 'System'))
    return elapsed, peak, cpu


def remove(path):
    if os.path.isdir(path):
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.exists(path):
        os.remove(path)


def rounds(runs, commands):
    """Runs every command once per round, in order, for `runs` rounds: so that each sees
    the machine in the same state as the others (on these VMs the cost of fresh memory
    changes from second to second). Returns {name: (median seconds, largest peak, median
    CPU seconds)}."""
    times = {name: [] for name, _, _ in commands}
    peaks = {name: [] for name, _, _ in commands}
    cpus = {name: [] for name, _, _ in commands}
    for _ in range(runs):
        for name, measure, prepare in commands:
            if prepare:
                prepare()
            seconds, peak, cpu = measure()
            times[name].append(seconds)
            peaks[name].append(peak)
            cpus[name].append(cpu)
    return {name: (statistics.median(times[name]), max(peaks[name]), statistics.median(cpus[name])) for name, _, _ in commands}


CLAIM = """format: 1
language: en
id: bench
date: 2026-11-21
subject: Benchmark
claimant: {name: Ann Smith, address: "1 Road, Leeds", email: ann@example.com}
respondent: {name: Shop Ltd, address: "2 Road, York"}
demands: [{text: Refund.}]
delivery: {method: email}
"""


def make_dataset(base, name, files, size, short_names=False):
    """A claim folder of `files` files of `size` bytes. With `short_names` the files are
    `evidence/NN/NNNNN`, so that as many fit in manifest.xml as may."""
    folder = os.path.join(base, name)
    if os.path.exists(folder):
        return folder
    evidence = os.path.join(folder, 'evidence')
    os.makedirs(evidence)
    with open(os.path.join(folder, 'claim.yaml'), 'w') as f:
        f.write(CLAIM)
    chunk = os.urandom(1 << 20)
    for index in range(files):
        if short_names:
            path = os.path.join(evidence, f'{index // 1000:02d}', f'{index:05d}')
        elif files > 100:
            path = os.path.join(evidence, f'{index // 1000:02d}', f'file-{index:05d}.bin')
        else:
            path = os.path.join(evidence, f'recording-{index}.bin')
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'wb') as f:
            left = size
            while left > 0:
                piece = min(left, len(chunk))
                # Rotate the random chunk so that files differ.
                f.write(chunk[index % 997:][:piece] if piece <= len(chunk) - index % 997 else os.urandom(piece))
                left -= piece
    return folder


def evidence_files(folder):
    paths = []
    for directory, _, names in os.walk(os.path.join(folder, 'evidence')):
        paths += [os.path.join(directory, n) for n in names]
    return sorted(paths)


def measure(base, label, folder, claimpack, runs, full, others=True, compare=None):
    out = os.path.join(base, 'out')
    os.makedirs(out, exist_ok=True)
    bundle = os.path.join(out, 'bench.zip')
    plain = os.path.join(out, 'plain.bin')
    zipped = os.path.join(out, 'plain.zip')
    copy = os.path.join(out, 'bag')
    files = evidence_files(folder)
    # xargs keeps the command lines short.
    listing = os.path.join(out, 'files.txt')
    with open(listing, 'w') as f:
        f.write('\0'.join(files))

    def fresh_copy():
        remove(copy)
        shutil.copytree(os.path.join(folder, 'evidence'), copy)
        remove(zipped)

    commands = [
        # The reference: one pass of the hash over the same bytes.
        ('openssl dgst -sha256', lambda: run(['sh', '-c', f'xargs -0 openssl dgst -sha256 < "{listing}" > /dev/null']), None),
    ]
    if others:
        # Writing the same bytes once, into one file beside the bundle: what the file
        # system charges for the bytes every archiver must write.
        commands.append(('cat > file (writing the bytes once)', lambda: run(['sh', '-c', f'xargs -0 cat < "{listing}" > "{plain}"']),
                         lambda: remove(plain)))
    commands += [
        # Each build starts without the bundle, as each zip run starts without its archive.
        ('claimpack build', lambda: run([claimpack, 'build', folder, '-o', bundle]), lambda: (remove(plain), remove(bundle))),
        # The bundle is read into the page cache first, as openssl's input is: build wrote
        # it past the cache (O_DIRECT), and the first read of it would time the disk.
        ('claimpack verify', lambda: run([claimpack, 'verify', bundle]),
         lambda: subprocess.run(['cat', bundle], stdout=subprocess.DEVNULL, check=True)),
    ]
    if compare:
        # The other binary in the same rounds, right after this one: before and after a
        # change, measured alike.
        other = os.path.join(out, 'compare.zip')
        binary, tag = compare
        commands += [
            (f'claimpack build ({tag})', lambda: run([binary, 'build', folder, '-o', other]), lambda: remove(other)),
            (f'claimpack verify ({tag})', lambda: run([binary, 'verify', other]),
             lambda: subprocess.run(['cat', other], stdout=subprocess.DEVNULL, check=True)),
        ]
    if full:
        commands += [
            ('zip -0 -r', lambda: run(['zip', '-q', '-0', '-r', zipped, 'evidence'], cwd=folder), lambda: remove(zipped)),
            ('bagit --sha256, then zip -0 -r', lambda: sum_pair(
                run([sys.executable, '-m', 'bagit', '--sha256', '--processes', '1', copy]),
                run(['zip', '-q', '-0', '-r', zipped, 'bag'], cwd=out)), fresh_copy),
            ('bagit --validate', lambda: run([sys.executable, '-m', 'bagit', '--validate', copy]), lambda: remove(zipped)),
        ]
    rows = rounds(runs, commands)
    for path in (bundle, plain, zipped, copy, os.path.join(out, 'compare.zip')):
        remove(path)
    return rows


def sum_pair(a, b):
    return a[0] + b[0], max(a[1], b[1]), a[2] + b[2]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--quick', action='store_true')
    parser.add_argument('--only', choices=['tmpfs', 'disk', 'kit'])
    parser.add_argument('--output', help="also write the table to this file (docs/benchmarks/benchmark-DATE.md)")
    parser.add_argument('--rows', help='the datasets to measure, by number: 1 GiB, 5,000 files, 4 GiB, 20,000 files, 64,000 files')
    parser.add_argument('--binary', help='a claimpack binary to measure instead of building one')
    parser.add_argument('--compare', help='another claimpack binary (an earlier version) measured in the same rounds')
    args = parser.parse_args()

    # (the binary, its name in the table: the path as given)
    compare = (os.path.abspath(args.compare), args.compare) if args.compare else None
    if args.binary:
        claimpack = os.path.abspath(args.binary)
    else:
        subprocess.run(['swift', 'build', '-c', 'release', '--static-swift-stdlib', '--product', 'claimpack'], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        claimpack = os.path.join(subprocess.run(['swift', 'build', '-c', 'release', '--static-swift-stdlib', '--show-bin-path'], cwd=ROOT,
                                                capture_output=True, text=True, check=True).stdout.strip(), 'claimpack')
    os.environ.setdefault('CLAIMPACK_RESOURCES', ROOT)
    if args.only == 'kit':
        text = kit_benchmark(claimpack, args.runs)
        if args.output:
            with open(args.output, 'w') as f:
                f.write(text)
        print(text)
        return
    scale = 10 if args.quick else 1
    # (name, files, bytes per file, with the other tools, short names: many small files)
    datasets = [('1 GiB in 4 files', 4, (256 << 20) // scale, True, False),
                ('5,000 files of 40 KB', 5000 // scale, 40_000, True, False),
                ('one 4 GiB file', 1, (4 << 30) // scale, False, False),
                ('20,000 files of 1 KB', 20_000 // scale, 1000, False, True),
                ('64,000 files of 1 KB', 64_000 // scale, 1000, False, True)]
    if args.rows:
        chosen = {int(n) for n in args.rows.split(',')}
        datasets = [d for i, d in enumerate(datasets, 1) if i in chosen]
    locations = [('tmpfs', '/dev/shm/claimpack-bench'), ('disk', os.path.join(ROOT, '.build-bench'))]
    lines = [f'# claimpack benchmark, {datetime.date.today()}', '',
             f'Machine: {os.cpu_count()} cores, `{platform_line()}`; {args.runs} runs, medians; CPU is user + system '
             'time; peak memory is the largest resident set of the runs. Ratios are to `openssl dgst -sha256` over the '
             'same bytes in the same run. The disk is the one /work is on, with the files in the page cache after they '
             'are made.', '']
    for location, base in locations:
        if args.only and args.only != location:
            continue
        shutil.rmtree(base, ignore_errors=True)
        os.makedirs(base)
        try:
            base_peaks = None
            for name, count, size, full, many in datasets:
                if many and base_peaks is None:
                    one = make_dataset(base, 'one-file', 1, size, short_names=True)
                    base_rows = measure(base, 'one file', one, claimpack, args.runs, False, others=False, compare=compare)
                    base_peaks = {command: peak for command, (_, peak, _) in base_rows.items()}
                    shutil.rmtree(one, ignore_errors=True)
                folder = make_dataset(base, name.replace(' ', '-').replace(',', ''), count, size, short_names=many)
                rows = measure(base, name, folder, claimpack, args.runs, full, others=not many, compare=compare)
                reference = rows['openssl dgst -sha256'][0]
                header = '| command | seconds | × openssl | CPU seconds | peak memory |'
                if many:
                    header += ' per file above one file |'
                lines += [f'## {name}, on {location}', '', header, '|---|---:|---:|---:|---:|' + ('---:|' if many else '')]
                for command, (seconds, peak, cpu) in rows.items():
                    line = f'| {command} | {seconds:.2f} | {seconds / reference:.2f} | {cpu:.2f} | {peak:.0f} MiB |'
                    if many:
                        extra = (peak - base_peaks[command]) * 1024 / count if command.startswith('claimpack') else None
                        line += f' {extra:.2f} KiB |' if extra is not None else ' |'
                    lines.append(line)
                lines.append('')
                shutil.rmtree(folder, ignore_errors=True)
                print('\n'.join(lines[-len(rows) - 4:]), flush=True)
        finally:
            shutil.rmtree(base, ignore_errors=True)
    text = '\n'.join(lines) + '\n'
    if args.output:
        with open(args.output, 'w') as f:
            f.write(text)
    print(text)


def png(path, width, height, pixel_row):
    """A PNG of `height` rows, row y being the RGB bytes `pixel_row(y)` (made once a band)."""
    import struct, zlib
    rows = b''.join(b'\x00' + pixel_row(y) for y in range(height))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(rows, 6)) + chunk(b'IEND', b''))


def text_pdf(path, pages):
    """A PDF of `pages` A4 pages of Helvetica text, written by hand (not by Cairo)."""
    objects = ['<< /Type /Catalog /Pages 2 0 R >>',
               '<< /Type /Pages /Kids [%s] /Count %d >>' % (' '.join(f'{4 + 2 * i} 0 R' for i in range(pages)), pages),
               '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    for i in range(pages):
        lines = ' '.join(f'({"Statement line %d of page %d: payment 1,500.00 to Shop Ltd" % (n, i + 1)}) Tj 0 -16 Td' for n in range(40))
        stream = f'BT /F1 11 Tf 56 780 Td {lines} ET 56 100 m 540 100 l S'
        objects.append(f'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>')
        objects.append(f'<< /Length {len(stream)} >>\nstream\n{stream}\nendstream')
    body, offsets = b'%PDF-1.4\n', []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += f'{n} 0 obj\n{obj}\nendobj\n'.encode()
    xref = len(body)
    body += f'xref\n0 {len(objects) + 1}\n0000000000 65535 f \n'.encode() + b''.join(f'{o:010d} 00000 n \n'.encode() for o in offsets)
    body += f'trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n'.encode()
    with open(path, 'wb') as f:
        f.write(body)


def make_kit_claim(base):
    """A claim folder with 50 enclosures: a 40-page PDF, a 12,000 × 1,080 px screenshot,
    20 JPEG photos (pages of the PDF rendered by pdftoppm), 18 PNG screenshots of
    1,080 × 2,400 px and 10 Markdown call notes; sent by registered mail, so the kit has
    Form 107 and the envelope too."""
    folder = os.path.join(base, 'kit-claim')
    evidence = os.path.join(folder, 'evidence')
    os.makedirs(evidence)
    entries = []
    def add(name, title, kind):
        entries.append(f'  - {{id: e{len(entries) + 1}, file: evidence/{name}, title: "{title}", kind: {kind}}}')
    text_pdf(os.path.join(evidence, 'statement.pdf'), 40)
    add('statement.pdf', 'Statement, 40 pages', 'receipt')
    stripes = [bytes((x * 7 + band * 40) % 256 for x in range(1080 * 3)) for band in range(12)]
    png(os.path.join(evidence, 'tall.png'), 1080, 12000, lambda y: stripes[(y // 1000) % 12])
    add('tall.png', 'Chat history, one long screenshot', 'screenshot')
    subprocess.run(['pdftoppm', '-jpeg', '-r', '100', '-f', '1', '-l', '20', os.path.join(evidence, 'statement.pdf'),
                    os.path.join(evidence, 'photo')], check=True)
    for name in sorted(n for n in os.listdir(evidence) if n.startswith('photo')):
        add(name, f'Photo {name}', 'photo')
    for i in range(18):
        rows = [bytes((x * (i + 3) + band * 30) % 256 for x in range(1080 * 3)) for band in range(8)]
        png(os.path.join(evidence, f'screen-{i:02d}.png'), 1080, 2400, lambda y, rows=rows: rows[(y // 300) % 8])
        add(f'screen-{i:02d}.png', f'Screenshot {i + 1}', 'screenshot')
    for i in range(10):
        with open(os.path.join(evidence, f'call-{i:02d}.md'), 'w') as f:
            f.write(f'# Call {i + 1}\n\n' + '\n'.join(f'Line {n}: the operator said the money would come back within three days.' for n in range(70)))
        add(f'call-{i:02d}.md', f'Call notes {i + 1}', 'call-notes')
    assert len(entries) == 50, len(entries)
    claim = CLAIM.replace('delivery: {method: email}', 'delivery: {method: registered-mail, declared_value: "10.00"}')
    with open(os.path.join(folder, 'claim.yaml'), 'w') as f:
        f.write(claim + 'evidence:\n' + '\n'.join(entries) + '\n')
    return folder


def kit_benchmark(claimpack, runs):
    """`claimpack letter` of the 50-enclosure bundle: median seconds, peak memory, pages,
    and the JPEG image objects against the JPEG files (each embedded once)."""
    base = '/dev/shm/claimpack-bench-kit'
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    try:
        folder = make_kit_claim(base)
        bundle = os.path.join(base, 'kit.zip')
        subprocess.run([claimpack, 'build', folder, '-o', bundle], check=True, stdout=subprocess.DEVNULL)
        kit = os.path.join(base, 'kit.pdf')
        rows = rounds(runs, [('claimpack letter (50 enclosures)', lambda: run([claimpack, 'letter', bundle, '-o', kit]),
                              lambda: remove(kit))])
        seconds, peak = rows['claimpack letter (50 enclosures)']
        pages = re.search(r'Pages:\s+(\d+)', subprocess.run(['pdfinfo', kit], capture_output=True, text=True).stdout).group(1)
        images = subprocess.run(['pdfimages', '-list', kit], capture_output=True, text=True).stdout.splitlines()[2:]
        jpeg_objects = {line.split()[10] for line in images if line.split()[8] == 'jpeg'}
        jpeg_files = len([n for n in os.listdir(os.path.join(folder, 'evidence')) if n.endswith('.jpg')])
        size = os.path.getsize(kit) / (1 << 20)
        lines = [f'# claimpack kit benchmark, {datetime.date.today()}', '',
                 f'Machine: {os.cpu_count()} cores, `{platform_line()}`; {runs} runs, median; on tmpfs.', '',
                 '| command | seconds | peak memory | pages | PDF size | JPEG objects / JPEG files |', '|---|---:|---:|---:|---:|---:|',
                 f'| claimpack letter (50 enclosures) | {seconds:.2f} | {peak:.0f} MiB | {pages} | {size:.1f} MiB | {len(jpeg_objects)} / {jpeg_files} |',
                 '', 'Target: under 10 s.']
        return '\n'.join(lines) + '\n'
    finally:
        shutil.rmtree(base, ignore_errors=True)


def platform_line():
    try:
        model = next(l for l in open('/proc/cpuinfo') if l.startswith('model name')).split(':', 1)[1].strip()
    except (OSError, StopIteration):
        model = 'unknown CPU'
    return model


if __name__ == '__main__':
    main()
