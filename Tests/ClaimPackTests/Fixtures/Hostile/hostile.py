#!/usr/bin/env python3
"""Makes hostile and tampered bundles from a real one, for the verifier's tests.

    hostile.py CASE SOURCE.zip TARGET.zip

Each case changes one thing the way an attacker or a forger would: raw byte edits of
the archive, or a re-packed archive (Python's zipfile) whose BagIt files are brought up
to date so that only the targeted check can catch it. `hostile.py --list` prints the
cases with the finding code each must produce.
"""
import hashlib, io, re, struct, sys, unicodedata, zipfile

CASES = {}


def case(code):
    def register(function):
        CASES[function.__name__.replace('_', '-')] = (code, function)
        return function
    return register


# ---------------------------------------------------------------- helpers

def members(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def root(items):
    return items[0][0].split('/')[0]


def pack(items, fix=True, store_all=False):
    """Writes items [(name, bytes) or (ZipInfo, bytes)], after bringing the BagIt tag
    files up to date when `fix` (a forger's consistent re-pack)."""
    if fix:
        items = fix_bagit(items)
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w') as z:
        for name, data in items:
            info = name if isinstance(name, zipfile.ZipInfo) else zipfile.ZipInfo(name, (2026, 11, 21, 0, 0, 0))
            if not isinstance(name, zipfile.ZipInfo):
                info.external_attr = 0o100644 << 16
                info.create_system = 3
                info.compress_type = zipfile.ZIP_STORED if store_all or name.endswith(('.png', '.pdf')) else zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return out.getvalue()


def fix_bagit(items):
    names = [n.filename if isinstance(n, zipfile.ZipInfo) else n for n, _ in items]
    top = names[0].split('/')[0]
    data = {n: d for n, d in zip(names, [d for _, d in items])}
    payload = sorted(n for n in names if n.startswith(top + '/data/') and not n.endswith('/'))
    rel = lambda n: n[len(top) + 1:]
    sha = lambda b: hashlib.sha256(b).hexdigest()
    if top + '/manifest-sha256.txt' in data:
        data[top + '/manifest-sha256.txt'] = ''.join(f'{sha(data[n])}  {rel(n)}\n' for n in payload).encode()
    if top + '/bag-info.txt' in data:
        info = data[top + '/bag-info.txt'].decode()
        oxum = f'{sum(len(data[n]) for n in payload)}.{len(payload)}'
        info = re.sub(r'Payload-Oxum: .*', 'Payload-Oxum: ' + oxum, info)
        if top + '/manifest.xml' in data:
            info = re.sub(r'Claim-Seal: .*', 'Claim-Seal: ' + sha(data[top + '/manifest.xml']), info)
        data[top + '/bag-info.txt'] = info.encode()
    if top + '/tagmanifest-sha256.txt' in data:
        tags = [n for n in names if not n.startswith(top + '/data/') and n != top + '/tagmanifest-sha256.txt']
        data[top + '/tagmanifest-sha256.txt'] = ''.join(f'{sha(data[n])}  {rel(n)}\n' for n in tags).encode()
    return [(n, data[n if isinstance(n, str) else n.filename]) for n, _ in items]


def edit(items, suffix, function):
    return [(n, function(d) if n.endswith(suffix) else d) for n, d in items]


def first_payload(items):
    return next(n for n, _ in items if '/data/evidence/' in n)


def local_headers(data):
    """(name, header offset, name offset, data offset) of each entry, from the central directory."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        result = []
        for i in z.infolist():
            name_length, extra_length = struct.unpack('<HH', data[i.header_offset + 26:i.header_offset + 30])
            result.append((i, i.header_offset, i.header_offset + 30, i.header_offset + 30 + name_length + extra_length))
        return result


def central_records(data):
    end = data.rfind(b'PK\x05\x06')
    count, size, offset = struct.unpack('<HII', data[end + 10:end + 20])
    records, position = [], offset
    for _ in range(count):
        n, m, k = struct.unpack('<HHH', data[position + 28:position + 34])
        records.append(position)
        position += 46 + n + m + k
    return records


# ---------------------------------------------------------------- the ZIP layer

@case('V100')
def empty(data): return b''

@case('V101')
def not_a_zip(data): return b'This is a letter, not an archive.\n' * 20

@case('V101')
def pdf_renamed(data): return b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'

@case('V102')
def truncated(data): return data[:len(data) // 2]

@case('V104')
def crc_mismatch(data):
    info, _, _, start = next(h for h in local_headers(data) if h[0].filename.endswith('.png'))
    out = bytearray(data)
    out[start + info.compress_size // 2] ^= 0x55
    return bytes(out)

@case('V105')
def duplicate_name(data):
    items = members(data)
    name, body = next((n, d) for n, d in items if '/data/evidence/' in n)
    return pack(items + [(name, b'a second file with the same name')], fix=False)

@case('V106')
def duplicate_name_nfc(data):
    items = members(data)
    top = root(items)
    return pack(items + [(f'{top}/data/evidence/caf\u00e9.txt', b'nfc'), (f'{top}/data/evidence/cafe\u0301.txt', b'nfd')])

@case('V107')
def duplicate_name_case(data):
    items = members(data)
    top = root(items)
    return pack(items + [(f'{top}/data/evidence/Receipt.txt', b'a'), (f'{top}/data/evidence/receipt.TXT', b'b')])

@case('V108')
def absolute_path(data): return pack(members(data) + [('/etc/cron.d/evil', b'* * * * * root sh\n')], fix=False)

@case('V109')
def dot_dot(data):
    items = members(data)
    return pack(items + [(f'{root(items)}/data/evidence/../../../../home/user/.bashrc', b'evil\n')], fix=False)

@case('V110')
def backslash(data):
    items = members(data)
    return pack(items + [(f'{root(items)}/data/evidence/..\\..\\windows\\evil.bat', b'evil\n')], fix=False)

@case('V111')
def drive_letter(data): return pack(members(data) + [('C:/Windows/evil.bat', b'evil\n')], fix=False)

@case('V112')
def control_character(data):
    items = members(data)
    return pack(items + [(f'{root(items)}/data/evidence/bell\x07\n.txt', b'ring\n')], fix=False)

@case('V129')
def component_too_long(data):
    # A file name of 256 bytes, listed in the BagIt manifest: no file system can extract it.
    items = members(data)
    return pack(items + [(f'{root(items)}/data/evidence/' + 'я' * 128, b'long\n')])

@case('V129')
def name_too_long(data):
    # Short components, 1,100 bytes in all: more than build writes (a warning; the file is also unlisted).
    items = members(data)
    return pack(items + [(f'{root(items)}/data/evidence/' + '/'.join(['d' * 99] * 11) + '.txt', b'deep\n')])

@case('V113')
def invalid_utf8_name(data):
    info, header, name_at, _ = next(h for h in local_headers(data) if h[0].filename.endswith('bagit.txt'))
    out = bytearray(data)
    position = len(info.filename) - len('bagit.txt')
    out[name_at + position] = 0xFF
    for record in central_records(data):
        n = struct.unpack('<H', data[record + 28:record + 30])[0]
        if data[record + 46:record + 46 + n] == info.filename.encode():
            out[record + 46 + position] = 0xFF
    return bytes(out)

@case('V114')
def symbolic_link(data):
    items = members(data)
    info = zipfile.ZipInfo(f'{root(items)}/data/evidence/passwd', (2026, 11, 21, 0, 0, 0))
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return pack(items + [(info, b'/etc/passwd')])

@case('V115')
def named_pipe(data):
    items = members(data)
    info = zipfile.ZipInfo(f'{root(items)}/data/evidence/pipe', (2026, 11, 21, 0, 0, 0))
    info.create_system = 3
    info.external_attr = 0o010644 << 16
    return pack(items + [(info, b'')])

@case('V116')
def encrypted(data):
    out = bytearray(data)
    for info, header, _, _ in local_headers(data):
        out[header + 6] |= 1
    for record in central_records(data):
        out[record + 8] |= 1
    return bytes(out)

@case('V117')
def bzip2_method(data):
    items = members(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w') as z:
        for name, body in fix_bagit(items):
            z.writestr(zipfile.ZipInfo(name, (2026, 11, 21, 0, 0, 0)), body, compress_type=zipfile.ZIP_BZIP2)
    return out.getvalue()

@case('V120')
def compression_bomb(data):
    items = members(data)
    return pack(items + [(f'{root(items)}/data/evidence/zeros.bin', bytes(200 << 20))])

@case('V121')
def data_before_first_entry(data):
    # A prepended program whose offsets were adjusted, as `zip -A` does for self-extractors.
    prefix = b'MZ' + b'\x90' * 510
    out = bytearray(prefix + data)
    for record in central_records(data):
        offset = struct.unpack('<I', data[record + 42:record + 46])[0]
        out[len(prefix) + record + 42:len(prefix) + record + 46] = struct.pack('<I', offset + len(prefix))
    end = data.rfind(b'PK\x05\x06')
    directory = struct.unpack('<I', data[end + 16:end + 20])[0]
    out[len(prefix) + end + 16:len(prefix) + end + 20] = struct.pack('<I', directory + len(prefix))
    return bytes(out)

@case('V122')
def trailing_data(data): return data + b'\nhidden text after the end of the archive\n'

@case('V123')
def overlapping_entries(data):
    records = central_records(data)
    out = bytearray(data)
    first = struct.unpack('<I', data[records[0] + 42:records[0] + 46])[0]
    out[records[1] + 42:records[1] + 46] = struct.pack('<I', first)
    return bytes(out)

@case('V124')
def declared_size_lie(data):
    # The deflated manifest.xml says it holds one byte less than it does, in both headers.
    info, header, _, _ = next(h for h in local_headers(data) if h[0].filename.endswith('/manifest.xml'))
    out = bytearray(data)
    out[header + 22:header + 26] = struct.pack('<I', info.file_size - 1)
    for record in central_records(data):
        n = struct.unpack('<H', data[record + 28:record + 30])[0]
        if data[record + 46:record + 46 + n] == info.filename.encode():
            out[record + 24:record + 28] = struct.pack('<I', info.file_size - 1)
    return bytes(out)

@case('V125')
def damaged_deflate(data):
    # The first byte of a deflate stream says "final block, reserved type 3": no inflater reads on.
    _, _, _, start = next(h for h in local_headers(data) if h[0].filename.endswith('/manifest.xml'))
    out = bytearray(data)
    out[start] = 0x07
    return bytes(out)

@case('V127')
def directory_entry(data):
    items = members(data)
    return pack(items + [(f'{root(items)}/data/evidence/sub/', b'')], fix=False)

@case('V126')
def outside_bundle_folder(data):
    return pack(members(data) + [('elsewhere/readme.txt', b'not part of the bag\n')], fix=False)

@case('V128')
def version_made_by(data):
    out = bytearray(data)
    out[central_records(data)[0] + 4] = 0x14
    return bytes(out)

# ---------------------------------------------------------------- the BagIt layer

@case('V200')
def no_declaration(data): return pack([(n, d) for n, d in members(data) if not n.endswith('/bagit.txt')])

@case('V201')
def bad_declaration(data): return pack(edit(members(data), '/bagit.txt', lambda d: b'BagIt-Version: 0.93\nTag-File-Character-Encoding: UTF-8\n'))

@case('V202')
def no_payload_manifest(data): return pack([(n, d) for n, d in members(data) if not n.endswith('/manifest-sha256.txt')])

@case('V203')
def malformed_manifest_line(data):
    return pack(edit(members(data), '/manifest-sha256.txt', lambda d: d + b'this is not a manifest line\n'), fix=False)

@case('V204')
def payload_changed(data):
    items = members(data)
    target = first_payload(items)
    return pack([(n, d + b'\x00' if n == target else d) for n, d in items], fix=False)

@case('V205')
def listed_file_missing(data):
    items = members(data)
    target = first_payload(items)
    return pack([(n, d) for n, d in items if n != target], fix=False)

@case('V206')
def unlisted_payload(data):
    items = members(data)
    return pack(items + [(f'{root(items)}/data/evidence/planted.txt', b'planted evidence\n')], fix=False)

@case('V207')
def no_tag_manifest(data): return pack([(n, d) for n, d in members(data) if not n.endswith('/tagmanifest-sha256.txt')])

@case('V208')
def unlisted_tag_file(data):
    items = members(data)
    return pack(items + [(f'{root(items)}/notes.txt', b'an extra tag file\n')], fix=False)

@case('V209')
def no_bag_info(data): return pack([(n, d) for n, d in members(data) if not n.endswith('/bag-info.txt')])

@case('V210')
def payload_oxum(data):
    items = fix_bagit(members(data))
    items = edit(items, '/bag-info.txt', lambda d: re.sub(rb'Payload-Oxum: \d+', b'Payload-Oxum: 1', d))
    return pack(retag(items), fix=False)

@case('V211')
def bag_info_seal(data):
    items = fix_bagit(members(data))
    items = edit(items, '/bag-info.txt', lambda d: re.sub(rb'Claim-Seal: \w+', b'Claim-Seal: ' + b'0' * 64, d))
    return pack(retag(items), fix=False)


def retag(items):
    """Brings only tagmanifest-sha256.txt up to date."""
    top = root(items)
    data = dict(items)
    tags = [n for n, _ in items if not n.startswith(top + '/data/') and not n.endswith('/tagmanifest-sha256.txt')]
    data[top + '/tagmanifest-sha256.txt'] = ''.join(f'{hashlib.sha256(data[n]).hexdigest()}  {n[len(top) + 1:]}\n' for n in tags).encode()
    return [(n, data[n]) for n, _ in items]

# ---------------------------------------------------------------- the manifest layer

def manifest_edit(function):
    def apply(data):
        return pack(edit(members(data), '/manifest.xml', function))
    return apply

@case('V300')
def no_manifest(data): return pack([(n, d) for n, d in members(data) if not n.endswith('/manifest.xml')])

@case('V301')
def doctype_xxe(data):
    return manifest_edit(lambda d: d.replace(b'?>\n', b'?>\n<!DOCTYPE claimManifest [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n', 1))(data)

@case('V301')
def billion_laughs(data):
    laughs = b'<!DOCTYPE lolz [<!ENTITY lol "lol">' + b''.join(
        b'<!ENTITY lol%d "%s">' % (i, (b'&lol%d;' % (i - 1) if i > 1 else b'&lol;') * 10) for i in range(1, 10)) + b']>\n'
    return manifest_edit(lambda d: d.replace(b'?>\n', b'?>\n' + laughs, 1))(data)

@case('V302')
def malformed_manifest(data): return manifest_edit(lambda d: d.replace(b'</claimManifest>', b'</claimManifest'))(data)

@case('V302')
def deep_manifest(data): return manifest_edit(lambda d: d.replace(b'</subject>', b'</subject>' + b'<a>' * 5000 + b'</a>' * 5000))(data)

@case('V303')
def schema_violation(data): return manifest_edit(lambda d: re.sub(rb'amount="[^"]*"', b'amount="1,5"', d, count=1) if b'amount="' in d else d.replace(b'kind="claim"', b'kind="lawsuit"'))(data)

@case('V304')
def evidence_missing(data):
    items = members(data)
    target = first_payload(items)
    return pack([(n, d) for n, d in items if n != target])

@case('V305')
def evidence_size(data): return manifest_edit(lambda d: re.sub(rb'size="(\d+)"', lambda m: b'size="%d"' % (int(m.group(1)) + 1), d, count=1))(data)

@case('V306')
def evidence_digest(data): return manifest_edit(lambda d: re.sub(rb'sha256="[0-9a-f]{64}"', b'sha256="' + b'a' * 64 + b'"', d, count=1))(data)

@case('V307')
def evidence_unlisted(data):
    items = members(data)
    return pack(items + [(f'{root(items)}/data/evidence/planted.txt', b'planted evidence\n')])

@case('V308')
def unexpected_payload(data):
    items = members(data)
    return pack(items + [(f'{root(items)}/data/secret/notes.txt', b'not evidence\n')])

@case('V309')
def renamed_folder(data):
    items = members(data)
    top = root(items)
    return pack([('renamed' + n[len(top):], d) for n, d in items])

# ---------------------------------------------------------------- the delivery record

@case('V500')
def no_delivery_record(data): return pack([(n, d) for n, d in members(data) if not n.endswith('/delivery.xml')])

@case('V501')
def delivery_other_seal(data):
    return pack(edit(members(data), '/delivery.xml', lambda d: re.sub(rb'seal="[0-9a-f]{64}"', b'seal="' + b'b' * 64 + b'"', d)))

@case('V502')
def delivery_event_edited(data):
    return pack(edit(members(data), '/delivery.xml', lambda d: re.sub(rb'<name>[^<]*</name>', '<name>Someone else</name>'.encode(), d, count=1)))

@case('V503')
def delivery_event_repeated(data):
    # The prepared event recorded twice: the copy does not follow the event before it.
    def double(d):
        event = re.search(rb'  <event .*?</event>\n', d, re.S).group(0)
        return d.replace(event, event + event)
    return pack(edit(members(data), '/delivery.xml', double))

@case('V505')
def delivery_proof_missing(data):
    proof = b'<proof path="data/delivery/form-119.pdf" size="1024" sha256="' + b'c' * 64 + b'"/>\n  </event>'
    return pack(edit(members(data), '/delivery.xml', lambda d: d.replace(b'</event>', proof, 1)))

@case('V504')
def delivery_first_event_not_prepared(data):
    return pack(edit(members(data), '/delivery.xml', lambda d: d.replace(b'type="prepared"', b'type="sent"')))


# ---------------------------------------------------------------- time-stamp tokens
# Tokens made by a throwaway authority (openssl ts -reply, as Tests/Support/local_tsa.py
# does), stored with a `timestamped` event whose hash chain is brought up to date (Python's
# C14N equals libxml2's exclusive C14N for these events), so that only the token is wrong.

TSA_CONFIG = """
[ tsa ]
default_tsa = tsa_config1
[ tsa_config1 ]
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
tsa_name = yes
ess_cert_id_alg = sha256
[ tsa_ext ]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
[ bad_ext ]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,codeSigning
"""


def openssl(folder, *arguments, data=None):
    import subprocess
    return subprocess.run(['openssl', *arguments], cwd=folder, check=True, input=data,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout


def authority(folder):
    """A test CA and two certificates it issues: tsa.pem (timeStamping) and bad.pem (codeSigning)."""
    import os
    with open(os.path.join(folder, 'tsa.cnf'), 'w') as f:
        f.write(TSA_CONFIG.format(dir=folder))
    with open(os.path.join(folder, 'serial'), 'w') as f:
        f.write('01\n')
    ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']
    openssl(folder, 'req', '-x509', *ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=hostile root',
            '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign')
    for name, extensions in (('tsa', 'tsa_ext'), ('bad', 'bad_ext')):
        openssl(folder, 'req', *ec, '-keyout', name + '.key', '-out', name + '.csr', '-subj', '/CN=hostile ' + name)
        openssl(folder, 'x509', '-req', '-in', name + '.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
                '-out', name + '.pem', '-days', '30', '-extfile', 'tsa.cnf', '-extensions', extensions)


def token_for(digest):
    """A DER TimeStampResp for the SHA-256 `digest` (hex) from a new throwaway authority, and its folder."""
    import atexit, shutil, tempfile
    folder = tempfile.mkdtemp(prefix='hostile-tsa-')
    atexit.register(shutil.rmtree, folder, True)
    authority(folder)
    openssl(folder, 'ts', '-query', '-digest', digest, '-sha256', '-cert', '-no_nonce', '-out', 'q.tsq')
    openssl(folder, 'ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'q.tsq', '-out', 'r.tsr')
    with open(folder + '/r.tsr', 'rb') as f:
        return f.read(), folder


def der_length(count):
    if count < 0x80:
        return bytes([count])
    body = count.to_bytes((count.bit_length() + 7) // 8, 'big')
    return bytes([0x80 | len(body)]) + body


def seal_of(items):
    return hashlib.sha256(next(d for n, d in items if n.endswith('/manifest.xml'))).hexdigest()


def with_token(data, token, imprint=None, copies=1):
    """The bundle with `token` stored as the token of a new `timestamped` event (or of
    `copies` events) stamping the seal (or, as the event says, `imprint`), the chain and
    the BagIt files up to date."""
    items = members(data)
    top = root(items)
    record = next(d for n, d in items if n.endswith('/delivery.xml')).decode()
    hashes = re.findall(r'<event [^>]* hash="([0-9a-f]{64})"', record)
    path = 'data/timestamps/%02d-hostile.tsr' % (len(hashes) + 1)
    previous = hashes[-1]
    for _ in range(copies):
        record, previous = with_event(record, previous, path, token, imprint or seal_of(items))
    items = edit(items, '/delivery.xml', lambda d: record.encode())
    return pack(items + [(top + '/' + path, token)])


def with_event(record, previous, path, token, imprint):
    """`record` with a `timestamped` event for `token` at `path` after the event whose hash
    is `previous`; and the new event's hash."""
    import datetime
    import xml.etree.ElementTree as ET
    at = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S+00:00')
    event = (f'<event type="timestamped" at="{at}" previous="{previous}">'
             f'<token path="{path}" size="{len(token)}" sha256="{hashlib.sha256(token).hexdigest()}" '
             f'authority="CN=hostile tsa" serial="01" stamps="seal" imprint="{imprint}"/></event>')
    canonical = ET.canonicalize(event.replace('<event ', '<event xmlns="urn:claimpack:delivery:1" ', 1), strip_text=True)
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    event = event.replace(f'previous="{previous}"', f'previous="{previous}" hash="{digest}"')
    event = '  ' + event.replace('"><token', '">\n    <token').replace('/></event>', '/>\n  </event>') + '\n'
    return record.replace('</deliveryRecord>', event + '</deliveryRecord>'), digest


@case('V701')
def timestamp_other_seal(data):
    return with_token(data, token_for('ab' * 32)[0])

@case('V702')
def timestamp_bad_signature(data):
    # The last byte of the DER is the last byte of the ECDSA signature's s: still DER, no longer the signature.
    token = bytearray(token_for(seal_of(members(data)))[0])
    token[-1] ^= 0x01
    return with_token(data, bytes(token))

@case('V700')
def timestamp_truncated(data):
    token = token_for(seal_of(members(data)))[0]
    return with_token(data, token[:len(token) // 2])

@case('V700')
def timestamp_garbage_10mb(data):
    import random
    return with_token(data, random.Random(3161).randbytes(10 << 20))

@case('V700')
def timestamp_nested_cms(data):
    # A TimeStampResp, status granted, whose token is a SignedData (version 3, SHA-256)
    # encapsulating a TSTInfo whose content is an OCTET STRING of OCTET STRINGs nested
    # 100,000 deep, all of indefinite length: a bomb for a recursive BER reader.
    depth = 100000
    end = b'\x00\x00'
    nested = b'\x24\x80' * depth + end * depth
    tst_info = b'\x06\x0b\x2a\x86\x48\x86\xf7\x0d\x01\x09\x10\x01\x04' + b'\xa0\x80' + nested + end
    sha256 = b'\x31\x0f\x30\x0d\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x01\x05\x00'
    signed = b'\x30\x80' + b'\x02\x01\x03' + sha256 + b'\x30\x80' + tst_info + end + b'\x31\x00' + end
    content_info = b'\x30\x80' + b'\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02' + b'\xa0\x80' + signed + end + end
    return with_token(data, b'\x30\x80' + b'\x30\x03\x02\x01\x00' + content_info + end)

@case('V700')
def timestamp_shared_token(data):
    # A good token named by 20 events: read and checked once, the other events reported.
    return with_token(data, token_for(seal_of(members(data)))[0], copies=20)

@case('V703')
def timestamp_wrong_usage(data):
    # openssl ts -reply refuses a certificate without timeStamping: the TSTInfo of a good
    # token is signed again with openssl cms by a codeSigning certificate of the same CA.
    good, folder = token_for(seal_of(members(data)))
    openssl(folder, 'ts', '-reply', '-in', 'r.tsr', '-token_out', '-out', 'token.der')
    openssl(folder, 'cms', '-verify', '-noverify', '-inform', 'DER', '-in', 'token.der', '-out', 'tstinfo.der')
    signed = openssl(folder, 'cms', '-sign', '-binary', '-nodetach', '-cades', '-md', 'sha256', '-econtent_type', '1.2.840.113549.1.9.16.1.4',
                     '-in', 'tstinfo.der', '-signer', 'bad.pem', '-inkey', 'bad.key', '-outform', 'DER')
    status = b'\x30\x03\x02\x01\x00'
    return with_token(data, b'\x30' + der_length(len(status) + len(signed)) + status + signed)


if __name__ == '__main__':
    if sys.argv[1:] == ['--list']:
        for name, (code, _) in CASES.items():
            print(name, code)
        sys.exit(0)
    name, source, target = sys.argv[1:4]
    with open(source, 'rb') as f:
        original = f.read()
    with open(target, 'wb') as f:
        f.write(CASES[name][1](original))
